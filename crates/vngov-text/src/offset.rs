//! Offset maps from normalized text back to the input, and their composition.

/// Maps character offsets of a normalized text back to its input.
///
/// Each normalized character records the input character range it came from: one
/// character for an unchanged one, several for "e" + U+0301 composed to "é" or a
/// collapsed run of spaces, none for an inserted space (which then sits at the
/// input offset of the next character). Offsets count chars, not bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    starts: Vec<usize>,
    ends: Vec<usize>,
    input_len: usize,
}

impl OffsetMap {
    /// The map of an unchanged text of `len` chars.
    pub fn identity(len: usize) -> OffsetMap {
        OffsetMap {
            starts: (0..len).collect(),
            ends: (1..=len).collect(),
            input_len: len,
        }
    }

    /// Number of normalized characters mapped.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// True when the normalized text is empty.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Number of input characters.
    pub fn input_len(&self) -> usize {
        self.input_len
    }

    /// The input character offset of normalized character offset `i`
    /// (`i` may equal the normalized length, which maps to the input length).
    pub fn to_input(&self, i: usize) -> usize {
        self.starts.get(i).copied().unwrap_or(self.input_len)
    }

    /// The exclusive input end offset of a normalized span ending at `i`; covers
    /// the whole input of the last character (both chars of "e" + U+0301).
    pub fn to_input_end(&self, i: usize) -> usize {
        match i.checked_sub(1) {
            None => self.to_input(0),
            Some(last) => self.ends.get(last).copied().unwrap_or(self.input_len),
        }
    }

    /// This map followed by a stage whose output chars came from `spans` of this
    /// map's normalized text.
    pub(crate) fn then(&self, spans: &[(usize, usize)]) -> OffsetMap {
        let mut starts = Vec::with_capacity(spans.len());
        let mut ends = Vec::with_capacity(spans.len());
        for &(s, e) in spans {
            if e > s {
                starts.push(self.to_input(s));
                ends.push(self.to_input_end(e));
            } else {
                let p = self.to_input(s);
                starts.push(p);
                ends.push(p);
            }
        }
        OffsetMap {
            starts,
            ends,
            input_len: self.input_len,
        }
    }

    /// A map straight from one stage's spans over an input of `input_len` chars.
    pub(crate) fn from_spans(spans: &[(usize, usize)], input_len: usize) -> OffsetMap {
        OffsetMap {
            starts: spans.iter().map(|s| s.0).collect(),
            ends: spans.iter().map(|s| s.1).collect(),
            input_len,
        }
    }
}

/// The output of one stage: its text, and for each output char the range of
/// stage-input chars it came from.
#[derive(Debug, Default)]
pub(crate) struct Rewrite {
    pub text: String,
    pub spans: Vec<(usize, usize)>,
    /// Repairs made, at stage-input char offsets.
    pub repairs: Vec<(crate::RepairKind, usize)>,
}

impl Rewrite {
    pub fn with_capacity(bytes: usize, chars: usize) -> Rewrite {
        Rewrite {
            text: String::with_capacity(bytes),
            spans: Vec::with_capacity(chars),
            repairs: Vec::new(),
        }
    }

    /// Emits `c`, made from input chars `start..end`.
    pub fn push(&mut self, c: char, start: usize, end: usize) {
        self.text.push(c);
        self.spans.push((start, end));
    }

    /// Emits `c`, made from input char `i` alone.
    pub fn keep(&mut self, c: char, i: usize) {
        self.push(c, i, i + 1);
    }

    /// Records a repair at stage-input offset `at`.
    pub fn repair(&mut self, kind: crate::RepairKind, at: usize) {
        self.repairs.push((kind, at));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_spans() {
        // Stage 1 merges input 0..2 into one char; stage 2 inserts a char before it.
        let first = OffsetMap::from_spans(&[(0, 2), (2, 3)], 3);
        let second = first.then(&[(0, 0), (0, 1), (1, 2)]);
        assert_eq!(second.to_input(0), 0);
        assert_eq!(second.to_input_end(1), 0);
        assert_eq!(second.to_input(1), 0);
        assert_eq!(second.to_input_end(2), 2);
        assert_eq!(second.to_input_end(3), 3);
        assert_eq!(second.to_input(3), 3);
        assert_eq!(second.to_input(99), 3);
        assert_eq!(second.to_input_end(99), 3);
    }

    #[test]
    fn identity_round_trips() {
        let m = OffsetMap::identity(4);
        assert_eq!((m.to_input(2), m.to_input_end(3)), (2, 3));
        assert_eq!(m.to_input_end(0), 0);
        assert_eq!(m.len(), 4);
    }
}
