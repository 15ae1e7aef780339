//! A filter whose documents are scored by optional clauses looked up one
//! document at a time.
//!
//! tantivy scores `must` clauses with optional `should` clauses through a
//! union of the optional clauses, refilled window by window: when the filter
//! keeps a few thousand facts out of millions, that union still decodes most
//! of each optional word's postings. [`ScoredFilter`] instead walks the
//! filter's documents and seeks each optional clause to them, so the cost
//! follows the filter's size, not the words' frequency.
//!
//! For a top-k search it also prunes the way MaxScore does: each term clause
//! can add at most its BM25 bound, so once the k-th best score reaches the
//! sum of the smallest bounds, a document needs one of the other ("essential")
//! clauses to enter, and the walk jumps from one essential match to the next.

use tantivy::query::{Bm25Weight, EnableScoring, Explanation, Query, Scorer, TermQuery, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

/// Documents matching `filter`, scored by the sum of the `scoring` clauses
/// (each with its boost) that match each of them (0 when none does).
#[derive(Debug)]
pub struct ScoredFilter {
    filter: Box<dyn Query>,
    scoring: Vec<(Box<dyn Query>, Score)>,
}

impl ScoredFilter {
    /// The documents of `filter`, scored by `scoring` (clause, boost).
    pub fn new(filter: Box<dyn Query>, scoring: Vec<(Box<dyn Query>, Score)>) -> ScoredFilter {
        ScoredFilter { filter, scoring }
    }
}

impl Clone for ScoredFilter {
    fn clone(&self) -> ScoredFilter {
        ScoredFilter {
            filter: self.filter.box_clone(),
            scoring: self.scoring.iter().map(|(q, b)| (q.box_clone(), *b)).collect(),
        }
    }
}

/// The most a clause can add to a score: its BM25 bound for a term query,
/// unbounded for any other.
fn bound(query: &dyn Query, boost: Score, enable_scoring: &EnableScoring<'_>) -> tantivy::Result<Score> {
    match (query.downcast_ref::<TermQuery>(), enable_scoring) {
        (Some(t), EnableScoring::Enabled { statistics_provider, .. }) => {
            Ok(Bm25Weight::for_terms(*statistics_provider, std::slice::from_ref(t.term()))?.boost_by(boost).max_score())
        }
        _ => Ok(Score::INFINITY),
    }
}

impl Query for ScoredFilter {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let unscored = match enable_scoring.searcher() {
            Some(searcher) => EnableScoring::disabled_from_searcher(searcher),
            None => EnableScoring::disabled_from_schema(enable_scoring.schema()),
        };
        let filter = self.filter.weight(unscored)?;
        let mut scoring = Vec::with_capacity(self.scoring.len());
        for (q, boost) in &self.scoring {
            scoring.push(Clause {
                weight: q.weight(enable_scoring)?,
                boost: *boost,
                bound: bound(q.as_ref(), *boost, &enable_scoring)?,
            });
        }
        // Smallest bounds first: the clauses that stop being essential first.
        scoring.sort_by(|a, b| a.bound.total_cmp(&b.bound));
        Ok(Box::new(ScoredFilterWeight { filter, scoring }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.filter.query_terms(visitor);
        for (q, _) in &self.scoring {
            q.query_terms(visitor);
        }
    }
}

struct Clause {
    weight: Box<dyn Weight>,
    boost: Score,
    bound: Score,
}

struct ScoredFilterWeight {
    filter: Box<dyn Weight>,
    /// In increasing order of bound.
    scoring: Vec<Clause>,
}

impl ScoredFilterWeight {
    fn scorers(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<ScoredFilterScorer> {
        let filter = self.filter.scorer(reader, 1.0)?;
        let scoring =
            self.scoring.iter().map(|c| c.weight.scorer(reader, boost * c.boost)).collect::<tantivy::Result<_>>()?;
        Ok(ScoredFilterScorer { filter, scoring })
    }
}

impl Weight for ScoredFilterWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(self.scorers(reader, boost)?))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!("document {doc} does not match")));
        }
        let total = scorer.score();
        let mut explanation = Explanation::new("sum of the optional clauses matching the filtered document", total);
        for c in &self.scoring {
            // A clause that does not match the document has no explanation.
            if let Ok(e) = c.weight.explain(reader, doc) {
                explanation.add_detail(e);
            }
        }
        Ok(explanation)
    }

    fn for_each_pruning(
        &self,
        threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        let mut s = self.scorers(reader, 1.0)?;
        // sums[k]: the most the first k clauses can add together.
        let sums: Vec<Score> = std::iter::once(0.0)
            .chain(self.scoring.iter().scan(0.0, |acc, c| {
                *acc += c.bound;
                Some(*acc)
            }))
            .collect();
        let mut threshold = threshold;
        let mut doc = s.filter.doc();
        while doc != TERMINATED {
            // Below a threshold of 0 every document enters, even one no
            // clause matches.
            if threshold >= 0.0 {
                // The first `k` clauses together cannot beat the threshold: a
                // document must match one of the others.
                let k = sums.partition_point(|&x| x <= threshold) - 1;
                if k == s.scoring.len() {
                    break;
                }
                let mut next = TERMINATED;
                for c in &mut s.scoring[k..] {
                    let d = if c.doc() < doc { c.seek(doc) } else { c.doc() };
                    next = next.min(d);
                }
                if next == TERMINATED {
                    break;
                }
                if next > doc {
                    doc = s.filter.seek(next);
                    continue;
                }
            }
            let score = s.score();
            if score > threshold {
                threshold = callback(doc, score);
            }
            doc = s.filter.advance();
        }
        Ok(())
    }
}

struct ScoredFilterScorer {
    filter: Box<dyn Scorer>,
    scoring: Vec<Box<dyn Scorer>>,
}

impl DocSet for ScoredFilterScorer {
    fn advance(&mut self) -> DocId {
        self.filter.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.filter.seek(target)
    }

    fn doc(&self) -> DocId {
        self.filter.doc()
    }

    fn size_hint(&self) -> u32 {
        self.filter.size_hint()
    }
}

impl Scorer for ScoredFilterScorer {
    fn score(&mut self) -> Score {
        let doc = self.filter.doc();
        let mut total = 0.0;
        for s in &mut self.scoring {
            if s.doc() < doc {
                s.seek(doc);
            }
            if s.doc() == doc {
                total += s.score();
            }
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::TopDocs;
    use tantivy::query::{BooleanQuery, BoostQuery, Occur};
    use tantivy::schema::{IndexRecordOption, Schema, STRING, TEXT};
    use tantivy::{doc, DocAddress, Index, Searcher};

    use super::*;

    struct Fixture {
        searcher: Searcher,
        kind: tantivy::schema::Field,
        body: tantivy::schema::Field,
    }

    fn fixture(docs: &[(&str, String)]) -> Fixture {
        let mut b = Schema::builder();
        let kind = b.add_text_field("kind", STRING);
        let body = b.add_text_field("body", TEXT);
        let index = Index::create_in_ram(b.build());
        let mut w: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for (k, text) in docs {
            w.add_document(doc!(kind => *k, body => text.as_str())).unwrap();
        }
        w.commit().unwrap();
        Fixture { searcher: index.reader().unwrap().searcher(), kind, body }
    }

    fn term(f: tantivy::schema::Field, t: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(Term::from_field_text(f, t), IndexRecordOption::WithFreqs))
    }

    /// Ours and tantivy's boolean query for the same filter and words.
    fn both(x: &Fixture, words: &[(&str, Score)]) -> (ScoredFilter, BooleanQuery) {
        let ours = ScoredFilter::new(term(x.kind, "fact"), words.iter().map(|(w, b)| (term(x.body, w), *b)).collect());
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, term(x.kind, "fact"))];
        clauses.extend(words.iter().map(|(w, b)| (Occur::Should, Box::new(BoostQuery::new(term(x.body, w), *b)) as _)));
        (ours, BooleanQuery::new(clauses))
    }

    fn top(x: &Fixture, q: &dyn Query, k: usize) -> Vec<(Score, DocAddress)> {
        x.searcher.search(q, &TopDocs::with_limit(k).order_by_score()).unwrap()
    }

    #[test]
    fn scores_like_a_boolean_query_and_keeps_only_the_filter() {
        let x = fixture(&[
            ("fact", "heroin seized by customs".into()),
            ("fact", "opium burned".into()),
            ("other", "heroin heroin heroin".into()),
            ("fact", "heroin heroin found".into()),
            ("fact", "customs report".into()),
        ]);
        let (ours, theirs) = both(&x, &[("heroin", 1.0), ("customs", 2.0)]);
        let (a, b) = (top(&x, &ours, 10), top(&x, &theirs, 10));
        assert_eq!(a.len(), 4, "every fact, none of the others");
        let docs = |v: &[(f32, DocAddress)]| v.iter().map(|(_, d)| d.doc_id).collect::<Vec<_>>();
        assert_eq!(docs(&a), docs(&b));
        // tantivy's filter clause adds the same constant to every document.
        let offset = b[0].0 - a[0].0;
        for (x, y) in a.iter().zip(&b) {
            assert!((y.0 - x.0 - offset).abs() < 1e-4, "{x:?} {y:?}");
        }
        assert_eq!(ours.count(&x.searcher).unwrap(), 4);
        let explained = ours.explain(&x.searcher, a[0].1).unwrap();
        assert!((explained.value() - a[0].0).abs() < 1e-4, "{} vs {}", explained.value(), a[0].0);
    }

    #[test]
    fn pruning_keeps_the_exact_top_k() {
        // Many documents, words of every frequency, several boosts.
        let words = ["heroin", "seized", "customs", "port", "tons", "rare"];
        let mut state = 11u64;
        let mut next = |n: u64| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 33) % n
        };
        let docs: Vec<(&str, String)> = (0..3000)
            .map(|_| {
                let kind = if next(4) == 0 { "other" } else { "fact" };
                let text: Vec<&str> = (0..1 + next(8))
                    .map(|_| {
                        let i = next(64) as usize;
                        // Zipf-like: early words are frequent.
                        words.get(i.trailing_zeros() as usize).copied().unwrap_or("filler")
                    })
                    .collect();
                (kind, text.join(" "))
            })
            .collect();
        let x = fixture(&docs);
        for k in [1, 5, 40, 300] {
            let (ours, theirs) = both(&x, &[("heroin", 1.0), ("customs", 2.0), ("rare", 1.0), ("tons", 1.5)]);
            let (a, b) = (top(&x, &ours, k), top(&x, &theirs, k));
            assert_eq!(a.len(), b.len());
            let offset = b[0].0 - a[0].0;
            for (x, y) in a.iter().zip(&b) {
                assert!((y.0 - x.0 - offset).abs() < 1e-4, "k={k}: {x:?} {y:?}");
            }
        }
    }
}
