//! The corpus folder: which article files it holds, their bytes and their text.
//!
//! This is the only module that reads corpus files. [`scan`] lists them with
//! sizes and modification times (no content is read), [`read`] loads one, and
//! [`RawDoc::decode`] turns its bytes into text with a map back to the bytes.
//! Files are named by their path relative to the corpus folder, with `/`.

pub mod manifest;

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use crate::error::{Diagnostic, Error, Result};
use crate::lexicon::USER_LEXICON;
use crate::span::{OffsetMap, Span};

/// How an article file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text (`.txt`).
    Text,
    /// Markdown (`.md`, `.markdown`).
    Markdown,
    /// HTML (`.html`, `.htm`).
    Html,
}

impl Format {
    /// The format a file name's extension says, if it is an article.
    pub fn from_name(name: &str) -> Option<Format> {
        let ext = Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }

    /// The format of a file whose extension says `self`, given its first
    /// bytes: a page saved as `.txt` or `.md` that opens as an HTML document
    /// (`<!DOCTYPE html>`, `<html>`) is HTML.
    pub fn sniffed(self, bytes: &[u8]) -> Format {
        let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
        let opens = |tag: &[u8]| head[start..].get(..tag.len()).is_some_and(|h| h.eq_ignore_ascii_case(tag));
        if self != Format::Html && (opens(b"<!doctype html") || opens(b"<html")) {
            Format::Html
        } else {
            self
        }
    }
}

/// Bytes of a file's start that [`Format::sniffed`] looks at.
const SNIFF_BYTES: usize = 512;

/// A corpus file as listed by [`scan`]: enough to tell whether it changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEntry {
    /// Path relative to the corpus folder, `/`-separated.
    pub name: String,
    /// Full path.
    pub path: PathBuf,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch (0 if unknown).
    pub mtime_ns: i64,
    /// Article format.
    pub format: Format,
}

/// A corpus file's bytes.
#[derive(Debug, Clone)]
pub struct RawDoc {
    /// Path relative to the corpus folder, `/`-separated.
    pub name: String,
    /// Article format.
    pub format: Format,
    /// The file's bytes, as read.
    pub bytes: Vec<u8>,
}

/// A file's text after decoding, with the map from text offsets to file offsets.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The decoded text.
    pub text: String,
    /// Text offsets to file offsets.
    pub map: OffsetMap,
}

/// Result of listing a corpus folder.
#[derive(Debug, Default)]
pub struct Listing {
    /// Article files, sorted by name.
    pub files: Vec<FileEntry>,
    /// Files that were skipped, and why.
    pub skipped: Vec<Diagnostic>,
}

fn mtime_ns(meta: &std::fs::Metadata) -> i64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}

/// Lists the article files under `dir` (recursively), without reading them.
///
/// Symbolic links are not followed, so a link cannot lead out of the corpus or
/// into a loop; hidden files and folders, the user's `lexicon.toml` and files
/// with other extensions are skipped and listed in [`Listing::skipped`].
///
/// # Errors
/// Fails when `dir` does not exist or is not a folder.
pub fn scan(dir: &Path) -> Result<Listing> {
    if !dir.is_dir() {
        return Err(Error::NoCorpus(dir.to_owned()));
    }
    let mut listing = Listing::default();
    // Sorted once at the end by name: walkdir's per-folder sort compares
    // parsed paths and costs more than the `stat`s on a large corpus.
    let walker = walkdir::WalkDir::new(dir).follow_links(false).into_iter();
    let walker = walker.filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let file = e.path().map(|p| relative_name(dir, p));
                listing.skipped.push(Diagnostic::warning(file.as_deref(), format!("skipped: {e}")));
                continue;
            }
        };
        if entry.depth() == 0 || entry.file_type().is_dir() {
            continue;
        }
        let name = relative_name(dir, entry.path());
        if entry.path_is_symlink() {
            listing.skipped.push(Diagnostic::note(Some(&name), "skipped: symbolic link (not followed)"));
            continue;
        }
        if name == USER_LEXICON {
            continue;
        }
        if !entry.file_type().is_file() {
            // A named pipe or a device would block or never end.
            listing.skipped.push(Diagnostic::note(Some(&name), "skipped: not a regular file"));
            continue;
        }
        let Some(format) = Format::from_name(&name) else {
            listing.skipped.push(Diagnostic::note(Some(&name), "skipped: not a .txt, .md or .html file"));
            continue;
        };
        match entry.metadata() {
            Ok(meta) => listing.files.push(FileEntry {
                name,
                path: entry.path().to_owned(),
                size: meta.len(),
                mtime_ns: mtime_ns(&meta),
                format,
            }),
            Err(e) => listing.skipped.push(Diagnostic::warning(Some(&name), format!("skipped: {e}"))),
        }
    }
    listing.files.sort_unstable_by(|a, b| a.name.cmp(&b.name));
    listing.skipped.sort_by(|a, b| a.file.cmp(&b.file));
    Ok(listing)
}

fn relative_name(dir: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(dir).unwrap_or(path).to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' {
        rel.into_owned()
    } else {
        rel.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

/// Longest stretch of a file that is read as an article: news articles are
/// far shorter, and a cap keeps memory bounded whatever a scraper left.
pub const MAX_ARTICLE_BYTES: u64 = 16 << 20;

/// Reads one listed file (its first [`MAX_ARTICLE_BYTES`] bytes, with a
/// warning when it is longer).
///
/// # Errors
/// Fails when the file cannot be read (removed since the listing, no permission).
pub fn read(entry: &FileEntry) -> Result<(RawDoc, Vec<Diagnostic>)> {
    use std::io::Read;
    let file = std::fs::File::open(&entry.path).map_err(|e| Error::io(&entry.path, e))?;
    let mut bytes = Vec::with_capacity(entry.size.min(MAX_ARTICLE_BYTES) as usize);
    file.take(MAX_ARTICLE_BYTES).read_to_end(&mut bytes).map_err(|e| Error::io(&entry.path, e))?;
    let mut diags = Vec::new();
    if bytes.len() as u64 == MAX_ARTICLE_BYTES && entry.size > MAX_ARTICLE_BYTES {
        diags.push(Diagnostic::warning(
            Some(&entry.name),
            format!("file is {} MB; only its first {} MB were read", entry.size >> 20, MAX_ARTICLE_BYTES >> 20),
        ));
    }
    Ok((RawDoc { name: entry.name.clone(), format: entry.format.sniffed(&bytes), bytes }, diags))
}

/// Resolves a document name to a path inside the corpus, refusing names that
/// would lead outside it (`..`, absolute paths, links).
///
/// # Errors
/// [`Error::NoSuchDoc`] when the name is not a file inside the corpus.
pub fn resolve(dir: &Path, name: &str) -> Result<PathBuf> {
    let rel = Path::new(name);
    let safe = rel.components().all(|c| matches!(c, std::path::Component::Normal(_)));
    let path = dir.join(rel);
    let inside = safe && std::fs::symlink_metadata(&path).map(|m| m.is_file()).unwrap_or(false);
    if inside {
        Ok(path)
    } else {
        Err(Error::NoSuchDoc(name.to_owned()))
    }
}

/// A fast content hash, used to tell a changed file from a touched one.
pub fn content_hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

impl RawDoc {
    /// Decodes the bytes into text. UTF-8 (with or without a byte-order mark)
    /// maps byte for byte; UTF-16 with a byte-order mark is converted; invalid
    /// UTF-8 is replaced by U+FFFD with a warning naming the first bad byte.
    /// The map always leads back to the file's own bytes.
    pub fn decode(&self) -> (Decoded, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let bytes = &self.bytes;
        if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
            if encoding != encoding_rs::UTF_8 {
                return (decode_with(encoding, bytes, bom_len), diags);
            }
        }
        if looks_binary(bytes) {
            diags.push(Diagnostic::warning(Some(&self.name), "skipped: a binary file, not text"));
            return (Decoded { text: String::new(), map: OffsetMap::default() }, diags);
        }
        let origin = if bytes.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
        let body = &bytes[origin..];
        match std::str::from_utf8(body) {
            Ok(text) => (Decoded { text: text.to_owned(), map: OffsetMap::identity(origin, text.len()) }, diags),
            Err(e) => {
                let at = origin + e.valid_up_to();
                // Not one valid multi-byte sequence: a legacy encoding
                // (Windows-1251, -1252…), which chardetng recognises. Some:
                // UTF-8 with damage, which is replaced.
                if !has_utf8_multibyte(body) {
                    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                    detector.feed(body, true);
                    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
                    if encoding != encoding_rs::UTF_8 && encoding.is_single_byte() {
                        diags.push(Diagnostic::warning(
                            Some(&self.name),
                            format!("not UTF-8 (invalid at byte {at}); decoded as {}", encoding.name()),
                        ));
                        return (decode_with(encoding, bytes, origin), diags);
                    }
                }
                diags.push(Diagnostic::warning(
                    Some(&self.name),
                    format!("invalid UTF-8 at byte {at}; undecodable bytes were replaced by U+FFFD"),
                ));
                (decode_lossy(body, origin), diags)
            }
        }
    }
}

/// True when the bytes hold at least one valid multi-byte UTF-8 character.
fn has_utf8_multibyte(bytes: &[u8]) -> bool {
    bytes.utf8_chunks().any(|c| !c.valid().is_ascii())
}

/// True when the bytes hold NUL characters (images, archives, executables);
/// text in UTF-16 is recognised by its byte-order mark before this check.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    head.contains(&0)
}

/// Lossy UTF-8: valid runs map byte for byte, each bad sequence maps to one U+FFFD.
fn decode_lossy(body: &[u8], origin: usize) -> Decoded {
    let mut text = String::with_capacity(body.len());
    let mut map = OffsetMap::default();
    let mut pos = 0;
    for chunk in body.utf8_chunks() {
        let valid = chunk.valid();
        text.push_str(valid);
        map.push(valid.len(), Span::new(origin + pos, origin + pos + valid.len()));
        pos += valid.len();
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            text.push('\u{FFFD}');
            map.push('\u{FFFD}'.len_utf8(), Span::new(origin + pos, origin + pos + invalid.len()));
            pos += invalid.len();
        }
    }
    Decoded { text, map }
}

/// Another encoding: decode character by character so each maps to its bytes.
fn decode_with(encoding: &'static encoding_rs::Encoding, bytes: &[u8], bom_len: usize) -> Decoded {
    let body = &bytes[bom_len..];
    let (cow, _) = encoding.decode_without_bom_handling(body);
    let mut map = OffsetMap::default();
    // UTF-16: every code unit is two bytes; a character is one or two units.
    let unit = if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE { 2 } else { 1 };
    let mut orig = bom_len;
    for c in cow.chars() {
        let width = if unit == 2 { c.len_utf16() * 2 } else { 1 };
        map.push(c.len_utf8(), Span::new(orig, (orig + width).min(bytes.len())));
        orig += width;
    }
    Decoded { text: cow.into_owned(), map }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(bytes: &[u8]) -> RawDoc {
        RawDoc { name: "a.txt".into(), format: Format::Text, bytes: bytes.to_vec() }
    }

    #[test]
    fn utf8_maps_byte_for_byte() {
        let (d, diags) = doc("5 kg".as_bytes()).decode();
        assert!(diags.is_empty());
        assert_eq!(d.map.to_original(Span::new(2, 4)), Span::new(2, 4));
    }

    #[test]
    fn bom_is_skipped_but_offsets_count_it() {
        let (d, _) = doc(b"\xEF\xBB\xBF5 kg").decode();
        assert_eq!(d.text, "5 kg");
        assert_eq!(d.map.to_original(Span::new(2, 4)), Span::new(5, 7));
    }

    #[test]
    fn invalid_utf8_is_replaced_and_reported() {
        let mut bytes = b"ab\xFFcd 5 kg. ".to_vec();
        bytes.extend_from_slice("Police in S\u{e3}o Paulo seized heroin. ".as_bytes());
        let (d, diags) = doc(&bytes).decode();
        assert!(d.text.starts_with("ab\u{FFFD}cd 5 kg"));
        assert!(diags[0].message.contains("invalid UTF-8 at byte 2"), "{}", diags[0].message);
        let kg = d.text.find("kg").unwrap();
        assert_eq!(d.map.to_original(Span::new(kg, kg + 2)), Span::new(8, 10));
    }

    #[test]
    fn utf16_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "5 kg".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let (d, _) = doc(&bytes).decode();
        assert_eq!(d.text, "5 kg");
        assert_eq!(d.map.to_original(Span::new(2, 4)), Span::new(6, 10));
    }

    #[test]
    fn legacy_encodings_are_detected() {
        let (text, _, _) =
            encoding_rs::WINDOWS_1251.encode("Полиция изъяла 120 кг героина в Баку в 2023 году. Это рекорд.");
        let (d, diags) = doc(&text).decode();
        assert!(d.text.contains("героина"), "{}", d.text);
        assert!(diags[0].message.contains("windows-1251"), "{}", diags[0].message);
        let kg = d.text.find("120").unwrap();
        let orig = d.map.to_original(Span::new(kg, kg + 3));
        assert_eq!(&text[orig.start..orig.end], b"120");
    }

    #[test]
    fn binary_files_are_skipped() {
        let (d, diags) = doc(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").decode();
        assert!(d.text.is_empty());
        assert!(diags[0].message.contains("binary"));
    }

    #[test]
    fn formats_come_from_extensions() {
        assert_eq!(Format::from_name("a/b.HTML"), Some(Format::Html));
        assert_eq!(Format::from_name("x.md"), Some(Format::Markdown));
        assert_eq!(Format::from_name("x.pdf"), None);
        // A page saved under another name is read as what it is.
        assert_eq!(Format::Text.sniffed(b"\n  <!DOCTYPE html><html><body>"), Format::Html);
        assert_eq!(Format::Markdown.sniffed(b"<HTML lang=\"en\">"), Format::Html);
        assert_eq!(Format::Text.sniffed(b"Police seized <b>5 kg</b>"), Format::Text);
        assert_eq!(Format::Markdown.sniffed(b"<p>A paragraph</p>"), Format::Markdown);
    }

    #[test]
    fn resolve_stays_inside() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "x").unwrap();
        assert!(resolve(dir.path(), "a.txt").is_ok());
        assert!(resolve(dir.path(), "../a.txt").is_err());
        assert!(resolve(dir.path(), "/etc/passwd").is_err());
    }
}
