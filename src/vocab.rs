//! The closed vocabularies of a fact: [`Unit`], [`Approx`] and [`Event`].
//!
//! They sit at the bottom of the crate because the lexicon tables, the
//! extractor, the index and the question parser all speak them. Each has
//! `as_str()` for its wire name (shared/CONTRACT.md) and `parse()` back.
//! Agents and substances are canonical *strings* instead: the contract lets a
//! user's lexicon add new ones.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An ISO 4217 currency code such as `USD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency([u8; 3]);

impl Currency {
    /// Parses a three-letter upper-case code.
    pub fn parse(code: &str) -> Option<Currency> {
        let b = code.as_bytes();
        (b.len() == 3 && b.iter().all(u8::is_ascii_uppercase)).then(|| Currency([b[0], b[1], b[2]]))
    }

    /// The code, e.g. `"AZN"`.
    pub fn as_str(&self) -> &str {
        // The bytes were checked to be ASCII upper-case letters in `parse`.
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }
}

/// What kind of measure a unit is; questions ask for dimensions ("how much").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    /// Mass, in kg.
    Mass,
    /// A count of things.
    Count,
    /// A percentage.
    Percent,
    /// Money in some currency.
    Money,
    /// A distance, in km.
    Distance,
    /// A volume, in litres.
    Volume,
    /// A duration, in years.
    Duration,
    /// An area, in hectares.
    Area,
}

impl Dimension {
    /// Every dimension.
    pub const ALL: [Dimension; 8] = [
        Dimension::Mass,
        Dimension::Count,
        Dimension::Percent,
        Dimension::Money,
        Dimension::Distance,
        Dimension::Volume,
        Dimension::Duration,
        Dimension::Area,
    ];
}

/// The canonical unit of a fact's value (shared/CONTRACT.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Kilograms: every mass.
    Kg,
    /// A count of things (tablets, cases, people…).
    Count,
    /// Percent.
    Percent,
    /// Money, in units of the currency.
    Money(Currency),
    /// Kilometres.
    Km,
    /// Litres.
    Litre,
    /// Years (durations).
    Year,
    /// Hectares (cultivated area); an extension of the contract's list.
    Hectare,
}

impl Unit {
    /// The wire name: `kg`, `count`, `%`, an ISO code, `km`, `l`, `year`, `ha`.
    pub fn as_str(&self) -> &str {
        match self {
            Unit::Kg => "kg",
            Unit::Count => "count",
            Unit::Percent => "%",
            Unit::Money(c) => c.as_str(),
            Unit::Km => "km",
            Unit::Litre => "l",
            Unit::Year => "year",
            Unit::Hectare => "ha",
        }
    }

    /// Parses a wire name (as written by [`Unit::as_str`]).
    pub fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "kg" => Unit::Kg,
            "count" => Unit::Count,
            "%" => Unit::Percent,
            "km" => Unit::Km,
            "l" => Unit::Litre,
            "year" => Unit::Year,
            "ha" => Unit::Hectare,
            other => Unit::Money(Currency::parse(other)?),
        })
    }

    /// The dimension this unit measures.
    pub fn dimension(&self) -> Dimension {
        match self {
            Unit::Kg => Dimension::Mass,
            Unit::Count => Dimension::Count,
            Unit::Percent => Dimension::Percent,
            Unit::Money(_) => Dimension::Money,
            Unit::Km => Dimension::Distance,
            Unit::Litre => Dimension::Volume,
            Unit::Year => Dimension::Duration,
            Unit::Hectare => Dimension::Area,
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a quantity was hedged in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Approx {
    /// "over", "more than", "in excess of".
    Over,
    /// "under", "less than".
    Under,
    /// "about", "nearly", "approximately".
    About,
    /// "up to".
    UpTo,
}

impl Approx {
    /// The wire name: `over`, `under`, `about`, `up_to`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Approx::Over => "over",
            Approx::Under => "under",
            Approx::About => "about",
            Approx::UpTo => "up_to",
        }
    }

    /// Parses a wire name.
    pub fn parse(s: &str) -> Option<Approx> {
        Some(match s {
            "over" => Approx::Over,
            "under" => Approx::Under,
            "about" => Approx::About,
            "up_to" => Approx::UpTo,
            _ => return None,
        })
    }
}

/// What happened to the quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Event {
    /// Seized, confiscated, intercepted.
    Seizure,
    /// Burned, destroyed, eradicated.
    Destruction,
    /// Produced, cultivated.
    Production,
    /// Smuggled, trafficked, in transit.
    Trafficking,
    /// Crimes registered or uncovered.
    Crime,
    /// Brought to justice, charged, convicted.
    Prosecution,
    /// Arrested, detained.
    Arrest,
    /// Killed, injured.
    Casualty,
    /// Treatment, rehabilitation, medical examination.
    Treatment,
    /// Anything else.
    Other,
}

impl Event {
    /// True for the events that happen to people (arrest, prosecution,
    /// crime, casualty, treatment), false for those that happen to drugs
    /// (seizure, destruction, production, trafficking) and for `Other`.
    pub fn is_of_people(self) -> bool {
        matches!(self, Event::Crime | Event::Prosecution | Event::Arrest | Event::Casualty | Event::Treatment)
    }

    /// Every event, in wire-name order.
    pub const ALL: [Event; 10] = [
        Event::Seizure,
        Event::Destruction,
        Event::Production,
        Event::Trafficking,
        Event::Crime,
        Event::Prosecution,
        Event::Arrest,
        Event::Casualty,
        Event::Treatment,
        Event::Other,
    ];

    /// The wire name, e.g. `seizure`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Event::Seizure => "seizure",
            Event::Destruction => "destruction",
            Event::Production => "production",
            Event::Trafficking => "trafficking",
            Event::Crime => "crime",
            Event::Prosecution => "prosecution",
            Event::Arrest => "arrest",
            Event::Casualty => "casualty",
            Event::Treatment => "treatment",
            Event::Other => "other",
        }
    }

    /// Parses a wire name.
    pub fn parse(s: &str) -> Option<Event> {
        Event::ALL.into_iter().find(|e| e.as_str() == s)
    }
}

/// A unit people may want masses shown in (`--unit`); facts keep kilograms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MassUnit {
    /// Grams.
    G,
    /// Kilograms (the canonical unit).
    Kg,
    /// Metric tonnes.
    T,
    /// Avoirdupois pounds.
    Lb,
    /// Avoirdupois ounces.
    Oz,
}

impl MassUnit {
    /// Every display unit, in name order of [`MassUnit::as_str`].
    pub const ALL: [MassUnit; 5] = [MassUnit::G, MassUnit::Kg, MassUnit::T, MassUnit::Lb, MassUnit::Oz];

    /// Its symbol: `g`, `kg`, `t`, `lb`, `oz`.
    pub fn as_str(&self) -> &'static str {
        match self {
            MassUnit::G => "g",
            MassUnit::Kg => "kg",
            MassUnit::T => "t",
            MassUnit::Lb => "lb",
            MassUnit::Oz => "oz",
        }
    }

    /// Kilograms in one of this unit (exact: 1 lb = 0.45359237 kg).
    pub fn kg(&self) -> f64 {
        match self {
            MassUnit::G => 0.001,
            MassUnit::Kg => 1.0,
            MassUnit::T => 1000.0,
            MassUnit::Lb => 0.453_592_37,
            MassUnit::Oz => 0.028_349_523_125,
        }
    }

    /// Parses a symbol or name: `lb`, `lbs`, `pounds`, `t`, `tonnes`, `kg`….
    pub fn parse(s: &str) -> Option<MassUnit> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "g" | "gram" | "grams" => MassUnit::G,
            "kg" | "kilo" | "kilos" | "kilogram" | "kilograms" => MassUnit::Kg,
            "t" | "ton" | "tons" | "tonne" | "tonnes" | "metric ton" | "metric tons" => MassUnit::T,
            "lb" | "lbs" | "pound" | "pounds" => MassUnit::Lb,
            "oz" | "ounce" | "ounces" => MassUnit::Oz,
            _ => return None,
        })
    }
}

macro_rules! wire_serde {
    ($ty:ty, $what:literal) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                <$ty>::parse(&s)
                    .ok_or_else(|| serde::de::Error::custom(format!(concat!("unknown ", $what, " {:?}"), s)))
            }
        }
    };
}

wire_serde!(Unit, "unit");
wire_serde!(Approx, "approx");
wire_serde!(Event, "event");

/// The agent of authorities left unnamed (the contract's "law enforcement").
pub const GENERIC_AGENT: &str = "law enforcement";

/// Words that make a figure the whole country's.
const NATIONWIDE: &[&str] =
    &["nationwide", "countrywide", "islandwide", "across the country", "throughout the country", "across the nation"];

/// True when `text` gives its figures for the whole country ("in 14
/// operations across the country").
pub fn nationwide(text: &str) -> bool {
    nationwide_lower(&text.to_lowercase())
}

/// [`nationwide`] of a text already in lower case.
pub fn nationwide_lower(lower: &str) -> bool {
    NATIONWIDE.iter().any(|w| lower.contains(w))
}

/// The agents that enforce drug laws: those [`GENERIC_AGENT`] covers.
pub const ENFORCEMENT: &[&str] = &[
    "customs",
    "border service",
    "police",
    "drug control agency",
    "security service",
    "navy",
    "military",
    GENERIC_AGENT,
];

/// Words that make a sum what something is worth, not money held: in a
/// question ("value of the cocaine") and in a fact's `what` ("street
/// value", "price of a gram").
pub const WORTH_WORDS: &[&str] = &["value", "worth", "valued", "price", "prices", "cost", "costs"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_round_trip() {
        for u in ["kg", "count", "%", "km", "l", "year", "ha", "AZN", "USD"] {
            assert_eq!(Unit::parse(u).map(|u| u.as_str().to_owned()).as_deref(), Some(u));
        }
        assert_eq!(Unit::parse("usd"), None);
        for e in Event::ALL {
            assert_eq!(Event::parse(e.as_str()), Some(e));
        }
        for a in ["over", "under", "about", "up_to"] {
            assert_eq!(Approx::parse(a).map(|a| a.as_str()), Some(a));
        }
    }
}
