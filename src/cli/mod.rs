//! Command line: flags, subcommands, exit codes. The only code that knows
//! about clap, anyhow, rustyline, the clock and the terminal.

mod commands;
mod repl;
mod spec;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use narcofacts::render::{human, FactFormat};
use narcofacts::MassUnit;

const EXAMPLES: &str = "\
Examples:
  narcofacts ask \"heroin seized by customs 2021\"
  narcofacts ask \"How much opium did Iran seize in 2017?\" --json
  narcofacts facts --substance heroin --from 2018 --format csv > heroin.csv
  narcofacts timeline heroin --place Azerbaijan --svg heroin.svg
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
    /// Colour the output: auto (on a terminal unless NO_COLOR is set), always, never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    color: ColorChoice,
    /// Never colour the output (same as --color never; also NO_COLOR=1).
    #[arg(long, global = true)]
    no_color: bool,
    /// Show masses in this unit (g, kg, t, lb, oz); JSON keeps kilograms.
    #[arg(long, global = true, value_parser = parse_mass_unit, value_name = "UNIT")]
    unit: Option<MassUnit>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Answer a question: the fact, its source sentence, then the next best.
    #[command(
        after_help = "Examples:\n  narcofacts ask \"heroin seized by customs 2021\"\n  narcofacts ask \"total drugs seized in Azerbaijan first half of 2024\" --json\n  narcofacts ask \"largest heroin seizure by customs in 2018\" --explain\n  narcofacts ask \"drugs seized in Azerbaijan 2021 vs 2024\""
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
    /// List the facts of the corpus, filtered, as a table, CSV or JSON.
    #[command(
        after_help = "Examples:\n  narcofacts facts\n  narcofacts facts --substance heroin --from 2018 --format csv > heroin.csv\n  narcofacts facts --agent customs --place Azerbaijan --min 500kg\n  narcofacts facts --event seizure --min 1t --unit lb\n  narcofacts facts --json > facts.jsonl\n  narcofacts facts --doc 001_2586f2b13f1ad233.txt"
    )]
    Facts {
        #[command(flatten)]
        filter: FilterArgs,
        /// Output format (default: table; jsonl with --json).
        #[arg(long, value_enum, value_name = "FORMAT")]
        format: Option<FormatArg>,
    },
    /// A substance's figures over time with their sources, optionally drawn as an SVG chart.
    #[command(
        after_help = "Examples:\n  narcofacts timeline heroin\n  narcofacts timeline heroin --place Azerbaijan --svg heroin.svg\n  narcofacts timeline opium --event seizure --unit t\n  narcofacts timeline --measure money --place Azerbaijan"
    )]
    Timeline {
        /// The substance (any name the lexicon knows: heroin, meth, weed…).
        #[arg(value_name = "SUBSTANCE")]
        what: Option<String>,
        #[command(flatten)]
        filter: FilterArgs,
        /// Which figures: mass, count, percent or money (default: the most common).
        #[arg(long, value_enum)]
        measure: Option<MeasureArg>,
        /// Also draw the timeline as an SVG chart in FILE.
        #[arg(long, value_name = "FILE")]
        svg: Option<PathBuf>,
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
    /// Keep the index in step with the corpus as files change, until stopped
    /// (Ctrl-C). While it runs, other commands take its word that the index
    /// is in step instead of checking every corpus file.
    #[command(after_help = "Example:\n  narcofacts watch &\n  narcofacts ask heroin seized by customs 2021")]
    Watch,
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
    #[command(
        after_help = "Examples:\n  narcofacts repl\n  narcofacts --corpus ~/articles      (the prompt over another folder)\n\nAt the prompt: a question, or :help, :facts heroin since 2018 customs, :why, :sources, :quit"
    )]
    Repl,
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  narcofacts completions bash > ~/.local/share/bash-completion/completions/narcofacts\n  narcofacts completions zsh > ~/.zfunc/_narcofacts"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    #[command(after_help = "Example:\n  narcofacts man > narcofacts.1 && man ./narcofacts.1")]
    Man,
}

/// Filters shared by `facts` and `timeline`; repeat a flag to allow several values.
#[derive(Debug, Args)]
struct FilterArgs {
    /// Substance (heroin, cocaine, meth, weed…; lexicon synonyms work).
    #[arg(long, value_name = "NAME")]
    substance: Vec<String>,
    /// Agency (customs, police, "border guards", DEA…).
    #[arg(long, value_name = "NAME")]
    agent: Vec<String>,
    /// Country or place (Azerbaijan, Iranian, U.S.…).
    #[arg(long, value_name = "NAME")]
    place: Vec<String>,
    /// Event: seizure, destruction, production, trafficking, crime,
    /// prosecution, arrest, casualty, treatment, other (or a word like "seized").
    #[arg(long, value_name = "EVENT")]
    event: Vec<String>,
    /// Only figures for periods ending on or after this date (YYYY, YYYY-MM, YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Only figures for periods starting on or before this date.
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// Smallest value, with a unit to keep only that kind of figure: 500kg, 1t, 2000lb, 10%, $1m.
    #[arg(long, value_name = "AMOUNT")]
    min: Option<String>,
    /// Largest value (same forms as --min).
    #[arg(long, value_name = "AMOUNT")]
    max: Option<String>,
    /// Only facts of this corpus file.
    #[arg(long, value_name = "NAME")]
    doc: Vec<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    /// An aligned table.
    Table,
    /// CSV with a header row.
    Csv,
    /// One JSON object a line.
    Jsonl,
    /// One JSON array.
    Json,
}

impl From<FormatArg> for FactFormat {
    fn from(f: FormatArg) -> FactFormat {
        match f {
            FormatArg::Table => FactFormat::Table,
            FormatArg::Csv => FactFormat::Csv,
            FormatArg::Jsonl => FactFormat::Jsonl,
            FormatArg::Json => FactFormat::Json,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum MeasureArg {
    Mass,
    Count,
    Percent,
    Money,
}

fn parse_mass_unit(s: &str) -> Result<MassUnit, String> {
    MassUnit::parse(s).ok_or_else(|| {
        let names: Vec<&str> = MassUnit::ALL.iter().map(MassUnit::as_str).collect();
        format!("unknown mass unit {s:?}; use one of {}", names.join(", "))
    })
}

/// Output settings decided from flags and the terminal.
#[derive(Debug, Clone, Copy)]
struct Output {
    json: bool,
    color: bool,
    terminal: bool,
    mass: Option<MassUnit>,
}

impl Output {
    fn style(&self, explain: bool) -> human::Style {
        human::Style { color: self.color, explain, mass: self.mass, terminal: self.terminal }
    }
}

/// Today's date in the local time zone. When `TZ` is not set, the zone is read
/// straight from `/etc/localtime`: asking jiff for the system zone by name
/// walks the whole zoneinfo folder, a third of a one-shot `ask`'s start-up.
fn today() -> jiff::civil::Date {
    let local = std::env::var_os("TZ")
        .is_none()
        .then(|| std::fs::read("/etc/localtime").ok())
        .flatten()
        .and_then(|tzif| jiff::tz::TimeZone::tzif("localtime", &tzif).ok());
    if let Some(tz) = local {
        return jiff::Timestamp::now().to_zoned(tz).date();
    }
    jiff::Zoned::now().date()
}

/// Runs the binary and returns its exit code: 0 when the command ran (with or
/// without an answer), 2 on a real error.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let terminal = std::io::stdout().is_terminal();
    let color = match (cli.color, cli.no_color) {
        (_, true) | (ColorChoice::Never, _) => false,
        (ColorChoice::Always, _) => true,
        (ColorChoice::Auto, _) => terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    let out = Output { json: cli.json, color, terminal, mass: cli.unit };
    let mut config = narcofacts::Config::new(&cli.corpus, &cli.index);
    config.today = Some(today());
    let result = match cli.command.unwrap_or(Command::Repl) {
        Command::Ask { question, top, explain } => {
            config.top_k = top;
            commands::ask(config, &question.join(" "), explain, out)
        }
        Command::Facts { filter, format } => {
            let format = format.map_or(if out.json { FactFormat::Jsonl } else { FactFormat::Table }, FactFormat::from);
            commands::facts(config, &filter, format, out)
        }
        Command::Timeline { what, mut filter, measure, svg } => {
            filter.substance.extend(what);
            commands::timeline(config, &filter, measure, svg.as_deref(), out)
        }
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "narcofacts", &mut std::io::stdout());
            Ok(())
        }
        Command::Man => clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout()).map_err(Into::into),
        Command::Ingest { rebuild, threads, checkpoint_kib } => {
            config.threads = threads.unwrap_or(0);
            config.checkpoint_bytes = checkpoint_kib.saturating_mul(1024);
            commands::ingest(config, rebuild, out)
        }
        Command::Watch => commands::watch(config, out),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }
}
