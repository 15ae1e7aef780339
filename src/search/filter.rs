//! Structured fact filters: what `narcofacts facts --substance … --min …` and
//! the timeline select, run as one tantivy query over the facts' indexed
//! fields (substance, agent, place, event, unit, value, period, file).
//!
//! Names go through the lexicons the way a question does, so `--substance
//! meth`, `--agent "border guards"` and `--place Iranian` mean
//! `methamphetamine`, `border service` and `Iran`; a name the lexicons do not
//! know is matched as written.

use std::ops::Bound;

use tantivy::query::{BooleanQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

use crate::error::{Error, Result};
use crate::extract::{self, Fact, PDate, Period};
use crate::index::{docs, Index};
use crate::lexicon::Lexicon;
use crate::query;
use crate::vocab::{Event, Unit};

/// A bound on a fact's value: a number in a canonical unit, or a bare number
/// that applies whatever the unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Amount {
    /// Value in `unit`.
    pub value: f64,
    /// Canonical unit, when the bound names one.
    pub unit: Option<Unit>,
}

impl Amount {
    /// Reads `500kg`, `1t`, `2,000 lbs`, `10%`, `$1m`, `5000 tablets` or a
    /// bare `1000`, with the extractor's own number and unit rules.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when the text is not one amount.
    pub fn parse(text: &str, lex: &Lexicon) -> Result<Amount> {
        let t = text.trim();
        if let Ok(value) = t.replace(',', "").parse::<f64>() {
            if value.is_finite() {
                return Ok(Amount { value, unit: None });
            }
        }
        let analysis = extract::analyze(t, lex);
        match analysis.quantities.as_slice() {
            [q] if q.value.is_finite() => Ok(Amount { value: q.value, unit: Some(q.unit) }),
            _ => Err(Error::InvalidArgument(format!(
                "cannot read {text:?} as an amount; write a number with a unit, like 500kg, 1t, 2000lb, 10% or $1m"
            ))),
        }
    }

    fn admits(&self, f: &Fact) -> bool {
        self.unit.is_none_or(|u| u == f.unit)
    }
}

/// Which facts to keep. Every field that is set must agree; a list agrees
/// when any of its items does. The default keeps every fact.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FactFilter {
    /// Canonical substances.
    pub substances: Vec<String>,
    /// Canonical agencies.
    pub agents: Vec<String>,
    /// Places, as the facts name them.
    pub places: Vec<String>,
    /// Localities (towns, ports, regions within a country), as
    /// [`crate::lexicon::locality_key`] writes them.
    pub localities: Vec<String>,
    /// Events.
    pub events: Vec<Event>,
    /// Facts whose period ends on or after this date's first day.
    pub from: Option<PDate>,
    /// Facts whose period starts on or before this date's last day.
    pub to: Option<PDate>,
    /// Smallest value (facts in other units go when it names a unit).
    pub min: Option<Amount>,
    /// Largest value (likewise).
    pub max: Option<Amount>,
    /// Corpus file names.
    pub docs: Vec<String>,
}

/// The lexicon's reading of `name` for one field, else `name` as written.
fn canonical(name: &str, lex: &Lexicon, pick: impl Fn(&query::Question) -> Vec<String>) -> Vec<String> {
    let (q, _) = query::parse(name, lex, None);
    let found = pick(&q);
    if found.is_empty() {
        vec![name.trim().to_owned()]
    } else {
        found
    }
}

impl FactFilter {
    /// Adds a substance (`heroin`, `meth`, `weed`…).
    pub fn substance(mut self, name: &str, lex: &Lexicon) -> FactFilter {
        let found = canonical(name, lex, |q| q.substances.clone());
        self.substances.extend(found.into_iter().map(|s| s.to_lowercase()));
        self
    }

    /// Adds an agency (`customs`, `SCC`, `border guards`, `DEA`…).
    pub fn agent(mut self, name: &str, lex: &Lexicon) -> FactFilter {
        let found = canonical(name, lex, |q| q.agents.clone());
        self.agents.extend(found.into_iter().map(|s| s.to_lowercase()));
        self
    }

    /// Adds a place (`Azerbaijan`, `Iranian`, `U.S.`…); a town, port or
    /// region within a country (`Santos`) keeps the facts at it.
    pub fn place(mut self, name: &str, lex: &Lexicon) -> FactFilter {
        self.places.extend(canonical(name, lex, |q| q.places.clone()));
        if lex.is_locality(name) {
            self.localities.push(crate::lexicon::locality_key(name));
        }
        self
    }

    /// Adds an event by wire name (`seizure`) or by a word for it (`seized`,
    /// `burned`, `arrests`).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming the events when the word is none.
    pub fn event(mut self, name: &str, lex: &Lexicon) -> Result<FactFilter> {
        let word = name.trim().to_lowercase();
        let event = Event::parse(&word).or_else(|| query::parse(&word, lex, None).0.event);
        match event {
            Some(e) => {
                self.events.push(e);
                Ok(self)
            }
            None => {
                let names: Vec<&str> = Event::ALL.iter().map(Event::as_str).collect();
                Err(Error::InvalidArgument(format!("unknown event {name:?}; use one of {}", names.join(", "))))
            }
        }
    }

    /// Sets the earliest date (`2018`, `2018-07`, `2018-07-15`).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when the date is not one of those forms.
    pub fn from(mut self, date: &str) -> Result<FactFilter> {
        self.from = Some(parse_date(date)?);
        Ok(self)
    }

    /// Sets the latest date (same forms as [`FactFilter::from`]).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when the date is not one of those forms.
    pub fn to(mut self, date: &str) -> Result<FactFilter> {
        self.to = Some(parse_date(date)?);
        Ok(self)
    }

    /// The constraints a question states, as a filter: its substances (drugs
    /// in general filter nothing), agencies, places, event and period.
    pub fn from_question(q: &query::Question) -> FactFilter {
        FactFilter {
            substances: q.substance_filter(),
            agents: q.agents.clone(),
            places: q.places.clone(),
            events: q.event.into_iter().collect(),
            from: q.period.map(|p| p.start),
            to: q.period.map(|p| p.end),
            ..FactFilter::default()
        }
    }

    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        *self == FactFilter::default()
    }

    /// True when `f` passes the filter: the same rule as [`FactFilter::query`],
    /// for facts already in memory.
    pub fn matches(&self, f: &Fact) -> bool {
        let any = |list: &[String], v: &Option<String>| list.is_empty() || v.as_ref().is_some_and(|v| list.contains(v));
        let days = f.period.map(|p| p.day_numbers());
        (self.substances.is_empty() || self.substances.iter().any(|s| f.has_substance(s)))
            && any(&self.agents, &f.agent)
            && any(&self.places, &f.place)
            && (self.localities.is_empty()
                || f.locality.as_deref().is_some_and(|l| self.localities.contains(&crate::lexicon::locality_key(l))))
            && (self.events.is_empty() || f.event.is_some_and(|e| self.events.contains(&e)))
            && (self.docs.is_empty() || self.docs.contains(&f.doc))
            && self.from.is_none_or(|d| days.is_some_and(|(_, end)| end >= first_day_number(d)))
            && self.to.is_none_or(|d| days.is_some_and(|(start, _)| start <= last_day_number(d)))
            && self.min.is_none_or(|a| a.admits(f) && f.value >= a.value)
            && self.max.is_none_or(|a| a.admits(f) && f.value <= a.value)
    }

    /// The filter as a query over the index's fact documents.
    pub fn query(&self, index: &Index) -> Box<dyn Query> {
        let f = index.fields();
        let term = |field, text: &str| Term::from_field_text(field, text);
        let mut must: Vec<(Occur, Box<dyn Query>)> =
            vec![(Occur::Must, Box::new(TermQuery::new(term(f.kind, docs::FACT), IndexRecordOption::Basic)))];
        let mut one_of = |field, values: Vec<String>| {
            if !values.is_empty() {
                let terms: Vec<Term> = values.iter().map(|v| term(field, v)).collect();
                must.push((Occur::Must, super::retrieve::any_term(terms)));
            }
        };
        one_of(f.substance, self.substances.clone());
        one_of(f.agent, self.agents.clone());
        one_of(f.place, self.places.clone());
        one_of(f.locality, self.localities.clone());
        one_of(f.event, self.events.iter().map(|e| e.as_str().to_owned()).collect());
        one_of(f.doc, self.docs.clone());
        let units: Vec<String> =
            [self.min, self.max].iter().flatten().filter_map(|a| a.unit).map(|u| u.as_str().to_owned()).collect();
        if let [first, rest @ ..] = units.as_slice() {
            // Two bounds in different units admit nothing.
            let unit = if rest.iter().all(|u| u == first) { first.clone() } else { String::new() };
            one_of(f.unit, vec![unit]);
        }
        let range =
            |lo: Bound<Term>, hi: Bound<Term>| (Occur::Must, Box::new(RangeQuery::new(lo, hi)) as Box<dyn Query>);
        if let Some(d) = self.from {
            must.push(range(
                Bound::Included(Term::from_field_i64(f.period_end, first_day_number(d))),
                Bound::Unbounded,
            ));
        }
        if let Some(d) = self.to {
            must.push(range(
                Bound::Unbounded,
                Bound::Included(Term::from_field_i64(f.period_start, last_day_number(d))),
            ));
        }
        if let Some(a) = self.min {
            must.push(range(Bound::Included(Term::from_field_f64(f.value, a.value)), Bound::Unbounded));
        }
        if let Some(a) = self.max {
            must.push(range(Bound::Unbounded, Bound::Included(Term::from_field_f64(f.value, a.value))));
        }
        Box::new(BooleanQuery::new(must))
    }
}

fn parse_date(text: &str) -> Result<PDate> {
    PDate::parse(text.trim()).filter(|d| d.first_day() <= d.last_day()).ok_or_else(|| {
        Error::InvalidArgument(format!("cannot read {text:?} as a date; write YYYY, YYYY-MM or YYYY-MM-DD"))
    })
}

fn first_day_number(d: PDate) -> i64 {
    Period::single(d).day_numbers().0
}

fn last_day_number(d: PDate) -> i64 {
    Period::single(d).day_numbers().1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::builtin().expect("lexicon")
    }

    fn fact(value: f64, unit: Unit, substance: &str, period: &str) -> Fact {
        Fact { substance: Some(substance.into()), ..crate::extract::fact::example(value, unit, period) }
    }

    #[test]
    fn amounts_read_with_units() {
        let lex = lex();
        let kg = |t: &str| Amount::parse(t, &lex).map(|a| (a.value, a.unit.map(|u| u.as_str().to_owned())));
        assert_eq!(kg("500kg").ok(), Some((500.0, Some("kg".into()))));
        assert_eq!(kg("1t").ok(), Some((1000.0, Some("kg".into()))));
        assert_eq!(kg("1 tonne").ok(), Some((1000.0, Some("kg".into()))));
        let lb = kg("2,000 lbs").expect("pounds").0;
        assert!((lb - 907.18474).abs() < 1e-6, "{lb}");
        assert_eq!(kg("10%").ok(), Some((10.0, Some("%".into()))));
        assert_eq!(kg("$1m").ok(), Some((1e6, Some("USD".into()))));
        assert_eq!(kg("1,000").ok(), Some((1000.0, None)));
        assert!(kg("heavy").is_err());
        assert!(kg("").is_err());
        assert!(kg("NaN").is_err());
    }

    #[test]
    fn names_go_through_the_lexicons() {
        let lex = lex();
        let f =
            FactFilter::default().substance("meth", &lex).agent("State Customs Committee", &lex).place("Iranian", &lex);
        assert_eq!(f.substances, ["methamphetamine"]);
        assert_eq!(f.agents, ["customs"]);
        assert_eq!(f.places, ["Iran"]);
        let santos = FactFilter::default().place("Santos", &lex);
        assert_eq!((santos.places, santos.localities), (vec!["Brazil".to_owned()], vec!["santos".to_owned()]));
        assert_eq!(FactFilter::default().substance("unobtainium", &lex).substances, ["unobtainium"]);
        let e = FactFilter::default().event("seized", &lex).expect("event").events;
        assert_eq!(e, [Event::Seizure]);
        assert_eq!(FactFilter::default().event("destruction", &lex).expect("wire name").events, [Event::Destruction]);
        assert!(FactFilter::default().event("lunch", &lex).is_err());
    }

    #[test]
    fn dates_bound_periods_by_overlap() {
        let f = FactFilter::default().from("2018").and_then(|f| f.to("2021-06")).expect("dates");
        assert!(f.matches(&fact(1.0, Unit::Kg, "heroin", "2018")));
        assert!(f.matches(&fact(1.0, Unit::Kg, "heroin", "2017-06..2018-02")));
        assert!(f.matches(&fact(1.0, Unit::Kg, "heroin", "2021-06-30")));
        assert!(!f.matches(&fact(1.0, Unit::Kg, "heroin", "2017")));
        assert!(!f.matches(&fact(1.0, Unit::Kg, "heroin", "2021-07")));
        assert!(!f.matches(&fact(1.0, Unit::Kg, "heroin", "")), "no period, no match");
        assert!(FactFilter::default().from("last year").is_err());
        assert!(FactFilter::default().to("2021-13").is_err());
    }

    #[test]
    fn value_bounds_keep_their_unit() {
        let lex = lex();
        let f = FactFilter { min: Some(Amount::parse("500kg", &lex).expect("amount")), ..FactFilter::default() };
        assert!(f.matches(&fact(903.454, Unit::Kg, "heroin", "2021")));
        assert!(!f.matches(&fact(499.0, Unit::Kg, "heroin", "2021")));
        assert!(!f.matches(&fact(5000.0, Unit::Count, "heroin", "2021")), "another unit");
        let bare = FactFilter { max: Some(Amount::parse("1000", &lex).expect("amount")), ..FactFilter::default() };
        assert!(bare.matches(&fact(903.0, Unit::Count, "heroin", "2021")));
        assert!(!bare.matches(&fact(1001.0, Unit::Kg, "heroin", "2021")));
    }

    #[test]
    fn a_question_becomes_a_filter() {
        let lex = lex();
        let (q, _) = query::parse("heroin since 2018 customs", &lex, jiff::civil::Date::new(2026, 11, 23).ok());
        let f = FactFilter::from_question(&q);
        assert_eq!(f.substances, ["heroin"]);
        assert_eq!(f.agents, ["customs"]);
        assert_eq!(f.from.map(|d| d.to_string()), Some("2018".into()));
        assert!(f.matches(&fact(1.0, Unit::Kg, "heroin", "2021")));
        assert!(!f.matches(&fact(1.0, Unit::Kg, "heroin", "2017")));
        let (drugs, _) = query::parse("drugs seized in Azerbaijan", &lex, None);
        let f = FactFilter::from_question(&drugs);
        assert!(f.substances.is_empty() && f.places == ["Azerbaijan"] && f.events == [Event::Seizure]);
    }

    #[test]
    fn lists_agree_on_any_item() {
        let lex = lex();
        let f = FactFilter::default().substance("heroin", &lex).substance("opium", &lex);
        assert!(f.matches(&fact(1.0, Unit::Kg, "opium", "2021")));
        assert!(!f.matches(&fact(1.0, Unit::Kg, "cocaine", "2021")));
        assert!(FactFilter::default().is_empty());
        assert!(FactFilter::default().matches(&fact(1.0, Unit::Kg, "cocaine", "")));
    }

    #[test]
    fn a_mix_matches_any_of_its_drugs() {
        let lex = lex();
        let mix = Fact { substances: vec!["heroin".into(), "cocaine".into()], ..fact(1.0, Unit::Kg, "heroin", "2021") };
        assert!(FactFilter::default().substance("cocaine", &lex).matches(&mix));
        assert!(FactFilter::default().substance("heroin", &lex).matches(&mix));
        assert!(!FactFilter::default().substance("opium", &lex).matches(&mix));
    }
}
