//! Context: what a quantity measures, and its substance, event, agency, place
//! and period — from its own words, then its clause, then its sentence, then
//! the text before it (marked as carried over).
//!
//! Attachment is by grammar, not by the nearest word: "443 kg of heroin,
//! 3,477 kg of marijuana, and over 103 kg of opium" gives each quantity the
//! substance of its own "of" phrase, and "903 kg 454 grams are heroin" the
//! substance after its verb. Clauses are cut at commas, semicolons, colons,
//! brackets and spaced dashes.

use super::period::{Anchor, Mention as PeriodMention, Period, Role};
use super::quantity::Quantity;
use super::scan::Scan;
use crate::lexicon::Lexicon;
use crate::vocab::{Dimension, Event, Unit};

/// A lexicon mention in a sentence: tokens `start..end` and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagged<V> {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// What it means.
    pub value: V,
}

/// A place mention and whether it says where the sentence's facts happened.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    /// The mention.
    pub tag: Tagged<String>,
    /// False for origins, destinations, nationalities and possessives inside
    /// the sentence ("from Iran", "citizens of Iran", "Armenia's occupation").
    pub here: bool,
}

/// Everything the context rules read from one sentence.
#[derive(Debug)]
pub struct Analysis<'a> {
    /// The tokens.
    pub scan: Scan<'a>,
    /// Quantities kept as facts.
    pub quantities: Vec<Quantity>,
    /// Period expressions.
    pub periods: Vec<PeriodMention>,
    /// Substance mentions (`None`: a drug class without a canonical name).
    pub substances: Vec<Tagged<Option<String>>>,
    /// Agency mentions.
    pub agencies: Vec<Tagged<String>>,
    /// Place mentions.
    pub places: Vec<PlaceMention>,
    /// Event words.
    pub events: Vec<Tagged<Event>>,
    /// Token indices that cut clauses.
    pub bounds: Vec<usize>,
    /// Opens with a continuation ("Of these", "Additionally").
    pub continuation: bool,
    /// Points back to earlier text ("these confiscations", "this period").
    pub anaphora: bool,
    /// Its verbs are in the present tense.
    pub present: bool,
    /// Speaks of the world, not one country ("worldwide", "various nations").
    pub international: bool,
    /// Tokens that mark a stated total.
    pub totals: Vec<usize>,
}

/// Function words that end a noun phrase.
const NP_STOP: &[&str] = &[
    "in",
    "at",
    "on",
    "from",
    "to",
    "by",
    "with",
    "during",
    "for",
    "into",
    "through",
    "via",
    "against",
    "over",
    "under",
    "between",
    "since",
    "after",
    "before",
    "as",
    "than",
    "per",
    "across",
    "along",
    "among",
    "within",
    "without",
    "near",
    "toward",
    "towards",
    "around",
    "while",
    "whereas",
    "but",
    "because",
    "although",
    "though",
    "were",
    "was",
    "are",
    "is",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "should",
    "did",
    "do",
    "does",
    "which",
    "that",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "including",
    "compared",
    "according",
    "up",
    "out",
    "down",
    "off",
    "also",
    "not",
    "only",
    "just",
    "so",
    "then",
    "there",
    "here",
    "it",
    "they",
    "he",
    "she",
    "we",
    "its",
    "amounted",
    "worth",
    "valued",
    "totaling",
    "totalling",
    "or",
];
/// Words dropped from the front of a noun phrase and from inside `what`.
const DETERMINERS: &[&str] =
    &["the", "a", "an", "these", "those", "this", "its", "their", "his", "her", "our", "such", "some", "all", "any"];
/// Leading phrases dropped from a noun phrase ("different types of narcotic drugs").
const VAGUE_LEADS: &[&[&str]] = &[
    &["different", "types", "of"],
    &["various", "types", "of"],
    &["different", "kinds", "of"],
    &["various", "kinds", "of"],
    &["various"],
    &["different"],
    &["large", "amounts", "of"],
    &["large", "quantities", "of"],
];
/// Container nouns: "168 cases of illegal cultivation" is written
/// "illegal cultivation cases" in `what` when the complement is short.
const CONTAINERS: &[&str] = &["cases", "types", "kinds", "incidents", "instances", "episodes", "facts"];
/// Nouns that make a money quantity's `what`.
const VALUE_NOUNS: &[&str] = &[
    "value", "worth", "revenue", "revenues", "cost", "costs", "price", "income", "profit", "profits", "proceeds",
    "turnover", "budget", "fine", "fines", "funding", "damage",
];

impl<'a> Analysis<'a> {
    /// The clause holding token `k`: `(first token, one past the last)`.
    pub fn clause(&self, k: usize) -> (usize, usize) {
        let lo = self.bounds.iter().rev().find(|&&b| b < k).map_or(0, |&b| b + 1);
        let hi = self.bounds.iter().find(|&&b| b >= k).copied().unwrap_or(self.scan.len());
        (lo, hi.max(lo))
    }

    fn word_lower(&self, k: usize) -> String {
        self.scan.lower(k)
    }

    fn is_stop(&self, k: usize) -> bool {
        let w = self.word_lower(k);
        NP_STOP.contains(&w.as_str())
    }

    /// A word that acts as a verb here: in -ed followed by no noun ("drugs
    /// seized"), or in -ing followed by an object ("confiscating over 1.5 tons").
    fn is_verbal(&self, k: usize) -> bool {
        let w = self.word_lower(k);
        if w.ends_with("ed") && w.len() > 4 {
            let next_is_noun = self.scan.is_word(k + 1)
                && !self.is_stop(k + 1)
                && !self.scan.is(k + 1, "and")
                && !self.scan.is(k + 1, "of");
            return !next_is_noun;
        }
        if w.ends_with("ing") && w.len() > 5 {
            let next = self.word_lower(k + 1);
            return self.scan.is_number(k + 1)
                || ["the", "a", "an", "over", "more", "about", "approximately", "some", "nearly", "up"]
                    .contains(&next.as_str());
        }
        false
    }

    /// The noun phrase starting at token `start`: `(first, one past last)`.
    ///
    /// After a count (`count`), a word in -ed that is not a known participle
    /// adjective is the count's verb ("184 involved shipments"), so there is no
    /// phrase; and the phrase ends after its counted noun unless "of" follows
    /// ("3 cases narcotic groups were identified" → "cases").
    pub fn np_after(&self, start: usize, lex: &Lexicon, count: bool) -> Option<(usize, usize)> {
        let mut k = start;
        while self.scan.is_word(k) && DETERMINERS.contains(&self.word_lower(k).as_str()) {
            k += 1;
        }
        for lead in VAGUE_LEADS {
            if lead.iter().enumerate().all(|(o, w)| self.scan.is(k + o, w)) {
                k += lead.len();
                break;
            }
        }
        let first = k;
        if count && self.scan.is_word(k) {
            let w = self.word_lower(k);
            let participle = self.scan.phrase_at(&lex.grammar.participle_adjectives, k).is_some();
            if w.ends_with("ed") && w.len() > 3 && !participle {
                return None;
            }
        }
        let mut words = 0;
        while k < self.scan.len() && words < 8 {
            if !self.scan.is_word(k) {
                break;
            }
            if self.is_stop(k) || (k > first && self.is_verbal(k)) {
                break;
            }
            if self.scan.is(k, "and") {
                // "heroin and morphine" goes on; ", and over 103 kg" does not.
                if !self.scan.is_word(k + 1)
                    || self.is_stop(k + 1)
                    || self.scan.is_any(k + 1, &["a", "an"])
                    || self.event_at(k + 1)
                {
                    break;
                }
            }
            if self.scan.is(k, "of") && (!self.scan.is_word(k + 1) || self.is_stop(k + 1)) {
                break;
            }
            if count {
                if let Some((hit, end)) = self.scan.phrase_at(&lex.counted, k) {
                    if hit.value().is_some() && !self.scan.is(end, "of") && end > k {
                        k = end;
                        break;
                    }
                }
            }
            k += 1;
            words += 1;
        }
        while k > first && self.scan.is_any(k - 1, &["and", "of", "other"]) {
            k -= 1;
        }
        (k > first).then_some((first, k))
    }

    /// The end of an elaboration that follows a phrase ending at `end`
    /// (", including methadone and psychotropic substances"), if any.
    pub fn elaboration_end(&self, end: usize, lex: &Lexicon) -> Option<usize> {
        let k = if self.scan.is_punct(end, ',') { end + 1 } else { end };
        let (_, after) = self.scan.phrase_at(&lex.grammar.elaboration, k)?;
        self.np_after(after, lex, false).map(|(_, e)| e)
    }

    fn event_at(&self, k: usize) -> bool {
        self.events.iter().any(|e| e.start == k)
    }

    /// Lower-case text of tokens `a..b` without determiners.
    pub fn phrase_text(&self, a: usize, b: usize) -> String {
        let mut out = String::new();
        for k in a..b {
            let w = self.word_lower(k);
            if DETERMINERS.contains(&w.as_str()) {
                continue;
            }
            if !out.is_empty() && self.scan.toks[k].space_before {
                out.push(' ');
            }
            out.push_str(&w.replace('\u{2019}', "'"));
        }
        out.trim().to_owned()
    }
}

/// What a quantity measures: its noun phrase and the counted noun's event.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct What {
    /// The words, lower case.
    pub text: Option<String>,
    /// Tokens of the noun phrase (in this sentence), if it has one here.
    pub np: Option<(usize, usize)>,
    /// The phrase with any elaboration after it (", including methadone"):
    /// substances named there belong to this quantity.
    pub extent: Option<(usize, usize)>,
    /// The counted noun heading it ("crimes", "suspects"), if any.
    pub head: Option<String>,
    /// The event the counted noun implies, when it implies one.
    pub head_event: Option<Event>,
    /// The count is introduced by "in" ("in 12 cases, officers seized…"): the
    /// verb, not the noun, says what happened.
    pub adverbial: bool,
}

fn counted_head(a: &Analysis, np: (usize, usize), lex: &Lexicon) -> (Option<String>, Option<Event>) {
    for k in np.0..np.1 {
        if let Some((hit, end)) = a.scan.phrase_at(&lex.counted, k) {
            if end <= np.1 {
                if let Some(ev) = hit.value() {
                    return (Some(a.phrase_text(k, end)), *ev);
                }
            }
        }
    }
    (None, None)
}

/// The `what` of quantity `q`, given the head of the previous count (in this
/// sentence or the one it continues) for elliptical counts ("8 of Turkey").
pub fn what_of(a: &Analysis, q: &Quantity, inherited: Option<&What>, lex: &Lexicon) -> What {
    let mut w = what_of_inner(a, q, inherited, lex);
    w.extent = w.np.map(|(s, e)| (s, a.elaboration_end(e, lex).unwrap_or(e)));
    w
}

/// "suspects in drug trafficking" → "drug trafficking suspects": a lone
/// counted noun followed by "in" and a short phrase without a place.
fn compact_in_phrase(a: &Analysis, np: (usize, usize), lex: &Lexicon) -> Option<String> {
    if np.1 != np.0 + 1 || !a.scan.is(np.1, "in") {
        return None;
    }
    let (s, e) = a.np_after(np.1 + 1, lex, false)?;
    let has_place = a.places.iter().any(|p| p.tag.start >= s && p.tag.end <= e);
    let short = e - s <= 3;
    let counted_person = lex.counted.get(&a.word_lower(np.0)).is_some_and(|v| v.value() == Some(&None));
    (short && !has_place && counted_person && !a.periods.iter().any(|m| m.toks.start >= s && m.toks.start < e))
        .then(|| format!("{} {}", a.phrase_text(s, e), a.word_lower(np.0)))
}

fn np_what(a: &Analysis, np: (usize, usize)) -> What {
    What { text: Some(a.phrase_text(np.0, np.1)), np: Some(np), ..What::default() }
}

fn what_of_inner(a: &Analysis, q: &Quantity, inherited: Option<&What>, lex: &Lexicon) -> What {
    let s = &a.scan;
    let adverbial = q.pre > 0 && s.is(q.pre - 1, "in") && q.unit == Unit::Count;
    match q.unit.dimension() {
        Dimension::Count => {
            // "16 are citizens of Azerbaijan": the noun after the copula.
            let start = if s.is_any(q.end, &["are", "were", "is", "was"]) { q.end + 1 } else { q.end };
            if let Some(np) = a.np_after(start, lex, true).filter(|np| !s.is(np.0, "of")) {
                let (head, head_event) = counted_head(a, np, lex);
                // "cases of illegal cultivation of narcotic crops" → "illegal cultivation of narcotic crops cases"
                let first = a.word_lower(np.0);
                let text = if CONTAINERS.contains(&first.as_str())
                    && s.is(np.0 + 1, "of")
                    && np.1 > np.0 + 2
                    && np.1 - (np.0 + 2) <= 5
                {
                    format!("{} {}", a.phrase_text(np.0 + 2, np.1), first)
                } else if let Some(compact) = compact_in_phrase(a, np, lex) {
                    compact
                } else {
                    a.phrase_text(np.0, np.1)
                };
                return What { text: Some(text), np: Some(np), head, head_event, adverbial, extent: None };
            }
            // Elliptical: "8 of Turkey", "1,974 were linked to…", "184 involved…".
            let mut w = inherited.cloned().unwrap_or_default();
            w.np = None;
            w.adverbial = adverbial;
            if s.is(q.end, "of") {
                if let Some(np) = a.np_after(q.end + 1, lex, false) {
                    if let Some(head) = &w.head {
                        w.text = Some(format!("{head} of {}", a.phrase_text(np.0, np.1)));
                    }
                }
            }
            w
        }
        Dimension::Money => {
            // "$5 million worth of cocaine", else the value noun before it.
            if s.is(q.end, "worth") && s.is(q.end + 1, "of") {
                if let Some(np) = a.np_after(q.end + 2, lex, false) {
                    return What {
                        text: Some(format!("value of {}", a.phrase_text(np.0, np.1))),
                        np: Some(np),
                        ..What::default()
                    };
                }
            }
            let (lo, _) = a.clause(q.start);
            let value_noun = (lo.min(q.start)..q.start)
                .rev()
                .find(|&k| VALUE_NOUNS.contains(&a.word_lower(k).as_str()))
                .or_else(|| (0..q.start).rev().find(|&k| VALUE_NOUNS.contains(&a.word_lower(k).as_str())));
            match value_noun {
                Some(k) => {
                    let np = a.np_after(k, lex, false).unwrap_or((k, k + 1));
                    What { text: Some(a.phrase_text(np.0, np.1.min(q.start))), ..What::default() }
                }
                None => What::default(),
            }
        }
        _ => {
            // "4,299 kg of narcotic drugs", "903 kg 454 grams are heroin", "95% of the narcotics", "a 95% drop".
            let k = q.end;
            if s.is(k, "of") || s.is_any(k, &["are", "is", "were", "was"]) {
                return a.np_after(k + 1, lex, false).map(|np| np_what(a, np)).unwrap_or_default();
            }
            if matches!(q.unit, Unit::Percent | Unit::Km | Unit::Hectare) {
                // "a 95% drop", "a 661 kilometer border"
                return a.np_after(k, lex, false).map(|np| np_what(a, np)).unwrap_or_default();
            }
            What::default()
        }
    }
}

/// Combines the substances of one phrase: drugs in general win over a list
/// that mixes them with named ones; otherwise the first named one; a class
/// word alone gives none.
fn combine(subs: &[&Tagged<Option<String>>]) -> Option<Option<String>> {
    if subs.is_empty() {
        return None;
    }
    let named: Vec<&String> = subs.iter().filter_map(|t| t.value.as_ref()).collect();
    if named.iter().any(|s| s.as_str() == "narcotics") {
        return Some(Some("narcotics".to_owned()));
    }
    Some(named.first().map(|s| (*s).clone()))
}

fn nearest<'t, V>(items: impl Iterator<Item = &'t Tagged<V>>, k: usize) -> Option<&'t Tagged<V>>
where
    V: 't,
{
    items.min_by_key(|t| if t.start >= k { t.start - k } else { k.saturating_sub(t.end) + 1 })
}

/// Substance of quantity `q` from its own phrase, clause or sentence; `None`
/// when the sentence says nothing (the caller may carry one over), `Some(None)`
/// when it names only a drug class. `taken` are the other quantities' phrases:
/// their substances are theirs. In the sentence at large, a list ("narcotics,
/// psychotropic substances, and precursors") counts as one mention.
pub fn substance_of(a: &Analysis, q: &Quantity, what: &What, taken: &[(usize, usize)]) -> Option<Option<String>> {
    let inside = |t: &Tagged<Option<String>>, r: (usize, usize)| t.start >= r.0 && t.end <= r.1;
    if let Some(np) = what.extent {
        let own: Vec<&Tagged<Option<String>>> = a.substances.iter().filter(|t| inside(t, np)).collect();
        if let Some(s) = combine(&own) {
            return Some(s);
        }
    }
    let free: Vec<&Tagged<Option<String>>> =
        a.substances.iter().filter(|t| !taken.iter().any(|r| inside(t, *r))).collect();
    let clause = a.clause(q.start);
    let groups = list_groups(a, &free);
    let dist = |g: &Vec<&Tagged<Option<String>>>| {
        let (s, e) = (g[0].start, g[g.len() - 1].end);
        if s >= q.end {
            s - q.end
        } else {
            q.start.saturating_sub(e)
        }
    };
    if let Some(g) = groups.iter().filter(|g| g.iter().all(|t| inside(t, clause))).min_by_key(|g| dist(g)) {
        return combine(g);
    }
    groups.iter().min_by_key(|g| dist(g)).and_then(|g| combine(g))
}

/// Groups mentions that stand in one list ("X, Y, and Z").
fn list_groups<'t>(a: &Analysis, mentions: &[&'t Tagged<Option<String>>]) -> Vec<Vec<&'t Tagged<Option<String>>>> {
    let mut groups: Vec<Vec<&Tagged<Option<String>>>> = Vec::new();
    for &m in mentions {
        let joined = groups.last().and_then(|g| g.last()).is_some_and(|prev| {
            (prev.end..m.start).all(|k| a.scan.is_punct(k, ',') || a.scan.is_any(k, &["and", "or", "other"]))
        });
        match groups.last_mut() {
            Some(g) if joined => g.push(m),
            _ => groups.push(vec![m]),
        }
    }
    groups
}

/// Event of quantity `q`: the counted noun's own event (unless the count is
/// adverbial), then the strongest event word in its clause, then in the sentence.
pub fn event_of(a: &Analysis, q: &Quantity, what: &What, lex: &Lexicon) -> Option<Event> {
    let best = |lo: usize, hi: usize| {
        a.events.iter().filter(|e| e.start >= lo && e.end <= hi).map(|e| e.value).min_by_key(|e| lex.event_rank(*e))
    };
    if !what.adverbial {
        if let Some(e) = what.head_event {
            return Some(e);
        }
    }
    let (lo, hi) = a.clause(q.start);
    if let Some(e) = best(lo, hi) {
        return Some(e);
    }
    if what.adverbial {
        // "In 12 cases, customs officers seized…": the verb after it governs.
        if let Some(e) = best(q.end, a.scan.len()) {
            return Some(e);
        }
    }
    what.head_event.or_else(|| best(0, a.scan.len()))
}

/// Agency named in the quantity's clause, else in its sentence (nearest).
pub fn agent_of(a: &Analysis, q: &Quantity) -> Option<String> {
    let (lo, hi) = a.clause(q.start);
    nearest(a.agencies.iter().filter(|t| t.start >= lo && t.end <= hi), q.start)
        .or_else(|| nearest(a.agencies.iter(), q.start))
        .map(|t| t.value.clone())
}

/// Place of quantity `q`: inside its own phrase ("Azerbaijani land"), else a
/// place where it happened in its clause, else the sentence's first such
/// place. `Some(None)` when the sentence is international.
pub fn place_of(a: &Analysis, q: &Quantity, what: &What) -> Option<Option<String>> {
    if let Some(np) = what.np {
        if let Some(p) = a.places.iter().find(|p| p.here && p.tag.start >= np.0 && p.tag.end <= np.1) {
            return Some(Some(p.tag.value.clone()));
        }
    }
    let (lo, hi) = a.clause(q.start);
    let here = || a.places.iter().filter(|p| p.here);
    if let Some(p) =
        here().filter(|p| p.tag.start >= lo && p.tag.end <= hi).min_by_key(|p| p.tag.start.abs_diff(q.start))
    {
        return Some(Some(p.tag.value.clone()));
    }
    if let Some(p) = here().next() {
        return Some(Some(p.tag.value.clone()));
    }
    if a.international {
        return Some(None);
    }
    None
}

/// Period of quantity `q` from the sentence's period expressions: a duration's
/// own span, else the nearest framing period of its clause (a baseline when
/// the quantity follows the comparison word), else the sentence's nearest
/// framing period.
pub fn period_of(a: &Analysis, q: &Quantity, anchor: &Anchor, lex: &Lexicon) -> Option<Period> {
    let resolve = |m: &PeriodMention| m.expr.resolve(anchor);
    // "over the past 40 years": the duration's own period.
    if let Some(m) = a.periods.iter().find(|m| m.toks.start <= q.start && q.end <= m.toks.end) {
        return resolve(m);
    }
    let (lo, hi) = a.clause(q.start);
    let dist = |m: &PeriodMention| {
        if m.toks.start >= q.end {
            m.toks.start - q.end
        } else {
            q.start.saturating_sub(m.toks.end)
        }
    };
    // A baseline ("compared to 2,921 kg during the same period of 2023")
    // frames only quantities that stand after the comparison word.
    let compared = (lo..q.start).any(|k| a.scan.phrase_at(&lex.grammar.comparison, k).is_some());
    let in_clause = a.periods.iter().filter(|m| m.toks.start >= lo && m.toks.end <= hi);
    let candidates: Vec<&PeriodMention> = in_clause
        .filter(|m| match m.role {
            Role::Frame => true,
            Role::Baseline => compared,
            Role::Reference => false,
        })
        .collect();
    if let Some(m) = candidates.iter().min_by_key(|m| dist(m)) {
        if let Some(p) = resolve(m) {
            return Some(p);
        }
    }
    a.periods.iter().filter(|m| m.role == Role::Frame).min_by_key(|m| dist(m)).and_then(resolve)
}
