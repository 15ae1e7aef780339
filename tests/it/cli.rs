//! The binary end to end.

use crate::util::{Run, TempCorpus};

#[test]
fn heroin_by_customs_2021_is_answered_from_the_interview() {
    let t = TempCorpus::seeds();
    let run = t.run(&["ask", "heroin seized by customs 2021", "--json"]);
    run.expect_code(0);
    let v = run.json();
    let best = &v["answers"][0];
    assert_eq!(best["doc"], "001_2586f2b13f1ad233.txt");
    assert_eq!(best["value"], 903.454);
    assert_eq!(best["unit"], "kg");
    assert_eq!(best["agent"], "customs");
    let bytes = std::fs::read(t.corpus().join("001_2586f2b13f1ad233.txt")).unwrap();
    let (s, e) = (best["start"].as_u64().unwrap() as usize, best["end"].as_u64().unwrap() as usize);
    assert_eq!(&bytes[s..e], b"903 kg 454 grams");
}

#[test]
fn human_output_leads_with_the_fact_and_its_source() {
    let t = TempCorpus::seeds();
    let run = t.run(&["ask", "heroin seized by customs 2021"]);
    run.expect_code(0);
    let out = run.stdout();
    let first = out.lines().next().unwrap_or("");
    assert!(first.starts_with("903.454 kg heroin — seizure by customs, Azerbaijan, 2021-01..2021-09"), "{out}");
    assert!(out.contains("[903 kg 454 grams]"), "{out}");
    assert!(out.contains("001_2586f2b13f1ad233.txt:"), "{out}");
    assert!(out.contains("date not stated"), "{out}");
}

#[test]
fn no_answer_is_an_empty_list_and_exit_zero() {
    let t = TempCorpus::seeds();
    let run = t.run(&["ask", "cocaine seized in Kazakhstan 2022", "--json"]);
    run.expect_code(0);
    assert_eq!(run.json()["answers"], serde_json::json!([]));
    let run = t.run(&["ask", "cocaine seized in Kazakhstan 2022"]);
    assert!(run.stdout().starts_with("Not found in the corpus."), "{}", run.stdout());
}

#[test]
fn edits_reach_the_next_question_without_a_manual_step() {
    let t = TempCorpus::new();
    t.write("a.txt", "Police in Kenya seized 120 kilograms of cocaine at the port of Mombasa in 2023, officials said.");
    let ask = |t: &TempCorpus| t.run(&["ask", "cocaine seized in Kenya 2023", "--json"]).expect_code(0).json();
    assert_eq!(ask(&t)["answers"][0]["value"], 120.0);
    t.write("a.txt", "Police in Kenya seized 340 kilograms of cocaine at the port of Mombasa in 2023, officials said.");
    assert_eq!(ask(&t)["answers"][0]["value"], 340.0);
    t.write("b.txt", "Kenyan police seized 95 kilograms of heroin in Nairobi in 2023, the report said.");
    let v = t.run(&["ask", "heroin seized in Kenya 2023", "--json"]).expect_code(0).json();
    assert_eq!(v["answers"][0]["doc"], "b.txt");
    t.remove("a.txt");
    assert_eq!(ask(&t)["answers"], serde_json::json!([]));
}

#[test]
fn facts_lists_every_fact_as_json_lines() {
    let t = TempCorpus::seeds();
    let run = t.run(&["facts", "--json"]);
    run.expect_code(0);
    let facts = run.json_lines();
    assert!(facts.len() >= 70, "{}", facts.len());
    assert!(facts.iter().all(|f| f["doc"].is_string() && f["value"].is_number()));
}

#[test]
fn ingest_says_what_changed() {
    let t = TempCorpus::seeds();
    let run = t.run(&["ingest"]);
    run.expect_code(0);
    assert!(run.stderr().contains("5 added"), "{}", run.stderr());
    let run = t.run(&["ingest"]);
    assert!(run.stderr().contains("0 added, 0 changed, 0 removed, 5 unchanged"), "{}", run.stderr());
    let run = t.run(&["ingest", "--rebuild"]);
    run.expect_code(0);
    assert!(run.stderr().contains("5 added"), "{}", run.stderr());
}

#[test]
fn errors_exit_two_with_a_message() {
    let t = TempCorpus::new();
    let run = Run::new(t.dir.path(), &["ask".into(), "x".into(), "--corpus".into(), "nowhere".into()]);
    run.expect_code(2);
    assert!(run.stderr().contains("nowhere"), "{}", run.stderr());
    assert!(run.stdout().is_empty());
    // An index folder that holds other things is refused, and left alone.
    std::fs::write(t.corpus().join("a.txt"), "text").unwrap();
    let run = Run::new(
        t.dir.path(),
        &["facts".into(), "--corpus".into(), "corpus".into(), "--index".into(), "corpus".into()],
    );
    run.expect_code(2);
    assert!(run.stderr().contains("not a narcofacts index"), "{}", run.stderr());
    assert!(t.corpus().join("a.txt").exists());
}

#[test]
fn help_and_version_touch_nothing() {
    let t = TempCorpus::new();
    for flag in ["--help", "--version"] {
        let run = Run::new(t.dir.path(), &[flag.into()]);
        run.expect_code(0);
        assert!(!t.dir.path().join("index").exists());
    }
    let run = Run::new(t.dir.path(), &["ask".into(), "--help".into()]);
    assert!(run.stdout().contains("Examples:"));
}

#[test]
fn a_held_writer_lock_leaves_answers_read_only() {
    let t = TempCorpus::seeds();
    t.run(&["ingest"]).expect_code(0);
    t.write("new.txt", "Customs officers seized 77 kilograms of opium in Baku in 2022, the committee said.");
    let (index, _) = narcofacts::index::Index::open(&t.index()).unwrap();
    let writer = index.writer(1, 20_000_000).unwrap();
    let run = t.run(&["ask", "heroin seized by customs 2021", "--json"]);
    run.expect_code(0);
    assert!(run.stderr().contains("another process"), "{}", run.stderr());
    assert_eq!(run.json()["answers"][0]["value"], 903.454);
    let run = t.run(&["ingest"]);
    run.expect_code(2);
    assert!(run.stderr().contains("being updated by another process"), "{}", run.stderr());
    drop(writer);
    let v = t.run(&["ask", "opium seized by customs 2022", "--json"]).expect_code(0).json();
    assert_eq!(v["answers"][0]["value"], 77.0);
}

#[test]
fn the_manifest_read_from_fast_fields_matches_the_stored_records() {
    let t = TempCorpus::seeds();
    std::fs::create_dir_all(t.corpus().join("sub dir")).unwrap();
    t.write("sub dir/ünïcode name.txt", "Police seized 12 kilograms of cocaine in Lima in 2023.");
    t.run(&["ingest"]).expect_code(0);
    // A second commit, so the manifest spans segments.
    t.write("later.txt", "Customs officers seized 77 kilograms of opium in Baku in 2022.");
    t.run(&["ingest"]).expect_code(0);
    let (index, _) = narcofacts::index::Index::open(&t.index()).unwrap();
    let stored: Vec<_> = index.files().unwrap().into_iter().map(|f| f.record).collect();
    assert_eq!(stored.len(), 7);
    assert_eq!(index.records().unwrap(), stored);
}

#[test]
fn a_running_watcher_indexes_edits_and_vouches_for_the_index() {
    use std::io::BufRead;
    let t = TempCorpus::new();
    t.write("a.txt", "Police in Kenya seized 120 kilograms of cocaine at the port of Mombasa in 2023, officials said.");
    let mut watcher = t
        .command(&["watch", "--json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start the watcher");
    let mut reports = std::io::BufReader::new(watcher.stdout.take().expect("stdout")).lines();
    // The first sync's report: the watcher is up.
    let first: serde_json::Value = serde_json::from_str(&reports.next().expect("a report").expect("a line")).unwrap();
    assert_eq!(first["added"], serde_json::json!(["a.txt"]));
    t.write("b.txt", "Kenyan police seized 95 kilograms of heroin in Nairobi in 2023, the report said.");
    let run = t.run(&["ask", "heroin seized in Kenya 2023", "--json"]);
    let answer = run.expect_code(0).json();
    // The watcher indexed b.txt before vouching; the command did not sync itself.
    assert_eq!(answer["answers"][0]["doc"], "b.txt");
    assert!(!run.stderr().contains("added"), "{}", run.stderr());
    let second: serde_json::Value = serde_json::from_str(&reports.next().expect("a report").expect("a line")).unwrap();
    assert_eq!(second["added"], serde_json::json!(["b.txt"]));
    // A second watcher on the same index is refused.
    t.run(&["watch"]).expect_code(2);
    watcher.kill().expect("stop the watcher");
    watcher.wait().expect("stopped");
    // Without it, commands check the corpus themselves again.
    t.remove("a.txt");
    let run = t.run(&["ask", "cocaine seized in Kenya 2023", "--json"]);
    assert_eq!(run.expect_code(0).json()["answers"], serde_json::json!([]));
}
