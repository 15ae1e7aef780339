//! Facts as CSV for spreadsheets: one row per fact with its provenance.

use std::io::{self, Write};

use crate::extract::Fact;
use crate::vocab::MassUnit;

/// The header row.
pub const COLUMNS: [&str; 16] = [
    "doc",
    "start",
    "end",
    "value",
    "value_max",
    "unit",
    "approx",
    "what",
    "substance",
    "event",
    "agent",
    "place",
    "locality",
    "period",
    "text",
    "sentence",
];

/// Writes a header and one row per fact; masses in `mass` when given.
///
/// # Errors
/// When writing fails.
pub fn facts(out: &mut dyn Write, facts: &[Fact], mass: Option<MassUnit>) -> io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(COLUMNS)?;
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    for f in facts {
        let (value, max, unit) = f.value_in(mass);
        w.write_record([
            f.doc.clone(),
            f.span.start.to_string(),
            f.span.end.to_string(),
            number(value),
            max.map(number).unwrap_or_default(),
            unit.to_owned(),
            f.approx.map(|a| a.as_str().to_owned()).unwrap_or_default(),
            opt(&f.what),
            opt(&f.substance),
            f.event.map(|e| e.as_str().to_owned()).unwrap_or_default(),
            opt(&f.agent),
            opt(&f.place),
            opt(&f.locality),
            f.period.map(|p| p.to_string()).unwrap_or_default(),
            f.text.clone(),
            f.sentence.split_whitespace().collect::<Vec<_>>().join(" "),
        ])?;
    }
    w.flush()
}

/// A plain number a spreadsheet reads: no separators, at most 6 decimals.
fn number(v: f64) -> String {
    let s = format!("{v:.6}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_plain() {
        assert_eq!(number(903.454), "903.454");
        assert_eq!(number(115_700_000.0), "115700000");
        assert_eq!(number(0.5), "0.5");
        assert_eq!(number(1.0 / 3.0), "0.333333");
    }
}
