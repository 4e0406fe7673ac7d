//! A normalized text prepared for the rules: its units (sentences and list items)
//! and clauses, and byte-to-character offsets.

pub mod units;

use std::ops::Range;

use vngov_record::{Evidence, Span};

/// A normalized text with its sentence boundaries.
///
/// Rules match with `regex` on byte offsets; [`Doc::evidence`] turns a byte range
/// into the record's character span and the sentence around it.
#[derive(Debug)]
pub struct Doc<'a> {
    text: &'a str,
    /// Sentences and list items, and their clauses.
    units: units::Units,
    /// Chars before every [`BLOCK`]-th byte, for the non-ASCII case: a per-byte
    /// index would cost four bytes per byte of text.
    chars_at_block: Option<Vec<usize>>,
    /// Byte offset of every line break: a fact's line is then found by a search,
    /// not by reading back through a text that may be one long line.
    breaks: Vec<usize>,
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
            units: units::Units::new(text),
            chars_at_block,
            breaks: text.match_indices('\n').map(|(i, _)| i).collect(),
        }
    }

    /// The text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The line holding byte `b`: from after the break before it to the break after
    /// it (or the text's ends).
    pub fn line_at(&self, b: usize) -> Range<usize> {
        let k = self.breaks.partition_point(|&i| i < b);
        let start = k.checked_sub(1).map_or(0, |j| self.breaks[j] + 1);
        let end = self.breaks.get(k).copied().unwrap_or(self.text.len());
        start..end.max(start)
    }

    /// The units (sentences and list items) and clauses of the text.
    pub fn units(&self) -> &units::Units {
        &self.units
    }

    /// Character offset of byte offset `b` (which must be a char boundary or the end).
    pub fn char_offset(&self, b: usize) -> usize {
        let b = b.min(self.text.len());
        match &self.chars_at_block {
            None => b,
            Some(v) => {
                // The end of a text of whole blocks is counted from the last block.
                let block = (b / BLOCK).min(v.len().saturating_sub(1));
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

    /// The byte range of the sentence (unit) holding byte `b`; `b..b` between units.
    pub fn sentence_at(&self, b: usize) -> Range<usize> {
        match self.units.unit_at(b) {
            Some(i) => self.units.units[i].range.clone(),
            None => b..b,
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

#[cfg(test)]
mod tests {
    use super::*;

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
        // Whole blocks: the text's end falls on a block boundary.
        let whole = format!("Đ{}", "a".repeat(2 * BLOCK - "Đ".len()));
        assert_eq!(whole.len() % BLOCK, 0);
        for t in [
            "Tỷ lệ đạt 95,6%",
            "ascii only",
            long.as_str(),
            whole.as_str(),
        ] {
            let d = Doc::new(t);
            for (c, (b, _)) in t.char_indices().enumerate() {
                assert_eq!(d.byte_offset(c), b);
                assert_eq!(d.char_offset(b), c);
            }
            assert_eq!(d.byte_offset(t.chars().count()), t.len());
            assert_eq!(d.char_offset(t.len()), t.chars().count());
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
