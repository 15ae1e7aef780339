//! The seed articles against their gold facts and questions (copied into
//! tests/data; tests never read ../shared). The thresholds are floors: a
//! change that lowers a figure below them fails here.

use std::collections::HashSet;

use narcofacts::{Config, KnowledgeBase};
use serde_json::Value;

use crate::util::{data, jsonl, TempCorpus};

fn same_value(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 0.005 * a.abs().max(b.abs())
}

fn norm(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.trim().to_lowercase()).filter(|s| !s.is_empty()),
        other => Some(other.to_string()),
    }
}

/// Matches gold facts to predictions as shared/tools/score.py does.
fn matches(gold: &[Value], pred: &[Value]) -> Vec<(usize, usize)> {
    let mut used = HashSet::new();
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let mut best: Option<(usize, u64)> = None;
        for (pi, p) in pred.iter().enumerate() {
            if used.contains(&pi) || p["doc"] != g["doc"] || norm(&p["unit"]) != norm(&g["unit"]) {
                continue;
            }
            if !same_value(p["value"].as_f64().unwrap_or(f64::NAN), g["value"].as_f64().unwrap_or(f64::NAN)) {
                continue;
            }
            let d = g["start"].as_u64().zip(p["start"].as_u64()).map_or(0, |(a, b)| a.abs_diff(b));
            if best.is_none_or(|(_, bd)| d < bd) {
                best = Some((pi, d));
            }
        }
        if let Some((pi, _)) = best {
            used.insert(pi);
            pairs.push((gi, pi));
        }
    }
    pairs
}

fn seed_kb() -> (TempCorpus, KnowledgeBase) {
    let t = TempCorpus::seeds();
    let mut config = Config::new(t.corpus(), t.index());
    config.today = Some(jiff::civil::date(2026, 11, 22));
    let mut kb = KnowledgeBase::open(config).unwrap();
    kb.sync().unwrap();
    (t, kb)
}

#[test]
fn seed_facts_meet_the_gold() {
    let (_t, kb) = seed_kb();
    let gold = jsonl(&data("gold/seed_facts.jsonl"));
    let mut out = Vec::new();
    narcofacts::render::facts_jsonl(&mut out, &kb.facts().unwrap()).unwrap();
    let pred: Vec<Value> = String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let pairs = matches(&gold, &pred);
    let precision = pairs.len() as f64 / pred.len() as f64;
    let recall = pairs.len() as f64 / gold.len() as f64;
    let f1 = 2.0 * precision * recall / (precision + recall);
    let mut per_attr = Vec::new();
    for attr in ["what", "substance", "event", "agent", "place", "period", "approx"] {
        let scored: Vec<bool> = pairs
            .iter()
            .filter(|(g, _)| norm(&gold[*g][attr]).is_some())
            .map(|(g, p)| norm(&gold[*g][attr]) == norm(&pred[*p][attr]))
            .collect();
        if !scored.is_empty() {
            per_attr.push((attr, scored.iter().filter(|x| **x).count() as f64 / scored.len() as f64));
        }
    }
    let context = per_attr.iter().map(|(_, s)| s).sum::<f64>() / per_attr.len() as f64;
    eprintln!("seed facts: precision {precision:.3} recall {recall:.3} F1 {f1:.3} context {context:.3} {per_attr:?}");
    assert!(f1 >= 0.97, "F1 {f1:.3}");
    assert!(context >= 0.89, "context {context:.3}: {per_attr:?}");
    for (attr, score) in per_attr.iter().filter(|(a, _)| *a != "what") {
        assert!(*score >= 0.95, "{attr} agreement {score:.3}");
    }
}

#[test]
fn seed_questions_meet_the_gold() {
    let (_t, kb) = seed_kb();
    let questions = jsonl(&data("gold/seed_questions.jsonl"));
    let mut wrong = Vec::new();
    for q in &questions {
        let answer = kb.ask(q["q"].as_str().unwrap()).unwrap();
        let ok = match q["kind"].as_str() {
            Some("none") => answer.answers.is_empty(),
            _ => answer.best().is_some_and(|b| {
                q["expect"].as_array().unwrap().iter().any(|e| {
                    e["doc"] == b.fact.doc.as_str()
                        && e["unit"] == b.fact.unit.as_str()
                        && same_value(e["value"].as_f64().unwrap(), b.fact.value)
                })
            }),
        };
        if !ok {
            wrong.push(format!("{} -> {:?}", q["q"], answer.best().map(|b| (&b.fact.doc, b.fact.value))));
        }
    }
    let right = questions.len() - wrong.len();
    eprintln!("seed questions: {right}/{}", questions.len());
    assert!(right as f64 / questions.len() as f64 >= 0.95, "wrong:\n{}", wrong.join("\n"));
}
