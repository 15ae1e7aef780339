//! A filter whose documents are scored by optional clauses looked up one
//! document at a time.
//!
//! tantivy scores `must` clauses with optional `should` clauses through a
//! union of the optional clauses, refilled window by window: when the filter
//! keeps a few thousand facts out of millions, that union still decodes most
//! of each optional word's postings. [`ScoredFilter`] instead walks the
//! filter's documents and seeks each optional clause to them, so the cost
//! follows the filter's size, not the words' frequency.

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term};

/// Documents matching `filter`, scored by the sum of the `scoring` clauses
/// that match each of them (0 when none does).
#[derive(Debug)]
pub struct ScoredFilter {
    filter: Box<dyn Query>,
    scoring: Vec<Box<dyn Query>>,
}

impl ScoredFilter {
    /// The documents of `filter`, scored by `scoring`.
    pub fn new(filter: Box<dyn Query>, scoring: Vec<Box<dyn Query>>) -> ScoredFilter {
        ScoredFilter { filter, scoring }
    }
}

impl Clone for ScoredFilter {
    fn clone(&self) -> ScoredFilter {
        ScoredFilter { filter: self.filter.box_clone(), scoring: self.scoring.iter().map(|q| q.box_clone()).collect() }
    }
}

impl Query for ScoredFilter {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let unscored = match enable_scoring.searcher() {
            Some(searcher) => EnableScoring::disabled_from_searcher(searcher),
            None => EnableScoring::disabled_from_schema(enable_scoring.schema()),
        };
        let filter = self.filter.weight(unscored)?;
        let scoring = self.scoring.iter().map(|q| q.weight(enable_scoring)).collect::<tantivy::Result<_>>()?;
        Ok(Box::new(ScoredFilterWeight { filter, scoring }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.filter.query_terms(visitor);
        for q in &self.scoring {
            q.query_terms(visitor);
        }
    }
}

struct ScoredFilterWeight {
    filter: Box<dyn Weight>,
    scoring: Vec<Box<dyn Weight>>,
}

impl Weight for ScoredFilterWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let filter = self.filter.scorer(reader, 1.0)?;
        let scoring = self.scoring.iter().map(|w| w.scorer(reader, boost)).collect::<tantivy::Result<_>>()?;
        Ok(Box::new(ScoredFilterScorer { filter, scoring }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!("document {doc} does not match")));
        }
        // A clause that does not match the document has no explanation.
        let details: Vec<Explanation> = self.scoring.iter().filter_map(|w| w.explain(reader, doc).ok()).collect();
        let total = details.iter().map(Explanation::value).sum();
        let mut explanation = Explanation::new("sum of the optional clauses matching the filtered document", total);
        for e in details {
            explanation.add_detail(e);
        }
        Ok(explanation)
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
    use tantivy::query::{BooleanQuery, Occur, TermQuery};
    use tantivy::schema::{IndexRecordOption, Schema, STRING, TEXT};
    use tantivy::{doc, Index};

    use super::*;

    #[test]
    fn scores_like_a_boolean_query_and_keeps_only_the_filter() {
        let mut b = Schema::builder();
        let kind = b.add_text_field("kind", STRING);
        let body = b.add_text_field("body", TEXT);
        let index = Index::create_in_ram(b.build());
        let mut w: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for (k, text) in [
            ("fact", "heroin seized by customs"),
            ("fact", "opium burned"),
            ("other", "heroin heroin heroin"),
            ("fact", "heroin heroin found"),
            ("fact", "customs report"),
        ] {
            w.add_document(doc!(kind => k, body => text)).unwrap();
        }
        w.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let term = |f, t: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(Term::from_field_text(f, t), IndexRecordOption::WithFreqs))
        };
        let words = || vec![term(body, "heroin"), term(body, "customs")];
        let ours = ScoredFilter::new(term(kind, "fact"), words());
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, term(kind, "fact"))];
        clauses.extend(words().into_iter().map(|q| (Occur::Should, q)));
        let theirs = BooleanQuery::new(clauses);

        let top = |q: &dyn Query| searcher.search(q, &TopDocs::with_limit(10).order_by_score()).unwrap();
        let (a, b) = (top(&ours), top(&theirs));
        assert_eq!(a.len(), 4, "every fact, none of the others");
        let docs = |v: &[(f32, tantivy::DocAddress)]| v.iter().map(|(_, d)| d.doc_id).collect::<Vec<_>>();
        assert_eq!(docs(&a), docs(&b));
        // tantivy's filter clause adds the same constant to every document.
        let offset = b[0].0 - a[0].0;
        for (x, y) in a.iter().zip(&b) {
            assert!((y.0 - x.0 - offset).abs() < 1e-4, "{x:?} {y:?}");
        }
        assert_eq!(ours.count(&searcher).unwrap(), 4);
        let explained = ours.explain(&searcher, a[0].1).unwrap();
        assert!((explained.value() - a[0].0).abs() < 1e-4, "{} vs {}", explained.value(), a[0].0);
    }
}
