//! A numeric fact: a quantity, what it measures and its frame, with the file,
//! byte range and sentence it came from.

use serde::{Deserialize, Serialize};

use super::period::Period;
use crate::span::Span;
pub use crate::vocab::{Approx, Currency, Dimension, Event, MassUnit, Unit};

/// One numeric fact, as the extractor found it.
///
/// `span` and `sentence_span` are byte ranges in the original file; `text` is
/// the file's bytes at `span` (decoded), so `file[span] == text` for UTF-8 files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// Corpus name of the file.
    pub doc: String,
    /// The quantity's surface text in the file.
    pub span: Span,
    /// That surface text, e.g. `903 kg 454 grams`.
    pub text: String,
    /// Value in the canonical unit.
    pub value: f64,
    /// Upper end of a range.
    pub value_max: Option<f64>,
    /// Canonical unit.
    pub unit: Unit,
    /// What is counted or weighed, in short lower-case words.
    pub what: Option<String>,
    /// Canonical substance (`narcotics` for drugs in general).
    pub substance: Option<String>,
    /// Every drug of a mix the figure measures as one ("5 kg of heroin and
    /// cocaine": heroin, cocaine), `substance` first; empty when the figure
    /// is of one drug.
    pub substances: Vec<String>,
    /// What happened.
    pub event: Option<Event>,
    /// Canonical agency.
    pub agent: Option<String>,
    /// Country or place the fact is about.
    pub place: Option<String>,
    /// The place finer than `place` that the fact is about, as written
    /// ("Santos" in Brazil), when one is named.
    #[serde(default)]
    pub locality: Option<String>,
    /// Time the figure covers.
    pub period: Option<Period>,
    /// Hedge written before the number.
    pub approx: Option<Approx>,
    /// The sentence it came from.
    pub sentence: String,
    /// Byte range of the sentence in the file.
    pub sentence_span: Span,
    /// The sentence states a total ("a total of", "in total").
    pub total: bool,
    /// Attributes taken from outside the sentence (earlier text, the article's
    /// frame or defaults), by name: `agent`, `place`, `period`, `substance`, `event`.
    pub carried: Vec<String>,
    /// Name of the rule that read the quantity.
    pub rule: String,
    /// From before the article's news: its period ends before the end of
    /// the period the article's lead names, and before the article's date
    /// ("In February, BGB seized…" in an article on a seizure in March).
    pub background: bool,
    /// States the figure the article's title states ("NDLEA intercepts
    /// 22,000 bottles of codeine syrup" for "22,150 bottles"): the article's
    /// news.
    pub headline: bool,
    /// The line leading into the fact's sentence when that is an item of a
    /// list ("During the action days, investigators seized:") or a table's
    /// row (its caption), or the sentence before that named the drug the
    /// fact's own words only refer to ("86 kilograms of the finished drug"):
    /// searched with the sentence, whose words it completes.
    #[serde(default)]
    pub lead_in: Option<String>,
}

impl Fact {
    /// The dimension of its unit.
    pub fn dimension(&self) -> Dimension {
        self.unit.dimension()
    }

    /// Its substance, then the other drugs of its mix.
    pub fn substance_names(&self) -> impl Iterator<Item = &str> {
        self.substance.as_deref().into_iter().chain(self.substances.iter().skip(1).map(String::as_str))
    }

    /// True when `field` (`agent`, `place`, `period`, `substance`, `event`)
    /// was taken from outside its sentence.
    pub fn is_carried(&self, field: &str) -> bool {
        self.carried.iter().any(|c| c == field)
    }

    /// True when `substance` is its substance or one of its mix.
    pub fn has_substance(&self, substance: &str) -> bool {
        self.substance_names().any(|s| s == substance)
    }

    /// "903.454 kg", "1.1–2.1 bn USD", "6,458": the value for people to read.
    pub fn value_text(&self) -> String {
        self.value_text_in(None)
    }

    /// The value and unit, masses shown in `mass` when given ("1,991.6 lb").
    pub fn value_text_in(&self, mass: Option<MassUnit>) -> String {
        let (value, max, unit) = self.value_in(mass);
        let v = format_value(value);
        let v = match max {
            Some(max) => format!("{v}–{}", format_value(max)),
            None => v,
        };
        match self.unit {
            Unit::Count => v,
            Unit::Percent => format!("{v}%"),
            // "18 years", "1 year", "1.5 years".
            Unit::Year if value != 1.0 || max.is_some() => format!("{v} years"),
            _ => format!("{v} {unit}"),
        }
    }

    /// Value, upper end and unit name, masses converted to `mass` when given.
    pub fn value_in(&self, mass: Option<MassUnit>) -> (f64, Option<f64>, &str) {
        match (self.unit, mass) {
            (Unit::Kg, Some(m)) => (self.value / m.kg(), self.value_max.map(|x| x / m.kg()), m.as_str()),
            _ => (self.value, self.value_max, self.unit.as_str()),
        }
    }
}

/// A number for people: thousands separated, at most three decimals, large
/// amounts in millions, billions or trillions.
pub fn format_value(v: f64) -> String {
    let abs = v.abs();
    if abs >= 1e12 && (v / 1e10).fract() == 0.0 {
        return format!("{} trillion", trim_decimals(v / 1e12));
    }
    if abs >= 1e9 && (v / 1e7).fract() == 0.0 {
        return format!("{} bn", trim_decimals(v / 1e9));
    }
    if abs >= 1e6 && (v / 1e4).fract() == 0.0 {
        return format!("{} million", trim_decimals(v / 1e6));
    }
    if abs > 0.0 && abs < 0.001 {
        // "2 milligrams" is 0.000002 kg, not 0: three significant digits.
        let decimals = (-abs.log10()).ceil() as usize + 2;
        let s = format!("{v:.decimals$}");
        return s.trim_end_matches('0').to_owned();
    }
    let rounded = (v * 1000.0).round() / 1000.0;
    let int = rounded.trunc() as i128;
    let frac = ((rounded - rounded.trunc()).abs() * 1000.0).round() as i64;
    let digits = int.abs().to_string();
    let mut grouped = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if v < 0.0 { "-" } else { "" };
    if frac == 0 {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{}", format!("{frac:03}").trim_end_matches('0'))
    }
}

fn trim_decimals(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// A heroin seizure by customs in Azerbaijan, in `a.txt`, for tests that only
/// care about some fields: set the rest with struct update syntax.
#[cfg(test)]
pub(crate) fn example(value: f64, unit: crate::vocab::Unit, period: &str) -> Fact {
    Fact {
        doc: "a.txt".into(),
        span: crate::span::Span::new(0, 1),
        text: "x".into(),
        value,
        value_max: None,
        unit,
        what: None,
        substance: Some("heroin".into()),
        substances: Vec::new(),
        event: Some(crate::vocab::Event::Seizure),
        agent: Some("customs".into()),
        place: Some("Azerbaijan".into()),
        locality: None,
        period: Period::parse(period),
        approx: None,
        sentence: "x".into(),
        sentence_span: crate::span::Span::new(0, 1),
        total: false,
        carried: Vec::new(),
        rule: "test".into(),
        background: false,
        headline: false,
        lead_in: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_read_in_years() {
        assert_eq!(example(18.0, Unit::Year, "2025").value_text(), "18 years");
        assert_eq!(example(1.0, Unit::Year, "2025").value_text(), "1 year");
        assert_eq!(example(120.0, Unit::Kg, "2025").value_text(), "120 kg");
    }

    #[test]
    fn values_read_well() {
        assert_eq!(format_value(903.454), "903.454");
        assert_eq!(format_value(1648.104), "1,648.104");
        assert_eq!(format_value(6458.0), "6,458");
        assert_eq!(format_value(115_700_000.0), "115.7 million");
        assert_eq!(format_value(2.1e9), "2.1 bn");
        assert_eq!(format_value(1.8e12), "1.8 trillion");
        assert_eq!(format_value(0.5), "0.5");
        assert_eq!(format_value(0.000002), "0.000002");
        assert_eq!(format_value(0.000_453_6), "0.000454");
    }
}
