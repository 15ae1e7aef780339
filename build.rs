//! Converts the built-in lexicon tables (`src/lexicon/data/*.toml`) to JSON.
//!
//! The tables stay TOML in the repository, where people read and extend
//! them; the program embeds the JSON form, which it reads three times faster
//! than TOML. That is a sixth of a one-shot `narcofacts ask` on a small corpus.
//! A table that is not valid TOML fails the build with the parser's message.

use std::path::Path;

fn main() {
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
