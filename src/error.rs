//! The library's error type and its non-fatal findings.
//!
//! Fatal problems are an [`Error`]; problems that only skip part of the input
//! (a file that cannot be decoded, a lexicon line that does not parse) are a
//! [`Diagnostic`] and the work goes on. Messages name the file and say what is
//! wrong; callers add what they were doing.

use std::path::PathBuf;

/// Everything that can stop a narcofacts operation.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The path involved.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// The corpus folder does not exist or is not a folder.
    #[error("corpus folder {0} does not exist or is not a folder")]
    NoCorpus(PathBuf),
    /// A lexicon file could not be parsed.
    #[error("lexicon {path}: {message}")]
    Lexicon {
        /// The lexicon file (or the built-in table's name).
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The index folder holds something that is not a narcofacts index.
    #[error("index folder {path}: {message} (run `narcofacts ingest --rebuild` to start it afresh)")]
    BadIndex {
        /// The index folder.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// Another process is writing the index.
    #[error("index {0} is being updated by another process; try again when it has finished")]
    IndexLocked(PathBuf),
    /// The search engine failed.
    #[error("index {path}: {source}")]
    Tantivy {
        /// The index folder.
        path: PathBuf,
        /// The engine's error.
        #[source]
        source: tantivy::TantivyError,
    },
    /// The corpus cannot be watched for changes.
    #[error("cannot watch {path} for changes: {message}")]
    Watch {
        /// The folder.
        path: PathBuf,
        /// What the notification system said.
        message: String,
    },
    /// A named document is not in the corpus.
    #[error("no document named {0:?} in the corpus")]
    NoSuchDoc(String),
    /// A command-line or API argument is not valid.
    #[error("{0}")]
    InvalidArgument(String),
    /// A bug in narcofacts, caught before it could end the whole operation.
    #[error("internal error: {0}")]
    Internal(String),
}

/// The result type of the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io { path: path.into(), source }
    }

    /// Wraps a tantivy error with the index folder it concerns.
    pub fn tantivy(path: impl Into<PathBuf>, source: tantivy::TantivyError) -> Error {
        Error::Tantivy { path: path.into(), source }
    }
}

/// How much a [`Diagnostic`] matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; nothing was lost.
    Note,
    /// Part of the input was skipped or read approximately.
    Warning,
}

/// A non-fatal finding: something was skipped or read approximately.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    /// How much it matters.
    pub severity: Severity,
    /// The corpus file concerned, if any.
    pub file: Option<String>,
    /// What happened, as a sentence.
    pub message: String,
}

impl Diagnostic {
    /// A warning about `file`.
    pub fn warning(file: Option<&str>, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, file: file.map(str::to_owned), message: message.into() }
    }

    /// A note about `file`.
    pub fn note(file: Option<&str>, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Note, file: file.map(str::to_owned), message: message.into() }
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = match self.severity {
            Severity::Note => "note",
            Severity::Warning => "warning",
        };
        match &self.file {
            Some(file) => write!(f, "{level}: {file}: {}", self.message),
            None => write!(f, "{level}: {}", self.message),
        }
    }
}
