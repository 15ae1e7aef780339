//! The JSON wire format (shared/CONTRACT.md), kept apart from domain types.
//!
//! # A fact
//!
//! | field | type | meaning |
//! |---|---|---|
//! | `doc` | string | corpus file name, e.g. `001_2586f2b13f1ad233.txt` |
//! | `start`, `end` | int | UTF-8 byte offsets of the quantity's text in the original file (end exclusive) |
//! | `text` | string | that text, e.g. `903 kg 454 grams` |
//! | `value` | number | value in the canonical unit |
//! | `value_max` | number or null | upper end of a range |
//! | `unit` | string | `kg`, `count`, `%`, an ISO 4217 code, `km`, `l`, `year`, `ha` |
//! | `what` | string or null | what is counted or weighed, lower case |
//! | `substance` | string or null | canonical substance (`narcotics`: drugs in general) |
//! | `substances` | array, absent for one drug | every drug of a mix measured as one, `substance` first |
//! | `event` | string or null | `seizure`, `destruction`, `production`, `trafficking`, `crime`, `prosecution`, `arrest`, `casualty`, `treatment`, `other` |
//! | `agent` | string or null | canonical agency (`customs`, `border service`, `police`, `drug control agency`, `security service`, `navy`, `law enforcement`, `un`, …) |
//! | `place` | string or null | country the fact is about |
//! | `period` | string or null | `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `A..B` |
//! | `approx` | string or null | `over`, `under`, `about`, `up_to` |
//! | `sentence` | string | the sentence it came from |
//! | `sentence_start`, `sentence_end` | int | the sentence's byte offsets in the file |
//! | `total` | bool | the sentence states it as a total |
//! | `carried` | array of strings | attributes taken from outside the sentence |
//! | `rule` | string | the extraction rule that read the quantity |
//! | `background` | bool | from before the article's news (its period ends before the lead's and the article's date) |
//! | `headline` | bool | states the figure the article's title states (rounded as headlines round) |
//!
//! An answer's fact adds `score` (number), `sources` (other files stating the
//! same fact: `[{doc, start, end}]`) and `why` (reasons for its rank).

use serde::Serialize;

use crate::extract::Fact;

/// A fact on the wire.
#[derive(Debug, Clone, Serialize)]
pub struct FactJson<'a> {
    /// Corpus file name.
    pub doc: &'a str,
    /// Byte offset of the quantity's text.
    pub start: usize,
    /// End of the quantity's text.
    pub end: usize,
    /// The quantity's text.
    pub text: &'a str,
    /// Canonical value.
    pub value: f64,
    /// Upper end of a range.
    pub value_max: Option<f64>,
    /// Canonical unit.
    pub unit: &'a str,
    /// What is measured.
    pub what: Option<&'a str>,
    /// Canonical substance.
    pub substance: Option<&'a str>,
    /// Every drug of a mix measured as one, `substance` first (absent for
    /// one drug).
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub substances: &'a [String],
    /// Event.
    pub event: Option<&'a str>,
    /// Canonical agency.
    pub agent: Option<&'a str>,
    /// Place.
    pub place: Option<&'a str>,
    /// The finer place, as written (absent when none is named).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locality: Option<&'a str>,
    /// Period.
    pub period: Option<String>,
    /// Hedge.
    pub approx: Option<&'a str>,
    /// Source sentence.
    pub sentence: &'a str,
    /// Sentence start offset.
    pub sentence_start: usize,
    /// Sentence end offset.
    pub sentence_end: usize,
    /// Stated as a total.
    pub total: bool,
    /// Attributes carried from outside the sentence.
    pub carried: &'a [String],
    /// Extraction rule.
    pub rule: &'a str,
    /// From before the article's news.
    pub background: bool,
    /// States the title's figure.
    pub headline: bool,
}

impl<'a> From<&'a Fact> for FactJson<'a> {
    fn from(f: &'a Fact) -> FactJson<'a> {
        FactJson {
            doc: &f.doc,
            start: f.span.start,
            end: f.span.end,
            text: &f.text,
            value: f.value,
            value_max: f.value_max,
            unit: f.unit.as_str(),
            what: f.what.as_deref(),
            substance: f.substance.as_deref(),
            substances: &f.substances,
            event: f.event.map(|e| e.as_str()),
            agent: f.agent.as_deref(),
            place: f.place.as_deref(),
            locality: f.locality.as_deref(),
            period: f.period.map(|p| p.to_string()),
            approx: f.approx.map(|a| a.as_str()),
            sentence: &f.sentence,
            sentence_start: f.sentence_span.start,
            sentence_end: f.sentence_span.end,
            total: f.total,
            carried: &f.carried,
            rule: &f.rule,
            background: f.background,
            headline: f.headline,
        }
    }
}

/// A source of an answer (another file stating the same fact).
#[derive(Debug, Clone, Serialize)]
pub struct SourceJson<'a> {
    /// Corpus file name.
    pub doc: &'a str,
    /// Start of the quantity's text.
    pub start: usize,
    /// End of the quantity's text.
    pub end: usize,
}

/// An answer's fact on the wire: the fact's fields plus `score`, `sources`,
/// `why` and `disagreements` (facts for the same frame from other files).
#[derive(Debug, Clone, Serialize)]
pub struct ScoredJson<'a> {
    /// The fact's fields.
    #[serde(flatten)]
    pub fact: FactJson<'a>,
    /// Rank score; higher is better.
    pub score: f32,
    /// Other files stating it.
    pub sources: Vec<SourceJson<'a>>,
    /// Reasons for its rank.
    pub why: &'a [String],
    /// Other figures for the same frame, from other files.
    pub disagreements: Vec<FactJson<'a>>,
}

/// A passage on the wire.
#[derive(Debug, Clone, Serialize)]
pub struct PassageJson<'a> {
    /// Corpus file name.
    pub doc: &'a str,
    /// Start offset in the file.
    pub start: usize,
    /// End offset in the file.
    pub end: usize,
    /// The passage.
    pub text: &'a str,
    /// Text-search score.
    pub score: f32,
}

/// One group of a breakdown on the wire.
#[derive(Debug, Clone, Serialize)]
pub struct PartJson<'a> {
    /// The year, substance, place or agency.
    pub key: &'a str,
    /// The group's figure, if the corpus has one.
    pub value: Option<f64>,
    /// The fact that stands for the group.
    pub fact: Option<FactJson<'a>>,
}

/// A breakdown and total on the wire.
#[derive(Debug, Clone, Serialize)]
pub struct AggregateJson<'a> {
    /// What the groups are: `year`, `substance`, `place`, `agent`.
    pub by: &'a str,
    /// The unit of every part.
    pub unit: &'a str,
    /// Sum of the parts; null when a group has no figure or the question
    /// sets them side by side ("2023 vs 2024").
    pub total: Option<f64>,
    /// For two years set side by side, the change from the earlier one, in
    /// percent; else null.
    pub change_percent: Option<f64>,
    /// The groups.
    pub parts: Vec<PartJson<'a>>,
}

/// How the question was read, on the wire.
#[derive(Debug, Clone, Serialize)]
pub struct ExplainJson<'a> {
    /// The parsed request, one line.
    pub request: String,
    /// Corrections and guesses made while reading it.
    pub notes: &'a [String],
}

/// An answer on the wire: `{"question", "answers", "passages", "related",
/// "aggregate", "explain"}`.
#[derive(Debug, Clone, Serialize)]
pub struct AnswerJson<'a> {
    /// The question as asked.
    pub question: &'a str,
    /// Facts that answer it, best first; `[]` when the corpus does not say.
    pub answers: Vec<ScoredJson<'a>>,
    /// Passages matching its words.
    pub passages: Vec<PassageJson<'a>>,
    /// When there is no answer: the nearest facts, with why they do not answer.
    pub related: Vec<ScoredJson<'a>>,
    /// A breakdown and total, when the question asks for one.
    pub aggregate: Option<AggregateJson<'a>>,
    /// How the question was read.
    pub explain: ExplainJson<'a>,
}

fn scored(s: &crate::answer::ScoredFact) -> ScoredJson<'_> {
    ScoredJson {
        fact: FactJson::from(&s.fact),
        score: s.score,
        sources: s.sources.iter().map(|x| SourceJson { doc: &x.doc, start: x.span.start, end: x.span.end }).collect(),
        why: &s.why,
        disagreements: s.disagreements.iter().map(FactJson::from).collect(),
    }
}

impl<'a> From<&'a crate::answer::Answer> for AnswerJson<'a> {
    fn from(a: &'a crate::answer::Answer) -> AnswerJson<'a> {
        AnswerJson {
            question: &a.question,
            answers: a.answers.iter().map(scored).collect(),
            passages: a
                .passages
                .iter()
                .map(|p| PassageJson {
                    doc: &p.doc,
                    start: p.span.start,
                    end: p.span.end,
                    text: &p.text,
                    score: p.score,
                })
                .collect(),
            related: a.related.iter().map(scored).collect(),
            aggregate: a.aggregate.as_ref().map(|g| AggregateJson {
                by: g.by,
                unit: g.unit.as_str(),
                total: g.total,
                change_percent: g.change,
                parts: g
                    .parts
                    .iter()
                    .map(|p| PartJson {
                        key: &p.key,
                        value: p.fact.as_ref().map(|s| s.fact.value),
                        fact: p.fact.as_ref().map(|s| FactJson::from(&s.fact)),
                    })
                    .collect(),
            }),
            explain: ExplainJson { request: a.request.summary(), notes: &a.notes },
        }
    }
}
