//! Cleaning (decoding, HTML to text, furniture) on arbitrary bytes: no panic,
//! and every block maps back inside the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use narcofacts::corpus::{Format, RawDoc};
use narcofacts::lexicon::Lexicon;

fuzz_target!(|data: &[u8]| {
    static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    let lex = LEX.get_or_init(|| Lexicon::builtin().expect("built-in lexicon"));
    for format in [Format::Html, Format::Text] {
        let raw = RawDoc { name: "f".into(), format, bytes: data.to_vec() };
        let (doc, _) = narcofacts::clean::clean(&raw, lex);
        for b in &doc.blocks {
            let orig = doc.map.to_original(b.span);
            assert!(orig.end <= data.len());
            assert!(doc.text.get(b.span.start..b.span.end).is_some());
        }
    }
});
