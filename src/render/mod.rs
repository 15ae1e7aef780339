//! Output: facts and answers as JSON (the contract, [`json`]) or as text for
//! people ([`human`]). Nothing here decides what to show; it only shows it.

pub mod human;
pub mod json;

use std::io::{self, Write};

use crate::answer::Answer;
use crate::extract::Fact;

/// Writes facts as JSON lines (one object a line).
///
/// # Errors
/// When writing fails.
pub fn facts_jsonl(out: &mut dyn Write, facts: &[Fact]) -> io::Result<()> {
    for f in facts {
        serde_json::to_writer(&mut *out, &json::FactJson::from(f))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Writes an answer as one JSON object.
///
/// # Errors
/// When writing fails.
pub fn answer_json(out: &mut dyn Write, answer: &Answer) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &json::AnswerJson::from(answer))?;
    out.write_all(b"\n")
}
