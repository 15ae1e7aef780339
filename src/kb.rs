//! The knowledge base: the façade other tools use, and the one place where the
//! pipeline's stages are named in order.
//!
//! ```text
//! corpus::read → clean::clean → chunk::split → extract::extract → index (Writer::write)
//! query::parse → search::search → Answer
//! ```

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use tantivy::TantivyDocument;

use crate::answer::Answer;
use crate::chunk;
use crate::clean;
use crate::config::Config;
use crate::corpus::{self, manifest, FileEntry, RawDoc};
use crate::error::{Diagnostic, Error, Result};
use crate::extract::{self, Fact};
use crate::index::{
    watch, FileDoc, FileWrite, Index, IndexedDoc, Opened, PassageRecord, Stamp, Writer, SCHEMA_VERSION,
};
use crate::lexicon::Lexicon;
use crate::query;
use crate::search::{self, filter::FactFilter};

/// A fingerprint of the extraction code (computed by `build.rs` from the
/// sources of every step from file to fact): when it differs from the one an
/// index was built with, every file is extracted again on the next sync.
pub const EXTRACTOR_VERSION: &str = env!("NARCOFACTS_EXTRACTOR_HASH");

/// How long [`KnowledgeBase::refresh`] waits for a running watcher to vouch
/// for the index (it may be syncing a burst of changes) before syncing itself.
pub const VOUCH_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

/// What a [`KnowledgeBase::sync`] did.
#[derive(Debug, Default, Clone)]
pub struct SyncReport {
    /// Files indexed for the first time.
    pub added: Vec<String>,
    /// Files indexed again because their content changed.
    pub changed: Vec<String>,
    /// Files removed from the index.
    pub removed: Vec<String>,
    /// Files not indexed: other extensions, links, unreadable, binary or
    /// empty; the diagnostics say why. Files read but holding no article text
    /// are remembered, not read again until they change.
    pub skipped: Vec<String>,
    /// Files as they were.
    pub unchanged: usize,
    /// Facts in the files indexed by this sync.
    pub facts: usize,
    /// Files skipped (unreadable, not articles), and notes on the ones read.
    pub diagnostics: Vec<Diagnostic>,
    /// Another process holds the writer: nothing was written, answers come
    /// from the last committed index.
    pub read_only: bool,
    /// The index was rebuilt from scratch (new schema or new rules).
    pub rebuilt: bool,
    /// A running `narcofacts watch` vouched that the index is in step: the
    /// corpus was not listed ([`KnowledgeBase::refresh`]).
    pub vouched: bool,
}

impl SyncReport {
    /// True when the index already matched the corpus.
    pub fn is_noop(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }

    /// "2 added, 1 changed, 0 removed, 5 unchanged; 40 facts extracted",
    /// with the files skipped when there are any.
    pub fn summary(&self) -> String {
        if self.vouched {
            return "in step, as the running watcher vouched (corpus not listed)".to_owned();
        }
        let mut s = format!(
            "{} added, {} changed, {} removed, {} unchanged",
            self.added.len(),
            self.changed.len(),
            self.removed.len(),
            self.unchanged,
        );
        if !self.skipped.is_empty() {
            s.push_str(&format!(", {} skipped", self.skipped.len()));
        }
        s.push_str(&format!("; {} facts extracted", self.facts));
        s
    }
}

/// How far a sync has got, passed to the callback of [`KnowledgeBase::sync_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Files indexed so far.
    pub done: usize,
    /// Files to index in this sync.
    pub total: usize,
    /// Bytes of those files indexed so far.
    pub bytes: u64,
    /// Bytes of all files to index.
    pub total_bytes: u64,
    /// Facts found in the files indexed so far.
    pub facts: usize,
}

/// A file's outcome in a sync: its fact count and notes, or why it was skipped.
type Outcome = Result<Indexed>;

/// Bytes of articles a worker extracts before it hands their documents to
/// the writer: one hand-over, and one wake-up of an indexing thread, per
/// batch rather than per file.
const BATCH_BYTES: u64 = 256 << 10;

/// What indexing one file gave.
#[derive(Debug)]
struct Indexed {
    facts: usize,
    diagnostics: Vec<Diagnostic>,
    /// The file holds no article text.
    empty: bool,
}

/// A corpus folder and its index.
///
/// # Example
///
/// ```
/// use narcofacts::{Config, KnowledgeBase};
///
/// # fn main() -> narcofacts::Result<()> {
/// let dir = tempfile::tempdir().unwrap();
/// let corpus = dir.path().join("corpus");
/// std::fs::create_dir(&corpus).unwrap();
/// std::fs::write(
///     corpus.join("a.txt"),
///     "Customs officers in Azerbaijan seized 260 kilograms of heroin at the Astara checkpoint in July 2018.",
/// )
/// .unwrap();
/// let mut kb = KnowledgeBase::open(Config::new(&corpus, dir.path().join("index")))?;
/// kb.sync()?;
/// let answer = kb.ask("heroin seized by customs in 2018")?;
/// assert_eq!(answer.answers[0].fact.value, 260.0);
/// assert!(kb.ask("cocaine seized in 2018")?.answers.is_empty());
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
pub struct KnowledgeBase {
    config: Config,
    lexicon: Lexicon,
    index: Index,
    opened: Opened,
}

/// Runs the pipeline on one file: clean, chunk, extract.
pub fn process(raw: &RawDoc, record: manifest::FileRecord, lexicon: &Lexicon) -> (IndexedDoc, Vec<Diagnostic>) {
    let (mut doc, diags) = clean::clean(raw, lexicon);
    let (sentences, passages) = chunk::split(&doc);
    let extraction = extract::extract(&doc, &sentences, lexicon);
    if extraction.year_inferred {
        doc.meta.year_inferred = extraction.year;
    }
    let facts = extraction.facts;
    let passages = passages
        .iter()
        .map(|p| PassageRecord {
            doc: doc.name.clone(),
            span: doc.map.to_original(p.span),
            text: doc.slice(p.span).to_owned(),
        })
        .collect::<Vec<_>>();
    let file = FileDoc {
        record,
        meta: doc.meta.clone(),
        n_passages: passages.len(),
        n_facts: facts.len(),
        notes: diags.iter().map(|d| d.message.clone()).collect(),
    };
    (IndexedDoc { file, passages, facts }, diags)
}

impl KnowledgeBase {
    /// Opens the corpus and its index (creating the index if needed). Nothing
    /// is indexed until [`KnowledgeBase::sync`].
    ///
    /// # Errors
    /// When the corpus folder does not exist, the user's lexicon does not
    /// parse, or the index folder holds something that is not an index.
    pub fn open(config: Config) -> Result<KnowledgeBase> {
        if !config.corpus_dir.is_dir() {
            return Err(Error::NoCorpus(config.corpus_dir.clone()));
        }
        let lexicon = Lexicon::load(&config.corpus_dir)?;
        let (index, opened) = Index::open(&config.index_dir)?;
        Ok(KnowledgeBase { config, lexicon, index, opened })
    }

    /// Opens like [`KnowledgeBase::open`], but when the index folder holds a
    /// corrupted or foreign index, deletes its index files and starts afresh
    /// (`ingest --rebuild`). A healthy index is kept until the next commit
    /// replaces it, so readers never see it missing.
    ///
    /// # Errors
    /// As [`KnowledgeBase::open`]; [`Error::IndexLocked`] when the index must
    /// be wiped while another process writes it.
    pub fn open_or_recover(config: Config) -> Result<KnowledgeBase> {
        match KnowledgeBase::open(config.clone()) {
            Err(Error::BadIndex { .. }) => {
                KnowledgeBase::wipe_index(&config)?;
                KnowledgeBase::open(config)
            }
            other => other,
        }
    }

    /// Deletes the index files in the configured index folder (and nothing
    /// else there), so that the next [`KnowledgeBase::open`] starts afresh —
    /// the way out of a corrupted index.
    ///
    /// # Errors
    /// When the files cannot be deleted.
    pub fn wipe_index(config: &Config) -> Result<()> {
        Index::wipe(&config.index_dir)
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The lexicon in use (built-in tables plus the corpus's `lexicon.toml`).
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The index.
    pub fn index(&self) -> &Index {
        &self.index
    }

    fn stamp(&self) -> Stamp {
        Stamp {
            schema: SCHEMA_VERSION,
            rules: self.lexicon.fingerprint()
                ^ xxhash_rust::xxh3::xxh3_64(EXTRACTOR_VERSION.as_bytes()).rotate_left(32),
        }
    }

    /// Brings the index in step with the corpus: files added, changed or
    /// removed since the last sync are indexed or dropped, in one commit.
    /// Unchanged files cost one `stat` each. When another process holds the
    /// index, nothing is written and the report says `read_only`.
    ///
    /// # Errors
    /// When the corpus cannot be listed or the index cannot be read or written.
    pub fn sync(&mut self) -> Result<SyncReport> {
        self.sync_with(false, &mut |_| {})
    }

    /// Brings the index in step like [`KnowledgeBase::sync`], unless a
    /// running watcher (`narcofacts watch`) vouches that it already is: then
    /// the corpus is not listed at all, which on a corpus of hundreds of
    /// thousands of files saves a `stat` of each. Waits at most
    /// [`VOUCH_WAIT`] for the watcher, then syncs as usual.
    ///
    /// # Errors
    /// As [`KnowledgeBase::sync`].
    pub fn refresh(&mut self) -> Result<SyncReport> {
        self.refresh_with(&mut |_| {})
    }

    /// [`KnowledgeBase::refresh`] calling `progress` after each file indexed.
    ///
    /// # Errors
    /// As [`KnowledgeBase::sync`].
    pub fn refresh_with(&mut self, progress: &mut dyn FnMut(Progress)) -> Result<SyncReport> {
        let vouched = watch::vouch(&self.config.index_dir, VOUCH_WAIT) == watch::Vouch::InStep;
        // The watcher may run another build of narcofacts: its index counts
        // only if this build would have written it the same way.
        if vouched && self.index.stamp() == Some(self.stamp()) {
            self.index.reload()?;
            return Ok(SyncReport { vouched: true, ..SyncReport::default() });
        }
        self.sync_with(false, progress)
    }

    /// Indexes the whole corpus again from scratch.
    ///
    /// # Errors
    /// As [`KnowledgeBase::sync`].
    pub fn rebuild(&mut self) -> Result<SyncReport> {
        self.sync_with(true, &mut |_| {})
    }

    /// [`KnowledgeBase::sync`] (or, with `from_scratch`,
    /// [`KnowledgeBase::rebuild`]) calling `progress` after each file indexed.
    ///
    /// # Errors
    /// As [`KnowledgeBase::sync`].
    pub fn sync_with(&mut self, from_scratch: bool, progress: &mut dyn FnMut(Progress)) -> Result<SyncReport> {
        // List the folder and read the index's records at once: one waits on
        // the file system, the other reads the index.
        let (listing, records) = std::thread::scope(|scope| {
            let listing = scope.spawn(|| corpus::scan(&self.config.corpus_dir));
            let records = self.index.records();
            let listing = listing.join().unwrap_or_else(|_| corpus::scan(&self.config.corpus_dir));
            (listing, records)
        });
        let (listing, records) = (listing?, records?);
        let mut report = SyncReport {
            diagnostics: listing.skipped.clone(),
            skipped: listing.skipped.iter().filter_map(|d| d.file.clone()).collect(),
            rebuilt: self.opened == Opened::Rebuilt,
            ..SyncReport::default()
        };
        let stamp = self.stamp();
        let stale = from_scratch || (!records.is_empty() && self.index.stamp() != Some(stamp));
        let changes = if stale {
            report.rebuilt = true;
            manifest::Changes { added: listing.files, ..manifest::Changes::default() }
        } else {
            manifest::diff(&listing.files, &records, manifest::hash_from_disk)
        };
        if changes.is_empty() && self.index.stamp().is_some() {
            report.unchanged = changes.unchanged;
            return Ok(report);
        }
        let mut writer = match self.index.writer(self.config.indexing_threads(), self.config.writer_memory) {
            Ok(w) => w,
            Err(Error::IndexLocked(_)) => {
                report.read_only = true;
                report.unchanged =
                    changes.unchanged + changes.touched.len() + changes.changed.len() + changes.added.len();
                return Ok(report);
            }
            Err(e) => return Err(e),
        };
        if stale {
            writer.clear()?;
        }
        for name in &changes.removed {
            writer.remove(name);
            report.removed.push(name.clone());
        }
        for (entry, hash) in &changes.touched {
            if let Some(mut file) = self.index.file(&entry.name)? {
                file.record = manifest::FileRecord {
                    name: entry.name.clone(),
                    size: entry.size,
                    mtime_ns: entry.mtime_ns,
                    hash: *hash,
                };
                writer.put_record(&file)?;
            }
        }
        let was_known: std::collections::HashSet<&str> =
            if stale { Default::default() } else { records.iter().map(|r| r.name.as_str()).collect() };
        let work: Vec<&FileEntry> = changes.added.iter().chain(&changes.changed).collect();
        for (entry, outcome) in self.index_files(&work, &was_known, &mut writer, stamp, progress)? {
            match outcome {
                Ok(done) => {
                    report.facts += done.facts;
                    report.diagnostics.extend(done.diagnostics);
                    if done.empty {
                        report.skipped.push(entry.name.clone());
                    } else if was_known.contains(entry.name.as_str()) {
                        report.changed.push(entry.name.clone());
                    } else {
                        report.added.push(entry.name.clone());
                    }
                }
                // An unreadable file keeps whatever the index had of it.
                Err(e) => {
                    report.diagnostics.push(Diagnostic::warning(Some(&entry.name), format!("skipped: {e}")));
                    report.skipped.push(entry.name.clone());
                }
            }
        }
        report.unchanged = changes.unchanged + changes.touched.len();
        let written: u64 = work.iter().map(|e| e.size).sum();
        writer.commit(stamp, written >= self.config.compact_bytes)?;
        self.index.reload()?;
        self.opened = Opened::Existing;
        Ok(report)
    }

    /// Cleans, chunks and extracts `work` on worker threads and feeds the
    /// results to the one writer, committing a checkpoint every
    /// [`Config::checkpoint_bytes`] so that a killed sync resumes where it stopped.
    /// Memory stays bounded: workers wait while the writer is behind. Only
    /// files in `was_known` have documents to replace.
    fn index_files<'w>(
        &self,
        work: &[&'w FileEntry],
        was_known: &std::collections::HashSet<&str>,
        writer: &mut Writer,
        stamp: Stamp,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Vec<(&'w FileEntry, Outcome)>> {
        let workers = self.config.indexing_threads().min(work.len()).max(1);
        let next = AtomicUsize::new(0);
        let (tx, rx) =
            std::sync::mpsc::sync_channel::<Vec<(usize, Outcome, Option<Vec<TantivyDocument>>)>>(workers * 2);
        let fields = *self.index.fields();
        let mut outcomes: Vec<Option<Outcome>> = (0..work.len()).map(|_| None).collect();
        let total_bytes: u64 = work.iter().map(|e| e.size).sum();
        self.lexicon.matcher().prepare_for(total_bytes);
        // Checkpoints fall between batches: no batch outgrows their spacing.
        let batch_bytes = BATCH_BYTES.min(self.config.checkpoint_bytes.max(1));
        let written = std::thread::scope(|scope| -> Result<()> {
            for _ in 0..workers {
                let tx = tx.clone();
                let next = &next;
                scope.spawn(move || {
                    let mut batch = Vec::new();
                    let mut bytes = 0;
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let entry = work.get(i);
                        if let Some(entry) = entry {
                            let (outcome, doc) = match self.index_one_guarded(entry) {
                                Ok((doc, diags)) => {
                                    let empty = doc.passages.is_empty();
                                    let done = Indexed { facts: doc.facts.len(), empty, diagnostics: diags };
                                    // Built here, in parallel, not by the one thread that writes.
                                    (Ok(done), Some(doc.documents(&fields)))
                                }
                                Err(e) => (Err(e), None),
                            };
                            batch.push((i, outcome, doc));
                            bytes += entry.size;
                        }
                        if entry.is_none() || bytes >= batch_bytes {
                            if !batch.is_empty() && tx.send(std::mem::take(&mut batch)).is_err() {
                                break;
                            }
                            bytes = 0;
                        }
                        if entry.is_none() {
                            break;
                        }
                    }
                });
            }
            drop(tx);
            let mut since_checkpoint = 0u64;
            let mut status = Progress { done: 0, total: work.len(), bytes: 0, total_bytes, facts: 0 };
            for batch in rx.iter() {
                let mut writes = Vec::with_capacity(batch.len());
                for (i, outcome, doc) in batch {
                    if let Some(documents) = doc {
                        let name = work[i].name.as_str();
                        writes.push(if was_known.contains(name) {
                            FileWrite::Replace(name, documents)
                        } else {
                            FileWrite::Add(documents)
                        });
                    }
                    if let Ok(done) = &outcome {
                        status.facts += done.facts;
                    }
                    since_checkpoint += work[i].size;
                    status.done += 1;
                    status.bytes += work[i].size;
                    outcomes[i] = Some(outcome);
                }
                if let Err(e) = writer.write(writes) {
                    // Dropping the receiver stops the workers.
                    drop(rx);
                    return Err(e);
                }
                if since_checkpoint >= self.config.checkpoint_bytes.max(1) && status.done < work.len() {
                    if let Err(e) = writer.checkpoint(stamp) {
                        drop(rx);
                        return Err(e);
                    }
                    since_checkpoint = 0;
                }
                progress(status);
            }
            Ok(())
        });
        written?;
        Ok(work.iter().copied().zip(outcomes).filter_map(|(e, o)| Some((e, o?))).collect())
    }

    /// [`Self::index_one`], with a bug in the pipeline reported as this file's
    /// error rather than ending the whole sync.
    fn index_one_guarded(&self, entry: &FileEntry) -> Result<(IndexedDoc, Vec<Diagnostic>)> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.index_one(entry))).unwrap_or_else(|_| {
            Err(Error::Internal(format!("narcofacts failed on {} (a bug: please report it with the file)", entry.name)))
        })
    }

    fn index_one(&self, entry: &FileEntry) -> Result<(IndexedDoc, Vec<Diagnostic>)> {
        let (raw, mut notes) = corpus::read(entry)?;
        let record = manifest::FileRecord {
            name: entry.name.clone(),
            size: entry.size.max(raw.bytes.len() as u64),
            mtime_ns: entry.mtime_ns,
            hash: corpus::content_hash(&raw.bytes),
        };
        let (doc, diags) = process(&raw, record, &self.lexicon);
        notes.extend(diags);
        if doc.passages.is_empty() && !notes.iter().any(|d| d.message.starts_with("skipped:")) {
            notes.push(Diagnostic::note(Some(&entry.name), "skipped: no article text (empty file)"));
        }
        Ok((doc, notes))
    }

    /// Every fact in the index, by file and position.
    ///
    /// # Errors
    /// When the index cannot be read.
    pub fn facts(&self) -> Result<Vec<Fact>> {
        self.index.facts()
    }

    /// The facts that meet a filter written like a question ("heroin since
    /// 2018 customs"): every substance, agency, place, event and period it
    /// names must hold (see [`FactFilter::from_question`]).
    ///
    /// # Errors
    /// When the index cannot be read.
    pub fn facts_where(&self, filter: &str) -> Result<Vec<Fact>> {
        let (q, _) = query::parse(filter, &self.lexicon, self.config.today);
        self.facts_filtered(&FactFilter::from_question(&q))
    }

    /// The facts that pass `filter` (see [`FactFilter`]), by file and position.
    ///
    /// ```
    /// # fn main() -> narcofacts::Result<()> {
    /// # let dir = tempfile::tempdir().unwrap();
    /// # std::fs::write(dir.path().join("a.txt"), "Customs officers seized 903 kg of heroin in 2021.\n").unwrap();
    /// use narcofacts::search::filter::{Amount, FactFilter};
    /// let mut kb = narcofacts::KnowledgeBase::open(narcofacts::Config::new(dir.path(), dir.path().join("index")))?;
    /// kb.sync()?;
    /// let lex = kb.lexicon();
    /// let filter = FactFilter { min: Some(Amount::parse("500kg", lex)?), ..FactFilter::default() }
    ///     .substance("heroin", lex)
    ///     .from("2018")?;
    /// let facts = kb.facts_filtered(&filter)?;
    /// assert_eq!(facts.len(), 1);
    /// assert_eq!(facts[0].value, 903.0);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// When the index cannot be read.
    pub fn facts_filtered(&self, filter: &FactFilter) -> Result<Vec<Fact>> {
        self.index.facts_matching(filter.query(&self.index).as_ref())
    }

    /// Every indexed file with its metadata.
    ///
    /// # Errors
    /// When the index cannot be read.
    pub fn documents(&self) -> Result<Vec<FileDoc>> {
        self.index.files()
    }

    /// One indexed file's metadata and its text as stored in the corpus.
    ///
    /// # Errors
    /// [`Error::NoSuchDoc`] when the name is not a corpus file (names cannot
    /// lead outside the corpus folder).
    pub fn document(&self, name: &str) -> Result<(Option<FileDoc>, String)> {
        let path = corpus::resolve(&self.config.corpus_dir, name)?;
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        Ok((self.index.file(name)?, String::from_utf8_lossy(&bytes).into_owned()))
    }

    /// Answers a question from the index.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when the question has no words or numbers;
    /// otherwise when the index cannot be read.
    pub fn ask(&self, question: &str) -> Result<Answer> {
        if !question.chars().any(char::is_alphanumeric) {
            return Err(Error::InvalidArgument(
                "the question has no words: ask about a substance, an agency, a place or a period, \
                 e.g. \"heroin seized by customs 2021\""
                    .into(),
            ));
        }
        let (parsed, diags) = query::parse(question, &self.lexicon, self.config.today);
        let mut answer = search::search(&self.index, &parsed, self.config.top_k)?;
        let found = std::mem::take(&mut answer.notes);
        answer.notes = diags.into_iter().map(|d| d.message).chain(found).collect();
        let mut docs = BTreeMap::new();
        let cited = answer
            .answers
            .iter()
            .chain(&answer.related)
            .flat_map(|s| std::iter::once(s.fact.doc.clone()).chain(s.sources.iter().map(|x| x.doc.clone())))
            .chain(answer.passages.iter().map(|p| p.doc.clone()));
        for name in cited {
            if let std::collections::btree_map::Entry::Vacant(v) = docs.entry(name) {
                if let Some(f) = self.index.file(v.key())? {
                    v.insert(f.meta);
                }
            }
        }
        answer.docs = docs;
        Ok(answer)
    }
}
