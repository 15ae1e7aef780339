//! Facts from pipe tables: every number cell of a body row, measured as its
//! row label, its column header and the table's caption say.
//!
//! ```text
//! Table 1. Heroin seizures by country (kg)
//! | Country    | 2022 | 2023 |
//! |------------|-----:|-----:|
//! | Tajikistan | 740  | 512  |
//! ```
//!
//! gives 740 kg and 512 kg of heroin seized in Tajikistan, in 2022 and 2023.
//! A cell with a unit of its own ("883 kg", "-37%") keeps it; a bare number
//! takes the unit the header or the caption names ("(kg)", "in tonnes"),
//! else it is a count. Substance, place, event and agency come from the row
//! label first, then the header, then the caption (a drug all headers agree
//! on, the article's place, the title's event and agency after them); the
//! period from the header, then the row label, the span of the other rows'
//! labels (a "Total" row), the caption, a period all headers share, the
//! title, and the article's year.

use super::context::{Analysis, Tagged};
use super::period::{Anchor, Expr, PDate, Role, YearRef};
use super::{analyze, number, Fact, Period, Scan};
use crate::clean::furniture;
use crate::lexicon::{Lexicon, UnitDef};
use crate::span::Span;
use crate::vocab::{Event, Unit};

/// What a table's facts take from outside the table.
#[derive(Debug, Clone, Default)]
pub struct TableContext<'a> {
    /// The line before the table when it names it ("Table 1. Heroin seizures (kg)").
    pub caption: Option<&'a str>,
    /// The article's title: the event, agency and period of last resort.
    pub title: Option<&'a str>,
    /// The periods the row labels name, as one span ("2021" … "2023"): the
    /// period of a row that names none among rows that do ("Total").
    pub rows_period: Option<Period>,
    /// The article's year, resolved for relative periods.
    pub anchor: Anchor,
    /// The period the article's lead frames itself in ("In 2024, the Agency
    /// recorded…"): before the article's year for a table naming none.
    pub frame: Option<Period>,
    /// The article's place, for rows that name none.
    pub place: Option<String>,
    /// The agency of the text before the table, for rows whose caption and
    /// title name none ("The Anti-Narcotics Department seized… | Heroin | 1,530").
    pub agent: Option<String>,
}

/// The cells of a row: spans into `text` of the trimmed text between bars
/// (or the commas, tabs or semicolons of a delimited table).
pub fn cells(text: &str, row: Span) -> Vec<Span> {
    let s = &text[row.start..row.end];
    let d = furniture::delimiter(s);
    furniture::split_cells(s, d).into_iter().map(|(a, b)| Span::new(row.start + a, row.start + b)).collect()
}

/// A header's or label's text as words: a field name's underscores
/// ("fentanyl_powder_lb") are spaces.
fn as_words(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.contains('_') {
        cell.replace('_', " ").into()
    } else {
        cell.into()
    }
}

/// The facts of one body row. `header` and `row` are spans into `text`;
/// `to_file` maps a span of `text` to the file's bytes.
pub fn row_facts(
    doc: &str,
    text: &str,
    header: Span,
    row: Span,
    ctx: &TableContext,
    lex: &Lexicon,
    to_file: &dyn Fn(Span) -> Span,
) -> Vec<Fact> {
    let heads = cells(text, header);
    let row_cells = cells(text, row);
    let Some(&label_span) = row_cells.first() else { return Vec::new() };
    let label_text = as_words(&text[label_span.start..label_span.end]);
    let label = analyze(&label_text, lex);
    let caption = ctx.caption.map(|c| analyze(c, lex));
    let title = ctx.title.map(|t| analyze(t, lex));
    // A period every header shares ("Seized in 2023 (kg)" beside "Change
    // from 2022") dates the columns that name none of their own.
    let head_texts: Vec<_> = heads.iter().map(|h| as_words(&text[h.start..h.end])).collect();
    let head_analyses: Vec<Analysis> = head_texts.iter().map(|h| analyze(h, lex)).collect();
    let shared_period = {
        let mut ps = head_analyses.iter().filter_map(|h| own_period(h, &ctx.anchor));
        let first = ps.next();
        first.filter(|p| ps.all(|q| q == *p))
    };
    // A drug every header that names one agrees on ("Methamphetamine (tons)"
    // beside "Change") is the drug of the columns that name none.
    let shared_substance = {
        let mut named = head_analyses.iter().filter_map(|h| substance_in(&h.substances));
        let first = named.next();
        first.filter(|s| named.all(|t| t == *s))
    };
    // ("| fiscal_year | … |" over "| 2024 | … |": the label is a fiscal year.)
    let fiscal_labels = head_analyses.first().is_some_and(|h| super::period::names_fiscal_years(&h.scan));
    let label_period = own_period(&label, &ctx.anchor).map(|p| match p {
        _ if fiscal_labels && p == Period::year(p.start.year) => {
            Expr::Fiscal { year: YearRef::Abs(p.start.year), split: false, to_date: false }
                .resolve(&ctx.anchor)
                .unwrap_or(p)
        }
        _ => p,
    });
    let month_label = crate::text::date::month(label.scan.text.trim());
    // "| Heroin | kg | 1,860 |" under "| Drug | Unit | 2022 |": a column of
    // units gives the numbers of its row theirs.
    let unit_column = head_texts.iter().position(|h| lex.grammar.unit_headers.get(h.trim()).is_some());
    let row_unit = unit_column.and_then(|j| row_cells.get(j)).map(|c| analyze(&text[c.start..c.end], lex));
    let mut out = Vec::new();
    for (j, &cell) in row_cells.iter().enumerate().skip(1) {
        let cell_text = &text[cell.start..cell.end];
        let Some(head) = head_analyses.get(j) else { continue };
        let namers = [row_unit.as_ref(), Some(head), Some(&label), caption.as_ref()];
        let Some(reading) = read_cell(cell_text, &namers, lex) else { continue };
        // The row label, the column header, then the caption.
        let sources: Vec<&Analysis> = [Some(&label), Some(head), caption.as_ref()].into_iter().flatten().collect();
        let first_of = |pick: &dyn Fn(&Analysis) -> Option<String>| sources.iter().find_map(|a| pick(a));
        // ("Myanmar Opium Survey 2025": the title's drug, last.)
        let substance = first_of(&|a| substance_in(&a.substances))
            .or_else(|| shared_substance.clone())
            .or_else(|| title.as_ref().and_then(|t| substance_in(&t.substances)));
        let placed = sources.iter().find_map(|a| a.places.first());
        // ("| Lagos | 120,400 |": a row of a town keeps it.)
        let locality = placed.and_then(|p| p.locality.clone());
        let place = placed.map(|p| p.tag.value.clone()).or_else(|| ctx.place.clone());
        let own_agent = first_of(&|a| a.agencies.first().map(|t| t.value.clone()))
            .or_else(|| title.as_ref().and_then(|t| t.agencies.first().map(|t| t.value.clone())));
        // ("| Seized | Quantity |": the label column's header may say it.)
        let event = [Some(head), caption.as_ref(), Some(&label), head_analyses.first(), title.as_ref()]
            .into_iter()
            .flatten()
            .find_map(|a| a.events.iter().map(|e| e.tag.value).min_by_key(|e| lex.event_rank(*e)));
        let frame = ctx
            .rows_period
            .or_else(|| caption.as_ref().and_then(|c| own_period(c, &ctx.anchor)))
            .or(shared_period)
            .or_else(|| title.as_ref().and_then(|t| own_period(t, &ctx.anchor)))
            .or(ctx.frame)
            .or_else(|| ctx.anchor.article_year.map(Period::year));
        // "| January | 42.5 |": a month of the table's year.
        let month_row = month_label.zip(frame).map(|(m, f)| Period::single(PDate::month(f.end.year, m)));
        let own = own_period(head, &ctx.anchor).or(label_period).or(month_row);
        let period = own.or(frame);
        let mut carried = Vec::new();
        if own.is_none() {
            carried.push("period".to_owned());
        }
        let agent = own_agent.or_else(|| {
            let carried_agent = ctx.agent.clone();
            if carried_agent.is_some() {
                carried.push("agent".to_owned());
            }
            carried_agent
        });
        out.push(Fact {
            doc: doc.to_owned(),
            span: to_file(cell),
            text: cell_text.to_owned(),
            value: reading.value,
            value_max: reading.value_max,
            unit: reading.unit,
            what: what_of(month_label.is_none().then_some(&label), head, caption.as_ref()),
            substance,
            substances: Vec::new(),
            event: Some(event.unwrap_or(Event::Other)),
            agent,
            place,
            locality,
            period,
            approx: None,
            sentence: text[row.start..row.end].to_owned(),
            sentence_span: to_file(row),
            // A "Total" row.
            total: !label.totals.is_empty(),
            carried,
            rule: "table".to_owned(),
            background: false,
            headline: false,
            lead_in: ctx.caption.map(str::to_owned),
        });
    }
    out
}

/// A cell's number in its canonical unit.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Reading {
    value: f64,
    value_max: Option<f64>,
    unit: Unit,
}

/// The number a cell holds: with its own unit ("883 kg", "-37%"), else bare
/// and in the unit the first of `namers` names (its column header, its row
/// label, the caption). `None` for a cell that is not one number ("n/a",
/// "–", "2021-22", a name), and for one under a rate ("Yield (kg/ha)"),
/// which is no amount, as in prose.
fn read_cell(cell: &str, namers: &[Option<&Analysis>], lex: &Lexicon) -> Option<Reading> {
    let a = analyze(cell, lex);
    // A sign before the number ("-37%", "+12%" under "Change").
    let (sign, from) = match a.scan.tok(0) {
        "-" | "\u{2212}" | "\u{2013}" if a.scan.is_number(1) => (-1.0, 1),
        "+" if a.scan.is_number(1) => (1.0, 1),
        _ => (1.0, 0),
    };
    if !a.periods.is_empty() {
        return None;
    }
    if let [q] = a.quantities.as_slice() {
        // A bare number reads as a count: its column says what it counts.
        let bare = q.unit == Unit::Count && q.end == q.start + 1;
        if q.start == from && q.end == a.scan.len() && !bare {
            return Some(Reading { value: sign * q.value, value_max: q.value_max.map(|m| sign * m), unit: q.unit });
        }
    }
    if !a.scan.is_number(from) {
        return None;
    }
    let n = number::numeral_at(&a.scan, from, lex, false)?;
    let percent = a.scan.is_punct(n.end, '%');
    if n.end + usize::from(percent) != a.scan.len() {
        return None;
    }
    let namers = || namers.iter().flatten().copied();
    if namers().any(names_rate) {
        return None;
    }
    let (unit, factor) =
        if percent { (Unit::Percent, 1.0) } else { namers().find_map(unit_named).unwrap_or((Unit::Count, 1.0)) };
    Some(Reading { value: super::quantity::tidy(sign * n.value * factor), value_max: None, unit })
}

/// The periods the labels of `rows` (spans into `text`) name, as one span
/// from the earliest to the latest.
pub fn label_periods(text: &str, rows: &[Span], anchor: &Anchor, lex: &Lexicon) -> Option<Period> {
    let periods: Vec<Period> = rows
        .iter()
        .filter_map(|&row| cells(text, row).first().copied())
        .filter_map(|label| own_period(&analyze(&text[label.start..label.end], lex), anchor))
        .collect();
    let start = periods.iter().map(|p| p.start).min_by_key(|d| d.first_day())?;
    let end = periods.iter().map(|p| p.end).max_by_key(|d| d.last_day())?;
    Some(Period::range(start, end))
}

/// The unit a header or caption names for its numbers ("(kg)", "in
/// tonnes", "(%)"), with the factor into the canonical unit and any scale
/// word beside it ("(US$ million)" is not read: no currency without a number).
fn unit_named(a: &Analysis) -> Option<(Unit, f64)> {
    let scan: &Scan = &a.scan;
    let units: Vec<(usize, usize, UnitDef)> =
        scan.mentions(&a.lex.units).into_iter().filter_map(|(s, e, entry)| entry.value().map(|d| (s, e, *d))).collect();
    // The one the numbers are "in" or bracketed ("drugs seized each year,
    // in kilograms"), else one that is no span of time.
    let stated = |&&(s, _, _): &&(usize, usize, UnitDef)| s > 0 && (scan.is(s - 1, "in") || scan.is_punct(s - 1, '('));
    // (Not the years of "fiscal years 2021-2024" in a caption.)
    let unit = units.iter().find(stated).or_else(|| units.iter().find(|u| u.2.unit != Unit::Year)).copied();
    // "Value (US$ million)": a currency written before numbers.
    let currency = || {
        scan.mentions(&a.lex.currency_prefix)
            .into_iter()
            .find_map(|(s, e, entry)| entry.value().map(|c| (s, e, UnitDef { unit: Unit::Money(*c), factor: 1.0 })))
    };
    let Some((start, end, def)) = unit.or_else(currency) else {
        // "million tablets" in a column of units: a count, scaled.
        let k = usize::from(scan.is_punct(0, '('));
        return number::scale_at(scan, k, a.lex, false).map(|(scale, _)| (Unit::Count, scale));
    };
    // "(thousand kg)", "(US$ million)", "(million tablets)": a scale beside it.
    let scale = [start.checked_sub(1), Some(end)]
        .into_iter()
        .flatten()
        .find_map(|k| number::scale_at(scan, k, a.lex, true).filter(|&(_, e)| e == k + 1))
        .map_or(1.0, |(s, _)| s);
    Some((def.unit, def.factor * scale))
}

/// True when a header, label or caption names a rate of a measure ("Average
/// yield (kg/ha)"); a price ("US$ per gram") is a sum.
fn names_rate(a: &Analysis) -> bool {
    a.scan.mentions(&a.lex.units).iter().any(|&(_, end, _)| a.scan.is_punct(end, '/') || a.scan.is(end, "per"))
}

/// The period a header, label or caption names for its figures, if any.
fn own_period(a: &Analysis, anchor: &Anchor) -> Option<Period> {
    a.periods
        .iter()
        .filter(|m| m.role != Role::Baseline && m.role != Role::Reference)
        .find_map(|m| m.expr.resolve(anchor))
}

/// The one substance named, "narcotics" for several, `None` for none.
fn substance_in(tags: &[Tagged<Option<String>>]) -> Option<String> {
    super::one_substance(tags.iter().filter_map(|t| t.value.as_ref()))
}

/// What a cell measures: the row label (none when it is a month) and the
/// column header, without the period, bracketed units and places they name
/// ("Heroin" × "Seized in 2023 (kg)" → "heroin seized"); the caption's words
/// when neither says more than a place or a year.
fn what_of(label: Option<&Analysis>, head: &Analysis, caption: Option<&Analysis>) -> Option<String> {
    // ("Quantity", "Number": a header that names no measure says nothing.)
    let says = |a: &&Analysis| a.lex.grammar.figure_headers.get(a.scan.text.trim().to_lowercase().as_str()).is_none();
    let words: Vec<String> = label.into_iter().chain([head]).filter(says).filter_map(topic).collect();
    if !words.is_empty() {
        return Some(words.join(" "));
    }
    caption.and_then(topic)
}

/// The words of a header, label or caption that say what is measured.
fn topic(a: &Analysis) -> Option<String> {
    let s = &a.scan;
    let mut keep = vec![true; s.len()];
    // Nor the unit a column is in ("Pounds", "Seized (kg)"): it is the fact's.
    let units = s.mentions(&a.lex.units).into_iter().map(|(start, end, _)| start..end);
    let ranges =
        a.periods.iter().map(|m| m.toks.clone()).chain(a.places.iter().map(|p| p.tag.start..p.tag.end)).chain(units);
    // "Table 1.", "Figure 2:".
    let label = if s.is(0, "table") || s.is(0, "figure") { Some(0..2) } else { None };
    for r in ranges.chain(label) {
        keep[r.start.min(s.len())..r.end.min(s.len())].iter_mut().for_each(|k| *k = false);
    }
    // Words only, and none in brackets ("(kg)").
    let mut depth = 0;
    for (k, kept) in keep.iter_mut().enumerate() {
        if s.is_punct(k, '(') {
            depth += 1;
        }
        if depth > 0 || !s.is_word(k) {
            *kept = false;
        }
        if s.is_punct(k, ')') {
            depth -= 1;
        }
    }
    let mut words: Vec<usize> = (0..s.len()).filter(|&k| keep[k]).collect();
    // "seizures by country": the rows' dimension is no part of it.
    if let [.., by, _] = words[..] {
        if s.is(by, "by") {
            words.truncate(words.len() - 2);
        }
    }
    // "change from": no preposition ends the topic.
    while let Some(&k) = words.last() {
        let prepositions =
            ["by", "from", "in", "at", "on", "into", "across", "of", "for", "since", "to", "and", "vs", "per"];
        if a.scan.is_any(k, &prepositions) {
            words.pop();
        } else {
            break;
        }
    }
    if words.is_empty() {
        return None;
    }
    let words: Vec<String> = words.into_iter().map(|k| a.word_lower(k).replace('\u{2019}', "'")).collect();
    Some(words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_trimmed_spans_between_bars() {
        let t = "| Heroin | 883 kg |  -37% |";
        let cs: Vec<&str> = cells(t, Span::new(0, t.len())).into_iter().map(|c| &t[c.start..c.end]).collect();
        assert_eq!(cs, ["Heroin", "883 kg", "-37%"]);
    }

    fn facts(caption: Option<&str>, header: &str, row: &str) -> Vec<Fact> {
        let lex = Lexicon::builtin().unwrap();
        let text = format!("{header}\n{row}");
        let header_span = Span::new(0, header.len());
        let row_span = Span::new(header.len() + 1, text.len());
        let anchor = Anchor { article_year: Some(2024), ..Anchor::default() };
        let ctx = TableContext { caption, anchor, ..TableContext::default() };
        row_facts("a.md", &text, header_span, row_span, &ctx, &lex, &|s| s)
    }

    #[test]
    fn bare_numbers_take_the_captions_unit_and_the_headers_year() {
        let fs = facts(
            Some("Table 1. Heroin seizures by country (kg)"),
            "| Country | 2022 | 2023 |",
            "| Tajikistan | 1,021 | 512 |",
        );
        // Value, unit, substance, place, period.
        let got: Vec<String> = fs
            .iter()
            .map(|f| {
                let (s, p) = (f.substance.as_deref().unwrap_or("-"), f.place.as_deref().unwrap_or("-"));
                format!("{} {} {s} {p} {}", f.value, f.unit.as_str(), f.period.unwrap())
            })
            .collect();
        assert_eq!(got, ["1021 kg heroin Tajikistan 2022", "512 kg heroin Tajikistan 2023"]);
        assert_eq!(fs[0].what.as_deref(), Some("heroin seizures"));
        assert_eq!(fs[0].event, Some(Event::Seizure));
        assert_eq!(fs[0].text, "1,021");
    }

    #[test]
    fn a_row_label_names_the_substance_and_a_cell_may_carry_its_unit() {
        let fs = facts(None, "| Substance | Seized in 2023 (tonnes) | Change from 2022 |", "| Opium | 4.2 | +12% |");
        assert_eq!(fs.len(), 2);
        assert_eq!((fs[0].value, fs[0].unit), (4200.0, Unit::Kg));
        assert_eq!(fs[0].substance.as_deref(), Some("opium"));
        assert_eq!(fs[0].what.as_deref(), Some("opium seized"));
        assert_eq!(fs[0].period.map(|p| p.to_string()).as_deref(), Some("2023"));
        assert_eq!((fs[1].value, fs[1].unit), (12.0, Unit::Percent));
        // The change column names only its baseline: the table's year.
        assert_eq!(fs[1].period.map(|p| p.to_string()).as_deref(), Some("2023"));
    }

    #[test]
    fn a_place_in_a_header_takes_its_preposition_with_it() {
        let fs = facts(None, "| Year | Cocaine seized at Gioia Tauro (kg) |", "| 2022 | 12,300 |");
        assert_eq!(fs.len(), 1);
        assert_eq!((fs[0].value, fs[0].what.as_deref()), (12_300.0, Some("cocaine seized")));
        assert_eq!(fs[0].place.as_deref(), Some("Italy"));
    }

    #[test]
    fn a_row_label_may_name_the_unit_and_a_rate_is_no_amount() {
        let fs = facts(None, "| Indicator | 2024 | 2025 |", "| Potential production (tons) | 1,080 | 1,010 |");
        let got: Vec<(f64, Unit)> = fs.iter().map(|f| (f.value, f.unit)).collect();
        assert_eq!(got, [(1_080_000.0, Unit::Kg), (1_010_000.0, Unit::Kg)]);
        assert_eq!(fs[0].what.as_deref(), Some("potential production"));
        // "kg per hectare" is a yield, dropped as in prose.
        assert!(facts(None, "| Indicator | 2024 |", "| Average yield (kg/ha) | 22.9 |").is_empty());
    }

    #[test]
    fn a_column_named_by_its_unit_gives_the_unit_not_the_what() {
        let fs = facts(None, "| Drug | Pounds |", "| Methamphetamine | 14,402 |");
        assert_eq!((fs[0].unit, fs[0].what.as_deref()), (Unit::Kg, Some("methamphetamine")));
        assert!((fs[0].value - 14_402.0 * 0.45359237).abs() < 1e-6, "{}", fs[0].value);
    }

    #[test]
    fn the_label_columns_header_may_name_the_event_and_a_figure_header_says_nothing() {
        let fs = facts(None, "| Seized | Quantity |", "| Marijuana plants | 4,300 |");
        assert_eq!(fs.len(), 1);
        assert_eq!(fs[0].event, Some(Event::Seizure));
        assert_eq!(fs[0].what.as_deref(), Some("marijuana plants"));
        assert_eq!(fs[0].substance.as_deref(), Some("cannabis"));
    }

    /// The facts of a whole file `name` holding `text`: cleaned, chunked and read.
    fn pipeline(name: &str, text: &str) -> Vec<Fact> {
        use crate::corpus::{Format, RawDoc};
        let lex = Lexicon::builtin().unwrap();
        let format = Format::from_name(name).unwrap();
        let raw = RawDoc { name: name.into(), format, bytes: text.as_bytes().to_vec() };
        let (doc, _) = crate::clean::clean(&raw, &lex);
        let (sentences, _) = crate::chunk::split(&doc);
        super::super::extract(&doc, &sentences, &lex).facts
    }

    #[test]
    fn a_markdown_table_gives_its_facts_through_the_pipeline() {
        let md = "# Seizures in Central Asia\n\n*15 May 2024*\n\n\
                  Customs agencies in the region seized less heroin last year than before.\n\n\
                  Table 1. Heroin seizures by country (tonnes)\n\n\
                  | Country | 2022 | 2023 |\n|---|---:|---:|\n| Tajikistan | 1.2 | 0.5 |\n";
        let facts = pipeline("t.md", md);
        let got: Vec<(&str, f64, String)> =
            facts.iter().map(|f| (&md[f.span.start..f.span.end], f.value, f.period.unwrap().to_string())).collect();
        assert_eq!(got, [("1.2", 1200.0, "2022".to_owned()), ("0.5", 500.0, "2023".to_owned())]);
        assert!(facts.iter().all(|f| f.place.as_deref() == Some("Tajikistan") && f.rule == "table"));
        assert_eq!(facts[0].sentence, "| Tajikistan | 1.2 | 0.5 |");
    }

    #[test]
    fn money_headers_and_shared_drugs() {
        let fs = facts(
            None,
            "| Country | Methamphetamine (tons) | Value (US$ million) | Change |",
            "| Laos | 38.0 | 12.5 | +50% |",
        );
        let got: Vec<String> =
            fs.iter().map(|f| format!("{} {} {:?}", f.value, f.unit.as_str(), f.substance)).collect();
        assert_eq!(
            got,
            [
                "38000 kg Some(\"methamphetamine\")",
                "12500000 USD Some(\"methamphetamine\")",
                "50 % Some(\"methamphetamine\")"
            ]
        );
    }

    #[test]
    fn a_total_row_spans_the_years_of_the_others() {
        let lex = Lexicon::builtin().unwrap();
        let text = "| Year | Heroin (kg) |\n| 2021 | 903 |\n| 2022 | 1,120 |\n| Total | 2,023 |";
        let rows: Vec<Span> = {
            let mut pos = 0;
            text.split('\n')
                .map(|l| {
                    let s = Span::new(pos, pos + l.len());
                    pos += l.len() + 1;
                    s
                })
                .collect()
        };
        let anchor = Anchor { article_year: Some(2024), ..Anchor::default() };
        let rows_period = label_periods(text, &rows[1..], &anchor, &lex);
        assert_eq!(rows_period.map(|p| p.to_string()).as_deref(), Some("2021..2022"));
        let ctx = TableContext { anchor, rows_period, ..TableContext::default() };
        let total = row_facts("a.md", text, rows[0], rows[3], &ctx, &lex, &|s| s);
        assert_eq!(total[0].period.map(|p| p.to_string()).as_deref(), Some("2021..2022"));
        assert!(total[0].total);
        let first = row_facts("a.md", text, rows[0], rows[1], &ctx, &lex, &|s| s);
        assert_eq!(first[0].period.map(|p| p.to_string()).as_deref(), Some("2021"));
        assert!(!first[0].total);
    }

    #[test]
    fn cells_without_one_number_give_nothing() {
        let fs = facts(None, "| Country | Note | Period |", "| Iran | n/a | 2021-22 |");
        assert!(fs.is_empty(), "{fs:?}");
        let fs = facts(None, "| Country | Arrests |", "| Iran | – |");
        assert!(fs.is_empty(), "{fs:?}");
    }

    #[test]
    fn a_csv_table_gives_its_facts_through_the_pipeline() {
        let txt = "DEA data annex\n\nWashington, May 13, 2025\n\n\
                   The agency seized more fentanyl powder than ever before in the last four years.\n\n\
                   Table 3. Fentanyl seized by DEA, fiscal years 2021-2024\n\n\
                   fiscal_year,fentanyl_powder_lb,fentanyl_pills\n2021,4800,9600000\n2022,10000,58300000\n\n\
                   Most pills were pressed in Mexico, the agency said in its annual report.\n";
        let mut facts = pipeline("t.txt", txt);
        // (The prose's "four years" is a duration, a fact of its own.)
        facts.retain(|f| f.rule == "table");
        let got: Vec<String> = facts
            .iter()
            .map(|f| {
                let what = f.what.as_deref().unwrap_or("-");
                format!("{} {} {what} {}", &txt[f.span.start..f.span.end], f.unit.as_str(), f.period.unwrap())
            })
            .collect();
        // The years are the agency's fiscal years (October to September).
        assert_eq!(
            got,
            [
                "4800 kg fentanyl powder 2020-10..2021-09",
                "9600000 count fentanyl pills 2020-10..2021-09",
                "10000 kg fentanyl powder 2021-10..2022-09",
                "58300000 count fentanyl pills 2021-10..2022-09",
            ]
        );
        assert!(facts.iter().all(|f| f.event == Some(Event::Seizure)));
        assert_eq!(facts[0].sentence, "2021,4800,9600000");
    }

    #[test]
    fn a_tsv_table_of_fiscal_years_takes_its_unit_from_the_paragraph_opening_on_it() {
        let txt = "Southwest border seizures\n\nPublished 14 January 2025.\n\n\
                   Pounds of drugs seized by U.S. Customs and Border Protection, by fiscal year.\n\n\
                   Drug\tFY2021\tFY2022\nCocaine\t48,617\t55,273\nHeroin\t5,108\t2,984\n\n\
                   Figures for fiscal year 2024 are final.\n";
        let got: Vec<String> = pipeline("t.txt", txt)
            .iter()
            .filter(|f| f.rule == "table")
            .map(|f| {
                format!(
                    "{} {} {} {}",
                    &txt[f.span.start..f.span.end],
                    f.value.round(),
                    f.unit.as_str(),
                    f.period.unwrap()
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                "48,617 22052 kg 2020-10..2021-09",
                "55,273 25071 kg 2021-10..2022-09",
                "5,108 2317 kg 2020-10..2021-09",
                "2,984 1354 kg 2021-10..2022-09",
            ]
        );
    }

    #[test]
    fn a_column_of_units_gives_each_row_its_unit() {
        let html =
            "<html><head><title>Drug seizures in Thailand</title><meta name=\"date\" content=\"2025-03-10\"></head>\
                    <body><h1>Drug seizures in Thailand</h1><p>Seized by all agencies each year.</p><table>\
                    <tr><th>Drug</th><th>Unit</th><th>2023</th><th>2024</th></tr>\
                    <tr><th scope=\"row\">Yaba</th><td>million tablets</td><td>1,020</td><td>1,000</td></tr>\
                    <tr><th scope=\"row\">Heroin</th><td>tonnes</td><td>2.4</td><td>1.5</td></tr>\
                    </table></body></html>";
        let facts = pipeline("t.html", html);
        let got: Vec<(f64, &str)> = facts.iter().map(|f| (f.value, f.unit.as_str())).collect();
        assert_eq!(got, [(1.02e9, "count"), (1e9, "count"), (2400.0, "kg"), (1500.0, "kg")]);
    }

    #[test]
    fn a_table_before_the_first_paragraph_is_the_articles_with_its_caption() {
        let txt = "Data annex\n\nTable 1. Heroin seized (kg)\n\nyear;heroin\n2023;\"1,200\"\n2024;900\n\n\
                   Seizures fell last year as traffickers moved to other routes, the report said.\n";
        let facts = pipeline("t.txt", txt);
        let got: Vec<(f64, String)> = facts.iter().map(|f| (f.value, f.period.unwrap().to_string())).collect();
        assert_eq!(got, [(1200.0, "2023".to_owned()), (900.0, "2024".to_owned())]);
        assert_eq!(facts[0].lead_in.as_deref(), Some("Table 1. Heroin seized (kg)"));
    }
}
