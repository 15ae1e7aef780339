//! Index upkeep: a large sync merges the tail of small segments it leaves,
//! and answers the same as before.

use narcofacts::{Config, KnowledgeBase};

use crate::util::TempCorpus;

/// The seeds and, first, a long report of plain sentences: with a commit
/// after every file, one large segment and a tail of small ones.
fn skewed() -> TempCorpus {
    let t = TempCorpus::seeds();
    let big: String = (0..600)
        .map(|i| format!("Customs officers seized {} kg of heroin in Baku in {}.\n\n", 10 + i, 2000 + i % 25))
        .collect();
    t.write("0-report.txt", &big);
    t
}

/// Syncs with a commit after every file and the given compaction threshold:
/// (segments under an eighth of the largest, every fact as JSON).
fn sync(t: &TempCorpus, compact_bytes: u64) -> (usize, Vec<String>) {
    let _ = std::fs::remove_dir_all(t.index());
    let config = Config { checkpoint_bytes: 1, compact_bytes, threads: 1, ..Config::new(t.corpus(), t.index()) };
    let mut kb = KnowledgeBase::open(config).expect("open");
    kb.sync().expect("sync");
    let metas = kb.index().tantivy().searchable_segment_metas().expect("segments");
    let largest = metas.iter().map(|m| m.num_docs()).max().unwrap_or(0);
    let small = metas.iter().filter(|m| m.num_docs() * 8 < largest).count();
    let mut facts: Vec<String> =
        kb.facts().expect("facts").iter().map(|f| format!("{} {} {}", f.doc, f.span.start, f.value)).collect();
    facts.sort();
    (small, facts)
}

#[test]
fn a_large_sync_merges_its_small_segments() {
    let t = skewed();
    let (small_kept, facts_kept) = sync(&t, u64::MAX);
    assert!(small_kept >= 2, "the set-up leaves a tail of small segments ({small_kept})");
    let (small, facts) = sync(&t, 0);
    assert!(small <= 1, "{small} small segments left");
    assert_eq!(facts, facts_kept);
    assert!(!facts.is_empty());
}
