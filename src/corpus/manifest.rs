//! What changed in the corpus since the index last saw it.
//!
//! The index stores a [`FileRecord`] per file. [`diff`] compares them with a
//! fresh [`scan`](super::scan): sizes and times first; only files whose size or
//! time moved are read and hashed, so an unchanged corpus costs one `stat` per
//! file.

use std::cmp::Ordering;

use super::{content_hash, FileEntry};

/// What the index remembers of a corpus file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FileRecord {
    /// Path relative to the corpus folder.
    pub name: String,
    /// Size in bytes when indexed.
    pub size: u64,
    /// Modification time when indexed (ns since the epoch).
    pub mtime_ns: i64,
    /// Content hash when indexed.
    pub hash: u64,
}

/// The difference between the corpus and the index.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Changes {
    /// Files the index does not have.
    pub added: Vec<FileEntry>,
    /// Files whose content changed.
    pub changed: Vec<FileEntry>,
    /// Files whose time changed but whose content did not: only their record is refreshed.
    pub touched: Vec<(FileEntry, u64)>,
    /// Names the index has that the corpus no longer holds.
    pub removed: Vec<String>,
    /// Files that are as indexed.
    pub unchanged: usize,
}

impl Changes {
    /// True when the index is up to date.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.touched.is_empty() && self.removed.is_empty()
    }

    /// One line for humans: "2 added, 1 changed, 0 removed, 5 unchanged".
    pub fn summary(&self) -> String {
        format!(
            "{} added, {} changed, {} removed, {} unchanged",
            self.added.len(),
            self.changed.len(),
            self.removed.len(),
            self.unchanged + self.touched.len()
        )
    }
}

/// Compares the listed files with the stored records. A file whose size and
/// time match its record is unchanged without being read; otherwise it is
/// hashed (`hash_file` returns `None` when it cannot be read, and the file is
/// then treated as changed so that reading it reports the error).
pub fn diff(
    files: &[FileEntry],
    records: &[FileRecord],
    mut hash_file: impl FnMut(&FileEntry) -> Option<u64>,
) -> Changes {
    // Both lists come sorted by name from the scan and the index: one merge
    // pass, no hashing. Sorted copies of the references otherwise.
    let mut files: Vec<&FileEntry> = files.iter().collect();
    let mut records: Vec<&FileRecord> = records.iter().collect();
    if !files.is_sorted_by(|a, b| a.name <= b.name) {
        files.sort_by(|a, b| a.name.cmp(&b.name));
    }
    if !records.is_sorted_by(|a, b| a.name <= b.name) {
        records.sort_by(|a, b| a.name.cmp(&b.name));
    }
    let mut changes = Changes::default();
    let (mut fi, mut ri) = (files.iter().peekable(), records.iter().peekable());
    loop {
        let order = match (fi.peek(), ri.peek()) {
            (None, None) => break,
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (Some(f), Some(r)) => f.name.as_str().cmp(r.name.as_str()),
        };
        match order {
            Ordering::Less => changes.added.extend(fi.next().map(|f| (*f).clone())),
            Ordering::Greater => changes.removed.extend(ri.next().map(|r| r.name.clone())),
            Ordering::Equal => {
                let (Some(f), Some(r)) = (fi.next(), ri.next()) else { break };
                if r.size == f.size && r.mtime_ns == f.mtime_ns {
                    changes.unchanged += 1;
                    continue;
                }
                match hash_file(f) {
                    Some(h) if h == r.hash && r.size == f.size => changes.touched.push(((*f).clone(), h)),
                    _ => changes.changed.push((*f).clone()),
                }
            }
        }
    }
    changes
}

/// Hashes a file's content from disk (the part that is read as an article).
pub fn hash_from_disk(f: &FileEntry) -> Option<u64> {
    super::read(f).ok().map(|(raw, _)| content_hash(&raw.bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Format;

    fn entry(name: &str, size: u64, mtime: i64) -> FileEntry {
        FileEntry { name: name.into(), path: name.into(), size, mtime_ns: mtime, format: Format::Text }
    }

    fn record(name: &str, size: u64, mtime: i64, hash: u64) -> FileRecord {
        FileRecord { name: name.into(), size, mtime_ns: mtime, hash }
    }

    #[test]
    fn classifies_every_kind_of_change() {
        let files = [entry("same", 1, 1), entry("new", 1, 1), entry("edited", 2, 2), entry("touched", 3, 9)];
        let records =
            [record("same", 1, 1, 7), record("edited", 1, 1, 7), record("touched", 3, 3, 42), record("gone", 1, 1, 1)];
        let c = diff(&files, &records, |f| Some(if f.name == "touched" { 42 } else { 0 }));
        assert_eq!(c.unchanged, 1);
        assert_eq!(c.added.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), ["new"]);
        assert_eq!(c.changed.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), ["edited"]);
        assert_eq!(c.touched.len(), 1);
        assert_eq!(c.removed, ["gone"]);
        assert_eq!(c.summary(), "1 added, 1 changed, 1 removed, 2 unchanged");
    }

    #[test]
    fn unreadable_files_count_as_changed() {
        let c = diff(&[entry("x", 2, 2)], &[record("x", 1, 1, 1)], |_| None);
        assert_eq!(c.changed.len(), 1);
    }
}
