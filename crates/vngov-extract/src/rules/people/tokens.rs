//! Words and punctuation of a text, with the shape of each word and the kind of
//! space before it. Names and titles are read on these tokens rather than on raw
//! text so that line breaks inside a name ("Lê Thành\nLong") and case
//! ("PHẠM MINH CHÍNH") are handled once.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::marker::PhantomData;
use std::ops::Range;
use std::rc::Rc;
use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;
use vngov_text::chars;

use crate::word_hash::WordHasher;

/// The shape of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// First letter upper-case, the rest lower-case letters ("Nguyễn").
    Cap,
    /// Letters all upper-case, maybe with digits ("UBND", "PHẠM", "COVID-19").
    Upper,
    /// Starts with a lower-case letter ("tỉnh").
    Lower,
    /// Anything else made of letters and digits ("TT&TT", "Đ/c", "12").
    Mixed,
    /// One punctuation character.
    Punct,
}

/// What separates a token from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Gap {
    /// Nothing: the tokens touch ("tỉnh," or "(Ban").
    None,
    /// Spaces.
    Space,
    /// One line break (a wrapped line).
    Line,
    /// A blank line or more: a new paragraph.
    Break,
}

/// One word or punctuation mark of a text borrowed for `'a`.
///
/// Kept small (24 bytes): a text has a token every five bytes or so, and a large
/// document holds all of them at once. Its text is its form's.
#[derive(Debug, Clone)]
pub struct Token<'a> {
    /// Byte offset of its start in the text (its length is its form's).
    start: usize,
    /// Its shape.
    pub shape: Shape,
    /// The space before it.
    pub gap: Gap,
    /// What every token written the same way shares.
    form: Rc<Form>,
    text: PhantomData<&'a str>,
}

/// What is read off a token's text, once for each way a token is written: the
/// words of a language repeat, within a document and across documents.
#[derive(Debug)]
struct Form {
    text: Box<str>,
    lower: Box<str>,
    fold: Box<str>,
    shape: Shape,
    first_word_of: Cell<Option<u16>>,
}

impl<'a> Token<'a> {
    /// The token as written.
    pub fn text(&self) -> &str {
        &self.form.text
    }

    /// Its byte range in the text.
    pub fn range(&self) -> Range<usize> {
        self.start..self.start + self.form.text.len()
    }

    /// Lower-cased, tone marks placed the classic way ("Uỷ" → "ủy", "Đ/c" → "đ/c").
    pub fn lower(&self) -> &str {
        &self.form.lower
    }

    /// Folded for matching: no diacritics, lower case.
    pub fn fold(&self) -> &str {
        &self.form.fold
    }

    /// Which of the lexicon's phrase sets have a phrase starting with this token;
    /// set on first use by the lexicon, for every token written the same way.
    pub(super) fn first_word_of(&self) -> &Cell<Option<u16>> {
        &self.form.first_word_of
    }

    /// Whether this is the punctuation mark `c`.
    pub fn is_punct(&self, c: &str) -> bool {
        self.shape == Shape::Punct && self.text() == c
    }

    /// Whether this is a word (not punctuation).
    pub fn is_word(&self) -> bool {
        self.shape != Shape::Punct
    }
}

/// A char of a word: a letter, mark or number.
static WORD_CHAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\p{L}\p{M}\p{N}]$").expect("word char pattern"));

/// Whether `c` is a letter, mark or number (`[\p{L}\p{M}\p{N}]`); ASCII,
/// Vietnamese letters and general punctuation answered without the pattern.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if chars::is_vietnamese_letter(c) {
        true
    } else if ('\u{2000}'..='\u{206F}').contains(&c) {
        // Spaces, dashes, quotes, bullets: no letter, mark or number.
        false
    } else {
        WORD_CHAR.is_match(c.encode_utf8(&mut [0; 4]))
    }
}

/// End of the run of word chars starting at byte `i`.
fn run_end(text: &str, i: usize) -> usize {
    first_where(text, i, false).unwrap_or(text.len())
}

/// The first word char at or after byte `from`.
fn word_start(text: &str, from: usize) -> Option<usize> {
    first_where(text, from, true)
}

/// The first byte at or after `from` starting a char that is a word char (`word`)
/// or is not one. Inlined, so that each caller's loop is built for its `word`
/// (a hot loop: every char of every text).
#[inline(always)]
fn first_where(text: &str, from: usize, word: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut j = from;
    while let Some(&b) = bytes.get(j) {
        // ASCII bytes, most of a text's, need no decoding.
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() == word {
                return Some(j);
            }
            j += 1;
            continue;
        }
        let c = text[j..].chars().next()?;
        if is_word_char(c) == word {
            return Some(j);
        }
        j += c.len_utf8();
    }
    None
}

/// The next word at or after byte `from`: word chars, which may hold `/`, `&`,
/// `-` and an apostrophe between them ("Đ/c", "TT&TT", "COVID-19").
fn next_word(text: &str, from: usize) -> Option<Range<usize>> {
    let start = word_start(text, from)?;
    let mut end = run_end(text, start);
    loop {
        // Most words end at a space or a mark that joins none.
        if text.as_bytes().get(end).map_or(true, |&b| {
            b.is_ascii() && !matches!(b, b'/' | b'&' | b'-' | b'\'')
        }) {
            return Some(start..end);
        }
        let mut rest = text[end..].chars();
        match (rest.next(), rest.next()) {
            (Some('-'), _) if title_after_hyphen(text, start..end) => return Some(start..end),
            (Some(sep @ ('/' | '&' | '-' | '\'' | '’')), Some(c)) if is_word_char(c) => {
                end = run_end(text, end + sep.len_utf8());
            }
            _ => return Some(start..end),
        }
    }
}

/// Whether the hyphen after the word `w` (ending in a lower-case letter) opens a
/// title.
fn title_after_hyphen(text: &str, w: Range<usize>) -> bool {
    if !text[w.clone()]
        .chars()
        .next_back()
        .is_some_and(chars::is_lower)
    {
        return false;
    }
    let after = &text[w.end + 1..];
    let len = after
        .find(|c: char| !chars::is_letter(c))
        .unwrap_or(after.len());
    super::lexicon::TITLE_OPENERS.contains(&vngov_text::fold(&after[..len]))
}

/// The words of `text`, in order.
fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let w = next_word(text, at)?;
        at = w.end;
        Some(w)
    })
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    FORMS.with_borrow_mut(|forms| {
        if forms.len() > MAX_FORMS {
            forms.clear();
        }
        tokenize_with(text, forms)
    })
}

fn tokenize_with<'a>(text: &'a str, forms: &mut Forms) -> Vec<Token<'a>> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut prev_end = 0;
    let mut pos = 0;
    // Each word, and the punctuation between it and the previous one; then the
    // punctuation after the last word.
    let ends = words(text).map(Some).chain(std::iter::once(None));
    for m in ends {
        let gap_end = m.as_ref().map_or(text.len(), |m| m.start);
        for (i, c) in text[pos..gap_end].char_indices() {
            if !c.is_whitespace() {
                let s = pos + i;
                out.push(token(text, s..s + c.len_utf8(), prev_end, false, forms));
                prev_end = s + c.len_utf8();
            }
        }
        let Some(m) = m else { break };
        let end = m.end;
        out.push(token(text, m, prev_end, true, forms));
        prev_end = end;
        pos = end;
    }
    out
}

/// The forms read so far on this thread, by the token's text. A word and a
/// punctuation mark are never written alike, so the text alone is the key.
type Forms = HashMap<Box<str>, Rc<Form>, BuildHasherDefault<WordHasher>>;

/// Forms kept at most before the table starts anew (codes and numbers are
/// written in endless ways; the words of the language are a few thousand).
const MAX_FORMS: usize = 50_000;

thread_local! {
    static FORMS: RefCell<Forms> = RefCell::new(Forms::default());
}

/// The token at `r`, the previous one ending at `prev_end`.
fn token<'a>(
    text: &'a str,
    r: Range<usize>,
    prev_end: usize,
    word: bool,
    forms: &mut Forms,
) -> Token<'a> {
    let between = &text.as_bytes()[prev_end..r.start];
    let gap = match (
        between.is_empty(),
        between.iter().filter(|&&b| b == b'\n').count(),
    ) {
        (true, _) => Gap::None,
        (false, 0) => Gap::Space,
        (false, 1) => Gap::Line,
        _ => Gap::Break,
    };
    let t = &text[r.clone()];
    let form = match forms.get(t) {
        Some(f) => Rc::clone(f),
        None => {
            let f = Rc::new(Form {
                text: t.into(),
                lower: lower_key_cow(t).into(),
                fold: fold_key(t).into(),
                shape: if word { shape(t) } else { Shape::Punct },
                first_word_of: Cell::new(None),
            });
            forms.insert(t.into(), Rc::clone(&f));
            f
        }
    };
    Token {
        start: r.start,
        shape: form.shape,
        gap,
        form,
        text: PhantomData,
    }
}

/// Combining tone marks (NFD).
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// `w` in lower case with the tone of a final "oa", "oe", "uy" on its first vowel
/// (classic placement, as in the lexicons), whichever placement the text used.
pub fn lower_key(w: &str) -> String {
    lower_key_cow(w).into_owned()
}

/// [`lower_key`], borrowing `w` when it is its own key.
fn lower_key_cow(w: &str) -> Cow<'_, str> {
    lower_key_letters(w).unwrap_or_else(|| Cow::Owned(lower_key_nfd(w)))
}

/// Final vowels a tone moves off, by tone (grave, acute, hook, tilde, dot), with
/// their bare form, and the vowel before each with the tone it takes.
const MOVES: [([char; 5], char, char, [char; 5]); 3] = [
    (
        ['à', 'á', 'ả', 'ã', 'ạ'],
        'a',
        'o',
        ['ò', 'ó', 'ỏ', 'õ', 'ọ'],
    ),
    (
        ['è', 'é', 'ẻ', 'ẽ', 'ẹ'],
        'e',
        'o',
        ['ò', 'ó', 'ỏ', 'õ', 'ọ'],
    ),
    (
        ['ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
        'y',
        'u',
        ['ù', 'ú', 'ủ', 'ũ', 'ụ'],
    ),
];

/// [`lower_key`] for a word of ASCII and precomposed Vietnamese letters, done on
/// composed chars (borrowing `w` when it is its own key); `None` for any other word.
fn lower_key_letters(w: &str) -> Option<Cow<'_, str>> {
    let (mut p2, mut p1, mut last) = ('\0', '\0', '\0');
    let mut same = true;
    for c in w.chars() {
        let l = if c.is_ascii() {
            c.to_ascii_lowercase()
        } else if chars::is_vietnamese_letter(c) {
            chars::to_lower(c)?
        } else {
            return None;
        };
        same &= l == c;
        (p2, p1, last) = (p1, last, l);
    }
    let moved = (p2 != 'q')
        .then(|| {
            MOVES.iter().find_map(|(toned, bare, before, moved)| {
                let t = toned.iter().position(|&f| f == last)?;
                (p1 == *before).then_some((*before, moved[t], *bare))
            })
        })
        .flatten();
    if same && moved.is_none() {
        return Some(Cow::Borrowed(w));
    }
    let mut out: String = w.chars().filter_map(chars::to_lower).collect();
    if let Some((before, toned, bare)) = moved {
        out.truncate(out.len() - before.len_utf8() - last.len_utf8());
        out.push(toned);
        out.push(bare);
    }
    Some(Cow::Owned(out))
}

/// [`vngov_text::fold`] of `w`, borrowing it when it is its own fold.
fn fold_key(w: &str) -> Cow<'_, str> {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(vngov_text::fold(w))
    }
}

fn lower_key_nfd(w: &str) -> String {
    let lower = w.to_lowercase();
    let mut cs: Vec<char> = lower.nfd().collect();
    let n = cs.len();
    if n >= 3 && TONES.contains(&cs[n - 1]) {
        let (a, b) = (cs[n - 3], cs[n - 2]);
        let pair = matches!((a, b), ('o', 'a') | ('o', 'e') | ('u', 'y'));
        let after_q = n >= 4 && cs[n - 4] == 'q';
        if pair && !after_q {
            let tone = cs.pop().unwrap_or('\u{300}');
            cs.insert(n - 2, tone);
        }
    }
    cs.into_iter().nfc().collect()
}

/// The shape of a word.
fn shape(w: &str) -> Shape {
    let mut rest = w.chars();
    let Some(first) = rest.next() else {
        return Shape::Mixed;
    };
    let letters_only = w.chars().all(chars::is_letter);
    if chars::is_lower(first) {
        Shape::Lower
    } else if letters_only && chars::is_upper(first) && rest.clone().all(chars::is_lower) {
        Shape::Cap
    } else if w.chars().any(chars::is_letter)
        && !w.chars().any(chars::is_lower)
        && w.chars().all(|c| chars::is_letter_or_digit(c) || c == '-')
    {
        Shape::Upper
    } else {
        Shape::Mixed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_punctuation_and_gaps() {
        let t = "Đồng chí Lê Thành\nLong, Phó Chủ tịch UBND tỉnh;\n\nĐ/c TT&TT COVID-19.";
        let toks = tokenize(t);
        let words: Vec<(&str, Shape, Gap)> =
            toks.iter().map(|t| (t.text(), t.shape, t.gap)).collect();
        assert_eq!(words[4], ("Long", Shape::Cap, Gap::Line));
        assert_eq!(words[5], (",", Shape::Punct, Gap::None));
        assert_eq!(words[9], ("UBND", Shape::Upper, Gap::Space));
        assert_eq!(words[11], (";", Shape::Punct, Gap::None));
        assert_eq!(words[12], ("Đ/c", Shape::Mixed, Gap::Break));
        assert_eq!(words[13].0, "TT&TT");
        assert_eq!(words[14], ("COVID-19", Shape::Upper, Gap::Space));
        assert_eq!(words[15].0, ".");
        assert_eq!(toks[0].fold(), "dong");
        assert_eq!(&t[toks[4].range()], "Long");
        assert_eq!(lower_key("Uỷ"), "ủy");
        assert_eq!(lower_key("HOÀ"), "hòa");
        assert_eq!(lower_key("thuỷ"), "thủy");
        assert_eq!(lower_key("quý"), "quý");
        assert_eq!(lower_key("Trưởng"), "trưởng");
        assert_eq!(lower_key("KHOẺ"), "khỏe");
        assert_eq!(lower_key("QUÝ"), "quý");
    }

    #[test]
    fn tokens_written_alike_share_their_form() {
        let t = "Chủ tịch UBND tỉnh, chủ tịch; Chủ tịch UỶ BAN tỉnh,";
        let toks = tokenize(t);
        for a in &toks {
            assert_eq!(a.lower(), lower_key(a.text()));
            assert_eq!(a.fold(), vngov_text::fold(a.text()));
            for b in &toks {
                assert_eq!(Rc::ptr_eq(&a.form, &b.form), a.text() == b.text());
            }
        }
        assert!(std::ptr::eq(
            toks[0].first_word_of(),
            toks[8].first_word_of()
        ));
        assert!(!std::ptr::eq(
            toks[0].first_word_of(),
            toks[5].first_word_of()
        ));
    }

    #[test]
    fn forms_kept_from_an_earlier_text_read_the_same() {
        let first = tokenize("Chủ tịch UBND tỉnh Lê Thành Long, 12/2023");
        let again = "CHỦ TỊCH Ubnd tỉnh, Lê Thành\nLong; chủ tịch 12/2023 Uỷ ban";
        let toks = tokenize(again);
        assert!(Rc::ptr_eq(&first[4].form, &toks[5].form));
        let mut fresh = Forms::default();
        for (a, b) in toks.iter().zip(tokenize_with(again, &mut fresh)) {
            assert_eq!(
                (a.text(), a.range(), a.shape, a.gap),
                (b.text(), b.range(), b.shape, b.gap)
            );
            assert_eq!((a.lower(), a.fold()), (b.lower(), b.fold()));
        }
    }

    #[test]
    fn word_chars_agree_with_the_pattern() {
        for c in (0..0x11_0000u32).filter_map(char::from_u32) {
            assert_eq!(
                is_word_char(c),
                WORD_CHAR.is_match(c.encode_utf8(&mut [0; 4])),
                "{c:?}"
            );
        }
    }

    #[test]
    fn words_agree_with_the_pattern() {
        let re = Regex::new(r"[\p{L}\p{M}\p{N}]+(?:[/&\-'’][\p{L}\p{M}\p{N}]+)*").unwrap();
        for t in [
            "Đ/c TT&TT COVID-19 l'état 5’s a-/b --x x-- x-y-z ²³ e\u{301} “Hà Nội”…",
            "-a/ b&&c d-'e f'g' (UBND) 12/2023/NĐ-CP ½ Ⅻ ١٢ 東京 ﬁ",
            "",
            "/",
            "a",
        ] {
            let ours: Vec<Range<usize>> = words(t).collect();
            let theirs: Vec<Range<usize>> = re.find_iter(t).map(|m| m.range()).collect();
            assert_eq!(ours, theirs, "{t}");
        }
    }

    #[test]
    fn lower_key_on_letters_agrees_with_nfd() {
        let alphabet: Vec<char> = "qQoOuUaAeEyYhiđĐòÒọÕàáạẠảãèÈéẹẸỳýỵỶỹêếưừ1-ñ\u{301}"
            .chars()
            .collect();
        let mut w = String::new();
        for &a in &alphabet {
            for &b in &alphabet {
                for &c in &alphabet {
                    for word in [vec![b, c], vec![a, b, c], vec![c, a, b, c]] {
                        w.clear();
                        w.extend(word);
                        assert_eq!(lower_key(&w), lower_key_nfd(&w), "{w}");
                        assert_eq!(fold_key(&w), vngov_text::fold(&w), "{w}");
                    }
                }
            }
        }
    }
}
