//! The question parser.

use jiff::civil::Date;

use super::{Breakdown, Cmp, Extreme, Question};
use crate::error::Diagnostic;
use crate::extract::context::EventMention;
use crate::extract::period::{Anchor, Expr, Role, YearRef};
use crate::extract::{analyze, Analysis};
use crate::index::analyzer::is_stop_word;
use crate::lexicon::{Lexicon, Table};
use crate::vocab::{Approx, Currency, Dimension, Event, MassUnit, Unit, WORTH_WORDS};

/// Words a named matter may have between its preposition and its noun ("in
/// the Arizona fentanyl case").
const MATTER_WORDS: usize = 4;

/// Most letters of a code glued to its number ("M62", "N3", "EK501").
const CODE_LETTERS: usize = 3;

/// True when token `k` ends a phrase after a preposition and a determiner,
/// one matter named rather than things counted: "in the Arizona fentanyl
/// case", "during the raid".
fn in_named_matter(a: &Analysis, k: usize) -> bool {
    let s = &a.scan;
    (k.saturating_sub(MATTER_WORDS + 1)..k).rev().take_while(|&j| s.is_word(j)).any(|j| {
        j > 0 && s.is_any(j, &["the", "this", "that"]) && s.is_any(j - 1, &["in", "during", "from", "at", "on"])
    })
}

/// Words that carry no search meaning in a question, besides the function
/// words the index leaves out ([`STOP_WORDS`](crate::index::analyzer::STOP_WORDS)).
const STOPWORDS: &[&str] = &[
    "many",
    "much",
    "total",
    "all",
    "any",
    "amount",
    "number",
    "figure",
    "figures",
    "share",
    "percentage",
    "percent",
    "value",
    "weight",
    "long",
    "largest",
    "biggest",
    "highest",
    "most",
    "smallest",
    "least",
    "lowest",
    "fewest",
    "tell",
    "show",
    "give",
    "list",
    "get",
    "among",
    "between",
    "during",
    "over",
    "under",
    "per",
    "year",
    "years",
    "quantity",
    "kind",
    "made",
    "make",
    "carried",
    "conducted",
];

/// Token ranges of names after a naming word ("operation fentanyl
/// frontier", "the vessel ocean star"): words up to the first stopword,
/// punctuation, number, place, period or event word.
fn names(a: &Analysis, lex: &Lexicon) -> Vec<std::ops::Range<usize>> {
    let s = &a.scan;
    let framing = |k: usize| {
        a.places.iter().any(|p| p.tag.start <= k && k < p.tag.end)
            || a.periods.iter().any(|m| m.toks.contains(&k))
            || a.events.iter().any(|e| e.tag.start <= k && k < e.tag.end)
    };
    let mut out = Vec::new();
    for k in 0..s.len() {
        if let Some((_, end)) = s.phrase_at(&lex.grammar.name_prefixes, k) {
            let stop =
                (end..s.len()).find(|&j| !s.is_word(j) || is_stopword(s.lower(j)) || framing(j)).unwrap_or(s.len());
            if stop > end {
                out.push(end..stop);
            }
        }
    }
    out
}

/// Words after an agency that make it the name of an operation.
const OPERATION_WORDS: &[&str] =
    &["operation", "operations", "investigation", "investigations", "action", "led", "coordinated", "supported"];
/// Words that ask for a rate of a measure ("average opium yield"), which
/// no fact gives.
const RATE_WORDS: &[&str] = &["yield", "yields"];
/// Currencies' names that are also words ("shoe soles", "the Rand Water
/// board"): a question asks for money by one only as [`measures`] says.
const CURRENCY_WORDS: &[&str] = &["soles", "sol", "rand", "won", "real", "crown", "crowns"];
/// Words that ask for a mass ("weight of the pills hidden in tea machines").
const WEIGHT_WORDS: &[&str] = &["weight", "weighed", "weighing", "weigh", "weighs", "mass"];
/// Participles after an agency's people that make them the ones held, not
/// who held them ("customs officers arrested in Montenegro").
const HELD_WORDS: &[&str] =
    &["arrested", "detained", "charged", "convicted", "jailed", "sentenced", "prosecuted", "indicted", "suspended"];

/// Whether `word` (lower-cased) carries no search meaning in a question.
fn is_stopword(word: &str) -> bool {
    is_stop_word(word) || STOPWORDS.contains(&word)
}
const EXTREME_MAX: &[&str] = &["largest", "biggest", "highest", "most", "maximum", "record", "greatest", "top"];
const EXTREME_MIN: &[&str] = &["smallest", "lowest", "least", "fewest", "minimum"];
/// Words before an extreme that make it one figure of the past, not the
/// largest found ("the previous record").
const SUPERSEDED: &[&str] = &["previous", "former", "old", "earlier", "prior"];
/// Words after which a largest or smallest figure is one event's ("the
/// largest cocaine haul"), not a year's total.
const SINGLE_EVENT: &[&str] =
    &["haul", "seizure", "bust", "shipment", "consignment", "interception", "raid", "single", "catch"];
const TOTAL: &[&str] = &["total", "overall", "altogether", "sum", "combined"];
const MONEY_WORDS: &[&str] = &[
    "value",
    "worth",
    "revenue",
    "revenues",
    "cost",
    "costs",
    "price",
    "income",
    "profit",
    "profits",
    "proceeds",
    "money",
    "valued",
    "cash",
    "funds",
    "currency",
    "bond",
    "bail",
    "fine",
    "fines",
    "reward",
    "bounty",
    "ransom",
    "bribe",
    "bribes",
    "prices",
    "fined",
    "forfeit",
    "forfeited",
    "forfeiture",
    "restitution",
];
/// Sums a court imposes: a question on one asks for a prosecution's figure.
const PENALTY_WORDS: &[&str] = &["fine", "fines", "fined", "forfeit", "forfeited", "forfeiture", "restitution"];
const SHARE_WORDS: &[&str] = &["share", "percentage", "percent", "proportion", "fraction", "%", "prevalence", "purity"];
/// Words that ask for a change of any kind ("change in drug-related crimes"),
/// beside the grammar's kinds of change ("rise", "fall").
const CHANGE_WORDS: &[&str] = &["change", "changes", "trend"];

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// Damerau (optimal string alignment) distance, capped at 3.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 2 {
        return 3;
    }
    // Three rows of the distance table: two back (for a transposition), the
    // last, and the one being filled.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut last: Vec<usize> = (0..=b.len()).collect();
    let mut row: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        row[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (last[j] + 1).min(row[j - 1] + 1).min(last[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(before[j - 2] + 1);
            }
        }
        std::mem::swap(&mut before, &mut last);
        std::mem::swap(&mut last, &mut row);
    }
    last[b.len()].min(3)
}

/// A misspelt word's correction among a table's single-word phrases.
fn correct<V>(word: &str, table: &Table<V>, vocabulary: &[&str]) -> Option<String> {
    let len = word.chars().count();
    if len < 5 || table.get(word).is_some() {
        return None;
    }
    let limit = if len >= 8 { 2 } else { 1 };
    vocabulary
        .iter()
        .filter(|v| !v.contains(' ') && v.chars().count().abs_diff(len) <= limit)
        .map(|v| (edit_distance(word, v), *v))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, v)| v.to_owned())
}

/// Substance and agency words worth correcting a misspelling to.
const CORRECTABLE: &[&str] = &[
    "heroin",
    "opium",
    "cocaine",
    "cannabis",
    "marijuana",
    "hashish",
    "methamphetamine",
    "methadone",
    "morphine",
    "fentanyl",
    "amphetamine",
    "captagon",
    "ecstasy",
    "tramadol",
    "precursors",
    "narcotics",
    "customs",
    "police",
    "ketamine",
    "codeine",
    "mephedrone",
];

/// Parses a question. `today` resolves "this year" and "last year"; without
/// it, relative years stay unresolved (a diagnostic says so).
pub fn parse(question: &str, lex: &Lexicon, today: Option<Date>) -> (Question, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    // Bounded work for any input: questions are short; cut the rest.
    let mut text = question.chars().filter(|c| !c.is_control() || *c == ' ').take(1000).collect::<String>();
    if question.chars().count() > 1000 {
        diags.push(Diagnostic::note(None, "question cut to its first 1000 characters"));
    }
    // Correct misspelt substance and agency words ("herion" → "heroin").
    let mut corrected = Vec::new();
    for w in words(&text) {
        if let Some(c) = correct(&w, &lex.substances, CORRECTABLE).or_else(|| correct(&w, &lex.agencies, CORRECTABLE)) {
            if lex.substances.get(&w).is_none() && lex.places.get(&w).is_none() && lex.agencies.get(&w).is_none() {
                corrected.push((w, c));
            }
        }
    }
    for (w, c) in &corrected {
        diags.push(Diagnostic::note(None, format!("read {w:?} as {c:?}")));
        text = replace_word(&text, w, c);
    }

    let a = analyze(&text, lex);
    let mut q = Question { text: question.to_owned(), ..Question::default() };
    if a.scan.has_any(&lex.grammar.legal_limits) {
        q.law = true;
        diags.push(Diagnostic::note(
            None,
            "asks what the law sets: facts are figures of events, so the passages are where to read",
        ));
    }
    let lower_words = words(&text);

    // "operation fentanyl frontier": a name's words are topic words, not
    // the drug asked about.
    let named = names(&a, lex);
    let in_name = |start: usize| named.iter().any(|r| r.contains(&start));

    // Substances (drug classes set none), agencies, events.
    for t in a.substances.iter().filter(|t| !in_name(t.start)) {
        if let Some(s) = &t.value {
            if !q.substances.contains(s) {
                q.substances.push(s.clone());
            }
            if s != "narcotics" {
                for w in a.phrase_text(t.start, t.end).to_lowercase().split_whitespace() {
                    if !q.substance_terms.iter().any(|x| x == w) {
                        q.substance_terms.push(w.to_owned());
                    }
                }
            }
        }
    }
    // "in the Europol operation", "a DEA-led investigation": an agency that
    // names an operation asks about it, not about who acted. Nor does one
    // whose people were held: "customs officers arrested" asks for those
    // counted.
    let no_actor = |t: &&crate::extract::context::Tagged<String>| {
        let k = if a.scan.is_punct(t.end, '-') { t.end + 1 } else { t.end };
        a.scan.is_any(k, OPERATION_WORDS) || a.scan.is_any(t.end, HELD_WORDS)
    };
    for t in a.agencies.iter().filter(|t| !no_actor(t)) {
        if !q.agents.contains(&t.value) {
            q.agents.push(t.value.clone());
        }
        let name = a.phrase_text(t.start, t.end);
        if !name.is_empty() && !q.agent_names.contains(&name) {
            q.agent_names.push(name);
        }
    }
    // Crimes "uncovered" or "detected" are crimes, as in extraction, where a
    // counted noun's own event wins ("drug trafficking crimes", "heroin
    // smuggling cases" are crimes); "seizures" alone asks for seizures.
    // ("seized in the Arizona fentanyl case" names where, not what is counted.)
    let counted_events: Vec<Event> = (0..a.scan.len())
        .filter(|&k| !in_named_matter(&a, k))
        .filter_map(|k| a.scan.phrase_at(&lex.counted, k).and_then(|(h, _)| h.value().copied().flatten()))
        .collect();
    // "bail for the driver arrested near Blythe", "sentence of the man
    // convicted": the event says which person the asked figure is of, not
    // what happened to the figure.
    let person_of = |e: &&EventMention| {
        let k = e.tag.start;
        k >= 3
            && a.scan.is(k - 2, "the")
            && a.scan.is_any(k - 3, &["for", "of", "against", "on"])
            && a.scan.is_word(k - 1)
            && [&lex.grammar.people, &lex.grammar.age_holders].iter().any(|t| t.get(a.scan.lower(k - 1)).is_some())
    };
    let described = |e: &&EventMention| a.listed(e.tag.start, &lex.grammar.concealment) || person_of(e);
    q.event = match a.events.iter().filter(|e| !described(e)).map(|e| e.tag.value).min_by_key(|e| lex.event_rank(*e)) {
        Some(e) if !e.is_of_people() && counted_events.contains(&Event::Crime) => Some(Event::Crime),
        e => e,
    };
    if q.event.is_none() && counted_events.contains(&Event::Seizure) {
        q.event = Some(Event::Seizure);
    }
    // "people captured on the boat", "suspects seized": people seized were
    // arrested, as in extraction.
    let people = |k: usize| a.scan.is_word(k) && lex.grammar.people.get(a.scan.tok(k)).is_some();
    let subject = |e: &EventMention| {
        let mut k = e.tag.start;
        while k > 0 && a.scan.is_any(k - 1, &["was", "were", "been", "being", "are", "is"]) {
            k -= 1;
        }
        k > 0 && people(k - 1)
    };
    let people_seized =
        a.events.iter().any(|e| e.tag.value == Event::Seizure && e.verb && (subject(e) || people(e.tag.end)));
    if q.event == Some(Event::Seizure) && people_seized {
        q.event = Some(Event::Arrest);
    }
    // "fine for heroin trafficking": a penalty asked is a court's doing; the
    // offence after it says what the case was.
    let penalty = (0..a.scan.len()).any(|k| PENALTY_WORDS.contains(&a.scan.lower(k)));
    if penalty && matches!(q.event, None | Some(Event::Trafficking | Event::Crime)) {
        q.event = Some(Event::Prosecution);
    }

    // Places: every mention except origins, destinations and nationalities.
    for p in &a.places {
        let mut k = p.tag.start;
        if k > 0 && a.scan.is(k - 1, "the") {
            k -= 1;
        }
        // "the sinaloa cartel": questions are written in lower case, so a
        // name's head counts in any case here.
        let head = a.scan.tok(p.tag.end);
        let capitalised = crate::text::title_case(head);
        let names_other = a.scan.is_word(p.tag.end) && lex.grammar.place_name_heads.get(&capitalised).is_some();
        // "along the Myanmar border": a border has two sides, and the figures
        // may be either country's; its name is a word to match, not a filter.
        // ("Azerbaijan's border with Iran" is Azerbaijan's.)
        let last = a.scan.tok(p.tag.end.saturating_sub(1));
        let possessive = crate::text::is_possessive(last, false);
        let border = !possessive && a.scan.phrase_at(&lex.grammar.border_nouns, p.tag.end).is_some();
        // "kerala cannabis seized by the navy": a place naming a drug may be
        // where the drug comes from, so it is preferred, not required; but
        // "mexican meth seizures" and "colombian cocaine production" happen
        // there, and "the gioia tauro cocaine" is a haul named by where it
        // was found.
        let origin = k == p.tag.start
            && a.scan.phrase_at(&lex.substances, p.tag.end).is_some_and(|(_, drug_end)| {
                !a.events.iter().any(|e| {
                    e.tag.start == drug_end && !e.verb && matches!(e.tag.value, Event::Production | Event::Seizure)
                })
            });
        // ("cocaine passing through Ecuador": where the flow is.)
        let transit = a.scan.phrase_before(&lex.grammar.place_transits, k, 3).is_some();
        let elsewhere = !transit
            && a.scan.phrase_before(&lex.grammar.place_not_here, k, 3).is_some_and(|(_, s)| !a.scan.is(s, "of"))
            || a.scan.phrase_at(&lex.grammar.nationality_nouns, p.tag.end).is_some()
            || names_other;
        let preferred = border || origin && !possessive;
        if preferred && !elsewhere && !q.preferred_places.contains(&p.tag.value) {
            q.preferred_places.push(p.tag.value.clone());
        }
        if elsewhere || preferred {
            continue;
        }
        if !q.places.contains(&p.tag.value) {
            q.places.push(p.tag.value.clone());
        }
        // (A place finer than its country: not "Mexican", which is Mexico.)
        let name = a.phrase_text(p.tag.start, p.tag.end);
        let finer = !name.eq_ignore_ascii_case(&p.tag.value) && lex.locality_name(&name).is_some();
        // ("Georgia": a state of the United States too, named as such.)
        if (finer || lex.is_homonym(&name)) && !q.place_names.contains(&name) {
            // ("Liverpool": the town of that name in Australia too.)
            for country in lex.homonym_countries(&name) {
                if !q.places.contains(country) {
                    q.places.push(country.clone());
                }
            }
            q.place_names.push(name);
        }
    }
    // "cocaine seized worldwide": the world's figures, unless a place is
    // named, or the world is only where a figure ranks ("the world's
    // largest seizure").
    q.worldwide = q.places.is_empty()
        && a.scan.has_any(&lex.grammar.international)
        && !a.scan.has_any(&lex.grammar.comparison_superlatives);
    // "in Europe": the European Union's figures answer too.
    for (inner, outer) in &lex.grammar.place_within {
        if q.places.contains(outer) && !q.places.contains(inner) {
            q.places.push(inner.clone());
        }
    }

    // "drugs seized by NDLEA": an agency of one country works there, so its
    // country's figures go first (another country's agency of the same kind
    // is not the one asked about); a place the question names wins.
    let homes = || lex.agency_homes.find_all(&q.text).into_iter().filter_map(|hit| hit.entry.value().cloned());
    if q.places.is_empty() {
        for home in homes() {
            if !q.agent_homes.contains(&home) {
                q.agent_homes.push(home.clone());
            }
            if !q.preferred_places.contains(&home) {
                q.preferred_places.push(home);
            }
        }
    }

    // Period.
    // "in California in FY2024": a fiscal year is the country's asked about,
    // else the home country of the agency asked about ("seized by the ABF in
    // 2024-25": Australia's year).
    let fiscal = q
        .places
        .iter()
        .find_map(|p| lex.fiscal_years.get(p))
        .or_else(|| homes().find_map(|home| lex.fiscal_years.get(&home)))
        .copied();
    let anchor = Anchor { article_year: today.map(|d| d.year()), date: today, fiscal, ..Default::default() };
    let frames: Vec<_> = a.periods.iter().filter(|m| m.role != Role::Reference).collect();
    q.yearless = !frames.is_empty()
        && frames.iter().all(|m| {
            matches!(m.expr, Expr::Months { year: YearRef::Context, .. } | Expr::Days { year: YearRef::Context, .. })
        });
    for m in &frames {
        match m.expr.resolve(&anchor) {
            Some(p) => {
                for k in m.toks.clone().filter(|&k| a.scan.is_word(k) || a.scan.is_number(k)) {
                    let w = a.scan.lower(k).to_owned();
                    if !is_stopword(&w) && !q.period_terms.contains(&w) {
                        q.period_terms.push(w);
                    }
                }
                q.periods.push(p);
                if fiscal.is_none() && matches!(m.expr, Expr::Fiscal { .. }) {
                    for cal in lex.fiscal_years.values() {
                        let alt = Anchor { fiscal: Some(*cal), ..anchor };
                        if let Some(span) = m.expr.resolve(&alt).filter(|s| !q.fiscal_spans.contains(s)) {
                            q.fiscal_spans.push(span);
                        }
                    }
                }
                q.period = Some(match q.period {
                    Some(prev) => crate::extract::Period::range(prev.start.min(p.start), prev.end.max(p.end)),
                    None => p,
                });
            }
            None => diags.push(Diagnostic::note(None, "a relative date could not be resolved without today's date")),
        }
    }

    // Measures.
    measures(&a, &mut q, lex, &lower_words);

    // ("the previous record" names one figure: no extreme of those found.)
    let extreme = |list: &[&str]| {
        lower_words
            .iter()
            .enumerate()
            .any(|(i, w)| list.contains(&w.as_str()) && !(i > 0 && SUPERSEDED.contains(&lower_words[i - 1].as_str())))
    };
    q.extreme = if extreme(EXTREME_MAX) {
        Some(Extreme::Max)
    } else if extreme(EXTREME_MIN) {
        Some(Extreme::Min)
    } else {
        None
    };
    q.total = lower_words.iter().any(|w| TOTAL.contains(&w.as_str())) || text.to_lowercase().contains("in all");
    q.single = q.extreme.is_some() && !q.total && lower_words.iter().any(|w| SINGLE_EVENT.contains(&w.as_str()));
    q.compare = lower_words.iter().any(|x| COMPARE_WORDS.contains(&x.as_str()));
    q.breakdown = breakdown(&lower_words, &q);
    q.top = lower_words
        .windows(2)
        .find(|w| w[0] == "top")
        .and_then(|w| {
            w[1].parse::<usize>().ok().or_else(|| lex.cardinals.get(&w[1]).and_then(|e| e.value()).map(|v| *v as usize))
        })
        .filter(|n| (1..=100).contains(n));
    q.which_substance = lower_words.windows(2).any(|w| {
        ["which", "what"].contains(&w[0].as_str())
            && ["drug", "drugs", "substance", "substances", "narcotic", "narcotics"].contains(&w[1].as_str())
    });
    if q.which_substance {
        q.substances.retain(|s| s != "narcotics");
    }
    // "more than 500 kg": a quantity in the question is a bound.
    if let Some(quantity) =
        a.quantities.iter().find(|x| x.approx.is_some() && x.unit != Unit::Count || x.approx.is_some())
    {
        let cmp = match quantity.approx {
            Some(Approx::Over) => Some(Cmp::Over),
            Some(Approx::Under) | Some(Approx::UpTo) => Some(Cmp::Under),
            _ => None,
        };
        if let Some(c) = cmp {
            q.bound = Some((c, quantity.value, quantity.unit));
        }
    }
    q.given = a.quantities.iter().filter(|x| x.approx.is_none()).map(|x| (x.value, x.unit)).collect();

    // Free words: everything not a stopword; demonyms add their country. (A
    // unit is read as the measure: "how many kilos" should not prefer "one
    // kilo each" to "300 kilogrammes".)
    for w in &lower_words {
        if !is_stopword(w) && w.chars().any(char::is_alphanumeric) && !q.terms.contains(w) && lex.units.get(w).is_none()
        {
            q.terms.push(w.clone());
        }
    }
    for p in &a.places {
        let name = p.tag.value.to_lowercase();
        if !q.terms.contains(&name) {
            q.terms.push(name);
        }
    }
    // "meth" searches for "methamphetamine" too: sentences name a drug
    // either way, and neither should win on the word alone.
    for s in q.substances.iter().filter(|s| s.as_str() != "narcotics") {
        if !q.terms.contains(s) {
            q.terms.push(s.clone());
        }
    }
    q.what_terms = what_terms(&a, lex);
    q.things = lower_words.iter().filter(|w| lex.grammar.non_drug_things.get(w).is_some()).cloned().collect();
    // Content words: what the question is about besides where and when.
    let mut framing: Vec<std::ops::Range<usize>> = a.places.iter().map(|p| p.tag.start..p.tag.end).collect();
    framing.extend(a.periods.iter().map(|m| m.toks.clone()));
    for k in 0..a.scan.len() {
        let w = a.scan.lower(k).to_owned();
        if a.scan.is_word(k)
            && !framing.iter().any(|r| r.contains(&k))
            && !is_stopword(&w)
            && lex.units.get(&w).is_none()
            && !q.content_terms.contains(&w)
        {
            q.content_terms.push(w);
        }
    }
    // Topic words: those no constraint reads ("operation lionfish"). An
    // article whose title names them is about what is asked.
    let mut read = framing;
    // ("crystal methamphetamine": the drug is read, but not the word for
    // its form, which is the question's own: "450 kg of crystal
    // methamphetamine" meets it better than "12 million methamphetamine
    // pills".)
    for t in a.substances.iter().filter(|t| !in_name(t.start)) {
        let qualifier = |k: usize| {
            let w = a.scan.lower(k);
            t.end - t.start > 1
                && a.scan.is_word(k)
                && lex.substances.get(w).is_none()
                && t.value.as_deref().is_none_or(|v| !v.split_whitespace().any(|x| x == w))
        };
        read.extend((t.start..t.end).filter(|&k| !qualifier(k)).map(|k| k..k + 1));
    }
    read.extend(a.agencies.iter().filter(|t| !no_actor(t)).map(|t| t.start..t.end));
    read.extend(a.events.iter().map(|e| e.tag.start..e.tag.end));
    read.extend(a.quantities.iter().map(|x| x.pre..x.end));
    let constraint_word =
        |w: &str| [EXTREME_MAX, EXTREME_MIN, SINGLE_EVENT, TOTAL, MONEY_WORDS].iter().any(|list| list.contains(&w));
    // "cannabis seized on the M62", "the N3 near Pietermaritzburg": a code
    // of a few letters glued to a number names a road, a flight, a ship.
    let code = |k: usize| {
        a.scan.is_word(k)
            && a.scan.tok(k).len() <= CODE_LETTERS
            && a.scan.is_number(k + 1)
            && a.scan.glued(k + 1)
            && !(a.scan.is_word(k + 2) && a.scan.glued(k + 2))
            && !read.iter().any(|r| r.contains(&k))
    };
    for k in 0..a.scan.len() {
        let w = a.scan.lower(k);
        if code(k) {
            let name = format!("{w}{}", a.scan.tok(k + 1));
            if !q.topic_terms.contains(&name) {
                if k > 0 {
                    q.names.push(name.clone());
                }
                q.topic_terms.push(name);
            }
            continue;
        }
        if a.scan.is_word(k)
            && !read.iter().any(|r| r.contains(&k))
            && !is_stopword(w)
            && !constraint_word(w)
            && lex.units.get(w).is_none()
            && !q.topic_terms.iter().any(|t| t == w)
            && !q.what_terms.iter().any(|t| t.split_whitespace().any(|x| x == w))
        {
            if k > 0 && a.scan.is_capitalised(k) {
                q.names.push(w.to_owned());
            }
            q.topic_terms.push(w.to_owned());
        }
    }
    // "shabu seized": a fact measuring "methamphetamine hydrochloride" is
    // described in the question's words as much as "value of shabu" is.
    for s in q.substances.iter().filter(|s| s.as_str() != "narcotics") {
        if !q.content_terms.contains(s) {
            q.content_terms.push(s.clone());
            q.implied_terms.push(s.clone());
        }
    }
    (q, diags)
}

/// Words that set figures side by side.
const COMPARE_WORDS: &[&str] = &["compare", "compared", "versus", "vs", "vs."];

/// "per year", "by drug", "each agency"; or "compare" with two of a kind.
fn breakdown(w: &[String], q: &Question) -> Option<Breakdown> {
    use Breakdown::*;
    let by = |x: &str| ["per", "by", "each", "every"].contains(&x);
    for pair in w.windows(2) {
        if by(&pair[0]) {
            match pair[1].as_str() {
                "year" | "years" => return Some(Year),
                "drug" | "drugs" | "substance" | "substances" => return Some(Substance),
                "country" | "countries" | "place" | "region" => return Some(Place),
                "agency" | "agencies" | "service" => return Some(Agent),
                _ => {}
            }
        }
    }
    if w.iter().any(|x| x == "annually" || x == "yearly") {
        return Some(Year);
    }
    let compare = q.compare;
    if compare || q.total {
        if q.periods.len() >= 2 {
            return Some(Year);
        }
        if q.substances.iter().filter(|s| s.as_str() != "narcotics").count() >= 2 && compare {
            return Some(Substance);
        }
        if q.places.len() >= 2 {
            return Some(Place);
        }
        if q.agents.len() >= 2 {
            return Some(Agent);
        }
    }
    None
}

fn replace_word(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for piece in text.split_inclusive(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'')) {
        let (word, rest) =
            piece.split_at(piece.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'')).len());
        if word.eq_ignore_ascii_case(from) {
            out.push_str(to);
        } else {
            out.push_str(word);
        }
        out.push_str(rest);
    }
    out
}

/// The counted nouns of the question, the one asked about first: after "how
/// many" unless that opens a partitive ("how many of the suspects were
/// Iranian citizens" asks about citizens).
fn what_terms(a: &Analysis, lex: &Lexicon) -> Vec<String> {
    let mut out: Vec<(usize, String)> = Vec::new();
    for k in 0..a.scan.len() {
        if let Some((hit, end)) = a.scan.phrase_at(&lex.counted, k) {
            if hit.value().is_some() {
                // Take the modifier before the noun too ("foreign nationals", "drug busts").
                let start = if k > 0 && a.scan.is_word(k - 1) && !is_stopword(a.scan.lower(k - 1)) { k - 1 } else { k };
                out.push((start, a.phrase_text(start, end)));
            }
        }
    }
    let how_many = (0..a.scan.len()).find(|&k| a.scan.is(k, "how") && a.scan.is_any(k + 1, &["many", "much"]));
    if let Some(h) = how_many {
        let partitive = a.scan.is(h + 2, "of");
        let target =
            if partitive { out.iter().rposition(|(s, _)| *s > h) } else { out.iter().position(|(s, _)| *s > h) };
        if let Some(t) = target {
            let item = out.remove(t);
            out.insert(0, item);
        }
    }
    out.into_iter().map(|(_, t)| t).collect()
}

/// Words of a court's custody: a plural of time beside one asks for a term
/// ("years in prison", "months jailed").
const CUSTODY_WORDS: &[&str] = &["sentenced", "jailed", "imprisoned", "prison", "jail", "imprisonment", "custody"];

/// "prison sentence for…", "combined jail terms", "non-parole period": the
/// time a court gave, a duration.
fn sentence_asked(w: &[String]) -> bool {
    let custody = |x: &str| matches!(x, "prison" | "jail" | "custodial");
    w.iter().any(|x| matches!(x.as_str(), "sentence" | "sentences" | "parole" | "non-parole"))
        || w.windows(2).any(|p| custody(&p[0]) && matches!(p[1].as_str(), "term" | "terms"))
}

fn measures(a: &Analysis, q: &mut Question, lex: &Lexicon, w: &[String]) {
    let pair = |x: &str, y: &str| w.windows(2).any(|p| p[0] == x && p[1] == y);
    // A unit word in the question ("how many tons", "in manats").
    let mut unit_dim = None;
    // A money word capitalised within a question written in lower case is
    // a name: "how much cannabis did Revenue seize", "the Federal Board of
    // Revenue".
    let s = &a.scan;
    let cased = (0..s.len()).any(|k| s.is_word(k) && s.tok(k).starts_with(char::is_lowercase));
    let money_words =
        (0..s.len()).any(|k| MONEY_WORDS.contains(&s.lower(k)) && !(k > 0 && cased && s.is_capitalised(k)));
    let in_period = |k: usize| a.periods.iter().any(|m| m.toks.contains(&k));
    for k in (0..a.scan.len()).filter(|&k| !in_period(k)) {
        if let Some((hit, _)) = a.scan.phrase_at(&lex.units, k) {
            if let Some(u) = hit.value() {
                let word = a.scan.lower(k);
                // "year" asks for a duration only in "how many years", or as
                // a term ("years sentenced Felixstowe gang", "years in
                // prison for…"); a lone letter is no unit.
                let duration_asked = k >= 2 && a.scan.is(k - 2, "how") && a.scan.is(k - 1, "many")
                    || word.ends_with('s') && w.iter().any(|x| CUSTODY_WORDS.contains(&x.as_str()));
                if word.len() <= 1 || (u.unit.dimension() == Dimension::Duration && !duration_asked) {
                    continue;
                }
                let written = hit.span.slice(a.scan.text).unwrap_or("").to_lowercase();
                // ("hashish hidden in shoe soles": a currency's name that is
                // also a word asks for money only beside a word of money or
                // after "in", as in "worth in soles".)
                let word_too = matches!(u.unit, Unit::Money(_)) && CURRENCY_WORDS.contains(&written.as_str());
                if word_too && !money_words && !(k > 0 && a.scan.is(k - 1, "in")) {
                    continue;
                }
                unit_dim = Some(u.unit.dimension());
                if let Unit::Money(c) = u.unit {
                    q.currency = Some(c);
                } else if money_words && written.starts_with("pound") {
                    // "worth in pounds": sterling.
                    q.currency = Currency::parse("GBP");
                } else if u.unit.dimension() == Dimension::Mass {
                    // "how many pounds of cocaine": answers shown in pounds.
                    q.mass_unit = MassUnit::parse(&written);
                }
                // "pesos" asked about the Philippines are Philippine pesos.
                if let Some(c) = q.places.iter().find_map(|p| lex.local_currency(&written, p)) {
                    q.currency = Some(c);
                }
                break;
            }
        }
    }
    let money = money_words || q.currency.is_some();
    // "cash seized by GMP": money held, named by a noun of the grammar, and
    // no drug's worth asked beside it ("value of cash and drugs").
    let worth_asked = w.iter().any(|x| WORTH_WORDS.contains(&x.as_str()));
    q.held_money = !worth_asked && w.iter().any(|x| lex.grammar.money_nouns.get(x).is_some());
    q.rate = w.iter().any(|x| RATE_WORDS.contains(&x.as_str())) || pair("per", "hectare") || pair("per", "acre");
    let share = w.iter().any(|x| SHARE_WORDS.contains(&x.as_str())) || a.scan.text.contains('%');
    // "how much did coca cultivation rise": a change word of the grammar,
    // not a bound ("more than 500 kg", "up to 2 tonnes").
    let change = w.iter().any(|x| CHANGE_WORDS.contains(&x.as_str()))
        || (0..a.scan.len()).any(|k| {
            a.scan.phrase_at(&lex.grammar.change_nouns, k).is_some() && a.scan.phrase_at(&lex.approx, k).is_none()
        });
    if share {
        q.dimensions = vec![Dimension::Percent];
    } else if money {
        q.dimensions = vec![Dimension::Money];
    } else if let Some(d) = unit_dim.filter(|d| *d != Dimension::Percent) {
        q.dimensions = vec![d];
    } else if w.iter().any(|x| WEIGHT_WORDS.contains(&x.as_str())) {
        q.dimensions = vec![Dimension::Mass];
    } else if pair("how", "many") {
        q.dimensions = vec![Dimension::Count];
    } else if sentence_asked(w) {
        q.dimensions = vec![Dimension::Duration];
    } else if pair("how", "much") && !change {
        q.dimensions = vec![Dimension::Mass, Dimension::Money, Dimension::Volume];
    } else if pair("how", "long") {
        q.dimensions = vec![Dimension::Distance, Dimension::Duration];
    }
    // Preferences when the question does not say: a counted noun asks for a
    // count ("drug busts", "delegates"); otherwise amounts first.
    let counted = (0..a.scan.len()).any(|k| {
        a.scan.phrase_at(&lex.counted, k).is_some_and(|(h, _)| {
            matches!(h.value(), Some(Some(e)) if *e != Event::Seizure) || matches!(h.value(), Some(None))
        })
    });
    // Land under a crop is measured in hectares first.
    let area = (0..a.scan.len()).any(|k| a.scan.phrase_at(&lex.grammar.area_words, k).is_some());
    q.prefer = if change {
        vec![Dimension::Percent, Dimension::Mass, Dimension::Area, Dimension::Count, Dimension::Money]
    } else if area {
        vec![Dimension::Area, Dimension::Mass, Dimension::Count, Dimension::Percent]
    } else if counted {
        vec![Dimension::Count, Dimension::Mass, Dimension::Money, Dimension::Percent]
    } else {
        vec![
            Dimension::Mass,
            Dimension::Count,
            Dimension::Money,
            Dimension::Percent,
            Dimension::Distance,
            Dimension::Duration,
        ]
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn p(s: &str) -> String {
        let lex = Lexicon::builtin().unwrap();
        let (q, _) = parse(s, &lex, Some(date(2026, 11, 22)));
        let mut out = q.summary();
        if let Some(i) = out.find(" words=") {
            out.truncate(i);
        }
        out
    }

    #[test]
    fn topic_words_are_those_no_constraint_reads() {
        let lex = Lexicon::builtin().unwrap();
        let topic = |s: &str| parse(s, &lex, Some(date(2026, 11, 22))).0.topic_terms;
        assert_eq!(topic("drugs seized in Operation Lionfish"), ["operation", "lionfish"]);
        // The measured thing, the extreme, the place and the period are read.
        assert_eq!(topic("how many people were arrested in Operation Lionfish"), ["operation", "lionfish"]);
        assert!(topic("largest cocaine seizure by customs in Kenya in 2023").is_empty());
        // A road's code is a name; a fiscal year's is a period.
        assert_eq!(topic("cannabis seized on the M62"), ["m62"]);
        assert!(topic("fentanyl seized by CBP in FY2023").is_empty());
        assert!(topic("heroin seized in Q3 2024").is_empty());
        // A drug's form is the question's own word; the drug is read.
        assert_eq!(topic("crystal methamphetamine seized in Chiang Rai"), ["crystal"]);
        assert_eq!(topic("cocaine base paste seized in Peru"), ["base", "paste"]);
        assert!(topic("crack cocaine seized").is_empty());
        // Those written with a capital past the first word are names.
        let names = |s: &str| parse(s, &lex, None).0.names;
        assert_eq!(names("arrests at Ocean Terminal"), ["ocean", "terminal"]);
        assert_eq!(names("Arrests on the M62"), ["m62"]);
        assert!(names("Superlab fentanyl doses").is_empty());
    }

    #[test]
    fn figures_the_question_states_are_given_and_bounds_are_not() {
        let lex = Lexicon::builtin().unwrap();
        let given = |s: &str| parse(s, &lex, None).0.given;
        assert_eq!(given("charges the five accused face in Ontario"), [(5.0, Unit::Count)]);
        assert_eq!(given("value of the 2 tonnes of cocaine seized in Spain"), [(2000.0, Unit::Kg)]);
        assert_eq!(given("seizures of more than 500 kg of cocaine"), []);
    }

    #[test]
    fn a_drug_in_an_operations_name_is_no_substance_asked() {
        let lex = Lexicon::builtin().unwrap();
        let (q, _) = parse("how many people were arrested in Operation Fentanyl Frontier", &lex, None);
        assert!(q.substances.is_empty());
        assert_eq!(q.topic_terms, ["operation", "fentanyl", "frontier"]);
        // The name ends at a stopword: the drug after it is asked about.
        let (q, _) = parse("heroin seized in operation lionfish in 2023", &lex, None);
        assert_eq!(q.substances, ["heroin"]);
        let (q, _) = parse("fentanyl seized in the operation", &lex, None);
        assert_eq!(q.substances, ["fentanyl"]);
        // So is an agency naming an operation.
        let (q, _) = parse("how many arrests were made in Spain in the Europol operation", &lex, None);
        assert!(q.agents.is_empty());
        assert_eq!(q.topic_terms, ["europol", "operation"]);
        let (q, _) = parse("how many arrests did Europol make", &lex, None);
        assert_eq!(q.agents, ["europol"]);
    }

    #[test]
    fn the_words_naming_the_drug_are_kept_apart() {
        let lex = Lexicon::builtin().unwrap();
        let (q, _) = parse("crystal meth seized in Manila in 2024", &lex, Some(date(2026, 11, 22)));
        assert_eq!(q.substances, ["methamphetamine"]);
        assert_eq!(q.substance_terms, ["crystal", "meth"]);
        let (q, _) = parse("drugs seized in Manila", &lex, Some(date(2026, 11, 22)));
        assert!(q.substance_terms.is_empty(), "{:?}", q.substance_terms);
    }

    #[test]
    fn seed_style_questions() {
        assert_eq!(p("heroin seized by customs 2021"), "substance=heroin event=seizure agent=customs period=2021");
        assert_eq!(
            p("How much opium did Iran seize in 2017?"),
            "substance=opium event=seizure place=Iran period=2017 measure=mass|money|volume"
        );
        assert_eq!(
            p("What share of Azerbaijan's drugs come from Iran?"),
            "substance=narcotics event=trafficking place=Azerbaijan measure=percent"
        );
        assert_eq!(
            p("value of drugs seized in Azerbaijan in 2024 in manats"),
            "substance=narcotics event=seizure place=Azerbaijan period=2024 measure=money currency=AZN"
        );
        assert_eq!(
            p("How many tons of drugs were burned in Azerbaijan in April 2024?"),
            "substance=narcotics event=destruction place=Azerbaijan period=2024-04 measure=mass unit=t"
        );
        assert_eq!(
            p("Which drug was seized in the largest amount in Azerbaijan in January-July 2024?"),
            "event=seizure place=Azerbaijan period=2024-01..2024-07 largest which-substance"
        );
        assert_eq!(
            p("How many Iranian law enforcement officers were killed in anti-drug operations?"),
            "event=casualty agent=law enforcement place=Iran measure=count"
        );
        assert_eq!(
            p("How many of the drug suspects caught by Azerbaijani customs in 2021 were Iranian citizens?"),
            "substance=narcotics event=arrest agent=customs place=Azerbaijan period=2021 measure=count"
        );
    }

    #[test]
    fn misspellings_and_relative_dates() {
        assert_eq!(p("herion seizures last year"), "substance=heroin event=seizure period=2025");
        assert_eq!(p("metamphetamine in the first half of 2024"), "substance=methamphetamine period=2024-01..2024-06");
        assert_eq!(p("more than 500 kg of cocaine"), "substance=cocaine measure=mass unit=kg value > 500 kg");
    }

    #[test]
    fn edit_distances() {
        for (a, b, d) in [
            ("herion", "heroin", 1),
            ("ab", "ba", 1),
            ("cocain", "cocaine", 1),
            ("heroín", "heroin", 1),
            ("methamphetamine", "metamphetamine", 1),
            ("kitten", "sitting", 3),
            ("ca", "abc", 3),
            ("", "abc", 3),
            ("same", "same", 0),
            ("customs", "cutsoms", 1),
            ("abcd", "badc", 2),
        ] {
            assert_eq!(edit_distance(a, b), d, "{a} {b}");
            assert_eq!(edit_distance(b, a), d, "{b} {a}");
        }
    }

    #[test]
    fn a_change_asked_prefers_percentages() {
        let lex = Lexicon::builtin().unwrap();
        for s in ["change in drug-related crimes in 2024", "rise in cocaine seizures", "trend in overdose deaths"] {
            let (q, _) = parse(s, &lex, None);
            assert_eq!(q.prefer.first(), Some(&Dimension::Percent), "{s}");
        }
        let (q, _) = parse("drug-related crimes in 2024", &lex, None);
        assert_ne!(q.prefer.first(), Some(&Dimension::Percent));
    }

    #[test]
    fn the_words_of_a_period_are_kept_apart() {
        let lex = Lexicon::builtin().unwrap();
        let (q, _) = parse("customs heroin in the first half of 2019", &lex, None);
        assert_eq!(q.period_terms, ["first", "half", "2019"]);
        assert!(q.terms.contains(&"half".to_owned()), "still searched for near misses");
        let (q, _) = parse("heroin seized last year", &lex, None);
        assert!(q.period.is_none() && q.period_terms.is_empty(), "unresolved: not a filter");
    }

    #[test]
    fn a_fiscal_year_of_no_country_stands_for_each_known_one() {
        use crate::extract::period::PDate;
        use crate::extract::Period;
        let lex = Lexicon::builtin().unwrap();
        let (q, _) = parse("cocaine seized in fiscal year 2025", &lex, None);
        assert_eq!(q.period.map(|p| p.to_string()).as_deref(), Some("2025"));
        let us = Period::range(PDate::month(2024, 10), PDate::month(2025, 9));
        let australia = Period::range(PDate::month(2024, 7), PDate::month(2025, 6));
        assert!(q.fiscal_spans.contains(&us) && q.fiscal_spans.contains(&australia), "{:?}", q.fiscal_spans);
        let (q, _) = parse("cocaine seized in California in FY2025", &lex, None);
        assert!(q.fiscal_spans.is_empty(), "the country's own: {:?}", q.period);
    }

    #[test]
    fn question_table() {
        let n = crate::testing::run_table("src/query/tests/questions.txt", p);
        assert!(n >= 100, "only {n} questions");
    }

    #[test]
    fn odd_input_parses_cleanly() {
        for s in ["", "???", "AND OR \" : * ~", "героин 2021", &"x".repeat(100_000), "\u{0}\u{7}ctl"] {
            let lex = Lexicon::builtin().unwrap();
            let _ = parse(s, &lex, None);
        }
    }
}
