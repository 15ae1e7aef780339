//! Cleaning: from a file's bytes to the article's paragraphs and metadata.
//!
//! [`clean`] decodes the file, turns HTML into lines of text, classifies every
//! line ([`furniture`]), keeps the article region, joins lines that a break
//! split mid-sentence, and reads title, source and date ([`meta`]). It is a
//! pure function of the file and the lexicon. All spans in a [`CleanDoc`] are
//! into [`CleanDoc::text`]; [`CleanDoc::map`] leads them back to the file.

pub mod furniture;
pub mod html;
pub mod meta;

use std::borrow::Cow;

use crate::corpus::{Format, RawDoc};
use crate::error::Diagnostic;
use crate::lexicon::Lexicon;
use crate::span::{OffsetMap, Span};

pub use furniture::{Line, LineKind};
pub use meta::Meta;

/// What a block of article text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A short line without sentence punctuation: a section heading.
    Heading,
    /// Running text.
    Paragraph,
    /// A table: its header row, a pipe table's separator row, and body rows.
    Table,
}

/// A paragraph or heading of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// Where it stands in [`CleanDoc::text`].
    pub span: Span,
    /// What it is.
    pub kind: BlockKind,
}

/// An article, cleaned.
#[derive(Debug, Clone)]
pub struct CleanDoc {
    /// Corpus name of the file.
    pub name: String,
    /// The decoded text (for HTML: the text extracted from it).
    pub text: String,
    /// From `text` offsets to file offsets.
    pub map: OffsetMap,
    /// The article's paragraphs and headings, in order.
    pub blocks: Vec<Block>,
    /// Title, source, date.
    pub meta: Meta,
    /// The place of a dateline on a line of its own above the article
    /// ("CHENNAI, February 14, 2025"), as written.
    pub dateline: Option<String>,
}

impl CleanDoc {
    /// The text of a span of [`CleanDoc::text`] (empty if out of range).
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text).unwrap_or("")
    }
}

/// Cleans one file.
pub fn clean(raw: &RawDoc, lex: &Lexicon) -> (CleanDoc, Vec<Diagnostic>) {
    let (decoded, mut diags) = raw.decode();
    let (text, map, html_meta) = if raw.format == Format::Html {
        let h = html::to_text(&decoded.text);
        (h.text, h.map.compose(&decoded.map), Some(h.meta))
    } else {
        (decoded.text, decoded.map, None)
    };
    let lines = furniture::classify(&text, lex);
    let Some((start, end)) = furniture::article_region(&lines) else {
        if !text.trim().is_empty() {
            diags.push(Diagnostic::note(Some(&raw.name), "no article text found"));
        }
        let meta = Meta { title: html_meta.and_then(|m| m.title), ..Meta::default() };
        return (CleanDoc { name: raw.name.clone(), text, map, blocks: Vec::new(), meta, dateline: None }, diags);
    };
    let blocks = blocks(&text, &lines[start..end]);

    let header = &lines[..start];
    let meta_lines: Vec<Line> =
        header.iter().chain(lines[start..end].iter().filter(|l| l.kind == LineKind::Meta)).copied().collect();
    // A line naming an agency alone ("Australian Federal Police", "European
    // Union Drugs Agency (EUDA)") is a release's source, not its title.
    let agency_line = |l: &Line| lex.agency_named(&text[l.content.start..l.content.end]).is_some();
    let untitled: Vec<Line> = header.iter().filter(|l| !agency_line(l)).copied().collect();
    let mut meta = Meta {
        title: meta::title(&text, &untitled).or_else(|| meta::title(&text, header)),
        title_inferred: false,
        source: meta::source(&text, &lines),
        // A date line may close the page ("Published 2:15 PM EDT, March 3,
        // 2025") when none opens it.
        date: meta::dated(&text, &meta_lines)
            .or_else(|| {
                let trailer: Vec<Line> = lines[end..].iter().filter(|l| l.kind == LineKind::Meta).copied().collect();
                meta::dated(&text, &trailer)
            })
            .or_else(|| blocks.first().and_then(|b| meta::datelined(&text[b.span.start..b.span.end])))
            // "03/04/2025" is 4 March in an American press release.
            .map(|(surface, d)| match crate::text::date::month_first(surface) {
                Some(m) if meta::month_first_article(&text, lex) => m,
                _ => d,
            }),
        year_inferred: None,
        copyright_year: meta::copyright_year(&text, &lines),
        dateline: None,
        lead: blocks.first().map(|b| meta::lead(&text[b.span.start..b.span.end]).to_owned()),
    };
    if meta.source.is_none() {
        meta.source = header
            .iter()
            .find(|l| agency_line(l))
            .map(|l| text[l.content.start..l.content.end].trim().to_owned())
            .filter(|line| Some(line.as_str()) != meta.title.as_deref());
    }
    if let Some(h) = html_meta {
        if let Some(t) = h.title {
            let site = meta.title.as_deref().and_then(|heading| meta::page_site(&t, heading));
            meta.title = Some(meta::page_title(&t, meta.title.as_deref(), h.source.as_deref()));
            // The site's name after the title names the source when no tag does.
            if meta.source.is_none() {
                meta.source = site;
            }
        }
        if let Some(s) = h.source {
            meta.source = Some(s);
        }
        if let Some(d) = h.date.as_deref().and_then(meta::parse_meta_date) {
            meta.date = Some(d);
        }
    }
    if meta.title.is_none() {
        if let Some(b) = blocks.first() {
            meta.title = Some(opening(&text[b.span.start..b.span.end]));
            meta.title_inferred = true;
        }
    }
    let dateline = meta::dateline_place(&text, &meta_lines, |p| lex.places.get(p).is_some())
        .or_else(|| meta::capitals_town_line(&text, header, |p| lex.is_locality(p)))
        .map(str::to_owned);
    meta.dateline = dateline.clone().or_else(|| {
        blocks.first().and_then(|b| meta::lead_dateline_place(&text[b.span.start..b.span.end])).map(str::to_owned)
    });
    (CleanDoc { name: raw.name.clone(), text, map, blocks, meta, dateline }, diags)
}

/// Markdown emphasis blanked out, for reading: "reached **253,000
/// hectares**" reads as "reached   253,000 hectares  ". The marks become
/// spaces of the same length, so that offsets into one are offsets into the
/// other (facts quote the text as written). Marks are `**`, `__` and `~~`
/// anywhere, and a single `*` or `_` that opens or closes a word
/// ("*Reuters*"), not one inside it ("file_name") nor a bullet ("* item").
pub fn blank_emphasis(text: &str) -> Cow<'_, str> {
    if !text.contains(['*', '_', '~']) {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let word = |i: Option<usize>| i.and_then(|i| bytes.get(i)).is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80);
    let mut blank = vec![false; bytes.len()];
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'*' | b'_' | b'~') {
            let run = bytes[i..].iter().take_while(|&&c| c == b).count();
            let before = word(i.checked_sub(1));
            let after = word(Some(i + run));
            let marks = match (b, run) {
                (b'~', 2) | (b'*' | b'_', 2) => before || after,
                (b'*' | b'_', 1) => before != after,
                _ => false,
            };
            if marks {
                blank[i..i + run].iter_mut().for_each(|x| *x = true);
            }
            i += run;
        } else {
            i += 1;
        }
    }
    if !blank.iter().any(|&x| x) {
        return Cow::Borrowed(text);
    }
    // Only ASCII marks become ASCII spaces: the text stays UTF-8.
    let out: String = text.char_indices().map(|(i, c)| if blank[i] { ' ' } else { c }).collect();
    Cow::Owned(out)
}

/// Words a line break hyphenated put back together, for reading: "the
/// retail price of co-⏎caine" reads as "the retail price of cocaine  ".
/// Only where `known` knows the joined word (a drug, a unit: the words
/// extraction looks for), as a compound broken at its own hyphen
/// ("drug-⏎related") must keep it. The word is written at its start and
/// padded with spaces, so that offsets into one text are offsets into the
/// other. `None` when nothing is joined.
pub fn join_hyphenated(text: &str, known: &dyn Fn(&str) -> bool) -> Option<String> {
    let bytes = text.as_bytes();
    let letters = |b: u8| b.is_ascii_alphabetic();
    let mut out: Option<Vec<u8>> = None;
    let mut from = 0;
    while let Some(at) = text[from..].find('-').map(|k| from + k) {
        from = at + 1;
        // ("co-\r\ncaine": a Windows line end too.)
        let right_start = match &bytes[at + 1..] {
            [b'\n', ..] => at + 2,
            [b'\r', b'\n', ..] => at + 3,
            _ => continue,
        };
        let left_end = at;
        let lower = |k: usize| bytes.get(k).is_some_and(|b| b.is_ascii_lowercase());
        if left_end == 0 || !lower(left_end - 1) || !lower(right_start) {
            continue;
        }
        let start = (0..left_end).rev().take_while(|&k| letters(bytes[k])).last().unwrap_or(left_end);
        let end = (right_start..bytes.len()).take_while(|&k| letters(bytes[k])).last().map_or(right_start, |k| k + 1);
        let word = format!("{}{}", &text[start..left_end], &text[right_start..end]);
        if !known(&word.to_ascii_lowercase()) {
            continue;
        }
        let buf = out.get_or_insert_with(|| bytes.to_vec());
        let mut joined = word.into_bytes();
        joined.resize(end - start, b' ');
        buf[start..end].copy_from_slice(&joined);
    }
    // Only ASCII letters moved and ASCII marks became spaces: still UTF-8.
    out.and_then(|b| String::from_utf8(b).ok())
}

/// The first sentence of a paragraph, cut at a word boundary near 90 characters.
fn opening(s: &str) -> String {
    let first = s.split_inclusive(". ").next().unwrap_or(s).trim();
    if first.chars().count() <= 90 {
        return first.to_owned();
    }
    let mut out = String::new();
    for w in first.split_whitespace() {
        if out.chars().count() + w.chars().count() > 85 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.push('…');
    out
}

fn starts_in_lower_case(s: &str) -> bool {
    s.trim_start_matches(['"', '“', '‘', '\'', '(', '–', '—', ' '])
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
}

fn ends_mid_sentence(s: &str) -> bool {
    let t = s.trim_end();
    if t.ends_with([',', '–', '—', '-', '(']) {
        return true;
    }
    let last = t.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    [
        "the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "by", "for", "with", "from", "over", "than",
        "about", "under",
    ]
    .iter()
    .any(|w| w.eq_ignore_ascii_case(last))
}

/// Groups the kept lines of the region into blocks, joining a line to the
/// previous one when the previous stops mid-sentence.
fn blocks(text: &str, region: &[Line]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut prev: Option<Line> = None;
    let mut table_end = 0;
    for (i, l) in region.iter().enumerate() {
        if i < table_end {
            continue;
        }
        // A header row, a separator row, then the body rows.
        let rows = region[i..].iter().take_while(|r| r.kind == LineKind::TableRow).count();
        let separated =
            region.get(i + 1).is_some_and(|r| furniture::is_table_separator(&text[r.content.start..r.content.end]));
        if rows >= 3 && (separated || l.delimited) {
            table_end = i + rows;
            out.push(Block {
                span: Span::new(l.content.start, region[table_end - 1].content.end),
                kind: BlockKind::Table,
            });
            prev = None;
            continue;
        }
        // A lone row of bars is a menu, not a table.
        if !matches!(l.kind, LineKind::Prose | LineKind::Short) {
            continue;
        }
        let s = &text[l.content.start..l.content.end];
        // A list item starts a block of its own, and is no heading.
        let join = !l.bulleted
            && prev.is_some_and(|p| {
                let ps = &text[p.content.start..p.content.end];
                p.wrapped
                    || (!p.terminal
                        && (p.kind == LineKind::Prose || p.words >= 6)
                        && (starts_in_lower_case(s) || ends_mid_sentence(ps)))
            });
        if join {
            if let Some(last) = out.last_mut() {
                last.span.end = l.content.end;
                last.kind = BlockKind::Paragraph;
            }
        } else {
            let kind = if l.kind == LineKind::Short && !l.terminal && l.words <= 14 && !l.bulleted {
                BlockKind::Heading
            } else {
                BlockKind::Paragraph
            };
            out.push(Block { span: l.content, kind });
        }
        prev = Some(*l);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(name: &str, text: &str) -> CleanDoc {
        let raw =
            RawDoc { name: name.into(), format: Format::from_name(name).unwrap(), bytes: text.as_bytes().to_vec() };
        clean(&raw, &Lexicon::builtin().unwrap()).0
    }

    fn block_texts(d: &CleanDoc) -> Vec<&str> {
        d.blocks.iter().map(|b| d.slice(b.span)).collect()
    }

    #[test]
    fn a_pipe_table_is_one_block_of_its_own() {
        let d = doc(
            "t.md",
            "Police in the region seized less heroin last year than in any year before.\n\n\
             Table 1. Seizures (kg)\n\n| Drug | 2023 |\n|---|---:|\n| Heroin | 1,120 |\n\n\
             | Home | News |\n",
        );
        let kinds: Vec<BlockKind> = d.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [BlockKind::Paragraph, BlockKind::Heading, BlockKind::Table]);
        assert_eq!(block_texts(&d)[2], "| Drug | 2023 |\n|---|---:|\n| Heroin | 1,120 |");
    }

    #[test]
    fn a_hard_wrapped_paragraph_is_one_block() {
        let d = doc(
            "w.txt",
            "Narco-sub intercepted off the Azores\n\nLisbon, 3 March 2025\n\n\
             Portugal's Policia Judiciaria, working with the Navy and the Air\n\
             Force, intercepted a semi-submersible carrying about 6.5 tonnes\n\
             of cocaine south of the Azores, the police force said.\n\n\
             The four crew members were detained and will be brought before\n\
             a judge in Ponta Delgada.\n\n\
             Most read\n\
             Police seize cocaine hidden in a shipment of bananas at Leixoes\n\
             Lisbon airport staff arrested over a smuggling ring in Faro.\n",
        );
        let blocks = block_texts(&d);
        assert_eq!(
            blocks[0],
            "Portugal's Policia Judiciaria, working with the Navy and the Air\n\
             Force, intercepted a semi-submersible carrying about 6.5 tonnes\n\
             of cocaine south of the Azores, the police force said."
        );
        assert_eq!(
            blocks[1],
            "The four crew members were detained and will be brought before\na judge in Ponta Delgada."
        );
        assert_eq!(d.meta.title.as_deref(), Some("Narco-sub intercepted off the Azores"));
        // Headlines, each a whole phrase, are not one paragraph.
        assert!(!blocks.iter().any(|b| b.contains("Leixoes\nLisbon")), "{blocks:?}");
    }

    #[test]
    fn a_correction_note_is_no_article_text() {
        let d = doc(
            "c.txt",
            "Police seize ice in Sydney\n\nPolice have seized 52 kilograms of methylamphetamine in raids across \
             Sydney's south-west.\n\nCorrection: An earlier version of this story said 25 kilograms of \
             methylamphetamine were seized.\n",
        );
        let blocks = block_texts(&d);
        assert_eq!(blocks.len(), 1, "{blocks:?}");
        assert!(blocks[0].contains("52 kilograms"));
    }

    #[test]
    fn each_list_item_is_a_paragraph_of_its_own() {
        let d = doc(
            "a.md",
            "The Border Force made more than 38,000 detections of drugs at the border last year, it said today.\n\n\
             Key results:\n\n- 41.8 tonnes of drugs seized, up 22% on 2023-24\n- 10.2 tonnes of cocaine\n\
             - 6.4 tonnes of methamphetamine\n",
        );
        assert_eq!(
            block_texts(&d)[1..],
            [
                "Key results:",
                "41.8 tonnes of drugs seized, up 22% on 2023-24",
                "10.2 tonnes of cocaine",
                "6.4 tonnes of methamphetamine"
            ]
        );
        let kinds: Vec<BlockKind> = d.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(kinds[2..], [BlockKind::Paragraph; 3]);
    }

    #[test]
    fn a_page_becomes_its_article() {
        let d = doc(
            "a.txt",
            "Menu\n  • Home\nPolice Seize Heroin In Baku\n\nBy Daily News Published October 2, 2024 5 Min Read\n\n\
             Police seized 443 kg of heroin in Baku on Monday, officials said on Tuesday.\n\nThe haul was the largest \
             this year, accounting for just over\n\n30 percent of all seizures.\n\nYou Might Also Like\n\nOther story \
             with 5 kg of cocaine that is long enough to be prose.",
        );
        assert_eq!(
            block_texts(&d),
            [
                "Police seized 443 kg of heroin in Baku on Monday, officials said on Tuesday.",
                "The haul was the largest this year, accounting for just over\n\n30 percent of all seizures."
            ]
        );
        assert_eq!(d.meta.title.as_deref(), Some("Police Seize Heroin In Baku"));
        assert_eq!(d.meta.date, Some(jiff::civil::date(2024, 10, 2)));
        assert_eq!(d.meta.source.as_deref(), Some("Daily News"));
    }

    #[test]
    fn an_agency_alone_on_a_header_line_is_the_source() {
        let d = doc(
            "a.txt",
            "European Drug Report 2025: Highlights\nEuropean Union Drugs Agency (EUDA)\nLisbon, 5 June 2025\n\n\
             For the seventh year in a row, a record quantity of cocaine was seized in Europe: EU Member States \
             reported seizing 419 tonnes of cocaine in 2023.",
        );
        // As long as the title, it is no title.
        assert_eq!(d.meta.title.as_deref(), Some("European Drug Report 2025: Highlights"));
        assert_eq!(d.meta.source.as_deref(), Some("European Union Drugs Agency (EUDA)"));
        // A force named with where it serves.
        let d = doc(
            "a.txt",
            "NSW Police Force\nMedia releases\n\nTwo charged after 1.2 tonnes of cocaine seized off NSW coast\n\n\
             Published: Saturday, 2 March 2024\n\nTwo men have been charged after 1.2 tonnes of cocaine was found on \
             a vessel off the NSW coast.",
        );
        assert_eq!(d.meta.source.as_deref(), Some("NSW Police Force"));
    }

    #[test]
    fn line_break_hyphens_join_known_words_only() {
        let known = |w: &str| w == "cocaine";
        let text = "the price of co-\ncaine rose; drug-\nrelated deaths; co-\r\ncaine";
        let read = join_hyphenated(text, &known).unwrap();
        assert_eq!(read, "the price of cocaine   rose; drug-\nrelated deaths; cocaine   ");
        assert_eq!(read.len(), text.len());
        assert_eq!(join_hyphenated("drug-\nrelated", &known), None);
    }

    #[test]
    fn a_date_line_may_close_the_page() {
        let d = doc(
            "a.txt",
            "Mexican army seizes 1.5 tonnes of meth\nAssociated Press\nMEXICO CITY (AP) — Soldiers seized more \
             than 1,500 kilos of methamphetamine in Sinaloa, the Defense Department said Monday.\nSoldiers also \
             found 5,000 liters of chemical precursors at the site.\nPublished 2:15 PM EDT, March 3, 2025",
        );
        assert_eq!(d.meta.date, Some(jiff::civil::date(2025, 3, 3)));
    }

    #[test]
    fn a_date_line_may_end_in_a_full_stop() {
        let d = doc(
            "a.md",
            "# Annual Drug Seizure Statistics\n\nPublished 15 February 2025 by the Ministry of Interior.\n\n\
             Police seized 294 tonnes of drugs in 2024, against 221 tonnes in 2023.\n\n\
             Published in 2023, the last report counted 180 tonnes.",
        );
        assert_eq!(d.meta.date, Some(jiff::civil::date(2025, 2, 15)));
        // A sentence that opens with the word, but not with a date, stays text.
        assert_eq!(block_texts(&d).len(), 2, "{:?}", block_texts(&d));
    }

    #[test]
    fn slash_dates_read_as_the_country_writes_them() {
        let body = "Customs officers seized 88 pounds of fentanyl at the port of entry, officials said on Tuesday.";
        let us =
            doc("a.txt", &format!("Fentanyl seized at the border\nRelease Date: 03/04/2025\n\nSAN DIEGO - {body}"));
        assert_eq!(us.meta.date, Some(jiff::civil::date(2025, 3, 4)), "month first in an American release");
        let uk = doc("a.txt", &format!("Heroin seized at Dover\nPosted 03/04/2025\n\nDOVER, England - {body}"));
        assert_eq!(uk.meta.date, Some(jiff::civil::date(2025, 4, 3)), "day first elsewhere");
        let unambiguous = doc("a.txt", &format!("Fentanyl seized\nRelease Date: 03/14/2025\n\nSAN DIEGO - {body}"));
        assert_eq!(unambiguous.meta.date, Some(jiff::civil::date(2025, 3, 14)));
    }

    #[test]
    fn markdown_emphasis_is_blanked_in_place() {
        let text = "Coca reached **253,000 hectares**, *Reuters* said; __5 kg__ of ~~old~~ file_name * item 2*3";
        let blanked = blank_emphasis(text);
        assert_eq!(
            blanked,
            "Coca reached   253,000 hectares  ,  Reuters  said;   5 kg   of   old   file_name * item 2*3"
        );
        assert_eq!(blanked.len(), text.len());
    }

    #[test]
    fn lines_that_stop_mid_sentence() {
        assert!(ends_mid_sentence("worth more THAN"));
        assert!(ends_mid_sentence("accounting for just over "));
        assert!(ends_mid_sentence("seized,"));
        assert!(!ends_mid_sentence("seized heroin"));
        assert!(!ends_mid_sentence("the theory"));
    }

    #[test]
    fn a_long_heading_is_the_title_and_a_dotted_line_its_source() {
        let d = doc(
            "a.md",
            "# \"The cartels adapt faster than we do\": an interview with Costa Rica's drug control chief\n\n\
             *Tico Times · 18 August 2025 · Interview by María Solís*\n\n\
             Costa Rica has become one of the region's main cocaine transit hubs, the police say.",
        );
        assert!(!d.meta.title_inferred);
        assert!(d.meta.title.as_deref().unwrap().starts_with("\"The cartels adapt"));
        assert_eq!(d.meta.source.as_deref(), Some("Tico Times"));
        assert_eq!(d.meta.date, Some(jiff::civil::date(2025, 8, 18)));
        assert_eq!(
            block_texts(&d),
            ["Costa Rica has become one of the region's main cocaine transit hubs, the police say."]
        );
    }

    #[test]
    fn untitled_articles_get_an_inferred_title() {
        let d =
            doc("a.txt", "The Kazakhstan delegation took part in the session of the commission, the ministry said.");
        assert!(d.meta.title_inferred);
        assert!(d.meta.title.unwrap().starts_with("The Kazakhstan delegation"));
        assert_eq!(d.meta.date, None);
    }

    #[test]
    fn html_pages_map_back_to_their_bytes() {
        let html = "<html><head><title>Haul</title></head><body><nav>Home</nav><article><h1>Haul</h1>\
                    <p>Customs officers seized 260&nbsp;kilograms of heroin at the Astara checkpoint yesterday.</p>\
                    </article><footer>© 2024</footer></body></html>";
        let d = doc("a.html", html);
        assert_eq!(
            block_texts(&d),
            ["Customs officers seized 260 kilograms of heroin at the Astara checkpoint yesterday."]
        );
        let b = d.blocks[0].span;
        let at = d.text[b.start..].find("kilograms").unwrap() + b.start;
        let orig = d.map.to_original(Span::new(at, at + 9));
        assert_eq!(&html[orig.start..orig.end], "kilograms");
        assert_eq!(d.meta.title.as_deref(), Some("Haul"));
    }

    #[test]
    fn empty_and_binary_files_clean_to_nothing() {
        assert!(doc("a.txt", "").blocks.is_empty());
        let raw = RawDoc { name: "b.txt".into(), format: Format::Text, bytes: vec![0, 159, 146, 150, 0, 1, 2] };
        let (d, _) = clean(&raw, &Lexicon::builtin().unwrap());
        assert!(d.blocks.is_empty());
    }
}
