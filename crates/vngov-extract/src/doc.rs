//! A normalized text prepared for the rules: sentences, and byte-to-character offsets.

use std::ops::Range;

use vngov_record::{Evidence, Span};

/// A normalized text with its sentence boundaries.
///
/// Rules match with `regex` on byte offsets; [`Doc::evidence`] turns a byte range
/// into the record's character span and the sentence around it.
#[derive(Debug)]
pub struct Doc<'a> {
    text: &'a str,
    /// Byte ranges of sentences, in order, covering every non-blank stretch.
    sentences: Vec<Range<usize>>,
    /// Chars before every [`BLOCK`]-th byte, for the non-ASCII case: a per-byte
    /// index would cost four bytes per byte of text.
    chars_at_block: Option<Vec<usize>>,
}

/// Bytes between two entries of the char index; a lookup counts at most this many.
const BLOCK: usize = 64;

/// Number of chars starting in `bytes` (bytes that are not UTF-8 continuation bytes).
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// Longest evidence, in bytes, on each side of a fact. Text without sentence breaks
/// (a page flattened to one line) would otherwise copy the whole text into every fact.
const EVIDENCE_REACH: usize = 1200;

/// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "TP", "Tp", "tp", "TS", "ThS", "PGS", "GS", "BS", "KS", "Th", "St", "Đ/c", "đ/c",
];

impl<'a> Doc<'a> {
    /// Prepares `text` (already normalized) for the rules.
    pub fn new(text: &'a str) -> Self {
        let chars_at_block = if text.is_ascii() {
            None
        } else {
            let mut v = Vec::with_capacity(text.len() / BLOCK + 1);
            let mut n = 0;
            for block in text.as_bytes().chunks(BLOCK) {
                v.push(n);
                n += count_chars(block);
            }
            Some(v)
        };
        Doc {
            text,
            sentences: split_sentences(text),
            chars_at_block,
        }
    }

    /// The text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Byte ranges of the sentences, in order.
    pub fn sentences(&self) -> &[Range<usize>] {
        &self.sentences
    }

    /// Character offset of byte offset `b` (which must be a char boundary or the end).
    pub fn char_offset(&self, b: usize) -> usize {
        let b = b.min(self.text.len());
        match &self.chars_at_block {
            None => b,
            Some(v) => {
                let block = b / BLOCK;
                v.get(block).copied().unwrap_or(0)
                    + count_chars(&self.text.as_bytes()[block * BLOCK..b])
            }
        }
    }

    /// Byte offset of character offset `c` (the end of the text past the last char).
    pub fn byte_offset(&self, c: usize) -> usize {
        match &self.chars_at_block {
            None => c.min(self.text.len()),
            Some(v) => {
                // The last block starting with fewer than `c` chars before it holds
                // char `c` (or its end).
                let block = v.partition_point(|&n| n < c).saturating_sub(1);
                let mut n = v.get(block).copied().unwrap_or(0);
                let bytes = self.text.as_bytes();
                let mut b = block * BLOCK;
                while b < bytes.len() {
                    if (bytes[b] as i8) >= -0x40 {
                        if n == c {
                            return b;
                        }
                        n += 1;
                    }
                    b += 1;
                }
                self.text.len()
            }
        }
    }

    /// The byte range of a character span, such as a fact's `span`.
    pub fn byte_range(&self, span: Span) -> Range<usize> {
        self.byte_offset(span.0)..self.byte_offset(span.1)
    }

    /// The byte range of the sentence holding byte offset `b`.
    pub fn sentence_at(&self, b: usize) -> Range<usize> {
        let i = self.sentences.partition_point(|s| s.end <= b);
        match self.sentences.get(i) {
            Some(s) if s.start <= b => s.clone(),
            _ => b..b,
        }
    }

    /// Evidence for the words at byte range `r`: their text, character span and sentence.
    /// A sentence longer than the reach on either side of the words is cut at a word
    /// boundary within it. `source_span` is left equal to `span`; the pipeline maps it
    /// to the input.
    pub fn evidence(&self, r: Range<usize>) -> Evidence {
        let s = self.sentence_at(r.start);
        let mut start = s.start.min(r.start);
        let mut end = s.end.max(r.end);
        if r.start - start > EVIDENCE_REACH {
            let from = floor_boundary(self.text, r.start - EVIDENCE_REACH);
            start = self.text[from..r.start]
                .find(' ')
                .map_or(r.start, |i| from + i + 1);
        }
        if end - r.end > EVIDENCE_REACH {
            let to = floor_boundary(self.text, r.end + EVIDENCE_REACH);
            end = self.text[r.end..to].rfind(' ').map_or(r.end, |i| r.end + i);
        }
        let s = start..end;
        let span = Span(self.char_offset(r.start), self.char_offset(r.end));
        Evidence {
            text: self.text[r].to_string(),
            span,
            source_span: span,
            evidence: self.text[s].trim().to_string(),
        }
    }
}

/// The nearest char boundary of `text` at or before `b` (the end, past it).
pub(crate) fn floor_boundary(text: &str, b: usize) -> usize {
    let mut b = b.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

/// Splits on line breaks and on sentence-final punctuation followed by a space and a
/// capital letter or digit, except after known abbreviations.
fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.len();
        let mut start = line_start;
        let bytes = text.as_bytes();
        let mut i = line_start;
        while i < line_end {
            let c = bytes[i];
            if matches!(c, b'.' | b'!' | b'?' | b';') && i + 1 < line_end && bytes[i + 1] == b' ' {
                let next = text[i + 1..line_end].trim_start().chars().next();
                let word_before = text[start..i]
                    .rsplit(|c: char| c.is_whitespace())
                    .next()
                    .unwrap_or("");
                let ends = match next {
                    Some(n) => {
                        (n.is_uppercase() || n.is_ascii_digit() || n == '"' || n == '“' || n == '-')
                            && !(c == b'.' && ABBREVIATIONS.contains(&word_before))
                    }
                    None => false,
                };
                if ends {
                    push_trimmed(text, start..i + 1, &mut out);
                    start = i + 1;
                }
            }
            i += 1;
        }
        push_trimmed(text, start..line_end, &mut out);
        line_start = line_end;
    }
    out
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_on_lines_and_periods_not_abbreviations() {
        let t = "Họp ngày 24/02.\nĐồng chí A chủ trì. Tại TP. Hồ Chí Minh có 2 người. Xong";
        let d = Doc::new(t);
        let s: Vec<&str> = d.sentences().iter().map(|r| &t[r.clone()]).collect();
        assert_eq!(
            s,
            vec![
                "Họp ngày 24/02.",
                "Đồng chí A chủ trì.",
                "Tại TP. Hồ Chí Minh có 2 người.",
                "Xong"
            ]
        );
    }

    #[test]
    fn evidence_of_a_huge_sentence_is_a_window_around_the_fact() {
        let t = "Tỷ lệ đạt 95,6% và ".repeat(2000) + "cuối cùng 12%";
        let d = Doc::new(&t);
        let b = t.rfind("12%").unwrap();
        let e = d.evidence(b..b + 3);
        assert!(
            e.evidence.len() <= 2 * EVIDENCE_REACH + 3,
            "{}",
            e.evidence.len()
        );
        assert!(e.evidence.ends_with("cuối cùng 12%"));
        assert!(t.contains(&e.evidence));
        let e = d.evidence(0.."Tỷ".len());
        assert!(e.evidence.starts_with("Tỷ lệ") && e.evidence.len() <= EVIDENCE_REACH + 4);
    }

    #[test]
    fn byte_and_char_offsets_round_trip() {
        let long = "Tỷ lệ đạt 95,6% ở Đắk Lắk; ".repeat(40);
        for t in ["Tỷ lệ đạt 95,6%", "ascii only", long.as_str()] {
            let d = Doc::new(t);
            for (c, (b, _)) in t.char_indices().enumerate() {
                assert_eq!(d.byte_offset(c), b);
                assert_eq!(d.char_offset(b), c);
            }
            assert_eq!(d.byte_offset(t.chars().count()), t.len());
        }
        assert_eq!(floor_boundary("Tỷ", 2), 1);
        assert_eq!(floor_boundary("Tỷ", 99), "Tỷ".len());
    }

    #[test]
    fn evidence_gives_char_span_and_sentence() {
        let t = "Ông Đặng chủ trì.\nTỷ lệ đạt 95,6%.";
        let d = Doc::new(t);
        let b = t.find("95,6%").unwrap();
        let e = d.evidence(b..b + "95,6%".len());
        assert_eq!(e.text, "95,6%");
        assert_eq!(e.span, Span(28, 33));
        assert_eq!(t.chars().skip(28).take(5).collect::<String>(), "95,6%");
        assert_eq!(e.evidence, "Tỷ lệ đạt 95,6%.");
    }
}
