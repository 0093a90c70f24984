//! Composition of the decomposed letters a search must see as the composed ones: Hangul
//! syllables written as conjoining jamo (U+1100–U+11FF), and kana followed by a combining voiced
//! or semi-voiced sound mark (U+3099, U+309A). Keyboards type the composed forms; text from
//! macOS file names and from some editors and PDFs holds the decomposed ones (Unicode's NFD),
//! which look the same. Half-width katakana (`ｶﾞｲﾄﾞ`, of old Japanese systems) are read as
//! the full-width ones, their sound marks composed (`ガイド`). A word's term is made of composed letters whichever form its text
//! has (see [`crate::analysis`]); the text itself, and the ranges highlighted in it, stay as
//! written.

use std::iter::{Map, Peekable};

const LEADING: u32 = 0x1100;
const VOWEL: u32 = 0x1161;
const TRAILING: u32 = 0x11A7;
const SYLLABLE: u32 = 0xAC00;
const LEADINGS: u32 = 19;
const VOWELS: u32 = 21;
const TRAILINGS: u32 = 28;
const SYLLABLES: u32 = LEADINGS * VOWELS * TRAILINGS;

/// Kana and what they become with U+3099, the combining voiced sound mark (`か` `が`), from
/// Unicode's composition data.
const VOICED: [(u16, u16); 48] = [
    (0x3046, 0x3094),
    (0x304B, 0x304C),
    (0x304D, 0x304E),
    (0x304F, 0x3050),
    (0x3051, 0x3052),
    (0x3053, 0x3054),
    (0x3055, 0x3056),
    (0x3057, 0x3058),
    (0x3059, 0x305A),
    (0x305B, 0x305C),
    (0x305D, 0x305E),
    (0x305F, 0x3060),
    (0x3061, 0x3062),
    (0x3064, 0x3065),
    (0x3066, 0x3067),
    (0x3068, 0x3069),
    (0x306F, 0x3070),
    (0x3072, 0x3073),
    (0x3075, 0x3076),
    (0x3078, 0x3079),
    (0x307B, 0x307C),
    (0x309D, 0x309E),
    (0x30A6, 0x30F4),
    (0x30AB, 0x30AC),
    (0x30AD, 0x30AE),
    (0x30AF, 0x30B0),
    (0x30B1, 0x30B2),
    (0x30B3, 0x30B4),
    (0x30B5, 0x30B6),
    (0x30B7, 0x30B8),
    (0x30B9, 0x30BA),
    (0x30BB, 0x30BC),
    (0x30BD, 0x30BE),
    (0x30BF, 0x30C0),
    (0x30C1, 0x30C2),
    (0x30C4, 0x30C5),
    (0x30C6, 0x30C7),
    (0x30C8, 0x30C9),
    (0x30CF, 0x30D0),
    (0x30D2, 0x30D3),
    (0x30D5, 0x30D6),
    (0x30D8, 0x30D9),
    (0x30DB, 0x30DC),
    (0x30EF, 0x30F7),
    (0x30F0, 0x30F8),
    (0x30F1, 0x30F9),
    (0x30F2, 0x30FA),
    (0x30FD, 0x30FE),
];

/// Kana and what they become with U+309A, the combining semi-voiced sound mark (`は` `ぱ`).
const SEMI_VOICED: [(u16, u16); 10] = [
    (0x306F, 0x3071),
    (0x3072, 0x3074),
    (0x3075, 0x3077),
    (0x3078, 0x307A),
    (0x307B, 0x307D),
    (0x30CF, 0x30D1),
    (0x30D2, 0x30D4),
    (0x30D5, 0x30D7),
    (0x30D8, 0x30DA),
    (0x30DB, 0x30DD),
];

/// The full-width forms of the half-width katakana and marks U+FF66–U+FF9F (Unicode's
/// compatibility mappings): `ｶ` is `カ`, `ﾞ` the combining voiced sound mark.
const FULL_WIDTH: [u16; 58] = [
    0x30F2, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5, 0x30E7, 0x30C3, 0x30FC, 0x30A2,
    0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF, 0x30B1, 0x30B3, 0x30B5, 0x30B7, 0x30B9,
    0x30BB, 0x30BD, 0x30BF, 0x30C1, 0x30C4, 0x30C6, 0x30C8, 0x30CA, 0x30CB, 0x30CC, 0x30CD, 0x30CE,
    0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB, 0x30DE, 0x30DF, 0x30E0, 0x30E1, 0x30E2, 0x30E4, 0x30E6,
    0x30E8, 0x30E9, 0x30EA, 0x30EB, 0x30EC, 0x30ED, 0x30EF, 0x30F3, 0x3099, 0x309A,
];

/// `c`, full-width if it is a half-width katakana or mark.
fn widened(c: char) -> char {
    match u32::from(c).checked_sub(0xFF66) {
        Some(at) if (at as usize) < FULL_WIDTH.len() => {
            char::from_u32(u32::from(FULL_WIDTH[at as usize])).unwrap_or(c)
        }
        _ => c,
    }
}

/// Whether `c` composes with a letter before it: a Hangul vowel or trailing consonant jamo,
/// or a combining kana sound mark. Such a character never begins a letter of its own.
pub fn joins_previous(c: char) -> bool {
    matches!(c, '\u{1161}'..='\u{1175}' | '\u{11A8}'..='\u{11C2}' | '\u{3099}' | '\u{309A}' | '\u{FF9E}' | '\u{FF9F}')
}

/// `first` and `second` composed into one letter, when they compose.
fn pair(first: char, second: char) -> Option<char> {
    let (first, second) = (u32::from(first), u32::from(second));
    if (LEADING..LEADING + LEADINGS).contains(&first) && (VOWEL..VOWEL + VOWELS).contains(&second) {
        let syllable = ((first - LEADING) * VOWELS + (second - VOWEL)) * TRAILINGS;
        return char::from_u32(SYLLABLE + syllable);
    }
    let in_syllables = first.checked_sub(SYLLABLE).filter(|&s| s < SYLLABLES);
    if in_syllables.is_some_and(|s| s % TRAILINGS == 0)
        && (TRAILING + 1..TRAILING + TRAILINGS).contains(&second)
    {
        return char::from_u32(first + (second - TRAILING));
    }
    let table: &[(u16, u16)] = match second {
        0x3099 => &VOICED,
        0x309A => &SEMI_VOICED,
        _ => return None,
    };
    let first = u16::try_from(first).ok()?;
    let at = table.binary_search_by_key(&first, |&(base, _)| base).ok()?;
    char::from_u32(u32::from(table[at].1))
}

/// The characters of `chars`, half-width katakana widened, with every pair that composes
/// composed.
pub fn composed<I: Iterator<Item = char>>(chars: I) -> Composed<I> {
    Composed {
        chars: chars.map(widened as fn(char) -> char).peekable(),
    }
}

/// Characters widened one by one (see [`widened`]).
type Widened<I> = Map<I, fn(char) -> char>;

/// See [`composed`].
pub struct Composed<I: Iterator<Item = char>> {
    chars: Peekable<Widened<I>>,
}

impl<I: Iterator<Item = char>> Iterator for Composed<I> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        let mut letter = self.chars.next()?;
        while let Some(composed) = self.chars.peek().and_then(|&next| pair(letter, next)) {
            letter = composed;
            self.chars.next();
        }
        Some(letter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compose(text: &str) -> String {
        composed(text.chars()).collect()
    }

    /// Each decomposed form (as Python's `unicodedata.normalize("NFD", …)` writes it) composes
    /// to the form keyboards type.
    #[test]
    fn decomposed_hangul_and_kana_compose() {
        // 한국어 (with a trailing consonant), 데이터 (without), as conjoining jamo.
        assert_eq!(
            compose("\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}\u{110B}\u{1165}"),
            "한국어"
        );
        assert_eq!(
            compose("\u{1103}\u{1166}\u{110B}\u{1175}\u{1110}\u{1165}"),
            "데이터"
        );
        // A composed syllable and a trailing consonant (한 as 하 + ᆫ).
        assert_eq!(compose("하\u{11AB}"), "한");
        assert_eq!(compose("か\u{3099}き\u{3099}ぱ"), "がぎぱ");
        assert_eq!(
            compose("テ\u{3099}ータヘ\u{309A}ーシ\u{3099}"),
            "データページ"
        );
        assert_eq!(compose("ウ\u{3099}ァイオリン"), "ヴァイオリン");
        assert_eq!(compose("は\u{309A}"), "ぱ");
        assert_eq!(compose("ｶﾞｲﾄﾞﾌﾞｯｸ"), "ガイドブック");
        assert_eq!(compose("ﾊﾟｿｺﾝｰ"), "パソコンー");
    }

    #[test]
    fn what_does_not_compose_stays() {
        for text in [
            "abc",
            "한국어",
            "が",
            "あ\u{3099}",
            "\u{3099}か",
            "\u{1161}",
            "한\u{11AB}",
            "e\u{301}",
        ] {
            assert_eq!(compose(text), text);
        }
    }

    #[test]
    fn the_kana_tables_are_sorted_for_their_search() {
        for table in [&VOICED[..], &SEMI_VOICED[..]] {
            assert!(table.windows(2).all(|w| w[0].0 < w[1].0));
        }
    }
}
