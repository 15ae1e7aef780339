//! Numerals: digits (`4,299`, `1,648.104`, `816 000`), number words (`three`,
//! `twenty-one`, `a dozen`, `half a`, `one and a half`) and the scale words
//! after them (`million`, `bn`, glued `k`, `lakh`, `crore`).

use super::scan::Scan;
use crate::lexicon::Lexicon;
use crate::text::{parse_number, Kind};

/// A numeral found at a token.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Numeral {
    /// Its value, scale included.
    pub value: f64,
    /// One past its last token (scale included).
    pub end: usize,
    /// Written in words.
    pub in_words: bool,
    /// The scale it was multiplied by (1 when none).
    pub scale: f64,
}

fn cardinal(scan: &Scan, i: usize, lex: &Lexicon) -> Option<(f64, usize)> {
    let t = scan.toks.get(i)?;
    if t.kind != Kind::Word && !scan.is(i, "a") {
        return None;
    }
    let whole = scan.phrase_at(&lex.cardinals, i).filter(|(hit, _)| hit.span.end >= t.span.end);
    // "twenty-one": a hyphenated word whose parts are number words, unless
    // it is listed whole ("three-quarters of a").
    let word = scan.tok(i);
    if word.contains('-') && whole.is_none() {
        // "two-and-a-half"
        let (word, mut sum) = match word.len().checked_sub(AND_A_HALF.len()) {
            Some(k) if word.is_char_boundary(k) && word[k..].eq_ignore_ascii_case(AND_A_HALF) => (&word[..k], 0.5),
            _ => (word, 0.0),
        };
        for part in word.split('-') {
            sum += lex.cardinals.get(part).and_then(|e| e.value()).copied()?;
        }
        return Some((sum, i + 1));
    }
    let (hit, end) = whole?;
    hit.value().map(|v| (*v, end))
}

/// The end of a hyphenated "and a half" ("two-and-a-half").
const AND_A_HALF: &str = "-and-a-half";

/// Number words at token `i`: "three", "twenty one", "one hundred".
fn words_at(scan: &Scan, i: usize, lex: &Lexicon) -> Option<(f64, usize)> {
    let (mut value, mut end) = cardinal(scan, i, lex)?;
    // "half a" stands alone before a unit; "a dozen", "a hundred" are complete.
    if value == 0.5 && scan.is(end - 1, "a") {
        return Some((value, end));
    }
    // tens + units: "twenty one"
    if (20.0..100.0).contains(&value) && value % 10.0 == 0.0 {
        if let Some((u, e)) = cardinal(scan, end, lex).filter(|(u, _)| *u >= 1.0 && *u < 10.0) {
            value += u;
            end = e;
        }
    }
    Some((value, end))
}

/// A scale word at token `i` (after a numeral ending at token `i - 1`). Single
/// letters ("k", "m", "bn") count only glued to the number; a lone "m" counts
/// only when money is involved (otherwise it is metres).
pub fn scale_at(scan: &Scan, i: usize, lex: &Lexicon, money: bool) -> Option<(f64, usize)> {
    let (hit, end) = scan.phrase_at(&lex.scales, i)?;
    let word = &scan.text[hit.span.start..hit.span.end];
    if word.chars().count() == 1 {
        // k, m, b: glued ("1.8k", "$5m") or, with money, spaced ("$5 m");
        // "5m" without money is five metres, unless things are counted
        // after it ("1.2m ecstasy pills", "2.5m cigarettes": a counted noun
        // or a plural).
        let plural = |k: usize| {
            let t = scan.tok(k);
            t.len() > 3 && t.ends_with('s') && t.starts_with(|c: char| c.is_lowercase())
        };
        let counted_after = (end..(end + 3).min(scan.len())).take_while(|&k| scan.is_word(k)).any(|k| {
            scan.phrase_at(&lex.counted, k).is_some_and(|(h, _)| h.value().is_some()) || (k == end && plural(k))
        });
        if !money && (!scan.glued(i) || (word == "m" && !counted_after)) {
            return None;
        }
    }
    if word.eq_ignore_ascii_case("hundred") && scan.is_number(i.wrapping_sub(1)) {
        // Digits take scale words from thousand up ("5 hundred" is not news style).
        return None;
    }
    hit.value().map(|v| (*v, end))
}

/// The numeral starting at token `i`, with its scale.
pub fn numeral_at(scan: &Scan, i: usize, lex: &Lexicon, money: bool) -> Option<Numeral> {
    let (base, end, in_words) = match scan.kind(i)? {
        Kind::Number => (parse_number(scan.tok(i))?, i + 1, false),
        Kind::Word => {
            let (v, e) = words_at(scan, i, lex)?;
            (v, e, true)
        }
        Kind::Punct => return None,
    };
    let mut value = base;
    let mut end = end;
    // "1/2 ounce", "1 1/2 pounds".
    if !in_words {
        if let Some((f, e)) = fraction_at(scan, i) {
            value = f;
            end = e;
        } else if let Some((f, e)) = fraction_at(scan, end).filter(|_| base.fract() == 0.0 && !scan.glued(end)) {
            value += f;
            end = e;
        }
    }
    // "one and a half", "2 and a half" (a whole number's).
    if value.fract() == 0.0 && scan.is(end, "and") && scan.is(end + 1, "a") && scan.is(end + 2, "half") {
        value += 0.5;
        end += 3;
    }
    let mut scale = 1.0;
    // Up to two scale words: "one hundred thousand", "1.5 million"; South
    // African style hyphenates a sum's ("R2.1-million").
    // Money only, and not an adjective ("a 5-million-strong city").
    if money && scan.is_punct(end, '-') && scan.glued(end) && scan.glued(end + 1) && scan.is_word(end + 1) {
        let adjective = |e: usize| scan.is_punct(e, '-') && scan.glued(e);
        if let Some((s, e)) = scale_at(scan, end + 1, lex, money).filter(|&(s, e)| s >= 1e6 && !adjective(e)) {
            return Some(Numeral { value: value * s, end: e, in_words, scale: s });
        }
    }
    for _ in 0..2 {
        match scale_at(scan, end, lex, money) {
            Some((s, e)) => {
                value *= s;
                scale *= s;
                end = e;
            }
            None => break,
        }
    }
    Some(Numeral { value, end, in_words, scale })
}

/// Denominators a fraction written with a slash may have: halves to
/// sixteenths, as weights are divided ("1/2 ounce", "3/4 pound").
const DENOMINATORS: [u32; 5] = [2, 3, 4, 8, 16];

/// A fraction written with a slash at token `i` ("1/2", "3/4"): its value
/// and one past its last token. Not a date ("3/4/2025") nor "24/7".
fn fraction_at(scan: &Scan, i: usize) -> Option<(f64, usize)> {
    let whole = |k: usize| scan.kind(k) == Some(Kind::Number) && scan.tok(k).bytes().all(|b| b.is_ascii_digit());
    if !(whole(i) && scan.is_punct(i + 1, '/') && whole(i + 2) && scan.glued(i + 1) && scan.glued(i + 2)) {
        return None;
    }
    if scan.is_punct(i + 3, '/') && scan.glued(i + 3) {
        return None;
    }
    let n: u32 = scan.tok(i).parse().ok()?;
    let d: u32 = scan.tok(i + 2).parse().ok()?;
    (n > 0 && n < d && DENOMINATORS.contains(&d)).then(|| (f64::from(n) / f64::from(d), i + 3))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Option<(f64, String)> {
        let lex = Lexicon::builtin().unwrap();
        let scan = Scan::new(s);
        let n = numeral_at(&scan, 0, &lex, s.contains('$'))?;
        Some((n.value, scan.text[scan.toks[0].span.start..scan.span(0, n.end).end].to_owned()))
    }

    #[test]
    fn numerals() {
        assert_eq!(num("4,299 kg"), Some((4299.0, "4,299".into())));
        assert_eq!(num("115.7 million AZN"), Some((115_700_000.0, "115.7 million".into())));
        assert_eq!(num("1.8k Views"), Some((1800.0, "1.8k".into())));
        assert_eq!(num("three other types"), Some((3.0, "three".into())));
        assert_eq!(num("twenty-one suspects"), Some((21.0, "twenty-one".into())));
        assert_eq!(num("twenty one suspects"), Some((21.0, "twenty one".into())));
        assert_eq!(num("a dozen people"), Some((12.0, "a dozen".into())));
        assert_eq!(num("one and a half tons"), Some((1.5, "one and a half".into())));
        assert_eq!(num("two-and-a-half tonnes"), Some((2.5, "two-and-a-half".into())));
        assert_eq!(num("2 and a half tonnes"), Some((2.5, "2 and a half".into())));
        assert_eq!(num("one and a half million pills"), Some((1.5e6, "one and a half million".into())));
        assert_eq!(num("three-quarters of a ton"), Some((0.75, "three-quarters of a".into())));
        assert_eq!(num("5 crore"), Some((5e7, "5 crore".into())));
        assert_eq!(num("two million tablets"), Some((2e6, "two million".into())));
        assert_eq!(num("1.2m ecstasy pills"), Some((1.2e6, "1.2m".into())));
    }

    #[test]
    fn lone_letters_are_not_scales() {
        assert_eq!(num("5 m long"), Some((5.0, "5".into())));
        assert_eq!(num("5m long"), Some((5.0, "5".into())));
        assert_eq!(num("the"), None);
    }
}
