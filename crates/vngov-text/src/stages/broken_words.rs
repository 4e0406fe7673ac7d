//! Stage 5: words broken across a line break ("T\n\nrước mắt" → "Trước mắt").
//!
//! The line break(s) are removed when all of these hold: the last word before the
//! break is a fragment, not a syllable by itself; it stands alone (start of text,
//! or after a space or opening bracket/quote; so never part of a number or code);
//! it is not an abbreviation (two or more capitals followed by a word that is not
//! all capitals, as in "UBND\nhuyện"), nor a lone capital before an all-capitals
//! word (a label: "Phần B\nAN NINH"); a fragment starting with a capital opens a
//! sentence or line (not the initial in "Nguyễn Văn T\nrất"); the word after the
//! break starts right at the line start; and the two joined form one syllable with
//! a plausible case ("Trước", "TRƯỚC", not "TRước"). Runs after the spacing stage,
//! so a break is "\n" or "\n\n".

use crate::chars::is_letter;
use crate::letters::{shape, Shape};
use crate::offset::Rewrite;
use crate::stages::{decode_at, word_end, word_start};
use crate::syllable::{is_syllable, MAX_LETTERS};
use crate::RepairKind;

fn stands_alone(chars: &[char], start: usize) -> bool {
    start == 0
        || matches!(
            chars[start - 1],
            ' ' | '\n' | '(' | '[' | '"' | '\'' | '“' | '‘' | '«'
        )
}

/// True at the start of the text or a line, or after sentence punctuation.
fn opens_sentence(chars: &[char], start: usize) -> bool {
    let mut k = start;
    while k > 0 && matches!(chars[k - 1], ' ' | '(' | '[' | '"' | '\'' | '“' | '‘' | '«') {
        k -= 1;
    }
    k == 0 || matches!(chars[k - 1], '\n' | '.' | '!' | '?' | ':' | ';' | '…')
}

/// Whether the break at `nl..after` (newlines) should be removed.
fn joins(chars: &[char], nl: usize, after: usize, joined: &mut String) -> bool {
    let start = word_start(chars, nl);
    let end = word_end(chars, after);
    if start == nl || end == after || !stands_alone(chars, start) {
        return false;
    }
    let (frag, next) = (&chars[start..nl], &chars[after..end]);
    if frag.len() + next.len() > MAX_LETTERS {
        return false;
    }
    joined.clear();
    joined.extend(frag);
    if is_syllable(joined) {
        return false;
    }
    let (fs, ns) = (shape(frag), shape(next));
    // "UBND\nhuyện": an abbreviation; "Phần B\nAN NINH": a label before a title.
    if (frag.len() >= 2 && fs == Shape::Upper && ns != Shape::Upper)
        || (frag.len() == 1 && fs != Shape::Lower && ns == Shape::Upper)
    {
        return false;
    }
    // A capital fragment must open a sentence or line: "Nguyễn Văn T\nrất" is a
    // name's initial.
    if fs != Shape::Lower && !opens_sentence(chars, start) {
        return false;
    }
    joined.extend(next);
    let whole: Vec<char> = joined.chars().collect();
    matches!(shape(&whole), Shape::Lower | Shape::Title | Shape::Upper) && is_syllable(joined)
}

/// Joins broken words; `None` if there are none.
///
/// Only a run of line breaks with a letter on each side can be a broken word.
/// Every look-back of [`joins`] stops at a line break ([`opens_sentence`] walks
/// back over spaces and opening marks only), so it is run on the chars from the
/// start of the line before the run to the end of the word after it.
pub(crate) fn apply(text: &str) -> Option<Rewrite> {
    let bytes = text.as_bytes();
    let mut joined = String::new();
    let mut window: Vec<char> = Vec::new();
    // The runs of line breaks to remove, as byte ranges and the char offset of
    // their start.
    let mut cuts = Vec::new();
    // Chars are counted up to byte `counted`, which is char `counted_at`.
    let (mut counted, mut counted_at) = (0, 0);
    // The line before the next run starts at byte `line`.
    let mut line = 0;
    let mut b = 0;
    while let Some(k) = text[b..].find('\n') {
        let nl = b + k;
        let mut after = nl;
        while bytes.get(after) == Some(&b'\n') {
            after += 1;
        }
        let letters_around = nl > 0
            && after < bytes.len()
            && is_letter(char_before(text, nl))
            && is_letter(decode_at(bytes, after).0);
        if letters_around {
            let mut end = after;
            while end < bytes.len() && is_letter(decode_at(bytes, end).0) {
                end += decode_at(bytes, end).1;
            }
            window.clear();
            window.extend(text[line..nl].chars());
            let at = window.len();
            window.extend(text[nl..end].chars());
            if joins(&window, at, at + (after - nl), &mut joined) {
                counted_at += text[counted..nl].chars().count();
                counted = nl;
                cuts.push((nl, after, counted_at));
            }
        }
        line = after;
        b = after;
    }
    if cuts.is_empty() {
        return None;
    }
    let mut out = Rewrite::with_capacity(text.len());
    // Copied up to byte `from`, which is char `from_at`.
    let (mut from, mut from_at) = (0, 0);
    for (nl, after, at) in cuts {
        out.copy(&text[from..nl], from_at);
        out.repair(RepairKind::JoinedBrokenWord, at);
        (from, from_at) = (after, at + (after - nl));
    }
    out.copy(&text[from..], from_at);
    Some(out)
}

/// The char that ends before byte `b` (which is not 0).
fn char_before(text: &str, b: usize) -> char {
    text[..b].chars().next_back().unwrap_or(' ')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::test_util::{find, source_of};

    #[test]
    fn joins_a_split_word() {
        let input = "Hội nghị.\nT\n\nrước mắt, tỉnh sẽ triể\nn khai.";
        let r = apply(input).unwrap();
        assert_eq!(r.text, "Hội nghị.\nTrước mắt, tỉnh sẽ triển khai.");
        assert_eq!(r.repairs.len(), 2);
        let s = find(&r.text, "Trước");
        assert_eq!(source_of(input, &r, s, s + 5), "T\n\nrước");
    }

    #[test]
    fn leaves_real_line_breaks() {
        for text in [
            "Kết luận\nhội nghị", // syllable before the break
            "UBND\nhuyện",        // abbreviation
            "a)\nan toàn",        // list marker
            "Điều 1.\nBan hành",  // number
            "3T\nrước",           // fragment glued to a digit
            "Internet\nvà",       // no syllable when joined
            "B\nAN",              // case would be "BAN"? fragment single capital + upper word
            "tr\n\nĐồng",         // "trĐồng" is not a syllable
        ] {
            assert!(apply(text).is_none(), "{text}");
        }
    }

    #[test]
    fn joins_capital_headers() {
        assert_eq!(apply("TR\nƯỚC").unwrap().text, "TRƯỚC");
        assert_eq!(apply("(T\nrước đó)").unwrap().text, "(Trước đó)");
        assert_eq!(apply("tỉnh; T\nrước").unwrap().text, "tỉnh; Trước");
    }
}
