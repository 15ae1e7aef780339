//! One pass over a sentence for every table at once.
//!
//! The extractor asks, at each token, whether one of thirty tables has a
//! phrase starting there. Instead of thirty automaton walks per token, the
//! [`Matcher`] finds the matches of all registered tables in one go, keeps the
//! longest whole-word match per table and start position, and answers those
//! questions by lookup.
//!
//! Two strategies give the same matches. Texts of sentence length run
//! through one overlapping aho-corasick automaton over every pattern but the
//! one- and two-letter ones ("t", "kg", "M": they occur inside most words, and
//! their whole-word matches are runs of letters, looked up by key); a short
//! text (a question, a title) seen before the automaton exists looks up each
//! of its candidate phrases in a sorted pattern list instead, because building
//! the automaton costs more than a one-shot question's whole answer. Each
//! strategy is built on first use; once the automaton exists it does all scans.
//! Before a large ingest, [`Matcher::prepare_for`] builds the automaton as a
//! DFA, faster to scan with but slower to build.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use rustc_hash::FxHashMap;

use super::table::{boundary_ok, Haystack};
use crate::span::Span;

/// One match: (table, start, end, entry).
type Item = (u16, u32, u32, u32);

/// Patterns of one or two letters by key (see [`letters_key`]): their (table, entry) tags.
type LetterPatterns = FxHashMap<[u8; 2], Vec<(u16, u32)>>;

/// Texts up to this many bytes are matched phrase by phrase…
pub const SHORT_TEXT: usize = 160;

/// …until this many have been: then the work ahead is an ingest, for which the
/// automaton pays off.
const SHORT_SCANS: usize = 16;

/// Patterns of one table, as the matcher needs them.
#[derive(Debug, Clone, Copy)]
pub struct Patterns<'a> {
    /// The table's id in the matcher.
    pub table: u16,
    /// Lower-case patterns, searched in the lower-cased text.
    pub folded: &'a [String],
    /// Entry index of each lower-case pattern.
    pub folded_ids: &'a [usize],
    /// Patterns with capitals, searched as written.
    pub exact: &'a [String],
    /// Entry index of each pattern with capitals.
    pub exact_ids: &'a [usize],
}

impl Patterns<'_> {
    /// An owned copy, kept until the matcher is built.
    pub fn owned(self) -> OwnedPatterns {
        OwnedPatterns {
            table: self.table,
            folded: self.folded.to_vec(),
            folded_ids: self.folded_ids.to_vec(),
            exact: self.exact.to_vec(),
            exact_ids: self.exact_ids.to_vec(),
        }
    }
}

/// An owned [`Patterns`].
#[derive(Debug, Clone, Default)]
pub struct OwnedPatterns {
    table: u16,
    folded: Vec<String>,
    folded_ids: Vec<usize>,
    exact: Vec<String>,
    exact_ids: Vec<usize>,
}

/// A combined matcher over many tables.
#[derive(Debug, Clone, Default)]
pub struct Matcher {
    folded: Vec<String>,
    folded_tags: Vec<(u16, u32)>,
    exact: Vec<String>,
    exact_tags: Vec<(u16, u32)>,
    /// The patterns of one or two ASCII letters ("t", "kg", "M"), kept out
    /// of the automaton: they occur inside most words, and a whole-word match
    /// of one is a whole run of letters, looked up here (lower case, then as
    /// written).
    letters: [LetterPatterns; 2],
    automata: OnceLock<Automata>,
    phrases: OnceLock<Phrases>,
    short_scans: Counter,
}

/// A count shared by the threads that scan with one matcher.
#[derive(Debug, Default)]
struct Counter(AtomicUsize);

impl Clone for Counter {
    fn clone(&self) -> Counter {
        Counter(AtomicUsize::new(self.0.load(Ordering::Relaxed)))
    }
}

/// The long-text strategy: one automaton over every pattern but the short
/// runs of letters, searched in the lower-cased text. A pattern with capitals
/// is in it lower-cased, and a match of it counts only where the text reads
/// exactly as the pattern: one pass over the text for both case rules.
#[derive(Debug, Clone)]
struct Automata {
    ac: Option<AhoCorasick>,
    /// Per pattern of `ac`: its table and entry, and for a pattern with
    /// capitals, the pattern as written.
    tags: Vec<(u16, u32, Option<String>)>,
}

/// The key of a pattern of one or two ASCII letters, else `None`.
fn letters_key(pattern: &str) -> Option<[u8; 2]> {
    match *pattern.as_bytes() {
        [a] if a.is_ascii_alphabetic() => Some([a, 0]),
        [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => Some([a, b]),
        _ => None,
    }
}

/// The short-text strategy: pattern indices sorted by pattern, for binary
/// search, and the longest pattern's length.
#[derive(Debug, Clone)]
struct Phrases {
    folded: Vec<u32>,
    exact: Vec<u32>,
    longest: usize,
}

fn sorted(patterns: &[String]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..patterns.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| patterns[a as usize].cmp(&patterns[b as usize]));
    order
}

/// Indices (into `patterns`) of the patterns equal to `needle`.
fn equal<'a>(order: &'a [u32], patterns: &'a [String], needle: &str) -> impl Iterator<Item = u32> + 'a {
    let lo = order.partition_point(|&i| patterns[i as usize].as_str() < needle);
    let hi = lo + order[lo..].partition_point(|&i| patterns[i as usize].as_str() <= needle);
    order[lo..hi].iter().copied()
}

/// Every table's longest whole-word match at each start position of one text.
#[derive(Debug, Clone, Default)]
pub struct Matches {
    /// (table, start, end, entry), sorted by table then start; one per start.
    items: Vec<Item>,
}

/// Bytes of text ahead from which [`Matcher::prepare_for`] builds the
/// faster automaton: a DFA scans about a fifth faster than the NFA but takes
/// some 25 ms more to build.
pub const DFA_FROM_BYTES: u64 = 4 << 20;

fn build(patterns: &[String], kind: AhoCorasickKind) -> Option<AhoCorasick> {
    if patterns.is_empty() {
        return None;
    }
    // Building fails only past the automaton's size limits, far beyond any lexicon.
    AhoCorasickBuilder::new().match_kind(MatchKind::Standard).kind(Some(kind)).build(patterns).ok()
}

impl Matcher {
    /// A matcher over `tables`; nothing is built until the first scan.
    pub fn new(tables: Vec<OwnedPatterns>) -> Matcher {
        let mut m = Matcher::default();
        for t in tables {
            m.folded_tags.extend(t.folded_ids.iter().map(|&id| (t.table, id as u32)));
            m.folded.extend(t.folded);
            m.exact_tags.extend(t.exact_ids.iter().map(|&id| (t.table, id as u32)));
            m.exact.extend(t.exact);
        }
        for (case, (patterns, tags)) in [(&m.folded, &m.folded_tags), (&m.exact, &m.exact_tags)].into_iter().enumerate()
        {
            for (p, tag) in patterns.iter().zip(tags) {
                if let Some(key) = letters_key(p) {
                    m.letters[case].entry(key).or_default().push(*tag);
                }
            }
        }
        m
    }

    fn automata(&self) -> &Automata {
        self.automata_of(AhoCorasickKind::ContiguousNFA)
    }

    fn automata_of(&self, kind: AhoCorasickKind) -> &Automata {
        self.automata.get_or_init(|| {
            let folded = self.folded.iter().zip(&self.folded_tags).map(|(p, &(t, e))| (p.clone(), (t, e, None)));
            // Lower-cased as the haystack is (ASCII only), so offsets agree.
            let exact = self
                .exact
                .iter()
                .zip(&self.exact_tags)
                .map(|(p, &(t, e))| (p.to_ascii_lowercase(), (t, e, Some(p.clone()))));
            let (patterns, tags): (Vec<String>, Vec<_>) =
                folded.chain(exact).filter(|(p, _)| letters_key(p).is_none()).unzip();
            Automata { ac: build(&patterns, kind), tags }
        })
    }

    /// Builds the automaton now, the fastest kind when `bytes` of text are
    /// about to be scanned (an ingest), unless one exists already.
    pub fn prepare_for(&self, bytes: u64) {
        let kind = if bytes >= DFA_FROM_BYTES { AhoCorasickKind::DFA } else { AhoCorasickKind::ContiguousNFA };
        self.automata_of(kind);
    }

    fn phrases(&self) -> &Phrases {
        self.phrases.get_or_init(|| Phrases {
            folded: sorted(&self.folded),
            exact: sorted(&self.exact),
            longest: self.folded.iter().chain(&self.exact).map(String::len).max().unwrap_or(0),
        })
    }

    /// All tables' matches in `hay`.
    pub fn scan(&self, hay: &Haystack) -> Matches {
        // About one whole-word match per ten bytes of news text.
        let mut items: Vec<Item> = Vec::with_capacity(hay.text.len() / 8);
        // Once the automaton exists (an ingest), it is always the faster way.
        let short = hay.text.len() <= SHORT_TEXT
            && self.automata.get().is_none()
            && self.short_scans.0.fetch_add(1, Ordering::Relaxed) < SHORT_SCANS;
        if short {
            self.scan_short(hay, &mut items);
        } else {
            self.scan_long(hay, &mut items);
        }
        // Longest first at each (table, start), then keep only that one.
        items.sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then(b.2.cmp(&a.2)));
        items.dedup_by(|b, a| a.0 == b.0 && a.1 == b.1);
        Matches { items }
    }

    /// Every substring that could be a whole-word phrase, looked up.
    fn scan_short(&self, hay: &Haystack, items: &mut Vec<Item>) {
        let phrases = self.phrases();
        let (text, lower) = (hay.text, hay.lower.as_ref());
        for (start, _) in text.char_indices() {
            let ends = text[start..].char_indices().skip(1).map(|(i, _)| start + i).chain([text.len()]);
            for end in ends.take_while(|&end| end - start <= phrases.longest) {
                let span = Span::new(start, end);
                if !boundary_ok(text, span) {
                    continue;
                }
                let lookups = [
                    (&phrases.folded, &self.folded, &self.folded_tags, &lower[start..end]),
                    (&phrases.exact, &self.exact, &self.exact_tags, &text[start..end]),
                ];
                for (order, patterns, tags, needle) in lookups {
                    for i in equal(order, patterns, needle) {
                        let (table, entry) = tags[i as usize];
                        items.push((table, start as u32, end as u32, entry));
                    }
                }
            }
        }
    }

    fn scan_long(&self, hay: &Haystack, items: &mut Vec<Item>) {
        let a = self.automata();
        if let Some(ac) = &a.ac {
            for m in ac.find_overlapping_iter(hay.lower.as_ref()) {
                let (table, entry, exact) = &a.tags[m.pattern().as_usize()];
                let as_written = exact.as_ref().is_none_or(|p| hay.text.as_bytes()[m.range()] == *p.as_bytes());
                let span = Span::new(m.start(), m.end());
                if as_written && boundary_ok(hay.text, span) {
                    items.push((*table, span.start as u32, span.end as u32, *entry));
                }
            }
        }
        self.scan_letter_runs(hay, items);
    }

    /// The matches of the one- and two-letter patterns: runs of one or two
    /// ASCII letters that stand as whole words ("5 t", "10kg", "M").
    fn scan_letter_runs(&self, hay: &Haystack, items: &mut Vec<Item>) {
        if self.letters.iter().all(FxHashMap::is_empty) {
            return;
        }
        let bytes = hay.text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            if i - start > 2 || !boundary_ok(hay.text, Span::new(start, i)) {
                continue;
            }
            for (letters, text) in self.letters.iter().zip([hay.lower.as_bytes(), bytes]) {
                let key = [text[start], if i - start == 2 { text[start + 1] } else { 0 }];
                for &(table, entry) in letters.get(&key).into_iter().flatten() {
                    items.push((table, start as u32, i as u32, entry));
                }
            }
        }
    }
}

impl Matches {
    /// The longest match of `table` starting at byte `start`: its end and entry.
    pub fn at(&self, table: u16, start: usize) -> Option<(usize, usize)> {
        let i = self.items.binary_search_by(|x| (x.0, x.1).cmp(&(table, start as u32))).ok()?;
        let x = self.items[i];
        Some((x.2 as usize, x.3 as usize))
    }

    /// The matches of `table` left to right, not overlapping, longest first
    /// where several start together: `(start, end, entry)`.
    pub fn all(&self, table: u16) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        let lo = self.items.partition_point(|x| x.0 < table);
        let hi = self.items.partition_point(|x| x.0 <= table);
        let mut next_free = 0u32;
        self.items[lo..hi]
            .iter()
            .filter(move |x| {
                let free = x.1 >= next_free;
                if free {
                    next_free = x.2.max(x.1 + 1);
                }
                free
            })
            .map(|x| (x.1 as usize, x.2 as usize, x.3 as usize))
    }

    /// Every (table, start) that has a match.
    pub fn starts(&self) -> impl Iterator<Item = (u16, usize)> + '_ {
        self.items.iter().map(|x| (x.0, x.1 as usize))
    }

    /// True when `table` has a match anywhere.
    pub fn any(&self, table: u16) -> bool {
        let lo = self.items.partition_point(|x| x.0 < table);
        self.items.get(lo).is_some_and(|x| x.0 == table)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use proptest::prelude::*;

    fn both(lex: &Lexicon, text: &str) -> (Vec<Item>, Vec<Item>) {
        let hay = Haystack::new(text);
        let m = lex.matcher();
        let (mut short, mut long) = (Vec::new(), Vec::new());
        m.scan_short(&hay, &mut short);
        m.scan_long(&hay, &mut long);
        short.sort_unstable();
        long.sort_unstable();
        (short, long)
    }

    #[test]
    fn strategies_agree_on_sentences() {
        let lex = Lexicon::builtin().unwrap();
        for text in [
            "Customs officers seized 903 kg 454 grams of heroin in Baku last year.",
            "The State Customs Committee's Anti-Narcotics Department said over 1.5 tons were destroyed.",
            "Iran’s police burned $2.1bn worth of opium, up to 95% of the crop, U.S. officials said.",
            "how much herion did the DEA seize in the first half of 2024?",
            "Rs500 crore; 3 lakh tablets; a tonne and a half; €4m; 12 per cent",
            "",
            "é — “quoted” 5kg… ١٢٣",
        ] {
            let (short, long) = both(&lex, text);
            assert!(!text.contains("seized") || !short.is_empty());
            assert_eq!(short, long, "{text}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn strategies_agree_on_any_mix(
            words in proptest::collection::vec(
                prop_oneof![
                    Just("heroin"), Just("kg"), Just("Customs"), Just("customs officers"), Just("U.S."),
                    Just("$"), Just("%"), Just("bn"), Just("per cent"), Just("Iran’s"), Just("Iran's"),
                    Just("tons"), Just("DEA"), Just("over"), Just("up to"), Just("5"), Just("a"),
                    Just("half"), Just("last year"), Just("é"), Just("seized"), Just("m"), Just("Kg"),
                    Just("K"), Just("t"), Just("th"), Just("M"), Just("Mt"),
                ],
                0..14,
            ),
            seps in proptest::collection::vec(prop_oneof![Just(" "), Just(""), Just(", "), Just("-"), Just("\n")], 14),
        ) {
            static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
            let lex = LEX.get_or_init(|| Lexicon::builtin().unwrap());
            let text: String = words.iter().zip(&seps).map(|(w, s)| format!("{w}{s}")).collect();
            let (short, long) = both(lex, &text);
            prop_assert_eq!(short, long, "{}", text);
        }
    }
}
