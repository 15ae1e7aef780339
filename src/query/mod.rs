//! Questions: what a researcher asks, as a structured request.
//!
//! [`parse`] reads a question or a keyword query with the same lexicon and
//! period grammar as the extractor, so "Iranian", "border guards", "H1 2024"
//! and "last year" mean the same in both. It never fails: what it cannot
//! read stays a free search term, and its diagnostics say what was guessed
//! (a misspelling corrected, a relative date without a today).

mod parse;

pub use parse::parse;

use crate::extract::Period;
use crate::vocab::{Currency, Dimension, Event, MassUnit, Unit};

/// Largest or smallest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extreme {
    /// "largest", "most", "highest".
    Max,
    /// "smallest", "least", "lowest".
    Min,
}

/// What a breakdown groups figures by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breakdown {
    /// One figure per year.
    Year,
    /// One figure per substance.
    Substance,
    /// One figure per place.
    Place,
    /// One figure per agency.
    Agent,
}

impl Breakdown {
    /// "year", "substance", "place", "agent".
    pub fn as_str(&self) -> &'static str {
        match self {
            Breakdown::Year => "year",
            Breakdown::Substance => "substance",
            Breakdown::Place => "place",
            Breakdown::Agent => "agent",
        }
    }
}

/// Comparison in a numeric filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    /// Greater than.
    Over,
    /// Less than.
    Under,
}

/// A question, parsed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Question {
    /// The question as asked.
    pub text: String,
    /// Canonical substances asked about (`narcotics` for drugs in general).
    pub substances: Vec<String>,
    /// What happened.
    pub event: Option<Event>,
    /// Canonical agencies.
    pub agents: Vec<String>,
    /// The agencies as the question names them, lower-cased ("sheriff
    /// deputies", "guardia civil"): a fact whose sentence names one the same
    /// way meets the question better than another of its kind.
    pub agent_names: Vec<String>,
    /// Places.
    pub places: Vec<String>,
    /// The places as the question names them, lower-cased, where the name is
    /// finer than the place it stands for ("glasgow" in the United Kingdom):
    /// a fact whose sentence names one meets the question better than
    /// another of the same country.
    pub place_names: Vec<String>,
    /// Places preferred, not required: those named only by a border ("at
    /// the UK border", "along the Myanmar border"), which has two sides, and
    /// those naming a drug ("kerala cannabis"), which may be its origin.
    pub preferred_places: Vec<String>,
    /// The world's figures are asked ("cocaine seized worldwide", "global
    /// cocaine production"), which no one country's figure gives.
    pub worldwide: bool,
    /// The countries of the national agencies the question names, when it
    /// names no place ("seized by NDLEA": Nigeria): another country's agency
    /// of the same kind is not the one asked about.
    pub agent_homes: Vec<String>,
    /// The period asked about (all periods named, joined).
    pub period: Option<Period>,
    /// Each period named, in order ("compare 2022 and 2023").
    pub periods: Vec<Period>,
    /// The period names months or days but no year ("in September", "on
    /// June 12"): it is placed in today's year, and when nothing answers
    /// there, search takes the latest year before that answers.
    pub yearless: bool,
    /// A fiscal year asked of no country ("in fiscal year 2025"): the spans
    /// it stands for in each fiscal calendar known, any of which answers
    /// exactly. ([`Question::period`] holds the calendar year named.)
    pub fiscal_spans: Vec<Period>,
    /// Figures asked per year, substance, place or agency ("per year",
    /// "compare 2022 and 2023", "by drug").
    pub breakdown: Option<Breakdown>,
    /// The figures are set side by side ("2023 vs 2024", "compare heroin
    /// and opium"): their change is asked, not their sum.
    pub compare: bool,
    /// "top 3": at most this many answers.
    pub top: Option<usize>,
    /// Measures the answer must be in ("how many" → count); empty: any.
    pub dimensions: Vec<Dimension>,
    /// Measures preferred when several fit, best first.
    pub prefer: Vec<Dimension>,
    /// The question asks for money held, by a noun of money ("cash",
    /// "assets", "proceeds"), and for no worth: a drug's value does not
    /// answer it.
    pub held_money: bool,
    /// Things the question counts that are no drug ("firearms seized in the
    /// fentanyl investigation"): a count of them names no drug, so the drug
    /// asked does not rule it out.
    pub things: Vec<String>,
    /// A rate of a measure is asked ("opium yield per hectare"): no fact
    /// answers it, as extraction keeps no rates.
    pub rate: bool,
    /// A currency asked for ("in manats").
    pub currency: Option<Currency>,
    /// The mass unit the question counts in ("how many pounds"): answers
    /// are shown in it (values stay in kilograms).
    pub mass_unit: Option<MassUnit>,
    /// Largest or smallest.
    pub extreme: Option<Extreme>,
    /// A total is asked for.
    pub total: bool,
    /// The extreme asked is one event's ("the largest cocaine haul"): a
    /// total or a figure of a longer period does not answer it first.
    pub single: bool,
    /// "Which drug…": the answer must name a substance.
    pub which_substance: bool,
    /// "more than 500 kg": a bound on the value, in `unit`.
    pub bound: Option<(Cmp, f64, Unit)>,
    /// Figures the question states as known ("charges the five accused
    /// face", "value of the 2 tonnes seized"): what it starts from, not
    /// what it asks.
    pub given: Vec<(f64, Unit)>,
    /// Words to search the text with (analyzed later by the index).
    pub terms: Vec<String>,
    /// The words that name a particular drug ("shabu", "crystal meth"): the
    /// substance is a filter, so these words score a fact's sentence but not
    /// its description (which would make "value of shabu" a better answer
    /// than "1.4 tons of methamphetamine hydrochloride" in the same sentence).
    pub substance_terms: Vec<String>,
    /// The words that name the period ("first", "half", "2019"): the period
    /// is a filter, so these words do not score a fact's text.
    pub period_terms: Vec<String>,
    /// The words that say what the question is about, beside its places and
    /// periods ("weather" in "weather in Nairobi"): a fact must meet one of
    /// them, or one of the constraints they set, to answer.
    pub content_terms: Vec<String>,
    /// The content terms the question implies rather than says: the
    /// canonical name of a drug it names otherwise ("methamphetamine" for
    /// "crystal meth"). A description in the question's own words meets it
    /// better than one in these.
    pub implied_terms: Vec<String>,
    /// The words no constraint reads ("operation", "lionfish" in "drugs
    /// seized in Operation Lionfish"): facts of an article whose title names
    /// them rank higher.
    pub topic_terms: Vec<String>,
    /// The topic words the question writes with a capital, past its first
    /// word ("kwai chung" in "arrests in Kwai Chung"): names no constraint
    /// reads. When no answering fact's article names one, in its heading or
    /// any passage, the corpus holds no figure for it, and another's is no
    /// answer.
    pub names: Vec<String>,
    /// Phrases that name the measured thing ("delegates", "foreign nationals"),
    /// the one asked about first.
    pub what_terms: Vec<String>,
    /// Asks what the law sets ("the maximum penalty for importing cocaine"):
    /// no fact holds that, so only passages answer.
    pub law: bool,
}

impl Question {
    /// The substances a fact must have one of: the named ones, with drugs in
    /// general when the question lists them beside those ("drugs and
    /// precursors"); none when it asks for drugs in general alone, which
    /// filter nothing.
    pub fn substance_filter(&self) -> Vec<String> {
        let generic = |s: &String| s == "narcotics";
        if self.substances.iter().all(generic) {
            return Vec::new();
        }
        self.substances.clone()
    }

    /// True when a count of a drug by its name may answer for its amount:
    /// "how much ecstasy" asks for any amount ("1.2 million ecstasy
    /// tablets"), a weight or a unit asked ("weight of the pills", "how many
    /// kilograms") for a mass alone.
    pub fn counts_may_answer_mass(&self) -> bool {
        self.dimensions.len() > 1 && self.dimensions.contains(&Dimension::Mass)
    }

    /// True when the question constrains anything besides free words.
    pub fn has_constraints(&self) -> bool {
        !self.substances.is_empty()
            || self.event.is_some()
            || !self.agents.is_empty()
            || !self.places.is_empty()
            || self.period.is_some()
            || !self.dimensions.is_empty()
            || self.bound.is_some()
    }

    /// A one-line summary of the request, for `--explain`.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if !self.substances.is_empty() {
            parts.push(format!("substance={}", self.substances.join("|")));
        }
        if let Some(e) = self.event {
            parts.push(format!("event={}", e.as_str()));
        }
        if !self.agents.is_empty() {
            parts.push(format!("agent={}", self.agents.join("|")));
        }
        if !self.places.is_empty() {
            parts.push(format!("place={}", self.places.join("|")));
        }
        if !self.preferred_places.is_empty() {
            parts.push(format!("prefer={}", self.preferred_places.join("|")));
        }
        if self.worldwide {
            parts.push("place=worldwide".to_owned());
        }
        if let Some(p) = self.period {
            parts.push(format!("period={p}"));
        }
        if !self.dimensions.is_empty() {
            parts.push(format!(
                "measure={}",
                self.dimensions.iter().map(|d| format!("{d:?}").to_lowercase()).collect::<Vec<_>>().join("|")
            ));
        }
        if let Some(c) = self.currency {
            parts.push(format!("currency={}", c.as_str()));
        }
        if self.rate {
            parts.push("rate".into());
        }
        if let Some(m) = self.mass_unit {
            parts.push(format!("unit={}", m.as_str()));
        }
        if let Some(x) = self.extreme {
            parts.push(if x == Extreme::Max { "largest" } else { "smallest" }.to_owned());
        }
        if self.law {
            parts.push("law".into());
        }
        if self.single {
            parts.push("single".into());
        }
        if self.total {
            parts.push("total".into());
        }
        if let Some(b) = self.breakdown {
            parts.push(format!("per-{}", b.as_str()));
        }
        if let Some(n) = self.top {
            parts.push(format!("top-{n}"));
        }
        if self.which_substance {
            parts.push("which-substance".into());
        }
        if let Some((c, v, u)) = self.bound {
            parts.push(format!("value {} {v} {}", if c == Cmp::Over { ">" } else { "<" }, u.as_str()));
        }
        if !self.terms.is_empty() {
            parts.push(format!("words={}", self.terms.join(" ")));
        }
        parts.join(" ")
    }
}
