//! Line-level furniture removal: which lines of a page are the article.
//!
//! Every line gets a [`LineKind`] from general rules — length, sentence
//! punctuation, list bullets, link-like shapes, image file names — and the
//! phrase tables in `furniture.toml`. The article is the run of lines from the
//! first prose line to the last sentence before an end marker ("You Might Also
//! Like", "Leave a review", "Latest news"…); inside it, menus, metadata and
//! furniture lines are dropped. Nothing here knows any particular site.

use crate::lexicon::{normalize_marker, trim_marker, Haystack, Lexicon};
use crate::span::Span;
use crate::text::date::find_dates;

/// What a line of the page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Nothing but whitespace.
    Blank,
    /// Running text: long, with sentence punctuation.
    Prose,
    /// A short line: a heading, a name, a caption.
    Short,
    /// A list item of a few words (menus, tags).
    Menu,
    /// A known furniture phrase, a URL, an image name, a separator.
    Furniture,
    /// A marker after which the article is over.
    End,
    /// A byline, date or reading-time line.
    Meta,
    /// A row of a pipe table ("| Heroin | 883 | -37% |"), its separator row
    /// ("|---|---:|") included, or of a delimited table ("2023,13000").
    TableRow,
}

/// One line of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// The whole line, without its line break.
    pub full: Span,
    /// The line without markup around it (markdown `#`, `**`, bullets, quotes).
    pub content: Span,
    /// What it is.
    pub kind: LineKind,
    /// Number of words.
    pub words: usize,
    /// Ends with sentence punctuation.
    pub terminal: bool,
    /// Written as a markdown heading.
    pub heading_markup: bool,
    /// Starts with a list bullet or dash.
    pub bulleted: bool,
    /// A list item that labels a figure ("- Cocaine: 1,980 kg", "- Persons
    /// arrested: 1,046"): key figures, not a link to another story.
    pub labelled_figure: bool,
    /// A sentence of a few words that ends in a colon ("Seized items
    /// included:"): the items listed after it continue it.
    pub opens_list: bool,
    /// Opens with a figure or a lower-case word ("1.2 tonnes of cocaine",
    /// "$3.4 million in cash", "about 14 firearms"), as the items of a
    /// sentence's list do and other stories' headlines do not.
    pub item_like: bool,
    /// Cut at a fixed width inside a paragraph the next line goes on with
    /// (hard-wrapped plain text).
    pub wrapped: bool,
    /// A row of a delimited table (comma, tab or semicolon separated, as
    /// CSV and TSV data are pasted into a page): it has no separator row.
    pub delimited: bool,
}

/// Splits `text` into lines (`\n`, `\r\n` or `\r`).
pub fn lines(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    // Line breaks found a vector at a time, not byte by byte.
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if i < start {
            // The `\n` of a `\r\n`, already counted.
            continue;
        }
        out.push(Span::new(start, i));
        start = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
    }
    if start < bytes.len() {
        out.push(Span::new(start, bytes.len()));
    }
    out
}

const BULLETS: &[char] = &['•', '*', '-', '–', '—', '·', '►', '»', '▪', '■', '●', '+'];

/// The part of a line inside its markup, and whether it was a heading or bullet.
fn strip_markup(text: &str, line: Span) -> (Span, bool, bool) {
    let s = &text[line.start..line.end];
    let mut start = s.len() - s.trim_start().len();
    let mut end = s.trim_end().len().max(start);
    let mut heading = false;
    let mut bulleted = false;
    let rest = &s[start..end];
    if rest.starts_with('#') {
        let hashes = rest.chars().take_while(|&c| c == '#').count();
        if rest[hashes..].starts_with(' ') || hashes == rest.len() {
            heading = true;
            start += hashes;
        }
    } else if let Some(c) = rest.chars().next() {
        let after = &rest[c.len_utf8()..];
        if BULLETS.contains(&c) && (after.starts_with(' ') || after.is_empty()) {
            bulleted = true;
            start += c.len_utf8();
        } else if c == '>' && after.starts_with(' ') {
            start += 1;
        }
    }
    // Trim spaces and emphasis markers on both ends.
    loop {
        let inner = &s[start..end];
        let trimmed = inner.trim_start_matches([' ', '\t', '*', '_']);
        let trimmed_end = trimmed.trim_end_matches([' ', '\t', '*', '_']);
        let new_start = start + (inner.len() - trimmed.len());
        let new_end = new_start + trimmed_end.len();
        if new_start == start && new_end == end {
            break;
        }
        start = new_start;
        end = new_end.max(new_start);
    }
    (Span::new(line.start + start, line.start + end), heading, bulleted)
}

fn is_terminal(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»', '*', '_', ' ']);
    t.ends_with(['.', '!', '?', ':', ';', '…'])
}

/// Whether a line ends on a time of day whose abbreviation has a full stop
/// ("Posted - Aug. 22, 2024 at 4:38 p.m."): no sentence ends there.
fn ends_on_clock(lower: &str) -> bool {
    let t = lower.trim_end();
    let Some(rest) = t.strip_suffix("a.m.").or_else(|| t.strip_suffix("p.m.")) else { return false };
    rest.trim_end().ends_with(|c: char| c.is_ascii_digit())
}

fn looks_like_url(s: &str) -> bool {
    let t = s.trim_matches(['<', '>', '(', ')', '[', ']', ' ']);
    (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www.")) && !t.contains(' ')
}

/// A short line that is an image name or a bare identifier: file extensions,
/// long digit runs, "scaled", width×height.
fn looks_like_image_name(s: &str, lower: &str, words: usize) -> bool {
    if words > 12 {
        return false;
    }
    let ext = [".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg", ".avif"].iter().any(|e| lower.contains(e));
    let long_digits = s.split(|c: char| !c.is_ascii_digit()).any(|run| run.len() >= 7);
    let dims = lower.split_whitespace().any(|w| {
        let mut parts = w.split('x');
        matches!((parts.next(), parts.next(), parts.next()), (Some(a), Some(b), None)
            if !a.is_empty() && !b.is_empty() && a.bytes().all(|c| c.is_ascii_digit()) && b.bytes().all(|c| c.is_ascii_digit()))
    });
    // ("FY2021 FY2022": fiscal years, no file's name.)
    let fiscal =
        |w: &str| w.strip_prefix("fy").is_some_and(|y| y.bytes().all(|c| c.is_ascii_digit() || c == b'-' || c == b'/'));
    let hexish = lower
        .split_whitespace()
        .filter(|w| {
            w.len() >= 4
                && w.bytes().any(|c| c.is_ascii_digit())
                && w.bytes().any(|c| c.is_ascii_alphabetic())
                && !fiscal(w)
        })
        .count()
        >= 2;
    ext || long_digits || dims || hexish || lower.ends_with(" scaled")
}

/// A whole line that ends the article ("Related articles", "Comments (0)").
fn is_end_marker(line: &Haystack, lex: &Lexicon) -> bool {
    let end = &lex.furniture.end;
    if line.text.is_ascii() {
        // Lower-cased already: only the trimming of `normalize_marker` is left.
        let key = trim_marker(line.lower.trim());
        end.iter().any(|m| m == key)
    } else {
        end.contains(&normalize_marker(line.text))
    }
}

/// A byline, date or reading-time line.
fn is_meta(line: &Haystack, lex: &Lexicon) -> bool {
    if line.text.is_ascii() {
        lex.furniture.meta.found_in(&line.lower)
    } else {
        lex.furniture.meta.found_in(&line.text.to_lowercase())
    }
}

/// A line that opens on a date: "Published 15 February 2025 by the Ministry
/// of Interior.", "Updated: March 3, 2025."
fn is_date_line(line: &Haystack, lex: &Lexicon) -> bool {
    // Openers are ASCII: the ASCII lower-casing is enough.
    let lower = line.lower.trim_start();
    lex.furniture.date_openers.iter().any(|opener| {
        let Some(rest) = lower.strip_prefix(opener.as_str()) else { return false };
        let rest = rest.trim_start_matches([':', ' ']);
        let rest = rest.strip_prefix("on ").unwrap_or(rest);
        // The date's own first token: a day, a month or a year.
        find_dates(rest).first().is_some_and(|(span, _)| span.start == 0)
    })
}

fn is_separator(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| matches!(c, '-' | '=' | '*' | '_' | '~' | '—' | '–' | '#' | '·' | ' '))
}

/// A pipe table's row: starts and ends with a bar and has one inside.
fn is_table_row(s: &str) -> bool {
    s.len() >= 3 && s.starts_with('|') && s.ends_with('|') && s[1..s.len() - 1].contains('|')
}

/// A pipe table's separator row: bars, dashes, colons and spaces only.
pub fn is_table_separator(s: &str) -> bool {
    is_table_row(s.trim()) && s.contains('-') && s.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// Two or more path separators (" > ", " » ", " / ", " | "), each counted
/// as `str::matches` would: occurrences of one separator do not overlap.
fn is_breadcrumb(s: &str) -> bool {
    const SEPARATORS: [&str; 5] = [" > ", " » ", " / ", " | ", " · "];
    let mut free_from = [0usize; SEPARATORS.len()];
    let mut n = 0;
    for (i, _) in s.match_indices(' ') {
        for (sep, free) in SEPARATORS.iter().zip(&mut free_from) {
            if i >= *free && s[i..].starts_with(sep) {
                n += 1;
                *free = i + sep.len();
            }
        }
    }
    n >= 2
}

/// A sign outside ASCII that may open a figure: "€", "£", "₹", "~".
fn is_sign(c: char) -> bool {
    !c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace() && !matches!(c, '“' | '‘' | '«' | '„')
}

/// Classifies every line of `text`.
pub fn classify(text: &str, lex: &Lexicon) -> Vec<Line> {
    // One lower-casing for the page, not one per line and check: a line's
    // twin is the slice at its own offsets.
    let lower = text.to_ascii_lowercase();
    let mut out: Vec<Line> = lines(text)
        .into_iter()
        .map(|full| {
            let (content, heading_markup, bulleted) = strip_markup(text, full);
            let s = &text[content.start..content.end];
            let words = count_words(s);
            let terminal = is_terminal(s);
            let line = Haystack::with_lower(s, &lower[content.start..content.end]);
            let kind = match classify_one(&line, words, terminal, bulleted, lex) {
                // "# \"The cartels adapt faster than we do\": an interview
                // with…": a long heading is a title, not the article's first
                // paragraph.
                LineKind::Prose if heading_markup && !terminal => LineKind::Short,
                kind => kind,
            };
            // ("- Cocaine: 1,980 kg", not "- Related: Two sentenced for…")
            let labelled_figure = bulleted
                && s.split_once(':').is_some_and(|(label, figure)| {
                    let figure = figure.trim_start_matches(|c: char| c == '*' || c == '\\' || c.is_whitespace());
                    !label.is_empty()
                        && figure.bytes().any(|b| b.is_ascii_digit())
                        && (figure.starts_with(|c: char| c.is_ascii_digit() || c == '$' || is_sign(c))
                            || opens_on_sum(figure, lex))
                });
            let opens_list = !bulleted && words >= 2 && s.trim_end().ends_with(':');
            // ("\$3.4 million": Markdown escapes the dollar.)
            let item_like = s
                .trim_start_matches('\\')
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || c.is_lowercase() || c == '$' || is_sign(c))
                || bulleted && opens_on_sum(s, lex);
            Line {
                full,
                content,
                kind,
                words,
                terminal,
                heading_markup,
                bulleted,
                labelled_figure,
                opens_list,
                item_like,
                wrapped: false,
                delimited: false,
            }
        })
        .collect();
    mark_delimited_tables(text, &mut out);
    mark_wrapped_prose(text, &mut out);
    mark_page_titles(text, &mut out);
    mark_running_heads(text, &mut out);
    out
}

/// The highest page number a running head is read with: a larger number
/// (a year, "Seizures 2023" over "Seizures 2024") is no page's.
const MAX_PAGE: u32 = 999;

/// A PDF's running heads and feet ("Finnish Customs   Enforcement 2024   4"
/// atop each page): a short line that comes back with nothing changed but
/// a page number at its end or start, rising from page to page, is
/// furniture, not a heading of the text.
fn mark_running_heads(text: &str, lines: &mut [Line]) {
    // The line's words without the page number, and the number.
    let split = |l: &Line| -> Option<(String, u32)> {
        let plain = matches!(l.kind, LineKind::Short | LineKind::Menu)
            && !l.terminal
            && !l.bulleted
            && !l.heading_markup
            && !l.labelled_figure;
        if !plain || l.words == 0 {
            return None;
        }
        let s = text[l.content.start..l.content.end].trim();
        let digit = |c: char| c.is_ascii_digit();
        let (body, number) = match s.trim_end_matches(digit) {
            body if body.len() < s.len() => (body, &s[body.len()..]),
            _ => {
                let body = s.trim_start_matches(digit);
                (body, &s[..s.len() - body.len()])
            }
        };
        let number: u32 = number.parse().ok().filter(|&n| n <= MAX_PAGE)?;
        let body = body.split_whitespace().collect::<Vec<_>>().join(" ");
        (!body.is_empty() && body.chars().any(char::is_alphabetic)).then_some((body, number))
    };
    // Each head's words, with the line and page of its last occurrence:
    // one pass, however many numbered lines the page has.
    let mut last: std::collections::HashMap<String, (usize, u32)> = std::collections::HashMap::new();
    for i in 0..lines.len() {
        let Some((body, n)) = split(&lines[i]) else { continue };
        if let Some(&(j, _)) = last.get(&body).filter(|&&(_, m)| n > m) {
            lines[j].kind = LineKind::Furniture;
            lines[i].kind = LineKind::Furniture;
        }
        last.insert(body, (i, n));
    }
}

/// How many lines after a page's title its heading may come.
const TITLE_TO_HEADING: usize = 8;

/// "SBU dismantles drug lab producing 100 kg of PVP a month in Kyiv region -
/// Kyiv Post Wire" above "SBU dismantles drug lab … in Kyiv region": a page's
/// title with its site's name, long as it is, is a title, not the article's
/// first paragraph. Nor is a long line without a full stop between them
/// ("Joint press release of the Public Prosecutor's Office and…"): the
/// article starts at its heading.
fn mark_page_titles(text: &str, lines: &mut [Line]) {
    let content = |l: &Line| &text[l.content.start..l.content.end];
    for i in 0..lines.len() {
        if !matches!(lines[i].kind, LineKind::Prose | LineKind::Short) || lines[i].terminal {
            continue;
        }
        let line = content(&lines[i]);
        // (The last such line: "Zoll online" above the heading is the site.)
        let window = &lines[i + 1..(i + 1 + TITLE_TO_HEADING).min(lines.len())];
        let headed = window.iter().rposition(|h| {
            let heading = content(h);
            let separated = |rest: &str, at_end: bool| {
                super::meta::SITE_SEPARATORS
                    .iter()
                    .any(|s| if at_end { rest.ends_with(s) } else { rest.starts_with(s) })
            };
            !heading.is_empty()
                && (line.strip_prefix(heading).is_some_and(|rest| separated(rest, false))
                    || line.strip_suffix(heading).is_some_and(|rest| separated(rest, true)))
        });
        if let Some(h) = headed {
            for l in lines[i..=i + h].iter_mut().filter(|l| l.kind == LineKind::Prose && !l.terminal) {
                l.kind = LineKind::Short;
            }
        }
    }
}

/// The fewest rows of a delimited table: a header row and two body rows.
const DELIMITED_ROWS: usize = 3;

/// The most words a delimited table's cell has: longer, it is prose.
const CELL_WORDS: usize = 6;

/// Delimited tables ("fiscal_year,fentanyl_lb" over "2023,13000" and
/// "2024,13600"): three lines or more in a row, split by the same delimiter
/// into the same number of short cells, the first naming its columns in
/// words and each after it holding a number, are a table's rows.
fn mark_delimited_tables(text: &str, lines: &mut [Line]) {
    let content = |l: &Line| &text[l.content.start..l.content.end];
    // Delimiters in a line, quoted or not: a cheap first look, as every
    // line of prose has commas.
    let delimiters = |l: &Line, d: char| content(l).bytes().filter(|&b| char::from(b) == d).count();
    let mut start = 0;
    while start < lines.len() {
        let header = content(&lines[start]);
        // (A sentence ends in a full stop; a header row in none, or in its
        // last semicolon. A header of years, "Drug\tFY2021\tFY2022", reads
        // as a date line until its rows show it heads them.)
        let may_head = matches!(lines[start].kind, LineKind::Short | LineKind::Prose | LineKind::Menu | LineKind::Meta)
            && !lines[start].bulleted
            && (!lines[start].terminal || header.ends_with(';'));
        let shape = may_head
            .then(|| delimiter(header))
            .filter(|&d| d != '|')
            .map(|d| (d, delimiters(&lines[start], d)))
            // A quoted cell's delimiters add to a row's, never take away.
            .filter(|&(d, n)| n >= 1 && lines.get(start + 1).is_some_and(|next| delimiters(next, d) >= n))
            .map(|(d, _)| (d, split_cells(header, d).len()))
            .filter(|&(_, n)| n >= 2);
        let Some((d, n)) = shape else {
            start += 1;
            continue;
        };
        let cells_of = |l: &Line| split_cells(content(l), d).into_iter().map(|(a, b)| &content(l)[a..b]).collect();
        let short = |cells: &Vec<&str>| cells.iter().all(|c| count_words(c) <= CELL_WORDS);
        let numeric = |c: &&str| !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit() || b".,-+% ".contains(&b));
        let head_cells: Vec<&str> = cells_of(&lines[start]);
        let rows = 1 + lines[start + 1..]
            .iter()
            .take_while(|l| {
                let cells: Vec<&str> = cells_of(l);
                delimiter(content(l)) == d && cells.len() == n && short(&cells) && cells.iter().any(numeric)
            })
            .count();
        let named = short(&head_cells) && head_cells.iter().any(|c| c.chars().any(char::is_alphabetic));
        if named && rows >= DELIMITED_ROWS {
            for l in &mut lines[start..start + rows] {
                l.kind = LineKind::TableRow;
                l.delimited = true;
            }
        }
        start += rows;
    }
}

/// The character a table row's cells are split on: the bar of a pipe
/// table's row, else a tab, a semicolon or a comma, the first the row holds.
pub fn delimiter(row: &str) -> char {
    let row = row.trim();
    if row.starts_with('|') {
        return '|';
    }
    ['\t', ';', ','].into_iter().find(|&d| row.contains(d)).unwrap_or(',')
}

/// The byte ranges in `row` of its cells split on `d`, each trimmed and
/// without its quotes (a quoted "4,800" is one cell); the bars around a pipe
/// row's cells are no cells.
pub fn split_cells(row: &str, d: char) -> Vec<(usize, usize)> {
    let (mut from, mut to) = (0, row.len());
    if d == '|' {
        from = row.len() - row.trim_start().len();
        to = row.trim_end().len();
        from += usize::from(row[from..to].starts_with('|'));
        to -= usize::from(to > from && row[from..to].ends_with('|'));
    }
    let mut out = Vec::new();
    let mut cell_start = from;
    let mut quoted = false;
    let mut push = |a: usize, b: usize| {
        let cell = &row[a..b];
        let lead = cell.len() - cell.trim_start().len();
        let trimmed = cell.trim();
        let inner = trimmed.strip_prefix('"').and_then(|t| t.strip_suffix('"')).unwrap_or(trimmed);
        let start = a + lead + (trimmed.len() - inner.len()) / 2;
        out.push((start, start + inner.len()));
    };
    for (i, c) in row[from..to].char_indices() {
        if c == '"' && d != '|' {
            quoted = !quoted;
        } else if c == d && !quoted {
            push(cell_start, from + i);
            cell_start = from + i + c.len_utf8();
        }
    }
    push(cell_start, to);
    out
}

/// Hard-wrapped paragraphs (plain text cut at a fixed width, as wire copy,
/// e-mail and text taken from a PDF are): lines too short to read as prose
/// alone read as one paragraph together. A run of text lines is prose when
/// every line but the last is full (six words or more), the run breaks
/// mid-sentence at least once, and together its lines make a sentence — so
/// a list of headlines, each a whole phrase, stays what it was.
fn mark_wrapped_prose(text: &str, lines: &mut [Line]) {
    let text_line = |l: &Line| matches!(l.kind, LineKind::Short | LineKind::Prose) && !l.bulleted && !l.heading_markup;
    let content = |l: &Line| &text[l.content.start..l.content.end];
    let mut start = 0;
    while start < lines.len() {
        let len = lines[start..].iter().take_while(|l| text_line(l)).count();
        if len < 2 {
            start += len.max(1);
            continue;
        }
        let run = &lines[start..start + len];
        let (last, body) = run.split_last().expect("a run of two lines or more");
        let words: usize = run.iter().map(|l| l.words).sum();
        let full = body.iter().all(|l| l.words >= 6);
        let mid_sentence = run
            .windows(2)
            .any(|w| super::ends_mid_sentence(content(&w[0])) || super::starts_in_lower_case(content(&w[1])));
        if full && mid_sentence && last.terminal && words >= 8 {
            for (i, l) in lines[start..start + len].iter_mut().enumerate() {
                l.kind = LineKind::Prose;
                l.wrapped = i + 1 < len;
            }
        }
        start += len;
    }
}

/// Words in a line: runs of letters (as the tokenizer counts them, without
/// building tokens).
fn count_words(s: &str) -> usize {
    // In an ASCII line, the usual one, bytes are the characters and cheaper to read.
    if s.is_ascii() {
        count_letter_runs(s.bytes().map(char::from))
    } else {
        count_letter_runs(s.chars())
    }
}

fn count_letter_runs(chars: impl Iterator<Item = char>) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in chars {
        let letter = c.is_alphabetic();
        if letter && !in_word {
            n += 1;
        }
        in_word = letter || (in_word && (c == '-' || c == '\'' || c == '\u{2019}'));
    }
    n
}

fn classify_one(line: &Haystack, words: usize, terminal: bool, bulleted: bool, lex: &Lexicon) -> LineKind {
    let s = line.text;
    if s.trim().is_empty() {
        return LineKind::Blank;
    }
    if is_table_row(s) {
        return LineKind::TableRow;
    }
    if is_separator(s) || looks_like_url(s) {
        return LineKind::Furniture;
    }
    if words <= 8 && is_end_marker(line, lex) {
        return LineKind::End;
    }
    if words <= 40 && lex.furniture.line.found_in(line) {
        return LineKind::Furniture;
    }
    if words <= 20 && (!terminal || ends_on_clock(&line.lower)) && is_meta(line, lex) {
        return LineKind::Meta;
    }
    if words <= 20 && terminal && is_date_line(line, lex) {
        return LineKind::Meta;
    }
    if !terminal && looks_like_image_name(s, &line.lower, words) {
        return LineKind::Furniture;
    }
    if !terminal && is_breadcrumb(s) {
        // "Sur in English | 04/11/2025 | 12:35": a site, a date and a time.
        let dated = words <= 12 && !find_dates(s).is_empty();
        return if dated { LineKind::Meta } else { LineKind::Menu };
    }
    if words >= 8 && (terminal || words >= 15) {
        return LineKind::Prose;
    }
    // "- 1.1 tonnes of heroin", "- half a ton of marijuana": a list item
    // with a figure is the article's.
    let figure = || s.bytes().any(|b| b.is_ascii_digit()) || opens_on_number_word(&line.lower, lex);
    if bulleted && words <= 5 && !terminal && !figure() {
        return LineKind::Menu;
    }
    if words == 0 {
        // Digits or symbols alone: a date line, a counter, a stray mark.
        return if crate::text::date::find_dates(s).is_empty() { LineKind::Furniture } else { LineKind::Meta };
    }
    if words <= 6 && !terminal && !crate::text::date::find_dates(s).is_empty() {
        return LineKind::Meta;
    }
    if words <= 6 && terminal && is_dateline(s) {
        return LineKind::Meta;
    }
    LineKind::Short
}

/// A line of capitalised names ending on a date and a full stop: a
/// dateline on a line of its own ("TEGUCIGALPA, Honduras, 14 de junio de
/// 2025."), not a sentence ("It happened on 12 May 2024.").
fn is_dateline(s: &str) -> bool {
    let s = s.trim_end().trim_end_matches('.');
    let Some((span, _)) = find_dates(s).into_iter().last() else { return false };
    let lower_word = s[..span.start].split(|c: char| !c.is_alphabetic()).any(|w| w.starts_with(char::is_lowercase));
    span.end == s.len() && span.start > 0 && !lower_word
}

/// A line opening on a currency written as a word before its figure ("EUR
/// 3.2 million in cash", "Rs 2,000 crore").
fn opens_on_sum(s: &str, lex: &Lexicon) -> bool {
    let Some((word, rest)) = s.trim_start().split_once(' ') else { return false };
    let money = || {
        lex.units
            .get(word)
            .and_then(|u| u.value())
            .is_some_and(|u| u.unit.dimension() == crate::vocab::Dimension::Money)
    };
    rest.starts_with(|c: char| c.is_ascii_digit()) && money()
}

/// A line opening on a number word or two ("half a ton…", "a dozen…").
fn opens_on_number_word(lower: &str, lex: &Lexicon) -> bool {
    let mut words = lower.split_whitespace();
    let Some(first) = words.next() else { return false };
    lex.cardinals.get(first).is_some()
        || words.next().is_some_and(|second| lex.cardinals.get(&format!("{first} {second}")).is_some())
}

/// Words a heading over key figures listed after the text may have ("Key
/// figures 2024").
const FIGURES_HEADING_WORDS: usize = 6;

/// The article region: indices `[start, end)` into `lines`, or `None` when the
/// page has no line of text at all.
pub fn article_region(lines: &[Line]) -> Option<(usize, usize)> {
    let is_sentence = |l: &Line| l.kind == LineKind::Prose || (l.kind == LineKind::Short && l.terminal);
    let start = lines
        .iter()
        .position(|l| l.kind == LineKind::Prose)
        .or_else(|| lines.iter().position(is_sentence))
        .or_else(|| lines.iter().position(|l| l.kind == LineKind::Short))?;
    // A table: a header row, then a separator row (no words) or, delimited,
    // a body row. A lone row of bars is a menu.
    let opens_table = |p: usize| {
        lines[p].kind == LineKind::TableRow
            && lines.get(p + 1).is_some_and(|n| n.kind == LineKind::TableRow && (n.words == 0 || n.delimited))
    };
    let before = |p: usize| lines[..p].iter().rposition(|l| l.kind != LineKind::Blank);
    // A short sentence right before the first long one belongs to the article
    // ("Police seized 5 kg of cocaine." then a longer paragraph).
    // So do key figures listed right before it ("- Cocaine: 1,980 kg"), and
    // a table with its caption line (a data annex's "Table 3. Fentanyl
    // seized, fiscal years 2021-2024" over its rows).
    let mut start = start;
    while let Some(prev) = before(start) {
        let sentence = lines[prev].kind == LineKind::Short && lines[prev].terminal && lines[prev].words >= 3;
        let figure = lines[prev].labelled_figure && matches!(lines[prev].kind, LineKind::Short | LineKind::Prose);
        let top = lines[..=prev].iter().rposition(|l| l.kind != LineKind::TableRow).map_or(0, |p| p + 1);
        if sentence || figure {
            start = prev;
        } else if lines[prev].kind == LineKind::TableRow && opens_table(top) {
            start = before(top).filter(|&c| lines[c].kind == LineKind::Short && !lines[c].terminal).unwrap_or(top);
            break;
        } else {
            break;
        }
    }
    let stop = lines[start..].iter().position(|l| l.kind == LineKind::End).map_or(lines.len(), |p| start + p);
    let mut last = lines[start..stop].iter().rposition(is_sentence).map_or(stop, |p| start + p + 1);
    // The items a last sentence opens ("Seized items included:", then
    // "- 450 kg of cocaine") are the article's; so is that sentence. So are
    // key figures listed right after it ("* Drug seizures at the border:
    // 3,912"), as they are right before the first, and the heading over
    // them ("## Key figures 2024").
    let text_line = |p: usize| matches!(lines[p].kind, LineKind::Short | LineKind::Prose);
    let next_line = |p: usize| (p + 1..stop).find(|&n| lines[n].kind != LineKind::Blank);
    let heads_figures = |p: usize| {
        let heading = lines[p].heading_markup
            || lines[p].kind == LineKind::Short && !lines[p].terminal && lines[p].words <= FIGURES_HEADING_WORDS;
        heading && !lines[p].bulleted && next_line(p).is_some_and(|n| lines[n].labelled_figure && text_line(n))
    };
    let mut listing = false;
    while let Some(p) = (last..stop).find(|&p| lines[p].kind != LineKind::Blank) {
        let opened = listing
            || (start..last).rev().find(|&q| lines[q].kind != LineKind::Blank).is_some_and(|q| lines[q].opens_list);
        if (lines[p].opens_list || heads_figures(p)) && text_line(p) && !listing {
            last = p + 1;
        } else if lines[p].bulleted
            && (opened && lines[p].item_like || lines[p].labelled_figure)
            && (text_line(p) || lines[p].kind == LineKind::Menu)
        {
            last = p + 1;
            listing = true;
        } else {
            break;
        }
    }
    // A table may close the article.
    let last = match (last..stop).rev().find(|&p| opens_table(p)) {
        Some(p) => p + lines[p..stop].iter().take_while(|l| l.kind == LineKind::TableRow).count(),
        None => last,
    };
    Some((start, last.max(start + 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(LineKind, String)> {
        let lex = Lexicon::builtin().unwrap();
        classify(text, &lex)
            .into_iter()
            .filter(|l| l.kind != LineKind::Blank)
            .map(|l| (l.kind, text[l.content.start..l.content.end].to_owned()))
            .collect()
    }

    #[test]
    fn delimited_rows_under_a_header_of_words_are_a_table() {
        let lex = Lexicon::builtin().unwrap();
        let rows = |text: &str| -> Vec<bool> {
            classify(text, &lex).iter().filter(|l| l.kind != LineKind::Blank).map(|l| l.delimited).collect()
        };
        assert_eq!(rows("year,heroin_kg\n2023,\"1,200\"\n2024,900\nSource: UNODC"), [true, true, true, false]);
        assert_eq!(rows("Substance\tSeizures\nCocaine\t64000\nHeroin\t23000"), [true, true, true]);
        // A header of fiscal years, which alone reads as a date line.
        assert_eq!(rows("Drug\tFY2021\tFY2022\nCocaine\t48,617\t55,273\nHeroin\t5,108\t2,984"), [true, true, true]);
        // Too few rows; rows of words; sentences split at their commas.
        assert_eq!(rows("year,kg\n2024,900"), [false, false]);
        assert_eq!(rows("Home, News, Sport\nWorld, Business, Opinion\nVideo, Audio, Live"), [false, false, false]);
        assert_eq!(rows("In 2021, police seized 5 kg.\nIn 2022, 7 kg.\nIn 2023, 9 kg."), [false, false, false]);
    }

    #[test]
    fn lines_of_a_page() {
        use LineKind::*;
        let page =
            "By using this site, you agree to the Privacy Policy and Terms of Use.\n  • Home\n## **BIG NEWS TODAY**\n\
                    By AzeMedia Published October 2, 2024 1.8k Views 7 Min Read\n\
                    Police seized 443 kg of heroin and 3,477 kg of marijuana during the raid last week.\n\
                    Challenges Amid Success\n12.09.2019\n---\n<https://example.com/a-1>\nYou Might Also Like\n\
                    17706240282725537477 scaled\nComments (0)";
        assert_eq!(
            kinds(page),
            [
                (Furniture, "By using this site, you agree to the Privacy Policy and Terms of Use.".into()),
                (Menu, "Home".into()),
                (Short, "BIG NEWS TODAY".into()),
                (Meta, "By AzeMedia Published October 2, 2024 1.8k Views 7 Min Read".into()),
                (Prose, "Police seized 443 kg of heroin and 3,477 kg of marijuana during the raid last week.".into()),
                (Short, "Challenges Amid Success".into()),
                (Meta, "12.09.2019".into()),
                (Furniture, "---".into()),
                (Furniture, "<https://example.com/a-1>".into()),
                (End, "You Might Also Like".into()),
                (Furniture, "17706240282725537477 scaled".into()),
                (End, "Comments (0)".into()),
            ]
        );
    }

    #[test]
    fn a_pdf_running_head_with_page_numbers_is_furniture() {
        use LineKind::*;
        let head = |n: u32| format!("Finnish Customs        Enforcement 2024        {n}");
        let page = format!(
            "{}\nCustoms seized 418 kilograms of cocaine in 2024, compared with 96 kilograms in 2023.\n{}\n\
             Customs recorded 2,930 drug offences in 2024, an increase of 11 per cent.\n{}",
            head(3),
            head(4),
            head(5)
        );
        let got: Vec<LineKind> = kinds(&page).into_iter().map(|(k, _)| k).collect();
        assert_eq!(got, [Furniture, Prose, Furniture, Prose, Furniture]);
        // Headings that differ by a year are the text's own.
        let years = "Seizures 2023\nCustoms seized 96 kilograms of cocaine in that year, the agency said.\n\
                     Seizures 2024\nCustoms seized 418 kilograms of cocaine in that year, the agency said.";
        let got: Vec<LineKind> = kinds(years).into_iter().map(|(k, _)| k).collect();
        assert_eq!(got, [Short, Prose, Short, Prose]);
    }

    #[test]
    fn a_long_page_title_over_its_heading_is_no_paragraph() {
        use LineKind::*;
        let title = "SBU dismantles drug lab producing 100 kg of PVP a month in Kyiv region - Kyiv Post Wire";
        let heading = "SBU dismantles drug lab producing 100 kg of PVP a month in Kyiv region";
        let page = format!(
            "{title}\nNews  War  Politics\n\n{heading}\n\nThe SBU shut down a laboratory near Kyiv, the agency said."
        );
        let k = kinds(&page);
        assert_eq!(k[0], (Short, title.into()));
        assert_eq!(k.iter().find(|(_, t)| t == heading).map(|(kind, _)| *kind), Some(Short));
        // Fifteen words or more with no heading of its own is still prose.
        assert_eq!(kinds(title)[0].0, Prose);
        // The site before the heading, and a long line with no full stop
        // between them: both above the article.
        let title = "Zoll online - Press releases - 2.3 tonnes of cocaine seized in the port of Hamburg";
        let kicker = "Joint press release of the Hamburg Public Prosecutor's Office and the Customs Investigation Office Hamburg";
        let page = format!("{title}\nZoll online\n\n{kicker}\n\n2.3 tonnes of cocaine seized in the port of Hamburg\n\nCustoms investigators seized the cocaine in April.");
        assert_eq!(kinds(&page).iter().find(|(_, t)| t == kicker).map(|(kind, _)| *kind), Some(Short));
    }

    #[test]
    fn bylines_ending_on_a_clock_time_are_metadata() {
        use LineKind::*;
        let page = "By Pat Reavy, KSL.com | Posted - Aug. 22, 2024 at 4:38 p.m.\nThe raid ended at 4 p.m.";
        assert_eq!(
            kinds(page),
            [
                (Meta, "By Pat Reavy, KSL.com | Posted - Aug. 22, 2024 at 4:38 p.m.".into()),
                (Short, "The raid ended at 4 p.m.".into()),
            ]
        );
    }

    #[test]
    fn a_dateline_on_its_own_line_is_metadata() {
        use LineKind::*;
        let page = "TEGUCIGALPA, Honduras, 14 de junio de 2025.\nIt happened on 12 May 2024.";
        assert_eq!(
            kinds(page),
            [
                (Meta, "TEGUCIGALPA, Honduras, 14 de junio de 2025.".into()),
                (Short, "It happened on 12 May 2024.".into())
            ]
        );
    }

    #[test]
    fn list_items_with_figures_are_the_articles() {
        use LineKind::*;
        let page = "- Home\n- 1.1 tonnes of heroin\n* 42,000 cannabis plants\n- Weather";
        assert_eq!(
            kinds(page),
            [
                (Menu, "Home".into()),
                (Short, "1.1 tonnes of heroin".into()),
                (Short, "42,000 cannabis plants".into()),
                (Menu, "Weather".into()),
            ]
        );
    }

    #[test]
    fn lines_outside_ascii_are_lower_cased_in_full() {
        use LineKind::*;
        // "É" has no ASCII lower case: markers and metadata still match.
        let page = "ÉDITION SPÉCIALE\nPUBLISHED OCTOBER 2 — ÉTÉ\nRELATED ARTICLES ·\nYou Might Also Like (12)";
        assert_eq!(
            kinds(page),
            [
                (Short, "ÉDITION SPÉCIALE".into()),
                (Meta, "PUBLISHED OCTOBER 2 — ÉTÉ".into()),
                (End, "RELATED ARTICLES ·".into()),
                (End, "You Might Also Like (12)".into()),
            ]
        );
    }

    #[test]
    fn words_are_runs_of_letters() {
        for (line, n) in [
            ("Police seized 443 kg of heroin", 5),
            ("drug-related seizures in Iran's north", 5),
            ("Iran’s police — 5 tonnes", 3),
            ("Bakı şəhərində 12 kq heroin", 4),
            ("12.09.2019 — 7", 0),
            ("", 0),
        ] {
            assert_eq!(count_words(line), n, "{line}");
        }
    }

    proptest::proptest! {
        #[test]
        fn lines_end_at_any_line_break(s in "[a\\r\\n]{0,24}") {
            // `str::lines` ends lines at `\n` and `\r\n`; a lone `\r` ends one too here.
            let expected = s.replace("\r\n", "\n").replace('\r', "\n").lines().count();
            let got = lines(&s);
            proptest::prop_assert_eq!(got.len(), expected);
            let mut joined = String::new();
            for l in &got {
                let line = &s[l.start..l.end];
                proptest::prop_assert!(!line.contains(['\r', '\n']));
                joined.push_str(line);
            }
            proptest::prop_assert_eq!(joined, s.replace(['\r', '\n'], ""));
        }

        #[test]
        fn ascii_lines_count_words_as_any_line(s in "[a-zA-Z0-9 '\\-.,]{0,40}") {
            proptest::prop_assert_eq!(count_words(&s), count_letter_runs(s.chars()));
        }
    }

    #[test]
    fn breadcrumbs_have_two_separators() {
        assert!(is_breadcrumb("Home > News > World"));
        assert!(is_breadcrumb("Home » Asia / Pakistan"));
        assert!(is_breadcrumb("News | Crime | Drugs"));
        assert!(!is_breadcrumb("Home > News"));
        assert!(!is_breadcrumb("Home >> News >> World"));
        // Occurrences of one separator do not overlap; of two, they may.
        assert!(!is_breadcrumb("a / / b"));
        assert!(is_breadcrumb("a > | b"));
    }

    #[test]
    fn interview_questions_are_prose() {
        let k = kinds("- What successes have the Azerbaijani customs agency achieved in fighting drug trafficking?");
        assert_eq!(k[0].0, LineKind::Prose);
        assert!(k[0].1.starts_with("What"));
    }

    #[test]
    fn key_figures_listed_before_the_first_paragraph_are_the_articles() {
        let lex = Lexicon::builtin().unwrap();
        let text = "# Key figures, 2023\n\n## Highlights\n\n- Cocaine: 1,980 kg\n- Persons arrested: 1,046\n\n\
                    Customs officers also seized 1,400 litres of liquid cannabis at the airport.";
        let ls = classify(text, &lex);
        let (s, e) = article_region(&ls).unwrap();
        let kept: Vec<&str> = ls[s..e]
            .iter()
            .filter(|l| l.kind != LineKind::Blank)
            .map(|l| &text[l.content.start..l.content.end])
            .collect();
        assert_eq!(
            kept,
            [
                "Cocaine: 1,980 kg",
                "Persons arrested: 1,046",
                "Customs officers also seized 1,400 litres of liquid cannabis at the airport."
            ]
        );
        // A list of other stories' headlines is no key figure.
        let text = "- Two held with 20kg of ganja\n\nPolice seized 5 kg of heroin in a raid on a house in the city.";
        let ls = classify(text, &lex);
        let (s, _) = article_region(&ls).unwrap();
        assert_eq!(
            &text[ls[s].content.start..ls[s].content.end],
            "Police seized 5 kg of heroin in a raid on a house in the city."
        );
    }

    #[test]
    fn items_a_last_sentence_opens_are_the_articles() {
        let lex = Lexicon::builtin().unwrap();
        let kept = |text: &str| -> Vec<String> {
            let ls = classify(text, &lex);
            let (s, e) = article_region(&ls).unwrap();
            ls[s..e]
                .iter()
                .filter(|l| l.kind != LineKind::Blank)
                .map(|l| text[l.content.start..l.content.end].to_owned())
                .collect()
        };
        let story = "Police in Melbourne raided 12 properties on Tuesday and arrested six people.\n\n";
        let listed =
            format!("{story}Seized items included:\n\n- 450 kg of cocaine\n- €200,000 in cash\n- \\$3.4 million in cash\n- 14 firearms\n");
        assert_eq!(
            kept(&listed)[1..],
            [
                "Seized items included:",
                "450 kg of cocaine",
                "€200,000 in cash",
                "\\$3.4 million in cash",
                "14 firearms"
            ]
        );
        // Nor are key figures under their label ("Cocaine: 19.2 tonnes").
        let figures = format!("{story}The seizures in 2023 were:\n\n- Cocaine: 19.2 tonnes (2022: 15.6 tonnes)\n");
        assert_eq!(kept(&figures)[1..], ["The seizures in 2023 were:", "Cocaine: 19.2 tonnes (2022: 15.6 tonnes)"]);
        // Other stories' headlines are no items of the article's.
        let headlines = format!("{story}More on this story:\n\n- Police seize 2 tonnes of cocaine in Sydney\n");
        assert_eq!(kept(&headlines).len(), 2, "{:?}", kept(&headlines));
        // Key figures right after the last sentence are the article's with
        // no sentence opening them; a link labelled before a headline is not.
        let key = format!("{story}* Drug seizures at the border: 3,912\n* Share made in postal traffic: 61 per cent\n");
        assert_eq!(
            kept(&key)[1..],
            ["Drug seizures at the border: 3,912", "Share made in postal traffic: 61 per cent"]
        );
        let related = format!("{story}- **Related:** Two sentenced to death for trafficking 40 kg of meth\n");
        assert_eq!(kept(&related).len(), 1, "{:?}", kept(&related));
        // So is the heading over them; a heading over links is not.
        let headed = format!("{story}## Key figures 2024\n\n- Cocaine: 1,550 kg\n- Number of drug seizures: 26,900\n");
        assert_eq!(kept(&headed)[1..], ["Key figures 2024", "Cocaine: 1,550 kg", "Number of drug seizures: 26,900"]);
        let links = format!("{story}## More from the police\n\n- Police seize 2 tonnes of cocaine in Sydney\n");
        assert_eq!(kept(&links).len(), 1, "{:?}", kept(&links));
    }

    #[test]
    fn region_runs_from_first_prose_to_last_sentence_before_the_end() {
        let lex = Lexicon::builtin().unwrap();
        let text = "Title Of The Story Here\n\nFirst paragraph of the story has many words in it, really.\nA heading\n\
                    Second paragraph of the story has many words in it, really.\nRamella Ibrahimkhalilova\n\
                    Latest news\nAn unrelated story that has many words in it and more words too.";
        let ls = classify(text, &lex);
        let (s, e) = article_region(&ls).unwrap();
        let kept: Vec<&str> = ls[s..e].iter().map(|l| &text[l.content.start..l.content.end]).collect();
        assert_eq!(
            kept,
            [
                "First paragraph of the story has many words in it, really.",
                "A heading",
                "Second paragraph of the story has many words in it, really."
            ]
        );
    }
}
