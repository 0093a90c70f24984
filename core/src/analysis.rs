//! Text analysis: the one pipeline that turns text into terms, used identically for documents
//! and queries.
//!
//! Words are runs of letters, digits and combining marks (and of what is never seen inside a
//! word, a soft hyphen or a zero-width joiner, which is dropped). Apostrophes (any variant)
//! and a letter marked in brackets (`E[x]tract`; not a digit, `argv[1]`) inside a word keep it
//! whole, except after an
//! elided article or preposition of French, Italian or Catalan (`l'`, `d'`, `qu'`, `dell'`),
//! which is dropped so that `école` finds `l'école`; hyphens and dashes
//! (any variant) and underscores between words make a compound, which yields its parts at
//! consecutive positions plus the joined form at the first part's position, so `high‑level`
//! is found by `high-level`, `high level` and `highlevel`, and `array_push` by `array push`
//! and `arraypush` (the euphonic `t` of `a-t-il` is dropped). Chinese and Japanese text, and
//! Korean words, are cut into overlapping bigrams by [`crate::segment`] (a Chinese or Japanese
//! run's last character, in no bigram's start, also alone: [`CompoundRole::Tail`]). Each word is
//! normalised: compatibility
//! and diacritic folding (each character's NFKD decomposition without combining marks, from
//! a generated table covering Latin, Greek, Cyrillic, letterlike forms, ligatures and
//! full-width ASCII; full Unicode tables would triple the wasm size), full lower case, a
//! possessive `'s` removed and the remaining apostrophes dropped. Stemming and stop words
//! depend on the language ([`crate::language`]).

use std::ops::Range;

use crate::compose::composed;
use crate::fold_table;
use crate::lowercase::lowercase;
use crate::segment::{self, is_hangul, is_unspaced};

/// One term occurrence in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The normalised term.
    pub term: String,
    /// Byte range of the occurrence in the analysed text.
    pub span: Range<usize>,
    /// Word position: consecutive words have consecutive positions.
    pub position: u32,
    /// Where the token stands in a hyphenated compound.
    pub role: CompoundRole,
}

/// A token's place in a hyphenated compound such as `high-level`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompoundRole {
    /// A plain word.
    Word,
    /// One part of a compound (`high`, `level`).
    Part,
    /// The compound's parts joined (`highlevel`), at the first part's position.
    Joined,
    /// The last character of a run written without spaces (`馆` of `图书馆`), at its last
    /// bigram's position: in no bigram's start, it is indexed alone so that a query of that
    /// one character finds it. No word of a query.
    Tail,
}

/// A token whose term borrows the analyser's buffer, as passed to [`analyze`]'s callback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenRef<'a> {
    pub term: &'a str,
    pub span: Range<usize>,
    pub position: u32,
    pub role: CompoundRole,
}

/// Splits `text` into normalised tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    analyze(text, |t| {
        tokens.push(Token {
            term: t.term.to_string(),
            span: t.span,
            position: t.position,
            role: t.role,
        })
    });
    tokens
}

/// Calls `emit` with each token of `text`, in order, reusing one buffer for the terms.
pub fn analyze(text: &str, mut emit: impl FnMut(TokenRef<'_>)) {
    analyze_while(text, |token| {
        emit(token);
        true
    });
}

/// Like [`analyze`], but stops after the first token for which `emit` returns false.
pub fn analyze_while(text: &str, emit: impl FnMut(TokenRef<'_>) -> bool) {
    Analyzer::default().analyze_while(text, emit);
}

/// The analyser's buffers, kept for texts read one after another (an excerpt's scan reads a
/// page in pieces): a text read with buffers grown before costs no allocation.
#[derive(Default)]
pub struct Analyzer {
    compound: Compound,
}

impl Analyzer {
    /// [`analyze_while`] with these buffers; each text's positions start at 0.
    pub fn analyze_while(&mut self, text: &str, mut emit: impl FnMut(TokenRef<'_>) -> bool) {
        analyze_with::<true>(text, &mut self.compound, &mut emit);
    }
}

/// [`analyze_while`] with `compound`'s buffers, reading plain words (with `FAST`; the tests
/// compare both ways) without the compound machinery. One instance for every caller: a call
/// through `emit` costs little beside a word's analysis.
fn analyze_with<const FAST: bool>(
    text: &str,
    compound: &mut Compound,
    emit: &mut dyn FnMut(TokenRef<'_>) -> bool,
) {
    compound.terms.clear();
    compound.parts.clear();
    compound.position = 0;
    let mut chars = CharCursor::new(text);
    while let Some((mut start, c)) = chars.next() {
        // Spaces and punctuation, the most frequent characters between words, at once.
        if c.is_ascii() && !c.is_ascii_alphanumeric() && c != '[' {
            continue;
        }
        if FAST && compound.parts.is_empty() {
            if let Some(end) = plain_word_end(text, start) {
                chars.skip_to(end);
                if !compound.plain_word(text, start..end, emit) {
                    return;
                }
                continue;
            }
        }
        if is_unspaced(c) {
            let run = segment::unspaced_run(text, start);
            chars.skip_to(run.last().map_or(start, |r| r.end));
            if !compound.flush(emit) || !compound.segmented(text, &run, false, emit) {
                return;
            }
            continue;
        }
        let marker = marked_letter(text, start);
        let starts_word = match marker {
            Some(length) => followed_by_word_char(text, start + length),
            None => is_word_char(c) && !is_invisible(c),
        };
        if !starts_word {
            continue;
        }
        let hangul = is_hangul(c);
        let mut end = start + c.len_utf8();
        if let Some(length) = marker {
            chars.skip_to(start + length);
            end = start + length;
        }
        while let Some((i, next)) = chars.peek() {
            if continues_word(next, hangul) {
                end = i + next.len_utf8();
                chars.next();
            } else if is_apostrophe(next) && continues(text, i + next.len_utf8(), hangul) {
                chars.next();
                if is_elision(&text[start..i], &text[i + next.len_utf8()..]) {
                    start = i + next.len_utf8();
                }
            } else if let Some(length) = marked_letter(text, i) {
                chars.skip_to(i + length);
                end = i + length;
            } else {
                break;
            }
        }
        if hangul {
            let syllables = segment::syllables(text, start..end);
            if !compound.flush(emit) || !compound.segmented(text, &syllables, true, emit) {
                return;
            }
            continue;
        }
        compound.push(text, start..end);
        if let Some(length) = joiner(text, end) {
            chars.skip_to(end + length);
        } else if !compound.flush(emit) {
            return;
        }
    }
    compound.flush(emit);
}

/// The end of the word starting at `start` when it is plain: ASCII letters and digits
/// followed by nothing that could continue it or join it to the next (an apostrophe, a
/// bracket, a hyphen, an underscore, a colon, a dot, a character other than ASCII). Most
/// words of most texts are, and their term is their lower case.
fn plain_word_end(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let length = bytes[start..]
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(bytes.len() - start);
    let end = start + length;
    match bytes.get(end) {
        Some(b'\'' | b'[' | b'-' | b'_' | b':' | b'.') => None,
        Some(next) if !next.is_ascii() => None,
        _ => (length > 0).then_some(end),
    }
}

/// Articles and prepositions that French, Italian and Catalan elide before a vowel (`l'`,
/// `qu'`, `dell'`): dropped from the word they are written onto.
const ELIDED: [&str; 24] = [
    "all", "bell", "c", "coll", "d", "dall", "dell", "gl", "j", "jusqu", "l", "lorsqu", "m", "n",
    "nell", "puisqu", "qu", "quell", "quest", "quoiqu", "s", "sull", "t", "un",
];

/// Whether `word`, followed by an apostrophe and `rest`, is an elided article or
/// preposition: one of [`ELIDED`], unless `rest` begins with an English contraction's ending
/// (`all's`, `can't`).
pub(crate) fn is_elision(word: &str, rest: &str) -> bool {
    let tail_end = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
    let tail = &rest[..tail_end];
    let english = ["s", "t", "d", "ll", "re", "ve", "m"]
        .iter()
        .any(|e| tail.eq_ignore_ascii_case(e));
    word.len() <= 6
        && !english
        && ELIDED
            .iter()
            .any(|elided| word.eq_ignore_ascii_case(elided))
}

/// The parts of a `camelCase` or `PascalCase` word (`getElementById`: `get`, `Element`,
/// `By`, `Id`; `HTMLParser`: `HTML`, `Parser`) as byte ranges of `word`, when it has two or
/// more and each has two characters or more; otherwise none. The index records them beside
/// the word, at its position, so that `element` finds `getElementById`.
pub fn camel_parts(word: &str) -> Vec<Range<usize>> {
    let starts: Vec<usize> = camel_starts(word).collect();
    if starts.len() < 2 {
        return Vec::new();
    }
    let ends = starts[1..].iter().copied().chain([word.len()]);
    let parts: Vec<Range<usize>> = starts.iter().zip(ends).map(|(&s, e)| s..e).collect();
    if parts
        .iter()
        .all(|part| word[part.clone()].chars().count() >= 2)
    {
        parts
    } else {
        Vec::new()
    }
}

/// Where each `camelCase` part of `word` would start (0 first), before [`camel_parts`]
/// checks that the parts are long enough to count.
pub fn camel_starts(word: &str) -> impl Iterator<Item = usize> + '_ {
    let mut chars = word.char_indices().peekable();
    let mut previous: Option<char> = None;
    std::iter::from_fn(move || loop {
        let (i, current) = chars.next()?;
        let Some(previous) = previous.replace(current) else {
            return Some(i);
        };
        let next_is_lower = chars.peek().is_some_and(|&(_, c)| c.is_lowercase());
        let lower_to_upper =
            (previous.is_lowercase() || previous.is_ascii_digit()) && current.is_uppercase();
        let acronym_end = previous.is_uppercase() && current.is_uppercase() && next_is_lower;
        if lower_to_upper || acronym_end {
            return Some(i);
        }
    })
}

/// Normalises one word: folded, full lower case, possessive and apostrophes removed. Returns
/// an empty string for a word with no letters or digits.
pub fn normalize_word(word: &str) -> String {
    let mut term = String::new();
    normalize_into(word, &mut term);
    term
}

/// Marks a written term: the form of a word as written, where normalising it lost more than
/// its case (accents, a name's underscores), indexed beside its term so that typing that form
/// ranks its documents first.
pub const WRITTEN: char = '\u{1}';

/// Marks the part of a `camelCase` word (`element` of `getElementById`), indexed beside the
/// word at its position so that the part finds it, with less weight than a word of its own.
pub const CAMEL_PART: char = '\u{2}';

/// The written term of the word at `span` of `text` (see [`WRITTEN`]): with the underscores
/// that open a name, and those closing it then (`__construct`, `__DIR__`, `$_GET`,
/// `Closure::__invoke`: magic names that mean something else without them), unless
/// underscores join it to another word (`__set_state`); else with its accents (`Tianjín`)
/// when folding changes more than its case.
pub fn written_term(text: &str, span: Range<usize>) -> Option<String> {
    let bytes = text.as_bytes();
    let (mut start, mut end) = (span.start, span.end);
    while start > 0 && bytes[start - 1] == b'_' {
        start -= 1;
    }
    // Closing underscores only close a name they open (`__DIR__`): `hash_` of `hash_*` is
    // what a visitor typing `hash_file` passes through.
    while start < span.start && bytes.get(end) == Some(&b'_') {
        end += 1;
    }
    let joins = |c: Option<char>| c.is_some_and(is_word_char);
    let underscored = start < span.start
        && !joins(text[..start].chars().next_back())
        && !(end > span.end && joins(text[end..].chars().next()));
    let word = if underscored {
        &text[start..end]
    } else {
        &text[span]
    };
    if !underscored && word.is_ascii() {
        return None;
    }
    let mut written = String::from(WRITTEN);
    lower_into(composed(word.chars()), &mut written);
    if underscored {
        return Some(written);
    }
    let mut folded = String::new();
    normalize_into(word, &mut folded);
    let term = &written[WRITTEN.len_utf8()..];
    let accented = term != folded && !term.is_empty();
    accented.then_some(written)
}

/// Appends the normalised form of `word` to `out`.
fn normalize_into(word: &str, out: &mut String) {
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
        return;
    }
    lower_into(
        composed(word.chars())
            .filter(|&c| !is_diacritic(c) && !is_invisible(c))
            .flat_map(fold),
        out,
    );
}

/// Appends `chars` in full lower case, without a possessive `'s` or apostrophes.
fn lower_into(chars: impl Iterator<Item = char>, out: &mut String) {
    let start = out.len();
    for c in chars {
        match c {
            'ß' | 'ẞ' => out.push_str("ss"),
            'ς' => out.push('σ'),
            c if is_apostrophe(c) => out.push('\''),
            // The brackets of a marked letter (`E[x]tract`), and what is not seen.
            '[' | ']' => {}
            c if is_invisible(c) => {}
            // The one character whose lower case is two (`i` and a dot above).
            'İ' => out.push_str("i\u{307}"),
            c => out.push(lowercase(c)),
        }
    }
    if out[start..].ends_with("'s") {
        out.truncate(out.len() - 2);
    }
    if out[start..].contains('\'') {
        let kept: String = out[start..].chars().filter(|&c| c != '\'').collect();
        out.truncate(start);
        out.push_str(&kept);
    }
}

/// The words of one hyphenated compound (or a lone word), normalised into one buffer: the
/// buffer then holds the joined form, and each part is a slice of it.
#[derive(Default)]
struct Compound {
    terms: String,
    /// Each part's span in the text and its range in `terms`.
    parts: Vec<(Range<usize>, Range<usize>)>,
    position: u32,
}

impl Compound {
    fn push(&mut self, text: &str, span: Range<usize>) {
        let start = self.terms.len();
        normalize_into(&text[span.clone()], &mut self.terms);
        if self.terms.len() > start {
            let start = self.drop_euphonic_t(start);
            self.parts.push((span, start..self.terms.len()));
        }
    }

    /// Drops the euphonic `t` of `a-t-il` before the pronoun just normalised at `start`;
    /// returns where the pronoun starts then.
    fn drop_euphonic_t(&mut self, start: usize) -> usize {
        let pronoun = matches!(&self.terms[start..], "il" | "ils" | "elle" | "elles" | "on");
        match self.parts.as_slice() {
            [_, .., (_, t)] if pronoun && &self.terms[t.clone()] == "t" => {
                let t = t.clone();
                self.terms.replace_range(t.clone(), "");
                self.parts.pop();
                t.start
            }
            _ => start,
        }
    }

    /// Emits a run written without spaces (`chars`, one range per character) as overlapping
    /// bigrams at consecutive positions, a run of one or two characters as one word, then the
    /// last character of a run of two or more as its [`CompoundRole::Tail`]; with `joined` (a
    /// Korean word, whose syllables a query's completions find) a run of three or more is also
    /// emitted whole, first, and its bigrams are its parts. False when `emit` asked to stop.
    fn segmented(
        &mut self,
        text: &str,
        chars: &[Range<usize>],
        joined: bool,
        emit: &mut dyn FnMut(TokenRef<'_>) -> bool,
    ) -> bool {
        for span in chars {
            let start = self.terms.len();
            normalize_into(&text[span.clone()], &mut self.terms);
            if self.terms.len() > start {
                self.parts.push((span.clone(), start..self.terms.len()));
            }
        }
        let mut going = true;
        let (Some(first), Some(last)) = (self.parts.first(), self.parts.last()) else {
            return going;
        };
        let whole = first.0.start..last.0.end;
        if self.parts.len() <= 2 {
            going = emit(TokenRef {
                term: &self.terms,
                span: whole,
                position: self.position,
                role: CompoundRole::Word,
            });
            self.position += 1;
        } else {
            let role = if joined {
                going = emit(TokenRef {
                    term: &self.terms,
                    span: whole,
                    position: self.position,
                    role: CompoundRole::Joined,
                });
                CompoundRole::Part
            } else {
                CompoundRole::Word
            };
            for pair in self.parts.windows(2) {
                if !going {
                    break;
                }
                going = emit(TokenRef {
                    term: &self.terms[pair[0].1.start..pair[1].1.end],
                    span: pair[0].0.start..pair[1].0.end,
                    position: self.position,
                    role,
                });
                self.position += 1;
            }
        }
        if let [.., (span, term)] = self.parts.as_slice() {
            if going && !joined && self.parts.len() > 1 {
                going = emit(TokenRef {
                    term: &self.terms[term.clone()],
                    span: span.clone(),
                    position: self.position - 1,
                    role: CompoundRole::Tail,
                });
            }
        }
        self.terms.clear();
        self.parts.clear();
        going
    }

    /// Emits the plain word at `span` (see [`plain_word_end`]) as the word it is; false when
    /// `emit` asked to stop.
    fn plain_word(
        &mut self,
        text: &str,
        span: Range<usize>,
        emit: &mut dyn FnMut(TokenRef<'_>) -> bool,
    ) -> bool {
        self.terms.clear();
        self.terms.push_str(&text[span.clone()]);
        self.terms.make_ascii_lowercase();
        let going = emit(TokenRef {
            term: &self.terms,
            span,
            position: self.position,
            role: CompoundRole::Word,
        });
        self.position += 1;
        self.terms.clear();
        going
    }

    /// Emits the compound's tokens; false when `emit` asked to stop.
    fn flush(&mut self, emit: &mut dyn FnMut(TokenRef<'_>) -> bool) -> bool {
        let mut going = true;
        if let [(span, _)] = self.parts.as_slice() {
            let span = span.clone();
            going = emit(TokenRef {
                term: &self.terms,
                span,
                position: self.position,
                role: CompoundRole::Word,
            });
            self.position += 1;
        } else if let (Some(first), Some(last)) = (self.parts.first(), self.parts.last()) {
            let span = first.0.start..last.0.end;
            going = emit(TokenRef {
                term: &self.terms,
                span,
                position: self.position,
                role: CompoundRole::Joined,
            });
            for (span, range) in &self.parts {
                if !going {
                    break;
                }
                let term = &self.terms[range.clone()];
                let span = span.clone();
                going = emit(TokenRef {
                    term,
                    span,
                    position: self.position,
                    role: CompoundRole::Part,
                });
                self.position += 1;
            }
        }
        self.terms.clear();
        self.parts.clear();
        going
    }
}

/// Whether `c` is one of the hyphen or dash characters treated as a compound joiner.
pub fn is_hyphen(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}'
    )
}

/// The byte length of what joins the word ending at `at` to the next one into a compound,
/// when something does: a hyphen, the underscores of a `snake_case` identifier, the `::` of
/// `Class::method` (and of `Class::__construct`), or the dot of `dotted.names` (between two
/// letters or more on each side, so neither `3.14`, `U.S.` nor the end of a sentence joins).
fn joiner(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let c = rest.chars().next()?;
    let underscores = |from: usize| from + rest[from..].bytes().take_while(|&b| b == b'_').count();
    let length = if is_hyphen(c) {
        c.len_utf8()
    } else if c == '_' {
        underscores(0)
    } else if rest.starts_with("::") {
        underscores(2)
    } else if c == '.' && ends_with_letters(&text[..at]) {
        1
    } else {
        return None;
    };
    let next = rest[length..].chars().next()?;
    let joins = if c == '.' {
        next.is_alphabetic() && rest[length..].chars().nth(1).is_some_and(is_word_char)
    } else {
        followed_by_word_char(text, at + length)
    };
    joins.then_some(length)
}

fn ends_with_letters(text: &str) -> bool {
    let mut last = text.chars().rev();
    last.next().is_some_and(char::is_alphabetic) && last.next().is_some_and(is_word_char)
}

/// The byte length of a letter marked in brackets at `at` (`[x]` in `E[x]tract`, `lis[t]`, as
/// manual pages mark an option's letter), which stays part of its word: a letter, not a digit,
/// so that an index (`argv[1]`, `$matches[0]`) ends its word.
fn marked_letter(text: &str, at: usize) -> Option<usize> {
    if text.as_bytes().get(at) != Some(&b'[') {
        return None;
    }
    let mut chars = text[at..].chars();
    let (open, letter, close) = (chars.next()?, chars.next()?, chars.next()?);
    (open == '[' && close == ']' && letter.is_alphabetic() && !is_unspaced(letter))
        .then(|| 2 + letter.len_utf8())
}

/// A text's characters with their byte offsets, read a byte at a time where they are ASCII
/// (most of most pages): the tokenizer's loop, which excerpts run over whole pages while the
/// visitor types, makes no call per character there.
struct CharCursor<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> CharCursor<'a> {
    fn new(text: &'a str) -> Self {
        CharCursor { text, at: 0 }
    }

    /// The next character and its offset, not passed.
    #[inline(always)]
    fn peek(&self) -> Option<(usize, char)> {
        let byte = *self.text.as_bytes().get(self.at)?;
        let c = if byte.is_ascii() {
            char::from(byte)
        } else {
            self.text[self.at..].chars().next()?
        };
        Some((self.at, c))
    }

    /// The next character and its offset, passed.
    #[inline(always)]
    fn next(&mut self) -> Option<(usize, char)> {
        let (at, c) = self.peek()?;
        self.at += c.len_utf8();
        Some((at, c))
    }

    /// Passes the characters before the byte offset `to` (one that starts a character).
    fn skip_to(&mut self, to: usize) {
        self.at = self.at.max(to);
    }
}

/// Whether `c` is one of the apostrophe characters treated alike.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}' | '\u{FF07}')
}

/// `c` folded to its base characters, per the generated table.
fn fold(c: char) -> Folded {
    if c.is_ascii() {
        return Folded::One(Some(c));
    }
    // A letter with a nukta that Unicode keeps apart from its decomposed form (`ड़`) is that
    // form, as keyboards type it: the letter, then the nukta.
    if ('\u{0929}'..='\u{0B5D}').contains(&c) {
        if let Ok(at) = NUKTA_LETTERS.binary_search_by_key(&c, |&(letter, _)| letter) {
            return Folded::Many(NUKTA_LETTERS[at].1.chars());
        }
    }
    // Arabic-Indic and Persian digits are the digits they stand for (`٢٠٠٢` is `2002`).
    if matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}') {
        return Folded::One(Some(char::from(b'0' + (u32::from(c) & 0xF) as u8)));
    }
    let Ok(code) = u16::try_from(u32::from(c)) else {
        return Folded::One(Some(c));
    };
    if let Ok(i) = fold_table::SINGLE.binary_search_by_key(&code, |&(from, _)| from) {
        let to = fold_table::SINGLE[i].1;
        return Folded::One(char::from_u32(u32::from(to)));
    }
    match fold_table::MULTI.binary_search_by_key(&code, |&(from, _)| from) {
        Ok(i) => Folded::Many(fold_table::MULTI[i].1.chars()),
        Err(_) => Folded::One(Some(c)),
    }
}

/// The Devanagari, Bengali, Gurmukhi and Oriya letters with a nukta, written either as one
/// character or as the letter and the nukta (composition leaves most decomposed), and their
/// decomposed forms.
const NUKTA_LETTERS: [(char, &str); 22] = [
    ('\u{0929}', "\u{0928}\u{093C}"),
    ('\u{0931}', "\u{0930}\u{093C}"),
    ('\u{0934}', "\u{0933}\u{093C}"),
    ('\u{0958}', "\u{0915}\u{093C}"),
    ('\u{0959}', "\u{0916}\u{093C}"),
    ('\u{095A}', "\u{0917}\u{093C}"),
    ('\u{095B}', "\u{091C}\u{093C}"),
    ('\u{095C}', "\u{0921}\u{093C}"),
    ('\u{095D}', "\u{0922}\u{093C}"),
    ('\u{095E}', "\u{092B}\u{093C}"),
    ('\u{095F}', "\u{092F}\u{093C}"),
    ('\u{09DC}', "\u{09A1}\u{09BC}"),
    ('\u{09DD}', "\u{09A2}\u{09BC}"),
    ('\u{09DF}', "\u{09AF}\u{09BC}"),
    ('\u{0A33}', "\u{0A32}\u{0A3C}"),
    ('\u{0A36}', "\u{0A38}\u{0A3C}"),
    ('\u{0A59}', "\u{0A16}\u{0A3C}"),
    ('\u{0A5A}', "\u{0A17}\u{0A3C}"),
    ('\u{0A5B}', "\u{0A1C}\u{0A3C}"),
    ('\u{0A5E}', "\u{0A2B}\u{0A3C}"),
    ('\u{0B5C}', "\u{0B21}\u{0B3C}"),
    ('\u{0B5D}', "\u{0B22}\u{0B3C}"),
];

/// The characters one character folds to.
enum Folded {
    One(Option<char>),
    Many(std::str::Chars<'static>),
}

impl Iterator for Folded {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        match self {
            Folded::One(c) => c.take(),
            Folded::Many(chars) => chars.next(),
        }
    }
}

/// Combining marks that only add a diacritic to a letter, Hebrew's points and cantillation,
/// Arabic's vowel marks (tashkeel) and Quranic marks, and the Arabic tatweel that stretches a
/// word: dropped when folding, as keyboards type words without them (`بسم` for `بِسْمِ`,
/// `בראשית` for `בְּרֵאשִׁית`).
fn is_diacritic(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0591}'..='\u{05BD}'
        | '\u{05BF}'
        | '\u{05C1}'..='\u{05C2}'
        | '\u{05C4}'..='\u{05C5}'
        | '\u{05C7}'
        | '\u{0610}'..='\u{061A}'
        | '\u{0640}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}'
    )
}

/// Marks that belong inside words of scripts with combining vowel signs and points
/// (Hebrew, Arabic, Indic, Thai, Lao), which `char::is_alphanumeric` does not count.
fn is_script_mark(c: char) -> bool {
    matches!(c,
        '\u{0591}'..='\u{05C7}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{0900}'..='\u{0963}'
        | '\u{0966}'..='\u{0DFF}'
        | '\u{0E00}'..='\u{0EFF}'
    )
}

/// Characters a word may hold that are never seen, dropped when folding: a soft hyphen (where
/// a line may break, `Donau&shy;dampf&shy;schiff`), the zero-width non-joiner and joiner
/// (inside Persian words: `می‌خواهم`), the word joiner and the zero-width no-break space.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_diacritic(c) || is_script_mark(c) || is_invisible(c)
}

/// Whether `c` continues a word of Hangul syllables (`hangul`) or of other spaced letters.
fn continues_word(c: char, hangul: bool) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() && !hangul;
    }
    is_word_char(c) && !is_unspaced(c) && is_hangul(c) == hangul
}

/// Whether a word starts at `at` (what is never seen does not start one).
fn followed_by_word_char(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .next()
        .is_some_and(|c| is_word_char(c) && !is_unspaced(c) && !is_invisible(c))
}

/// Whether the character at `at` continues a word (a Korean one when `hangul`) after an
/// apostrophe.
fn continues(text: &str, at: usize, hangul: bool) -> bool {
    text[at..]
        .chars()
        .next()
        .is_some_and(|c| is_word_char(c) && !is_unspaced(c) && is_hangul(c) == hangul)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The terms of `text`'s words, as a query reads them (without the tails of runs).
    fn terms(text: &str) -> Vec<String> {
        let tokens = tokenize(text).into_iter();
        let words = tokens.filter(|t| t.role != CompoundRole::Tail);
        words.map(|t| t.term).collect()
    }

    /// Plain words read without the compound machinery give the tokens it gives: for text
    /// of words in every shape analysis knows, glued by every kind of separator.
    #[test]
    fn plain_words_read_fast_give_the_same_tokens() {
        let words = [
            "plain",
            "Word",
            "x",
            "42",
            "a",
            "t",
            "il",
            "l",
            "getElementById",
            "E[x]tract",
            "[c]",
            "naïve",
            "Tianjín",
            "ﬁx",
            "über",
            "中文",
            "한국어",
            "Ｗｉｄｅ",
            "it",
            "s",
            "U",
            "S",
            "3",
            "14",
            "dotted",
            "names",
            "İstanbul",
            "cafe\u{301}",
            "qu",
            "elle",
        ];
        let separators = [
            " ", " ", "\n", ". ", ".", ",", "-", "_", "__", "'", "’", "[", "]", "::", ":",
            "\u{2010}", "", "(", "\u{a0}", "/", "#",
        ];
        let mut draw = crate::testing::below(0x6c8e_9cf5);
        let mut next = move |n: usize| draw(n as u32) as usize;
        let collect = |text: &str, fast: bool| {
            let mut tokens = Vec::new();
            let mut push = |t: TokenRef<'_>| {
                tokens.push((t.term.to_string(), t.span, t.position, t.role));
                true
            };
            if fast {
                analyze_with::<true>(text, &mut Compound::default(), &mut push);
            } else {
                analyze_with::<false>(text, &mut Compound::default(), &mut push);
            }
            tokens
        };
        let mut plain = 0;
        for _ in 0..5000 {
            let mut text = String::new();
            for _ in 0..next(12) {
                text.push_str(words[next(words.len())]);
                text.push_str(separators[next(separators.len())]);
            }
            let fast = collect(&text, true);
            assert_eq!(fast, collect(&text, false), "{text:?}");
            plain += fast.iter().filter(|t| t.3 == CompoundRole::Word).count();
        }
        assert!(plain > 10_000, "{plain} words");
    }

    /// An analyser read before, even stopped inside a compound or a run of bigrams, reads
    /// the next text as a fresh one does, from position 0.
    #[test]
    fn a_reused_analyzer_reads_each_text_afresh() {
        let texts = [
            "high-level getElementById",
            "中文字 한국어요 array_push",
            "a-t-il l'école",
            "E[x]tract plain words",
        ];
        let mut analyzer = Analyzer::default();
        for before in texts {
            for stop in 1..6 {
                let mut read = 0;
                analyzer.analyze_while(before, |_| {
                    read += 1;
                    read < stop
                });
                for text in texts {
                    let mut tokens = Vec::new();
                    analyzer.analyze_while(text, |t| {
                        tokens.push(Token {
                            term: t.term.to_string(),
                            span: t.span,
                            position: t.position,
                            role: t.role,
                        });
                        true
                    });
                    assert_eq!(
                        tokens,
                        tokenize(text),
                        "{text:?} after {stop} of {before:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn lowercases_and_splits_on_punctuation() {
        assert_eq!(terms("Putin, Xi; TALKS!"), ["putin", "xi", "talks"]);
    }

    #[test]
    fn letters_marked_in_brackets_stay_in_their_words() {
        let text = "E[x]tract [c]reate, lis[t] [v]; see [a] or [ab]c";
        assert_eq!(
            terms(text),
            ["extract", "create", "list", "v", "see", "a", "or", "ab", "c"]
        );
        let spans: Vec<&str> = tokenize(text)
            .iter()
            .map(|t| &text[t.span.clone()])
            .collect();
        assert_eq!(&spans[..3], ["E[x]tract", "[c]reate", "lis[t]"]);
        // A digit in brackets is an index, not a marked letter: `argv` is found.
        assert_eq!(terms("$argv[1]; matches[0]"), ["argv", "1", "matches", "0"]);
    }

    #[test]
    fn what_is_never_seen_stays_inside_its_word() {
        assert_eq!(terms("Donau\u{AD}dampf\u{AD}schiff"), ["donaudampfschiff"]);
        assert_eq!(terms("می\u{200C}خواهم"), terms("میخواهم"));
        assert_eq!(
            terms("zero\u{2060}width \u{FEFF}start"),
            ["zerowidth", "start"]
        );
        // Alone, or between emoji, it is no word, nor does it join a hyphen to a word.
        assert_eq!(terms("walrus-\u{AD} tusk"), ["walrus", "tusk"]);
        assert!(terms("\u{200D} 👩\u{200D}🔬 \u{AD}").is_empty());
        // A word typed with it is the word without it, and so are the accents of it.
        let word = "Dampf\u{AD}schiff";
        assert_eq!(written_term(word, 0..word.len()), None);
    }

    /// A name's opening and closing underscores are kept in its written term, where nothing
    /// joins them to another word; its term is the word without them.
    #[test]
    fn a_name_s_underscores_are_written_beside_its_term() {
        let written = |text: &str| -> Vec<Option<String>> {
            let tokens = tokenize(text);
            let words = tokens.iter().filter(|t| t.role != CompoundRole::Joined);
            let written = words.map(|t| written_term(text, t.span.clone()));
            written
                .map(|w| w.map(|w| w.replacen(WRITTEN, "", 1)))
                .collect()
        };
        let some = |w: &str| Some(w.to_string());
        assert_eq!(terms("__get()"), ["get"]);
        assert_eq!(written("__get()"), [some("__get")]);
        assert_eq!(written("echo __DIR__;"), [None, some("__dir__")]);
        assert_eq!(written("$_GET['a']"), [some("_get"), None]);
        assert_eq!(written("Closure::__invoke"), [None, some("__invoke")]);
        // Underscores joining two words are the compound's, not a name's.
        assert_eq!(written("array_push"), [None, None]);
        // Nor do underscores that only close it: `hash_` is typed on the way to `hash_file`.
        assert_eq!(written("the hash_* functions"), [None, None, None]);
        assert_eq!(written("DIR__"), [None]);
        assert_eq!(written("a__b"), [None, None]);
        assert_eq!(written("__set_state"), [None, None]);
        assert_eq!(written("café __café"), [some("café"), some("__café")]);
        assert_eq!(written("plain words"), [None, None]);
    }

    /// Text written in another of Unicode's forms of the same letters gives the terms the
    /// form keyboards type gives, and its tokens span the text as written.
    #[test]
    fn letters_written_in_other_forms_give_the_typed_terms() {
        let same = |written: &str, typed: &str| {
            assert_eq!(terms(written), terms(typed), "{written}");
            for token in tokenize(written) {
                assert!(
                    written.is_char_boundary(token.span.start)
                        && written.is_char_boundary(token.span.end)
                );
            }
        };
        // Decomposed Hangul (with particles: the word's bigrams too) and kana.
        same("\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}\u{110B}\u{1165}\u{1105}\u{1173}\u{11AF} 배우다", "한국어를 배우다");
        same("テ\u{3099}ータヘ\u{3099}ース", "データベース");
        same("ｶﾞｲﾄﾞﾌﾞｯｸ", "ガイドブック");
        // Vowel marks, points and tatweel, as keyboards leave them out.
        same("بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ", "بسم الله الرحمن الرحيم");
        same("مكتـــبة", "مكتبة");
        same("בְּרֵאשִׁית בָּרָא", "בראשית ברא");
        same("٢٠٠٢ ۱۴۰۳", "2002 1403");
        // A letter with a nukta, precomposed or not.
        same("\u{095C}ा", "\u{0921}\u{093C}ा");
        same("दुस\u{0931}्या", "दुस\u{0930}\u{093C}्या");
        // `々` repeats the Han character before it, inside the run.
        same("様々な人々", "様々な人々");
        assert_eq!(terms("様々"), ["様々"]);
        // A decomposed syllable is one character of its run: its span holds the mark.
        let text = "か\u{3099}き";
        let spans: Vec<_> = tokenize(text).into_iter().map(|t| t.span).collect();
        assert_eq!(
            spans,
            vec![
                Range {
                    start: 0,
                    end: text.len()
                },
                Range {
                    start: "か\u{3099}".len(),
                    end: text.len()
                }
            ]
        );
        assert_eq!(terms(text), ["がき"]);
    }

    #[test]
    fn the_dotless_i_and_letters_with_a_stroke_fold_to_their_base() {
        assert_eq!(terms("ılık Ilık ILIK"), ["ilik", "ilik", "ilik"]);
        assert_eq!(terms("Søren Łódź Đorđe"), terms("Soren Lodz Dorde"));
    }

    #[test]
    fn snake_case_identifiers_are_compounds() {
        assert_eq!(terms("array_push()"), ["arraypush", "array", "push"]);
        assert_eq!(terms("_private __init__"), ["private", "init"]);
        assert_eq!(terms("PHP__VERSION"), ["phpversion", "php", "version"]);
    }

    #[test]
    fn camel_case_words_have_parts() {
        fn parts(word: &str) -> Vec<&str> {
            camel_parts(word).into_iter().map(|r| &word[r]).collect()
        }
        assert_eq!(parts("getElementById"), ["get", "Element", "By", "Id"]);
        assert_eq!(parts("DateTime"), ["Date", "Time"]);
        assert_eq!(parts("HTMLParser"), ["HTML", "Parser"]);
        assert_eq!(parts("utf8Encode"), ["utf8", "Encode"]);
        assert_eq!(parts("ÉcoleNormale"), ["École", "Normale"]);
        for whole in ["iPhone", "PhD", "plain", "HTML", "Title", "x"] {
            assert!(parts(whole).is_empty(), "{whole}");
        }
    }

    #[test]
    fn class_members_and_dotted_names_are_compounds() {
        assert_eq!(
            terms("DateTime::format"),
            ["datetimeformat", "datetime", "format"]
        );
        assert_eq!(
            terms("ArrayIterator::__construct"),
            ["arrayiteratorconstruct", "arrayiterator", "construct"]
        );
        assert_eq!(terms("os.path"), ["ospath", "os", "path"]);
        assert_eq!(terms("pi is 3.14. Next"), ["pi", "is", "3", "14", "next"]);
        assert_eq!(terms("end. start a:b"), ["end", "start", "a", "b"]);
        assert_eq!(terms("U.S. e.g."), ["u", "s", "e", "g"]);
    }

    #[test]
    fn folds_diacritics_and_compatibility_forms() {
        assert_eq!(
            terms("Tianjín café ＡＢＣ ﬁnal"),
            ["tianjin", "cafe", "abc", "final"]
        );
        assert_eq!(terms("Straße"), ["strasse"]);
    }

    #[test]
    fn every_hyphen_variant_makes_the_same_compound() {
        let expected = ["highlevel", "high", "level"];
        for hyphen in [
            '-', '\u{2010}', '\u{2011}', '\u{2013}', '\u{2014}', '\u{2212}', '\u{FE63}', '\u{FF0D}',
        ] {
            assert_eq!(terms(&format!("high{hyphen}level")), expected, "{hyphen:?}");
        }
    }

    #[test]
    fn compound_parts_have_consecutive_positions_and_joined_form_the_first() {
        let tokens = tokenize("a high\u{2011}level talk");
        let positions: Vec<(&str, u32)> = tokens
            .iter()
            .map(|t| (t.term.as_str(), t.position))
            .collect();
        assert_eq!(
            positions,
            [
                ("a", 0),
                ("highlevel", 1),
                ("high", 1),
                ("level", 2),
                ("talk", 3)
            ]
        );
        assert_eq!(
            &"a high\u{2011}level talk"[tokens[1].span.clone()],
            "high\u{2011}level"
        );
    }

    #[test]
    fn possessive_removed_for_every_apostrophe_variant() {
        for apostrophe in ['\'', '\u{2019}', '\u{02BC}', '\u{FF07}'] {
            assert_eq!(
                terms(&format!("Jinping{apostrophe}s visit")),
                ["jinping", "visit"]
            );
        }
        assert_eq!(terms("don't"), ["dont"]);
    }

    #[test]
    fn a_dangling_hyphen_or_apostrophe_is_not_a_joiner() {
        assert_eq!(terms("well- known 'quoted'"), ["well", "known", "quoted"]);
    }

    #[test]
    fn numbers_and_dates_are_terms() {
        assert_eq!(terms("in 2022"), ["in", "2022"]);
        assert_eq!(terms("2025-02-22"), ["20250222", "2025", "02", "22"]);
    }

    #[test]
    fn decomposed_diacritics_fold_like_precomposed_ones() {
        assert_eq!(terms("Tianji\u{301}n"), terms("Tianjín"));
        assert_eq!(terms("Ελληνικά Ёлка"), ["ελληνικα", "елка"]);
    }

    #[test]
    fn indic_vowel_signs_stay_inside_words() {
        assert_eq!(terms("हिन्दी भाषा"), ["हिन्दी", "भाषा"]);
    }

    #[test]
    fn halfwidth_katakana_folds_and_splits_like_fullwidth() {
        assert_eq!(terms("ｱｲｳ"), terms("アイウ"));
        assert_eq!(terms("アイウ"), ["アイ", "イウ"]);
    }

    #[test]
    fn chinese_and_japanese_are_cut_into_bigrams_with_or_without_spaces() {
        assert_eq!(terms("北京abc"), ["北京", "abc"]);
        assert_eq!(terms("北京大学"), ["北京", "京大", "大学"]);
        assert_eq!(terms("北京 大学"), terms("北京大学"));
        assert_eq!(terms("北京　大学"), terms("北京大学"));
        assert_eq!(terms("東京に行く"), ["東京", "京に", "に行", "行く"]);
        assert_eq!(terms("中"), ["中"]);
        let positions: Vec<u32> = tokenize("北京大学 abc")
            .iter()
            .map(|t| t.position)
            .collect();
        assert_eq!(positions, [0, 1, 2, 2, 3], "the tail at the last bigram's");
    }

    #[test]
    fn bigram_spans_point_at_the_original_text() {
        let text = "在北京 大学。";
        let spans: Vec<&str> = tokenize(text)
            .iter()
            .map(|t| &text[t.span.clone()])
            .collect();
        assert_eq!(spans, ["在北", "北京", "京 大", "大学", "学"]);
    }

    /// The last character of a run, in no bigram's start, is indexed alone at the last
    /// bigram's position, so that a query of that character finds the run; a run of one
    /// character is that character already.
    #[test]
    fn a_run_s_last_character_is_its_tail() {
        let tails = |text: &str| -> Vec<(String, u32)> {
            let tokens = tokenize(text).into_iter();
            let tails = tokens.filter(|t| t.role == CompoundRole::Tail);
            tails.map(|t| (t.term, t.position)).collect()
        };
        assert_eq!(tails("图书馆"), [("馆".to_string(), 1)]);
        assert_eq!(tails("小猫。我的猫"), [("猫".into(), 0), ("猫".into(), 2)]);
        assert_eq!(tails("ｱｲｳ"), [("ウ".into(), 1)]);
        assert!(tails("猫 and 中").is_empty());
        // Korean words are found by their first syllables, as words are.
        assert!(tails("한국어를 배워요").is_empty());
    }

    #[test]
    fn korean_words_are_split_by_spaces_and_long_ones_into_bigrams() {
        assert_eq!(terms("한국 사람"), ["한국", "사람"]);
        let tokens = tokenize("한국어를 배워요");
        let found: Vec<(&str, u32, CompoundRole)> = tokens
            .iter()
            .map(|t| (t.term.as_str(), t.position, t.role))
            .collect();
        assert_eq!(
            found,
            [
                ("한국어를", 0, CompoundRole::Joined),
                ("한국", 0, CompoundRole::Part),
                ("국어", 1, CompoundRole::Part),
                ("어를", 2, CompoundRole::Part),
                ("배워요", 3, CompoundRole::Joined),
                ("배워", 3, CompoundRole::Part),
                ("워요", 4, CompoundRole::Part),
            ]
        );
        assert_eq!(terms("abc한국"), ["abc", "한국"]);
    }

    #[test]
    fn elided_articles_are_dropped() {
        assert_eq!(terms("l'école"), ["ecole"]);
        assert_eq!(terms("L’économie d'Europe"), ["economie", "europe"]);
        assert_eq!(terms("qu'il jusqu'ici"), ["il", "ici"]);
        assert_eq!(
            terms("dell'arte nell'acqua un'amica"),
            ["arte", "acqua", "amica"]
        );
        assert_eq!(terms("aujourd'hui quelqu'un"), ["aujourdhui", "quelquun"]);
        let text = "l'école";
        assert_eq!(&text[tokenize(text)[0].span.clone()], "école");
    }

    #[test]
    fn english_contractions_are_not_elisions() {
        assert_eq!(
            terms("all's well, can't, I'd, we'll"),
            ["all", "well", "cant", "id", "well"]
        );
        assert_eq!(terms("s'il"), ["il"]);
    }

    #[test]
    fn the_euphonic_t_is_dropped() {
        assert_eq!(terms("a-t-il"), ["ail", "a", "il"]);
        assert_eq!(terms("va-t-elle"), ["vaelle", "va", "elle"]);
        assert_eq!(terms("part-time"), ["parttime", "part", "time"]);
        assert_eq!(terms("t-on"), ["ton", "t", "on"]);
    }

    #[test]
    fn spans_point_at_the_original_text() {
        let text = "Xi Jinping’s visit";
        let spans: Vec<&str> = tokenize(text)
            .iter()
            .map(|t| &text[t.span.clone()])
            .collect();
        assert_eq!(spans, ["Xi", "Jinping’s", "visit"]);
    }
}
