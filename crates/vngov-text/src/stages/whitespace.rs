//! Stage 2: spaces and line breaks.
//!
//! Non-breaking spaces (U+00A0, U+202F, U+2007), tabs and other spaces become a
//! space; zero-width characters (U+200B, U+200C, U+200D, U+2060, U+FEFF) and the
//! soft hyphen U+00AD are dropped; CRLF, lone CR and other line separators become
//! LF. Runs of spaces collapse to one; spaces at the start and end of lines are
//! dropped, so blank lines are empty; 3+ line breaks become one blank line. Single
//! line breaks and paragraph breaks are kept: later rules read line structure
//! (date lines, headers). The whole text is trimmed.

use crate::offset::Rewrite;

enum Kind {
    Drop,
    Space,
    Newline,
    Other,
}

fn kind(c: char) -> Kind {
    match c {
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' => Kind::Drop,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => Kind::Newline,
        c if c.is_whitespace() => Kind::Space,
        _ => Kind::Other,
    }
}

/// For each byte: [`BLANK`] if it is ASCII whitespace, [`MAYBE`] if it is the
/// lead byte of a non-ASCII char that may be blank (every non-ASCII blank is in
/// U+0080..=U+00FF, U+1680, U+2000..=U+206F, U+3000 or U+FEFF), else 0.
static STARTS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b' ' | b'\t'..=b'\r' => BLANK,
            0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF => MAYBE,
            _ => 0,
        };
        b += 1;
    }
    t
};
const BLANK: u8 = 1;
const MAYBE: u8 = 2;

/// True if the char starting at byte `b` is not [`Kind::Other`].
fn is_blank_at(text: &str, b: usize) -> bool {
    let bytes = text.as_bytes();
    match STARTS[usize::from(bytes[b])] {
        BLANK => true,
        // U+1680 is 0xE1 0x9A 0x80; 0xE1 mostly leads Vietnamese letters.
        MAYBE if bytes[b] == 0xE1 && bytes.get(b + 1) != Some(&0x9A) => false,
        MAYBE => !matches!(kind(text[b..].chars().next().unwrap_or('a')), Kind::Other),
        _ => false,
    }
}

/// Normalizes spacing of `text`; `None` if it is already normal.
///
/// What replaces a gap (a maximal run of blank chars: spaces, breaks, dropped
/// chars) depends on the gap alone: nothing at the start or end of the text,
/// else its line breaks or one space. A lone space and one or two LFs between
/// kept chars stay as they are, so the text is copied in stretches between the
/// other gaps, and not at all when there are none.
pub(crate) fn apply(text: &str) -> Option<Rewrite> {
    let bytes = text.as_bytes();
    let len = text.len();
    // True if the byte at `i` surely starts no blank char (or is past the end).
    let kept_at = |i: usize| bytes.get(i).map_or(true, |&x| STARTS[usize::from(x)] == 0);
    let mut out: Option<Rewrite> = None;
    // The stretch not yet copied: from byte `from`, which is char `at`.
    let (mut from, mut at) = (0, 0);
    let mut b = 0;
    while let Some(k) = bytes[b..].iter().position(|&x| STARTS[usize::from(x)] != 0) {
        let gap = b + k;
        // The usual gap, a lone space or LF between kept chars: passed at once.
        if gap > 0 && gap + 1 < len && matches!(bytes[gap], b' ' | b'\n') && kept_at(gap + 1) {
            b = gap + 1;
            continue;
        }
        if !is_blank_at(text, gap) {
            // A lead byte: the bytes after it are not searched for.
            b = gap + 1;
            continue;
        }
        b = gap;
        while b < len && is_blank_at(text, b) {
            b += text[b..].chars().next().map_or(1, char::len_utf8);
        }
        let interior = gap > 0 && b < len;
        if interior && matches!(&text[gap..b], " " | "\n" | "\n\n") {
            continue;
        }
        let out = out.get_or_insert_with(|| Rewrite::with_capacity(len));
        let gap_at = at + out.copy(&text[from..gap], at);
        at = gap_at + replace_gap(out, &text[gap..b], gap_at, interior);
        from = b;
    }
    let mut out = out?;
    out.copy(&text[from..], at);
    Some(out)
}

/// Writes what replaces the blank chars `gap`, which start at char `at` and
/// lie between kept chars if `interior`; returns the number of chars of `gap`.
fn replace_gap(out: &mut Rewrite, gap: &str, at: usize, interior: bool) -> usize {
    // The range of the first space run on the current line, and the ranges of
    // the line breaks.
    let mut space: Option<(usize, usize)> = None;
    let mut breaks: [(usize, usize); 2] = [(0, 0); 2];
    let mut n_breaks = 0usize;
    let mut prev_cr = false;
    let mut i = at;
    for c in gap.chars() {
        match kind(c) {
            Kind::Drop | Kind::Other => {}
            Kind::Space => {
                space = match space {
                    Some((s, _)) => Some((s, i + 1)),
                    None => Some((i, i + 1)),
                };
            }
            Kind::Newline => {
                space = None;
                if c == '\n' && prev_cr {
                    // CRLF: the LF joins the CR's break.
                    if n_breaks > 0 {
                        breaks[(n_breaks - 1).min(1)].1 = i + 1;
                    }
                } else if n_breaks < 2 {
                    breaks[n_breaks] = (i, i + 1);
                    n_breaks += 1;
                } else {
                    breaks[1].1 = i + 1;
                }
            }
        }
        prev_cr = c == '\r';
        i += 1;
    }
    if interior {
        if n_breaks > 0 {
            for &(s, e) in &breaks[..n_breaks] {
                out.push('\n', s, e);
            }
        } else if let Some((s, e)) = space {
            out.push(' ', s, e);
        }
    }
    i - at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::test_util::{find, source_of};

    /// The stage's result, also when it changes nothing.
    fn apply(text: &str) -> Rewrite {
        super::apply(text).unwrap_or_else(|| {
            let mut r = Rewrite::default();
            r.copy(text, 0);
            r
        })
    }

    /// The stage as first written: a char at a time, every char pushed.
    fn per_char(text: &str) -> Rewrite {
        let mut out = Rewrite::default();
        let mut space: Option<(usize, usize)> = None;
        let mut breaks: [(usize, usize); 2] = [(0, 0); 2];
        let mut n_breaks = 0usize;
        let mut prev_cr = false;
        for (i, c) in text.chars().enumerate() {
            match kind(c) {
                Kind::Drop => {}
                Kind::Space => {
                    space = Some(space.map_or((i, i + 1), |(s, _)| (s, i + 1)));
                }
                Kind::Newline => {
                    space = None;
                    if c == '\n' && prev_cr {
                        if n_breaks > 0 {
                            breaks[(n_breaks - 1).min(1)].1 = i + 1;
                        }
                    } else if n_breaks < 2 {
                        breaks[n_breaks] = (i, i + 1);
                        n_breaks += 1;
                    } else {
                        breaks[1].1 = i + 1;
                    }
                }
                Kind::Other => {
                    if !out.text.is_empty() {
                        if n_breaks > 0 {
                            for &(s, e) in &breaks[..n_breaks] {
                                out.push('\n', s, e);
                            }
                        } else if let Some((s, e)) = space {
                            out.push(' ', s, e);
                        }
                    }
                    n_breaks = 0;
                    space = None;
                    out.keep(c, i);
                }
            }
            prev_cr = c == '\r';
        }
        out
    }

    #[test]
    fn gaps_are_rewritten_as_chars_are() {
        let alphabet = [
            ' ', '\n', '\r', 'a', '\t', '\u{A0}', '\u{200B}', 'ệ', '\u{2028}',
        ];
        let mut words = vec![String::new()];
        let mut same = 0;
        for _ in 0..5 {
            words = words
                .iter()
                .flat_map(|w| alphabet.iter().map(move |&c| format!("{w}{c}")))
                .collect();
            for w in &words {
                let want = per_char(w);
                let got = apply(w);
                assert_eq!((&got.text, &got.spans), (&want.text, &want.spans), "{w:?}");
                let identity = want.text == *w
                    && (0..want.spans.len()).all(|i| want.spans.get(i) == Some((i, i + 1)));
                assert_eq!(super::apply(w).is_none(), identity, "{w:?}");
                same += usize::from(identity);
            }
        }
        assert!(same > 50);
        assert!(super::apply("Hà Nội\n\nĐiều 1.\nKý").is_none());
    }

    #[test]
    fn blank_chars_are_seen_from_their_lead_byte() {
        for c in (0..0x3_0000u32).filter_map(char::from_u32) {
            let s = format!("{c}x");
            let blank = !matches!(kind(c), Kind::Other);
            assert_eq!(is_blank_at(&s, 0), blank, "{:X}", c as u32);
        }
    }

    #[test]
    fn spaces_collapse_and_lines_stay() {
        let input = "  Hà\u{A0}Nội,\t ngày\u{202F}24/02  \r\n\r\n\r\n \u{200B}Điều 1.\u{FEFF}  \r\nKý\u{AD}  \n";
        let r = apply(input);
        assert_eq!(r.text, "Hà Nội, ngày 24/02\n\nĐiều 1.\nKý");
    }

    #[test]
    fn blank_line_of_spaces_is_a_paragraph_break() {
        assert_eq!(apply("a\n \t \nb").text, "a\n\nb");
        assert_eq!(apply("a\rb").text, "a\nb");
        assert_eq!(apply("a\n\n\n\n\nb").text, "a\n\nb");
        assert_eq!(apply(" \n\t ").text, "");
    }

    #[test]
    fn maps_collapsed_runs() {
        let input = "Ủy  \u{A0}ban\r\nnhân";
        let r = apply(input);
        assert_eq!(r.text, "Ủy ban\nnhân");
        let s = find(&r.text, " ");
        assert_eq!(source_of(input, &r, s, s + 1), "  \u{A0}");
        let s = find(&r.text, "\n");
        assert_eq!(source_of(input, &r, s, s + 1), "\r\n");
        assert_eq!(source_of(input, &r, 0, r.spans.len()), input);
    }
}
