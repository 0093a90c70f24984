//! Stop words per language, in normalised form (folded, lower case): words too common to
//! tell documents apart. They stay in the index for phrases; queries ignore them beside
//! other words. Short lists on purpose: the most frequent function words only.

/// The stop words of a language, by primary subtag, in byte order (for look-ups by
/// halves); none for other languages. Languages other than English come with the `stemmers`
/// feature (an engine without it searches them without stemming, and so without stop words).
pub fn of(code: &str) -> &'static [&'static str] {
    match code {
        // Lucene's English analyzer list, widened with question words.
        "en" => &[
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "for", "from",
            "had", "has", "have", "how", "if", "in", "into", "is", "it", "no", "not", "of", "on",
            "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to",
            "was", "were", "what", "when", "where", "which", "who", "why", "will", "with", "would",
            "you", "your",
        ],
        _ if cfg!(feature = "stemmers") => others(code),
        _ => &[],
    }
}

fn others(code: &str) -> &'static [&'static str] {
    match code {
        "de" => &[
            "als", "am", "an", "auch", "auf", "aus", "bei", "das", "dass", "dem", "den", "der",
            "des", "die", "ein", "eine", "einem", "einen", "einer", "es", "fur", "im", "in", "ist",
            "mit", "nicht", "oder", "sich", "sie", "sind", "und", "von", "war", "wie", "zu", "zum",
            "zur",
        ],
        "fr" => &[
            "a", "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "est",
            "et", "il", "la", "le", "les", "leur", "mais", "ne", "on", "ou", "par", "pas", "pour",
            "que", "qui", "sa", "se", "son", "sur", "un", "une",
        ],
        "es" => &[
            "a", "al", "como", "con", "de", "del", "el", "en", "es", "la", "las", "lo", "los",
            "mas", "no", "o", "para", "pero", "por", "que", "se", "su", "sus", "un", "una", "y",
        ],
        "it" => &[
            "a", "al", "alla", "che", "con", "da", "del", "della", "di", "e", "gli", "il", "in",
            "la", "le", "lo", "non", "per", "si", "su", "un", "una",
        ],
        "pt" => &[
            "a", "as", "com", "da", "das", "de", "do", "dos", "e", "em", "na", "no", "nos", "o",
            "os", "para", "por", "que", "se", "um", "uma",
        ],
        "nl" => &[
            "de", "een", "en", "het", "in", "is", "met", "niet", "op", "te", "van", "voor", "zijn",
        ],
        "ru" => &[
            "в", "во", "и", "к", "на", "не", "но", "о", "от", "по", "с", "со", "что", "это",
        ],
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn each_language_s_stop_words_are_in_byte_order_each_once() {
        for code in ["en", "de", "fr", "es", "it", "pt", "nl", "ru"] {
            let words = if code == "en" {
                super::of(code)
            } else {
                super::others(code)
            };
            assert!(!words.is_empty(), "{code}");
            assert!(words.windows(2).all(|w| w[0] < w[1]), "{code}: {words:?}");
        }
    }
}
