//! Extracts the facts of a folder of articles without building an index, and
//! prints them as JSON lines (the contract's fact format).
//!
//! ```text
//! cargo run --example extract -- corpus/
//! cargo run --example extract -- corpus/ --count
//! cargo run --example extract -- corpus/ --sentences
//! ```
//!
//! With `--count` it prints only the number of facts: the extraction's work
//! alone, as the `extract` benchmark measures it, for a profiler
//! (`valgrind --tool=callgrind`) to count. With `--sentences` it prints the
//! cleaned sentences instead, one per line with its block number, to see
//! what the extractor reads.

use std::path::PathBuf;

use narcofacts::lexicon::Lexicon;
use narcofacts::render::json::FactJson;
use narcofacts::{chunk, clean, corpus, extract};

/// The binary's allocator, so that a profile counts what an ingest runs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let count_only = args.iter().any(|a| a == "--count");
    let sentences_only = args.iter().any(|a| a == "--sentences");
    let dir = PathBuf::from(args.iter().find(|a| !a.starts_with("--")).map_or("corpus", String::as_str));
    let lex = Lexicon::load(&dir)?;
    let listing = corpus::scan(&dir)?;
    // As an ingest of this size would: the fastest automaton for the bytes ahead.
    lex.matcher().prepare_for(listing.files.iter().map(|f| f.size).sum());
    let mut count = 0usize;
    for entry in &listing.files {
        let (raw, _) = corpus::read(entry)?;
        let (doc, _) = clean::clean(&raw, &lex);
        let (sentences, _) = chunk::split(&doc);
        if sentences_only {
            for s in &sentences {
                let text = s.span.slice(&doc.text).unwrap_or("").replace('\n', "⏎");
                println!("{} [{}{}] {text}", entry.name, s.block, if s.heading { " heading" } else { "" });
            }
            continue;
        }
        for fact in extract::extract(&doc, &sentences, &lex).facts {
            count += 1;
            if !count_only {
                println!("{}", serde_json::to_string(&FactJson::from(&fact))?);
            }
        }
    }
    if count_only {
        println!("{count} facts");
    }
    Ok(())
}
