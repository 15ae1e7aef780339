//! Extraction tests: `check(text, expect)` runs the whole cleaning, chunking
//! and extraction on a small article and compares one line per fact.

use crate::chunk;
use crate::clean;
use crate::corpus::{Format, RawDoc};
use crate::lexicon::Lexicon;

use super::*;

fn lexicon() -> &'static Lexicon {
    static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEX.get_or_init(|| Lexicon::builtin().expect("built-in lexicon"))
}

/// How a table file writes facts.
#[derive(Clone, Copy)]
enum Shape {
    /// "text = value unit [approx]".
    Quantity,
    /// All attributes.
    Context,
}

fn article(input: &str) -> String {
    let input = input.replace("\\n", "\n");
    match input.strip_prefix("[date=") {
        Some(rest) => {
            let (date, body) = rest.split_once("] ").unwrap_or((rest, ""));
            let d: jiff::civil::Date = date.parse().expect("date");
            format!("Published {} {}, {}\n\n{}", d.strftime("%B"), d.day(), d.year(), body)
        }
        None => input,
    }
}

/// The facts of an article written as `text`, through cleaning and chunking.
fn extracted(text: &str) -> Vec<Fact> {
    let raw = RawDoc { name: "t.txt".into(), format: Format::Text, bytes: text.as_bytes().to_vec() };
    let (doc, _) = clean::clean(&raw, lexicon());
    let (sentences, _) = chunk::split(&doc);
    extract(&doc, &sentences, lexicon()).facts
}

fn quantities_of(text: &str) -> Vec<String> {
    extracted(text)
        .into_iter()
        .map(|f| {
            let value = match f.value_max {
                Some(m) => format!("{}..{}", f.value, m),
                None => f.value.to_string(),
            };
            let approx = f.approx.map(|a| format!(" {}", a.as_str())).unwrap_or_default();
            format!("{} = {} {}{approx}", f.text, value, f.unit.as_str())
        })
        .collect()
}

fn run_table(file: &str, shape: Shape) -> usize {
    crate::testing::run_table(&format!("src/extract/tests/{file}"), |input| {
        let facts = match shape {
            Shape::Quantity => quantities_of(&article(input)),
            Shape::Context => facts_of(&article(input)),
        };
        if facts.is_empty() {
            "-".to_owned()
        } else {
            facts.join(" ; ")
        }
    })
}

#[test]
fn phrase_tables() {
    let n = run_table("numbers.txt", Shape::Quantity)
        + run_table("quantity.txt", Shape::Quantity)
        + run_table("money.txt", Shape::Quantity)
        + run_table("negative.txt", Shape::Quantity)
        + run_table("period.txt", Shape::Context)
        + run_table("context.txt", Shape::Context);
    assert!(n >= 300, "only {n} phrases");
}

/// Facts of an article written as `text`, one line each:
/// `text = value unit | what | substance | event | agent | place | period | approx`;
/// a mix of drugs shows them all as its substance (`heroin+cocaine`).
pub fn facts_of(text: &str) -> Vec<String> {
    extracted(text)
        .into_iter()
        .map(|f| {
            let opt = |o: &Option<String>| o.clone().unwrap_or_else(|| "-".into());
            let value = match f.value_max {
                Some(m) => format!("{}..{}", f.value, m),
                None => f.value.to_string(),
            };
            format!(
                "{} = {} {} | {} | {} | {} | {} | {} | {} | {}",
                f.text,
                value,
                f.unit.as_str(),
                opt(&f.what),
                if f.substances.is_empty() { opt(&f.substance) } else { f.substances.join("+") },
                f.event.map_or("-", |e| e.as_str()),
                opt(&f.agent),
                opt(&f.place),
                f.period.map_or("-".into(), |p| p.to_string()),
                f.approx.map_or("-", |a| a.as_str())
            )
        })
        .collect()
}

#[track_caller]
fn check(text: &str, expect: &[&str]) {
    let got = facts_of(text);
    assert_eq!(got, expect, "\n got: {got:#?}");
}

#[test]
fn seizure_list_attaches_each_substance() {
    check(
        "Police in Azerbaijan reported the results on October 2, 2024 in Baku, and it is a long line.\n\n\
         This included 443 kg of heroin, 3,477 kg of marijuana, and over 103 kg of opium seized in 2024.",
        &[
            "443 kg = 443 kg | heroin | heroin | seizure | police | Azerbaijan | 2024 | -",
            "3,477 kg = 3477 kg | marijuana | cannabis | seizure | police | Azerbaijan | 2024 | -",
            "103 kg = 103 kg | opium | opium | seizure | police | Azerbaijan | 2024 | over",
        ],
    );
}

/// Whether each fact of `text` is background, with its figure.
fn background_of(text: &str) -> Vec<(String, bool)> {
    extracted(text).into_iter().map(|f| (f.text, f.background)).collect()
}

#[test]
fn the_last_days_are_news_and_earlier_events_and_totals_background() {
    let got = background_of(&article(
        "[date=2025-03-07] Gardaí have seized cocaine worth €2.9 million in Co Cork.\\n\
         The 41.5kg of cocaine was discovered yesterday evening.\\n\
         In January, gardaí seized 30kg of heroin in Limerick.\\n\
         Between January and February, gardaí seized drugs worth €25 million.",
    ));
    let expect = [("€2.9 million", false), ("41.5kg", false), ("30kg", true), ("€25 million", true)];
    assert_eq!(got, expect.map(|(t, b)| (t.to_owned(), b)));
}

#[test]
fn an_undated_article_is_of_the_year_after_a_title_year_its_lead_calls_last_year() {
    let lead = "Drug smuggling detected by customs hits record high in 2023\n\n\
                SEOUL, Jan. 29 (Yonhap) -- The amount of illegal drugs seized by customs officials reached a record \
                769 kilograms last year, up 22 percent from a year earlier.\n";
    let periods: Vec<String> = extracted(lead).iter().map(|f| f.period.map_or("-".into(), |p| p.to_string())).collect();
    assert_eq!(periods, ["2023", "2023"]);
    // "This year" in the lead is the title's year.
    let this_year = lead.replace("last year", "this year");
    let periods: Vec<String> =
        extracted(&this_year).iter().map(|f| f.period.map_or("-".into(), |p| p.to_string())).collect();
    assert_eq!(periods, ["2023", "2023"]);
}

#[test]
fn a_unit_a_line_break_hyphenated_is_quoted_whole() {
    let text = "Customs report\nMay 2, 2025\n\n\
                In 2024, Finnish Customs seized more narcotics than ever before. The previous record, 812 kilo-\n\
                grams of narcotics, was set in 2022 at the ports of Vuosaari and HaminaKotka in the south.\n";
    let facts = extracted(text);
    let record = facts.iter().find(|f| f.value == 812.0).expect("the record");
    assert_eq!(record.text, "812 kilo-\ngrams");
    assert_eq!(record.span.slice(text), Some("812 kilo-\ngrams"));
}

#[test]
fn a_dateline_day_before_the_page_date_is_the_day_filed() {
    // "today" in a paper dated 27 June is the dateline's 26 June.
    let story = |dateline: &str| {
        format!(
            "Myanmar destroys seized drugs\nJune 27, 2025\n\n\
             {dateline} — The committee destroyed 905 kilograms of heroin in ceremonies held in Yangon today.\n"
        )
    };
    let periods = |text: &str| -> Vec<String> {
        extracted(text).iter().map(|f| f.period.map_or("-".into(), |p| p.to_string())).collect()
    };
    assert_eq!(periods(&story("NAY PYI TAW, 26 June")), ["2025-06-26"]);
    // A day long before the page's date is no filing day.
    assert_eq!(periods(&story("NAY PYI TAW, 2 June")), ["2025-06-27"]);
}

#[test]
fn a_dateline_on_a_line_of_its_own_places_the_article() {
    let article = "DRI seizes cocaine worth 1,800 crore at Tuticorin port\n\
                   Special Correspondent\n\
                   CHENNAI, February 14, 2025 00:12 IST\n\n\
                   Customs officers have seized 180 kg of cocaine from a container at the port.\n";
    let places: Vec<Option<String>> = extracted(article).into_iter().map(|f| f.place).collect();
    assert_eq!(places, [Some("India".to_owned())]);
}

#[test]
fn a_story_naming_no_place_is_of_the_country_its_publisher_is_named_for() {
    let article = "Customs seizures of stimulants top 1 ton for third year\n\n\
                   Customs authorities seized 1,011 kilograms of stimulant drugs in 2024, the Finance Ministry \
                   said Thursday.\n\n\
                   © 2025 The Japan Times. All rights reserved.\n";
    let places: Vec<Option<String>> = extracted(article).into_iter().map(|f| f.place).collect();
    assert_eq!(places, [Some("Japan".to_owned())]);
}

#[test]
fn a_figure_keeps_the_town_it_is_at_beside_its_country() {
    let localities = |text: &str| -> Vec<(f64, Option<String>, Option<String>)> {
        extracted(text).into_iter().map(|f| (f.value, f.place, f.locality)).collect()
    };
    let at = |v: f64, place: &str, town: Option<&str>| (v, Some(place.to_owned()), town.map(str::to_owned));
    // The town the figure's own place phrase names, not the sentence's.
    let ports = "Brazil seizes cocaine\nOctober 13, 2025\n\n\
                 In 2024, the PF seized 48 tons of cocaine at Brazilian ports, 31 tons of it at Santos alone.\n";
    assert_eq!(localities(ports), [at(48_000.0, "Brazil", None), at(31_000.0, "Brazil", Some("Santos"))]);
    // A country's adjective places the figure; the port its clause names
    // says where; the next sentence goes on there.
    let port = "Record haul\nOctober 30, 2025\n\n\
                ALGECIRAS, Spain - Spanish police have seized 13 metric tons of cocaine at the port of Algeciras. \
                The drugs were found in 498 boxes.\n";
    assert_eq!(localities(port), [at(13_000.0, "Spain", Some("Algeciras")), at(498.0, "Spain", Some("Algeciras"))]);
    // A dateline's town, unless the sentence says the figure was elsewhere,
    // by a name no table knows.
    let filed = "Customs seize cocaine\nOctober 14, 2025\n\n\
                 Dakar, 14 October 2025 (APS) - Customs seized 1,137 kilograms of cocaine in the Moussala area. \
                 Two drivers were arrested.\n";
    assert_eq!(localities(filed), [at(1137.0, "Senegal", None), at(2.0, "Senegal", None)]);
    // Figures in brackets after the regions they are of.
    let regions = "Peru eradicates coca\nJanuary 15, 2025\n\n\
                   Most of the eradication took place in Ucayali (9,800 hectares) and Loreto (4,100 hectares).\n";
    let towns: Vec<Option<String>> = extracted(regions).into_iter().map(|f| f.locality).collect();
    assert_eq!(towns, [Some("Ucayali".to_owned()), Some("Loreto".to_owned())]);
    // A town whose name opens with a capital outside ASCII; and one where a
    // border is, not the country across it.
    let capitals =
        "Mephedrone lab\nMarch 27, 2025\n\nPolice dismantled a laboratory near Łódź and seized 410 kg of mephedrone.\n";
    assert_eq!(localities(capitals), [at(410.0, "Poland", Some("Łódź"))]);
    let border =
        "Morocco seizes resin\nJanuary 15, 2025\n\nPolice seized 3 tons of chira in Morocco. The largest seizure \
                  took place in Guerguerat, on the border with Mauritania, where 21.5 tons were seized from a truck.\n";
    assert_eq!(localities(border), [at(3000.0, "Morocco", None), at(21_500.0, "Morocco", Some("Guerguerat"))]);
    // A state named with its title, opening the sentence.
    let state = "NDLEA raids\nSeptember 8, 2024\n\n\
                 In Ondo State, officers destroyed 4.5 hectares of cannabis farms and recovered \
                 1,890 kilograms of the drug.\n";
    assert_eq!(localities(state), [at(4.5, "Nigeria", Some("Ondo State")), at(1890.0, "Nigeria", Some("Ondo State"))]);
    // The whole country's figures, wherever the story was filed.
    let nationwide = "ANF recovers drugs\nJanuary 19, 2025\n\n\
                      ISLAMABAD: The Anti-Narcotics Force recovered over 1,200 kilograms of drugs in 14 operations \
                      across the country. In Balochistan, ANF personnel recovered 600kg of hashish.\n";
    assert_eq!(
        localities(nationwide),
        [at(1200.0, "Pakistan", None), at(14.0, "Pakistan", None), at(600.0, "Pakistan", Some("Balochistan"))]
    );
    // The region after a town's comma; the town of the story, not the
    // home in an agency's name.
    let region = "Mandrax seized\nMay 15, 2024\n\n\
                  The South African Police Service has seized about 600,000 mandrax tablets in Kuils River, \
                  Western Cape.\n";
    assert_eq!(localities(region), [at(600_000.0, "South Africa", Some("Western Cape"))]);
    let home = "Cannabis factory found\nJanuary 12, 2024\n\n\
                Police have found a cannabis factory containing about 1,200 plants in a disused nightclub in Hull. \
                Humberside Police said the plants had a potential street value of £1m.\n";
    assert_eq!(
        localities(home),
        [at(1200.0, "United Kingdom", Some("Hull")), at(1_000_000.0, "United Kingdom", Some("Hull"))]
    );
    // A town of a name known elsewhere, in a story set in its own country.
    let homonym = "Cocaine seized in Sydney\nSeptember 3, 2024\n\n\
                   Police seized 3kg of cocaine in Sydney on Monday. \
                   A search of a home at Liverpool uncovered a further 2.1kg of cocaine.\n";
    assert_eq!(localities(homonym), [at(3.0, "Australia", Some("Sydney")), at(2.1, "Australia", Some("Liverpool"))]);
    // Towns named together: none alone. A part's town is the part's.
    let listed = "Hashish network dismantled\nApril 4, 2025\n\n\
                  In the operation, 38 people were arrested in Málaga, Cádiz and Huelva. \
                  Customs seized 59,000 kilos of cocaine in the ports of Rotterdam and Vlissingen last year. \
                  Customs officers alone intercepted 16.8 tonnes of cocaine, most of it at the port of Le Havre, \
                  where 10 tonnes were found.\n";
    assert_eq!(
        localities(listed),
        [
            at(38.0, "Spain", None),
            at(59_000.0, "Netherlands", None),
            at(16_800.0, "France", None),
            at(10_000.0, "France", Some("Le Havre"))
        ]
    );
    // A worth is where the amount it values is, not the agency's home.
    let worth = "Mephedrone factory busted\nOctober 7, 2024\n\n\
                 The Gujarat Anti-Terrorism Squad busted a factory in Bhopal and seized 907 kg of mephedrone, \
                 worth Rs 1,814 crore.\n";
    assert_eq!(localities(worth), [at(907.0, "India", Some("Bhopal")), at(18_140_000_000.0, "India", Some("Bhopal"))]);
}

#[test]
fn a_combined_figure_is_a_total() {
    let text = "Eight co-defendants sentenced\nNovember 12, 2024\n\n\
                Eight co-defendants have been sentenced to a combined 96 years in prison. \
                The leader was sentenced to 20 years.\n";
    let facts: Vec<(f64, bool)> = extracted(text).into_iter().map(|f| (f.value, f.total)).collect();
    assert_eq!(facts, [(8.0, false), (96.0, true), (20.0, false)]);
}

#[test]
fn a_release_names_its_agency_for_what_it_stopped() {
    let release = "Two men charged over 1.2 tonnes of cocaine hidden in steel coils\n\
                   Australian Federal Police\n\
                   Wednesday, 16 October 2024\n\n\
                   Two men will face court today charged over their alleged roles in importing about 1.2 tonnes of \
                   cocaine into Australia.\n\n\
                   Up to 2 mg of fentanyl can kill an adult.\n";
    let agents: Vec<(String, Option<String>)> = extracted(release).into_iter().map(|f| (f.text, f.agent)).collect();
    // The court judges the men; the release's agency stopped the cocaine;
    // a lethal dose is no one's act.
    assert_eq!(
        agents,
        [
            ("Two".to_owned(), Some("court".to_owned())),
            ("1.2 tonnes".to_owned(), Some("police".to_owned())),
            ("2 mg".to_owned(), None),
        ]
    );
}

#[test]
fn a_figure_only_the_title_states_is_a_headline_fact_of_the_title() {
    let release = "CBP officers seize $3.4 million in methamphetamine at Otay Mesa\n\
                   Release Date: Mon, 10 Feb 2025\n\n\
                   Officers at the Otay Mesa cargo facility seized 1,540 pounds of methamphetamine on Thursday.\n";
    let facts = extracted(release);
    let got: Vec<(&str, bool, Option<&str>)> =
        facts.iter().map(|f| (f.text.as_str(), f.headline, f.what.as_deref())).collect();
    assert_eq!(
        got,
        [("$3.4 million", true, Some("value of methamphetamine")), ("1,540 pounds", false, Some("methamphetamine"))]
    );
    // It quotes the title, where the title stands in the file.
    assert_eq!(&release[facts[0].sentence_span.start..facts[0].sentence_span.end], release.lines().next().unwrap());
    assert_eq!(&release[facts[0].span.start..facts[0].span.end], "$3.4 million");
    assert_eq!(facts[0].substance.as_deref(), Some("methamphetamine"));
}

#[test]
fn a_title_figure_the_body_restates_and_a_titles_time_span_or_list_are_no_facts() {
    let restated = "Police seize 1.2 tonnes of cocaine in Rotterdam\nPublished 3 March 2025\n\n\
                    Police seized 1,216 kg of cocaine at the port of Rotterdam on Monday.\n";
    let got: Vec<(String, bool)> = extracted(restated).into_iter().map(|f| (f.text, f.headline)).collect();
    assert_eq!(got, [("1,216 kg".to_owned(), true)]);
    let framed = "Azerbaijan's Fight Against Drug Trafficking: the Seven Months 2024 Results\n\
                  Published 3 August 2024\n\n\
                  Law enforcement agencies uncovered 6,458 drug-related crimes between January and July 2024.\n";
    let got: Vec<String> = extracted(framed).into_iter().map(|f| f.text).collect();
    assert_eq!(got, ["6,458"]);
    let listicle = "5 things to know about fentanyl\nPublished 3 March 2025\n\n\
                    Fentanyl is a synthetic opioid that police in Glasgow say is spreading.\n";
    assert!(extracted(listicle).is_empty());
    // A title's lower bound rounds the text's figure above it.
    let bound = "FSB seizes over a tonne of cocaine at St Petersburg port\nPublished 18 September 2025\n\n\
                 Officers seized more than 1.2 tonnes of cocaine hidden in a shipment of bananas.\n";
    let got: Vec<(String, bool)> = extracted(bound).into_iter().map(|f| (f.text, f.headline)).collect();
    assert_eq!(got, [("1.2 tonnes".to_owned(), true)]);
}

#[test]
fn a_plain_dateline_before_a_date_is_where_a_report_came_out_not_its_place() {
    let report = "European Drug Report 2025\n\n\
                  Lisbon, 5 June 2025 – Cocaine seizures in the European Union reached a record 419 tonnes in \
                  2023, the EU Drugs Agency said.\n\n\
                  About 24 million adults used cannabis in the past year.\n";
    let places: Vec<Option<String>> = extracted(report).into_iter().map(|f| f.place).collect();
    assert_eq!(places, [Some("European Union".to_owned()), Some("European Union".to_owned())]);
    // A wire's dateline in capitals still says where the story is.
    let wire = "Police seize cocaine\n\n\
                LAGOS, 5 June 2025 – Police said they had found cocaine in a truck and arrested its driver.\n\n\
                The 24 kg of cocaine was hidden in sacks of rice.\n";
    let places: Vec<Option<String>> = extracted(wire).into_iter().map(|f| f.place).collect();
    assert_eq!(places, [Some("Nigeria".to_owned())]);
}

#[test]
fn a_table_takes_its_unit_from_a_paragraph_naming_it_and_its_period_from_the_lead() {
    let by_year = "Drug seizures in Kenya\nPublished 12 May 2024\n\n\
                   The table below shows drugs seized by the National Police Service each year, in kilograms.\n\n\
                   | Drug | 2022 | 2023 |\n|---|---|---|\n| Heroin | 420 | 1,300 |\n\n\
                   Heroin seizures peaked in 2023.\n";
    let got: Vec<(f64, String)> = extracted(by_year).iter().map(|f| (f.value, f.unit.as_str().to_owned())).collect();
    assert_eq!(got, [(420.0, "kg".to_owned()), (1300.0, "kg".to_owned())]);
    // No period in the table: the lead's, not the year the report came out;
    // a row of a town keeps it.
    let by_zone = "Annual Report: Key Figures\nPublished 15 February 2025\n\n\
                   In 2024, the NDLEA recorded its best results.\n\n\
                   | Zone | Cannabis (kg) |\n|---|---|\n| Kano | 88,900 |\n\n\
                   The agency thanked its partners.\n";
    let got: Vec<(f64, Option<String>, Option<String>)> =
        extracted(by_zone).into_iter().map(|f| (f.value, f.locality, f.period.map(|p| p.to_string()))).collect();
    assert_eq!(got, [(88_900.0, Some("Kano".to_owned()), Some("2024".to_owned()))]);
}
