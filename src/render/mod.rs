//! Output: facts and answers as JSON (the contract, [`json`]), as CSV for
//! spreadsheets ([`csv`]) or as text and tables for people ([`human`]).
//! Nothing here decides what to show; it only shows it.

pub mod chart;
pub mod csv;
pub mod human;
pub mod json;

use std::io::{self, Write};

use crate::answer::Answer;
use crate::extract::Fact;

/// How a list of facts is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FactFormat {
    /// An aligned table for people.
    #[default]
    Table,
    /// CSV with a header row (RFC 4180).
    Csv,
    /// One JSON object a line (the contract's `facts --json`).
    Jsonl,
    /// One JSON array.
    Json,
}

impl FactFormat {
    /// Every format's name, for help and errors.
    pub const NAMES: [&'static str; 4] = ["table", "csv", "jsonl", "json"];

    /// Parses `table`, `csv`, `jsonl` or `json`.
    pub fn parse(s: &str) -> Option<FactFormat> {
        Some(match s {
            "table" => FactFormat::Table,
            "csv" => FactFormat::Csv,
            "jsonl" => FactFormat::Jsonl,
            "json" => FactFormat::Json,
            _ => return None,
        })
    }
}

/// Writes facts in `format`. JSON keeps canonical units whatever
/// `style.mass` says (it is the contract); the table and CSV convert masses.
///
/// # Errors
/// When writing fails.
pub fn facts(out: &mut dyn Write, facts: &[Fact], format: FactFormat, style: &human::Style) -> io::Result<()> {
    match format {
        FactFormat::Table => human::facts(out, facts, style),
        FactFormat::Csv => csv::facts(out, facts, style.mass),
        FactFormat::Jsonl => facts_jsonl(out, facts),
        FactFormat::Json => {
            let all: Vec<json::FactJson> = facts.iter().map(json::FactJson::from).collect();
            serde_json::to_writer_pretty(&mut *out, &all)?;
            out.write_all(b"\n")
        }
    }
}

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

/// Writes a timeline as one JSON object: `{"timeline", "unit", "points":
/// [{"period", "value", "value_max", "fact", "sources"}]}` (canonical units).
///
/// # Errors
/// When writing fails.
pub fn timeline_json(out: &mut dyn Write, t: &crate::search::timeline::Timeline, label: &str) -> io::Result<()> {
    let points: Vec<serde_json::Value> = t
        .points
        .iter()
        .map(|p| {
            let sources: Vec<serde_json::Value> = std::iter::once(&p.fact)
                .chain(&p.also)
                .map(|f| serde_json::json!({ "doc": f.doc, "start": f.span.start, "end": f.span.end }))
                .collect();
            serde_json::json!({
                "period": p.period.to_string(),
                "value": p.value,
                "value_max": p.value_max,
                "fact": json::FactJson::from(&p.fact),
                "sources": sources,
            })
        })
        .collect();
    let doc =
        serde_json::json!({ "timeline": label, "unit": t.unit.as_str(), "points": points, "left_out": t.left_out });
    serde_json::to_writer(&mut *out, &doc)?;
    out.write_all(b"\n")
}
