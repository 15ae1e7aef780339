//! `facts` filters and formats, `timeline`, colour, completions and the man page.

use serde_json::Value;

use crate::util::TempCorpus;

fn facts(t: &TempCorpus, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["facts", "--json"];
    all.extend_from_slice(args);
    t.run(&all).expect_code(0).json_lines()
}

fn field<'a>(f: &'a Value, name: &str) -> &'a str {
    f[name].as_str().unwrap_or("")
}

#[test]
fn every_filter_narrows_to_what_it_names() {
    let t = TempCorpus::seeds();
    let all = facts(&t, &[]);
    assert!(all.len() >= 70, "{}", all.len());

    let heroin = facts(&t, &["--substance", "heroin"]);
    assert!(!heroin.is_empty() && heroin.len() < all.len());
    assert!(heroin.iter().all(|f| field(f, "substance") == "heroin"));

    // Lexicon synonyms: weed is cannabis.
    let weed = facts(&t, &["--substance", "weed"]);
    assert_eq!(weed, facts(&t, &["--substance", "cannabis"]));
    assert!(!weed.is_empty());

    let customs = facts(&t, &["--agent", "customs"]);
    assert!(!customs.is_empty() && customs.iter().all(|f| field(f, "agent") == "customs"));

    let place = facts(&t, &["--place", "Azerbaijan"]);
    assert!(!place.is_empty() && place.iter().all(|f| field(f, "place") == "Azerbaijan"));
    // A town keeps the facts at it, not all its country's.
    let town = facts(&t, &["--place", "astara"]);
    assert!(!town.is_empty() && town.len() < place.len());
    assert!(town.iter().all(|f| field(f, "place") == "Azerbaijan" && field(f, "locality") == "Astara"));

    let seized = facts(&t, &["--event", "seized"]);
    assert!(!seized.is_empty() && seized.iter().all(|f| field(f, "event") == "seizure"));
    assert_eq!(seized, facts(&t, &["--event", "seizure"]));

    let y2021 = facts(&t, &["--from", "2021", "--to", "2021"]);
    assert!(!y2021.is_empty());
    for f in &y2021 {
        let p = field(f, "period");
        let (a, b) = p.split_once("..").unwrap_or((p, p));
        assert!(a[..4].parse::<i32>().unwrap() <= 2021 && b[..4].parse::<i32>().unwrap() >= 2021, "{p}");
    }

    let big = facts(&t, &["--min", "500kg"]);
    assert!(!big.is_empty());
    assert!(big.iter().all(|f| field(f, "unit") == "kg" && f["value"].as_f64().unwrap() >= 500.0));
    let tonne = facts(&t, &["--min", "1t", "--max", "2 tonnes"]);
    assert!(tonne.iter().all(|f| (1000.0..=2000.0).contains(&f["value"].as_f64().unwrap())));

    let small = facts(&t, &["--max", "10"]);
    assert!(!small.is_empty() && small.iter().all(|f| f["value"].as_f64().unwrap() <= 10.0));

    let doc = facts(&t, &["--doc", "001_2586f2b13f1ad233.txt"]);
    assert!(!doc.is_empty() && doc.iter().all(|f| field(f, "doc") == "001_2586f2b13f1ad233.txt"));

    let combined = facts(&t, &["--substance", "heroin", "--agent", "customs", "--from", "2021", "--min", "500kg"]);
    let values: Vec<f64> = combined.iter().map(|f| f["value"].as_f64().unwrap()).collect();
    assert_eq!(values, [903.454]);

    // Repeating a flag allows either value.
    let two = facts(&t, &["--substance", "heroin", "--substance", "opium"]);
    let opium = facts(&t, &["--substance", "opium"]);
    assert_eq!(two.len(), heroin.len() + opium.len());

    assert!(facts(&t, &["--substance", "unobtainium"]).is_empty());
}

#[test]
fn bad_filter_values_are_refused_naming_the_flag() {
    let t = TempCorpus::seeds();
    for (args, says) in [
        (&["facts", "--min", "heavy"][..], "--min"),
        (&["facts", "--from", "yesterday"][..], "--from"),
        (&["facts", "--to", "2021-13"][..], "--to"),
        (&["facts", "--event", "lunch"][..], "--event"),
        (&["facts", "--unit", "stone"][..], "stone"),
        (&["facts", "--format", "xml"][..], "xml"),
    ] {
        let run = t.run(args);
        run.expect_code(2);
        assert!(run.stderr().contains(says), "{args:?}: {}", run.stderr());
        assert!(run.stdout().is_empty(), "{args:?}");
    }
}

#[test]
fn csv_parses_with_a_csv_reader_and_converts_units() {
    let t = TempCorpus::seeds();
    let json = facts(&t, &["--substance", "heroin"]);
    let run = t.run(&["facts", "--substance", "heroin", "--format", "csv"]);
    run.expect_code(0);
    let text = run.stdout();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("header row").clone();
    assert_eq!(&headers[0], "doc");
    assert!(headers.iter().any(|h| h == "sentence"));
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a CSV row")).collect();
    assert_eq!(rows.len(), json.len());
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    for (row, f) in rows.iter().zip(&json) {
        assert_eq!(&row[col("doc")], field(f, "doc"));
        assert_eq!(row[col("value")].parse::<f64>().unwrap(), f["value"].as_f64().unwrap());
        // Sentences with commas and quotes survive quoting.
        assert_eq!(row[col("sentence")], field(f, "sentence").split_whitespace().collect::<Vec<_>>().join(" "));
    }

    let lb = t.run(&["facts", "--substance", "heroin", "--format", "csv", "--unit", "lb"]);
    let text = lb.stdout();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    for (row, f) in rows.iter().zip(&json) {
        if field(f, "unit") == "kg" {
            assert_eq!(&row[col("unit")], "lb");
            let kg = f["value"].as_f64().unwrap();
            let pounds: f64 = row[col("value")].parse().unwrap();
            assert!((pounds * 0.45359237 - kg).abs() < 1e-3, "{pounds} lb vs {kg} kg");
        }
    }
}

#[test]
fn json_formats_parse_and_agree() {
    let t = TempCorpus::seeds();
    let lines = facts(&t, &["--place", "Azerbaijan"]);
    let run = t.run(&["facts", "--place", "Azerbaijan", "--format", "json"]);
    let array: Vec<Value> = serde_json::from_str(&run.stdout()).expect("one JSON array");
    assert_eq!(array, lines);
    let jsonl = t.run(&["facts", "--place", "Azerbaijan", "--format", "jsonl"]).json_lines();
    assert_eq!(jsonl, lines);
    // JSON keeps the contract's kilograms whatever --unit says.
    assert_eq!(facts(&t, &["--place", "Azerbaijan", "--unit", "lb"]), lines);
}

#[test]
fn the_table_is_plain_when_piped_and_counts_its_rows() {
    let t = TempCorpus::seeds();
    let run = t.run_with(&["facts", "--substance", "heroin"], false);
    run.expect_code(0);
    let out = run.stdout();
    assert!(!out.contains('\x1b'), "{out}");
    assert!(out.lines().next().unwrap().starts_with("| source"), "{out}");
    let n = facts(&t, &["--substance", "heroin"]).len();
    assert!(out.contains(&format!("{n} facts")), "{out}");
    assert!(out.contains("903.454 kg"), "{out}");
    assert!(t.run(&["facts", "--substance", "heroin", "--unit", "t"]).stdout().contains("0.903 t"));
    assert!(t.run(&["facts", "--substance", "unobtainium"]).stdout().contains("No facts match"));
}

#[test]
fn colour_is_off_when_piped_or_asked_off_and_on_when_forced() {
    let t = TempCorpus::seeds();
    let q = "heroin seized by customs 2021";
    // Piped, no NO_COLOR: plain, the number marked with brackets.
    let piped = t.run_with(&["ask", q], false);
    assert!(!piped.stdout().contains('\x1b') && piped.stdout().contains("[903 kg 454 grams]"));
    let forced = t.run_with(&["ask", q, "--color", "always"], false);
    assert!(forced.stdout().contains("\x1b[1;33m903 kg 454 grams\x1b[0m"), "{}", forced.stdout());
    for off in [&["ask", q, "--color", "never"][..], &["ask", q, "--no-color", "--color", "always"][..]] {
        assert!(!t.run_with(off, false).stdout().contains('\x1b'), "{off:?}");
    }
    assert!(!t.run_with(&["ask", q], true).stdout().contains('\x1b'));
}

#[test]
fn timeline_lists_figures_in_time_order_and_draws_them() {
    let t = TempCorpus::seeds();
    let run = t.run(&["timeline", "heroin", "--place", "Azerbaijan", "--json"]);
    run.expect_code(0);
    let v = run.json();
    assert_eq!(v["unit"], "kg");
    let points = v["points"].as_array().expect("points");
    assert!(points.len() >= 3, "{v}");
    let starts: Vec<String> = points.iter().map(|p| p["period"].as_str().unwrap()[..4].to_owned()).collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted);
    for p in points {
        assert_eq!(p["fact"]["substance"], "heroin");
        assert_eq!(p["fact"]["place"], "Azerbaijan");
        assert!(!p["sources"].as_array().unwrap().is_empty());
    }

    let svg = t.corpus().parent().unwrap().join("heroin.svg");
    let human = t.run(&["timeline", "heroin", "--place", "Azerbaijan", "--svg", svg.to_str().unwrap()]);
    human.expect_code(0);
    assert!(human.stdout().contains("903.454 kg"), "{}", human.stdout());
    let drawn = std::fs::read_to_string(&svg).expect("SVG written");
    assert!(drawn.starts_with("<svg") && drawn.trim_end().ends_with("</svg>"));
    assert_eq!(drawn.matches("<circle").count(), points.len(), "one dot per figure");
    assert!(drawn.contains("heroin, Azerbaijan"));

    let counts = t.run(&["timeline", "--place", "Azerbaijan", "--measure", "count", "--json"]).expect_code(0).json();
    assert_eq!(counts["unit"], "count");
    assert!(counts["points"].as_array().is_some_and(|p| !p.is_empty()), "{counts}");

    let none = t.run(&["timeline", "cocaine", "--place", "Kazakhstan"]);
    none.expect_code(0);
    assert!(none.stdout().contains("No dated figures"), "{}", none.stdout());
}

#[test]
fn completions_and_man_page_are_generated() {
    let t = TempCorpus::new();
    let bash = t.run(&["completions", "bash"]);
    bash.expect_code(0);
    assert!(bash.stdout().contains("narcofacts") && bash.stdout().contains("--substance"));
    let man = t.run(&["man"]);
    man.expect_code(0);
    assert!(man.stdout().contains(".TH narcofacts"), "{}", &man.stdout()[..200.min(man.stdout().len())]);
}

#[test]
fn the_index_query_and_the_in_memory_rule_agree() {
    use narcofacts::search::filter::{Amount, FactFilter};
    let t = TempCorpus::seeds();
    let mut kb = narcofacts::KnowledgeBase::open(narcofacts::Config::new(t.corpus(), t.index())).unwrap();
    kb.sync().unwrap();
    let lex = kb.lexicon();
    let all = kb.facts().unwrap();
    let amount = |s: &str| Some(Amount::parse(s, lex).unwrap());
    let filters = [
        FactFilter::default().substance("heroin", lex),
        FactFilter::default().agent("customs", lex).place("Azerbaijan", lex),
        FactFilter::default().event("seizure", lex).unwrap().from("2021").unwrap(),
        FactFilter::default().to("2019-06").unwrap(),
        FactFilter { min: amount("500kg"), ..FactFilter::default() },
        FactFilter { min: amount("100"), max: amount("5000"), ..FactFilter::default() },
        FactFilter { min: amount("1t"), max: amount("10%"), ..FactFilter::default() },
        FactFilter { docs: vec!["002_295f5174be06afc7.txt".into()], ..FactFilter::default() },
    ];
    for f in &filters {
        let by_query = kb.facts_filtered(f).unwrap();
        let by_rule: Vec<_> = all.iter().filter(|x| f.matches(x)).cloned().collect();
        let key = |v: &[narcofacts::Fact]| v.iter().map(|x| (x.doc.clone(), x.span.start)).collect::<Vec<_>>();
        assert_eq!(key(&by_query), key(&by_rule), "{f:?}");
    }
}

#[test]
fn a_question_counting_in_a_mass_unit_is_answered_in_it() {
    let t = TempCorpus::seeds();
    let out = t.run(&["ask", "How many tons of drugs were burned in Azerbaijan in 2024?"]).stdout();
    let first = out.lines().next().unwrap_or("");
    assert!(first.contains(" t "), "{first}");
    // --unit decides over the question's unit, and JSON keeps kilograms.
    let out = t.run(&["ask", "--unit", "kg", "How many tons of drugs were burned in Azerbaijan in 2024?"]).stdout();
    assert!(out.lines().next().unwrap_or("").contains(" kg "), "{out}");
    let json = t.run(&["ask", "--json", "How many tons of drugs were burned in Azerbaijan in 2024?"]).stdout();
    assert!(json.contains("\"unit\":\"kg\"") || json.contains("\"unit\": \"kg\""), "{json}");
}
