//! One pass over a sentence for every table at once.
//!
//! The extractor asks, at each token, whether one of thirty tables has a
//! phrase starting there. Instead of thirty automaton walks per token, the
//! [`Matcher`] runs one overlapping aho-corasick search over the sentence for
//! the patterns of all registered tables, keeps the longest whole-word match
//! per table and start position, and answers those questions by lookup.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::table::{boundary_ok, Haystack};
use crate::span::Span;

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

/// A combined automaton over many tables.
#[derive(Debug, Clone)]
pub struct Matcher {
    folded: Option<AhoCorasick>,
    folded_tags: Vec<(u16, u32)>,
    exact: Option<AhoCorasick>,
    exact_tags: Vec<(u16, u32)>,
}

/// Every table's longest whole-word match at each start position of one text.
#[derive(Debug, Clone, Default)]
pub struct Matches {
    /// (table, start, end, entry), sorted by table then start; one per start.
    items: Vec<(u16, u32, u32, u32)>,
}

fn build(patterns: &[String]) -> Option<AhoCorasick> {
    if patterns.is_empty() {
        return None;
    }
    // Building fails only past the automaton's size limits, far beyond any lexicon.
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(patterns)
        .ok()
}

impl Matcher {
    /// Builds the combined automaton.
    pub fn new(tables: &[OwnedPatterns]) -> Matcher {
        let (mut folded, mut folded_tags, mut exact, mut exact_tags) = (vec![], vec![], vec![], vec![]);
        for t in tables {
            for (p, id) in t.folded.iter().zip(t.folded_ids.iter()) {
                folded.push(p.clone());
                folded_tags.push((t.table, *id as u32));
            }
            for (p, id) in t.exact.iter().zip(t.exact_ids.iter()) {
                exact.push(p.clone());
                exact_tags.push((t.table, *id as u32));
            }
        }
        Matcher { folded: build(&folded), folded_tags, exact: build(&exact), exact_tags }
    }

    /// All tables' matches in `hay`.
    pub fn scan(&self, hay: &Haystack) -> Matches {
        let mut items: Vec<(u16, u32, u32, u32)> = Vec::new();
        let searches =
            [(&self.folded, &self.folded_tags, hay.lower.as_ref()), (&self.exact, &self.exact_tags, hay.text)];
        for (ac, tags, text) in searches {
            let Some(ac) = ac else { continue };
            for m in ac.find_overlapping_iter(text) {
                let span = Span::new(m.start(), m.end());
                if boundary_ok(hay.text, span) {
                    let (table, entry) = tags[m.pattern().as_usize()];
                    items.push((table, span.start as u32, span.end as u32, entry));
                }
            }
        }
        // Longest first at each (table, start), then keep only that one.
        items.sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then(b.2.cmp(&a.2)));
        items.dedup_by(|b, a| a.0 == b.0 && a.1 == b.1);
        Matches { items }
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
    pub fn all(&self, table: u16) -> Vec<(usize, usize, usize)> {
        let lo = self.items.partition_point(|x| x.0 < table);
        let hi = self.items.partition_point(|x| x.0 <= table);
        let mut out = Vec::new();
        let mut next_free = 0u32;
        for x in &self.items[lo..hi] {
            if x.1 >= next_free {
                out.push((x.1 as usize, x.2 as usize, x.3 as usize));
                next_free = x.2.max(x.1 + 1);
            }
        }
        out
    }

    /// True when `table` has a match anywhere.
    pub fn any(&self, table: u16) -> bool {
        let lo = self.items.partition_point(|x| x.0 < table);
        self.items.get(lo).is_some_and(|x| x.0 == table)
    }
}
