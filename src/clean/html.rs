//! HTML to text, keeping a map from every text byte back to the HTML file.
//!
//! The page is tokenized with `html5gum` (a WHATWG-conformant tokenizer with
//! byte spans). Text inside `<script>`, `<style>`, `<noscript>`, `<template>`,
//! `<svg>`, `<head>` and inside navigation, footers, asides, forms and
//! elements whose class or id names page furniture (menus, sharing, comments,
//! related articles, cookie banners, ads) never reaches the text. Block
//! elements become line breaks, so the line-based furniture pass that follows
//! treats HTML and plain text alike. Character references are decoded; each
//! maps back to its whole `&…;` in the file.

use html5gum::{DefaultEmitter, Token, Tokenizer};

use crate::span::{OffsetMap, Span};

/// Page metadata read from `<title>`, `<meta>` and `<time>`.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct HtmlMeta {
    /// `og:title`, else `<title>`.
    pub title: Option<String>,
    /// `og:site_name` or `application-name`.
    pub source: Option<String>,
    /// `article:published_time`, `datePublished`, `<time datetime>`… as written.
    pub date: Option<String>,
}

/// Text extracted from an HTML page.
#[derive(Debug, Clone)]
pub struct HtmlText {
    /// The text: one line per block element.
    pub text: String,
    /// Text offsets to HTML offsets (relative to the decoded HTML string).
    pub map: OffsetMap,
    /// Page metadata.
    pub meta: HtmlMeta,
}

const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "nav", "footer", "aside", "form", "button", "select",
    "iframe", "object", "canvas", "video", "audio", "figure", "menu", "dialog",
];
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "header",
    "blockquote",
    "pre",
    "hr",
    "dt",
    "dd",
    "dl",
    "main",
    "title",
    "body",
    "html",
    "caption",
    "address",
    "details",
    "summary",
    "figcaption",
];
const VOID_TAGS: &[&str] =
    &["br", "img", "meta", "link", "input", "hr", "source", "wbr", "area", "base", "col", "embed", "param", "track"];
const FURNITURE_CLASSES: &[&str] = &[
    "nav",
    "menu",
    "footer",
    "sidebar",
    "related",
    "comment",
    "share",
    "social",
    "newsletter",
    "cookie",
    "advert",
    "promo",
    "breadcrumb",
    "subscribe",
    "popup",
    "modal",
    "widget",
    "banner",
    "recommend",
    "more-articles",
    "tags",
    "author-bio",
    "signup",
    "login",
    "masthead",
];

fn class_is_furniture(value: &str) -> bool {
    let v = value.to_ascii_lowercase();
    v.split(|c: char| c.is_whitespace() || c == '_').any(|word| {
        FURNITURE_CLASSES
            .iter()
            .any(|f| word == *f || word.starts_with(&format!("{f}-")) || word.ends_with(&format!("-{f}")))
    })
}

/// Aligns a decoded text run with its raw HTML, piece by piece: equal
/// characters map one to one, `\r\n` maps to `\n`, a character reference maps
/// as a whole.
fn align(raw: &str, decoded: &str, raw_start: usize, map: &mut OffsetMap, out: &mut String) {
    let r: Vec<(usize, char)> = raw.char_indices().collect();
    let d: Vec<(usize, char)> = decoded.char_indices().collect();
    let (mut i, mut j) = (0, 0);
    let rpos = |i: usize| r.get(i).map_or(raw.len(), |x| x.0);
    let dpos = |j: usize| d.get(j).map_or(decoded.len(), |x| x.0);
    while j < d.len() {
        let dc = d[j].1;
        let rc = r.get(i).map(|x| x.1);
        if rc == Some(dc) && dc != '&' || (rc == Some('&') && dc == '&' && !looks_like_reference(&raw[rpos(i)..])) {
            push_char(out, map, dc, Span::new(raw_start + rpos(i), raw_start + rpos(i + 1)));
            i += 1;
            j += 1;
        } else if rc == Some('\r') {
            let width = if r.get(i + 1).map(|x| x.1) == Some('\n') { 2 } else { 1 };
            push_char(out, map, dc, Span::new(raw_start + rpos(i), raw_start + rpos(i + width)));
            i += width;
            j += 1;
        } else if rc == Some('&') {
            // A character reference: up to ';' (or the end of its name).
            let rest = &raw[rpos(i)..];
            let len = reference_len(rest);
            let end_i = r.partition_point(|x| x.0 < rpos(i) + len);
            // It decoded to one or two characters: take as many as keep the rest aligned.
            let next_raw = r.get(end_i).map(|x| x.1);
            let take = if d.get(j + 1).map(|x| x.1) == next_raw || j + 1 >= d.len() { 1 } else { 2.min(d.len() - j) };
            let piece = &decoded[dpos(j)..dpos(j + take)];
            let clean = normalize_space(piece);
            out.push_str(&clean);
            map.push(clean.len(), Span::new(raw_start + rpos(i), raw_start + rpos(end_i)));
            i = end_i;
            j += take;
        } else {
            // Out of step (a replaced NUL, an unexpected normalisation): map the
            // rest of the run as a whole.
            let clean = normalize_space(&decoded[dpos(j)..]);
            out.push_str(&clean);
            map.push(clean.len(), Span::new(raw_start + rpos(i), raw_start + raw.len()));
            return;
        }
    }
}

fn looks_like_reference(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() > 1 && (b[1] == b'#' || b[1].is_ascii_alphabetic())
}

fn reference_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut k = 1;
    while k < b.len() && k < 40 && (b[k].is_ascii_alphanumeric() || b[k] == b'#') {
        k += 1;
    }
    if k < b.len() && b[k] == b';' {
        k += 1;
    }
    k
}

fn normalize_space(s: &str) -> String {
    s.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect()
}

/// Appends one character, turning any whitespace (newlines inside a text run
/// included) into a plain space, so that only block elements break lines.
fn push_char(out: &mut String, map: &mut OffsetMap, c: char, orig: Span) {
    if c.is_whitespace() && (out.is_empty() || out.ends_with(' ') || out.ends_with('\n')) {
        return;
    }
    let c = if c.is_whitespace() { ' ' } else { c };
    out.push(c);
    map.push(c.len_utf8(), orig);
}

fn push_break(out: &mut String, map: &mut OffsetMap, at: usize) {
    if out.is_empty() || out.ends_with("\n\n") {
        return;
    }
    let n = if out.ends_with('\n') { 1 } else { 2 };
    for _ in 0..n {
        out.push('\n');
        map.push(1, Span::new(at, at));
    }
}

fn attr(tag: &html5gum::StartTag<usize>, name: &str) -> Option<String> {
    tag.attributes.get(name.as_bytes()).map(|v| String::from_utf8_lossy(&v.value).into_owned())
}

/// A table's cells as read, until its end shows whether it holds data.
#[derive(Debug, Default)]
struct TableBuf {
    /// Rows of cells, as the page writes them (a cell spanning several
    /// once).
    rows: Vec<Vec<Cell>>,
    /// Its `<caption>`, written before it.
    caption: Option<Cell>,
    /// Another table inside it: a page layout, not data.
    nested: bool,
}

/// A table cell: its text, its map into the file, and its shape.
#[derive(Debug, Clone)]
struct Cell {
    text: String,
    map: OffsetMap,
    /// A `<th>`.
    header: bool,
    /// Its `rowspan` and `colspan`, 1 when not given.
    rows: usize,
    cols: usize,
}

impl Default for Cell {
    fn default() -> Cell {
        Cell { text: String::new(), map: OffsetMap::default(), header: false, rows: 1, cols: 1 }
    }
}

impl Cell {
    /// The cell a `<td>` or `<th>` opens.
    fn opened(tag: &html5gum::StartTag<usize>, header: bool) -> Cell {
        let span = |name: &str| {
            attr(tag, name).and_then(|v| v.trim().parse::<usize>().ok()).map_or(1, |n| n.clamp(1, MAX_SPAN))
        };
        Cell { header, rows: span("rowspan"), cols: span("colspan"), ..Cell::default() }
    }

    /// The same words again, where a span repeats a heading or a label in
    /// another slot of the grid.
    fn copy(&self) -> Cell {
        Cell { rows: 1, cols: 1, ..self.clone() }
    }

    /// A label (a heading, or words with no figure), which a span repeats
    /// in every slot it covers; a figure fills only its first.
    fn repeats(&self) -> bool {
        self.header || !self.text.bytes().any(|b| b.is_ascii_digit())
    }
}

/// The most rows or columns a cell may span: more is a page's layout, or a
/// typo ("colspan=1000").
const MAX_SPAN: usize = 64;

/// The table's rows with every span laid out: a cell spanning rows or
/// columns fills each slot it covers, with its words when it is a label
/// ("Quantity seized (kg)" over three years' columns), else empty.
fn grid(rows: Vec<Vec<Cell>>) -> Vec<Vec<Cell>> {
    // Per column: the cell spanning down into the next rows, and how many more.
    let mut down: Vec<Option<(Cell, usize)>> = Vec::new();
    let mut out = Vec::with_capacity(rows.len());
    let fill_down = |row: &mut Vec<Cell>, down: &mut Vec<Option<(Cell, usize)>>| {
        while let Some(Some((cell, left))) = down.get_mut(row.len()) {
            row.push(if cell.repeats() { cell.copy() } else { Cell::default() });
            *left -= 1;
            if *left == 0 {
                down[row.len() - 1] = None;
            }
        }
    };
    for cells in rows {
        let mut row: Vec<Cell> = Vec::with_capacity(cells.len());
        for cell in cells {
            fill_down(&mut row, &mut down);
            let at = row.len();
            for k in 0..cell.cols {
                row.push(if k == 0 || cell.repeats() { cell.copy() } else { Cell::default() });
            }
            if cell.rows > 1 {
                if down.len() < row.len() {
                    down.resize(row.len(), None);
                }
                for (k, slot) in down[at..row.len()].iter_mut().enumerate() {
                    let spanned = if k == 0 || cell.repeats() { cell.copy() } else { Cell::default() };
                    *slot = Some((spanned, cell.rows - 1));
                }
            }
        }
        fill_down(&mut row, &mut down);
        out.push(row);
    }
    out
}

/// Several heading rows on top of a grid ("Quantity seized (kg)" over
/// "2022 | 2023 | 2024") made one: each column headed by its headings'
/// words, top first ("Quantity seized (kg) 2022"), each said once.
fn one_heading_row(mut rows: Vec<Vec<Cell>>, at: usize) -> Vec<Vec<Cell>> {
    let headings = rows.iter().take_while(|r| !r.is_empty() && r.iter().all(|c| c.header)).count();
    if headings < 2 || headings >= rows.len() {
        return rows;
    }
    let width = rows[..headings].iter().map(Vec::len).max().unwrap_or(0);
    let merged = (0..width)
        .map(|j| {
            let mut cell = Cell { header: true, ..Cell::default() };
            let mut last: Option<&str> = None;
            for row in &rows[..headings] {
                let Some(c) = row.get(j) else { continue };
                let words = c.text.trim();
                if words.is_empty() || last == Some(words) {
                    continue;
                }
                if !cell.text.is_empty() {
                    cell.text.push(' ');
                    cell.map.push(1, Span::new(at, at));
                }
                cell.text.push_str(&c.text);
                cell.map.append(&c.map);
                last = Some(words);
            }
            cell
        })
        .collect();
    rows.splice(..headings, std::iter::once(merged));
    rows
}

/// At most this many words in any cell of a data table: longer cells are a
/// page laid out with a table.
const MAX_CELL_WORDS: usize = 12;

impl TableBuf {
    /// Where text read now goes: the last cell, else the caption.
    fn cell(&mut self) -> Option<&mut Cell> {
        match self.rows.last_mut() {
            Some(row) => row.last_mut(),
            None => self.caption.as_mut(),
        }
    }

    /// A grid of short cells, two rows and two columns at least.
    fn is_data(&self) -> bool {
        !self.nested
            && self.rows.len() >= 2
            && self.rows.iter().all(|r| r.len() >= 2)
            && self.rows.iter().flatten().all(|c| c.text.split_whitespace().count() <= MAX_CELL_WORDS)
    }

    /// Writes the table to `out`: a data table as pipe rows ("| Heroin | 883 |"),
    /// the header row followed by a separator row; any other table as one
    /// block per cell.
    fn write(mut self, out: &mut String, map: &mut OffsetMap, at: usize) {
        let synthetic = |out: &mut String, map: &mut OffsetMap, s: &str| {
            out.push_str(s);
            map.push(s.len(), Span::new(at, at));
        };
        let data = self.is_data();
        let caption = self.caption.take().into_iter();
        if !data {
            for cell in caption.chain(self.rows.into_iter().flatten()).filter(|c| !c.text.trim().is_empty()) {
                push_break(out, map, at);
                out.push_str(&cell.text);
                map.append(&cell.map);
                push_break(out, map, at);
            }
            return;
        }
        for cell in caption {
            push_break(out, map, at);
            out.push_str(&cell.text);
            map.append(&cell.map);
        }
        push_break(out, map, at);
        let rows = one_heading_row(grid(self.rows), at);
        for (i, row) in rows.iter().enumerate() {
            for cell in row {
                synthetic(out, map, "| ");
                // A break inside a cell is a space in its row (one byte for one).
                out.push_str(&cell.text.replace('\n', " "));
                map.append(&cell.map);
                // Space after the text (the page's own, or one added).
                if !cell.text.ends_with([' ', '\n']) {
                    synthetic(out, map, " ");
                }
            }
            synthetic(out, map, "|\n");
            if i == 0 {
                synthetic(out, map, &format!("{}|\n", "|---".repeat(row.len())));
            }
        }
        push_break(out, map, at);
    }
}

/// Extracts the text and metadata of an HTML page given as a string.
pub fn to_text(html: &str) -> HtmlText {
    let mut out = String::with_capacity(html.len() / 2);
    let mut map = OffsetMap::default();
    let mut meta = HtmlMeta::default();
    // Open elements whose content is skipped: (tag name, depth when opened).
    let mut stack: Vec<String> = Vec::new();
    let mut skip_from: Option<usize> = None;
    let mut in_title = false;
    let mut title = String::new();
    // The table being read (the outermost, outside skipped elements).
    let mut table: Option<TableBuf> = None;
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                match name.as_str() {
                    "meta" => read_meta(&tag, &mut meta),
                    "time" if meta.date.is_none() => meta.date = attr(&tag, "datetime"),
                    "title" => in_title = true,
                    _ => {}
                }
                if skip_from.is_none() {
                    if let Some(t) = table.as_mut() {
                        match name.as_str() {
                            "table" => t.nested = true,
                            "caption" if t.rows.is_empty() => t.caption = Some(Default::default()),
                            "tr" => t.rows.push(Vec::new()),
                            "td" | "th" => {
                                let cell = Cell::opened(&tag, name == "th");
                                match t.rows.last_mut() {
                                    Some(row) => row.push(cell),
                                    None => t.rows.push(vec![cell]),
                                }
                            }
                            _ if BLOCK_TAGS.contains(&name.as_str()) => {
                                if let Some(c) = t.cell() {
                                    push_break(&mut c.text, &mut c.map, tag.span.start);
                                }
                            }
                            _ => {}
                        }
                    } else if name == "table" && !tag.self_closing {
                        table = Some(TableBuf::default());
                    } else if BLOCK_TAGS.contains(&name.as_str()) {
                        push_break(&mut out, &mut map, tag.span.start);
                    }
                }
                if VOID_TAGS.contains(&name.as_str()) || tag.self_closing {
                    continue;
                }
                let furniture = SKIP_TAGS.contains(&name.as_str())
                    || attr(&tag, "class").is_some_and(|c| class_is_furniture(&c))
                    || attr(&tag, "id").is_some_and(|c| class_is_furniture(&c))
                    || attr(&tag, "role").is_some_and(|r| {
                        matches!(r.as_str(), "navigation" | "banner" | "contentinfo" | "complementary")
                    })
                    || attr(&tag, "hidden").is_some()
                    || attr(&tag, "aria-hidden").is_some_and(|v| v == "true");
                if furniture && skip_from.is_none() {
                    skip_from = Some(stack.len());
                }
                if stack.len() < 10_000 {
                    stack.push(name);
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if name == "title" {
                    in_title = false;
                }
                // Look for the open element among the innermost few only: a
                // page of stray end tags must not cost quadratic time.
                let pos = stack.iter().rev().take(256).position(|t| *t == name).map(|back| stack.len() - 1 - back);
                if let Some(pos) = pos {
                    stack.truncate(pos);
                    // The skipped element sat at index `s`; closing it (or an ancestor) ends the skip.
                    if skip_from.is_some_and(|s| s >= pos) {
                        skip_from = None;
                    }
                }
                if skip_from.is_none() {
                    // The outermost table ends when no other is open.
                    if name == "table" && table.is_some() && !stack.iter().any(|t| t == "table") {
                        if let Some(t) = table.take() {
                            t.write(&mut out, &mut map, tag.span.end);
                        }
                    } else if table.is_none() && BLOCK_TAGS.contains(&name.as_str()) {
                        push_break(&mut out, &mut map, tag.span.end);
                    }
                }
            }
            Token::String(s) => {
                let decoded = String::from_utf8_lossy(&s.value);
                if in_title {
                    title.push_str(&decoded);
                    continue;
                }
                if skip_from.is_some() {
                    continue;
                }
                let raw = html.get(s.span.start..s.span.end).unwrap_or("");
                match table.as_mut() {
                    // Text between cells (indentation) belongs to none.
                    Some(t) => {
                        if let Some(c) = t.cell() {
                            align(raw, &decoded, s.span.start, &mut c.map, &mut c.text);
                        }
                    }
                    None => align(raw, &decoded, s.span.start, &mut map, &mut out),
                }
            }
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    // A table the page never closed.
    if let Some(t) = table.take() {
        t.write(&mut out, &mut map, html.len());
    }
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if meta.title.is_none() && !title.is_empty() {
        meta.title = Some(title);
    }
    HtmlText { text: out, map, meta }
}

fn read_meta(tag: &html5gum::StartTag<usize>, meta: &mut HtmlMeta) {
    let key = attr(tag, "property").or_else(|| attr(tag, "name")).or_else(|| attr(tag, "itemprop")).unwrap_or_default();
    let Some(content) = attr(tag, "content").filter(|c| !c.trim().is_empty()) else { return };
    match key.to_ascii_lowercase().as_str() {
        "og:title" | "twitter:title" => meta.title = Some(content),
        "og:site_name" | "application-name" | "publisher" => {
            meta.source.get_or_insert(content);
        }
        "article:published_time"
        | "datepublished"
        | "date"
        | "pubdate"
        | "publish-date"
        | "dc.date"
        | "dc.date.issued"
        | "sailthru.date"
        | "parsely-pub-date" => {
            meta.date.get_or_insert(content);
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        to_text(html).text.trim().to_owned()
    }

    #[test]
    fn blocks_become_lines_and_scripts_vanish() {
        let html = "<html><head><title>T</title><script>var x = 5;</script></head><body>\
                    <nav><a>Home</a></nav><h1>Big   haul</h1><p>Police seized\n 5 kg.</p>\
                    <style>p{}</style><div class='related-posts'><p>Other 9 kg</p></div><p>End.</p></body></html>";
        assert_eq!(text(html), "Big haul\n\nPolice seized 5 kg.\n\nEnd.");
    }

    #[test]
    fn data_tables_become_pipe_rows_and_layout_tables_paragraphs() {
        let html = "<p>Seizures (kg)</p><table>\n<tr><th>Drug</th><th>2023</th></tr>\n\
                    <tr><td>Heroin</td><td><b>1,120</b></td></tr></table><p>After.</p>";
        let t = to_text(html);
        assert_eq!(t.text.trim(), "Seizures (kg)\n\n| Drug | 2023 |\n|---|---|\n| Heroin | 1,120 |\n\nAfter.");
        // A cell maps back to the file; the bars come from no byte of it.
        let at = t.text.find("1,120").unwrap();
        let orig = t.map.to_original(Span::new(at, at + 5));
        assert_eq!(&html[orig.start..orig.end], "1,120");
        // A caption is a line before the table; a paragraph inside a cell is no break in its row.
        let html = "<table><caption>Seizures (kg)</caption><tr><th>Drug</th><th>2023</th></tr>\
                    <tr><td><p>Heroin</p></td><td>1,120</td></tr></table>";
        assert_eq!(text(html), "Seizures (kg)\n\n| Drug | 2023 |\n|---|---|\n| Heroin | 1,120 |");
        // A page laid out with a table keeps its paragraphs.
        let long = "a paragraph of running text laid out in a table cell, far longer than a data cell";
        let html = format!(
            "<table><tr><td><p>Home</p><p>{long}.</p></td><td>Menu</td></tr><tr><td>x</td><td>y</td></tr></table>"
        );
        assert_eq!(text(&html), format!("Home\n\n{long}.\n\nMenu\n\nx\n\ny"));
    }

    #[test]
    fn spanned_headings_make_one_heading_row() {
        // "Quantity seized (kg)" over three years; "Drug" spans both heading rows.
        let html = "<table><tr><th rowspan=\"2\">Drug</th><th colspan=\"3\">Seized (kg)</th></tr>\
                    <tr><th>2022</th><th>2023</th><th>2024</th></tr>\
                    <tr><td>Heroin</td><td>312</td><td>287</td><td>418</td></tr></table>";
        let t = to_text(html);
        assert_eq!(
            t.text.trim(),
            "| Drug | Seized (kg) 2022 | Seized (kg) 2023 | Seized (kg) 2024 |\n|---|---|---|---|\n| Heroin | 312 | 287 | 418 |"
        );
        let at = t.text.find("418").unwrap();
        let orig = t.map.to_original(Span::new(at, at + 3));
        assert_eq!(&html[orig.start..orig.end], "418");
        // A label spanning body rows is in each; a figure spanning columns fills the first.
        let html = "<table><tr><th>Drug</th><th>Year</th><th>kg</th></tr>\
                    <tr><td rowspan=\"2\">Heroin</td><td>2023</td><td colspan=\"2\">287</td></tr>\
                    <tr><td>2024</td><td>418</td></tr></table>";
        assert_eq!(
            text(html),
            "| Drug | Year | kg |\n|---|---|---|\n| Heroin | 2023 | 287 |  |\n| Heroin | 2024 | 418 |"
        );
    }

    proptest::proptest! {
        /// However cells span, each figure is written once and maps back to its bytes.
        #[test]
        fn spans_keep_every_figure_once(
            rows in proptest::collection::vec(proptest::collection::vec((0usize..4, 0usize..4, proptest::bool::ANY), 1..5), 2..6)
        ) {
            let mut html = String::from("<table>");
            let mut figures = Vec::new();
            for (r, row) in rows.iter().enumerate() {
                html.push_str("<tr>");
                for (c, &(rowspan, colspan, header)) in row.iter().enumerate() {
                    let tag = if header { "th" } else { "td" };
                    let figure = format!("{}{}{}", r + 1, c + 1, 7);
                    html.push_str(&format!("<{tag} rowspan=\"{rowspan}\" colspan=\"{colspan}\">{figure}</{tag}>"));
                    if !header {
                        figures.push(figure);
                    }
                }
                html.push_str("</tr>");
            }
            html.push_str("</table>");
            let t = to_text(&html);
            for figure in &figures {
                let at = t.text.find(figure.as_str());
                proptest::prop_assert!(at.is_some(), "{figure} lost in {:?}", t.text);
                proptest::prop_assert_eq!(t.text.matches(figure.as_str()).count(), 1, "{} in {:?}", figure, t.text);
                let at = at.unwrap_or_default();
                let orig = t.map.to_original(Span::new(at, at + figure.len()));
                proptest::prop_assert_eq!(&html[orig.start..orig.end], figure.as_str());
            }
        }
    }

    #[test]
    fn references_map_back_to_the_file() {
        let html = "<p>3&nbsp;kg &amp; 5&#160;kg</p>";
        let t = to_text(html);
        let s = t.text.trim_start_matches('\n');
        let offset = t.text.len() - s.len();
        assert_eq!(s.trim_end(), "3 kg & 5 kg");
        let amp = offset + s.find('&').unwrap();
        let orig = t.map.to_original(Span::new(amp, amp + 1));
        assert_eq!(&html[orig.start..orig.end], "&amp;");
        let kg = offset + s.rfind("kg").unwrap();
        let orig = t.map.to_original(Span::new(kg, kg + 2));
        assert_eq!(&html[orig.start..orig.end], "kg");
    }

    #[test]
    fn metadata_is_read() {
        let html = r#"<head><meta property="og:title" content="Seizure"><meta property="og:site_name" content="Daily">
                     <meta property="article:published_time" content="2024-10-02T08:00:00Z"></head>"#;
        let m = to_text(html).meta;
        assert_eq!(m.title.as_deref(), Some("Seizure"));
        assert_eq!(m.source.as_deref(), Some("Daily"));
        assert_eq!(m.date.as_deref(), Some("2024-10-02T08:00:00Z"));
    }

    #[test]
    fn malformed_html_does_not_lose_text() {
        assert_eq!(text("<div><p>One 5 kg<p>Two <b>7 kg</div></span>Three"), "One 5 kg\n\nTwo 7 kg\n\nThree");
        assert_eq!(text("<aside><p>skip</p>"), "");
    }
}
