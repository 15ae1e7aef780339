//! Whatever a scraper leaves behind: every odd file is indexed or skipped with
//! its name and the reason, never a panic, and the rest still indexes. Each
//! case has its own purpose-made file.

use std::collections::BTreeMap;
use std::path::Path;

use narcofacts::{Config, KnowledgeBase};

use crate::util::TempCorpus;

const SEIZURE: &str =
    "Customs officers in Azerbaijan seized 260 kilograms of heroin at the Astara checkpoint in July 2018.";

fn long() -> bool {
    std::env::var_os("NARCOFACTS_LONG").is_some()
}

fn write_bytes(t: &TempCorpus, name: &str, bytes: &[u8]) {
    let path = t.corpus().join(name);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("dir");
    }
    std::fs::write(path, bytes).expect("write");
}

/// Facts of the index as JSON lines, grouped by file.
fn facts_by_doc(t: &TempCorpus) -> BTreeMap<String, Vec<serde_json::Value>> {
    let mut out: BTreeMap<String, Vec<serde_json::Value>> = BTreeMap::new();
    for f in t.run(&["facts", "--json"]).expect_code(0).json_lines() {
        out.entry(f["doc"].as_str().expect("doc").to_owned()).or_default().push(f);
    }
    out
}

/// The one fact of `doc`, checking that its byte range in the file decodes
/// (with `encoding`) to the fact's text.
fn only_fact(
    facts: &BTreeMap<String, Vec<serde_json::Value>>,
    t: &TempCorpus,
    doc: &str,
    encoding: &'static encoding_rs::Encoding,
) -> serde_json::Value {
    let list = facts.get(doc).unwrap_or_else(|| panic!("no facts for {doc}: {facts:?}"));
    assert_eq!(list.len(), 1, "{doc}: {list:?}");
    let f = list[0].clone();
    let bytes = std::fs::read(t.corpus().join(doc)).expect("read");
    let (s, e) = (f["start"].as_u64().unwrap() as usize, f["end"].as_u64().unwrap() as usize);
    let (text, _) = encoding.decode_without_bom_handling(&bytes[s..e]);
    assert_eq!(text, f["text"].as_str().unwrap(), "{doc}: bytes {s}..{e}");
    f
}

#[test]
fn odd_files_are_indexed_or_skipped_with_a_reason() {
    let t = TempCorpus::new();
    write_bytes(&t, "empty.txt", b"");
    write_bytes(&t, "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0");
    write_bytes(&t, "archive.html", b"PK\x03\x04\x14\0\0\0\x08\0\0\0!\0");
    write_bytes(&t, "photo.jpg", b"\xFF\xD8\xFF\xE0\0\x10JFIF");
    write_bytes(&t, "notes.docx", b"PK\x03\x04");
    // Damaged UTF-8: one stray byte in otherwise UTF-8 text.
    let mut damaged = "Police in São Paulo seized 12 kg of cocaine in 2023. ".as_bytes().to_vec();
    damaged.push(0xFF);
    damaged.extend_from_slice(b" The suspects were detained.");
    write_bytes(&t, "damaged.txt", &damaged);
    write_bytes(&t, "bom.txt", format!("\u{FEFF}{SEIZURE}").as_bytes());
    let mut le = vec![0xFF, 0xFE];
    le.extend(SEIZURE.encode_utf16().flat_map(u16::to_le_bytes));
    write_bytes(&t, "utf16le.txt", &le);
    let mut be = vec![0xFE, 0xFF];
    be.extend(SEIZURE.encode_utf16().flat_map(u16::to_be_bytes));
    write_bytes(&t, "utf16be.txt", &be);
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(
        "Police in São Paulo seized 2.5 tonnes of cocaine in 2022, the Polícia Federal said. The café was raided.",
    );
    write_bytes(&t, "cp1252.txt", &cp1252);
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(
        "Таможня Казахстана сообщила об изъятии героина. Customs officers in Kazakhstan seized 40 kilograms of heroin in 2021.",
    );
    write_bytes(&t, "cp1251.txt", &cp1251);
    write_bytes(
        &t,
        "crlf.txt",
        b"Kenya report\r\n\r\nPolice in Kenya seized 95 kilograms of heroin in Nairobi in 2023.\r\nNo arrests.\r\n",
    );
    write_bytes(
        &t,
        "cr.txt",
        b"Kenya report\r\rPolice in Kenya seized 45 kilograms of hashish in Nairobi in 2022.\rNo arrests.\r",
    );
    let nested = format!(
        "<html><body>{}<p>Police in Afghanistan seized 7 kg of opium in Kabul in 2020.</p>{}<p>unclosed <b><i>&amp; more",
        "<div>".repeat(if long() { 100_000 } else { 20_000 }),
        "</span>".repeat(5_000)
    );
    write_bytes(&t, "nested.html", nested.as_bytes());
    write_bytes(
        &t,
        "script.html",
        b"<html><head><style>p{color:red} .x{content:\"99 kg of heroin\"}</style>\
          <script>var s = \"Police seized 5000 kg of cocaine in 2020\";</script></head>\
          <body><p>Police in Peru seized 40 kg of cocaine in Lima in 2021.</p>\
          <script>document.write('3000 tonnes of heroin')</script></body></html>",
    );
    let odd_name = "sub dir/it's \"quoted\" – ünïcödé.md";
    write_bytes(&t, odd_name, b"# Texas\n\nThe DEA seized 300 pounds of methamphetamine in Texas in 2022.");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("/etc/hostname", t.corpus().join("outside.txt")).expect("symlink");
        std::os::unix::fs::symlink("loop.txt", t.corpus().join("loop.txt")).expect("symlink");
        std::os::unix::fs::symlink(".", t.corpus().join("self")).expect("symlink");
        let ok = std::process::Command::new("mkfifo").arg(t.corpus().join("pipe.txt")).status();
        assert!(ok.is_ok_and(|s| s.success()), "mkfifo");
    }

    let run = t.run(&["ingest"]);
    run.expect_code(0);
    let err = run.stderr();
    for (name, reason) in [
        ("empty.txt", "empty"),
        ("image.txt", "binary"),
        ("archive.html", "binary"),
        ("photo.jpg", "not a .txt, .md or .html file"),
        ("notes.docx", "not a .txt, .md or .html file"),
        ("outside.txt", "symbolic link"),
        ("loop.txt", "symbolic link"),
        ("self", "symbolic link"),
        ("pipe.txt", "not a regular file"),
    ] {
        assert!(
            err.lines().any(|l| l.contains(&format!("{name}: skipped: ")) && l.contains(reason)),
            "{name} should be skipped ({reason}):\n{err}"
        );
    }
    assert!(err.contains("damaged.txt: invalid UTF-8 at byte 54"), "{err}");
    assert!(err.contains("cp1252.txt: not UTF-8") && err.contains("windows-1252"), "{err}");
    assert!(err.contains("cp1251.txt: not UTF-8") && err.contains("windows-1251"), "{err}");
    assert!(err.contains("9 skipped"), "{err}");

    let facts = facts_by_doc(&t);
    let utf8 = encoding_rs::UTF_8;
    assert_eq!(only_fact(&facts, &t, "damaged.txt", utf8)["value"], 12.0);
    let f = only_fact(&facts, &t, "bom.txt", utf8);
    assert_eq!((f["value"].as_f64(), f["substance"].as_str()), (Some(260.0), Some("heroin")));
    assert_eq!(only_fact(&facts, &t, "utf16le.txt", encoding_rs::UTF_16LE)["value"], 260.0);
    assert_eq!(only_fact(&facts, &t, "utf16be.txt", encoding_rs::UTF_16BE)["value"], 260.0);
    let f = only_fact(&facts, &t, "cp1252.txt", encoding_rs::WINDOWS_1252);
    assert_eq!((f["value"].as_f64(), f["place"].as_str()), (Some(2500.0), Some("Brazil")));
    let f = only_fact(&facts, &t, "cp1251.txt", encoding_rs::WINDOWS_1251);
    assert_eq!((f["value"].as_f64(), f["place"].as_str()), (Some(40.0), Some("Kazakhstan")));
    assert_eq!(only_fact(&facts, &t, "crlf.txt", utf8)["value"], 95.0);
    assert_eq!(only_fact(&facts, &t, "cr.txt", utf8)["value"], 45.0);
    assert_eq!(only_fact(&facts, &t, "nested.html", utf8)["value"], 7.0);
    // Script and style text is never indexed: only the paragraph's figure.
    assert_eq!(only_fact(&facts, &t, "script.html", utf8)["value"], 40.0);
    let v = t.run(&["ask", "cocaine seized in 2020", "--json"]).expect_code(0).json();
    assert!(!v.to_string().contains("5000"), "script text answered: {v}");
    let f = only_fact(&facts, &t, odd_name, utf8);
    assert_eq!(f["unit"], "kg");
    for skipped in ["empty.txt", "image.txt", "archive.html", "outside.txt"] {
        assert!(!facts.contains_key(skipped), "{skipped}");
    }
    // The odd name round-trips through `show` and `sources`.
    let shown = t.run(&["show", odd_name]);
    assert!(shown.expect_code(0).stdout().contains("300 pounds"));
    assert!(t.run(&["sources"]).expect_code(0).stdout().contains(odd_name));
}

#[test]
fn an_unreadable_file_is_skipped_and_the_rest_indexed() {
    let t = TempCorpus::new();
    t.write("good.txt", SEIZURE);
    t.write("locked.txt", SEIZURE);
    let locked = t.corpus().join("locked.txt");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    }
    let run = t.run(&["ingest"]);
    run.expect_code(0);
    if std::fs::read(&locked).is_ok() {
        // Running as root: permissions do not stop reading; nothing to check.
        eprintln!("locked.txt is readable here (root?): the permission case is not exercised");
        return;
    }
    assert!(run.stderr().contains("locked.txt: skipped:"), "{}", run.stderr());
    assert!(run.stderr().contains("ermission denied"), "{}", run.stderr());
    let facts = facts_by_doc(&t);
    assert!(facts.contains_key("good.txt") && !facts.contains_key("locked.txt"));
}

/// Writes a file of `size` bytes: the seizure sentence, then filler text
/// (one line when `one_line`), without building it in memory at once.
fn write_big(path: &Path, size: usize, one_line: bool) {
    use std::io::Write;
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).expect("create"));
    writeln!(f, "{SEIZURE}\n").expect("write");
    let filler: &[u8] = if one_line {
        b"The report lists routes, ports and markets across the region without figures. "
    } else {
        b"The report lists routes, ports and markets across the region without figures.\n\n"
    };
    let mut written = SEIZURE.len() + 2;
    while written < size {
        f.write_all(filler).expect("write");
        written += filler.len();
    }
}

#[test]
fn huge_files_and_long_lines_are_read_in_bounded_memory() {
    let t = TempCorpus::new();
    let (big, line) = if long() { (200 << 20, 50 << 20) } else { (20 << 20, 3 << 20) };
    write_big(&t.corpus().join("big.txt"), big, false);
    write_big(&t.corpus().join("line.txt"), line, true);
    let run = t.run(&["ingest"]);
    run.expect_code(0);
    assert!(run.stderr().contains("big.txt: file is"), "{}", run.stderr());
    assert!(run.stderr().contains("only its first 16 MB were read"), "{}", run.stderr());
    let facts = facts_by_doc(&t);
    assert_eq!(facts["big.txt"].len(), 1);
    assert_eq!(facts["line.txt"].len(), 1);
    assert_eq!(facts["big.txt"][0]["value"], 260.0);
}

#[test]
fn files_deleted_or_changed_during_an_ingest_are_handled() {
    let t = TempCorpus::new();
    crate::generate::generate(t.dir.path(), 300, 3).expect("generate");
    let child = t
        .command(&["ingest", "--threads", "1"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    // Once it has started: delete every third file from the end, rewrite others.
    let started = std::time::Instant::now();
    while !t.index().join("meta.json").exists() && started.elapsed().as_secs() < 30 {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let mut names: Vec<String> = std::fs::read_dir(t.corpus())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut rewritten = 0;
    for (i, name) in names.iter().rev().enumerate() {
        match i % 3 {
            0 => t.remove(name),
            1 => {
                t.write(name, "Police in Ghana seized 3 kilograms of cocaine in Accra in 2024.");
                rewritten += 1;
            }
            _ => {}
        }
    }
    let mut child = child;
    let overlapped = child.try_wait().expect("wait").is_none();
    eprintln!("the files changed {} the ingest ran", if overlapped { "while" } else { "after" });
    let out = child.wait_with_output().expect("ingest");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // The next ingest brings the index in step with what is on disk.
    t.run(&["ingest"]).expect_code(0);
    let kb = KnowledgeBase::open(Config::new(t.corpus(), t.index())).expect("open");
    let docs = kb.documents().expect("documents");
    let on_disk = std::fs::read_dir(t.corpus()).expect("list").count();
    assert_eq!(docs.len(), on_disk);
    for d in &docs {
        let bytes = std::fs::read(t.corpus().join(&d.record.name)).expect("read");
        assert_eq!(d.record.hash, narcofacts::corpus::content_hash(&bytes), "{} is stale", d.record.name);
    }
    let facts = kb.facts().expect("facts");
    let ghana = facts.iter().filter(|f| f.place.as_deref() == Some("Ghana")).count();
    assert_eq!(ghana, rewritten);
}

#[test]
fn many_tiny_files() {
    let t = TempCorpus::new();
    let n = if long() { 100_000 } else { 2_000 };
    for i in 0..n {
        let dir = t.corpus().join(format!("d{:03}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&dir).expect("dir");
        }
        std::fs::write(
            dir.join(format!("{i}.txt")),
            format!("Police seized {} kilograms of cannabis in Ghana in {}.", i % 97 + 1, 2000 + i % 25),
        )
        .expect("write");
    }
    let mut kb = KnowledgeBase::open(Config::new(t.corpus(), t.index())).expect("open");
    let report = kb.sync().expect("sync");
    assert_eq!(report.added.len(), n);
    assert_eq!(kb.documents().expect("documents").len(), n);
    // One change among them is one file's work.
    std::fs::write(t.corpus().join("d001/1500.txt"), "Police seized 5 tonnes of cannabis in Ghana in 2030.")
        .expect("write");
    let report = kb.sync().expect("sync");
    assert_eq!((report.changed.len(), report.unchanged), (1, n - 1));
    let answer = kb.ask("cannabis seized in Ghana 2030").expect("ask");
    assert_eq!(answer.answers[0].fact.value, 5000.0);
}

#[test]
fn hostile_and_odd_questions_are_answered_or_refused_cleanly() {
    let t = TempCorpus::seeds();
    let mut kb = KnowledgeBase::open(Config::new(t.corpus(), t.index())).expect("open");
    kb.sync().expect("sync");
    for empty in ["", "   ", "?!.,;:", "\u{1}\u{2}\u{7f}"] {
        let err = kb.ask(empty).expect_err("refused");
        assert!(err.to_string().contains("no words"), "{err}");
    }
    let long_question = "heroin customs ".repeat(7_000);
    let odd = [
        long_question.as_str(),
        "heroin AND \"customs",
        "title:heroin* ~2 +cocaine -(x) OR [1 TO 5] ^3",
        "\u{1}heroin\u{7f} seized\tby\ncustoms 2021",
        "героин изъятый таможней в 2021 году",
        "海洛因 2021",
        "هيروين",
        "🙂 heroin 🙂",
        "9999999999999999999999999 kg",
        "heroin 0000 -1 1e309",
    ];
    for q in odd {
        kb.ask(q).unwrap_or_else(|e| panic!("{q:.40}: {e}"));
    }
    // Query syntax is read as words: the fact is still found.
    let a = kb.ask("heroin AND \"customs 2021").expect("ask");
    assert_eq!(a.answers[0].fact.value, 903.454);
    // Through the binary: a refusal is exit 2 with the reason, the rest exit 0.
    let run = t.run(&["ask", "?!"]);
    run.expect_code(2);
    assert!(run.stderr().contains("no words"), "{}", run.stderr());
    t.run(&["ask", "title:heroin* ~2", "--json"]).expect_code(0).json();
}

#[test]
fn nothing_is_read_or_written_outside_the_corpus_and_the_index() {
    let t = TempCorpus::seeds();
    std::fs::write(t.dir.path().join("secret.txt"), "secret").expect("write");
    let before = listing(t.dir.path());
    t.run(&["ingest"]).expect_code(0);
    let after = listing(t.dir.path());
    let outside: Vec<&String> = after.iter().filter(|p| !before.contains(*p) && !p.starts_with("index")).collect();
    assert!(outside.is_empty(), "written outside the index: {outside:?}");
    for name in ["../secret.txt", "/etc/hostname", "corpus/../../secret.txt", ""] {
        let run = t.run(&["show", name]);
        run.expect_code(2);
        assert!(!run.stdout().contains("secret"), "{name}");
    }
}

fn listing(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(dir).min_depth(1) {
        let e = e.expect("entry");
        out.push(e.path().strip_prefix(dir).expect("prefix").to_string_lossy().into_owned());
    }
    out.sort();
    out
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: if long() { 20_000 } else { 256 },
        ..proptest::prelude::ProptestConfig::default()
    })]

    /// The question parser on arbitrary text (the cargo-fuzz target
    /// `question` runs the same check for longer): no panic.
    #[test]
    fn arbitrary_questions_never_panic(q in "\\PC{0,300}") {
        static LEX: std::sync::OnceLock<narcofacts::lexicon::Lexicon> = std::sync::OnceLock::new();
        let lex = LEX.get_or_init(|| narcofacts::lexicon::Lexicon::builtin().expect("lexicon"));
        let (question, _) = narcofacts::query::parse(&q, lex, Some(jiff::civil::date(2026, 1, 1)));
        let _ = question.summary();
    }
}
