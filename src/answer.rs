//! Answers: the facts that answer a question, best first, each with its
//! provenance and the reasons for its rank; the passages that mention it; and,
//! when nothing answers, the nearest facts as "related" — never as answers.

use std::collections::BTreeMap;

use crate::clean::Meta;
use crate::extract::Fact;
use crate::query::Question;
use crate::span::Span;

/// Another file that states the same fact.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Corpus file name.
    pub doc: String,
    /// Byte range of the quantity in that file.
    pub span: Span,
}

/// A fact with its rank.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredFact {
    /// The fact.
    pub fact: Fact,
    /// Higher is better.
    pub score: f32,
    /// Why it ranked where it did (or, for a related fact, why it is not an answer).
    pub why: Vec<String>,
    /// Other files stating the same fact.
    pub sources: Vec<Source>,
    /// Other figures for the same frame from other files, which disagree.
    pub disagreements: Vec<Fact>,
}

/// One group of a breakdown: its key and the fact that stands for it.
#[derive(Debug, Clone, PartialEq)]
pub struct AggregatePart {
    /// The year, substance, place or agency.
    pub key: String,
    /// The best-ranked fact of the group; `None` when the corpus has none.
    pub fact: Option<ScoredFact>,
}

/// A breakdown of the answering facts, and their total when every group has one.
#[derive(Debug, Clone, PartialEq)]
pub struct Aggregate {
    /// What the groups are: "year", "substance", "place" or "agent".
    pub by: &'static str,
    /// The unit of every part.
    pub unit: crate::vocab::Unit,
    /// The groups, in the question's order (else sorted).
    pub parts: Vec<AggregatePart>,
    /// The sum of the parts, when every group has a figure and the question
    /// does not set them side by side (see [`crate::query::Question::compare`]).
    pub total: Option<f64>,
    /// For two years set side by side, the change from the earlier year's
    /// figure to the later one's, in percent.
    pub change: Option<f64>,
}

/// A passage that matches the question's words.
#[derive(Debug, Clone, PartialEq)]
pub struct PassageHit {
    /// Corpus file name.
    pub doc: String,
    /// Byte range in the file.
    pub span: Span,
    /// The passage.
    pub text: String,
    /// Text-search score.
    pub score: f32,
}

/// The answer to a question.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answer {
    /// The question as asked.
    pub question: String,
    /// What it was read as.
    pub request: Question,
    /// Facts that answer it, best first; empty when the corpus does not say.
    pub answers: Vec<ScoredFact>,
    /// When there is no answer, the nearest facts and why they do not answer.
    pub related: Vec<ScoredFact>,
    /// A breakdown (and total) when the question asks for one.
    pub aggregate: Option<Aggregate>,
    /// Passages that match the question's words best: of the files of the
    /// answers, or of the whole corpus when there is none.
    pub passages: Vec<PassageHit>,
    /// Metadata of every file cited above.
    pub docs: BTreeMap<String, Meta>,
    /// Notes on how the question was read.
    pub notes: Vec<String>,
}

impl Answer {
    /// The best answer, if any.
    pub fn best(&self) -> Option<&ScoredFact> {
        self.answers.first()
    }
}
