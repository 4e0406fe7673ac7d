//! Running a pattern only near a word every match of it holds.
//!
//! A pattern with a Unicode `\b` cannot use the regex crate's fast DFA on
//! Vietnamese text and is slow over a whole document. When every match holds some
//! word ("dự"), the pattern is run on the stretches around each time the word is
//! written instead. A stretch starts after a space (or at a line start) and ends
//! before a space, so `\b` and `^` see what they see in the whole text; it reaches
//! as many words back and forth as the pattern can, so no match is cut; stretches
//! that touch are merged, so matches come out as they would from the whole text.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// How far a match can reach around the word it holds.
#[derive(Debug, Clone, Copy)]
pub struct Reach {
    /// Words (runs of non-space) before the one holding the word.
    pub words_before: usize,
    /// Whether to widen back to the start of the line (for a `^`).
    pub line_start: bool,
    /// Words after the one holding the word.
    pub words_after: usize,
    /// Chars after the start of the word, beyond those words.
    pub chars_after: usize,
}

/// Byte offsets of every "dự", in any case.
pub fn du(text: &str) -> Vec<usize> {
    either(text, 'ự', 'Ự')
        .into_iter()
        .filter(|&i| i > 0 && matches!(text.as_bytes()[i - 1], b'd' | b'D'))
        .map(|i| i - 1)
        .collect()
}

/// Byte offsets of every `a` and every `b` in `text`, in order. Two searches for
/// one char each (a fast byte search) merged: a search for either char at once
/// decodes every char of the text.
pub fn either(text: &str, a: char, b: char) -> Vec<usize> {
    let mut out: Vec<usize> = text.match_indices(a).map(|(i, _)| i).collect();
    out.extend(text.match_indices(b).map(|(i, _)| i));
    out.sort_unstable();
    out
}

/// Byte offsets where `anchor` matches: a word every match of some pattern holds,
/// found by a pattern with no `\b` (fast on any text).
pub fn anchors(anchor: &Regex, text: &str) -> Vec<usize> {
    anchor.find_iter(text).map(|m| m.start()).collect()
}

/// Whether `c` is a word char to the regex crate's Unicode `\b` (`\w`): ASCII and
/// Vietnamese letters answered without the pattern.
pub fn is_word_char(c: char) -> bool {
    static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\w$").expect("word char"));
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        vngov_text::chars::is_vietnamese_letter(c) || WORD.is_match(c.encode_utf8(&mut [0; 4]))
    }
}

/// "trì", in any case: every "chủ trì" holds it.
pub static TRI: LazyLock<Regex> = LazyLock::new(|| Regex::new("(?i)trì").expect("trì"));

/// Whether `s` in lower case ends with `suffix` (which has no capital sigma),
/// lower-casing only the last few chars: each char lower-cases to one or more.
pub fn ends_with_lower(s: &str, suffix: &str) -> bool {
    let n = suffix.chars().count();
    let start = s.char_indices().rev().nth(n).map_or(0, |(i, _)| i);
    vngov_text::chars::lowercase(&s[start..]).ends_with(suffix)
}

/// The end of `text[..b]` made of its last `words` runs of non-space and the
/// spaces around them. It starts after a space (or at the start), so a pattern
/// anchored at the end with `\b` before at most that many words matches it as it
/// matches the whole of `text[..b]`.
pub fn last_words(text: &str, b: usize, words: usize) -> &str {
    let mut s = b;
    for _ in 0..words {
        s = back(text, back(text, s, true), false);
    }
    &text[s..b]
}

/// `i` moved back over whitespace (`space`) or over anything else.
fn back(text: &str, i: usize, space: bool) -> usize {
    text[..i]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() != space)
        .map_or(0, |(j, c)| j + c.len_utf8())
}

/// `i` moved forward over whitespace (`space`) or over anything else.
fn forward(text: &str, i: usize, space: bool) -> usize {
    text[i..]
        .char_indices()
        .find(|&(_, c)| c.is_whitespace() != space)
        .map_or(text.len(), |(j, _)| i + j)
}

/// The merged stretches around the words at byte offsets `at`.
pub fn stretches(text: &str, at: &[usize], reach: Reach) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    // Line starts are found going forward: no break lies in `line..scanned`, so a
    // text on one long line is read once, not once per anchor.
    let (mut line, mut scanned) = (0, 0);
    for &p in at {
        let mut s = back(text, p, false);
        for _ in 0..reach.words_before {
            s = back(text, back(text, s, true), false);
        }
        if reach.line_start {
            if s >= scanned {
                if let Some(i) = text[scanned..s].rfind('\n') {
                    line = scanned + i + 1;
                }
                scanned = s;
                s = line;
            } else if s >= line {
                s = line;
            } else {
                s = text[..s].rfind('\n').map_or(0, |i| i + 1);
            }
        }
        let mut e = forward(text, p, false);
        for _ in 0..reach.words_after {
            e = forward(text, forward(text, e, true), false);
        }
        let far = text[p..]
            .char_indices()
            .nth(reach.chars_after)
            .map_or(text.len(), |(j, _)| p + j);
        if far > e {
            e = forward(text, far, false);
        }
        match out.last_mut() {
            Some(last) if s <= last.end => last.end = last.end.max(e),
            _ => out.push(s..e),
        }
    }
    out
}

/// Byte ranges of every match of `re` in the stretches.
pub fn matches(re: &Regex, text: &str, stretches: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for r in stretches {
        for m in re.find_iter(&text[r.clone()]) {
            out.push(r.start + m.start()..r.start + m.end());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_end() {
        assert!(ends_with_lower("Hội nghị NGÀY", "ngày"));
        assert!(ends_with_lower("NGÀY", "ngày"));
        assert!(!ends_with_lower("ngà", "ngày"));
        assert!(ends_with_lower("dưới SỰ", "sự"));
        let t = "đã giao  cho\n ";
        assert_eq!(last_words(t, t.len(), 2), "giao  cho\n ");
        assert_eq!(last_words(t, t.len(), 5), t);
        assert_eq!(last_words("a (cử", "a (cử".len(), 1), "(cử");
        let re = Regex::new(r"(?i)\b(?:giao(?:\s+cho)?|cử)\s*$").unwrap();
        for t in ["đã giao  cho ", "xgiao cho", "(cử ", "cửa", "đã giao"] {
            assert_eq!(
                re.is_match(last_words(t, t.len(), 2)),
                re.is_match(t),
                "{t}"
            );
        }
    }

    #[test]
    fn either_finds_both_chars_in_order() {
        let t = "ự%Ựdự ％ ư ự";
        let want: Vec<usize> = t
            .char_indices()
            .filter(|&(_, c)| c == 'ự' || c == 'Ự')
            .map(|(i, _)| i)
            .collect();
        assert_eq!(either(t, 'ự', 'Ự'), want);
        assert_eq!(either(t, '%', '％'), [3, 12]);
        assert!(either("", 'a', 'b').is_empty());
    }

    #[test]
    fn word_chars_as_the_pattern_reads_them() {
        let b = Regex::new(r"^\w$").unwrap();
        for c in "aZ09_ đĐữẶ-.,;: \t\n×÷½ͅ\u{301}‿\u{200d}ⓐ٣中".chars() {
            assert_eq!(
                is_word_char(c),
                b.is_match(c.encode_utf8(&mut [0; 4])),
                "{c:?}"
            );
        }
    }

    #[test]
    fn finds_du_in_any_case() {
        let t = "Dự họp, tham dự, DỰ, dỰ, dựng, xự";
        assert_eq!(du(t).len(), 5);
        assert!(du(t)
            .iter()
            .all(|&i| t[i..].to_lowercase().starts_with("dự")));
    }

    #[test]
    fn stretches_reach_whole_words_and_merge() {
        let t = "Ông A. Tham  dự hội nghị có X\n\nsau đó dự tiếp";
        let at = du(t);
        let reach = Reach {
            words_before: 1,
            line_start: false,
            words_after: 0,
            chars_after: 2,
        };
        let s = stretches(t, &at, reach);
        let got: Vec<&str> = s.iter().map(|r| &t[r.clone()]).collect();
        assert_eq!(got, ["Tham  dự", "đó dự"]);
        let reach = Reach {
            words_before: 3,
            line_start: true,
            words_after: 1,
            chars_after: 10,
        };
        let s = stretches(t, &at, reach);
        assert_eq!((s.len(), s[0].clone()), (1, 0..t.len()));
    }

    #[test]
    fn same_matches_as_whole_text() {
        let re = Regex::new(r"(?i)\b(?:tham\s+dự|(?:tới|đến|về)\s+dự|dự)\b").unwrap();
        let t = "Tham dự có A; về\n dự; dựng; (dự) ádự dựá, THAM   DỰ. Dự";
        let reach = Reach {
            words_before: 1,
            line_start: false,
            words_after: 0,
            chars_after: 2,
        };
        let whole: Vec<Range<usize>> = re.find_iter(t).map(|m| m.range()).collect();
        assert_eq!(matches(&re, t, &stretches(t, &du(t), reach)), whole);
        assert_eq!(whole.len(), 5);
    }
}
