//! The one tantivy schema: a constant per field name and the field handles.
//!
//! Three kinds of document share it: a `file` document per corpus file (the
//! manifest record and the article's metadata), a `passage` per few sentences
//! (for text search) and a `fact` per numeric fact (its value, period, unit
//! and agency also in fast-field columns, read fact by fact by range queries
//! and filters). Every kind carries `doc`, so a file is deleted with one term;
//! only the postcard record is stored.

use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, FAST, STORED, STRING,
};

use super::analyzer::ANALYZER;

/// Bumped whenever the schema or the meaning of a stored field changes; an
/// index with another version is rebuilt.
pub const SCHEMA_VERSION: u32 = 16;

/// Document kind: `file`, `passage` or `fact`.
pub const KIND: &str = "kind";
/// Corpus file name.
pub const DOC: &str = "doc";
/// Searchable text of a fact: its sentence.
pub const TEXT: &str = "text";
/// Searchable text of a passage. A field of its own, so that a passage search
/// is a pure disjunction over passages (tantivy prunes it with block-max WAND)
/// rather than an intersection with the kind filter.
pub const BODY: &str = "body";
/// Searchable description of a fact: what, substance, event, agent, place, unit.
pub const WHAT: &str = "what";
/// Searchable article title (file documents).
pub const TITLE: &str = "title";
/// Searchable opening sentence of the article (file documents).
pub const LEAD: &str = "lead";
/// The stored record (postcard bytes).
pub const PAYLOAD: &str = "payload";
/// Fact value in its canonical unit.
pub const VALUE: &str = "value";
/// Fact unit.
pub const UNIT: &str = "unit";
/// Fact substance.
pub const SUBSTANCE: &str = "substance";
/// Fact event.
pub const EVENT: &str = "event";
/// Fact agent.
pub const AGENT: &str = "agent";
/// Fact place.
pub const PLACE: &str = "place";
/// Fact locality, as [`crate::lexicon::locality_key`] writes it.
pub const LOCALITY: &str = "locality";
/// First day of the fact's period as `yyyymmdd`.
pub const PERIOD_START: &str = "period_start";
/// Last day of the fact's period as `yyyymmdd`.
pub const PERIOD_END: &str = "period_end";
/// File size (file documents).
pub const SIZE: &str = "size";
/// File modification time (file documents).
pub const MTIME: &str = "mtime";
/// File content hash (file documents).
pub const HASH: &str = "hash";
/// A fact's filter keys: its substance, place and years, alone and combined
/// (see [`super::docs::fact_keys`]), so that a question naming several of
/// them reads one short posting list instead of intersecting long ones.
pub const KEYS: &str = "keys";
/// Unique key of a file document (`file:` + name), to replace it alone; its
/// column is where the manifest reads the file names from (see
/// [`super::Index::records`]), so that only file documents have one.
pub const FILE_KEY: &str = "file_key";

/// Handles to every field.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// See [`KIND`].
    pub kind: Field,
    /// See [`DOC`].
    pub doc: Field,
    /// See [`TEXT`].
    pub text: Field,
    /// See [`BODY`].
    pub body: Field,
    /// See [`WHAT`].
    pub what: Field,
    /// See [`TITLE`].
    pub title: Field,
    /// See [`LEAD`].
    pub lead: Field,
    /// See [`PAYLOAD`].
    pub payload: Field,
    /// See [`VALUE`].
    pub value: Field,
    /// See [`UNIT`].
    pub unit: Field,
    /// See [`SUBSTANCE`].
    pub substance: Field,
    /// See [`EVENT`].
    pub event: Field,
    /// See [`AGENT`].
    pub agent: Field,
    /// See [`PLACE`].
    pub place: Field,
    /// See [`LOCALITY`].
    pub locality: Field,
    /// See [`PERIOD_START`].
    pub period_start: Field,
    /// See [`PERIOD_END`].
    pub period_end: Field,
    /// See [`SIZE`].
    pub size: Field,
    /// See [`MTIME`].
    pub mtime: Field,
    /// See [`HASH`].
    pub hash: Field,
    /// See [`FILE_KEY`].
    pub file_key: Field,
    /// See [`KEYS`].
    pub keys: Field,
}

/// Builds the schema and its field handles.
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        // Term frequencies score; no query needs positions.
        TextFieldIndexing::default().set_tokenizer(ANALYZER).set_index_option(IndexRecordOption::WithFreqs),
    );
    // Keywords filtered through their postings; those checked document by
    // document among the filtered facts (`search::keyword_filter`) have a
    // column too.
    let keyword = STRING;
    let checked = STRING | FAST;
    // Numbers are read from their columns alone: ranges over a fast field
    // run on the column (tantivy's `RangeQuery`), and nothing looks a number
    // up by term, so they have no postings (every value, nearly all distinct,
    // would be a term of its own).
    let number = NumericOptions::default() | FAST;
    let fields = Fields {
        kind: b.add_text_field(KIND, keyword.clone()),
        doc: b.add_text_field(DOC, STRING),
        text: b.add_text_field(TEXT, text.clone()),
        body: b.add_text_field(BODY, text.clone()),
        what: b.add_text_field(WHAT, text.clone()),
        title: b.add_text_field(TITLE, text.clone()),
        lead: b.add_text_field(LEAD, text),
        payload: b.add_bytes_field(PAYLOAD, STORED),
        value: b.add_f64_field(VALUE, number.clone()),
        unit: b.add_text_field(UNIT, checked.clone()),
        substance: b.add_text_field(SUBSTANCE, keyword.clone()),
        event: b.add_text_field(EVENT, keyword.clone()),
        agent: b.add_text_field(AGENT, checked),
        place: b.add_text_field(PLACE, keyword.clone()),
        locality: b.add_text_field(LOCALITY, keyword),
        period_start: b.add_i64_field(PERIOD_START, number.clone()),
        period_end: b.add_i64_field(PERIOD_END, number.clone()),
        size: b.add_u64_field(SIZE, number.clone()),
        mtime: b.add_i64_field(MTIME, number.clone()),
        hash: b.add_u64_field(HASH, number),
        file_key: b.add_text_field(FILE_KEY, STRING | FAST),
        keys: b.add_text_field(KEYS, STRING),
    };
    (b.build(), fields)
}
