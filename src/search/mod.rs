//! Search: from a parsed question to an [`Answer`].
//!
//! [`retrieve`] turns the question into one tantivy query — exact filters for
//! what the question states (substance, place and years through one posting
//! list of combined keys, the exact period overlap and unit through fast
//! fields), whose facts alone are scored by BM25 over their sentences and
//! descriptions ([`scored_filter`]) — and takes the best few hundred facts.
//! [`rank`] then judges each: a fact that contradicts an explicit constraint
//! (another year, substance, agency, currency) is never an answer; the rest
//! are scored by how many constraints they meet, then by text relevance.
//! Equal facts from several files merge into one answer citing every source.

pub mod aggregate;
pub mod filter;
pub mod keyword_filter;
pub mod rank;
pub mod retrieve;
pub mod scored_filter;
pub mod timeline;

use crate::answer::{Answer, PassageHit};
use crate::error::Result;
use crate::index::Index;
use crate::query::Question;
use crate::vocab::Dimension;

/// Candidates taken from the index before ranking.
pub const CANDIDATES: usize = 300;
/// Files whose titles are looked at for the question's topic words.
pub const TITLED_FILES: usize = 50;
/// Passages of the candidates' files looked at for those that name the
/// question's names ([`Question::names`]).
pub const NAMING_PASSAGES: usize = 500;
/// Passages shown with an answer.
pub const PASSAGES: usize = 3;
/// Files whose passages are searched when there are answers: those of the
/// best answers (and their other sources), up to this many.
pub const PASSAGE_FILES: usize = 20;

/// Years before the one a yearless period was placed in that are searched
/// for it ("in September": the latest September the corpus answers).
pub const YEARLESS_YEARS: i16 = 10;

/// Answers a parsed question from the index. A period named without its
/// year ([`Question::yearless`]) that nothing answers in the year it was
/// placed in is asked of the years before, latest first; the answer notes
/// the year taken.
///
/// # Errors
/// When the index cannot be read.
pub fn search(index: &Index, question: &Question, top_k: usize) -> Result<Answer> {
    let answer = search_as_asked(index, question, top_k)?;
    let Some(period) = question.period.filter(|_| question.yearless && answer.answers.is_empty()) else {
        return Ok(answer);
    };
    for back in 1..=YEARLESS_YEARS {
        let shifted = Question {
            period: Some(period.shift_years(-back)),
            periods: question.periods.iter().map(|p| p.shift_years(-back)).collect(),
            ..question.clone()
        };
        let mut earlier = search_as_asked(index, &shifted, top_k)?;
        if !earlier.answers.is_empty() {
            earlier.notes.push(format!("no year named: {period} had no answer, the latest that does is taken"));
            return Ok(earlier);
        }
    }
    Ok(answer)
}

/// Answers a parsed question from the index, its period as parsed.
fn search_as_asked(index: &Index, question: &Question, top_k: usize) -> Result<Answer> {
    let mut candidates = retrieve::facts(index, question, CANDIDATES)?;
    // "cash seized in the cocaine investigation": a sum held names no drug
    // (nor do "firearms"), so the drug's filter keeps it out. Looked up
    // without it.
    let held = question.dimensions.contains(&Dimension::Money) || !question.things.is_empty();
    if held && question.substances.iter().any(|s| s != "narcotics") {
        let any_drug = Question { substances: Vec::new(), ..question.clone() };
        for c in retrieve::facts(index, &any_drug, CANDIDATES)? {
            let known = candidates.iter().any(|k| k.fact.doc == c.fact.doc && k.fact.span == c.fact.span);
            if c.fact.substance.is_none() && rank::of_no_drug(question, &c.fact) && !known {
                candidates.push(c);
            }
        }
    }
    let titled = retrieve::titled(index, question, TITLED_FILES)?;
    let placed = retrieve::titles_naming_places(index, question, TITLED_FILES)?;
    let led = retrieve::titles_naming(index, &question.agent_names, TITLED_FILES)?;
    let mut docs: Vec<&str> = candidates.iter().map(|c| c.fact.doc.as_str()).collect();
    docs.sort_unstable();
    docs.dedup();
    let naming = retrieve::files_naming(index, &question.names, &docs, NAMING_PASSAGES)?;
    for c in &mut candidates {
        if let Some((_, share, named)) = titled.iter().find(|(doc, _, _)| *doc == c.fact.doc) {
            c.topic = *share;
            c.topic_named.clone_from(named);
        }
        c.place_in_heading = placed.contains(&c.fact.doc);
        c.names_file = naming.contains(&c.fact.doc);
        c.agency_in_heading = led.contains(&c.fact.doc);
    }
    let (mut answers, mut related) = rank::rank(question, candidates, top_k);
    if question.law {
        // A penalty the law sets is no fact: the passages say what there is.
        answers.clear();
    }
    if answers.is_empty() && related.len() < top_k {
        // The filters kept (nearly) everything out: the facts they would
        // keep but for another agency or measure, then the nearest facts by
        // words, each with why it does not answer. ("people arrested in
        // Nepal last fiscal year" keeps a price of 2025 by its period, and
        // finds the arrests of the fiscal year before by words.)
        for tier in [retrieve::near_facts, retrieve::facts_by_words] {
            let more = rank::rank(question, tier(index, question, CANDIDATES)?, top_k).1;
            for s in more {
                let seen = related.iter().any(|r| r.fact.doc == s.fact.doc && r.fact.span == s.fact.span);
                if !seen && related.len() < top_k {
                    related.push(s);
                }
            }
            if related.len() >= top_k {
                break;
            }
        }
    }
    let aggregate = aggregate::aggregate(question, &answers);
    let shown = question.top.unwrap_or(top_k).min(top_k.max(1));
    rank::note_disagreements(&mut answers, shown);
    answers.truncate(shown);
    // Passages of the files that answer, where to read more; when nothing
    // answers, of the whole corpus.
    let mut within: Vec<&str> = Vec::new();
    for s in &answers {
        for d in std::iter::once(s.fact.doc.as_str()).chain(s.sources.iter().map(|x| x.doc.as_str())) {
            if within.len() < PASSAGE_FILES && !within.contains(&d) {
                within.push(d);
            }
        }
    }
    let passages = retrieve::passages(index, question, PASSAGES, &within)?
        .into_iter()
        .map(|(score, p)| PassageHit { doc: p.doc, span: p.span, text: p.text, score })
        .collect();
    Ok(Answer {
        question: question.text.clone(),
        request: question.clone(),
        answers,
        related,
        aggregate,
        passages,
        ..Answer::default()
    })
}
