//! The index: a tantivy index of the corpus's files, passages and facts in
//! the index folder. This is the only module that touches that folder.
//!
//! * [`Index::open`] opens the folder, creating the index when it is empty;
//!   an index written by another schema version is wiped and recreated; a
//!   folder that holds something else is refused.
//! * [`Index::writer`] takes tantivy's writer lock; while another process
//!   holds it, it fails with [`Error::IndexLocked`] and readers go on
//!   answering from the last commit.
//! * An update is a delete of the file's term followed by a re-add; the
//!   manifest (one `file` document per corpus file) commits with the facts,
//!   so a crash leaves the last complete state.

pub mod analyzer;
pub mod docs;
pub mod schema;
pub mod watch;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};
use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::directory::error::LockError;
use tantivy::indexer::UserOperation;
use tantivy::query::{EnableScoring, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::store::StoreReader;
use tantivy::{DocId, IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument, TantivyError, Term};

pub use docs::{FileDoc, IndexedDoc, PassageRecord};
pub use schema::{Fields, SCHEMA_VERSION};

use crate::corpus::manifest::FileRecord;
use crate::error::{Error, Result};
use crate::extract::Fact;

/// What the last commit says about how the index was built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// The schema version.
    pub schema: u32,
    /// A fingerprint of the extraction rules (lexicon and code version): when
    /// it differs, every file is extracted again.
    pub rules: u64,
}

/// How [`Index::open`] found the folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    /// An existing index of this schema.
    Existing,
    /// A new, empty index.
    Created,
    /// An index of another schema version, wiped and recreated.
    Rebuilt,
}

/// The index of a corpus.
pub struct Index {
    dir: PathBuf,
    inner: tantivy::Index,
    fields: Fields,
    reader: IndexReader,
    /// Doc-store readers of the latest searcher, one per segment, kept
    /// between searches (see [`Index::search`]).
    stores: Mutex<Option<Stores>>,
}

/// Doc-store readers of one searcher generation.
struct Stores {
    generation: u64,
    readers: Arc<Vec<StoreReader>>,
}

/// Blocks each doc-store reader of [`Index::search`] keeps decompressed.
const STORE_CACHE_BLOCKS: usize = 64;

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index").field("dir", &self.dir).finish_non_exhaustive()
    }
}

/// Files a narcofacts index folder may hold besides tantivy's own.
const ALLOWED_EXTRA: &[&str] = &["README.md", ".gitkeep", watch::WATCH_DIR];

fn is_tantivy_file(name: &str) -> bool {
    name == "meta.json"
        || name == "managed.json"
        || name.starts_with(".tantivy-")
        || name.starts_with(".managed.json")
        || name.starts_with(".meta.json")
        || is_leftover(name)
        || [".idx", ".pos", ".term", ".fast", ".fieldnorm", ".store", ".del"].iter().any(|ext| name.ends_with(ext))
}

/// A temporary file of tantivy's atomic writes, left behind when a process
/// is killed in the middle of one.
fn is_leftover(name: &str) -> bool {
    name.starts_with(".tmp")
}

/// Takes the writer lock of the index folder `dir` without opening the index.
fn lock(dir: &Path) -> Result<tantivy::directory::DirectoryLock> {
    use tantivy::Directory;
    let directory = tantivy::directory::MmapDirectory::open(dir)
        .map_err(|e| Error::BadIndex { path: dir.to_owned(), message: e.to_string() })?;
    directory.acquire_lock(&tantivy::directory::INDEX_WRITER_LOCK).map_err(|e| match e {
        LockError::LockBusy => Error::IndexLocked(dir.to_owned()),
        LockError::IoError(io) => Error::io(dir, std::io::Error::new(io.kind(), io.to_string())),
    })
}

/// Bytes per compressed block of the document store (tantivy's default: 16 KiB).
const DOCSTORE_BLOCK: usize = 4096;

impl Index {
    /// Opens the index in `dir`, creating the folder and the index if needed.
    ///
    /// # Errors
    /// [`Error::BadIndex`] when the folder holds files that are not a
    /// narcofacts index, or an index that cannot be read; I/O errors otherwise.
    pub fn open(dir: &Path) -> Result<(Index, Opened)> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let meta = dir.join("meta.json");
        let mut opened = Opened::Existing;
        if !meta.exists() {
            let foreign: Vec<String> = std::fs::read_dir(dir)
                .map_err(|e| Error::io(dir, e))?
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| !ALLOWED_EXTRA.contains(&n.as_str()) && !is_tantivy_file(n))
                .collect();
            if !foreign.is_empty() {
                return Err(Error::BadIndex {
                    path: dir.to_owned(),
                    message: format!("not a narcofacts index: it holds other files ({})", foreign.join(", ")),
                });
            }
            opened = Opened::Created;
        } else {
            let text = std::fs::read_to_string(&meta).map_err(|e| Error::io(&meta, e))?;
            let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) else {
                return Err(Error::BadIndex { path: dir.to_owned(), message: "meta.json is corrupt".into() });
            };
            let stamp =
                json.get("payload").and_then(|p| p.as_str()).and_then(|p| serde_json::from_str::<Stamp>(p).ok());
            let segments = json.get("segments").and_then(|s| s.as_array()).map_or(0, Vec::len);
            match stamp {
                Some(s) if s.schema == SCHEMA_VERSION => {}
                Some(_) => {
                    // Written by another version of narcofacts: start afresh.
                    Index::wipe(dir)?;
                    opened = Opened::Rebuilt;
                }
                None if segments == 0 => {
                    // Created but never committed: a first ingest was
                    // interrupted (start afresh) or is running (leave it be).
                    match Index::wipe(dir) {
                        Ok(()) => opened = Opened::Rebuilt,
                        Err(Error::IndexLocked(_)) => {}
                        Err(e) => return Err(e),
                    }
                }
                None => {
                    return Err(Error::BadIndex {
                        path: dir.to_owned(),
                        message: "this index was written by another program".into(),
                    });
                }
            }
        }
        let (schema, fields) = schema::build();
        let directory = tantivy::directory::MmapDirectory::open(dir)
            .map_err(|e| Error::BadIndex { path: dir.to_owned(), message: e.to_string() })?;
        // Small doc-store blocks: an answer fetches a few hundred scattered
        // facts, and each fetch decompresses its whole block. Blocks are
        // compressed by the indexing thread that fills them: handed to a
        // thread of their own, every small block woke it (half of an ingest's
        // context switches), while the cores are busy extracting anyway.
        let settings = tantivy::IndexSettings {
            docstore_blocksize: DOCSTORE_BLOCK,
            docstore_compress_dedicated_thread: false,
            ..Default::default()
        };
        let inner = tantivy::IndexBuilder::new()
            .schema(schema)
            .settings(settings)
            .open_or_create(directory)
            .map_err(|e| Error::BadIndex { path: dir.to_owned(), message: e.to_string() })?;
        inner.tokenizers().register(analyzer::ANALYZER, analyzer::shared());
        let reader = inner
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| Error::BadIndex { path: dir.to_owned(), message: e.to_string() })?;
        Ok((Index { dir: dir.to_owned(), inner, fields, reader, stores: Mutex::new(None) }, opened))
    }

    /// Deletes the index files in `dir` (and nothing else), holding the
    /// writer lock while it does.
    ///
    /// # Errors
    /// [`Error::IndexLocked`] while another process writes the index; I/O
    /// errors while deleting.
    pub fn wipe(dir: &Path) -> Result<()> {
        if !dir.is_dir() {
            return Ok(());
        }
        let _lock = lock(dir)?;
        let Ok(entries) = std::fs::read_dir(dir) else { return Ok(()) };
        for e in entries.filter_map(|e| e.ok()) {
            let name = e.file_name().to_string_lossy().into_owned();
            if is_tantivy_file(&name) && !name.ends_with(".lock") {
                std::fs::remove_file(e.path()).map_err(|err| Error::io(e.path(), err))?;
            }
        }
        Ok(())
    }

    /// The index folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The field handles.
    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// The underlying tantivy index.
    pub fn tantivy(&self) -> &tantivy::Index {
        &self.inner
    }

    /// A searcher on the last reloaded commit.
    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// Picks up the latest commit.
    ///
    /// # Errors
    /// When the index files cannot be read.
    pub fn reload(&self) -> Result<()> {
        self.reader.reload().map_err(|e| Error::tantivy(&self.dir, e))
    }

    /// The stamp of the last commit, if any.
    pub fn stamp(&self) -> Option<Stamp> {
        let metas = self.inner.load_metas().ok()?;
        serde_json::from_str(metas.payload.as_deref()?).ok()
    }

    fn kind_query(&self, kind: &str) -> TermQuery {
        TermQuery::new(Term::from_field_text(self.fields.kind, kind), IndexRecordOption::Basic)
    }

    fn all_of_kind(&self, kind: &str) -> Result<Vec<TantivyDocument>> {
        let searcher = self.searcher();
        let addrs =
            searcher.search(&self.kind_query(kind), &DocSetCollector).map_err(|e| Error::tantivy(&self.dir, e))?;
        let mut addrs: Vec<_> = addrs.into_iter().collect();
        addrs.sort();
        addrs.into_iter().map(|a| searcher.doc(a).map_err(|e| Error::tantivy(&self.dir, e))).collect()
    }

    /// How many documents of a kind ([`docs::FILE`], [`docs::PASSAGE`],
    /// [`docs::FACT`]) the index holds.
    ///
    /// # Errors
    /// When the index cannot be read.
    pub fn count(&self, kind: &str) -> Result<usize> {
        self.searcher()
            .search(&self.kind_query(kind), &tantivy::collector::Count)
            .map_err(|e| Error::tantivy(&self.dir, e))
    }

    /// Every file document.
    ///
    /// # Errors
    /// When the index cannot be read.
    pub fn files(&self) -> Result<Vec<FileDoc>> {
        let mut files: Vec<FileDoc> =
            self.all_of_kind(docs::FILE)?.iter().filter_map(|d| docs::payload(d, &self.fields)).collect();
        files.sort_by(|a, b| a.record.name.cmp(&b.record.name));
        Ok(files)
    }

    /// The record of one file, if indexed.
    ///
    /// # Errors
    /// When the index cannot be read.
    pub fn file(&self, name: &str) -> Result<Option<FileDoc>> {
        let q = TermQuery::new(
            Term::from_field_text(self.fields.file_key, &docs::file_key(name)),
            IndexRecordOption::Basic,
        );
        Ok(self.search::<FileDoc>(&q, 1)?.into_iter().next().map(|(_, f)| f))
    }

    /// The manifest: what the index knows of each corpus file (name, size,
    /// time, hash), read from fast fields without touching the doc store, so
    /// the freshness check stays cheap on a corpus of many files.
    ///
    /// # Errors
    /// When the index cannot be read.
    pub fn records(&self) -> Result<Vec<FileRecord>> {
        let err = |e: TantivyError| Error::tantivy(&self.dir, e);
        let searcher = self.searcher();
        let weight =
            self.kind_query(docs::FILE).weight(EnableScoring::disabled_from_searcher(&searcher)).map_err(err)?;
        let mut out = Vec::new();
        for reader in searcher.segment_readers() {
            let mut files: Vec<DocId> = Vec::new();
            weight.for_each_no_score(reader, &mut |docs| files.extend_from_slice(docs)).map_err(err)?;
            if let Some(alive) = reader.alive_bitset() {
                files.retain(|&d| alive.is_alive(d));
            }
            if files.is_empty() {
                continue;
            }
            let fast = reader.fast_fields();
            let Some(names) = fast.str(schema::FILE_KEY).map_err(err)? else { continue };
            let size = fast.u64(schema::SIZE).map_err(err)?;
            let mtime = fast.i64(schema::MTIME).map_err(err)?;
            let hash = fast.u64(schema::HASH).map_err(err)?;
            // The segment's file names in ordinal order: one pass over the
            // dictionary of file keys instead of a block lookup per file.
            let mut by_ord: Vec<String> = Vec::with_capacity(names.dictionary().num_terms());
            let mut stream = names.dictionary().stream().map_err(|e| err(e.into()))?;
            while stream.advance() {
                let key = String::from_utf8_lossy(stream.key());
                by_ord.push(docs::file_name(&key).to_owned());
            }
            for d in files {
                let Some(name) = names.term_ords(d).next().and_then(|o| by_ord.get(o as usize)) else {
                    continue;
                };
                out.push(FileRecord {
                    name: name.clone(),
                    size: size.first(d).unwrap_or(0),
                    mtime_ns: mtime.first(d).unwrap_or(0),
                    hash: hash.first(d).unwrap_or(0),
                });
            }
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    /// Every fact, by file and position.
    ///
    /// # Errors
    /// When the index cannot be read.
    pub fn facts(&self) -> Result<Vec<Fact>> {
        let mut facts: Vec<Fact> =
            self.all_of_kind(docs::FACT)?.iter().filter_map(|d| docs::payload(d, &self.fields)).collect();
        facts.sort_by(|a, b| a.doc.cmp(&b.doc).then(a.span.start.cmp(&b.span.start)));
        Ok(facts)
    }

    /// Every fact `query` matches, by file and position.
    ///
    /// # Errors
    /// When the index cannot be read.
    pub fn facts_matching(&self, query: &dyn Query) -> Result<Vec<Fact>> {
        let searcher = self.searcher();
        let addrs = searcher.search(query, &DocSetCollector).map_err(|e| Error::tantivy(&self.dir, e))?;
        let mut facts = Vec::with_capacity(addrs.len());
        for a in addrs {
            let doc: TantivyDocument = searcher.doc(a).map_err(|e| Error::tantivy(&self.dir, e))?;
            facts.extend(docs::payload::<Fact>(&doc, &self.fields));
        }
        facts.sort_by(|a, b| a.doc.cmp(&b.doc).then(a.span.start.cmp(&b.span.start)));
        Ok(facts)
    }

    /// The best `limit` documents for `query` with their scores, decoded as `T`.
    ///
    /// The records are read straight from the doc store's bytes
    /// ([`docs::stored_payload`]), in address order, so that documents sharing
    /// a compressed block (the facts of one article) are read one after the
    /// other from the reader's block cache.
    ///
    /// # Errors
    /// When the index cannot be read.
    pub fn search<T: for<'de> Deserialize<'de>>(&self, query: &dyn Query, limit: usize) -> Result<Vec<(f32, T)>> {
        let searcher = self.searcher();
        let top = searcher
            .search(query, &TopDocs::with_limit(limit.max(1)).order_by_score())
            .map_err(|e| Error::tantivy(&self.dir, e))?;
        let stores = self.stores(&searcher)?;
        let mut order: Vec<usize> = (0..top.len()).collect();
        order.sort_unstable_by_key(|&i| top[i].1);
        let mut records: Vec<Option<T>> = std::iter::repeat_with(|| None).take(top.len()).collect();
        for i in order {
            let addr = top[i].1;
            let bytes = stores[addr.segment_ord as usize]
                .get_document_bytes(addr.doc_id)
                .map_err(|e| Error::tantivy(&self.dir, e))?;
            records[i] = match docs::stored_payload(bytes.as_slice(), &self.fields) {
                Some(raw) => postcard::from_bytes(raw).ok(),
                None => {
                    let doc: TantivyDocument = searcher.doc(addr).map_err(|e| Error::tantivy(&self.dir, e))?;
                    docs::payload(&doc, &self.fields)
                }
            };
        }
        let mut out = Vec::with_capacity(top.len());
        out.extend(top.iter().zip(records).filter_map(|((score, _), r)| Some((*score, r?))));
        Ok(out)
    }

    /// The doc-store readers of `searcher`'s segments, opened once per
    /// generation of the index.
    fn stores(&self, searcher: &Searcher) -> Result<Arc<Vec<StoreReader>>> {
        let generation = searcher.generation().generation_id();
        let mut cached = self.stores.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(s) = cached.as_ref().filter(|s| s.generation == generation) {
            return Ok(Arc::clone(&s.readers));
        }
        let readers = searcher
            .segment_readers()
            .iter()
            .map(|r| r.get_store_reader(STORE_CACHE_BLOCKS))
            .collect::<std::io::Result<Vec<_>>>()
            .map_err(|e| Error::io(&self.dir, e))?;
        let readers = Arc::new(readers);
        *cached = Some(Stores { generation, readers: Arc::clone(&readers) });
        Ok(readers)
    }

    /// Takes the writer lock.
    ///
    /// # Errors
    /// [`Error::IndexLocked`] while another process writes the index.
    pub fn writer(&self, threads: usize, memory: usize) -> Result<Writer> {
        let threads = threads.max(1);
        let memory = memory.max(threads * 15_000_000);
        match self.inner.writer_with_num_threads(threads, memory) {
            Ok(w) => {
                self.remove_leftovers();
                Ok(Writer { inner: w, fields: self.fields, dir: self.dir.clone() })
            }
            Err(TantivyError::LockFailure(LockError::LockBusy, _)) => Err(Error::IndexLocked(self.dir.clone())),
            Err(e) => Err(Error::tantivy(&self.dir, e)),
        }
    }
}

impl Index {
    /// Deletes the temporary files of writes that a killed process left
    /// (only called with the writer lock held, when no write is under way).
    fn remove_leftovers(&self) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else { return };
        for e in entries.filter_map(|e| e.ok()) {
            if is_leftover(&e.file_name().to_string_lossy()) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

/// One corpus file's documents (from [`IndexedDoc::documents`]) in a
/// [`Writer::write`] batch.
#[derive(Debug)]
pub enum FileWrite<'a> {
    /// A file the index may hold under this name: what it holds goes first.
    Replace(&'a str, Vec<TantivyDocument>),
    /// A file the index does not hold yet. (A deletion queued for every new
    /// file would cost memory and a lookup in every segment at each commit.)
    Add(Vec<TantivyDocument>),
}

impl FileWrite<'_> {
    fn documents(&self) -> &[TantivyDocument] {
        match self {
            FileWrite::Replace(_, d) | FileWrite::Add(d) => d,
        }
    }
}

/// The index writer: holds the lock until committed or dropped.
pub struct Writer {
    inner: IndexWriter,
    fields: Fields,
    dir: PathBuf,
}

impl Writer {
    /// Deletes everything indexed for a corpus file.
    pub fn remove(&self, name: &str) {
        self.inner.delete_term(Term::from_field_text(self.fields.doc, name));
    }

    /// Deletes everything.
    ///
    /// # Errors
    /// When tantivy refuses.
    pub fn clear(&mut self) -> Result<()> {
        self.inner.delete_all_documents().map(|_| ()).map_err(|e| Error::tantivy(&self.dir, e))
    }

    /// Replaces only a file's record (its content is unchanged, its time moved).
    pub fn put_record(&self, file: &FileDoc) -> Result<()> {
        self.inner.delete_term(Term::from_field_text(self.fields.file_key, &docs::file_key(&file.record.name)));
        self.inner.add_document(file.document(&self.fields)).map(|_| ()).map_err(|e| Error::tantivy(&self.dir, e))
    }

    /// Writes the documents of several files in one hand-over to the indexing
    /// threads (each hand-over may wake one), in order: a file replaced has
    /// its old documents deleted just before its new ones are added.
    ///
    /// # Errors
    /// When tantivy refuses a document.
    pub fn write(&self, files: Vec<FileWrite<'_>>) -> Result<()> {
        let mut ops = Vec::with_capacity(files.iter().map(|f| f.documents().len() + 1).sum());
        for file in files {
            let documents = match file {
                FileWrite::Replace(name, documents) => {
                    ops.push(UserOperation::Delete(Term::from_field_text(self.fields.doc, name)));
                    documents
                }
                FileWrite::Add(documents) => documents,
            };
            ops.extend(documents.into_iter().map(UserOperation::Add));
        }
        self.inner.run(ops).map(|_| ()).map_err(|e| Error::tantivy(&self.dir, e))
    }

    /// Commits what was written so far with the stamp and keeps the lock:
    /// a process killed after this leaves an index holding it.
    ///
    /// # Errors
    /// When the commit fails (nothing of it is then visible).
    pub fn checkpoint(&mut self, stamp: Stamp) -> Result<()> {
        let mut prepared = self.inner.prepare_commit().map_err(|e| Error::tantivy(&self.dir, e))?;
        prepared.set_payload(&serde_json::to_string(&stamp).unwrap_or_default());
        prepared.commit().map_err(|e| Error::tantivy(&self.dir, e))?;
        Ok(())
    }

    /// Commits with the stamp, waits for segment merges and releases the lock.
    /// With `compact` (after a large write), then merges the segments smaller
    /// than an eighth of the largest into one: a large ingest leaves a tail of
    /// small segments, and every question pays a set-up cost per segment.
    ///
    /// # Errors
    /// When the commit fails (nothing of it is then visible).
    pub fn commit(mut self, stamp: Stamp, compact: bool) -> Result<()> {
        self.checkpoint(stamp)?;
        let index = self.inner.index().clone();
        self.inner.wait_merging_threads().map_err(|e| Error::tantivy(&self.dir, e))?;
        if compact {
            // The commit is done: a merge that cannot run (another writer took
            // the lock meanwhile, the disk is full) leaves the segments as they are.
            let _ = merge_small_segments(&index);
        }
        Ok(())
    }
}

/// Merges the segments of `index` smaller than an eighth of the largest,
/// when there are two or more, into one.
fn merge_small_segments(index: &tantivy::Index) -> tantivy::Result<()> {
    let metas = index.searchable_segment_metas()?;
    let largest = metas.iter().map(|m| m.num_docs()).max().unwrap_or(0);
    let small: Vec<tantivy::index::SegmentId> =
        metas.iter().filter(|m| m.num_docs().saturating_mul(8) < largest).map(|m| m.id()).collect();
    if small.len() < 2 {
        return Ok(());
    }
    let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000)?;
    writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    writer.merge(&small).wait()?;
    writer.wait_merging_threads()
}
