//! Whole-corpus benchmarks: the figures of the speed issue, measured in one run.
//!
//! ```text
//! cargo build --release && cargo run --release --example bench -- --mb 1000
//! cargo run --release --example bench -- --mb 50 --only extract,raw,ingest
//! ```
//!
//! Generates (once) a corpus of `--mb` megabytes with `examples/generate.rs`
//! under `--dir` (default `target/bench`), then measures:
//!
//! * `extract`: cleaning + chunking + extraction on one core, MB/s of article text;
//! * `raw`: tantivy alone indexing the same files (one TEXT field, the same heap
//!   and threads as narcofacts), MB/s, from the page cache like `ingest`;
//! * `ingest`: `narcofacts ingest` of the corpus from scratch, end to end, MB/s,
//!   its ratio to `raw`, and its peak resident memory;
//! * `ask`: library `ask` latency on the warm index, p50 and p99 over
//!   `--questions` varied questions;
//! * `oneshot`: `narcofacts ask` wall time (process start to answer), median of
//!   30, on the seed corpus and on the generated one, then on the generated one
//!   again with `narcofacts watch` running;
//! * `reingest`: `narcofacts ingest` after one file of the corpus changed.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use narcofacts::corpus::{self, manifest::FileRecord};
use narcofacts::index::docs;
use narcofacts::index::watch::{vouch, Vouch};
use narcofacts::lexicon::Lexicon;
use narcofacts::{Config, KnowledgeBase};

#[allow(dead_code)]
#[path = "generate.rs"]
mod generate;

type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// The binary's allocator, so that in-process figures (extraction, `ask`)
/// are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct Opts {
    dir: PathBuf,
    mb: usize,
    questions: usize,
    only: Vec<String>,
}

fn opts() -> Opts {
    let mut o = Opts { dir: PathBuf::from("target/bench"), mb: 1000, questions: 1000, only: Vec::new() };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let v = args.next().unwrap_or_default();
        match a.as_str() {
            "--dir" => o.dir = PathBuf::from(v),
            "--mb" => o.mb = v.parse().expect("--mb N"),
            "--questions" => o.questions = v.parse().expect("--questions N"),
            "--only" => o.only = v.split(',').map(str::to_owned).collect(),
            other => {
                eprintln!("unknown argument {other}; use --dir DIR --mb N --questions N --only a,b");
                std::process::exit(2);
            }
        }
    }
    o
}

/// The `narcofacts` binary next to this example.
fn binary() -> PathBuf {
    let exe = std::env::current_exe().expect("exe");
    let release = exe.parent().and_then(Path::parent).expect("target/release");
    let bin = release.join("narcofacts");
    assert!(bin.exists(), "build the binary first: cargo build --release");
    bin
}

fn mbps(bytes: u64, t: Duration) -> f64 {
    bytes as f64 / 1e6 / t.as_secs_f64()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

/// Generates the corpus unless it is already there.
fn corpus(o: &Opts) -> Res<(PathBuf, u64, usize)> {
    let out = o.dir.join(format!("gen{}mb", o.mb));
    let corpus = out.join("corpus");
    if !out.join("truth.jsonl").exists() {
        // About 2.2 kB per generated article.
        let articles = (o.mb * 1_000_000 / 2_200).max(1);
        let t = Instant::now();
        generate::generate(&out, articles, 1)?;
        eprintln!("generated {articles} articles in {:.1} s", t.elapsed().as_secs_f64());
    }
    let listing = corpus::scan(&corpus)?;
    let bytes = listing.files.iter().map(|f| f.size).sum();
    Ok((corpus, bytes, listing.files.len()))
}

/// The binary with `args` on `corpus` and `index`.
fn narcofacts(args: &[&str], corpus: &Path, index: &Path) -> Command {
    let mut cmd = Command::new(binary());
    cmd.args(args).arg("--corpus").arg(corpus).arg("--index").arg(index);
    cmd
}

/// Runs the binary, returning its wall time; panics on failure.
fn run(args: &[&str], corpus: &Path, index: &Path) -> Duration {
    let t = Instant::now();
    let out = narcofacts(args, corpus, index).output().expect("run narcofacts");
    let took = t.elapsed();
    assert!(out.status.success(), "narcofacts {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    took
}

/// Runs the binary like [`run`], also returning its peak resident memory in
/// MB, read from `/proc` while it runs (Linux; 0 elsewhere). Not the
/// children's `getrusage`: a child spawned by vfork counts its parent's pages
/// until it execs, so it would report this benchmark's own memory.
fn run_with_peak(args: &[&str], corpus: &Path, index: &Path) -> (Duration, f64) {
    let t = Instant::now();
    let mut child = narcofacts(args, corpus, index)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run narcofacts");
    // Drained as it comes, so that a long report never blocks the child.
    let mut stderr_pipe = child.stderr.take().expect("piped stderr");
    let stderr = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr_pipe, &mut text);
        text
    });
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0u64;
    let status = loop {
        // VmHWM: the high-water mark of the program since it started.
        if let Ok(status) = std::fs::read_to_string(&status_file) {
            let hwm = status.lines().find_map(|l| l.strip_prefix("VmHWM:"));
            if let Some(kb) = hwm.and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok()) {
                peak_kb = peak_kb.max(kb);
            }
        }
        if let Some(status) = child.try_wait().expect("wait for narcofacts") {
            break status;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let took = t.elapsed();
    let stderr = stderr.join().unwrap_or_default();
    assert!(status.success(), "narcofacts {args:?}: {stderr}");
    (took, peak_kb as f64 / 1024.0)
}

fn bench_extract(corpus_dir: &Path) -> Res<()> {
    let lex = Lexicon::builtin()?;
    let listing = corpus::scan(corpus_dir)?;
    // Up to 64 MB of articles, read before the clock starts.
    let mut docs = Vec::new();
    let mut bytes = 0u64;
    for f in &listing.files {
        if bytes > 64_000_000 {
            break;
        }
        let (raw, _) = corpus::read(f)?;
        bytes += raw.bytes.len() as u64;
        docs.push(raw);
    }
    // As an ingest of this size would, before the clock starts.
    lex.matcher().prepare_for(bytes);
    let t = Instant::now();
    let mut facts = 0;
    for raw in &docs {
        let record = FileRecord { name: raw.name.clone(), size: 0, mtime_ns: 0, hash: 0 };
        facts += narcofacts::kb::process(raw, record, &lex).0.facts.len();
    }
    let took = t.elapsed();
    println!(
        "extract   {:>8.2} MB/s on one core ({} files, {:.1} MB, {facts} facts, {:.0} facts/s)",
        mbps(bytes, took),
        docs.len(),
        bytes as f64 / 1e6,
        facts as f64 / took.as_secs_f64()
    );
    Ok(())
}

/// Reads every file of the corpus once, untimed, so that `raw` and `ingest`
/// both find it in the page cache: without this, whichever runs first pays
/// for the disk (raw tantivy measured 26 MB/s on a cold 1 GB corpus and
/// 79 MB/s on a warm one), and the ratio measures the cache, not the work.
fn warm(corpus_dir: &Path) -> Res<()> {
    for f in &corpus::scan(corpus_dir)?.files {
        std::hint::black_box(std::fs::read(&f.path)?);
    }
    Ok(())
}

/// Tantivy alone: one TEXT field, the same heap and threads as an ingest.
fn bench_raw(corpus_dir: &Path, work: &Path) -> Res<f64> {
    use tantivy::schema::{Schema, TEXT};
    let dir = work.join("raw-index");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let mut builder = Schema::builder();
    let body = builder.add_text_field("body", TEXT);
    let index = tantivy::Index::create_in_dir(&dir, builder.build())?;
    let config = Config::default();
    let threads = config.indexing_threads();
    let t = Instant::now();
    let mut writer: tantivy::IndexWriter =
        index.writer_with_num_threads(threads, config.writer_memory.max(threads * 15_000_000))?;
    let listing = corpus::scan(corpus_dir)?;
    let mut bytes = 0u64;
    for f in &listing.files {
        let text = std::fs::read_to_string(&f.path)?;
        bytes += text.len() as u64;
        writer.add_document(tantivy::doc!(body => text))?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    let took = t.elapsed();
    let rate = mbps(bytes, took);
    println!("raw       {rate:>8.2} MB/s tantivy alone ({threads} threads, {:.1} s)", took.as_secs_f64());
    Ok(rate)
}

fn bench_ingest(corpus_dir: &Path, index: &Path, bytes: u64, raw: Option<f64>) -> Res<()> {
    let _ = std::fs::remove_dir_all(index);
    let (took, peak_mb) = run_with_peak(&["ingest"], corpus_dir, index);
    let rate = mbps(bytes, took);
    let ratio = raw.map_or(String::new(), |r| format!(", {:.2} × raw tantivy", rate / r));
    println!(
        "ingest    {rate:>8.2} MB/s end to end ({:.1} s{ratio}); peak memory {:.0} MB",
        took.as_secs_f64(),
        peak_mb
    );
    Ok(())
}

/// Varied questions over the generator's vocabulary.
fn questions(n: usize) -> Vec<String> {
    let substances = ["heroin", "opium", "hashish", "cannabis", "cocaine", "methamphetamine", "fentanyl", "drugs"];
    let agents = ["customs", "police", "border guards", "the DEA", "the coast guard", "security forces"];
    let places = ["Azerbaijan", "Iran", "Kazakhstan", "Pakistan", "Thailand", "Kenya", "Spain", "Turkey", "Mexico"];
    let mut state = 7u64;
    let mut next = |k: usize| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((state >> 33) % k as u64) as usize
    };
    (0..n)
        .map(|_| {
            let (s, a, p, y) = (substances[next(8)], agents[next(6)], places[next(9)], 2015 + next(10));
            match next(8) {
                0 => format!("{s} seized by {a} in {y}"),
                1 => format!("how much {s} was seized in {p} in {y}"),
                2 => format!("largest {s} seizure in {p}"),
                3 => format!("total {s} seized by {a} in {p} {y}"),
                4 => format!("{s} {p} {y}"),
                5 => format!("street value of {s} seized in {p}"),
                6 => format!("arrests for drug trafficking in {p} in {y}"),
                _ => format!("{a} {s} first half of {y}"),
            }
        })
        .collect()
}

fn bench_ask(corpus_dir: &Path, index: &Path, n: usize) -> Res<()> {
    let kb = KnowledgeBase::open(Config::new(corpus_dir, index))?;
    let passages = kb.index().count(docs::PASSAGE)?;
    let facts = kb.index().count(docs::FACT)?;
    let qs = questions(n);
    for q in qs.iter().take(50) {
        kb.ask(q)?;
    }
    let mut times = Vec::with_capacity(n);
    let mut answered = 0;
    for q in &qs {
        let t = Instant::now();
        let a = kb.ask(q)?;
        times.push(t.elapsed());
        answered += usize::from(!a.answers.is_empty());
    }
    times.sort();
    println!(
        "ask       p50 {}  p99 {}  max {}  ({n} questions, {answered} answered; {passages} passages, {facts} facts)",
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.99)),
        ms(*times.last().unwrap_or(&Duration::ZERO)),
    );
    Ok(())
}

fn bench_oneshot(label: &str, corpus_dir: &Path, index: &Path) {
    run(&["ingest"], corpus_dir, index);
    let qs = questions(30);
    let mut times: Vec<Duration> = qs.iter().map(|q| run(&["ask", q], corpus_dir, index)).collect();
    times.sort();
    println!("oneshot   median {} on {label} (30 runs, min {})", ms(percentile(&times, 0.5)), ms(times[0]));
}

/// One-shot `ask` while `narcofacts watch` runs on the corpus: the commands
/// take the watcher's word instead of checking every file.
fn bench_oneshot_watched(label: &str, corpus_dir: &Path, index: &Path) -> Res<()> {
    let mut watcher = narcofacts(&["watch"], corpus_dir, index)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()?;
    // Up once it vouches (after its first sync).
    let start = Instant::now();
    let mut up = Vouch::NoWatcher;
    while up != Vouch::InStep && start.elapsed() < Duration::from_secs(600) {
        up = vouch(index, Duration::from_secs(10));
        std::thread::sleep(Duration::from_millis(10));
    }
    let qs = questions(30);
    let mut times: Vec<Duration> = qs.iter().map(|q| run(&["ask", q], corpus_dir, index)).collect();
    watcher.kill()?;
    watcher.wait()?;
    assert_eq!(up, Vouch::InStep, "the watcher did not come up");
    times.sort();
    println!(
        "oneshot   median {} on {label} with `narcofacts watch` running (30 runs, min {})",
        ms(percentile(&times, 0.5)),
        ms(times[0])
    );
    Ok(())
}

fn bench_reingest(corpus_dir: &Path, index: &Path, files: usize) -> Res<()> {
    run(&["ingest"], corpus_dir, index);
    let listing = corpus::scan(corpus_dir)?;
    let victim = &listing.files[listing.files.len() / 2].path;
    let original = std::fs::read(victim)?;
    let mut changed = original.clone();
    changed.extend_from_slice(b"\nPolice in Kenya seized 12 kilograms of heroin in Mombasa in 2024.\n");
    std::fs::write(victim, &changed)?;
    let took = run(&["ingest"], corpus_dir, index);
    std::fs::write(victim, &original)?;
    let back = run(&["ingest"], corpus_dir, index);
    let noop = run(&["ingest"], corpus_dir, index);
    println!(
        "reingest  {} after 1 changed file of {files} ({} to change it back, {} with nothing changed)",
        ms(took),
        ms(back),
        ms(noop)
    );
    Ok(())
}

fn main() -> Res<()> {
    let o = opts();
    let wants = |what: &str| o.only.is_empty() || o.only.iter().any(|x| x == what);
    std::fs::create_dir_all(&o.dir)?;
    let (corpus_dir, bytes, files) = corpus(&o)?;
    let index = o.dir.join(format!("gen{}mb-index", o.mb));
    println!("corpus    {files} files, {:.1} MB in {}", bytes as f64 / 1e6, corpus_dir.display());
    if wants("extract") {
        bench_extract(&corpus_dir)?;
    }
    if wants("raw") || wants("ingest") {
        warm(&corpus_dir)?;
    }
    let raw = if wants("raw") { Some(bench_raw(&corpus_dir, &o.dir)?) } else { None };
    if wants("ingest") {
        bench_ingest(&corpus_dir, &index, bytes, raw)?;
    }
    if wants("ask") {
        bench_ask(&corpus_dir, &index, o.questions)?;
    }
    if wants("oneshot") {
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        bench_oneshot("the seed corpus", &seeds, &o.dir.join("seed-index"));
        let label = format!("{:.0} MB", bytes as f64 / 1e6);
        bench_oneshot(&label, &corpus_dir, &index);
        bench_oneshot_watched(&label, &corpus_dir, &index)?;
    }
    if wants("reingest") {
        bench_reingest(&corpus_dir, &index, files)?;
    }
    Ok(())
}
