//! The question parser on arbitrary text: no panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use narcofacts::lexicon::Lexicon;

fuzz_target!(|data: &[u8]| {
    static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    let lex = LEX.get_or_init(|| Lexicon::builtin().expect("built-in lexicon"));
    let q = String::from_utf8_lossy(data);
    let (question, _) = narcofacts::query::parse(&q, lex, Some(jiff::civil::date(2026, 1, 1)));
    let _ = question.summary();
});
