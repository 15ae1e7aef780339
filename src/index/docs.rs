//! Records stored in the index, and their tantivy documents.

use serde::{Deserialize, Serialize};
use tantivy::schema::Value;
use tantivy::TantivyDocument;

use super::schema::Fields;
use crate::clean::Meta;
use crate::corpus::manifest::FileRecord;
use crate::extract::{Fact, Period};
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

/// A record in its stored form: postcard, compact and quick to decode (an
/// answer decodes a few hundred facts).
fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    // Serialising these plain records into a growing buffer cannot fail.
    postcard::to_stdvec(value).unwrap_or_default()
}

/// The words a fact can be found by, besides its sentence.
pub fn fact_description(f: &Fact) -> String {
    let mut parts: Vec<&str> = Vec::new();
    parts.extend(f.what.as_deref());
    parts.extend(f.substance_names());
    parts.extend(f.agent.as_deref());
    parts.extend(f.place.as_deref());
    if let Some(e) = f.event {
        parts.push(e.as_str());
    }
    parts.join(" ")
}

/// Periods longer than this many years get the key year [`ANY_YEAR`] rather
/// than one key per year.
pub const MAX_KEY_YEARS: i16 = 50;
/// The key year of a period longer than [`MAX_KEY_YEARS`].
pub const ANY_YEAR: &str = "long";

fn key(substance: Option<&str>, place: Option<&str>, year: Option<&str>) -> String {
    let parts = [("s:", substance), ("p:", place), ("y:", year)];
    let mut k = String::with_capacity(parts.iter().map(|(_, v)| v.map_or(0, |v| v.len() + 3)).sum());
    for (tag, v) in parts {
        if let Some(v) = v {
            if !k.is_empty() {
                k.push('|');
            }
            k.push_str(tag);
            k.push_str(v);
        }
    }
    k
}

/// The key years of a period: every calendar year it touches, or
/// [`ANY_YEAR`] when they are too many.
fn key_years(period: Period) -> Vec<String> {
    let (a, b) = (period.start.year, period.end.year);
    if b.saturating_sub(a) >= MAX_KEY_YEARS {
        vec![ANY_YEAR.to_owned()]
    } else {
        (a..=b).map(|y| y.to_string()).collect()
    }
}

/// A fact's filter keys: every combination of its substance, its place and
/// each year of its period ("s:heroin", "s:heroin|p:Iran|y:2019", …).
pub fn fact_keys(f: &Fact) -> Vec<String> {
    let years = f.period.map(key_years).unwrap_or_default();
    let mut out = Vec::new();
    for s in std::iter::once(None).chain(f.substance_names().map(Some)) {
        for p in [None, f.place.as_deref()] {
            if s.is_some() || p.is_some() {
                out.push(key(s, p, None));
            }
            for y in &years {
                out.push(key(s, p, Some(y)));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The keys a fact must have one of to match a filter on any of `substances`,
/// any of `places` and a period overlapping `period` (each optional: empty
/// or `None` sets no condition), in two groups by what they settle.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterKeys {
    /// Keys whose match settles the whole filter, the period included.
    pub exact: Vec<String>,
    /// Keys whose match still needs the period's bounds checked: a key year
    /// only says the fact's period touches that year, and a fact of a long
    /// period may overlap any year.
    pub bounded: Vec<String>,
}

impl FilterKeys {
    /// True when the filter sets no condition.
    pub fn is_empty(&self) -> bool {
        self.exact.is_empty() && self.bounded.is_empty()
    }

    /// Every key, either group.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        self.exact.iter().chain(&self.bounded).map(String::as_str)
    }
}

/// See [`FilterKeys`].
pub fn filter_keys(substances: &[&str], places: &[&str], period: Option<Period>) -> FilterKeys {
    let options = |xs: &[&str]| -> Vec<Option<String>> {
        if xs.is_empty() {
            vec![None]
        } else {
            xs.iter().map(|x| Some((*x).to_owned())).collect()
        }
    };
    let combine = |year: Option<&str>| -> Vec<String> {
        let mut out = Vec::new();
        for s in options(substances) {
            for p in options(places) {
                let k = key(s.as_deref(), p.as_deref(), year);
                if !k.is_empty() {
                    out.push(k);
                }
            }
        }
        out
    };
    let Some(period) = period else { return FilterKeys { exact: combine(None), bounded: Vec::new() } };
    let years = key_years(period);
    if years == [ANY_YEAR] {
        // A question of a long period is left to the period bounds alone.
        return FilterKeys { exact: Vec::new(), bounded: combine(None) };
    }
    let dated: Vec<String> = years.iter().flat_map(|y| combine(Some(y))).collect();
    let long = combine(Some(ANY_YEAR));
    // A key year settles the period when the question's period is whole
    // calendar years: touching one of them is overlapping it.
    let whole_years =
        period.years_only().first_day() == period.first_day() && period.years_only().last_day() == period.last_day();
    if whole_years {
        FilterKeys { exact: dated, bounded: long }
    } else {
        FilterKeys { exact: Vec::new(), bounded: dated.into_iter().chain(long).collect() }
    }
}

/// The unique key of a file's document.
pub fn file_key(name: &str) -> String {
    format!("{FILE_KEY_PREFIX}{name}")
}

const FILE_KEY_PREFIX: &str = "file:";

/// The file name in a [`file_key`].
pub fn file_name(key: &str) -> &str {
    key.strip_prefix(FILE_KEY_PREFIX).unwrap_or(key)
}

impl FileDoc {
    /// The tantivy document for this file record.
    pub fn document(&self, fields: &Fields) -> TantivyDocument {
        let mut d = TantivyDocument::default();
        d.add_text(fields.kind, FILE);
        d.add_text(fields.doc, &self.record.name);
        d.add_text(fields.file_key, file_key(&self.record.name));
        d.add_text(fields.title, self.meta.heading());
        if let Some(lead) = &self.meta.lead {
            d.add_text(fields.lead, lead);
        }
        d.add_bytes(fields.payload, &encode(self));
        d.add_u64(fields.size, self.record.size);
        d.add_i64(fields.mtime, self.record.mtime_ns);
        d.add_u64(fields.hash, self.record.hash);
        d
    }
}

impl IndexedDoc {
    /// The tantivy documents for this file: one file document, its passages,
    /// its facts.
    pub fn documents(&self, fields: &Fields) -> Vec<TantivyDocument> {
        let name = self.file.record.name.as_str();
        let mut out = Vec::with_capacity(1 + self.passages.len() + self.facts.len());
        out.push(self.file.document(fields));
        for p in &self.passages {
            let mut d = TantivyDocument::default();
            d.add_text(fields.kind, PASSAGE);
            d.add_text(fields.doc, name);
            d.add_text(fields.body, &p.text);
            d.add_bytes(fields.payload, &encode(p));
            out.push(d);
        }
        for f in &self.facts {
            out.push(fact_document(f, name, fields));
        }
        out
    }
}

fn fact_document(f: &Fact, name: &str, fields: &Fields) -> TantivyDocument {
    let mut d = TantivyDocument::default();
    d.add_text(fields.kind, FACT);
    d.add_text(fields.doc, name);
    d.add_text(fields.text, &f.sentence);
    if let Some(lead) = &f.lead_in {
        d.add_text(fields.text, lead);
    }
    d.add_text(fields.what, fact_description(f));
    d.add_bytes(fields.payload, &encode(f));
    d.add_f64(fields.value, f.value);
    d.add_text(fields.unit, f.unit.as_str());
    for s in f.substance_names() {
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
    if let Some(l) = &f.locality {
        d.add_text(fields.locality, crate::lexicon::locality_key(l));
    }
    if let Some(p) = f.period {
        let (s, e) = p.day_numbers();
        d.add_i64(fields.period_start, s);
        d.add_i64(fields.period_end, e);
    }
    for k in fact_keys(f) {
        d.add_text(fields.keys, k);
    }
    d
}

/// Reads the record stored in a document.
pub fn payload<T: for<'de> Deserialize<'de>>(doc: &TantivyDocument, fields: &Fields) -> Option<T> {
    postcard::from_bytes(doc.get_first(fields.payload)?.as_bytes()?).ok()
}

/// tantivy's type codes of a stored text value and a stored bytes value.
const TEXT_CODE: u8 = 0;
const BYTES_CODE: u8 = 4;

/// A VInt as tantivy's doc store writes it: seven bits per byte, low
/// first, the last byte marked by its high bit. Returns the value and the rest.
fn vint(bytes: &[u8]) -> Option<(usize, &[u8])> {
    let mut value = 0usize;
    for (i, &b) in bytes.iter().enumerate().take(9) {
        value |= usize::from(b & 0x7f) << (7 * i);
        if b & 0x80 != 0 {
            return Some((value, &bytes[i + 1..]));
        }
    }
    None
}

/// The stored record of a document, read straight from its bytes in the doc
/// store (`StoreReader::get_document_bytes`), without building a
/// `TantivyDocument`: tantivy reads a stored bytes value one byte at a time.
///
/// tantivy stores a document as a VInt count of values, then per value its
/// field id (u32, little-endian), a type code and, for text and bytes, a
/// VInt length and the bytes. `None` when a value of any other type comes
/// before the record; the caller then reads the document through tantivy.
pub fn stored_payload<'a>(doc: &'a [u8], fields: &Fields) -> Option<&'a [u8]> {
    let (count, mut rest) = vint(doc)?;
    for _ in 0..count {
        let field = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?);
        let code = *rest.get(4)?;
        if code != TEXT_CODE && code != BYTES_CODE {
            return None;
        }
        let (len, data) = vint(&rest[5..])?;
        let value = data.get(..len)?;
        if field == fields.payload.field_id() && code == BYTES_CODE {
            return Some(value);
        }
        rest = &data[len..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_keys_give_back_their_names() {
        for name in ["a.txt", "sub/file:odd.md", ""] {
            assert_eq!(file_name(&file_key(name)), name);
        }
    }

    fn fact(substance: Option<&str>, place: Option<&str>, period: Option<&str>) -> Fact {
        Fact {
            substance: substance.map(str::to_owned),
            place: place.map(str::to_owned),
            period: period.and_then(Period::parse),
            ..crate::extract::fact::example(1.0, crate::vocab::Unit::Kg, "2020")
        }
    }

    #[test]
    fn stored_records_read_from_the_doc_store_bytes_as_through_tantivy() {
        use tantivy::collector::DocSetCollector;
        use tantivy::query::AllQuery;
        let (schema, fields) = super::super::schema::build();
        let index = tantivy::Index::create_in_ram(schema);
        index.tokenizers().register(super::super::analyzer::ANALYZER, super::super::analyzer::shared());
        let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let passage = PassageRecord { doc: "a.txt".into(), span: Span::new(3, 9), text: "é".repeat(300) };
        let fact = fact(Some("heroin"), Some("Iran"), Some("2019"));
        let record = IndexedDoc { file: example_file(), passages: vec![passage.clone()], facts: vec![fact.clone()] };
        for d in record.documents(&fields) {
            writer.add_document(d).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let store = searcher.segment_reader(0).get_store_reader(1).unwrap();
        let mut addrs: Vec<_> = searcher.search(&AllQuery, &DocSetCollector).unwrap().into_iter().collect();
        addrs.sort();
        assert_eq!(addrs.len(), 3);
        for a in addrs {
            let bytes = store.get_document_bytes(a.doc_id).unwrap();
            let raw = stored_payload(bytes.as_slice(), &fields).expect("a record");
            let doc: TantivyDocument = searcher.doc(a).unwrap();
            assert_eq!(Some(raw), doc.get_first(fields.payload).and_then(|v| v.as_bytes()));
        }
        assert_eq!(stored_payload(&[], &fields), None);
        assert_eq!(stored_payload(&[0x81, 1, 0, 0, 0, 2], &fields), None, "a value of another type");
        assert_eq!(stored_payload(&[0x81, 5, 0, 0, 0, BYTES_CODE, 0x85, 1], &fields), None, "cut short");
    }

    fn example_file() -> FileDoc {
        FileDoc {
            record: FileRecord { name: "a.txt".into(), size: 1, mtime_ns: 2, hash: 3 },
            meta: Meta::default(),
            n_passages: 1,
            n_facts: 1,
            notes: vec!["note".into()],
        }
    }

    #[test]
    fn a_fact_has_every_combination_of_its_keys() {
        let f = fact(Some("heroin"), Some("Iran"), Some("2019-11..2020-02"));
        let keys = fact_keys(&f);
        for k in ["s:heroin", "p:Iran", "y:2019", "y:2020", "s:heroin|p:Iran", "s:heroin|y:2020", "p:Iran|y:2019"] {
            assert!(keys.contains(&k.to_owned()), "{k} in {keys:?}");
        }
        assert!(keys.contains(&"s:heroin|p:Iran|y:2019".to_owned()));
        assert_eq!(keys.len(), 3 + 2 * 4);
        assert!(fact_keys(&fact(None, None, None)).is_empty());
        assert_eq!(fact_keys(&fact(None, None, Some("1900..2024"))), ["y:long"]);
        // A mix has the keys of each of its drugs.
        let mix = Fact { substances: vec!["heroin".into(), "cocaine".into()], ..f };
        let keys = fact_keys(&mix);
        assert!(keys.contains(&"s:cocaine|p:Iran|y:2020".to_owned()) && keys.contains(&"s:heroin".to_owned()));
    }

    #[test]
    fn stored_records_read_back_unchanged() {
        let fields = crate::index::schema::build().1;
        let fact = Fact {
            value_max: Some(2.5),
            what: Some("tablets".into()),
            approx: Some(crate::vocab::Approx::Over),
            total: true,
            carried: vec!["period".into()],
            substances: vec!["heroin".into(), "morphine".into()],
            ..crate::extract::fact::example(
                1.5,
                crate::vocab::Unit::Money(crate::vocab::Currency::parse("AZN").expect("AZN")),
                "2019-11..2020-02",
            )
        };
        let meta = Meta {
            title: Some("Heroin seized".into()),
            title_inferred: true,
            source: Some("apa.az".into()),
            date: Some(jiff::civil::date(2024, 8, 9)),
            year_inferred: Some(2024),
            copyright_year: Some(2024),
            dateline: Some("BAKU".into()),
            lead: Some("Police in Baku seized 1.5 kg of heroin.".into()),
        };
        let file = FileDoc {
            record: FileRecord { name: "a.txt".into(), size: 10, mtime_ns: -3, hash: u64::MAX },
            meta,
            n_passages: 1,
            n_facts: 1,
            notes: vec!["a note".into()],
        };
        let passage = PassageRecord { doc: "a.txt".into(), span: Span::new(3, 9), text: "Iran, «quoted»".into() };
        let docs = IndexedDoc { file: file.clone(), passages: vec![passage.clone()], facts: vec![fact.clone()] }
            .documents(&fields);
        assert_eq!(payload::<FileDoc>(&docs[0], &fields), Some(file));
        assert_eq!(payload::<PassageRecord>(&docs[1], &fields), Some(passage));
        assert_eq!(payload::<Fact>(&docs[2], &fields), Some(fact));
    }

    #[test]
    fn a_filter_needs_one_key_of_the_fact() {
        let f = fact_keys(&fact(Some("heroin"), Some("Iran"), Some("2019-11..2020-02")));
        let matches = |keys: FilterKeys| keys.all().any(|k| f.iter().any(|x| x == k));
        assert!(matches(filter_keys(&["heroin"], &["Iran"], Period::parse("2020"))));
        assert!(matches(filter_keys(&["opium", "heroin"], &[], Period::parse("2018..2019"))));
        assert!(matches(filter_keys(&[], &["Iran"], None)));
        assert!(!matches(filter_keys(&["heroin"], &["Iran"], Period::parse("2021"))));
        assert!(!matches(filter_keys(&["opium"], &[], None)));
        assert!(filter_keys(&[], &[], None).is_empty());
        // A long question period sets no key year; a long fact period matches any.
        let by_bounds = filter_keys(&["heroin"], &[], Period::parse("1900..2024"));
        assert_eq!(by_bounds, FilterKeys { exact: vec![], bounded: vec!["s:heroin".to_owned()] });
        let long = fact_keys(&fact(Some("heroin"), None, Some("1900..2024")));
        assert!(filter_keys(&["heroin"], &[], Period::parse("2019")).bounded.iter().any(|k| long.contains(k)));
    }

    #[test]
    fn key_years_settle_whole_year_periods_only() {
        let years = filter_keys(&["heroin"], &[], Period::parse("2018..2019"));
        assert_eq!(years.exact, ["s:heroin|y:2018", "s:heroin|y:2019"]);
        assert_eq!(years.bounded, ["s:heroin|y:long"]);
        // Part of a year: a fact of that year may lie outside it.
        let half = filter_keys(&["heroin"], &[], Period::parse("2019-01..2019-06"));
        assert!(half.exact.is_empty());
        assert_eq!(half.bounded, ["s:heroin|y:2019", "s:heroin|y:long"]);
        // No period: the keys settle everything.
        assert_eq!(filter_keys(&[], &["Iran"], None), FilterKeys { exact: vec!["p:Iran".to_owned()], bounded: vec![] });
    }
}
