//! Library hygiene: modules use only earlier layers; no terminal, anyhow,
//! clap or rustyline outside the binary.

use std::path::{Path, PathBuf};

/// Layer of each top-level library module (STYLE.md §8.1, with `text` beside
/// the lexicon and `answer` beside search).
const LAYERS: &[(&str, u8)] = &[
    ("error", 0),
    ("span", 0),
    ("config", 0),
    ("vocab", 0),
    ("testing", 0),
    ("lexicon", 1),
    ("text", 1),
    ("corpus", 2),
    ("clean", 3),
    ("chunk", 4),
    ("extract", 5),
    ("index", 6),
    ("query", 7),
    ("answer", 8),
    ("search", 8),
    ("render", 9),
    ("kb", 10),
    ("watch", 11),
];

fn layer(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

fn library_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n != "cli") {
                library_files(&p, out);
            }
        } else if p.extension().is_some_and(|x| x == "rs")
            && p.file_name().is_some_and(|n| n != "main.rs" && n != "tests.rs")
        {
            out.push(p);
        }
    }
}

/// The file's text before its `#[cfg(test)]` module.
fn non_test(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    match text.find("#[cfg(test)]") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

fn module_of(src: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(src).unwrap();
    let first = rel.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
    first.trim_end_matches(".rs").to_owned()
}

#[test]
fn modules_use_only_earlier_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    library_files(&src, &mut files);
    let mut problems = Vec::new();
    for f in &files {
        let module = module_of(&src, f);
        if module == "lib" {
            continue;
        }
        let Some(own) = layer(&module) else {
            problems.push(format!("{}: module {module} has no layer", f.display()));
            continue;
        };
        for (n, line) in non_test(f).lines().enumerate() {
            for part in line.split("crate::").skip(1) {
                let used: String = part.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if let Some(l) = layer(&used) {
                    if l > own {
                        problems.push(format!(
                            "{}:{}: {module} (layer {own}) uses {used} (layer {l})",
                            f.display(),
                            n + 1
                        ));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_library_stays_quiet_and_binary_free() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    library_files(&src, &mut files);
    let banned = [
        "println!",
        "eprintln!",
        "print!(",
        "anyhow",
        "clap::",
        "rustyline",
        "std::process::exit",
        ".unwrap()",
        "dbg!(",
    ];
    let mut problems = Vec::new();
    for f in &files {
        for (n, line) in non_test(f).lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for b in banned {
                if code.contains(b) {
                    problems.push(format!("{}:{}: {b}", f.display(), n + 1));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
