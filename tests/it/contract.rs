//! The JSON wire format against shared/CONTRACT.md.

use serde_json::Value;

use crate::util::TempCorpus;

const FACT_FIELDS: &[(&str, &str)] = &[
    ("doc", "string"),
    ("start", "number"),
    ("end", "number"),
    ("text", "string"),
    ("value", "number"),
    ("unit", "string"),
    ("what", "string|null"),
    ("substance", "string|null"),
    ("event", "string|null"),
    ("agent", "string|null"),
    ("place", "string|null"),
    ("period", "string|null"),
    ("approx", "string|null"),
    ("sentence", "string"),
];

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::String(_) => "string",
        Value::Number(_) => "number",
        Value::Bool(_) => "bool",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

#[track_caller]
fn check_fact(f: &Value) {
    for (name, types) in FACT_FIELDS {
        let v = f.get(*name).unwrap_or_else(|| panic!("fact lacks {name}: {f}"));
        assert!(types.split('|').any(|t| t == kind(v)), "{name} is {} in {f}", kind(v));
    }
    let unit = f["unit"].as_str().unwrap();
    let iso = unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase());
    assert!(["kg", "count", "%", "km", "l", "year", "ha"].contains(&unit) || iso, "unit {unit}");
    if let Some(e) = f["event"].as_str() {
        assert!(
            [
                "seizure",
                "destruction",
                "production",
                "trafficking",
                "crime",
                "prosecution",
                "arrest",
                "casualty",
                "treatment",
                "other"
            ]
            .contains(&e),
            "event {e}"
        );
    }
    if let Some(a) = f["approx"].as_str() {
        assert!(["over", "under", "about", "up_to"].contains(&a), "approx {a}");
    }
    if let Some(p) = f["period"].as_str() {
        assert!(narcofacts::Period::parse(p).is_some(), "period {p}");
    }
}

#[test]
fn facts_follow_the_contract() {
    let t = TempCorpus::seeds();
    for f in t.run(&["facts", "--json"]).expect_code(0).json_lines() {
        check_fact(&f);
    }
}

#[test]
fn answers_follow_the_contract() {
    let t = TempCorpus::seeds();
    let v = t.run(&["ask", "total drugs seized in Azerbaijan first half of 2024", "--json"]).expect_code(0).json();
    assert_eq!(v["question"], "total drugs seized in Azerbaijan first half of 2024");
    let answers = v["answers"].as_array().unwrap();
    assert!(!answers.is_empty());
    for a in answers {
        check_fact(a);
        assert!(a["score"].is_number());
        assert!(a["sources"].is_array());
    }
    assert!(v["passages"].is_array());
    for p in v["passages"].as_array().unwrap() {
        assert!(p["doc"].is_string() && p["start"].is_number() && p["end"].is_number() && p["text"].is_string());
    }
}
