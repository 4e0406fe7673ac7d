//! The normalization stages, in the order [`crate::normalize`] runs them.
//!
//! Each stage reads the previous stage's text and returns a [`Rewrite`]: new text
//! plus, for every output char, the range of its input it came from. Lossless
//! stages (Unicode composition, spacing) come first, then the lossy ones that
//! change letters (look-alikes, tone placement) and the repairs.

pub(crate) mod broken_words;
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

/// The text with a space inserted before each char index of `at` (sorted), each
/// insertion recorded as a `kind` repair; `None` when `at` is empty.
pub(crate) fn spaces_inserted(
    text: impl Iterator<Item = char>,
    len: usize,
    at: &[usize],
    kind: crate::RepairKind,
) -> Option<crate::offset::Rewrite> {
    if at.is_empty() {
        return None;
    }
    let mut out = crate::offset::Rewrite::with_capacity(len + at.len());
    let mut next = at.iter().copied().peekable();
    for (i, c) in text.enumerate() {
        if next.next_if_eq(&i).is_some() {
            out.repair(kind, i);
            out.push(' ', i, i);
        }
        out.keep(c, i);
    }
    Some(out)
}

/// Copies `chars[from..to]` unchanged into `out`.
pub(crate) fn copy(out: &mut crate::offset::Rewrite, chars: &[char], from: usize, to: usize) {
    for (i, &c) in chars.iter().enumerate().take(to).skip(from) {
        out.keep(c, i);
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
