//! Crashes and concurrency with real child processes: an ingest killed at
//! random moments always leaves an index that opens, is consistent (every
//! file's facts with its record, nothing half-written) and answers; the next
//! run finishes the job. Two ingests at once: one of them is refused.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use narcofacts::index::Index;
use narcofacts::{Config, KnowledgeBase};

use crate::generate;
use crate::util::TempCorpus;

fn spawn_ingest(t: &TempCorpus, extra: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_narcofacts"))
        .arg("ingest")
        .args(extra)
        .arg("--corpus")
        .arg(t.corpus())
        .arg("--index")
        .arg(t.index())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn narcofacts")
}

/// Opens the index as a reader would and checks it: every fact belongs to a
/// recorded file, every file holds the facts its record counts. Returns the
/// number of files and the facts as (doc, start, value, unit).
fn check_consistent(dir: &Path) -> (usize, Vec<(String, usize, String, String)>) {
    let (index, _) = Index::open(&dir.join("index")).expect("the index opens after a kill");
    let files = index.files().expect("files");
    let facts = index.facts().expect("facts");
    let mut per_doc: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &facts {
        *per_doc.entry(f.doc.as_str()).or_default() += 1;
    }
    for file in &files {
        let n = per_doc.remove(file.record.name.as_str()).unwrap_or(0);
        assert_eq!(n, file.n_facts, "{}: facts indexed vs recorded", file.record.name);
    }
    assert!(per_doc.is_empty(), "facts without a file record: {per_doc:?}");
    let kb = KnowledgeBase::open(Config::new(dir.join("corpus"), dir.join("index"))).expect("open");
    kb.ask("heroin seized by customs").expect("answers from the last complete state");
    let facts =
        facts.into_iter().map(|f| (f.doc, f.span.start, format!("{:.4}", f.value), f.unit.to_string())).collect();
    (files.len(), facts)
}

/// A small deterministic generator of kill delays.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
}

#[test]
fn killed_ingests_leave_a_consistent_index_and_the_next_run_finishes() {
    let reference = TempCorpus::new();
    let articles = 160;
    generate::generate(reference.dir.path(), articles, 5).expect("generate");
    let started = Instant::now();
    reference.run(&["ingest", "--checkpoint-kib", "32", "--threads", "1"]).expect_code(0);
    let full = started.elapsed();
    let (files, expected) = check_consistent(reference.dir.path());
    assert_eq!(files, articles);

    let t = TempCorpus::new();
    generate::generate(t.dir.path(), articles, 5).expect("generate");
    let mut rng = Lcg(20261122);
    let mut outcomes = Vec::new();
    for round in 0..20 {
        // Even rounds throw the index away and start again (kills land in the
        // wipe, the first commit, checkpoints); odd rounds resume.
        let extra: &[&str] = if round % 2 == 0 {
            &["--rebuild", "--checkpoint-kib", "32", "--threads", "1"]
        } else {
            &["--checkpoint-kib", "32", "--threads", "1"]
        };
        let mut child = spawn_ingest(&t, extra);
        let delay = Duration::from_millis(rng.below(full.as_millis() as u64 * 3 / 4 + 1));
        std::thread::sleep(delay);
        let finished = child.try_wait().expect("wait").is_some();
        child.kill().ok();
        let status = child.wait().expect("wait");
        let (files, _) = check_consistent(t.dir.path());
        outcomes.push(format!(
            "round {round:2}: killed after {:4} ms{} → index opens, consistent, {files:3}/{articles} files",
            delay.as_millis(),
            if finished {
                " (had finished)"
            } else if status.success() {
                " (finished)"
            } else {
                ""
            },
        ));
    }
    eprintln!("{}", outcomes.join("\n"));
    t.run(&["ingest"]).expect_code(0);
    let (files, facts) = check_consistent(t.dir.path());
    assert_eq!(files, articles);
    assert_eq!(facts, expected, "after the kills, the finished index holds what a clean ingest does");
}

#[test]
fn a_second_ingest_is_refused_while_one_runs() {
    let t = TempCorpus::new();
    generate::generate(t.dir.path(), 200, 9).expect("generate");
    t.run(&["ingest"]).expect_code(0);
    let mut first = spawn_ingest(&t, &["--rebuild", "--threads", "1"]);
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut refused = None;
    let mut answered_meanwhile = false;
    let mut n = 0;
    while first.try_wait().expect("wait").is_none() && Instant::now() < deadline {
        // A new file each time, so that the second ingest has work to do.
        n += 1;
        t.write(&format!("late{n}.txt"), "Customs officers seized 77 kilograms of opium in Baku in 2022.");
        let second = t.run(&["ingest"]);
        if second.code() == 2 {
            refused = Some(second.stderr());
            let ask = t.run(&["ask", "heroin seized", "--json"]);
            answered_meanwhile = ask.code() == 0 && ask.stderr().contains("another process");
            break;
        }
        second.expect_code(0);
    }
    let out = first.wait_with_output().expect("first ingest");
    match refused {
        // The second ingest met the first holding the index.
        Some(stderr) => {
            eprintln!("the second ingest (try {n}) was refused while the first ran");
            assert!(stderr.contains("being updated by another process"), "{stderr}");
            assert!(answered_meanwhile, "ask answers read-only while an ingest holds the index");
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        }
        // Or the second one took the index first and the first was refused.
        None => {
            eprintln!("the second ingest took the index first; the first was refused");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(stderr.contains("being updated by another process"), "no ingest was refused: {stderr}");
        }
    }
    t.run(&["ingest"]).expect_code(0);
    let (files, _) = check_consistent(t.dir.path());
    assert_eq!(files, 200 + n);
}

/// Ways an index folder can be damaged, each applied to a good index.
fn damage(index: &Path, how: &str) {
    let files: Vec<std::path::PathBuf> =
        std::fs::read_dir(index).expect("list").map(|e| e.expect("entry").path()).collect();
    match how {
        "meta.json is not JSON" => std::fs::write(index.join("meta.json"), "{ not json").expect("write"),
        "meta.json is gone" => std::fs::remove_file(index.join("meta.json")).expect("remove"),
        "segment files are truncated" => {
            for p in files.iter().filter(|p| p.extension().is_some_and(|e| e == "idx" || e == "store")) {
                std::fs::write(p, b"\0\0\0").expect("truncate");
            }
        }
        "segment files are missing" => {
            for p in files.iter().filter(|p| p.extension().is_some_and(|e| e == "term" || e == "fast")) {
                std::fs::remove_file(p).expect("remove");
            }
        }
        "an older schema" => {
            let meta = std::fs::read_to_string(index.join("meta.json")).expect("meta");
            let mut v: serde_json::Value = serde_json::from_str(&meta).expect("json");
            v["payload"] = serde_json::Value::String(r#"{"schema":0,"rules":1}"#.into());
            std::fs::write(index.join("meta.json"), v.to_string()).expect("write");
        }
        "another program's index" => {
            let meta = std::fs::read_to_string(index.join("meta.json")).expect("meta");
            let mut v: serde_json::Value = serde_json::from_str(&meta).expect("json");
            v["payload"] = serde_json::Value::Null;
            std::fs::write(index.join("meta.json"), v.to_string()).expect("write");
        }
        _ => unreachable!("{how}"),
    }
}

#[test]
fn a_damaged_index_is_refused_clearly_or_rebuilt_and_rebuild_always_recovers() {
    let t = TempCorpus::seeds();
    let mut outcomes = Vec::new();
    for how in [
        "meta.json is not JSON",
        "meta.json is gone",
        "segment files are truncated",
        "segment files are missing",
        "an older schema",
        "another program's index",
    ] {
        t.run(&["ingest", "--rebuild"]).expect_code(0);
        damage(&t.index(), how);
        let run = t.run(&["ask", "heroin seized by customs 2021", "--json"]);
        let outcome = match run.code() {
            0 => {
                assert_eq!(run.json()["answers"][0]["value"], 903.454, "{how}");
                "rebuilt automatically, answered".to_owned()
            }
            2 => {
                assert!(run.stderr().contains("narcofacts ingest --rebuild"), "{how}: {}", run.stderr());
                format!("refused: {}", run.stderr().trim())
            }
            code => panic!("{how}: exit {code}\n{}", run.stderr()),
        };
        outcomes.push(format!("{how}: {outcome}"));
        t.run(&["ingest", "--rebuild"]).expect_code(0);
        let v = t.run(&["ask", "heroin seized by customs 2021", "--json"]).expect_code(0).json();
        assert_eq!(v["answers"][0]["value"], 903.454, "{how}: after --rebuild");
    }
    eprintln!("{}", outcomes.join("\n"));
}

#[test]
fn a_folder_of_other_files_is_never_taken_for_an_index() {
    let t = TempCorpus::seeds();
    std::fs::create_dir_all(t.index()).expect("dir");
    std::fs::write(t.index().join("thesis.docx"), "my work").expect("write");
    for args in [&["ask", "heroin"][..], &["ingest", "--rebuild"][..]] {
        let run = t.run(args);
        run.expect_code(2);
        assert!(run.stderr().contains("not a narcofacts index"), "{}", run.stderr());
    }
    assert_eq!(std::fs::read_to_string(t.index().join("thesis.docx")).expect("kept"), "my work");
}
