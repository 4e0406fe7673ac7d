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

/// True if [`apply`] would give back `text` as it is: only single spaces between
/// other chars, line breaks as LF, at most two in a row, none next to a space,
/// and nothing to trim. Checking is cheaper than rewriting.
fn already_spaced(text: &str) -> bool {
    // The previous char, and how many line breaks end at it; the start of the
    // text behaves like a space (nothing blank may follow it).
    let mut prev = ' ';
    let mut breaks = 0;
    for c in text.chars() {
        match kind(c) {
            Kind::Drop => return false,
            Kind::Space if c != ' ' || prev == ' ' || prev == '\n' => return false,
            Kind::Newline if c != '\n' || prev == ' ' || breaks == 2 => return false,
            Kind::Newline => breaks += 1,
            _ => breaks = 0,
        }
        prev = c;
    }
    !matches!(prev, ' ' | '\n')
}

/// Normalizes spacing of `text`; `None` if it is already normal.
pub(crate) fn apply(text: &str) -> Option<Rewrite> {
    if already_spaced(text) {
        return None;
    }
    Some(rewrite(text))
}

fn rewrite(text: &str) -> Rewrite {
    let mut out = Rewrite::with_capacity(text.len());
    // Pending whitespace since the last kept char: the range of the first space
    // run on the current line, and the ranges of the line breaks.
    let mut space: Option<(usize, usize)> = None;
    let mut breaks: [(usize, usize); 2] = [(0, 0); 2];
    let mut n_breaks = 0usize;
    let mut prev_cr = false;
    for (i, c) in text.chars().enumerate() {
        match kind(c) {
            Kind::Drop => {}
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::test_util::{find, source_of};

    fn apply(text: &str) -> Rewrite {
        rewrite(text)
    }

    #[test]
    fn already_spaced_text_is_what_rewriting_gives() {
        let alphabet = [' ', '\n', '\r', 'a', '\t', '\u{A0}', '\u{200B}', 'ệ'];
        let mut words = vec![String::new()];
        let mut same = 0;
        for _ in 0..5 {
            words = words
                .iter()
                .flat_map(|w| alphabet.iter().map(move |&c| format!("{w}{c}")))
                .collect();
            for w in &words {
                let r = rewrite(w);
                let identity = r.spans.len() == w.chars().count()
                    && (0..r.spans.len()).all(|i| r.spans.get(i) == Some((i, i + 1)));
                assert_eq!(already_spaced(w), r.text == *w && identity, "{w:?}");
                same += usize::from(already_spaced(w));
            }
        }
        assert!(same > 50);
        assert!(super::apply("Hà Nội\n\nĐiều 1.\nKý").is_none());
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
