//! Fact extraction: every numeric fact of an article, normalised, with its
//! context, and the sentence and byte range it came from.
//!
//! [`extract`] runs in two passes. The first [`analyze`]s each sentence on its
//! own: period expressions ([`period`]), quantities ([`quantity`], with
//! [`number`] for numerals), numbers that are not facts ([`reject`]), and the
//! lexicon's substances, agencies, places and event words. The second walks
//! the sentences in order and gives every quantity its context
//! ([`context`]): from its own words, its clause, its sentence, and — marked
//! in [`Fact::carried`] — the text before it and the article's defaults.
//!
//! Extraction never fails: text it cannot read yields no fact.

pub mod context;
pub mod fact;
pub mod number;
pub mod period;
pub mod quantity;
pub mod reject;
mod scan;
pub mod table;

use std::collections::HashMap;

pub use context::Analysis;
pub use fact::Fact;
pub use period::{PDate, Period};
pub use quantity::Quantity;
pub use scan::Scan;

use crate::chunk::Sentence;
use crate::clean::{BlockKind, CleanDoc};
use crate::lexicon::{FiscalCalendar, Lexicon};
use crate::span::Span;
use crate::vocab::{Approx, Dimension, Event, Unit};
use context::{EventMention, PlaceMention, Tagged, What};
use period::{Anchor, Expr, Role, YearRef};

fn is_clause_bound(scan: &Scan, k: usize) -> bool {
    if scan.kind(k) != Some(crate::text::Kind::Punct) {
        return false;
    }
    match scan.tok(k) {
        "," | ";" | ":" | "(" | ")" | "[" | "]" | "\"" | "“" | "”" => true,
        "–" | "—" => true,
        "-" => scan.toks[k].space_before && scan.toks.get(k + 1).is_some_and(|n| n.space_before),
        _ => false,
    }
}

/// Most words a bracket that names again what it follows holds.
const ALIAS_WORDS: usize = 3;

/// True when token `k` opens or closes a bracket that names again the word
/// before it ("mephedrone (MD) worth Rs 2.2 crore", "the Federal Police (PF)
/// said", "chira (cannabis resin) hidden in"): a few capitalised words or
/// a drug's name, which end no clause (but "synthetic opioids (mostly
/// fentanyl)" adds to what it follows).
fn alias_bracket(scan: &Scan, k: usize, lex: &Lexicon) -> bool {
    let open = match scan.tok(k) {
        "(" => k,
        ")" => match (k.saturating_sub(ALIAS_WORDS + 1)..k).rev().find(|&j| !scan.is_word(j)) {
            Some(j) if scan.is_punct(j, '(') => j,
            _ => return false,
        },
        _ => return false,
    };
    let words = (open + 1..scan.len()).take_while(|&j| scan.is_word(j)).count();
    let close = open + 1 + words;
    let alias = (open + 1..close).all(|j| scan.is_capitalised(j))
        || scan.phrase_at(&lex.substances, open + 1).is_some_and(|(_, end)| end == close);
    open > 0 && scan.is_word(open - 1) && (1..=ALIAS_WORDS).contains(&words) && scan.is_punct(close, ')') && alias
}

fn url_mask(scan: &Scan, masked: &mut [bool]) {
    let mut k = 0;
    while k < scan.len() {
        let w = scan.lower(k);
        let starts =
            (w == "http" || w == "https") && scan.is_punct(k + 1, ':') || w == "www" && scan.is_punct(k + 1, '.');
        if starts {
            masked[k] = true;
            k += 1;
            while k < scan.len() && !scan.toks[k].space_before {
                masked[k] = true;
                k += 1;
            }
        } else {
            k += 1;
        }
    }
}

/// The token a sentence's own words open at: after a leading "And", "But",
/// "So", after a reporting lead ("The department said (that) the drugs…"),
/// after a source before a comma ("According to the spokesman, the drugs…")
/// and after a condition before a comma ("Once sold on the streets, the
/// drugs…").
fn sentence_opener(scan: &Scan, lex: &Lexicon) -> usize {
    let opener = live_time_end(scan);
    let opener = if scan.is_any(opener, &["and", "but", "so"]) { opener + 1 } else { opener };
    let condition_end = || {
        let (_, end) = scan.phrase_at(&lex.grammar.conditions, opener)?;
        let comma = (end..scan.len().min(end + REPORTER_WORDS)).find(|&k| !scan.is_word(k))?;
        scan.is_punct(comma, ',').then_some(comma + 1)
    };
    let opener = condition_end().unwrap_or(opener);
    // "According to the spokesman, the recovered drugs include…": the
    // source named first, then a comma, then the sentence's own subject.
    if let Some((_, end)) = scan.phrase_at(&lex.grammar.reporting, opener) {
        let comma = (end..scan.len().min(end + REPORTER_WORDS)).find(|&k| !scan.is_word(k));
        if let Some(k) = comma.filter(|&k| scan.is_punct(k, ',')) {
            return k + 1;
        }
    }
    // A few words before the verb ("The department said"), more when they
    // are a speaker's title and name ("Acting Police Commissioner Juki Fong
    // Chew said the drugs…").
    let named = (opener..scan.len().min(opener + REPORTER_WORDS)).take_while(|&k| scan.is_capitalised(k)).count();
    let reported = (opener + 1..scan.len().min(opener + 1 + named.max(SPEAKER_WORDS)))
        .find_map(|k| scan.phrase_at(&lex.grammar.reporting, k).map(|(_, end)| (k, end)));
    // "…said Tuesday that the drugs…", "…said in a statement that…".
    let that = |end: usize| {
        (end..scan.len().min(end + SAID_THAT_WORDS)).take_while(|&k| scan.is_word(k)).find(|&k| scan.is(k, "that"))
    };
    match reported.filter(|&(said, _)| (opener..said).all(|k| scan.is_word(k))) {
        Some((_, end)) => that(end).map_or(end, |k| k + 1),
        None => opener,
    }
}

/// Where a live blog's entry time ends, dash included ("2.15pm — Police
/// say the drugs…", "14:05 - Customs…"): the sentence opens after it. 0
/// when it has none.
fn live_time_end(scan: &Scan) -> usize {
    if !scan.is_number(0) {
        return 0;
    }
    let mut k = 1;
    if scan.is_punct(k, ':') && scan.is_number(k + 1) {
        k += 2;
    }
    if scan.is_any(k, &["am", "pm", "a.m.", "p.m.", "a.m", "p.m"]) {
        k += 1;
    }
    if scan.is_dash(k) {
        k + 1
    } else {
        0
    }
}

/// Words before a verb of saying that opens a sentence ("The department
/// said", "Police officials said").
const SPEAKER_WORDS: usize = 4;

/// Words that may stand between a verb of saying and its "that" ("said in
/// a statement on Tuesday that").
const SAID_THAT_WORDS: usize = 6;

/// Words a source opening a sentence may have before its comma
/// ("According to the Interior Ministry's spokesman,").
const REPORTER_WORDS: usize = 8;

/// Tokens a venue's name may have before the agency word ("the Durban
/// Magistrate's").
const VENUE_NAME_WORDS: usize = 6;

/// True when agency mention `t` is a drug of the same name ("21 kg of
/// crystal methamphetamine (ICE)", "5 kg of ICE"): the substances table
/// names it too, and it stands in brackets after a drug or follows a unit
/// and "of".
fn is_drug_gloss<V>(scan: &Scan, t: &Tagged<String>, drugs: &[(usize, usize, V)], lex: &Lexicon) -> bool {
    if !drugs.iter().any(|&(s, e, _)| s == t.start && e == t.end) {
        return false;
    }
    let glossed = t.start >= 2
        && scan.is_punct(t.start - 1, '(')
        && scan.is_punct(t.end, ')')
        && drugs.iter().any(|&(_, e, _)| e == t.start - 1);
    glossed || t.start >= 2 && scan.is(t.start - 1, "of") && scan.phrase_before(&lex.units, t.start - 1, 2).is_some()
}

/// True when the agency at tokens `start..end` is named as where something
/// happens: a venue ("court") after a venue preposition, with only words of
/// its name between ("appear in the Durban Magistrate's Court", "will face
/// prosecution in federal court"), or before a verb of hearing ("Manchester
/// Crown Court heard").
fn is_venue(scan: &Scan, start: usize, end: usize, lex: &Lexicon) -> bool {
    if end == 0 || scan.phrase_at(&lex.grammar.venues, end - 1).is_none() {
        return false;
    }
    if scan.phrase_at(&lex.grammar.venue_verbs, end).is_some() {
        return true;
    }
    for k in (start.saturating_sub(VENUE_NAME_WORDS)..start).rev() {
        if scan.phrase_at(&lex.grammar.venue_prepositions, k).is_some_and(|(_, e)| e == k + 1) {
            return true;
        }
        if !scan.is_word(k) {
            return false;
        }
    }
    false
}

/// Items dated one by one, days or months within a year of each other; a
/// wider span, or a whole year's figure, starts anew from the latest.
const DATED_ITEMS_DAYS: i64 = 365;

/// `so_far` joined with the next item's period `p`, when both are shorter
/// than a year and together span at most [`DATED_ITEMS_DAYS`]; else `p`.
fn join_dated(so_far: Option<Period>, p: Period) -> Period {
    let Some(items) = so_far.filter(|items| items.days() < DATED_ITEMS_DAYS && p.days() < DATED_ITEMS_DAYS) else {
        return p;
    };
    let start = if p.first_day() < items.first_day() { p.start } else { items.start };
    let end = if p.last_day() > items.last_day() { p.end } else { items.end };
    let joined = Period { start, end };
    if joined.days() <= DATED_ITEMS_DAYS {
        joined
    } else {
        p
    }
}

/// How far a conversion in brackets may stray from the figure it converts:
/// "1.5 tonnes (3,300 pounds)" is 1,497 kg, "5 kg (11 lbs)" 4.99 kg; rounding
/// in either may take a few percent.
const CONVERSION_SLACK: f64 = 0.1;

/// Reads one sentence: its periods, quantities and lexicon mentions.
pub fn analyze<'a>(text: &'a str, lex: &'a Lexicon) -> Analysis<'a> {
    let scan = Scan::with_lexicon(text, lex);
    let mut masked = vec![false; scan.len()];
    url_mask(&scan, &mut masked);
    let periods = period::find(&scan, lex);
    for m in &periods {
        if m.consumes {
            for k in m.toks.clone() {
                if let Some(x) = masked.get_mut(k) {
                    *x = true;
                }
            }
        }
    }

    let mut quantities: Vec<Quantity> = Vec::new();
    let mut i = 0;
    while i < scan.len() {
        if masked[i] || !quantity::may_start(&scan, i, lex) {
            i += 1;
            continue;
        }
        let Some(q) = quantity::quantity_at(&scan, i, lex) else {
            i += 1;
            continue;
        };
        let next = q.end.max(i + 1);
        let clear = (q.start..q.end).all(|k| !masked.get(k).copied().unwrap_or(true));
        if clear && reject::reason(&scan, &q, lex).is_none() {
            // "5 kg (11 lbs)": a conversion in brackets repeats the quantity before it.
            // "US$1.5bn, or about £1.2bn": a sum in another currency too. Not
            // another figure: "232 kg (318 kg in 2022)", "$5m ($4m in 2022)".
            let conversion = quantities.last().is_some_and(|p| {
                let same = match q.unit.dimension() {
                    Dimension::Money => p.unit != q.unit,
                    _ => (p.value - q.value).abs() <= CONVERSION_SLACK * p.value.abs().max(q.value.abs()),
                };
                // "(US $103 million)": a country's letters may lead the symbol.
                let letters = q.pre > 0
                    && scan.tok(q.pre - 1).len() <= 3
                    && scan.is_word(q.pre - 1)
                    && !scan.tok(q.pre - 1).chars().any(char::is_lowercase);
                let open = if letters { q.pre - 1 } else { q.pre };
                let bracketed = open > 0 && scan.is_punct(open - 1, '(') && p.end + 1 == open;
                let or_else = q.pre > 0
                    && scan.is(q.pre - 1, "or")
                    && (p.end..q.pre - 1).all(|k| scan.is_punct(k, ','))
                    && q.unit.dimension() == Dimension::Money
                    && p.unit != q.unit;
                p.unit.dimension() == q.unit.dimension() && same && (bracketed || or_else)
            });
            match quantities.last_mut() {
                Some(p) if conversion => {
                    if scan.is_punct(q.end, ')') {
                        p.conversion_end = Some(q.end + 1);
                    }
                }
                _ => quantities.push(q),
            }
        }
        i = next;
    }

    // "fell to 232 kg (318 kg in 2022)": a period in brackets with a
    // figure dates that figure alone.
    let mut periods = periods;
    for m in periods.iter_mut().filter(|m| m.role == Role::Frame) {
        let bracket = scan.bracket_around(m.toks.clone());
        if bracket.is_some_and(|(open, close)| quantities.iter().any(|q| q.start > open && q.end <= close)) {
            m.role = Role::Own;
        }
    }
    let drug_mentions = scan.mentions(&lex.substances);
    let (venues, agencies): (Vec<Tagged<String>>, Vec<Tagged<String>>) = scan
        .mentions(&lex.agencies)
        .into_iter()
        .filter_map(|(start, end, e)| e.value().map(|v| Tagged { start, end, value: v.clone() }))
        .filter(|t| !is_drug_gloss(&scan, t, &drug_mentions, lex))
        .partition(|t| is_venue(&scan, t.start, t.end, lex));
    let in_agency = |start: usize, end: usize| agencies.iter().any(|a| start < a.end && a.start < end);
    let substances: Vec<Tagged<Option<String>>> = drug_mentions
        .into_iter()
        .filter_map(|(start, end, e)| e.value().map(|v| Tagged { start, end, value: v.clone() }))
        .filter(|t| !in_agency(t.start, t.end))
        .filter(|t| !is_verb_use(&scan, t, &agencies, lex))
        .filter(|t| !in_proper_name(&scan, t))
        // (A drug law's name names drugs in general.)
        .map(|t| match in_law_name(&scan, &t, lex) {
            true => Tagged { value: Some("narcotics".to_owned()), ..t },
            false => t,
        })
        .filter(|t| !looked_like(&scan, t.start, lex))
        // ("safrole oil, which can be used to make ecstasy": the drug it makes.)
        .filter(|t| {
            let k = if t.start > 0 && scan.is_any(t.start - 1, &["the", "a"]) { t.start - 1 } else { t.start };
            scan.phrase_before(&lex.grammar.made_into, k, 6).is_none()
        })
        .collect();
    let opener = sentence_opener(&scan, lex);
    // "The street value of the drugs is…", "the commander said the drugs
    // were worth…" (but not "Up to 90% of the drugs come from Afghanistan",
    // drugs in general: only a singular verb, a past one or none follows the
    // drugs of a seizure). Opening the sentence, "The drugs were worth…" is
    // read below.
    // "estimating the street value of the drugs at Rp 1.8 trillion": the
    // drugs whose value is given were just named, whatever follows.
    // "the seized drugs": a participle of seizure may stand after "the".
    let seized = |k: usize| scan.phrase_at(&lex.grammar.seized_participles, k).is_some_and(|(_, e)| e == k + 1);
    // "the stock of Kerala cannabis": a lot of the drug stands for it, and
    // where the drug is from is part of its name.
    let lot = |k: usize| {
        k >= 2 && scan.is(k - 1, "of") && scan.phrase_at(&lex.grammar.lot_nouns, k - 2).is_some_and(|(_, e)| e == k - 1)
    };
    let noun_start = |t: &Tagged<Option<String>>| {
        let named = t.start > 0 && scan.is_capitalised(t.start - 1);
        let from = named.then(|| scan.phrase_before(&lex.places, t.start, 2)).flatten().map_or(t.start, |(_, s)| s);
        let k = if from > 0 && seized(from - 1) { from - 1 } else { from };
        if lot(k) {
            k - 2
        } else {
            k
        }
    };
    let valued = |t: &Tagged<Option<String>>| {
        let k = noun_start(t);
        k >= 3
            && scan.is(k - 2, "of")
            && scan.phrase_at(&lex.grammar.value_nouns, k - 3).is_some_and(|(_, end)| end == k - 2)
    };
    // "NCA officers intercepted the drugs at London Gateway": the object of
    // a past verb of seizure.
    let seized_object = |t: &Tagged<Option<String>>| {
        t.start >= 2
            && scan.is(t.start - 1, "the")
            && scan.lower(t.start - 2).ends_with("ed")
            && scan
                .phrase_at(&lex.events, t.start - 2)
                .is_some_and(|(hit, e)| e == t.start - 1 && hit.value().is_some_and(|v| *v == Event::Seizure))
    };
    let plural_drugs = |t: &Tagged<Option<String>>| {
        t.start != opener + 1
            && t.end == t.start + 1
            && scan.is_any(t.start, &["drugs", "narcotics"])
            && t.value.as_deref() == Some("narcotics")
            && (!scan.is_word(t.end)
                || scan.is_any(t.end, &["was", "were", "is", "had", "has"])
                || valued(t)
                // "…and found the drugs concealed inside 14 wooden cabinets"
                || scan.phrase_at(&lex.grammar.concealment, t.end).is_some()
                || seized_object(t))
    };
    // "a further 1.5 tonnes of the drug", "520kg of the class A drug", and
    // the plural drugs above: the drug named before, not drugs in general.
    // "found 1,892 kilos of the drug packed into blocks": a weight of the
    // drugs is of those named before, whatever follows (not a share: "Up to
    // 90% of the drugs come from Afghanistan").
    let measured = |t: &Tagged<Option<String>>| {
        t.start >= 2
            && scan.is(t.start - 2, "of")
            && quantities.iter().any(|q| q.end == t.start - 2 && q.unit.dimension() == Dimension::Mass)
    };
    let article = |t: &Tagged<Option<String>>| noun_start(t) > 0 && scan.is(noun_start(t) - 1, "the");
    // "seized 90 kilograms of finished product" at a laboratory: the drug it
    // made, named before (substances.toml lists such products as classes);
    // so are "narcotic plants" of a story of cannabis plants.
    let product = |t: &Tagged<Option<String>>| {
        t.value.is_none() && scan.is_any(t.end - 1, &["product", "products", "plants", "crops"])
    };
    let the_drug = |t: &Tagged<Option<String>>| {
        let bare = t.end == t.start + 1 && scan.is_any(t.start, &["drug", "drugs", "narcotics"]);
        let plural = plural_drugs(t) || bare && measured(t);
        let the = (t.end == t.start + 1 || t.value.is_none())
            && t.start > 0
            && (scan.is(t.end - 1, "drug") || plural)
            && article(t)
            && (!scan.is_word(t.end)
                || scan.phrase_at(&lex.grammar.np_stop, t.end).is_some()
                || measured(t)
                // ("the total value of the drugs and chemicals": a list is
                // no drug named before.)
                || valued(t) && !scan.is(t.end, "and"));
        the || product(t)
    };
    // "Cannabis remains the most widely used drug": the drug noun restates
    // the drug before the copula.
    let restated = |t: &Tagged<Option<String>>| {
        t.value.as_deref() == Some("narcotics")
            && substances.iter().any(|s| {
                s.end < t.start
                    && t.start - s.end <= 6
                    && s.value.as_deref().is_some_and(|v| v != "narcotics")
                    && scan.phrase_at(&lex.grammar.copulas, s.end).is_some()
                    && (s.end..t.start).all(|k| scan.is_word(k))
            })
    };
    let restatements: Vec<usize> = if substances.len() > 1 {
        (0..substances.len()).filter(|&k| restated(&substances[k])).collect()
    } else {
        Vec::new()
    };
    let mut substances = substances;
    for k in restatements.into_iter().rev() {
        substances.remove(k);
    }
    let (anaphoric, substances): (Vec<_>, Vec<_>) = substances.into_iter().partition(|t| the_drug(t));
    let anaphors: Vec<(usize, usize)> = anaphoric.iter().map(|t| (t.start, t.end)).collect();
    let drug_anaphora = !anaphors.is_empty();
    // "The drugs were worth $360 million", "Police allege the drugs…": the
    // drugs named before, or drugs in general when none were.
    // So do a class of drugs: "The stimulants, mostly methamphetamine, had a
    // street value of…", and "The seized drugs are worth around Tk 12 crore".
    let the_drugs = substances.iter().position(|t| {
        (t.start == opener + 1 || t.start == opener + 2 && seized(opener + 1))
            && scan.is(opener, "the")
            && (t.value.is_none()
                || t.end == t.start + 1
                    && scan.is_any(t.start, &["drugs", "narcotics"])
                    && t.value.as_deref() == Some("narcotics"))
    });
    // "The estimated market value of the pills is Tk 150 crore": the value
    // of the drug named before, in its dosage form or packing.
    let valued_form = quantities.iter().any(|q| q.unit.dimension() == Dimension::Money)
        && (3..scan.len()).any(|k| {
            scan.is(k - 1, "the")
                && scan.is(k - 2, "of")
                && scan.is_word(k)
                && lex.grammar.drug_forms.get(scan.lower(k)).is_some()
                && scan.phrase_at(&lex.grammar.value_nouns, k - 3).is_some_and(|(_, end)| end == k - 2)
        });
    let mut substances = substances;
    let value_after = |mut k: usize| {
        loop {
            match scan.phrase_at(&lex.grammar.value_modifiers, k) {
                Some((_, end)) => k = end,
                None if scan.is_any(k, &["estimated", "black"]) => k += 1,
                None => break,
            }
        }
        scan.is(k, "value")
    };
    // "Police estimated their value at TT$6.5 million": the worth of what
    // was just named, wherever the sentence says it.
    let owned_value = (opener + 1..scan.len()).any(|k| scan.is_any(k, &["its", "their"]) && value_after(k + 1));
    let drugs_before = the_drugs.is_some() || valued_form || owned_value;
    if let Some(k) = the_drugs {
        substances.remove(k);
    }
    let mut events: Vec<EventMention> = scan
        .mentions(&lex.events)
        .into_iter()
        // "illicitly manufactured fentanyl": an event word inside a substance's name;
        // "the United Nations Office on Drugs and Crime": inside an agency's.
        .filter(|&(start, end, _)| {
            !substances.iter().any(|t| t.start <= start && end <= t.end && t.end - t.start > end - start)
                && !in_agency(start, end)
        })
        .filter_map(|(start, end, e)| {
            // "after smuggling more than a tonne of cocaine": a gerund with
            // a figure for its object is a verb, though "smuggling" alone is a noun.
            let gerund =
                || scan.lower(end - 1).ends_with("ing") && quantities.iter().any(|q| q.pre == end || q.start == end);
            let verb = lex.is_event_verb(scan.span(start, end).slice(text).unwrap_or("")) || gerund();
            // "…and a further 1.5 tonnes in a shipment of coffee": goods
            // the drugs were found in, no event of theirs.
            let cargo = !verb && lex.grammar.cargo_nouns.get(scan.lower(start)).is_some();
            let container = cargo
                && start >= 2
                && scan.is_any(start - 1, &["a", "an", "the", "one"])
                && scan.is_any(start - 2, &["in", "inside", "within", "among"]);
            // "The shipment, which arrived from Ecuador, contained 1,066
            // kilograms": the goods just told of, whose event goes on.
            let told = cargo && start > 0 && scan.is_any(start - 1, &["the", "this", "that"]) && !scan.is(end, "of");
            // "the drugs, distributed in 86 bales": how they were packed.
            let packed = e.value() == Some(&Event::Trafficking)
                && scan.is_any(end, &["in", "into"])
                && quantities.iter().any(|q| {
                    q.pre == end + 1 && q.unit == Unit::Count && lex.grammar.drug_forms.get(scan.lower(q.end)).is_some()
                });
            if container || packed || told {
                return None;
            }
            // "burned seized drugs worth…", "destroyed confiscated heroin":
            // a participle between a verb of the event and the drugs is
            // their adjective.
            let adjective = end == start + 1
                && start > 0
                && seized(start)
                && substances.iter().any(|t| t.start == end)
                && scan
                    .phrase_before(&lex.events, start, 2)
                    .is_some_and(|(hit, _)| lex.is_event_verb(hit.span.slice(text).unwrap_or("")));
            // "1,260 tonnes of marijuana, both harvested and processed,":
            // participles set off after the drug describe it.
            let both_at = if start >= 3 && scan.is(start - 1, "and") { start - 3 } else { start.saturating_sub(1) };
            let described = start > 0 && scan.is(both_at, "both") && both_at > 0 && scan.is_punct(both_at - 1, ',');
            if adjective || described {
                return None;
            }
            // "could have produced", "would have been sold": no act. A figure
            // right after one is what would have been ("enough fentanyl to
            // potentially kill 11 million people", "could have been sold as
            // 7.6 million street deals").
            let object = if scan.is(end, "as") { end + 1 } else { end };
            let enough_to = start > 1
                && scan.is(start - 1, "to")
                && (start.saturating_sub(5)..start - 1).any(|k| scan.is(k, "enough"));
            // "Once cut and sold on the streets, the drugs would fetch…": a
            // sale on a condition.
            let conditional = e.value() == Some(&Event::Trafficking)
                && scan.phrase_before(&lex.grammar.conditions, start, 3).is_some();
            // ("could have been cut to produce about 8 tonnes": so is the aim
            // of a verb that did not happen.)
            let aim = start > 2 && scan.is(start - 1, "to") && scan.is_word(start - 2);
            let counterfactual = |k: usize| scan.phrase_before(&lex.grammar.counterfactual, k, 3).is_some();
            let hypothetical =
                verb && (enough_to || conditional || counterfactual(start) || aim && counterfactual(start - 2));
            if hypothetical && !quantities.iter().any(|q| q.pre == object) {
                return None;
            }
            // "Opium supply fell by 95 per cent, from 6,200 tons…": a drug's
            // supply, a noun, is what was produced of it.
            let supply = lex.grammar.supply_nouns.get(scan.lower(start)).is_some()
                && end == start + 1
                && substances.iter().any(|t| t.end == start && t.value.is_some())
                && !quantities.iter().any(|q| q.pre == end);
            e.value().map(|&v| EventMention {
                tag: Tagged {
                    start,
                    end,
                    value: match v {
                        _ if hypothetical => Event::Other,
                        _ if supply => Event::Production,
                        v => v,
                    },
                },
                verb: verb && !supply,
                only_object: hypothetical.then_some(object),
            })
        })
        .collect();
    // "brought 900 kg of crystal meth … across the border": a verb of
    // carrying before a crossing in its sentence is trafficking.
    if scan.has_any(&lex.grammar.crossings) {
        let crossing = (0..scan.len()).find(|&k| scan.phrase_at(&lex.grammar.crossings, k).is_some());
        let carrying = crossing.into_iter().flat_map(|c| {
            (0..c).filter_map(|k| scan.phrase_at(&lex.grammar.carrying_verbs, k).map(|(_, end)| (k, end)))
        });
        let carried: Vec<EventMention> = carrying
            .filter(|&(start, _)| !events.iter().any(|e| e.tag.start <= start && start < e.tag.end))
            .map(|(start, end)| EventMention {
                tag: Tagged { start, end, value: Event::Trafficking },
                verb: true,
                only_object: None,
            })
            .collect();
        if !carried.is_empty() {
            events.extend(carried);
            events.sort_by_key(|e| e.tag.start);
        }
    }
    // "The drugs, which arrived from Thailand last month, have a street
    // value of $1.4 billion": a period in a relative clause dates what the
    // clause says, not the figures outside it; but "Three men, who were
    // arrested on Monday, were charged" dates the arrest the men are counted by.
    for m in periods.iter_mut().filter(|m| m.role == Role::Frame) {
        let clause = scan.relative_clause_around(m.toks.clone());
        let spanning = |open: usize| open > 0 && lex.grammar.spanning_nouns.get(scan.lower(open - 1)).is_some();
        if let Some((open, close)) = clause.filter(|&(open, _)| !spanning(open)) {
            let inside = |start: usize, end: usize| start > open && end <= close;
            let outside_only = !quantities.is_empty() && !quantities.iter().any(|q| inside(q.start, q.end));
            if outside_only && !events.iter().any(|e| inside(e.tag.start, e.tag.end)) {
                m.role = Role::Reference;
            }
        }
    }
    // "(US $103 million)", "NZ $5m": a currency's country names no place.
    // "(about 167 million U.S. dollars)": nor one before a currency's name
    // in a conversion, or in the name of a currency quoted the world over
    // ("worth about 14 million U.S. dollars", "half a US dollar"); but "7.5
    // billion Turkish liras" are most likely Turkey's.
    let currency_country = |start: usize, end: usize| {
        let name = scan.span(start, end).slice(text).unwrap_or("");
        let currency = |k: usize| {
            scan.phrase_at(&lex.units, k).and_then(|(hit, unit_end)| match hit.value()?.unit {
                Unit::Money(c) => Some((c, unit_end)),
                _ => None,
            })
        };
        let reference = |c: crate::vocab::Currency| lex.grammar.reference_currencies.get(c.as_str()).is_some();
        let after = currency(end);
        let converted = after.is_some() && scan.bracket_around(start..end).is_some();
        let quoted = after.is_some_and(|(c, _)| reference(c))
            || currency(start).is_some_and(|(c, unit_end)| unit_end > end && reference(c));
        !name.chars().any(char::is_lowercase) && scan.phrase_at(&lex.currency_prefix, end).is_some()
            || converted
            || quoted
    };
    let place_tags: Vec<Tagged<String>> = scan
        .mentions(&lex.places)
        .into_iter()
        .filter(|&(start, end, _)| !currency_country(start, end))
        .filter_map(|(start, end, e)| e.value().map(|v| Tagged { start, end, value: v.clone() }))
        .collect();
    // "Canadian County deputies" (Oklahoma), "the Sinaloa Cartel", "the
    // Sinaloa and Jalisco cartels": the name of something else, not the place
    // (in a dateline's capitals too: "VALENCIA COUNTY, N.M.").
    let names_other = |k: usize| {
        let tag: &Tagged<String> = &place_tags[k];
        // "PRM spokesperson Orlando Mudumane said": a first name.
        let first_name = tag.start > 0
            && scan.is_word(tag.start - 1)
            && lex.grammar.person_roles.get(scan.lower(tag.start - 1)).is_some()
            && scan.is_capitalised(tag.end)
            && !place_tags.iter().any(|p| p.start == tag.end)
            && scan.title_cased(tag.end).is_none();
        // "The West African country has long been a transit hub": a
        // region's adjective describing a country of it, the one the
        // article is about.
        let describes_country = lex.is_region(&tag.value) && scan.is_any(tag.end, &["country", "nation", "state"]);
        first_name
            || describes_country
            || scan.phrase_at(&lex.grammar.place_name_heads, tag.end).is_some()
            || scan.title_cased(tag.end).is_some_and(|w| lex.grammar.place_name_heads.get(&w).is_some())
            || scan.phrase_at(&lex.grammar.place_names_heads, tag.end).is_some()
                && tag.start > 1
                && scan.is_any(tag.start - 1, &["and", "or"])
                && scan.is_capitalised(tag.start - 2)
            || scan.is_any(tag.end, &["and", "or"])
                && scan.is_capitalised(tag.end + 1)
                && scan.phrase_at(&lex.grammar.place_names_heads, tag.end + 2).is_some()
    };
    let mut places: Vec<PlaceMention> = (0..place_tags.len())
        .filter(|&k| !names_other(k))
        .map(|k| place_tags[k].clone())
        .map(|tag| {
            let before_agency = agencies.iter().any(|a| a.start == tag.end);
            // "law enforcement agencies of the Kyrgyz Republic": the
            // agency's country, where it acts.
            let of = if tag.start > 0 && scan.is(tag.start - 1, "the") { tag.start - 1 } else { tag.start };
            let agency_of = of > 1 && scan.is(of - 1, "of") && agencies.iter().any(|a| a.end + 1 == of);
            let market = !agency_of && sold_there(&scan, &tag, lex);
            let here = agency_of || !market && place_is_here(&scan, &tag, lex, before_agency);
            // (A country's own name is none: most places named are.)
            let locality = scan
                .span(tag.start, tag.end)
                .slice(text)
                .filter(|w| !w.eq_ignore_ascii_case(&tag.value))
                .and_then(|w| lex.locality_name(w));
            PlaceMention { tag, here, market, locality, home: before_agency }
        })
        .collect();
    // "from Ecuador and Colombia", "bound for Spain or Italy": a place
    // joined to one that is not where it happened is not either.
    for k in 1..places.len() {
        let (prev, next) = (&places[k - 1], &places[k]);
        if !prev.here && next.tag.start == prev.tag.end + 1 && scan.is_any(prev.tag.end, &["and", "or"]) {
            places[k].here = false;
        }
    }
    let arrival = |p: &PlaceMention| {
        let k = if p.tag.start > 0 && scan.is(p.tag.start - 1, "the") { p.tag.start - 1 } else { p.tag.start };
        scan.phrase_before(&lex.grammar.place_arrivals, k, 1).is_some()
    };
    // "…seized at the port, which is used by the mafia to import drugs into
    // Europe": an arrival in a relative clause after every figure says where
    // the thing described brings drugs, not where these were found.
    let described = |p: &PlaceMention| {
        let open = (1..p.tag.start).rev().find(|&k| scan.is_punct(k - 1, ',') && scan.is_any(k, &["which", "where"]));
        open.is_some_and(|o| !quantities.is_empty() && quantities.iter().all(|q| q.end < o))
    };
    for p in places.iter_mut() {
        if arrival(p) && described(p) {
            p.here = false;
        }
    }
    // "The ban shifted the trade to Myanmar, which became the top producer
    // with 1,080 tons", "from Colombia, where 253,000 hectares were grown":
    // a relative clause holding every figure tells of the place it
    // describes, wherever the drugs went.
    // (Not where drugs bound there would sell: "destined for markets in
    // Western Europe, where they would have fetched 28 million euros".)
    for p in places.iter_mut().filter(|p| !p.here) {
        let opens = scan.is_punct(p.tag.end, ',') && scan.is_any(p.tag.end + 1, &["which", "where", "whose"]);
        if opens && !quantities.is_empty() && quantities.iter().all(|q| q.start > p.tag.end + 1) {
            let first = quantities.iter().map(|q| q.start).min().unwrap_or(p.tag.end);
            let would_sell = (p.tag.end + 2..first).any(|k| scan.is_any(k, context::SALE_MODALS));
            p.market |= would_sell;
            p.here = !would_sell;
        }
    }
    let arrived_only = places.iter().all(|p| !p.here || arrival(p));
    // "smuggled cocaine into the UK through Felixstowe": a town of the
    // country arrived in is where the drugs came in, not a stop on the way.
    let entries: Vec<usize> = (0..places.len())
        .filter(|&k| {
            let p = &places[k];
            let through = p.tag.start > 0 && scan.is_any(p.tag.start - 1, &["through", "via"]);
            through
                && p.locality.is_some()
                && places.iter().any(|o| o.here && arrival(o) && o.locality.is_none() && o.tag.value == p.tag.value)
        })
        .collect();
    for k in entries {
        places[k].here = true;
    }
    for p in places.iter_mut() {
        p.here = p.here && (arrived_only || !arrival(p));
    }
    // "Mexico, Pampanga", "Paris, Texas": a town named before its region is in
    // the region's country; but "Spain, France and Portugal" lists countries.
    let country =
        |t: &Tagged<String>| scan.span(t.start, t.end).slice(text).is_some_and(|n| n.eq_ignore_ascii_case(&t.value));
    for k in 1..places.len() {
        let (prev, next) = (&places[k - 1].tag, &places[k].tag);
        let listed = (country(prev) && country(next))
            || places.get(k + 1).is_some_and(|after| context::places_joined(&scan, next, &after.tag));
        if next.start == prev.end + 1 && scan.is_punct(prev.end, ',') && prev.value != next.value && !listed {
            places[k - 1].tag.value = places[k].tag.value.clone();
        }
    }
    // "in Spain, France and Portugal": a list of places is one phrase.
    let listed_place = |k: usize| {
        let next = if scan.is(k + 1, "the") { k + 2 } else { k + 1 };
        scan.is_punct(k, ',')
            && places.iter().any(|p| p.tag.end == k)
            && places.iter().any(|p| {
                p.tag.start == next && (scan.is_any(p.tag.end, &["and", "or"]) || scan.is_punct(p.tag.end, ','))
            })
    };
    let bounds = (0..scan.len())
        .filter(|&k| is_clause_bound(&scan, k) && !listed_place(k) && !alias_bracket(&scan, k, lex))
        .collect();
    // "The meth alone had a street value of $9,000": a named drug after "the"
    // is the one of the text before, as "the drugs" is.
    // So is a numbered one: "The 240 bales of hashish would have fetched…".
    let numbered_drug = |s: &Tagged<Option<String>>| {
        quantities.iter().any(|q| q.start == opener + 1 && (q.end..=q.end + 3).contains(&s.start))
    };
    let named_drug = scan.is(opener, "the")
        && substances.iter().any(|s| (s.start == opener + 1 || numbered_drug(s)) && s.value.is_some());
    // "Last year the figure fell to 25 tonnes", "In 2024, the haul was
    // shipped…": the subject after a leading period goes on as well.
    let after_period = periods
        .iter()
        .find(|m| m.toks.start == opener || m.toks.start == opener + 1 && scan.is_any(opener, &["in", "during", "for"]))
        .map(|m| if scan.is_punct(m.toks.end, ',') { m.toks.end + 1 } else { m.toks.end });
    // "According to the report, 8,961 kilos were cocaine, 612 kilos
    // marijuana…": a weight whose predicate is a drug is a part of the drugs
    // named before.
    let drug_predicate = quantities.iter().any(|q| {
        q.unit.dimension() == Dimension::Mass
            && scan.is_any(q.end, &["are", "is", "were", "was"])
            && substances.iter().any(|t| t.start == q.end + 1 && t.value.is_some())
    });
    // "Their resale value is estimated at €600 million", "The estimated
    // street value…": the worth of what was just named.
    let worth_opener = scan.is_any(opener, &["the", "its", "their"]) && value_after(opener + 1);
    // "Seizures of crystal methamphetamine reached 46.5 tonnes", "Ketamine
    // seizures more than doubled": the same report's count goes on, with no
    // agency of its own.
    let seizures_opener = agencies.is_empty() && {
        let noun = if substances.iter().any(|t| t.start == opener && t.value.is_some()) {
            substances.iter().find(|t| t.start == opener).map_or(opener, |t| t.end)
        } else {
            opener
        };
        events.iter().any(|e| !e.verb && e.tag.start == noun && e.tag.value == Event::Seizure)
            && scan.lower(noun).ends_with('s')
    };
    let continuation = named_drug
        || drug_predicate
        || worth_opener
        || owned_value
        || seizures_opener
        // "Two dozen packages of cocaine were also found in the vessel": what
        // else the same search found, or whom it caught (not "He was also
        // fined", a court's doing).
        || agencies.is_empty()
            && events.iter().any(|e| {
                e.verb
                    && matches!(e.tag.value, Event::Seizure | Event::Destruction | Event::Arrest)
                    && e.tag.start > 0
                    && scan.is(e.tag.start - 1, "also")
            })
        || scan.phrase_at(&lex.grammar.continuation, opener).is_some()
        || after_period.is_some_and(|k| scan.phrase_at(&lex.grammar.continuation, k).is_some())
        // "Customs alone accounted for 37 tonnes of that total": a part of a
        // figure named before, anywhere in the sentence; not "of the total
        // cultivation", a total named there and then. ("40% of that total
        // was intercepted in Le Havre": a verb or preposition ends it.)
        || scan.mentions(&lex.grammar.partitive_anaphora).iter().any(|&(_, end, _)| {
            !scan.is_word(end)
                || scan.is_any(end, &["was", "were", "is", "are", "has", "had", "came", "went", "in", "at", "on", "from", "by"])
        });
    // ("The heroin is estimated to be worth…": the drug named before too.)
    // "The haul is worth 600 million baht", "The shipment was valued at…",
    // "estimated that the seizure dealt a blow of…": the seizure just told
    // of (not "the seizure of 2 tonnes", which tells of its own).
    let pointed =
        |start: usize, end: usize| start > 0 && scan.is_any(start - 1, &["the", "this"]) && !scan.is(end, "of");
    let seizure_anaphora =
        events.iter().any(|e| !e.verb && is_enforcement(e.tag.value) && pointed(e.tag.start, e.tag.end))
            || scan.mentions(&lex.grammar.cargo_nouns).iter().any(|&(start, end, _)| pointed(start, end));
    // "The street value of the cocaine is estimated at…": the drug valued
    // is the one just told of.
    let valued_drug = substances.iter().any(|t| t.value.is_some() && valued(t) && article(t));
    let anaphora = drug_anaphora
        || drugs_before
        || named_drug
        || valued_drug
        || seizure_anaphora
        || scan.has_any(&lex.grammar.anaphora);
    // "The seized narcotics are worth…", "The haul was hidden…": a definite
    // subject naming drugs or a seizure speaks of those of the text before.
    let definite_subject = scan.is_any(opener, &["the", "this", "these", "those"])
        && (drugs_before
            || substances.iter().any(|t| (opener + 1..=opener + 3).contains(&t.start))
            || events
                .iter()
                .any(|e| !e.verb && is_enforcement(e.tag.value) && (opener + 1..=opener + 3).contains(&e.tag.start))
            // "The seized tablets are worth Tk 9 crore": a drug's form.
            || (opener + 1..=opener + 3).any(|k| scan.is_word(k) && lex.grammar.drug_forms.get(scan.lower(k)).is_some()));
    let personnel_subject = personnel_subject(&scan, opener, lex);
    // ("the Division made 45 seizures": the stand-in's deeds may be nouns.)
    let actor_before = events.iter().any(|e| {
        is_enforcement(e.tag.value)
            && (personnel_subject || e.verb && acts_for_agency_before(&scan, e, &places, &periods, lex))
    });
    // ("About 70% of the cocaine produced in Colombia passes through Ecuador":
    // a participle right after a drug is no verb of the past.)
    let past = || {
        scan.mentions(&lex.grammar.past).into_iter().any(|(start, _, _)| {
            let participle = substances.iter().any(|t| t.end == start) || start > 0 && scan.is(start - 1, "drugs");
            !participle
        })
    };
    // ("Share of seizures made in postal traffic: 61 per cent": a noun
    // before "of" is no verb.)
    let present = scan.has_any(&lex.grammar.present)
        && scan.mentions(&lex.grammar.present).into_iter().any(|(_, end, _)| !scan.is(end, "of"))
        && !(scan.has_any(&lex.grammar.past) && past());
    let retrospective = scan.phrase_at(&lex.grammar.retrospective_subjects, opener).is_some();
    // "across 42 countries", "in five nations" too.
    let many_countries = || {
        quantities
            .iter()
            .any(|q| q.value >= 3.0 && q.unit == Unit::Count && scan.is_any(q.end, &["countries", "nations"]))
    };
    let members = scan.has_any(&lex.grammar.member_states);
    let international = scan.has_any(&lex.grammar.international) || many_countries() || members;
    let totals = scan.mentions(&lex.grammar.total).into_iter().map(|(s, _, _)| s).collect();
    Analysis {
        lex,
        scan,
        quantities,
        periods,
        substances,
        agencies,
        venues,
        places,
        events,
        bounds,
        continuation,
        anaphora,
        // "The gang hid the drugs, worth £100m", "The drug, valued at
        // US$250 million": drugs in general when none were named before, as
        // for "The drugs were worth…".
        drugs_before: drugs_before || drug_anaphora,
        anaphors,
        actor_before,
        definite_subject,
        retrospective,
        present,
        international,
        members,
        totals,
    }
}

/// Days before the article's date whose events are its news, never its
/// background.
const NEWS_DAYS: i64 = 7;

/// The longest period a sentence on the finding of drugs told just before
/// may date them by: a day or a month ("were discovered on September 24").
const FOUND_DAY_DAYS: i64 = 31;

/// True when the drug at token `start` is only what something looks like:
/// "pills stamped M30 to look like oxycodone", "disguised as a sweet".
fn looked_like(scan: &Scan, start: usize, lex: &Lexicon) -> bool {
    let end = if start > 0 && scan.is_any(start - 1, &["a", "an"]) { start - 1 } else { start };
    scan.phrase_before(&lex.grammar.likeness, end, 3).is_some()
}

/// A period at least this many days long holds totals, not one event's
/// figures.
const AGGREGATE_DAYS: i32 = 28;

/// Tokens a leading adverbial may take before its comma ("Since January,",
/// "In a separate raid at the port,").
const LEAD_ADVERBIAL_TOKENS: usize = 8;

/// True when the sentence's subject is a stand-in for the agency before
/// ("the force", "officers"), at its opener or after a leading adverbial:
/// "Since January, the force has conducted 1,145 operations, arresting 1,302
/// suspects" acts for the agency through every verb.
fn personnel_subject(scan: &Scan, opener: usize, lex: &Lexicon) -> bool {
    // ("On October 25, 2024, officers executed…": a date's comma is inside
    // the adverbial.)
    let lead = (opener + 1..scan.len().min(opener + LEAD_ADVERBIAL_TOKENS))
        .take_while(|&k| scan.is_word(k) || scan.is_number(k) || scan.is_punct(k, ','));
    let after_comma = lead.filter(|&k| scan.is_punct(k, ',')).map(|c| c + 1);
    let subject_at = |k: usize| scan.phrase_at(&lex.grammar.personnel, k).is_some_and(|(_, end)| scan.is_word(end));
    std::iter::once(opener)
        .chain(after_comma)
        .any(|k| subject_at(k) || scan.is_any(k, &["the", "its", "their", "our"]) && subject_at(k + 1))
}

/// True when the verb of event `e` has a stand-in subject ("officers
/// recovered", "they also seized", "operatives in Kano recovered") or is
/// passive ("were arrested", "were charged"; but "were convicted" is a
/// court's doing).
fn acts_for_agency_before(
    scan: &Scan,
    e: &EventMention,
    places: &[PlaceMention],
    periods: &[period::Mention],
    lex: &Lexicon,
) -> bool {
    let verb = e.tag.start;
    if verb > 0 && scan.is_any(verb - 1, &["was", "were", "been"]) {
        return scan.phrase_at(&lex.grammar.court_verbs, verb).is_none();
    }
    // "The number of smuggling cases detected rose…": a participle between
    // its noun and the subject's verb is a passive with no actor of its own
    // (not "Sahel countries seized 41 tonnes", nor "they have seized").
    let noun_before = verb > 0
        && scan.is_word(verb - 1)
        && !scan.is_capitalised(verb - 1)
        && !lex.is_people_noun(scan.lower(verb - 1))
        && scan.phrase_at(&lex.grammar.personnel, verb - 1).is_none();
    let subject_verb = scan.phrase_at(&lex.grammar.count_verbs, e.tag.end).is_some();
    if noun_before && subject_verb && scan.lower(verb).ends_with("ed") {
        return true;
    }
    // The subject, up to two auxiliaries or adverbs before the verb
    // ("officers have also seized"), itself after no number ("trained 300
    // officers"; a year is none: "In 2022 they seized"), and maybe before
    // where they serve ("in Kano").
    let counted = |k: usize| scan.is_number(k) && !periods.iter().any(|m| m.toks.end == k + 1);
    (verb.saturating_sub(2)..=verb).any(|end| {
        if !(end..verb).all(|j| scan.is_any(j, &["have", "has", "had", "also", "then", "later"])) {
            return false;
        }
        let end = match places.iter().find(|p| p.tag.end == end && p.tag.start > 0) {
            Some(p) if scan.is_any(p.tag.start - 1, &["in", "at"]) => p.tag.start - 1,
            _ => end,
        };
        scan.phrase_before(&lex.grammar.personnel, end, 3).is_some_and(|(_, start)| !(start > 0 && counted(start - 1)))
    })
}

/// Days a carried period may span and still be one story's (a day, a
/// weekend, a week's raids), not a period of totals.
const STORY_DAYS: i32 = 7;

/// Tokens back from a place to the first of a list it ends ("from Spain,
/// Portugal, France and Italy").
const LIST_PLACE_TOKENS: usize = 12;

/// True when a place mention says where a haul would sell: "The drugs …
/// would fetch about 175 million euros ($194 million) in Europe", "would be
/// worth 600 million reais in Europe". It is not where the haul was found;
/// it is where a price stated there is paid.
fn sold_there(scan: &Scan, tag: &Tagged<String>, lex: &Lexicon) -> bool {
    let mut k = tag.start;
    if k > 0 && scan.is_any(k - 1, &["the", "a", "an"]) {
        k -= 1;
    }
    if k < 2 || !scan.is(k - 1, "in") {
        return false;
    }
    let lo = k.saturating_sub(SALE_TOKENS);
    // "has an estimated value of US$ 70 million in Europe": a value quoted
    // in a region of many countries is its market's (but "the retail price
    // of heroin in the European Union was €38" is the region's own).
    let value_of = |j: usize| {
        scan.phrase_at(&lex.grammar.value_nouns, j)
            .is_some_and(|(_, e)| scan.is(e, "of") && (e + 1..k - 1).any(|x| scan.is_number(x)))
    };
    if lex.is_region(&tag.value) && (lo..k - 1).any(value_of) {
        return true;
    }
    // "worth more than SBD$1 billion if sold in Australia".
    if k >= 3 && scan.is(k - 2, "sold") && scan.is_any(k - 3, &["if", "when", "once"]) {
        return true;
    }
    // (The modal first: places after "in" are many, sales few.)
    let Some(modal) = (lo..k - 1).find(|&j| scan.is_any(j, context::SALE_MODALS)) else { return false };
    let selling = |j: usize| {
        scan.phrase_at(&lex.grammar.price_verbs, j).is_some()
            // ("would be worth", "would have been worth")
            || scan.is_any(j, &["be", "been"]) && scan.phrase_at(&lex.grammar.worth_verbs, j + 1).is_some()
    };
    // ("would have been sold in Georgia and Europe for…": the verb before
    // its place, its "for" after.)
    let sold_in = |j: usize| j + 2 == k && scan.is_word(j) && lex.grammar.sale_verbs.get(scan.lower(j)).is_some();
    let sold = (modal + 1..(modal + 4).min(k - 1)).find(|&j| selling(j) || sold_in(j));
    sold.is_some_and(|v| (v..k - 1).all(|j| !scan.is_punct(j, ',') && !scan.is_punct(j, ';')))
}

/// Tokens after a participle in which its figure stands: "accounting for
/// 59", "making up about 40".
const ABSOLUTE_FIGURE_REACH: usize = 4;

/// Lower-case nouns after a place's name: "Bandar Abbas port in Iran".
const PLACE_HEADS: &[&str] =
    &["port", "city", "province", "state", "region", "district", "airport", "harbour", "harbor"];

/// True when a place mention says where things happened, not where they came
/// from or went, whose citizens, or whose possession mid-sentence.
/// `before_agency`: an agency's name follows the place ("Britain's National
/// Crime Agency"): its first word is then no nationality noun, and the place
/// is the agency's home.
fn place_is_here(scan: &Scan, tag: &Tagged<String>, lex: &Lexicon, before_agency: bool) -> bool {
    let mut k = tag.start;
    if k > 0 && scan.is_any(k - 1, &["the", "a", "an"]) {
        k -= 1;
    }
    // "with Badakhshan province accounting for 59 per cent": "with" and a
    // participle taking a figure say what happened there, not whom it was
    // done with ("with Iran providing intelligence").
    let head = if scan.is_any(tag.end, PLACE_HEADS) { tag.end + 1 } else { tag.end };
    let absolute = scan.is(k.saturating_sub(1), "with")
        && scan.is_word(head)
        && scan.lower(head).ends_with("ing")
        && (head + 1..head + ABSOLUTE_FIGURE_REACH).any(|j| scan.is_number(j));
    // "70% of the world's cocaine passes through Ecuador's ports": where a
    // flow passes is where the trafficking is.
    let transit = scan.phrase_before(&lex.grammar.place_transits, k, 3).is_some();
    if !absolute && !transit && scan.phrase_before(&lex.grammar.place_not_here, k, 3).is_some() {
        return false;
    }
    // "the highest in Latin America": the set a figure is ranked in, unless
    // a home possession follows ("the largest in Kenya's history").
    let ranked_in = k > 1
        && scan.is_any(k - 1, &["in", "among"])
        && scan.phrase_at(&lex.grammar.comparison_superlatives, k - 2).is_some();
    if ranked_in && !crate::text::is_possessive(scan.tok(tag.end.saturating_sub(1)), false) {
        return false;
    }
    // "far below the European average": the place of a yardstick.
    if scan.is_any(tag.end, &["average", "averages", "mean", "median"]) {
        return false;
    }
    // "(9 citizens of Iran, 8 of Turkey)": people counted by where they are
    // from; "Jose Luis Ramirez, 41, of Mexico": where one lives.
    if k > 1 && scan.is(k - 1, "of") {
        let age = k > 3 && scan.is_punct(k - 2, ',') && scan.is_number(k - 3);
        if age || scan.is_number(k - 2) {
            return false;
        }
    }
    // "a ferry from Cherbourg in France", "from Guayaquil, Ecuador": the
    // region of a place the drugs came from is not where either.
    // (Also "from Bandar Abbas port in Iran".)
    if k > 1 && (scan.is(k - 1, "in") || scan.is_punct(k - 1, ',')) {
        let name_end = k - 1 - usize::from(k > 2 && scan.is_any(k - 2, PLACE_HEADS));
        let mut name = name_end;
        while name > 0 && name_end - name < PLACE_NAME_TOKENS && scan.is_capitalised(name - 1) {
            name -= 1;
        }
        let moved = scan.phrase_before(&lex.grammar.place_not_here, name, 3).is_some_and(|(_, at)| !scan.is(at, "of"));
        if name < name_end && moved {
            return false;
        }
    }
    // "destined for markets in Western Europe", "bound for the streets of
    // London": the market the drugs were headed for.
    if k > 2 && scan.is_any(k - 1, &["in", "of"]) {
        if let Some((_, m)) = scan.phrase_before(&lex.grammar.market_nouns, k - 1, 2) {
            let m = m - usize::from(m > 0 && scan.is_any(m - 1, &["the", "its", "their"]));
            if scan.phrase_before(&lex.grammar.place_not_here, m, 3).is_some() {
                return false;
            }
        }
    }
    // "from Spain, Portugal, France and Italy": a list of places shares the
    // role of its first.
    if k > 1 && (scan.is_punct(k - 1, ',') || scan.is_any(k - 1, &["and", "or"])) {
        let mut first = k - 1;
        while first > 0
            && k - first < LIST_PLACE_TOKENS
            && (scan.is_punct(first - 1, ',')
                || scan.is_any(first - 1, &["and", "or"])
                || scan.is_capitalised(first - 1))
        {
            first -= 1;
        }
        if first < k - 1
            && scan.is_capitalised(first)
            && scan.phrase_before(&lex.grammar.place_not_here, first, 3).is_some_and(|(_, at)| !scan.is(at, "of"))
            && scan.phrase_before(&lex.grammar.place_transits, first, 3).is_none()
        {
            return false;
        }
    }
    // "on the Benin-Lagos expressway": the places a road joins (one
    // hyphenated word) are where it runs, not where its figures are.
    let joins = (tag.start..tag.end).any(|k| scan.tok(k).contains('-'));
    if joins && scan.phrase_at(&lex.grammar.road_nouns, tag.end).is_some() {
        return false;
    }
    // "Iranian citizens", and "Colombian and Ecuadorian nationals".
    let mut j = tag.end;
    while j < tag.end + 5
        && (scan.is_any(j, &["and", "or", "a", "an"]) || scan.is_punct(j, ',') || scan.is_capitalised(j))
    {
        j += 1;
    }
    let last = scan.tok(tag.end.saturating_sub(1));
    let possessive = crate::text::is_possessive(last, false);
    if !possessive && !before_agency && scan.phrase_at(&lex.grammar.border_nouns, tag.end).is_some() {
        return false;
    }
    // "486 kg of Kerala ganja", "Afghan heroin": a place naming a drug is
    // where the drug comes from; but "Colombian cocaine production" and
    // "Mexican meth seizures" happen there.
    if !possessive && !before_agency {
        if let Some((_, drug_end)) = scan.phrase_at(&lex.substances, tag.end) {
            let event = scan.phrase_at(&lex.events, drug_end).and_then(|(hit, _)| hit.value().copied());
            if !matches!(event, Some(Event::Production | Event::Seizure)) {
                return false;
            }
        }
    }
    // ("Costa Rica's National Coast Guard": a possessive names no national.)
    let listed_before_noun = j > tag.end && scan.is_capitalised(j - 1);
    if !before_agency
        && !possessive
        && (scan.phrase_at(&lex.grammar.nationality_nouns, tag.end).is_some()
            || listed_before_noun && scan.phrase_at(&lex.grammar.nationality_nouns, j).is_some())
    {
        return false;
    }
    // "a 42-year-old Togolese, who…", "the driver is Togolese.": a person
    // named by nationality (a demonym, not the country's own name: "the
    // source was Pakistan." is the place).
    let demonym = !scan.span(tag.start, tag.end).slice(scan.text).is_some_and(|s| s.eq_ignore_ascii_case(&tag.value));
    // "worth 200 million euros on the European market": where it would
    // sell. (A market named by its town, "Tepito market", is a place.)
    if demonym && !possessive && scan.phrase_at(&lex.grammar.market_nouns, tag.end).is_some() {
        return false;
    }
    // "including two Spaniards, were detained": people counted by nationality.
    let counted = |k: usize| scan.is_number(k) || lex.cardinals.get(scan.lower(k)).is_some();
    let counted_people = tag.start > 0 && counted(tag.start - 1) && quantity::is_nationals(scan, tag.start, lex);
    let person = demonym
        && tag.start > 0
        && (scan.is_any(tag.start - 1, &["a", "an", "is", "was", "are", "were"])
            || scan.lower(tag.start - 1).ends_with("old")
            || counted(tag.start - 1))
        && (tag.end >= scan.len()
            || [',', ';', '.', ')', '-', '\u{2014}', '\u{2013}'].iter().any(|&c| scan.is_punct(tag.end, c))
            || scan.is_any(tag.end, &["who", "was", "were", "is", "are", "has", "have", "had", "and", "or"]));
    // "packed in 1,000 Chinese tea packets", "in a Chinese tea bag": a thing's
    // make, unless the thing is somewhere ("a Colombian port", "a Mexican
    // border town").
    let g = &lex.grammar;
    let somewhere = || {
        [&g.location_nouns, &g.home_possessions, &g.border_nouns]
            .iter()
            .any(|nouns| scan.phrase_at(nouns, tag.end).is_some())
    };
    // (A town is no make: "a Dunedin pharmacist" worked there.)
    let town = || scan.span(tag.start, tag.end).slice(scan.text).is_some_and(|s| lex.locality_name(s).is_some());
    // ("packed in Chinese tea packaging": before goods or their packing, a
    // make whatever comes before.)
    let made = || g.made_goods.get(scan.lower(tag.end)).is_some();
    let goods = demonym
        && (tag.start > 0 && (counted(tag.start - 1) || scan.is_any(tag.start - 1, &["a", "an"]) && !town()) || made())
        && scan.is_word(tag.end)
        && !scan.is_capitalised(tag.end)
        && !somewhere();
    if counted_people || (person || goods) && !before_agency {
        return false;
    }

    // A possession mid-sentence is somewhere else's ("drugs bound for
    // Europe's markets"), unless what it owns is an agency, which acts at home
    // ("Meanwhile, the UK's National Crime Agency seized..."), or the place's
    // own ("the largest haul in New Zealand's history").
    let at_home =
        before_agency || scan.is_word(tag.end) && lex.grammar.home_possessions.get(scan.lower(tag.end)).is_some();
    !(possessive && tag.start > 2 && !at_home)
}

/// Tokens between a verb of sale and the place of the market after its sum
/// ("would have fetched about 1.3 billion lempiras (some $52 million) on
/// the street in the United States").
const SALE_TOKENS: usize = 20;

/// "Police crack drug ring", "did police crack", "to crack down": a drug's
/// name that is also a verb, used as one (after an agency, "to" or an
/// auxiliary, or before "down").
fn is_verb_use(scan: &Scan, t: &Tagged<Option<String>>, agencies: &[Tagged<String>], lex: &Lexicon) -> bool {
    if t.end != t.start + 1 || lex.grammar.verb_substances.get(scan.lower(t.start)).is_none() {
        return false;
    }
    let after_agency = agencies.iter().any(|a| a.end == t.start);
    let after_auxiliary = t.start > 0 && scan.is_any(t.start - 1, VERB_OPENERS);
    // "did Chinese police crack": an auxiliary a few words before, with only
    // words between.
    let question = (t.start.saturating_sub(4)..t.start)
        .find(|&k| scan.is_any(k, &["did", "do", "does"]))
        .is_some_and(|k| (k + 1..t.start).all(|j| scan.is_word(j)));
    after_agency || after_auxiliary || question || scan.is(t.end, "down")
}

/// Words after which a verb stands.
const VERB_OPENERS: &[&str] = &["to", "did", "will", "would", "could", "can", "must", "helped", "help"];

/// Words a place's name may have ("Port Harcourt", "Puerto Quetzal").
const PLACE_NAME_TOKENS: usize = 3;

/// Days a dated article may be published after the day its dateline names.
const FILED_DAYS: i64 = 3;

/// Weight of a wire dateline's place among the places an article names: a
/// title's and more, as it says where the story is.
const DATELINE_WEIGHT: usize = 3;

/// The place of a wire dateline opening the sentence: "SAN DIEGO - A
/// Tijuana man…", "MANILA – Anti-narcotics agents…".
fn dateline_place<'x>(a: &'x Analysis) -> Option<&'x str> {
    a.dateline_end()?;
    a.places.first().map(|p| p.tag.value.as_str())
}

/// How much a lead's dateline weighs among the places the article names. A
/// wire's, in capitals ("LYON, France –"), says where the story is; a town
/// written plainly before a date ("Lisbon, 5 June 2025 –") may be only where
/// a report was released, and weighs as one mention.
fn dateline_weight(a: &Analysis) -> usize {
    let (Some(p), Some(dash)) = (a.places.first(), a.dateline_end()) else { return DATELINE_WEIGHT };
    let plain = (p.tag.start..p.tag.end).any(|k| a.scan.tok(k).chars().any(char::is_lowercase));
    let dated = a.periods.iter().any(|m| m.toks.start >= p.tag.end && m.toks.end <= dash);
    if plain && dated {
        1
    } else {
        DATELINE_WEIGHT
    }
}

/// "according to the Global Drug Survey", "the World Drug Report": drugs
/// in general named inside a name, between capitalised words, in a sentence
/// not written in title case. (A survey's name says no drug was the news.)
fn in_proper_name(scan: &Scan, t: &Tagged<Option<String>>) -> bool {
    let capitalised = |k: usize| scan.is_capitalised(k);
    let generic = t.value.as_deref() == Some("narcotics") && t.end == t.start + 1;
    if !generic || t.start < 2 || !capitalised(t.start) || !capitalised(t.start - 1) || !capitalised(t.end) {
        return false;
    }
    let words = (0..scan.len()).filter(|&k| scan.is_word(k)).count();
    let capitals = (0..scan.len()).filter(|&k| capitalised(k)).count();
    capitals * 2 < words
}

/// Tokens a law's name may run on after a drug's name ("Opium and Dangerous
/// Drugs Ordinance").
const LAW_NAME_TOKENS: usize = 8;

/// True when drug mention `t` is part of a law's name: "arrested for
/// offences under the Poisons, Opium and Dangerous Drugs Ordinance" names
/// no opium, but drugs in general.
fn in_law_name(scan: &Scan, t: &Tagged<Option<String>>, lex: &Lexicon) -> bool {
    if !scan.is_capitalised(t.start) {
        return false;
    }
    let mut k = t.end;
    while k < scan.len() && k < t.end + LAW_NAME_TOKENS {
        if scan.is_capitalised(k) && lex.grammar.law_heads.get(scan.lower(k)).is_some() {
            return true;
        }
        let joins = scan.is_punct(k, ',') || scan.is_any(k, &["and", "of", "&"]);
        if !(joins || scan.is_capitalised(k)) {
            return false;
        }
        k += 1;
    }
    false
}

/// True when `what` measures a drug itself ("purity", "average purity",
/// "price of gram"): it is of the drug named before.
fn is_drug_attribute(what: &str, lex: &Lexicon) -> bool {
    // ("deaths per 100,000": a rate of what it counts.)
    let what = what.split(" per ").next().unwrap_or(what);
    let last = what.rsplit(' ').next().unwrap_or(what);
    // "purity at street level", "price of kilogram": the noun before its
    // prepositions.
    let head = what.split(' ').take_while(|w| !["at", "in", "on", "among", "across", "of"].contains(w)).last();
    // "price of gram": what a unit of the drug sells for.
    let unit_price = what.strip_prefix("price of ").is_some_and(|unit| lex.units.get(unit).is_some());
    // "the annual target": a figure set for the sentence's drug.
    unit_price
        || lex.grammar.drug_attributes.get(what).is_some()
        || lex.grammar.drug_attributes.get(last).is_some()
        || head.is_some_and(|h| lex.grammar.drug_attributes.get(h).is_some())
        || lex.grammar.target_nouns.get(last).is_some()
}

/// What carries from one sentence to the next.
#[derive(Debug, Clone, Default)]
struct Carry {
    agent: Option<String>,
    substance: Option<Option<String>>,
    event: Option<Event>,
    /// The latest event that befell the drugs as goods, which a carried mass
    /// or sum takes over one about people ("Two suspects were killed. The
    /// drugs had a street value of…").
    drug_event: Option<Event>,
    count: Option<What>,
}

/// What is known about the article as a whole.
#[derive(Debug, Clone, Default)]
struct DocFrame {
    year: Option<i16>,
    /// The article's date: stated, else its dateline's day in the year whose
    /// weekday the lead names (see [`FrameBuilder::weekday_date`]).
    date: Option<jiff::civil::Date>,
    frame: Option<Period>,
    place: Option<String>,
    interviewee: Option<String>,
    /// The agency whose release this is: the article's source, when that is
    /// an enforcing agency ("Australian Federal Police").
    publisher: Option<String>,
    acronyms: Vec<(String, String)>,
    /// The fiscal year of the article's country: its first national
    /// agency's, else its place's.
    fiscal: Option<FiscalCalendar>,
}

/// The fiscal year of the first agency the sentence names with its country
/// ("Australian authorities say … in the 2023-24 financial year" in an
/// article from Fiji): a fiscal year is the reporting agency's.
fn agency_fiscal(a: &Analysis) -> Option<FiscalCalendar> {
    agency_home(a).and_then(|h| a.lex.fiscal_years.get(&h).copied())
}

/// The country of the agencies the sentence names: the first that names
/// its country ("Nepal Police"), else the first the table of homes knows.
/// "The Narcotics Control Bureau (NCB) and other police units seized …
/// according to data from Nepal Police" is Nepal's, not the Indian
/// bureau's of that name.
fn agency_home(a: &Analysis) -> Option<String> {
    let national =
        |t: &Tagged<String>| a.scan.phrase_at(&a.lex.agency_homes, t.start).and_then(|(hit, _)| hit.value().cloned());
    // (Not a helper's: "The Australian Federal Police is assisting…".)
    let acting = || a.agencies.iter().filter(|t| !a.is_helper(t));
    acting().find_map(|t| named_home(a, t)).or_else(|| acting().find_map(national))
}

/// The country an agency's name gives it: "the Narcotics Control Bureau of
/// Nepal Police", "Nepal's Narcotics Control Bureau", "Nepal Police". A name
/// that says its country is that country's, whatever country the table of
/// homes gives the name alone (India's, for the Narcotics Control Bureau).
fn named_home(a: &Analysis, t: &Tagged<String>) -> Option<String> {
    let mut end = t.end;
    while a.scan.is_capitalised(end) {
        end += 1;
    }
    let after = a.places.iter().find(|p| a.scan.is(end, "of") && p.tag.start == end + 1);
    let before = || {
        a.places
            .iter()
            .find(|p| p.tag.end == t.start || p.tag.end + 1 == t.start && a.scan.is_any(p.tag.end, &["'s", "’s", "'"]))
    };
    after.or_else(before).map(|p| p.tag.value.clone())
}

/// Shortest period (in days) a change is taken to compare with the same
/// period a year before: a quarter.
const MIN_YEAR_ON_YEAR_DAYS: i64 = 89;

/// Longest acronym an article may define for an agency.
const ACRONYM_LETTERS: std::ops::RangeInclusive<usize> = 2..=8;

/// Words of an agency's name the lexicon's entry may leave out ("Force" in
/// "Jamaica Constabulary Force", "under the President of Tajikistan").
const NAME_TAIL_WORDS: usize = 6;

/// Lower-case words a name's tail may hold between capitalised ones ("Drug
/// Control Agency under the President of Tajikistan (DCA)").
const NAME_TAIL_LINKS: &[&str] = &["of", "under", "the", "for", "and", "on", "to"];

/// The acronym in brackets after an agency's name ending at token `k`
/// ("(JCF)"), when the lexicon does not know it already.
fn acronym_after<'a>(a: &Analysis<'a>, k: usize) -> Option<&'a str> {
    let in_tail =
        |j: usize| a.scan.is_word(j) && (a.scan.is_capitalised(j) || NAME_TAIL_LINKS.contains(&a.scan.tok(j)));
    // Another agency named ends the tail: "the Police and the Army (ANP)".
    let agency_at = |j: usize| a.agencies.iter().any(|t| t.start == j);
    let tail = (k..k + NAME_TAIL_WORDS).take_while(|&j| in_tail(j) && !agency_at(j)).count();
    // The tail ends on a capitalised word: "the Ministry of the Interior
    // (MOI)", not a link word before the bracket.
    let tail = (0..=tail).rev().find(|&n| n == 0 || a.scan.is_capitalised(k + n - 1))?;
    let k = k + tail;
    let word = a.scan.tok(k + 1);
    // ("CBŚP", the Polish police's bureau: letters, not bytes.)
    let is_acronym = ACRONYM_LETTERS.contains(&word.chars().count()) && word.chars().all(char::is_uppercase);
    let known = a.agencies.iter().any(|t| t.start == k + 1);
    (a.scan.is_punct(k, '(') && a.scan.is_punct(k + 2, ')') && is_acronym && !known).then_some(word)
}

/// The agency an acronym the article defined names, where the sentence uses
/// one ("Since January, the JCF has seized…").
fn defined_agency(a: &Analysis, acronyms: &[(String, String)]) -> Option<String> {
    if acronyms.is_empty() {
        return None;
    }
    (0..a.scan.len()).find_map(|k| {
        // ("the PF's operation": its possessive too.)
        let tok = a.scan.tok(k);
        let word = ["'s", "’s", "'"].iter().find_map(|s| tok.strip_suffix(s)).unwrap_or(tok);
        let defining = k > 0 && a.scan.is_punct(k - 1, '(');
        acronyms.iter().find(|(x, _)| x == word && !defining).map(|(_, v)| v.clone())
    })
}

fn years_in<'a>(a: &'a Analysis<'a>) -> impl Iterator<Item = i16> + 'a {
    // A full date counts even as a reference: "the CCDAC said in a statement
    // on Feb. 3, 2025" dates the text.
    let counts = |m: &&period::Mention| m.role != Role::Reference || matches!(m.expr, Expr::Days { .. });
    a.periods.iter().filter(counts).flat_map(|m| {
        // At most two years an expression: no vector for them.
        let ys: [Option<i16>; 2] = match m.expr {
            Expr::Years(x, y) => [x, y].map(|r| if let YearRef::Abs(v) = r { Some(v) } else { None }),
            Expr::Months { year: YearRef::Abs(v), .. } | Expr::Days { year: YearRef::Abs(v), .. } => [Some(v), None],
            Expr::Span(x, y) => [x.year, y.year].map(|r| if let YearRef::Abs(v) = r { Some(v) } else { None }),
            Expr::Fiscal { year: YearRef::Abs(v), split, .. } => [Some(v), split.then_some(v + 1)],
            Expr::ToDate(YearRef::Abs(v)) => [Some(v), None],
            _ => [None, None],
        };
        ys.into_iter().flatten()
    })
}

/// The earliest year an undated article can be from, when a sentence counts
/// back from it and compares with a year it names: "seized 960 tonnes last
/// year, an increase of 28% from 2023" is written in 2025 at the earliest.
fn year_after_baseline(a: &Analysis) -> Option<i16> {
    let back = a
        .periods
        .iter()
        .filter(|m| m.role == Role::Frame)
        .filter_map(|m| match m.expr {
            Expr::Years(YearRef::Rel(r), _) if r <= 0 => Some(r),
            _ => None,
        })
        .min()?;
    let baseline = a
        .periods
        .iter()
        .filter(|m| m.role == Role::Baseline)
        .filter_map(|m| match m.expr {
            Expr::Years(_, YearRef::Abs(y)) => Some(y),
            Expr::Fiscal { year: YearRef::Abs(y), split, .. } => Some(y + i16::from(split)),
            _ => None,
        })
        .max()?;
    Some(baseline + 1 - back).filter(|&y| y <= 2099)
}

/// Gathers what is known about the article as a whole, one sentence at a
/// time, so that a very long article need not keep every sentence's analysis.
struct FrameBuilder<'l> {
    lex: &'l Lexicon,
    /// Block of the lead paragraph (the first that is not a heading).
    lead_block: Option<usize>,
    /// Latest year named by the title or any sentence.
    max_year: Option<i16>,
    /// Frame periods of the lead, then of the title, in text order.
    lead_frames: Vec<Expr>,
    title_frames: Vec<Expr>,
    /// "here" places: weight and first position.
    places: HashMap<String, (usize, usize)>,
    /// Places named only by a town's name shared with other countries'
    /// towns ("Western Province", "Colón"): the same, heard only when the
    /// article names no other place and no agency's country.
    shared_places: HashMap<String, (usize, usize)>,
    order: usize,
    /// The lead's dateline place ("LYON, France –"), weighed at the end:
    /// an opening on the world makes it only where the report was written.
    /// With its weight.
    dateline: Option<((String, usize), usize)>,
    /// The opening (title and first paragraphs) says it is an interview.
    said_interview: bool,
    /// The first agency named in the opening.
    opening_agency: Option<String>,
    /// Paragraphs that are questions (an interview's layout).
    questions: usize,
    /// The opening speaks of the world ("the World Drug Report", "global").
    international_opening: bool,
    /// The country of the first national agency named ("NDLEA": Nigeria).
    agency_home: Option<String>,
    /// Acronyms the article gives its agencies ("the Jamaica Constabulary
    /// Force (JCF)"), with the agency's canonical name.
    acronyms: Vec<(String, String)>,
    /// The month and day of a dateline without a year ("SÃO PAULO, Aug 21
    /// (Reuters) -").
    dateline_day: Option<(i8, i8)>,
    /// The first weekday the lead names ("said on Wednesday").
    lead_weekday: Option<i8>,
}

impl<'l> FrameBuilder<'l> {
    fn new(sentences: &[Sentence], lex: &'l Lexicon) -> FrameBuilder<'l> {
        FrameBuilder {
            lex,
            lead_block: sentences.iter().find(|s| !s.heading).map(|s| s.block),
            max_year: None,
            lead_frames: Vec::new(),
            title_frames: Vec::new(),
            places: HashMap::new(),
            shared_places: HashMap::new(),
            order: 0,
            dateline: None,
            said_interview: false,
            opening_agency: None,
            questions: 0,
            international_opening: false,
            agency_home: None,
            acronyms: Vec::new(),
            dateline_day: None,
            lead_weekday: None,
        }
    }

    fn frames_of<'x>(a: &'x Analysis<'_>) -> impl Iterator<Item = Expr> + 'x {
        a.periods
            .iter()
            .filter(|m| {
                m.role == Role::Frame
                    && !matches!(m.expr, Expr::Since(_) | Expr::SinceMonth(_) | Expr::ToDate(_) | Expr::PastYears(_))
            })
            .map(|m| m.expr)
    }

    /// Weighs what sentence `a` names; places before token `filed` (the
    /// lead's dateline, weighed as one in `finish`) aside.
    fn add_common(&mut self, a: &Analysis, weight: usize, opening: bool, filed: Option<usize>) {
        self.max_year = self.max_year.max(years_in(a).filter(|&y| y <= 2099).max());
        self.max_year = self.max_year.max(year_after_baseline(a));
        // "486 kg of Kerala ganja": a drug's origin names no place the
        // article is about (though a sentence on its growing may be there).
        let origin = |p: &PlaceMention| a.substances.iter().any(|t| t.start == p.tag.end);
        // ("The Australian Federal Police is assisting…": nor does the home
        // of an agency assisting another's case, though a partner's in a
        // joint operation is where it acts.)
        let helper_home = |p: &PlaceMention| {
            a.agencies
                .iter()
                .any(|t| (t.start == p.tag.end || t.start <= p.tag.start && p.tag.end <= t.end) && a.assists(t))
        };
        let counted =
            |p: &&PlaceMention| p.here && !origin(p) && !helper_home(p) && filed.is_none_or(|d| p.tag.start > d);
        for p in a.places.iter().filter(counted) {
            let shared = self.lex.is_homonym(p.homonym_name(&a.scan));
            let places = if shared { &mut self.shared_places } else { &mut self.places };
            let e = places.entry(p.tag.value.clone()).or_insert((0, self.order));
            e.0 += weight;
            self.order += 1;
        }
        for t in &a.agencies {
            if let Some(acronym) = acronym_after(a, t.end) {
                if !self.acronyms.iter().any(|(x, _)| x == acronym) {
                    self.acronyms.push((acronym.to_owned(), t.value.clone()));
                }
            }
        }
        if self.agency_home.is_none() {
            self.agency_home = agency_home(a);
        }
        if opening {
            self.international_opening |= a.international;
            self.said_interview |= a.scan.has_any(&self.lex.grammar.interview);
            if self.opening_agency.is_none() {
                self.opening_agency = a.agencies.first().map(|t| t.value.clone());
            }
        }
    }

    fn add_title(&mut self, a: &Analysis) {
        self.title_frames.extend(Self::frames_of(a));
        self.add_common(a, 2, true, None);
    }

    fn add(&mut self, s: &Sentence, a: &Analysis) {
        let mut filed = None;
        if Some(s.block) == self.lead_block {
            self.lead_frames.extend(Self::frames_of(a));
            if s.starts_block && self.dateline.is_none() {
                if let Some(p) = dateline_place(a) {
                    filed = a.dateline_end();
                    // (One that weighs as a mention loses a tie to the lead's own places.)
                    let weight = dateline_weight(a);
                    let order = if weight < DATELINE_WEIGHT { usize::MAX } else { self.order };
                    self.dateline = Some(((p.to_owned(), order), weight));
                }
            }
            if s.starts_block && self.dateline_day.is_none() {
                self.dateline_day = a.periods.iter().find_map(|m| match m.expr {
                    Expr::Days { month, from, to, year: YearRef::Context }
                        if from == to && period::is_dateline(&a.scan, m.toks.start, m.toks.end, &m.expr) =>
                    {
                        Some((month, from))
                    }
                    _ => None,
                });
            }
            if self.lead_weekday.is_none() {
                self.lead_weekday = a.periods.iter().find_map(|m| match m.expr {
                    Expr::Weekday { day, strict: false, ahead: false, through: None } => Some(day),
                    _ => None,
                });
            }
        }
        if s.starts_block && a.scan.text.trim_end().ends_with('?') {
            self.questions += 1;
        }
        self.add_common(a, 1, s.block <= 1, filed);
    }

    /// The date of an undated article whose dateline gives a day without its
    /// year and whose lead names a weekday ("SÃO PAULO, Aug 21 (Reuters) -
    /// Police said on Wednesday…"): that day in the year, among `year` (the
    /// one inferred from the text) and the years either side, in which it
    /// falls on that weekday. Wire stories name the day they are filed.
    fn weekday_date(&self, year: i16) -> Option<jiff::civil::Date> {
        let (month, day) = self.dateline_day?;
        let weekday = self.lead_weekday?;
        [year, year + 1, year - 1].into_iter().find_map(|y| {
            let d = jiff::civil::Date::new(y, month, day).ok()?;
            (d.weekday().to_monday_one_offset() == weekday).then_some(d)
        })
    }

    /// The day a dated article was filed, when its dateline names one (without
    /// its year) in the days up to its publication ("NAY PYI TAW, 26 June —
    /// … ceremonies held … today" in a paper dated 27 June): its "today" and
    /// weekdays are that day's.
    fn filed_day(&self, published: jiff::civil::Date) -> Option<jiff::civil::Date> {
        let (month, day) = self.dateline_day?;
        [published.year(), published.year() - 1].into_iter().find_map(|y| {
            let filed = jiff::civil::Date::new(y, month, day).ok()?;
            (0..=FILED_DAYS).contains(&i64::from((published - filed).get_days())).then_some(filed)
        })
    }

    fn finish(self, doc: &CleanDoc) -> DocFrame {
        // An undated article whose title names a year its lead calls "last
        // year" ("…hits record high in 2023" over "…reached a record 769
        // kilograms last year") was written the year after.
        let relative_to_title = || {
            let titled = self.title_frames.iter().find_map(|e| match e {
                Expr::Years(YearRef::Abs(from), YearRef::Abs(to)) if from == to => Some(*from),
                _ => None,
            })?;
            let offset = self.lead_frames.iter().find_map(|e| match e {
                Expr::Years(YearRef::Rel(from), YearRef::Rel(to)) if from == to => Some(*from),
                _ => None,
            })?;
            Some(titled - offset)
        };
        // Else the year of its copyright line, unless its text names a later one.
        let copyright = doc.meta.copyright_year.filter(|y| self.max_year.is_none_or(|m| *y >= m));
        let year = doc.meta.date.map(|d| d.year()).or_else(relative_to_title).or(copyright).or(self.max_year);
        let date = doc.meta.date.map(|d| self.filed_day(d).unwrap_or(d)).or_else(|| self.weekday_date(year?));
        let year = date.map(|d| d.year()).or(year);
        // An article that opens on the world has no place of its own unless
        // one is named again and again (or in its title).
        let min_weight = if self.international_opening { 2 } else { 1 };
        let mut places = self.places;
        // The lead's dateline, else one on a line of its own above the article.
        // A wire's dateline in capitals says where the story is; a town
        // written plainly before a date ("Bangkok, 12 December 2024") may be
        // only where a report was released, and weighs as one mention.
        let header_dateline = || {
            let name = doc.dateline.as_deref()?;
            let place = self.lex.places.get(name)?.value()?;
            let weight = if name.chars().any(char::is_lowercase) { 1 } else { DATELINE_WEIGHT };
            Some(((place.clone(), 0), weight))
        };
        let dateline = self.dateline.or_else(header_dateline);
        if let Some(((p, order), weight)) = dateline.filter(|_| !self.international_opening) {
            places.entry(p).or_insert((0, order)).0 += weight;
        }
        let heaviest = |places: HashMap<String, (usize, usize)>| {
            places
                .into_iter()
                .filter(|(_, (weight, _))| *weight >= min_weight)
                .max_by(|x, y| x.1 .0.cmp(&y.1 .0).then(y.1 .1.cmp(&x.1 .1)))
                .map(|(p, _)| p)
        };
        let place = heaviest(places);
        // A fiscal year is the reporting agency's, wherever the drugs were.
        let fiscal = self.agency_home.as_ref().or(place.as_ref()).and_then(|p| self.lex.fiscal_years.get(p)).copied();
        // Else the country in the publisher's name ("The Japan Times",
        // "Times of Oman"), of a story that names no place at all.
        let source_home = || {
            let source = doc.meta.source.as_deref()?;
            self.lex.places.find_all(source).first().and_then(|hit| hit.entry.value()).cloned()
        };
        let home = self.agency_home.clone().or_else(source_home);
        let place =
            place.or_else(|| home.filter(|_| !self.international_opening)).or_else(|| heaviest(self.shared_places));
        let anchor = Anchor { article_year: year, date, fiscal, ..Anchor::default() };
        let frame = self.lead_frames.iter().chain(&self.title_frames).find_map(|e| e.resolve(&anchor));
        let interviewee = if self.said_interview || self.questions >= 2 { self.opening_agency } else { None };
        // A release's own agency (its source, when that is one that
        // enforces: the EUDA reporting seizures made none). A report headed
        // by nothing but the agency's name ("NATIONAL DRUG CONTROL AGENCY /
        // ANNUAL REPORT 2024") is that agency's too.
        let publisher = [doc.meta.source.as_deref(), doc.meta.title.as_deref()]
            .into_iter()
            .flatten()
            .find_map(|s| self.lex.agency_named(s))
            .filter(|a| crate::vocab::ENFORCEMENT.contains(&a.as_str()))
            .cloned();
        DocFrame { year, date, frame, place, interviewee, publisher, acronyms: self.acronyms, fiscal }
    }
}

/// Articles with more sentences than this are read twice (once for the
/// article's frame, once for the facts) rather than holding every sentence's
/// analysis in memory.
const RETAINED_SENTENCES: usize = 2048;

/// What extraction found in an article.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// The facts, in text order.
    pub facts: Vec<Fact>,
    /// The article's year: its date's, else the latest year its text names.
    pub year: Option<i16>,
    /// True when `year` was inferred from the text (the article is undated).
    pub year_inferred: bool,
}

/// Extracts every fact of a cleaned article from its sentences, and the
/// figures only its title states.
pub fn extract(doc: &CleanDoc, sentences: &[Sentence], lex: &Lexicon) -> Extraction {
    let (mut extraction, title_only) = extract_sentences(doc, sentences, lex);
    if title_only {
        let mut facts = title_facts(doc, lex, &extraction.facts);
        facts.append(&mut extraction.facts);
        extraction.facts = facts;
    }
    extraction
}

/// The facts of the title line that no fact of the body restates ("CBP
/// officers seize $3.4 million in methamphetamine" over a release that
/// gives only the pounds), as headlines, quoting the title. None when the
/// title is not a line of the text (an HTML page's `<title>` alone).
fn title_facts(doc: &CleanDoc, lex: &Lexicon, body: &[Fact]) -> Vec<Fact> {
    let Some(title) = doc.meta.title.as_deref() else { return Vec::new() };
    let Some(start) = doc.text.find(title) else { return Vec::new() };
    // Outside every block: no table, lead or caption is the title's.
    let line =
        Sentence { span: Span::new(start, start + title.len()), block: usize::MAX, starts_block: true, heading: false };
    let (mut facts, _) = extract_sentences(doc, std::slice::from_ref(&line), lex);
    // A span of time in a title frames the report ("the Seven Months 2024
    // Results"), and a figure of nothing named is no headline.
    facts.facts.retain(|f| {
        f.unit != Unit::Year
            && f.what.is_some()
            && !body.iter().any(|b| title_rounding(f.unit.dimension(), f.value, f.approx, b).is_some())
    });
    for f in &mut facts.facts {
        f.headline = true;
    }
    facts.facts
}

/// How far `fact` is from a title's figure of `dimension`, if close enough
/// for the title to round it ("22,000 bottles" for 22,150, "over 4 tons"
/// for 4,300 kg). A title's lower bound rounds further up ("over a tonne"
/// for 1.2 tonnes).
fn title_rounding(dimension: Dimension, title: f64, approx: Option<Approx>, fact: &Fact) -> Option<f64> {
    let off = ((title - fact.value) / fact.value).abs();
    let bound = approx == Some(Approx::Over) && fact.value >= title && fact.value <= title * TITLE_BOUND_ROUNDING;
    (fact.unit.dimension() == dimension && fact.value > 0.0 && (off <= TITLE_ROUNDING || bound)).then_some(off)
}

/// `surface` (a span of `read`) ended where `text` goes on with the letters
/// of a word `read` joined across a line break: "812 kilo-⏎grams", whose
/// "kilograms" is padded with spaces in `read`, is quoted whole, not as
/// "812 kilo-⏎gra".
fn whole_words(surface: Span, read: &str, text: &str) -> Span {
    let (read, text) = (read.as_bytes(), text.as_bytes());
    let letter = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphabetic);
    let mut end = surface.end;
    if letter(read.get(end.wrapping_sub(1))) && read.get(end) == Some(&b' ') {
        while letter(text.get(end)) {
            end += 1;
        }
    }
    Span::new(surface.start, end)
}

/// The facts of the sentences, and whether the title states a figure none
/// of them does.
fn extract_sentences(doc: &CleanDoc, sentences: &[Sentence], lex: &Lexicon) -> (Extraction, bool) {
    // Read without Markdown emphasis; quoted as written.
    let read = crate::clean::blank_emphasis(&doc.text);
    // (And a word a line break hyphenated, "co-⏎caine", read whole.)
    let known = |w: &str| {
        lex.substances.get(w).is_some()
            || lex.units.get(w).is_some()
            || lex.events.get(w).is_some()
            || lex.counted.get(w).is_some()
    };
    let read = match crate::clean::join_hyphenated(&read, &known) {
        Some(joined) => std::borrow::Cow::Owned(joined),
        None => read,
    };
    let read_slice = |span: Span| span.slice(&read).unwrap_or("");
    let mut builder = FrameBuilder::new(sentences, lex);
    let mut title_figures: Vec<(Dimension, f64, Option<Approx>)> = Vec::new();
    if let Some(title) = doc.meta.title.as_deref().filter(|_| !doc.meta.title_inferred) {
        let a = analyze(title, lex);
        title_figures = a.quantities.iter().map(|q| (q.unit.dimension(), q.value, q.approx)).collect();
        builder.add_title(&a);
    }
    let mut retained: Option<Vec<Analysis>> = if sentences.len() <= RETAINED_SENTENCES {
        Some(
            sentences
                .iter()
                .map(|s| {
                    let a = analyze(read_slice(s.span), lex);
                    builder.add(s, &a);
                    a
                })
                .collect(),
        )
    } else {
        for s in sentences {
            builder.add(s, &analyze(read_slice(s.span), lex));
        }
        None
    };
    let frame = builder.finish(doc);

    let mut facts = Vec::new();
    let mut period_state = frame.frame;
    // The period the last sentence that named one framed itself in.
    let mut last_framed: Option<Period> = None;
    // The last single day named, for "the same day".
    let mut earlier_day: Option<Period> = None;
    // The period and the agency the article's body names first: its news.
    let mut lead_period: Option<Period> = None;
    let mut lead_agent: Option<String> = None;
    // The day the lead's news happened on, when a later sentence dates it
    // (the lead's period stays the one the paragraphs after go back to).
    let mut lead_day: Option<Period> = None;
    // Where the facts of the last sentence with any start in `facts`.
    let mut last_sentence_facts = 0;
    // The last sentence that told of a haul (a mass of a drug named there,
    // seized or otherwise handled): what "the drugs" later speak of again.
    let mut haul_sentence: Option<Span> = None;
    // The place and locality the last sentence that placed a figure named.
    let mut place_state: Option<(String, Option<String>)> = None;
    // The last region named where something happened ("seized a record 236
    // tons in East and Southeast Asia"), which "the region" names again.
    let mut region_named: Option<String> = None;
    // The drug of the things the article has counted, by their noun and
    // event ("deaths", casualty: narcotics).
    let mut counted_drugs: HashMap<(String, Option<Event>), String> = HashMap::new();
    // The drug last counted in each dosage form or packing ("pills": the
    // Captagon of "1.2 million Captagon pills and 400 kg of hashish").
    let mut form_drugs: HashMap<String, String> = HashMap::new();
    let mut carry = Carry::default();
    // The period of the latest figure of each material event: "the street
    // value of the destroyed narcotics" is of the day they were destroyed,
    // not of the arrests the sentence before dates.
    let mut event_periods: Vec<(Event, Period)> = Vec::new();
    // The span of the figures dated one by one since the last undated one.
    let mut dated_items: Option<(Period, Dimension)> = None;
    // In a list opened by a sentence ending in a colon ("…and seized:"),
    // whose items continue that sentence.
    let mut in_list = false;
    // The sentence that opened the list being read ("…investigators seized:").
    let mut list_lead: Option<Span> = None;
    // The drugs named by the sentence, or the list, just read.
    let mut drugs_named: Vec<String> = Vec::new();
    let mut in_figures = false;
    // The sentence before asked a question, which this one answers.
    let mut asked = false;
    let mut table_header: Option<Span> = None;
    let mut table_rows_period: Option<Period> = None;
    for (i, sentence) in sentences.iter().enumerate() {
        if doc.blocks.get(sentence.block).is_some_and(|b| b.kind == BlockKind::Table) {
            // A table's first row is its header; the others give its facts.
            let anchor =
                Anchor { article_year: frame.year, date: frame.date, fiscal: frame.fiscal, ..Anchor::default() };
            match table_header.filter(|_| !sentence.starts_block) {
                None => {
                    table_header = Some(sentence.span);
                    let body: Vec<Span> =
                        sentences[i + 1..].iter().take_while(|s| !s.starts_block).map(|s| s.span).collect();
                    table_rows_period = table::label_periods(&doc.text, &body, &anchor, lex);
                }
                Some(header) => {
                    let ctx = table::TableContext {
                        caption: caption_of(doc, sentence.block, lex),
                        title: doc.meta.title.as_deref(),
                        rows_period: table_rows_period,
                        anchor,
                        frame: frame.frame,
                        place: frame.place.clone(),
                        agent: carry.agent.clone(),
                    };
                    let to_file = |s: Span| doc.map.to_original(s);
                    facts.extend(table::row_facts(&doc.name, &doc.text, header, sentence.span, &ctx, lex, &to_file));
                }
            }
            continue;
        }
        let mut analysed;
        let a = match &mut retained {
            Some(all) => &mut all[i],
            None => {
                analysed = analyze(read_slice(sentence.span), lex);
                &mut analysed
            }
        };
        // "a home at Liverpool" in a story set in New South Wales, "the
        // department of Colón" in one in Honduras: the town of that name in
        // the story's country.
        if let Some(story) = place_state.as_ref().map(|(c, _)| c).or(frame.place.as_ref()) {
            for p in &mut a.places {
                if p.tag.value != *story && lex.is_homonym_in(p.homonym_name(&a.scan), story) {
                    p.tag.value.clone_from(story);
                }
            }
        }
        let a = &*a;
        if sentence.heading {
            period_state = frame.frame;
            last_framed = None;
            dated_items = None;
            event_periods.clear();
        }
        // Key figures listed one per line go on from the first ("Total
        // drugs seized: 6,472 kg", "Cocaine: 1,980 kg"); not a topic's label
        // before a sentence of its own ("Use: an estimated 4.6 million
        // adults used cocaine").
        let labelled = context::label_end(&a.scan).is_some_and(|k| !a.is_determiner(k + 1));
        // Parallel items: the event goes on, each names its own drug.
        let parallel = labelled && in_figures && !a.continuation && !in_list;
        // "How many people have you arrested?" then "More than 700 people
        // so far this year": an answer goes on from its question.
        let continuation = a.continuation || in_list || parallel || asked;
        // (A question with no verb of its own, "What's the price of a
        // kilo?", gives its answer nothing to go on with.)
        asked =
            !a.events.is_empty() && a.scan.text.trim_end().trim_end_matches(['*', '_', '"', '\u{201d}']).ends_with('?');
        let list_item = in_list;
        if !list_item {
            drugs_named.clear();
        }
        let item_lead = list_lead.filter(|_| list_item);
        // The sentence before in the paragraph.
        let previous = i.checked_sub(1).map(|j| &sentences[j]).filter(|s| s.block == sentence.block).map(|s| s.span);
        // The sentence before, in this paragraph or the one before.
        let prior = i.checked_sub(1).map(|j| sentences[j].span);
        in_figures = labelled;
        let last = a.scan.text.trim_end().chars().last();
        in_list = match last {
            Some(':') => true,
            Some(';' | ',') => in_list,
            _ => in_list && sentence.starts_block && !matches!(last, Some('.' | '!' | '?')),
        };
        list_lead = match last {
            Some(':') => Some(sentence.span),
            _ => list_lead.filter(|_| in_list),
        };
        let background = period_state.zip(lead_period).filter(|(state, lead)| state.last_day() < lead.first_day());
        // A paragraph that goes on about "the haul" or "the drugs" after one
        // on a past year's totals ("more than 1 billion pills were seized
        // last year") is back on the news: a year's total is no haul.
        let back_to_lead = a.definite_subject
            && background.is_some_and(|(state, _)| (state.last_day() - state.first_day()).get_days() >= AGGREGATE_DAYS);
        // "Hong Kong Customs seized… on September 27." then "In Singapore,
        // the Central Narcotics Bureau seized…": a paragraph on another
        // place by another agency is another story, which the day before
        // (even the lead's) does not date.
        let another_story = sentence.starts_block
            && !continuation
            && a.places.iter().any(|p| p.here && place_state.as_ref().is_some_and(|(s, _)| *s != p.tag.value))
            && a.agencies.iter().any(|t| carry.agent.as_ref().is_some_and(|ag| *ag != t.value))
            && period_state.is_some_and(|p| (p.last_day() - p.first_day()).get_days() < STORY_DAYS);
        if another_story {
            period_state = None;
            last_framed = None;
        }
        // "In the largest single operation, officers in Vlora uprooted 11,400
        // plants on June 12." then a paragraph "Police also seized 1.1 tonnes
        // … in the port of Durrës": a paragraph at another town than the
        // day's operation is not that operation's; it is the lead's period
        // (a span the day fell in) that goes on.
        let other_town = || {
            let day_town = place_state.as_ref().and_then(|(_, town)| town.as_ref());
            day_town.is_some_and(|t| a.places.iter().any(|p| p.here && p.locality.as_ref().is_some_and(|l| l != t)))
        };
        let lead_span = lead_period
            .filter(|lead| lead.days() > i64::from(STORY_DAYS) && period_state.is_some_and(|s| lead.contains(&s)));
        if sentence.starts_block
            && !continuation
            && !another_story
            && lead_span.is_some()
            && period_state.is_some_and(|s| s.days() <= i64::from(STORY_DAYS))
            && other_town()
        {
            period_state = lead_span;
            last_framed = lead_span;
        }
        if sentence.starts_block && (!continuation || back_to_lead) {
            // A place carries within a paragraph, and into one that goes on
            // ("The haul…"); a new one starts from the article's. So does a
            // period of the past, before the lead's: "Last year, 1.1 billion
            // pills were seized." does not date the next paragraph's "Three
            // men were arrested."
            if !continuation {
                place_state = None;
            }
            if background.is_some() {
                // The background paragraph is over: its period and its
                // agency ("the ONCB reported…") give way to the lead's.
                period_state = lead_period;
                last_framed = lead_period;
                carry.agent = lead_agent.clone();
            }
        }
        let mut anchor = Anchor {
            article_year: frame.year,
            state: period_state,
            frame: None,
            earlier_day,
            latest_year: years_in(a).max(),
            date: frame.date,
            fiscal: agency_fiscal(a).or(frame.fiscal),
        };
        anchor.frame = a
            .periods
            .iter()
            .filter(|m| {
                m.role == Role::Frame
                    && !matches!(m.expr, Expr::YearsBefore { .. } | Expr::SamePeriod(_) | Expr::SameFiscalPeriod(_))
            })
            .find_map(|m| m.expr.resolve(&anchor));
        // "The Assam Rifles recovered 4.2 lakh tablets in the last week of
        // March. Since 2021, more than 5,000 kg of drugs have been seized off
        // the coast": a paragraph's passive total over years of its own is
        // no deed of the agency whose story of days came before (a total of
        // "this year" after a spokesman's story may be).
        let passive_total = sentence.starts_block
            && anchor.frame.is_some_and(|p| p.start.year < p.end.year)
            && period_state.is_some_and(|s| s.days() <= i64::from(STORY_DAYS))
            && a.events
                .iter()
                .any(|e| e.verb && e.tag.start > 0 && a.scan.is_any(e.tag.start - 1, &["was", "were", "been"]));
        // "In Rotterdam, customs intercepted 23 tonnes, compared with 59.1
        // tonnes a year earlier" after a sentence on 2024: a sentence naming
        // no period of its own goes on in the last one named.
        if anchor.frame.is_none() {
            anchor.frame = last_framed;
        }

        let whats: Vec<What> = {
            let mut out: Vec<What> = Vec::with_capacity(a.quantities.len());
            for q in &a.quantities {
                // "…have shut down 47 drug laboratories. Last year, police
                // dismantled 38.": a bare count that ends its sentence right
                // after its verb counts what the sentence before counted.
                let elided = q.pre > 0
                    && a.events.iter().any(|e| e.verb && e.tag.end == q.pre)
                    && (q.end == a.scan.len() || a.scan.is_punct(q.end, '.') && q.end + 1 == a.scan.len());
                let inherited = out
                    .iter()
                    .rev()
                    .find(|w| w.head.is_some())
                    .cloned()
                    .or_else(|| context::leading_partitive(a))
                    .or_else(|| carry.count.clone().filter(|_| continuation || elided));
                let mut w = context::what_of(a, q, inherited.as_ref());
                // "…compared with $1,500 in Colombia": a figure with no noun
                // after it is the one it is compared with.
                let own_noun = w.np.is_some_and(|(s, _)| s >= q.end);
                if w.text.is_none() || !own_noun {
                    if let Some((i, t)) = context::compared_what(a, q, a.quantities.iter().zip(&out)) {
                        w.text = Some(t);
                        w.compares = Some(i);
                    }
                }
                if w.text.is_none() {
                    w.text = context::share_of_them(a, q, a.quantities.iter().zip(&out))
                        .or_else(|| context::parallel_what(a, q, a.quantities.iter().zip(&out)))
                        .or_else(|| context::set_off_rate(a, q, a.quantities.iter().zip(&out)))
                        .or_else(|| context::ranked_what(a, q));
                }
                context::changed_what(a, q, &mut w, a.quantities.iter().zip(&out));
                out.push(w);
            }
            out
        };
        // Each figure's phrase, and where the figure starts.
        let taken: Vec<((usize, usize), usize)> =
            whats.iter().zip(&a.quantities).filter_map(|(w, q)| w.extent.map(|e| (e, q.start))).collect();
        let mut sentence_facts: Vec<Fact> = Vec::with_capacity(a.quantities.len());
        let mut local_substances: Vec<Option<Option<String>>> = Vec::with_capacity(a.quantities.len());
        for (q, what) in a.quantities.iter().zip(&whats) {
            // At most the five things a fact can carry.
            let mut carried = Vec::with_capacity(5);
            // ("Customs estimated the methamphetamine had a street value of
            // NZ$195 million and could have caused NZ$424 million in harm": a
            // subject before both sums is both sums'.)
            let money = q.unit.dimension() == Dimension::Money;
            let shared = |r: (usize, usize), owner: usize| money && r.1 <= owner && r.1 <= q.start;
            let others: Vec<(usize, usize)> = taken
                .iter()
                .filter(|&&(r, owner)| Some(r) != what.extent && !shared(r, owner))
                .map(|&(r, _)| r)
                .collect();
            // "…11.3 tonnes of cocaine, compared with 8.9 tonnes": a figure
            // standing for an earlier one is of that one's drug.
            let local_substance = match what.compares.and_then(|i| local_substances.get(i)) {
                Some(Some(Some(s))) => Some(Some(s.clone())),
                _ => context::substance_of(a, q, what, &others),
            };
            // "4,350 tonnes of marijuana were taken out of the market, with
            // an estimated value of US$130 million": the figure a worth
            // values, named just before its phrase.
            let valued = what.extent.filter(|_| q.unit.dimension() == Dimension::Money).and_then(|(s, _)| {
                let j = a.quantities.iter().take(sentence_facts.len()).rposition(|p| p.end < s && s <= p.end + 2)?;
                Some(&sentence_facts[j]).filter(|f| f.unit.dimension() != Dimension::Money)
            });
            let event = what
                .changes
                .and_then(|i| sentence_facts.get(i).and_then(|f| f.event))
                .or_else(|| what.compares.and_then(|i| sentence_facts.get(i).and_then(|f| f.event)))
                .or_else(|| context::event_of(a, q, what))
                .or_else(|| valued.and_then(|f| f.event))
                // "brought 900 kg of crystal meth, 290,000 synthetic pills
                // and 60 bricks of heroin": a figure listed after another
                // with no verb of its own befell what the one before did.
                .or_else(|| {
                    let f = sentence_facts.get(context::previous_in_list(a, q, what)?)?;
                    if f.carried.iter().any(|c| c == "event") {
                        carried.push("event");
                    }
                    f.event
                })
                .or_else(|| {
                    // "Two men were arrested. The drugs were packed in 1,000
                    // tea bags": things counted were not arrested.
                    // A noun no table lists ("11 rooms") is a thing too.
                    let last_word = || what.text.as_deref().and_then(|t| t.rsplit(' ').next());
                    let things = match what.head.as_deref() {
                        Some(h) => !lex.is_people_noun(h),
                        None => last_word().is_some_and(|w| !lex.is_people_noun(w)),
                    };
                    // "…could have been consumed by around 6 million people":
                    // the doers of the sentence's own verb.
                    let doers = q.unit == Unit::Count && q.pre > 0 && a.scan.is(q.pre - 1, "by");
                    // "The operation involved about 150 police officers":
                    // the enforcers counted were not seized nor arrested.
                    let enforcers = q.unit == Unit::Count
                        && what.head.as_deref().is_some_and(|h| lex.grammar.personnel.get(h).is_some());
                    // ("The street value of the synthetic drugs was…": a sum
                    // is of the drugs, and what befell them.)
                    let sum = q.unit.dimension() == Dimension::Money;
                    let e = match carry.event {
                        _ if doers || enforcers => None,
                        // (A sum is not worth an arrest: "No arrests have
                        // been made. The cocaine is worth €600 million".)
                        Some(e) if (!is_material_event(e) || sum) && q.unit != Unit::Count => {
                            carry.drug_event.or(Some(e).filter(|&e| !sum || is_material_event(e)))
                        }
                        Some(Event::Arrest | Event::Prosecution) if things => carry.drug_event,
                        None if q.unit != Unit::Count => carry.drug_event,
                        e => e,
                    }
                    .filter(|_| continuation);
                    // "Belgium (111 tonnes), the Netherlands (51 tonnes)…": a
                    // bare mass in a sentence naming no drug and no event is
                    // of the drugs before, and what befell them; so is a bare
                    // area ("The VRAEM valley remains the largest growing
                    // area, with 36,718 hectares").
                    let bare_mass = matches!(q.unit.dimension(), Dimension::Mass | Dimension::Area)
                        && what.text.is_none()
                        && a.substances.is_empty()
                        && a.events.is_empty();
                    // "…said the drugs were worth about Shs60 million": the
                    // value of the drugs before, and what befell them.
                    let valued_drugs = q.unit.dimension() == Dimension::Money && a.drugs_before;
                    // "Customs at Le Havre alone accounted for 10 tonnes of
                    // the cocaine": a part of the drug before, and what befell it.
                    let part_of_the = q.unit.dimension() == Dimension::Mass
                        && a.scan.is(q.end, "of")
                        && a.scan.is(q.end + 1, "the")
                        && a.substances.iter().any(|t| t.start == q.end + 2);
                    // "About 420 000 mandrax tablets were among the drugs":
                    // so is a figure of things among them.
                    let among_the = {
                        let k = what.np.map_or(q.end, |np| np.1.max(q.end));
                        a.scan.is_any(k, &["was", "were", "is", "are"])
                            && a.scan.is(k + 1, "among")
                            && (a.substances.iter().map(|t| t.start).chain(a.anaphors.iter().map(|r| r.0)))
                                .any(|s| s == k + 2 || s == k + 3 && a.is_determiner(k + 2))
                    };
                    let part_of_the = part_of_the || among_the;
                    // "One container held 1,999.58 kg of heroin" after the
                    // seizure: a drug's weight in a sentence naming no event
                    // is of the event before.
                    // ("On board were 120 bales of hashish": so is a count
                    // of the drug's packs.)
                    let packs = q.unit == Unit::Count
                        && what.head.as_deref().is_some_and(|h| lex.grammar.drug_forms.get(h).is_some());
                    let drug_mass = (q.unit.dimension() == Dimension::Mass || packs)
                        && !a.substances.is_empty()
                        && a.events.is_empty();
                    let e = e.or(carry.drug_event.filter(|_| bare_mass || valued_drugs || part_of_the || drug_mass));
                    if e.is_some() {
                        carried.push("event");
                    }
                    e
                })
                .unwrap_or(Event::Other);
            let drug_form = what.head.as_deref().is_some_and(|h| lex.grammar.drug_forms.get(h).is_some());
            let event = match event {
                // "coca crops covering 95,008 hectares": land under a crop is
                // its cultivation unless a verb says otherwise ("eradicated",
                // "vowed to eradicate").
                Event::Other
                    if q.unit.dimension() == Dimension::Area
                        && !a.substances.is_empty()
                        && !a.events.iter().any(|e| e.only_object == Some(q.pre))
                        && !context::is_counterfactual(a, q) =>
                {
                    Event::Production
                }
                // "removed 31,205 hectares of illegal coca crops": land under
                // a crop is not seized but cleared; land in a sentence with
                // no verb of seizing is where the crop grows ("Most of the
                // haul was cannabis gathered in the Chui Valley, where hemp
                // grows across some 138,000 hectares").
                Event::Seizure if q.unit.dimension() == Dimension::Area && !a.substances.is_empty() => {
                    if a.events.iter().any(|e| e.verb && e.tag.value == Event::Seizure) {
                        Event::Destruction
                    } else {
                        Event::Production
                    }
                }
                // "arrested two suspects with 18 kilos of Ice", "detained three
                // men transporting 100 bricks of heroin": drugs taken with the
                // people arrested were seized.
                Event::Arrest if q.unit.dimension() == Dimension::Mass || drug_form => Event::Seizure,
                // "Three crew members were captured", "two Colombians and
                // one Ecuadorian were captured": people taken are arrested.
                Event::Seizure
                    if q.unit == Unit::Count
                        && (what.head.as_deref().is_some_and(|h| lex.is_people_noun(h))
                            || quantity::is_nationals(&a.scan, q.end, lex)) =>
                {
                    Event::Arrest
                }
                // "His deputy received 11 years": a prison term.
                _ if q.unit == Unit::Year && q.pre > 0 && a.listed(q.pre - 1, &lex.grammar.term_verbs) => {
                    Event::Prosecution
                }
                // "The seizure saved 6 million people from drug abuse, … the
                // street value of the drugs at Rp 1.8 trillion": the value
                // of the drugs before is of what befell them, not of the
                // other clause's verb.
                // ("Police estimate the cocaine has a street value of…": so
                // is "the" drug named before.)
                // ("Authorities estimated the value of the shipment at…": so
                // is the lot told of before.)
                Event::Other
                    if q.unit.dimension() == Dimension::Money
                        && (a.drugs_before && local_substance.is_none()
                            || what.extent.is_some_and(|(s, e)| {
                                let the = (s.saturating_sub(1)..=s).any(|k| a.scan.is(k, "the"));
                                the && e > s && a.listed(e - 1, &lex.grammar.lot_nouns)
                            })
                            || local_substance.as_ref().is_some_and(|s| {
                                s.is_some()
                                    && *s == carry.substance.clone().flatten()
                                    && a.substances
                                        .iter()
                                        .any(|t| t.value == *s && t.start > 0 && a.scan.is(t.start - 1, "the"))
                            })) =>
                {
                    match carry.drug_event {
                        Some(e) => {
                            carried.push("event");
                            e
                        }
                        None => Event::Other,
                    }
                }
                // "NDLEA intercepted 1.2 million pills… the consignment was
                // shipped from Karachi and has a street value of N1.8
                // billion": the worth of the lot seized, however it came.
                Event::Trafficking
                    if q.unit.dimension() == Dimension::Money
                        && matches!(carry.drug_event, Some(Event::Seizure | Event::Destruction))
                        && what.extent.is_some_and(|(s, e)| {
                            let the = (s.saturating_sub(1)..=s).any(|k| a.scan.is(k, "the"));
                            the && e > s && (a.drugs_before || a.listed(e - 1, &lex.grammar.lot_nouns))
                        }) =>
                {
                    carried.push("event");
                    carry.drug_event.unwrap_or(Event::Seizure)
                }
                e => e,
            };
            // "The operation, carried out with the Navy and the Air Force,
            // led to the arrest of five…": agencies named only as helpers
            // helped the one before.
            let helpers_only = !a.agencies.is_empty() && a.agencies.iter().all(|t| a.is_helper(t));
            // "Federal prosecutors said the drugs had an estimated street
            // value of $7.3 million", "Police estimate the cocaine has a street
            // value of…": of what befell the drugs before, an agency that
            // only speaks is the source, not who acted.
            // ("Police Narcotics Bureau (PNB) officers said": past its
            // acronym and its people.)
            let speaker = |t: &context::Tagged<String>| {
                let k = a.name_end(t);
                a.scan.phrase_at(&lex.grammar.reporting, k).is_some()
                    || a.scan.is_any(k, &["estimate", "estimates", "estimated"])
            };
            // (Who acted is one that enforces: not a court named since.)
            let enforcer = carry.agent.as_deref().is_some_and(|ag| crate::vocab::ENFORCEMENT.contains(&ag));
            // ("PNB officers said the street value of the haul was…": so is
            // a seizure spoken of again with no verb of its own.)
            let told_before = carried.contains(&"event") || a.anaphora && !a.events.iter().any(|e| e.verb);
            let spoken_of = told_before && !a.agencies.is_empty() && a.agencies.iter().all(speaker);
            let other_speaker = a.agencies.iter().all(|t| Some(&t.value) != carry.agent.as_ref());
            let helped = carry.agent.clone().filter(|_| helpers_only || spoken_of && enforcer && other_speaker);
            if helped.is_some() {
                carried.push("agent");
            }
            let agent = helped
                .or_else(|| context::agent_of(a, q, what, event))
                .or_else(|| defined_agency(a, &frame.acronyms).filter(|_| is_enforcement(event)))
                .or_else(|| {
                    // ("Most of the haul, 870 kg, was…": so is one told of
                    // again with no verb of its own.)
                    // (An enforcer's: not the agency that reports on
                    // seizures, "…accounted for 70 per cent of the seizures".)
                    let told_again = a.anaphora && !a.events.iter().any(|e| e.verb) && enforcer;
                    let of_the_seizure =
                        (a.definite_subject || told_again) && matches!(event, Event::Seizure | Event::Destruction);
                    // (An event carried over is the agent's carried over.)
                    let same_event = carried.contains(&"event");
                    // ("The court sentenced him to 18 years … His accomplice
                    // received 12 years": the court that sentenced goes on.)
                    let sentenced = event == Event::Prosecution && carry.agent.as_deref() == Some("court");
                    if let Some(ag) = carry.agent.clone().filter(|_| {
                        continuation || sentenced || !passive_total && (a.actor_before || of_the_seizure || same_event)
                    }) {
                        carried.push("agent");
                        return Some(ag);
                    }
                    // A release's agency seized or stopped what it reports
                    // (not what was grown or taken, nor who was sentenced).
                    let acts =
                        matches!(event, Event::Seizure | Event::Destruction | Event::Arrest | Event::Trafficking);
                    let released = frame.publisher.clone().filter(|_| acts);
                    let ag = frame.interviewee.clone().or(released);
                    if ag.is_some() {
                        carried.push("agent");
                    }
                    ag
                })
                // (Nor is a speaker that enforces nothing, such as prosecutors.)
                .filter(|ag| !spoken_of || crate::vocab::ENFORCEMENT.contains(&ag.as_str()));
            // "Authorities seized 236 tons, an increase of 24 per cent,
            // according to the UNODC": a change is of the figure it changes,
            // whose agent it keeps.
            let changed = what.changes.and_then(|i| sentence_facts.get(i));
            let agent =
                changed.and_then(|f| f.agent.clone()).or(agent).or_else(|| valued.and_then(|f| f.agent.clone()));
            // "were each fined $600,000 in the Westmoreland Parish Court": a
            // penalty is given where its court sits.
            let court = (event == Event::Prosecution).then(|| context::court_place(a, q)).flatten();
            let (place, locality) = match context::place_of(a, q, what) {
                Some(Some(p)) if court.as_ref().is_some_and(|(c, l)| *c == p.tag.value && l.is_some()) => {
                    (Some(p.tag.value.clone()), court.and_then(|(_, l)| l))
                }
                // "190 tons in East Asia in 2023, an increase of 24%": a
                // change is where the figure it changes is.
                _ if changed.is_some() && !context::place_in_clause(a, q) => {
                    changed.map(|f| (f.place.clone(), f.locality.clone())).unwrap_or_default()
                }
                // "Humberside Police said the plants…" after "…in Hull": the
                // town of the story, within the agency's country.
                Some(Some(p))
                    if p.home && place_state.as_ref().is_some_and(|(c, l)| *c == p.tag.value && l.is_some()) =>
                {
                    carried.push("place");
                    place_state.clone().map(|(c, l)| (Some(c), l)).unwrap_or_default()
                }
                // "Member States reported 1,085 seizures" in a report on the
                // European Union: the Union's.
                Some(None)
                    if a.members && region_named.as_ref().is_some_and(|r| lex.grammar.unions.get(r).is_some()) =>
                {
                    carried.push("place");
                    (region_named.clone(), None)
                }
                // "Dakar, 14 October 2025 (APS) - Customs seized 1,137 kg of
                // cocaine in the Moussala area": where the story was filed is
                // not where the sentence says, by a name no table knows, the
                // figure was.
                Some(p) => {
                    let filed = a.dateline_end().filter(|&d| p.is_some_and(|p| p.tag.end <= d));
                    let elsewhere = filed.is_some_and(|d| a.names_unknown_place(d + 1, a.scan.len()));
                    let locality = p.filter(|_| !elsewhere).and_then(|p| context::locality_of(a, q, p));
                    (p.map(|p| p.tag.value.clone()), locality)
                }
                None => {
                    carried.push("place");
                    // ("Ketamine seizures in the region…": the last region
                    // named, else the article's own area.)
                    let region = a
                        .scan
                        .has_any(&lex.grammar.region_anaphora)
                        .then(|| region_named.clone().or_else(|| frame.place.clone()))
                        .flatten();
                    match (&place_state, region) {
                        (_, Some(region)) => (Some(region), None),
                        (Some((place, locality)), None) => (Some(place.clone()), locality.clone()),
                        (None, None) => (frame.place.clone(), None),
                    }
                }
            };
            let period =
                context::period_of(a, q, what, &anchor).or_else(|| changed.and_then(|f| f.period)).or_else(|| {
                    carried.push("period");
                    let year = frame.year.map(Period::year);
                    let valued_goods = q.unit.dimension() == Dimension::Money && a.anaphora && is_material_event(event);
                    // (A finer period within the event's is that event's day,
                    // and the day of a story just told is its own: "On 3
                    // March 2018, police seized 8 tonnes. The drugs were worth…")
                    let story = period_state.is_some_and(|s| s.days() <= i64::from(STORY_DAYS));
                    let of_event = event_periods
                        .iter()
                        .find(|(e, _)| *e == event)
                        .map(|&(_, p)| p)
                        .filter(|p| !story && !period_state.is_some_and(|s| p.contains(&s)));
                    // ("NCA officers intercepted the drugs … in April 2024. With
                    // a potential street value of around £280 million, it is
                    // one of the largest…": a worth naming no thing is of the
                    // lot just told, whatever the tense.)
                    // (Not a price: "The pills are sold for 50 to 100 baht each".)
                    let lot_worth = q.unit.dimension() == Dimension::Money
                        && is_material_event(event)
                        && what.extent.is_none()
                        && what.text.as_deref().is_some_and(|t| t.contains("value"));
                    // "whose trade was estimated at $10 billion a year": a
                    // yearly rate is of no week told before.
                    let yearly = context::yearly_rate_end(&a.scan, q.end).is_some();
                    let shorter = period_state.is_some_and(|s| s.days() < 365);
                    // "…accounted for 70 per cent of the seizures" after a
                    // sentence on another year's market: a share of the
                    // events told before is of their period.
                    let share_of_told = q.unit == Unit::Percent
                        && a.scan.is(q.end, "of")
                        && a.scan.is(q.end + 1, "the")
                        && a.events.iter().any(|e| !e.verb && e.tag.start == q.end + 2 && e.tag.value == event);
                    match of_event.filter(|_| valued_goods || share_of_told) {
                        Some(p) => Some(p),
                        None if yearly && shorter => year,
                        None if a.present && !a.anaphora && !lot_worth => year,
                        None => period_state.or(year),
                    }
                });
            let (clause_lo, _) = a.clause(q.start);
            let total = a.totals.iter().any(|&t| t < q.start && (t >= clause_lo || t <= 1));
            // "$" in an Australian figure, "pesos" in a Philippine one.
            let unit = match (&q.currency_word, &place) {
                (Some(word), Some(p)) => lex.local_currency(word, p).map_or(q.unit, Unit::Money),
                _ => q.unit,
            };
            let surface = whole_words(a.scan.span(q.start, q.end).shift(sentence.span.start), &read, &doc.text);
            let span = doc.map.to_original(surface);
            local_substances.push(local_substance);
            sentence_facts.push(Fact {
                doc: doc.name.clone(),
                span,
                text: doc.slice(surface).to_owned(),
                value: q.value,
                value_max: q.value_max,
                unit,
                what: (event == Event::Casualty)
                    .then(|| context::casualty_what(a, q, what))
                    .flatten()
                    .or_else(|| (event == Event::Other).then(|| context::condition_what(a, q, what)).flatten())
                    .or_else(|| what.text.clone())
                    .or_else(|| substance_word(a, q, what))
                    .map(|w| match event {
                        Event::Other => context::with_use(a, q, w),
                        _ => context::with_event(lex, w, unit, event),
                    }),
                substance: None,
                substances: Vec::new(),
                event: Some(event),
                agent,
                place,
                locality,
                period,
                approx: q.approx,
                sentence: doc.slice(sentence.span).to_owned(),
                sentence_span: doc.map.to_original(sentence.span),
                total,
                carried: carried.into_iter().map(str::to_owned).collect(),
                rule: q.rule.to_owned(),
                background: false,
                headline: false,
                lead_in: item_lead.map(|s| doc.slice(s).to_owned()),
            });
        }

        // Substances: a fact whose sentence names none for it takes those of
        // the sentence's other facts when it is about drugs, else the text before.
        let sentence_substance = one_substance(local_substances.iter().filter_map(|s| s.as_ref()).flatten());
        // "seized 1.2 crore pills": a count of a drug's dosage form.
        let dosage = |w: &What| w.np.is_some_and(|np| np.1 > np.0 && a.listed(np.1 - 1, &lex.grammar.drug_forms));
        let people = |w: &What| w.np.is_some_and(|np| a.names_people(np));
        // "The number of seizures … rose to 91 000": seizures counted.
        let seizures = |w: &What| {
            w.text.as_deref().is_some_and(|t| {
                t.split(' ')
                    .any(|x| lex.counted.get(x).and_then(|e| e.value().cloned().flatten()) == Some(Event::Seizure))
            })
        };
        // The drug last counted in the form a figure counts ("18 million
        // pills"), weighs one of ("Each brick weighed around 350 grams") or
        // values ("The seized tablets are worth Tk 9 crore").
        let form_of = |w: &What| {
            let head = w.np.or(w.extent).filter(|np| np.1 > np.0).map(|(_, e)| a.word_lower(e - 1))?;
            form_drugs.get(head).or_else(|| form_drugs.get(&format!("{head}s")))
        };
        // A period of totals: long, and named (not the article's year, which
        // any undated figure takes).
        let of_totals = |p: Period| {
            (p.last_day() - p.first_day()).get_days() >= AGGREGATE_DAYS && Some(p) != frame.year.map(Period::year)
        };
        for ((f, local), w) in sentence_facts.iter_mut().zip(&local_substances).zip(&whats) {
            let people_of_totals = list_item
                && f.unit == Unit::Count
                && matches!(f.event, Some(Event::Arrest | Event::Prosecution))
                && people(w)
                && f.period.is_some_and(of_totals);
            // "sentenced to 24 years … for conspiracy to import class A drugs"
            // in a story of a cocaine plot: a penalty's drugs in general are
            // the case's drug.
            let case_drug = carry.substance.clone().flatten().filter(|s| s != "narcotics");
            // (So are the charges of the people of the case: "Four men have
            // been charged with importing … a border-controlled drug".)
            let penalty = f.event == Some(Event::Prosecution)
                && (f.unit != Unit::Count || people(w) && !f.period.is_some_and(of_totals));
            // "seized 90 kilograms of finished product, 1.5 tons of
            // precursors…": the drug named before, not the sentence's.
            let anaphoric = w.extent.is_some_and(|(s, e)| a.anaphors.iter().any(|&(t, u)| t >= s && u <= e));
            f.substance = match local {
                Some(Some(s)) if s == "narcotics" && penalty && case_drug.is_some() => {
                    f.carried.push("substance".to_owned());
                    case_drug
                }
                Some(s) => s.clone(),
                None if anaphoric && case_drug.is_some() => {
                    f.carried.push("substance".to_owned());
                    // ("Investigators seized 86 kilograms of the finished
                    // drug" after the laboratory's sentence: searched with
                    // the sentence that named it.)
                    if f.lead_in.is_none() {
                        f.lead_in = previous.map(|s| doc.slice(s).to_owned());
                    }
                    case_drug
                }
                // "…purity of cocaine rose 40%, while its price remained
                // stable at €60": a drug's measure is of the sentence's drug.
                // (Not the value of "the drugs" before: that is theirs.)
                None if sentence_substance.is_some()
                    && !(f.unit.dimension() == Dimension::Money && a.drugs_before)
                    && (f.event.is_some_and(is_drug_event)
                        || w.text.as_deref().is_some_and(|t| is_drug_attribute(t, lex))) =>
                {
                    sentence_substance.clone()
                }
                // "- 5,612 suspects arrested", an item in a list of a year's
                // figures after "- 38 kg of cocaine intercepted": no drug's
                // arrests.
                None if people_of_totals && a.substances.is_empty() => None,
                None if a.substances.is_empty()
                    && matches!(f.unit.dimension(), Dimension::Mass | Dimension::Money)
                    && form_of(w).is_some() =>
                {
                    f.carried.push("substance".to_owned());
                    form_of(w).cloned()
                }
                None if continuation && !parallel
                    || a.anaphora
                    || a.substances.is_empty() && w.text.as_deref().is_some_and(|t| is_drug_attribute(t, lex)) =>
                {
                    f.carried.push("substance".to_owned());
                    // ("Customs officers at Bittou seized…" then "The haul is
                    // worth…": searched with the sentence that told of it,
                    // when it names no place of its own; past a sentence
                    // on the arrests between.)
                    if (a.anaphora || a.definite_subject) && f.lead_in.is_none() && !a.places.iter().any(|p| p.here) {
                        f.lead_in = haul_sentence.or(prior).map(|s| doc.slice(s).to_owned());
                    }
                    carry.substance.clone().flatten().or_else(|| a.drugs_before.then(|| "narcotics".to_owned()))
                }
                // "Belgium (111 tonnes), the Netherlands (51 tonnes)…" after
                // a sentence about cocaine: a mass (or pills, or seizures) seized or
                // smuggled in a sentence that names no drug is of the drug
                // named before; so is land cultivated, or a share of it
                // ("when 232,000 hectares were cultivated"), and land cleared
                // ("Most of the eradication took place in Ucayali (9,800
                // hectares)").
                None if a.substances.is_empty()
                    && ((f.unit.dimension() == Dimension::Mass
                        || f.unit == Unit::Count && (dosage(w) || seizures(w)))
                        && f.event.is_some_and(|e| matches!(e, Event::Seizure | Event::Trafficking))
                        || f.event == Some(Event::Production) && f.unit != Unit::Count
                        || f.event == Some(Event::Destruction) && f.unit.dimension() == Dimension::Area) =>
                {
                    // "…thwarted the smuggling of more than 18 million pills":
                    // the drug counted in pills before, else the last drug.
                    let s = form_of(w).cloned().or_else(|| carry.substance.clone().flatten());
                    if s.is_some() {
                        f.carried.push("substance".to_owned());
                    }
                    s
                }
                // "Five people were arrested in São Paulo" after a cocaine
                // seizure: the people of a drug case are held for its drug
                // (not those of a list of a year's figures, above). So are
                // their penalties: "He was also fined $50,000". So are a
                // case's ("…following his conviction for possession with
                // intent to distribute methamphetamine").
                None if a.substances.is_empty()
                    && (f.unit == Unit::Count
                        && matches!(f.event, Some(Event::Arrest | Event::Prosecution))
                        && people(w)
                        || f.event == Some(Event::Prosecution)
                            && matches!(f.dimension(), Dimension::Money | Dimension::Duration)
                            && w.text.as_deref().is_none_or(|t| lex.grammar.money_nouns.get(t).is_none()))
                    && !people_of_totals
                    && (carry.drug_event.is_some_and(is_material_event) || carry.event == Some(Event::Prosecution)) =>
                {
                    let s = carry.substance.clone().flatten();
                    if s.is_some() {
                        f.carried.push("substance".to_owned());
                    }
                    s
                }
                // "Glasgow had the highest rate, at 38 deaths per 100,000"
                // after a sentence on drug deaths: a rate of the same deaths.
                None if a.substances.is_empty()
                    && f.event == Some(Event::Casualty)
                    && carry.event == Some(Event::Casualty)
                    && w.text.as_deref().is_some_and(|t| t.contains(" per ")) =>
                {
                    let s = carry.substance.clone().flatten();
                    if s.is_some() {
                        f.carried.push("substance".to_owned());
                    }
                    s
                }
                None => None,
            };
            if local.is_some() {
                let mix = context::mix_of(a, w);
                if mix.first() == f.substance.as_ref() {
                    f.substances = mix;
                }
            }
        }

        // "Customs alone accounted for 37 tonnes of that total": a weight
        // with no noun of its own, of a drug carried in, weighs that drug;
        // so does "2.3 tonnes of the drug", of the one drug named before,
        // and "86 kilograms of the finished drug" a laboratory made.
        let mut named_drugs: Vec<(usize, String)> = Vec::new();
        for (i, (f, w)) in sentence_facts.iter_mut().zip(&whats).enumerate() {
            // ("moving around 80 kilos a week": a bare rate, of that drug.)
            let rate = f.what.as_deref().filter(|t| t.starts_with("per ")).map(str::to_owned);
            let bare = (f.what.is_none() || rate.is_some()) && f.is_carried("substance");
            let anaphoric = w.np.is_some_and(|(s, e)| {
                let generic = e == s + 1
                    && s > 0
                    && a.is_determiner(s - 1)
                    && lex.grammar.generic_nouns.get(a.scan.lower(s)).is_some();
                generic || a.anaphors.contains(&(s, e))
            });
            if f.unit == Unit::Kg && (bare || anaphoric) {
                if let Some(s) = f.substance.clone().filter(|s| s != "narcotics") {
                    f.what = Some(rate.map_or_else(|| s.clone(), |r| format!("{s} {r}")));
                    named_drugs.push((i, s));
                }
            }
        }
        // "…seized about 1,250 kg of the drug, a 40 percent increase": the
        // change is in the drug so named, not in "drug" ("increase in
        // cocaine seized").
        for (i, drug) in named_drugs {
            let Some(old) = whats[i].text.as_deref() else { continue };
            let infix = format!(" in {old}");
            for (f, w) in sentence_facts.iter_mut().zip(&whats) {
                let Some(t) = f.what.as_mut().filter(|_| w.changes == Some(i)) else { continue };
                let at = t.find(&infix).filter(|&at| matches!(t[at + infix.len()..].chars().next(), None | Some(' ')));
                if let Some(at) = at {
                    t.replace_range(at + " in ".len()..at + infix.len(), &drug);
                }
            }
        }

        // "Deaths involving synthetic opioids (mostly fentanyl) dropped from
        // 76,282 in 2023 to 48,422 in 2024": figures of the same thing are of
        // the same drug; "followed by opioids (60 million users)" names a
        // class of its own. So is a rate of them ("409 deaths, a rate of 8.1
        // per 100,000 population").
        let same_thing = |before: &Option<String>, after: &Option<String>| match (before, after) {
            (Some(b), Some(t)) => t == b || t.strip_prefix("rate of ").is_some_and(|r| r.starts_with(b.as_str())),
            _ => false,
        };
        // So is a bare weight after another ("One container held 1,999.58
        // kg of heroin and the other 988.64 kg").
        for i in 1..sentence_facts.len() {
            if sentence_facts[i].substance.is_none() && local_substances[i].is_none() {
                let bare = whats[i].text.is_none() && sentence_facts[i].unit.dimension() == Dimension::Mass;
                let same = (0..i).rev().find(|&j| {
                    sentence_facts[j].substance.is_some()
                        && if bare {
                            sentence_facts[j].unit.dimension() == Dimension::Mass
                        } else {
                            same_thing(&whats[j].text, &whats[i].text)
                        }
                });
                if let Some(j) = same {
                    sentence_facts[i].substance = sentence_facts[j].substance.clone();
                }
            }
        }
        // A change in an earlier figure is about that figure's substance.
        // ("81,083 Americans died of a drug overdose …, a decrease of
        // nearly 27 percent": the change in what the figure came to measure.)
        for (i, w) in whats.iter().enumerate() {
            if let Some(from) = w.changes.filter(|&from| from < i) {
                sentence_facts[i].substance = sentence_facts[from].substance.clone();
                let (Some(was), Some(now)) = (whats[from].text.as_deref(), sentence_facts[from].what.clone()) else {
                    continue;
                };
                if let Some(change) = sentence_facts[i].what.as_deref().and_then(|t| t.strip_suffix(was)) {
                    if was != now {
                        sentence_facts[i].what = Some(format!("{change}{now}"));
                    }
                }
            }
        }

        // "Deaths fell to 48,422 from 76,282" in a sentence on 2024: where a
        // change starts measures what it reaches, a year before when the
        // figure reached is of a year, a fiscal year or some months of one (a
        // shorter period may be compared with the one just before it).
        for (i, w) in whats.iter().enumerate() {
            let Some(j) = context::change_reached(a, i) else {
                continue;
            };
            if w.np.is_none() && sentence_facts[j].what.is_some() {
                sentence_facts[i].what = sentence_facts[j].what.clone();
                sentence_facts[i].substance = sentence_facts[j].substance.clone();
            } else if sentence_facts[j].what.is_none() {
                // ("declined by 10 per cent, from 45,200 hectares in 2024 to
                // 40,100 hectares": the figure reached measures what the
                // change started from, when nothing nearer says.)
                sentence_facts[j].what = sentence_facts[i].what.clone();
            }
            let reached = sentence_facts[j].period.filter(|p| p.days() >= MIN_YEAR_ON_YEAR_DAYS);
            if let Some(p) = reached.filter(|_| !context::names_own_period(a, &a.quantities[i], w)) {
                sentence_facts[i].period = Some(p.shift_years(-1));
                sentence_facts[i].carried.retain(|c| c != "period");
            }
        }

        // "seized 907 kg of mephedrone in Bhopal, worth Rs 1,814 crore": the
        // worth of the amount before it is where that amount is, when its own
        // clause names no place.
        for (i, q) in a.quantities.iter().enumerate() {
            let worth = q.pre > 0 && a.listed(q.pre - 1, &lex.grammar.worth_verbs);
            if !worth || !matches!(q.unit, Unit::Money(_)) || context::place_in_clause(a, q) {
                continue;
            }
            let valued = (0..i).rev().find(|&j| !matches!(a.quantities[j].unit, Unit::Money(_)));
            if let Some(j) = valued.filter(|&j| sentence_facts[j].place == sentence_facts[i].place) {
                sentence_facts[i].locality = sentence_facts[j].locality.clone();
            }
        }

        // "Glasgow City had the highest number of deaths, with 274" after
        // "1,017 drug misuse deaths": things counted by a bare noun the
        // article has counted before, in the same event, are of that drug.
        for f in &mut sentence_facts {
            let bare = f.what.as_deref().filter(|t| f.unit == Unit::Count && !t.contains(' '));
            if let Some(noun) = bare.filter(|_| f.substance.is_none() && a.substances.is_empty()) {
                if let Some(s) = counted_drugs.get(&(noun.to_owned(), f.event)) {
                    f.substance = Some(s.clone());
                    f.carried.push("substance".to_owned());
                }
            }
        }
        for (f, w) in sentence_facts.iter().zip(&whats).filter(|(f, _)| f.unit == Unit::Count) {
            if let (Some(what), Some(s)) = (f.what.as_deref().filter(|t| !t.contains(" in ")), &f.substance) {
                let noun = w.head.as_deref().unwrap_or_else(|| what.rsplit(' ').next().unwrap_or(what));
                counted_drugs.insert((noun.to_owned(), f.event), s.clone());
            }
            // ("yaba pills", "bricks of heroin")
            let last =
                w.np.filter(|&(s, e)| e > s && a.listed(e - 1, &lex.grammar.drug_forms))
                    .map(|(_, e)| a.word_lower(e - 1));
            let head = w.head.as_deref().filter(|h| lex.grammar.drug_forms.get(h).is_some());
            if let (Some(form), Some(s)) = (last.or(head), f.substance.as_ref().filter(|s| *s != "narcotics")) {
                form_drugs.insert(form.to_owned(), s.clone());
            }
        }

        // "2 kilos each of heroin and cocaine": a figure per drug.
        if a.quantities.iter().any(|q| a.scan.is(q.end, "each")) {
            sentence_facts = sentence_facts
                .into_iter()
                .zip(a.quantities.iter().zip(&whats))
                .flat_map(|(f, (q, w))| each_of(a, q, w, f))
                .collect();
        }

        // "In total, more than 7.6 tonnes of hashish were seized in these
        // three operations" after items dated one by one: a stated total
        // that names no period of its own covers the items' dates.
        let sums_items = a.anaphora || a.totals.iter().any(|&t| t <= 1);
        for f in sentence_facts.iter_mut() {
            let carried_period = f.is_carried("period");
            let dimension = f.unit.dimension();
            match dated_items {
                // ("The total value of the opiate economy" after "995 tonnes,
                // down from 1,080 tonnes in 2023" sums no items: a whole
                // year's figure is none, nor one of another dimension.)
                Some((items, of))
                    if f.total
                        && carried_period
                        && sums_items
                        && of == dimension
                        && items.days() < DATED_ITEMS_DAYS
                        && f.period != Some(items) =>
                {
                    f.period = Some(items);
                }
                _ if carried_period => {}
                _ => dated_items = f.period.map(|p| (join_dated(dated_items.map(|(items, _)| items), p), dimension)),
            }
        }

        // What the next sentence may carry over.
        // (A step of a case dates only itself: "pleaded guilty in June 2025".)
        let case_step = a.scan.has_any(&lex.grammar.case_steps);
        let found = a
            .periods
            .iter()
            .filter(|m| m.role == Role::Frame && !a.retrospective && !case_step)
            .find_map(|m| m.expr.resolve(&anchor).map(|p| (m, p)));
        // ("Most of the cocaine was found at Le Havre, where 10 tonnes were
        // intercepted in a single operation in March. Customs also seized 78
        // tonnes…": a date in a relative clause within the period told dates
        // that part alone.)
        // ("The lab's organiser … distributed the drugs …, earning about $1.5
        // million over the past year. Seven members of the group have been
        // detained": a participle's clause after a comma dates its own
        // figures, not the story that goes on.)
        let opener = found.and_then(|(m, _)| (0..m.toks.start).rev().find(|&k| a.scan.is_punct(k, ','))).map(|c| c + 1);
        let aside = opener.is_some_and(|k| a.scan.is_any(k, &["where", "which", "who"]));
        let participial = opener.is_some_and(|k| {
            let w = a.word_lower(k);
            w.ends_with("ing") && w.len() > 5 && lex.grammar.framing_participles.get(w).is_none()
        });
        let found = found.map(|(_, p)| p).filter(|_| !participial);
        // ("Customs seized 1,250 kg of cocaine in 2024. The largest single
        // seizure, 442 kg, was made in May. Customs also seized 2.3 tonnes…":
        // a superlative's case within the period told dates itself alone.)
        let superlative = a.scan.is(0, "the") && a.scan.phrase_at(&lex.grammar.comparison_superlatives, 1).is_some();
        let detail = (aside || superlative) && found.is_some_and(|p| period_state.is_some_and(|s| s.contains(&p)));
        if let Some(p) = found {
            if !detail {
                period_state = Some(p);
            }
            last_framed = Some(p);
        }
        // (A sentence's first figure of an event is its news; those after it
        // may be baselines: "fell to 995 tons, down from 1,080 tons in 2024".)
        // (Nor is the past before the lead's news: "The ONCB said 1 billion
        // pills were seized last year. The haul was worth…")
        let mut dated_here: Vec<Event> = Vec::new();
        let past = |p: &Period| lead_period.is_some_and(|lead| p.last_day() < lead.first_day());
        for f in sentence_facts.iter().filter(|_| !detail) {
            let period = f.period.filter(|p| !past(p));
            if let (Some(event), Some(period)) = (f.event.filter(|&e| is_material_event(e)), period) {
                if !dated_here.contains(&event) {
                    dated_here.push(event);
                    event_periods.retain(|(e, _)| *e != event);
                    event_periods.push((event, period));
                }
            }
        }
        if let Some(day) = found.filter(|p| p.start == p.end && p.start.day.is_some()) {
            earlier_day = Some(day);
        }
        // The lead's period is the first one named, or the article's own
        // when its first figures name none ("Spanish police have seized 13
        // tonnes…" before "The previous record was … in 2018").
        if lead_period.is_none() && !a.retrospective {
            lead_period = found.or_else(|| sentence_facts.iter().find_map(|f| f.period));
        }
        // (The first of regions listed together, "in West and Central Africa
        // and the Sahel", heads them.)
        if let Some(r) = a.places.iter().find(|p| p.here && lex.is_region(&p.tag.value)) {
            region_named = Some(r.tag.value.clone());
        }
        if let Some(f) = sentence_facts.iter().find(|f| f.place.is_some()) {
            place_state = f.place.clone().map(|p| (p, f.locality.clone()));
        } else if sentence_facts.is_empty() && !a.international {
            // "Portugal decriminalised all drugs in 2001. Since then, its
            // death rate…": a sentence with no figure that opens on a place
            // (and names no other) moves the paragraph there. (Its town
            // only when it names no other: "In Delhi and Noida" is India.)
            let mut here = a.places.iter().filter(|p| p.here);
            let opens = |p: &context::PlaceMention| (0..p.tag.start).all(|k| a.scan.is_any(k, &["in", "the"]));
            if let Some(first) = here.next().filter(|p| opens(p)) {
                let rest: Vec<&context::PlaceMention> = here.collect();
                if rest.iter().all(|p| p.tag.value == first.tag.value) {
                    let town = first.locality.clone().filter(|t| rest.iter().all(|p| p.locality.as_ref() == Some(t)));
                    place_state = Some((first.tag.value.clone(), town));
                }
            }
        }
        // The drugs the sentence weighs, if it weighs any: "the seizure of
        // 13.9 tons of cocaine … dealt a blow of over $450 million to drug
        // trafficking organizations" goes on about the cocaine.
        let weighed = sentence_facts.iter().any(|f| f.unit == Unit::Kg && f.substance.is_some());
        let substances = sentence_facts.iter().filter(|f| !weighed || f.unit == Unit::Kg);
        let substance = match one_substance(substances.filter_map(|f| f.substance.as_ref())) {
            Some(s) => Some(Some(s)),
            None => a.substances.first().map(|t| t.value.clone()),
        };
        let next = Carry {
            // (A court that tried the people of a case did not act in its
            // next sentence: "…to face Parramatta Local Court after the AFP
            // seized 750 kilograms".)
            agent: sentence_facts
                .iter()
                .filter_map(|f| f.agent.clone())
                .find(|ag| !a.venues.iter().any(|v| v.value == *ag))
                .or_else(|| a.agencies.iter().find(|t| !a.is_helper(t)).map(|t| t.value.clone())),
            substance,
            // A list's lead ("…arrested 27 suspects and seized:") gives its
            // items the verb before the colon.
            event: a
                .events
                .iter()
                .filter(|e| in_list && e.verb)
                .max_by_key(|e| e.tag.end)
                .map(|e| e.tag.value)
                .or_else(|| sentence_facts.first().and_then(|f| f.event))
                .or_else(|| a.events.iter().map(|e| e.tag.value).min_by_key(|e| lex.event_rank(*e))),
            drug_event: None,
            count: whats.iter().rev().find(|w| w.head.is_some()).cloned(),
        };
        // "Three men have been charged after police found 1.2 tonnes": the
        // sentence's first material event, even after one about people;
        // first that of a mass of drugs ("dismantled 14 laboratories and
        // seized 96 kg of mephedrone": the drugs were seized).
        let material = |f: &&Fact| f.event.is_some_and(is_material_event);
        let drug_event = (sentence_facts.iter().filter(material).find(|f| f.dimension() == Dimension::Mass))
            .or_else(|| sentence_facts.iter().find(material))
            .and_then(|f| f.event)
            .or(next.event.filter(|e| is_material_event(*e)))
            .or(carry.drug_event);
        // "Police recovered 105 kg of heroin. The consignment was smuggled
        // from Pakistan via drones. The heroin is worth…": seized drugs were
        // trafficked before; a sentence with no figure telling how does not
        // change what befell them last.
        let retold = a.quantities.is_empty()
            && drug_event == Some(Event::Trafficking)
            && matches!(carry.drug_event, Some(Event::Seizure | Event::Destruction));
        let (next, drug_event) =
            if retold { (Carry { event: carry.event, ..next }, carry.drug_event) } else { (next, drug_event) };
        if !a.quantities.is_empty() || !a.agencies.is_empty() || !a.substances.is_empty() || !a.events.is_empty() {
            // A substance stays in the air until another is named; "the drugs"
            // in a sentence without figures ("…said the drugs were found in a
            // container"), or with figures of people only ("Four men were
            // charged with possession of illicit drugs"), are the ones named
            // before.
            // ("…saved around 6 million people from drug abuse": so are
            // people counted, whatever befell them.)
            let people = |w: &What| w.head.as_deref().is_some_and(|h| lex.is_people_noun(h));
            let of_people_only = sentence_facts
                .iter()
                .zip(&whats)
                .all(|(f, w)| f.event.is_some_and(|e| e.is_of_people()) || f.unit == Unit::Count && people(w));
            let generic = of_people_only
                && next.substance.as_ref().is_some_and(|s| s.as_deref() == Some("narcotics"))
                && carry.substance.as_ref().is_some_and(Option::is_some);
            let carried_drug = carry.substance.clone().flatten();
            let substance = next.substance.clone().filter(|s| s.is_some() && !generic).or(carry.substance.take());
            // "seized 5 kg of heroin and 3 kg of cocaine", or a list of
            // them one per line: what goes on is the drugs together. ("The
            // drugs were found along with 16 kilograms of ecstasy": so is
            // the drug spoken of again with another.)
            let again = carried_drug.filter(|_| a.drugs_before && drugs_named.is_empty());
            for drug in
                again.iter().map(String::as_str).chain(sentence_facts.iter().filter_map(|f| f.substance.as_deref()))
            {
                if drug != "narcotics" && drug != PRECURSORS && !drugs_named.iter().any(|d| d == drug) {
                    drugs_named.push(drug.to_owned());
                }
            }
            // ("seizing 62 litres of amphetamine base and 300 kg of
            // precursors. Officers detained three men": the case is the
            // drug's, not the chemicals'.)
            let precursors_last = substance.as_ref().is_some_and(|s| s.as_deref() == Some(PRECURSORS));
            let drug_here = |d: &String| sentence_facts.iter().any(|f| f.substance.as_ref() == Some(d));
            let substance = match drugs_named.as_slice() {
                [drug] if precursors_last && drug_here(drug) => Some(Some(drug.clone())),
                [] | [_] => substance,
                _ => Some(Some("narcotics".to_owned())),
            };
            // A heading ("Seizures by substance") names no new agency, nor
            // does a sentence that names none ("A man was arrested", "Each
            // brick weighed 1.2 kg"), or names one only as a helper ("The
            // driver was turned over to HSI").
            let keeps_agent = sentence.heading || a.agencies.iter().all(|t| a.is_helper(t));
            let agent = next.agent.clone().or_else(|| carry.agent.take().filter(|_| keeps_agent));
            carry = Carry { substance, agent, drug_event, ..next };
            if lead_agent.is_none() {
                lead_agent = carry.agent.clone();
            }
        }
        // "Customs found 8,000 kilos of cocaine…, the OM said on Tuesday.
        // The drugs … were discovered during a check on September 24": a
        // seizure the sentence before dated by the year alone was the
        // finding this one dates.
        // ("Two men have been jailed … for a plot to smuggle 3.5 tonnes of
        // cocaine into the UK. NCA officers intercepted the drugs … in April
        // 2024": the drugs smuggled were seized then, before the year the
        // article only defaulted to.)
        let finding = a.anaphora && a.events.iter().any(|e| e.verb && e.tag.value == Event::Seizure);
        // ("Earlier this month, the navy seized 1.6 tonnes of
        // methamphetamine, the biggest such seizure": a seizure of its own
        // drug dates that drug alone.)
        let own_drugs: Vec<&str> = sentence_facts
            .iter()
            .filter(|f| f.event == Some(Event::Seizure))
            .filter_map(|f| f.substance.as_deref().filter(|&s| s != "narcotics"))
            .collect();
        if let Some(day) = found.filter(|p| finding && p.days() <= FOUND_DAY_DAYS) {
            let article_year = frame.year.map(Period::year);
            let of_its_drug =
                |f: &Fact| own_drugs.is_empty() || f.substance.as_deref().is_some_and(|s| own_drugs.contains(&s));
            for f in facts[last_sentence_facts..].iter_mut().filter(|f| of_its_drug(f)) {
                let undated = f.is_carried("period")
                    && f.period.is_some_and(|p| {
                        p != day && (p.contains(&day) || Some(p) == article_year && day.last_day() < p.first_day())
                    });
                let smuggled = f.event == Some(Event::Trafficking)
                    && f.dimension() == Dimension::Mass
                    && f.substance.as_deref().is_some_and(|s| s != "narcotics");
                if undated && (f.event == Some(Event::Seizure) || smuggled) {
                    if lead_period == f.period {
                        lead_day = Some(day);
                    }
                    if smuggled {
                        f.event = Some(Event::Seizure);
                        f.carried.push("event".to_owned());
                    }
                    f.period = Some(day);
                }
            }
        }
        if !sentence_facts.is_empty() {
            last_sentence_facts = facts.len();
        }
        let told_haul = |f: &Fact| {
            f.dimension() == Dimension::Mass && f.event.is_some_and(is_material_event) && !f.is_carried("substance")
        };
        if sentence_facts.iter().any(told_haul) {
            haul_sentence = Some(sentence.span);
        }
        facts.extend(sentence_facts);
    }
    value_before_its_drug(&mut facts);
    // Background: what ended before the lead's period and before the
    // article's date, unless it is one event of the last days before that
    // date, which are its news ("yesterday evening", "on Sunday"); a total
    // ending then is background still ("between January and February").
    if let Some(lead) = lead_day.or(lead_period) {
        let date = frame.date;
        let news_from = date.map(|d| d.saturating_sub(jiff::Span::new().days(NEWS_DAYS)));
        for f in &mut facts {
            f.background = f.period.is_some_and(|p| {
                let total = (p.last_day() - p.first_day()).get_days() >= AGGREGATE_DAYS;
                let before = |d: Option<jiff::civil::Date>| d.is_none_or(|d| p.last_day() < d);
                p.last_day() < lead.last_day() && before(date) && (total || before(news_from))
            });
        }
    }
    // The figures the title states, as headlines round them: of those close
    // to one, the closest ("1.2 tonnes" is the 1,200 kg, not 1.1 tonnes).
    let mut title_only = false;
    for &(dimension, title, approx) in &title_figures {
        let off = |f: &Fact| title_rounding(dimension, title, approx, f);
        let Some(closest) = facts.iter().filter_map(off).min_by(f64::total_cmp) else {
            title_only = true;
            continue;
        };
        for f in &mut facts {
            if off(f).is_some_and(|o| o <= closest) {
                f.headline = true;
            }
        }
    }
    let year_inferred = doc.meta.date.is_none() && frame.year.is_some();
    (Extraction { facts, year: frame.year, year_inferred }, title_only)
}

/// "…the cocaine had an estimated street value of $690 million" before the
/// text tells how the cocaine was found: a live blog runs newest first, and a
/// value of "the" drug no earlier figure weighs is of what befalls it after.
fn value_before_its_drug(facts: &mut [Fact]) {
    for i in 0..facts.len() {
        let f = &facts[i];
        let Some(drug) = f.substance.as_deref().filter(|s| *s != "narcotics") else { continue };
        let valued = f.dimension() == Dimension::Money
            && f.event == Some(Event::Other)
            && f.what.as_deref().is_some_and(|w| w.contains("value"))
            && f.sentence.to_lowercase().contains(&format!("the {drug}"));
        let weighed_before = || {
            facts[..i].iter().any(|g| g.substance.as_deref() == Some(drug) && g.event.is_some_and(is_material_event))
        };
        if !valued || weighed_before() {
            continue;
        }
        let after = facts[i + 1..]
            .iter()
            .find(|g| g.substance.as_deref() == Some(drug) && g.event.is_some_and(is_material_event))
            .and_then(|g| g.event);
        if let Some(e) = after {
            facts[i].event = Some(e);
            facts[i].carried.push("event".to_owned());
        }
    }
}

/// How far a title's figure may round the text's: a tenth or so either way.
const TITLE_ROUNDING: f64 = 0.12;

/// How far above a title's lower bound the text's figure may be: "over a
/// tonne" for up to 1.5 tonnes.
const TITLE_BOUND_ROUNDING: f64 = 1.5;

/// The facts of a figure stated once for several drugs ("2 kilos each of
/// heroin and cocaine", "500 grams each of cocaine, heroin and meth"): one
/// per drug its phrase names, with the figure's span; `fact` alone otherwise.
fn each_of(a: &Analysis, q: &Quantity, what: &What, fact: Fact) -> Vec<Fact> {
    if !(a.scan.is(q.end, "each") && a.scan.is(q.end + 1, "of")) {
        return vec![fact];
    }
    // The drugs of the list the phrase after "each of" opens ("heroin,
    // cocaine and meth").
    let start = what.extent.map_or(q.end + 2, |(s, _)| s);
    let after: Vec<&Tagged<Option<String>>> = a.substances.iter().filter(|t| t.start >= start).collect();
    let groups = context::list_groups(a, &after);
    let Some(list) = groups.first().filter(|g| (start..g[0].start).all(|k| a.scan.is_word(k))) else {
        return vec![fact];
    };
    let mut named: Vec<(&str, usize, usize)> = Vec::new();
    for t in list {
        if let Some(v) = t.value.as_deref().filter(|v| *v != "narcotics" && !named.iter().any(|n| n.0 == *v)) {
            named.push((v, t.start, t.end));
        }
    }
    if named.len() < 2 {
        return vec![fact];
    }
    named
        .into_iter()
        .map(|(substance, start, end)| Fact {
            what: Some(a.phrase_text(start, end)),
            substance: Some(substance.to_owned()),
            substances: Vec::new(),
            ..fact.clone()
        })
        .collect()
}

/// The longest paragraph that may caption the table after it by naming it.
const CAPTION_BYTES: usize = 300;

/// The line that names the table of block `table`: a heading right before
/// it, or a paragraph before it that ends in a colon or, short, names a
/// table ("Table 2. Seizures (kg)", "The table below shows drugs seized each
/// year, in kilograms") or opens on the unit of its numbers ("Pounds of
/// drugs seized at the Southwest land border, by fiscal year").
fn caption_of<'d>(doc: &'d CleanDoc, table: usize, lex: &Lexicon) -> Option<&'d str> {
    let before = doc.blocks.get(table.checked_sub(1)?)?;
    let text = doc.slice(before.span).trim();
    let short = text.len() <= CAPTION_BYTES;
    let words = || text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    // ("The table below shows drugs seized each year, in kilograms.")
    let about_table = short && words().any(|w| w.eq_ignore_ascii_case("table"));
    let unit_opens = || {
        let mut words = words();
        let (Some(first), Some(second)) = (words.next(), words.next()) else { return false };
        let unit = lex.units.get(&first.to_lowercase()).and_then(|e| e.value().map(|d| d.unit));
        unit.is_some_and(|u| !matches!(u, Unit::Count | Unit::Year)) && second.eq_ignore_ascii_case("of")
    };
    let names_it = before.kind == BlockKind::Heading || text.ends_with(':') || about_table || short && unit_opens();
    names_it.then_some(text)
}

/// The one substance `names` agree on, "narcotics" when they differ, `None`
/// when there is none.
///
/// Precursors named beside a drug are what it was made from: "seized 90 kg
/// of amphetamine and 1.5 tons of precursors" is the amphetamine's case.
pub(crate) fn one_substance<'s>(names: impl IntoIterator<Item = &'s String>) -> Option<String> {
    let mut drug: Option<&String> = None;
    let (mut mixed, mut precursors) = (false, false);
    for s in names {
        match drug {
            _ if s == PRECURSORS => precursors = true,
            None => drug = Some(s),
            Some(d) => mixed |= d != s,
        }
    }
    match drug {
        Some(_) if mixed => Some("narcotics".to_owned()),
        Some(d) => Some(d.clone()),
        None => precursors.then(|| PRECURSORS.to_owned()),
    }
}

/// The substance name of drug precursors (shared/CONTRACT.md).
const PRECURSORS: &str = "precursors";

/// True for the events that concern drugs themselves (not "other").
fn is_drug_event(e: Event) -> bool {
    !matches!(e, Event::Other | Event::Casualty)
}

/// True for the acts of law enforcement, which an agency does itself (who
/// produced or smuggled is not the agency that reported it).
fn is_enforcement(e: Event) -> bool {
    matches!(e, Event::Seizure | Event::Destruction | Event::Arrest | Event::Prosecution)
}

/// True for the events that befall the drugs as goods, which a carried mass
/// or sum takes over one about people ("Three crew members were arrested.
/// The cocaine was worth $90 million": the seizure's value).
fn is_material_event(e: Event) -> bool {
    matches!(e, Event::Seizure | Event::Destruction | Event::Production | Event::Trafficking)
}

/// For a mass with no phrase of its own, the substance word of its clause,
/// else of its sentence.
fn substance_word(a: &Analysis, q: &Quantity, what: &What) -> Option<String> {
    if what.np.is_some() || q.unit != crate::vocab::Unit::Kg {
        return None;
    }
    // ("Ketamine seizures rose to 3.2 tons, while methamphetamine remained
    // the most commonly seized drug at 14.1 tons": the drug of its clause.)
    let (lo, hi) = a.clause(q.start);
    let named = || a.substances.iter().filter(|t| t.value.as_deref().is_some_and(|v| v != "narcotics"));
    named().find(|t| t.start >= lo && t.end <= hi).or_else(|| named().next()).map(|t| a.phrase_text(t.start, t.end))
}

#[cfg(test)]
mod tests;
