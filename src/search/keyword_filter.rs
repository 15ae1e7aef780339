//! A filter on a fast keyword field, checked document by document.
//!
//! Some constraints rule out a fact by a field that many facts share (its
//! agency, its unit): as a posting-list filter they would intersect or
//! exclude long lists. [`KeywordFilter`] instead reads the field's column for
//! each document the other filters keep, so its cost follows theirs. It is
//! meant as one `must` clause among others: alone, it walks every document.

use tantivy::columnar::Column;
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SeekDangerResult, SegmentReader, TERMINATED};

/// Documents whose keyword `field` is one of `values` (or, with
/// [`KeywordFilter::except`], none of them); a document without a value
/// matches when `missing` says so.
#[derive(Debug, Clone)]
pub struct KeywordFilter {
    field: String,
    values: Vec<String>,
    inside: bool,
    missing: bool,
}

impl KeywordFilter {
    /// Documents whose `field` is one of `values`, or has no value when `missing`.
    pub fn any_of(field: &str, values: Vec<String>, missing: bool) -> KeywordFilter {
        KeywordFilter { field: field.to_owned(), values, inside: true, missing }
    }

    /// Documents whose `field` is none of `values`, or has no value when `missing`.
    pub fn except(field: &str, values: Vec<String>, missing: bool) -> KeywordFilter {
        KeywordFilter { field: field.to_owned(), values, inside: false, missing }
    }
}

impl Query for KeywordFilter {
    fn weight(&self, _: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl KeywordFilter {
    fn docset(&self, reader: &SegmentReader) -> tantivy::Result<KeywordDocSet> {
        let (ords, mut set) = match reader.fast_fields().str(&self.field)? {
            Some(column) => {
                let mut set = Vec::with_capacity(self.values.len());
                for v in &self.values {
                    set.extend(column.dictionary().term_ord(v)?);
                }
                (Some(column.ords().clone()), set)
            }
            None => (None, Vec::new()),
        };
        set.sort_unstable();
        let mut docs =
            KeywordDocSet { ords, set, inside: self.inside, missing: self.missing, doc: 0, max_doc: reader.max_doc() };
        docs.doc = docs.first_from(0);
        Ok(docs)
    }
}

impl Weight for KeywordFilter {
    fn scorer(&self, reader: &SegmentReader, _boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(self.docset(reader)?))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        if self.docset(reader)?.matches(doc) {
            Ok(Explanation::new("keyword filter", 1.0))
        } else {
            Err(tantivy::TantivyError::InvalidArgument(format!("document {doc} does not match")))
        }
    }
}

struct KeywordDocSet {
    /// The field's term ordinals; `None` when no document of the segment has one.
    ords: Option<Column<u64>>,
    /// Ordinals of the values, sorted.
    set: Vec<u64>,
    inside: bool,
    missing: bool,
    doc: DocId,
    max_doc: DocId,
}

impl KeywordDocSet {
    fn matches(&self, doc: DocId) -> bool {
        match self.ords.as_ref().and_then(|c| c.first(doc)) {
            Some(ord) => self.set.binary_search(&ord).is_ok() == self.inside,
            None => self.missing,
        }
    }

    /// The first matching document from `doc` on.
    fn first_from(&self, mut doc: DocId) -> DocId {
        while doc < self.max_doc {
            if self.matches(doc) {
                return doc;
            }
            doc += 1;
        }
        TERMINATED
    }
}

impl DocSet for KeywordDocSet {
    fn advance(&mut self) -> DocId {
        if self.doc != TERMINATED {
            self.doc = self.first_from(self.doc + 1);
        }
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc < target {
            self.doc = self.first_from(target);
        }
        self.doc
    }

    /// One look at `target`'s value: never a walk to the next match.
    fn seek_danger(&mut self, target: DocId) -> SeekDangerResult {
        if target >= self.max_doc {
            return SeekDangerResult::SeekLowerBound(TERMINATED);
        }
        if self.matches(target) {
            self.doc = target;
            SeekDangerResult::Found
        } else {
            SeekDangerResult::SeekLowerBound(target + 1)
        }
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    /// Every document, as far as an intersection should know: never its leader.
    fn size_hint(&self) -> u32 {
        self.max_doc
    }
}

impl Scorer for KeywordDocSet {
    fn score(&mut self) -> Score {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::DocSetCollector;
    use tantivy::query::{AllQuery, BooleanQuery, Occur};
    use tantivy::schema::{Schema, FAST, STRING};
    use tantivy::{doc, Index};

    /// An index of documents with the given agents (`None`: no agent).
    fn index(agents: &[Option<&str>]) -> Index {
        let mut b = Schema::builder();
        let agent = b.add_text_field("agent", STRING | FAST);
        let index = Index::create_in_ram(b.build());
        let mut w = index.writer_with_num_threads(1, 15_000_000).expect("writer");
        for a in agents {
            match a {
                Some(a) => w.add_document(doc!(agent => *a)).expect("add"),
                None => w.add_document(doc!()).expect("add"),
            };
        }
        w.commit().expect("commit");
        index
    }

    fn matching(index: &Index, q: &dyn Query) -> Vec<u32> {
        let searcher = index.reader().expect("reader").searcher();
        let mut docs: Vec<u32> =
            searcher.search(q, &DocSetCollector).expect("search").into_iter().map(|a| a.doc_id).collect();
        docs.sort_unstable();
        docs
    }

    #[test]
    fn keeps_the_values_asked_and_missing_ones_when_told() {
        let i = index(&[Some("customs"), None, Some("police"), Some("navy"), None, Some("customs")]);
        let values = || vec!["customs".to_owned(), "navy".to_owned(), "unheard of".to_owned()];
        assert_eq!(matching(&i, &KeywordFilter::any_of("agent", values(), true)), [0, 1, 3, 4, 5]);
        assert_eq!(matching(&i, &KeywordFilter::any_of("agent", values(), false)), [0, 3, 5]);
        assert_eq!(matching(&i, &KeywordFilter::except("agent", values(), false)), [2]);
        assert_eq!(matching(&i, &KeywordFilter::except("agent", values(), true)), [1, 2, 4]);
        // A field no document has.
        assert_eq!(matching(&index(&[None, None]), &KeywordFilter::any_of("agent", values(), true)), [0, 1]);
        assert!(matching(&index(&[None, None]), &KeywordFilter::any_of("agent", values(), false)).is_empty());
    }

    #[test]
    fn in_an_intersection_it_checks_the_other_clauses_documents() {
        let agents: Vec<Option<&str>> =
            (0..500).map(|i| [Some("customs"), None, Some("police"), Some("navy")][i % 4]).collect();
        let i = index(&agents);
        let q = BooleanQuery::new(vec![
            (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
            (Occur::Must, Box::new(KeywordFilter::any_of("agent", vec!["police".to_owned()], true))),
        ]);
        let want: Vec<u32> = (0..500).filter(|i| i % 4 == 1 || i % 4 == 2).collect();
        assert_eq!(matching(&i, &q), want);
    }
}
