//! Extracts the facts of a folder of articles without building an index, and
//! prints them as JSON lines (the contract's fact format).
//!
//! ```text
//! cargo run --example extract -- corpus/
//! ```

use std::path::PathBuf;

use narcofacts::lexicon::Lexicon;
use narcofacts::render::json::FactJson;
use narcofacts::{chunk, clean, corpus, extract};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "corpus".into()));
    let lex = Lexicon::load(&dir)?;
    let listing = corpus::scan(&dir)?;
    // As an ingest of this size would: the fastest automaton for the bytes ahead.
    lex.matcher().prepare_for(listing.files.iter().map(|f| f.size).sum());
    for entry in &listing.files {
        let (raw, _) = corpus::read(entry)?;
        let (doc, _) = clean::clean(&raw, &lex);
        let (sentences, _) = chunk::split(&doc);
        for fact in extract::extract(&doc, &sentences, &lex).facts {
            println!("{}", serde_json::to_string(&FactJson::from(&fact))?);
        }
    }
    Ok(())
}
