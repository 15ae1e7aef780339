//! Probe sets (tests/data/probes): articles in the styles of regions and
//! outlets the seeds do not cover, each a corpus of its own, asked the
//! questions of `<set>.questions` with the answers a reader gives them.

use std::path::Path;

use narcofacts::{Config, KnowledgeBase};

use crate::util::{data, TempCorpus};

/// The day the questions are asked on ("last year" is 2025).
const ASKED_ON: (i16, i8, i8) = (2026, 12, 7);

/// Relative tolerance of a value, as shared/tools/score.py allows.
const TOLERANCE: f64 = 0.005;

/// What a question expects.
#[derive(Debug)]
enum Expect {
    /// The first answer's value and unit.
    Figure(f64, String),
    /// No answer.
    Nothing,
}

/// One line of a questions file.
#[derive(Debug)]
struct Probe {
    question: String,
    expect: Expect,
    /// Marked `?`: a known miss, reported but not failed.
    known_miss: bool,
}

fn parse(line: &str) -> Option<Probe> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    let (known_miss, line) = match line.strip_prefix("? ") {
        Some(rest) => (true, rest),
        None => (false, line),
    };
    let (question, answer) = line.split_once("=>").unwrap_or_else(|| panic!("no '=>' in {line:?}"));
    let expect = match answer.trim() {
        "none" => Expect::Nothing,
        figure => {
            let (value, unit) = figure.split_once(' ').unwrap_or_else(|| panic!("no unit in {line:?}"));
            let value = value.parse().unwrap_or_else(|_| panic!("bad value in {line:?}"));
            Expect::Figure(value, unit.trim().to_owned())
        }
    };
    Some(Probe { question: question.trim().to_owned(), expect, known_miss })
}

/// A knowledge base over the articles of probe set `set`.
fn knowledge_base(set: &Path) -> (TempCorpus, KnowledgeBase) {
    let t = TempCorpus::holding(set);
    let mut config = Config::new(t.corpus(), t.index());
    config.today = Some(jiff::civil::date(ASKED_ON.0, ASKED_ON.1, ASKED_ON.2));
    let mut kb = KnowledgeBase::open(config).unwrap();
    kb.sync().unwrap();
    (t, kb)
}

/// Asks every probe of every set; fails listing the misses not marked known.
#[test]
fn probe_sets_answer_as_a_reader_does() {
    let root = data("probes");
    let mut sets: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "questions"))
        .collect();
    sets.sort();
    assert!(!sets.is_empty(), "no probe sets in {}", root.display());
    let (mut asked, mut misses, mut mended) = (0, Vec::new(), Vec::new());
    for file in &sets {
        let set = file.with_extension("");
        let (_t, kb) = knowledge_base(&set);
        let name = set.file_name().unwrap().to_string_lossy().into_owned();
        for probe in std::fs::read_to_string(file).unwrap().lines().filter_map(parse) {
            asked += 1;
            let answer = kb.ask(&probe.question).unwrap();
            let best = answer.best().map(|b| (b.fact.value, b.fact.unit.to_string()));
            let right = match (&probe.expect, &best) {
                (Expect::Nothing, None) => true,
                (Expect::Figure(v, u), Some((got, unit))) => unit == u && (got - v).abs() <= TOLERANCE * v.abs(),
                _ => false,
            };
            let line = format!("[{name}] {} => {:?}, got {best:?}", probe.question, probe.expect);
            match (right, probe.known_miss) {
                (false, false) => misses.push(line),
                (true, true) => mended.push(line),
                _ => {}
            }
        }
    }
    if !mended.is_empty() {
        eprintln!("known misses now right (drop their '?'):\n{}", mended.join("\n"));
    }
    assert!(asked > 0);
    assert!(misses.is_empty(), "{} of {asked} probes missed:\n{}", misses.len(), misses.join("\n"));
}

#[test]
fn a_probe_line_reads_its_question_answer_and_mark() {
    let p = parse("? heroin seized in Chile => 12.5 kg").unwrap();
    assert!(p.known_miss);
    assert_eq!(p.question, "heroin seized in Chile");
    assert!(matches!(p.expect, Expect::Figure(v, ref u) if v == 12.5 && u == "kg"));
    let p = parse("cocaine seized in Serbia => none").unwrap();
    assert!(!p.known_miss && matches!(p.expect, Expect::Nothing));
    assert!(parse("# a comment").is_none() && parse("  ").is_none());
}
