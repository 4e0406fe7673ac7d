//! The normalization stages, in the order [`crate::normalize`] runs them.
//!
//! Each stage reads the previous stage's text and returns a [`Rewrite`]: new text
//! plus, for every output char, the range of its input it came from. Lossless
//! stages (Unicode composition, spacing) come first, then the lossy ones that
//! change letters (look-alikes, tone placement) and the repairs.

pub(crate) mod broken_words;
pub(crate) mod entities;
pub(crate) mod look_alike;
pub(crate) mod nfc;
pub(crate) mod punctuation_space;
pub(crate) mod run_together;
pub(crate) mod tone;
pub(crate) mod whitespace;

#[cfg(test)]
pub(crate) use crate::offset::Rewrite;

/// End (exclusive) of the run of letters starting at `i`.
pub(crate) fn word_end(chars: &[char], i: usize) -> usize {
    let mut j = i;
    while j < chars.len() && crate::chars::is_letter(chars[j]) {
        j += 1;
    }
    j
}

/// Start of the run of letters ending (exclusive) at `i`.
pub(crate) fn word_start(chars: &[char], i: usize) -> usize {
    let mut j = i;
    while j > 0 && crate::chars::is_letter(chars[j - 1]) {
        j -= 1;
    }
    j
}

/// Walks `chars`, keeping every non-letter in `out` and handing each word (a maximal
/// run of letters, as its start and end offsets) to `word`, which writes it.
pub(crate) fn rewrite_words(
    chars: &[char],
    out: &mut crate::offset::Rewrite,
    mut word: impl FnMut(&mut crate::offset::Rewrite, usize, usize),
) {
    let mut i = 0;
    while i < chars.len() {
        if !crate::chars::is_letter(chars[i]) {
            out.keep(chars[i], i);
            i += 1;
            continue;
        }
        let end = word_end(chars, i);
        word(out, i, end);
        i = end;
    }
}

/// The text with a space inserted before each char index of `at` (sorted,
/// distinct, each before a char of the text), each insertion recorded as a `kind`
/// repair; `None` when `at` is empty. The text between insertions is copied whole.
pub(crate) fn spaces_inserted(
    text: &str,
    at: &[usize],
    kind: crate::RepairKind,
) -> Option<crate::offset::Rewrite> {
    if at.is_empty() {
        return None;
    }
    let mut out = crate::offset::Rewrite::with_capacity(text.len() + at.len());
    // Copied up to byte `from`, which is char `from_char`.
    let (mut from, mut from_char) = (0, 0);
    for &i in at {
        let Some((b, _)) = text[from..].char_indices().nth(i - from_char) else {
            break;
        };
        out.copy(&text[from..from + b], from_char);
        out.repair(kind, i);
        out.push(' ', i, i);
        (from, from_char) = (from + b, i);
    }
    out.copy(&text[from..], from_char);
    Some(out)
}

/// The char starting at byte `b` of the UTF-8 text `bytes`, and its length in
/// bytes. Cheaper than slicing a `str` for each char.
#[inline]
pub(crate) fn decode_at(bytes: &[u8], b: usize) -> (char, usize) {
    let x = u32::from(bytes[b]);
    let next = |k: usize| u32::from(bytes.get(b + k).copied().unwrap_or(0x80) & 0x3F);
    let (u, n) = match x {
        0..=0x7F => return (char::from(bytes[b]), 1),
        0x80..=0xDF => ((x & 0x1F) << 6 | next(1), 2),
        0xE0..=0xEF => ((x & 0x0F) << 12 | next(1) << 6 | next(2), 3),
        _ => ((x & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3), 4),
    };
    (char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER), n)
}

/// A word of a text: a maximal run of letters ([`crate::chars::is_letter`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word {
    /// Byte offset of its first char.
    pub start: usize,
    /// Byte offset past its last char.
    pub end: usize,
    /// Number of chars.
    pub len: usize,
    /// True if every char is ASCII.
    pub ascii: bool,
}

/// Calls `f` with each word of `text` that holds a non-ASCII char or a byte for
/// which `wanted` is true, and with its first chars (up to `N`). Other words are
/// skipped a byte at a time: the stages that read words (tone marks, run-together
/// syllables) leave ASCII words alone, but for "qui". Each char of a word given
/// to `f` is decoded once.
pub(crate) fn for_each_word<const N: usize>(
    text: &str,
    wanted: impl Fn(u8) -> bool,
    mut f: impl FnMut(Word, &[char]),
) {
    let bytes = text.as_bytes();
    let mut buf = ['\0'; N];
    // The search goes on from `b`: no letter before it belongs to a word not yet
    // given to `f`.
    let mut b = 0;
    while let Some(k) = bytes[b..].iter().position(|&x| x >= 0x80 || wanted(x)) {
        let p = b + k;
        let (c, n) = decode_at(bytes, p);
        if !crate::chars::is_letter(c) {
            b = p + n;
            continue;
        }
        // Back over the letters before `p`: all ASCII, as `p` is the first byte
        // found since `b`.
        let mut start = p;
        while start > b && bytes[start - 1].is_ascii_alphabetic() {
            start -= 1;
        }
        let mut len = 0;
        let mut push = |c: char| {
            if let Some(slot) = buf.get_mut(len) {
                *slot = c;
            }
            len += 1;
        };
        bytes[start..p].iter().for_each(|&x| push(char::from(x)));
        push(c);
        let mut end = p + n;
        while let Some(&x) = bytes.get(end) {
            let (c, n) = if x < 0x80 {
                (char::from(x), 1)
            } else {
                decode_at(bytes, end)
            };
            if !crate::chars::is_letter(c) {
                break;
            }
            push(c);
            end += n;
        }
        let word = Word {
            start,
            end,
            len,
            // One byte per char.
            ascii: end - start == len,
        };
        f(word, &buf[..len.min(N)]);
        b = end;
    }
}

/// Char offsets of byte offsets met in order, counting only the chars between.
#[derive(Default)]
pub(crate) struct CharCount {
    /// Counted up to this byte, which is this char.
    b: usize,
    at: usize,
}

impl CharCount {
    /// The char offset of byte `b` of `text` (not before the last one asked for).
    pub fn at(&mut self, text: &str, b: usize) -> usize {
        self.at += text[self.b..b].chars().count();
        self.b = b;
        self.at
    }
}

/// True if `chars` sits in something like a URL, e-mail address or path: looks
/// up to 64 chars either way within the surrounding non-space run.
pub(crate) fn in_address(chars: &[char], i: usize) -> bool {
    let lo = i.saturating_sub(64);
    let hi = (i + 64).min(chars.len());
    let mut a = i.min(chars.len());
    while a > lo && !chars[a - 1].is_whitespace() {
        a -= 1;
    }
    let mut b = i.min(chars.len());
    while b < hi && !chars[b].is_whitespace() {
        b += 1;
    }
    let run = &chars[a..b];
    run.contains(&'@')
        || run.windows(3).any(|w| w == [':', '/', '/'])
        || run
            .windows(4)
            .any(|w| w.iter().map(|c| c.to_ascii_lowercase()).eq("www.".chars()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_every_char() {
        let text: String = (0..0x11_0000u32)
            .step_by(7)
            .filter_map(char::from_u32)
            .collect();
        let bytes = text.as_bytes();
        for (b, c) in text.char_indices() {
            assert_eq!(decode_at(bytes, b), (c, c.len_utf8()));
        }
    }

    /// Words found with `wanted`: their text, char offset, length, and whether
    /// they are ASCII; the chars put in the buffer are checked.
    fn found(text: &str, wanted: fn(u8) -> bool) -> Vec<(&str, usize, usize, bool)> {
        let mut got = Vec::new();
        let mut count = CharCount::default();
        for_each_word::<8>(text, wanted, |w, head| {
            let head: String = head.iter().collect();
            assert!(text[w.start..w.end].starts_with(&head));
            assert_eq!(head.chars().count(), w.len.min(8));
            let at = count.at(text, w.start);
            got.push((&text[w.start..w.end], at, w.len, w.ascii));
        });
        got
    }

    #[test]
    fn words_are_runs_of_letters() {
        let text = "Ủy ban 3 tỉnh,ĐBQH×x ªb (Ωμέγα) e\u{301} nghiêngggggg “qui” aq";
        let chars: Vec<char> = text.chars().collect();
        let mut all = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let end = word_end(&chars, i);
            if end > i {
                let w: String = chars[i..end].iter().collect();
                let b = chars[..i].iter().map(|c| c.len_utf8()).sum::<usize>();
                all.push((&text[b..b + w.len()], i, end - i, w.is_ascii()));
                i = end;
            } else {
                i += 1;
            }
        }
        assert_eq!(found(text, |_| true), all);
        let marked: Vec<_> = all.iter().copied().filter(|w| !w.3).collect();
        assert_eq!(found(text, |_| false), marked);
        let with_q: Vec<_> = all
            .iter()
            .copied()
            .filter(|w| !w.3 || w.0.contains('q'))
            .collect();
        assert_eq!(found(text, |x| x == b'q'), with_q);
        assert_eq!(all[0], ("Ủy", 0, 2, false));
        assert_eq!(all[4], ("x", 19, 1, true));
        assert_eq!(with_q.len(), marked.len() + 2);
    }

    #[test]
    fn spaces_go_before_the_chars_given() {
        let r = spaces_inserted("ấya:bc", &[2, 4, 5], crate::RepairKind::InsertedSpace).unwrap();
        assert_eq!(r.text, "ấy a: b c");
        let spans: Vec<_> = (0..r.spans.len())
            .map(|i| r.spans.get(i).unwrap())
            .collect();
        assert_eq!(
            spans,
            [
                (0, 1),
                (1, 2),
                (2, 2),
                (2, 3),
                (3, 4),
                (4, 4),
                (4, 5),
                (5, 5),
                (5, 6)
            ]
        );
        assert_eq!(r.repairs.len(), 3);
    }
}

#[cfg(test)]
pub(crate) mod test_util {
    use super::Rewrite;

    /// Input text of output span `s..e` of a stage `r` run on `input`.
    pub fn source_of(input: &str, r: &Rewrite, s: usize, e: usize) -> String {
        let start = r.spans.get(s).map_or(input.chars().count(), |x| x.0);
        let end = if e == 0 {
            start
        } else {
            r.spans.get(e - 1).expect("span in range").1
        };
        input.chars().skip(start).take(end - start).collect()
    }

    /// Char offset of the first `needle` in `text`.
    pub fn find(text: &str, needle: &str) -> usize {
        let b = text.find(needle).expect("needle present");
        text[..b].chars().count()
    }
}
