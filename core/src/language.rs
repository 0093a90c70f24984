//! Languages: a document's language tag cut to its primary subtag, and what analysis each
//! language brings (a Snowball stemmer, stop words). A tag that is not a language, or a
//! language without a stemmer, is searched without stemming: never a failure.

use rust_stemmers::{Algorithm, Stemmer};

use crate::sort::sort_by;

/// A language as its primary subtag, lower case (`en`, `fr`, `zh`), or [`Language::unknown`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Language(String);

impl Default for Language {
    fn default() -> Self {
        Language::english()
    }
}

/// The filter an index of several languages gives each document: its language's code.
pub const LANGUAGE_FILTER: &str = "lang";

/// Marks a stem of a language other than English in the stem groups (`ecol\u{3}fr`): English
/// stems stay bare, so that an English index is written as before languages existed.
pub const STEM_LANGUAGE: char = '\u{3}';

impl Language {
    /// English: the language of documents that name none, unless the indexer is told another.
    pub fn english() -> Language {
        Language("en".to_string())
    }

    /// A language that is not known (`und`, BCP 47's "undetermined"): no stemming.
    pub fn unknown() -> Language {
        Language("und".to_string())
    }

    /// The language of a tag such as `fr-CA`, `EN_us` or ` de `: its primary subtag, in lower
    /// case. Anything that is not 2 or 3 ASCII letters before a `-` or `_` is unknown.
    pub fn from_tag(tag: &str) -> Language {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        let letters = primary.bytes().all(|b| b.is_ascii_alphabetic());
        if letters && (2..=3).contains(&primary.len()) {
            Language(primary.to_ascii_lowercase())
        } else {
            Language::unknown()
        }
    }

    /// The language of a tag, or none when it is no tag (`english`, `12`, `fr-`, `en-!!`: each
    /// subtag after the first is 1 to 8 letters or digits); `und` is one.
    pub fn from_known_tag(tag: &str) -> Option<Language> {
        let language = Language::from_tag(tag);
        let subtags_well_formed = tag.trim().split(['-', '_']).skip(1).all(|subtag| {
            (1..=8).contains(&subtag.len()) && subtag.bytes().all(|b| b.is_ascii_alphanumeric())
        });
        let known = language.code() != "und" || tag.trim().eq_ignore_ascii_case("und");
        (known && subtags_well_formed).then_some(language)
    }

    /// The language a search's `lang` asks for (a tag, `fr-CA`): none, every language, for
    /// no tag or `*`.
    pub fn searched(lang: Option<&str>) -> Option<Language> {
        lang.filter(|tag| tag.trim() != "*").map(Language::from_tag)
    }

    /// Whether `code` is a language's code as [`Language::code`] gives it: 2 or 3 lower-case
    /// ASCII letters (its own [`Language::from_tag`]).
    pub fn is_code(code: &str) -> bool {
        (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
    }

    /// The primary subtag (`und` when unknown).
    pub fn code(&self) -> &str {
        &self.0
    }

    /// The primary subtag, owned.
    pub fn into_code(self) -> String {
        self.0
    }

    /// The language's stemmer: every language `rust-stemmers` has with the `stemmers`
    /// feature, else English only.
    fn stemmer(&self) -> Option<Stemmer> {
        if cfg!(feature = "stemmers") {
            self.algorithm().map(Stemmer::create)
        } else {
            (self.code() == "en").then(|| Stemmer::create(Algorithm::English))
        }
    }

    /// The Snowball algorithm of the language, when `rust-stemmers` has one.
    fn algorithm(&self) -> Option<Algorithm> {
        Some(match self.code() {
            "ar" => Algorithm::Arabic,
            "da" => Algorithm::Danish,
            "de" => Algorithm::German,
            "el" => Algorithm::Greek,
            "en" => Algorithm::English,
            "es" => Algorithm::Spanish,
            "fi" => Algorithm::Finnish,
            "fr" => Algorithm::French,
            "hu" => Algorithm::Hungarian,
            "it" => Algorithm::Italian,
            "nl" => Algorithm::Dutch,
            "no" | "nb" | "nn" => Algorithm::Norwegian,
            "pt" => Algorithm::Portuguese,
            "ro" => Algorithm::Romanian,
            "ru" => Algorithm::Russian,
            "sv" => Algorithm::Swedish,
            "ta" => Algorithm::Tamil,
            "tr" => Algorithm::Turkish,
            _ => return None,
        })
    }

    /// Whether the language has a stemmer other than English's (an engine without the
    /// `stemmers` feature searches it unstemmed).
    pub fn needs_stemmers(&self) -> bool {
        self.code() != "en" && self.algorithm().is_some()
    }

    /// The key of a normalised term's stem group in this language: the Snowball stem, marked
    /// with the language unless it is English; none for a language without a stemmer.
    pub fn stem_key(&self, term: &str) -> Option<String> {
        let stem = self.stemmer()?.stem(term).into_owned();
        Some(if self.code() == "en" {
            stem
        } else {
            let mut key = stem;
            key.push(STEM_LANGUAGE);
            key.push_str(self.code());
            key
        })
    }

    /// Whether a normalised term is too common in this language to tell documents apart.
    pub fn is_stop_word(&self, term: &str) -> bool {
        crate::stop_words::of(self.code())
            .binary_search(&term)
            .is_ok()
    }
}

/// The languages of an index: its queries are stemmed in each of them, and a stop word in
/// any is a stop word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Languages(Vec<Language>);

impl Languages {
    /// The languages, each once.
    pub fn new(mut languages: Vec<Language>) -> Languages {
        sort_by(&mut languages, Ord::cmp);
        languages.dedup();
        Languages(languages)
    }

    pub fn english() -> Languages {
        Languages(vec![Language::english()])
    }

    pub fn iter(&self) -> impl Iterator<Item = &Language> {
        self.0.iter()
    }

    /// The stem group keys of a normalised term, one per language that stems, each once.
    pub fn stem_keys(&self, term: &str) -> Vec<String> {
        let mut keys: Vec<String> = self.0.iter().filter_map(|l| l.stem_key(term)).collect();
        keys.dedup();
        keys
    }

    pub fn is_stop_word(&self, term: &str) -> bool {
        self.0.iter().any(|l| l.is_stop_word(term))
    }

    /// How many stop words, of any of the languages, start with `prefix` (one that several
    /// languages share, once for each).
    pub fn stop_words_starting(&self, prefix: &str) -> usize {
        let starting = |words: &[&str]| {
            let first = words.partition_point(|word| *word < prefix);
            let after = words[first..].iter();
            after.take_while(|word| word.starts_with(prefix)).count()
        };
        let languages = self.0.iter();
        languages
            .map(|l| starting(crate::stop_words::of(l.code())))
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_cut_to_their_primary_subtag() {
        for (tag, code) in [
            ("fr-CA", "fr"),
            ("EN_us", "en"),
            (" de ", "de"),
            ("zh-Hans-CN", "zh"),
            ("yue", "yue"),
            ("", "und"),
            ("english", "und"),
            ("12", "und"),
            ("français", "und"),
            ("-", "und"),
        ] {
            assert_eq!(Language::from_tag(tag).code(), code, "{tag:?}");
            // Only "und" itself is a known tag among those that make `und`.
            let known = Language::from_known_tag(tag).map(|l| l.code().to_string());
            let expected = (code != "und").then(|| code.to_string());
            assert_eq!(known, expected, "{tag:?}");
        }
        assert_eq!(Language::from_known_tag(" UND "), Some(Language::unknown()));
        // A tag with a malformed subtag after its language is no tag.
        for tag in [
            "fr-",
            "fr--CA",
            "en-!!",
            "xx-invalid-tag-!!",
            "de-toolongsubtag",
        ] {
            assert_eq!(Language::from_known_tag(tag), None, "{tag:?}");
        }
        assert_eq!(
            Language::from_known_tag("sr-Latn-RS").map(|l| l.code().to_string()),
            Some("sr".to_string())
        );
    }

    #[test]
    fn each_language_stems_its_own_words() {
        let key = |code: &str, term: &str| Language::from_tag(code).stem_key(term);
        assert_eq!(key("en", "discussions"), Some("discuss".to_string()));
        assert_eq!(key("fr", "ecoles"), key("fr", "ecole"));
        assert_eq!(key("de", "hauser"), key("de", "haus"));
        assert_eq!(key("es", "libros"), key("es", "libro"));
        assert_eq!(key("ru", "книги"), key("ru", "книга"));
        assert_eq!(key("fr", "ecole").as_deref(), Some("ecol\u{3}fr"));
        assert_eq!(key("zh", "北京"), None);
        assert_eq!(key("und", "houses"), None);
    }

    #[test]
    fn stop_words_are_per_language() {
        let (en, fr) = (Language::english(), Language::from_tag("fr"));
        assert!(en.is_stop_word("the") && !en.is_stop_word("les"));
        assert!(fr.is_stop_word("les") && !fr.is_stop_word("the"));
        assert!(!Language::unknown().is_stop_word("the"));
        let both = Languages::new(vec![fr, en.clone(), en]);
        assert!(both.is_stop_word("the") && both.is_stop_word("les"));
        assert_eq!(both.iter().count(), 2);
    }
}
