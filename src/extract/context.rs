//! Context: what a quantity measures, and its substance, event, agency, place
//! and period — from its own words, then its clause, then its sentence, then
//! the text before it (marked as carried over).
//!
//! Attachment is by grammar, not by the nearest word: "443 kg of heroin,
//! 3,477 kg of marijuana, and over 103 kg of opium" gives each quantity the
//! substance of its own "of" phrase, and "903 kg 454 grams are heroin" the
//! substance after its verb; "arrested 2,301 suspects and seized 1,070 kg"
//! gives the kilograms the verb that governs them. Clauses are cut at commas,
//! semicolons, colons, brackets and spaced dashes. The function words these
//! rules read are lists in `grammar.toml`.

use super::period::{Anchor, Expr, Mention as PeriodMention, Period, Role};
use super::quantity::Quantity;
use super::scan::Scan;
use crate::lexicon::{Lexicon, Table};
use crate::vocab::{Dimension, Event, Unit, ENFORCEMENT, GENERIC_AGENT};

/// A lexicon mention in a sentence: tokens `start..end` and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagged<V> {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// What it means.
    pub value: V,
}

/// A place mention and whether it says where the sentence's facts happened.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    /// The mention.
    pub tag: Tagged<String>,
    /// False for origins, destinations, nationalities and possessives inside
    /// the sentence ("from Iran", "citizens of Iran", "Armenia's occupation").
    pub here: bool,
    /// Where a haul would sell ("would fetch €175 million in Europe"): not
    /// where it was found, but where a price stated there is paid.
    pub market: bool,
    /// The place as written when it is finer than its country ("Santos",
    /// "Ucayali"): see [`Lexicon::is_locality`](crate::lexicon::Lexicon::is_locality).
    pub locality: Option<String>,
    /// Part of an agency's name ("Humberside Police"): its home, which
    /// may be wider than where the facts of a story about a town are.
    pub home: bool,
}

impl PlaceMention {
    /// The name `[homonyms]` may list the place by: its locality, or the
    /// mention as written ("Georgia", a country and a state of the United
    /// States).
    pub fn homonym_name<'s>(&'s self, scan: &'s Scan) -> &'s str {
        self.locality
            .as_deref()
            .unwrap_or_else(|| scan.span(self.tag.start, self.tag.end).slice(scan.text).unwrap_or(""))
    }
}

/// Words a place may take between a verb of sale and its "for" ("sold in
/// Georgia and Europe for…").
const SOLD_WHERE_WORDS: usize = 6;

/// Words that may qualify agencies named together ("in coordination with
/// the various security services").
const AGENCY_QUALIFIERS: &[&str] = &["various", "other", "relevant", "competent", "several", "concerned"];

/// An event word and whether it is a verb ("seized") or a noun ("seizure").
#[derive(Debug, Clone, PartialEq)]
pub struct EventMention {
    /// The mention.
    pub tag: Tagged<Event>,
    /// It is a verb, which governs the quantity after it.
    pub verb: bool,
    /// A hypothetical verb ("could have been sold as"): the token that opens
    /// its object, the one figure it governs (with the event `Other`).
    pub only_object: Option<usize>,
}

/// Everything the context rules read from one sentence.
#[derive(Debug)]
pub struct Analysis<'a> {
    /// The lexicon the sentence was read with.
    pub lex: &'a Lexicon,
    /// The tokens.
    pub scan: Scan<'a>,
    /// Quantities kept as facts.
    pub quantities: Vec<Quantity>,
    /// Period expressions.
    pub periods: Vec<PeriodMention>,
    /// Substance mentions (`None`: a drug class without a canonical name).
    pub substances: Vec<Tagged<Option<String>>>,
    /// Agency mentions, but for [`Analysis::venues`].
    pub agencies: Vec<Tagged<String>>,
    /// Agencies named as where something happens ("appear in the Durban
    /// Magistrate's Court"): the actor of a prosecution only.
    pub venues: Vec<Tagged<String>>,
    /// Place mentions.
    pub places: Vec<PlaceMention>,
    /// Event words.
    pub events: Vec<EventMention>,
    /// Token indices that cut clauses.
    pub bounds: Vec<usize>,
    /// Opens with a continuation ("Of these", "Additionally").
    pub continuation: bool,
    /// Points back to earlier text ("these confiscations", "this period").
    pub anaphora: bool,
    /// Speaks of "the drugs" or "the drug" ("The drugs were worth…", "the
    /// value of the drugs is…", "The drug, valued at…"): the drugs named
    /// before, if any.
    pub drugs_before: bool,
    /// Token ranges that speak of the drug named before ("the drug",
    /// "finished product"), taken out of `substances`.
    pub anaphors: Vec<(usize, usize)>,
    /// Its drug verb's actor is the agency of the text before: a stand-in
    /// subject ("officers recovered") or none ("were arrested").
    pub actor_before: bool,
    /// Its subject is definite and names drugs or a seizure ("The seized
    /// narcotics are worth…"): those of the text before, whose agency a
    /// seizure's figures keep.
    pub definite_subject: bool,
    /// Its subject recalls an earlier figure ("The previous record was…").
    pub retrospective: bool,
    /// Its verbs are in the present tense.
    pub present: bool,
    /// Speaks of the world, not one country ("worldwide", "various nations",
    /// or "member states" while no union is named).
    pub international: bool,
    /// Names the members of a union of states ("Member States reported…").
    pub members: bool,
    /// Tokens that mark a stated total.
    pub totals: Vec<usize>,
}

/// Tokens a dateline may take before its dash ("BANGKOK, March 3, 2025 (Reuters) -").
const DATELINE_TOKENS: usize = 12;

/// Capitalised words after "in" or "at" that name no place ("in Operation
/// New Alliance", "at the Court").
const NAMED_NON_PLACES: &[&str] = &["operation", "operations", "court", "parliament", "congress", "senate", "total"];

impl<'a> Analysis<'a> {
    /// The dash ending a wire dateline that opens the sentence with a place
    /// ("LYON, France – An operation…"), whose place is where the story was
    /// filed.
    pub fn dateline_end(&self) -> Option<usize> {
        let p = self.places.first().filter(|p| p.here && p.tag.start == 0)?;
        let dash = (p.tag.end..self.scan.len().min(p.tag.end + DATELINE_TOKENS)).find(|&k| self.scan.is_dash(k))?;
        // A spaced dash, not one joining words ("Indo-Pacific").
        (!self.scan.glued(dash) && !self.scan.glued(dash + 1)).then_some(dash)
    }

    /// True when tokens `lo..hi` name a place the lexicon does not know, after
    /// a preposition of where ("in the Moussala area", "near Moussala"): where a
    /// figure was is then said, though not by a known name.
    pub fn names_unknown_place(&self, lo: usize, hi: usize) -> bool {
        let known = |k: usize| {
            self.in_period(k)
                || self.places.iter().any(|p| p.tag.start <= k && k < p.tag.end)
                || self.agencies.iter().any(|t| t.start <= k && k < t.end)
                || self.substances.iter().any(|t| t.start <= k && k < t.end)
        };
        (lo..hi).any(|k| {
            let name = if self.scan.is(k + 1, "the") { k + 2 } else { k + 1 };
            self.scan.is_any(k, &["in", "at", "near"])
                && name < hi
                && self.scan.is_capitalised(name)
                && !self.scan.is_any(name, NAMED_NON_PLACES)
                && !known(name)
        })
    }

    /// The clause holding token `k`: `(first token, one past the last)`.
    pub fn clause(&self, k: usize) -> (usize, usize) {
        let lo = self.bounds.iter().rev().find(|&&b| b < k).map_or(0, |&b| b + 1);
        let hi = self.bounds.iter().find(|&&b| b >= k).copied().unwrap_or(self.scan.len());
        (lo, hi.max(lo))
    }

    /// Where the sentence stops going on about token `k`: at a contrasting
    /// clause after it ("…, but only one in 12 received treatment"). One
    /// before it may still share its verb ("57% of deaths, while cocaine was
    /// implicated in 39%").
    pub fn contrast_after(&self, k: usize) -> usize {
        let contrast = |b: usize| self.scan.phrase_at(&self.lex.grammar.contrast, b + 1).is_some();
        self.bounds.iter().find(|&&b| b >= k && contrast(b)).copied().unwrap_or(self.scan.len())
    }

    /// The bracket quantity `q` opens, after a word ("cocaine (120 tonnes)",
    /// "the most widely used drug (228 million users)"): the token of `(`.
    pub fn bracket_after_word(&self, q: &Quantity) -> Option<usize> {
        let open = q.pre.checked_sub(1)?;
        (open > 0 && self.scan.is_punct(open, '(') && self.scan.is_word(open - 1)).then_some(open)
    }

    /// Like [`Analysis::bracket_after_word`], but `q` may follow a short
    /// label or period inside the bracket ("heroin fell to 232 kg (2022:
    /// 318 kg)"): the token of `(`.
    pub fn bracket_holding(&self, q: &Quantity) -> Option<usize> {
        let lo = q.pre.saturating_sub(BRACKET_LABEL + 1);
        let open =
            (lo..q.pre).rev().take_while(|&k| !self.scan.is_punct(k, ')')).find(|&k| self.scan.is_punct(k, '('))?;
        (open > 0 && self.scan.is_word(open - 1)).then_some(open)
    }

    pub(crate) fn word_lower(&self, k: usize) -> &str {
        self.scan.lower(k)
    }

    /// Tokens `s..e` name people ("suspected smugglers", "others fled").
    pub(crate) fn names_people(&self, (s, e): (usize, usize)) -> bool {
        (s..e).any(|k| self.lex.is_people_noun(self.word_lower(k)))
    }

    /// "the Canada Border Services Agency (CBSA)": the name an acronym in
    /// brackets stands for.
    fn expanded<'t>(&'t self, t: &Tagged<String>) -> Option<&'t Tagged<String>> {
        self.agencies.iter().find(|p| t.start > 0 && p.end + 1 == t.start && self.scan.is_punct(p.end, '('))
    }

    /// Where the words naming agency `t` end: past the rest of its name
    /// ("Customs Authority said"), its acronym in brackets ("Agency (PDEA)
    /// said") and its people ("(PNB) officers said").
    pub(crate) fn name_end(&self, t: &Tagged<String>) -> usize {
        let mut end = t.end;
        while self.scan.is_capitalised(end) {
            end += 1;
        }
        if self.scan.is_punct(end, '(') && self.scan.is_capitalised(end + 1) && self.scan.is_punct(end + 2, ')') {
            end += 3;
        }
        self.scan.phrase_at(&self.lex.grammar.personnel, end).map_or(end, |(_, e)| e)
    }

    /// The agency is handed a case ("handed the consignments and two suspects
    /// to the NDLEA"): past what was handed, back to a verb of handing over.
    pub(crate) fn handed_to(&self, t: &Tagged<String>) -> bool {
        let mut k = t.start;
        while k > 0 && t.start - k < 4 && (self.is_determiner(k - 1) || self.scan.is_capitalised(k - 1)) {
            k -= 1;
        }
        k > 0
            && self.scan.is(k - 1, "to")
            && (k.saturating_sub(HANDED_REACH)..k - 1).any(|j| self.listed(j, &self.lex.grammar.handing_verbs))
    }

    /// The agency is named as a helper ("with the assistance of the CBSA").
    pub(crate) fn is_helper(&self, t: &Tagged<String>) -> bool {
        if let Some(p) = self.expanded(t) {
            return self.is_helper(p);
        }
        if self.handed_to(t) || self.assists(t) {
            return true;
        }
        if !self.scan.has_any(&self.lex.grammar.agency_helpers) {
            return false;
        }
        // Back over "the" and the name's other words ("the Mizoram Police",
        // "the various security services").
        let mut k = t.start;
        while k > 0
            && t.start - k < 4
            && (self.is_determiner(k - 1)
                || self.scan.is_capitalised(k - 1)
                || self.scan.is_any(k - 1, AGENCY_QUALIFIERS))
        {
            k -= 1;
            if self.scan.phrase_before(&self.lex.grammar.agency_helpers, k, 5).is_some() {
                return true;
            }
        }
        if self.scan.phrase_before(&self.lex.grammar.agency_helpers, t.start, 5).is_some() {
            return true;
        }
        // "together with agents of the National Civil Police": back over
        // its people too.
        if k >= 2 && self.scan.is(k - 1, "of") {
            let people = self.scan.phrase_before(&self.lex.grammar.personnel, k - 1, 3);
            if people.is_some_and(|(_, p)| self.scan.phrase_before(&self.lex.grammar.agency_helpers, p, 5).is_some()) {
                return true;
            }
        }
        // "in a joint operation with the Indian Navy and the Gujarat Police":
        // an agency listed after a helper helps too ("together with border
        // police officers and customs inspectors": past its people).
        let in_place = |k: usize| self.places.iter().any(|p| p.tag.start <= k && k < p.tag.end);
        let people = |k: usize| self.listed(k, &self.lex.grammar.personnel);
        let prev = self.agencies.iter().rev().find(|p| p.end <= t.start);
        prev.is_some_and(|p| {
            let between = p.end..t.start;
            between.clone().any(|k| self.scan.is_any(k, &["and", "&"]))
                && between.into_iter().all(|k| {
                    self.scan.is_punct(k, ',') || self.scan.is_any(k, &["and", "the", "&"]) || in_place(k) || people(k)
                })
                && self.is_helper(p)
        })
    }

    /// True when agency `t` is the subject of a verb of assisting, past its
    /// acronym in brackets: "The Australian Federal Police (AFP) is
    /// assisting the Royal Papua New Guinea Constabulary" (not "Police,
    /// assisted by the army, seized…").
    pub(crate) fn assists(&self, t: &Tagged<String>) -> bool {
        let mut k = t.end;
        if self.scan.is_punct(k, '(') && self.scan.is_punct(k + 2, ')') {
            k += 3;
        }
        self.scan.phrase_at(&self.lex.grammar.assisting, k).is_some_and(|(_, end)| !self.scan.is(end, "by"))
    }

    /// True when agency `t` is named as the source of what the sentence
    /// reports: "according to the DNC", "a report released by the National
    /// Narcotics Control Commission".
    fn is_source(&self, t: &Tagged<String>) -> bool {
        if let Some(p) = self.expanded(t) {
            return self.is_source(p);
        }
        // Back over the name's other words ("the National …") to "by".
        let mut k = t.start;
        while k > 0 && t.start - k < 4 && (self.is_determiner(k - 1) || self.scan.is_capitalised(k - 1)) {
            k -= 1;
        }
        // "said the AFP and ABF had seized…" names the actor: only "according
        // to" and "by" after a verb of saying name a source.
        let according = k >= 2 && self.scan.is(k - 2, "according") && self.scan.is(k - 1, "to");
        according
            || k > 0
                && self.scan.is(k - 1, "by")
                && self.scan.phrase_before(&self.lex.grammar.reporting, k - 1, 2).is_some()
    }

    /// The first of the agencies coordinated with `t` ("PDEA and the PNP",
    /// "the police, customs and the navy"), `t` itself when it stands alone.
    fn first_conjunct<'t>(&'t self, t: &'t Tagged<String>) -> &'t Tagged<String> {
        // "Punjab Police and the Border Security Force (BSF)": from the
        // acronym back to the name it stands for, and on from there.
        let mut first = self.expanded(t).unwrap_or(t);
        while let Some(prev) = self.agencies.iter().rev().find(|p| p.end <= first.start) {
            // "The Narcotics Control Bureau (NCB) and the Indian Coast Guard".
            let in_place = |k: usize| self.places.iter().any(|p| p.tag.start <= k && k < p.tag.end);
            // ("CBP officers and Border Patrol agents", "Air and Marine
            // Operations (AMO) agents and…": with their people.)
            let people = |k: usize| {
                (k == prev.end || k > prev.end && self.scan.is_punct(k - 1, ')'))
                    && self.scan.phrase_at(&self.lex.grammar.personnel, k).is_some_and(|(_, e)| e == k + 1)
            };
            // ("The Federal Police (PF) and the Federal Revenue Service": past
            // an acronym in brackets the lexicon does not know.)
            let acronym = |k: usize| {
                self.scan.is_punct(k, '(')
                    || k > 0
                        && self.scan.is_punct(k - 1, '(')
                        && self.scan.is_punct(k + 1, ')')
                        && self.scan.is_capitalised(k)
            };
            let joined = (prev.end..first.start).all(|k| {
                self.scan.is_punct(k, ',')
                    || self.scan.is_punct(k, ')')
                    || acronym(k)
                    || self.scan.is_any(k, &["and", "the", "&"])
                    || in_place(k)
                    || people(k)
            }) && (prev.end == first.start || (prev.end..first.start).any(|k| !self.scan.is(k, "the")));
            // ("army troops": two names of one agency, side by side.)
            // "According to the DNC, law enforcers recovered…": a source
            // is not one of the actors, nor a helper ("…jointly with
            // customs officers, the army said").
            if !joined || self.is_source(prev) || self.is_helper(prev) && !self.is_helper(t) {
                break;
            }
            // "Italy's financial police, the Guardia di Finanza, have
            // seized…": a name set off by commas after another, with no
            // "and", is the same agency by its name, not a second one.
            // ("The police, the army, and customs seized…" lists three.)
            let listed_on = |k: usize| {
                self.scan.is_any(k, &["and", "&", "or"])
                    || self.agencies.iter().any(|n| n.start == k || n.start == k + 1 && self.scan.is(k, "the"))
            };
            let apposition = self.scan.is_punct(first.end, ',')
                && !listed_on(first.end + 1)
                && (prev.end..first.start).any(|k| self.scan.is_punct(k, ','))
                && !(prev.end..first.end).any(|k| self.scan.is_any(k, &["and", "&"]));
            if apposition {
                break;
            }
            first = prev;
        }
        first
    }

    /// Token `k` is a word of the (single-word) list `table`.
    pub fn listed(&self, k: usize, table: &Table<()>) -> bool {
        self.scan.is_word(k) && table.get(self.scan.lower(k)).is_some()
    }

    fn is_stop(&self, k: usize) -> bool {
        self.listed(k, &self.lex.grammar.np_stop)
    }

    pub(crate) fn is_determiner(&self, k: usize) -> bool {
        // "class A drugs": a capital letter naming a class is no article.
        self.listed(k, &self.lex.grammar.determiners)
            && !(k > 0 && self.scan.tok(k) == "A" && self.scan.is(k - 1, "class"))
    }

    /// A word that acts as a verb here: in -ed followed by no noun ("drugs
    /// seized"), or in -ing followed by an object ("confiscating over 1.5 tons").
    fn is_verbal(&self, k: usize) -> bool {
        // "the value of the seized pills": a participle between a
        // determiner and its noun is an adjective.
        let attributive = || {
            k > 0
                && self.is_determiner(k - 1)
                && self.scan.is_word(k + 1)
                && !self.is_stop(k + 1)
                && !self.scan.is_any(k + 1, &["and", "or"])
        };
        // "300 tonnes of cocaine pass through the port": an event's verb.
        if self.events.iter().any(|e| e.verb && e.tag.start == k) && !attributive() {
            return true;
        }
        let w = self.word_lower(k);
        if w.ends_with("ed") && w.len() > 4 {
            let next_is_noun = self.scan.is_word(k + 1)
                && !self.is_stop(k + 1)
                && !self.scan.is(k + 1, "and")
                && !self.scan.is(k + 1, "of");
            return !next_is_noun;
        }
        if w.ends_with("ing") && w.len() > 5 && self.lex.event_nouns.get(w).is_none() {
            // "confiscating over 1.5 tons", "narcotics circulating in Azerbaijan"
            return self.scan.is_number(k + 1)
                || self.scan.is_any(k + 1, &["the", "a", "an", "more", "about", "approximately", "some", "nearly"])
                || self.is_stop(k + 1);
        }
        false
    }

    fn in_period(&self, k: usize) -> bool {
        self.periods.iter().any(|m| m.toks.contains(&k))
    }

    /// The noun phrase starting at token `start`: `(first, one past last)`.
    ///
    /// After a count (`count`), a word in -ed that is not a known participle
    /// adjective is the count's verb ("184 involved shipments"), so there is no
    /// phrase; and the phrase ends after its counted noun unless "of" follows
    /// ("3 cases narcotic groups were identified" → "cases").
    pub fn np_after(&self, start: usize, count: bool) -> Option<(usize, usize)> {
        let g = &self.lex.grammar;
        let mut k = start;
        // "540g of 'Ice'": a quoted name.
        if ['\'', '"', '\u{2018}', '\u{201c}'].iter().any(|&c| self.scan.is_punct(k, c)) {
            k += 1;
        }
        while self.is_determiner(k) {
            k += 1;
        }
        if let Some((_, end)) = self.scan.phrase_at(&g.vague_leads, k) {
            k = end;
        }
        let first = k;
        // No phrase opens with a conjunction ("22,000 and those involving…"),
        // nor is "down 11.4 percent year on year" of years.
        let year_on_year =
            |k: usize| self.scan.is(k, "year") && self.scan.is(k + 1, "on") && self.scan.is(k + 2, "year");
        if self.scan.is_any(k, &["and", "or", "but"]) || year_on_year(k) {
            return None;
        }
        if count && self.scan.is_word(k) {
            // A participle is an adjective only before a noun ("5 armed men"),
            // else the count's verb ("184 involved…", "1,000 confirmed as…").
            let w = self.word_lower(k);
            let participle = self.scan.phrase_at(&g.participle_adjectives, k).is_some();
            let noun_follows = self.scan.is_word(k + 1) && !self.is_stop(k + 1);
            // A hyphenated word is an adjective ("7,500 drug-induced deaths");
            // "speed", "weed" and "seeds" are no participles.
            let ed = w.ends_with("ed") && !w.ends_with("eed");
            // ("The five accused face…": a participle that names people is
            // their noun.)
            let people = !noun_follows && self.scan.phrase_at(&g.people, k).is_some_and(|(_, e)| e == k + 1);
            if ed && w.len() > 3 && !w.contains('-') && !(participle && noun_follows) && !people {
                return None;
            }
        }
        // "the quantity of cannabis NACOC has seized": a clause with no
        // "that", whose subject is an agency right after a noun, ends the
        // phrase (not "officers of the police were…").
        let clause_subject = |k: usize| {
            let after_noun = !self.is_determiner(k - 1)
                && !self.is_stop(k - 1)
                && !crate::text::is_possessive(self.scan.tok(k - 1), false)
                && !self.scan.is_any(k - 1, &["of", "and", "or"]);
            after_noun
                && self
                    .agencies
                    .iter()
                    .any(|t| t.start == k && (self.scan.is_any(t.end, AUXILIARIES) || self.is_verbal(t.end)))
        };
        let mut words = 0;
        while k < self.scan.len() && words < 8 {
            // ("a 10 percent rise year on year")
            // ("6.5 tonnes of cocaine about 500 km south of the Azores": no
            // phrase runs into the next figure's hedge.)
            if !self.scan.is_word(k)
                || self.in_period(k)
                || self.is_stop(k)
                || (k > first && (self.is_verbal(k) || year_on_year(k) || clause_subject(k)))
                || (k > first && self.quantities.iter().any(|q| q.pre <= k && k < q.end))
                // ("67 kilos of cocaine south of Inagua": where it was.)
                || (k > first && self.listed(k, &self.lex.grammar.position_words) && self.scan.is(k + 1, "of"))
            {
                break;
            }
            if k > first && self.scan.is_any(k, &["a", "an"]) && self.is_determiner(k) && !self.scan.is(k - 1, "of") {
                // "500 tonnes of cocaine a year"
                break;
            }
            if self.scan.is(k, "and") {
                // "heroin and morphine" goes on; ", and over 103 kg" does not.
                // Nor does "and shut down 12 laboratories": a verb with its object.
                // ("of cocaine and marijuana this year": a drug is no verb.)
                let drug = self.substances.iter().any(|t| t.start == k + 1 && t.end == k + 2);
                let takes_object = !drug
                    && (self.scan.is_number(k + 2)
                        || self.is_determiner(k + 2)
                        || self.scan.is_any(k + 2, &["down", "up", "off", "out"]));
                // Nor "in cash and two kilos of cannabis", "of fentanyl and
                // more than $2.5 million", "in cash and three encrypted
                // phones": another figure. Nor "the arrest of
                // 21,357 drug personalities and the seizure of…": a phrase of
                // its own.
                if !self.scan.is_word(k + 1)
                    || self.quantities.iter().any(|q| q.start == k + 1 || q.pre == k + 1)
                    || self.scan.phrase_at(&self.lex.cardinals, k + 1).is_some()
                    || self.is_stop(k + 1)
                    || self.is_determiner(k + 1)
                    || self.events.iter().any(|e| e.tag.start == k + 1)
                    || self.scan.phrase_at(&g.vague_amounts, k + 1).is_some()
                    || takes_object
                    // Nor "5 kg of heroin and jewellery worth $20,000": a
                    // drug, then a thing that is none.
                    || self.listed(k + 1, &g.non_drug_things)
                        && self.substances.iter().any(|t| t.start >= first && t.end <= k)
                {
                    break;
                }
            }
            // ("14 seizures of more than a kilogram": a measure, not a noun.)
            let measure = || {
                self.scan.phrase_at(&self.lex.approx, k + 1).is_some_and(|(_, e)| {
                    self.scan.is_number(e)
                        || self.scan.phrase_at(&self.lex.cardinals, e).is_some()
                        || self.scan.is_any(e, &["a", "an"])
                })
            };
            // ("drugs of all kinds": no kind named.)
            if self.scan.is(k, "of")
                && (!self.scan.is_word(k + 1)
                    || self.is_stop(k + 1)
                    || self.of_nationality(k + 1)
                    || measure()
                    || self.scan.phrase_at(&g.kind_tails, k + 1).is_some())
            {
                break;
            }
            if count {
                if let Some((hit, end)) = self.scan.phrase_at(&self.lex.counted, k) {
                    // Inside an of-phrase, a counted noun before another noun
                    // modifies it: "members of an organised crime group".
                    let modifier = (first..k).any(|j| self.scan.is(j, "of"))
                        && self.scan.is_word(end)
                        && !self.is_stop(end)
                        && !self.is_verbal(end)
                        && !self.scan.is_any(end, &["and", "or"]);
                    if hit.value().is_some() && !self.scan.is(end, "of") && end > k && !modifier {
                        k = end;
                        // "5,448 deaths related to drug poisoning": what the
                        // counted noun is of.
                        if let Some((_, related)) = self.scan.phrase_at(&g.noun_relations, end) {
                            if let Some((_, e)) = self.np_after(related, false) {
                                k = e;
                            }
                        }
                        break;
                    }
                }
            }
            k += 1;
            words += 1;
        }
        while k > first && self.scan.is_any(k - 1, &["and", "of", "other"]) {
            k -= 1;
        }
        (k > first).then_some((first, k))
    }

    /// True when token `k` opens a nationality ("of Colombian, Ecuadorian
    /// and Brazilian nationality"): capitalised words, commas and "and"
    /// up to a nationality noun. People's nationality is not what is counted.
    fn of_nationality(&self, k: usize) -> bool {
        let mut j = k;
        while j < k + NATIONALITY_WORDS
            && (self.scan.is_capitalised(j) || self.scan.is_punct(j, ',') || self.scan.is_any(j, &["and", "or"]))
        {
            j += 1;
        }
        j > k && self.scan.phrase_at(&self.lex.grammar.nationality_nouns, j).is_some()
    }

    /// The subject noun phrase ending just before token `end`, not reaching
    /// back past `lo`: `(first, end)`. A phrase inside a prepositional phrase
    /// ("individuals brought to justice for drug-related crimes") is not one.
    fn np_before(&self, lo: usize, end: usize) -> Option<(usize, usize)> {
        let (start, in_pp) = self.phrase_ending(lo, end)?;
        (!in_pp).then_some((start, end))
    }

    /// True for a comma that bounds no clause: one listing places ("in
    /// Spain, France and Portugal").
    fn lists_places(&self, k: usize) -> bool {
        self.scan.is_punct(k, ',') && self.bounds.binary_search(&k).is_err()
    }

    /// The noun phrase ending just before token `end`, not reaching back past
    /// `lo`: its first token, and whether it sits after a preposition or a
    /// verb (then it is no subject, but may be an object).
    fn phrase_ending(&self, lo: usize, end: usize) -> Option<(usize, bool)> {
        let mut start = end;
        let reporting = |k: usize| self.scan.phrase_at(&self.lex.grammar.reporting, k).is_some();
        while start > lo
            && (self.scan.is_word(start - 1) || self.lists_places(start - 1))
            && !self.is_stop(start - 1)
            && !self.is_determiner(start - 1)
            && !reporting(start - 1)
        {
            start -= 1;
        }
        let mut k = start;
        while k > lo && self.is_determiner(k - 1) {
            k -= 1;
        }
        // "…, as opium production increased", "…, when the area under poppy
        // fell": a conjunction opening the clause joins it; no preposition
        // governs the phrase.
        let joins = k == lo + 1 && self.scan.is_any(lo, CLAUSE_CONJUNCTIONS);
        // "…, with the mean purity ranging between 61 % and 78 %": the
        // subject of a participle after "with".
        let absolute = k > 0 && self.scan.is(k - 1, "with") && self.scan.lower(end).ends_with("ing");
        let in_pp = k > lo
            && self.is_stop(k - 1)
            && !joins
            && !absolute
            && !self.scan.is_any(k - 1, &["that", "which", "were", "was", "is", "are"]);
        (start < end).then_some((start, in_pp))
    }

    /// The end of an elaboration that follows a phrase ending at `end`
    /// (", including methadone and psychotropic substances", "(mostly
    /// fentanyl)"), if any.
    pub fn elaboration_end(&self, end: usize) -> Option<usize> {
        let k = if self.scan.is_punct(end, ',') || self.scan.is_punct(end, '(') { end + 1 } else { end };
        let (_, after) = self.scan.phrase_at(&self.lex.grammar.elaboration, k)?;
        self.np_after(after, false).map(|(_, e)| e)
    }

    /// Lower-case text of tokens `a..b` without determiners.
    pub fn phrase_text(&self, a: usize, b: usize) -> String {
        let mut out = String::new();
        for k in a..b {
            // "year-to-date seizures of cocaine": no period leads the phrase.
            if self.is_determiner(k) || out.is_empty() && self.in_period(k) {
                continue;
            }
            if !out.is_empty() && self.scan.toks[k].space_before {
                out.push(' ');
            }
            let w = self.word_lower(k);
            if w.contains('\u{2019}') {
                out.push_str(&w.replace('\u{2019}', "'"));
            } else {
                out.push_str(w);
            }
        }
        match out.trim() {
            t if t.len() == out.len() => out,
            t => t.to_owned(),
        }
    }
}

/// What a quantity measures: its noun phrase and the counted noun's event.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct What {
    /// The words, lower case.
    pub text: Option<String>,
    /// Tokens of the noun phrase (in this sentence), if it has one here.
    pub np: Option<(usize, usize)>,
    /// The phrase with any elaboration after it (", including methadone"):
    /// substances named there belong to this quantity.
    pub extent: Option<(usize, usize)>,
    /// The counted noun heading it ("crimes", "suspects"), if any.
    pub head: Option<String>,
    /// The event the counted noun implies, when it implies one.
    pub head_event: Option<Event>,
    /// The count is introduced by "in" ("in 12 cases, officers seized…"): the
    /// verb, not the noun, says what happened.
    pub adverbial: bool,
    /// The earlier figure of the sentence this share is the change in ("an
    /// increase of 12%" after "1,172 deaths"): its index among the
    /// sentence's quantities. The share takes that figure's event.
    pub changes: Option<usize>,
    /// The earlier figure of the sentence this one is compared with ("131
    /// drug labs, compared with 100 the year before"): its index among the
    /// sentence's quantities. With no event of its own, the figure takes
    /// that one's.
    pub compares: Option<usize>,
}

impl What {
    fn phrase(a: &Analysis, np: (usize, usize)) -> What {
        What { text: Some(a.phrase_text(np.0, np.1)), np: Some(np), ..What::default() }
    }

    fn counted(a: &Analysis, np: (usize, usize), text: String, adverbial: bool) -> What {
        let (head, head_event) = counted_head(a, np);
        What { text: Some(text), np: Some(np), head, head_event, adverbial, ..What::default() }
    }
}

fn counted_head(a: &Analysis, np: (usize, usize)) -> (Option<String>, Option<Event>) {
    for k in np.0..np.1 {
        if let Some((hit, end)) = a.scan.phrase_at(&a.lex.counted, k) {
            if end <= np.1 {
                if let Some(ev) = hit.value() {
                    return (Some(a.phrase_text(k, end)), *ev);
                }
            }
        }
    }
    (None, None)
}

/// A sentence that opens with a partitive ("Of the suspects, 298 have been
/// convicted") gives its counts that noun.
pub fn leading_partitive(a: &Analysis) -> Option<What> {
    if !a.scan.is(0, "of") {
        return None;
    }
    let np = a.np_after(1, true)?;
    let w = What::counted(a, np, a.phrase_text(np.0, np.1), false);
    w.head.is_some().then_some(w)
}

/// "Captagon, whose trade was estimated at $10 billion a year": the subject
/// of a relative clause on a drug, which it is of ("captagon trade"; the
/// drug is its extent).
fn whose_subject(a: &Analysis, q: &Quantity) -> Option<What> {
    let (lo, _) = a.clause(q.start);
    let whose = (lo.saturating_sub(1)..=lo).find(|&k| a.scan.is(k, "whose"))?;
    let drug = a.substances.iter().find(|t| t.end + 1 == whose && a.scan.is_punct(t.end, ','))?;
    let (s, e) = a.np_after(whose + 1, false).filter(|&(_, e)| e <= q.pre)?;
    let text = format!("{} {}", a.phrase_text(drug.start, drug.end), a.phrase_text(s, e));
    Some(What { text: Some(text), extent: Some((drug.start, drug.end)), ..What::default() })
}

/// The `what` of quantity `q`, given the head of the previous count (in this
/// sentence or the one it continues) for elliptical counts ("8 of Turkey").
pub fn what_of(a: &Analysis, q: &Quantity, inherited: Option<&What>) -> What {
    // "decreased by 595", "rose by 120 kg": a change, of the subject before
    // its verb (a share's is read with the other percentages).
    let changed_by =
        || (q.unit != Unit::Percent && q.pre > 0 && a.scan.is(q.pre - 1, "by")).then(|| change_what(a, q)).flatten();
    let mut w = match bracketed_share_of(a, q).or_else(|| comparative_what(a, q)).or_else(changed_by) {
        Some(w) => w,
        None => match q.unit.dimension() {
            Dimension::Count => count_what(a, q, inherited),
            Dimension::Money => money_what(a, q),
            _ => amount_what(a, q),
        },
    };
    if w.text.is_none() {
        if let Some(np) = appositive_of(a, q) {
            w = What::counted(a, np, a.phrase_text(np.0, np.1), false);
        }
    }
    if w.text.is_none() {
        if let Some(whose) = whose_subject(a, q) {
            w = whose;
        }
    }
    // "a homicide rate of 1.9 per 100,000": the rate names what it is of.
    let rate_of = q.unit == Unit::Count && q.pre >= 3 && a.scan.is(q.pre - 1, "of") && a.scan.is(q.pre - 2, "rate");
    if w.text.is_none() && rate_of && a.scan.is_word(q.pre - 3) && !a.is_determiner(q.pre - 3) {
        w.text = Some(a.phrase_text(q.pre - 3, q.pre - 1));
    }
    // "arrested its crew of six": the group the number is the size of.
    let group_of = q.unit == Unit::Count && q.pre >= 2 && a.scan.is(q.pre - 1, "of");
    if group_of && w.np.is_none_or(|(s, _)| s < q.end) {
        if let Some((_, s)) = a.scan.phrase_before(&a.lex.grammar.group_sizes, q.pre - 1, 1) {
            w = What::counted(a, (s, q.pre - 1), a.phrase_text(s, q.pre - 1), false);
        }
    }
    // "with a conviction rate of 68 percent", "a purity of 60%": the noun
    // the share is of.
    if w.text.is_none() && q.unit == Unit::Percent && q.pre >= 2 && a.scan.is(q.pre - 1, "of") {
        let (lo, _) = a.clause(q.start);
        // (After a preposition too: "with a conviction rate of".)
        if let Some((s, _)) = a.phrase_ending(lo, q.pre - 1).filter(|&(s, _)| s < q.pre - 1) {
            w = What::phrase(a, (s, q.pre - 1));
        }
    }
    if w.text.is_none() && q.unit != Unit::Count {
        // "sentenced to 17 years", "ordered to forfeit $1.2 million".
        // ("jailed for a combined 68 years": past what sums the terms.)
        let k = a.scan.phrase_before(&a.lex.grammar.total, q.pre, 3).map_or(q.pre, |(_, start)| start);
        // ("fined a businessman Sh100 million", "fined him $5,000": the one
        // penalised may stand between.)
        let penalty = (k.saturating_sub(PENALISED_WORDS)..=k).rev().find_map(|j| {
            let object = (j..k).all(|t| a.scan.is_word(t) && !a.events.iter().any(|e| e.tag.start == t));
            a.scan.phrase_before(&a.lex.grammar.penalties, j, 3).filter(|_| object)
        });
        if let Some((hit, _)) = penalty {
            w.text = hit.value().cloned();
        } else if q.unit == Unit::Year {
            // "was sentenced by U.S. District Judge Brian C. Wimes to 151
            // months", "Stevens was sentenced to 17 years and Cole to 14
            // years", "sentenced to a combined 96 years": the term a verb of
            // sentencing gives, a few words back.
            // ("received 14 and 12 years": from the list's first.)
            let pre = bare_list(a, q).0.pre;
            let from = pre.saturating_sub(SENTENCED_WORDS);
            // ("His deputy received 15 years": so does a verb of a term.)
            let term = pre > 0 && a.listed(pre - 1, &a.lex.grammar.term_verbs);
            if term || (from..pre).any(|k| a.scan.is(k, "sentenced")) {
                w.text = Some("prison sentence".to_owned());
            }
        }
    }
    w.extent = match w.np {
        Some((s, e)) => Some((s, a.elaboration_end(e).unwrap_or(e))),
        // "…of shabu worth P18.4 billion": the thing valued, named before;
        // "cocaine consumption increased by 18%": the subject of a change.
        None => w.extent,
    };
    if q.unit == Unit::Count {
        w.text = w.text.map(|t| with_rate_base(a, q, t));
    }
    // "moving around 80 kilos a week", "50 kg of cocaine every month": an
    // amount in each span of time, written after the figure or its phrase.
    if matches!(q.unit.dimension(), Dimension::Mass | Dimension::Volume | Dimension::Money) {
        let after = w.np.filter(|np| np.0 >= q.end).map_or(q.end, |np| np.1);
        if let Some(base) = rate_base(a, q.end).or_else(|| rate_base(a, after)) {
            w.text = match w.text.take() {
                Some(t) if t.contains(" per ") => Some(t),
                Some(t) => Some(format!("{t}{base}")),
                None => Some(base.trim_start().to_owned()),
            };
        }
    }
    w
}

/// A plural noun's singular, by its ending ("bales" → "bale", "cases" →
/// "case", "boxes" → "box"); other words as they are.
fn singular(word: &str) -> &str {
    let sibilant = ["sses", "xes", "ches", "shes"].iter().any(|end| word.ends_with(end));
    if sibilant {
        &word[..word.len() - 2]
    } else if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        &word[..word.len() - 1]
    } else {
        word
    }
}

/// Tokens back from "to" before an agency a verb of handing over may stand
/// ("handed the consignments and two suspects to").
const HANDED_REACH: usize = 8;

/// Conjunctions that may open a clause before its subject ("…, when the
/// area under poppy fell from…").
const CLAUSE_CONJUNCTIONS: &[&str] =
    &["as", "while", "whereas", "although", "though", "but", "when", "where", "then", "because", "since", "once"];

/// Tokens a verb of sentencing may stand before its term.
const SENTENCED_WORDS: usize = 16;

/// Words naming the one penalised between a penalty and its sum ("fined a
/// businessman Sh100 million").
const PENALISED_WORDS: usize = 3;

/// The times a count may be given per ("20 deaths per day").
const RATE_TIMES: &[&str] = &["day", "week", "month", "year", "hour", "minute"];

/// The times a count is a rate of when given "a", "each" or "every" one
/// ("22 deaths a day").
const SHORT_RATE_TIMES: &[&str] = &["day", "week", "month", "hour", "minute"];

/// Adverbs that make a count a rate, with their time ("22 deaths daily").
const SHORT_RATES: &[(&str, &str)] = &[("daily", "day"), ("weekly", "week"), ("monthly", "month"), ("hourly", "hour")];

/// Tokens a label may take between a bracket and its figure ("(2022: 318 kg)").
const BRACKET_LABEL: usize = 3;

/// Words a key figure's label may have.
const LABEL_WORDS: usize = 8;

/// Verbs that make a clause of the words before a colon.
const FINITE_AUXILIARIES: &[&str] = &["is", "are", "was", "were", "has", "have", "had", "will"];

/// The colon after a key figure's label opening the sentence ("Persons
/// arrested: 1,046", "Cocaine: 1,980 kg"), when a number follows it. (A
/// clause is no label: "Heroin … was seized in Ecuador: 2 kg".)
pub fn label_end(s: &Scan) -> Option<usize> {
    let k = (1..=LABEL_WORDS.min(s.len())).find(|&k| s.is_punct(k, ':'))?;
    let words = (0..k).all(|j| (s.is_word(j) && !s.is_any(j, FINITE_AUXILIARIES)) || s.is_punct(j, '-'));
    (words && (k + 1..s.len().min(k + 4)).any(|j| s.is_number(j))).then_some(k)
}

/// "West Virginia had the highest overdose death rate, at 47.5 per 100,000
/// residents": a figure after ", at" restates the phrase before the comma.
fn appositive_of(a: &Analysis, q: &Quantity) -> Option<(usize, usize)> {
    // "Persons arrested: 1,046", "Total drugs seized: 6,472 kg": a key
    // figure after its label.
    if let Some(k) = label_end(&a.scan).filter(|&k| k + 1 == q.pre) {
        return Some((0, k));
    }
    if !(q.pre > 2 && a.scan.is(q.pre - 1, "at") && a.scan.is_punct(q.pre - 2, ',')) {
        return None;
    }
    let end = q.pre - 2;
    let lo = a.clause(end - 1).0;
    let (start, in_pp) = a.phrase_ending(lo, end)?;
    // "the highest drug death rate in Europe, at about 19 per 100,000": the
    // phrase before where it is.
    if let Some(prep) = preposition_before(a, lo, start, &["in", "across", "among", "within"]).filter(|_| in_pp) {
        if let Some((before, _)) = a.phrase_ending(lo, prep) {
            return Some((before, prep));
        }
    }
    Some((start, end))
}

/// The preposition, one of `preps`, that opens the phrase starting at token
/// `start` (past its determiners), after token `lo`.
fn preposition_before(a: &Analysis, lo: usize, start: usize, preps: &[&str]) -> Option<usize> {
    let mut p = start;
    while p > lo && a.is_determiner(p - 1) {
        p -= 1;
    }
    (p > lo + 1 && a.scan.is_any(p - 1, preps)).then(|| p - 1)
}

/// "seized 2,500 kilos less cocaine than in 2023", "made 40 more arrests
/// than a year before": a difference, the change in what follows the
/// comparative.
fn comparative_what(a: &Analysis, q: &Quantity) -> Option<What> {
    let s = &a.scan;
    let noun = s.is_word(q.end).then(|| a.lex.grammar.comparatives.get(s.lower(q.end))).flatten()?.value()?;
    let np = a.np_after(q.end + 1, q.unit.dimension() == Dimension::Count)?;
    // "… more heroin in 2024 than in 2023": a few words may come between.
    let than = (np.1..np.1 + 5).take_while(|&k| s.kind(k) != Some(crate::text::Kind::Punct)).any(|k| s.is(k, "than"));
    if !than {
        return None;
    }
    Some(What { text: Some(format!("{noun} in {}", a.phrase_text(np.0, np.1))), extent: Some(np), ..What::default() })
}

/// "The drugs, weighing 60kg, were found", "packages with a total weight of
/// 12 kg": the thing a weight is given for, right before the words that
/// give it.
fn weighed(a: &Analysis, q: &Quantity) -> Option<(usize, usize)> {
    if q.unit.dimension() != Dimension::Mass {
        return None;
    }
    let (_, start) = a.scan.phrase_before(&a.lex.grammar.weighing, q.pre, 6)?;
    let end = if start > 0 && a.scan.is_punct(start - 1, ',') { start - 1 } else { start };
    let lo = a.clause(end.saturating_sub(1)).0;
    let (mut np_start, mut in_pp) = a.phrase_ending(lo, end)?;
    // "1,240 detections of methamphetamine at the border, weighing a
    // combined 4.1 tonnes": the detections are weighed, not the border.
    let mut end = end;
    while in_pp {
        let mut prep = np_start;
        while prep > lo && a.is_determiner(prep - 1) {
            prep -= 1;
        }
        prep -= 1;
        if a.scan.is(prep, "of") || !a.listed(prep, &a.lex.grammar.subject_prepositions) {
            break;
        }
        let Some((start, pp)) = a.phrase_ending(lo, prep) else { break };
        (np_start, in_pp, end) = (start, pp, prep);
    }
    // "86 million captagon pills, weighing 13 tonnes": the pills, after
    // their number.
    let np_start =
        a.quantities.iter().filter(|p| p.end > np_start && p.end <= end).map(|p| p.end).max().unwrap_or(np_start);
    (np_start < end).then_some((np_start, end))
}

/// "Almost half (46.3%) of all drug poisoning deaths", "over two-thirds
/// (3,619) of deaths": a figure in brackets after a share in words is of
/// what the share is of.
fn bracketed_share_of(a: &Analysis, q: &Quantity) -> Option<What> {
    a.bracket_after_word(q)?;
    if !(a.scan.is_punct(q.end, ')') && a.scan.is(q.end + 1, "of")) {
        return None;
    }
    // Its head names the event, as a count's does: a share of deaths is of
    // casualties, whatever verb follows ("… registered in 2023 involved an
    // opiate").
    let np = a.np_after(q.end + 2, q.unit.dimension() == Dimension::Count)?;
    Some(What::counted(a, np, a.phrase_text(np.0, np.1), false))
}

/// "4,299 kg of narcotic drugs", "903 kg 454 grams are heroin", "95% of the
/// narcotics", "a 95% drop", "a 661 kilometer border".
fn amount_what(a: &Analysis, q: &Quantity) -> What {
    let s = &a.scan;
    // "81 bales of around 33 kilos each", "1,000 tea bags weighing one kilo
    // each", "40 packets, each weighing 1 kg": the weight of one of the
    // things counted, not a haul of its own.
    let weight_of = |k: usize| s.is(k, "of") || s.is(k, "weighing");
    let each_after = s.is(q.end, "each") && q.pre >= 2 && weight_of(q.pre - 1);
    let each_before = q.pre >= 3 && s.is(q.pre - 1, "weighing") && s.is(q.pre - 2, "each");
    let head = if each_after {
        Some(q.pre - 2)
    } else if each_before {
        Some(q.pre - 3 - usize::from(s.is_punct(q.pre - 3, ',') && q.pre >= 4))
    } else {
        None
    };
    // ("1,000 tea bags of shabu weighing…": the things, not their drug.)
    let head = head.map(|h| match h {
        h if h >= 2 && s.is(h - 1, "of") && a.substances.iter().any(|t| t.end == h + 1) => h - 2,
        h => h,
    });
    if let Some(head) = head.filter(|_| q.unit.dimension() == Dimension::Mass) {
        let counted = a.quantities.iter().any(|p| p.unit == Unit::Count && p.end <= head && head - p.end < 2);
        if counted && s.is_word(head) {
            return What { text: Some(format!("weight of each {}", singular(s.lower(head)))), ..What::default() };
        }
    }
    // "Methamphetamine accounted for 17.4 tonnes of the total": a part of a
    // figure named before measures what the sentence names, not "total".
    let part_of_before = q.unit != Unit::Percent && s.phrase_at(&a.lex.grammar.partitive_anaphora, q.end).is_some();
    // "an estimated 45,200 hectares under poppy cultivation": the land under it.
    if q.unit.dimension() == Dimension::Area && s.is(q.end, "under") {
        if let Some(np) = a.np_after(q.end + 1, false) {
            let text = format!("area under {}", a.phrase_text(np.0, np.1));
            return What { text: Some(text), extent: Some(np), ..What::default() };
        }
    }
    // "destroyed poppy cultivation on 4,200 hectares of land": the crop a
    // verb acted on, on the land, not the land; "where hemp grows across
    // some 138,000 hectares": the land under the crop that grows there.
    if q.unit.dimension() == Dimension::Area && q.pre >= 2 && s.is_any(q.pre - 1, &["on", "over", "across"]) {
        let grows = s.is_any(q.pre - 2, &["grows", "grow", "grew", "growing"]);
        let end = q.pre - 1 - usize::from(grows);
        let lo = a.clause(q.start).0;
        let mut start = end;
        while start > lo && s.is_word(start - 1) && !a.is_stop(start - 1) && !a.is_verbal(start - 1) {
            start -= 1;
        }
        let object = start > lo && start < end && a.is_verbal(start - 1);
        let crop = start < end && a.substances.iter().any(|t| t.start >= start && t.end <= end);
        if crop && grows {
            let text = format!("area under {}", a.phrase_text(start, end));
            return What { text: Some(text), extent: Some((start, end)), ..What::default() };
        }
        if crop && object {
            return What::phrase(a, (start, end));
        }
    }
    if s.is(q.end, "of") && !part_of_before {
        // "around one fifth of the 7,500 drug-induced deaths": a share of
        // a count is of what that counts.
        // ("64 percent of the country's 42,000 barangays": past a possessive.)
        let mut k = q.end + 1 + usize::from(a.is_determiner(q.end + 1));
        k += usize::from(crate::text::is_possessive(s.tok(k), true));
        let whole = a.quantities.iter().find(|p| p.start == k && p.unit == Unit::Count);
        let np = match whole {
            Some(w) if q.unit == Unit::Percent => a.np_after(w.end, true),
            _ => a.np_after(q.end + 1, false),
        };
        // "Drug use prevalence is about 5.9% of the population", "Cannabis
        // use rose to 2.6% of the population": a share of a population after
        // a copula or a verb of count measures the verb's subject.
        let population = np.is_some_and(|(_, e)| e > 0 && a.listed(e - 1, &a.lex.grammar.population_nouns));
        let verb = match q.pre {
            0 => None,
            k if a.scan.is_any(k - 1, &["is", "are", "was", "were"]) => Some(k - 1),
            k if k >= 2 && a.scan.is(k - 1, "to") && a.listed(k - 2, &a.lex.grammar.count_verbs) => Some(k - 2),
            _ => None,
        };
        if let Some(verb) = verb.filter(|_| q.unit == Unit::Percent && population) {
            let lo = a.clause(q.start).0;
            if let Some(subject) = subject_before(a, lo, before_auxiliaries(a, lo, verb)).map(|np| without_place(a, np))
            {
                return What::phrase(a, subject);
            }
        }
        // "Fentanyl was detected in 85% of deaths": a share of things
        // counted is of their event, as their count is.
        if q.unit == Unit::Percent {
            return np.map(|np| What::counted(a, np, a.phrase_text(np.0, np.1), false)).unwrap_or_default();
        }
        return np.map(|np| What::phrase(a, np)).unwrap_or_default();
    }
    // "The fall of 62% is partly explained by…", "a rise of 20% in
    // seizures": the change the figure measures.
    if q.unit == Unit::Percent && q.pre >= 2 && s.is(q.pre - 1, "of") && s.is_word(q.pre - 2) {
        if let Some(noun) = a.lex.grammar.change_nouns.get(s.lower(q.pre - 2)).and_then(|n| n.value()) {
            let noun = What { text: Some(noun.clone()), ..What::default() };
            return change_what(a, q).filter(|w| w.text.is_some()).unwrap_or(noun);
        }
        // "with a purity of 85 per cent": a measure of the drug.
        let attribute = s.lower(q.pre - 2);
        if a.lex.grammar.drug_attributes.get(attribute).is_some() {
            return What { text: Some(attribute.to_owned()), ..What::default() };
        }
    }
    // "exceeding the annual target of 9,000 hectares", "a legal limit of
    // 22,000 hectares": a figure set, not one reached.
    if q.pre >= 2 && s.is(q.pre - 1, "of") && a.listed(q.pre - 2, &a.lex.grammar.target_nouns) {
        let noun_end = q.pre - 1;
        if let Some((start, _)) = a.phrase_ending(a.clause(q.start).0, noun_end) {
            return What { text: Some(a.phrase_text(start, noun_end)), ..What::default() };
        }
    }
    // "The seizure brings to 39,114 kilograms the amount of drugs seized so
    // far this year": the object raised, after its new figure.
    if q.pre >= 2 && s.is(q.pre - 1, "to") && a.listed(q.pre - 2, &a.lex.grammar.raise_verbs) {
        if let Some(np) = a.np_after(q.end, false) {
            return What::phrase(a, np);
        }
    }
    // "903 kg 454 grams are heroin", but "12.3 kg was recovered" is a passive:
    // its participle names no drug.
    if s.is_any(q.end, &["are", "is", "were", "was"]) {
        let participle = |k: usize| {
            let w = a.scan.lower(k);
            (w.len() > 3 && w.ends_with("ed")) || a.events.iter().any(|e| e.verb && e.tag.start == k)
        };
        // "The fall of 62% is partly explained by…": an adverb before it too.
        let adverb = |k: usize| a.scan.lower(k).len() > 4 && a.scan.lower(k).ends_with("ly");
        return a
            .np_after(q.end + 1, false)
            .filter(|np| !(participle(np.0) || (adverb(np.0) && participle(np.0 + 1))))
            .map(|np| What::phrase(a, np))
            .unwrap_or_default();
    }
    // "402 kg 350 grams opium, and 96 kg heroin": a drug named right after
    // its weight, with no "of"; in a list of weights ("612 kilos marijuana
    // and 269 kilos other substances"), whatever is named there.
    if q.unit.dimension() == Dimension::Mass {
        let listed = q.pre > 0
            && (s.is_any(q.pre - 1, &["and", "or"]) || s.is_punct(q.pre - 1, ','))
            && a.quantities.iter().any(|p| p.end < q.pre && p.unit.dimension() == Dimension::Mass);
        if let Some(np) = a.np_after(q.end, false) {
            if listed || a.substances.iter().any(|t| t.start == q.end) {
                return What::phrase(a, np);
            }
        }
    }
    // "a 1.2-tonne shipment of cocaine": the unit joined to its number
    // describes the noun after it.
    let adjectival = q.end >= 2 && s.is_punct(q.end - 2, '-') && s.glued(q.end - 2) && s.glued(q.end - 1);
    if adjectival && q.unit.dimension() == Dimension::Mass {
        if let Some(np) = a.np_after(q.end, false) {
            return What::phrase(a, np);
        }
    }
    if matches!(q.unit, Unit::Percent | Unit::Km | Unit::Hectare) {
        // "18% more than a year before", "still 93 percent below 2022
        // levels": a change, of the subject when there is one ("Heroin
        // seizures were 30% lower than in 2022").
        if let Some(noun) = a.scan.is_word(q.end).then(|| a.lex.grammar.change_nouns.get(a.scan.lower(q.end))).flatten()
        {
            let compared = a.scan.is(q.end + 1, "than") || a.scan.is_any(q.end, &["below", "above"]);
            if let Some(noun) = noun.value().filter(|_| q.unit == Unit::Percent && compared) {
                let text = match subject_np(a, q, false) {
                    Some((s, e)) => format!("{noun} in {}", a.phrase_text(s, e)),
                    None => noun.clone(),
                };
                return What { text: Some(text), ..What::default() };
            }
        }
        // ("the 232,000 hectares recorded in 2022": a participle, no phrase;
        // "is 1,600 km long": an extent, of the subject.)
        let extent = q.unit == Unit::Km && a.listed(q.end, &a.lex.grammar.extent_adjectives);
        if let Some(np) = a.np_after(q.end, false).filter(|np| !a.is_verbal(np.0) && !extent) {
            return What::phrase(a, np);
        }
        // "318 plots covering about 9 hectares", "The operation covered 12
        // hectares": the area of what a verb of extent has cover it.
        if q.unit.dimension() == Dimension::Area && q.pre > 0 && a.listed(q.pre - 1, &a.lex.grammar.area_verbs) {
            let lo = a.clause(q.start).0;
            if let Some((start, _)) = a.phrase_ending(lo, q.pre - 1) {
                let text = format!("area of {}", a.phrase_text(start, q.pre - 1));
                return What { text: Some(text), extent: Some((start, q.pre - 1)), ..What::default() };
            }
        }
        if q.unit == Unit::Percent {
            // "Purity has risen to an average of 67 per cent".
            return change_what(a, q)
                .or_else(|| subject_np(a, q, false).map(|np| What::phrase(a, np)))
                .unwrap_or_default();
        }
        // "The area under cultivation increased … to 12,800 hectares",
        // "… fell by 95 per cent in 2023, to 10,800 hectares".
        return subject_np(a, q, false)
            .or_else(|| sentence_subject(a, q))
            .map(|np| What::phrase(a, np))
            .unwrap_or_default();
    }
    // "seizures of cocaine (120 tonnes) and heroin (20 tonnes)": the drug
    // the brackets follow.
    if let Some(drug) = a.bracket_after_word(q).and_then(|open| a.substances.iter().find(|t| t.end == open)) {
        return What::phrase(a, (drug.start, drug.end));
    }
    if let Some(np) = weighed(a, q) {
        return What::phrase(a, np);
    }
    // "followed by ketamine with 91 kg and marijuana with 68 kg", "hashish
    // accounted for 1,214 kg, heroin for 312 kg", "followed by poppy straw
    // at 28,000 kg": the drug a weight comes with or stands for.
    if q.pre >= 2 && s.is_any(q.pre - 1, &["with", "for", "at"]) {
        if let Some(drug) = a.substances.iter().find(|t| t.end == q.pre - 1) {
            return What::phrase(a, (drug.start, drug.end));
        }
    }
    // "Methamphetamine seized at the border remained high, at roughly
    // 150,000 pounds": the subject of the state the figure puts a number on.
    if q.pre > 3 && s.is(q.pre - 1, "at") && s.is_punct(q.pre - 2, ',') && s.is_word(q.pre - 3) {
        if let Some((_, copula)) = s.phrase_before(&a.lex.grammar.copulas, q.pre - 3, 3) {
            let lo = a.clause(copula.saturating_sub(1)).0;
            if let Some(np) = subject_before(a, lo, copula) {
                return What::phrase(a, without_place(a, np));
            }
        }
    }
    // "The seized narcotics amounted to 110 kg": the subject before the verb;
    // "Production rose by 53%, to 2,664 tonnes".
    subject_np(a, q, false).or_else(|| sentence_subject(a, q)).map(|np| What::phrase(a, np)).unwrap_or_default()
}

fn count_what(a: &Analysis, q: &Quantity, inherited: Option<&What>) -> What {
    let s = &a.scan;
    let adverbial = q.pre > 0 && s.is(q.pre - 1, "in");
    // "16 are citizens of Azerbaijan": the noun after the copula.
    let start = if s.is_any(q.end, &["are", "were", "is", "was"]) { q.end + 1 } else { q.end };
    if let Some(np) = a.np_after(start, true).filter(|np| !s.is(np.0, "of")) {
        // "cases of illegal cultivation of narcotic crops" → "illegal cultivation of narcotic crops cases"
        let first = a.word_lower(np.0);
        let container = a.listed(np.0, &a.lex.grammar.containers);
        let text = if container && s.is(np.0 + 1, "of") && np.1 > np.0 + 2 && np.1 - (np.0 + 2) <= 5 {
            format!("{} {first}", a.phrase_text(np.0 + 2, np.1))
        } else if let Some(compact) = compact_in_phrase(a, np) {
            compact
        } else if let Some(noun) = shared_head(a, np) {
            // "four Colombian and two Ecuadorian nationals"
            format!("{} {noun}", a.phrase_text(np.0, np.1))
        } else {
            a.phrase_text(np.0, np.1)
        };
        // "32.6 deaths per 100,000 people", "20 deaths per day": a rate
        // names its base.
        let text = match rate_base(a, np.1) {
            Some(base) => format!("{text}{base}"),
            None => text,
        };
        return What::counted(a, np, text, adverbial);
    }
    // "The bales of hashish, 138 in total, had…": a sum set off after what
    // it counts.
    let set_off = q.pre > 1
        && s.is_punct(q.pre - 1, ',')
        && s.phrase_at(&a.lex.grammar.total, q.end).is_some_and(|(_, e)| s.is_punct(e, ','));
    if set_off {
        let end = q.pre - 1;
        if let Some((start, _)) = a.phrase_ending(a.clause(end - 1).0, end) {
            return What::counted(a, (start, end), a.phrase_text(start, end), adverbial);
        }
    }
    // "in 49 of the 88 cities": a part of a count counts its noun.
    if s.is(q.end, "of") {
        let k = q.end + 1 + usize::from(a.is_determiner(q.end + 1));
        if let Some(whole) = a.quantities.iter().find(|p| p.start == k && p.unit == Unit::Count) {
            if let Some(np) = a.np_after(whole.end, true) {
                return What::counted(a, np, a.phrase_text(np.0, np.1), adverbial);
            }
        }
    }
    // "four men, three of them Guatemalan nationals": the part's own noun.
    if s.is(q.end, "of") && s.is_any(q.end + 1, &["them", "whom"]) {
        if let Some(np) = a.np_after(q.end + 2, true).filter(|&np| counted_head(a, np).0.is_some()) {
            return What::counted(a, np, a.phrase_text(np.0, np.1), adverbial);
        }
    }
    // "…, and deaths involving cocaine rose to 29,918": a subject of its own
    // before a count verb, whatever the figure before measured.
    if inherited.is_some() {
        if let Some(np) = subject_np(a, q, false) {
            return What::counted(a, np, a.phrase_text(np.0, np.1), false);
        }
    }
    if inherited.is_none() {
        // "298 of the suspects": a partitive names the counted thing.
        if s.is(q.end, "of") {
            if let Some(np) = a.np_after(q.end + 1, true) {
                if counted_head(a, np).0.is_some() {
                    return What::counted(a, np, a.phrase_text(np.0, np.1), adverbial);
                }
            }
        }
        // "overdose deaths exceeded 107,000": the subject before the verb.
        if let Some(np) = subject_np(a, q, true).or_else(|| sentence_subject(a, q)) {
            return What::counted(a, np, a.phrase_text(np.0, np.1), false);
        }
    }
    // "Convictions secured: 3,434" after "Suspects arrested: 19,245": a key
    // figure counts what its own label says, not the noun of the one before.
    if let Some(k) = label_end(s).filter(|&k| k + 1 == q.pre) {
        return What::counted(a, (0, k), a.phrase_text(0, k), false);
    }
    // Elliptical: "8 of Turkey", "1,974 were linked to…", "184 involved…".
    let mut w = inherited.cloned().unwrap_or_default();
    // The inherited noun is not in this figure's phrase, nor its drug.
    w.np = None;
    w.extent = None;
    w.adverbial = adverbial;
    if s.is(q.end, "of") {
        if let (Some(np), Some(head)) = (a.np_after(q.end + 1, false), &w.head) {
            w.text = Some(format!("{head} of {}", a.phrase_text(np.0, np.1)));
        }
    }
    // "409 deaths in 2021, a rate of 8.1 per 100,000 population": the rate
    // of what the figure before counts, on its base.
    if q.pre >= 2 && s.is(q.pre - 1, "of") && s.is(q.pre - 2, "rate") {
        if let Some(text) = w.text.take() {
            let base = rate_base(a, q.end).unwrap_or_default();
            w.text = Some(format!("rate of {text}{base}"));
        }
    }
    w
}

/// The head noun a count's phrase `np` shares with the count joined after
/// it: "four Colombian and two Ecuadorian nationals" counts Colombian
/// nationals. `None` unless `np` is a lone modifier (a place's word) and
/// "and" or "or" and a count follow it.
fn shared_head(a: &Analysis, np: (usize, usize)) -> Option<String> {
    let modifier = a.places.iter().any(|p| p.tag.start == np.0 && p.tag.end == np.1);
    if !modifier || !a.scan.is_any(np.1, &["and", "or"]) {
        return None;
    }
    let next = a.quantities.iter().find(|p| p.start == np.1 + 1 && p.unit == Unit::Count)?;
    let (s, e) = a.np_after(next.end, true)?;
    (e > s + 1).then(|| a.word_lower(e - 1).to_owned())
}

/// `text` with the base of a rate written after figure `q`: "the death rate
/// fell to 23.7 per 100,000 people" measures the death rate per 100,000
/// people.
fn with_rate_base(a: &Analysis, q: &Quantity, text: String) -> String {
    match rate_base(a, q.end).filter(|_| !text.contains(" per ")) {
        Some(base) => format!("{text}{base}"),
        None => text,
    }
}

/// Scale words a rate's base may be written as: "per million people".
const RATE_SCALES: &[&str] = &["hundred", "thousand", "million", "billion"];

/// The base of a rate written at token `k`: " per 100,000 people", " per
/// day". "22 deaths a day", "every week" and "daily" are per day or week
/// too; "a year" is left as written, an annual count being the year's
/// figure ("70,000 people a year"), and "a day ago" is no rate.
fn rate_base(a: &Analysis, k: usize) -> Option<String> {
    let s = &a.scan;
    if let Some(&(_, time)) = SHORT_RATES.iter().find(|(w, _)| s.is(k, w)) {
        return Some(format!(" per {time}"));
    }
    if s.is_any(k, &["a", "an", "each", "every"])
        && s.is_any(k + 1, SHORT_RATE_TIMES)
        && !s.is_any(k + 2, &["ago", "earlier", "before", "later", "after"])
    {
        return Some(format!(" per {}", a.word_lower(k + 1)));
    }
    if !s.is(k, "per") {
        None
    } else if s.is_number(k + 1) && s.is_word(k + 2) {
        Some(format!(" per {}", a.phrase_text(k + 1, k + 3)))
    } else if s.is_number(k + 1) {
        // "at 38 deaths per 100,000."
        Some(format!(" per {}", a.phrase_text(k + 1, k + 2)))
    } else if s.is_any(k + 1, RATE_SCALES) {
        // "6 deaths per million people".
        let end =
            if s.is_word(k + 2) && !s.is_any(k + 2, &["in", "at", "on", "for", "and", "or"]) { k + 3 } else { k + 2 };
        Some(format!(" per {}", a.phrase_text(k + 1, end)))
    } else if s.is_any(k + 1, RATE_TIMES) {
        Some(format!(" per {}", a.word_lower(k + 1)))
    } else {
        None
    }
}

/// A figure right after a comparison word with no noun of its own
/// ("2,844 kg of drugs were seized, compared to 2,921 kg a year before")
/// measures what the figure it is compared with measures: the nearest
/// earlier one in the sentence with the same unit. Gives its index among
/// the sentence's quantities, and what it measures. Figures listed after
/// the comparison ("97 tonnes of marijuana and 11.3 tonnes of cocaine,
/// compared with 64 tonnes and 8.9 tonnes") pair in order with as many
/// before it.
pub fn compared_what<'q>(
    a: &Analysis,
    q: &Quantity,
    earlier: impl DoubleEndedIterator<Item = (&'q Quantity, &'q What)> + ExactSizeIterator,
) -> Option<(usize, String)> {
    let (first, place, listed) = bare_list(a, q);
    // ("matching the record 221 tons")
    let mut k = first.pre;
    while k > 0 && (a.is_determiner(k - 1) || a.scan.is_any(k - 1, &["record", "previous", "all-time"])) {
        k -= 1;
    }
    a.scan.phrase_before(&a.lex.grammar.comparison, k, 3)?;
    let before: Vec<(usize, &What)> = earlier
        .enumerate()
        .filter(|(_, (e, _))| e.end <= first.pre && e.unit.dimension() == q.unit.dimension())
        .map(|(i, (_, w))| (i, w))
        .collect();
    let (i, w) =
        if listed > 1 && before.len() >= listed { before[before.len() - listed + place] } else { *before.last()? };
    w.text.clone().map(|t| (i, t))
}

/// The list of bare figures of one dimension joined by "and" or commas that
/// `q` stands in ("64 tonnes and 8.9 tonnes"): its first figure, `q`'s place
/// in it and its length.
fn bare_list<'a>(a: &'a Analysis, q: &'a Quantity) -> (&'a Quantity, usize, usize) {
    let qs = &a.quantities;
    let Some(at) = qs.iter().position(|p| p.start == q.start) else {
        return (q, 0, 1);
    };
    let joined = |l: &Quantity, r: &Quantity| {
        l.unit.dimension() == r.unit.dimension()
            && (l.end + 1 == r.pre && (a.scan.is(l.end, "and") || a.scan.is_punct(l.end, ','))
                || l.end + 2 == r.pre && a.scan.is_punct(l.end, ',') && a.scan.is(l.end + 1, "and"))
    };
    let mut first = at;
    while first > 0 && joined(&qs[first - 1], &qs[first]) {
        first -= 1;
    }
    let mut last = at;
    while last + 1 < qs.len() && joined(&qs[last], &qs[last + 1]) {
        last += 1;
    }
    (&qs[first], at - first, last - first + 1)
}

/// The end of a yearly rate opening at token `k` ("a year", "per year",
/// "annually"), not of a time ago ("a year ago", "a year earlier").
pub fn yearly_rate_end(s: &Scan, k: usize) -> Option<usize> {
    if s.is_any(k, &["a", "per", "each", "every"])
        && s.is(k + 1, "year")
        && !s.is_any(k + 2, &["ago", "earlier", "later", "before", "after"])
    {
        Some(k + 2)
    } else if s.is_any(k, &["annually", "yearly"]) {
        Some(k + 1)
    } else {
        None
    }
}

/// Pronouns a share may be "of" that stand for the count before it.
const COUNTED_PRONOUNS: &[&str] = &["them", "these", "those", "whom", "which"];

/// A share of a pronoun is a share of the count (or amount) before it:
/// "nearly 108,000 Americans died of overdoses, about 70% of them involving
/// synthetic opioids", "seized 14 tonnes of drugs in 2024, 60 per cent of
/// them at the southern borders".
pub fn share_of_them<'q>(
    a: &Analysis,
    q: &Quantity,
    before: impl DoubleEndedIterator<Item = (&'q Quantity, &'q What)>,
) -> Option<String> {
    if q.unit != Unit::Percent || !a.scan.is(q.end, "of") || !a.scan.is_any(q.end + 1, COUNTED_PRONOUNS) {
        return None;
    }
    before.rev().find(|(p, w)| p.unit != Unit::Percent && w.text.is_some()).and_then(|(_, w)| w.text.clone())
}

/// A share with no noun of its own that ends its clause, after the same
/// word as an earlier share of something in the sentence ("…were involved
/// in 57% of deaths, while cocaine was implicated in 39%"), is a share of
/// the same thing. So is a sum with no noun joined to an earlier one in
/// its currency ("$50 in Miami and $80 in New York").
pub fn parallel_what<'q>(
    a: &Analysis,
    q: &Quantity,
    earlier: impl DoubleEndedIterator<Item = (&'q Quantity, &'q What)>,
) -> Option<String> {
    // "Speed pills sell for 10-15 baht each in border areas and about 100
    // baht in Bangkok": a sum joined to one before in its currency is of
    // what that one is ("…for 30,000 euros in the port and for 50,000
    // euros in Amsterdam": the price's "for" again).
    let joined_at = if q.pre > 1 && a.scan.is(q.pre - 1, "for") { q.pre - 1 } else { q.pre };
    if matches!(q.unit, Unit::Money(_))
        && joined_at > 0
        && (a.scan.is(joined_at - 1, "and") || a.scan.is_punct(joined_at - 1, ','))
    {
        return earlier.rev().find(|(e, _)| e.unit == q.unit).and_then(|(_, w)| w.text.clone());
    }
    // "A kilogram sold for about GH¢800 locally but could fetch as much as
    // GH¢15,000 in Europe": a price verb of its own, after a price in the
    // same currency, gives the same price.
    if matches!(q.unit, Unit::Money(_)) {
        let (e, w) = earlier.rev().find(|(e, _)| e.unit == q.unit)?;
        let price = w.text.as_deref().is_some_and(|t| t.starts_with("price of "));
        let near = e.end < q.pre && q.pre - e.end <= PARALLEL_PRICE_TOKENS;
        let joined = near && (e.end..q.pre).any(|k| a.scan.is_any(k, &["but", "and", "while", "whereas"]));
        let priced = joined && (e.end..q.pre).any(|k| a.scan.phrase_at(&a.lex.grammar.price_verbs, k).is_some());
        return (price && priced).then(|| w.text.clone()).flatten();
    }
    if q.unit != Unit::Percent || q.pre == 0 || !a.scan.is_word(q.pre - 1) || a.scan.is_word(q.end) {
        return None;
    }
    let word = a.scan.lower(q.pre - 1);
    earlier
        .rev()
        .find(|(e, _)| {
            e.unit == Unit::Percent && e.pre > 0 && a.scan.lower(e.pre - 1) == word && a.scan.is(e.end, "of")
        })
        .and_then(|(_, w)| w.text.clone())
}

/// A rate set off after a count is of what that counts: "Homicides fell to
/// 114, a rate of 1.9 per 100,000 inhabitants" → "homicides per 100,000
/// inhabitants".
pub fn set_off_rate<'q>(
    a: &Analysis,
    q: &Quantity,
    earlier: impl DoubleEndedIterator<Item = (&'q Quantity, &'q What)>,
) -> Option<String> {
    let set_off = q.unit == Unit::Count
        && q.pre >= 4
        && a.scan.is(q.pre - 1, "of")
        && a.scan.is(q.pre - 2, "rate")
        && a.is_determiner(q.pre - 3)
        && a.scan.is_punct(q.pre - 4, ',');
    if !set_off {
        return None;
    }
    let (_, w) = earlier.rev().find(|(e, _)| e.unit == Unit::Count && e.end <= q.pre - 4)?;
    w.text.as_deref().map(|t| with_rate_base(a, q, t.to_owned()))
}

/// Most tokens between two prices of one thing ("GH¢800 locally but could
/// fetch as much as GH¢15,000").
const PARALLEL_PRICE_TOKENS: usize = 10;

/// A figure after ", with" that has no noun of its own counts what the
/// sentence before it ranks: "Glasgow City had the highest number of
/// deaths, with 274" → "deaths"; "Mexico reported the most seizures, with
/// 1,200" → "seizures".
pub fn ranked_what(a: &Analysis, q: &Quantity) -> Option<String> {
    let s = &a.scan;
    if q.pre < 2 || !s.is(q.pre - 1, "with") || !s.is_punct(q.pre - 2, ',') {
        return None;
    }
    let comma = q.pre - 2;
    let noun_from = (0..comma).rev().find_map(|k| {
        if s.is(k, "number") && s.is(k + 1, "of") {
            Some(k + 2)
        } else if s.is_any(k, &["most", "fewest"]) && k > 0 && s.is(k - 1, "the") {
            Some(k + 1)
        } else {
            None
        }
    })?;
    let (ns, ne) = a.np_after(noun_from, false).filter(|&(_, e)| e <= comma)?;
    Some(a.phrase_text(ns, ne))
}

/// Most words [`Analysis::of_nationality`] reads before its noun.
const NATIONALITY_WORDS: usize = 8;

/// A share of a change with no subject of its own ("seized 486 pounds of
/// meth, up 40% from 2023") is the change in the figure before it in the
/// sentence: "increase in meth", and that figure's index in `earlier` is
/// `what.changes`. Other figures keep `what` as it is.
pub fn changed_what<'q>(
    a: &Analysis,
    q: &Quantity,
    what: &mut What,
    earlier: impl DoubleEndedIterator<Item = (&'q Quantity, &'q What)> + ExactSizeIterator,
) {
    let bare_change = |t: &String| a.lex.grammar.change_nouns.values().any(|n| n == t);
    // "1,172 deaths registered in 2023, 121 more than in 2022": a
    // difference with no noun of its own.
    let difference = a.scan.is(q.end + 1, "than")
        && a.scan.is_word(q.end)
        && what.text.as_deref().is_none_or(|t| t == a.scan.lower(q.end));
    // "1,017 deaths in 2025, a fall of 155 on the previous year": a change
    // written as a figure after its noun.
    let change_of = (q.unit != Unit::Percent && q.pre >= 2 && a.scan.is(q.pre - 1, "of"))
        .then(|| a.lex.grammar.change_nouns.get(a.scan.lower(q.pre - 2)).and_then(|h| h.value()).cloned())
        .flatten();
    let noun = if difference {
        a.lex.grammar.comparatives.get(a.scan.lower(q.end)).and_then(|h| h.value()).cloned()
    } else if change_of.is_some() {
        change_of
    } else {
        what.text.clone().filter(|t| q.unit == Unit::Percent && bare_change(t))
    };
    let Some(noun) = noun else {
        return;
    };
    // ("arrested 17,442 suspects, including 1,106 foreigners, up 12
    // percent": a part set off by "including" is not what changed.)
    let part = |e: &Quantity| e.pre > 0 && a.scan.is(e.pre - 1, "including");
    let candidates: Vec<(usize, (&Quantity, &What))> = earlier
        .enumerate()
        .filter(|(_, (e, w))| {
            e.unit != Unit::Percent
                && w.text.is_some()
                && (q.unit == Unit::Percent || e.unit.dimension() == q.unit.dimension())
        })
        .collect();
    let whole = candidates.iter().rev().find(|(_, (e, _))| !part(e));
    let before = whole.or(candidates.last()).copied();
    if let Some((i, (_, w))) = before {
        what.text = w.text.as_ref().map(|t| format!("{noun} in {t}"));
        what.changes = Some(i);
    }
}

/// An amount of drugs in general says what was measured only with its event:
/// "drugs" seized → "drugs seized" (participles in the events table); a
/// named drug's amount only where its event has a noun of measure ("opium"
/// produced → "opium production"). So does a share of a change in an amount
/// of a drug: "seized 889 tonnes of cocaine…, up 20%" → "increase in cocaine
/// seized". Counts and other shares are left as written.
pub fn with_event(lex: &Lexicon, what: String, unit: Unit, event: Event) -> String {
    let generic = |w: &str| lex.grammar.generic_nouns.get(w).is_some();
    let drug = |w: &str| lex.substances.get(w).is_some();
    // `changed`: the amount a change is in, which a participle names for
    // a named drug too.
    let amount = |w: &str, changed: bool| {
        let word = match lex.event_measures.get(&event) {
            Some(measure) if drug(w) => measure,
            _ => lex.event_participles.get(&event).filter(|_| generic(w) || changed && drug(w))?,
        };
        Some(format!("{w} {word}"))
    };
    let measured = match unit.dimension() {
        // ("increase in drugs seized" is already a change in an amount.)
        Dimension::Percent => what.split_once(" in ").and_then(|(noun, changed)| {
            let change = lex.grammar.change_nouns.values().any(|n| n == noun);
            amount(changed, true).filter(|_| change && drug(changed)).map(|a| format!("{noun} in {a}"))
        }),
        Dimension::Mass => amount(&what, false),
        _ => None,
    };
    measured.unwrap_or(what)
}

/// "Australians consumed an estimated 11.5 tonnes of methamphetamine" →
/// "methamphetamine consumption": a verb of use before a drug's weight in
/// its clause names what the weight measures (`use_measures` in the
/// grammar). Other figures keep `what`.
pub fn with_use(a: &Analysis, q: &Quantity, what: String) -> String {
    if q.unit.dimension() != Dimension::Mass || a.lex.substances.get(&what).is_none() {
        return what;
    }
    let (lo, _) = a.clause(q.start);
    let noun = (lo..q.pre).rev().find_map(|k| {
        let (hit, end) = a.scan.phrase_at(&a.lex.grammar.use_measures, k)?;
        (end <= q.pre).then(|| hit.value().cloned()).flatten()
    });
    match noun {
        Some(noun) => format!("{what} {noun}"),
        None => what,
    }
}

/// "suspects in drug trafficking" → "drug trafficking suspects": a lone
/// counted person noun followed by "in" and a short phrase without a place.
/// (Not "people in a trafficking ring": a group they belong to.)
fn compact_in_phrase(a: &Analysis, np: (usize, usize)) -> Option<String> {
    if np.1 != np.0 + 1 || !a.scan.is(np.1, "in") || a.is_determiner(np.1 + 1) {
        return None;
    }
    let (s, e) = a.np_after(np.1 + 1, false)?;
    let has_place = a.places.iter().any(|p| p.tag.start >= s && p.tag.end <= e);
    let person = a.lex.counted.get(a.scan.tok(np.0)).is_some_and(|v| v.value() == Some(&None));
    let activity = a.events.iter().any(|ev| ev.tag.start >= s && ev.tag.end <= e && !ev.verb);
    (e - s <= 3 && !has_place && person && activity).then(|| format!("{} {}", a.phrase_text(s, e), a.word_lower(np.0)))
}

/// Where "well below the", "above", "under the" ends at token `k`
/// (exclusive): the token it starts at.
fn measured_against(a: &Analysis, k: usize) -> Option<usize> {
    let mut j = k;
    if j > 0 && a.is_determiner(j - 1) {
        j -= 1;
    }
    if j == 0 || !a.scan.is_any(j - 1, &["below", "above", "under", "beneath"]) {
        return None;
    }
    j -= 1;
    while j > 0 && a.scan.is_any(j - 1, &["well", "far", "still", "just", "slightly", "much", "way"]) {
        j -= 1;
    }
    Some(j)
}

/// Where "year on year", "on-year", "year-on-year" or "on year" ends at
/// token `k` (exclusive): the token it starts at.
fn year_on_year_before(a: &Analysis, k: usize) -> Option<usize> {
    let s = &a.scan;
    if k > 0 && s.is_any(k - 1, &["on-year", "year-on-year", "yoy", "y-o-y"]) {
        return Some(k - 1);
    }
    // Backwards from `j`, over hyphens, to `word`: where it starts.
    let back = |mut j: usize, word: &str| {
        while j > 0 && s.is_dash(j - 1) {
            j -= 1;
        }
        (j > 0 && s.is(j - 1, word)).then(|| j - 1)
    };
    let on = back(back(k, "year")?, "on")?;
    Some(back(on, "year").unwrap_or(on))
}

/// The subject of a figure written after it and a verb: "overdose deaths
/// exceeded 107,000". With `hedged`, a hedged figure needs no verb ("deaths,
/// over 100"). Where is a field of its own, so a place ending the subject
/// is left out: "Cocaine seizures in West Africa reached 13 tonnes" measures
/// "cocaine seizures".
fn subject_np(a: &Analysis, q: &Quantity, hedged: bool) -> Option<(usize, usize)> {
    let (lo, _) = a.clause(q.start);
    let mut k = q.pre;
    loop {
        let focus = || a.scan.phrase_before(&a.lex.grammar.focus_adverbs, k, 3).map(|(_, at)| at);
        if k > lo && a.scan.is_any(k - 1, &["to", "at", "by", "from", "between"]) {
            k -= 1;
        } else if let Some(at) = focus().filter(|&at| at > lo && a.scan.is(at - 1, "to")) {
            // "fell … to just 10,800 hectares"
            k = at;
        } else if let Some(m) = a.periods.iter().find(|m| m.toks.end == k && m.toks.start > lo) {
            // "increased by 19 per cent in 2024 to 12,800 hectares": a period
            // and a share of the change stand between the verb and its figure.
            k = m.toks.start;
            if a.scan.is_any(k - 1, &["in", "during", "for"]) {
                k -= 1;
            }
        } else if let Some(p) = a.quantities.iter().find(|p| {
            // "increased by 19% to…", "rose 10% to…", "dropped from 76,282 to…"
            let share = |before: usize| {
                p.unit == Unit::Percent
                    && (a.scan.is(before, "by")
                        || a.scan.phrase_before(&a.lex.grammar.count_verbs, before + 1, 2).is_some())
            };
            p.end == k && p.pre > lo && (share(p.pre - 1) || a.scan.is(p.pre - 1, "from"))
        }) {
            k = p.pre;
        } else if let Some(p) =
            a.places.iter().find(|p| p.tag.end == k && p.tag.start > lo + 1 && a.scan.is(p.tag.start - 1, "in"))
        {
            // "fell 2.2% in Peru last year to 92,784 hectares": where, between
            // the verb and its figure.
            k = p.tag.start - 1;
        } else if k >= lo + 2 && a.scan.is(k - 1, "of") && a.scan.is_any(k - 2, &["average", "total", "high", "peak"]) {
            // "has risen to an average of 67 per cent"
            k -= 2;
            while k > lo && a.is_determiner(k - 1) {
                k -= 1;
            }
        } else if let Some(at) = year_on_year_before(a, k).filter(|&at| at > lo) {
            // "rose 17 percent on-year to 1,027"
            k = at;
        } else if let Some(at) = measured_against(a, k).filter(|&at| at > lo) {
            // "Cultivation remains well below the 232,000 hectares recorded
            // in 2022"
            k = at;
        } else if k > lo + 1 && a.scan.is(k - 1, "record") {
            // "reached a record 3,708 tons", "hit a new record of…"
            k -= 1;
            while k > lo && (a.is_determiner(k - 1) || a.scan.is_any(k - 1, &["new", "all-time"])) {
                k -= 1;
            }
        } else {
            break;
        }
    }
    if k < q.pre && a.scan.is(k, "to") {
        if let Some(np) = raised_object(a, lo, k) {
            return Some(without_place(a, np));
        }
    }
    let hedged = hedged && q.approx.is_some() && q.pre < q.start;
    let mut lo = lo;
    // "Drug-induced deaths were estimated at 6,392".
    let estimated = k > lo && a.scan.is(k, "at") && a.listed(k - 1, &a.lex.grammar.estimate_verbs);
    // "its price remained stable at €60": a verb of two words.
    let verb = a.scan.phrase_before(&a.lex.grammar.count_verbs, k, 2).map(|(_, at)| at).filter(|&at| at >= lo);
    if let Some(verb) = verb.or_else(|| estimated.then(|| k - 1)) {
        k = before_auxiliaries(a, lo, verb);
        (lo, k) = before_aside(a, lo, k);
    } else if !hedged {
        return None;
    }
    subject_before(a, lo, k).map(|np| without_place(a, np))
}

/// "The seizure brings the total of cocaine seized this year to 12 tonnes":
/// the object of a raising verb before the "to" at token `to`, which the
/// figure after it measures; `lo` is where the clause starts.
fn raised_object(a: &Analysis, lo: usize, to: usize) -> Option<(usize, usize)> {
    let verb = (lo..to).rev().find(|&j| a.listed(j, &a.lex.grammar.raise_verbs))?;
    let (s, e) = subject_before(a, verb + 1, to)?;
    // "…seized by customs": the agency is the fact's own field.
    let by = (s + 1..e).rev().find(|&k| a.scan.is(k, "by"));
    let agency_after = |k: usize| a.agencies.iter().any(|t| t.start <= k + 2 && t.end == e);
    Some(match by {
        Some(k) if agency_after(k) || (k + 1..e).all(|j| a.scan.is_capitalised(j)) => (s, k),
        _ => (s, e),
    })
}

/// Tokens an aside between a subject and its verb may take.
const ASIDE_TOKENS: usize = 16;

/// Where a subject ends whose verb starts its clause at `lo == k` after an
/// aside: "Deaths involving synthetic opioids (mostly fentanyl) dropped…",
/// "The area planted with coca, the raw material for cocaine, fell…". Returns
/// the subject's clause start and end, or `(lo, k)` when there is no aside.
fn before_aside(a: &Analysis, lo: usize, k: usize) -> (usize, usize) {
    let opener = match k {
        k if k != lo || k < 2 => return (lo, k),
        k if a.scan.is_punct(k - 1, ')') => '(',
        k if a.scan.is_punct(k - 1, ',') => ',',
        _ => return (lo, k),
    };
    // Between commas, words, or numbers after a word opening the aside:
    // "5 kg, 3 pistols, were…" is a list, "the drugs, packed in 60 sacks,
    // are…" an aside.
    let mut aside = (lo.saturating_sub(ASIDE_TOKENS)..k - 1)
        .rev()
        .take_while(|&j| opener == '(' || a.scan.is_word(j) || a.scan.is_number(j) || a.scan.is_punct(j, ','));
    match aside.find(|&j| a.scan.is_punct(j, opener)) {
        Some(open)
            if opener == '('
                || (open + 1..k - 1).all(|j| a.scan.is_word(j) || a.scan.is_punct(j, ','))
                || a.scan.is_word(open + 1) && !a.scan.is_capitalised(open + 1) =>
        {
            (a.clause(open.saturating_sub(1)).0, open)
        }
        _ => (lo, k),
    }
}

/// Token `verb`, or the first of the auxiliaries right before it ("deaths
/// were down", "purity has risen"): where its subject ends.
fn before_auxiliaries(a: &Analysis, lo: usize, verb: usize) -> usize {
    let mut k = verb;
    loop {
        if k > lo
            && (a.scan.is_any(k - 1, &["were", "was", "is", "are", "been", "has", "have", "had"])
                || is_adverb(a, k - 1))
        {
            k -= 1;
        } else if k > lo + 1 && a.scan.is(k - 1, "than") && a.scan.is_any(k - 2, &["more", "less"]) {
            // "ketamine seizures more than doubled"
            k -= 2;
        } else {
            return k;
        }
    }
}

/// An adverb that may stand between a subject and its verb: "also fell",
/// "sharply declined".
fn is_adverb(a: &Analysis, k: usize) -> bool {
    let w = a.scan.tok(k);
    a.scan.is_any(k, &["also", "further", "again", "still", "then", "now", "almost"])
        || (w.len() > 4 && w.ends_with("ly") && w.starts_with(|c: char| c.is_lowercase()))
}

/// A share of a change, after its verb: "deaths fell by nearly 27%" → "fall
/// in deaths"; "meth consumption rose 34 per cent" → "rise in meth
/// consumption"; without a subject, the change alone ("rose by 10%" → "rise").
fn change_what(a: &Analysis, q: &Quantity) -> Option<What> {
    let (lo, _) = a.clause(q.start);
    let mut k = q.pre;
    // "fell by 27%", "an increase of 12%"
    if k > lo && a.scan.is_any(k - 1, &["by", "of"]) {
        k -= 1;
    }
    let (hit, verb) = a.scan.phrase_before(&a.lex.grammar.change_nouns, k, 2)?;
    let noun = hit.value()?;
    // ("Heroin abusers made up 27%": the verb's own particle.)
    if verb > lo && a.listed(verb - 1, &a.lex.grammar.particle_verbs) {
        return None;
    }
    // "(Seizures showed) an increase of 12%": a change noun after its
    // article has no subject right before it; nor has one after "and" ("a
    // record amount and up 86 percent"), which changes the figure before.
    let subject = if verb > lo && (a.is_determiner(verb - 1) || a.scan.is(verb - 1, "and")) {
        None
    } else {
        let (lo, end) = before_aside(a, lo, before_auxiliaries(a, lo, verb));
        // ("arrested 17,442 suspects, including 1,106 foreigners, …, up 12
        // percent": not the part set off by "including", but the figure
        // before it; see `changed_what`.)
        let part = |(s, _): &(usize, usize)| {
            a.quantities.iter().any(|p| p.end == *s && p.pre > 0 && a.scan.is(p.pre - 1, "including"))
        };
        subject_before(a, lo, end).filter(|np| !part(np)).map(|np| without_place(a, np))
    };
    let text = match subject {
        Some((s, e)) => format!("{noun} in {}", a.phrase_text(s, e)),
        None => noun.clone(),
    };
    // The subject is the change's extent: the drug it names is the change's.
    Some(What { text: Some(text), extent: subject, ..What::default() })
}

/// The subject of a sentence whose figures follow its verb after "to" or
/// "from", each in its own clause: "Overdose deaths fell by 27% in 2024, to
/// about 80,391, from 110,037 in 2023" → "overdose deaths". The verb is the
/// nearest count verb before the figure.
fn sentence_subject(a: &Analysis, q: &Quantity) -> Option<(usize, usize)> {
    if !(q.pre > 1 && a.scan.is_any(q.pre - 1, &["to", "from"]) && a.scan.is_punct(q.pre - 2, ',')) {
        return None;
    }
    let verb = (0..q.pre).rev().find(|&k| a.listed(k, &a.lex.grammar.count_verbs))?;
    let lo = a.clause(verb).0;
    subject_before(a, lo, before_auxiliaries(a, lo, verb)).map(|np| without_place(a, np))
}

/// A subject without the place phrase that ends it ("overdose deaths in the
/// United States" → "overdose deaths"): the place is the fact's own field.
fn without_place(a: &Analysis, (s, e): (usize, usize)) -> (usize, usize) {
    // "… in Colombia alone"
    let place_end = if e > s + 1 && a.scan.is_any(e - 1, &["alone", "only"]) { e - 1 } else { e };
    let place_ending = |end: usize| a.places.iter().find(|p| p.tag.start > s && p.tag.end == end);
    // "Seizures of ketamine in the region": the region named before ("in
    // the country": the article's).
    let region = a
        .scan
        .phrase_before(&a.lex.grammar.region_anaphora, place_end, 3)
        .or_else(|| a.scan.phrase_before(&a.lex.grammar.place_anaphora, place_end, 3))
        .map(|(_, at)| at);
    if let Some(at) = region.filter(|&at| at > s + 1 && a.listed(at - 1, &a.lex.grammar.subject_prepositions)) {
        return (s, at - 1);
    }
    let Some(mut p) = place_ending(place_end) else { return (s, e) };
    // "in Kenya and Uganda", "in Spain, Portugal or Italy": all of them.
    loop {
        let mut k = p.tag.start;
        while k > s && a.is_determiner(k - 1) {
            k -= 1;
        }
        let joined = k > s + 1 && (a.scan.is_any(k - 1, &["and", "or"]) || a.scan.is_punct(k - 1, ','));
        match place_ending(k - 1).filter(|_| joined) {
            Some(before) => p = before,
            None => break,
        }
    }
    let mut k = p.tag.start;
    // "in East and Southeast Asia": a word of the name the table knows
    // only whole.
    while k > s + 2 && a.scan.is_any(k - 1, &["and", "&"]) && a.scan.is_capitalised(k - 2) {
        k -= 2;
    }
    while k > s && (a.is_determiner(k - 1) || a.listed(k - 1, &a.lex.grammar.subject_prepositions)) {
        k -= 1;
    }
    if k > s {
        (s, k)
    } else {
        (s, e)
    }
}

/// Where a period ending at token `end` starts, with the words leading it
/// in ("so far this year", "during 2023"); `lo` is where the clause starts.
fn period_before(a: &Analysis, lo: usize, end: usize) -> Option<usize> {
    let m = a.periods.iter().find(|m| m.toks.end == end && m.toks.start > lo)?;
    let mut k = m.toks.start;
    while k > lo + 1 && a.scan.is_any(k - 1, &["in", "on", "during", "for", "since", "so", "far", "over"]) {
        k -= 1;
    }
    Some(k)
}

/// The subject ending just before token `end` (not reaching back past `lo`):
/// a bare noun phrase, else one with prepositional phrases after its noun.
fn subject_before(a: &Analysis, lo: usize, end: usize) -> Option<(usize, usize)> {
    // "the cocaine seized so far this year (has reached)": the period is the
    // fact's own field, not part of what is measured.
    let end = period_before(a, lo, end).unwrap_or(end);
    // "The amount of illegal drugs seized by customs officials (reached)":
    // the agency is the fact's own field, not part of what is measured.
    let end = match a.agencies.iter().find(|t| t.end == end && t.start > lo) {
        Some(t) => {
            let mut k = t.start;
            while k > lo && a.is_determiner(k - 1) {
                k -= 1;
            }
            if k > lo + 1 && a.scan.is(k - 1, "by") {
                k - 1
            } else {
                end
            }
        }
        None => end,
    };
    // "The purity of the cocaine (was)": the phrase the preposition hangs on.
    let after_preposition = |(s, _): &(usize, usize)| {
        let mut k = *s;
        while k > lo && a.is_determiner(k - 1) {
            k -= 1;
        }
        a.scan.phrase_before(&a.lex.grammar.subject_prepositions, k, 2).is_some_and(|(_, at)| at >= lo)
    };
    // "among 16- to 24-year-olds": the ages belong to the phrase.
    let with_ages = |(s, e): (usize, usize)| (ages_before(a, lo, s), e);
    let (s, e) = match a.np_before(lo, end).map(with_ages) {
        Some(np) if after_preposition(&np) => subject_with_pp(a, lo, end).unwrap_or(np),
        Some(np) => np,
        None => subject_with_pp(a, lo, end)?,
    };
    // "deaths involving synthetic opioids such as fentanyl": the examples
    // are not part of what is counted.
    let e = (s + 1..e).find(|&k| a.scan.is(k, "such") && a.scan.is(k + 1, "as")).unwrap_or(e);
    // "…, and deaths involving cocaine rose": the conjunction joins clauses.
    let s = if e > s + 1 && a.scan.is_any(s, &["and", "but", "while", "whereas"]) { s + 1 } else { s };
    (s < e).then_some((s, e))
}

/// The subject of a verb at clause start `lo` that follows an apposition
/// between commas: "The pills, many of them stamped M30, sell for $3" →
/// "The pills". The subject opens the sentence.
fn subject_before_apposition(a: &Analysis, lo: usize) -> Option<(usize, usize)> {
    if lo < 2 || !a.scan.is_punct(lo - 1, ',') {
        return None;
    }
    // "The director said that the drugs, distributed in 86 bales, were
    // hidden … and had a market value of…": the subject of the reported
    // clause, before the aside that ends at `lo`.
    let last = (1..lo - 1).rev().find(|&k| a.scan.is_punct(k, ','))?;
    let reported = (a.clause(last - 1).0..last).find(|&k| a.scan.is(k, "that"));
    if let Some(that) = reported {
        return subject_before(a, that + 1, last);
    }
    let open = (1..lo - 1).find(|&k| a.scan.is_punct(k, ','))?;
    let start = a.clause(open - 1).0;
    (start == 0 || !(0..start).any(|k| a.scan.is_word(k))).then(|| subject_before(a, start, open)).flatten()
}

/// Where the ages before a phrase starting at `s` start ("16- to 24-" before
/// "year-olds", "16-24" before "year olds"), not reaching back past `lo`;
/// `s` when there are none.
fn ages_before(a: &Analysis, lo: usize, s: usize) -> usize {
    if !(a.scan.is_word(s) && a.scan.lower(s).starts_with("year")) {
        return s;
    }
    let part = |k: usize| {
        a.scan.is_number(k) || a.scan.is_punct(k, '-') || a.scan.is_any(k, &["to", "and"]) && a.scan.is_number(k + 1)
    };
    let mut k = s;
    while k > lo && part(k - 1) {
        k -= 1;
    }
    // (A phrase starts at a number, not at its hyphen or "to".)
    while k < s && !a.scan.is_number(k) {
        k += 1;
    }
    k
}

/// Tokens a prepositional phrase after a subject's noun may have.
const PP_WORDS: usize = 8;

/// Prepositional phrases a subject's noun may have after it.
const PP_PHRASES: usize = 3;

/// A subject with a short prepositional phrase after its noun, ending at
/// `end`: "the seized narcotics from these foreign offenders (amounted to)".
/// Up to [`PP_PHRASES`] such phrases are read ("the area under opium poppy
/// cultivation in Afghanistan (increased)", "the number of people who died
/// from drug misuse in Scotland (rose)").
fn subject_with_pp(a: &Analysis, lo: usize, end: usize) -> Option<(usize, usize)> {
    let mut cut = end;
    // ("in Spain, France and Portugal": a comma listing places is no bound;
    // "among 16- to 24-year-olds": nor are the numbers and hyphens of ages.)
    let age_part =
        |k: usize| a.scan.is_number(k) || a.scan.is_punct(k, '-') && (a.scan.glued(k) || a.scan.glued(k + 1));
    let inside = |k: usize| a.scan.is_word(k) || a.lists_places(k) || age_part(k);
    for _ in 0..PP_PHRASES {
        let prep = (cut.saturating_sub(PP_WORDS).max(lo + 1)..cut)
            .rev()
            .find(|&k| a.scan.phrase_at(&a.lex.grammar.subject_prepositions, k).is_some())?;
        if !(prep + 1..end).all(inside) {
            return None;
        }
        if let Some(head) = a.np_before(lo, prep) {
            return Some((head.0, end));
        }
        cut = prep;
    }
    None
}

/// Markets a sum may be fetched on, and the value it then is: "on the
/// street" is a street value, "on the wholesale market" a wholesale value.
const MARKET_VALUES: &[(&str, &str)] = &[
    ("street", "street value"),
    ("streets", "street value"),
    ("wholesale market", "wholesale value"),
    ("retail market", "retail value"),
    ("black market", "black market value"),
    ("illicit market", "illicit market value"),
    ("international market", "international market value"),
    ("market", "market value"),
];

/// The value a sum is when a market follows it at token `k`: "on the
/// street", "at street level", "on the wholesale market".
fn market_after(a: &Analysis, k: usize) -> Option<String> {
    let s = &a.scan;
    if s.is(k, "at") && s.is(k + 1, "street") && s.is(k + 2, "level") {
        return Some("street value".to_owned());
    }
    if !(s.is(k, "on") && s.is(k + 1, "the")) {
        return None;
    }
    MARKET_VALUES.iter().find_map(|&(words, value)| {
        let matched = words.split(' ').enumerate().all(|(i, w)| s.is(k + 2 + i, w));
        matched.then(|| value.to_owned())
    })
}

/// Words that say one unit of a thing ("each kilogramme of heroin").
const ONE_UNIT: &[&str] = &["a", "an", "one", "each", "every", "per"];

/// The subject "each kilogramme of heroin" (from its unit to its end) when
/// it opens the clause at `lo` and stands before the verb of worth at `verb`
/// with only a copula between ("is valued at", "is worth"): what a price is
/// for.
fn unit_priced(a: &Analysis, lo: usize, verb: usize) -> Option<(usize, usize)> {
    let s = &a.scan;
    let mut end = verb;
    while end > lo && a.listed(end - 1, &a.lex.grammar.before_worth) {
        end -= 1;
    }
    let copula = (end..verb).any(|k| s.is_any(k, &["is", "are", "was", "were"]));
    let mut one = lo;
    while one < end && a.is_determiner(one) && !s.is_any(one, ONE_UNIT) {
        one += 1;
    }
    let unit = one + 1;
    let shaped = s.is_any(one, ONE_UNIT)
        && s.is_word(unit)
        && a.lex.units.get(s.tok(unit)).is_some()
        && s.is(unit + 1, "of")
        && unit + 2 < end
        && (unit + 2..end).all(|k| s.is_word(k));
    (copula && shaped).then_some((unit, end))
}

/// Words between a thing and its verb of sale ("the drugs could have been
/// sold for…", "a gram now sells for…").
const SALE_AUXILIARIES: &[&str] = &[
    "now",
    "still",
    "typically",
    "usually",
    "generally",
    "often",
    "currently",
    "can",
    "could",
    "would",
    "might",
    "have",
    "has",
    "had",
    "been",
    "be",
    "being",
    "is",
    "are",
    "was",
    "were",
];

/// The `what` of money: "$5 million worth of cocaine" → "value of cocaine";
/// "an estimated street value of $3.5 million" → "street value"; "the
/// consignment was worth Rs 2,000 crore" → "value of consignment".
fn money_what(a: &Analysis, q: &Quantity) -> What {
    let g = &a.lex.grammar;
    // What a sum is in or of: "EUR 2.3 million in cash", "$3 million of
    // cash", "$40,000 in drug money" are the money itself; "$5 million in
    // cocaine", "£1.2m of heroin" the drug's value; "$500 million in social
    // harm" what the sum is of. Not a place ("$3 million in Miami") nor where
    // the sum was found ("worth P340 million in a buy-bust operation").
    // ("VND 2.1 billion (US$82,000) in cash": past a conversion.)
    let q_end = q.conversion_end.unwrap_or(q.end);
    // "laundering an estimated EUR 150 million": money laundered.
    let mut v = q.pre;
    while v > 0 && (a.is_determiner(v - 1) || a.listed(v - 1, &g.value_hedges)) {
        v -= 1;
    }
    if v > 0 && a.listed(v - 1, &g.laundering_verbs) && !a.scan.is(q_end, "of") {
        return What { text: Some("money laundered".to_owned()), ..What::default() };
    }
    let after_in = a.scan.is(q_end, "in") && !a.is_determiner(q_end + 1);
    if after_in || a.scan.is(q_end, "of") {
        // Nor where or when it was found: "… worth RM12.6 million in two raids".
        let common = |np: &(usize, usize)| {
            !a.scan.tok(np.0).starts_with(char::is_uppercase)
                && !a.places.iter().any(|p| p.tag.start < np.1 && np.0 < p.tag.end)
                && !a.quantities.iter().any(|p| p.start == np.0)
                && !a.events.iter().any(|e| e.tag.end == np.1)
                // "sells for 10 baht in border areas".
                && !a.listed(np.1 - 1, &g.location_nouns)
                // "… worth RM12.6 million in raids across the state".
                && !(np.0..np.1).any(|k| a.lex.counted.get(a.scan.lower(k)).and_then(|v| v.value()).is_some_and(Option::is_some))
        };
        // ("… in Canadian currency" is money, capital or not.)
        let money_np = |np: &(usize, usize)| np.1 > np.0 && a.listed(np.1 - 1, &g.money_nouns);
        if let Some(np) = a.np_after(q_end + 1, false).filter(|np| !after_in || common(np) || money_np(np)) {
            let money = a.listed(np.1 - 1, &g.money_nouns);
            if !money && a.substances.iter().any(|t| t.start >= np.0 && t.end <= np.1) {
                return phrase_what(a, "value of ", np);
            }
            // ("$1 billion of harm to communities": what the sum is of, but
            // not "of the total".)
            let of_thing = !after_in && common(&np) && !a.is_determiner(q_end + 1);
            if money || after_in || of_thing {
                return phrase_what(a, "", np);
            }
        }
    }
    // "cash amounting to RM215,000", "cash of RM85,000": the money named
    // before the sum.
    if let Some((_, at)) = a.scan.phrase_before(&g.amounting, q.pre, 4) {
        if at > 0 && a.listed(at - 1, &g.money_nouns) {
            return phrase_what(a, "", (at - 1, at));
        }
    }
    // "cash of RM85,000", "financial rewards of up to SR500,000", "an
    // economic blow of 2.4 billion pesos" (with the words before the noun).
    if q.pre >= 2
        && a.scan.is(q.pre - 1, "of")
        && (a.listed(q.pre - 2, &g.money_nouns) || a.listed(q.pre - 2, &g.sum_nouns))
    {
        let adjective = |k: usize| {
            a.scan.is_word(k)
                && !a.scan.is_capitalised(k)
                && ["ic", "al", "ary"].iter().any(|e| a.scan.lower(k).ends_with(e))
        };
        let start = if q.pre >= 3 && adjective(q.pre - 3) { q.pre - 3 } else { q.pre - 2 };
        return phrase_what(a, "", (start, q.pre - 1));
    }
    // "on a $150,000 bond", "a £5,000 fine", "on $75,000 cash bail".
    if a.listed(q_end, &g.sum_nouns) {
        return phrase_what(a, "", (q_end, q_end + 1));
    }
    if a.listed(q_end, &g.money_nouns) && a.listed(q_end + 1, &g.sum_nouns) {
        return phrase_what(a, "", (q_end, q_end + 2));
    }
    if a.listed(q_end, &g.worth_verbs) && a.scan.is(q_end + 1, "of") {
        if let Some(np) = a.np_after(q_end + 2, false) {
            return phrase_what(a, "value of ", np);
        }
    }
    let (lo, _) = a.clause(q.start);
    let lo = lo.min(q.pre);
    if let Some(k) = (lo..q.pre).rev().find(|&k| a.listed(k, &g.worth_verbs)) {
        // "Each kilogramme of heroin is valued at about Sh4 million": a
        // unit's price.
        if let Some((s, e)) = unit_priced(a, lo, k) {
            return What {
                text: Some(format!("price of {}", a.phrase_text(s, e))),
                extent: Some((s, e)),
                ..What::default()
            };
        }
        let mut j = k;
        // "marijuana seizures so far this year are already worth…": back
        // over auxiliaries, adverbs and a period to the thing valued.
        loop {
            if j > lo && a.listed(j - 1, &g.before_worth) {
                j -= 1;
            } else if let Some(k) = period_before(a, lo, j) {
                j = k;
            } else {
                break;
            }
        }
        // "86 million captagon pills, weighing 13 tonnes and worth Dh3.8
        // billion": worth what the weight is of.
        if j > 0 && a.scan.is(j - 1, "and") {
            if let Some(np) = a.quantities.iter().find(|p| p.end + 1 == j).and_then(|p| weighed(a, p)) {
                return valued(a, "value", np);
            }
            // "the drug was split into 1,850 bricks and would be worth…": a
            // second verb of the clause's subject, which opens the clause;
            // the sentence's, when commas left "and" opening the clause
            // ("The drug was hidden … bound for Antwerp, Belgium, and would
            // have been worth…").
            let opens = if lo + 1 >= j { 0 } else { lo };
            if let Some(np) =
                a.np_after(opens, false).filter(|&(_, e)| e < j - 1 && (a.listed(e, &g.before_worth) || a.is_verbal(e)))
            {
                return valued(a, "value", np);
            }
        }
        // "The haul, found in two trucks in Mae Sai, is worth…": a verb
        // before "worth" after an aside; the subject is before the aside.
        if j < k && j > 1 && a.scan.is_punct(j - 1, ',') {
            let (s_lo, s_end) = before_aside(a, j, j);
            if s_end < j {
                if let Some(np) = thing_valued(a, s_lo, s_end, false) {
                    return valued(a, "value", np);
                }
            }
        }
        // "seized 56kg of cocaine in Valletta worth €3.4 million": where it
        // was found stands between the thing and its worth.
        let place_before = |j: usize, lo: usize| {
            a.places
                .iter()
                .find(|p| p.tag.end == j && p.tag.start > lo + 1)
                .filter(|p| a.scan.is_any(p.tag.start - 1, &["in", "at", "near", "off"]))
                .map(|p| p.tag.start - 1)
        };
        if let Some(k) = place_before(j, lo) {
            j = k;
        }
        // "3 kg of cocaine, worth $100,000,": the phrase before the comma.
        let mut lo = lo;
        // "1.1 kg of mephedrone (MD) worth Rs 2.2 crore": back over a
        // bracket that names the thing again.
        if j > 2 && a.scan.is_punct(j - 1, ')') {
            if let Some((open, _)) = a.scan.bracket_around(j - 2..j - 1).filter(|&(open, _)| open > 1) {
                j = open;
                lo = lo.min(a.clause(open - 1).0);
            }
        }
        let comma_before = j > 1 && a.scan.is_punct(j - 1, ',');
        if comma_before {
            j -= 1;
            lo = lo.min(a.clause(j - 1).0);
            // "seized 2,845kg of cannabis nationally, worth…", "…of cannabis
            // in Cork, worth…", "…in Riau on Monday, worth…": back over
            // where and when, before the comma too.
            loop {
                if j > lo + 1 && a.listed(j - 1, &g.object_adverbs) {
                    j -= 1;
                } else if let Some(k) = place_before(j, lo).or_else(|| period_before(a, lo, j)) {
                    j = k;
                } else {
                    break;
                }
            }
        }
        // "37,000 pounds of cocaine and 28,000 pounds of marijuana worth
        // $474 million": a list of amounts is valued whole. The list may
        // run across commas that end clauses.
        if let Some(w) = list_valued(a, if comma_before { 0 } else { lo }, j) {
            return w;
        }
        if let Some((s, e)) = thing_valued(a, lo, j, comma_before) {
            return valued(a, "value", (s, e));
        }
    }
    // "a gram of cocaine now sells for around £80": the subject's price.
    // ("sold for between $3,000 and $6,000")
    let pre = if q.pre > 0 && a.scan.is(q.pre - 1, "between") { q.pre - 1 } else { q.pre };
    // ("would have been sold in Georgia and Europe for more than 2 million
    // lari": where, between the verb and its "for".)
    let sold_for = || {
        let for_at = pre.checked_sub(1).filter(|&f| a.scan.is(f, "for"))?;
        (for_at.saturating_sub(SOLD_WHERE_WORDS)..for_at)
            .rev()
            .take_while(|&k| a.scan.is_word(k))
            .find(|&k| a.listed(k, &g.sale_verbs))
    };
    if let Some(verb) = a.scan.phrase_before(&g.price_verbs, pre, 3).map(|(_, v)| v).or_else(sold_for) {
        let mut k = verb;
        while k > lo && a.scan.is_any(k - 1, SALE_AUXILIARIES) {
            k -= 1;
        }
        // "a haul that could have fetched €400 million on the street", "on
        // the wholesale market": the haul's value there, not a price.
        let market = market_after(a, q.end);
        // (", which could fetch…": the clause opens on the relative.)
        let relative = k > lo && a.scan.is_any(k - 1, &["that", "which"]);
        // "…markets in Australia, where a gram of cocaine can sell for…":
        // the subject after the clause's subordinator.
        let lo = if lo < k && a.listed(lo, &g.subordinators) { lo + 1 } else { lo };
        // "Each tablet sells for around Tk 300": the unit priced after "each".
        let lo = if lo + 1 < k && a.scan.is_any(lo, &["each", "every"]) { lo + 1 } else { lo };
        // "Each heroin cake weighs about 350 grams and could fetch…": after
        // "and", the subject is the first verb's, here the thing weighed.
        let conjoined = k > lo + 1 && a.scan.is(k - 1, "and");
        let subject = if conjoined {
            a.quantities.iter().find(|p| p.end + 1 == k).and_then(|p| weighed(a, p))
        } else {
            subject_before(a, lo, if relative { k - 1 } else { k })
                .or_else(|| (k == lo).then(|| subject_before_apposition(a, lo)).flatten())
        };
        // ("A kilo could fetch $30,000 on the streets": a unit's price.)
        let per_unit = subject.is_some_and(|(s, _)| a.scan.is_word(s) && a.lex.units.get(a.scan.tok(s)).is_some());
        // "The drugs … would fetch about 175 million euros": what a haul
        // would have brought is its value, not a price.
        // ("Each cake … could fetch $4,000", "A pill could fetch $20": a price.)
        let would = (k..verb).any(|j| a.scan.is_any(j, SALE_MODALS));
        let definite = match subject {
            // (The phrase may start after its article.)
            Some((s, _)) => [Some(s), s.checked_sub(1)]
                .into_iter()
                .flatten()
                .any(|j| a.scan.is_any(j, &["the", "these", "this", "those"])),
            None => a.drugs_before,
        };
        let value = market.or_else(|| (would && (definite || relative)).then(|| "value".to_owned()));
        if let Some(value) = value.filter(|_| !per_unit) {
            return match subject {
                Some(np) => valued(a, &value, np),
                None => What { text: Some(value), ..What::default() },
            };
        }
        // (A unit of sale after the sum other than the subject says what is
        // priced: "Captagon … is sold for between $5 and $20 a pill" is the
        // price of a pill, "Speed pills sell for 10-15 baht each" of the pills.)
        let other_unit = |(_, e): &(usize, usize)| {
            unit_of_sale(a, q).is_some_and(|unit| {
                let head = a.word_lower(e - 1);
                head.strip_suffix('s').unwrap_or(head) != unit
            })
        };
        if let Some((s, e)) = subject.filter(|np| !relative && !other_unit(np)) {
            return What {
                text: Some(format!("price of {}", a.phrase_text(s, e))),
                extent: Some((s, e)),
                ..What::default()
            };
        }
    }
    // "…bring the total value of drugs seized to €95 million".
    if q.pre > lo && a.scan.is(q.pre - 1, "to") {
        if let Some((s, e)) = raised_object(a, lo, q.pre - 1) {
            return What { text: Some(a.phrase_text(s, e)), ..What::default() };
        }
    }
    // "Australians spent $11.5 billion on methamphetamine, cocaine…",
    // "spends about 9 million somoni a year on prevention" (not "on Black
    // Friday").
    let on = yearly_rate_end(&a.scan, q.end).unwrap_or(q.end);
    if q.pre > lo && a.scan.is_any(q.pre - 1, &["spent", "spend", "spends", "spending"]) && a.scan.is(on, "on") {
        if let Some(np) = a.np_after(on + 1, false).filter(|np| !a.scan.is_capitalised(np.0)) {
            return phrase_what(a, "spending on ", np);
        }
    }
    // "Cleaning up a single dumping costs municipalities between €10,000
    // and €100,000", "Drug abuse costs the economy $5 billion": the cost of
    // the verb's subject. (Not the noun: "costs were $5m", "costs rose to".)
    let sum_at = if q.pre > lo && a.scan.is(q.pre - 1, "between") { q.pre - 1 } else { q.pre };
    if let Some(v) = (lo + 1..sum_at).rev().find(|&k| a.scan.is_any(k, &["costs", "cost"])) {
        let whom = |k: usize| {
            a.scan.is_any(k, &["us", "them", "him", "her", "taxpayers"])
                || a.scan.tok(k).ends_with('s') && !a.scan.is_any(k, &["is", "was", "has", "does"])
        };
        let object_ok = match sum_at - v - 1 {
            0 => true,
            1 => whom(v + 1),
            2 => a.scan.is(v + 1, "the") && a.scan.is_word(v + 2),
            _ => false,
        };
        // ("A kilo of cocaine that costs around $1,500": the relative's noun.)
        let end = if a.scan.is_any(v - 1, &["that", "which"]) { v - 1 } else { v };
        let subject_ok = end > lo && !a.is_determiner(end - 1) && (lo..end).all(|k| a.scan.is_word(k));
        if object_ok && subject_ok {
            return What { text: Some(format!("cost of {}", a.phrase_text(lo, end))), ..What::default() };
        }
    }
    // "drug trafficking generated €3.5 billion to €6 billion a year", "the
    // gang earned an estimated $2 million": the subject's revenue.
    let mut v = sum_at;
    while v > lo && (a.is_determiner(v - 1) || a.listed(v - 1, &g.value_hedges)) {
        v -= 1;
    }
    if let Some((_, verb)) = a.scan.phrase_before(&g.earning_verbs, v, 2).filter(|&(_, verb)| verb > lo) {
        // "the cocaine would have brought in about EUR 85 million": what a
        // haul would have brought is its value.
        let mut k = verb;
        while k > lo && a.scan.is_any(k - 1, SALE_AUXILIARIES) {
            k -= 1;
        }
        let would = (k..verb).any(|j| a.scan.is_any(j, SALE_MODALS));
        let drug = |(s, e): (usize, usize)| a.substances.iter().any(|t| t.start >= s && t.end <= e);
        if let Some(np) = subject_before(a, lo, k).filter(|&np| would && drug(np)) {
            return valued(a, "value", np);
        }
        if let Some((s, e)) = subject_before(a, lo, verb) {
            return What {
                text: Some(format!("revenue of {}", a.phrase_text(s, e))),
                extent: Some((s, e)),
                ..What::default()
            };
        }
    }
    // "The total economic loss inflicted on drug traffickers was estimated
    // at US$ 580 million": the subject of a verb of amounting, a drug's
    // value when it is one ("the seized drugs were estimated at…").
    let names_no_value = !(lo..q.pre).any(|k| a.listed(k, &g.value_nouns));
    // "The drugs, estimated at 88 billion CFA francs, were hidden…": the
    // phrase the estimate is set off from.
    let set_off = q.pre >= 4
        && q.pre <= lo + 2
        && a.scan.is(q.pre - 1, "at")
        && a.scan.is_any(q.pre - 2, &["estimated", "valued"])
        && a.scan.is_punct(q.pre - 3, ',');
    if set_off && names_no_value {
        let (before, _) = a.clause(q.pre - 4);
        if let Some(np) = a.np_before(before, q.pre - 3) {
            return valued(a, "value", np);
        }
    }
    if let Some(np) = subject_np(a, q, false).filter(|_| names_no_value) {
        // ("Farm-gate prices for opium rose to $355": a price names itself.)
        let priced = (np.0..np.1).any(|k| a.listed(k, &g.price_nouns));
        if !priced && a.substances.iter().any(|t| t.start >= np.0 && t.end == np.1) {
            return valued(a, "value", np);
        }
        return What { text: Some(a.phrase_text(np.0, np.1)), np: Some(np), ..What::default() };
    }
    let is_value = |k: usize| a.listed(k, &g.value_nouns);
    let Some(k) = (lo..q.pre).rev().find(|&k| is_value(k)).or_else(|| (0..q.pre).rev().find(|&k| is_value(k))) else {
        // "sold for between $5 and $20 a pill", "$15 per pill": the price
        // of a unit of sale.
        let text = unit_of_sale(a, q).map(|unit| format!("price of {unit}"));
        return What { text, ..What::default() };
    };
    let mut start = k;
    while start > 0 && a.listed(start - 1, &g.value_modifiers) {
        start -= 1;
    }
    // (Not into another sum: "a street value of NZ$ 249.5 million".)
    let end = match a.np_after(k, false) {
        Some((_, e)) if e <= q.pre && !a.quantities.iter().any(|p| p.pre > k && p.pre < e) => e,
        _ => k + 1,
    };
    let value = a.phrase_text(start, end);
    // "the drugs had a value of 320 million pesos", "had an estimated
    // value of": the value of the subject.
    let mut v = start;
    while v > 0 && (a.is_determiner(v - 1) || a.listed(v - 1, &g.value_hedges)) {
        v -= 1;
    }
    // "1.2 tons of crystal meth with an estimated value of…": the value of
    // the thing before "with".
    let mut w = v;
    while w > lo && (a.is_determiner(w - 1) || a.listed(w - 1, &g.before_worth)) {
        w -= 1;
    }
    if end == k + 1 && w > lo + 1 && a.scan.is(w - 1, "with") {
        if let Some(np) = thing_valued(a, lo, w - 1, false) {
            return valued(a, &value, np);
        }
    }
    // ("4,350 tonnes of marijuana were taken out of the market, with an
    // estimated value of…": the amount of the clause before the comma, else
    // the thing that clause ends on.)
    if end == k + 1 && w >= 3 && w <= lo + 1 && a.scan.is(w - 1, "with") && a.scan.is_punct(w - 2, ',') {
        let (before, _) = a.clause(w - 3);
        let amount = a.quantities.iter().find(|p| {
            p.start >= before && p.end < w - 2 && !matches!(p.unit, Unit::Money(_)) && a.scan.is(p.end, "of")
        });
        // (Not "the largest ever haul of cocaine in the history of the
        // State, with an estimated value of…": a thing valued is a drug.)
        let drug = |np: &(usize, usize)| {
            a.substances.iter().any(|t| t.start >= np.0 && t.end <= np.1)
                || np.1 > np.0 && a.lex.substances.get(a.scan.lower(np.1 - 1)).is_some()
        };
        let np = amount
            .and_then(|p| a.np_after(p.end + 1, false))
            .or_else(|| thing_valued(a, before, w - 2, true).filter(drug));
        if let Some(np) = np {
            return valued(a, &value, np);
        }
    }
    if end == k + 1 && v > 1 && v < start && a.scan.is_any(v - 1, &["had", "has", "have"]) {
        let (mut lo, _) = a.clause(v - 1);
        // ("The meth, found at Ports of Auckland on 9 January, has an
        // estimated street value of…": the subject before the aside.)
        let mut verb = before_auxiliaries(a, lo, v - 1);
        // "the consignment … was shipped from Karachi, Pakistan, and has a
        // street value of…": a predicate joined by "and" has the subject of
        // the one before.
        if verb > 0 && a.scan.is_any(verb - 1, &["and", "but"]) {
            // ("the parcels weighed about 38 kilograms and have a street
            // value of…": the thing weighed.)
            if let Some(np) = a.quantities.iter().find(|p| p.end + 1 == verb).and_then(|p| weighed(a, p)) {
                return valued(a, &value, np);
            }
            let first =
                (0..verb - 1).rev().find(|&j| a.scan.is_any(j, &["was", "were", "is", "are", "has", "have", "had"]));
            if let Some(j) = first {
                lo = a.clause(j).0;
                verb = before_auxiliaries(a, lo, j);
            }
        }
        let subject = match verb == lo {
            true => subject_before_apposition(a, lo),
            false => subject_before(a, lo, verb),
        };
        if let Some(np) = subject {
            return valued(a, &value, np);
        }
        // "the drugs, estimated to have a street value of…": the phrase
        // before the comma.
        let mut j = v - 1;
        while j > 0 && a.listed(j - 1, &g.before_worth) {
            j -= 1;
        }
        if j > 1 && a.scan.is_punct(j - 1, ',') {
            let (lo, _) = a.clause(j - 2);
            if let Some(np) = a.np_before(lo, j - 1) {
                return valued(a, &value, np);
            }
        }
    }
    // "Authorities estimated the value of the shipment at…": the thing
    // valued is the phrase after "of".
    let extent = (end > k + 2 && a.scan.is(k + 1, "of")).then_some((k + 2, end));
    What { text: Some(value), extent, ..What::default() }
}

/// The `what` of a sum named by the phrase `np` after it: the phrase's text
/// after `lead` ("value of ", or nothing).
fn phrase_what(a: &Analysis, lead: &str, np: (usize, usize)) -> What {
    What { text: Some(format!("{lead}{}", a.phrase_text(np.0, np.1))), np: Some(np), ..What::default() }
}

/// "value of shabu": the `value` of the phrase `np` before it. The phrase is
/// the figure's extent, so that the drug it names is the figure's own
/// ("2,700 kilos of shabu worth P18.4 billion and 31,000 drug personalities").
fn valued(a: &Analysis, value: &str, np: (usize, usize)) -> What {
    // "The 268kg haul": the thing after its own figure.
    let start = a.quantities.iter().filter(|p| p.end > np.0 && p.end < np.1).map(|p| p.end).max();
    let np = (start.unwrap_or(np.0), np.1);
    What { text: Some(format!("{value} of {}", a.phrase_text(np.0, np.1))), extent: Some(np), ..What::default() }
}

/// "14,100 pounds of cocaine and 2,300 pounds of marijuana, worth…": a
/// list of amounts, ending at token `j`, that a worth phrase values whole.
/// `None` unless two amounts or more stand in the list.
fn list_valued(a: &Analysis, lo: usize, j: usize) -> Option<What> {
    let mut items: Vec<(usize, usize)> = Vec::new();
    let mut end = j;
    for p in a.quantities.iter().rev().filter(|p| p.start >= lo && p.end <= j) {
        if p.end > end {
            continue;
        }
        // "2,500 kg of cocaine", "1,275,000 pills of tramadol": the thing
        // after a weight's "of", or a count's own noun with what it is of.
        let np = if a.scan.is(p.end, "of") {
            a.np_after(p.end + 1, false)
        } else if p.unit == Unit::Count {
            a.np_after(p.end, true).and_then(|(s, e)| {
                if a.scan.is(e, "of") {
                    a.np_after(e + 1, false).map(|(_, e)| (s, e))
                } else {
                    Some((s, e))
                }
            })
        } else {
            None
        };
        // "1,275,000 pills of tramadol 225mg and…": the drug's strength may
        // end the item's name.
        let strength_to_end = |k: usize| {
            super::quantity::quantity_at(&a.scan, k, a.lex)
                .is_some_and(|d| d.end == end && super::reject::is_dose_strength(&a.scan, &d, a.lex))
        };
        let Some(np) = np.filter(|np| np.1 == end || strength_to_end(np.1)) else { break };
        items.push(np);
        // What joins the item to the one before: "and", ",", ", and".
        end = p.pre;
        while end > lo && (a.scan.is_punct(end - 1, ',') || a.scan.is(end - 1, "and")) {
            end -= 1;
        }
        if end == p.pre {
            break;
        }
    }
    if items.len() < 2 {
        return None;
    }
    items.reverse();
    let names: Vec<String> = items.iter().map(|np| a.phrase_text(np.0, np.1)).collect();
    let (last, rest) = names.split_last()?;
    let extent = (items[0].0, items[items.len() - 1].1);
    Some(What {
        text: Some(format!("value of {} and {last}", rest.join(", "))),
        extent: Some(extent),
        ..What::default()
    })
}

/// The thing a worth phrase values, ending at token `j` ("990 kilos of
/// shabu | worth…" → "shabu"), not reaching back past `lo`. `comma_before`:
/// a comma parts them ("hid the drugs, worth…").
fn thing_valued(a: &Analysis, lo: usize, j: usize, comma_before: bool) -> Option<(usize, usize)> {
    // "around one ton of shabu worth…": the phrase starts after the amount.
    let amount_end = a.quantities.iter().filter(|p| p.start >= lo && p.end <= j).map(|p| p.end).max();
    // The thing valued may be a verb's object: "hid the drugs, worth…".
    let from = amount_end.unwrap_or(lo);
    // "police seized drugs worth…", "1.2 million yaba tablets worth…":
    // the thing valued starts after the verb or the number.
    let verb_or_number = |k: usize| {
        a.quantities.iter().any(|q| q.start <= k && k < q.end)
            || a.events.iter().any(|m| m.verb && m.tag.start <= k && k < m.tag.end)
    };
    let e = j;
    // A phrase after a preposition is no thing valued ("in a house
    // worth…"), but one after "have seized" is the verb's object.
    // So is an event's object ("resulted in the seizure of drugs worth…"):
    // the phrase after its "of".
    let (s, in_pp) = a.phrase_ending(from, e)?;
    // "seized 105kg of cannabis in Little Island, worth…": where it was
    // found stands between the thing and the comma.
    let wheres = ["in", "at", "near", "off", "on", "inside", "aboard"];
    // "2.7 tonnes of cocaine hidden in containers of bananas at the port of
    // Gioia Tauro in Calabria, worth…": past every phrase of where and how,
    // the drug weighed.
    if in_pp && comma_before {
        let weighed = a.quantities.iter().rev().filter(|p| p.start >= lo && p.end < s).find_map(|p| {
            let of_drug = p.unit.dimension() == Dimension::Mass && a.scan.is(p.end, "of");
            let drug = a.substances.iter().find(|t| of_drug && t.start == p.end + 1)?;
            Some((drug.start, drug.end))
        });
        if weighed.is_some() {
            return weighed;
        }
    }
    if let Some(prep) = preposition_before(a, from, s, &wheres).filter(|_| in_pp && comma_before) {
        if let Some(found) = thing_valued(a, lo, prep, false) {
            return Some(found);
        }
    }
    let object_of = (s..e - 1).rev().find(|&k| a.scan.is(k, "of") && a.events.iter().any(|m| m.tag.end == k));
    // "Detectives found drugs worth…": the object of a verb that also ends
    // noun phrases ("found", "hidden").
    let mut b = s;
    while b > lo && a.is_determiner(b - 1) {
        b -= 1;
    }
    // ("had stolen electricity worth…": so is a participle's after an
    // auxiliary.)
    let verbs_object = a.events.iter().any(|m| m.verb && m.tag.end == b)
        || b >= 2 && a.scan.is_any(b - 2, &["had", "has", "have"]) && a.scan.is_word(b - 1);
    let accepted = comma_before
        || !in_pp
        || object_of.is_some()
        || verbs_object
        || (s..e - 1).any(|k| a.events.iter().any(|m| m.verb && m.tag.start == k));
    if !accepted {
        return None;
    }
    let mut s = object_of.map_or(s, |k| k + 1);
    // "990 kilos of shabu worth…": the value of the shabu.
    if a.scan.is_word(s) && a.lex.units.get(a.scan.tok(s)).is_some() && a.scan.is(s + 1, "of") && s + 2 < e {
        s += 2;
    }
    // ("the drugs seized are … worth": a verb ending the phrase stays.)
    if let Some(k) = (s..e - 1).rev().find(|&k| verb_or_number(k)) {
        s = (k + 1).min(e - 1);
    }
    // "one ton of shabu worth…": the shabu; "cash amounting to RM85,000
    // and jewellery worth…": the jewellery.
    if a.scan.is_any(s, &["of", "and", "or"]) && s + 1 < e {
        s += 1;
    }
    // "found cocaine, heroin and methamphetamine worth…": the whole list of
    // drugs, across its commas.
    // (A comma bounds the clause: the list may reach back past `lo`.)
    let floor = amount_end.unwrap_or(0);
    while s >= 2 && a.scan.is_punct(s - 1, ',') {
        match a.substances.iter().find(|t| t.end == s - 1 && t.start >= floor) {
            Some(t) => s = t.start,
            None => break,
        }
    }
    // "5 kg of heroin and jewellery worth $20,000": the last thing alone,
    // when it is no drug.
    if a.listed(e - 1, &a.lex.grammar.non_drug_things) {
        if let Some(k) = (s..e - 1).rev().find(|&k| a.scan.is_any(k, &["and", "or"])) {
            s = k + 1;
        }
    }
    Some((s, e))
}

/// The drugs of a mix a figure measures as one, in the order its own phrase
/// names them ("5 kg of heroin and cocaine" → heroin, cocaine); empty when
/// the phrase names fewer than two.
pub fn mix_of(a: &Analysis, what: &What) -> Vec<String> {
    let Some((s, e)) = what.extent.or(what.np) else { return Vec::new() };
    let mut names: Vec<String> = Vec::new();
    for t in a.substances.iter().filter(|t| t.start >= s && t.end <= e) {
        if let Some(v) = t.value.as_deref().filter(|v| *v != "narcotics") {
            if !names.iter().any(|n| n == v) {
                names.push(v.to_owned());
            }
        }
    }
    if names.len() < 2 {
        names.clear();
    }
    names
}

/// Combines the substances of one phrase: drugs in general win over a list
/// that mixes them with named ones; otherwise the first named one; a class
/// word alone gives none.
fn combine(subs: &[&Tagged<Option<String>>]) -> Option<Option<String>> {
    if subs.is_empty() {
        return None;
    }
    // "narcotic Captagon pills": a drug in general right before a named one
    // is its epithet.
    let epithet = |i: usize| {
        let generic = |t: &Tagged<Option<String>>| t.value.as_deref() == Some("narcotics");
        generic(subs[i]) && subs.get(i + 1).is_some_and(|n| n.start == subs[i].end && n.value.is_some() && !generic(n))
    };
    let mut named = subs.iter().enumerate().filter(|&(i, _)| !epithet(i)).filter_map(|(_, t)| t.value.as_ref());
    // A drug class alone ("class A drugs", "opioids", "stimulants") is drugs
    // unspecified, as are "narcotics" listed with named drugs.
    match named.next() {
        Some(first) if !named.any(|s| s == "narcotics") && first != "narcotics" => Some(Some(first.clone())),
        _ => Some(Some("narcotics".to_owned())),
    }
}

fn nearest<'t, V>(items: impl Iterator<Item = &'t Tagged<V>>, k: usize) -> Option<&'t Tagged<V>>
where
    V: 't,
{
    items.min_by_key(|t| if t.start >= k { t.start - k } else { k.saturating_sub(t.end) + 1 })
}

/// Substance of quantity `q` from its own phrase, clause or sentence; `None`
/// when the sentence says nothing (the caller may carry one over), `Some(None)`
/// when it names only a drug class. `taken` are the other quantities' phrases:
/// their substances are theirs. In the sentence at large, a list ("narcotics,
/// psychotropic substances, and precursors") counts as one mention.
pub fn substance_of(a: &Analysis, q: &Quantity, what: &What, taken: &[(usize, usize)]) -> Option<Option<String>> {
    let inside = |t: &Tagged<Option<String>>, r: (usize, usize)| t.start >= r.0 && t.end <= r.1;
    // "$3 million of cash", "EUR 2.3 million in cash": money held as such is
    // of no drug (but "drug money" is).
    if let Some(np) =
        what.np.filter(|np| q.unit.dimension() == Dimension::Money && a.listed(np.1 - 1, &a.lex.grammar.money_nouns))
    {
        if !a.substances.iter().any(|t| inside(t, np)) {
            return Some(None);
        }
    }
    // "12 kg of cocaine, 89 firearms and 3 vehicles": things that are no drug
    // (the head before any "of": "interdictions of smuggling vessels" are).
    let head = |np: &(usize, usize)| (np.0..np.1).find(|&k| a.scan.is(k, "of")).unwrap_or(np.1).checked_sub(1);
    // ("₹25 crore worth of gold": nor is the value of one.)
    let valued_thing = what.extent.filter(|_| q.unit.dimension() == Dimension::Money);
    if let Some(np) = what
        .np
        .or(valued_thing)
        .filter(|np| head(np).is_some_and(|h| h >= np.0 && a.listed(h, &a.lex.grammar.non_drug_things)))
    {
        if !a.substances.iter().any(|t| inside(t, np)) {
            return Some(None);
        }
    }
    // "Firearms: 305 (2022: 286)": a figure counting the things the one
    // before counts, named there.
    if what.np.is_none() && what.head.as_deref().is_some_and(|h| a.lex.grammar.non_drug_things.get(h).is_some()) {
        return Some(None);
    }
    let generic = |t: &Tagged<Option<String>>| t.value.as_deref().is_none_or(|v| v == "narcotics");
    if let Some(np) = what.extent {
        let own: Vec<&Tagged<Option<String>>> = a.substances.iter().filter(|t| inside(t, np)).collect();
        // "Opium made up about 75 percent of the drugs seized": a share of
        // drugs in general is the share of the drug its verb follows.
        let sharer = || {
            let lo = a.clause(q.start).0;
            let verb = |t: &&Tagged<Option<String>>| {
                t.start >= lo
                    && t.end < q.pre
                    && q.pre - t.end <= SHARE_VERB_WORDS
                    && (t.end..q.pre).all(|k| a.scan.is_word(k))
            };
            // (Not an example of a class: "opioids such as methadone were
            // implicated in 80%".)
            a.substances.iter().filter(verb).rfind(|t| !generic(t) && !examples_of_class(a, t.start))
        };
        let shared = (q.unit == Unit::Percent && own.iter().all(|t| generic(t))).then(sharer).flatten();
        if let Some(s) = shared.map(|t| t.value.clone()).or_else(|| combine(&own)) {
            return Some(s);
        }
    }
    // "…saved 6 million people from drug abuse, … estimating the street value
    // of the drugs at Rp 1.8 trillion": the value of the drugs named before,
    // not of drugs in general.
    if q.unit.dimension() == Dimension::Money && a.drugs_before && a.substances.iter().all(generic) {
        return None;
    }
    let free: Vec<&Tagged<Option<String>>> =
        a.substances.iter().filter(|t| !taken.iter().any(|r| inside(t, *r))).collect();
    let clause = a.clause(q.start);
    let mut groups = list_groups(a, &free);
    // "Opioids such as heroin and methadone were implicated in 80% of
    // deaths": examples of a drug class stand for it, not for themselves.
    groups.retain(|g| !examples_of_class(a, g[0].start));
    // "Cannabis remained the most widely used drug, with 244 million users,
    // followed by opioids (61 million)": the drug next in a ranking is the
    // next figure's.
    groups.retain(|g| {
        !(g[0].start >= q.end
            && g[0].start >= 2
            && a.scan.is(g[0].start - 2, "followed")
            && a.scan.is(g[0].start - 1, "by"))
    });
    let dist = |g: &Vec<&Tagged<Option<String>>>| {
        let (s, e) = (g[0].start, g[g.len() - 1].end);
        if s >= q.end {
            s - q.end
        } else {
            q.start.saturating_sub(e)
        }
    };
    // "Cannabis remains the most widely used drug (228 million users),
    // followed by opioids (60 million users)", "Heroin seizures fell to 232
    // kg (2022: 318 kg)": a figure in brackets is of the clause before them,
    // though another figure's phrase there names the drug.
    if let Some(open) = a.bracket_holding(q) {
        let (lo, _) = a.clause(open - 1);
        let all: Vec<&Tagged<Option<String>>> = a.substances.iter().collect();
        let before = list_groups(a, &all);
        if let Some(g) =
            before.iter().filter(|g| g[0].start >= lo && g[g.len() - 1].end <= open).max_by_key(|g| g[0].start)
        {
            return combine(g);
        }
    }
    if let Some(g) = groups.iter().filter(|g| g.iter().all(|t| inside(t, clause))).min_by_key(|g| dist(g)) {
        return combine(g);
    }
    // ("Opioids … were implicated in 80% of the deaths, while
    // benzodiazepines were involved in 57%": not the drug of a contrasting
    // clause after it.)
    let contrast = a.contrast_after(q.end);
    groups.iter().filter(|g| g[0].start < contrast).min_by_key(|g| dist(g)).and_then(|g| combine(g))
}

/// True when the substance named at token `start` is the first example of
/// a drug class named right before it: "opioids such as heroin", "synthetic
/// opioids, including fentanyl".
fn examples_of_class(a: &Analysis, start: usize) -> bool {
    // (Or a later one: "opioids such as heroin, morphine and methadone".)
    let mut k = start;
    while k > 0 {
        if a.scan.is_punct(k - 1, ',') || a.scan.is_any(k - 1, &["and", "or"]) {
            k -= 1;
        } else if let Some(t) = a.substances.iter().find(|t| t.end == k && t.value.is_some()) {
            k = t.start;
        } else {
            break;
        }
    }
    if k >= 2 && a.scan.is(k - 2, "such") && a.scan.is(k - 1, "as") {
        k -= 2;
    } else if k >= 1 && a.scan.is_any(k - 1, &["including", "like", "especially", "notably"]) {
        k -= 1;
    } else {
        return false;
    }
    if k >= 1 && a.scan.is_punct(k - 1, ',') {
        k -= 1;
    }
    a.substances.iter().any(|t| t.end == k && t.value.is_none())
}

/// Groups mentions that stand in one list ("X, Y, and Z").
pub(crate) fn list_groups<'t>(
    a: &Analysis,
    mentions: &[&'t Tagged<Option<String>>],
) -> Vec<Vec<&'t Tagged<Option<String>>>> {
    let mut groups: Vec<Vec<&Tagged<Option<String>>>> = Vec::new();
    for &m in mentions {
        let joined = groups.last().and_then(|g| g.last()).is_some_and(|prev| {
            (prev.end..m.start).all(|k| a.scan.is_punct(k, ',') || a.scan.is_any(k, &["and", "or", "other"]))
        });
        match groups.last_mut() {
            Some(g) if joined => g.push(m),
            _ => groups.push(vec![m]),
        }
    }
    groups
}

/// Tokens a gapped passive's participle may stand after its figure ("and
/// 7,400 county lines closed").
const GAPPED_REACH: usize = 4;

/// The event of the verb governing tokens `q.start..q.end` within `lo..hi`:
/// the nearest verb before, else the nearest after, else the strongest noun.
fn governing(a: &Analysis, q: &Quantity, lo: usize, hi: usize) -> Option<Event> {
    // "a street value of $760 million and could have been sold as 7.6
    // million street deals": what would have been is the figure after it.
    // "would have been worth up to £96 million once cut and sold": a verb of
    // a subordinate clause after the figure is not its event.
    let subordinate = |e: &EventMention| {
        e.verb
            && e.tag.start >= q.end
            && (q.end..e.tag.start).any(|k| a.scan.phrase_at(&a.lex.grammar.subordinators, k).is_some())
    };
    let within = |e: &&EventMention| {
        e.tag.start >= lo && e.tag.end <= hi && e.only_object.is_none_or(|object| object == q.pre) && !subordinate(e)
    };
    let before = a.events.iter().filter(within).filter(|e| e.verb && e.tag.end <= q.start).max_by_key(|e| e.tag.end);
    // "Seven members of a gang who supplied cocaine … have been jailed": the
    // verb of a relative clause after the subject is not the subject's; the
    // main verb after it, in the passive or perfect, is.
    let after = || {
        let mut verbs = a.events.iter().filter(within).filter(|e| e.verb && e.tag.start >= q.end);
        let first = verbs.next()?;
        let aux =
            |k: usize| a.scan.is_any(k, &["was", "were", "been", "be", "is", "are", "have", "has", "had", "being"]);
        // "three lorries used to transport the drugs were seized": nor is an
        // infinitive of purpose. ("Two men who were held with 1,200 pounds
        // of ganja … were each fined": its auxiliaries are the clause's.)
        let mut opener = first.tag.start;
        while opener > q.end + 1 && aux(opener - 1) {
            opener -= 1;
        }
        let relative = opener > q.end && a.scan.is_any(opener - 1, &["who", "which", "that", "to"]);
        // "70% of the cocaine produced in Colombia passes through Ecuador":
        // a participle right after its noun is a reduced relative clause;
        // the verb after it is the main one.
        // (Right after its noun: "Two men, aged 36 and 41, appeared in court
        // on Friday charged with importing…" is no reduced clause.)
        let s = first.tag.start;
        let reduced = s > q.end
            && s <= q.end + REDUCED_REACH
            && (q.end..s).all(|k| a.scan.is_word(k))
            && a.scan.lower(s).ends_with("ed")
            && a.scan.is_word(s - 1)
            && !a.is_stop(s - 1)
            && !aux(s - 1)
            && !is_adverb(a, s - 1);
        if reduced {
            let finite = |e: &&EventMention| !a.scan.lower(e.tag.start).ends_with("ed") || aux(e.tag.start - 1);
            if let Some(main) = verbs.clone().find(finite) {
                return Some(main);
            }
        }
        if !relative {
            return Some(first);
        }
        // ("were each fined": a floating quantifier after the auxiliary.)
        let main = verbs.find(|e| {
            let s = e.tag.start;
            let k = if a.scan.is_any(s - 1, &["each", "both", "all", "also", "later", "then"]) { s - 1 } else { s };
            s > first.tag.end && a.scan.is_any(k - 1, &["been", "was", "were", "is", "are", "be", "have", "has", "had"])
        });
        Some(main.unwrap_or(first))
    };
    // "2,150 suspects were detained and 8.4 tons of drugs were seized",
    // "charged three men after 2.3 tonnes of meth was allegedly found": a
    // passive verb after the quantity governs it when "and" or a
    // subordinating conjunction parts it from the verb before.
    // "and 12 suspected drug offenders, aged between 23 and 61, were
    // arrested": an aside between commas may part the noun from its verb.
    let passive_after = || {
        after().filter(|e| {
            let aux = |k: usize| a.scan.is_any(k, &["was", "were", "been", "are", "is"]);
            let s = e.tag.start;
            let aux_at = if s >= 2 && is_adverb(a, s - 1) { s - 2 } else { s - 1 };
            let words = |r: std::ops::Range<usize>| r.into_iter().all(|k| a.scan.is_word(k));
            // "…have been arrested and 7,400 lines closed.": the auxiliary
            // gapped, the participle ends the clause right after its noun.
            let gapped = s > q.end
                && s <= q.end + GAPPED_REACH
                && words(q.end..s)
                && a.scan.lower(s).ends_with("ed")
                && !a.scan.is_word(e.tag.end);
            if s <= q.end || !(aux(aux_at) || gapped) {
                return false;
            }
            let comma = (q.end..aux_at).find(|&k| a.scan.is_punct(k, ','));
            // "12,400 kilos of hashish, 14 speedboats, 9 vehicles and €320,000
            // in cash were seized": a list of figures, each after a comma or
            // "and", shares the verb after its last.
            let opens_figure = |k: usize| a.quantities.iter().any(|p| p.pre == k + 1);
            let listed = comma.is_some()
                && aux_at <= q.end + LIST_REACH
                && (q.end..aux_at).all(|k| !a.scan.is_punct(k, ',') || opens_figure(k))
                && !a.events.iter().any(|v| v.verb && v.tag.start >= q.end && v.tag.end <= aux_at);
            match comma {
                Some(_) if listed => true,
                None => s <= q.end + 6 && words(q.end..aux_at),
                Some(open) => {
                    let close = aux_at - 1;
                    let verb_inside = a.events.iter().any(|v| v.verb && v.tag.start > open && v.tag.end <= close);
                    close > open + 1
                        && a.scan.is_punct(close, ',')
                        && aux_at <= q.end + ASIDE_REACH
                        && words(q.end..open)
                        && !verb_inside
                }
            }
        })
    };
    let parted = |b: &EventMention| {
        (b.tag.end..q.start).any(|k| a.scan.is(k, "and") || a.scan.phrase_at(&a.lex.grammar.subordinators, k).is_some())
    };
    // "A gang that smuggled 400 kg of meth and 25 kg of fentanyl into Texas
    // was dismantled": the second of the verb's objects is its object too,
    // whatever the verb after.
    let second_object = |b: &EventMention| {
        let Some(and) = q.pre.checked_sub(1).filter(|&k| a.scan.is(k, "and")) else { return false };
        a.quantities.iter().any(|p| {
            p.unit.dimension() == q.unit.dimension()
                && p.start >= b.tag.end
                && p.end < and
                && and - p.end <= 4
                && (p.end..and)
                    .all(|k| a.scan.is_word(k) && !a.events.iter().any(|e| (e.tag.start..e.tag.end).contains(&k)))
        })
    };
    let before = match before {
        Some(b) if parted(b) && !second_object(b) => passive_after().or(Some(b)),
        b => b,
    };
    before
        .or_else(after)
        .map(|e| e.tag.value)
        .or_else(|| a.events.iter().filter(within).map(|e| e.tag.value).min_by_key(|e| a.lex.event_rank(*e)))
}

/// Where the clause of figure `q` starts when `q` goes on a list of figures
/// after a comma, with no verb of its own: at the clause of the list's
/// first, whose verb governs it. "found 412,000 mandrax tablets, 350 litres
/// of precursor chemicals and equipment used in the manufacturing process":
/// the litres were found, not made. Otherwise `lo`. ("Police seized 5 kg, 3
/// people were arrested": a verb after an auxiliary is the figure's own.)
fn list_start(a: &Analysis, q: &Quantity, lo: usize, hi: usize) -> usize {
    let Some(comma) = q.pre.checked_sub(1).filter(|&k| k == lo.saturating_sub(1) && a.scan.is_punct(k, ',')) else {
        return lo;
    };
    let aux = |k: usize| a.scan.is_any(k, &["was", "were", "is", "are", "been", "be", "has", "have", "had"]);
    let own_verb = a
        .events
        .iter()
        .any(|e| e.verb && e.tag.start >= lo && e.tag.end <= hi && e.tag.start > 0 && aux(e.tag.start - 1));
    if own_verb {
        return lo;
    }
    let prev_lo = a.clause(comma).0;
    let listed = a.quantities.iter().any(|p| {
        p.start >= prev_lo
            && p.end <= comma
            && (p.end..comma)
                .all(|k| a.scan.is_word(k) && !a.events.iter().any(|e| e.verb && (e.tag.start..e.tag.end).contains(&k)))
    });
    if listed {
        prev_lo
    } else {
        lo
    }
}

/// Index among the sentence's quantities of the figure before `q` on the
/// same list ("brought 900 kg of crystal meth, 290,000 synthetic pills and
/// 60 bricks of heroin across the border"): only its words, then a comma or
/// "and", part them, and neither names people the other does not.
pub fn previous_in_list(a: &Analysis, q: &Quantity, what: &What) -> Option<usize> {
    let mut sep = q.pre.checked_sub(1)?;
    if !(a.scan.is(sep, "and") || a.scan.is_punct(sep, ',')) {
        return None;
    }
    if a.scan.is(sep, "and") && sep > 0 && a.scan.is_punct(sep - 1, ',') {
        sep -= 1;
    }
    let j = a.quantities.iter().rposition(|p| p.end <= sep)?;
    let p = &a.quantities[j];
    let in_verb = |k: usize| a.events.iter().any(|e| e.verb && (e.tag.start..e.tag.end).contains(&k));
    let plain = sep - p.end <= LIST_GAP && (p.end..sep).all(|k| a.scan.is_word(k) && !in_verb(k));
    let people = |np: Option<(usize, usize)>| np.is_some_and(|np| a.names_people(np));
    let p_people = a.np_after(p.end, p.unit == Unit::Count).is_some_and(|np| a.names_people(np));
    (plain && people(what.np) == p_people).then_some(j)
}

/// Words at most between a listed figure and the comma or "and" before the
/// next ("900 kg of crystal meth, …").
const LIST_GAP: usize = 8;

/// Tokens from a quantity to a participle that opens a reduced relative
/// clause on its noun ("70% of the cocaine produced in Colombia").
const REDUCED_REACH: usize = 4;

/// Tokens from a quantity to the passive verb after the list of figures it
/// opens ("14 speedboats, 9 vehicles and 320,000 euros in cash were seized").
const LIST_REACH: usize = 24;

/// Tokens from a quantity to the passive verb after it, across an aside
/// between commas ("12 suspects, aged between 23 and 61, were arrested").
const ASIDE_REACH: usize = 14;

/// Tokens back from a figure to a counterfactual that makes it no event
/// ("could have been consumed by about 5.1 million addicts").
const COUNTERFACTUAL_REACH: usize = 6;

/// True when a counterfactual a few words before figure `q` makes it no
/// event: "could have been consumed by about 5.1 million addicts", "its
/// target of 25,000 hectares". A sum is valued whether or not the act
/// happened ("could have fetched £3m on the street" is the seized drugs'
/// street value), so money is never one.
pub fn is_counterfactual(a: &Analysis, q: &Quantity) -> bool {
    if q.unit.dimension() == Dimension::Money {
        return false;
    }
    let lo = a.clause(q.start).0;
    (q.pre.saturating_sub(COUNTERFACTUAL_REACH).max(lo)..q.pre).any(|k| {
        a.scan.phrase_at(&a.lex.grammar.counterfactual, k).is_some_and(|(_, end)| {
            (end..q.pre).all(|j| a.scan.is_word(j) && !a.events.iter().any(|e| e.verb && e.tag.start == j))
        })
    })
}

/// Event of quantity `q`: the counted noun's own event (unless the count is
/// adverbial), then the verb governing it in its clause, then in its sentence.
pub fn event_of(a: &Analysis, q: &Quantity, what: &What) -> Option<Event> {
    if is_counterfactual(a, q) {
        return Some(Event::Other);
    }
    // "intercepted … about 500 km south of the Azores", "40 nautical miles
    // off Lhokseumawe": a distance that says where is no measure of the act.
    if q.unit.dimension() == Dimension::Distance && a.listed(q.end, &a.lex.grammar.position_words) {
        return Some(Event::Other);
    }
    // "During 340 house searches in 25 counties, investigators seized…":
    // places counted are where it happened, not what befell ("in 14
    // regions of Ukraine" too).
    let places_counted = what.np.is_some_and(|(s, e)| {
        s == q.end && (e == s + 1 || a.scan.is(s + 1, "of")) && a.listed(s, &a.lex.grammar.location_nouns)
    });
    if q.unit == Unit::Count && places_counted {
        return Some(Event::Other);
    }
    // "12 drug processing laboratories were destroyed": its passive verb.
    let passive_after = || {
        let (_, end) = what.np?;
        let mut k = end;
        while k < end + 3 && a.scan.is_any(k, &["were", "was", "been", "have", "has", "had", "being"]) {
            k += 1;
        }
        (k > end).then(|| a.events.iter().find(|e| e.verb && e.tag.start == k).map(|e| e.tag.value)).flatten()
    };
    if !what.adverbial {
        // A noun of no event of its own ("laboratories") takes the event of
        // the verb right before it ("destroyed 4,212 laboratories").
        let verb_before = || a.events.iter().find(|e| e.verb && e.tag.end == q.pre).map(|e| e.tag.value);
        match what.head_event {
            Some(Event::Other) => return verb_before().or_else(passive_after).or(Some(Event::Other)),
            // "captured its three crew members": people seized were arrested.
            None if what.head.as_deref().is_some_and(|h| a.lex.is_people_noun(h)) => {
                let at = if q.pre > 0 && a.is_determiner(q.pre - 1) { q.pre - 1 } else { q.pre };
                let seized = a.events.iter().any(|e| e.verb && e.tag.end == at && e.tag.value == Event::Seizure);
                if seized {
                    return Some(Event::Arrest);
                }
            }
            Some(e) => return Some(e),
            None => {}
        }
    }
    let (lo, hi) = a.clause(q.start);
    // "1,200 officers carried out 60 searches and arrested 52 suspects": the
    // officers act; "3 officers were killed" do not.
    let personnel = what.head.as_deref().is_some_and(|h| a.lex.grammar.personnel.get(h).is_some());
    if personnel && !what.adverbial {
        if let Some((_, end)) = what.np.filter(|(s, _)| *s >= q.end) {
            let verb_before = a.events.iter().any(|e| e.verb && e.tag.start >= lo && e.tag.end <= q.start);
            let passive = a.scan.is_any(end, &["was", "were", "is", "are", "been", "had", "have", "has"]);
            // ("27 police officers lost their lives": what befell them.)
            if a.events.iter().any(|e| e.tag.start == end && e.tag.value == Event::Casualty) {
                return Some(Event::Casualty);
            }
            if !verb_before && !passive && a.scan.is_word(end) {
                return Some(Event::Other);
            }
        }
    }
    // "with the arrest of four men and the seizure of 350 kg": the event
    // noun whose "of" opens the quantity, or the amount it values ("… of
    // 350 kg of syabu worth RM12.6 million").
    let event_noun_of = |pre: usize| {
        let of = pre.checked_sub(1).filter(|&k| k > 0 && a.scan.is(k, "of"))?;
        let noun = a.events.iter().find(|e| e.tag.end == of)?;
        // "intercepted the final shipment of 380 kilos": goods that are the
        // object of an event verb take its event.
        if a.lex.grammar.cargo_nouns.get(a.scan.lower(noun.tag.start)).is_some() {
            let object_of = |v: &&EventMention| {
                v.verb
                    && v.tag.end <= noun.tag.start
                    && noun.tag.start - v.tag.end <= 3
                    && (v.tag.end..noun.tag.start).all(|k| a.scan.is_word(k))
            };
            if let Some(v) = a.events.iter().rev().find(object_of) {
                return Some(v.tag.value);
            }
        }
        Some(noun.tag.value)
    };
    let valued_amount =
        what.extent.and_then(|(s, _)| a.quantities.iter().find(|p| p.end + 1 == s && a.scan.is(p.end, "of")));
    // "the seizure of $5.2 million in cash and 228 firearms": a conjunct of
    // a quantity an event noun opens shares its event, unless a verb of its
    // own follows ("… of 350 kg and 12 suspects were arrested").
    let conjunct_of = || {
        let and = q.pre.checked_sub(1).filter(|&k| a.scan.is(k, "and"))?;
        let p = a.quantities.iter().rev().find(|p| p.end <= and)?;
        let in_event = |k: usize| a.events.iter().any(|e| (e.tag.start..e.tag.end).contains(&k));
        let plain = and - p.end <= 4 && (p.end..and).all(|k| a.scan.is_word(k) && !in_event(k));
        let after = what.np.map_or(q.end, |(s, e)| if s >= q.end { e } else { q.end });
        let own_verb = a.scan.is_any(after, &["was", "were", "are", "is", "have", "has", "had"]);
        (plain && !own_verb).then(|| event_noun_of(p.pre)).flatten()
    };
    if !what.adverbial {
        // "the seizure of drugs worth USD 2.6 billion": the event noun
        // opening the thing valued.
        let valued_thing = || what.extent.filter(|&(s, _)| s < q.pre).and_then(|(s, _)| event_noun_of(s));
        if let Some(e) = event_noun_of(q.pre)
            .or_else(|| valued_amount.and_then(|p| event_noun_of(p.pre)))
            .or_else(valued_thing)
            .or_else(conjunct_of)
        {
            return Some(e);
        }
    }
    // "Two smugglers were detained while three others fled": people counted
    // after a contrast word, with no event verb of their own there, did
    // something else.
    let people = what.np.is_some_and(|np| np.0 >= q.end && a.names_people(np));
    if people && !what.adverbial {
        let contrast = (lo..q.pre).rev().find(|&k| a.listed(k, &a.lex.grammar.contrast));
        if let Some(c) = contrast {
            if !a.events.iter().any(|e| e.verb && e.tag.start > c && e.tag.end <= hi) {
                return Some(Event::Other);
            }
        }
        // "Four workers of the exporting company were arrested": what befell
        // them, not a word of their phrase.
        if let Some(e) = passive_after() {
            return Some(e);
        }
    }
    // "…, and the truck, worth some 150,000 dinars, was impounded": the
    // verb after an aside of worth befalls the thing valued.
    if q.unit.dimension() == Dimension::Money && what.extent.is_some_and(|(_, e)| e < q.pre) {
        let close = q.conversion_end.unwrap_or(q.end);
        let mut k = close + 1;
        while k < close + 3 && a.scan.is_any(k, &["was", "were", "has", "have", "had", "been", "is", "are"]) {
            k += 1;
        }
        let aside = a.scan.is_punct(close, ',') && k > close + 1;
        if let Some(e) = a.events.iter().find(|e| e.verb && e.tag.start == k).filter(|_| aside) {
            return Some(e.tag.value);
        }
    }
    if let Some(e) = governing(a, q, list_start(a, q, lo, hi), hi) {
        return Some(e);
    }
    if what.adverbial {
        // "In 12 cases, customs officers seized…": the verb after it governs.
        let after = a.events.iter().filter(|e| e.verb && e.tag.start >= q.end).min_by_key(|e| e.tag.start);
        if let Some(e) = after {
            return Some(e.tag.value);
        }
    }
    what.head_event.or_else(|| governing(a, q, 0, a.contrast_after(q.start)))
}

/// Agency named in the quantity's clause, else in its sentence (nearest),
/// a venue counting only for a prosecution.
pub fn agent_of(a: &Analysis, q: &Quantity, what: &What, event: Event) -> Option<String> {
    let (lo, hi) = a.clause(q.start);
    // "Six people, including two customs officers, were arrested": an
    // agency among those held is not who held them. (An agency whose
    // members died is the casualty's: "Iran has lost 3,815 members of the
    // law enforcement forces".)
    let counted = |t: &Tagged<String>| {
        q.unit == Unit::Count
            && matches!(event, Event::Arrest | Event::Prosecution)
            && [what.np, what.extent].into_iter().flatten().any(|(s, e)| t.start >= s && t.end <= e)
    };
    // "The RCMP, with the assistance of the CBSA, seized…": a helper acts
    // only when no other agency does.
    let helped = a.scan.has_any(&a.lex.grammar.agency_helpers) || a.agencies.iter().any(|t| a.handed_to(t));
    let any_actor = !helped || a.agencies.iter().any(|t| !a.is_helper(t));
    // "sentenced to 19 years at Liverpool Crown Court": a venue acts in a
    // prosecution, and only there.
    let venues = a.venues.iter().filter(|_| event == Event::Prosecution);
    // "Chinese police … seized 25.9 tonnes of drugs, according to a report
    // released by the National Narcotics Control Commission": a source
    // acts only when no other agency does, and never in a figure of no
    // enforcement ("Australians consumed 11.5 tonnes…, according to the
    // ACIC").
    let any_doer = event == Event::Other || a.agencies.iter().any(|t| !a.is_source(t));
    // "jailed for three years after police discovered a cannabis farm": an
    // agency in a clause of its own after a penalty found the farm, and
    // sentenced no one. (Police may charge: "Two men have been charged
    // after the AFP found…".)
    let penalty = event == Event::Prosecution && q.unit != Unit::Count;
    // "the 232,000 hectares recorded in 2022, before the de facto
    // authorities banned the crop": nor does an agency in a clause of its
    // own after a figure of no enforcement.
    let unenforced = matches!(event, Event::Production | Event::Other);
    // Nor did one in a relative clause on the one sentenced: "A Surrey man
    // who ran what the RCMP called a superlab has been sentenced to nine
    // years".
    let found_since = |t: &&Tagged<String>| {
        // (Not "the year before": a period.)
        let subordinate = || {
            t.start > q.end
                && (q.end..t.start)
                    .any(|k| !a.in_period(k) && a.scan.phrase_at(&a.lex.grammar.subordinators, k).is_some())
        };
        unenforced && subordinate()
            || penalty && (subordinate() || t.end <= q.start && (0..t.start).any(|k| a.scan.is(k, "who")))
    };
    let pool = || {
        a.agencies
            .iter()
            .filter(move |t| !helped || !any_actor || !a.is_helper(t))
            .filter(move |t| !any_doer || !a.is_source(t))
            .filter(move |t| !found_since(t))
            .filter(move |t| !counted(t))
            .chain(venues.clone())
    };
    // An agency that says so: "…, the Ministry of the Interior reported".
    let speaks = |t: &Tagged<String>| a.scan.phrase_at(&a.lex.grammar.reporting, a.name_end(t)).is_some();
    // "612 suspects were detained, of whom 287 were arrested by courts":
    // an agency in a part's clause after the figure acted on the part only.
    let of_part = |t: &Tagged<String>| {
        t.start > q.end
            && (q.end..t.start)
                .any(|k| a.scan.is_punct(k, ',') && a.scan.is(k + 1, "of") && a.scan.is_any(k + 2, &["whom", "which"]))
    };
    let agency = nearest(pool().filter(|t| t.start >= lo && t.end <= hi), q.start)
        .or_else(|| nearest(pool().filter(|t| !of_part(t)), q.start))?;
    // "The Navy, together with agents of the National Civil Police,
    // intercepted … 2,604 kilos …, the Ministry of the Interior reported":
    // of an agency before the figure and one that speaks after it, the one
    // before acted, however far.
    let agency = match nearest(pool().filter(|t| t.end <= q.start), q.start) {
        Some(before) if agency.start >= q.end && speaks(agency) && !speaks(before) => before,
        _ => agency,
    };
    // "Saudi authorities thwarted…, the Zakat, Tax and Customs Authority
    // said": the named enforcement agency that reports it is who the
    // authorities were (the UNODC reporting a seizure made none).
    if agency.value == GENERIC_AGENT {
        let reporter = a.agencies.iter().find(|t| {
            t.value != GENERIC_AGENT && ENFORCEMENT.contains(&t.value.as_str()) && !a.is_helper(t) && speaks(t)
        });
        if let Some(t) = reporter {
            return Some(t.value.clone());
        }
    }
    // "PDEA and the Philippine National Police confiscated…": the first of
    // agencies named together leads.
    Some(a.first_conjunct(agency).value.clone())
}

/// Place of quantity `q`: inside its own phrase ("Azerbaijani land"), else a
/// place where it happened in its clause, else the sentence's first such
/// place: its mention, whose country is the fact's place and whose locality
/// its locality. `Some(None)` when the sentence is international.
pub fn place_of<'x>(a: &'x Analysis, q: &Quantity, what: &What) -> Option<Option<&'x PlaceMention>> {
    if broken_down_by_place(a, q) {
        return Some(None);
    }
    // "Police in Spain, France and Portugal arrested 120 people": a figure
    // of several countries named together is no one country's.
    let one = |p: &'x PlaceMention| (!listed_with_others(a, p)).then_some(p);
    // "A kilogram … could fetch as much as GH¢15,000 in Europe": a price is
    // of where it is paid.
    if what.text.as_deref().is_some_and(|t| t.starts_with("price of ")) {
        if let Some(p) = a.places.iter().find(|p| p.market && p.tag.start >= q.end && p.tag.start <= q.end + 2) {
            return Some(one(p));
        }
    }
    if let Some(np) = what.np {
        if let Some(p) = a.places.iter().find(|p| p.here && p.tag.start >= np.0 && p.tag.end <= np.1) {
            return Some(one(p));
        }
    }
    // "Belgium (111 tonnes), the Netherlands (51 tonnes)": the place the
    // brackets follow.
    if q.start > 0 && q.pre == q.start && a.scan.is_punct(q.start - 1, '(') {
        if let Some(p) = a.places.iter().find(|p| p.tag.end + 1 == q.start) {
            return Some(Some(p));
        }
    }
    let (lo, hi) = a.clause(q.start);
    // "sells for 30,000 euros in the port and for 50,000 euros in
    // Amsterdam": a figure placed in words of its own ("in the port") is not
    // at a place named after a later figure of its kind.
    let placed_in_words = a.scan.is_any(q.end, &["in", "at"])
        && a.is_determiner(q.end + 1)
        && a.listed(q.end + 2, &a.lex.grammar.location_nouns);
    let later_figures = |p: &PlaceMention| {
        a.quantities
            .iter()
            .any(|x| x.start >= q.end && x.end <= p.tag.start && x.unit.dimension() == q.unit.dimension())
    };
    if placed_in_words {
        let others = a.places.iter().filter(|p| p.here && p.tag.start >= lo && p.tag.end <= hi);
        if others.clone().next().is_some() && others.clone().all(later_figures) {
            return None;
        }
    }
    let here = || a.places.iter().filter(|p| p.here);
    // "70% of the cocaine produced in Colombia passes through Ecuador": a
    // flow's figure is of the place it passes.
    let transit = |p: &&PlaceMention| {
        let k = if p.tag.start > 0 && a.is_determiner(p.tag.start - 1) { p.tag.start - 1 } else { p.tag.start };
        p.tag.start >= q.end && a.scan.phrase_before(&a.lex.grammar.place_transits, k, 3).is_some()
    };
    // (Not "through Rotterdam or Antwerp": no one place of several.)
    let transited = here().filter(|p| p.tag.start >= lo && p.tag.end <= hi).find(transit);
    if let Some(p) = transited.filter(|p| !listed_with_others(a, p)) {
        return Some(Some(p));
    }
    // The nearest place, one after the figure winning a tie: "from €22 in
    // Türkiye to €120 in Sweden".
    let dist = |p: &&PlaceMention| {
        if p.tag.start >= q.end {
            2 * (p.tag.start - q.end)
        } else {
            2 * q.start.saturating_sub(p.tag.end) + 1
        }
    };
    if let Some(p) = here().filter(|p| p.tag.start >= lo && p.tag.end <= hi).min_by_key(dist) {
        return Some(one(p));
    }
    // "cheap meth from Myanmar's Shan State, where a pill now sells for 6
    // baht": a where-clause's figures are of the place it follows.
    // (Not "in Guerguerat, on the border with Mauritania, where…": the
    // place across a border is not where the border is.)
    let opener = (lo.saturating_sub(1)..=lo).find(|&k| a.scan.is(k, "where"));
    let across_border = |p: &PlaceMention| {
        p.tag.start >= 2
            && a.scan.is(p.tag.start - 1, "with")
            && a.scan.phrase_before(&a.lex.grammar.border_nouns, p.tag.start - 1, 2).is_some()
    };
    // (Not a seized lot's worth where it was bound for: "destined for markets
    // in Western Europe, where they would have fetched 28 million euros" is
    // the value of drugs seized where they were found.)
    let lot_value = what.text.as_deref().is_some_and(|t| t.contains("value"));
    if let Some(w) = opener.filter(|&w| w >= 2 && a.scan.is_punct(w - 1, ',') && !lot_value) {
        if let Some(p) = a.places.iter().find(|p| p.tag.end + 1 == w).filter(|p| !across_border(p)) {
            return Some(one(p));
        }
    }
    // The sentence's first place where something happened; a dateline's
    // only when the sentence names no other ("LYON, France – An operation
    // across Latin America…"), and never in a sentence about the world.
    let filed = a.dateline_end();
    let dateline = || here().next().filter(|_| !a.international);
    if let Some(p) = here().find(|p| filed.is_none_or(|d| p.tag.start > d)).or_else(dateline) {
        return Some(one(p));
    }
    if a.international {
        return Some(None);
    }
    None
}

/// The place in the name of a court after quantity `q` in its clause
/// ("fined $600,000 in the Westmoreland Parish Court"), if any: its country
/// and its locality.
pub fn court_place(a: &Analysis, q: &Quantity) -> Option<(String, Option<String>)> {
    let (_, hi) = a.clause(q.start);
    let venue = a.venues.iter().find(|v| v.start >= q.end && v.end <= hi)?;
    let mut k = venue.start;
    while k > q.end && a.scan.is_capitalised(k - 1) {
        k -= 1;
    }
    (k..venue.start).find_map(|j| {
        let (hit, end) = a.scan.phrase_at(&a.lex.places, j)?;
        let country = hit.value()?.clone();
        let written = a.scan.span(j, end).slice(a.scan.text)?;
        (end <= venue.start).then(|| (country, a.lex.locality_name(written)))
    })
}

/// Locality of quantity `q`, placed by mention `placed`: its own, else,
/// when that names a whole country, a place within it that the clause names
/// nearer `q` than any other figure of its measure ("Spanish police have
/// seized 13 tons … at the port of Algeciras"; but not the Santos of "48 tons
/// at Brazilian ports, 31 tons of it at Santos alone", which is the 31 tons').
pub fn locality_of(a: &Analysis, q: &Quantity, placed: &PlaceMention) -> Option<String> {
    // "ISLAMABAD: The ANF recovered 1,200 kg …, including two women, in 14
    // operations across the country": the whole country's figures, wherever
    // the story was filed.
    let local = || !crate::vocab::nationwide_lower(&a.scan.hay.lower);
    // "16.8 tonnes of cocaine, most of it at the port of Le Havre": the
    // place of a part of the figure.
    let of_part = placed.tag.start > q.end
        && (q.end + 1..placed.tag.start).any(|k| a.scan.phrase_at(&a.lex.grammar.part_of_figure, k).is_some());
    // "38 people were arrested in Málaga, Cádiz and Huelva", "in the ports
    // of Rotterdam and Vlissingen": of several towns named together, none
    // alone. (Not "Culiacán, Sinaloa", a town and its region, nor "Western
    // Australia, the Australian Federal Police said".)
    let listed = || {
        let towns = || a.places.iter().filter(|o| o.here && !o.home && o.locality.is_some());
        // The list around it: the towns joined on either side, in turn.
        let (mut first, mut last, mut count) = (&placed.tag, &placed.tag, 1);
        while let Some(o) = towns().find(|o| places_joined(&a.scan, &o.tag, first)) {
            (first, count) = (&o.tag, count + 1);
        }
        while let Some(o) = towns().find(|o| places_joined(&a.scan, last, &o.tag)) {
            (last, count) = (&o.tag, count + 1);
        }
        count >= 3 || count == 2 && (first.end..last.start).any(|k| a.scan.is_any(k, &["and", "or", "&"]))
    };
    // ("Ucayali (9,800 hectares) and Loreto (4,100 hectares)": each its own.)
    let bracketed = placed.tag.end + 1 == q.start && a.scan.is_punct(placed.tag.end, '(');
    if of_part || placed.locality.is_some() && !bracketed && listed() {
        return None;
    }
    if placed.locality.is_some() {
        return placed.locality.clone().filter(|_| local());
    }
    let (lo, mut hi) = a.clause(q.start);
    // "in Kuils River, Western Cape": the region after a town's comma.
    while a.scan.is_punct(hi, ',') {
        match a.places.iter().find(|p| p.tag.start == hi + 1) {
            Some(p) => hi = p.tag.end,
            None => break,
        }
    }
    let gap = |x: &Quantity, p: &PlaceMention| {
        if p.tag.start >= x.end {
            p.tag.start - x.end
        } else {
            x.start.saturating_sub(p.tag.end)
        }
    };
    a.places
        .iter()
        .filter(|p| p.here && p.locality.is_some() && p.tag.value == placed.tag.value)
        .filter(|p| p.tag.start >= lo && p.tag.end <= hi)
        .find(|p| {
            a.quantities
                .iter()
                .all(|x| x.start == q.start || x.unit.dimension() != q.unit.dimension() || gap(x, p) > gap(q, p))
        })
        .and_then(|p| p.locality.clone())
        .filter(|_| local())
}

/// True when place `p` is named together with another of a different
/// country: "Spain, France and Portugal", "Belgium and the Netherlands" (but
/// not "Culiacán, Sinaloa", one country's).
fn listed_with_others(a: &Analysis, p: &PlaceMention) -> bool {
    a.places.iter().any(|o| {
        o.here
            && o.tag.value != p.tag.value
            && (places_joined(&a.scan, &o.tag, &p.tag) || places_joined(&a.scan, &p.tag, &o.tag))
    })
}

/// Tokens a bracket after a listed place may hold ("Belgium (123 tonnes),").
const LISTED_BRACKET_TOKENS: usize = 6;

/// True when place `second` follows place `first` in one list: only commas,
/// "&", "and", "or" and "the" between them ("Spain, France", "Belgium and
/// the Netherlands"), after a bracket on the first ("Belgium (123 tonnes),
/// Spain").
pub(crate) fn places_joined(s: &Scan, first: &Tagged<String>, second: &Tagged<String>) -> bool {
    let mut from = first.end;
    if s.is_punct(from, '(') {
        match (from + 1..second.start.min(from + LISTED_BRACKET_TOKENS + 2)).find(|&k| s.is_punct(k, ')')) {
            Some(close) => from = close + 1,
            None => return false,
        }
    }
    let to = second.start;
    // ", and" joins a list's last item only after an earlier one ("Spain,
    // France, and Portugal"); after a single place it opens a clause ("…in
    // Huelva, and French customs seized…").
    let comma_and = (from..to).any(|k| s.is_punct(k, ',')) && (from..to).any(|k| s.is_any(k, &["and", "or"]));
    let listed_before =
        first.start > 0 && (s.is_punct(first.start - 1, ',') || s.is_any(first.start - 1, &["and", "or"]));
    from < to
        && to - from <= 3
        && (from..to).all(|k| s.is_punct(k, ',') || s.is_punct(k, '&') || s.is_any(k, &["and", "or", "the"]))
        && (from..to).any(|k| !s.is(k, "the"))
        && (!comma_and || listed_before)
}

/// "36 arrests (21 in Spain, 9 in Belgium, 6 in the Netherlands)": a total
/// its brackets break down by place is no one place's.
fn broken_down_by_place(a: &Analysis, q: &Quantity) -> bool {
    let s = &a.scan;
    let Some(open) = (q.end..s.len().min(q.end + 4)).find(|&k| !s.is_word(k)).filter(|&k| s.is_punct(k, '(')) else {
        return false;
    };
    let close = (open..s.len()).find(|&k| s.is_punct(k, ')')).unwrap_or(s.len());
    let inside = |start: usize| open < start && start < close;
    let mut places: Vec<&str> =
        a.places.iter().filter(|p| p.here && inside(p.tag.start)).map(|p| p.tag.value.as_str()).collect();
    places.dedup();
    places.len() >= 2 && a.quantities.iter().filter(|x| inside(x.start)).count() >= 2
}

/// True when the clause of quantity `q` names a place where something happened.
pub fn place_in_clause(a: &Analysis, q: &Quantity) -> bool {
    let (lo, hi) = a.clause(q.start);
    a.places.iter().any(|p| p.here && p.tag.start >= lo && p.tag.end <= hi)
}

/// Distance added to a period before a figure that stands after another
/// figure, so that one after it wins.
const TRAILING_PERIOD: usize = 1000;

/// Period of quantity `q` from the sentence's period expressions: a duration's
/// own span, else the nearest framing period of its clause (a baseline when
/// the quantity follows the comparison word), else the sentence's nearest
/// framing period. Distances count from the quantity's phrase ("500 kg of
/// heroin in 2023" is one phrase away from its year).
pub fn period_of(a: &Analysis, q: &Quantity, what: &What, anchor: &Anchor) -> Option<Period> {
    let resolve = |m: &PeriodMention| m.expr.resolve(anchor);
    // "over the past 40 years": the duration's own period.
    if let Some(m) = a.periods.iter().find(|m| m.toks.start <= q.start && q.end <= m.toks.end) {
        return resolve(m);
    }
    // "11.0% higher than in 2022 (4,907 deaths)": a figure in brackets
    // right after a period is that period's, a baseline's included.
    let open = q.pre.checked_sub(1).filter(|&k| a.scan.is_punct(k, '('));
    if let Some(m) = open.and_then(|k| a.periods.iter().find(|m| m.toks.end == k && m.role != Role::Reference)) {
        return resolve(m);
    }
    // "Seizures increased 22% from August to September, to 14,860 pounds":
    // the level a change reached is of the span's last point.
    let reached = q.pre >= 2 && a.scan.is(q.pre - 1, "to") && a.scan.is_punct(q.pre - 2, ',');
    let span_before = a.periods.iter().rev().find(|m| {
        matches!(m.expr, Expr::Span(..) | Expr::Months { .. } | Expr::Years(..))
            && m.role == Role::Frame
            && m.toks.end + 2 == q.pre
            && (a.scan.is_any(m.toks.start, &["from", "between"])
                || m.toks.start > 0 && a.scan.is_any(m.toks.start - 1, &["from", "between"]))
    });
    if let Some(p) = span_before.filter(|_| reached && what.changes.is_none()).and_then(resolve) {
        return Some(Period::single(p.end));
    }
    let (lo, hi) = a.clause(q.start);
    // "…than in 2023, when a total of 59.1 thousand kilos was seized": a
    // when-clause is of the period it follows, a baseline's included.
    if lo >= 2 && a.scan.is(lo, "when") && a.scan.is_punct(lo - 1, ',') {
        match a.periods.iter().find(|m| m.toks.end == lo - 1) {
            // "the largest since 2014, when 370 kg were seized": the date
            // the record is counted from.
            Some(PeriodMention { role: Role::Reference, expr: Expr::Since(from), .. }) => {
                return Some(Period::single(*from))
            }
            Some(m) if m.role != Role::Reference => return resolve(m),
            _ => {}
        }
    }
    // A period after another figure, before the word joining the two, is
    // that figure's: "1.2 tonnes of cocaine in 2022 and 20kg of meth in
    // Lautoka last November" dates the 20 kg by the period after it. (Not
    // so a change restating the figure: "42,000 cases in 2023, down 15.6
    // percent".) So is one between a change's two figures: "dropped from
    // 76,282 in 2023 to 48,422" (not "fell 2.3% last year to 89,755
    // hectares": the change and the level it reached are of one year).
    let joined = |from: usize| {
        (from..q.pre)
            .any(|k| a.scan.is_any(k, &["and", "or"]) || a.scan.phrase_at(&a.lex.grammar.contrast, k).is_some())
    };
    let reached_from = |p: &Quantity, from: usize| {
        p.pre > 0 && a.scan.is(p.pre - 1, "from") && q.pre > from && a.scan.is(q.pre - 1, "to")
    };
    let trails_another = |m: &PeriodMention| {
        a.quantities
            .iter()
            .any(|p| p.end <= m.toks.start && p.start != q.start && (joined(m.toks.end) || reached_from(p, m.toks.end)))
    };
    // Token distance, with a period after the quantity winning a tie
    // ("from 2,709 in 2013 to 10,057 in 2023").
    let right = what.np.map_or(q.end, |(_, e)| e.max(q.end));
    let dist = |m: &PeriodMention| {
        if m.toks.start >= q.end {
            2 * m.toks.start.saturating_sub(right)
        } else if trails_another(m) {
            TRAILING_PERIOD + 2 * q.start.saturating_sub(m.toks.end)
        } else {
            2 * q.start.saturating_sub(m.toks.end) + 1
        }
    };
    // A baseline ("compared to 2,921 kg during the same period of 2023")
    // frames only quantities that stand after the comparison word.
    // So does a baseline opening a bracket the quantity stands in ("(2023: 9.4 tons)").
    let bracketed = |m: &PeriodMention| {
        m.toks.start > 0
            && a.scan.is_punct(m.toks.start - 1, '(')
            && m.toks.end <= q.start
            && (m.toks.end..q.start).all(|k| !a.scan.is_punct(k, ')'))
    };
    let compared = (lo..q.start).any(|k| a.scan.phrase_at(&a.lex.grammar.comparison, k).is_some())
        || a.periods.iter().any(|m| m.role == Role::Baseline && bracketed(m));
    // "a decrease of 3% from the 111,029 deaths estimated in 2022": after a
    // comparison word, a change's period is that of its baseline.
    let of_baseline = |m: &PeriodMention| {
        what.changes.is_some()
            && m.toks.start >= q.end
            && (q.end..m.toks.start).any(|k| a.scan.phrase_at(&a.lex.grammar.comparison, k).is_some())
    };
    let candidates: Vec<&PeriodMention> = a
        .periods
        .iter()
        .filter(|m| m.toks.start >= lo && m.toks.end <= hi || m.role == Role::Baseline && bracketed(m))
        .filter(|m| match m.role {
            // "a decrease of 3% from the 111,029 deaths estimated in 2022":
            // a change's baseline names the year it is measured from.
            Role::Frame => !of_baseline(m),
            // "fell to US$ 260 million, from US$ 1.36 billion in 2022": a
            // baseline after the quantity is the comparison's, not its own,
            // unless the comparison word stands before the quantity.
            Role::Baseline if m.toks.start >= q.end => {
                let word = (lo..m.toks.start).rev().find(|&k| a.scan.phrase_at(&a.lex.grammar.comparison, k).is_some());
                word.is_some_and(|k| k < q.start)
            }
            Role::Baseline => compared,
            Role::Reference => false,
            Role::Own => {
                a.scan.bracket_around(m.toks.clone()).is_some_and(|(open, close)| open < q.start && q.end <= close)
            }
        })
        .collect();
    let best = candidates.iter().copied().min_by_key(|m| dist(m));
    let sentence_frames = || a.periods.iter().filter(|m| m.role == Role::Frame && !of_baseline(m));
    // "In 2023, the area had plunged by 95 per cent after the authorities
    // banned poppy growing in April 2022": a period in a subordinate clause
    // after the figure dates that clause's event; a frame before the figure
    // dates the figure.
    let subordinate = |m: &PeriodMention| {
        m.toks.start >= q.end
            && (q.end..m.toks.start).any(|k| a.scan.phrase_at(&a.lex.grammar.subordinators, k).is_some())
    };
    if best.is_some_and(subordinate) {
        if let Some(m) = sentence_frames().filter(|m| m.toks.end <= q.start).max_by_key(|m| m.toks.end) {
            return resolve(m);
        }
    }
    // "In 2024, deaths dropped from 76,282 in 2023 to 48,422": a period
    // another figure of the clause trails yields to the sentence's own.
    if let Some(m) = best.filter(|m| trails_another(m)) {
        let own = sentence_frames().filter(|o| !trails_another(o)).min_by_key(|o| dist(o));
        return own.or(Some(m)).and_then(resolve);
    }
    if let Some(p) = best.and_then(resolve) {
        return Some(p);
    }
    // "The minister said trafficking generated €3.5 billion a year, and that
    // 110 people had died in shootings in 2024": a frame in a statement of
    // its own after the figure's is that statement's.
    let another_statement = |m: &PeriodMention| {
        (q.end..m.toks.start).any(|k| {
            a.scan.is_punct(k, ';') || a.scan.is_punct(k, ',') && a.scan.is(k + 1, "and") && a.scan.is(k + 2, "that")
        })
    };
    sentence_frames().filter(|m| !another_statement(m)).min_by_key(|m| dist(m)).and_then(resolve)
}

/// Words a verb of sharing may take between a drug and its share ("made up
/// about", "accounted for").
const SHARE_VERB_WORDS: usize = 3;

/// Modals before a verb of sale that make the sum what a haul would have
/// brought ("would fetch", "could have fetched").
pub(crate) const SALE_MODALS: &[&str] = &["would", "could", "might", "may"];

/// The unit of sale a sum is quoted for, after "a", "an", "per" or "each":
/// "$20 a pill", "£40 per gram" (a mass unit or a drug's dosage form).
fn unit_of_sale(a: &Analysis, q: &Quantity) -> Option<String> {
    if q.unit.dimension() != Dimension::Money || !a.scan.is_any(q.end, &["a", "an", "per", "each"]) {
        return None;
    }
    let k = q.end + 1;
    // "The pills are sold for 50 to 100 baht each": each of the form named
    // before in the clause.
    if a.scan.is(q.end, "each") && !(a.scan.is_word(k) && a.np_after(k, false).is_some_and(|np| np.0 == k)) {
        let lo = a.clause(q.start).0;
        let form = (lo..q.pre).rev().find(|&j| a.listed(j, &a.lex.grammar.drug_forms))?;
        let w = a.word_lower(form);
        return Some(w.strip_suffix('s').unwrap_or(w).to_owned());
    }
    if !a.scan.is_word(k) {
        return None;
    }
    let w = a.word_lower(k);
    let form = a.lex.grammar.drug_forms.get(w).is_some() || a.lex.grammar.drug_forms.get(&format!("{w}s")).is_some();
    let mass =
        a.lex.units.get(a.scan.tok(k)).and_then(|u| u.value()).is_some_and(|u| u.unit.dimension() == Dimension::Mass);
    // "$355 per kilogram of opium": the drug sold by that weight, as in "a
    // gram of cocaine sells for £80".
    let drug = a.substances.iter().find(|t| mass && a.scan.is(k + 1, "of") && t.start == k + 2);
    match drug {
        Some(t) => Some(format!("{w} of {}", a.phrase_text(t.start, t.end))),
        None => (form || mass).then(|| w.to_owned()),
    }
}

/// Tokens the noun of a change's first figure may take before "to" ("from
/// 76,282 deaths to 48,422").
const CHANGE_NOUN_WORDS: usize = 3;

/// Words that may stand between a figure and the period it names: "29 tons
/// in all of 2022", "in the whole of 2022", "during the entire year".
const OWN_PERIOD_LINKS: &[&str] = &["in", "during", "for", "throughout", "all", "of", "the", "whole", "entire", "full"];

/// True when a period follows quantity `q`'s phrase at once, or after words
/// that only say it is whole: "76,282 in 2023", "110,037 deaths last year",
/// "29 tons in all of 2022".
pub fn names_own_period(a: &Analysis, q: &Quantity, what: &What) -> bool {
    let right = what.np.map_or(q.end, |(_, e)| e.max(q.end));
    a.periods.iter().any(|m| {
        m.role != Role::Reference
            && m.toks.start >= q.end
            && (m.toks.start <= right + 1 || (right..m.toks.start).all(|k| a.scan.is_any(k, OWN_PERIOD_LINKS)))
    })
}

/// The figure a change reaches, as an index into `a.quantities`, when
/// quantity `i` is where the change starts: "fell to 48,422 from 76,282",
/// "80,391 died, down from 110,037", "rose from 5,000 to 6,000". Such a
/// figure is of what the figure reached is of, in the period before.
pub fn change_reached(a: &Analysis, i: usize) -> Option<usize> {
    let s = &a.scan;
    let q = &a.quantities[i];
    if q.pre == 0 || !s.is(q.pre - 1, "from") {
        return None;
    }
    let changing = |from: usize, to: usize| (from..to).any(|k| s.phrase_at(&a.lex.grammar.change_nouns, k).is_some());
    let (lo, _) = a.clause(q.start);
    // ("declined by 10 per cent, from 45,200 hectares…": the clause before
    // the comma says what changed.)
    let lo = if lo >= 2 && s.is_punct(lo - 1, ',') && s.is(lo, "from") { a.clause(lo - 2).0 } else { lo };
    // "rose from 5,000 to 6,000"
    if let Some(next) = a.quantities.get(i + 1) {
        // ("… to just 10,800 hectares")
        let focus = s.phrase_before(&a.lex.grammar.focus_adverbs, next.pre, 3).map_or(next.pre, |(_, k)| k);
        let to = focus.checked_sub(1).filter(|&k| s.is(k, "to"));
        // ("from 45,200 hectares in 2024 to 40,100 hectares": its period between.)
        let close = to.is_some_and(|k| {
            let words = (q.end..k).filter(|&j| !a.in_period(j)).count();
            k >= q.end && words <= CHANGE_NOUN_WORDS && (q.end..k).all(|j| s.is_word(j) || a.in_period(j))
        });
        if close && next.unit == q.unit && changing(lo, q.pre) {
            return Some(i + 1);
        }
    }
    // "fell to 48,422 from 76,282", "…, down from 110,037"
    let prev = i.checked_sub(1)?;
    let p = &a.quantities[prev];
    if p.unit != q.unit {
        return None;
    }
    let down_from = q.pre >= 2 && s.is_any(q.pre - 2, &["down", "up"]);
    let to_from = p.pre > 0 && s.is(p.pre - 1, "to") && changing(a.clause(p.start).0, p.pre) && {
        let between = p.end..q.pre - 1;
        between.len() <= CHANGE_NOUN_WORDS + 1 && between.clone().all(|k| s.is_word(k) || s.is_punct(k, ','))
    };
    (down_from || to_from).then_some(prev)
}

/// Auxiliaries between a subject and its verb ("12,000 people have been
/// injured").
const AUXILIARIES: &[&str] = &["have", "has", "had", "been", "were", "was", "are", "is", "reportedly"];

/// Words of what a condition verb names ("drug use disorders").
const CONDITION_WORDS: usize = 5;

/// Tokens an age range after people may take ("aged between 15 and 64").
const AGE_RANGE_TOKENS: usize = 6;

/// The `what` of people counted by what they live with or do: "64 million
/// people worldwide suffer from drug use disorders" → "people who suffer from
/// drug use disorders", "13 million people inject drugs" → "people who inject
/// drugs". `None` unless the counted noun names people and a verb of
/// `condition_verbs` follows it (an adverb such as "worldwide" between).
pub fn condition_what(a: &Analysis, q: &Quantity, what: &What) -> Option<String> {
    let g = &a.lex.grammar;
    let (s, e) = what.np.filter(|&(s, e)| s >= q.end && e > s)?;
    if !a.lex.is_people_noun(a.word_lower(e - 1)) {
        return None;
    }
    let mut k = e;
    // "Kenyans aged 15 to 65 currently use cannabis": an age range and an
    // adverb of time may stand between them and what they do.
    if let Some((_, mut end)) = a.scan.phrase_at(&g.age_before, k) {
        while end < k + AGE_RANGE_TOKENS
            && (a.scan.is_number(end) || a.scan.is_any(end, &["to", "and"]) || a.scan.is_punct(end, '-'))
        {
            end += 1;
        }
        k = end;
    }
    if let Some((_, end)) = a.scan.phrase_at(&g.object_adverbs, k) {
        k = end;
    }
    if a.scan.is(k, "who") {
        k += 1;
    }
    if let Some((_, end)) = a.scan.phrase_at(&g.time_adverbs, k) {
        k = end;
    }
    let (_, v) = a.scan.phrase_at(&g.condition_verbs, k)?;
    let (os, oe) = a.np_after(v, false).filter(|&(os, oe)| {
        oe > os && oe - os <= CONDITION_WORDS && !a.places.iter().any(|p| p.tag.start < oe && os < p.tag.end)
    })?;
    Some(format!("{} who {} {}", a.phrase_text(s, e), a.phrase_text(k, v), a.phrase_text(os, oe)))
}

/// Words of the cause a casualty verb may take after "of", "from" or "in"
/// ("died of drug overdoses").
const CAUSE_WORDS: usize = 4;

/// The `what` of people a casualty verb befell: "80,391 people died of drug
/// overdoses" → "people died of drug overdoses", "12,000 people have been
/// injured" → "people injured"; or of a casualty noun's cause: "deaths from
/// drug misuse". `None` unless the counted noun is a person's and the verb
/// follows it, or a casualty noun "from" its cause.
pub fn casualty_what(a: &Analysis, q: &Quantity, what: &What) -> Option<String> {
    let (s, e) = what.np.filter(|&(s, e)| s >= q.end && e > s)?;
    // "3,618 were deaths from drug misuse": a casualty noun's cause.
    let casualty_noun = a.events.iter().any(|m| !m.verb && m.tag.end == e && m.tag.value == Event::Casualty);
    if casualty_noun && a.scan.is(e, "from") {
        let cause = a
            .np_after(e + 1, false)
            .filter(|&(cs, ce)| ce - cs <= CAUSE_WORDS && !a.places.iter().any(|p| p.tag.start < ce && cs < p.tag.end));
        return cause.map(|(cs, ce)| format!("{} from {}", a.phrase_text(s, e), a.phrase_text(cs, ce)));
    }
    if !a.lex.is_people_noun(a.word_lower(e - 1)) {
        return None;
    }
    let mut k = e;
    while a.scan.is_any(k, AUXILIARIES) {
        k += 1;
    }
    let verb = a.events.iter().find(|m| m.verb && m.tag.start == k && m.tag.value == Event::Casualty)?;
    let mut text = format!("{} {}", a.phrase_text(s, e), a.phrase_text(verb.tag.start, verb.tag.end));
    let v = verb.tag.end;
    if a.scan.is_any(v, &["of", "from", "in"]) {
        let cause = a
            .np_after(v + 1, false)
            .filter(|&(cs, ce)| ce - cs <= CAUSE_WORDS && !a.places.iter().any(|p| p.tag.start < ce && cs < p.tag.end));
        if let Some((cs, ce)) = cause {
            text = format!("{text} {} {}", a.word_lower(v), a.phrase_text(cs, ce));
        }
    }
    Some(text)
}
