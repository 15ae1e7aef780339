//! Spans are sacred: for every fact, `file[start..end] == text`, the offsets
//! sit on character boundaries, and the sentence encloses the quantity.

use narcofacts::corpus::{manifest::FileRecord, Format, RawDoc};
use narcofacts::kb::process;
use narcofacts::lexicon::Lexicon;
use proptest::prelude::*;

use crate::util::data;

fn lexicon() -> &'static Lexicon {
    static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEX.get_or_init(|| Lexicon::builtin().unwrap())
}

fn check_file(name: &str, bytes: &[u8]) {
    let raw =
        RawDoc { name: name.into(), format: Format::from_name(name).unwrap_or(Format::Text), bytes: bytes.to_vec() };
    let record = FileRecord { name: name.into(), size: bytes.len() as u64, mtime_ns: 0, hash: 0 };
    let (doc, _) = process(&raw, record, lexicon());
    let text = std::str::from_utf8(bytes).ok();
    for f in &doc.facts {
        assert!(f.span.start <= f.span.end && f.span.end <= bytes.len(), "{name}: span {:?} out of the file", f.span);
        assert!(
            f.sentence_span.contains(f.span),
            "{name}: sentence {:?} does not enclose {:?}",
            f.sentence_span,
            f.span
        );
        if let Some(text) = text {
            if raw.format != Format::Html {
                assert!(
                    text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end),
                    "{name}: {:?}",
                    f.span
                );
                assert_eq!(&text[f.span.start..f.span.end], f.text, "{name}");
                assert_eq!(&text[f.sentence_span.start..f.sentence_span.end], f.sentence, "{name}");
            }
        }
    }
}

#[test]
fn seed_spans_are_exact() {
    for e in std::fs::read_dir(data("seeds")).unwrap() {
        let e = e.unwrap();
        check_file(&e.file_name().to_string_lossy(), &std::fs::read(e.path()).unwrap());
    }
}

const FRAGMENTS: &[&str] = &[
    "Police seized 443 kg of heroin in Baku in 2024.",
    "Customs officers confiscated over 1.5 tons of cocaine, officials said.",
    "Of these, 903 kg 454 grams are heroin, 505 kg 593 grams are opium.",
    "The haul was worth $1.1–2.1bn according to UNODC.",
    "In the first half of 2024, 2,844 kg of drugs were seized",
    "just over\n\n630 tons of opium – in 2017.",
    "About 20 percent of the border remains uncontrolled.",
    "1.8k Views 7 Min Read",
    "You Might Also Like",
    "  • Home\n  • News",
    "Émile Ça 5 ½ kg — naïve café 12 µg “quoted” ‘single’",
    "三 千 公斤 海洛因 2023 年",
    "₼115.7 million and ₹5 crore and Rs. 10 lakh.",
    "\u{feff}BOM text 5 kg.",
    "Iran's Anti-Narcotics Police seized 45 tons of heroin and morphine.",
    "—",
    "...",
    "12.09.2019",
    "",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: if std::env::var("NARCOFACTS_LONG").is_ok() { 20_000 } else { 256 }, .. ProptestConfig::default() })]

    #[test]
    fn generated_articles_keep_exact_spans(parts in prop::collection::vec((0..FRAGMENTS.len(), prop::sample::select(vec![" ", "\n", "\n\n", "\r\n", ""])), 0..30)) {
        let mut text = String::new();
        for (i, sep) in parts {
            text.push_str(FRAGMENTS[i]);
            text.push_str(sep);
        }
        check_file("gen.txt", text.as_bytes());
        check_file("gen.md", text.as_bytes());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        check_file("any.txt", &bytes);
        check_file("any.html", &bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,600}") {
        check_file("any.txt", text.as_bytes());
    }
}
