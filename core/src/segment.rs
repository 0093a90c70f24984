//! Segmentation of scripts written without spaces between words. Chinese and Japanese runs
//! (Han, Hiragana, Katakana) are cut into overlapping bigrams, the same way in documents and
//! queries, and spaces between two such characters are ignored, so that `北京大学` and
//! `北京 大学` give the same terms. Korean words are separated by spaces; a long one also
//! yields its bigrams, so that a word is found with its particles attached (`한국어를`).

use std::ops::Range;

/// Han, Hiragana and Katakana: written without spaces between words.
pub fn is_unspaced(c: char) -> bool {
    // All lie past U+3040: most text is told apart by one comparison.
    c >= '\u{3040}'
        && matches!(c,
            '\u{3040}'..='\u{30FF}'     // Hiragana, Katakana
            | '\u{3400}'..='\u{4DBF}'   // CJK Extension A
            | '\u{4E00}'..='\u{9FFF}'   // CJK Unified Ideographs
            | '\u{F900}'..='\u{FAFF}'   // CJK compatibility ideographs
            | '\u{FF66}'..='\u{FF9F}'   // Halfwidth Katakana
            | '\u{20000}'..='\u{2FA1F}' // CJK Extensions B-F
            | '\u{30000}'..='\u{323AF}' // CJK Extensions G-H
        )
}

/// Hangul syllables: Korean words are runs of them.
pub fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7AF}')
}

/// The characters of the unspaced run starting at `start`, one byte range each: it goes on
/// across white space that stands between two unspaced characters.
pub fn unspaced_run(text: &str, start: usize) -> Vec<Range<usize>> {
    let mut run = Vec::new();
    let mut at = start;
    while let Some(c) = text[at..].chars().next() {
        if is_unspaced(c) {
            run.push(at..at + c.len_utf8());
            at += c.len_utf8();
            continue;
        }
        let rest = text[at..].trim_start();
        if rest.len() == text.len() - at || !rest.starts_with(is_unspaced) {
            break;
        }
        at = text.len() - rest.len();
    }
    run
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<&str> {
        unspaced_run(text, 0)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn runs_go_on_across_spaces_between_unspaced_characters() {
        assert_eq!(run("北京 大学"), ["北", "京", "大", "学"]);
        assert_eq!(run("北京\u{3000}大学。"), ["北", "京", "大", "学"]);
        assert_eq!(run("東京に行く abc"), ["東", "京", "に", "行", "く"]);
        assert_eq!(run("北京。大学"), ["北", "京"]);
        assert_eq!(run("ｱｲｳ"), ["ｱ", "ｲ", "ｳ"]);
    }

    #[test]
    fn scripts_are_told_apart() {
        assert!(is_unspaced('北') && is_unspaced('の') && is_unspaced('カ'));
        assert!(!is_unspaced('한') && is_hangul('한'));
        assert!(!is_unspaced('a') && !is_hangul('a'));
    }
}
