//! Segmentation of scripts written without spaces between words. Chinese and Japanese runs
//! (Han, Hiragana, Katakana) are cut into overlapping bigrams, the same way in documents and
//! queries, and spaces between two such characters are ignored, so that `北京大学` and
//! `北京 大学` give the same terms. Korean words are separated by spaces; a long one also
//! yields its bigrams, so that a word is found with its particles attached (`한국어를`).

use std::ops::Range;

use crate::compose::joins_previous;

/// Han, Hiragana and Katakana: written without spaces between words.
pub fn is_unspaced(c: char) -> bool {
    // All lie past U+3005: most text is told apart by one comparison.
    c >= '\u{3005}'
        && matches!(c,
            '\u{3005}'..='\u{3007}'     // 々 (repeating the Han before it), 〆, 〇
            | '\u{3040}'..='\u{30FF}'   // Hiragana, Katakana
            | '\u{3400}'..='\u{4DBF}'   // CJK Extension A
            | '\u{4E00}'..='\u{9FFF}'   // CJK Unified Ideographs
            | '\u{F900}'..='\u{FAFF}'   // CJK compatibility ideographs
            | '\u{FF66}'..='\u{FF9F}'   // Halfwidth Katakana
            | '\u{20000}'..='\u{2FA1F}' // CJK Extensions B-F
            | '\u{30000}'..='\u{323AF}' // CJK Extensions G-H
        )
}

/// Hangul syllables, and the jamo they may be written as: Korean words are runs of them.
pub fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}')
}

/// The syllables of the Korean word at `word` in `text`, one byte range each: a syllable
/// written as jamo (decomposed) is one range, which its term composes.
pub fn syllables(text: &str, word: Range<usize>) -> Vec<Range<usize>> {
    let mut syllables: Vec<Range<usize>> = Vec::new();
    for (i, c) in text[word.clone()].char_indices() {
        let at = word.start + i;
        match syllables.last_mut() {
            Some(last) if joins_previous(c) => last.end = at + c.len_utf8(),
            _ => syllables.push(at..at + c.len_utf8()),
        }
    }
    syllables
}

/// The characters of the unspaced run starting at `start`, one byte range each (a kana's
/// combining sound mark in its kana's): it goes on across white space that stands between two
/// unspaced characters.
pub fn unspaced_run(text: &str, start: usize) -> Vec<Range<usize>> {
    let mut run: Vec<Range<usize>> = Vec::new();
    let mut at = start;
    while let Some(c) = text[at..].chars().next() {
        if is_unspaced(c) {
            match run.last_mut() {
                Some(last) if joins_previous(c) && last.end == at => last.end = at + c.len_utf8(),
                _ => run.push(at..at + c.len_utf8()),
            }
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
    fn a_decomposed_letter_is_one_character_of_its_run() {
        assert_eq!(run("テ\u{3099}ータ"), ["テ\u{3099}", "ー", "タ"]);
        let korean = "\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}어";
        let syllables: Vec<&str> = syllables(korean, 0..korean.len())
            .into_iter()
            .map(|r| &korean[r])
            .collect();
        assert_eq!(
            syllables,
            ["\u{1112}\u{1161}\u{11AB}", "\u{1100}\u{116E}\u{11A8}", "어"]
        );
    }

    #[test]
    fn scripts_are_told_apart() {
        assert!(is_unspaced('北') && is_unspaced('の') && is_unspaced('カ'));
        assert_eq!(run("様々な人々"), ["様", "々", "な", "人", "々"]);
        assert!(!is_unspaced('한') && is_hangul('한'));
        assert!(!is_unspaced('a') && !is_hangul('a'));
    }
}
