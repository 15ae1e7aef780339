//! Search: from a parsed question to an [`Answer`].
//!
//! [`retrieve`] turns the question into one tantivy query — exact filters for
//! what the question states (substance, place, period overlap, unit) and
//! BM25 over the facts' sentences and descriptions for its words — and takes
//! the best few hundred facts. [`rank`] then judges each: a fact that
//! contradicts an explicit constraint (another year, substance, agency,
//! currency) is never an answer; the rest are scored by how many constraints
//! they meet, then by text relevance. Equal facts from several files merge
//! into one answer citing every source.

pub mod rank;
pub mod retrieve;

use crate::answer::{Answer, PassageHit};
use crate::error::Result;
use crate::index::Index;
use crate::query::Question;

/// Candidates taken from the index before ranking.
pub const CANDIDATES: usize = 300;
/// Passages shown with an answer.
pub const PASSAGES: usize = 3;

/// Answers a parsed question from the index.
///
/// # Errors
/// When the index cannot be read.
pub fn search(index: &Index, question: &Question, top_k: usize) -> Result<Answer> {
    let candidates = retrieve::facts(index, question, CANDIDATES)?;
    let (answers, related) = rank::rank(question, candidates, top_k);
    let passages = retrieve::passages(index, question, PASSAGES)?
        .into_iter()
        .map(|(score, p)| PassageHit { doc: p.doc, span: p.span, text: p.text, score })
        .collect();
    Ok(Answer {
        question: question.text.clone(),
        request: question.clone(),
        answers,
        related,
        passages,
        ..Answer::default()
    })
}
