//! Integration tests: one binary for every end-to-end check.

mod util;

// The corpus generator of examples/generate.rs.
#[allow(dead_code)]
#[path = "../../examples/generate.rs"]
mod generate;

// The binary end to end: ask, facts, ingest, exit codes, freshness, locks.
mod cli;
// Fact filters and formats, timeline, colour, completions, man page.
mod export;
// JSON field names and types against shared/CONTRACT.md.
mod contract;
// Odd input files and hostile questions.
mod inputs;
// SIGKILL during ingest, concurrent ingests: the index always opens, consistent.
mod crash;
// A generated corpus: planted facts found, nothing spurious.
mod generated;
// The seed articles against their gold facts and questions.
mod gold;
// One test per fixed bug, named after its issue.
mod regression;
// Probe sets of unseen regions and styles, asked as a reader would.
mod probes;
// Ranking on a purpose-built corpus: duplicates, disagreements, contradictions, aggregates.
mod ranking;
// Byte spans: file[start..end] == text for every fact, on seeds and generated text.
mod spans;
// Layering and library hygiene.
mod tidy;
// Index upkeep: small segments merged after a large sync.
mod upkeep;
