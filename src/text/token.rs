//! A tokenizer for news prose that keeps byte spans.
//!
//! Tokens are words (letters with inner hyphens and apostrophes:
//! `drug-related`, `Iran's`; a digit ends a word, so `G20` is `G` and `20`),
//! numbers (digits with inner
//! thousands separators and a decimal mark: `1,648.104`, `816 000`, `0.5`) and
//! single punctuation characters (`$`, `%`, `–`, `(`). Whitespace is not a
//! token; each token records whether whitespace, and a line break, came before it.

use crate::span::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters, with inner `-` and `'`.
    Word,
    /// Digits with inner separators.
    Number,
    /// Any other single character.
    Punct,
}

/// One token with its byte span in the tokenized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub kind: Kind,
    /// Where it is.
    pub span: Span,
    /// Whitespace stands right before it.
    pub space_before: bool,
    /// A line break stands between it and the previous token.
    pub newline_before: bool,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.span.start..self.span.end]
    }

    /// The token's bytes: as [`Token::text`], without the character-boundary
    /// checks a `str` slice makes (comparisons are the hottest calls of
    /// extraction, and a token's span always falls on boundaries).
    pub fn bytes<'a>(&self, text: &'a str) -> &'a [u8] {
        text.as_bytes().get(self.span.start..self.span.end).unwrap_or_default()
    }

    /// True when the token reads `w`, ignoring ASCII case.
    pub fn eq_ignore_ascii_case(&self, text: &str, w: &str) -> bool {
        self.bytes(text).eq_ignore_ascii_case(w.as_bytes())
    }

    /// True when this is the punctuation character `c`.
    pub fn is_punct(&self, text: &str, c: char) -> bool {
        let mut buf = [0u8; 4];
        self.kind == Kind::Punct && self.bytes(text).starts_with(c.encode_utf8(&mut buf).as_bytes())
    }

    /// True when this is a word equal to `w` ignoring ASCII case.
    pub fn is_word(&self, text: &str, w: &str) -> bool {
        self.kind == Kind::Word && self.eq_ignore_ascii_case(text, w)
    }
}

/// Combining marks (accents written as separate code points) belong to words.
trait MarkExt {
    fn is_mark(&self) -> bool;
}

impl MarkExt for char {
    fn is_mark(&self) -> bool {
        matches!(*self as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
    }
}

fn is_group_space(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2009}' | ' ')
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// The character at byte `pos` and its width, with an ASCII fast path.
#[inline]
fn char_at(text: &str, pos: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(pos)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    text.get(pos..)?.chars().next().map(|c| (c, c.len_utf8()))
}

/// Number of ASCII digits starting at byte `pos`.
fn digits_at(bytes: &[u8], pos: usize) -> usize {
    bytes.get(pos..).map_or(0, |rest| rest.iter().take_while(|b| b.is_ascii_digit()).count())
}

/// The end of an e-mail address's domain when `@` at byte `pos` follows its
/// local part: letters, digits, dots, hyphens and underscores, with a dot
/// inside and not ending on one.
fn email_end(bytes: &[u8], pos: usize) -> Option<usize> {
    if bytes.get(pos) != Some(&b'@') {
        return None;
    }
    let domain = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_');
    let mut end = pos + 1 + bytes.get(pos + 1..)?.iter().take_while(|b| domain(b)).count();
    while end > pos + 1 && bytes[end - 1] == b'.' {
        end -= 1;
    }
    bytes[pos + 1..end].contains(&b'.').then_some(end)
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut pos = 0;
    let mut space_before = false;
    let mut newline_before = false;
    while let Some((c, w)) = char_at(text, pos) {
        if c.is_whitespace() {
            space_before = true;
            if c == '\n' || c == '\r' {
                newline_before = true;
            }
            pos += w;
            continue;
        }
        let start = pos;
        let kind = if c.is_alphabetic() {
            pos += w;
            loop {
                // ASCII letters, most of any text, a byte at a time.
                while bytes.get(pos).is_some_and(u8::is_ascii_alphabetic) {
                    pos += 1;
                }
                let Some((c, w)) = char_at(text, pos) else { break };
                let letter = c.is_alphabetic() || !c.is_ascii() && (c.is_mark() || c == '\u{00AD}');
                // Inner hyphens and apostrophes join letters: "drug-related", "Iran's".
                let joiner =
                    (c == '-' || is_apostrophe(c)) && char_at(text, pos + w).is_some_and(|(n, _)| n.is_alphabetic());
                if !(letter || joiner) {
                    break;
                }
                pos += w;
            }
            Kind::Word
        } else if c.is_ascii_digit() {
            let first_group = digits_at(bytes, pos);
            pos += first_group;
            let mut grouped_by_space = false;
            let mut has_separator = false;
            while let Some((c, w)) = char_at(text, pos) {
                let digits_after = digits_at(bytes, pos + w);
                if (c == ',' || c == '.') && digits_after > 0 {
                    pos += w + digits_after;
                    has_separator = true;
                } else if is_group_space(c)
                    && digits_after == 3
                    && first_group <= 3
                    && (!has_separator || grouped_by_space)
                    // ("rose to 91 000, up from…": a comma or a full stop
                    // after the group ends the clause, not the number.)
                    && !char_at(text, pos + w + 3).is_some_and(|(n, nw)| {
                        n.is_alphanumeric()
                            || (n == ',' || n == '.')
                                && char_at(text, pos + w + 3 + nw).is_some_and(|(d, _)| d.is_ascii_digit())
                    })
                {
                    pos += w + 3;
                    grouped_by_space = true;
                    has_separator = true;
                } else {
                    break;
                }
            }
            // "3½ kilograms": a fraction glyph ends the number.
            if let Some((c, w)) = char_at(text, pos).filter(|_| !has_separator) {
                if vulgar_fraction(c).is_some() {
                    pos += w;
                }
            }
            Kind::Number
        } else {
            pos += w;
            Kind::Punct
        };
        // "1910@zatca.gov.sa": an e-mail address is one word, no number.
        let (kind, pos_end) = match email_end(bytes, pos) {
            Some(end) if kind != Kind::Punct => (Kind::Word, end),
            _ => (kind, pos),
        };
        pos = pos_end;
        tokens.push(Token { kind, span: Span::new(start, pos), space_before, newline_before });
        space_before = false;
        newline_before = false;
    }
    tokens
}

/// The value of a fraction glyph: `½` → 0.5.
fn vulgar_fraction(c: char) -> Option<f64> {
    const FRACTIONS: [(char, f64); 9] = [
        ('½', 0.5),
        ('¼', 0.25),
        ('¾', 0.75),
        ('⅓', 1.0 / 3.0),
        ('⅔', 2.0 / 3.0),
        ('⅛', 0.125),
        ('⅜', 0.375),
        ('⅝', 0.625),
        ('⅞', 0.875),
    ];
    FRACTIONS.iter().find(|(f, _)| *f == c).map(|(_, v)| *v)
}

/// The value of a number token's text: `1,648.104` → 1648.104, `816 000` →
/// 816000, `1.648,5` → 1648.5, `1,5` → 1.5, `2.500` → 2500, `3½` → 3.5. `None` for dotted
/// dates and other shapes that are not one number (`12.09.2019`, `1.2.3`).
pub fn parse_number(s: &str) -> Option<f64> {
    if let Some(frac) = s.chars().last().and_then(vulgar_fraction) {
        let whole = &s[..s.len() - s.chars().last().map_or(0, char::len_utf8)];
        return whole.parse::<u32>().ok().map(|w| f64::from(w) + frac);
    }
    let clean: String = s.chars().filter(|c| !is_group_space(*c)).collect();
    let commas = clean.matches(',').count();
    let dots = clean.matches('.').count();
    let groups_ok = |sep: char| {
        let mut parts = clean.split(sep);
        let first = parts.next().unwrap_or("");
        !first.is_empty() && first.len() <= 3 && parts.all(|p| p.len() == 3)
    };
    let normalized = match (commas, dots) {
        (0, 0) => clean,
        // "2.500 kilos", "1.200 kg": a group of three digits ending in two
        // zeros is thousands, written as much of Europe writes them; an
        // English decimal keeps no trailing zeros ("2.5 kilos"). "903.454"
        // and "0.500" stay decimals.
        (0, 1) if groups_ok('.') && clean.ends_with("00") && !clean.starts_with('0') => clean.replace('.', ""),
        (0, 1) => clean,
        (0, _) if groups_ok('.') => clean.replace('.', ""),
        (0, _) => return None,
        (_, 0) if groups_ok(',') => clean.replace(',', ""),
        // "3,50,000", "1,25,00,000": lakhs and crores grouped as India writes them.
        (2.., 0) if indian_groups(&clean) => clean.replace(',', ""),
        (1, 0) => clean.replace(',', "."),
        (_, 0) => return None,
        _ => {
            let last_comma = clean.rfind(',')?;
            let last_dot = clean.rfind('.')?;
            if last_dot > last_comma && dots == 1 {
                clean.replace(',', "")
            } else if last_comma > last_dot && commas == 1 {
                clean.replace('.', "").replace(',', ".")
            } else {
                return None;
            }
        }
    };
    normalized.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// True for digits grouped the Indian way: the last group of three, the
/// others of two, the first of one or two ("12,50,000").
fn indian_groups(s: &str) -> bool {
    let parts: Vec<&str> = s.split(',').collect();
    let Some((last, rest)) = parts.split_last() else { return false };
    let Some((first, middle)) = rest.split_first() else { return false };
    last.len() == 3 && (1..=2).contains(&first.len()) && middle.iter().all(|p| p.len() == 2)
}

/// True when word token `tok` is a possessive: "country's", "Mexico’s".
/// With `plural`, a plural one too: "countries’".
pub fn is_possessive(tok: &str, plural: bool) -> bool {
    tok.ends_with("'s") || tok.ends_with("\u{2019}s") || plural && tok.ends_with('\u{2019}')
}

/// Word `word` in title case, as a table's capitalised entries are written:
/// "COUNTY" and "county" are "County".
pub fn title_case(word: &str) -> String {
    let mut cs = word.chars();
    cs.next().map(|c| c.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case_of_any_case() {
        assert_eq!(title_case("COUNTY"), "County");
        assert_eq!(title_case("cartel"), "Cartel");
        assert_eq!(title_case(""), "");
    }

    fn kinds(text: &str) -> Vec<(Kind, &str)> {
        tokenize(text).into_iter().map(|t| (t.kind, t.text(text))).collect()
    }

    #[test]
    fn possessives() {
        assert!(is_possessive("country's", false));
        assert!(is_possessive("Mexico\u{2019}s", false));
        assert!(!is_possessive("countries\u{2019}", false));
        assert!(is_possessive("countries\u{2019}", true));
        assert!(!is_possessive("cases", true));
    }
    #[test]
    fn an_email_address_is_one_word() {
        use Kind::*;
        assert_eq!(
            kinds("call 1910, or at 1910@zatca.gov.sa. Tips@police.gov."),
            [
                (Word, "call"),
                (Number, "1910"),
                (Punct, ","),
                (Word, "or"),
                (Word, "at"),
                (Word, "1910@zatca.gov.sa"),
                (Punct, "."),
                (Word, "Tips@police.gov"),
                (Punct, ".")
            ]
        );
        // No domain: the "@" stands alone.
        assert_eq!(kinds("5@ home"), [(Number, "5"), (Punct, "@"), (Word, "home")]);
    }

    #[test]
    fn words_numbers_and_punctuation() {
        use Kind::*;
        assert_eq!(
            kinds("Iran's drug-related 1,648.104 kg, $1.1–2.1bn 95%"),
            [
                (Word, "Iran's"),
                (Word, "drug-related"),
                (Number, "1,648.104"),
                (Word, "kg"),
                (Punct, ","),
                (Punct, "$"),
                (Number, "1.1"),
                (Punct, "–"),
                (Number, "2.1"),
                (Word, "bn"),
                (Number, "95"),
                (Punct, "%")
            ]
        );
    }

    #[test]
    fn words_mix_ascii_and_other_letters() {
        use Kind::*;
        assert_eq!(
            kinds("Bakı şəhərində Iran’s co\u{301}caine e\u{AD}cstasy ab-"),
            [
                (Word, "Bakı"),
                (Word, "şəhərində"),
                (Word, "Iran’s"),
                (Word, "co\u{301}caine"),
                (Word, "e\u{AD}cstasy"),
                (Word, "ab"),
                (Punct, "-")
            ]
        );
    }

    #[test]
    fn digits_end_words() {
        use Kind::*;
        assert_eq!(kinds("G20 P6.8"), [(Word, "G"), (Number, "20"), (Word, "P"), (Number, "6.8")]);
    }

    #[test]
    fn space_grouped_thousands() {
        assert_eq!(kinds("816 000 tablets")[0].1, "816 000");
        assert_eq!(kinds("816\u{a0}000 tablets")[0].1, "816\u{a0}000");
        assert_eq!(kinds("in 2018 210 cases")[1].1, "2018");
        assert_eq!(kinds("36 men and 1 woman")[0].1, "36");
        assert_eq!(kinds("5 000 000 pills")[0].1, "5 000 000");
        assert_eq!(kinds("rose to 91 000, up from 81 000")[2].1, "91 000");
    }

    #[test]
    fn spacing_is_recorded() {
        let t = tokenize("1.8k Views\n\n630 tons");
        assert!(!t[1].space_before);
        assert!(t[2].space_before && !t[2].newline_before);
        assert!(t[3].newline_before);
    }

    #[test]
    fn numbers_parse() {
        assert_eq!(parse_number("1,648.104"), Some(1648.104));
        assert_eq!(parse_number("4,299"), Some(4299.0));
        assert_eq!(parse_number("816 000"), Some(816000.0));
        assert_eq!(parse_number("1.648,5"), Some(1648.5));
        assert_eq!(parse_number("1,5"), Some(1.5));
        assert_eq!(parse_number("3,50,000"), Some(350000.0));
        assert_eq!(parse_number("1,25,00,000"), Some(12500000.0));
        assert_eq!(parse_number("12,50,000.50"), Some(1250000.5));
        assert_eq!(parse_number("1,2,3"), None);
        assert_eq!(parse_number("3½"), Some(3.5));
        assert_eq!(parse_number("12¼"), Some(12.25));
        assert_eq!(parse_number("1.000.000"), Some(1e6));
        assert_eq!(parse_number("2.500"), Some(2500.0));
        assert_eq!(parse_number("903.454"), Some(903.454));
        assert_eq!(parse_number("0.500"), Some(0.5));
        assert_eq!(parse_number("2.50"), Some(2.5));
        assert_eq!(parse_number("0.5"), Some(0.5));
        assert_eq!(parse_number("12.09.2019"), None);
        assert_eq!(parse_number("1,2,3"), None);
    }
}
