//! The lexicon: every word list the extractor and the question parser read.
//!
//! The tables are data files in `src/lexicon/data/` (TOML, one per dimension),
//! compiled into the binary, and extended by an optional `lexicon.toml` next to
//! the corpus (see [`USER_LEXICON`]). This module only parses tables and looks
//! phrases up; it holds no extraction logic and does no IO beyond reading the
//! user's lexicon file.
//!
//! # The user's lexicon
//!
//! ```toml
//! [substances]
//! "crystal" = "methamphetamine"
//! [agencies]
//! "Guardia di Finanza" = "customs"
//! [places]
//! "Ruritania" = "Ruritania"
//! [localities]
//! "Sinaloa" = "Mexico"
//! [events]
//! "nabbed" = "seizure"
//! [furniture]
//! end = ["more from our network"]
//! line = ["listen to this article"]
//! ```

mod matcher;
mod meta;
mod table;

use std::path::Path;

pub use matcher::{Matcher, Matches};
pub use meta::MetaPhrases;
pub use table::{Entry, Haystack, Hit, Table};

use crate::error::{Diagnostic, Error, Result};
use crate::vocab::{Approx, Currency, Event, Unit};

/// File name of the user's lexicon, looked for in the corpus folder.
pub const USER_LEXICON: &str = "lexicon.toml";

/// Most words of a line [`Lexicon::agency_named`] reads as a force named
/// with where it serves ("Queensland Police Service"): longer lines are
/// headlines.
const PLACED_AGENCY_WORDS: usize = 4;

/// A built-in table: its file name under `src/lexicon/data/` and its content,
/// converted from TOML to JSON by `build.rs` (JSON reads three times faster).
struct Builtin {
    name: &'static str,
    json: &'static str,
}

macro_rules! builtin {
    ($file:literal) => {
        Builtin { name: $file, json: include_str!(concat!(env!("OUT_DIR"), "/lexicon/", $file, ".json")) }
    };
}

const SUBSTANCES: Builtin = builtin!("substances.toml");
const AGENCIES: Builtin = builtin!("agencies.toml");
const PLACES: Builtin = builtin!("places.toml");
const UNITS: Builtin = builtin!("units.toml");
const NUMBERS: Builtin = builtin!("numbers.toml");
const APPROX: Builtin = builtin!("approx.toml");
const EVENTS: Builtin = builtin!("events.toml");
const COUNTED: Builtin = builtin!("counted.toml");
const GRAMMAR: Builtin = builtin!("grammar.toml");
const FURNITURE: Builtin = builtin!("furniture.toml");

impl Builtin {
    /// The table as a TOML document.
    fn doc(&self) -> Result<toml::Table> {
        serde_json::from_str(self.json).map_err(|e| bad(self.name, e.to_string()))
    }

    /// The pairs of `[sect]`, for files whose values are all strings (read
    /// straight into pairs, faster than the general document).
    fn pairs(&self, sect: &str) -> Result<Vec<(String, String)>> {
        Ok(self.sections()?.remove(sect).unwrap_or_default())
    }

    /// The pairs of every section, read at once (a file of several sections
    /// is parsed once, not once a section).
    fn sections(&self) -> Result<rustc_hash::FxHashMap<String, Vec<(String, String)>>> {
        let doc: rustc_hash::FxHashMap<String, rustc_hash::FxHashMap<String, String>> =
            serde_json::from_str(self.json).map_err(|e| bad(self.name, e.to_string()))?;
        Ok(doc.into_iter().map(|(sect, t)| (sect, t.into_iter().collect())).collect())
    }
}

/// When a country's fiscal year runs: the United States' starts in October
/// and is named by the year it ends in (FY2024 is October 2023 to September
/// 2024); Japan's starts in April and is named by the year it starts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FiscalCalendar {
    /// Its first month, 1 to 12.
    pub starts: i8,
    /// "FY2024" is the year that starts in 2024 (else: that ends in 2024).
    pub named_by_start: bool,
}

/// A `[fiscal_years]` value: "October", "April, named by its first year".
fn fiscal_calendar(v: &str) -> Option<FiscalCalendar> {
    let (month, rest) = v.split_once(',').unwrap_or((v, ""));
    let starts = crate::text::date::month(month.trim())?;
    Some(FiscalCalendar { starts, named_by_start: rest.contains("first year") })
}

/// A unit after a number: the canonical unit and the factor into it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UnitDef {
    /// Canonical unit.
    pub unit: Unit,
    /// `canonical value = written value * factor`.
    pub factor: f64,
}

/// Phrase sets the extractor reads around quantities (`grammar.toml`).
#[derive(Debug, Clone)]
pub struct Grammar {
    /// Sentence openers that continue the previous sentence.
    pub continuation: Table<()>,
    /// Words that point back to earlier text.
    pub anaphora: Table<()>,
    /// Verbs of change and the noun a figure of the change takes ("fell" →
    /// "fall": "deaths fell by 27%" is a fall in deaths).
    pub change_nouns: Table<String>,
    /// Comparatives after a figure and the change they make it ("2,500 kilos
    /// less cocaine than in 2023" is a decrease in cocaine).
    pub comparatives: Table<String>,
    /// Penalties and the noun a figure right after one measures ("sentenced
    /// to 12 years" is a prison sentence, "ordered to forfeit $1.2 million" a
    /// forfeiture).
    pub penalties: Table<String>,
    /// Verbs of use and the noun of what a drug's weight after them measures.
    pub use_measures: Table<String>,
    /// Nouns for money held as such ("cash", "drug money").
    pub money_nouns: Table<()>,
    /// Nouns right after a sum that say what it is ("a $150,000 bond").
    pub sum_nouns: Table<()>,
    /// Words before the base of a ratio ("one in 12").
    pub ratio_before: Table<()>,
    /// Subjects that stand for the agency named before ("officers", "they").
    pub personnel: Table<()>,
    /// Groups whose size a number after "of" gives ("its crew of six").
    pub group_sizes: Table<()>,
    /// Forms of "sell" that may stand apart from their "for" ("sold in
    /// Georgia and Europe for…").
    pub sale_verbs: Table<()>,
    /// Words that open a comparison (a following period is a baseline).
    pub comparison: Table<()>,
    /// Words before a place that make it an origin or destination.
    pub place_not_here: Table<()>,
    /// Superlatives before "in" and a place that make it a comparison set.
    pub comparison_superlatives: Table<()>,
    /// Adverbs of time between people counted and what they do.
    pub time_adverbs: Table<()>,
    /// Adjectives of extent after a length ("1,600 km long").
    pub extent_adjectives: Table<()>,
    /// Verbs of extent before an area ("plots covering 9 hectares").
    pub area_verbs: Table<()>,
    /// Phrases before the drug a precursor makes ("oil, which can be used to
    /// make ecstasy"): that drug is not the thing's.
    pub made_into: Table<()>,
    /// Headers of a table's column of units ("Unit").
    pub unit_headers: Table<()>,
    /// Heads of a population a share is taken of ("5.9% of the population",
    /// "2% of adults"): the share measures the subject of its copula.
    pub population_nouns: Table<()>,
    /// Verbs of handing a case over, whose "to" names the agency given it
    /// ("handed the consignments and two suspects to the NDLEA").
    pub handing_verbs: Table<()>,
    /// Words before a place the drugs arrive in ("smuggled into Australia"):
    /// where, unless the sentence names another place that is.
    pub place_arrivals: Table<()>,
    /// Verbs of a flow before the place it crosses ("passes through").
    pub place_transits: Table<()>,
    /// Tails saying a phrase's things are of many kinds ("of all kinds").
    pub kind_tails: Table<()>,
    /// Drug names that are also verbs ("crack"): see `verb_substances` in
    /// grammar.toml.
    pub verb_substances: Table<()>,
    /// Words before an agency that make it a helper, not the actor ("with
    /// the assistance of the CBSA").
    pub agency_helpers: Table<()>,
    /// Agencies that are also venues ("court").
    pub venues: Table<()>,
    /// Words before a venue that make it where, not who ("in federal court").
    pub venue_prepositions: Table<()>,
    /// Verbs after a venue that make it where a case was told ("the court heard").
    pub venue_verbs: Table<()>,
    /// Words of a question about land under a crop, which prefers areas.
    pub area_words: Table<()>,
    /// Countries that write numeric dates month first ("03/04/2025" is 4 March).
    pub month_first_countries: Table<()>,
    /// Places within wider ones (`("European Union", "Europe")`): a question
    /// about the wider place is answered by facts about the one within too.
    pub place_within: Vec<(String, String)>,
    /// What a possessive place owns at home ("New Zealand's history").
    pub home_possessions: Table<()>,
    /// Nouns after a demonym that make it a nationality.
    pub nationality_nouns: Table<()>,
    /// Nouns after a place that name its edge ("the Myanmar border").
    pub border_nouns: Table<()>,
    /// Words that make the number their clause ends on a person's age ("the
    /// youngest suspect arrested was 17").
    pub age_superlatives: Table<()>,
    /// Nouns after a demonym that make it where drugs would sell ("on the
    /// European market"), not where the figure happened.
    pub market_nouns: Table<()>,
    /// Words that make a sentence international.
    pub international: Table<()>,
    /// Present-tense verbs.
    pub present: Table<()>,
    /// Past-tense verbs and auxiliaries.
    pub past: Table<()>,
    /// Nouns before a number that make it an identifier.
    pub identifier_before: Table<()>,
    /// People whose age may follow them between commas.
    pub age_holders: Table<()>,
    /// Words that make the number after them an age ("aged between 25 and 40").
    pub age_before: Table<()>,
    /// The last words of street names: a number before one is a house number.
    pub street_suffixes: Table<()>,
    /// Roads named by the places they join ("the Benin-Lagos expressway").
    pub road_nouns: Table<()>,
    /// Event nouns that also name goods drugs are found in ("in a shipment
    /// of coffee").
    pub cargo_nouns: Table<()>,
    /// Words after a place's name that make the whole a name of something
    /// else ("Canadian County", "the Sinaloa Cartel").
    pub place_name_heads: Table<()>,
    /// Roles and titles before a person's name, one word each: "spokesperson
    /// Orlando Mudumane" names a man, not the city.
    pub person_roles: Table<()>,
    /// Measures of a drug itself ("purity"), of the drug named before.
    pub drug_attributes: Table<()>,
    /// Nouns of a figure set, not reached: "the annual target of 9,000 hectares".
    pub target_nouns: Table<()>,
    /// The same after two names joined ("the Sinaloa and Jalisco cartels").
    pub place_names_heads: Table<()>,
    /// Conjunctions that open a clause of its own ("after", "when").
    pub subordinators: Table<()>,
    /// Words that make a verb of trade right after them a condition ("once sold").
    pub conditions: Table<()>,
    /// Verbs of a court's doing ("were convicted"), no agency's.
    pub court_verbs: Table<()>,
    /// Parts of a figure just named ("most of it"), whose place is theirs.
    pub part_of_figure: Table<()>,
    /// Words recalling a span named before ("during that time").
    pub period_recalls: Table<()>,
    /// Verbs whose own particle is a change word ("made up 27%").
    pub particle_verbs: Table<()>,
    /// Words naming the article's own area again ("in the region").
    pub region_anaphora: Table<()>,
    /// Words for the place the article is about ("the country").
    pub place_anaphora: Table<()>,
    /// Steps of a case before its sentence ("pleaded guilty"), whose period
    /// dates no sentence after.
    pub case_steps: Table<()>,
    /// Words in "-ing" that open a clause framing the story ("during",
    /// "following"), where a participle's clause dates only itself.
    pub framing_participles: Table<()>,
    /// The last words of laws' names ("Act", "Ordinance"), which make the
    /// drugs a name holds no drugs named.
    pub law_heads: Table<()>,
    /// Nouns of a lot of goods ("the stock of Kerala cannabis").
    pub lot_nouns: Table<()>,
    /// Words for the members of a union of states ("Member States").
    pub member_states: Table<()>,
    /// Regions that are unions of states, whose members `member_states` name.
    pub unions: Table<()>,
    /// Words before a name that a number ends ("the vessel Ocean 7").
    pub name_prefixes: Table<()>,
    /// Counted nouns for people: a count of them taken by a seizure verb
    /// was arrested ("captured its three crew members").
    pub people: Table<()>,
    /// Words for a day besides the weekdays ("yesterday"): a day of the
    /// month in brackets after one is a date ("yesterday (17)").
    pub day_words: Table<()>,
    /// Column headers that say only that a cell holds a figure ("Quantity").
    pub figure_headers: Table<()>,
    /// Verbs of what people live with or do ("suffer from", "inject"): a
    /// count of people before one counts those who do it.
    pub condition_verbs: Table<()>,
    /// Verbs that put a price on a unit of drug ("a gram sells for £80").
    pub price_verbs: Table<()>,
    /// Verbs of earning before a sum ("drug trafficking generated €3.5
    /// billion"): the sum is the subject's revenue.
    pub earning_verbs: Table<()>,
    /// Nouns of a price ("the price of one gram"): the mass after is the
    /// unit of sale.
    pub price_nouns: Table<()>,
    /// Amounts in words with no figure ("tens of millions of tablets"): an
    /// "and" before one ends a noun phrase.
    pub vague_amounts: Table<()>,
    /// Words after a number that make it furniture, a ratio, an age or a rank.
    pub reject_after: Table<()>,
    /// Words that mark a stated total.
    pub total: Table<()>,
    /// Phrases that make a sentence's later figures the law's ("maximum penalty").
    pub legal_limits: Table<()>,
    /// Anyone at all: a bound after one is the law's threshold.
    pub anyone: Table<()>,
    /// Phrases right before a figure that make it a figure corrected since
    /// ("previously given as").
    pub superseded: Table<()>,
    /// Verbs after an agency that make it a helper ("is assisting").
    pub assisting: Table<()>,
    /// An appeal for information: a sentence's bare numbers are phone and
    /// reference numbers.
    pub appeals: Table<()>,
    /// Words of a charge, with which "N or more" is a legal threshold.
    pub charges: Table<()>,
    /// Modals before a verb that say the act did not happen ("could have produced").
    pub counterfactual: Table<()>,
    /// Words that mark an interview.
    pub interview: Table<()>,
    /// Nouns after a number that make it part of a period.
    pub period_nouns: Table<()>,
    /// Nouns whose relative clause's period is their own span, which dates
    /// the figures they saw ("The operation, which ran from 1 to 31 July,
    /// saw police seize 37 firearms").
    pub spanning_nouns: Table<()>,
    /// Words a period expression can start with: the grammar's openers and
    /// every month name.
    pub period_openers: Table<()>,
    /// Verbs of saying (a date right after one dates the statement).
    pub reporting: Table<()>,
    /// Words that put a sentence in the future ("will", "is due to").
    pub future_auxiliaries: Table<()>,
    /// Nouns after a year that make it a document's name.
    pub year_reference_nouns: Table<()>,
    /// Verbs that state a figure after "at" ("were estimated at 6,392").
    pub estimate_verbs: Table<()>,
    /// Words after a counted noun that tie it to what it is of ("deaths
    /// related to drug poisoning").
    pub noun_relations: Table<()>,
    /// Words before "since" that make its date a point of comparison ("the
    /// highest since records began in 1993").
    pub since_references: Table<()>,
    /// Subjects that recall an earlier figure ("The previous record was…"):
    /// their sentence's period is history, not the period the text goes on in.
    pub retrospective_subjects: Table<()>,
    /// Participles that may stand before a noun as adjectives.
    pub participle_adjectives: Table<()>,
    /// Verbs of publishing a document ("released its annual figures on
    /// Tuesday"): the day after its object is the day it came out.
    pub publishing_verbs: Table<()>,
    /// Documents a body publishes ("figures", "report", "statistics").
    pub documents: Table<()>,
    /// Participles that mark drugs as those of a seizure ("the seized
    /// drugs"): after "the", the drugs named before.
    pub seized_participles: Table<()>,
    /// Words after which a drug is only what something looks like ("pills
    /// stamped M30 to look like oxycodone"), not what it is.
    pub likeness: Table<()>,
    /// Words that open an elaboration of the noun phrase before them.
    pub elaboration: Table<()>,
    /// Conjunctions that open a contrasting clause after a comma ("…, but
    /// only one in 12 received treatment"): a figure before one takes no
    /// event word after it.
    pub contrast: Table<()>,
    /// Words between a thing and its weight ("The drugs, weighing 60kg,"):
    /// the weight measures the thing.
    pub weighing: Table<()>,
    /// A part of a figure named before, anywhere in a sentence ("37 tonnes of
    /// that total"): the sentence goes on from the text before.
    pub partitive_anaphora: Table<()>,
    /// Words between a sum and what it is in ("cash amounting to RM215,000").
    pub amounting: Table<()>,
    /// Words that end a noun phrase.
    pub np_stop: Table<()>,
    /// Determiners dropped from noun phrases.
    pub determiners: Table<()>,
    /// Vague openings dropped from noun phrases.
    pub vague_leads: Table<()>,
    /// Container nouns ("cases of …").
    pub containers: Table<()>,
    /// Nouns naming an amount of money.
    pub value_nouns: Table<()>,
    /// Things counted beside drugs that are no drug ("firearms", "vehicles").
    pub non_drug_things: Table<()>,
    /// Words of hiding ("hidden", "concealed"): drugs an article says were
    /// hidden were found, but a question's "cocaine hidden in surfboards"
    /// describes the drug, not what befell it.
    pub concealment: Table<()>,
    /// A drug's dosage forms and packings ("pills", "bricks"): a count of them
    /// seized in a sentence naming no drug is of the drug named before, and
    /// taken with people arrested, seized.
    pub drug_forms: Table<()>,
    /// Currencies (ISO codes) quoted the world over to convert local sums: a
    /// place in their name ("14 million U.S. dollars") is none of the fact's.
    pub reference_currencies: Table<()>,
    /// Verbs a prison term follows ("received 11 years").
    pub term_verbs: Table<()>,
    /// Copulas: a drug noun after one restates the drug before it.
    pub copulas: Table<()>,
    /// Nouns for drugs in general ("drugs", "narcotics"): an amount of them
    /// says what was measured only with its event ("drugs seized").
    pub generic_nouns: Table<()>,
    /// Prepositions that may open a phrase inside a subject.
    pub subject_prepositions: Table<()>,
    /// Words before a value noun that belong to it.
    pub value_modifiers: Table<()>,
    /// Words before a value noun that hedge it and are left out of its name.
    pub value_hedges: Table<()>,
    /// Words after a distance that make it a position ("500 km south of").
    pub position_words: Table<()>,
    /// Adverbs of where between a thing and the comma before its worth.
    pub object_adverbs: Table<()>,
    /// Nouns of where a sum is paid or found, not what it is of.
    pub location_nouns: Table<()>,
    /// Verbs of laundering: the sum after one is money laundered.
    pub laundering_verbs: Table<()>,
    /// Adverbs between "to" and the figure a change reached ("to just 10,800").
    pub focus_adverbs: Table<()>,
    /// Verbs of a beginning: a date after one starts a span, as after "since".
    pub beginnings: Table<()>,
    /// Goods and their packing, whose demonym is their make.
    pub made_goods: Table<()>,
    /// Nouns of supply: after a drug's name, its production.
    pub supply_nouns: Table<()>,
    /// Verbs of carrying: trafficking in a sentence with a crossing.
    pub carrying_verbs: Table<()>,
    /// Crossings of a border ("across the border", "into the country").
    pub crossings: Table<()>,
    /// Verbs of worth.
    pub worth_verbs: Table<()>,
    /// Words between a thing and the worth verb that values it.
    pub before_worth: Table<()>,
    /// Verbs that put a count after its subject.
    pub count_verbs: Table<()>,
    /// Verbs whose object a figure after "to" counts.
    pub raise_verbs: Table<()>,
}

/// Furniture phrases (`furniture.toml`).
#[derive(Debug, Clone)]
pub struct Furniture {
    /// Whole short lines that end the article (normalised: lower case, no trailing punctuation).
    pub end: Vec<String>,
    /// Phrases that drop the line holding them.
    pub line: Table<()>,
    /// Phrases that make a short line page metadata; a phrase ending in a space matches only at the start.
    pub meta: MetaPhrases,
    /// Words opening a date line that may end in a full stop ("Published 15
    /// February 2025 by the Ministry of Interior."), lower case.
    pub date_openers: Vec<String>,
}

/// All tables, ready to match.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Substance names: `Some(canonical)`, or `None` for a drug class without one.
    pub substances: Table<Option<String>>,
    /// Agency names to canonical agents.
    pub agencies: Table<String>,
    /// Places, demonyms and regions to countries.
    pub places: Table<String>,
    /// The regions among the places' values ("Southeast Asia", "Europe").
    pub regions: rustc_hash::FxHashSet<String>,
    /// The names in `places` finer than their country (a `[localities]`
    /// entry such as "Santos" or "Ucayali"), lower-cased, spaces single; each
    /// with its name as the lexicon writes it when that has capitals ("VRAEM").
    pub localities: rustc_hash::FxHashMap<String, Option<String>>,
    /// National agencies' names to the country they work in.
    pub agency_homes: Table<String>,
    /// Event verbs and nouns.
    pub events: Table<Event>,
    /// Events by precedence, strongest first.
    pub event_priority: Vec<Event>,
    /// Event words that are verbs though not in -ed, -en or -ing.
    pub event_verbs: Table<()>,
    /// Event words in -ing that are nouns.
    pub event_nouns: Table<()>,
    /// The participle that says an event happened to a thing ("seized").
    pub event_participles: std::collections::HashMap<Event, String>,
    /// The noun that names an event's amount of one drug ("production").
    pub event_measures: std::collections::HashMap<Event, String>,
    /// Counted nouns and the event each implies (`None`: the verb decides).
    pub counted: Table<Option<Event>>,
    /// Units written after a number.
    pub units: Table<UnitDef>,
    /// Currency symbols and codes written before a number.
    pub currency_prefix: Table<Currency>,
    /// Currency words whose code depends on the place: word → place → code.
    pub currency_by_place: std::collections::HashMap<String, std::collections::HashMap<String, Currency>>,
    /// Countries that report by a fiscal year other than the calendar year.
    pub fiscal_years: std::collections::HashMap<String, FiscalCalendar>,
    /// Localities (lower case) to the other countries a town of that name is
    /// in ("liverpool" → Australia), for stories set there.
    pub homonyms: std::collections::HashMap<String, Vec<String>>,
    /// Scale words ("million", "bn", "lakh").
    pub scales: Table<f64>,
    /// Number words.
    pub cardinals: Table<f64>,
    /// Approximators before a quantity.
    pub approx: Table<Approx>,
    /// Approximators after a quantity ("5 kilograms or more").
    pub approx_after: Table<Approx>,
    /// Function-word lists.
    pub grammar: Grammar,
    /// Page furniture.
    pub furniture: Furniture,
    fingerprint: u64,
    matcher: Matcher,
}

/// A table the combined matcher searches.
trait Registered {
    fn register(&mut self, id: u16);
    fn source(&self) -> matcher::Patterns<'_>;
}

impl<V> Registered for Table<V> {
    fn register(&mut self, id: u16) {
        self.set_id(id);
    }

    fn source(&self) -> matcher::Patterns<'_> {
        self.patterns(self.id().unwrap_or(u16::MAX))
    }
}

fn parse_doc(name: &str, text: &str) -> Result<toml::Table> {
    text.parse::<toml::Table>().map_err(|e| Error::Lexicon { path: name.into(), message: e.to_string() })
}

fn bad(name: &str, message: impl Into<String>) -> Error {
    Error::Lexicon { path: name.into(), message: message.into() }
}

/// Reads `[section]` of `doc` as `phrase = value` pairs, converting each value.
fn section<V>(
    name: &str,
    doc: &toml::Table,
    section: &str,
    mut convert: impl FnMut(&toml::Value) -> Option<Entry<V>>,
) -> Result<Vec<(String, Entry<V>)>> {
    let Some(table) = doc.get(section) else { return Ok(Vec::new()) };
    let table = table.as_table().ok_or_else(|| bad(name, format!("[{section}] is not a table")))?;
    table
        .iter()
        .map(|(k, v)| {
            let entry = if v.as_str() == Some("-") { Some(Entry::Hide) } else { convert(v) };
            entry.map(|e| (k.clone(), e)).ok_or_else(|| bad(name, format!("[{section}] {k:?}: unexpected value {v}")))
        })
        .collect()
}

/// Converts string pairs to table entries (`"-"` hides the phrase).
fn entries<V>(
    name: &str,
    pairs: Vec<(String, String)>,
    mut convert: impl FnMut(&str) -> Option<V>,
) -> Result<Vec<(String, Entry<V>)>> {
    pairs
        .into_iter()
        .map(|(k, v)| {
            let entry = if v == "-" { Some(Entry::Hide) } else { convert(&v).map(Entry::Value) };
            entry.map(|e| (k.clone(), e)).ok_or_else(|| bad(name, format!("{k:?}: unexpected value {v:?}")))
        })
        .collect()
}

fn string_entry(v: &toml::Value) -> Option<Entry<String>> {
    v.as_str().map(|s| Entry::Value(s.to_owned()))
}

fn phrase_list(name: &str, doc: &toml::Table, key: &str) -> Result<Vec<String>> {
    let Some(v) = doc.get(key) else { return Ok(Vec::new()) };
    let arr = v.as_array().ok_or_else(|| bad(name, format!("{key} is not a list")))?;
    arr.iter()
        .map(|x| x.as_str().map(str::to_owned).ok_or_else(|| bad(name, format!("{key}: {x} is not a string"))))
        .collect()
}

/// Section `key` of events.toml: a word for each event it names.
fn words_by_event(doc: &toml::Table, key: &str) -> Result<std::collections::HashMap<Event, String>> {
    let mut words = std::collections::HashMap::new();
    for (event, word) in doc.get(key).and_then(|v| v.as_table()).into_iter().flatten() {
        let event = Event::parse(event).ok_or_else(|| bad("events.toml", format!("{key}: unknown event {event:?}")))?;
        let word = word.as_str().ok_or_else(|| bad("events.toml", format!("{key}: {word} is not a string")))?;
        words.insert(event, word.to_owned());
    }
    Ok(words)
}

fn phrase_table(phrases: Vec<String>) -> Result<Table<()>> {
    Table::new(phrases.into_iter().map(|p| (p, Entry::Value(()))).collect())
}

/// A locality's name as [`Lexicon::localities`] holds it: lower case,
/// spaces single.
pub fn locality_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().flat_map(char::to_lowercase));
    }
    key
}

fn number(v: &toml::Value) -> Option<f64> {
    v.as_float().or_else(|| v.as_integer().map(|i| i as f64))
}

/// Entries the user's lexicon adds, by table.
#[derive(Default)]
struct Extra {
    substances: Vec<(String, Entry<Option<String>>)>,
    agencies: Vec<(String, Entry<String>)>,
    places: Vec<(String, Entry<String>)>,
    localities: Vec<(String, Entry<String>)>,
    events: Vec<(String, Entry<Event>)>,
    counted: Vec<(String, Entry<Option<Event>>)>,
    end: Vec<String>,
    line: Vec<String>,
    meta: Vec<String>,
}

fn substance_entry(v: &toml::Value) -> Option<Entry<Option<String>>> {
    let s = v.as_str()?;
    Some(Entry::Value((!s.is_empty()).then(|| s.to_owned())))
}

fn event_entry(v: &toml::Value) -> Option<Entry<Event>> {
    v.as_str().and_then(Event::parse).map(Entry::Value)
}

fn counted_entry(v: &toml::Value) -> Option<Entry<Option<Event>>> {
    let s = v.as_str()?;
    if s.is_empty() {
        Some(Entry::Value(None))
    } else {
        Event::parse(s).map(|e| Entry::Value(Some(e)))
    }
}

fn read_extra(name: &str, text: &str) -> Result<Extra> {
    let doc = parse_doc(name, text)?;
    let furniture = match doc.get("furniture") {
        Some(v) => v.as_table().cloned().ok_or_else(|| bad(name, "[furniture] is not a table"))?,
        None => toml::Table::new(),
    };
    for key in doc.keys() {
        if !["substances", "agencies", "places", "localities", "events", "counted", "furniture"].contains(&key.as_str())
        {
            return Err(bad(
                name,
                format!(
                    "unknown section [{key}]; expected substances, agencies, places, localities, events, counted or furniture"
                ),
            ));
        }
    }
    Ok(Extra {
        substances: section(name, &doc, "substances", substance_entry)?,
        agencies: section(name, &doc, "agencies", string_entry)?,
        places: section(name, &doc, "places", string_entry)?,
        localities: section(name, &doc, "localities", string_entry)?,
        events: section(name, &doc, "events", event_entry)?,
        counted: section(name, &doc, "counted", counted_entry)?,
        end: phrase_list(name, &furniture, "end")?,
        line: phrase_list(name, &furniture, "line")?,
        meta: phrase_list(name, &furniture, "meta")?,
    })
}

/// Lower-cases a short line and strips what does not change its meaning as a
/// furniture marker: surrounding punctuation, a trailing counter like "(0)".
pub fn normalize_marker(line: &str) -> String {
    trim_marker(&line.trim().to_lowercase()).to_owned()
}

/// [`normalize_marker`] of a line already trimmed and lower-cased: the
/// trailing counter and the punctuation around it cut off.
pub fn trim_marker(lower: &str) -> &str {
    let mut s = lower;
    if let Some(open) = s.rfind('(') {
        if s.ends_with(')') && s[open + 1..s.len() - 1].chars().all(|c| c.is_ascii_digit()) {
            s = &s[..open];
        }
    }
    s.trim_matches(|c: char| !c.is_alphanumeric() && c != '/').trim()
}

impl Lexicon {
    /// The built-in tables only.
    ///
    /// # Errors
    /// Fails only if a built-in table is malformed, which the tests rule out.
    pub fn builtin() -> Result<Lexicon> {
        Lexicon::build(Extra::default(), 0)
    }

    /// The built-in tables extended by `corpus_dir/lexicon.toml` when it exists.
    ///
    /// # Errors
    /// Fails when the user's file exists but cannot be read or parsed; the
    /// message names the file and the line.
    pub fn load(corpus_dir: &Path) -> Result<Lexicon> {
        let path = corpus_dir.join(USER_LEXICON);
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let name = path.display().to_string();
                let extra = read_extra(&name, &text)?;
                Lexicon::build(extra, xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Lexicon::builtin(),
            Err(e) => Err(Error::io(path, e)),
        }
    }

    /// A number that changes whenever any table changes: the index stores it
    /// and re-extracts every file when it differs.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    fn build(extra: Extra, user_hash: u64) -> Result<Lexicon> {
        let builtin_hash = [SUBSTANCES, AGENCIES, PLACES, UNITS, NUMBERS, APPROX, EVENTS, COUNTED, GRAMMAR, FURNITURE]
            .iter()
            .fold(0u64, |h, t| h.rotate_left(7) ^ xxhash_rust::xxh3::xxh3_64(t.json.as_bytes()));
        let mut substances = entries("substances.toml", SUBSTANCES.pairs("substances")?, |v| {
            Some((!v.is_empty()).then(|| v.to_owned()))
        })?;
        substances.extend(extra.substances);

        let mut agency_sections = AGENCIES.sections()?;
        let mut agency_pairs = |sect: &str| agency_sections.remove(sect).unwrap_or_default();
        let mut agencies = entries("agencies.toml", agency_pairs("agencies"), |v| Some(v.to_owned()))?;
        agencies.extend(extra.agencies);

        let agency_homes = entries("agencies.toml", agency_pairs("homes"), |v| Some(v.to_owned()))?;

        let mut place_sections = PLACES.sections()?;
        let mut place_pairs = |sect: &str| place_sections.remove(sect).unwrap_or_default();
        let mut places = entries("places.toml", place_pairs("places"), |v| Some(v.to_owned()))?;
        places.extend(extra.places);
        let region_entries = entries("places.toml", place_pairs("regions"), |v| Some(v.to_owned()))?;
        let regions = region_entries.iter().filter_map(|(_, e)| e.value().cloned()).collect();
        places.extend(region_entries);
        let mut localities = entries("places.toml", place_pairs("localities"), |v| Some(v.to_owned()))?;
        localities.extend(extra.localities);
        let locality_names = localities
            .iter()
            .filter(|(name, e)| e.value().is_some_and(|country| !country.eq_ignore_ascii_case(name)))
            .map(|(name, _)| (locality_key(name), name.chars().any(char::is_uppercase).then(|| name.clone())))
            .collect();
        places.extend(localities);
        let homonyms = place_pairs("homonyms")
            .into_iter()
            .map(|(town, countries)| (town, countries.split(',').map(|c| c.trim().to_owned()).collect()))
            .collect();
        let fiscal_years = place_pairs("fiscal_years")
            .into_iter()
            .map(|(place, v)| {
                fiscal_calendar(&v)
                    .map(|cal| (place.clone(), cal))
                    .ok_or_else(|| bad("places.toml", format!("[fiscal_years] {place:?}: {v:?} names no month")))
            })
            .collect::<Result<_>>()?;

        let doc = EVENTS.doc()?;
        let mut events = section("events.toml", &doc, "events", event_entry)?;
        events.extend(extra.events);
        let event_priority = phrase_list("events.toml", &doc, "priority")?
            .iter()
            .map(|s| Event::parse(s).ok_or_else(|| bad("events.toml", format!("priority: unknown event {s:?}"))))
            .collect::<Result<Vec<_>>>()?;

        let event_verbs = phrase_table(phrase_list("events.toml", &doc, "verbs")?)?;
        let event_nouns = phrase_table(phrase_list("events.toml", &doc, "nouns")?)?;
        let event_participles = words_by_event(&doc, "participles")?;
        let event_measures = words_by_event(&doc, "measures")?;

        let mut counted = entries("counted.toml", COUNTED.pairs("counted")?, |v| {
            if v.is_empty() {
                Some(None)
            } else {
                Event::parse(v).map(Some)
            }
        })?;
        counted.extend(extra.counted);

        let doc = UNITS.doc()?;
        let mut units = Vec::new();
        for (sect, unit) in [
            ("mass", Unit::Kg),
            ("volume", Unit::Litre),
            ("distance", Unit::Km),
            ("area", Unit::Hectare),
            ("percent", Unit::Percent),
            ("duration", Unit::Year),
        ] {
            units.extend(section("units.toml", &doc, sect, |v| {
                number(v).map(|factor| Entry::Value(UnitDef { unit, factor }))
            })?);
        }
        units.extend(section("units.toml", &doc, "currency", |v| {
            v.as_str().and_then(Currency::parse).map(|c| Entry::Value(UnitDef { unit: Unit::Money(c), factor: 1.0 }))
        })?);
        let mut currency_prefix =
            section("units.toml", &doc, "currency_prefix", |v| v.as_str().and_then(Currency::parse).map(Entry::Value))?;
        // An ISO code written after a number is written before one too
        // ("115.7 million AZN", "UAH 120 million").
        let codes =
            section("units.toml", &doc, "currency", |v| v.as_str().and_then(Currency::parse).map(Entry::Value))?;
        for (key, entry) in codes {
            let is_code = key.len() == 3 && key.bytes().all(|b| b.is_ascii_uppercase());
            if is_code && Currency::parse(&key).is_some() && !currency_prefix.iter().any(|(k, _)| *k == key) {
                currency_prefix.push((key, entry));
            }
        }
        let scales = section("units.toml", &doc, "scale", |v| number(v).map(Entry::Value))?;
        let mut currency_by_place = std::collections::HashMap::new();
        if let Some(t) = doc.get("currency_by_place").and_then(|v| v.as_table()) {
            for (word, places) in t {
                let places = places
                    .as_table()
                    .ok_or_else(|| bad("units.toml", format!("[currency_by_place] {word:?} is not a table")))?;
                let mut by_place = std::collections::HashMap::new();
                for (place, code) in places {
                    let code = code.as_str().and_then(Currency::parse).ok_or_else(|| {
                        bad("units.toml", format!("[currency_by_place] {word:?}.{place}: not a currency code"))
                    })?;
                    by_place.insert(place.clone(), code);
                }
                currency_by_place.insert(word.clone(), by_place);
            }
        }

        let doc = NUMBERS.doc()?;
        let cardinals = section("numbers.toml", &doc, "cardinals", |v| number(v).map(Entry::Value))?;

        let mut approx_sections = APPROX.sections()?;
        let mut approx_pairs = |sect: &str| approx_sections.remove(sect).unwrap_or_default();
        let approx = entries("approx.toml", approx_pairs("approx"), Approx::parse)?;
        let approx_after = entries("approx.toml", approx_pairs("after"), Approx::parse)?;

        let doc = GRAMMAR.doc()?;
        let list = |key: &str| phrase_list("grammar.toml", &doc, key).and_then(phrase_table);
        // A table of phrase = text pairs ("fell" = "fall").
        let pairs = |key: &str| -> Vec<(String, String)> {
            doc.get(key)
                .and_then(|v| v.as_table())
                .map(|t| t.iter().filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned()))).collect())
                .unwrap_or_default()
        };
        let grammar = Grammar {
            continuation: list("continuation")?,
            anaphora: list("anaphora")?,
            personnel: list("personnel")?,
            group_sizes: list("group_sizes")?,
            sale_verbs: list("sale_verbs")?,
            ratio_before: list("ratio_before")?,
            money_nouns: list("money_nouns")?,
            sum_nouns: list("sum_nouns")?,
            change_nouns: Table::new(entries("grammar.toml", pairs("change_nouns"), |v| Some(v.to_owned()))?)?,
            comparatives: Table::new(entries("grammar.toml", pairs("comparatives"), |v| Some(v.to_owned()))?)?,
            penalties: Table::new(entries("grammar.toml", pairs("penalties"), |v| Some(v.to_owned()))?)?,
            use_measures: Table::new(entries("grammar.toml", pairs("use_measures"), |v| Some(v.to_owned()))?)?,
            comparison: list("comparison")?,
            place_not_here: list("place_not_here")?,
            comparison_superlatives: list("comparison_superlatives")?,
            time_adverbs: list("time_adverbs")?,
            extent_adjectives: list("extent_adjectives")?,
            area_verbs: list("area_verbs")?,
            made_into: list("made_into")?,
            unit_headers: list("unit_headers")?,
            population_nouns: list("population_nouns")?,
            handing_verbs: list("handing_verbs")?,
            place_arrivals: list("place_arrivals")?,
            place_transits: list("place_transits")?,
            kind_tails: list("kind_tails")?,
            verb_substances: list("verb_substances")?,
            agency_helpers: list("agency_helpers")?,
            venues: list("venues")?,
            venue_prepositions: list("venue_prepositions")?,
            venue_verbs: list("venue_verbs")?,
            area_words: list("area_words")?,
            month_first_countries: list("month_first_countries")?,
            place_within: pairs("place_within"),
            nationality_nouns: list("nationality_nouns")?,
            border_nouns: list("border_nouns")?,
            age_superlatives: list("age_superlatives")?,
            market_nouns: list("market_nouns")?,
            home_possessions: list("home_possessions")?,
            international: list("international")?,
            present: list("present")?,
            past: list("past")?,
            identifier_before: list("identifier_before")?,
            age_holders: list("age_holders")?,
            age_before: list("age_before")?,
            street_suffixes: list("street_suffixes")?,
            road_nouns: list("road_nouns")?,
            cargo_nouns: list("cargo_nouns")?,
            place_name_heads: list("place_name_heads")?,
            person_roles: list("person_roles")?,
            drug_attributes: list("drug_attributes")?,
            target_nouns: list("target_nouns")?,
            place_names_heads: list("place_names_heads")?,
            subordinators: list("subordinators")?,
            conditions: list("conditions")?,
            particle_verbs: list("particle_verbs")?,
            period_recalls: list("period_recalls")?,
            part_of_figure: list("part_of_figure")?,
            court_verbs: list("court_verbs")?,
            region_anaphora: list("region_anaphora")?,
            place_anaphora: list("place_anaphora")?,
            member_states: list("member_states")?,
            lot_nouns: list("lot_nouns")?,
            case_steps: list("case_steps")?,
            framing_participles: list("framing_participles")?,
            law_heads: list("law_heads")?,
            unions: list("unions")?,
            name_prefixes: list("name_prefixes")?,
            people: list("people")?,
            day_words: list("day_words")?,
            figure_headers: list("figure_headers")?,
            condition_verbs: list("condition_verbs")?,
            price_verbs: list("price_verbs")?,
            earning_verbs: list("earning_verbs")?,
            price_nouns: list("price_nouns")?,
            vague_amounts: list("vague_amounts")?,
            reject_after: list("reject_after")?,
            total: list("total")?,
            legal_limits: list("legal_limits")?,
            anyone: list("anyone")?,
            appeals: list("appeals")?,
            superseded: list("superseded")?,
            assisting: list("assisting")?,
            charges: list("charges")?,
            counterfactual: list("counterfactual")?,
            interview: list("interview")?,
            period_nouns: list("period_nouns")?,
            spanning_nouns: list("spanning_nouns")?,
            period_openers: {
                let mut openers = phrase_list("grammar.toml", &doc, "period_openers")?;
                openers.extend(crate::text::date::MONTHS.iter().map(|(name, _)| (*name).to_owned()));
                // ("began in March": a verb of a beginning opens one too.)
                openers.extend(phrase_list("grammar.toml", &doc, "beginnings")?);
                phrase_table(openers)?
            },
            reporting: list("reporting")?,
            future_auxiliaries: list("future_auxiliaries")?,
            year_reference_nouns: list("year_reference_nouns")?,
            estimate_verbs: list("estimate_verbs")?,
            noun_relations: list("noun_relations")?,
            since_references: list("since_references")?,
            retrospective_subjects: list("retrospective_subjects")?,
            participle_adjectives: list("participle_adjectives")?,
            seized_participles: list("seized_participles")?,
            publishing_verbs: list("publishing_verbs")?,
            documents: list("documents")?,
            likeness: list("likeness")?,
            elaboration: list("elaboration")?,
            contrast: list("contrast")?,
            weighing: list("weighing")?,
            amounting: list("amounting")?,
            partitive_anaphora: list("partitive_anaphora")?,
            np_stop: list("np_stop")?,
            determiners: list("determiners")?,
            vague_leads: list("vague_leads")?,
            containers: list("containers")?,
            value_nouns: list("value_nouns")?,
            generic_nouns: list("generic_nouns")?,
            non_drug_things: list("non_drug_things")?,
            concealment: list("concealment")?,
            drug_forms: list("drug_forms")?,
            reference_currencies: list("reference_currencies")?,
            term_verbs: list("term_verbs")?,
            copulas: list("copulas")?,
            subject_prepositions: list("subject_prepositions")?,
            value_modifiers: list("value_modifiers")?,
            value_hedges: list("value_hedges")?,
            position_words: list("position_words")?,
            object_adverbs: list("object_adverbs")?,
            location_nouns: list("location_nouns")?,
            laundering_verbs: list("laundering_verbs")?,
            focus_adverbs: list("focus_adverbs")?,
            made_goods: list("made_goods")?,
            beginnings: list("beginnings")?,
            supply_nouns: list("supply_nouns")?,
            carrying_verbs: list("carrying_verbs")?,
            crossings: list("crossings")?,
            worth_verbs: list("worth_verbs")?,
            before_worth: list("before_worth")?,
            count_verbs: list("count_verbs")?,
            raise_verbs: list("raise_verbs")?,
        };

        let doc = FURNITURE.doc()?;
        let furn = doc
            .get("furniture")
            .and_then(|v| v.as_table())
            .cloned()
            .ok_or_else(|| bad("furniture.toml", "[furniture] is missing"))?;
        let mut end = phrase_list("furniture.toml", &furn, "end")?;
        end.extend(extra.end);
        let mut line = phrase_list("furniture.toml", &furn, "line")?;
        line.extend(extra.line);
        let mut meta = phrase_list("furniture.toml", &furn, "meta")?;
        meta.extend(extra.meta);
        let furniture = Furniture {
            end: end.iter().map(|s| normalize_marker(s)).collect(),
            line: phrase_table(line)?.for_whole_texts(),
            meta: MetaPhrases::new(meta),
            date_openers: phrase_list("furniture.toml", &furn, "date_openers")?,
        };

        Ok(Lexicon {
            substances: Table::new(substances)?,
            agencies: Table::new(agencies)?,
            places: Table::new(places)?,
            regions,
            localities: locality_names,
            agency_homes: Table::new(agency_homes)?,
            events: Table::new(events)?,
            event_priority,
            event_verbs,
            event_nouns,
            event_participles,
            event_measures,
            counted: Table::new(counted)?,
            units: Table::new(units)?,
            currency_prefix: Table::new(currency_prefix)?,
            currency_by_place,
            fiscal_years,
            homonyms,
            scales: Table::new(scales)?,
            cardinals: Table::new(cardinals)?,
            approx: Table::new(approx)?,
            approx_after: Table::new(approx_after)?,
            grammar,
            furniture,
            fingerprint: builtin_hash ^ user_hash.rotate_left(1),
            matcher: Matcher::default(),
        }
        .registered())
    }

    /// The tables the extractor looks up at every token, which the combined
    /// matcher searches in one pass.
    fn scanned(&mut self) -> Vec<&mut dyn Registered> {
        let g = &mut self.grammar;
        vec![
            &mut self.substances,
            &mut self.agencies,
            &mut self.places,
            &mut self.events,
            &mut self.counted,
            &mut self.units,
            &mut self.currency_prefix,
            &mut self.scales,
            &mut self.cardinals,
            &mut self.approx,
            &mut self.approx_after,
            &mut g.continuation,
            &mut g.anaphora,
            &mut g.personnel,
            &mut g.ratio_before,
            &mut g.comparison,
            &mut g.place_not_here,
            &mut g.place_arrivals,
            &mut g.agency_helpers,
            &mut g.nationality_nouns,
            &mut g.border_nouns,
            &mut g.age_superlatives,
            &mut g.market_nouns,
            &mut g.international,
            &mut g.present,
            &mut g.past,
            &mut g.identifier_before,
            &mut g.age_holders,
            &mut g.age_before,
            &mut g.street_suffixes,
            &mut g.road_nouns,
            &mut g.cargo_nouns,
            &mut g.place_name_heads,
            &mut g.drug_attributes,
            &mut g.target_nouns,
            &mut g.place_names_heads,
            &mut g.subordinators,
            &mut g.conditions,
            &mut g.region_anaphora,
            &mut g.member_states,
            &mut g.lot_nouns,
            &mut g.case_steps,
            &mut g.made_into,
            &mut g.name_prefixes,
            &mut g.reject_after,
            &mut g.total,
            &mut g.legal_limits,
            &mut g.anyone,
            &mut g.appeals,
            &mut g.counterfactual,
            &mut g.interview,
            &mut g.period_nouns,
            &mut g.period_openers,
            &mut g.reporting,
            &mut g.year_reference_nouns,
            &mut g.estimate_verbs,
            &mut g.noun_relations,
            &mut g.since_references,
            &mut g.retrospective_subjects,
            &mut g.participle_adjectives,
            &mut g.seized_participles,
            &mut g.publishing_verbs,
            &mut g.documents,
            &mut g.likeness,
            &mut g.elaboration,
            &mut g.contrast,
            &mut g.weighing,
            &mut g.amounting,
            &mut g.partitive_anaphora,
            &mut g.vague_leads,
            &mut g.carrying_verbs,
            &mut g.crossings,
            &mut g.place_transits,
            &mut g.kind_tails,
            &mut g.comparison_superlatives,
            &mut g.superseded,
            &mut g.assisting,
        ]
    }

    fn registered(mut self) -> Lexicon {
        let mut sources = Vec::new();
        for (id, t) in self.scanned().into_iter().enumerate() {
            t.register(id as u16);
            sources.push(t.source().owned());
        }
        self.matcher = Matcher::new(sources);
        self
    }

    /// The combined matcher over every scanned table.
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// True when `name` (a place as written: "Santos", "port of  Santos")
    /// is a locality, finer than its country.
    pub fn is_locality(&self, name: &str) -> bool {
        self.localities.contains_key(&locality_key(name))
    }

    /// True when `place` (a canonical place: "Southeast Asia") is a region
    /// of several countries.
    pub fn is_region(&self, place: &str) -> bool {
        self.regions.contains(place)
    }

    /// True when a town named `locality` has namesakes in other countries
    /// (a `[homonyms]` entry: "Liverpool", "Colón").
    pub fn is_homonym(&self, locality: &str) -> bool {
        !self.homonym_countries(locality).is_empty()
    }

    /// True when a town named `locality` is also in `country`, besides the
    /// country the lexicon maps it to ("Liverpool" in Australia).
    pub fn is_homonym_in(&self, locality: &str, country: &str) -> bool {
        self.homonym_countries(locality).iter().any(|c| c == country)
    }

    /// The other countries a place named `name` is in (its `[homonyms]`
    /// entry), a possessive read as the name ("Georgia's").
    pub fn homonym_countries(&self, name: &str) -> &[String] {
        let lower = name.to_lowercase();
        let bare = lower.strip_suffix("'s").or_else(|| lower.strip_suffix("\u{2019}s")).unwrap_or(&lower);
        self.homonyms.get(bare).map_or(&[], Vec::as_slice)
    }

    /// The name a fact keeps for locality `written` (as the text writes
    /// it): the lexicon's when that has capitals, else as written, spaces
    /// single, a dateline's capitals undone ("CHIANG RAI" is "Chiang Rai").
    /// `None` when it is no locality.
    pub fn locality_name(&self, written: &str) -> Option<String> {
        let as_listed = self.localities.get(&locality_key(written))?;
        if let Some(name) = as_listed {
            return Some(name.clone());
        }
        let shouting = !written.chars().any(char::is_lowercase);
        let word = |w: &str| match shouting {
            true => w.chars().take(1).chain(w.chars().skip(1).flat_map(char::to_lowercase)).collect(),
            false => w.to_owned(),
        };
        Some(written.split_whitespace().map(word).collect::<Vec<String>>().join(" "))
    }

    /// True when `head` (a counted noun's head, lower case) names people:
    /// "suspects", "crew members", or a demonym ("Spaniards", "Chinese").
    pub fn is_people_noun(&self, head: &str) -> bool {
        self.grammar.people.get(head).is_some() || self.places.get(head).is_some()
    }

    /// The agency a line names and nothing else ("Australian Federal
    /// Police", "European Union Drugs Agency (EUDA)"), maybe with where it
    /// serves ("NSW Police Force", "Police Scotland"), canonical.
    pub fn agency_named(&self, line: &str) -> Option<&String> {
        let line = line.trim();
        let name = match line.strip_suffix(')').and_then(|r| r.rsplit_once(" (")) {
            Some((name, acronym)) if !acronym.contains(' ') => name,
            _ => line,
        };
        let agency = |name: &str| match self.agencies.get(name) {
            Some(Entry::Value(v)) => Some(v),
            _ => None,
        };
        // "NSW Police Force", "Police Scotland": a force named with where it
        // serves.
        let placed = || {
            // (A name: a few words, each capitalised.)
            let capitalised = |w: &str| w.starts_with(|c: char| c.is_uppercase());
            if name.split_whitespace().nth(PLACED_AGENCY_WORDS).is_some() || !name.split_whitespace().all(capitalised) {
                return None;
            }
            let (first, rest) = name.split_once(' ')?;
            let (most, last) = name.rsplit_once(' ')?;
            let place = |p: &str| matches!(self.places.get(p), Some(Entry::Value(_)));
            (place(first).then(|| agency(rest)).flatten()).or_else(|| place(last).then(|| agency(most)).flatten())
        };
        agency(name).or_else(placed)
    }

    /// The currency a word shared by several countries names in `place`
    /// ("pesos" in the Philippines: PHP), from [currency_by_place].
    pub fn local_currency(&self, word: &str, place: &str) -> Option<Currency> {
        self.currency_by_place.get(word)?.get(place).copied()
    }

    /// True when an event phrase is a verb ("seized", "brought to justice",
    /// "come from"), not a noun ("seizure", "crimes", "trafficking").
    pub fn is_event_verb(&self, phrase: &str) -> bool {
        let first = phrase.split_whitespace().next().unwrap_or("");
        // The usual word is ASCII and lower case already: no new string.
        let first = if first.bytes().any(|b| !b.is_ascii_lowercase()) {
            std::borrow::Cow::Owned(first.to_lowercase())
        } else {
            std::borrow::Cow::Borrowed(first)
        };
        let first = first.as_ref();
        if self.event_nouns.get(first).is_some() {
            return false;
        }
        // ("shut down": a phrasal verb is listed whole.)
        self.event_verbs.get(first).is_some()
            || first.len() < phrase.len() && self.event_verbs.get(&phrase.to_lowercase()).is_some()
            || first.ends_with("ed")
            || first.ends_with("en")
            || first.ends_with("ing")
    }

    /// Rank of an event in the precedence list (lower is stronger).
    pub fn event_rank(&self, event: Event) -> usize {
        self.event_priority.iter().position(|&e| e == event).unwrap_or(self.event_priority.len())
    }
}

/// Checks a user's lexicon file without building anything; the diagnostics say
/// what would be ignored.
pub fn check_user_lexicon(text: &str) -> Vec<Diagnostic> {
    match read_extra(USER_LEXICON, text) {
        Ok(_) => Vec::new(),
        Err(e) => vec![Diagnostic::warning(Some(USER_LEXICON), e.to_string())],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_tables_parse() {
        let lex = Lexicon::builtin().unwrap();
        assert!(lex.substances.len() > 50);
        assert!(lex.places.len() > 300);
        assert!(lex.agencies.len() > 100);
        assert_eq!(lex.event_priority.len(), Event::ALL.len());
        for e in Event::ALL {
            assert!(lex.event_priority.contains(&e), "{e:?} missing from priority");
        }
    }

    #[test]
    fn every_agency_home_is_an_agency() {
        let lex = Lexicon::builtin().unwrap();
        for (name, _) in AGENCIES.pairs("homes").unwrap() {
            assert!(lex.agencies.get(&name).is_some(), "home {name:?} names no agency");
        }
    }

    #[test]
    fn every_fiscal_year_is_of_a_known_place() {
        let lex = Lexicon::builtin().unwrap();
        let places: Vec<String> = PLACES.pairs("places").unwrap().into_iter().map(|(_, v)| v).collect();
        assert!(lex.fiscal_years.len() >= 10);
        for country in lex.fiscal_years.keys() {
            assert!(places.contains(country), "fiscal year of {country:?}, no place of the lexicon");
        }
        let us = lex.fiscal_years["United States"];
        assert_eq!((us.starts, us.named_by_start), (10, false));
        assert!(lex.fiscal_years["Japan"].named_by_start);
    }

    #[test]
    fn canonical_values_follow_the_contract() {
        let lex = Lexicon::builtin().unwrap();
        let hit = |t: &Table<Option<String>>, s: &str| t.get(s).and_then(|e| e.value().cloned()).flatten();
        assert_eq!(hit(&lex.substances, "marijuana").as_deref(), Some("cannabis"));
        assert_eq!(hit(&lex.substances, "opiates"), None);
        assert_eq!(
            lex.agencies.get("State Customs Committee").and_then(|e| e.value()).map(String::as_str),
            Some("customs")
        );
        assert_eq!(lex.places.get("Iranian").and_then(|e| e.value()).map(String::as_str), Some("Iran"));
        assert_eq!(lex.units.get("tonnes").and_then(|e| e.value()).map(|u| u.factor), Some(1000.0));
    }

    #[test]
    fn user_lexicon_extends_and_overrides() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(USER_LEXICON),
            "[substances]\n\"crystal\" = \"methamphetamine\"\n[agencies]\n\"Guardia Costiera\" = \"navy\"\n[furniture]\nend = [\"More from us\"]\n",
        )
        .unwrap();
        let lex = Lexicon::load(dir.path()).unwrap();
        assert!(lex.substances.get("crystal").is_some());
        assert!(lex.agencies.get("Guardia Costiera").is_some());
        assert!(lex.furniture.end.contains(&"more from us".to_owned()));
        assert_ne!(lex.fingerprint(), Lexicon::builtin().unwrap().fingerprint());
    }

    #[test]
    fn localities_are_places_finer_than_their_country() {
        let lex = Lexicon::builtin().unwrap();
        assert_eq!(lex.places.get("Santos").and_then(|e| e.value()).map(String::as_str), Some("Brazil"));
        assert!(lex.is_locality("Santos") && lex.is_locality("bay  of\nplenty") && lex.is_locality("Scotland"));
        assert!(!lex.is_locality("Brazil") && !lex.is_locality("Brazilian") && !lex.is_locality("Barbados"));
        assert!(lex.is_region("Southeast Asia") && lex.is_region("European Union") && !lex.is_region("Thailand"));
        assert_eq!(
            lex.places.get("south-east asia").and_then(|e| e.value()).map(String::as_str),
            Some("Southeast Asia")
        );
        assert_eq!(lex.locality_name("CHIANG  RAI").as_deref(), Some("Chiang Rai"));
        assert_eq!(lex.locality_name("port of Santos"), None);
        let countries: Vec<String> =
            PLACES.pairs("places").unwrap().into_iter().map(|(k, _)| k.to_lowercase()).collect();
        for (name, _) in PLACES.pairs("localities").unwrap() {
            assert!(!countries.contains(&name.to_lowercase()), "{name:?} is in [places] and [localities]");
        }
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(USER_LEXICON), "[localities]\n\"Ruritania Bay\" = \"Mexico\"\n").unwrap();
        let lex = Lexicon::load(dir.path()).unwrap();
        assert!(lex.places.get("Ruritania Bay").is_some() && lex.is_locality("ruritania bay"));
    }

    #[test]
    fn user_lexicon_errors_name_the_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(USER_LEXICON), "[drugs]\nx = 1\n").unwrap();
        let err = Lexicon::load(dir.path()).unwrap_err().to_string();
        assert!(err.contains("lexicon.toml") && err.contains("unknown section [drugs]"), "{err}");
        assert_eq!(check_user_lexicon("[places]\nx = 3\n").len(), 1);
    }

    #[test]
    fn markers_normalise() {
        assert_eq!(normalize_marker("Comments (0)"), "comments");
        assert_eq!(normalize_marker("  Kaynak/Source: "), "kaynak/source");
        assert_eq!(normalize_marker("You Might Also Like"), "you might also like");
    }
}
