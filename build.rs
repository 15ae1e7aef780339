//! Converts the built-in lexicon tables (`src/lexicon/data/*.toml`) to JSON.
//!
//! The tables stay TOML in the repository, where people read and extend
//! them; the program embeds the JSON form, which it reads three times faster
//! than TOML. That is a sixth of a one-shot `narcofacts ask` on a small corpus.
//! A table that is not valid TOML fails the build with the parser's message.
//!
//! It also fingerprints the sources of every step that turns a file into
//! facts (`NARCOFACTS_EXTRACTOR_HASH`): an index built by other extraction
//! code is re-extracted on the next sync, without anyone bumping a number.

use std::hash::Hasher;
use std::path::{Path, PathBuf};

/// The folders whose code decides what is extracted from a file.
const EXTRACTION_SOURCES: [&str; 6] =
    ["src/corpus", "src/clean", "src/chunk", "src/text", "src/extract", "src/lexicon"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

fn extractor_hash() -> u64 {
    let mut files = Vec::new();
    for dir in EXTRACTION_SOURCES {
        println!("cargo::rerun-if-changed={dir}");
        rust_files(Path::new(dir), &mut files);
    }
    files.sort();
    // FNV-1a: stable across Rust versions, unlike std's default hasher.
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    for f in files {
        h.write(f.to_string_lossy().as_bytes());
        h.write(&std::fs::read(&f).unwrap_or_default());
    }
    h.finish()
}

struct Fnv(u64);

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

fn main() {
    println!("cargo::rustc-env=NARCOFACTS_EXTRACTOR_HASH={}", extractor_hash());
    let data = Path::new("src/lexicon/data");
    println!("cargo::rerun-if-changed={}", data.display());
    let out = Path::new(&std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("lexicon");
    std::fs::create_dir_all(&out).expect("create OUT_DIR/lexicon");
    let mut files: Vec<_> = std::fs::read_dir(data)
        .expect("read src/lexicon/data")
        .map(|e| e.expect("list src/lexicon/data").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let doc: toml::Table = text.parse().unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let json = serde_json::to_string(&doc).expect("a TOML table is valid JSON");
        let name = path.file_name().expect("a file name").to_string_lossy();
        std::fs::write(out.join(format!("{name}.json")), json).expect("write OUT_DIR/lexicon");
    }
}
