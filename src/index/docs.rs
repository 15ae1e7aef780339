//! Records stored in the index, and their tantivy documents.

use serde::{Deserialize, Serialize};
use tantivy::schema::Value;
use tantivy::TantivyDocument;

use super::schema::Fields;
use crate::clean::Meta;
use crate::corpus::manifest::FileRecord;
use crate::extract::Fact;
use crate::span::Span;

/// Document kinds, as stored in the `kind` field.
pub const FILE: &str = "file";
/// A passage document.
pub const PASSAGE: &str = "passage";
/// A fact document.
pub const FACT: &str = "fact";

/// A passage of an article: a few sentences, for text search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PassageRecord {
    /// Corpus file name.
    pub doc: String,
    /// Byte range in the original file.
    pub span: Span,
    /// The passage's text.
    pub text: String,
}

/// What the index keeps about a corpus file besides its passages and facts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileDoc {
    /// Size, time and hash when indexed.
    pub record: FileRecord,
    /// Title, source and date.
    pub meta: Meta,
    /// Number of passages indexed.
    pub n_passages: usize,
    /// Number of facts indexed.
    pub n_facts: usize,
    /// What cleaning reported (skipped bytes, no article text…).
    pub notes: Vec<String>,
}

/// Everything indexed for one corpus file.
#[derive(Debug, Clone)]
pub struct IndexedDoc {
    /// The file's record and metadata.
    pub file: FileDoc,
    /// Its passages.
    pub passages: Vec<PassageRecord>,
    /// Its facts.
    pub facts: Vec<Fact>,
}

fn json<T: Serialize>(value: &T) -> String {
    // Serialising these plain records cannot fail (no maps with non-string keys).
    serde_json::to_string(value).unwrap_or_default()
}

/// The words a fact can be found by, besides its sentence.
pub fn fact_description(f: &Fact) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for p in [f.what.as_deref(), f.substance.as_deref(), f.agent.as_deref(), f.place.as_deref()].into_iter().flatten() {
        parts.push(p);
    }
    if let Some(e) = f.event {
        parts.push(e.as_str());
    }
    parts.join(" ")
}

/// The unique key of a file's document.
pub fn file_key(name: &str) -> String {
    format!("file:{name}")
}

impl FileDoc {
    /// The tantivy document for this file record.
    pub fn document(&self, fields: &Fields) -> TantivyDocument {
        let mut d = TantivyDocument::default();
        d.add_text(fields.kind, FILE);
        d.add_text(fields.doc, &self.record.name);
        d.add_text(fields.file_key, file_key(&self.record.name));
        d.add_text(fields.title, self.meta.title.as_deref().unwrap_or(""));
        d.add_text(fields.payload, json(self));
        d.add_u64(fields.size, self.record.size);
        d.add_i64(fields.mtime, self.record.mtime_ns);
        d.add_u64(fields.hash, self.record.hash);
        d
    }
}

impl IndexedDoc {
    /// The tantivy documents for this file: one file document, its passages,
    /// its facts — built one at a time as they are consumed.
    pub fn documents<'a>(&'a self, fields: &'a Fields) -> impl Iterator<Item = TantivyDocument> + 'a {
        let name = self.file.record.name.as_str();
        let passages = self.passages.iter().map(move |p| {
            let mut d = TantivyDocument::default();
            d.add_text(fields.kind, PASSAGE);
            d.add_text(fields.doc, name);
            d.add_text(fields.body, &p.text);
            d.add_text(fields.payload, json(p));
            d
        });
        let facts = self.facts.iter().map(move |f| fact_document(f, name, fields));
        std::iter::once(self.file.document(fields)).chain(passages).chain(facts)
    }
}

fn fact_document(f: &Fact, name: &str, fields: &Fields) -> TantivyDocument {
    let mut d = TantivyDocument::default();
    d.add_text(fields.kind, FACT);
    d.add_text(fields.doc, name);
    d.add_text(fields.text, &f.sentence);
    d.add_text(fields.what, fact_description(f));
    d.add_text(fields.payload, json(f));
    d.add_f64(fields.value, f.value);
    d.add_text(fields.unit, f.unit.as_str());
    if let Some(s) = &f.substance {
        d.add_text(fields.substance, s);
    }
    if let Some(e) = f.event {
        d.add_text(fields.event, e.as_str());
    }
    if let Some(a) = &f.agent {
        d.add_text(fields.agent, a);
    }
    if let Some(p) = &f.place {
        d.add_text(fields.place, p);
    }
    if let Some(p) = f.period {
        let (s, e) = p.day_numbers();
        d.add_i64(fields.period_start, s);
        d.add_i64(fields.period_end, e);
    }
    d
}

/// Reads the JSON payload of a stored document.
pub fn payload<T: for<'de> Deserialize<'de>>(doc: &TantivyDocument, fields: &Fields) -> Option<T> {
    let s = doc.get_first(fields.payload)?.as_str()?;
    serde_json::from_str(s).ok()
}
