//! The text analyzer registered on every open: numbers stay whole ("1,648.104"
//! is one token), words are lower-cased, folded to ASCII and stemmed.

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

/// Name under which the analyzer is registered.
pub const ANALYZER: &str = "narcofacts";

/// The analyzer, built once per process (its regex compiles once) and cloned.
pub fn shared() -> TextAnalyzer {
    static ONCE: std::sync::OnceLock<TextAnalyzer> = std::sync::OnceLock::new();
    ONCE.get_or_init(build).clone()
}

/// Builds the analyzer.
pub fn build() -> TextAnalyzer {
    TextAnalyzer::builder(WordsAndNumbers::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(CachedStemmer)
        .build()
}

/// English Snowball stemming (the stemmer of tantivy's own `Stemmer`
/// filter, same output) with each analyzer's stems remembered: words repeat
/// so much in news that most tokens are then a hash lookup, not a stemming.
#[derive(Clone, Copy, Default)]
pub struct CachedStemmer;

/// Stems remembered per analyzer before the cache starts over.
const STEM_CACHE: usize = 50_000;

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter { inner, stems: FxHashMap::default() }
    }
}

/// The tokenizer of [`CachedStemmer`]: each clone (one per indexing thread)
/// has its own cache.
#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    inner: T,
    /// Word → its stem (`None`: the word is its own stem).
    stems: FxHashMap<Box<str>, Option<Box<str>>>,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream { tail: self.inner.token_stream(text), stems: &mut self.stems }
    }
}

/// The token stream of [`CachedStemmer`].
pub struct CachedStemmerStream<'a, T> {
    tail: T,
    stems: &'a mut FxHashMap<Box<str>, Option<Box<str>>>,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if !self.stems.contains_key(token.text.as_str()) {
            let stemmer = frostem::Stemmer::new(frostem::Algorithm::English);
            let stem = match stemmer.stem(&token.text) {
                std::borrow::Cow::Owned(s) => Some(s.into_boxed_str()),
                std::borrow::Cow::Borrowed(s) if s != token.text => Some(s.into()),
                std::borrow::Cow::Borrowed(_) => None,
            };
            if self.stems.len() >= STEM_CACHE {
                self.stems.clear();
            }
            self.stems.insert(token.text.as_str().into(), stem);
        }
        if let Some(Some(stem)) = self.stems.get(token.text.as_str()) {
            token.text.clear();
            token.text.push_str(stem);
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// Splits text into numbers, digits with `.` or `,` between them kept whole
/// (`1,648.104`), and words: a letter or mark, then letters, marks and digits
/// (`P6` in `P6.8`). Everything else separates tokens.
#[derive(Clone, Default)]
pub struct WordsAndNumbers {
    token: Token,
}

/// The token stream of [`WordsAndNumbers`].
pub struct WordsAndNumbersStream<'a> {
    text: &'a str,
    at: usize,
    token: &'a mut Token,
}

impl Tokenizer for WordsAndNumbers {
    type TokenStream<'a> = WordsAndNumbersStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordsAndNumbersStream<'a> {
        self.token.reset();
        WordsAndNumbersStream { text, at: 0, token: &mut self.token }
    }
}

/// Combining marks outside the letters' own ranges (accents typed apart).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

fn starts_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        c.is_alphabetic() || is_mark(c)
    }
}

fn continues_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_mark(c)
    }
}

fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        c.is_numeric()
    }
}

impl WordsAndNumbersStream<'_> {
    /// The end of the run of chars from `from` that satisfy `keep`.
    fn run_end(&self, from: usize, keep: impl Fn(char) -> bool) -> usize {
        self.text[from..].char_indices().find(|&(_, c)| !keep(c)).map_or(self.text.len(), |(i, _)| from + i)
    }
}

impl TokenStream for WordsAndNumbersStream<'_> {
    fn advance(&mut self) -> bool {
        self.token.text.clear();
        self.token.position = self.token.position.wrapping_add(1);
        while let Some(c) = self.text[self.at..].chars().next() {
            let start = self.at;
            let end = if is_digit(c) {
                let mut end = self.run_end(start, is_digit);
                // "1,648.104": a separator between digits joins them.
                while let Some(sep @ ('.' | ',')) = self.text[end..].chars().next() {
                    match self.text[end + 1..].chars().next() {
                        Some(d) if is_digit(d) => end = self.run_end(end + sep.len_utf8(), is_digit),
                        _ => break,
                    }
                }
                end
            } else if starts_word(c) {
                self.run_end(start + c.len_utf8(), continues_word)
            } else {
                self.at += c.len_utf8();
                continue;
            };
            self.at = end;
            self.token.offset_from = start;
            self.token.offset_to = end;
            // Combining marks go, so "cafe\u{301}" meets "café" after folding.
            self.token.text.extend(self.text[start..end].chars().filter(|&c| !is_mark(c)));
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
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
    fn cached_stems_are_tantivys_stems() {
        use tantivy::tokenizer::{Language, Stemmer};
        let mut theirs = TextAnalyzer::builder(WordsAndNumbers::default())
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::English))
            .build();
        let mut ours =
            TextAnalyzer::builder(WordsAndNumbers::default()).filter(LowerCaser).filter(CachedStemmer).build();
        let text = "Seizures of heroin: customs seized 903 kg; seizing, seized, running runs ran generously \
                    generous nationalization Ёжики cafés seized SEIZED";
        let all = |a: &mut TextAnalyzer| {
            let mut out = Vec::new();
            let mut stream = a.token_stream(text);
            while let Some(t) = stream.next() {
                out.push((t.text.clone(), t.offset_from, t.offset_to, t.position));
            }
            out
        };
        let expected = all(&mut theirs);
        assert_eq!(all(&mut ours), expected);
        // Again, now from the cache.
        assert_eq!(all(&mut ours), expected);
    }

    #[test]
    fn numbers_stay_whole_and_words_are_stemmed() {
        assert_eq!(terms("Seized 1,648.104 kg of Heroin"), ["seiz", "1,648.104", "kg", "of", "heroin"]);
        assert_eq!(terms("Azərbaycan"), ["azarbaycan"]);
    }

    #[test]
    fn tokens_split_words_from_numbers_and_punctuation() {
        assert_eq!(terms("P6.8 billion, 12.5% (2024) U.S. x1"), ["p6", "8", "billion", "12.5", "2024", "u", "s", "x1"]);
        assert_eq!(terms("1.  2,"), ["1", "2"]);
        assert_eq!(terms("Cafe\u{301} ½ 三千 — Ёж"), ["cafe", "½", "三千", "ёж"]);
        assert_eq!(terms(""), Vec::<String>::new());
    }
}
