//! Keeping the index in step while the corpus changes (`narcofacts watch`).
//!
//! [`serve`] syncs once, then waits on file-system notifications for the
//! corpus: a burst of changes is left to settle, then synced. It also answers
//! the requests of one-shot commands ([`crate::index::watch`]), so that on a
//! corpus of hundreds of thousands of files `narcofacts ask` takes the
//! watcher's word instead of a `stat` of every file.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher as _};

use crate::config::Config;
use crate::error::{Error, Result};
use crate::index::watch::WatchLock;
use crate::kb::{KnowledgeBase, SyncReport};

/// Quiet time after a change before syncing: a copy of many files is one sync.
pub const SETTLE: Duration = Duration::from_millis(100);
/// The longest a stream of changes delays a sync.
pub const MAX_SETTLE: Duration = Duration::from_secs(2);
/// How often [`serve`] looks at its stop flag while nothing happens.
const TICK: Duration = Duration::from_millis(200);

/// What [`serve`] reports after each sync.
pub type Synced<'a> = std::result::Result<&'a SyncReport, &'a Error>;

fn watch_error(path: &Path, e: notify::Error) -> Error {
    Error::Watch { path: path.to_owned(), message: e.to_string() }
}

/// True for an event that may change what the corpus holds (not a mere read).
fn changes(kind: &EventKind) -> bool {
    !matches!(kind, EventKind::Access(_))
}

/// What the notifications since the last sync call for.
#[derive(Default)]
struct Pending {
    /// The corpus may have changed.
    dirty: bool,
    /// Requests of commands waiting for a reply.
    requests: Vec<PathBuf>,
}

impl Pending {
    fn take(&mut self, event: notify::Result<notify::Event>, lock: &WatchLock, index: &Path) {
        match event {
            Ok(e) => {
                self.dirty |= e.need_rescan();
                for p in e.paths {
                    if lock.is_request(&p) {
                        self.requests.push(p);
                    } else if changes(&e.kind) && !p.starts_with(index) {
                        self.dirty = true;
                    }
                }
            }
            // Events were lost: assume anything changed.
            Err(_) => self.dirty = true,
        }
    }
}

/// Watches the corpus of `config` and keeps its index in step until `stop`
/// is set, calling `report` after each sync (the first one included). A sync
/// that fails (or finds another process writing the index) is reported and
/// tried again at the next change or request.
///
/// # Errors
/// When another watcher runs on this index, or the corpus cannot be watched.
pub fn serve(config: &Config, stop: &AtomicBool, report: &mut dyn FnMut(Synced<'_>)) -> Result<()> {
    let canonical = |p: &Path| p.canonicalize().map_err(|e| Error::io(p, e));
    if !config.corpus_dir.is_dir() {
        return Err(Error::NoCorpus(config.corpus_dir.clone()));
    }
    std::fs::create_dir_all(&config.index_dir).map_err(|e| Error::io(&config.index_dir, e))?;
    let (corpus, index) = (canonical(&config.corpus_dir)?, canonical(&config.index_dir)?);
    let lock = WatchLock::acquire(&index)?;
    let (tx, rx) = channel();
    let mut watcher = notify::recommended_watcher(tx).map_err(|e| watch_error(&corpus, e))?;
    watcher.watch(&corpus, RecursiveMode::Recursive).map_err(|e| watch_error(&corpus, e))?;
    watcher.watch(lock.dir(), RecursiveMode::NonRecursive).map_err(|e| watch_error(lock.dir(), e))?;

    // Watching first, then the first sync: no change falls between the two.
    let mut sync = || {
        let result = KnowledgeBase::open(config.clone()).and_then(|mut kb| kb.sync());
        report(result.as_ref());
        result.is_ok_and(|r| !r.read_only)
    };
    let mut in_step = sync();
    let mut pending = Pending::default();
    while !stop.load(Ordering::Relaxed) {
        match rx.recv_timeout(TICK) {
            Ok(event) => pending.take(event, &lock, &index),
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => break,
        }
        while let Ok(event) = rx.try_recv() {
            pending.take(event, &lock, &index);
        }
        // After a sync that failed or found the index held by another
        // writer, a request is a reason to try again.
        if !in_step && !pending.requests.is_empty() {
            pending.dirty = true;
        }
        if pending.dirty {
            let deadline = Instant::now() + MAX_SETTLE;
            while Instant::now() < deadline {
                match rx.recv_timeout(SETTLE) {
                    Ok(event) => pending.take(event, &lock, &index),
                    Err(_) => break,
                }
            }
            pending.dirty = false;
            in_step = sync();
        }
        // Every request seen so far came after the changes just synced.
        pending.requests.sort_unstable();
        pending.requests.dedup();
        for r in pending.requests.drain(..) {
            lock.reply(&r, in_step);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::watch::{vouch, Vouch};

    /// A corpus of one article, and its configuration.
    fn one_article() -> (tempfile::TempDir, Config) {
        let dir = tempfile::tempdir().expect("temp dir");
        let (corpus, index) = (dir.path().join("corpus"), dir.path().join("index"));
        std::fs::create_dir_all(&corpus).expect("corpus");
        std::fs::write(corpus.join("a.txt"), "Police in Kenya seized 12 kilograms of heroin in 2024.\n")
            .expect("write");
        (dir, Config::new(&corpus, &index))
    }

    /// Runs `body` while a watcher serves `config`, from its first sync on;
    /// returns what `body` returned and `note` of each sync report. The
    /// watcher is stopped before the caller asserts anything, so that a
    /// failure cannot hang the test.
    fn with_watcher<N, R>(config: &Config, note: fn(&SyncReport) -> N, body: impl FnOnce() -> R) -> (R, Vec<Option<N>>)
    where
        N: Send,
    {
        let stop = AtomicBool::new(false);
        let syncs = std::sync::Mutex::new(Vec::new());
        let result = std::thread::scope(|s| {
            let watcher = s.spawn(|| serve(config, &stop, &mut |r| syncs.lock().expect("lock").push(r.map(note).ok())));
            let start = Instant::now();
            while syncs.lock().expect("lock").is_empty() && start.elapsed() < Duration::from_secs(30) {
                std::thread::sleep(Duration::from_millis(5));
            }
            let result = body();
            stop.store(true, Ordering::Relaxed);
            watcher.join().expect("watcher").expect("serve");
            result
        });
        (result, syncs.into_inner().expect("lock"))
    }

    #[test]
    fn a_watcher_that_could_not_write_tries_again_when_asked() {
        let (_dir, config) = one_article();
        // Another process holds the writer through the watcher's first sync.
        let kb = KnowledgeBase::open(config.clone()).expect("open");
        let writer = kb.index().writer(1, 15_000_000).expect("writer");
        let (vouched, syncs) = with_watcher(
            &config,
            |r| r.read_only,
            || {
                drop(writer);
                vouch(&config.index_dir, Duration::from_secs(30))
            },
        );
        assert_eq!(vouched, Vouch::InStep);
        assert_eq!(syncs[..2], [Some(true), Some(false)]);
    }

    #[test]
    fn a_watcher_vouches_only_after_syncing_what_changed() {
        let (_dir, config) = one_article();
        let ((first, second, report, kb), syncs) = with_watcher(
            &config,
            |r| r.added.len(),
            || {
                let first = vouch(&config.index_dir, Duration::from_secs(30));
                // A file written just before asking is indexed before the reply.
                std::fs::write(config.corpus_dir.join("b.txt"), "Customs in Spain seized 3 tons of cocaine in 2023.\n")
                    .expect("write");
                let second = vouch(&config.index_dir, Duration::from_secs(30));
                let mut kb = KnowledgeBase::open(config.clone()).expect("open");
                let report = kb.refresh();
                (first, second, report, kb)
            },
        );
        assert_eq!((first, second), (Vouch::InStep, Vouch::InStep));
        assert!(report.expect("refresh").vouched);
        assert_eq!(kb.documents().expect("documents").len(), 2);
        assert_eq!(syncs[..2], [Some(1), Some(1)]);
    }
}
