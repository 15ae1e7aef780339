//! The phrases that make a short line page metadata ("Published", "5 min
//! read", "By "), found in one automaton pass per line.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

/// Metadata phrases, in lower case. A phrase ending in a space ("by ")
/// matches only at the start of a line; any other matches as whole words
/// anywhere in it.
#[derive(Debug, Clone, Default)]
pub struct MetaPhrases {
    phrases: Vec<String>,
    /// Built on first use: a one-shot question never reads page metadata.
    automaton: OnceLock<Option<AhoCorasick>>,
}

impl MetaPhrases {
    /// A set of `phrases` (lower-cased here).
    pub fn new(phrases: impl IntoIterator<Item = String>) -> MetaPhrases {
        MetaPhrases { phrases: phrases.into_iter().map(|p| p.to_lowercase()).collect(), automaton: OnceLock::new() }
    }

    /// The phrases, in lower case.
    pub fn phrases(&self) -> &[String] {
        &self.phrases
    }

    /// True when `lower`, a line in lower case, holds one of the phrases.
    pub fn found_in(&self, lower: &str) -> bool {
        let automaton = self.automaton.get_or_init(|| {
            // Building fails only past the automaton's size limits, far beyond a phrase list.
            AhoCorasick::builder().match_kind(MatchKind::Standard).build(&self.phrases).ok()
        });
        let Some(ac) = automaton else { return false };
        ac.find_overlapping_iter(lower).any(|m| {
            if self.phrases[m.pattern().as_usize()].ends_with(' ') {
                return m.start() == 0;
            }
            let before = lower[..m.start()].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let after = lower[m.end()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            before && after
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_as_words_or_at_the_start() {
        let meta = MetaPhrases::new(["Published".to_owned(), "min read".to_owned(), "by ".to_owned()]);
        assert!(meta.found_in("published october 2, 2024"));
        assert!(meta.found_in("azemedia · 7 min read"));
        assert!(meta.found_in("by ramella ibrahimkhalilova"));
        assert!(!meta.found_in("unpublished draft"), "inside a word");
        assert!(!meta.found_in("7 min reader"), "runs into a word");
        assert!(!meta.found_in("written by hand"), "a phrase ending in a space only at the start");
        assert!(MetaPhrases::new([]).phrases().is_empty());
        assert!(!MetaPhrases::new([]).found_in("published"));
    }
}
