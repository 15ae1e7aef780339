//! The interactive prompt: rustyline with history in the user's data folder,
//! hints from the command table, Ctrl-C to drop a line, Ctrl-D to leave.
//! Errors are printed and the loop goes on.

use std::borrow::Cow;
use std::io::Write;

use anyhow::Result;
use narcofacts::render::{self, human};
use narcofacts::{Answer, Config, KnowledgeBase};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::{Hint, Hinter};
use rustyline::{Completer, Context, Editor, Helper, Validator};

use super::commands::{open, report_sync};
use super::spec::{self, COMMANDS};
use super::Output;

/// What the loop does after a line.
#[derive(Debug, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Quit,
}

/// The prompt's state, apart from the terminal (so tests can drive it).
pub struct Session {
    kb: KnowledgeBase,
    corpus: String,
    json: bool,
    style: human::Style,
    last: Option<Answer>,
}

impl Session {
    pub fn new(kb: KnowledgeBase, out: Output) -> Session {
        let corpus = kb.config().corpus_dir.display().to_string();
        Session { kb, corpus, json: out.json, style: out.style(false), last: None }
    }

    /// Runs one line: a `:command` or a question.
    pub fn run_line(&mut self, line: &str, out: &mut dyn Write) -> Result<Flow> {
        let line = line.trim();
        if line.is_empty() {
            return Ok(Flow::Continue);
        }
        if !line.starts_with(':') {
            return self.question(line, out).map(|()| Flow::Continue);
        }
        let (name, arg) = line.split_once(char::is_whitespace).map_or((line, ""), |(n, a)| (n, a.trim()));
        let Some(cmd) = spec::find(name) else {
            writeln!(out, "unknown command {name}; :help lists them")?;
            return Ok(Flow::Continue);
        };
        match cmd.name {
            ":help" => help(arg, out)?,
            ":quit" => return Ok(Flow::Quit),
            ":sources" => {
                for d in self.kb.documents()? {
                    let date = d.meta.date.map_or("date not stated".to_owned(), |x| x.to_string());
                    writeln!(
                        out,
                        "{}  {} facts  {}  {}",
                        d.record.name,
                        d.n_facts,
                        date,
                        d.meta.title.unwrap_or_default()
                    )?;
                }
            }
            ":show" => match self.kb.document(arg) {
                Ok((_, text)) => writeln!(out, "{text}")?,
                Err(e) => writeln!(out, "{e}")?,
            },
            ":facts" => {
                let facts = if arg.is_empty() { self.kb.facts()? } else { self.kb.facts_where(arg)? };
                let format = if self.json { render::FactFormat::Jsonl } else { render::FactFormat::Table };
                render::facts(out, &facts, format, &self.style)?;
            }
            ":json" => match arg {
                "on" => self.json = true,
                "off" => self.json = false,
                _ => writeln!(out, "usage: {}", cmd.usage)?,
            },
            ":why" => match &self.last {
                Some(a) => human::answer(out, a, &human::Style { explain: true, ..self.style }, &self.corpus)?,
                None => writeln!(out, "no question asked yet")?,
            },
            ":sync" => {
                let r = self.kb.sync()?;
                writeln!(out, "{}", r.summary())?;
            }
            _ => writeln!(out, "usage: {}", cmd.usage)?,
        }
        Ok(Flow::Continue)
    }

    fn question(&mut self, q: &str, out: &mut dyn Write) -> Result<()> {
        let report = self.kb.refresh()?;
        report_sync(&report, false);
        let answer = self.kb.ask(q)?;
        if self.json {
            render::answer_json(out, &answer)?;
        } else {
            human::answer(out, &answer, &self.style, &self.corpus)?;
        }
        self.last = Some(answer);
        Ok(())
    }
}

fn help(arg: &str, out: &mut dyn Write) -> Result<()> {
    if let Some(cmd) = (!arg.is_empty()).then(|| spec::find(arg)).flatten() {
        writeln!(out, "{}\n  {}", cmd.usage, cmd.help)?;
        for e in cmd.examples {
            writeln!(out, "  e.g. {e}")?;
        }
        return Ok(());
    }
    writeln!(out, "Type a question (\"heroin seized by customs 2021\") or a command:")?;
    for c in COMMANDS {
        writeln!(out, "  {:<18} {}", c.usage, c.help)?;
    }
    Ok(())
}

/// A hint: the rest of a command's usage.
pub struct CommandHint(String);

impl Hint for CommandHint {
    fn display(&self) -> &str {
        &self.0
    }

    fn completion(&self) -> Option<&str> {
        let word_end = self.0.find(' ').unwrap_or(self.0.len());
        (word_end > 0).then(|| &self.0[..word_end])
    }
}

#[derive(Completer, Helper, Validator)]
struct PromptHelper;

impl Hinter for PromptHelper {
    type Hint = CommandHint;

    fn hint(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> Option<CommandHint> {
        if !line.starts_with(':') || pos < line.len() {
            return None;
        }
        COMMANDS
            .iter()
            .find(|c| c.usage.starts_with(line) && c.usage.len() > line.len())
            .map(|c| CommandHint(c.usage[line.len()..].to_owned()))
    }
}

impl Highlighter for PromptHelper {
    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        Cow::Owned(format!("\x1b[2m{hint}\x1b[0m"))
    }
}

fn history_path() -> Option<std::path::PathBuf> {
    let dir = dirs::data_dir()?.join("narcofacts");
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir.join("history"))
}

/// Runs the prompt until Ctrl-D or `:quit`.
pub fn run(config: Config, out: Output) -> Result<()> {
    let kb = open(config, false)?;
    let mut session = Session::new(kb, out);
    let mut rl: Editor<PromptHelper, rustyline::history::DefaultHistory> = Editor::new()?;
    rl.set_helper(Some(PromptHelper));
    let history = history_path();
    if let Some(h) = &history {
        let _ = rl.load_history(h);
    }
    eprintln!("narcofacts: ask a question, or :help. Ctrl-D leaves.");
    loop {
        match rl.readline("narcofacts> ") {
            Ok(line) => {
                let _ = rl.add_history_entry(line.as_str());
                let mut stdout = std::io::stdout().lock();
                match session.run_line(&line, &mut stdout) {
                    Ok(Flow::Quit) => break,
                    Ok(Flow::Continue) => {}
                    Err(e) => eprintln!("narcofacts: error: {e:#}"),
                }
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => break,
            Err(e) => return Err(e.into()),
        }
    }
    if let Some(h) = &history {
        let _ = rl.save_history(h);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_in_the_command_table_runs() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        std::fs::create_dir(&corpus).unwrap();
        std::fs::write(
            corpus.join("a.txt"),
            "Azerbaijani customs officers seized 515 kilograms of heroin in 2018, officials said.",
        )
        .unwrap();
        let kb = open(Config::new(&corpus, dir.path().join("index")), false).unwrap();
        let mut s = Session::new(kb, Output { json: false, color: false, terminal: false, mass: None });
        for cmd in COMMANDS {
            for e in cmd.examples {
                let mut out = Vec::new();
                let flow = s.run_line(e, &mut out).unwrap_or_else(|err| panic!("{e}: {err:#}"));
                assert_eq!(flow, Flow::Continue, "{e}");
                let text = String::from_utf8(out).unwrap();
                assert!(!text.contains("unknown command") && !text.starts_with("usage:"), "{e}: {text}");
            }
        }
        let mut out = Vec::new();
        s.run_line("heroin seized by customs 2018", &mut out).unwrap();
        assert!(String::from_utf8(out).unwrap().contains("515 kg"));
        assert_eq!(s.run_line(":quit", &mut Vec::new()).unwrap(), Flow::Quit);
    }
}
