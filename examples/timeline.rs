//! Filters facts and draws a timeline through the library API: every heroin
//! figure of at least 100 kg since 2018, in time order, and an SVG chart.
//!
//! ```text
//! cargo run --example timeline -- heroin 2018 timeline.svg
//! ```

use narcofacts::render::chart;
use narcofacts::search::filter::{Amount, FactFilter};
use narcofacts::search::timeline;
use narcofacts::{Config, KnowledgeBase, MassUnit};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let substance = args.next().unwrap_or_else(|| "heroin".into());
    let since = args.next().unwrap_or_else(|| "2018".into());
    let svg = args.next();

    let mut kb = KnowledgeBase::open(Config::new("corpus", "index"))?;
    kb.sync()?;
    let lex = kb.lexicon();
    let filter = FactFilter { min: Some(Amount::parse("100kg", lex)?), ..FactFilter::default() }
        .substance(&substance, lex)
        .from(&since)?;
    let facts = kb.facts_filtered(&filter)?;
    println!("{} facts of {substance} of at least 100 kg since {since}", facts.len());

    let Some(t) = timeline::timeline(facts, None) else {
        println!("none of them dated");
        return Ok(());
    };
    for p in &t.points {
        let sources: Vec<&str> = std::iter::once(&p.fact).chain(&p.also).map(|f| f.doc.as_str()).collect();
        println!(
            "{:<18} {:>14}  {}",
            p.period.to_string(),
            p.fact.value_text_in(Some(MassUnit::T)),
            sources.join(", ")
        );
    }
    if let Some(path) = svg {
        std::fs::write(&path, chart::timeline_svg(&t, &substance, Some(MassUnit::T))?)?;
        println!("chart written to {path}");
    }
    Ok(())
}
