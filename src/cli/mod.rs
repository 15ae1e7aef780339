//! Command line: flags, subcommands, exit codes. The only code that knows
//! about clap, anyhow, rustyline, the clock and the terminal.

mod commands;
mod repl;
mod spec;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

const EXAMPLES: &str = "\
Examples:
  narcofacts ask \"heroin seized by customs 2021\"
  narcofacts ask \"How much opium did Iran seize in 2017?\" --json
  narcofacts facts --json > facts.jsonl
  narcofacts ingest
  narcofacts --corpus ~/articles --index ~/articles-index
  narcofacts                      (opens the interactive prompt)";

/// Numeric facts about drug trafficking from news articles, each traced to
/// the sentence it came from.
///
/// The index is built from the corpus folder on first use and kept in step
/// with it automatically: add, edit or delete articles and ask again.
#[derive(Debug, Parser)]
#[command(name = "narcofacts", version, about, long_about, after_help = EXAMPLES)]
struct Cli {
    /// Folder of articles (.txt, .md, .html).
    #[arg(long, global = true, value_name = "DIR", default_value = "corpus")]
    corpus: PathBuf,
    /// Folder of the index (created if missing).
    #[arg(long, global = true, value_name = "DIR", default_value = "index")]
    index: PathBuf,
    /// Print JSON (shared/CONTRACT.md) instead of text.
    #[arg(long, global = true)]
    json: bool,
    /// Never colour the output (also: NO_COLOR=1).
    #[arg(long, global = true)]
    no_color: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Answer a question: the fact, its source sentence, then the next best.
    #[command(
        after_help = "Examples:\n  narcofacts ask \"heroin seized by customs 2021\"\n  narcofacts ask \"total drugs seized in Azerbaijan first half of 2024\" --json\n  narcofacts ask \"largest heroin seizure by customs in 2018\" --explain"
    )]
    Ask {
        /// The question, or keywords.
        #[arg(required = true, num_args = 1..)]
        question: Vec<String>,
        /// Most answers to show.
        #[arg(long, default_value_t = 5, value_name = "N")]
        top: usize,
        /// Show how the question was read and why each answer ranked.
        #[arg(long)]
        explain: bool,
    },
    /// List every fact of the corpus.
    #[command(
        after_help = "Examples:\n  narcofacts facts\n  narcofacts facts --json > facts.jsonl\n  narcofacts facts --doc 001_2586f2b13f1ad233.txt"
    )]
    Facts {
        /// Only facts of this corpus file.
        #[arg(long, value_name = "NAME")]
        doc: Option<String>,
    },
    /// Bring the index in step with the corpus and say what changed.
    #[command(after_help = "Examples:\n  narcofacts ingest\n  narcofacts ingest --rebuild")]
    Ingest {
        /// Throw the index away and build it again.
        #[arg(long)]
        rebuild: bool,
        /// Threads that clean and extract articles (default: the number of cores, at most 4).
        #[arg(long, value_name = "N")]
        threads: Option<usize>,
        /// Commit after every this many KiB of articles, so that an interrupted
        /// ingest resumes from there.
        #[arg(long, value_name = "KIB", default_value_t = 65536)]
        checkpoint_kib: u64,
    },
    /// List the indexed articles: title, source, date, facts.
    #[command(after_help = "Example:\n  narcofacts sources")]
    Sources,
    /// Print one article of the corpus.
    #[command(after_help = "Example:\n  narcofacts show 001_2586f2b13f1ad233.txt")]
    Show {
        /// File name inside the corpus folder.
        doc: String,
    },
    /// Open the interactive prompt (the default with no command).
    Repl,
}

/// Output settings decided from flags and the terminal.
#[derive(Debug, Clone, Copy)]
struct Output {
    json: bool,
    color: bool,
}

fn today() -> jiff::civil::Date {
    jiff::Zoned::now().date()
}

/// Runs the binary and returns its exit code: 0 when the command ran (with or
/// without an answer), 2 on a real error.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = !cli.no_color && std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal();
    let out = Output { json: cli.json, color };
    let mut config = narcofacts::Config::new(&cli.corpus, &cli.index);
    config.today = Some(today());
    let result = match cli.command.unwrap_or(Command::Repl) {
        Command::Ask { question, top, explain } => {
            config.top_k = top;
            commands::ask(config, &question.join(" "), explain, out)
        }
        Command::Facts { doc } => commands::facts(config, doc.as_deref(), out),
        Command::Ingest { rebuild, threads, checkpoint_kib } => {
            config.threads = threads.unwrap_or(0);
            config.checkpoint_bytes = checkpoint_kib.saturating_mul(1024);
            commands::ingest(config, rebuild, out)
        }
        Command::Sources => commands::sources(config, out),
        Command::Show { doc } => commands::show(config, &doc),
        Command::Repl => repl::run(config, out),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("narcofacts: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}
