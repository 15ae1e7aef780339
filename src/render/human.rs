//! Text for people: a one-line answer, its provenance with the number
//! highlighted in its sentence, then the next-best facts and passages.

use std::io::{self, Write};

use comfy_table::{presets, Cell, ContentArrangement, Table};

use crate::answer::{Answer, ScoredFact};
use crate::extract::Fact;
use crate::vocab::MassUnit;

/// How to print.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// Use ANSI colours (only on a terminal, never with `NO_COLOR`).
    pub color: bool,
    /// Show how the question was read and why each answer ranked.
    pub explain: bool,
    /// Show masses in this unit instead of kilograms.
    pub mass: Option<MassUnit>,
    /// Writing to a terminal: tables get box lines and wrap to its width.
    pub terminal: bool,
}

impl Style {
    fn bold(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }

    fn mark(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[1;33m{s}\x1b[0m")
        } else {
            format!("[{s}]")
        }
    }

    fn dim(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[2m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }
}

/// "903.454 kg of heroin — seizure by customs, Azerbaijan, 2021-01..2021-09",
/// masses in `mass` when given.
pub fn headline(f: &Fact, mass: Option<MassUnit>) -> String {
    let mut s = hedged_value(f, mass);
    match (&f.what, &f.substance) {
        (Some(w), _) => s.push_str(&format!(" {w}")),
        // A prison term is not of its drug: "18 years (cocaine)".
        (None, Some(sub)) if f.unit == crate::vocab::Unit::Year => s.push_str(&format!(" ({sub})")),
        (None, Some(sub)) => s.push_str(&format!(" of {sub}")),
        _ => {}
    }
    let mut frame = Vec::new();
    if let Some(e) = f.event {
        let by = f.agent.as_deref().map(|a| format!(" by {a}")).unwrap_or_default();
        frame.push(format!("{}{by}", e.as_str()));
    } else if let Some(a) = &f.agent {
        frame.push(a.clone());
    }
    match (&f.locality, &f.place) {
        (Some(l), Some(p)) => frame.push(format!("{l}, {p}")),
        (_, Some(p)) => frame.push(p.clone()),
        _ => {}
    }
    match f.period {
        Some(p) => frame.push(p.to_string()),
        None => frame.push("period not stated".into()),
    }
    if frame.is_empty() {
        s
    } else {
        format!("{s} — {}", frame.join(", "))
    }
}

/// The sentence with the fact's text marked.
pub fn highlighted(f: &Fact, style: &Style) -> String {
    let offset = f.span.start.checked_sub(f.sentence_span.start);
    let sentence = f.sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    match offset.and_then(|o| f.sentence.get(o..o + f.text.len()).map(|_| o)) {
        Some(o) if f.sentence.get(o..o + f.text.len()) == Some(f.text.as_str()) => {
            let before = f.sentence[..o].split_whitespace().collect::<Vec<_>>().join(" ");
            let after = f.sentence[o + f.text.len()..].split_whitespace().collect::<Vec<_>>().join(" ");
            let sep_before =
                if f.sentence[..o].ends_with(char::is_whitespace) && !before.is_empty() { " " } else { "" };
            let sep_after = if f.sentence[o + f.text.len()..].starts_with(char::is_whitespace) && !after.is_empty() {
                " "
            } else {
                ""
            };
            format!("{before}{sep_before}{}{sep_after}{after}", style.mark(&f.text))
        }
        _ => sentence,
    }
}

fn provenance(answer: &Answer, f: &Fact, corpus: &str) -> String {
    let meta = answer.docs.get(&f.doc);
    let title = meta.and_then(|m| m.title.clone()).unwrap_or_else(|| "untitled".into());
    let inferred = if meta.is_some_and(|m| m.title_inferred) { " (opening line)" } else { "" };
    let date = match (meta.and_then(|m| m.date), meta.and_then(|m| m.year_inferred)) {
        (Some(d), _) => d.to_string(),
        (None, Some(y)) => format!("date not stated (year {y} inferred from the text)"),
        (None, None) => "date not stated".into(),
    };
    let source = meta.and_then(|m| m.source.clone()).map(|s| format!(" · {s}")).unwrap_or_default();
    format!("{title}{inferred}{source} · {date} · {corpus}/{}:{}-{}", f.doc, f.span.start, f.span.end)
}

fn write_scored(
    out: &mut dyn Write,
    answer: &Answer,
    s: &ScoredFact,
    style: &Style,
    corpus: &str,
    lead: &str,
) -> io::Result<()> {
    writeln!(out, "{lead}{}", style.bold(&headline(&s.fact, style.mass)))?;
    writeln!(out, "    “{}”", highlighted(&s.fact, style))?;
    writeln!(out, "    {}", style.dim(&provenance(answer, &s.fact, corpus)))?;
    for src in &s.sources {
        writeln!(
            out,
            "    {}",
            style.dim(&format!("also in {corpus}/{}:{}-{}", src.doc, src.span.start, src.span.end))
        )?;
    }
    for d in &s.disagreements {
        writeln!(out, "    ! disagrees: {} says {}", d.doc, d.value_text())?;
    }
    if style.explain && !s.why.is_empty() {
        writeln!(out, "    {}", style.dim(&format!("why: {} (score {:.2})", s.why.join("; "), s.score)))?;
    }
    Ok(())
}

fn write_aggregate(out: &mut dyn Write, g: &crate::answer::Aggregate, style: &Style) -> io::Result<()> {
    let unit = |v: f64| {
        let text = crate::extract::fact::format_value(v);
        match g.unit {
            crate::vocab::Unit::Count => text,
            crate::vocab::Unit::Percent => format!("{text}%"),
            u => format!("{text} {}", u.as_str()),
        }
    };
    let parts: Vec<String> = g
        .parts
        .iter()
        .map(|p| match &p.fact {
            Some(s) => format!("{}: {}", p.key, unit(s.fact.value)),
            None => format!("{}: not in the corpus", p.key),
        })
        .collect();
    match g.total {
        Some(t) => writeln!(out, "{} ({})", style.bold(&format!("Total {}", unit(t))), parts.join("; "))?,
        None => writeln!(out, "{} {}", style.bold(&format!("By {}:", g.by)), parts.join("; "))?,
    }
    if let Some(c) = g.change {
        let keys = g.parts.iter().map(|p| p.key.as_str());
        let (from, to) = (keys.clone().min().unwrap_or_default(), keys.max().unwrap_or_default());
        writeln!(out, "{}", style.bold(&format!("Change {c:+.1}% from {from} to {to}")))?;
    }
    writeln!(out)?;
    Ok(())
}

/// Prints an answer for people. `corpus` is the corpus folder as the user named it.
///
/// # Errors
/// When writing fails.
pub fn answer(out: &mut dyn Write, answer: &Answer, style: &Style, corpus: &str) -> io::Result<()> {
    // Masses in the unit the question counts in, unless one was chosen.
    let style = &Style { mass: style.mass.or(answer.request.mass_unit), ..*style };
    if style.explain {
        writeln!(out, "{}", style.dim(&format!("read as: {}", answer.request.summary())))?;
        for n in &answer.notes {
            writeln!(out, "{}", style.dim(&format!("note: {n}")))?;
        }
    }
    if let Some(g) = &answer.aggregate {
        write_aggregate(out, g, style)?;
    }
    match answer.answers.split_first() {
        None => {
            writeln!(out, "Not found in the corpus.")?;
            if !answer.related.is_empty() {
                writeln!(out, "\nRelated figures (not answers):")?;
                for s in &answer.related {
                    writeln!(out, "  - {} ({})", headline(&s.fact, style.mass), s.why.join("; "))?;
                    writeln!(
                        out,
                        "    {}",
                        style.dim(&format!("{corpus}/{}:{}-{}", s.fact.doc, s.fact.span.start, s.fact.span.end))
                    )?;
                }
            }
        }
        Some((best, rest)) => {
            write_scored(out, answer, best, style, corpus, "")?;
            if !rest.is_empty() {
                writeln!(out, "\nNext best:")?;
                for (i, s) in rest.iter().enumerate() {
                    write_scored(out, answer, s, style, corpus, &format!("  {}. ", i + 2))?;
                }
            }
        }
    }
    if !answer.passages.is_empty() {
        writeln!(out, "\nPassages:")?;
        for p in &answer.passages {
            let text: String = p.text.split_whitespace().collect::<Vec<_>>().join(" ");
            let short: String = if text.chars().count() > 220 {
                format!("{}…", text.chars().take(220).collect::<String>())
            } else {
                text
            };
            writeln!(out, "  - {short}")?;
            writeln!(out, "    {}", style.dim(&format!("{corpus}/{}:{}-{}", p.doc, p.span.start, p.span.end)))?;
        }
    }
    Ok(())
}

/// A table with box lines wrapped to the terminal, or Markdown when piped.
fn new_table(style: &Style) -> Table {
    let mut table = Table::new();
    if style.terminal {
        table.load_style(presets::UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic);
    } else {
        table.load_style(presets::ASCII_MARKDOWN).force_no_tty();
    }
    table
}

/// "over 1,500 kg": the value with its hedge, masses in `mass` when given.
fn hedged_value(f: &Fact, mass: Option<MassUnit>) -> String {
    match f.approx {
        Some(a) => format!("{} {}", a.as_str().replace('_', " "), f.value_text_in(mass)),
        None => f.value_text_in(mass),
    }
}

/// Prints facts as an aligned table: with box lines, wrapped to the
/// terminal's width, on a terminal; as a Markdown table when piped.
///
/// # Errors
/// When writing fails.
pub fn facts(out: &mut dyn Write, facts: &[Fact], style: &Style) -> io::Result<()> {
    if facts.is_empty() {
        return writeln!(out, "No facts match.");
    }
    let mut table = new_table(style);
    table.set_header(["source", "value", "what", "substance", "event", "agent", "place", "period"]);
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    for f in facts {
        let value = hedged_value(f, style.mass);
        table.add_row([
            Cell::new(format!("{}:{}", f.doc, f.span.start)),
            Cell::new(value),
            Cell::new(opt(&f.what)),
            Cell::new(opt(&f.substance)),
            Cell::new(f.event.map(|e| e.as_str()).unwrap_or_default()),
            Cell::new(opt(&f.agent)),
            Cell::new(opt(&f.place)),
            Cell::new(f.period.map(|p| p.to_string()).unwrap_or_default()),
        ]);
    }
    writeln!(out, "{table}")?;
    writeln!(out, "{} facts", facts.len())
}

/// Prints a timeline: one row per figure in time order with its sources.
///
/// # Errors
/// When writing fails.
pub fn timeline(
    out: &mut dyn Write,
    t: &crate::search::timeline::Timeline,
    label: &str,
    style: &Style,
) -> io::Result<()> {
    let unit = t.points.first().map(|p| p.fact.value_in(style.mass).2.to_owned()).unwrap_or_default();
    writeln!(out, "{}", style.bold(&format!("{label}: {} figures over time ({unit})", t.points.len())))?;
    let mut table = new_table(style);
    table.set_header(["period", "value", "what", "event", "agent", "place", "sources"]);
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    for p in &t.points {
        let f = &p.fact;
        let value = hedged_value(f, style.mass);
        let sources: Vec<String> =
            std::iter::once(f).chain(&p.also).map(|s| format!("{}:{}-{}", s.doc, s.span.start, s.span.end)).collect();
        table.add_row([
            p.period.to_string(),
            value,
            opt(&f.what),
            f.event.map(|e| e.as_str().to_owned()).unwrap_or_default(),
            opt(&f.agent),
            opt(&f.place),
            sources.join("\n"),
        ]);
    }
    writeln!(out, "{table}")?;
    if t.left_out > 0 {
        writeln!(
            out,
            "{}",
            style.dim(&format!("{} matching facts left out (no period, or another unit)", t.left_out))
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::Unit;

    #[test]
    fn a_headline_names_the_drug_of_an_amount_but_not_of_a_term() {
        let mut f = crate::extract::fact::example(903.454, Unit::Kg, "2021");
        assert_eq!(headline(&f, None), "903.454 kg of heroin — seizure by customs, Azerbaijan, 2021");
        f.unit = Unit::Year;
        f.value = 18.0;
        f.event = Some(crate::vocab::Event::Prosecution);
        f.agent = None;
        assert_eq!(headline(&f, None), "18 years (heroin) — prosecution, Azerbaijan, 2021");
    }
}
