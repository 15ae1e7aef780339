//! Calendar dates: month names and full dates written in article headers and
//! prose ("October 2, 2024", "11 September 2019", "12.09.2019", "2024-10-02").

use jiff::civil::Date;

use super::token::{tokenize, Kind, Token};
use crate::span::Span;

/// Month names and abbreviations, lower case, with their number.
pub const MONTHS: &[(&str, i8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Month names in Spanish, Portuguese, French and Italian, lower case, read
/// only in a full date with its day first ("14 de junio de 2025", "15
/// octobre 2025"): English pages scraped from other-language sites keep
/// their header dates. Alone they stay words ("County Mayo", "Mars").
pub const FOREIGN_MONTHS: &[(&str, i8)] = &[
    ("enero", 1),
    ("janeiro", 1),
    ("janvier", 1),
    ("gennaio", 1),
    ("febrero", 2),
    ("fevereiro", 2),
    ("février", 2),
    ("fevrier", 2),
    ("febbraio", 2),
    ("marzo", 3),
    ("março", 3),
    ("mars", 3),
    ("abril", 4),
    ("avril", 4),
    ("aprile", 4),
    ("mayo", 5),
    ("maio", 5),
    ("mai", 5),
    ("maggio", 5),
    ("junio", 6),
    ("junho", 6),
    ("juin", 6),
    ("giugno", 6),
    ("julio", 7),
    ("julho", 7),
    ("juillet", 7),
    ("luglio", 7),
    ("agosto", 8),
    ("août", 8),
    ("aout", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("setembro", 9),
    ("septembre", 9),
    ("settembre", 9),
    ("octubre", 10),
    ("outubro", 10),
    ("octobre", 10),
    ("ottobre", 10),
    ("noviembre", 11),
    ("novembro", 11),
    ("novembre", 11),
    ("diciembre", 12),
    ("dezembro", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("dicembre", 12),
];

/// The month a word names in [`FOREIGN_MONTHS`], any case.
fn foreign_month(word: &str) -> Option<i8> {
    FOREIGN_MONTHS.iter().find(|(name, _)| caseless_eq(name, word)).map(|&(_, m)| m)
}

/// `a` (lower case) equals `b` in any case, accented letters included.
fn caseless_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.chars().eq(b.chars().flat_map(char::to_lowercase))
}

/// The first three letters of every name in [`MONTHS`]: a word starting
/// otherwise (nearly every word) is no month, known without the table.
const MONTH_PREFIXES: &[[u8; 3]] =
    &[*b"jan", *b"feb", *b"mar", *b"apr", *b"may", *b"jun", *b"jul", *b"aug", *b"sep", *b"oct", *b"nov", *b"dec"];

/// The month a word names (`"Sept"` → 9). "May" and "march" count only when
/// written with a capital, since they are also ordinary words.
pub fn month(word: &str) -> Option<i8> {
    let bare = word.trim_end_matches('.');
    let b = bare.as_bytes();
    if !(3..=9).contains(&b.len())
        || !MONTH_PREFIXES.contains(&[b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase(), b[2].to_ascii_lowercase()])
    {
        return None;
    }
    let (name, m) = MONTHS.iter().find(|(name, _)| name.eq_ignore_ascii_case(bare))?;
    let ambiguous = matches!(
        *name,
        "may" | "march" | "mar" | "jan" | "dec" | "sep" | "oct" | "nov" | "aug" | "apr" | "jun" | "jul" | "feb"
    );
    if ambiguous && !word.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    Some(*m)
}

/// Weekday names and abbreviations, lower case, Monday 1 to Sunday 7.
pub const WEEKDAYS: &[(&str, i8)] = &[
    ("monday", 1),
    ("mon", 1),
    ("tuesday", 2),
    ("tue", 2),
    ("tues", 2),
    ("wednesday", 3),
    ("wed", 3),
    ("thursday", 4),
    ("thu", 4),
    ("thurs", 4),
    ("friday", 5),
    ("fri", 5),
    ("saturday", 6),
    ("sat", 6),
    ("sunday", 7),
    ("sun", 7),
];

/// The weekday a word names, Monday 1 to Sunday 7 (`"Friday"` → 5); only
/// written with a capital ("sun", "wed" and "sat" are also ordinary words).
pub fn weekday(word: &str) -> Option<i8> {
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) || word.len() > 9 {
        return None;
    }
    let bare = word.trim_end_matches('.');
    WEEKDAYS.iter().find(|(name, _)| name.eq_ignore_ascii_case(bare)).map(|&(_, d)| d)
}

/// A year a number token can be: four digits from 1900 to 2099.
pub fn year(token: &Token, text: &str) -> Option<i16> {
    let s = token.text(text);
    if token.kind != Kind::Number || s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i16 = s.parse().ok()?;
    (1900..=2099).contains(&y).then_some(y)
}

/// The day of the month a number token can be: one or two digits, 1 to 31.
pub fn day_of(token: &Token, text: &str) -> Option<i8> {
    let s = token.text(text);
    if token.kind != Kind::Number || s.len() > 2 {
        return None;
    }
    let d: i8 = s.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// "10,2025": a day and a year read as one number.
fn day_comma_year(s: &str) -> Option<(i8, i16)> {
    let (d, y) = s.split_once(',')?;
    if d.is_empty() || d.len() > 2 || y.len() != 4 || !(d.bytes().chain(y.bytes()).all(|b| b.is_ascii_digit())) {
        return None;
    }
    let (d, y): (i8, i16) = (d.parse().ok()?, y.parse().ok()?);
    ((1..=31).contains(&d) && (1900..=2099).contains(&y)).then_some((d, y))
}

/// A numeric date written as one token: `12.09.2019` (day first),
/// `2019-09-12`-like shapes are handled by [`find_dates`] over tokens.
fn dotted(s: &str) -> Option<Date> {
    let mut split = s.split(['.', '/']);
    let parts = [split.next()?, split.next()?, split.next()?];
    if split.next().is_some() || !parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let (a, b, c): (i16, i16, i16) = (parts[0].parse().ok()?, parts[1].parse().ok()?, parts[2].parse().ok()?);
    if parts[2].len() == 4 {
        // Day first (European) unless the first part cannot be a day's month partner.
        let (d, m) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
        Date::new(c, m as i8, d as i8).ok()
    } else if parts[0].len() == 4 {
        Date::new(a, b as i8, c as i8).ok()
    } else {
        None
    }
}

/// The month-first reading of a slash or dash date whose first two numbers could
/// each be the month ("03/04/2025": 4 March, where [`find_dates`] reads 3
/// April), `None` for any other date or when both readings agree.
pub fn month_first(surface: &str) -> Option<Date> {
    let parts: Vec<&str> = surface.split(['/', '-']).map(str::trim).collect();
    let [m, d, y] = parts[..] else { return None };
    let (m, d, y): (i8, i8, i16) = (m.parse().ok()?, d.parse().ok()?, y.parse().ok()?);
    if y < 1000 || m == d || !(1..=12).contains(&d) {
        return None;
    }
    Date::new(y, m, d).ok()
}

/// Every full calendar date (with a year) in `text`, in order, with its span.
pub fn find_dates(text: &str) -> Vec<(Span, Date)> {
    // Every date form has a number, and numbers are ASCII digits: most lines
    // have none and need no tokens.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let toks = tokenize(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((span, date, next)) = date_at(&toks, i, text) {
            out.push((span, date));
            i = next;
        } else {
            i += 1;
        }
    }
    out
}

/// A full date starting at token `i`: the span, the date and the next token index.
pub fn date_at(toks: &[Token], i: usize, text: &str) -> Option<(Span, Date, usize)> {
    let t = toks.get(i)?;
    let word = |j: usize| toks.get(j).filter(|t| t.kind == Kind::Word).map(|t| t.text(text));
    let punct = |j: usize, c: char| toks.get(j).is_some_and(|t| t.is_punct(text, c));
    // "3rd", "21st": the suffix written onto a day's number.
    let after_day = |j: usize| {
        let suffix = toks.get(j).is_some_and(|t| {
            t.kind == Kind::Word
                && !t.space_before
                && ["st", "nd", "rd", "th"].iter().any(|s| t.text(text).eq_ignore_ascii_case(s))
        });
        j + usize::from(suffix)
    };
    // 12.09.2019 or 12/09/2019 (one number token for dots; slashes split).
    if t.kind == Kind::Number {
        if let Some(d) = dotted(t.text(text)) {
            return Some((t.span, d, i + 1));
        }
        // 2019-09-12 and 12/09/2019 as separate tokens
        if let Some(sep) = ['-', '/'].into_iter().find(|&c| punct(i + 1, c) && punct(i + 3, c)) {
            if let (Some(a), Some(b)) = (toks.get(i + 2), toks.get(i + 4)) {
                let adjacent =
                    !toks[i + 1].space_before && !a.space_before && !toks[i + 3].space_before && !b.space_before;
                let joined = format!("{}.{}.{}", t.text(text), a.text(text), b.text(text));
                // "2024-10-02", and "09-02-2024" (day first, as dots are).
                let day_first = t.text(text).len() <= 2 && a.text(text).len() <= 2 && b.text(text).len() == 4;
                if adjacent && (sep == '/' || t.text(text).len() == 4 || day_first) {
                    if let Some(d) = dotted(&joined) {
                        return Some((Span::new(t.span.start, b.span.end), d, i + 5));
                    }
                }
            }
        }
        // 2 October 2024, 2 Oct. 2024, 2 Apr, 2024, 3rd February 2024
        let m_at = after_day(i + 1);
        if let (Some(d), Some(m)) = (day_of(t, text), word(m_at).and_then(month)) {
            let j = if punct(m_at + 1, '.') || punct(m_at + 1, ',') { m_at + 2 } else { m_at + 1 };
            let y = toks.get(j).and_then(|y| year(y, text))?;
            return Some((Span::new(t.span.start, toks[j].span.end), Date::new(y, m, d).ok()?, j + 1));
        }
        // 14 de junio de 2025, 15 octobre 2025, 3 de março de 2024
        let linked = |j: usize| j + usize::from(word(j).is_some_and(|w| matches!(w, "de" | "del")));
        // (The year first: nearly every number is followed by no date.)
        let m_at = linked(i + 1);
        let j = linked(m_at + 1);
        let y = toks.get(j).and_then(|y| year(y, text))?;
        if let (Some(d), Some(m)) = (day_of(t, text), word(m_at).and_then(foreign_month)) {
            return Some((Span::new(t.span.start, toks[j].span.end), Date::new(y, m, d).ok()?, j + 1));
        }
        return None;
    }
    // October 2, 2024 / Oct. 2 2024
    let m = word(i).and_then(month)?;
    let mut j = i + 1;
    if punct(j, '.') {
        j += 1;
    }
    // "Feb 10,2025": no space after the comma, one number token.
    if let Some((d, y)) = toks.get(j).and_then(|t| day_comma_year(t.text(text))) {
        return Some((Span::new(t.span.start, toks[j].span.end), Date::new(y, m, d).ok()?, j + 1));
    }
    let d = toks.get(j).and_then(|t| day_of(t, text))?;
    j = after_day(j + 1);
    // "October 2, 2025"; "October 2/2025" (the Ethiopian News Agency's dateline).
    let slash_joined = || punct(j, '/') && !toks[j].space_before && toks.get(j + 1).is_some_and(|t| !t.space_before);
    if punct(j, ',') || slash_joined() {
        j += 1;
    }
    let y = toks.get(j).and_then(|t| year(t, text))?;
    Some((Span::new(t.span.start, toks[j].span.end), Date::new(y, m, d).ok()?, j + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn dates(s: &str) -> Vec<Date> {
        find_dates(s).into_iter().map(|(_, d)| d).collect()
    }

    #[test]
    fn every_month_name_has_a_known_prefix() {
        for (name, m) in MONTHS {
            let capital = format!("{}{}", name[..1].to_uppercase(), &name[1..]);
            assert_eq!(month(&capital), Some(*m), "{name}");
        }
    }

    #[test]
    fn header_dates() {
        assert_eq!(dates("By AzeMedia Published October 2, 2024 1.8k Views"), [date(2024, 10, 2)]);
        assert_eq!(dates("Caspian News (11 September 2019)"), [date(2019, 9, 11)]);
        assert_eq!(dates("Thu, 11 Apr, 2024 - 18:45"), [date(2024, 4, 11)]);
        assert_eq!(dates("11 Apr. 2024"), [date(2024, 4, 11)]);
        assert_eq!(dates("12.09.2019"), [date(2019, 9, 12)]);
        assert_eq!(dates("posted 2024-10-02 by"), [date(2024, 10, 2)]);
        assert_eq!(dates("Sept. 5, 2019 and 05/13/2020"), [date(2019, 9, 5), date(2020, 5, 13)]);
        assert_eq!(dates("By Joseph Mwangi | Sat, Feb 3rd 2024"), [date(2024, 2, 3)]);
        assert_eq!(dates("21st March, 2023"), [date(2023, 3, 21)]);
        assert_eq!(dates("June 22nd, 2024"), [date(2024, 6, 22)]);
        assert_eq!(dates("Date: 09-02-2024 Time: 07:45"), [date(2024, 2, 9)]);
        assert_eq!(dates("call 555-123-4567"), []);
        assert_eq!(dates("By JT - Feb 10,2025 - Last updated at Feb 10,2025"), [date(2025, 2, 10), date(2025, 2, 10)]);
        assert_eq!(dates("February 10,500 tons"), []);
        assert_eq!(dates("TEGUCIGALPA, 14 de junio de 2025."), [date(2025, 6, 14)]);
        assert_eq!(dates("Dakar, le 15 octobre 2025"), [date(2025, 10, 15)]);
        assert_eq!(dates("3 de Março de 2024"), [date(2024, 3, 3)]);
        assert_eq!(dates("12 décembre 2024"), [date(2024, 12, 12)]);
        assert_eq!(dates("Addis Ababa, October 2/2025 (ENA)"), [date(2025, 10, 2)]);
    }

    #[test]
    fn slash_dates_read_month_first_only_when_ambiguous() {
        assert_eq!(month_first("03/04/2025"), Some(jiff::civil::date(2025, 3, 4)));
        assert_eq!(month_first("07/11/2024"), Some(jiff::civil::date(2024, 7, 11)));
        assert_eq!(month_first("13/04/2025"), None, "13 is no month");
        assert_eq!(month_first("04/13/2025"), None, "read month first already");
        assert_eq!(month_first("04/04/2025"), None, "both readings agree");
        assert_eq!(month_first("03.04.2025"), None, "dots are day first");
        assert_eq!(month_first("03-04-2025"), Some(jiff::civil::date(2025, 3, 4)));
        assert_eq!(month_first("March 4, 2025"), None);
    }

    #[test]
    fn not_dates() {
        assert!(dates("on September 5 police").is_empty());
        assert!(dates("may 2024 be better").is_empty());
        assert!(dates("1.5 tons in 2019").is_empty());
        assert!(dates("seized 14 de junio").is_empty(), "no year");
        assert!(dates("in County Mayo 2024").is_empty(), "no day");
        assert!(dates("on October 2 / 2025 figures").is_empty(), "a slash apart");
    }

    #[test]
    fn months() {
        assert_eq!(month("Sept"), Some(9));
        assert_eq!(month("may"), None);
        assert_eq!(month("May"), Some(5));
        assert_eq!(month("july"), Some(7));
    }

    #[test]
    fn weekdays() {
        assert_eq!(weekday("Friday"), Some(5));
        assert_eq!(weekday("Tues."), Some(2));
        assert_eq!(weekday("Sun"), Some(7));
        assert_eq!(weekday("sun"), None);
        assert_eq!(weekday("Fridays"), None);
    }
}
