//! Numbers that are not facts: identifiers, ordinals, times, phone numbers,
//! ages, ratios, page furniture. Calendar dates and years never reach here:
//! the period pass consumes them first.
//!
//! Each rule has a name, returned as the reason, so that `--explain` can say
//! why a number was left out.

use super::quantity::Quantity;
use super::scan::Scan;
use crate::lexicon::Lexicon;
use crate::text::Kind;

/// Words that make "one" after them a pronoun ("every one of these pills").
const EVERY: &[&str] = &["every", "each", "any", "no"];

fn first_numeral(scan: &Scan, q: &Quantity) -> usize {
    (q.start..q.end).find(|&k| scan.kind(k) == Some(Kind::Number) || scan.is_word(k)).unwrap_or(q.start)
}

/// Why the quantity is not a fact, or `None` when it is one.
pub fn reason(scan: &Scan, q: &Quantity, lex: &Lexicon) -> Option<&'static str> {
    let n = first_numeral(scan, q);
    let glued_before = n > 0 && scan.glued(n);
    if glued_before && n == q.start {
        let prev = n - 1;
        match scan.kind(prev) {
            Some(Kind::Word) | Some(Kind::Number) => return Some("identifier: glued to a word"),
            Some(Kind::Punct) => {
                let p = scan.tok(prev);
                let before_glued = prev > 0
                    && scan.glued(prev)
                    && matches!(scan.kind(prev - 1), Some(Kind::Word) | Some(Kind::Number));
                if matches!(p, "-" | "/" | "#" | "." | "_" | "+" | "@" | ":" | "\\")
                    && (before_glued || matches!(p, "#" | "+" | "@"))
                {
                    return Some("identifier: joined to other characters");
                }
                // "A .38 revolver": a calibre, no count of anything.
                if p == "." && q.unit == crate::vocab::Unit::Count {
                    return Some("calibre: a count written after a point");
                }
            }
            None => {}
        }
    }
    // A word glued after the quantity that no rule consumed: 67th, 2048x1152, 5.56mm.
    if scan.glued(q.end) && scan.is_word(q.end) {
        return Some("identifier or ordinal: a word glued after the number");
    }
    // 10:30, 5.30pm
    if scan.is_punct(q.end, ':') && scan.glued(q.end) && scan.is_number(q.end + 1) && scan.glued(q.end + 1) {
        return Some("time of day");
    }
    if glued_before && scan.is_punct(n - 1, ':') {
        return Some("time of day");
    }
    // "1/ RAB-15 seized…", "2/ The tablets…": a thread's post number,
    // opening the sentence.
    let post = scan.is_punct(q.end, '/') && scan.glued(q.end) && !scan.glued(q.end + 1);
    if q.start == 0 && q.unit == crate::vocab::Unit::Count && post {
        return Some("numbering: a thread's post number");
    }
    // "24/7", "9/11": two numbers joined by a slash.
    if scan.is_punct(q.end, '/') && scan.glued(q.end) && scan.is_number(q.end + 1) && scan.glued(q.end + 1) {
        return Some("not a quantity: two numbers joined by a slash");
    }
    // 35-year-old, 5-fold, 7 Min Read, 1.8k Views, 5 times, 10 days
    let after =
        if (scan.is_punct(q.end, '-') || scan.is_punct(q.end, '–')) && scan.glued(q.end) { q.end + 1 } else { q.end };
    if scan.phrase_at(&lex.grammar.reject_after, after).is_some() {
        return Some("not a quantity: a ratio, age, time or page counter");
    }
    // "16- to 24-year-olds": the first bound of a range of ages.
    if scan.is_any(after, &["to", "and", "or"]) && scan.is_number(after + 1) {
        let dash = usize::from(scan.is_punct(after + 2, '-') && scan.glued(after + 2));
        if scan.phrase_at(&lex.grammar.reject_after, after + 2 + dash).is_some() {
            return Some("not a quantity: the first bound of a range of ages");
        }
    }
    // "16-24 year olds": a range of years that are ages.
    if q.unit == crate::vocab::Unit::Year {
        let at = if scan.is_punct(q.end, '-') && scan.glued(q.end) { q.end + 1 } else { q.end };
        if scan.is_any(at, &["old", "olds"]) {
            return Some("not a quantity: an age");
        }
    }
    if scan.is_punct(q.end, '-')
        && scan.glued(q.end)
        && scan.is_word(q.end + 1)
        && scan.glued(q.end + 1)
        && q.unit == crate::vocab::Unit::Count
    {
        // "2-year", "3-member": a compound adjective, not a count.
        return Some("compound adjective");
    }
    // "A gram of cocaine now sells for £80", "the price of one gram of
    // mephedrone reached 15,000 tenge": the unit of sale, no amount.
    if q.unit.dimension() == crate::vocab::Dimension::Mass && scan.is_any(q.start, &["a", "an", "one"]) {
        let of_price = q.start >= 2
            && scan.is(q.start - 1, "of")
            && scan.phrase_at(&lex.grammar.price_nouns, q.start - 2).is_some();
        if of_price {
            return Some("the unit a price is for: the price of a gram");
        }
        let mut words_after = (q.end..scan.len().min(q.end + 7)).take_while(|&k| scan.is_word(k));
        // ("A kilogram of heroin is worth Sh4 million", but not "a kilogram
        // of cocaine worth £40,000 was found".)
        let priced = |k: usize| {
            scan.phrase_at(&lex.grammar.price_verbs, k).is_some()
                || scan.is_any(k, &["is", "are", "was", "were"])
                    && scan.phrase_at(&lex.grammar.worth_verbs, k + 1).is_some()
        };
        if words_after.any(priced) {
            return Some("the unit a price is for: a gram sells for");
        }
    }
    // "rose 20% over five years": the time a change took, not a sentence.
    if q.unit == crate::vocab::Unit::Year && q.start > 0 && super::quantity::over_means_during(scan, q.start - 1, q.end)
    {
        return Some("the span of a change: over N years");
    }
    // "60% more than two years earlier", "three years ago": when, not how long.
    if q.unit == crate::vocab::Unit::Year && scan.is_any(q.end, &["earlier", "ago", "later", "before", "prior"]) {
        return Some("a time: N years earlier");
    }
    // "Fifty years after President Nixon declared…", "Five years on, …": a
    // sentence opening with a time after an event (not "jailed for 10 years
    // after police found…").
    if q.unit == crate::vocab::Unit::Year && q.pre == 0 && scan.is_any(q.end, &["after", "since", "on"]) {
        return Some("a time: N years after an event");
    }
    // "along the coastline at Six Men's, St Peter": a number word written
    // with a capital inside running text, before a capitalised word, is
    // part of a name.
    let capital = |k: usize| scan.is_word(k) && scan.tok(k).starts_with(char::is_uppercase);
    let running = q.start > 0 && scan.is_word(q.start - 1) && scan.tok(q.start - 1).starts_with(char::is_lowercase);
    if q.unit == crate::vocab::Unit::Count && q.end == q.start + 1 && running && capital(q.start) && capital(q.end) {
        return Some("part of a name: a capitalised number word");
    }
    // "the 2022 figure was previously given as 11,762 kilograms": a figure
    // corrected since.
    if scan.phrase_before(&lex.grammar.superseded, q.pre, 4).is_some() {
        return Some("a superseded figure: previously given as");
    }
    if q.pre == q.start && scan.phrase_before(&lex.grammar.ratio_before, q.start, 4).is_some() {
        return Some("the base of a ratio: one in N");
    }
    // "Cleaning up a single dumping costs…", "in a single operation", "the
    // largest amount recorded in a single year": an article made emphatic,
    // no count of anything nor a time served.
    if matches!(q.unit, crate::vocab::Unit::Count | crate::vocab::Unit::Year)
        && q.end <= q.start + 3
        && scan.is(q.start, "a")
        && scan.is(q.start + 1, "single")
    {
        return Some("an article: a single");
    }
    // "Every one of these pills could kill", "no one was hurt": a pronoun.
    if q.end == q.start + 1 && q.start > 0 && scan.is(q.start, "one") && scan.is_any(q.start - 1, EVERY) {
        return Some("a pronoun: every one, no one");
    }
    // "9 out of 10 seizures", "3 in 4 users", "5 out of every 10 pills": the
    // base after a small numerator.
    let base_at = if q.pre > 0 && scan.is(q.pre - 1, "every") { q.pre - 1 } else { q.pre };
    let numerator_at = match base_at {
        p if p >= 3 && scan.is(p - 2, "out") && scan.is(p - 1, "of") => Some(p - 3),
        p if p >= 2 && scan.is(p - 1, "in") => Some(p - 2),
        _ => None,
    };
    let numerator = numerator_at.and_then(|k| number_value(scan, k, lex));
    if q.unit == crate::vocab::Unit::Count
        && q.pre == q.start
        && numerator.is_some_and(|n| n <= 10.0 && n <= q.value && q.value < 1000.0)
    {
        return Some("the base of a ratio: N out of M");
    }
    // "1,900 milligrams per 1,000 people per day": a rate of a mass (a load
    // in wastewater, a consumption), no amount.
    if q.unit.dimension() == crate::vocab::Dimension::Mass && scan.is(q.end, "per") {
        return Some("a rate: a mass per people or time");
    }
    // "32.6 deaths per 100,000 people", "$40 per 1,000 tablets": the base of a rate.
    if q.pre == q.start && q.start > 0 && scan.is(q.start - 1, "per") {
        return Some("the base of a rate: per N");
    }
    // "120 km/h", "30 kilometres per hour": a speed.
    let per_hour = (scan.is_punct(q.end, '/') && scan.is_any(q.end + 1, &["h", "hr", "hour"]))
        || (scan.is_any(q.end, &["per", "an", "a"]) && scan.is_any(q.end + 1, &["hour", "h"]));
    if q.unit.dimension() == crate::vocab::Dimension::Distance && per_hour {
        return Some("a speed");
    }
    // "22.9 kilograms per hectare": a crop's yield, no amount.
    let per_area = (scan.is_punct(q.end, '/') || scan.is_any(q.end, &["per", "an", "a"]))
        && scan.is_any(q.end + 1, &["hectare", "ha", "acre"]);
    if q.unit.dimension() == crate::vocab::Dimension::Mass && per_area {
        return Some("a yield: per hectare");
    }
    // "1 in 5 users", "3 out of 10": the numerator of a ratio (not "7 in 2
    // raids": a base is no smaller than its numerator, and no year).
    let mut of_k = if scan.is(q.end, "out") && scan.is(q.end + 1, "of") { q.end + 2 } else { q.end + 1 };
    let opened = of_k == q.end + 2 || scan.is(q.end, "in");
    if opened && scan.is(of_k, "every") {
        of_k += 1;
    }
    // "one in five prisoners": the base may be spelled out.
    let base = number_value(scan, of_k, lex);
    let ratio_base = opened && base.is_some_and(|v| v >= q.value && v < 1000.0);
    if q.unit == crate::vocab::Unit::Count && q.value <= 10.0 && ratio_base {
        return Some("the numerator of a ratio: N in M");
    }
    // "The charge carries a maximum penalty of life in prison and a $10
    // million fine": what the law sets.
    let limited = || scan.mentions(&lex.grammar.legal_limits).into_iter().any(|(start, _, _)| start < q.start);
    if scan.has_any(&lex.grammar.legal_limits) && limited() {
        return Some("a legal limit: maximum penalty, punishable by");
    }
    // "conspiracy to distribute 500 grams or more of methamphetamine", "the
    // sale of 50 grams or more of shabu is punishable by life imprisonment".
    let or_more = |k: usize| scan.is(k, "or") && scan.is_any(k + 1, &["more", "greater"]);
    let of_law = || scan.has_any(&lex.grammar.legal_limits) || scan.has_any(&lex.grammar.charges);
    if (or_more(q.end) || q.end >= 2 && or_more(q.end - 2)) && of_law() {
        return Some("a legal threshold: N or more in a charge");
    }
    // "Anyone caught trafficking more than 100 grams of heroin faces the
    // death penalty": a bound on what anyone does is the law's threshold.
    let bound = matches!(q.approx, Some(crate::vocab::Approx::Over) | Some(crate::vocab::Approx::Under));
    if bound && scan.mentions(&lex.grammar.anyone).into_iter().any(|(start, _, _)| start < q.pre) {
        return Some("a legal threshold: a bound on what anyone does");
    }
    // "Trafficking more than 100 grams of heroin is punishable by death":
    // a bound the law then punishes.
    if bound && scan.mentions(&lex.grammar.legal_limits).into_iter().any(|(start, _, _)| start >= q.end) {
        return Some("a legal threshold: a bound the law punishes");
    }
    // "Anyone with information should contact Police Scotland on 101,
    // quoting incident 1234": an appeal's bare numbers are phone and
    // reference numbers.
    let digits = |k: usize| scan.tok(k).bytes().all(|b| b.is_ascii_digit());
    if q.unit == crate::vocab::Unit::Count && q.pre == q.start && digits(q.start) && scan.has_any(&lex.grammar.appeals)
    {
        return Some("a phone or reference number in an appeal for information");
    }
    // "tips can be sent to 847411": five digits or more with no separator
    // and no noun after them are a code, not a count.
    let bare = scan.tok(q.start);
    if q.unit == crate::vocab::Unit::Count
        && q.pre == q.start
        && q.end == q.start + 1
        && bare.len() >= 5
        && bare.bytes().all(|b| b.is_ascii_digit())
        && !scan.is_word(q.end)
    {
        return Some("a code: bare digits with no noun");
    }
    // "14 seizures of more than a kilogram": the threshold of the things
    // counted, not an amount of its own (but "80 bales of around 40 kilos
    // each" weighs each).
    if q.unit.dimension() == crate::vocab::Dimension::Mass
        && q.pre < q.start
        && !scan.is_any(q.end, &["each", "apiece"])
        && q.pre >= 3
        && scan.is(q.pre - 1, "of")
        && scan.is_word(q.pre - 2)
        && (scan.is_number(q.pre - 3) || lex.cardinals.get(scan.lower(q.pre - 3)).is_some())
    {
        return Some("a threshold of the things counted before it");
    }
    // "1. At the airport, officers arrested…": a numbered item's number,
    // which the sentence splitter leaves alone.
    if q.unit == crate::vocab::Unit::Count
        && q.start == 0
        && q.pre == 0
        && q.end + 1 == scan.len()
        && (scan.is_punct(q.end, '.') || scan.is_punct(q.end, ')'))
    {
        return Some("a numbered item's number");
    }
    // "off Jaffna yesterday (17)": the day of the month, in brackets.
    if q.unit == crate::vocab::Unit::Count
        && q.pre == q.start
        && q.end == q.start + 1
        && q.value >= 1.0
        && q.value <= 31.0
        && q.start >= 2
        && scan.is_punct(q.start - 1, '(')
        && scan.is_punct(q.end, ')')
        && (lex.grammar.day_words.get(scan.lower(q.start - 2)).is_some()
            || crate::text::date::weekday(scan.tok(q.start - 2)).is_some())
    {
        return Some("a date: the day of the month after a day word");
    }
    // Article 234, No. 5, page 12, Resolution 2231; "aged 25, 31 and 45".
    let mut before = q.pre;
    if before > 0 && scan.is_punct(before - 1, '.') {
        before -= 1;
    }
    let mut list_start = q.pre;
    while list_start > 0
        && (scan.is_punct(list_start - 1, ',')
            || scan.is_any(list_start - 1, &["and", "or"])
            || scan.is_number(list_start - 1))
    {
        list_start -= 1;
    }
    let in_list = (list_start..q.pre).any(|k| scan.is_number(k));
    // (Up to four tokens: "U.S. 281".)
    let numbered = scan.phrase_before(&lex.grammar.identifier_before, q.pre, 4).is_some()
        || scan.phrase_before(&lex.grammar.identifier_before, before, 2).is_some()
        || (in_list && scan.phrase_before(&lex.grammar.identifier_before, list_start, 2).is_some())
        // "Page 14 of 62": the count of what is numbered.
        || (q.pre >= 2
            && scan.is(q.pre - 1, "of")
            && scan.is_number(q.pre - 2)
            && scan.phrase_before(&lex.grammar.identifier_before, q.pre - 2, 2).is_some());
    // (Not the verb: "Drug-cleared barangays now number 27,000".)
    if numbered && !counted_by_number(scan, q.pre) && !counted_by_number(scan, list_start) {
        return Some("identifier: after a numbering word");
    }
    // "flight EK 501", "route N 12": a numbering word, then a code in capitals.
    if q.pre >= 2
        && is_code(scan.tok(q.pre - 1))
        && scan.phrase_before(&lex.grammar.identifier_before, q.pre - 1, 2).is_some()
    {
        return Some("identifier: after a numbering word and a code");
    }
    // "code-named \"Storm 2\"", "'Apollo 11'": a number that ends a quoted name.
    let closes_quote = matches!(scan.tok(q.end), "\"" | "\u{201d}" | "'" | "\u{2019}") && scan.glued(q.end);
    if q.unit == crate::vocab::Unit::Count
        && q.pre == q.start
        && q.start > 0
        && closes_quote
        && scan.is_capitalised(q.start - 1)
    {
        return Some("identifier: a number ending a quoted name");
    }
    // "45,600 Eramin 5 pills", "five Glock 19 pistols": a bare number after
    // a name that itself follows a count is the model's name.
    let counted_before = |k: usize| scan.is_number(k) || lex.cardinals.get(scan.lower(k)).is_some();
    if q.unit == crate::vocab::Unit::Count
        && q.pre == q.start
        && q.end == q.start + 1
        && q.start >= 2
        && !scan.glued(q.start)
        && scan.is_capitalised(q.start - 1)
        && counted_before(q.start - 2)
    {
        return Some("identifier: a model number after a name");
    }
    // "PHOENIX (3TV/CBS 5) —", "KTVK 3": a bare number after a name in
    // capitals is a channel's or a unit's name.
    if q.unit == crate::vocab::Unit::Count
        && q.pre == q.start
        && q.end == q.start + 1
        && q.start > 0
        && !scan.glued(q.start)
        && is_call_sign(scan.tok(q.start - 1))
        && !scan.is_word(q.end)
    {
        return Some("identifier: a number after a name in capitals");
    }
    if is_dose_strength(scan, q, lex) {
        return Some("a dose's strength: milligrams of a drug or a pill");
    }
    if q.unit == crate::vocab::Unit::Count && q.pre == q.start && q.value_max.is_none() {
        // "221 Baker Street": one to three capitalised words, the last a street's.
        let street = (q.end + 1..=q.end + 3)
            .take_while(|&j| scan.is_capitalised(j - 1))
            .any(|j| scan.is_capitalised(j) && scan.phrase_at(&lex.grammar.street_suffixes, j).is_some());
        // "the vessel Ocean 7", "MV Ever Given 2": a number ending a name.
        let named = (q.start.saturating_sub(3)..q.start).any(|j| {
            (j..q.start).all(|k| scan.is_capitalised(k))
                && scan.phrase_before(&lex.grammar.name_prefixes, j, 2).is_some()
        });
        // "Woodlands Drive 14", "Hauptstraße 5": the number after a
        // capitalised name whose last word is a street's.
        let after_street = scan
            .phrase_before(&lex.grammar.street_suffixes, q.start, 2)
            .is_some_and(|(_, from)| from > 0 && scan.is_capitalised(from) && scan.is_capitalised(from - 1));
        if street || after_street {
            return Some("house number");
        }
        if named {
            return Some("identifier: a number ending a name");
        }
    }
    // "The man, 34, was arrested", "John Smith, 45, of Leeds": an age between commas.
    if is_age_between_commas(scan, q, lex) {
        return Some("age after a name");
    }
    // "aged 25 to 40", "aged between 25 and 40", "between the ages of 15 and 64".
    if q.unit == crate::vocab::Unit::Count
        && q.value <= 110.0
        && (scan.phrase_before(&lex.grammar.age_before, q.pre, 4).is_some()
            || scan.phrase_before(&lex.grammar.age_before, q.start, 4).is_some())
    {
        return Some("age");
    }
    // "The youngest suspect arrested was 17".
    let copula = q.pre == q.start && q.start > 0 && scan.is_any(q.start - 1, &["was", "is", "were", "are"]);
    let clause_ends = q.end >= scan.len() || scan.is_punct(q.end, '.') || scan.is_punct(q.end, ',');
    if q.unit == crate::vocab::Unit::Count
        && q.value <= 110.0
        && copula
        && clause_ends
        && (q.start.saturating_sub(AGE_SUPERLATIVE_WORDS)..q.start)
            .any(|k| scan.phrase_at(&lex.grammar.age_superlatives, k).is_some())
    {
        return Some("age of the youngest or oldest");
    }
    // "2.7 million adults (15-64)": an age group in brackets after a noun.
    let bracketed = q.start > 1 && scan.is_punct(q.start - 1, '(') && scan.is_punct(q.end, ')');
    if bracketed
        && q.pre == q.start
        && scan.is_word(q.start - 2)
        && q.unit == crate::vocab::Unit::Count
        && q.value_max.is_some_and(|m| m <= 110.0 && q.value >= 1.0 && q.value < m)
    {
        return Some("age group in brackets");
    }
    // "on Saturday (8)": the day of the month in brackets after its weekday.
    if bracketed
        && q.pre == q.start
        && q.unit == crate::vocab::Unit::Count
        && q.value_max.is_none()
        && (1.0..=31.0).contains(&q.value)
        && q.value.fract() == 0.0
        && crate::text::date::weekday(scan.tok(q.start - 2)).is_some()
    {
        return Some("day of the month after its weekday");
    }
    // Leading zeros: 007, 0123.
    let t = scan.tok(n);
    if scan.is_number(n) && t.len() > 1 && t.starts_with('0') && !t.starts_with("0.") && !t.starts_with("0,") {
        return Some("identifier: leading zero");
    }
    // 2228556630: a long digit run without separators is a code, not a count.
    if scan.is_number(n) && t.len() >= 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        return Some("identifier: long digit run");
    }
    // [12] footnotes.
    if q.start > 0 && scan.is_punct(q.start - 1, '[') && scan.is_punct(q.end, ']') {
        return Some("footnote mark");
    }
    // Phone numbers: a run of three or more number groups with only dashes,
    // dots, brackets or spaces between them, or a leading "+".
    if is_phone_like(scan, n) {
        return Some("phone number");
    }
    None
}

/// The number written at token `k`, in digits or as one word ("five").
fn number_value(scan: &Scan, k: usize, lex: &Lexicon) -> Option<f64> {
    if scan.is_number(k) {
        crate::text::parse_number(scan.tok(k))
    } else {
        scan.phrase_at(&lex.cardinals, k).filter(|&(_, end)| end == k + 1).and_then(|(hit, _)| hit.value().copied())
    }
}

/// Two or three capitals or digits, with a capital: "EK", "BA", "M25".
/// The largest mass written as a dose's strength: under a gram.
const MAX_DOSE_KG: f64 = 0.001;

/// "tramadol 225mg", "oxycodone 30 mg pills", "tablets of 225mg", "5 mg
/// tablets": the strength of a dose, no amount of a drug.
pub fn is_dose_strength(scan: &Scan, q: &Quantity, lex: &Lexicon) -> bool {
    if q.unit.dimension() != crate::vocab::Dimension::Mass || q.value >= MAX_DOSE_KG {
        return false;
    }
    let form = |k: usize| {
        scan.is_word(k) && {
            let w = scan.lower(k);
            lex.grammar.drug_forms.get(w).is_some() || lex.grammar.drug_forms.get(&format!("{w}s")).is_some()
        }
    };
    let named = q.pre == q.start && scan.phrase_before(&lex.substances, q.start, 3).is_some();
    let of_form = q.pre >= 2 && scan.is(q.pre - 1, "of") && form(q.pre - 2);
    named || of_form || form(q.end)
}

/// A broadcaster's or unit's name in capitals: "CBS", "KTVK", "3TV".
fn is_call_sign(t: &str) -> bool {
    (2..=5).contains(&t.len())
        && t.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && t.bytes().filter(|b| b.is_ascii_uppercase()).count() >= 2
}

fn is_code(t: &str) -> bool {
    (2..=3).contains(&t.len())
        && t.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && t.bytes().any(|b| b.is_ascii_uppercase())
}

/// Most words from "youngest" or "oldest" to the age ("the youngest suspect
/// arrested was 17").
const AGE_SUPERLATIVE_WORDS: usize = 6;

/// A bare whole number of up to 110 between commas, right after a person
/// noun, a singular noun with its article or a capitalised name: an age.
fn is_age_between_commas(scan: &Scan, q: &Quantity, lex: &Lexicon) -> bool {
    let plain = q.unit == crate::vocab::Unit::Count && q.value_max.is_none() && q.value.fract() == 0.0;
    if !plain || !(1.0..=110.0).contains(&q.value) || q.start < 2 || q.pre != q.start {
        return false;
    }
    // The last of a list of people ends the sentence: "…identified as
    // alias "Jun", 45, and alias "Bong", 29."
    let ends = q.end >= scan.len() || scan.is_punct(q.end, '.');
    if !(scan.is_punct(q.start - 1, ',') && (scan.is_punct(q.end, ',') || ends)) {
        return false;
    }
    // A name in quotes: "alias "Jun", 45,".
    let quoted = ['"', '\u{201d}', '\''].iter().any(|&c| scan.is_punct(q.start - 2, c));
    let k = if quoted && q.start > 2 { q.start - 3 } else { q.start - 2 };
    // A capitalised word that names no place ("Iran, 12, Iraq, 5" counts by country).
    let name = scan.is_capitalised(k) && k > 0 && scan.phrase_before(&lex.places, k + 1, 3).is_none();
    if ends && !name {
        return false;
    }
    // One person named by a singular noun with its article ("said a
    // pastor, 58, who…", "his co-defendant, 27,"): no list of counts reads so.
    let one_person = k > 0
        && scan.is_any(k - 1, &["a", "an", "the", "his", "her", "their"])
        && scan.is_word(k)
        && !scan.tok(k).ends_with('s')
        && scan.tok(k).starts_with(|c: char| c.is_lowercase());
    name || one_person || scan.phrase_before(&lex.grammar.age_holders, k + 1, 1).is_some()
}

fn is_phone_like(scan: &Scan, n: usize) -> bool {
    if n > 0 && scan.is_punct(n - 1, '+') {
        return true;
    }
    let sep =
        |k: usize| scan.is_punct(k, '-') || scan.is_punct(k, '.') || scan.is_punct(k, '(') || scan.is_punct(k, ')');
    // Walk left and right over numbers and separators only.
    let mut lo = n;
    while lo > 0 && (scan.is_number(lo - 1) || sep(lo - 1)) {
        lo -= 1;
    }
    let mut hi = n + 1;
    while hi < scan.len() && (scan.is_number(hi) || sep(hi)) {
        hi += 1;
    }
    // "0800 555 111": a token grouped by spaces counts its groups when
    // another number stands right next to it (alone, "1 234 567" is one
    // count; "2 000-3 000" is a range).
    let numbers: Vec<usize> = (lo..hi).filter(|&k| scan.is_number(k)).collect();
    let side_by_side = numbers.len() >= 2 && numbers.windows(2).all(|w| w[1] == w[0] + 1);
    let groups = |k: usize| 1 + scan.tok(k).split(char::is_whitespace).count().saturating_sub(1);
    let groups = if side_by_side { numbers.iter().map(|&k| groups(k)).sum() } else { numbers.len() };
    groups >= 3
}

/// Words after which "number" is a verb: "barangays now number 27,000",
/// "cases which number 400".
const BEFORE_VERB_NUMBER: &[&str] = &["now", "still", "which", "that", "who", "to", "will", "could", "may", "already"];

/// Words ending in "s" that are no plural subject of "number".
const NOT_PLURAL: &[&str] = &["his", "its", "hers", "ours", "yours", "theirs", "was", "is", "has", "this", "us"];

/// True when the word before token `k` is the verb "number" ("barangays
/// number 27,000"), not a numbering word ("number 10").
fn counted_by_number(scan: &Scan, k: usize) -> bool {
    if k < 2 || !scan.is(k - 1, "number") {
        return false;
    }
    let before = scan.tok(k - 2);
    let plural = before.len() > 3
        && before.ends_with('s')
        && before.starts_with(|c: char| c.is_lowercase())
        && before.chars().all(|c| c.is_alphabetic() || c == '-')
        && !scan.is_any(k - 2, NOT_PLURAL);
    plural || scan.is_any(k - 2, BEFORE_VERB_NUMBER)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::quantity::{may_start, quantity_at};

    /// Every quantity of `s` with the rejection reason, if any.
    fn check(s: &str) -> Vec<(String, Option<&'static str>)> {
        let lex = Lexicon::builtin().unwrap();
        let scan = Scan::new(s);
        let mut out = Vec::new();
        let mut i = 0;
        while i < scan.len() {
            if may_start(&scan, i, &lex) {
                if let Some(q) = quantity_at(&scan, i, &lex) {
                    out.push((scan.span(q.start, q.end).slice(s).unwrap_or("").to_owned(), reason(&scan, &q, &lex)));
                    i = q.end;
                    continue;
                }
            }
            i += 1;
        }
        out
    }

    fn kept(s: &str) -> Vec<String> {
        check(s).into_iter().filter(|(_, r)| r.is_none()).map(|(t, _)| t).collect()
    }

    #[test]
    fn furniture_and_identifiers_are_rejected() {
        assert!(kept("1.8k Views 7 Min Read").is_empty());
        assert!(kept("the 67th session").is_empty());
        assert!(kept("a 35-year-old man").is_empty());
        assert!(kept("COVID-19 and G20 and Article 234 and No. 5").is_empty());
        assert!(kept("call +994 12 345 67 89 now").is_empty());
        assert!(kept("at 10:30 today").is_empty());
        assert!(kept("increased 5 times").is_empty());
        assert!(kept("Gettyimages 2228556630 2048x1152").is_empty());
        assert!(kept("see note [3] below").is_empty());
        assert!(kept("The men, aged 25, 31 and 45, face charges").is_empty());
        assert!(kept("The man, 34, was held").is_empty());
        assert!(kept("He took flight EK 501 home").is_empty());
        assert!(kept("the operation, code-named \"Storm 2\", ended").is_empty());
    }

    #[test]
    fn real_quantities_stay() {
        assert_eq!(kept("36 men and 1 woman"), ["36", "1"]);
        assert_eq!(kept("(9 citizens of Iran, 8 of Turkey)"), ["9", "8"]);
        assert_eq!(kept("decreased by 595, indicating"), ["595"]);
        assert_eq!(kept("over 1000 delegates"), ["1000"]);
        // Counts between commas after places are no ages.
        assert_eq!(kept("Arrests by country: Iran, 12, Iraq, 5."), ["12", "5"]);
        assert_eq!(kept("Police arrested 45 people, 12, and released them"), ["45", "12"]);
        assert_eq!(kept("the \"Lagos 12\" were freed; they seized \"12\""), ["12"]);
    }
}
