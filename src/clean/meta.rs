//! An article's title, source and publication date, from the lines around it.
//!
//! Dates come from the page header and its metadata lines (bylines, "Published
//! …", "Caspian News (11 September 2019)"), never from the running text, whose
//! dates are events. When no date is stated, [`Meta::date`] is `None` and the
//! extractor infers a year from the text, marked as inferred.

use std::collections::HashMap;

use jiff::civil::Date;

use super::furniture::{Line, LineKind};
use crate::lexicon::Lexicon;
use crate::text::date::find_dates;

/// What is known about an article besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Meta {
    /// The article's title.
    pub title: Option<String>,
    /// True when no title was written and `title` is the opening of the text.
    pub title_inferred: bool,
    /// Publisher or source, where the page names it.
    pub source: Option<String>,
    /// Publication date, where the page states it.
    pub date: Option<Date>,
    /// For an undated article, the year its text points to (the latest year
    /// it names), which relative dates ("this year") were resolved against.
    #[serde(default)]
    pub year_inferred: Option<i16>,
    /// The year a copyright line names ("Copyright 2025 The Associated
    /// Press", "© 2019–2025"): an undated article's year, at the latest.
    #[serde(default)]
    pub copyright_year: Option<i16>,
    /// The place its dateline names, as written: "AMARILLO" in "AMARILLO,
    /// Texas (KFDA) - …", "CHENNAI" on a line of its own. Where the report
    /// was filed, which a question may name though no sentence does.
    #[serde(default)]
    pub dateline: Option<String>,
    /// The article's opening sentence ("Greater Manchester Police arrested
    /// 23 people…"): where a local report names its town, which a question
    /// may name though the sentence of a figure further on does not.
    #[serde(default)]
    pub lead: Option<String>,
}

impl Meta {
    /// The title and the dateline's place, the words that head the article.
    pub fn heading(&self) -> String {
        match (self.title.as_deref(), self.dateline.as_deref()) {
            (Some(t), Some(d)) => format!("{t} {d}"),
            (t, d) => t.or(d).unwrap_or("").to_owned(),
        }
    }
}

fn content<'a>(text: &'a str, l: &Line) -> &'a str {
    &text[l.content.start..l.content.end]
}

/// Picks the title among the lines before the article: a markdown heading
/// first, else a line written twice, else the longest plain line of three
/// words or more.
pub fn title(text: &str, header: &[Line]) -> Option<String> {
    let candidates: Vec<&Line> = header
        .iter()
        .filter(|l| matches!(l.kind, LineKind::Short | LineKind::Prose) && l.words >= 3 && !l.bulleted)
        .collect();
    if let Some(l) = candidates.iter().find(|l| l.heading_markup) {
        return Some(content(text, l).to_owned());
    }
    for (i, a) in candidates.iter().enumerate() {
        if candidates[i + 1..].iter().any(|b| content(text, a) == content(text, b)) {
            return Some(content(text, a).to_owned());
        }
    }
    // "Drug trafficking in Panama - Wikipedia" above "Drug trafficking in
    // Panama": the page's title with its site's name, then the heading; or
    // with the site's name and section before it ("Zoll online - Press
    // releases - 2.3 tonnes of cocaine seized…").
    let with_site = |a: &&&Line| {
        let a = content(text, a);
        candidates.iter().any(|b| {
            let b = content(text, b);
            b.strip_prefix(a).is_some_and(|rest| SITE_SEPARATORS.iter().any(|s| rest.starts_with(s)))
                || b.strip_suffix(a).is_some_and(|rest| SITE_SEPARATORS.iter().any(|s| rest.ends_with(s)))
        })
    };
    if let Some(l) = candidates.iter().find(with_site) {
        return Some(content(text, l).to_owned());
    }
    // A site's taglines are sentences in a row ("Centers for Disease Control
    // and Prevention. CDC twenty four seven. Saving Lives…"); a title is one.
    candidates
        .iter()
        .max_by_key(|l| (!has_sentence_break(content(text, l)), l.words))
        .map(|l| content(text, l).to_owned())
}

/// A full stop inside `line` after a lower-case word and before a capital:
/// two sentences, where "U.S. Overdose Deaths…" is one.
fn has_sentence_break(line: &str) -> bool {
    let b = line.as_bytes();
    (2..b.len().saturating_sub(2)).any(|i| {
        b[i] == b'.'
            && b[i + 1] == b' '
            && b[i - 1].is_ascii_lowercase()
            && b[i - 2].is_ascii_lowercase()
            && b[i + 2].is_ascii_uppercase()
    })
}

/// What stands between a page's title and its site's name.
pub(crate) const SITE_SEPARATORS: [&str; 5] = [" | ", " - ", " – ", " — ", " :: "];

/// The title of a page from its `<title>` (or `og:title`), without the site's
/// name after it: "Haul seized | India News" is "Haul seized" when the page's
/// heading says so, or when the part cut is the site's name.
pub fn page_title(tag: &str, heading: Option<&str>, site: Option<&str>) -> String {
    let tag = tag.trim();
    let cut_after = |head: &str| {
        let rest = tag.strip_prefix(head)?;
        SITE_SEPARATORS.iter().any(|s| rest.starts_with(s)).then(|| head.trim().to_owned())
    };
    if let Some(t) = heading.filter(|h| !h.trim().is_empty()).and_then(cut_after) {
        return t;
    }
    if let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) {
        for sep in SITE_SEPARATORS {
            if let Some(head) = tag.strip_suffix(site).and_then(|t| t.strip_suffix(sep)) {
                return head.trim().to_owned();
            }
        }
    }
    tag.to_owned()
}

/// The site's name a page's `<title>` ends with, after the page's heading
/// and a separator: "The Japan Times" in "Customs seizures top 1 ton - The
/// Japan Times" under the heading "Customs seizures top 1 ton". Of several
/// parts ("… - Egypt - Ahram Online"), the last is the site's. None when the
/// tag does not start with the heading.
pub fn page_site(tag: &str, heading: &str) -> Option<String> {
    let heading = heading.trim();
    let rest = tag.trim().strip_prefix(heading).filter(|_| !heading.is_empty())?;
    if !SITE_SEPARATORS.iter().any(|s| rest.starts_with(s)) {
        return None;
    }
    let last = SITE_SEPARATORS.iter().filter_map(|s| rest.rfind(s).map(|at| at + s.len())).max()?;
    let site = rest[last..].trim();
    (!site.is_empty()).then(|| site.to_owned())
}

/// The first full date on the metadata lines (header lines and metadata lines
/// inside the article).
pub fn date(text: &str, lines: &[Line]) -> Option<Date> {
    dated(text, lines).map(|(_, d)| d)
}

/// [`date`] with the words that state it ("03/04/2025"), read day first.
pub fn dated<'t>(text: &'t str, lines: &[Line]) -> Option<(&'t str, Date)> {
    lines.iter().filter(|l| matches!(l.kind, LineKind::Meta | LineKind::Short | LineKind::Furniture)).find_map(|l| {
        let line = content(text, l);
        find_dates(line).first().map(|(span, d)| (&line[span.start..span.end], *d))
    })
}

/// The place of a dateline on a line of its own above the article
/// ("CHENNAI, February 14, 2025 00:12 IST", "Press release — Colombo, 8
/// April 2025"), as written: the words before the first comma of the first
/// metadata line stating a date (after any dash or bar), when the date
/// follows them and they are capitals or a place `is_place` knows.
pub fn dateline_place<'t>(text: &'t str, lines: &[Line], is_place: impl Fn(&str) -> bool) -> Option<&'t str> {
    lines.iter().filter(|l| matches!(l.kind, LineKind::Meta | LineKind::Short | LineKind::Furniture)).find_map(|l| {
        let line = content(text, l);
        let (first, _) = find_dates(line).into_iter().next()?;
        let (place, between) = line[..first.start].split_once(',')?;
        let place = place.rsplit(['—', '–', '|']).next().unwrap_or(place).trim();
        let named = place.chars().any(char::is_alphabetic)
            && (place.chars().all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\'')) || is_place(place));
        (named && between.trim().is_empty()).then_some(place)
    })
}

/// A town written alone in capitals on a line above the article ("ANKARA"
/// between the title and the date line), as written: a dateline of its own.
/// Only a town `is_town` knows: a capitalised section name ("WORLD",
/// "EUROPE") is no dateline.
pub fn capitals_town_line<'t>(text: &'t str, header: &[Line], is_town: impl Fn(&str) -> bool) -> Option<&'t str> {
    header.iter().filter(|l| matches!(l.kind, LineKind::Meta | LineKind::Short)).find_map(|l| {
        let line = content(text, l).trim();
        let capitals = line.chars().any(char::is_alphabetic)
            && line.chars().all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\''))
            && line.split(' ').count() <= 3;
        (capitals && is_town(line)).then_some(line)
    })
}

/// The place of a wire dateline opening the first paragraph, as written:
/// the capital letters before its first comma, bracket or dash ("AMARILLO,
/// Texas (KFDA) - …", "SÃO PAULO, Aug 21 (Reuters) - …", "MANILA – …").
pub fn lead_dateline_place(paragraph: &str) -> Option<&str> {
    let head = before_dash(paragraph, &[" - ", " — ", " – ", " -- ", "—", "–"])?;
    let end = head.find([',', '(']).unwrap_or(head.len());
    let place = head[..end].trim();
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = letters >= 3 && place.chars().all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\''));
    capitals.then_some(place)
}

/// True when the article is about a country that writes dates month first
/// (`month_first_countries` in the grammar): its places and its agencies'
/// homes name such a country at least as often as any other. "03/04/2025"
/// in a US press release is 4 March.
pub fn month_first_article(text: &str, lex: &Lexicon) -> bool {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let places = lex.places.find_all(text);
    let homes = lex.agency_homes.find_all(text);
    for hit in places.iter().chain(&homes) {
        if let Some(country) = hit.entry.value() {
            *counts.entry(country.as_str()).or_default() += 1;
        }
    }
    let most = counts.values().copied().max().unwrap_or(0);
    counts.iter().any(|(c, &n)| n == most && n > 0 && lex.grammar.month_first_countries.get(c).is_some())
}

/// How far into the first paragraph a dateline may run.
const DATELINE_BYTES: usize = 100;

/// The date of a wire-style dateline opening the first paragraph, up to its
/// dash or colon: "BANGKOK, March 3, 2025 (Reuters) - Thai police…", "LAGOS,
/// 12 May 2024 — …", "ISLAMABAD, June 22, 2024 (APP): …". A date further into
/// the sentence is not the article's.
pub fn dateline(paragraph: &str) -> Option<Date> {
    datelined(paragraph).map(|(_, d)| d)
}

/// [`dateline`] with the words that state the date.
pub fn datelined(paragraph: &str) -> Option<(&str, Date)> {
    // "ST. PETERSBURG, October 15, 2025. /TASS/. …": a wire's name in slashes.
    const DASHES: &[&str] = &[" - ", " — ", " – ", " -- ", "—", "–", ": ", " /"];
    let head = before_dash(paragraph, DASHES)?;
    // A place, a date and a wire's name: no lower-case word ("On 12 May 2024
    // police said: …" is a sentence).
    let lower_word = head.split(|c: char| !c.is_alphabetic()).any(|w| w.starts_with(char::is_lowercase));
    if lower_word {
        return None;
    }
    if let Some((span, d)) = find_dates(head).first() {
        return Some((&head[span.start..span.end], *d));
    }
    // "(ORILLIA, ON) - October 30, 2025 - The Ontario Provincial Police…":
    // the date alone between the place's dash and the next.
    let after = &paragraph[head.len()..];
    let dash = DASHES.iter().find(|d| after.starts_with(**d))?;
    let between = before_dash(&after[dash.len()..], DASHES)?.trim();
    match find_dates(between).first() {
        Some((span, d)) if span.start == 0 && span.end == between.len() => Some((between, *d)),
        _ => None,
    }
}

/// The opening of a paragraph up to its first dash among `dashes`, within
/// [`DATELINE_BYTES`]: where a dateline would stand.
fn before_dash<'p>(paragraph: &'p str, dashes: &[&str]) -> Option<&'p str> {
    let mut limit = paragraph.len().min(DATELINE_BYTES);
    while !paragraph.is_char_boundary(limit) {
        limit -= 1;
    }
    let head = &paragraph[..limit];
    let dash = dashes.iter().filter_map(|d| head.find(d)).min()?;
    Some(&head[..dash])
}

/// How much of the first paragraph [`lead`] keeps at most.
const LEAD_BYTES: usize = 300;

/// The opening sentence of a paragraph, roughly: up to the first full stop
/// followed by a space, and at most [`LEAD_BYTES`].
pub fn lead(paragraph: &str) -> &str {
    let mut end = paragraph.len().min(LEAD_BYTES);
    while !paragraph.is_char_boundary(end) {
        end -= 1;
    }
    let head = &paragraph[..end];
    head.find(". ").map_or(head, |stop| &head[..=stop]).trim()
}

/// A date written in a `<meta>` tag: `2024-10-02`, `2024-10-02T08:00:00Z`, or
/// any shape [`find_dates`] reads.
pub fn parse_meta_date(s: &str) -> Option<Date> {
    let head = s.get(..10).unwrap_or(s);
    head.parse::<Date>().ok().or_else(|| find_dates(s).first().map(|(_, d)| *d))
}

/// The latest year named right after "©" or "Copyright" on a short line.
pub fn copyright_year(text: &str, lines: &[Line]) -> Option<i16> {
    lines
        .iter()
        .filter(|l| l.words > 0 && l.words <= 20)
        .filter_map(|l| {
            let s = content(text, l);
            let at = s.find('©').or_else(|| s.to_ascii_lowercase().find("copyright"))?;
            let rest: String = s[at..].chars().take(30).collect();
            rest.split(|c: char| !c.is_ascii_digit())
                .filter(|w| w.len() == 4)
                .filter_map(|w| w.parse::<i16>().ok())
                .filter(|y| (1990..=2100).contains(y))
                .max()
        })
        .max()
}

/// Most words of a source's name given with its acronym on a dated line.
const ACRONYMED_SOURCE_WORDS: usize = 8;

/// The publisher, from the shapes bylines take: "By NAME Published …",
/// "NAME (11 September 2019)", "Source: NAME", "© 2021 NAME – …", "Follow
/// NAME's official …".
pub fn source(text: &str, lines: &[Line]) -> Option<String> {
    let mut found: Vec<(u8, String)> = Vec::new();
    for l in lines {
        let s = content(text, l).trim();
        if l.words == 0 || l.words > 20 {
            continue;
        }
        if let Some(rest) = strip_prefix_ci(s, "by ") {
            let name = rest.split(" Published").next().unwrap_or(rest);
            let name = without_roles(cut_at_date(name));
            if !name.is_empty() && name.split_whitespace().count() <= 4 {
                found.push((0, name.to_owned()));
            }
        }
        if let Some(open) = s.find(" (") {
            if s.ends_with(')') && !find_dates(&s[open..]).is_empty() {
                found.push((1, s[..open].trim().to_owned()));
            }
        }
        for prefix in ["source:", "kaynak/source:", "via "] {
            // ("source: \"https://…\"" in a clipping's front matter.)
            let value = |r: &str| r.trim().trim_matches(['"', '\'']).trim().to_owned();
            if let Some(rest) = strip_prefix_ci(s, prefix).map(value).filter(|r| !r.is_empty()) {
                found.push((2, rest.to_owned()));
            }
        }
        if let Some(pos) = s.find('©') {
            // "© 2021 Aze.Media – Daily Digest", "© 2025 Copyright France 24.
            // All rights reserved.": the name up to a dash, bar, comma or
            // sentence end, of a few words.
            fn skip_year(r: &str) -> &str {
                r.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '-')
            }
            let mut rest = skip_year(s[pos + '©'.len_utf8()..].trim());
            if let Some(r) = strip_prefix_ci(rest, "copyright") {
                rest = skip_year(r);
            }
            let name = rest.split(['–', '|', ',']).next().unwrap_or("");
            let name = name.split(" - ").next().unwrap_or("").split(". ").next().unwrap_or("");
            let name = name.trim().trim_end_matches('.');
            if !name.is_empty() && name.split_whitespace().count() <= 4 {
                found.push((3, name.to_owned()));
            }
        }
        // "Police Scotland | 11 November 2025", "Kyodo | Tokyo | Aug 29,
        // 2025", "*Tico Times · 18 August 2025*": a dated line led by a
        // name of a few words.
        // (The cheap checks first: dates are slow to find.)
        let meta = l.kind == LineKind::Meta;
        let led = meta.then(|| s.split_once(" | ").or_else(|| s.split_once(" · "))).flatten();
        if let Some((name, rest)) = led {
            let name = name.trim().trim_matches(['*', '_']).trim();
            // ("**National Drug Law Enforcement Agency (NDLEA)** · 15
            // February 2025": a longer name given with its acronym.)
            let acronym = name
                .strip_suffix(')')
                .and_then(|n| n.rsplit_once(" ("))
                .is_some_and(|(_, a)| a.len() >= 2 && a.chars().all(|c| c.is_ascii_uppercase() || c == '-'));
            let most = if acronym { ACRONYMED_SOURCE_WORDS } else { 4 };
            let plain = !name.bytes().any(|b| b.is_ascii_digit()) && name.split_whitespace().count() <= most;
            if plain && !find_dates(rest).is_empty() && find_dates(name).is_empty() {
                found.push((5, name.to_owned()));
            }
        }
        if let Some(rest) = strip_prefix_ci(s, "follow ") {
            // Lower-cased in ASCII only, so that offsets into `rest` hold.
            if let Some(end) = rest.to_ascii_lowercase().find("'s official") {
                found.push((4, rest[..end].trim().to_owned()));
            }
        }
    }
    found.sort_by_key(|(rank, _)| *rank);
    found.into_iter().map(|(_, n)| n).find(|n| !n.is_empty())
}

/// Words that name a writer's role, not who publishes: "By Staff Reporter",
/// "By Our Correspondent", "By Reuters Staff".
const BYLINE_ROLES: &[&str] =
    &["staff", "reporter", "reporters", "writer", "writers", "correspondent", "our", "news", "web", "desk", "team"];

/// A byline's name, unless it names only a role ("Staff Reporter", "Our
/// Correspondent"); "Reuters Staff" is Reuters.
fn without_roles(name: &str) -> &str {
    let name = name.trim();
    let role = |w: &str| BYLINE_ROLES.iter().any(|r| r.eq_ignore_ascii_case(w));
    if name.split_whitespace().all(role) {
        return "";
    }
    match name.rsplit_once(' ') {
        Some((head, last)) if last.eq_ignore_ascii_case("staff") => head.trim_end(),
        _ => name,
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &s[prefix.len()..])
}

/// A byline's name: up to its date, without the dash or bar that led to it
/// ("Home Affairs Correspondent — 22 August 2024").
fn cut_at_date(s: &str) -> &str {
    let name = match find_dates(s).first() {
        Some((span, _)) => &s[..span.start],
        None => s,
    };
    name.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '-' | '|' | ',' | '·' | '*')).trim()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::furniture::classify;
    use crate::lexicon::Lexicon;

    fn lines(text: &str) -> Vec<Line> {
        classify(text, &Lexicon::builtin().unwrap())
    }

    #[test]
    fn titles() {
        let t = "---\n## **IRAN & AZERBAIJAN WORK TOGETHER**\n-\n12.09.2019";
        assert_eq!(title(t, &lines(t)).as_deref(), Some("IRAN & AZERBAIJAN WORK TOGETHER"));
        let t = "Home\nBig Seizure In The Port Of Baku\n\nBig Seizure In The Port Of Baku\nOpinion";
        assert_eq!(title(t, &lines(t)).as_deref(), Some("Big Seizure In The Port Of Baku"));
        let t = "Centers for Disease Control and Prevention. CDC twenty four seven. Saving Lives, Protecting People\nPress Release\nU.S. Overdose Deaths Decrease in 2023, First Time Since 2018\n";
        assert_eq!(
            title(t, &lines(t)).as_deref(),
            Some("U.S. Overdose Deaths Decrease in 2023, First Time Since 2018")
        );
        // The page's title with its site's name, then the heading alone.
        let t = "Drug trafficking in Panama - Wikipedia\nMain menu\nDrug trafficking in Panama\nA longer line of five words";
        assert_eq!(title(t, &lines(t)).as_deref(), Some("Drug trafficking in Panama"));
        let t = "Zoll online - Press releases - Cocaine seized in the port\nHome\nCocaine seized in the port\nA longer line";
        assert_eq!(title(t, &lines(t)).as_deref(), Some("Cocaine seized in the port"));
    }

    #[test]
    fn page_titles_lose_the_site_name() {
        let tag = "DRI seizes 21 kg cocaine at Mumbai airport | India News";
        assert_eq!(
            page_title(tag, Some("DRI seizes 21 kg cocaine at Mumbai airport"), None),
            "DRI seizes 21 kg cocaine at Mumbai airport"
        );
        assert_eq!(page_title("Haul seized - BBC News", None, Some("BBC News")), "Haul seized");
        // Nothing says what the part after the bar is: the title stays whole.
        assert_eq!(page_title("Police - Customs cooperation", None, Some("BBC News")), "Police - Customs cooperation");
        assert_eq!(page_title("Haul seized", Some("Haul"), None), "Haul seized");
        assert_eq!(page_site("Haul seized - Egypt - Ahram Online", "Haul seized").as_deref(), Some("Ahram Online"));
        assert_eq!(page_site("Haul seized | The Japan Times", "Haul seized").as_deref(), Some("The Japan Times"));
        assert_eq!(page_site("Haul seized in port", "Haul seized"), None);
        assert_eq!(page_site("Haul seized", "Haul seized"), None);
    }

    #[test]
    fn a_copyright_line_names_its_latest_year() {
        let t = "Two held\nCopyright 2025 The Associated Press. All rights reserved.";
        assert_eq!(copyright_year(t, &lines(t)), Some(2025));
        let t = "© 2019–2024 Daily Star | Privacy";
        assert_eq!(copyright_year(t, &lines(t)), Some(2024));
        let t = "Police seized 2024 kg of cannabis.";
        assert_eq!(copyright_year(t, &lines(t)), None);
    }

    #[test]
    fn bylines_end_before_their_date_and_its_dash() {
        let t = "By Home Affairs Correspondent — 22 August 2024";
        assert_eq!(source(t, &lines(t)).as_deref(), Some("Home Affairs Correspondent"));
    }

    #[test]
    fn a_dateline_line_names_its_place() {
        let text = "Special Correspondent\nCHENNAI, February 14, 2025 00:12 IST\n";
        let known = |p: &str| p == "Colombo";
        assert_eq!(dateline_place(text, &lines(text), known), Some("CHENNAI"));
        let text = "By Ana Lopez, March 3, 2025\n";
        assert_eq!(dateline_place(text, &lines(text), known), None, "a byline");
        let text = "UPDATED, SAN JUAN, March 3, 2025\n";
        assert_eq!(dateline_place(text, &lines(text), known), None, "words between place and date");
        let text = "Press release — Colombo, 8 April 2025\n";
        assert_eq!(dateline_place(text, &lines(text), known), Some("Colombo"), "a known place after a dash");
    }

    #[test]
    fn a_town_alone_in_capitals_above_the_article_is_its_dateline() {
        let t = "Gendarmerie seizes 1.1 tons of drugs\nANKARA\nPublished: 12.11.2025\nWORLD";
        let town = |p: &str| p.eq_ignore_ascii_case("ankara");
        assert_eq!(capitals_town_line(t, &lines(t), town), Some("ANKARA"));
        let t = "Gendarmerie seizes 1.1 tons of drugs\nWORLD\nAnkara";
        assert_eq!(capitals_town_line(t, &lines(t), town), None);
    }

    #[test]
    fn a_wire_dateline_names_its_place() {
        let lead = "AMARILLO, Texas (KFDA) - Two people were arrested Tuesday.";
        assert_eq!(lead_dateline_place(lead), Some("AMARILLO"));
        assert_eq!(lead_dateline_place("SÃO PAULO, Aug 21 (Reuters) - Police said"), Some("SÃO PAULO"));
        assert_eq!(lead_dateline_place("MANILA – Police seized 1.4 tons"), Some("MANILA"));
        assert_eq!(lead_dateline_place("Police seized 1.4 tons – a record"), None, "a sentence");
        assert_eq!(lead_dateline_place("UN - the agency said"), None, "too short for a place");
    }

    #[test]
    fn dates_and_sources() {
        let t = "Caspian News (11 September 2019)\nBy AzeMedia Published October 2, 2024 1.8k Views";
        let ls = lines(t);
        assert_eq!(date(t, &ls), Some(jiff::civil::date(2019, 9, 11)));
        assert_eq!(source(t, &ls).as_deref(), Some("AzeMedia"));
        let t = "© 2021 Aze.Media – Daily Digest\nFollow Daryo's official Instagram and Twitter pages";
        assert_eq!(source(t, &lines(t)).as_deref(), Some("Aze.Media"));
        let t = "© 2025 Copyright France 24. All rights reserved.";
        assert_eq!(source(t, &lines(t)).as_deref(), Some("France 24"));
        assert_eq!(
            dateline("BANGKOK, March 3, 2025 (Reuters) - Thai police said"),
            Some(jiff::civil::date(2025, 3, 3))
        );
        assert_eq!(dateline("LAGOS, 12 May 2024 — The agency said"), Some(jiff::civil::date(2024, 5, 12)));
        // A date after the dash, or with no dash at all, is the story's.
        assert_eq!(dateline("LAGOS — On 12 May 2024 the agency said"), None);
        assert_eq!(dateline("On 12 May 2024 the agency seized 5 kg"), None);
        assert_eq!(dateline("ISLAMABAD, June 22, 2024 (APP): The force said"), Some(jiff::civil::date(2024, 6, 22)));
        assert_eq!(dateline("On 12 May 2024, police said: 5 kg were seized"), None);
        assert_eq!(
            dateline("(ORILLIA, ON) - October 30, 2025 - The Ontario Provincial Police said"),
            Some(jiff::civil::date(2025, 10, 30))
        );
        assert_eq!(dateline("(ORILLIA, ON) - Police said on October 30, 2025 - that"), None, "a sentence");
        assert_eq!(
            dateline("ST. PETERSBURG, October 15, 2025. /TASS/. Officers of the FSB seized"),
            Some(jiff::civil::date(2025, 10, 15))
        );
        assert_eq!(parse_meta_date("2024-10-02T08:00:00Z"), Some(jiff::civil::date(2024, 10, 2)));
        // A dated line led by a name.
        let t = "Police Scotland | 11 November 2025";
        assert_eq!(source(t, &lines(t)).as_deref(), Some("Police Scotland"));
        let t = "Kyodo | Tokyo | Aug 29, 2025";
        assert_eq!(source(t, &lines(t)).as_deref(), Some("Kyodo"));
        let t = "By Staff Reporter\nThu 9 Oct 2025 17.40 AEDT";
        assert_eq!(source(t, &lines(t)), None);
        let t = "By Reuters Staff";
        assert_eq!(source(t, &lines(t)).as_deref(), Some("Reuters"));
        let t = "*Tico Times · 18 August 2025 · Interview by María Solís*";
        assert_eq!(source(t, &lines(t)).as_deref(), Some("Tico Times"));
        // A longer name with its acronym; not a longer one without.
        let t = "**National Drug Law Enforcement Agency (NDLEA)** · Published 15 February 2025";
        assert_eq!(source(t, &lines(t)).as_deref(), Some("National Drug Law Enforcement Agency (NDLEA)"));
        let t = "Notes from the annual meeting of the board · 15 February 2025";
        assert_eq!(source(t, &lines(t)), None);
        let t = "FOLLOW Daryo's Official Instagram";
        assert_eq!(source(t, &lines(t)).as_deref(), Some("Daryo"));
        // "İ" lower-cases to three bytes: the name is cut where the text says, not one byte later.
        let t = "Follow İstanbul Times's official pages";
        assert_eq!(source(t, &lines(t)).as_deref(), Some("İstanbul Times"));
        // A clipping's front matter quotes its values.
        let t = "source: \"https://www.premiumtimesng.com/news/a.html\"";
        assert_eq!(source(t, &lines(t)).as_deref(), Some("https://www.premiumtimesng.com/news/a.html"));
    }
}
