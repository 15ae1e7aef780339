//! Chunking: sentences and passages, each with its span in the cleaned text.
//!
//! Sentences come from `unicode-segmentation` (UAX #29) inside each block
//! (plain ASCII sentences, whose segmentation is certain, skip the segmenter),
//! then two repairs: a break after an abbreviation ("U.S.", "Maj. Gen.",
//! "No. 5", initials) is undone, and so is a break that only a line break
//! caused in the middle of a sentence ("just over\n\n630 tons"). A sentence is
//! never longer than [`MAX_SENTENCE`] bytes, so a page without punctuation
//! costs linear time. Passages are up to [`PASSAGE_SENTENCES`] consecutive
//! sentences of one paragraph: the unit of text search.

mod abbrev;

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::clean::{BlockKind, CleanDoc};
use crate::span::Span;

/// Longest sentence, in bytes; longer runs are cut at a space.
pub const MAX_SENTENCE: usize = 2000;
/// Sentences per passage.
pub const PASSAGE_SENTENCES: usize = 3;

/// A sentence of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Where it stands in the cleaned text.
    pub span: Span,
    /// Index of its block in [`CleanDoc::blocks`].
    pub block: usize,
    /// It opens its block.
    pub starts_block: bool,
    /// Its block is a heading.
    pub heading: bool,
}

/// A few consecutive sentences of one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// Where it stands in the cleaned text.
    pub span: Span,
    /// The sentences it holds (indices into the sentence list).
    pub sentences: Range<usize>,
}

/// Splits an article into sentences and passages.
pub fn split(doc: &CleanDoc) -> (Vec<Sentence>, Vec<Passage>) {
    let mut sentences = Vec::new();
    let mut passages = Vec::new();
    for (block_idx, block) in doc.blocks.iter().enumerate() {
        let first = sentences.len();
        let spans = match block.kind {
            BlockKind::Table => table_rows(&doc.text, block.span),
            _ => sentence_spans(&doc.text, block.span),
        };
        for span in spans {
            sentences.push(Sentence {
                span,
                block: block_idx,
                starts_block: sentences.len() == first,
                heading: block.kind == BlockKind::Heading,
            });
        }
        if block.kind != BlockKind::Heading {
            let mut i = first;
            while i < sentences.len() {
                let j = (i + PASSAGE_SENTENCES).min(sentences.len());
                passages.push(Passage {
                    span: Span::new(sentences[i].span.start, sentences[j - 1].span.end),
                    sentences: i..j,
                });
                i = j;
            }
        }
    }
    (sentences, passages)
}

/// A table's rows, each a sentence of its own: the header row and the body
/// rows, not the separator row.
pub fn table_rows(text: &str, block: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut pos = block.start;
    for line in text[block.start..block.end].split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() && !crate::clean::furniture::is_table_separator(trimmed) {
            let start = pos + (line.len() - line.trim_start().len());
            out.push(Span::new(start, start + trimmed.len()));
        }
        pos += line.len();
    }
    out
}

fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end().trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
    t.ends_with(['.', '!', '?', '…', ';'])
}

fn starts_like_continuation(s: &str) -> bool {
    s.trim_start().chars().next().is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
}

/// A thread's post opening with its number ("2/ The tablets…"): never the
/// rest of the post before it.
fn starts_post(s: &str) -> bool {
    let s = s.trim_start();
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    digits > 0 && s[digits..].starts_with('/') && s[digits + 1..].starts_with(char::is_whitespace)
}

/// Sentence spans inside `block` of `text`.
pub fn sentence_spans(text: &str, block: Span) -> Vec<Span> {
    let body = &text[block.start..block.end];
    let mut out: Vec<Span> = Vec::new();
    for (off, seg) in uax29_sentences(body) {
        let trimmed_start = seg.len() - seg.trim_start().len();
        let content = seg.trim();
        if content.is_empty() {
            continue;
        }
        let span = Span::new(block.start + off + trimmed_start, block.start + off + trimmed_start + content.len());
        // "… on the spot. #WarOnDrugs": a post's hashtags end its sentence.
        let hashtags = content.split_whitespace().all(|w| w.len() > 1 && w.starts_with('#'));
        let merge = match out.last() {
            Some(prev) => {
                let prev_text = &text[prev.start..prev.end];
                hashtags
                    || abbrev::ends_with_abbreviation(prev_text)
                    || (!ends_sentence(prev_text)
                        && !starts_post(content)
                        && (starts_like_continuation(content) || !prev_text.ends_with(':')))
            }
            None => false,
        };
        if merge {
            if let Some(prev) = out.last_mut() {
                prev.end = span.end;
            }
        } else {
            out.push(span);
        }
    }
    out.into_iter().flat_map(|s| cap_length(text, s)).collect()
}

/// The UAX #29 sentence segments of `text` with their offsets, exactly as
/// `split_sentence_bound_indices` gives them, computed faster for plain
/// ASCII prose.
///
/// In ASCII, a terminator (`.`, `!`, `?`), closing marks, at least one space
/// and then a capital letter always make a break before the capital (rule
/// SB11; SB7 needs no space, SB8 needs a lower-case letter first, SB8a a
/// continuation or another terminator), and no rule looks across that
/// capital. So the text is cut there first. A piece that has no terminator
/// (but full stops inside numbers and before lower-case letters, which
/// cannot break) or line break before its final terminator, and outside ASCII only
/// characters that cannot break ([`never_breaks`]: letters, typographic
/// quotes, dashes), is one segment (breaks need a terminator or a paragraph
/// separator before them), and so is a last piece that ends with its only
/// terminator or has none; only the other pieces go through the segmenter.
fn uax29_sentences(text: &str) -> Vec<(usize, &str)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut piece_start = 0;
    // Whether the current piece so far could hide a break.
    let mut plain = true;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if matches!(c, b'.' | b'!' | b'?') {
            // A terminator run, closing marks, spaces, then a capital?
            let mut j = i + 1;
            while j < b.len() && matches!(b[j], b'.' | b'!' | b'?') {
                j += 1;
            }
            while j < b.len() && matches!(b[j], b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}') {
                j += 1;
            }
            let spaces = j;
            while j < b.len() && matches!(b[j], b' ' | b'\t') {
                j += 1;
            }
            if j == b.len() && plain {
                // Only closing marks and spaces after it: the last segment.
                out.push((piece_start, &text[piece_start..]));
                return out;
            }
            if j > spaces && j < b.len() && b[j].is_ascii_uppercase() {
                let piece = &text[piece_start..j];
                if plain {
                    out.push((piece_start, piece));
                } else {
                    out.extend(piece.split_sentence_bound_indices().map(|(o, s)| (piece_start + o, s)));
                }
                piece_start = j;
                plain = true;
                i = j;
                continue;
            }
            // A full stop right before a digit or a lower-case letter ("1.5",
            // "e.g") never breaks (SB6, SB8), there or later.
            let inner = c == b'.' && b.get(i + 1).is_some_and(|n| n.is_ascii_digit() || n.is_ascii_lowercase());
            plain &= inner;
        } else if !c.is_ascii() {
            let ch = text[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
            if !never_breaks(ch) {
                plain = false;
            }
            i += ch.len_utf8();
            continue;
        } else if matches!(c, b'\n' | b'\r' | b'\x0b' | b'\x0c') {
            plain = false;
        }
        i += 1;
    }
    if piece_start < b.len() {
        if plain {
            // No terminator and no separator: nothing can break it.
            out.push((piece_start, &text[piece_start..]));
        } else {
            out.extend(text[piece_start..].split_sentence_bound_indices().map(|(o, s)| (piece_start + o, s)));
        }
    }
    out
}

/// Characters outside ASCII that cannot start a sentence break where no
/// terminator comes before them: letters (Sentence_Break Upper, Lower or
/// OLetter), typographic quotes (Close), dashes (SContinue) and the no-break
/// space (Sp). Terminators (`。`, `؟`…) and paragraph separators can.
fn never_breaks(c: char) -> bool {
    c.is_alphabetic() || matches!(c, '‘' | '’' | '“' | '”' | '«' | '»' | '–' | '—' | '\u{a0}')
}

/// Cuts a span longer than [`MAX_SENTENCE`] at whitespace (or anywhere on a
/// character boundary when there is none).
fn cap_length(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = span.start;
    while span.end - start > MAX_SENTENCE {
        let mut cut = start + MAX_SENTENCE;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let window = &text[start..cut];
        if let Some(ws) = window.rfind(char::is_whitespace).filter(|&w| w > MAX_SENTENCE / 2) {
            cut = start + ws;
        }
        out.push(Span::new(start, cut));
        start = cut;
        while start < span.end && text[start..].starts_with(char::is_whitespace) {
            start += text[start..].chars().next().map_or(1, char::len_utf8);
        }
    }
    if start < span.end {
        out.push(Span::new(start, span.end));
    }
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        sentence_spans(text, Span::new(0, text.len())).into_iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("The U.S. Department of Justice said so. Maj. Gen. Aslanov met No. 5 of them. It ended."),
            ["The U.S. Department of Justice said so.", "Maj. Gen. Aslanov met No. 5 of them.", "It ended."]
        );
    }

    #[test]
    fn decimals_and_initials() {
        assert_eq!(
            sentences("Over 1.5 tons were seized. J. R. Smith said 3.4 t burned."),
            ["Over 1.5 tons were seized.", "J. R. Smith said 3.4 t burned."]
        );
    }

    #[test]
    fn a_thread_post_starts_a_sentence_and_its_hashtags_end_one() {
        assert_eq!(
            sentences("1/ Police seized 5 kg of heroin. #WarOnDrugs\n\n2/ The drugs came from Myanmar."),
            ["1/ Police seized 5 kg of heroin. #WarOnDrugs", "2/ The drugs came from Myanmar."]
        );
    }

    #[test]
    fn line_breaks_inside_a_sentence_are_mended() {
        assert_eq!(
            sentences("accounting for 39 percent – just over\n\n630 tons of opium – in 2017.\n\nNext one."),
            ["accounting for 39 percent – just over\n\n630 tons of opium – in 2017.", "Next one."]
        );
    }

    fn reference(text: &str) -> Vec<(usize, &str)> {
        text.split_sentence_bound_indices().collect()
    }

    #[test]
    fn segments_are_uax29s() {
        for text in [
            "Over 1.5 tons were seized. J. R. Smith said so! Then? \"Yes.\" (He left.) Next",
            "The U.S. Department said so.  Maj. Gen. Aslanov. A",
            "e.g. this. and that. 3. Four. U.S.A. B",
            "line\nbreak. Here.\r\nThere. Über. Ça. 日本語。次。 End.",
            "no terminator at all",
            ". A",
            "x.\tY",
            "",
        ] {
            assert_eq!(uax29_sentences(text), reference(text), "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn segments_are_uax29s_for_any_mix(
            parts in prop::collection::vec(
                prop_oneof![
                    Just("word"), Just("Cap"), Just("."),
                    Just("!"), Just("?"), Just(" "),
                    Just("\t"), Just("\n"), Just("\""),
                    Just(")"), Just("("), Just("'"),
                    Just("3"), Just("é"), Just("\u{301}"),
                    Just("。"), Just("\u{2029}"), Just(","),
                    Just("\u{200d}"), Just("U.S."), Just("\r"),
                    Just("’"), Just("“"), Just("”"), Just("—"), Just("\u{a0}"),
                    Just("Ж"), Just("ж"), Just("؟"), Just("\u{2024}"), Just("\u{85}"),
                ],
                0..30,
            )
        ) {
            let text: String = parts.concat();
            prop_assert_eq!(uax29_sentences(&text), reference(&text));
        }

        #[test]
        fn segments_are_uax29s_for_any_text(text in ".{0,80}") {
            prop_assert_eq!(uax29_sentences(&text), reference(&text));
        }
    }

    #[test]
    fn long_runs_are_capped() {
        let text = "word ".repeat(2000);
        let spans = sentence_spans(&text, Span::new(0, text.len()));
        assert!(spans.len() >= 5);
        assert!(spans.iter().all(|s| s.len() <= MAX_SENTENCE));
    }
}
