//! A substance's figures over time: the facts a [`FactFilter`] selects that
//! have a period, in one unit, in time order, each figure once with every
//! file that states it.
//!
//! [`FactFilter`]: super::filter::FactFilter

use std::collections::HashMap;

use crate::extract::{Fact, Period};
use crate::vocab::Unit;

/// One figure on the timeline.
#[derive(Debug, Clone)]
pub struct Point {
    /// The period the figure covers.
    pub period: Period,
    /// Its value in [`Timeline::unit`].
    pub value: f64,
    /// Upper end of a range.
    pub value_max: Option<f64>,
    /// The fact as first stated (by file and position).
    pub fact: Fact,
    /// Other facts stating the same figure for the same period.
    pub also: Vec<Fact>,
}

/// Figures over time in one unit.
#[derive(Debug, Clone)]
pub struct Timeline {
    /// The unit of every point.
    pub unit: Unit,
    /// Points by period start, then end, then value.
    pub points: Vec<Point>,
    /// Facts left out because they had no period or another unit.
    pub left_out: usize,
}

/// Builds the timeline of `facts` in `unit`, or in the unit most of the
/// dated facts share (masses first on a tie). `None` when no fact has a
/// period.
pub fn timeline(facts: Vec<Fact>, unit: Option<Unit>) -> Option<Timeline> {
    let total = facts.len();
    let dated: Vec<Fact> = facts.into_iter().filter(|f| f.period.is_some()).collect();
    let unit = unit.or_else(|| most_common_unit(&dated))?;
    let mut points: Vec<Point> = Vec::new();
    let mut seen: HashMap<(Period, u64, Option<u64>), usize> = HashMap::new();
    for f in dated.into_iter().filter(|f| f.unit == unit) {
        let Some(period) = f.period else { continue };
        let key = (period, f.value.to_bits(), f.value_max.map(f64::to_bits));
        match seen.get(&key) {
            Some(&i) => points[i].also.push(f),
            None => {
                seen.insert(key, points.len());
                points.push(Point { period, value: f.value, value_max: f.value_max, fact: f, also: Vec::new() });
            }
        }
    }
    points.sort_by(|a, b| {
        (a.period.first_day(), a.period.last_day())
            .cmp(&(b.period.first_day(), b.period.last_day()))
            .then(a.value.total_cmp(&b.value))
    });
    let kept: usize = points.iter().map(|p| 1 + p.also.len()).sum();
    Some(Timeline { unit, points, left_out: total - kept })
}

fn most_common_unit(facts: &[Fact]) -> Option<Unit> {
    let mut counts: Vec<(Unit, usize)> = Vec::new();
    for f in facts {
        match counts.iter_mut().find(|(u, _)| *u == f.unit) {
            Some((_, n)) => *n += 1,
            None => counts.push((f.unit, 1)),
        }
    }
    // Most facts first; on a tie, mass, then the unit seen first.
    counts.iter().enumerate().max_by_key(|(i, (u, n))| (*n, *u == Unit::Kg, usize::MAX - i)).map(|(_, (u, _))| *u)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(doc: &str, value: f64, unit: Unit, period: &str) -> Fact {
        Fact { doc: doc.into(), ..crate::extract::fact::example(value, unit, period) }
    }

    #[test]
    fn points_come_in_time_order_once_each() {
        let facts = vec![
            fact("b.txt", 903.454, Unit::Kg, "2021-01..2021-09"),
            fact("a.txt", 1200.0, Unit::Kg, "2019"),
            fact("c.txt", 903.454, Unit::Kg, "2021-01..2021-09"),
            fact("a.txt", 5.0, Unit::Count, "2020"),
            fact("a.txt", 7.0, Unit::Kg, ""),
        ];
        let t = timeline(facts, None).expect("dated facts");
        assert_eq!(t.unit, Unit::Kg);
        let order: Vec<(String, f64, usize)> =
            t.points.iter().map(|p| (p.period.to_string(), p.value, p.also.len())).collect();
        assert_eq!(order, [("2019".to_owned(), 1200.0, 0), ("2021-01..2021-09".to_owned(), 903.454, 1)]);
        assert_eq!(t.left_out, 2, "the count and the undated fact");
    }

    #[test]
    fn the_unit_can_be_chosen() {
        let facts = vec![fact("a.txt", 5.0, Unit::Count, "2020"), fact("a.txt", 1.0, Unit::Kg, "2020")];
        assert_eq!(timeline(facts.clone(), Some(Unit::Count)).expect("count").points.len(), 1);
        assert_eq!(timeline(facts, None).expect("tie").unit, Unit::Kg);
        assert!(timeline(vec![fact("a.txt", 1.0, Unit::Kg, "")], None).is_none());
    }
}
