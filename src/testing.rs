//! Test support: table files of `input => expected` lines.

/// Runs every `input => expected` line of `file` (relative to the crate) through
/// `f`; with `NARCOFACTS_BLESS=1`, rewrites the file with what `f` says now,
/// for review in `git diff`. Returns the number of lines checked.
pub fn run_table(file: &str, f: impl Fn(&str) -> String) -> usize {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let bless = std::env::var_os("NARCOFACTS_BLESS").is_some();
    let (mut out, mut failures, mut cases) = (Vec::new(), Vec::new(), 0);
    for line in text.lines() {
        let Some((input, expected)) = line.split_once(" => ").filter(|_| !line.starts_with('#')) else {
            out.push(line.to_owned());
            continue;
        };
        cases += 1;
        let got = f(input);
        out.push(format!("{input} => {got}"));
        if got != expected {
            failures.push(format!("{input}\n  expected: {expected}\n  got:      {got}"));
        }
    }
    if bless {
        std::fs::write(&path, out.join("\n") + "\n").unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    } else {
        assert!(failures.is_empty(), "{file}: {} of {cases} lines differ:\n{}", failures.len(), failures.join("\n"));
    }
    cases
}
