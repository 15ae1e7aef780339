//! The text analyzer registered on every open: numbers stay whole ("1,648.104"
//! is one token), words are lower-cased, folded to ASCII and stemmed, and the
//! function words no question searches for ("the", "of", "was") are left out.
//!
//! One tokenizer does all of it in one pass over each token (tantivy's
//! filters would each walk every token again): a fact's sentence is indexed
//! with the fact and again in its passage, so this is a large share of ingest.

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, RawTokenizer, TextAnalyzer, Token, TokenStream, Tokenizer};

/// Name under which the analyzer is registered.
pub const ANALYZER: &str = "narcofacts";

/// Tokens this long (bytes) or longer are dropped, as tantivy's
/// `RemoveLongFilter::limit(40)` does: they are never words.
const LONGEST: usize = 40;

/// Function words left out of the index: lower-cased, as they stand in text.
/// Every one is also dropped from questions (see `query::parse`), so no
/// search ever asks for them; leaving them out saves about a quarter of the
/// postings written.
pub const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "by", "did", "do", "does", "for", "from", "had", "has", "have",
    "how", "i", "in", "into", "is", "it", "its", "me", "of", "on", "or", "than", "that", "the", "their", "there",
    "these", "this", "those", "to", "was", "we", "were", "what", "when", "where", "which", "who", "whom", "why",
    "with", "you",
];

/// The longest of the [`STOP_WORDS`], in bytes.
const STOP_LONGEST: usize = 5;

/// A word of at most seven bytes as one number: its length in the top byte,
/// then its bytes, first highest. Distinct words have distinct keys.
const fn word_key(word: &[u8]) -> u64 {
    let mut key = word.len() as u64;
    let mut i = 0;
    while i < word.len() {
        key = key << 8 | word[i] as u64;
        i += 1;
    }
    key
}

/// The keys of the [`STOP_WORDS`], sorted, built at compile time: a token is
/// checked with a few integer comparisons, not a string comparison per word.
const STOP_KEYS: [u64; STOP_WORDS.len()] = {
    let mut keys = [0u64; STOP_WORDS.len()];
    let mut i = 0;
    while i < keys.len() {
        assert!(STOP_WORDS[i].len() <= STOP_LONGEST);
        keys[i] = word_key(STOP_WORDS[i].as_bytes());
        // Insertion sort.
        let mut j = i;
        while j > 0 && keys[j - 1] > keys[j] {
            let t = keys[j];
            keys[j] = keys[j - 1];
            keys[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    keys
};

/// Whether `word` (lower-cased) is one of the [`STOP_WORDS`].
pub fn is_stop_word(word: &str) -> bool {
    // Most tokens are longer than any stop word: one comparison settles them.
    word.len() <= STOP_LONGEST && STOP_KEYS.binary_search(&word_key(word.as_bytes())).is_ok()
}

/// The analyzer, built once per process and cloned.
pub fn shared() -> TextAnalyzer {
    static ONCE: std::sync::OnceLock<TextAnalyzer> = std::sync::OnceLock::new();
    ONCE.get_or_init(build).clone()
}

/// Builds the analyzer.
pub fn build() -> TextAnalyzer {
    TextAnalyzer::from(Terms::default())
}

/// Stems remembered per thread before the cache starts over.
const STEM_CACHE: usize = 100_000;

/// A word of up to [`Word::MAX`] bytes kept inline (its length in the last
/// byte): the stem cache compares and copies these without following a
/// pointer to each key, which is what its lookups waited on.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Word([u8; 24]);

impl Word {
    /// The longest word kept inline, in bytes.
    const MAX: usize = 23;

    fn new(text: &str) -> Option<Word> {
        let bytes = text.as_bytes();
        if bytes.len() > Word::MAX {
            return None;
        }
        let mut w = [0u8; 24];
        w[..bytes.len()].copy_from_slice(bytes);
        w[Word::MAX] = bytes.len() as u8;
        Some(Word(w))
    }

    fn as_str(&self) -> &str {
        // Built from a whole `&str`: always valid UTF-8.
        std::str::from_utf8(&self.0[..usize::from(self.0[Word::MAX])]).unwrap_or_default()
    }
}

thread_local! {
    /// Word → its stem, shared by every field and segment an indexing thread
    /// writes (tantivy clones the analyzer per field and per segment, and
    /// their vocabularies are the same).
    static STEMS: std::cell::RefCell<FxHashMap<Word, Stem>> = std::cell::RefCell::new(FxHashMap::default());
}

/// A word's stem as the cache keeps it.
#[derive(Clone, Copy)]
enum Stem {
    /// The word's first bytes, the usual case (a suffix removed).
    Prefix(u8),
    /// Anything else ("happy" → "happi").
    Other(Word),
}

impl Stem {
    fn new(word: &str, stem: &str) -> Option<Stem> {
        if word.starts_with(stem) {
            Some(Stem::Prefix(stem.len() as u8))
        } else {
            Word::new(stem).map(Stem::Other)
        }
    }

    /// Turns `word` (the cached word) into this stem.
    fn apply(self, word: &mut String) {
        match self {
            Stem::Prefix(len) => word.truncate(usize::from(len)),
            Stem::Other(stem) => {
                word.clear();
                word.push_str(stem.as_str());
            }
        }
    }
}

/// The English Snowball stem of `word`, as tantivy's `Stemmer` gives it.
fn stem_of(word: &str) -> std::borrow::Cow<'_, str> {
    frostem::Stemmer::new(frostem::Algorithm::English).stem(word)
}

/// The tokenizer: [`WordsAndNumbers`] split, then long tokens dropped,
/// lower-casing and ASCII folding as tantivy's `LowerCaser` and
/// `AsciiFoldingFilter` do, [`STOP_WORDS`] dropped, and English Snowball
/// stemming (the stemmer of tantivy's own `Stemmer` filter, same output) with
/// the stems remembered per thread: words repeat so much in news that most
/// tokens are then one hash lookup, not a stemming.
#[derive(Clone)]
pub struct Terms {
    split: WordsAndNumbers,
    /// Lower-casing and folding of tokens outside ASCII, by tantivy's filters.
    fold: TextAnalyzer,
}

impl Default for Terms {
    fn default() -> Terms {
        let fold = TextAnalyzer::builder(RawTokenizer::default()).filter(LowerCaser).filter(AsciiFoldingFilter).build();
        Terms { split: WordsAndNumbers::default(), fold }
    }
}

impl Tokenizer for Terms {
    type TokenStream<'a> = TermsStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> TermsStream<'a> {
        TermsStream { split: self.split.token_stream(text), fold: &mut self.fold }
    }
}

/// The token stream of [`Terms`].
pub struct TermsStream<'a> {
    split: WordsAndNumbersStream<'a>,
    fold: &'a mut TextAnalyzer,
}

impl TermsStream<'_> {
    /// Lower-cases and folds the current token; false when it is to be dropped.
    fn normalize(&mut self) -> bool {
        let text = &mut self.split.token.text;
        if text.len() >= LONGEST {
            return false;
        }
        if text.is_ascii() {
            text.make_ascii_lowercase();
        } else {
            let folded = {
                let mut stream = self.fold.token_stream(text);
                if !stream.advance() {
                    return false;
                }
                std::mem::take(&mut stream.token_mut().text)
            };
            *text = folded;
        }
        !is_stop_word(text)
    }

    /// Replaces the current (normalized) token by its stem.
    fn stem(&mut self) {
        let text = &mut self.split.token.text;
        // Numbers have no letters to stem (and would crowd the cache).
        if text.starts_with(|c: char| c.is_ascii_digit()) {
            return;
        }
        let Some(word) = Word::new(text) else {
            let stem = stem_of(text).into_owned();
            *text = stem;
            return;
        };
        STEMS.with_borrow_mut(|stems| {
            let stem = match stems.get(&word) {
                Some(stem) => *stem,
                None => {
                    let stemmed = stem_of(text);
                    // A stem that fits no cache entry stays uncached.
                    let Some(stem) = Stem::new(text, &stemmed) else {
                        let stem = stemmed.into_owned();
                        *text = stem;
                        return;
                    };
                    if stems.len() >= STEM_CACHE {
                        stems.clear();
                    }
                    stems.insert(word, stem);
                    stem
                }
            };
            stem.apply(text);
        });
    }
}

impl TokenStream for TermsStream<'_> {
    fn advance(&mut self) -> bool {
        while self.split.advance() {
            if self.normalize() {
                self.stem();
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.split.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.split.token_mut()
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
        // ASCII bytes one by one; chars decoded only past the first other byte.
        let bytes = self.text.as_bytes();
        let mut at = from;
        while at < bytes.len() && bytes[at].is_ascii() {
            if !keep(char::from(bytes[at])) {
                return at;
            }
            at += 1;
        }
        self.text[at..].char_indices().find(|&(_, c)| !keep(c)).map_or(self.text.len(), |(i, _)| at + i)
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
            let piece = &self.text[start..end];
            if piece.is_ascii() {
                self.token.text.push_str(piece);
            } else {
                self.token.text.extend(piece.chars().filter(|&c| !is_mark(c)));
            }
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

    /// The same chain built from tantivy's own filters.
    fn tantivys() -> TextAnalyzer {
        use tantivy::tokenizer::{Language, RemoveLongFilter, Stemmer, StopWordFilter};
        TextAnalyzer::builder(WordsAndNumbers::default())
            .filter(RemoveLongFilter::limit(LONGEST))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(StopWordFilter::remove(STOP_WORDS.iter().map(|w| (*w).to_owned())))
            .filter(Stemmer::new(Language::English))
            .build()
    }

    fn all(a: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut out = Vec::new();
        let mut stream = a.token_stream(text);
        while let Some(t) = stream.next() {
            out.push((t.text.clone(), t.offset_from, t.offset_to, t.position));
        }
        out
    }

    #[test]
    fn terms_are_tantivys_filters_in_one_pass() {
        let mut ours = build();
        let text = "Seizures OF heroin: The customs seized 903 kg; seizing, seized, running runs ran generously \
                    generous nationalization Ёжики CAFÉS Straße seized SEIZED \
                    Pneumonoultramicroscopicsilicovolcanoconiosis-and-more-and-more was Was";
        let expected = all(&mut tantivys(), text);
        assert!(expected.iter().any(|t| t.0 == "cafe"), "{expected:?}");
        assert_eq!(all(&mut ours, text), expected);
        // Again, now from the cache.
        assert_eq!(all(&mut ours, text), expected);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn terms_agree_with_tantivys_filters(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "The", "of", "WAS", "seized", "Seizures", "Été", "ÉTÉ", "naïve", "ǅemal", "İstanbul", "ß",
                    "1,648.104", "12.5", "P6", "café", "cafe\u{301}", "Ёж", "a", "A", "x", ",", ". ", "—", "½",
                    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "éééééééééééééééééééé", "1½",
                    "Antidisestablishmentarianism", "nationalizations", "Internationalizations",
                ]),
                0..30,
            ),
            glue in proptest::sample::select(vec![" ", "", "-", "\n"]),
        ) {
            let text = words.join(glue);
            proptest::prop_assert_eq!(all(&mut build(), &text), all(&mut tantivys(), &text));
        }
    }

    #[test]
    fn function_words_are_not_terms() {
        assert_eq!(terms("The seizure of heroin was in the port"), ["seizur", "heroin", "port"]);
        assert!(STOP_WORDS.iter().all(|w| is_stop_word(w) && terms(w).is_empty()));
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]), "sorted, without repeats");
        for word in ["\u{0}a", "a\u{0}", "thee", "th", "The", "", "ofs"] {
            assert!(!is_stop_word(word), "{word:?}");
        }
    }

    #[test]
    fn numbers_stay_whole_and_words_are_stemmed() {
        assert_eq!(terms("Seized 1,648.104 kg of Heroin"), ["seiz", "1,648.104", "kg", "heroin"]);
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
