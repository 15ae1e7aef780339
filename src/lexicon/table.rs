//! A lexicon table: surface phrases matched on whole words, longest first.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use rustc_hash::FxHashMap;

use crate::error::{Error, Result};
use crate::span::Span;

/// What a table entry says about its phrase.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry<V> {
    /// The phrase means `V`.
    Value(V),
    /// The phrase hides the words inside it (written `"-"` in the data files):
    /// "anti-drug operations" is not a mention of a drug.
    Hide,
}

impl<V> Entry<V> {
    /// The value, unless the entry hides its phrase.
    pub fn value(&self) -> Option<&V> {
        match self {
            Entry::Value(v) => Some(v),
            Entry::Hide => None,
        }
    }
}

/// One match of a table in a text.
#[derive(Debug, Clone, Copy)]
pub struct Hit<'a, V> {
    /// Where the phrase stands in the searched text.
    pub span: Span,
    /// The table entry.
    pub entry: &'a Entry<V>,
}

impl<'a, V> Hit<'a, V> {
    /// The value, unless the entry hides its phrase.
    pub fn value(&self) -> Option<&'a V> {
        self.entry.value()
    }
}

/// A text to search, with its ASCII-lower-cased twin (same byte offsets):
/// tables match lower-case phrases against the twin, so their automata need
/// no case folding (half the build time), and phrases with capitals against
/// the text itself.
#[derive(Debug, Clone)]
pub struct Haystack<'a> {
    /// The text as written.
    pub text: &'a str,
    /// The text with ASCII letters lower-cased.
    pub lower: std::borrow::Cow<'a, str>,
}

impl<'a> Haystack<'a> {
    /// Prepares `text` for searching.
    pub fn new(text: &'a str) -> Haystack<'a> {
        let lower = if text.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Owned(text.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Borrowed(text)
        };
        Haystack { text, lower }
    }

    /// `text` with its twin already made: `lower` must be
    /// `text.to_ascii_lowercase()`, or a slice of a longer text's twin at the
    /// same offsets (one lower-casing per document, not per line).
    pub fn with_lower(text: &'a str, lower: &'a str) -> Haystack<'a> {
        debug_assert_eq!(text.len(), lower.len());
        Haystack { text, lower: std::borrow::Cow::Borrowed(lower) }
    }
}

/// Phrases and what they mean, matched case-insensitively on whole words with
/// the longest phrase winning. A phrase written with capitals ("DEA", "M")
/// matches only as written. A phrase with an apostrophe also matches with a
/// typographic one (’).
///
/// The automata are built on first search, so a table only looked up by
/// [`Table::get`] never builds one.
#[derive(Debug, Clone)]
pub struct Table<V> {
    values: Vec<Entry<V>>,
    folded: Automaton,
    exact: Automaton,
    by_key: FxHashMap<String, usize>,
    /// Bit `n` set when some key of `by_key` is `n` bytes long (bit 63: 63 or
    /// more): most lookups are of words no key is as long as, and miss here
    /// without hashing.
    key_lens: u64,
    /// Id in the lexicon's combined [`Matcher`](super::matcher::Matcher), when registered.
    id: Option<u16>,
}

/// Patterns and the automaton over them, built on first use.
#[derive(Debug, Clone, Default)]
struct Automaton {
    patterns: Vec<String>,
    ids: Vec<usize>,
    /// Build a DFA (see [`Table::for_whole_texts`]).
    dfa: bool,
    built: OnceLock<Option<AhoCorasick>>,
}

impl Automaton {
    fn get(&self) -> Option<&AhoCorasick> {
        self.built
            .get_or_init(|| (!self.patterns.is_empty()).then(|| build_automaton(&self.patterns, self.dfa)).flatten())
            .as_ref()
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Byte classes for [`boundary_ok`]: punctuation and spaces, digits, ASCII
/// letters, and the bytes of characters outside ASCII.
const OTHER: u8 = 0;
const DIGIT: u8 = 1;
const LETTER: u8 = 2;
const NON_ASCII: u8 = 4;

const BYTE_CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            NON_ASCII
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c.is_ascii_alphabetic() {
            LETTER
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

/// True when `span` of `text` stands on whole words.
#[inline]
pub(crate) fn boundary_ok(text: &str, span: Span) -> bool {
    // Most matches stand among ASCII bytes: decide on a table of byte classes.
    let bytes = text.as_bytes();
    if span.start < span.end && span.end <= bytes.len() {
        let class = |i: usize| BYTE_CLASS[usize::from(bytes[i])];
        let (first, last) = (class(span.start), class(span.end - 1));
        let prev = if span.start > 0 { class(span.start - 1) } else { OTHER };
        let next = if span.end < bytes.len() { class(span.end) } else { OTHER };
        if (first | last | prev | next) & NON_ASCII == 0 {
            // A letter may follow a digit directly ("5kg"), and a digit a letter ("Rs500").
            let left_ok = first == OTHER || prev == OTHER || (prev == DIGIT && first == LETTER);
            let right_ok = last == OTHER || next == OTHER || (next == DIGIT && last == LETTER);
            return left_ok && right_ok;
        }
    }
    boundary_ok_chars(text, span)
}

/// The bit of [`Table`]'s `key_lens` for a key of this length.
fn len_bit(key: &str) -> u64 {
    1 << key.len().min(63)
}

/// [`boundary_ok`] on characters, for any text.
fn boundary_ok_chars(text: &str, span: Span) -> bool {
    let first = text[span.start..span.end].chars().next();
    let last = text[span.start..span.end].chars().next_back();
    // A letter may follow a digit directly: "5kg", "1.8k", "$2.1bn".
    let left_ok = match first {
        Some(c) if is_word_char(c) => text[..span.start]
            .chars()
            .next_back()
            .is_none_or(|p| !is_word_char(p) || (p.is_ascii_digit() && c.is_alphabetic())),
        _ => true,
    };
    // …and a digit may follow a letter: "P6.8 billion", "Rs500".
    let right_ok = match last {
        Some(c) if is_word_char(c) => text[span.end..]
            .chars()
            .next()
            .is_none_or(|n| !is_word_char(n) || (n.is_ascii_digit() && c.is_alphabetic())),
        _ => true,
    };
    left_ok && right_ok
}

/// A lower-case phrase as a text lower-cased ASCII-only may hold it when
/// written with capitals outside ASCII: "Łódź" (a word's first letter), and
/// "ŁÓDŹ" (every letter). `None` where that is the phrase itself, or where a
/// capital would take other bytes than its small letter.
fn non_ascii_capitals(lower: &str) -> [Option<String>; 2] {
    if lower.is_ascii() {
        return [None, None];
    }
    let mut words = String::with_capacity(lower.len());
    let mut all = String::with_capacity(lower.len());
    let mut prev: Option<char> = None;
    for c in lower.chars() {
        let capital = if c.is_ascii() { c.to_string() } else { c.to_uppercase().collect::<String>() };
        if capital.len() != c.len_utf8() {
            return [None, None];
        }
        all.push_str(&capital);
        if prev.is_none_or(|p| !is_word_char(p)) {
            words.push_str(&capital);
        } else {
            words.push(c);
        }
        prev = Some(c);
    }
    let differs = |s: String| (s != lower).then_some(s);
    let words = differs(words);
    let all = differs(all).filter(|a| words.as_ref() != Some(a));
    [words, all]
}

fn build_automaton(patterns: &[String], dfa: bool) -> Option<AhoCorasick> {
    let kind = if dfa { AhoCorasickKind::DFA } else { AhoCorasickKind::NoncontiguousNFA };
    // Building fails only past the automaton's size limits, far beyond any lexicon.
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Both)
        .kind(Some(kind))
        // For a DFA the prefilter costs more than it skips: common words
        // ("log in", "register") start with common letters.
        .prefilter(!dfa)
        .build(patterns)
        .ok()
}

impl<V> Table<V> {
    /// Builds a table from `(phrase, entry)` pairs; a later pair overrides an
    /// earlier one with the same phrase.
    ///
    /// # Errors
    /// Fails when a phrase is too long to match (over 200 bytes).
    pub fn new(entries: Vec<(String, Entry<V>)>) -> Result<Table<V>> {
        let mut values = Vec::with_capacity(entries.len());
        let mut by_key: FxHashMap<String, usize> =
            FxHashMap::with_capacity_and_hasher(entries.len(), Default::default());
        let (mut fold_pats, mut fold_ids, mut exact_pats, mut exact_ids) = (vec![], vec![], vec![], vec![]);
        for (key, entry) in entries {
            let key = key.trim();
            if key.is_empty() {
                continue;
            }
            if key.len() > 200 {
                return Err(Error::Lexicon {
                    path: "lexicon".into(), message: format!("phrase too long: {key:.40}…")
                });
            }
            let exact = has_capitals(key);
            let lookup = if exact { key.to_owned() } else { key.to_lowercase() };
            if let Some(&idx) = by_key.get(&lookup) {
                values[idx] = entry;
                continue;
            }
            let idx = values.len();
            values.push(entry);
            by_key.insert(lookup.clone(), idx);
            // A phrase with an apostrophe also matches with a typographic one.
            let curly = lookup.contains('\'').then(|| lookup.replace('\'', "\u{2019}"));
            let capitals = if exact { [None, None] } else { non_ascii_capitals(&lookup) };
            let (pats, ids) = if exact { (&mut exact_pats, &mut exact_ids) } else { (&mut fold_pats, &mut fold_ids) };
            for pattern in [Some(lookup), curly].into_iter().chain(capitals).flatten() {
                pats.push(pattern);
                ids.push(idx);
            }
        }
        let folded = Automaton { patterns: fold_pats, ids: fold_ids, dfa: false, built: OnceLock::new() };
        let exact = Automaton { patterns: exact_pats, ids: exact_ids, dfa: false, built: OnceLock::new() };
        let key_lens = by_key.keys().fold(0, |bits, k| bits | len_bit(k));
        Ok(Table { values, folded, exact, by_key, key_lens, id: None })
    }

    /// The table, to be searched through whole texts (every line of every
    /// page) rather than looked up: its automata are built as DFAs, slower to
    /// build, more than twice as fast to search. For small tables only.
    #[must_use]
    pub fn for_whole_texts(mut self) -> Table<V> {
        self.folded.dfa = true;
        self.exact.dfa = true;
        self
    }

    /// Registers the table in a combined matcher under `id`.
    pub(crate) fn set_id(&mut self, id: u16) {
        self.id = Some(id);
    }

    /// The table's id in the combined matcher.
    pub fn id(&self) -> Option<u16> {
        self.id
    }

    /// The table's patterns, for the combined matcher.
    pub(crate) fn patterns(&self, table: u16) -> super::matcher::Patterns<'_> {
        super::matcher::Patterns {
            table,
            folded: &self.folded.patterns,
            folded_ids: &self.folded.ids,
            exact: &self.exact.patterns,
            exact_ids: &self.exact.ids,
        }
    }

    /// The entry at index `idx` (from a combined matcher's match).
    pub fn entry(&self, idx: usize) -> Option<&Entry<V>> {
        self.values.get(idx)
    }

    /// The values of its phrases, hidden ones left out.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.values.iter().filter_map(Entry::value)
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// True when the table has no phrase.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The entry for exactly this phrase (case rules as for matching).
    pub fn get(&self, phrase: &str) -> Option<&Entry<V>> {
        let idx = match self.key(phrase) {
            Some(i) => i,
            // Only an ASCII capital or a non-ASCII byte can be a capital.
            None if phrase.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii())
                && phrase.chars().any(char::is_uppercase) =>
            {
                self.key(&phrase.to_lowercase())?
            }
            None => return None,
        };
        Some(&self.values[idx])
    }

    /// The entry index of exactly this key.
    fn key(&self, key: &str) -> Option<usize> {
        if self.key_lens & len_bit(key) == 0 {
            return None;
        }
        self.by_key.get(key).copied()
    }

    fn find_one(&self, hay: &Haystack, from: usize, anchored: bool) -> Option<Hit<'_, V>> {
        let mut best: Option<(Span, usize)> = None;
        let anchored = if anchored { Anchored::Yes } else { Anchored::No };
        let searches = [(&self.folded, hay.lower.as_ref()), (&self.exact, hay.text)];
        for (automaton, text) in searches {
            let Some(ac) = automaton.get() else { continue };
            let ids = &automaton.ids;
            if let Some(m) = ac.find(Input::new(text).span(from..text.len()).anchored(anchored)) {
                let span = Span::new(m.start(), m.end());
                let better = match best {
                    None => true,
                    Some((b, _)) => span.start < b.start || (span.start == b.start && span.end > b.end),
                };
                if better {
                    best = Some((span, ids[m.pattern().as_usize()]));
                }
            }
        }
        best.map(|(span, idx)| Hit { span, entry: &self.values[idx] })
    }

    /// Every whole-word match in `text`, left to right, not overlapping; the
    /// longest phrase wins where several start at the same place.
    pub fn find_all(&self, text: &str) -> Vec<Hit<'_, V>> {
        self.find_all_in(&Haystack::new(text))
    }

    /// [`Table::find_all`] on a prepared haystack.
    pub fn find_all_in(&self, hay: &Haystack) -> Vec<Hit<'_, V>> {
        let mut hits = Vec::new();
        let mut pos = 0;
        while let Some((hit, next)) = self.next_in(hay, pos) {
            hits.push(hit);
            pos = next;
        }
        hits
    }

    /// Whether `hay` holds a whole-word match: [`Table::find_all_in`] is not
    /// empty, found without collecting every match.
    pub fn found_in(&self, hay: &Haystack) -> bool {
        self.next_in(hay, 0).is_some()
    }

    /// The first whole-word match from byte `pos` on, and where the search
    /// for the next one starts.
    fn next_in(&self, hay: &Haystack, mut pos: usize) -> Option<(Hit<'_, V>, usize)> {
        let text = hay.text;
        while pos < text.len() {
            let hit = self.find_one(hay, pos, false)?;
            if boundary_ok(text, hit.span) {
                let next = hit.span.end.max(hit.span.start + 1);
                return Some((hit, next));
            }
            // A shorter phrase may fit; if not, try again from the next character.
            if let Some(h) = self.longest_fitting_at(hay, hit.span.start) {
                let next = h.span.end;
                return Some((h, next));
            }
            pos = next_char(text, hit.span.start);
        }
        None
    }

    /// The longest whole-word phrase that starts exactly at byte `at`.
    pub fn match_at(&self, text: &str, at: usize) -> Option<Hit<'_, V>> {
        self.match_at_in(&Haystack::new(text), at)
    }

    /// [`Table::match_at`] on a prepared haystack.
    pub fn match_at_in(&self, hay: &Haystack, at: usize) -> Option<Hit<'_, V>> {
        let text = hay.text;
        if at > text.len() || !text.is_char_boundary(at) {
            return None;
        }
        let hit = self.find_one(hay, at, true)?;
        if boundary_ok(text, hit.span) {
            Some(hit)
        } else {
            self.longest_fitting_at(hay, at)
        }
    }

    /// Like [`Table::match_at`] when the longest phrase at `at` runs into a
    /// word: tries the phrase cut at each earlier word boundary.
    fn longest_fitting_at(&self, hay: &Haystack, at: usize) -> Option<Hit<'_, V>> {
        let text = hay.text;
        let rest = &text[at..];
        let mut ends: Vec<usize> =
            rest.char_indices().filter(|&(i, c)| !is_word_char(c) && i > 0).map(|(i, _)| at + i).take(8).collect();
        ends.reverse();
        for end in ends {
            let cut = Haystack { text: &text[..end], lower: std::borrow::Cow::Borrowed(&hay.lower[..end]) };
            if let Some(hit) = self.find_one(&cut, at, true) {
                if boundary_ok(text, hit.span) {
                    return Some(hit);
                }
            }
        }
        None
    }
}

fn has_capitals(s: &str) -> bool {
    s.chars().any(char::is_uppercase)
}

fn next_char(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(text.len(), |c| at + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn byte_and_char_boundaries_agree(text in "[a-zA-Z0-9 .,$%é€-]{0,12}", a in 0usize..13, b in 0usize..13) {
            let (a, b) = (a.min(b).min(text.len()), a.max(b).min(text.len()));
            if text.is_char_boundary(a) && text.is_char_boundary(b) {
                let span = Span::new(a, b);
                proptest::prop_assert_eq!(boundary_ok(&text, span), boundary_ok_chars(&text, span));
            }
        }
    }

    fn table(pairs: &[(&str, &str)]) -> Table<String> {
        Table::new(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), if *v == "-" { Entry::Hide } else { Entry::Value(v.to_string()) }))
                .collect(),
        )
        .unwrap()
    }

    fn found(t: &Table<String>, text: &str) -> Vec<String> {
        t.find_all(text)
            .iter()
            .map(|h| format!("{}={}", &text[h.span.start..h.span.end], h.value().map_or("-", |v| v.as_str())))
            .collect()
    }

    #[test]
    fn longest_whole_word_wins() {
        let t = table(&[("customs", "customs"), ("state customs committee", "customs"), ("un", "un")]);
        assert_eq!(
            found(&t, "The State Customs Committee and the UN, unless"),
            ["State Customs Committee=customs", "UN=un"]
        );
        assert_eq!(found(&t, "customsx uncle"), Vec::<String>::new());
        assert!(!t.found_in(&Haystack::new("customsx uncle")));
        let text = "Customsx and the UN";
        let lower = text.to_ascii_lowercase();
        assert!(t.found_in(&Haystack::with_lower(text, &lower)), "a later match counts");
    }

    #[test]
    fn capitals_match_only_as_written() {
        let t = table(&[("US", "United States"), ("m", "metres")]);
        assert_eq!(found(&t, "the US told us"), ["US=United States"]);
        assert!(t.match_at("5 m", 2).is_some());
    }

    #[test]
    fn shorter_phrase_when_longest_runs_into_a_word() {
        let t = table(&[("kg", "kg"), ("kg of heroinx", "x")]);
        assert_eq!(found(&t, "5 kg of heroinxy"), ["kg=kg"]);
        assert!(t.found_in(&Haystack::new("5 kg of heroinxy")), "the shorter phrase is found");
        assert_eq!(t.match_at("5 kg of heroinxy", 2).map(|h| h.span), Some(Span::new(2, 4)));
    }

    #[test]
    fn apostrophes_match_both_ways() {
        let t = table(&[("prosecutor's office", "prosecutors")]);
        assert_eq!(found(&t, "the Prosecutor’s Office said"), ["Prosecutor’s Office=prosecutors"]);
    }

    #[test]
    fn capitals_outside_ascii_match() {
        let t = table(&[("łódź", "Poland"), ("gdańsk", "Poland"), ("über", "x")]);
        assert_eq!(found(&t, "near Łódź, in ŁÓDŹ"), ["Łódź=Poland", "ŁÓDŹ=Poland"]);
        assert_eq!(found(&t, "GDAŃSK and Gdańsk"), ["GDAŃSK=Poland", "Gdańsk=Poland"]);
        assert_eq!(found(&t, "Über"), ["Über=x"]);
        assert!(t.get("Łódź").is_some());
        assert_eq!(non_ascii_capitals("kraków"), [None, Some("krakÓw".to_owned())]);
        assert_eq!(non_ascii_capitals("heroin"), [None, None]);
    }

    #[test]
    fn hide_entries_are_reported() {
        let t = table(&[("drug", "narcotics"), ("anti-drug", "-")]);
        assert_eq!(found(&t, "anti-drug raids on drug dens"), ["anti-drug=-", "drug=narcotics"]);
    }

    #[test]
    fn get_respects_case_rules() {
        let t = table(&[("US", "United States"), ("heroin", "heroin")]);
        assert!(t.get("Heroin").is_some());
        assert!(t.get("US").is_some());
        assert!(t.get("us").is_none());
    }
}
