//! Generates a corpus of news-like articles with planted facts, and the
//! ground truth of what it planted. Deterministic from its seed.
//!
//! ```text
//! cargo run --release --example generate -- --out /tmp/gen --articles 1000 --seed 7
//! ```
//!
//! Each article has page furniture (a menu, a byline with a date, view
//! counters, a "You Might Also Like" list with numbers of its own), a title,
//! and paragraphs mixing planted facts in many styles (digits with
//! separators, number words, scale words, tons, pounds, compound masses,
//! money by symbol and code, hedges, periods) with filler and with numbers
//! that are not facts (dates, years, ordinals, phone numbers, article
//! numbers). `truth.jsonl` in the output folder lists every planted fact as
//! `{doc, value, unit, substance, agent, place, period, approx}`; the
//! furniture and the distractors must yield nothing.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;

/// splitmix64: small, fast, good enough to vary text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// (written agency, canonical agent)
const AGENCIES: &[(&str, &str)] = &[
    ("Customs officers", "customs"),
    ("The State Customs Committee", "customs"),
    ("Border guards", "border service"),
    ("Border Patrol agents", "border service"),
    ("Police", "police"),
    ("The anti-narcotics police", "police"),
    ("The Drug Enforcement Administration", "drug control agency"),
    ("The coast guard", "navy"),
    ("Security forces", "law enforcement"),
    ("Law enforcement agencies", "law enforcement"),
];
/// (written place, canonical place)
const PLACES: &[(&str, &str)] = &[
    ("Azerbaijan", "Azerbaijan"),
    ("Iran", "Iran"),
    ("Kazakhstan", "Kazakhstan"),
    ("Tajikistan", "Tajikistan"),
    ("Pakistan", "Pakistan"),
    ("Colombia", "Colombia"),
    ("Mexico", "Mexico"),
    ("Nigeria", "Nigeria"),
    ("Thailand", "Thailand"),
    ("Kenya", "Kenya"),
    ("Spain", "Spain"),
    ("Turkey", "Turkey"),
];
/// (written substance, canonical substance)
const SUBSTANCES: &[(&str, &str)] = &[
    ("heroin", "heroin"),
    ("opium", "opium"),
    ("hashish", "hashish"),
    ("marijuana", "cannabis"),
    ("cannabis", "cannabis"),
    ("cocaine", "cocaine"),
    ("methamphetamine", "methamphetamine"),
    ("crystal meth", "methamphetamine"),
    ("fentanyl", "fentanyl"),
    ("narcotic drugs", "narcotics"),
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const FILLER: &[&str] = &[
    "Officials said the investigation was continuing and more arrests were expected.",
    "The smugglers used hidden compartments in trucks and cargo containers.",
    "Experts say trafficking routes shift quickly when border controls tighten.",
    "The operation was carried out jointly with partners in neighbouring countries.",
    "Authorities have stepped up checks at ports, airports and land crossings.",
    "The suspects face long prison terms if convicted under the criminal code.",
    "Analysts warn that synthetic drugs are spreading faster than ever before.",
];
const DISTRACTORS: &[&str] = &[
    "The case was opened under Article 234 of the Criminal Code.",
    "The agency marked its 25th anniversary on March 3.",
    "Tips can be sent to the hotline at +994 12 493 24 56.",
    "The talks were held in Vienna on September 5, 2019.",
    "The 67th session of the commission ended in Vienna.",
    "Flight 302 was searched on arrival, officials said.",
];

struct Planted {
    value: f64,
    unit: &'static str,
    substance: &'static str,
    agent: &'static str,
    place: &'static str,
    period: String,
    approx: Option<&'static str>,
}

fn group(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A mass written in one of many styles, and its value in kg.
fn mass(rng: &mut Rng) -> (String, f64) {
    match rng.below(7) {
        0 => {
            let kg = 10 + rng.below(9_990) as u64;
            (format!("{} kg", group(kg)), kg as f64)
        }
        1 => {
            let t = 1 + rng.below(90) as u64;
            let tenth = rng.below(10) as u64;
            (format!("{t}.{tenth} tons"), (t as f64 + tenth as f64 / 10.0) * 1000.0)
        }
        2 => {
            let lb = 50 + rng.below(5_000) as u64;
            (format!("{} pounds", group(lb)), lb as f64 * 0.45359237)
        }
        3 => {
            let kg = 1 + rng.below(900) as u64;
            let g = 1 + rng.below(999) as u64;
            (format!("{kg} kg {g} grams"), kg as f64 + g as f64 / 1000.0)
        }
        4 => {
            let t = 2 + rng.below(40) as u64;
            (format!("{t} tonnes"), t as f64 * 1000.0)
        }
        5 => {
            let kg = 100 + rng.below(900) as u64;
            (format!("{kg} kilograms"), kg as f64)
        }
        _ => {
            let words = [("three", 3.0), ("five", 5.0), ("twelve", 12.0), ("twenty", 20.0)];
            let (w, v) = *rng.pick(&words);
            (format!("{w} tons"), v * 1000.0)
        }
    }
}

fn period(rng: &mut Rng, year: i32) -> (String, String) {
    match rng.below(5) {
        0 => (format!("in {year}"), year.to_string()),
        1 => {
            let m = rng.below(12);
            (format!("in {} {year}", MONTHS[m]), format!("{year}-{:02}", m + 1))
        }
        2 => (format!("in the first half of {year}"), format!("{year}-01..{year}-06")),
        3 => {
            let to = 2 + rng.below(10);
            (format!("between January and {} {year}", MONTHS[to]), format!("{year}-01..{year}-{:02}", to + 1))
        }
        _ => (format!("in the first quarter of {year}"), format!("{year}-01..{year}-03")),
    }
}

fn hedge(rng: &mut Rng) -> (&'static str, Option<&'static str>) {
    *rng.pick(&[
        ("", None),
        ("", None),
        ("over ", Some("over")),
        ("more than ", Some("over")),
        ("about ", Some("about")),
        ("nearly ", Some("about")),
        ("up to ", Some("up_to")),
    ])
}

fn article(rng: &mut Rng, n: usize, sharded: bool, truth: &mut Vec<(String, Planted)>) -> (String, String) {
    let name = if sharded { format!("{:03}/gen_{n:07}.txt", n / 1000) } else { format!("gen_{n:07}.txt") };
    let year = 2015 + rng.below(10) as i32;
    let pub_month = rng.below(12);
    let (place_w, place) = *rng.pick(PLACES);
    let mut text = String::with_capacity(4096);
    // Furniture before the article.
    for item in ["Home", "News", "World", "Opinion", "Contact"] {
        let _ = writeln!(text, "  • {item}");
    }
    let _ = writeln!(text, "\nDrug seizures rise in {place_w} as traffickers adapt\n");
    let _ = writeln!(
        text,
        "By Staff Reporter Published {} {}, {} {}.{}k Views {} Min Read\n",
        MONTHS[pub_month],
        1 + rng.below(28),
        year + 1,
        1 + rng.below(9),
        rng.below(10),
        2 + rng.below(12)
    );
    let paragraphs = 3 + rng.below(5);
    for _ in 0..paragraphs {
        let mut para = Vec::new();
        for _ in 0..(2 + rng.below(4)) {
            match rng.below(10) {
                0..=4 => {
                    let (agency_w, agent) = *rng.pick(AGENCIES);
                    let (sub_w, substance) = *rng.pick(SUBSTANCES);
                    let (qty, kg) = mass(rng);
                    let (hedge_w, approx) = hedge(rng);
                    let (when_w, when) = period(rng, year);
                    para.push(format!(
                        "{agency_w} in {place_w} seized {hedge_w}{qty} of {sub_w} {when_w}, officials said."
                    ));
                    truth.push((
                        name.clone(),
                        Planted { value: kg, unit: "kg", substance, agent, place, period: when, approx },
                    ));
                }
                5 => {
                    let (agency_w, agent) = *rng.pick(AGENCIES);
                    let count = 2 + rng.below(3000) as u64;
                    let (when_w, when) = period(rng, year);
                    para.push(format!(
                        "{agency_w} in {place_w} arrested {} suspects in drug trafficking cases {when_w}.",
                        group(count)
                    ));
                    truth.push((
                        name.clone(),
                        Planted {
                            value: count as f64,
                            unit: "count",
                            substance: "narcotics",
                            agent,
                            place,
                            period: when,
                            approx: None,
                        },
                    ));
                }
                6 => {
                    let millions = 1 + rng.below(500) as u64;
                    let (when_w, when) = period(rng, year);
                    let (sub_w, substance) = *rng.pick(SUBSTANCES);
                    para.push(format!(
                        "Police in {place_w} said the {sub_w} seized {when_w} had a street value of ${millions} million."
                    ));
                    truth.push((
                        name.clone(),
                        Planted {
                            value: millions as f64 * 1e6,
                            unit: "USD",
                            substance,
                            agent: "police",
                            place,
                            period: when,
                            approx: None,
                        },
                    ));
                }
                7 => para.push(rng.pick(DISTRACTORS).to_string()),
                _ => para.push(rng.pick(FILLER).to_string()),
            }
        }
        let _ = writeln!(text, "{}\n", para.join(" "));
    }
    // Furniture after the article: its numbers are not facts.
    let _ = writeln!(text, "You Might Also Like\n");
    for _ in 0..4 {
        let _ = writeln!(
            text,
            "Police seize {} kg of cocaine in {}\n{} {}, {} {} Min Read\n",
            10 + rng.below(900),
            rng.pick(PLACES).0,
            MONTHS[rng.below(12)],
            1 + rng.below(28),
            year + 1,
            2 + rng.below(12)
        );
    }
    (name, text)
}

/// Above this many articles, they go in folders of a thousand.
pub const FLAT_LIMIT: usize = 10_000;

/// Writes `articles` articles to `out/corpus/` (in folders of a thousand past
/// [`FLAT_LIMIT`]) and the planted facts to `out/truth.jsonl`; returns (bytes
/// of text, facts planted).
pub fn generate(out: &std::path::Path, articles: usize, seed: u64) -> std::io::Result<(usize, usize)> {
    let corpus = out.join("corpus");
    std::fs::create_dir_all(&corpus)?;
    let mut rng = Rng(seed);
    let mut truth = Vec::new();
    let mut bytes = 0usize;
    let sharded = articles > FLAT_LIMIT;
    for n in 0..articles {
        let (name, text) = article(&mut rng, n, sharded, &mut truth);
        bytes += text.len();
        if sharded && n % 1000 == 0 {
            std::fs::create_dir_all(corpus.join(format!("{:03}", n / 1000)))?;
        }
        std::fs::write(corpus.join(&name), text)?;
    }
    let mut t = std::io::BufWriter::new(std::fs::File::create(out.join("truth.jsonl"))?);
    for (doc, p) in &truth {
        let approx = p.approx.map_or("null".to_owned(), |a| format!("\"{a}\""));
        writeln!(
            t,
            "{{\"doc\":\"{doc}\",\"value\":{},\"unit\":\"{}\",\"substance\":\"{}\",\"agent\":\"{}\",\"place\":\"{}\",\"period\":\"{}\",\"approx\":{approx}}}",
            p.value, p.unit, p.substance, p.agent, p.place, p.period
        )?;
    }
    t.flush()?;
    Ok((bytes, truth.len()))
}

fn main() -> std::io::Result<()> {
    let mut out = PathBuf::from("generated");
    let mut articles = 100usize;
    let mut seed = 1u64;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let v = args.next().unwrap_or_default();
        match a.as_str() {
            "--out" => out = PathBuf::from(v),
            "--articles" => articles = v.parse().unwrap_or(articles),
            "--seed" => seed = v.parse().unwrap_or(seed),
            other => {
                eprintln!("unknown argument {other}; use --out DIR --articles N --seed S");
                std::process::exit(2);
            }
        }
    }
    let (bytes, planted) = generate(&out, articles, seed)?;
    eprintln!("{articles} articles, {:.1} MB, {planted} planted facts in {}", bytes as f64 / 1e6, out.display());
    Ok(())
}
