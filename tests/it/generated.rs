//! A generated corpus (examples/generate.rs): every planted fact is found with
//! its context, and the furniture and distractor numbers yield nothing.

use narcofacts::{Config, KnowledgeBase};

use crate::generate;
use crate::util::{jsonl, TempCorpus};

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 0.005 * a.abs().max(b.abs())
}

#[test]
fn planted_facts_are_found_and_nothing_else() {
    let t = TempCorpus::new();
    let articles = if std::env::var_os("NARCOFACTS_LONG").is_some() { 2000 } else { 60 };
    let (_, planted) = generate::generate(t.dir.path(), articles, 11).unwrap();
    let truth = jsonl(&t.dir.path().join("truth.jsonl"));
    assert_eq!(truth.len(), planted);
    let mut kb = KnowledgeBase::open(Config::new(t.corpus(), t.index())).unwrap();
    kb.sync().unwrap();
    let facts = kb.facts().unwrap();
    let mut used = vec![false; facts.len()];
    let mut missed = Vec::new();
    let mut context_wrong = Vec::new();
    for g in &truth {
        let found = facts.iter().enumerate().position(|(i, f)| {
            !used[i]
                && g["doc"] == f.doc.as_str()
                && g["unit"] == f.unit.as_str()
                && same_value(f.value, g["value"].as_f64().unwrap())
        });
        match found {
            Some(i) => {
                used[i] = true;
                let f = &facts[i];
                let got = [
                    f.substance.clone(),
                    f.agent.clone(),
                    f.place.clone(),
                    f.period.map(|p| p.to_string()),
                    f.approx.map(|a| a.as_str().to_owned()),
                ];
                let want: Vec<Option<String>> = ["substance", "agent", "place", "period", "approx"]
                    .iter()
                    .map(|k| g[*k].as_str().map(str::to_owned))
                    .collect();
                if got.to_vec() != want {
                    context_wrong.push(format!("{g}: got {got:?}"));
                }
            }
            None => missed.push(g.to_string()),
        }
    }
    let spurious: Vec<String> = facts
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(f, _)| format!("{}: {:?} {}", f.doc, f.text, f.sentence))
        .collect();
    assert!(missed.is_empty(), "{} of {} planted facts missed:\n{}", missed.len(), truth.len(), missed.join("\n"));
    assert!(spurious.is_empty(), "{} spurious facts:\n{}", spurious.len(), spurious.join("\n"));
    assert!(context_wrong.is_empty(), "{} with wrong context:\n{}", context_wrong.len(), context_wrong.join("\n"));
}
