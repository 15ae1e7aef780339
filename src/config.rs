//! Configuration, built by the binary (or any caller) and passed explicitly.

use std::path::PathBuf;

use jiff::civil::Date;

/// Where the corpus and the index are, and how to answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Folder of articles. Default: `corpus`.
    pub corpus_dir: PathBuf,
    /// Folder of the index. Default: `index`.
    pub index_dir: PathBuf,
    /// Most answers to return. Default: 5.
    pub top_k: usize,
    /// Today's date, for relative dates in questions ("last year"). Default:
    /// `None`, which reads them against the newest article's year.
    pub today: Option<Date>,
    /// Indexing threads. Default: 0, meaning the number of cores (at most 4).
    pub threads: usize,
    /// Index writer memory budget in bytes. Default: 64 MiB.
    pub writer_memory: usize,
    /// Bytes of articles indexed between the commits of one long sync, each a
    /// point an interrupted sync resumes from. Default: 64 MiB.
    pub checkpoint_bytes: u64,
    /// Bytes of articles a sync must index to merge, when it commits, the
    /// small segments it leaves (a question pays a set-up cost per segment);
    /// smaller syncs, a changed file or two, stay quick. Default: 16 MiB.
    pub compact_bytes: u64,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            corpus_dir: PathBuf::from("corpus"),
            index_dir: PathBuf::from("index"),
            top_k: 5,
            today: None,
            threads: 0,
            writer_memory: 64 << 20,
            checkpoint_bytes: 64 << 20,
            compact_bytes: 16 << 20,
        }
    }
}

impl Config {
    /// The defaults with another corpus and index folder.
    pub fn new(corpus_dir: impl Into<PathBuf>, index_dir: impl Into<PathBuf>) -> Config {
        Config { corpus_dir: corpus_dir.into(), index_dir: index_dir.into(), ..Config::default() }
    }

    /// The number of indexing threads to use.
    pub fn indexing_threads(&self) -> usize {
        if self.threads > 0 {
            self.threads
        } else {
            std::thread::available_parallelism().map_or(1, |n| n.get()).min(4)
        }
    }
}
