//! Totals and breakdowns over the facts that answer a question.
//!
//! Figures from news overlap (a total and its parts, the same haul reported
//! twice), so nothing is summed blindly: facts are grouped by the asked key
//! (year, substance, place, agency), the best-ranked fact stands for each
//! group, and the total adds those — only when every asked group has a
//! figure in one unit. The groups measure one thing: the best answer's drug,
//! place (and agency, when one is asked) but for the key. A total the text
//! states itself comes first among the answers anyway (it ranks higher for
//! "total" questions); the aggregate is shown beside it. Figures set side by
//! side ("2023 vs 2024") get no total; two years get the change between them.

use crate::answer::{Aggregate, AggregatePart, ScoredFact};
use crate::query::{Breakdown, Question};

/// The group a fact falls in, if it falls in exactly one.
fn key_of(by: Breakdown, s: &ScoredFact) -> Option<String> {
    let f = &s.fact;
    match by {
        Breakdown::Year => f.period.filter(|p| p.start.year == p.end.year).map(|p| p.start.year.to_string()),
        // (A mix of drugs falls in no one drug's group.)
        Breakdown::Substance => f.substance.clone().filter(|x| x != "narcotics" && f.substances.is_empty()),
        Breakdown::Place => f.place.clone(),
        Breakdown::Agent => f.agent.clone(),
    }
}

/// The groups the question names, if it names them.
fn asked_keys(by: Breakdown, q: &Question) -> Vec<String> {
    match by {
        Breakdown::Year => {
            let mut years: Vec<String> = Vec::new();
            for p in &q.periods {
                for y in p.start.year..=p.end.year {
                    if !years.contains(&y.to_string()) {
                        years.push(y.to_string());
                    }
                }
            }
            years
        }
        Breakdown::Substance => q.substances.iter().filter(|s| s.as_str() != "narcotics").cloned().collect(),
        Breakdown::Place => q.places.clone(),
        Breakdown::Agent => q.agents.clone(),
    }
}

/// The breakdown (and total) of `ranked` facts, best first, for question `q`.
pub fn aggregate(q: &Question, ranked: &[ScoredFact]) -> Option<Aggregate> {
    let by = q.breakdown?;
    let best = &ranked.first()?.fact;
    let unit = best.unit;
    // The groups measure one thing: in one unit and, but for the key, of the
    // best answer's drug and place, and of its agency when one is asked
    // ("drugs seized in Kuwait per year" does not add one year's 28 kg of
    // shabu to the others' totals of drugs, nor "drugs seized by customs per
    // year" Iran's law enforcement to Azerbaijan's customs).
    let comparable = |f: &crate::extract::Fact| {
        f.unit == unit
            && (by == Breakdown::Substance || f.substance == best.substance)
            && (by == Breakdown::Place || f.place == best.place)
            && (by == Breakdown::Agent || q.agents.is_empty() || f.agent == best.agent)
    };
    let same_unit: Vec<&ScoredFact> = ranked.iter().filter(|s| comparable(&s.fact)).collect();
    let mut keys = asked_keys(by, q);
    if keys.is_empty() {
        for s in &same_unit {
            if let Some(k) = key_of(by, s) {
                if !keys.contains(&k) {
                    keys.push(k);
                }
            }
        }
        keys.sort();
        // "per year" with figures of one year only: nothing to break down.
        if keys.len() < 2 {
            return None;
        }
    }
    if keys.is_empty() {
        return None;
    }
    let parts: Vec<AggregatePart> = keys
        .into_iter()
        .map(|key| {
            let fact = same_unit.iter().find(|s| key_of(by, s).as_deref() == Some(key.as_str())).map(|s| (*s).clone());
            AggregatePart { key, fact }
        })
        .collect();
    let complete = parts.iter().all(|p| p.fact.is_some());
    let values: Vec<f64> = parts.iter().filter_map(|p| p.fact.as_ref()).map(|s| s.fact.value).collect();
    let total = (complete && (!q.compare || q.total)).then(|| values.iter().sum());
    // "2023 vs 2024": the change from the earlier year (keys are years).
    let change = match (&parts[..], q.compare && by == Breakdown::Year && complete) {
        ([a, b], true) => {
            let (first, last) = if a.key <= b.key { (&values[0], &values[1]) } else { (&values[1], &values[0]) };
            (*first != 0.0).then(|| (last - first) / first * 100.0)
        }
        _ => None,
    };
    Some(Aggregate { by: by.as_str(), unit, parts, total, change })
}
