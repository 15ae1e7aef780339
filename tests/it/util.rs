//! Helpers: a temporary corpus and a runner for the built binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A temporary folder with `corpus/` and `index/`.
pub struct TempCorpus {
    pub dir: tempfile::TempDir,
}

impl TempCorpus {
    pub fn new() -> TempCorpus {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join("corpus")).expect("corpus dir");
        TempCorpus { dir }
    }

    /// A corpus holding the seed articles.
    pub fn seeds() -> TempCorpus {
        TempCorpus::holding(&data("seeds"))
    }

    /// A corpus holding a copy of every file of folder `dir`.
    pub fn holding(dir: &Path) -> TempCorpus {
        let t = TempCorpus::new();
        for e in std::fs::read_dir(dir).expect("corpus folder") {
            let e = e.expect("entry");
            std::fs::copy(e.path(), t.corpus().join(e.file_name())).expect("copy");
        }
        t
    }

    pub fn corpus(&self) -> PathBuf {
        self.dir.path().join("corpus")
    }

    pub fn index(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    pub fn write(&self, name: &str, text: &str) {
        std::fs::write(self.corpus().join(name), text).expect("write");
    }

    pub fn remove(&self, name: &str) {
        std::fs::remove_file(self.corpus().join(name)).expect("remove");
    }

    /// The binary with `args` and `--corpus` and `--index` pointing here, to
    /// spawn and watch while it runs.
    pub fn command(&self, args: &[&str]) -> std::process::Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_narcofacts"));
        cmd.args(args).arg("--corpus").arg(self.corpus()).arg("--index").arg(self.index());
        cmd
    }

    /// Runs the binary with `--corpus` and `--index` pointing here.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, true)
    }

    /// Like [`TempCorpus::run`], with `NO_COLOR` set or not.
    pub fn run_with(&self, args: &[&str], no_color: bool) -> Run {
        let mut full: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        full.extend([
            "--corpus".into(),
            self.corpus().display().to_string(),
            "--index".into(),
            self.index().display().to_string(),
        ]);
        Run::new_with(self.dir.path(), &full, no_color)
    }
}

/// A finished run of the binary.
pub struct Run {
    pub cmd: String,
    pub output: Output,
    pub dir: PathBuf,
}

impl Run {
    pub fn new(dir: &Path, args: &[String]) -> Run {
        Run::new_with(dir, args, true)
    }

    /// Runs the binary in `dir`, with `NO_COLOR=1` or with no `NO_COLOR` at all.
    pub fn new_with(dir: &Path, args: &[String], no_color: bool) -> Run {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_narcofacts"));
        cmd.args(args).current_dir(dir).env_remove("NO_COLOR");
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        let output = cmd.output().expect("run narcofacts");
        Run { cmd: format!("narcofacts {}", args.join(" ")), output, dir: dir.to_owned() }
    }

    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }

    pub fn code(&self) -> i32 {
        self.output.status.code().unwrap_or(-1)
    }

    /// Panics with everything needed to debug when the exit code differs.
    #[track_caller]
    pub fn expect_code(&self, code: i32) -> &Run {
        if self.code() != code {
            let listing: Vec<String> = walk(&self.dir);
            panic!(
                "`{}` exited {} (expected {code})\n--- dir\n{}\n--- stdout\n{}\n--- stderr\n{}",
                self.cmd,
                self.code(),
                listing.join("\n"),
                self.stdout(),
                self.stderr()
            );
        }
        self
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout())
            .unwrap_or_else(|e| panic!("`{}`: not JSON ({e}):\n{}", self.cmd, self.stdout()))
    }

    pub fn json_lines(&self) -> Vec<serde_json::Value> {
        self.stdout()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
            .collect()
    }
}

fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            out.push(e.path().display().to_string());
            if e.path().is_dir() {
                out.extend(walk(&e.path()));
            }
        }
    }
    out
}

/// A path under `tests/data/`.
pub fn data(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(rel)
}

/// Reads a JSON-lines file.
pub fn jsonl(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .expect("read")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect()
}
