//! Ranking: judge each candidate against the question.
//!
//! A candidate that contradicts an explicit constraint is excluded, with the
//! reason kept for "related" facts. Every other candidate scores points for
//! each constraint it meets (see [`judge`]); text relevance breaks ties. A
//! question that asks for the largest or smallest figure puts the extreme
//! value of the best-fitting measure first; one that asks for a total prefers
//! figures the text states as totals.

use super::retrieve::Candidate;
use crate::answer::{ScoredFact, Source};
use crate::extract::{Fact, Period};
use crate::index::analyzer::terms;
use crate::query::{Cmp, Extreme, Question};
use crate::vocab::{Dimension, Event, Unit, ENFORCEMENT, GENERIC_AGENT, WORTH_WORDS};

/// The agencies a fact may name to answer a question asking for any of
/// `asked`: those asked, those "law enforcement" covers, and "law
/// enforcement" for any other (see [`judge`]: it covers an enforcing agency,
/// and any other when its sentence names that one).
pub fn compatible_agents(asked: &[String]) -> Vec<String> {
    let mut out: Vec<String> = asked.to_vec();
    for a in asked {
        if a == GENERIC_AGENT {
            out.extend(ENFORCEMENT.iter().map(|e| (*e).to_owned()));
        } else {
            // (Any other agency: when the sentence names it, see `judge`.)
            out.push(GENERIC_AGENT.to_owned());
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Points for one constraint.
mod points {
    pub const PERIOD_EXACT: f32 = 3.0;
    pub const PERIOD_INSIDE: f32 = 2.0;
    /// A longer time than asked: its figure sums more than the one asked
    /// ("since January" to September for "the first half of 2024").
    pub const PERIOD_AROUND: f32 = 0.5;
    pub const PERIOD_OVERLAP: f32 = 0.5;
    /// A sum of months around the month or day asked ("40 tons so far this
    /// year" for "cocaine seizure November 2023").
    pub const SUM_AROUND: f32 = -1.0;
    /// Up to this much more for a period inside the one asked, by the share
    /// of it that it covers.
    pub const PERIOD_SHARE: f32 = 0.5;
    pub const SUBSTANCE: f32 = 2.0;
    pub const SUBSTANCE_NAMED_FOR_GENERIC: f32 = 0.5;
    pub const SUBSTANCE_MISSING: f32 = -1.0;
    pub const AGENT: f32 = 2.0;
    pub const AGENT_COVERED: f32 = 0.5;
    pub const AGENT_MISSING: f32 = -0.5;
    /// More for a sentence naming the agency as the question does.
    pub const AGENT_NAMED: f32 = 1.0;
    pub const EVENT: f32 = 1.5;
    pub const EVENT_OTHER: f32 = -1.5;
    pub const PLACE: f32 = 1.0;
    /// More for a sentence naming the place as the question does ("in
    /// Glasgow", not only in the United Kingdom).
    pub const PLACE_NAMED: f32 = 1.0;
    /// More again for a figure placed there (its locality), not only in a
    /// sentence naming it: "31 tons of it at Santos alone" over the 48 tons
    /// "at Brazilian ports" before it.
    pub const PLACE_OWN: f32 = 0.5;
    /// Less for a country's figure ("nationwide") when the question names
    /// a place within it.
    pub const PLACE_NATIONWIDE: f32 = -1.0;
    /// Less for a figure its own sentence places in the country, at no
    /// place within it, when the question names one ("Peru's police
    /// eradicated 25,000 hectares" for "coca eradicated in Ucayali").
    pub const PLACE_COUNTRY: f32 = -0.5;
    /// Less for a figure at another town than the one the question names
    /// ("two Nigerians arrested in Mumbai" for "people arrested in Delhi"),
    /// even in an article whose title names the one asked.
    pub const PLACE_ELSEWHERE: f32 = -1.0;
    /// Less again when its sentence does not even name the place asked:
    /// "1,172 people died" in Scotland for "drug deaths in Glasgow".
    pub const PLACE_UNNAMED: f32 = -1.0;
    /// Less for a figure of an article that nowhere names a name the
    /// question gives ("value of the drugs seized at Bittou"), when another
    /// article does.
    pub const NAME_UNNAMED: f32 = -1.0;
    /// Less for one place's or agency's part of a total ("In Costa Rica
    /// alone, police seized 6.3 tonnes") when the question names neither a
    /// place nor an agency: it asks for the whole.
    pub const PART_UNASKED: f32 = -1.0;
    pub const MEASURE: f32 = 1.0;
    pub const WHAT: f32 = 1.5;
    /// Up to this much for a `what` in the question's own words, by the
    /// share of its words the question has.
    pub const WHAT_WORDS: f32 = 0.5;
    /// Taken from an amount when the question counts things it does not
    /// measure ("bales of cocaine on the speedboat", not its 392 kg).
    pub const COUNT_UNMET: f32 = -1.0;
    /// Up to this much more by the share of those words no constraint of
    /// the question reads (its drug, event, agency, place, period; see
    /// [`crate::query::Question::topic_terms`]): "social harm of the
    /// Auckland meth" asks for the "$1.1 billion in social harm", not for
    /// the "700 kg" of methamphetamine.
    pub const WHAT_OWN_WORDS: f32 = 1.5;
    pub const TOTAL: f32 = 1.5;
    /// Off a figure the question itself states ("charges the five accused
    /// face" is not answered by "the five accused").
    pub const GIVEN: f32 = -3.0;
    /// Off a percentage change ("12% rise in drug deaths") when the
    /// question asks for no change nor share: it wants the level.
    pub const CHANGE_UNASKED: f32 = -1.0;
    /// Off a sum of money when the question asks no measure: "cocaine
    /// seized in Cork" wants the 41.5 kg before the €2.9 million they are
    /// worth, even when the sum's sentence names Cork and the title states
    /// it. (A question asking a value or "how much" is not concerned.)
    pub const VALUE_UNASKED: f32 = -1.5;
    pub const TEXT: f32 = 2.0;
    /// Up to this much for a fact whose article's title names the
    /// question's topic words, by their share: "drugs seized in Operation
    /// Lionfish" asks for the figures of the article titled so, though
    /// another's sentence says "drugs seized" in as many words.
    pub const TOPIC: f32 = 2.0;
    /// Up to this much for a fact whose own sentence names the question's
    /// topic words, by their share: "cocaine seized in Eastleigh" asks for
    /// the 380 kilos intercepted "at a warehouse in Eastleigh", a town the
    /// lexicon does not know, before the article's other cocaine.
    pub const TOPIC_SENTENCE: f32 = 1.5;
    /// Off a constraint met only by context carried from the text before
    /// (see [`crate::extract::Fact::carried`]): the sentence itself is
    /// stronger evidence.
    pub const CARRIED: f32 = 0.5;
    /// Off a figure from before the article's news (see
    /// [`crate::extract::Fact::background`]) when the question asks no
    /// period: of two figures that answer alike, the article's own news
    /// first. (A period asked decides by itself.)
    pub const BACKGROUND: f32 = 1.0;
    /// For the figure the article's title states (see
    /// [`crate::extract::Fact::headline`]) when the question asks no period:
    /// the article's news before its other figures.
    pub const HEADLINE: f32 = 0.5;
    /// Off a count of what held or carried the drugs ("packed in 1,150 tea
    /// packages", "found in 17 containers") when the question asks for a
    /// drug, not for those: "methamphetamine seized off Aceh" wants the 1.2
    /// tons, though only the packages' sentence names Aceh.
    pub const HOLDERS_UNASKED: f32 = -4.0;
}

/// Last words of a count of what held or carried drugs, not of the drugs:
/// see [`points::HOLDERS_UNASKED`]. ("100 bricks of heroin" and "1 billion
/// pills" count the drug itself.)
const HOLDER_NOUNS: &[&str] = &[
    "containers",
    "packages",
    "packets",
    "packs",
    "bags",
    "sacks",
    "boxes",
    "crates",
    "cartons",
    "suitcases",
    "shoes",
    "bottles",
    "tins",
    "jars",
    "parcels",
    "vehicles",
    "cars",
    "trucks",
    "lorries",
    "boats",
    "vessels",
    "ships",
    "planes",
    "aircraft",
];

/// Either the points and reasons for a candidate, or why it cannot answer.
type Judgement = Result<(f32, Vec<String>), String>;

fn agents_compatible(asked: &str, found: &str) -> Option<bool> {
    if asked == found {
        return Some(true);
    }
    let covered = (asked == GENERIC_AGENT && ENFORCEMENT.contains(&found))
        || (found == GENERIC_AGENT && ENFORCEMENT.contains(&asked));
    covered.then_some(false)
}

/// The agency the question names as the fact's sentence does: "meth
/// seized by sheriff deputies" is met by "San Joaquin County Sheriff's
/// deputies seized…"; "DEA" by "The Drug Enforcement Administration's
/// Phoenix Field Division" too.
fn agent_named<'q>(q: &'q Question, f: &Fact) -> Option<&'q String> {
    q.agent_names
        .iter()
        .find(|name| name.split_whitespace().all(|w| names_word(&f.sentence, w)) || spells_out(&f.sentence, name))
}

/// True when `sentence` holds the word `term`, in its singular or plural
/// ("deputy" for "deputies"): a name is matched whole, as no stem would
/// ("Europol" is not "Europe").
fn names_word(sentence: &str, term: &str) -> bool {
    let singular = |w: &str| -> String {
        let w = w.to_lowercase();
        if let Some(stem) = w.strip_suffix("ies") {
            format!("{stem}y")
        } else if w.ends_with('s') && !w.ends_with("ss") {
            w[..w.len() - 1].to_owned()
        } else {
            w
        }
    };
    let term = singular(term);
    sentence.split(|c: char| !c.is_alphanumeric()).any(|w| !w.is_empty() && singular(w) == term)
}

/// True when the fact's sum is what something is worth ("street value",
/// "price of gram of cocaine"), not money held.
fn names_worth(f: &Fact) -> bool {
    f.what.as_deref().is_some_and(|w| w.split_whitespace().any(|x| WORTH_WORDS.contains(&x)))
}

/// A sum the question asks for by the name the fact gives it ("cash",
/// "assets"): money held, not a drug's worth; or a count of things that
/// are no drug, by their name ("firearms"): neither is any drug's.
pub fn of_no_drug(q: &Question, f: &Fact) -> bool {
    let named = |w: &str| w.split_whitespace().all(|x| q.terms.iter().any(|t| t == x));
    let money = f.unit.dimension() == Dimension::Money && q.dimensions.contains(&Dimension::Money);
    let things = f.unit == Unit::Count && f.what.as_deref().is_some_and(|w| q.things.iter().any(|t| t == w));
    (money || things) && f.what.as_deref().is_some_and(named)
}

/// Judges one fact against the question. `text` is its text score, 0 to 1.
pub fn judge(q: &Question, f: &Fact, text: f32) -> Judgement {
    judge_as(q, f, Seen { text, agency_in_heading: false }, true)
}

/// What ranking knows of a fact besides the fact itself.
#[derive(Debug, Clone, Copy)]
struct Seen {
    /// Its share of the best BM25 score, 0 to 1.
    text: f32,
    /// Its article's heading names an agency the question names.
    agency_in_heading: bool,
}

/// Reasons for a judgement, formatted only when they will be shown:
/// ranking judges a few hundred candidates and shows a handful.
struct Why {
    explain: bool,
    reasons: Vec<String>,
}

impl Why {
    /// Adds a reason for the points given.
    fn note(&mut self, reason: impl FnOnce() -> String) {
        if self.explain {
            self.reasons.push(reason());
        }
    }

    /// The reason a candidate cannot answer ("" when not explaining).
    fn fail(&self, reason: impl FnOnce() -> String) -> String {
        if self.explain {
            reason()
        } else {
            String::new()
        }
    }
}

/// [`judge`], with the reasons only when `explain`.
fn judge_as(q: &Question, f: &Fact, seen: Seen, explain: bool) -> Judgement {
    let text = seen.text;
    let mut score = 0.0;
    let mut why = Why { explain, reasons: Vec::new() };
    // Something the question is about must be in the fact: its substance,
    // agency, event or measured thing, or one of its content words.
    let about = (!q.substances.is_empty() && f.substance.is_some())
        || (!q.agents.is_empty() && f.agent.is_some())
        || (q.event.is_some() && q.event == f.event)
        || q.content_terms.iter().any(|t| mentions(f, t))
        || (q.content_terms.is_empty() && q.has_constraints());
    if !about {
        return Err(why.fail(|| "nothing the question asks about is in this fact".into()));
    }
    // "average opium yield": a rate, which no figure kept is.
    if q.rate {
        return Err(why.fail(|| "a rate is asked (per hectare): no figure of one is kept".into()));
    }

    // "cash seized by GMP" is not answered by "drugs with a street value of
    // £1.5 million": a drug's worth is no money held.
    if q.held_money && f.dimension() == Dimension::Money && names_worth(f) {
        return Err(why.fail(|| "a worth, not money held".into()));
    }

    // Substance.
    let specific: Vec<&String> = q.substances.iter().filter(|s| s.as_str() != "narcotics").collect();
    if q.which_substance && f.substance.as_deref().is_none_or(|s| s == "narcotics") {
        return Err(why.fail(|| "names no particular drug".into()));
    }
    if !specific.is_empty() {
        // ("5 kg of heroin and cocaine" is cocaine too.)
        let named = f.substance_names().find(|s| specific.iter().any(|x| x.as_str() == *s));
        match &f.substance {
            Some(_) if named.is_some() => {
                score += points::SUBSTANCE;
                why.note(|| format!("substance {}", named.unwrap_or_default()));
            }
            // "drugs and precursors intercepted": drugs in general listed
            // with a named one are drugs in general, as in the facts.
            Some(s) if s == "narcotics" && q.substances.iter().any(|x| x == "narcotics") => {
                score += points::SUBSTANCE;
                why.note(|| "drugs in general".into());
            }
            Some(s) => {
                return Err(why.fail(|| {
                    format!(
                        "substance is {s}, not {}",
                        specific.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" or ")
                    )
                }))
            }
            // "cash seized in the cocaine investigation": money held as
            // such is no drug's, nor any other's.
            None if of_no_drug(q, f) => score += points::SUBSTANCE_MISSING,
            None => return Err(why.fail(|| "no substance stated".into())),
        }
    } else if !q.substances.is_empty() {
        match f.substance.as_deref() {
            Some("narcotics") => {
                score += points::SUBSTANCE;
                why.note(|| "drugs in general".into());
            }
            Some(s) => {
                score += points::SUBSTANCE_NAMED_FOR_GENERIC;
                why.note(|| format!("substance {s}"));
            }
            None => score += points::SUBSTANCE_MISSING,
        }
    }

    // Place.
    if !q.places.is_empty() {
        match &f.place {
            Some(p) if q.places.contains(p) => {
                score += points::PLACE;
                why.note(|| format!("place {p}"));
                if let Some((name, own)) = place_named(q, f) {
                    score += points::PLACE_NAMED + if own { points::PLACE_OWN } else { 0.0 };
                    why.note(|| format!("{} {name}", if own { "at" } else { "names" }));
                } else if !q.place_names.is_empty() && crate::vocab::nationwide(&f.sentence) {
                    // "chira seized in Tangier" is not answered by "95 tonnes
                    // of chira nationwide": the whole country's figure.
                    score += points::PLACE_NATIONWIDE;
                    why.note(|| "the whole country's".into());
                } else if !q.place_names.is_empty() && f.locality.is_none() && !f.is_carried("place") {
                    score += points::PLACE_COUNTRY;
                    why.note(|| format!("placed in {p} only"));
                } else if let Some(at) = f.locality.as_deref().filter(|_| !q.place_names.is_empty()) {
                    // (A fact at a locality is at none the question names.)
                    let unnamed = !q.place_names.iter().any(|n| n.split_whitespace().all(|w| mentions(f, w)));
                    score += points::PLACE_ELSEWHERE + if unnamed { points::PLACE_UNNAMED } else { 0.0 };
                    why.note(|| format!("at {at}, another place"));
                }
            }
            Some(p) => return Err(why.fail(|| format!("place is {p}"))),
            None => return Err(why.fail(|| "no place stated".into())),
        }
    }
    // "cocaine seized worldwide": the world's figures (placed nowhere), not
    // one country's.
    if q.worldwide {
        if let Some(p) = &f.place {
            return Err(why.fail(|| format!("place is {p}, not the world")));
        }
    }

    // "cocaine seized at the UK border": the UK's figures first, the other
    // side's still answer; so for "kerala cannabis", whose place may be the
    // drug's origin.
    if q.places.is_empty() && f.place.as_ref().is_some_and(|p| q.preferred_places.contains(p)) {
        score += points::PLACE;
        why.note(|| format!("place {} preferred", f.place.as_deref().unwrap_or_default()));
    }

    // ("Among them were 41 large-scale labs", after 99 labs: a part, for a
    // question that names no town of its own.)
    let part = q.places.is_empty() && named_part(&f.sentence) || q.place_names.is_empty() && opens_on_part(&f.sentence);
    if q.agents.is_empty() && part {
        score += points::PART_UNASKED;
        why.note(|| "a part of a total".into());
    }

    // Period.
    if let Some(asked) = q.period {
        match f.period {
            Some(p) if p == asked => {
                score += points::PERIOD_EXACT;
                why.note(|| format!("period {p}"));
            }
            Some(p) if q.fiscal_spans.contains(&p) => {
                score += points::PERIOD_EXACT;
                why.note(|| format!("period {p}, a fiscal year {asked}"));
            }
            Some(p) if asked.contains(&p) => {
                // "From January to July" answers for a year better than "on Sunday".
                let share = p.days() as f32 / asked.days().max(1) as f32;
                score += points::PERIOD_INSIDE + points::PERIOD_SHARE * share.min(1.0);
                why.note(|| format!("period {p} within {asked}"));
            }
            Some(p) if p.contains(&asked) => {
                score += points::PERIOD_AROUND;
                why.note(|| format!("period {p} covers {asked}"));
                if asked.days() <= ONE_OPERATION_DAYS && is_aggregate(f) {
                    score += points::SUM_AROUND;
                    why.note(|| "a sum of a longer time".into());
                }
            }
            Some(p) if p.overlaps(&asked) => {
                // "FY2021" (October 2020 to September 2021) answers for 2021
                // better than FY2022 does: by the share of it in the year.
                let share = p.shared_days(&asked) as f32 / p.days().max(1) as f32;
                score += points::PERIOD_OVERLAP + points::PERIOD_SHARE * share.min(1.0);
                why.note(|| format!("period {p} overlaps {asked}"));
            }
            Some(p) => return Err(why.fail(|| format!("period is {p}, not {asked}"))),
            None => return Err(why.fail(|| "no period stated".into())),
        }
    }

    // Measure.
    let dim = f.unit.dimension();
    // "how much ecstasy was seized" is answered by "1.2 million ecstasy
    // tablets": a count of the drug by the name asked.
    let counted_drug = dim == Dimension::Count
        && q.counts_may_answer_mass()
        && f.what.as_deref().is_some_and(|w| w.split_whitespace().any(|x| q.substance_terms.iter().any(|t| t == x)));
    if !q.dimensions.is_empty() {
        if !q.dimensions.contains(&dim) && !counted_drug {
            return Err(why.fail(|| format!("measured in {}", f.unit.as_str())));
        }
        // "how much heroin": its weight before its worth.
        let worth_among_others = dim == Dimension::Money && q.dimensions.len() > 1;
        score += points::MEASURE * if worth_among_others { 0.5 } else { 1.0 };
    } else if let Some(rank) = q.prefer.iter().position(|d| *d == dim) {
        score += points::MEASURE * (1.0 - rank as f32 * 0.25).max(0.0);
        if dim == Dimension::Money {
            score += points::VALUE_UNASKED;
        }
    }
    if let (Some(c), Unit::Money(m)) = (q.currency, f.unit) {
        if c != m {
            return Err(why.fail(|| format!("in {}, not {}", m.as_str(), c.as_str())));
        }
    }
    if let Some((cmp, bound, unit)) = q.bound {
        if unit.dimension() == dim {
            let ok = match cmp {
                Cmp::Over => f.value > bound,
                Cmp::Under => f.value < bound,
            };
            if !ok {
                return Err(why.fail(|| {
                    format!("{} is not {} {}", f.value_text(), if cmp == Cmp::Over { "over" } else { "under" }, bound)
                }));
            }
        }
    }

    // "charges the five accused face": the five accused are what the
    // question starts from, not its answer.
    if q.given.iter().any(|&(v, u)| u == f.unit && (v - f.value).abs() <= 1e-9 * v.abs().max(1.0)) {
        score += points::GIVEN;
        why.note(|| "a figure the question states".into());
    }

    // Agency.
    if !q.agents.is_empty() {
        // "meth seized by sheriff deputies": "San Joaquin County Sheriff's
        // deputies seized…" before "Members of the Rapid Action Battalion…".
        let named_asked = agent_named(q, f);
        // "drugs seized by NDLEA": Pakistan's drug control agency is another
        // one, unless the sentence names the one asked ("the DEA, working
        // with Colombian police, seized…").
        let abroad = f
            .place
            .as_ref()
            .filter(|p| !q.agent_homes.is_empty() && !q.agent_homes.contains(p) && named_asked.is_none());
        if let Some(p) = abroad.filter(|_| f.agent.is_some()) {
            return Err(why.fail(|| {
                format!(
                    "agent is {} in {p}, not {}'s",
                    f.agent.as_deref().unwrap_or_default(),
                    q.agent_homes.join(" or ")
                )
            }));
        }
        // ("fentanyl seized by the OPP": the figures listed under "OPP
        // seize $5.1 million in drugs", not only a sentence naming it.)
        let mut named_asked = named_asked.map(|n| n.as_str());
        match &f.agent {
            Some(a) => match q.agents.iter().find_map(|asked| agents_compatible(asked, a)) {
                Some(true) => {
                    score += points::AGENT;
                    why.note(|| format!("agent {a}"));
                    if named_asked.is_none() && seen.agency_in_heading {
                        named_asked = Some("it in its article's heading");
                    }
                }
                Some(false) => {
                    score += points::AGENT_COVERED;
                    why.note(|| format!("agent {a} (covered)"));
                }
                // "Law enforcement authorities from Spain…, supported by
                // Europol, have arrested 400 suspects": unnamed authorities
                // acting with the agency the sentence names.
                None if a == GENERIC_AGENT && named_asked.is_some() => {
                    score += points::AGENT_COVERED;
                    why.note(|| format!("agent {a}, with {}", named_asked.unwrap_or_default()));
                }
                // "INTERPOL operation nets USD 180 million in drugs…",
                // then "Police and customs seized: 45 tonnes of cocaine": the
                // figures of an operation its article says the agency led.
                None if seen.agency_in_heading => {
                    score += points::AGENT_COVERED;
                    why.note(|| {
                        format!("agent {a}, in an article its heading says {} led", q.agent_names.join(" or "))
                    });
                }
                None => return Err(why.fail(|| format!("agent is {a}, not {}", q.agents.join(" or ")))),
            },
            None => score += points::AGENT_MISSING,
        }
        if let Some(name) = named_asked {
            score += points::AGENT_NAMED;
            why.note(|| format!("names {name}"));
        }
    }

    // "How many suspects were arrested by Europol" is not answered by
    // "Europol deployed 2 experts", nor "how many labs were dismantled" by
    // "3,412 people were arrested": another thing counted, in another event
    // (or with none asked to stand for it).
    // "12% rise in number of drug deaths" measures a rise, as "2,500 kilos
    // less cocaine than in 2023" measures a decrease: it answers "drug
    // deaths" or "cocaine seized" by its words only when a change or share
    // is asked. (Only a change's description has " in ": a phrase ends at
    // its preposition, and the place is a field of its own.)
    let asks_change = q.dimensions.contains(&Dimension::Percent) || q.prefer.first() == Some(&Dimension::Percent);
    let change_unasked = !asks_change && f.what.as_deref().is_some_and(|w| w.contains(" in "));
    // ("70 per cent of those deaths involved synthetic opioids" is a share
    // of the deaths: "overdose deaths" asks for their number.)
    let share_unasked = !asks_change && f.unit.dimension() == Dimension::Percent;
    if change_unasked || share_unasked {
        score += points::CHANGE_UNASKED;
    }
    let what_m = match f.what.as_deref() {
        Some(w) if change_unasked => what_match(&q.what_terms, w.split(" in ").next().unwrap_or(w)),
        Some(w) => what_match(&q.what_terms, w),
        None => 0.0,
    };
    let counts_else = q.dimensions == [Dimension::Count] && !q.what_terms.is_empty() && what_m == 0.0;
    let other_event = match (q.event, f.event) {
        (None, _) => true,
        (Some(asked), Some(e)) => asked != e && !related_events(asked, e),
        (Some(_), None) => false,
    };
    if counts_else && other_event {
        return Err(why.fail(|| {
            format!("counts {}, not {}", f.what.as_deref().unwrap_or("something else"), q.what_terms.join(" or "))
        }));
    }
    // "firearms seized in the fentanyl investigation": things that are no
    // drug, asked by name, before the drugs of the case.
    if !q.things.is_empty() && what_m == 0.0 && !of_no_drug(q, f) {
        score -= points::WHAT;
    }

    // Event. "cocaine seized" is not answered by "five men were jailed",
    // nor "how many were arrested" by "40 kg seized": an event of people
    // for one of drugs, or the other way round, is another fact.
    if let (Some(asked), Some(e)) = (q.event, f.event) {
        if asked.is_of_people() != e.is_of_people() && asked != Event::Other && e != Event::Other {
            return Err(why.fail(|| format!("{} is not {}", e.as_str(), asked.as_str())));
        }
        // "prison sentence for fentanyl trafficking" is not answered by
        // "95.5 million lethal doses" of fentanyl, nor "captagon pills
        // seized" by "30 million users" of amphetamines: a figure of no
        // event answers for one only when it counts what is asked.
        let counts_asked = f.what.as_deref().is_some_and(|w| what_match(&q.what_terms, w) > 0.0);
        if asked != Event::Other && e == Event::Other && !counts_asked {
            return Err(why.fail(|| format!("other is not {}", asked.as_str())));
        }
        if asked == e {
            score += points::EVENT;
            why.note(|| format!("event {}", e.as_str()));
        } else if !related_events(asked, e) {
            score += points::EVENT_OTHER;
        }
    }

    // What is measured: the question's counted nouns in the fact's `what`.
    if let Some(what) = f.what.as_deref().filter(|_| what_m > 0.0) {
        score += points::WHAT * what_m;
        why.note(|| format!("measures {what}"));
    }
    let count_preferred = q.dimensions.is_empty() && q.prefer.first() == Some(&Dimension::Count);
    if count_preferred && what_m == 0.0 && !q.what_terms.is_empty() && f.unit != Unit::Count {
        score += points::COUNT_UNMET;
        why.note(|| format!("no count of {}", q.what_terms.join(" or ")));
    }
    // "coca cultivation 2022": the question's own words describe what the
    // fact measures ("coca cultivation", not "global cocaine production").
    if what_m == 0.0 {
        if let Some(what) = f.what.as_deref() {
            // ("homicides per 100,000 inhabitants" is described by
            // "homicide": a rate's base is no word of what it measures.)
            let measured = what.split(" per ").next().unwrap_or(what);
            // ("value of drugs" whose drugs are cocaine describes "value of
            // the cocaine".)
            let named = f.substance.as_deref().filter(|s| *s != "narcotics" && !s.contains('+'));
            let measured = match named {
                Some(s) if measured.split(' ').any(|w| GENERIC_DRUG_WORDS.contains(&w)) => std::borrow::Cow::Owned(
                    measured
                        .split(' ')
                        .map(|w| if GENERIC_DRUG_WORDS.contains(&w) { s } else { w })
                        .collect::<Vec<_>>()
                        .join(" "),
                ),
                _ => std::borrow::Cow::Borrowed(measured),
            };
            let (share, own) = words_share(&q.content_terms, &q.implied_terms, &q.topic_terms, &measured);
            if share > 0.0 {
                score += points::WHAT_WORDS * share + points::WHAT_OWN_WORDS * own;
                why.note(|| format!("described as {what}"));
            }
        }
    }
    // ("tea packages", not "packages of heroin" nor "heroin packages")
    let holders = f.unit == Unit::Count
        && what_m == 0.0
        && !q.substances.is_empty()
        && f.what.as_deref().is_some_and(|w| {
            let last = w.rsplit(' ').next().unwrap_or(w);
            // ("of" names what is inside: "packages of heroin"; but "pairs of
            // shoes" count the holders.)
            let inside = w.split(" of ").nth(1).is_some_and(|after| after != last);
            // ("pairs of shoes used to hide hashish": asked for by name.)
            let asked = q.content_terms.iter().any(|t| t == last);
            let names_drug = |x: &str| f.substance_names().any(|s| s == x) || q.substance_terms.iter().any(|t| t == x);
            HOLDER_NOUNS.contains(&last) && !inside && !asked && !w.split(' ').any(names_drug)
        });
    if holders {
        score += points::HOLDERS_UNASKED;
        why.note(|| "counts what held the drugs".into());
    }
    // "overdose death rate": a figure per so many people.
    let asks_rate = q.content_terms.iter().any(|t| t == "rate" || t == "rates");
    // ("deaths per 100,000 people" is a death rate: once, whichever way it
    // is written; "homicides per 100,000" matching "homicide" is still a
    // rate the word "rate" did not match.)
    let names_rate = |w: &str| w.split(' ').any(|x| x == "rate" || x == "rates");
    let per = f.what.as_deref().is_some_and(|w| w.contains(" per ") && !names_rate(w));
    if asks_rate && per {
        score += points::WHAT;
        why.note(|| "a rate".into());
    }
    // "overdose deaths in 2024" asks how many died, not how many per
    // 100,000 people.
    let rate = f.unit == Unit::Count && f.what.as_deref().is_some_and(|w| w.contains(" per ") || names_rate(w));
    if rate && !asks_rate {
        score -= points::WHAT;
    }
    if q.total && f.total {
        score += points::TOTAL;
        why.note(|| "stated as a total".into());
    }
    // "The previous record was 9.5 tonnes seized in 2023" after a sentence
    // about cocaine meets "cocaine seized in Spain 2023" less well than
    // "Police seized 58 tonnes of cocaine in Spain in 2023".
    // (Not the place: articles name their country once, and every figure
    // carries it from there.)
    let asked = [("substance", !specific.is_empty()), ("period", q.period.is_some()), ("agent", !q.agents.is_empty())];
    let carried = asked.iter().filter(|(field, on)| *on && f.is_carried(field)).count();
    score -= points::CARRIED * carried as f32;
    if f.background && q.period.is_none() {
        score -= points::BACKGROUND;
        why.note(|| "background to the article's news".into());
    }
    if f.headline && q.period.is_none() {
        score += points::HEADLINE;
        why.note(|| "the figure the title states".into());
    }
    score += points::TEXT * text;
    Ok((score, why.reasons))
}

/// True when the fact's sentence or description has a word starting like
/// `term` (its first five letters: "seizures" meets "seized", "deaths" "death").
fn mentions(f: &Fact, term: &str) -> bool {
    let stem: String = term.chars().take(5).collect();
    let hay = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric()).any(|w| w.len() >= stem.len() && w.to_lowercase().starts_with(&stem))
    };
    hay(&f.sentence) || f.what.as_deref().is_some_and(hay)
}

/// Words after a name that make its figure a part of a total named before
/// ("In Costa Rica alone", "Customs alone").
const PART_WORDS: &[&str] = &["alone"];

/// True when the sentence gives a named place's or agency's part of a
/// total: a capitalised word right before a [`PART_WORDS`] word.
fn named_part(sentence: &str) -> bool {
    let mut before: Option<&str> = None;
    for word in sentence.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if PART_WORDS.contains(&word) && before.is_some_and(|b| b.starts_with(char::is_uppercase)) {
            return true;
        }
        before = Some(word);
    }
    false
}

/// Openings of a sentence that give a part of the total named before it
/// ("Among them were 41 large-scale labs", "Of these, 12 tonnes…").
const PART_OPENERS: &[&str] =
    &["among them", "among these", "among those", "of these", "of them", "of those", "of which"];

/// True when the sentence opens on a [`PART_OPENERS`] phrase.
fn opens_on_part(sentence: &str) -> bool {
    let opening: String = sentence.chars().take(16).collect::<String>().to_lowercase();
    PART_OPENERS.iter().any(|p| opening.starts_with(p) && !opening[p.len()..].starts_with(char::is_alphanumeric))
}

/// The place the question names finer than its country ("glasgow") where
/// the fact is: its locality (true), or, for a fact with none, a place its
/// sentence names (false). A fact at another locality is at none of them,
/// whatever else its sentence names ("Ucayali (9,800 hectares), Huánuco
/// (6,200 hectares)": the 6,200 are not Ucayali's).
fn place_named<'q>(q: &'q Question, f: &Fact) -> Option<(&'q String, bool)> {
    match &f.locality {
        Some(locality) => q.place_names.iter().find(|name| same_place(name, locality)).map(|name| (name, true)),
        None => q.place_names.iter().find(|name| name.split_whitespace().all(|w| mentions(f, w))).map(|n| (n, false)),
    }
}

/// Words of place names that say nothing of which place it is.
const GENERIC_PLACE_WORDS: &[&str] =
    &["port", "ports", "north", "south", "east", "west", "upper", "lower", "new", "city", "county", "state", "greater"];

/// Letters two spellings of one place name share at least ("Tangier",
/// "Tanger Med").
const SPELLING_PREFIX: usize = 4;

/// True when locality `at` is the place `name` (as a question names it),
/// however spelled: a word of one starts as a word of the other does
/// ("tangier" at "Tanger Med", "manchester" at "Greater Manchester"); a name
/// of short words only is matched whole ("Mae Sai").
fn same_place(name: &str, at: &str) -> bool {
    let stems = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(str::to_lowercase)
            .filter(|w| w.chars().count() >= SPELLING_PREFIX && !GENERIC_PLACE_WORDS.contains(&w.as_str()))
            .map(|w| w.chars().take(SPELLING_PREFIX).collect())
            .collect()
    };
    let named = stems(name);
    if named.is_empty() {
        return name.trim().eq_ignore_ascii_case(at.trim());
    }
    let at = stems(at);
    named.iter().any(|s| at.contains(s))
}

/// Longest acronym [`spells_out`] reads.
const ACRONYM_LETTERS: usize = 6;

/// True when `sentence` writes `acronym` out: capitalised words whose
/// initials spell it, small words between them skipped ("Drug Enforcement
/// Administration" for "dea", "Office of National Drug Control Policy" for
/// "ondcp").
fn spells_out(sentence: &str, acronym: &str) -> bool {
    let letters: Vec<char> = acronym.chars().map(|c| c.to_ascii_lowercase()).collect();
    if !(2..=ACRONYM_LETTERS).contains(&letters.len()) || !letters.iter().all(char::is_ascii_alphabetic) {
        return false;
    }
    let words: Vec<&str> =
        sentence.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').filter(|w| !w.is_empty()).collect();
    let initial = |w: &str| w.chars().next().filter(|c| c.is_uppercase()).map(|c| c.to_ascii_lowercase());
    (0..words.len()).any(|start| {
        let mut k = 0;
        for w in &words[start..] {
            if k == letters.len() {
                break;
            }
            if k > 0 && ["of", "and", "for", "the", "on"].contains(w) {
                continue;
            }
            if initial(w) != Some(letters[k]) {
                return false;
            }
            k += 1;
        }
        k == letters.len()
    })
}

/// Events close enough that asking for one does not rule out the other
/// (people caught are then charged; drugs seized are then destroyed).
fn related_events(a: Event, b: Event) -> bool {
    use Event::*;
    matches!(
        (a, b),
        (Arrest, Prosecution)
            | (Prosecution, Arrest)
            | (Crime, Prosecution)
            | (Prosecution, Crime)
            | (Crime, Arrest)
            | (Arrest, Crime)
    )
}

/// A word without a plural "s" and with a demonym's ending cut, so that
/// "citizens" meets "citizen" and "iranian" meets "iran".
fn word_key(w: &str) -> String {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    for end in ["ian", "ians", "i", "is", "s"] {
        if w.len() > end.len() + 3 {
            if let Some(stem) = w.strip_suffix(end) {
                return stem.to_owned();
            }
        }
    }
    w
}

/// How well the question's counted phrases meet a fact's `what`: 1 for the
/// head noun, up to 0.5 more for its modifiers. The phrase asked about (the
/// first) counts fully, the others (the population: "of the suspects") little.
/// Words for people in general, each standing for the others in a `what`:
/// "how many people were arrested" is answered by "1,333 individuals".
const PEOPLE: [&str; 3] = ["people", "persons", "individuals"];

/// Nouns for those who do something or for what happened, and the verbs a
/// `what` may say it with: "cocaine users" are met by "adults who used
/// cocaine", "overdose deaths" by "Americans died of drug poisonings".
const VERBED: [(&str, &[&str]); 3] = [
    ("users", &["use", "used", "using"]),
    ("injectors", &["inject", "injected", "injecting"]),
    ("deaths", &["die", "died", "dying"]),
];

fn what_match(terms: &[String], what: &str) -> f32 {
    // "deaths per 100,000 people" counts deaths, not people.
    let what = what.split(" per ").next().unwrap_or(what);
    let keys: Vec<String> = what.split_whitespace().map(word_key).collect();
    terms
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let weight = if i == 0 { 1.0 } else { 0.3 };
            let words: Vec<String> = t.split_whitespace().map(word_key).collect();
            let Some((head, mods)) = words.split_last() else { return 0.0 };
            let people = |w: &String| PEOPLE.iter().any(|p| word_key(p) == *w);
            // ("cocaine users" are "adults who used cocaine".)
            let done = |v: &&str| keys.iter().any(|k| k == v);
            let verbed =
                || VERBED.iter().filter(|(noun, _)| word_key(noun) == *head).any(|(_, verbs)| verbs.iter().any(done));
            let named = keys.contains(head) || people(head) && keys.iter().any(people) || verbed();
            if !named {
                return 0.0;
            }
            let hits = mods.iter().filter(|m| keys.contains(m)).count();
            weight * (1.0 + if mods.is_empty() { 0.0 } else { 0.5 * hits as f32 / mods.len() as f32 })
        })
        .fold(0.0, f32::max)
}

/// Words of a fact's `what` that stand for its drug, whatever it is ("value
/// of drugs").
const GENERIC_DRUG_WORDS: &[&str] = &["drugs", "drug", "narcotics"];

/// The share of the words of a fact's `what` that the question has among
/// its content words (compared as [`word_key`]s). A word the question only
/// implies (`implied`, a drug's canonical name) counts half: "crystal meth
/// seized" is described by "crystal meth" better than by "methamphetamine
/// pills". Second, the share of those words in `free`, the question's words
/// no constraint reads.
fn words_share(terms: &[String], implied: &[String], free: &[String], what: &str) -> (f32, f32) {
    const IMPLIED: f32 = 0.5;
    // (key, weight, a word no constraint of the question reads)
    let keys: Vec<(String, f32, bool)> = terms
        .iter()
        .map(|t| (word_key(t), if implied.contains(t) { IMPLIED } else { 1.0 }, free.contains(t)))
        .collect();
    let words: Vec<String> = what.split_whitespace().map(word_key).filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return (0.0, 0.0);
    }
    let met: Vec<(f32, bool)> = words
        .iter()
        .filter_map(|w| keys.iter().find(|(k, _, _)| k == w).map(|&(_, weight, own)| (weight, own)))
        .collect();
    let share: f32 = met.iter().map(|(weight, _)| weight).sum();
    let own = met.iter().filter(|(_, own)| *own).count();
    (share / words.len() as f32, own as f32 / words.len() as f32)
}

fn same_value(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 0.005 * a.abs().max(b.abs())
}

/// Ranks candidates: `(answers, related)`. Answers are every fact that meets
/// the question, best first, equal facts merged; related (only when there is
/// no answer) are the nearest excluded facts, at most `shown_k`, each with
/// why it does not answer. Only the first `shown_k` answers get their
/// reasons (`why`): the others are for totals and comparisons.
pub fn rank(q: &Question, candidates: Vec<Candidate>, shown_k: usize) -> (Vec<ScoredFact>, Vec<ScoredFact>) {
    let max_bm25 = candidates.iter().map(|c| c.bm25).fold(0.0f32, f32::max).max(1e-6);
    let mut kept: Vec<ScoredFact> = Vec::with_capacity(candidates.len());
    let mut excluded: Vec<ScoredFact> = Vec::new();
    let mut topical: Vec<(String, f32)> = Vec::new();
    let topic_words = topic_words(q);
    let mut names_met = q.names.is_empty();
    // The files whose headings name an agency asked.
    let mut led: Vec<String> = Vec::new();
    for c in candidates {
        let text = c.bm25 / max_bm25;
        names_met = names_met || c.names_file || c.topic > 0.0;
        // A title or an opening sentence naming the town asked names it for
        // every figure of its article ("Police seize £1.2m of heroin in
        // Swansea", "Greater Manchester Police arrested 23 people…").
        let titled_place = c.place_in_heading && place_named(q, &c.fact).is_none();
        // (A sentence naming what its article's title names already says
        // no more than the title does for all its figures; the words only
        // it names tell its figures from the others: "prison sentence of
        // the driver in the Portsmouth cocaine plot" under a title naming
        // the plot.)
        let beyond = sentence_names(&topic_words, &c.fact, &c.topic_named);
        let unnamed = !q.names.is_empty() && !c.names_file;
        let bonus = points::TOPIC * c.topic
            + points::TOPIC_SENTENCE * beyond
            + if titled_place { points::PLACE_NAMED } else { 0.0 }
            + if unnamed { points::NAME_UNNAMED } else { 0.0 };
        let seen = Seen { text, agency_in_heading: c.agency_in_heading };
        if c.agency_in_heading && !led.contains(&c.fact.doc) {
            led.push(c.fact.doc.clone());
        }
        let judged = judge_as(q, &c.fact, seen, false).map(|(score, why)| (score + bonus, why));
        if c.topic > 0.0 && !topical.iter().any(|(d, _)| *d == c.fact.doc) {
            topical.push((c.fact.doc.clone(), c.topic));
        }
        let scored =
            |score| ScoredFact { fact: c.fact, score, why: Vec::new(), sources: vec![], disagreements: vec![] };
        match judged {
            Ok((score, _)) => kept.push(scored(score)),
            Err(_) => excluded.push(scored(text)),
        }
    }
    // Nothing of the question's own constraints met and no word matched: no answer.
    kept.retain(|s| s.score > 0.5);
    // "arrests in Kwai Chung": a name the question gives that no answering
    // article names has no figure here; another place's is no answer.
    if !names_met {
        let reason = format!("names no {}", q.names.join(" "));
        for mut s in kept.drain(..) {
            s.why = vec![reason.clone()];
            excluded.push(s);
        }
        sort_facts(&mut excluded, |a, b| b.score.total_cmp(&a.score));
        excluded.truncate(shown_k);
        return (Vec::new(), excluded);
    }
    sort_facts(&mut kept, |a, b| {
        b.score.total_cmp(&a.score).then(a.fact.doc.cmp(&b.fact.doc)).then(a.fact.span.start.cmp(&b.fact.span.start))
    });

    if let Some(x) = q.extreme {
        extreme_first(q, &mut kept, x);
    } else {
        whole_period_first(q, &mut kept);
        weight_before_worth(q, &mut kept);
    }
    let mut answers = merge_duplicates(kept);
    for s in answers.iter_mut().take(shown_k) {
        let seen = Seen { text: 0.0, agency_in_heading: led.contains(&s.fact.doc) };
        if let Ok((_, mut why)) = judge_as(q, &s.fact, seen, true) {
            if topical.iter().any(|(d, _)| *d == s.fact.doc) {
                why.push(format!("its article's heading names {}", q.topic_terms.join(" ")));
            }
            if sentence_names(&topic_words, &s.fact, &[]) > 0.0 {
                why.push(format!("its sentence names {}", q.topic_terms.join(" ")));
            }
            // Before what ranking itself added ("the largest such figure").
            why.append(&mut s.why);
            s.why = why;
        }
    }
    if !answers.is_empty() {
        return (answers, Vec::new());
    }
    sort_facts(&mut excluded, |a, b| b.score.total_cmp(&a.score));
    excluded.truncate(shown_k);
    for s in &mut excluded {
        let seen = Seen { text: s.score, agency_in_heading: led.contains(&s.fact.doc) };
        if let Err(reason) = judge_as(q, &s.fact, seen, true) {
            s.why = vec![reason];
        }
    }
    (answers, excluded)
}

/// The question's topic words ([`Question::topic_terms`]) as analyzed terms.
fn topic_words(q: &Question) -> Vec<String> {
    let mut out: Vec<String> = q.topic_terms.iter().flat_map(|t| terms(t)).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The share of `words` (analyzed terms), other than those in `except`, that
/// the sentence of `f` has, with the line leading into it (a list's lead, a
/// table's caption), 0 to 1.
fn sentence_names(words: &[String], f: &Fact, except: &[String]) -> f32 {
    if words.is_empty() {
        return 0.0;
    }
    let mut found = terms(&f.sentence);
    if let Some(lead) = &f.lead_in {
        found.extend(terms(lead));
    }
    words.iter().filter(|w| !except.contains(w) && found.contains(w)).count() as f32 / words.len() as f32
}

/// A stable sort of scored facts that moves each (large) fact once: the
/// order is found on indices, then applied.
fn sort_facts(facts: &mut Vec<ScoredFact>, cmp: impl Fn(&ScoredFact, &ScoredFact) -> std::cmp::Ordering) {
    let mut order: Vec<usize> = (0..facts.len()).collect();
    order.sort_by(|&a, &b| cmp(&facts[a], &facts[b]));
    let mut slots: Vec<Option<ScoredFact>> = facts.drain(..).map(Some).collect();
    facts.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Moves the largest (or smallest) value of the best-fitting measure to the
/// front, among the facts that score close to the best.
fn extreme_first(q: &Question, kept: &mut Vec<ScoredFact>, x: Extreme) {
    let Some(best) = kept.first() else { return };
    let dims: Vec<Dimension> = if q.dimensions.is_empty() { q.prefer.clone() } else { q.dimensions.clone() };
    let Some(dim) = dims.iter().copied().find(|d| kept.iter().any(|s| s.fact.unit.dimension() == *d)) else { return };
    let floor = best.score - 2.0;
    // "the largest cocaine haul": one seizure's figure, not a year's total,
    // when there is one.
    let single =
        q.single && kept.iter().any(|s| s.fact.unit.dimension() == dim && s.score >= floor && !is_aggregate(&s.fact));
    // "Which drug did the ANF seize the most of?": the agency asked by its
    // own name, not another of its kind ("drug control agency") elsewhere,
    // when a figure near the best names it.
    let by_name = |s: &ScoredFact| agent_named(q, &s.fact).is_some_and(|n| !q.agents.contains(n));
    let named = kept.iter().any(|s| s.fact.unit.dimension() == dim && s.score >= floor && by_name(s));
    let pick = kept
        .iter()
        .enumerate()
        .filter(|(_, s)| s.fact.unit.dimension() == dim && s.score >= floor && !(single && is_aggregate(&s.fact)))
        .filter(|(_, s)| !named || by_name(s))
        .max_by(|(_, a), (_, b)| match x {
            Extreme::Max => a.fact.value.total_cmp(&b.fact.value),
            Extreme::Min => b.fact.value.total_cmp(&a.fact.value),
        })
        .map(|(i, _)| i);
    if let Some(i) = pick {
        let mut s = kept.remove(i);
        s.why.push(if x == Extreme::Max {
            "the largest such figure".into()
        } else {
            "the smallest such figure".into()
        });
        kept.insert(0, s);
    }
}

/// How far below the best a figure for the whole period asked may score and
/// still go first (see [`whole_period_first`]).
const WHOLE_PERIOD_MARGIN: f32 = 2.5;

/// The longest period [`whole_period_first`] reads as one operation's date
/// (a month). A longer part ("so far this year") is itself a sum, and a
/// figure dated only by its article's year may be one seizure.
const ONE_OPERATION_DAYS: i64 = 31;

/// Moves a figure for the whole period asked to the front when the best
/// answer covers only a part of it and states the same thing (its drug,
/// event and measure). "How much meth did customs seize in the first half of
/// 2025" is answered by "Methamphetamine accounted for 902 kilograms" of the
/// half-year's total, though the sentence naming customs and "meth" is
/// April's 101 kg: one seizure of the many the half-year sums. The best
/// answer must be dated to one operation's time ([`ONE_OPERATION_DAYS`]).
/// Another article's figure must be a sum ([`is_aggregate`]): "96 kilograms
/// of heroin" off Sri Lanka, dated only by its article, is no whole year's
/// for "heroin seized at Port Louis 2025".
fn whole_period_first(q: &Question, kept: &mut Vec<ScoredFact>) {
    let (Some(asked), Some(best)) = (q.period, kept.first()) else { return };
    // One operation's date: a day, a weekend, a month ("in April").
    let part = best.fact.period.is_some_and(|p| p.days() <= ONE_OPERATION_DAYS && p != asked && asked.contains(&p));
    if !part || q.single || q.compare || q.breakdown.is_some() {
        return;
    }
    let floor = best.score - WHOLE_PERIOD_MARGIN;
    // A measure the question prefers as much ("cocaine seized": its weight
    // before its packages), else the same.
    let preference = |d: Dimension| {
        let order = if q.dimensions.is_empty() { &q.prefer } else { &q.dimensions };
        order.iter().position(|x| *x == d).unwrap_or(usize::MAX)
    };
    let best_measure = best.fact.unit.dimension();
    let whole = |s: &ScoredFact| {
        let dim = s.fact.unit.dimension();
        s.score >= floor
            && s.fact.period.is_some_and(|p| p == asked || q.fiscal_spans.contains(&p))
            && (dim == best_measure || preference(dim) < preference(best_measure))
            && s.fact.substance == best.fact.substance
            && s.fact.event == best.fact.event
            && (s.fact.doc == best.fact.doc || is_aggregate(&s.fact))
    };
    if let Some(i) = kept.iter().position(whole) {
        let mut s = kept.remove(i);
        s.why.push(format!("the figure for the whole of {asked}"));
        kept.insert(0, s);
    }
}

/// How far below a drug's worth its weight or count may score and still go
/// before it (see [`weight_before_worth`]).
const WORTH_MARGIN: f32 = 2.5;

/// Moves the weight or count of what was seized before what it is worth when
/// the question asks no measure and the best answer is the worth. "Cannabis
/// seized at Rosslare" wants the 180 kg before the €3.6 million, though the
/// sum's sentence names Rosslare and "seized" and the weight's says only
/// "The drugs, weighing 180kg, were discovered": the same article's figure
/// of the same drug, event and time, in the measure the question prefers.
fn weight_before_worth(q: &Question, kept: &mut Vec<ScoredFact>) {
    let Some(best) = kept.first() else { return };
    if !q.dimensions.is_empty() || best.fact.unit.dimension() != Dimension::Money || !names_worth(&best.fact) {
        return;
    }
    let rank_of = |d: Dimension| q.prefer.iter().position(|x| *x == d).unwrap_or(usize::MAX);
    let worth = rank_of(Dimension::Money);
    let floor = best.score - WORTH_MARGIN;
    let same_time = |s: &ScoredFact| match (s.fact.period, best.fact.period) {
        (Some(a), Some(b)) => a.overlaps(&b),
        _ => true,
    };
    let weight = |s: &ScoredFact| {
        s.score >= floor
            && s.fact.doc == best.fact.doc
            && rank_of(s.fact.unit.dimension()) < worth
            && s.fact.substance.is_some()
            && s.fact.substance == best.fact.substance
            && s.fact.event == best.fact.event
            && same_time(s)
    };
    if let Some(i) = kept.iter().position(weight) {
        let mut s = kept.remove(i);
        s.why.push("its weight or number before its worth".into());
        kept.insert(0, s);
    }
}

/// The days a stated total may span and be one event's (a weekend's raid).
const EVENT_DAYS: i32 = 4;

/// Phrases that date a figure to a whole year counted from another ("up
/// from 18 tons a year earlier").
const RELATIVE_YEARS: [&str; 5] = ["year earlier", "year before", "year ago", "last year", "previous year"];

/// True when a fact sums several events: a stated total, or a figure its
/// own sentence dates to more than a month by naming the year ("58 tonnes
/// … in 2023") or the months ("so far this year"), or to a whole year by
/// counting from one ("18 tons a year earlier"); not "just months
/// earlier", which is vague, not long. ("A total of 2,253kg of cocaine was
/// found on board" at the weekend is one seizure's total: a stated total
/// its own sentence dates to a few days is one event's.)
fn is_aggregate(f: &Fact) -> bool {
    let own_period = f.period.filter(|_| !f.is_carried("period"));
    let one_event = own_period.is_some_and(|p| (p.last_day() - p.first_day()).get_days() < EVENT_DAYS);
    if f.total && one_event {
        return false;
    }
    let long_and_named = |p: Period| {
        let long = p.start.month.is_none() || (p.start.year, p.start.month) != (p.end.year, p.end.month);
        let whole_year = p.start.month.is_none() && p.end.month.is_none();
        long && (p.start.year..=p.end.year).any(|y| names_year(&f.sentence, y))
            || whole_year && {
                let sentence = f.sentence.to_lowercase();
                RELATIVE_YEARS.iter().any(|w| sentence.contains(w))
            }
    };
    // ("so far this year", "between January and July": a span of months
    // its sentence names, whatever words it names them by.)
    let months = |p: Period| p.start.month.is_some() && (p.start.year, p.start.month) != (p.end.year, p.end.month);
    f.total || own_period.is_some_and(|p| long_and_named(p) || months(p))
}

/// True when `sentence` names year `y` as a period, not as the year of a
/// date ("SAO PAULO, Aug 12, 2025 (Reuters) -", "on 3 March 2025").
fn names_year(sentence: &str, y: i16) -> bool {
    let year = y.to_string();
    sentence.match_indices(&year).any(|(at, _)| {
        let before = sentence[..at].trim_end_matches([',', ' ']);
        let word = before.rsplit(|c: char| !c.is_alphanumeric() && c != '.').next().unwrap_or("");
        let day = !word.is_empty() && word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit());
        !(day || crate::text::date::month(word).is_some())
    })
}

/// Merges answers that state the same fact (same value, unit, period and
/// substance) from several files into one citing every source.
fn merge_duplicates(kept: Vec<ScoredFact>) -> Vec<ScoredFact> {
    let mut out: Vec<ScoredFact> = Vec::with_capacity(kept.len());
    for s in kept {
        // Cheapest comparisons first: this runs for every pair of answers.
        let dup = out.iter_mut().find(|o| {
            o.fact.unit == s.fact.unit
                && same_value(o.fact.value, s.fact.value)
                && o.fact.period == s.fact.period
                && o.fact.substance == s.fact.substance
                && o.fact.doc != s.fact.doc
        });
        match dup {
            Some(o) => o.sources.push(Source { doc: s.fact.doc.clone(), span: s.fact.span }),
            None => out.push(s),
        }
    }
    out
}

/// Notes, for each of the first `shown` answers, the figures other answers
/// from other files give for the same frame (period, substance, place, event
/// and measured thing) when they differ.
pub fn note_disagreements(answers: &mut [ScoredFact], shown: usize) {
    for i in 0..shown.min(answers.len()) {
        let found: Vec<Fact> = answers
            .iter()
            .enumerate()
            .filter(|(j, o)| *j != i && disagrees(&o.fact, &answers[i].fact))
            .map(|(_, o)| o.fact.clone())
            .collect();
        answers[i].disagreements = found;
    }
}

fn disagrees(other: &Fact, f: &Fact) -> bool {
    other.doc != f.doc
        && other.unit == f.unit
        && other.period.is_some()
        && other.period == f.period
        && other.substance == f.substance
        && other.place == f.place
        && other.event == f.event
        && other.what == f.what
        && !same_value(other.value, f.value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_agency_is_named_by_its_whole_word() {
        assert!(!names_word("moved 300 tonnes of cannabis from Morocco to Europe", "europol"));
        assert!(names_word("supported by Europol and Eurojust", "europol"));
        assert!(names_word("San Joaquin County Sheriff's deputies seized", "deputy"));
        assert!(names_word("a sheriff's deputy seized", "deputies"));
    }

    #[test]
    fn a_place_is_the_same_however_spelled_and_short_names_whole() {
        assert!(same_place("Tangier", "Tanger Med"));
        assert!(same_place("manchester", "Greater Manchester"));
        assert!(same_place("Mae Sai", "Mae Sai"));
        assert!(!same_place("Mae Sai", "Mae Hong Son"));
        assert!(!same_place("Kulai", "Johor Baru"));
    }

    #[test]
    fn a_year_of_a_date_is_no_period_named() {
        assert!(names_year("Police seized 58 tonnes of cocaine in 2023.", 2023));
        assert!(names_year("In 2024, 22 tons were seized.", 2024));
        assert!(!names_year("SAO PAULO, Aug 12, 2025 (Reuters) - Police seized 3.1 tons", 2025));
        assert!(!names_year("Officers seized 40 kg on 3 March 2025.", 2025));
        assert!(!names_year("Officers seized 40 kg in 2024.", 2025));
    }

    #[test]
    fn a_name_before_alone_is_a_part_of_a_total() {
        assert!(named_part("In Costa Rica alone, police seized 6.3 tonnes of cocaine."));
        assert!(named_part("Customs alone accounted for 37 tonnes of that total."));
        assert!(!named_part("Officers seized 48 tonnes of cocaine."));
        assert!(!named_part("The driver was travelling alone."));
        assert!(opens_on_part("Among them were 41 large-scale labs for MDMA."));
        assert!(opens_on_part("Of these, 12 tonnes were cocaine."));
        assert!(
            !opens_on_part("Of thesee 12 tonnes") && !opens_on_part("Police seized 12 tonnes, of which 3 were heroin.")
        );
    }

    #[test]
    fn an_acronym_is_spelled_out_by_its_capitalised_words() {
        assert!(spells_out("The Drug Enforcement Administration's Phoenix Field Division seized", "dea"));
        assert!(spells_out("the White House Office of National Drug Control Policy", "ondcp"));
        assert!(!spells_out("Drug enforcement officers seized", "dea"));
        assert!(!spells_out("The Drug Enforcement Administration seized", "police"));
        assert!(!spells_out("Police seized", "p"));
    }

    #[test]
    fn compatible_agents_are_those_judge_accepts() {
        let mut known: Vec<&str> = ENFORCEMENT.to_vec();
        known.extend(["coast guard", "ministry of health", "unodc"]);
        for asked in [vec!["customs"], vec!["law enforcement"], vec!["unodc"], vec!["police", "unodc"]] {
            let asked: Vec<String> = asked.into_iter().map(str::to_owned).collect();
            let compatible = compatible_agents(&asked);
            for found in &known {
                // (Unnamed authorities may act with any agency the sentence
                // names: `judge` reads the sentence.)
                let accepted = asked.iter().any(|a| agents_compatible(a, found).is_some()) || *found == GENERIC_AGENT;
                assert_eq!(compatible.iter().any(|c| c == found), accepted, "{found} for {asked:?}");
            }
        }
    }

    fn candidate(value: f64, period: &str, doc: &str) -> Candidate {
        let fact = Fact {
            doc: doc.into(),
            substance: Some("heroin".into()),
            ..crate::extract::fact::example(value, Unit::Kg, period)
        };
        Candidate {
            fact,
            bm25: 1.0,
            topic: 0.0,
            topic_named: Vec::new(),
            place_in_heading: false,
            names_file: false,
            agency_in_heading: false,
        }
    }

    #[test]
    fn facts_sort_stably() {
        let scored = |score: f32, doc: &str| ScoredFact {
            fact: candidate(1.0, "2021", doc).fact,
            score,
            why: Vec::new(),
            sources: Vec::new(),
            disagreements: Vec::new(),
        };
        let mut facts = vec![scored(1.0, "a"), scored(3.0, "b"), scored(1.0, "c"), scored(2.0, "d"), scored(3.0, "e")];
        sort_facts(&mut facts, |a, b| b.score.total_cmp(&a.score));
        let docs: Vec<&str> = facts.iter().map(|s| s.fact.doc.as_str()).collect();
        assert_eq!(docs, ["b", "e", "d", "a", "c"]);
    }

    #[test]
    fn a_sentence_that_names_the_drug_beats_one_that_carries_it() {
        let q = Question {
            substances: vec!["heroin".into()],
            period: crate::extract::Period::parse("2021"),
            prefer: vec![Dimension::Mass],
            ..Question::default()
        };
        let stated = candidate(58.0, "2021", "a.txt");
        let mut carried = candidate(9.5, "2021", "a.txt");
        carried.fact.carried = vec!["substance".into()];
        let (answers, _) = rank(&q, vec![carried, stated], 2);
        assert_eq!(answers[0].fact.value, 58.0);
        assert!(answers[0].score - answers[1].score >= points::CARRIED - f32::EPSILON);
    }

    #[test]
    fn packs_asked_are_counted_not_weighed() {
        // "bales of cocaine on the speedboat": 16 bales, not the 392 kg.
        let q = Question {
            substances: vec!["heroin".into()],
            what_terms: vec!["bales".into()],
            prefer: vec![Dimension::Count, Dimension::Mass],
            ..Question::default()
        };
        let mass = candidate(392.0, "2025", "a.txt");
        let mut bales = candidate(16.0, "2025", "a.txt");
        bales.fact.unit = Unit::Count;
        bales.fact.what = Some("bales".into());
        let weighed = judge(&q, &mass.fact, 1.0).unwrap().0;
        let counted = judge(&q, &bales.fact, 1.0).unwrap().0;
        assert!(counted - weighed >= points::WHAT - points::COUNT_UNMET - f32::EPSILON, "{counted} vs {weighed}");
    }

    #[test]
    fn a_longer_part_of_the_period_asked_ranks_higher() {
        let q = Question {
            substances: vec!["heroin".into()],
            period: crate::extract::Period::parse("2021"),
            ..Question::default()
        };
        let day = candidate(50.0, "2021-08-04", "a.txt");
        let months = candidate(2700.0, "2021-01..2021-07", "a.txt");
        let (answers, _) = rank(&q, vec![day, months], 2);
        assert_eq!(answers[0].fact.value, 2700.0);
        assert!(answers[0].score < judge(&q, &candidate(1.0, "2021", "b.txt").fact, 1.0).unwrap().0);
    }

    #[test]
    fn the_largest_haul_is_one_seizure_not_a_years_total() {
        let q = Question {
            substances: vec!["heroin".into()],
            extreme: Some(Extreme::Max),
            single: true,
            prefer: vec![Dimension::Mass],
            ..Question::default()
        };
        let with_sentence = |value: f64, period: &str, sentence: &str| {
            let mut c = candidate(value, period, "a.txt");
            c.fact.sentence = sentence.into();
            c
        };
        let annual = with_sentence(58.0, "2023", "Police seized 58 tonnes of heroin in 2023.");
        let haul = with_sentence(13.0, "2024-10-23", "Police seized 13 tonnes of heroin on Wednesday.");
        // "Just months earlier": a year, but vague, not long.
        let earlier = with_sentence(9.0, "2022", "Just months earlier, police seized 9 tonnes of heroin.");
        let (answers, _) = rank(&q, vec![annual.clone(), haul.clone(), earlier.clone()], 3);
        assert_eq!(answers[0].fact.value, 13.0);
        let (answers, _) = rank(&q, vec![annual.clone(), earlier], 3);
        assert_eq!(answers[0].fact.value, 9.0);
        // Only totals: the largest of them.
        let (answers, _) = rank(&q, vec![annual, with_sentence(40.0, "2022", "In 2022, 40 tonnes.")], 3);
        assert_eq!(answers[0].fact.value, 58.0);
        // Not asked for one event: the largest figure.
        let q = Question { single: false, ..q };
        let (answers, _) = rank(&q, vec![with_sentence(58.0, "2023", "In 2023, 58 tonnes."), haul], 3);
        assert_eq!(answers[0].fact.value, 58.0);
    }

    #[test]
    fn only_shown_facts_are_explained() {
        let q = Question {
            substances: vec!["heroin".into()],
            period: crate::extract::Period::parse("2021"),
            extreme: Some(Extreme::Max),
            prefer: vec![Dimension::Mass],
            ..Question::default()
        };
        let candidates = (1..=5).map(|v| candidate(f64::from(v), "2021", &format!("{v}.txt"))).collect();
        let (answers, related) = rank(&q, candidates, 2);
        assert!(related.is_empty());
        assert_eq!(answers.len(), 5);
        assert_eq!(answers[0].fact.value, 5.0);
        assert_eq!(answers[0].why, ["substance heroin", "period 2021", "the largest such figure"]);
        assert_eq!(answers[1].why, ["substance heroin", "period 2021"]);
        assert!(answers[2..].iter().all(|s| s.why.is_empty()));
        // With no answer, the shown near misses say why they miss.
        let (answers, related) = rank(&q, vec![candidate(1.0, "2019", "a.txt"), candidate(2.0, "2018", "b.txt")], 1);
        assert!(answers.is_empty());
        assert_eq!(related.len(), 1);
        assert_eq!(related[0].why, [judge(&q, &related[0].fact, 1.0).unwrap_err()]);
        assert!(related[0].why[0].starts_with("period is 201"), "{:?}", related[0].why);
    }
}
