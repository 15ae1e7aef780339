//! The whole pipeline on arbitrary bytes as a text article: no panic, and
//! every fact's span lies inside the file and its sentence.
#![no_main]

use libfuzzer_sys::fuzz_target;
use narcofacts::corpus::{manifest::FileRecord, Format, RawDoc};
use narcofacts::lexicon::Lexicon;

fuzz_target!(|data: &[u8]| {
    static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    let lex = LEX.get_or_init(|| Lexicon::builtin().expect("built-in lexicon"));
    for name in ["f.txt", "f.md"] {
        let raw = RawDoc { name: name.into(), format: Format::from_name(name).unwrap_or(Format::Text), bytes: data.to_vec() };
        let record = FileRecord { name: name.into(), size: data.len() as u64, mtime_ns: 0, hash: 0 };
        let (doc, _) = narcofacts::kb::process(&raw, record, lex);
        for f in &doc.facts {
            assert!(f.span.end <= data.len() && f.sentence_span.contains(f.span));
            if let Ok(text) = std::str::from_utf8(data) {
                assert_eq!(&text[f.span.start..f.span.end], f.text);
            }
        }
    }
});
