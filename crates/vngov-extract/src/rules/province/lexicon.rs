//! The lexicon of provinces (`provinces.tsv`) and a folded view of the text to match
//! it on.

use std::sync::LazyLock;

use regex::Regex;

/// One province or centrally-run city.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Province {
    /// Official name with diacritics ("Khánh Hòa").
    pub name: &'static str,
    /// Whether it is a centrally-run city.
    pub city: bool,
    /// Folded keys of the name and its variants ("khanh hoa").
    pub keys: Vec<String>,
}

/// The lexicon file.
const DATA: &str = include_str!("provinces.tsv");

/// Every province and centrally-run city, in file order.
pub static PROVINCES: LazyLock<Vec<Province>> = LazyLock::new(|| {
    DATA.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut cols = l.split('\t');
            let name = cols.next().unwrap_or("").trim();
            let city = cols.next().is_some_and(|k| k.trim() == "tp");
            let mut keys = vec![vngov_text::fold(name)];
            keys.extend(
                cols.next()
                    .unwrap_or("")
                    .split('|')
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(vngov_text::fold),
            );
            let mut seen = Vec::new();
            keys.retain(|k| {
                let new = !seen.contains(k);
                seen.push(k.clone());
                new
            });
            Province { name, city, keys }
        })
        .collect()
});

/// A regex alternative matching any province key on folded text, longest keys first,
/// with any whitespace between words and any dash between the two halves of a
/// double name. Group `p<i>` names the province at index `i`.
pub static NAMES: LazyLock<String> = LazyLock::new(|| {
    let mut alts: Vec<(usize, String)> = Vec::new();
    for (i, p) in PROVINCES.iter().enumerate() {
        for k in &p.keys {
            alts.push((i, k.clone()));
        }
    }
    alts.sort_by_key(|(_, k)| std::cmp::Reverse(k.len()));
    let parts: Vec<String> = alts
        .iter()
        .enumerate()
        .map(|(j, (i, k))| {
            let words: Vec<String> = k
                .split(|c: char| c.is_whitespace() || c == '-' || c == '–')
                .filter(|w| !w.is_empty())
                .map(regex::escape)
                .collect();
            format!("(?P<p{i}_{j}>{})", words.join(r"\s*[-–]?\s*"))
        })
        .collect();
    // The folded text's letters are ASCII: an ASCII word boundary is the same
    // boundary, and keeps the regex engine on its fast path.
    format!(r"(?:{})(?-u:\b)", parts.join("|"))
});

/// The province index of the group that matched in `caps`.
pub fn province_of(re: &Regex, caps: &regex::Captures) -> Option<usize> {
    // Groups looked up by index: a lookup by name hashes the name, for every group.
    re.capture_names()
        .enumerate()
        .filter_map(|(i, n)| Some((i, n?)))
        .filter(|&(i, n)| n.starts_with('p') && caps.get(i).is_some())
        .find_map(|(_, n)| n[1..].split('_').next()?.parse().ok())
}

/// The text folded to lower-case ASCII letters ("Hải Dương" → "hai duong"), with a
/// way back to the byte offsets of the original text.
#[derive(Debug)]
pub struct Folded<'a> {
    /// The original text.
    pub text: &'a str,
    /// The folded text.
    pub folded: String,
    /// `(folded, original)` byte offsets of a char start every [`MARK_EVERY`] folded
    /// bytes or so: a per-byte map would cost eight bytes per byte of text.
    marks: Vec<(usize, usize)>,
}

/// Appends the folding of `c`; ASCII and Vietnamese letters (most of the text)
/// fold without allocating, anything else through [`vngov_text::fold`].
fn folded_push(out: &mut String, c: char, buf: &mut [u8; 4]) {
    match vngov_text::fold_letter(c) {
        Some(f) => out.push(f),
        None => out.push_str(&vngov_text::fold(c.encode_utf8(buf))),
    }
}

/// Folded bytes between two marks; a lookup folds at most this many bytes again.
const MARK_EVERY: usize = 64;

impl<'a> Folded<'a> {
    /// Folds `text` character by character.
    pub fn new(text: &'a str) -> Self {
        let mut folded = String::with_capacity(text.len());
        let mut marks = Vec::with_capacity(text.len() / MARK_EVERY + 1);
        let mut buf = [0u8; 4];
        for (b, c) in text.char_indices() {
            if marks
                .last()
                .map_or(true, |&(f, _)| folded.len() >= f + MARK_EVERY)
            {
                marks.push((folded.len(), b));
            }
            folded_push(&mut folded, c, &mut buf);
        }
        Folded {
            text,
            folded,
            marks,
        }
    }

    /// The original byte offset of the char folded byte `i` came from (the end of the
    /// text for the end of the folded text).
    fn original_offset(&self, i: usize) -> usize {
        if i >= self.folded.len() {
            return self.text.len();
        }
        let k = self.marks.partition_point(|m| m.0 <= i).saturating_sub(1);
        let (mut f, mut b) = self.marks.get(k).copied().unwrap_or((0, 0));
        let mut buf = [0u8; 4];
        for c in self.text[b..].chars() {
            let n = match vngov_text::fold_letter(c) {
                Some(_) => 1,
                None => vngov_text::fold(c.encode_utf8(&mut buf)).len(),
            };
            if f + n > i {
                return b;
            }
            f += n;
            b += c.len_utf8();
        }
        self.text.len()
    }

    /// The original byte range of folded range `r`.
    pub fn original(&self, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
        self.original_offset(r.start)..self.original_offset(r.end)
    }
}

#[cfg(test)]
mod folded_tests {
    use super::Folded;

    #[test]
    fn folded_offsets_lead_back_to_the_original() {
        let text = "Ủy ban nhân dân tỉnh Đắk Lắk và Thừa Thiên Huế. ".repeat(30);
        let f = Folded::new(&text);
        let mut from = 0;
        while let Some(i) = f.folded[from..].find("dak lak") {
            let at = from + i;
            assert_eq!(&text[f.original(at..at + 7)], "Đắk Lắk");
            from = at + 1;
        }
        assert!(from > 0);
        assert_eq!(f.original(0..f.folded.len()), 0..text.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn province_of_reads_the_group_that_matched() {
        let re = Regex::new(r"(?P<x>a)|(?P<p3_0>bc)|(?P<p12_1>b)|(d)").unwrap();
        let by_name = |c: &regex::Captures| {
            re.capture_names()
                .flatten()
                .filter(|n| n.starts_with('p') && c.name(n).is_some())
                .find_map(|n| n[1..].split('_').next()?.parse::<usize>().ok())
        };
        for (t, want) in [("bc", Some(3)), ("b", Some(12)), ("a", None), ("d", None)] {
            let c = re.captures(t).unwrap();
            assert_eq!(province_of(&re, &c), want, "{t}");
            assert_eq!(province_of(&re, &c), by_name(&c), "{t}");
        }
    }
}
