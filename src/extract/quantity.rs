//! Quantities: a numeral with its unit, range, compound parts and hedge.
//!
//! # Grammar
//!
//! ```text
//! quantity  := [approx] [currency] numeral [range] [unit [compound]*]
//! numeral   := digits [scale]* | number-words [scale]*        (number.rs)
//! range     := ("-" | "–" | "to") numeral                      "1.1–2.1bn", "5 to 7 kg"
//!            | "between" numeral "and" numeral                 "between 5 and 7 tonnes"
//!            | unit ("-" | "to") numeral unit                  "5 kg to 7 kg"
//! compound  := [","|"and"] digits mass-unit (a smaller one)     "903 kg 454 grams", "4 pounds, 6 ounces"
//!            | ["and"] numeral duration-unit (a smaller one)   "12 years and six months"
//! unit      := mass | volume | distance | area | % | duration | currency-name     (units.toml)
//! currency  := symbol or code before the number: "$", "US$", "€", "£", "Rs", "AZN"
//! approx    := a phrase of approx.toml right before: "over", "more than", "up to"…,
//!              else right after: "or more", "or less"
//! ```
//!
//! With no unit, a numeral in digits is a count ("6,458 drug-related
//! crimes"); a numeral in words is a count only before a counted noun
//! ("three other types of crimes"), so "one of the" and "the two sides" are not.
//! "a tonne and a half" and "half a tonne" are read too. Money is a currency
//! with any unit-less numeral; "pounds" after a scale of a hundred thousand or
//! more is sterling, otherwise a mass.

use super::number::{numeral_at, Numeral};
use super::scan::Scan;
use crate::lexicon::{Lexicon, UnitDef};
use crate::vocab::{Approx, Currency, Dimension, Unit};

/// A quantity found in a sentence (token indices are into its [`Scan`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// First token of the surface text (currency symbol or numeral).
    pub start: usize,
    /// One past the last token of the surface text.
    pub end: usize,
    /// First token including the approximator, if any.
    pub pre: usize,
    /// Value in the canonical unit.
    pub value: f64,
    /// Upper end of a range.
    pub value_max: Option<f64>,
    /// Canonical unit.
    pub unit: Unit,
    /// Hedge written before it.
    pub approx: Option<Approx>,
    /// The numeral was written in words.
    pub in_words: bool,
    /// The name of the rule that read it.
    pub rule: &'static str,
    /// For money: the currency as written, lower case ("$", "pesos", "rs").
    pub currency_word: Option<String>,
    /// One past the closing bracket of a conversion right after it ("VND
    /// 2.1 billion (US$82,000)"), which is read as no figure of its own.
    pub conversion_end: Option<usize>,
}

/// The value of digits grouped by dots in threes ("2.345", "1.250.000"),
/// read as thousands.
fn dotted_thousands(token: &str) -> Option<f64> {
    let mut groups = token.split('.');
    let first = groups.next()?;
    let mut rest = groups.peekable();
    rest.peek()?;
    let digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    let grouped = (1..=3).contains(&first.len()) && digits(first) && rest.all(|g| g.len() == 3 && digits(g));
    grouped.then(|| token.replace('.', "").parse().ok()).flatten()
}

/// A unit at token `i`: its definition and the token after it.
fn unit_at(scan: &Scan, i: usize, lex: &Lexicon) -> Option<(UnitDef, usize)> {
    match scan.phrase_at(&lex.units, i) {
        // "2 lbs. of meth": an abbreviation's full stop, then what is measured.
        Some((hit, end)) => {
            let dot = scan.is_punct(end, '.') && scan.glued(end) && scan.is(end + 1, "of");
            hit.value().map(|u| (*u, if dot { end + 1 } else { end }))
        }
        None => national_currency(scan, i, lex),
    }
}

/// A currency named with its country's adjective at token `i` ("7.5 billion
/// Turkish liras", "Jamaican dollars"): the currency of that name in that
/// country ([currency_by_place]), else the name's own.
fn national_currency(scan: &Scan, i: usize, lex: &Lexicon) -> Option<(UnitDef, usize)> {
    let (place, k) = scan.phrase_at(&lex.places, i)?;
    let place = place.value()?;
    let (hit, end) = scan.phrase_at(&lex.units, k)?;
    let def = *hit.value()?;
    if !matches!(def.unit, Unit::Money(_)) {
        return None;
    }
    let word = hit.span.slice(scan.text)?.to_lowercase();
    let unit = lex.local_currency(&word, place).map_or(def.unit, Unit::Money);
    Some((UnitDef { unit, ..def }, end))
}

/// A currency symbol or code at token `i`, directly followed by a numeral.
fn currency_at(scan: &Scan, i: usize, lex: &Lexicon) -> Option<(Currency, usize)> {
    let (hit, end) = scan.phrase_at(&lex.currency_prefix, i)?;
    let code = *hit.value()?;
    // A code must be followed by a number ("Rs 500", "US$5", "AZN 115"); a
    // single letter ("P6.8 billion", "R5m") only when glued to it and read
    // as money: a scale after the number or a word of worth before ("worth
    // N2 billion") — "the P2 road" and "the N2 highway" are names.
    // ("S$160,000" is two tokens, no single letter).
    let single_letter = end == i + 1 && scan.is_word(i) && scan.tok(i).chars().count() == 1;
    // "SBD$1 billion", "USD$5 million": a code written with the dollar sign.
    let code_dollar = end == i + 1 && scan.is_word(i) && scan.tok(end) == "$" && scan.glued(end) && scan.glued(end + 1);
    if code_dollar && scan.is_number(end + 1) {
        return Some((code, end + 1));
    }
    if !scan.is_number(end) {
        return None;
    }
    if single_letter
        && !(scan.glued(end) && (scan.phrase_at(&lex.scales, end + 1).is_some() || worth_before(scan, i, lex)))
    {
        return None;
    }
    Some((code, end))
}

/// True when a word of worth or value stands right before token `i`: "worth",
/// "valued at", "a street value of".
fn worth_before(scan: &Scan, i: usize, lex: &Lexicon) -> bool {
    let k = if i > 0 && scan.is_any(i - 1, &["at", "of"]) { i - 1 } else { i };
    scan.phrase_before(&lex.grammar.worth_verbs, k, 1).is_some()
        || scan.phrase_before(&lex.grammar.value_nouns, k, 1).is_some()
}

/// A unit joined to its number by a hyphen, as in a compound adjective ("a
/// 1,000-kilogram shipment", "a 10-percent rise"): masses, volumes and
/// percentages only ("a 12-year sentence" is no duration of its own).
fn hyphenated_unit(scan: &Scan, i: usize, lex: &Lexicon) -> Option<(UnitDef, usize)> {
    if !(scan.is_punct(i, '-') && scan.glued(i) && scan.glued(i + 1)) {
        return None;
    }
    let (u, end) = unit_at(scan, i + 1, lex)?;
    matches!(u.unit.dimension(), Dimension::Mass | Dimension::Volume | Dimension::Percent).then_some((u, end))
}

/// What stands before a quantity that decides how a range may be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum After {
    /// "between 5 and 7 kg": "and" joins a range.
    Between,
    /// "rose from 1,200 to 1,500": two figures, before and after a change,
    /// not a range.
    ChangeFrom,
    /// Anything else.
    Other,
}

/// The second numeral of a range after token `i` (the connector), if any.
fn range_tail(scan: &Scan, i: usize, lex: &Lexicon, money: bool, after: After) -> Option<Numeral> {
    let connector = scan.is_dash(i)
        || (scan.is(i, "to") && after != After::ChangeFrom)
        || (after == After::Between && scan.is(i, "and"));
    if !connector {
        return None;
    }
    let mut j = i + 1;
    // "$1.1 to $2.1 billion"
    if let Some((_, e)) = currency_at(scan, j, lex) {
        j = e;
    }
    let n = numeral_at(scan, j, lex, money)?;
    (!n.in_words || scan.is_word(i)).then_some(n)
}

/// Approximator right before token `i`.
fn approx_before(scan: &Scan, i: usize, lex: &Lexicon) -> Option<(Approx, usize)> {
    let (hit, start) = scan.phrase_before(&lex.approx, i, 4)?;
    hit.value().map(|a| (*a, start))
}

/// The "over" at token `p`, before a duration, means "during": "crossing
/// from the Netherlands over 18 months", "rose 20% over five years"; not
/// after words that take a length ("jailed for over 10 years", "sentenced
/// to", "in over a decade", "lasted over") nor before "ago".
pub fn over_means_during(scan: &Scan, p: usize, end: usize) -> bool {
    const LENGTH_TAKERS: &[&str] =
        &["for", "to", "of", "in", "than", "lasted", "lasting", "took", "spent", "served", "after", "within", "be"];
    scan.is(p, "over") && !(p > 0 && scan.is_any(p - 1, LENGTH_TAKERS)) && !scan.is(end, "ago")
}

/// Reads a quantity starting at token `i` (a currency symbol or a numeral).
pub fn quantity_at(scan: &Scan, i: usize, lex: &Lexicon) -> Option<Quantity> {
    let mut rule = "number";
    let mut j = i;
    let mut currency = None;
    if let Some((c, e)) = currency_at(scan, i, lex) {
        currency = Some(c);
        j = e;
        rule = "currency-prefix";
    }
    let money = currency.is_some() || looks_like_money_ahead(scan, j, lex);

    // "a tonne and a half"
    if currency.is_none() && scan.is_any(i, &["a", "an"]) {
        if let Some((u, e)) = unit_at(scan, i + 1, lex) {
            if scan.is(e, "and") && scan.is(e + 1, "a") && scan.is(e + 2, "half") {
                return Some(finish(scan, i, e + 3, 1.5 * u.factor, None, u.unit, false, "a-unit-and-a-half", lex));
            }
            // "more than a tonne of cocaine": one unit of a mass of a drug
            // ("a ton of work" is none; "two thirds of a ton" is no whole ton).
            let drug_after = (e + 1..(e + 4).min(scan.len())).any(|k| scan.phrase_at(&lex.substances, k).is_some());
            let part_of = i > 0 && scan.is(i - 1, "of");
            if u.unit.dimension() == Dimension::Mass && scan.is(e, "of") && drug_after && !part_of {
                return Some(finish(scan, i, e, u.factor, None, u.unit, false, "a-unit", lex));
            }
        }
        // "a half-pound of marijuana", "a quarter-pound", "a half-kilo": a fraction and a mass
        // unit joined in one token.
        if let Some((fraction, unit)) = scan.tok(i + 1).split_once('-') {
            // "half" is a number word; "quarter" only in "a quarter of a".
            let fraction = [fraction.to_owned(), format!("a {fraction} of a")]
                .iter()
                .find_map(|w| lex.cardinals.get(w).and_then(|e| e.value().copied()))
                .filter(|&f| f < 1.0);
            let unit = lex.units.get(unit).and_then(|e| e.value().copied());
            if let (Some(f), Some(u)) = (fraction, unit.filter(|u| u.unit.dimension() == Dimension::Mass)) {
                return Some(finish(scan, i, i + 2, f * u.factor, None, u.unit, false, "a-fraction-unit", lex));
            }
        }
        // "a quarter of a tonne": a number phrase that opens with "a".
        let phrase = scan.phrase_at(&lex.cardinals, i).is_some_and(|(_, e)| e > i + 1);
        if !phrase
            && !scan.is(i + 1, "dozen")
            && !scan.is(i + 1, "hundred")
            && !scan.is(i + 1, "thousand")
            && !scan.is(i + 1, "million")
            && !scan.is(i + 1, "billion")
            && !scan.is(i + 1, "single")
            && !scan.is(i + 1, "couple")
            && !scan.is(i + 1, "pair")
        {
            return None;
        }
    }

    let first = numeral_at(scan, j, lex, money)?;
    let after = if i > 0 && scan.is(i - 1, "between") {
        After::Between
    } else if i > 1 && scan.is(i - 1, "from") && scan.phrase_before(&lex.grammar.change_nouns, i - 1, 2).is_some() {
        After::ChangeFrom
    } else {
        After::Other
    };
    let mut end = first.end;
    let mut value = first.value;
    let mut value_max = None;
    // "fell by half to 13.9 tons": a fraction in words starts no range.
    let fraction = first.in_words && first.value < 1.0;
    if let Some(second) = range_tail(scan, end, lex, money, after).filter(|_| !fraction) {
        // A scale written only after the second number applies to both
        // ("1.1–2.1bn"), unless the first is already the larger ("P500,000
        // to P10 million").
        if first.scale == 1.0 && second.scale != 1.0 && first.value < second.value / second.scale {
            value *= second.scale;
        }
        if second.value > value {
            value_max = Some(second.value);
            end = second.end;
            rule = "range";
        }
    }

    // "2,000-plus kilos": an approximator between the number and its unit.
    let plus = scan
        .phrase_at(&lex.approx_after, end)
        .filter(|&(_, after)| scan.is_punct(end, '-') && unit_at(scan, after, lex).is_some())
        .and_then(|(hit, after)| Some((*hit.value()?, after)));
    let unit_start = plus.map_or(end, |(_, after)| after);
    let Some((unit, unit_end)) = unit_at(scan, unit_start, lex).or_else(|| hyphenated_unit(scan, end, lex)) else {
        if let Some(c) = currency {
            return Some(finish(scan, i, end, value, value_max, Unit::Money(c), first.in_words, rule, lex));
        }
        // "5 kilograms of heroin and 3 of cocaine": the unit of the amount
        // just before.
        if let Some(u) = elided_mass_unit(scan, i, end, lex) {
            let (v, v_max) = (value * u.factor, value_max.map(|v| v * u.factor));
            return Some(finish(scan, i, end, v, v_max, u.unit, first.in_words, "elided-unit", lex));
        }
        // "his two accomplices received 14 and 12 years": the unit of the
        // amount listed right after.
        if let Some(u) =
            shared_unit_ahead(scan, end, lex).filter(|_| !first.in_words && !(1900.0..2100.0).contains(&value))
        {
            let (v, v_max) = (value * u.factor, value_max.map(|v| v * u.factor));
            return Some(finish(scan, i, end, v, v_max, u.unit, false, "shared-unit", lex));
        }
        // "two-thirds of the total", "half of the cocaine seized": a
        // fraction of anything named is a share of it (not "the first half
        // of 2024", a period).
        let of_end = if scan.is(end, "of") { end + 1 } else { end };
        let share_of = first.in_words
            && value < 1.0
            && value_max.is_none()
            && of_end > i
            && scan.is(of_end - 1, "of")
            && scan.is_word(of_end)
            && !(i > 0 && scan.is_any(i - 1, &["first", "second", "latter", "other", "last"]));
        if share_of {
            return Some(finish(scan, i, of_end - 1, value * 100.0, None, Unit::Percent, true, "fraction-share", lex));
        }
        // "four men, three of them Guatemalan nationals": a part of those
        // just counted.
        let part_of_counted =
            i > 0 && scan.is_punct(i - 1, ',') && scan.is(end, "of") && scan.is_any(end + 1, &["them", "whom"]);
        // "arrested its crew of six": a group's size.
        let group_size =
            i > 1 && scan.is(i - 1, "of") && scan.phrase_before(&lex.grammar.group_sizes, i - 1, 1).is_some();
        if first.in_words && !part_of_counted && !group_size && !before_counted_noun(scan, end, lex) {
            return None;
        }
        // "about half were among people who inject drugs": a fraction in
        // words counts no things; it is a share.
        if first.in_words && value < 1.0 && value_max.is_none() {
            return Some(finish(scan, i, end, value * 100.0, None, Unit::Percent, true, "fraction-share", lex));
        }
        // "2.345 laboratories": things counted are whole, so a dot before
        // three digits groups thousands, as much of Europe writes them.
        let value = match dotted_thousands(scan.tok(j)) {
            Some(whole) if first.scale == 1.0 && value_max.is_none() && value.fract() != 0.0 => whole,
            _ => value,
        };
        return Some(finish(scan, i, end, value, value_max, Unit::Count, first.in_words, "count", lex));
    };
    let mut unit_def = unit;
    // Sterling written as "pounds" after a large scale.
    let unit_text = scan.span(unit_start, unit_end).slice(scan.text).unwrap_or("").to_ascii_lowercase();
    if unit_text.starts_with("pound") && first.scale >= 1e5 {
        if let Some(gbp) = Currency::parse("GBP") {
            unit_def = UnitDef { unit: Unit::Money(gbp), factor: 1.0 };
        }
    }
    if let (Some(c), Unit::Money(_)) = (currency, unit_def.unit) {
        unit_def = UnitDef { unit: Unit::Money(c), factor: 1.0 };
    }
    if currency.is_some() && !matches!(unit_def.unit, Unit::Money(_)) {
        // "$5 kg" does not happen; "$5 million worth" ends at the numeral.
        let c = currency?;
        return Some(finish(scan, i, end, value, value_max, Unit::Money(c), first.in_words, rule, lex));
    }
    let mut total = value * unit_def.factor;
    let mut total_max = value_max.map(|v| v * unit_def.factor);
    let mut end = unit_end;
    rule = match unit_def.unit.dimension() {
        Dimension::Mass => "mass",
        Dimension::Money => "currency-suffix",
        Dimension::Percent => "percent",
        Dimension::Distance => "distance",
        Dimension::Volume => "volume",
        Dimension::Duration => "duration",
        Dimension::Area => "area",
        Dimension::Count => "count",
    };
    if value_max.is_some() {
        rule = "range";
    }

    // "5 kg to 7 kg"
    if total_max.is_none() {
        if let Some(second) = range_tail(scan, end, lex, false, after) {
            if let Some((u2, e2)) = unit_at(scan, second.end, lex) {
                if u2.unit == unit_def.unit && second.value * u2.factor > total {
                    total_max = Some(second.value * u2.factor);
                    end = e2;
                    rule = "range";
                }
            }
        }
    }

    // Compound masses and durations: "903 kg 454 grams", "1 ton 629 kg 555
    // grams", "12 years and six months".
    let compound = match unit_def.unit {
        Unit::Kg => Some("compound-mass"),
        Unit::Year => Some("compound-duration"),
        _ => None,
    };
    if let Some(compound) = compound.filter(|_| total_max.is_none()) {
        let mut last_factor = unit_def.factor;
        loop {
            let mut k = end;
            // "4 pounds, 6 ounces": after a comma, only a part smaller than
            // one of the unit before (a list of amounts goes on otherwise).
            let comma = scan.is_punct(k, ',');
            if comma || scan.is(k, "and") {
                k += 1;
            }
            // A mass's parts are digits; a duration's may be words.
            if !scan.is_number(k) && unit_def.unit == Unit::Kg {
                break;
            }
            let Some(n) = numeral_at(scan, k, lex, false) else { break };
            let Some((u, e)) = unit_at(scan, n.end, lex) else { break };
            if u.unit != unit_def.unit || u.factor >= last_factor || (comma && n.value * u.factor >= last_factor) {
                break;
            }
            total += n.value * u.factor;
            last_factor = u.factor;
            end = e;
            rule = compound;
        }
    }
    let mut q = finish(scan, i, end, total, total_max, unit_def.unit, first.in_words, rule, lex);
    if let Some((approx, _)) = plus.filter(|_| q.approx.is_none()) {
        q.approx = Some(approx);
    }
    Some(q)
}

/// A currency name or code written after the numeral and its scale ("115.7
/// million AZN"): scale words then count as money scales.
fn looks_like_money_ahead(scan: &Scan, j: usize, lex: &Lexicon) -> bool {
    (j + 1..(j + 4).min(scan.len())).any(|k| {
        scan.phrase_at(&lex.units, k).is_some_and(|(h, _)| matches!(h.value().map(|u| u.unit), Some(Unit::Money(_))))
    })
}

/// Tokens back from a bare number to the mass unit it leaves out.
const ELIDED_UNIT_REACH: usize = 10;

/// The mass unit a bare number at `i..end` leaves out, written with an
/// amount just before it: "5 kilograms of heroin and 3 of cocaine".
fn elided_mass_unit(scan: &Scan, i: usize, end: usize, lex: &Lexicon) -> Option<UnitDef> {
    let joined = i > 0 && (scan.is(i - 1, "and") || scan.is_punct(i - 1, ','));
    if !joined || !scan.is(end, "of") || scan.phrase_at(&lex.substances, end + 1).is_none() {
        return None;
    }
    (i.saturating_sub(ELIDED_UNIT_REACH)..i - 1).rev().find_map(|k| {
        let (u, _) = unit_at(scan, k, lex).filter(|_| k > 0 && scan.is_number(k - 1))?;
        (u.unit.dimension() == Dimension::Mass).then_some(u)
    })
}

/// Amounts a bare number may be listed with before the unit they share.
const SHARED_UNIT_LIST: usize = 3;

/// The unit a bare number ending at `end` shares with the amounts listed
/// right after it: "14 and 12 years", "10, 12 or 15 kg". Not money, whose
/// numerals stand alone ("$5 and 6 people").
fn shared_unit_ahead(scan: &Scan, end: usize, lex: &Lexicon) -> Option<UnitDef> {
    let mut k = end;
    for _ in 0..SHARED_UNIT_LIST {
        let joined = scan.is_any(k, &["and", "or"]) || scan.is_punct(k, ',');
        if !joined || !scan.is_number(k + 1) {
            return None;
        }
        if let Some((u, _)) = unit_at(scan, k + 2, lex) {
            return (u.unit.dimension() != Dimension::Money).then_some(u);
        }
        k += 2;
    }
    None
}

/// True when a counted noun, or one for people ("eight co-defendants"),
/// follows token `i`, allowing two modifiers before it ("three other types
/// of crimes", "two foreign nationals"); a place's name of several words is
/// one ("three Costa Rican crew members"), and so is a coordinated count
/// ("four Colombian and two Ecuadorian nationals").
fn before_counted_noun(scan: &Scan, i: usize, lex: &Lexicon) -> bool {
    let mut k = i;
    for _ in 0..3 {
        let number = |j: usize| scan.is_number(j) || scan.phrase_at(&lex.cardinals, j).is_some();
        if k > i && scan.is_any(k, &["and", "or"]) && number(k + 1) && scan.phrase_at(&lex.places, k - 1).is_some() {
            k += 2;
        }
        if !scan.is_word(k) {
            return false;
        }
        if scan.phrase_at(&lex.counted, k).is_some_and(|(h, _)| h.value().is_some())
            || scan.phrase_at(&lex.grammar.people, k).is_some() && !(i..k).any(|j| scan.is(j, "of"))
            || is_nationals(scan, k, lex)
        {
            return true;
        }
        k = scan.phrase_at(&lex.places, k).map_or(k + 1, |(_, end)| end);
    }
    false
}

/// People named by a plural demonym at token `k`: "seven Iranians", "two
/// Spaniards" — a place word whose singular is one too, of the same place
/// (not "the Philippines", "Texas" or "Lagos").
pub fn is_nationals(scan: &Scan, k: usize, lex: &Lexicon) -> bool {
    let Some((hit, end)) = scan.phrase_at(&lex.places, k) else { return false };
    let surface = scan.span(k, end).slice(scan.text).unwrap_or("");
    let Some(place) = hit.value() else { return false };
    let singular = surface.strip_suffix('s').and_then(|s| lex.places.get(s)).and_then(|e| e.value());
    !surface.eq_ignore_ascii_case(place) && singular == Some(place)
}

#[allow(clippy::too_many_arguments)]
fn finish(
    scan: &Scan,
    start: usize,
    end: usize,
    value: f64,
    value_max: Option<f64>,
    unit: Unit,
    in_words: bool,
    rule: &'static str,
    lex: &Lexicon,
) -> Quantity {
    let (approx, pre, end) = match approx_before(scan, start, lex) {
        // "smuggled cocaine over 18 months": "over" a span is "during" it.
        Some((_, p)) if unit == Unit::Year && over_means_during(scan, p, end) => (None, start, end),
        Some((a, p)) => (Some(a), p, end),
        // "5 kilograms or more": the quantity takes its approximator in.
        None => match scan.phrase_at(&lex.approx_after, end) {
            Some((hit, after)) => (hit.value().copied(), start, after),
            None => (None, start, end),
        },
    };
    let currency_word = matches!(unit, Unit::Money(_)).then(|| currency_word(scan, start, end, lex)).flatten();
    let (value, value_max) = (tidy(value), value_max.map(tidy));
    Quantity { start, end, pre, value, value_max, unit, approx, in_words, rule, currency_word, conversion_end: None }
}

/// `v` rounded to 12 significant digits: a scale or a unit's factor applied
/// in binary floating point leaves noise ("16.1 tonnes" is not
/// 16,100.000000000002 kg).
pub(crate) fn tidy(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let scale = 10f64.powi(11 - v.abs().log10().floor() as i32);
    let rounded = (v * scale).round() / scale;
    if rounded.is_finite() {
        rounded
    } else {
        v
    }
}

/// The currency of a money quantity as written: its prefix symbol or code,
/// else the currency name after the number.
fn currency_word(scan: &Scan, start: usize, end: usize, lex: &Lexicon) -> Option<String> {
    if let Some((hit, _)) = scan.phrase_at(&lex.currency_prefix, start) {
        return hit.span.slice(scan.text).map(str::to_lowercase);
    }
    (start..end).rev().find_map(|k| {
        // "Jamaican dollars" are the country's, wherever the figure is.
        if let Some((_, e)) = k.checked_sub(1).and_then(|p| national_currency(scan, p, lex)).filter(|&(_, e)| e == end)
        {
            return scan.span(k - 1, e).slice(scan.text).map(str::to_lowercase);
        }
        let (hit, _) = scan.phrase_at(&lex.units, k)?;
        matches!(hit.value()?.unit, Unit::Money(_)).then(|| hit.span.slice(scan.text).map(str::to_lowercase)).flatten()
    })
}

/// True when token `i` can start a quantity (a number, a number word, a
/// currency symbol, "a"/"half").
pub fn may_start(scan: &Scan, i: usize, lex: &Lexicon) -> bool {
    match scan.kind(i) {
        Some(crate::text::Kind::Number) => true,
        Some(crate::text::Kind::Word) => {
            scan.is_any(i, &["a", "an"])
                || scan.phrase_at(&lex.cardinals, i).is_some()
                || scan.phrase_at(&lex.currency_prefix, i).is_some()
                || scan.tok(i).contains('-') && scan.tok(i).split('-').all(|p| lex.cardinals.get(p).is_some())
        }
        Some(crate::text::Kind::Punct) => scan.phrase_at(&lex.currency_prefix, i).is_some(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaled_values_carry_no_floating_point_noise() {
        assert_eq!(q("16.1 tonnes").unwrap().1, 16_100.0);
        assert_eq!(q("1.1 million pills").unwrap().1, 1_100_000.0);
        assert_eq!(tidy(0.1 + 0.2), 0.3);
        assert_eq!(tidy(249.475_803_5), 249.475_803_5);
        assert_eq!(tidy(-3.7e-7), -3.7e-7);
    }

    /// (text, value, value_max, unit, approx) of the first quantity in `s`.
    type Found = (String, f64, Option<f64>, String, Option<&'static str>);

    fn q(s: &str) -> Option<Found> {
        let lex = Lexicon::builtin().unwrap();
        let scan = Scan::new(s);
        let i = (0..scan.len()).find(|&i| may_start(&scan, i, &lex) && quantity_at(&scan, i, &lex).is_some())?;
        let q = quantity_at(&scan, i, &lex)?;
        Some((
            scan.span(q.start, q.end).slice(s)?.to_owned(),
            q.value,
            q.value_max,
            q.unit.as_str().to_owned(),
            q.approx.map(|a| a.as_str()),
        ))
    }

    fn kg(s: &str) -> f64 {
        q(s).unwrap().1
    }

    #[test]
    fn masses() {
        assert_eq!(q("seized 4,299 kg of drugs"), Some(("4,299 kg".into(), 4299.0, None, "kg".into(), None)));
        assert_eq!(
            q("Of these, 903 kg 454 grams are heroin"),
            Some(("903 kg 454 grams".into(), 903.454, None, "kg".into(), None))
        );
        assert!((kg("1 ton 629 kg 555 grams of drugs") - 1629.555).abs() < 1e-9);
        assert_eq!(q("over 1.5 tons of narcotics").map(|x| (x.1, x.4)), Some((1500.0, Some("over"))));
        assert!((kg("10 pounds of cocaine") - 4.5359237).abs() < 1e-9);
        assert!((kg("a tonne and a half of hashish") - 1500.0).abs() < 1e-9);
        assert!((kg("half a tonne of heroin") - 500.0).abs() < 1e-9);
        assert!((kg("260 kilograms of heroin") - 260.0).abs() < 1e-9);
    }

    #[test]
    fn money_and_ranges() {
        assert_eq!(
            q("estimated at 115.7 million AZN."),
            Some(("115.7 million AZN".into(), 115_700_000.0, None, "AZN".into(), None))
        );
        assert_eq!(q("revenue of $1.1–2.1bn."), Some(("$1.1–2.1bn".into(), 1.1e9, Some(2.1e9), "USD".into(), None)));
        assert_eq!(q("worth $1.1-2.1 billion").map(|x| (x.1, x.2)), Some((1.1e9, Some(2.1e9))));
        assert_eq!(q("between 5 and 7 tonnes").map(|x| (x.1, x.2, x.3)), Some((5000.0, Some(7000.0), "kg".into())));
        assert_eq!(q("5 to 7 kg").map(|x| (x.1, x.2)), Some((5.0, Some(7.0))));
        assert_eq!(q("£10 million").map(|x| (x.1, x.3)), Some((1e7, "GBP".into())));
        assert_eq!(q("10 million pounds").map(|x| (x.1, x.3)), Some((1e7, "GBP".into())));
        assert_eq!(q("Rs 5 crore").map(|x| (x.1, x.3)), Some((5e7, "INR".into())));
        assert_eq!(q("€2m in cash").map(|x| (x.1, x.3)), Some((2e6, "EUR".into())));
    }

    #[test]
    fn percents_counts_and_durations() {
        assert_eq!(q("up to 95% of the narcotics"), Some(("95%".into(), 95.0, None, "%".into(), Some("up_to"))));
        assert_eq!(q("accounting for 39 percent"), Some(("39 percent".into(), 39.0, None, "%".into(), None)));
        assert_eq!(
            q("uncovered 6,458 drug-related crimes"),
            Some(("6,458".into(), 6458.0, None, "count".into(), None))
        );
        assert_eq!(
            q("along with three other types of crimes"),
            Some(("three".into(), 3.0, None, "count".into(), None))
        );
        assert_eq!(q("the past 40 years"), Some(("40 years".into(), 40.0, None, "year".into(), None)));
        assert_eq!(q("a 661 kilometer border"), Some(("661 kilometer".into(), 661.0, None, "km".into(), None)));
        assert_eq!(q("the two sides agreed"), None);
        assert_eq!(q("one of the main routes"), None);
    }
}
