//! The text analyzer registered on every open: numbers stay whole ("1,648.104"
//! is one token), words are lower-cased, folded to ASCII and stemmed.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RegexTokenizer, RemoveLongFilter, Stemmer, TextAnalyzer,
};

/// Name under which the analyzer is registered.
pub const ANALYZER: &str = "narcofacts";

/// The analyzer, built once per process (its regex compiles once) and cloned.
pub fn shared() -> TextAnalyzer {
    static ONCE: std::sync::OnceLock<TextAnalyzer> = std::sync::OnceLock::new();
    ONCE.get_or_init(build).clone()
}

/// Builds the analyzer.
///
/// # Panics
/// Never: the pattern is a constant that the tests compile.
pub fn build() -> TextAnalyzer {
    let tokenizer =
        RegexTokenizer::new(r"\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*").expect("constant pattern");
    TextAnalyzer::builder(tokenizer)
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// The analyzer's terms for `text`, in order. The analyzer is built once per
/// process (its regex compiles once).
pub fn terms(text: &str) -> Vec<String> {
    let mut analyzer = shared();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(t) = stream.next() {
        out.push(t.text.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_stay_whole_and_words_are_stemmed() {
        assert_eq!(terms("Seized 1,648.104 kg of Heroin"), ["seiz", "1,648.104", "kg", "of", "heroin"]);
        assert_eq!(terms("Azərbaycan"), ["azarbaycan"]);
    }
}
