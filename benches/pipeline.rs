//! Micro-benchmarks of the pipeline on the seed corpus (`cargo bench`):
//! extraction throughput on one core, question parsing, and library `ask`
//! on a warm index. Whole-corpus figures (1 GB ingest, raw tantivy ratio,
//! one-shot wall time, re-ingest) come from `examples/bench.rs`.

use std::path::Path;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use narcofacts::corpus::{self, manifest::FileRecord, RawDoc};
use narcofacts::lexicon::Lexicon;
use narcofacts::{Config, KnowledgeBase};

/// The binary's allocator, so that the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

const QUESTIONS: &[&str] = &[
    "heroin seized by customs 2021",
    "how much opium was seized in Azerbaijan in the first seven months of 2024",
    "what share of drugs come from Afghanistan",
    "total cocaine seized in Spain between 2013 and 2023",
    "largest meth seizure last year",
    "how many people were arrested for drug trafficking",
];

fn seeds() -> Vec<RawDoc> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let listing = corpus::scan(&dir).expect("scan corpus/");
    listing.files.iter().map(|f| corpus::read(f).expect("read seed").0).collect()
}

/// Clean, chunk and extract every seed article: MB/s on one core.
#[divan::bench(sample_count = 20)]
fn extract_seed_corpus(bencher: Bencher) {
    let lex = Lexicon::builtin().expect("lexicon");
    let docs = seeds();
    let bytes: usize = docs.iter().map(|d| d.bytes.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for raw in &docs {
            let record = FileRecord { name: raw.name.clone(), size: 0, mtime_ns: 0, hash: 0 };
            black_box(narcofacts::kb::process(raw, record, &lex));
        }
    });
}

/// Parse a question into a structured request.
#[divan::bench(args = QUESTIONS)]
fn parse_question(bencher: Bencher, question: &str) {
    let lex = Lexicon::builtin().expect("lexicon");
    bencher.bench(|| narcofacts::query::parse(black_box(question), &lex, None));
}

/// Library `ask` on a warm index of the seed corpus.
#[divan::bench(args = QUESTIONS)]
fn ask_seed_corpus(bencher: Bencher, question: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let index = tempfile::tempdir().expect("temp dir");
    let mut kb = KnowledgeBase::open(Config::new(dir.join("corpus"), index.path())).expect("open");
    kb.sync().expect("index the seeds");
    bencher.bench(|| kb.ask(black_box(question)).expect("ask"));
}
