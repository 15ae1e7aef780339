//! Retrieval: one tantivy query per question, never raw user text given to a
//! query parser (so `AND`, quotes and colons in a question are just words).

use std::ops::Bound;

use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

use super::keyword_filter::KeywordFilter;
use super::rank;
use super::scored_filter::ScoredFilter;
use crate::error::Result;
use crate::extract::{Fact, Period};
use crate::index::analyzer::terms;
use crate::index::{docs, schema, Index, PassageRecord};
use crate::query::Question;
use crate::vocab::Dimension;

/// A fact the index returned, with its text score.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The fact.
    pub fact: Fact,
    /// BM25 over its sentence and description.
    pub bm25: f32,
    /// Share of the question's topic words its article's title names
    /// ([`Question::topic_terms`]), 0 to 1.
    pub topic: f32,
    /// Those words (analyzed terms).
    pub topic_named: Vec<String>,
    /// Its article's title or opening sentence names a place the question
    /// names finer than its country ([`Question::place_names`]).
    pub place_in_heading: bool,
    /// Its article names one of the question's names ([`Question::names`]).
    pub names_file: bool,
    /// Its article's title or opening sentence names an agency the question
    /// names ([`Question::agent_names`]): "INTERPOL operation nets…" is of
    /// the operation the agency led, whoever seized.
    pub agency_in_heading: bool,
}

fn term_query(field: tantivy::schema::Field, text: &str, freqs: bool) -> Box<dyn Query> {
    let opt = if freqs { IndexRecordOption::WithFreqs } else { IndexRecordOption::Basic };
    Box::new(TermQuery::new(Term::from_field_text(field, text), opt))
}

/// Documents with any of `terms`, all scoring 1. Unlike tantivy's
/// `TermSetQuery`, which builds a finite-state automaton over the terms for
/// every query, this is a plain disjunction: filters name a handful of terms.
pub(crate) fn any_term(terms: impl IntoIterator<Item = Term>) -> Box<dyn Query> {
    let clauses: Vec<(Occur, Box<dyn Query>)> = terms
        .into_iter()
        .map(|t| (Occur::Should, Box::new(TermQuery::new(t, IndexRecordOption::Basic)) as Box<dyn Query>))
        .collect();
    Box::new(ConstScoreQuery::new(Box::new(BooleanQuery::new(clauses)), 1.0))
}

/// The question's words as analyzed terms, without repeats.
fn analyzed(q: &Question) -> Vec<String> {
    analyzed_words(&q.terms)
}

/// `words` as analyzed terms, without repeats.
fn analyzed_words(words: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in words.iter().flat_map(|w| terms(w)) {
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

fn unit_names(d: Dimension) -> &'static [&'static str] {
    match d {
        Dimension::Mass => &["kg"],
        Dimension::Count => &["count"],
        Dimension::Percent => &["%"],
        Dimension::Distance => &["km"],
        Dimension::Volume => &["l"],
        Dimension::Duration => &["year"],
        Dimension::Area => &["ha"],
        Dimension::Money => &[],
    }
}

/// The query for facts near `q` by its words alone (no filters): where the
/// "related" facts of an unanswered question come from.
pub fn loose_query(index: &Index, q: &Question) -> Box<dyn Query> {
    let f = index.fields();
    let mut should: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for t in analyzed(q) {
        should.push((Occur::Should, term_query(f.text, &t, true)));
        should.push((Occur::Should, Box::new(BoostQuery::new(term_query(f.what, &t, true), 2.0))));
    }
    // Only facts have `text` and `what`: no kind filter needed, so tantivy
    // can prune the disjunction.
    Box::new(BooleanQuery::new(should))
}

/// The query for facts answering `q`.
pub fn fact_query(index: &Index, q: &Question) -> Box<dyn Query> {
    filtered_query(index, q, true)
}

/// The query for facts answering `q`, with or without the checks of agency
/// and measure (without: the near misses of an unanswered question).
fn filtered_query(index: &Index, q: &Question, check_fields: bool) -> Box<dyn Query> {
    let f = index.fields();
    let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let substances = q.substance_filter();
    let substances: Vec<&str> = substances.iter().map(String::as_str).collect();
    let places: Vec<&str> = q.places.iter().map(String::as_str).collect();
    let keys = docs::filter_keys(&substances, &places, q.period);
    // The period's bounds, read from fast fields fact by fact: checked only
    // where the keys do not already settle the period.
    let bounds = |p: Period| -> Vec<(Occur, Box<dyn Query>)> {
        let (start, end) = p.day_numbers();
        let starts_by = RangeQuery::new(Bound::Unbounded, Bound::Included(Term::from_field_i64(f.period_start, end)));
        let ends_from = RangeQuery::new(Bound::Included(Term::from_field_i64(f.period_end, start)), Bound::Unbounded);
        vec![(Occur::Must, Box::new(starts_by)), (Occur::Must, Box::new(ends_from))]
    };
    let key_terms = |ks: &[String]| any_term(ks.iter().map(|k| Term::from_field_text(f.keys, k)));
    let mut either: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if !keys.exact.is_empty() {
        either.push((Occur::Should, key_terms(&keys.exact)));
    }
    match q.period {
        Some(p) if !keys.bounded.is_empty() => {
            let mut bounded = bounds(p);
            bounded.push((Occur::Must, key_terms(&keys.bounded)));
            either.push((Occur::Should, Box::new(BooleanQuery::new(bounded))));
        }
        // A long period and nothing else to filter on: its bounds alone.
        Some(p) if keys.is_empty() => must.extend(bounds(p)),
        _ => {}
    }
    if either.len() > 1 {
        must.push((Occur::Must, Box::new(BooleanQuery::new(either))));
    } else if let Some((_, one)) = either.pop() {
        must.push((Occur::Must, one));
    }
    // Facts another agency reports, or in another measure, cannot answer
    // (see `rank::judge`): checked fact by fact from fast fields, only among
    // the facts the filters above keep.
    if check_fields && !must.is_empty() && !q.agents.is_empty() {
        let agents = rank::compatible_agents(&q.agents);
        must.push((Occur::Must, Box::new(KeywordFilter::any_of(schema::AGENT, agents, true))));
    }
    if check_fields && !q.dimensions.is_empty() {
        let units = |ds: &mut dyn Iterator<Item = &Dimension>| -> Vec<String> {
            ds.flat_map(|d| unit_names(*d)).map(|u| (*u).to_owned()).collect()
        };
        // "how much ecstasy": counts of a drug by that name may answer too
        // (`rank::judge` checks the name).
        let mut dimensions = q.dimensions.clone();
        if q.counts_may_answer_mass() && !q.substance_terms.is_empty() {
            dimensions.push(Dimension::Count);
        }
        let money = dimensions.contains(&Dimension::Money);
        if !must.is_empty() {
            // Money is every currency: named by the units it is not.
            let filter = if money {
                let other: Vec<Dimension> = Dimension::ALL.into_iter().filter(|d| !dimensions.contains(d)).collect();
                KeywordFilter::except(schema::UNIT, units(&mut other.iter()), false)
            } else {
                KeywordFilter::any_of(schema::UNIT, units(&mut dimensions.iter()), false)
            };
            must.push((Occur::Must, Box::new(filter)));
        } else if !money {
            // Nothing else to filter on: the units' own postings lead.
            let terms = units(&mut dimensions.iter()).into_iter().map(|u| Term::from_field_text(f.unit, &u));
            must.push((Occur::Must, any_term(terms)));
        }
    }
    // Words a filter above already enforces (the substance, the place, the
    // period's years and words) would add about the same score to every
    // candidate while costing the longest posting lists: they are left out
    // of the scoring clauses.
    let mut enforced: Vec<String> =
        substances.iter().copied().chain(q.places.iter().map(String::as_str)).flat_map(terms).collect();
    if let Some(p) = q.period {
        enforced.extend((p.start.year..=p.end.year).map(|y| y.to_string()));
        enforced.extend(q.period_terms.iter().flat_map(|w| terms(w)));
    }
    // The drug's own name in the question ("shabu") still tells sentences
    // apart (it is a Philippine word), but not the facts of one sentence:
    // "value of shabu" is no better an answer than "1.4 tons of
    // methamphetamine hydrochloride, locally known as shabu".
    let drug_words: Vec<String> = q.substance_terms.iter().flat_map(|s| terms(s)).collect();
    // Scoring clauses, each with its boost.
    let mut scoring: Vec<(Box<dyn Query>, f32)> = Vec::new();
    for t in analyzed(q).into_iter().filter(|t| !enforced.contains(t)) {
        scoring.push((term_query(f.text, &t, true), 1.0));
        if !drug_words.contains(&t) {
            scoring.push((term_query(f.what, &t, true), 2.0));
        }
    }
    for a in &q.agents {
        scoring.push((term_query(f.agent, a, false), 2.0));
    }
    if let Some(e) = q.event {
        scoring.push((term_query(f.event, e.as_str(), false), 1.5));
    }
    // Every field above is a fact's alone. With filters present, the word
    // clauses only score the filtered facts, looked up fact by fact. Without,
    // facts need one of the words, and the disjunction alone is the query
    // (tantivy prunes it).
    if must.is_empty() {
        if !scoring.is_empty() {
            let should = scoring
                .into_iter()
                .map(|(q, boost)| (Occur::Should, Box::new(BoostQuery::new(q, boost)) as Box<dyn Query>))
                .collect();
            return Box::new(BooleanQuery::new(should));
        }
        must.push((Occur::Must, term_query(f.kind, docs::FACT, false)));
    }
    Box::new(ScoredFilter::new(Box::new(BooleanQuery::new(must)), scoring))
}

/// The best `limit` facts for `q` by the index's own scoring.
///
/// # Errors
/// When the index cannot be read.
pub fn facts(index: &Index, q: &Question, limit: usize) -> Result<Vec<Candidate>> {
    run(index, fact_query(index, q).as_ref(), limit)
}

/// The best `limit` facts that meet the filters of `q` but may contradict
/// its agency or measure: the nearest misses when nothing answers, each
/// with the reason it does not.
///
/// # Errors
/// When the index cannot be read.
pub fn near_facts(index: &Index, q: &Question, limit: usize) -> Result<Vec<Candidate>> {
    run(index, filtered_query(index, q, false).as_ref(), limit)
}

/// The best `limit` facts for the words of `q`, whatever its constraints.
///
/// # Errors
/// When the index cannot be read.
pub fn facts_by_words(index: &Index, q: &Question, limit: usize) -> Result<Vec<Candidate>> {
    if analyzed(q).is_empty() {
        return Ok(Vec::new());
    }
    run(index, loose_query(index, q).as_ref(), limit)
}

fn run(index: &Index, query: &dyn Query, limit: usize) -> Result<Vec<Candidate>> {
    Ok(index
        .search::<Fact>(query, limit)?
        .into_iter()
        .map(|(bm25, fact)| Candidate {
            fact,
            bm25,
            topic: 0.0,
            topic_named: Vec::new(),
            place_in_heading: false,
            names_file: false,
            agency_in_heading: false,
        })
        .collect())
}

/// The files among `within` with a passage naming any of `words` (looked
/// at in up to `limit` passages).
///
/// # Errors
/// When the index cannot be read.
pub fn files_naming(index: &Index, words: &[String], within: &[&str], limit: usize) -> Result<Vec<String>> {
    let words = analyzed_words(words);
    if words.is_empty() || within.is_empty() {
        return Ok(Vec::new());
    }
    let f = index.fields();
    let files = any_term(within.iter().map(|d| Term::from_field_text(f.doc, d)));
    let named = BooleanQuery::new(words.iter().map(|t| (Occur::Should, term_query(f.body, t, false))).collect());
    let query = BooleanQuery::new(vec![(Occur::Must, files), (Occur::Must, Box::new(named))]);
    let mut files: Vec<String> =
        index.search::<PassageRecord>(&query, limit)?.into_iter().map(|(_, p)| p.doc).collect();
    files.sort_unstable();
    files.dedup();
    Ok(files)
}

/// The files whose headings (title and dateline place, see
/// [`crate::clean::Meta::heading`]) name any of the question's topic words
/// (at most `limit`), each with the share of those words its heading names
/// and the words (analyzed terms).
///
/// # Errors
/// When the index cannot be read.
pub fn titled(index: &Index, q: &Question, limit: usize) -> Result<Vec<(String, f32, Vec<String>)>> {
    let topic = analyzed_words(&q.topic_terms);
    if topic.is_empty() {
        return Ok(Vec::new());
    }
    let f = index.fields();
    let should = topic.iter().map(|t| (Occur::Should, term_query(f.title, t, false))).collect();
    let files = index.search::<docs::FileDoc>(&BooleanQuery::new(should), limit)?;
    Ok(files
        .into_iter()
        .map(|(_, file)| {
            let title = terms(&file.meta.heading());
            let named: Vec<String> = topic.iter().filter(|t| title.contains(t)).cloned().collect();
            (file.record.name, named.len() as f32 / topic.len() as f32, named)
        })
        .collect())
}

/// The files whose headings (title and dateline place) or opening sentences
/// name one of the question's finer places ([`Question::place_names`]) in
/// all its words, at most `limit`: "Greater Manchester Police arrested 23
/// people…" places the article's every figure there.
///
/// # Errors
/// When the index cannot be read.
pub fn titles_naming_places(index: &Index, q: &Question, limit: usize) -> Result<Vec<String>> {
    titles_naming(index, &q.place_names, limit)
}

/// The files whose headings or opening sentences name one of `names` in all
/// its words, at most `limit`.
///
/// # Errors
/// When the index cannot be read.
pub fn titles_naming(index: &Index, names: &[String], limit: usize) -> Result<Vec<String>> {
    let names: Vec<Vec<String>> = names.iter().map(|n| terms(n)).filter(|t| !t.is_empty()).collect();
    if names.is_empty() {
        return Ok(Vec::new());
    }
    let f = index.fields();
    let should = names
        .iter()
        .flatten()
        .flat_map(|t| [f.title, f.lead].map(|field| (Occur::Should, term_query(field, t, false))))
        .collect();
    let files = index.search::<docs::FileDoc>(&BooleanQuery::new(should), limit)?;
    Ok(files
        .into_iter()
        .filter(|(_, file)| {
            let title = terms(&file.meta.heading());
            let lead = terms(file.meta.lead.as_deref().unwrap_or(""));
            names.iter().any(|n| n.iter().all(|w| title.contains(w)) || n.iter().all(|w| lead.contains(w)))
        })
        .map(|(_, file)| file.record.name)
        .collect())
}

/// The best `limit` passages for the question's words: among the passages
/// of the files named in `within` when it is not empty (the files that answer
/// it), else among all. A passage with none of the words is never returned.
///
/// # Errors
/// When the index cannot be read.
pub fn passages(index: &Index, q: &Question, limit: usize, within: &[&str]) -> Result<Vec<(f32, PassageRecord)>> {
    let f = index.fields();
    let words = analyzed(q);
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let scoring = words.iter().map(|t| term_query(f.body, t, true));
    let query: Box<dyn Query> = if within.is_empty() {
        // Only passages have a body: no kind filter needed, and tantivy
        // prunes the disjunction.
        Box::new(BooleanQuery::new(scoring.map(|q| (Occur::Should, q)).collect()))
    } else {
        let files = any_term(within.iter().map(|d| Term::from_field_text(f.doc, d)));
        let filter =
            BooleanQuery::new(vec![(Occur::Must, files), (Occur::Must, term_query(f.kind, docs::PASSAGE, false))]);
        Box::new(ScoredFilter::new(Box::new(filter), scoring.map(|q| (q, 1.0)).collect()))
    };
    let mut hits = index.search::<PassageRecord>(query.as_ref(), limit)?;
    hits.retain(|(score, _)| *score > 0.0);
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::{Currency, Unit};

    #[test]
    fn unit_names_are_the_units_of_each_dimension() {
        let units = [Unit::Kg, Unit::Count, Unit::Percent, Unit::Km, Unit::Litre, Unit::Year, Unit::Hectare];
        for u in units {
            assert_eq!(unit_names(u.dimension()), [u.as_str()], "{u:?}");
        }
        let usd = Unit::Money(Currency::parse("USD").expect("a currency"));
        assert!(unit_names(usd.dimension()).is_empty());
        let named: usize = Dimension::ALL.iter().map(|d| unit_names(*d).len()).sum();
        assert_eq!(named, units.len());
    }
}
