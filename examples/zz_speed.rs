use narcofacts::corpus::{manifest::FileRecord, Format, RawDoc};
fn main() {
    let lex = narcofacts::lexicon::Lexicon::builtin().unwrap();
    let dir = std::path::Path::new(&std::env::args().nth(1).unwrap_or("/tmp/gen/corpus".into())).to_owned();
    let mut docs = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        docs.push((p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()));
    }
    let bytes: usize = docs.iter().map(|d| d.1.len()).sum();
    let reps = (3_000_000 / bytes).max(1);
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..reps {
        for (name, b) in &docs {
            let raw = RawDoc { name: name.clone(), format: Format::Text, bytes: b.clone() };
            let (d, _) =
                narcofacts::kb::process(&raw, FileRecord { name: name.clone(), size: 0, mtime_ns: 0, hash: 0 }, &lex);
            n += d.facts.len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    eprintln!("{n} facts; {:.1} MB/s", reps as f64 * bytes as f64 / 1e6 / secs);
}
