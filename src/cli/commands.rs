//! One function per subcommand: open the knowledge base, bring it up to date,
//! call the library, hand the result to `render`.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use narcofacts::kb::Progress;
use narcofacts::render::{self, human, FactFormat};
use narcofacts::search::filter::{Amount, FactFilter};
use narcofacts::search::timeline;
use narcofacts::vocab::Dimension;
use narcofacts::{Config, KnowledgeBase, SyncReport};

use super::{FilterArgs, MeasureArg, Output};

/// Opens the knowledge base and brings it up to date (or takes a running
/// watcher's word that it is), reporting on stderr.
pub fn open(config: Config, verbose: bool) -> Result<KnowledgeBase> {
    let corpus = config.corpus_dir.clone();
    let index = config.index_dir.clone();
    let mut kb = KnowledgeBase::open(config)
        .with_context(|| format!("cannot open corpus {} with index {}", corpus.display(), index.display()))?;
    let report = with_progress(|p| kb.refresh_with(p)).context("cannot bring the index up to date")?;
    report_sync(&report, verbose);
    Ok(kb)
}

/// Runs a sync with a progress bar on stderr while many files are indexed
/// (drawn only when stderr is a terminal).
fn with_progress<T>(sync: impl FnOnce(&mut dyn FnMut(Progress)) -> T) -> T {
    let bar = indicatif::ProgressBar::hidden();
    let report = sync(&mut |p| {
        if bar.is_hidden() && p.total >= 50 && p.done == 1 {
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            bar.set_length(p.total_bytes);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "indexing {wide_bar} {binary_bytes}/{binary_total_bytes} {msg} ({eta} left)",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
        }
        bar.set_position(p.bytes);
        bar.set_message(format!("{}/{} files, {} facts", p.done, p.total, p.facts));
    });
    bar.finish_and_clear();
    report
}

/// Names listed per kind of change before the rest are only counted.
const LISTED: usize = 20;

/// Says on stderr what a sync did: always when read-only or something was
/// skipped, the counts when `verbose` or when anything changed.
pub fn report_sync(report: &SyncReport, verbose: bool) {
    if report.read_only {
        eprintln!(
            "narcofacts: note: the index is being updated by another process; answering from the last committed index"
        );
    }
    if verbose || !report.is_noop() {
        eprintln!("narcofacts: index: {}", report.summary());
        if verbose {
            for (what, names) in [("added", &report.added), ("changed", &report.changed), ("removed", &report.removed)]
            {
                for n in names.iter().take(LISTED) {
                    eprintln!("  {what}: {n}");
                }
                if names.len() > LISTED {
                    eprintln!("  … and {} more {what}", names.len() - LISTED);
                }
            }
        }
    }
    for d in &report.diagnostics {
        if verbose || d.severity == narcofacts::Severity::Warning {
            eprintln!("narcofacts: {d}");
        }
    }
}

pub fn ask(config: Config, question: &str, explain: bool, out: Output) -> Result<()> {
    let corpus = config.corpus_dir.display().to_string();
    let kb = open(config, false)?;
    let answer = kb.ask(question).context("cannot answer")?;
    let mut stdout = std::io::stdout().lock();
    if out.json {
        render::answer_json(&mut stdout, &answer)?;
    } else {
        human::answer(&mut stdout, &answer, &out.style(explain), &corpus)?;
    }
    stdout.flush()?;
    Ok(())
}

impl FilterArgs {
    /// The library filter, names read through the knowledge base's lexicons.
    fn build(&self, kb: &KnowledgeBase) -> Result<FactFilter> {
        let lex = kb.lexicon();
        let mut f = FactFilter { docs: self.doc.clone(), ..FactFilter::default() };
        f = self.substance.iter().fold(f, |f, s| f.substance(s, lex));
        f = self.agent.iter().fold(f, |f, s| f.agent(s, lex));
        f = self.place.iter().fold(f, |f, s| f.place(s, lex));
        for e in &self.event {
            f = f.event(e, lex).context("--event")?;
        }
        if let Some(d) = &self.from {
            f = f.from(d).context("--from")?;
        }
        if let Some(d) = &self.to {
            f = f.to(d).context("--to")?;
        }
        if let Some(a) = &self.min {
            f.min = Some(Amount::parse(a, lex).context("--min")?);
        }
        if let Some(a) = &self.max {
            f.max = Some(Amount::parse(a, lex).context("--max")?);
        }
        Ok(f)
    }
}

pub fn facts(config: Config, filter: &FilterArgs, format: FactFormat, out: Output) -> Result<()> {
    let kb = open(config, false)?;
    let filter = filter.build(&kb)?;
    let facts = if filter.is_empty() { kb.facts()? } else { kb.facts_filtered(&filter)? };
    let mut stdout = std::io::stdout().lock();
    render::facts(&mut stdout, &facts, format, &out.style(false))?;
    stdout.flush()?;
    if facts.is_empty() && format != FactFormat::Table {
        eprintln!("narcofacts: no facts match");
    }
    Ok(())
}

pub fn timeline(
    config: Config,
    filter: &FilterArgs,
    measure: Option<MeasureArg>,
    svg: Option<&Path>,
    out: Output,
) -> Result<()> {
    let kb = open(config, false)?;
    let built = filter.build(&kb)?;
    let mut facts = kb.facts_filtered(&built)?;
    if let Some(m) = measure {
        let d = match m {
            MeasureArg::Mass => Dimension::Mass,
            MeasureArg::Count => Dimension::Count,
            MeasureArg::Percent => Dimension::Percent,
            MeasureArg::Money => Dimension::Money,
        };
        facts.retain(|f| f.dimension() == d);
    }
    let label = timeline_label(filter);
    let Some(t) = timeline::timeline(facts, None) else {
        if out.json {
            println!("{}", serde_json::json!({ "timeline": label, "unit": null, "points": [] }));
        } else {
            println!("No dated figures for {label} in the corpus.");
        }
        return Ok(());
    };
    let mut stdout = std::io::stdout().lock();
    if out.json {
        render::timeline_json(&mut stdout, &t, &label)?;
    } else {
        human::timeline(&mut stdout, &t, &label, &out.style(false))?;
    }
    stdout.flush()?;
    if let Some(path) = svg {
        let chart = render::chart::timeline_svg(&t, &label, out.mass)
            .map_err(|e| anyhow::anyhow!("cannot draw the chart: {e}"))?;
        std::fs::write(path, chart).with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("narcofacts: chart written to {}", path.display());
    }
    Ok(())
}

/// "heroin, Azerbaijan, seizure": what the timeline shows, for its title.
fn timeline_label(f: &FilterArgs) -> String {
    let parts: Vec<&str> =
        [&f.substance, &f.event, &f.agent, &f.place].into_iter().flatten().map(String::as_str).collect();
    if parts.is_empty() {
        "all figures".into()
    } else {
        parts.join(", ")
    }
}

pub fn ingest(config: Config, rebuild: bool, out: Output) -> Result<()> {
    let corpus = config.corpus_dir.clone();
    let opened = if rebuild { KnowledgeBase::open_or_recover(config) } else { KnowledgeBase::open(config) };
    let mut kb = opened.with_context(|| format!("cannot open corpus {}", corpus.display()))?;
    let report = with_progress(|p| kb.sync_with(rebuild, p))?;
    if report.read_only {
        anyhow::bail!(
            "index {} is being updated by another process; try again when it has finished",
            kb.config().index_dir.display()
        );
    }
    report_sync(&report, true);
    if out.json {
        let summary = serde_json::json!({
            "added": report.added, "changed": report.changed, "removed": report.removed,
            "unchanged": report.unchanged, "facts": report.facts,
            "skipped": report.skipped, "diagnostics": report.diagnostics,
        });
        println!("{summary}");
    }
    Ok(())
}

pub fn watch(config: Config, out: Output) -> Result<()> {
    let stop = std::sync::atomic::AtomicBool::new(false);
    let corpus = config.corpus_dir.clone();
    let mut up = false;
    narcofacts::watch::serve(&config, &stop, &mut |synced| {
        if !up {
            up = true;
            eprintln!("narcofacts: watching {} (Ctrl-C to stop)", corpus.display());
        }
        report_synced(synced, out);
    })
    .with_context(|| format!("cannot watch corpus {}", corpus.display()))
}

/// What `watch` says after each sync.
fn report_synced(synced: narcofacts::watch::Synced<'_>, out: Output) {
    match synced {
        Ok(report) => {
            report_sync(report, false);
            if out.json {
                let summary = serde_json::json!({
                    "added": report.added, "changed": report.changed, "removed": report.removed,
                    "unchanged": report.unchanged, "facts": report.facts, "read_only": report.read_only,
                });
                println!("{summary}");
            }
        }
        Err(e) => eprintln!("narcofacts: error: cannot sync (will try again at the next change): {e}"),
    }
}

pub fn sources(config: Config, out: Output) -> Result<()> {
    let kb = open(config, false)?;
    let docs = kb.documents()?;
    let mut stdout = std::io::stdout().lock();
    for d in docs {
        if out.json {
            serde_json::to_writer(&mut stdout, &d)?;
            writeln!(stdout)?;
        } else {
            let date = d.meta.date.map_or("date not stated".to_owned(), |x| x.to_string());
            let title = d.meta.title.clone().unwrap_or_else(|| "untitled".into());
            writeln!(stdout, "{}  {} facts  {}  {}", d.record.name, d.n_facts, date, title)?;
        }
    }
    Ok(())
}

pub fn show(config: Config, doc: &str) -> Result<()> {
    let kb = open(config, false)?;
    let (_, text) = kb.document(doc)?;
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    Ok(())
}
