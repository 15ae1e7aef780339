//! A sentence's tokens with the helpers every dimension uses.

use crate::lexicon::{Haystack, Hit, Lexicon, Matches, Table};
use crate::span::Span;
use crate::text::{tokenize, Kind, Token};

/// A sentence, tokenized.
#[derive(Debug)]
pub struct Scan<'a> {
    /// The sentence text.
    pub text: &'a str,
    /// Its tokens.
    pub toks: Vec<Token>,
    /// The text prepared for table lookups.
    pub hay: Haystack<'a>,
    /// Every scanned table's matches, found in one pass (when a lexicon was given).
    matches: Option<Matches>,
    /// Per token, the scanned tables (bit `id`, for ids under 64) with a
    /// match starting where it starts: most lookups find nothing, and this
    /// says so without searching the matches.
    starts: Vec<u64>,
}

impl<'a> Scan<'a> {
    /// Tokenizes `text`.
    pub fn new(text: &'a str) -> Scan<'a> {
        Scan { text, toks: tokenize(text), hay: Haystack::new(text), matches: None, starts: Vec::new() }
    }

    /// Tokenizes `text` and finds the matches of every table `lex` scans, in
    /// one pass; lookups in those tables are then free.
    pub fn with_lexicon(text: &'a str, lex: &Lexicon) -> Scan<'a> {
        let hay = Haystack::new(text);
        let matches = lex.matcher().scan(&hay);
        let toks = tokenize(text);
        let mut starts = vec![0u64; toks.len()];
        for (table, start) in matches.starts() {
            if let (Some(bit), Ok(i)) =
                (1u64.checked_shl(table.into()), toks.binary_search_by_key(&start, |t| t.span.start))
            {
                starts[i] |= bit;
            }
        }
        Scan { text, toks, hay, matches: Some(matches), starts }
    }

    /// The precomputed matches of `table`, when it was scanned.
    fn scanned<V>(&self, table: &Table<V>) -> Option<(&Matches, u16)> {
        Some((self.matches.as_ref()?, table.id()?))
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// True when there is no token.
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// Text of token `i` ("" past the end).
    pub fn tok(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    /// Kind of token `i`.
    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// Token `i` is the word `w` (ASCII case ignored).
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.eq_ignore_ascii_case(self.text, w))
    }

    /// Token `i` is one of `words`.
    pub fn is_any(&self, i: usize, words: &[&str]) -> bool {
        words.iter().any(|w| self.is(i, w))
    }

    /// Token `i` is the punctuation `c`.
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(self.text, c))
    }

    /// Token `i` is a dash: hyphen, en dash or em dash.
    pub fn is_dash(&self, i: usize) -> bool {
        self.is_punct(i, '-') || self.is_punct(i, '–') || self.is_punct(i, '—')
    }

    /// Token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }

    /// Token `i` is a word with a capital first letter ("Baker", "MV").
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.is_word(i) && self.tok(i).starts_with(char::is_uppercase)
    }

    /// Token `i` written in capitals ("COUNTY", in a dateline), in title case
    /// ("County"), so that it matches a table's capitalised entries.
    pub fn title_cased(&self, i: usize) -> Option<String> {
        let w = self.tok(i);
        let shouted = self.is_word(i) && w.chars().count() > 1 && !w.chars().any(char::is_lowercase);
        shouted.then(|| crate::text::title_case(w))
    }

    /// Token `i` is a number.
    pub fn is_number(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Number)
    }

    /// Token `i` follows the previous token with no space.
    pub fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before) && i > 0
    }

    /// Byte span of tokens `a..b`.
    pub fn span(&self, a: usize, b: usize) -> Span {
        let start = self.toks.get(a).map_or(self.text.len(), |t| t.span.start);
        let end = if b == 0 { start } else { self.toks.get(b - 1).map_or(self.text.len(), |t| t.span.end) };
        Span::new(start, end)
    }

    /// Index of the first token starting at or after byte `pos`.
    pub fn tok_at(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.span.start < pos)
    }

    /// Index one past the last token ending at or before byte `pos`.
    pub fn tok_end(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.span.end <= pos)
    }

    /// The brackets around tokens `toks`: the tokens of `(` and `)`, when
    /// both are in the text and no other bracket stands between.
    pub fn bracket_around(&self, toks: std::ops::Range<usize>) -> Option<(usize, usize)> {
        let open = (0..toks.start).rev().find(|&k| self.is_punct(k, '(') || self.is_punct(k, ')'))?;
        let close = (toks.end..self.len()).find(|&k| self.is_punct(k, '(') || self.is_punct(k, ')'))?;
        (self.is_punct(open, '(') && self.is_punct(close, ')')).then_some((open, close))
    }

    /// The commas around `toks` when they hold a relative clause ("The drugs,
    /// which arrived from Thailand last month, have…"): the comma before
    /// "which" or "who" and the next comma or dash after `toks`.
    pub fn relative_clause_around(&self, toks: std::ops::Range<usize>) -> Option<(usize, usize)> {
        let is_bound = |k: usize| self.is_punct(k, ',') || self.is_punct(k, '\u{2014}') || self.is_punct(k, '\u{2013}');
        let open = (0..toks.start).rev().find(|&k| is_bound(k))?;
        let close = (toks.end..self.len()).find(|&k| is_bound(k))?;
        (self.is_punct(open, ',') && self.is_any(open + 1, &["which", "who"])).then_some((open, close))
    }

    /// A table's phrase starting exactly at token `i`, with the token index one past it.
    pub fn phrase_at<'t, V>(&self, table: &'t Table<V>, i: usize) -> Option<(Hit<'t, V>, usize)> {
        let t = self.toks.get(i)?;
        let hit = match self.scanned(table) {
            Some((m, id)) => {
                let none_here = 1u64.checked_shl(id.into()).is_some_and(|bit| self.starts[i] & bit == 0);
                if none_here {
                    return None;
                }
                let (end, idx) = m.at(id, t.span.start)?;
                Hit { span: crate::span::Span::new(t.span.start, end), entry: table.entry(idx)? }
            }
            None => table.match_at_in(&self.hay, t.span.start)?,
        };
        let end = self.tok_end(hit.span.end).max(i + 1);
        Some((hit, end))
    }

    /// True when a phrase of `table` starts at token `i`, whether or not it
    /// ends on a token boundary: a one-bit test for a scanned table.
    pub fn starts_phrase<V>(&self, table: &Table<V>, i: usize) -> bool {
        match self.scanned(table) {
            Some((_, id)) => {
                1u64.checked_shl(id.into()).is_some_and(|bit| self.starts.get(i).is_some_and(|s| s & bit != 0))
            }
            None => self.toks.get(i).is_some_and(|t| table.match_at_in(&self.hay, t.span.start).is_some()),
        }
    }

    /// A table's phrase ending exactly where token `i` starts (looking back up
    /// to `max_tokens` tokens), with its first token index.
    pub fn phrase_before<'t, V>(
        &self,
        table: &'t Table<V>,
        i: usize,
        max_tokens: usize,
    ) -> Option<(Hit<'t, V>, usize)> {
        let lo = i.saturating_sub(max_tokens);
        for start in lo..i {
            if let Some((hit, end)) = self.phrase_at(table, start) {
                if end == i {
                    return Some((hit, start));
                }
            }
        }
        None
    }

    /// Every match of a table, as token ranges (a match ending inside a token,
    /// "Iran" in "Iran's", covers that token).
    pub fn mentions<'t, V>(&self, table: &'t Table<V>) -> Vec<(usize, usize, &'t crate::lexicon::Entry<V>)> {
        let tokens = |(start, end, entry): (usize, usize, &'t crate::lexicon::Entry<V>)| {
            let span = (self.tok_at(start), self.toks.partition_point(|t| t.span.start < end));
            (span.0 < span.1).then_some((span.0, span.1, entry))
        };
        match self.scanned(table) {
            Some((m, id)) => m.all(id).filter_map(|(s, e, idx)| tokens((s, e, table.entry(idx)?))).collect(),
            None => table
                .find_all_in(&self.hay)
                .into_iter()
                .filter_map(|h| tokens((h.span.start, h.span.end, h.entry)))
                .collect(),
        }
    }

    /// True when `table` has a phrase anywhere in the sentence.
    pub fn has_any<V>(&self, table: &Table<V>) -> bool {
        match self.scanned(table) {
            Some((m, id)) => m.any(id),
            None => table.found_in(&self.hay),
        }
    }

    /// Token `i` with ASCII letters lower-cased (a slice of the prepared
    /// haystack: no allocation).
    pub fn lower(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.hay.lower[t.span.start..t.span.end])
    }
}
