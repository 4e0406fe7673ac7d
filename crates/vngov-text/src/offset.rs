//! Offset maps from normalized text back to the input, and their composition.
//!
//! Both a stage's spans and the composed map are run-length encoded: most
//! characters come through a stage unchanged, so a stretch of them is one run
//! however long it is. Memory then follows the number of edits, not the length of
//! the text (a per-char pair of offsets cost 16 bytes per char per stage).

/// One run of output chars: `len` chars from output offset `out`. A `step` run maps
/// its k-th char to input `start + k .. start + k + 1`; otherwise every char maps
/// to `start..end` (the chars of one composed piece, an inserted space, a collapsed
/// run of spaces).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    out: usize,
    len: usize,
    start: usize,
    end: usize,
    step: bool,
}

impl Run {
    fn at(&self, i: usize) -> (usize, usize) {
        if self.step {
            let k = self.start + (i - self.out);
            (k, k + 1)
        } else {
            (self.start, self.end)
        }
    }
}

/// For each char of a text, the range of input chars it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Spans {
    runs: Vec<Run>,
    len: usize,
}

impl Spans {
    /// The spans of `len` chars each kept from the same offset.
    pub fn identity(len: usize) -> Spans {
        let runs = if len == 0 {
            Vec::new()
        } else {
            vec![Run {
                out: 0,
                len,
                start: 0,
                end: len,
                step: true,
            }]
        };
        Spans { runs, len }
    }

    /// Appends the next char's input range.
    pub fn push(&mut self, start: usize, end: usize) {
        let out = self.len;
        self.len += 1;
        if let Some(r) = self.runs.last_mut() {
            if r.step && end == start + 1 && start == r.start + r.len {
                r.len += 1;
                r.end = end;
                return;
            }
            if !r.step && (start, end) == (r.start, r.end) {
                r.len += 1;
                return;
            }
        }
        self.runs.push(Run {
            out,
            len: 1,
            start,
            end,
            step: end == start + 1,
        });
    }

    /// Number of chars.
    pub fn len(&self) -> usize {
        self.len
    }

    /// The input range of char `i`.
    pub fn get(&self, i: usize) -> Option<(usize, usize)> {
        let mut hint = 0;
        self.find(i, &mut hint)
    }

    /// The input range of char `i`, starting the search at run `*hint` and leaving
    /// it at the run found: walks in order cost no search.
    fn find(&self, i: usize, hint: &mut usize) -> Option<(usize, usize)> {
        if i >= self.len {
            return None;
        }
        let inside = |r: &Run| r.out <= i && i < r.out + r.len;
        if !self.runs.get(*hint).is_some_and(inside) {
            *hint = if self.runs.get(*hint + 1).is_some_and(inside) {
                *hint + 1
            } else {
                self.runs.partition_point(|r| r.out <= i) - 1
            };
        }
        Some(self.runs[*hint].at(i))
    }
}

/// Maps character offsets of a normalized text back to its input.
///
/// Each normalized character records the input character range it came from: one
/// character for an unchanged one, several for "e" + U+0301 composed to "é" or a
/// collapsed run of spaces, none for an inserted space (which then sits at the
/// input offset of the next character). Offsets count chars, not bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    spans: Spans,
    input_len: usize,
}

impl OffsetMap {
    /// The map of an unchanged text of `len` chars.
    pub fn identity(len: usize) -> OffsetMap {
        OffsetMap {
            spans: Spans::identity(len),
            input_len: len,
        }
    }

    /// Number of normalized characters mapped.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// True when the normalized text is empty.
    pub fn is_empty(&self) -> bool {
        self.spans.len() == 0
    }

    /// Number of input characters.
    pub fn input_len(&self) -> usize {
        self.input_len
    }

    /// The input character offset of normalized character offset `i`
    /// (`i` may equal the normalized length, which maps to the input length).
    pub fn to_input(&self, i: usize) -> usize {
        self.spans.get(i).map_or(self.input_len, |s| s.0)
    }

    /// The exclusive input end offset of a normalized span ending at `i`; covers
    /// the whole input of the last character (both chars of "e" + U+0301).
    pub fn to_input_end(&self, i: usize) -> usize {
        match i.checked_sub(1) {
            None => self.to_input(0),
            Some(last) => self.spans.get(last).map_or(self.input_len, |s| s.1),
        }
    }

    /// This map followed by a stage whose output chars came from `spans` of this
    /// map's normalized text.
    pub(crate) fn then(&self, spans: &Spans) -> OffsetMap {
        let mut out = Spans::default();
        let (mut a, mut b) = (0, 0);
        let start =
            |i: usize, hint: &mut usize| self.spans.find(i, hint).map_or(self.input_len, |s| s.0);
        for run in &spans.runs {
            for i in run.out..run.out + run.len {
                let (s, e) = run.at(i);
                let p = start(s, &mut a);
                if e > s {
                    let end = self
                        .spans
                        .find(e - 1, &mut b)
                        .map_or(self.input_len, |s| s.1);
                    out.push(p, end);
                } else {
                    out.push(p, p);
                }
            }
        }
        OffsetMap {
            spans: out,
            input_len: self.input_len,
        }
    }

    /// A map straight from one stage's spans over an input of `input_len` chars.
    pub(crate) fn from_spans(spans: Spans, input_len: usize) -> OffsetMap {
        OffsetMap { spans, input_len }
    }
}

/// The output of one stage: its text, and for each output char the range of
/// stage-input chars it came from.
#[derive(Debug, Default)]
pub(crate) struct Rewrite {
    pub text: String,
    pub spans: Spans,
    /// Repairs made, at stage-input char offsets.
    pub repairs: Vec<(crate::RepairKind, usize)>,
}

impl Rewrite {
    pub fn with_capacity(bytes: usize) -> Rewrite {
        Rewrite {
            text: String::with_capacity(bytes),
            spans: Spans::default(),
            repairs: Vec::new(),
        }
    }

    /// Emits `c`, made from input chars `start..end`.
    pub fn push(&mut self, c: char, start: usize, end: usize) {
        self.text.push(c);
        self.spans.push(start, end);
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

    fn spans(v: &[(usize, usize)]) -> Spans {
        let mut s = Spans::default();
        for &(a, b) in v {
            s.push(a, b);
        }
        s
    }

    #[test]
    fn composes_spans() {
        // Stage 1 merges input 0..2 into one char; stage 2 inserts a char before it.
        let first = OffsetMap::from_spans(spans(&[(0, 2), (2, 3)]), 3);
        let second = first.then(&spans(&[(0, 0), (0, 1), (1, 2)]));
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
        assert!(OffsetMap::identity(0).is_empty());
    }

    #[test]
    fn runs_give_back_every_pushed_range() {
        // A pseudo-random mix of kept chars, merged pieces, insertions and gaps.
        let mut v = Vec::new();
        let mut at = 0usize;
        let mut x = 7u32;
        for _ in 0..2000 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            match (x >> 16) % 7 {
                0 => v.push((at, at)),
                1 => {
                    v.push((at, at + 3));
                    v.push((at, at + 3));
                    at += 3;
                }
                2 => at += 2,
                _ => {
                    v.push((at, at + 1));
                    at += 1;
                }
            }
        }
        let s = spans(&v);
        assert_eq!(s.len(), v.len());
        assert!(s.runs.len() < v.len());
        for (i, &p) in v.iter().enumerate() {
            assert_eq!(s.get(i), Some(p), "char {i}");
        }
        assert_eq!(s.get(v.len()), None);
        // Composing with the identity changes nothing.
        let m = OffsetMap::identity(at).then(&s);
        for (i, &(a, b)) in v.iter().enumerate() {
            assert_eq!(m.to_input(i), a);
            assert_eq!(m.to_input_end(i + 1), if b > a { b } else { a });
        }
    }
}
