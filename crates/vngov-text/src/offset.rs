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

    /// Appends `len` chars kept from input `start..start + len`, one each: the same
    /// as `len` calls of [`Spans::push`], in one step.
    pub fn push_step(&mut self, start: usize, len: usize) {
        if len == 0 {
            return;
        }
        self.push(start, start + 1);
        // The last run is now a step run ending at `start + 1`: the rest extends it.
        let r = self.runs.last_mut().expect("pushed");
        r.len += len - 1;
        r.end = start + len;
        self.len += len - 1;
    }

    /// Appends `len` chars each made from input `start..end`: the same as `len`
    /// calls of [`Spans::push`].
    pub fn push_same(&mut self, start: usize, end: usize, len: usize) {
        if len == 0 {
            return;
        }
        if end == start + 1 {
            // A one-char range pushed again does not extend a step run: rare, so
            // done as it is defined.
            for _ in 0..len {
                self.push(start, end);
            }
            return;
        }
        self.push(start, end);
        // The last run is now a run of `start..end`, which the rest extends.
        let r = self.runs.last_mut().expect("pushed");
        r.len += len - 1;
        self.len += len - 1;
    }

    /// True if every char `i` of these spans comes from input char `i` alone.
    fn is_identity(&self) -> bool {
        match self.runs.as_slice() {
            [] => true,
            [r] => r.step && r.start == 0,
            _ => false,
        }
    }

    /// Appends to `out` the ranges of chars `from..from + len` of these spans, as
    /// many [`Spans::push`] calls would; a char past the end gets `past..past`.
    fn copy_to(&self, from: usize, len: usize, past: usize, hint: &mut usize, out: &mut Spans) {
        let mut i = from;
        let end = from + len;
        while i < end.min(self.len) {
            self.find(i, hint);
            let r = &self.runs[*hint];
            let n = (r.out + r.len).min(end) - i;
            if r.step {
                out.push_step(r.start + (i - r.out), n);
            } else {
                out.push_same(r.start, r.end, n);
            }
            i += n;
        }
        if i < end {
            out.push_same(past, past, end - i);
        }
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
    /// map's normalized text. Works a run at a time: a char kept by the stage keeps
    /// its range here, and all chars of a merged run share one range.
    pub(crate) fn then(self, spans: &Spans) -> OffsetMap {
        if spans.is_identity() && spans.len == self.spans.len {
            return self;
        }
        let mut out = Spans::default();
        let (mut a, mut b) = (0, 0);
        let past = self.input_len;
        for run in &spans.runs {
            if run.step {
                self.spans
                    .copy_to(run.start, run.len, past, &mut a, &mut out);
                continue;
            }
            let (s, e) = (run.start, run.end);
            let p = self.spans.find(s, &mut a).map_or(past, |x| x.0);
            let end = if e > s {
                self.spans.find(e - 1, &mut b).map_or(past, |x| x.1)
            } else {
                p
            };
            out.push_same(p, end, run.len);
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

    /// Emits `s` unchanged, its chars kept from input chars `start..`; returns
    /// the number of chars.
    pub fn copy(&mut self, s: &str, start: usize) -> usize {
        let n = s.chars().count();
        self.text.push_str(s);
        self.spans.push_step(start, n);
        n
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

    /// Random spans as a stage makes them: kept chars, merged pieces, insertions,
    /// dropped chars, and a few chars past the end of a text of `len` chars.
    fn random_spans(x: &mut u32, len: usize) -> Spans {
        let mut s = Spans::default();
        let mut at = 0usize;
        while at <= len {
            *x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            match (*x >> 16) % 9 {
                0 => s.push(at, at),
                1 => {
                    let e = (at + 3).min(len + 1);
                    s.push(at, e);
                    s.push(at, e);
                    at = e;
                }
                2 => at += 2,
                3 => {
                    s.push_same(at, at + 1, 2);
                    at += 1;
                }
                4 => {
                    s.push_step(at, 3);
                    at += 3;
                }
                _ => {
                    s.push(at, at + 1);
                    at += 1;
                }
            }
        }
        s
    }

    /// Composition a char at a time, as the definition reads.
    fn then_per_char(m: &OffsetMap, spans: &Spans) -> Vec<(usize, usize)> {
        let get = |i: usize| m.spans.get(i);
        (0..spans.len())
            .map(|i| {
                let (s, e) = spans.get(i).unwrap();
                let p = get(s).map_or(m.input_len, |x| x.0);
                if e > s {
                    (p, get(e - 1).map_or(m.input_len, |x| x.1))
                } else {
                    (p, p)
                }
            })
            .collect()
    }

    #[test]
    fn run_wise_composition_is_per_char_composition() {
        let mut x = 11u32;
        for round in 0..300 {
            let first = random_spans(&mut x, 50 + round % 7);
            let m = OffsetMap::from_spans(first.clone(), 60);
            let second = random_spans(&mut x, first.len());
            let want = then_per_char(&m, &second);
            let got = m.clone().then(&second);
            assert_eq!(got.len(), want.len());
            let mut direct = Spans::default();
            for (i, &p) in want.iter().enumerate() {
                assert_eq!(got.spans.get(i), Some(p), "round {round} char {i}");
                direct.push(p.0, p.1);
            }
            // The same runs as pushing a char at a time.
            assert_eq!(got.spans, direct, "round {round}");
        }
        let m = OffsetMap::from_spans(random_spans(&mut x, 40), 41);
        let n = m.spans.len();
        assert_eq!(m.clone().then(&Spans::identity(n)), m);
    }

    #[test]
    fn pushing_runs_is_pushing_chars() {
        let mut a = Spans::default();
        let mut b = Spans::default();
        for &(s, e, n, step) in &[
            (0, 1, 3, true),
            (3, 3, 2, false),
            (3, 5, 2, false),
            (5, 6, 3, false),
            (6, 7, 1, true),
            (7, 7, 0, true),
            (7, 9, 4, true),
        ] {
            for k in 0..n {
                if step {
                    a.push(s + k, s + k + 1);
                } else {
                    a.push(s, e);
                }
            }
            if step {
                b.push_step(s, n);
            } else {
                b.push_same(s, e, n);
            }
        }
        assert_eq!(a, b);
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
