//! How a running watcher vouches that the index is in step with the corpus,
//! so that a one-shot command need not `stat` every corpus file.
//!
//! The watcher (`narcofacts watch`, the top-level `watch` module) holds an exclusive lock
//! on `<index>/watch/lock` while it runs, and watches the corpus and the
//! `<index>/watch` folder through one notification queue. A command that
//! wants a fresh index ([`vouch`]) finds the lock held, creates a request file
//! `ask-…` in that folder and waits for the reply. Events come out of one
//! queue in the order they happened, so by the time the watcher sees the
//! request it has seen every corpus change made before it; it syncs those,
//! then renames the request `ask-….done` (or `ask-….stale` when it could not
//! sync). This is the cookie handshake of git's fsmonitor.

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// The folder inside the index folder where watcher and commands meet.
pub const WATCH_DIR: &str = "watch";
const LOCK: &str = "lock";
const REQUEST: &str = "ask-";
const DONE: &str = ".done";
const STALE: &str = ".stale";

/// The meeting folder of the index in `index_dir`.
pub fn watch_dir(index_dir: &Path) -> PathBuf {
    index_dir.join(WATCH_DIR)
}

/// What a watcher said about the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vouch {
    /// No watcher runs on this index.
    NoWatcher,
    /// A watcher synced every change made before the request.
    InStep,
    /// A watcher runs but could not vouch in time, or could not sync.
    Unsure,
}

/// Asks a running watcher, if any, whether the index is in step with the
/// corpus, waiting at most `timeout` for the reply. Costs one failed lock
/// attempt when no watcher runs.
pub fn vouch(index_dir: &Path, timeout: Duration) -> Vouch {
    let dir = watch_dir(index_dir);
    let Ok(lock) = File::open(dir.join(LOCK)) else { return Vouch::NoWatcher };
    match lock.try_lock_shared() {
        Err(TryLockError::WouldBlock) => {}
        // Free (no watcher), or locks do not work here: do without.
        Ok(()) | Err(TryLockError::Error(_)) => return Vouch::NoWatcher,
    }
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos();
    let request = dir.join(format!("{REQUEST}{}-{nanos}", std::process::id()));
    if File::create(&request).is_err() {
        return Vouch::Unsure;
    }
    let reply = |end: &str| {
        let mut name = request.clone().into_os_string();
        name.push(end);
        PathBuf::from(name)
    };
    let (done, stale) = (reply(DONE), reply(STALE));
    let start = Instant::now();
    let mut pause = Duration::from_micros(200);
    while start.elapsed() < timeout {
        if std::fs::remove_file(&done).is_ok() {
            return Vouch::InStep;
        }
        if std::fs::remove_file(&stale).is_ok() {
            return Vouch::Unsure;
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(10));
    }
    // Too late: withdraw the request (or its reply, if it just came).
    for p in [&request, &done, &stale] {
        let _ = std::fs::remove_file(p);
    }
    Vouch::Unsure
}

/// The watcher's side: the lock that says a watcher runs, held until drop.
#[derive(Debug)]
pub struct WatchLock {
    dir: PathBuf,
    _lock: File,
}

impl WatchLock {
    /// Takes the lock of the index in `index_dir`, creating the meeting
    /// folder, and clears requests left by commands that gave up.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when another watcher runs on this index;
    /// I/O errors creating the folder or the lock file.
    pub fn acquire(index_dir: &Path) -> Result<WatchLock> {
        let dir = watch_dir(index_dir);
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        let path = dir.join(LOCK);
        let lock =
            File::options().create(true).truncate(false).write(true).open(&path).map_err(|e| Error::io(&path, e))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(Error::InvalidArgument(format!(
                    "another `narcofacts watch` already watches the index {}",
                    index_dir.display()
                )))
            }
            Err(TryLockError::Error(e)) => return Err(Error::io(&path, e)),
        }
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for e in entries.filter_map(|e| e.ok()) {
                if e.file_name().to_string_lossy().starts_with(REQUEST) {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
        Ok(WatchLock { dir, _lock: lock })
    }

    /// The meeting folder, to watch along with the corpus.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// True when `path` is a request waiting for a reply.
    pub fn is_request(&self, path: &Path) -> bool {
        path.parent() == Some(self.dir.as_path())
            && path
                .file_name()
                .map(|n| n.to_string_lossy())
                .is_some_and(|n| n.starts_with(REQUEST) && !n.ends_with(DONE) && !n.ends_with(STALE))
    }

    /// Answers a request: in step or not. A request withdrawn meanwhile is
    /// left alone.
    pub fn reply(&self, request: &Path, in_step: bool) {
        let mut name = request.as_os_str().to_owned();
        name.push(if in_step { DONE } else { STALE });
        let _ = std::fs::rename(request, PathBuf::from(name));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_watcher_nothing_is_vouched_and_nothing_written() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert_eq!(vouch(dir.path(), Duration::from_millis(50)), Vouch::NoWatcher);
        // A lock file left by a watcher that has stopped.
        drop(WatchLock::acquire(dir.path()).expect("lock"));
        assert_eq!(vouch(dir.path(), Duration::from_millis(50)), Vouch::NoWatcher);
        let left: Vec<_> = std::fs::read_dir(watch_dir(dir.path())).expect("dir").collect();
        assert_eq!(left.len(), 1, "only the lock file");
    }

    #[test]
    fn one_watcher_at_a_time() {
        let dir = tempfile::tempdir().expect("temp dir");
        let _first = WatchLock::acquire(dir.path()).expect("lock");
        assert!(WatchLock::acquire(dir.path()).is_err());
    }

    #[test]
    fn a_request_gets_the_watchers_reply_or_gives_up() {
        let dir = tempfile::tempdir().expect("temp dir");
        let lock = WatchLock::acquire(dir.path()).expect("lock");
        // Nobody answers: the request is withdrawn.
        assert_eq!(vouch(dir.path(), Duration::from_millis(30)), Vouch::Unsure);
        assert_eq!(std::fs::read_dir(lock.dir()).expect("dir").count(), 1);
        for (in_step, want) in [(true, Vouch::InStep), (false, Vouch::Unsure)] {
            let answered = std::thread::scope(|s| {
                let asker = s.spawn(|| vouch(dir.path(), Duration::from_secs(10)));
                // The watcher's part, by polling instead of notifications.
                'outer: loop {
                    for e in std::fs::read_dir(lock.dir()).expect("dir").filter_map(|e| e.ok()) {
                        if lock.is_request(&e.path()) {
                            lock.reply(&e.path(), in_step);
                            break 'outer;
                        }
                    }
                    std::thread::sleep(Duration::from_millis(1));
                }
                asker.join().expect("asker")
            });
            assert_eq!(answered, want);
            assert_eq!(std::fs::read_dir(lock.dir()).expect("dir").count(), 1, "replies are removed");
        }
    }
}
