//! Asks a question through the library API: open a corpus, bring its index up
//! to date, print the best answers with their sources.
//!
//! ```text
//! cargo run --example ask -- "heroin seized by customs 2021"
//! ```

use narcofacts::{Config, KnowledgeBase};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let question = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    let mut kb = KnowledgeBase::open(Config::new("corpus", "index"))?;
    let report = kb.sync()?;
    eprintln!("index: {}", report.summary());
    let answer = kb.ask(&question)?;
    if answer.answers.is_empty() {
        println!("Not found in the corpus.");
    }
    for a in &answer.answers {
        let f = &a.fact;
        println!("{} {} ({}:{}-{})", f.value_text(), f.what.as_deref().unwrap_or(""), f.doc, f.span.start, f.span.end);
        println!("  {}", f.sentence);
    }
    Ok(())
}
