//! Double-encoded UTF-8: a UTF-8 page that was once read as Latin-1 or Windows-1252
//! and written out again as UTF-8 ("Lao Äá»ng" for "Lao Động").
//!
//! Each run of non-ASCII characters that all have a Latin-1/Windows-1252 byte is
//! turned back into those bytes; a run whose bytes are valid UTF-8 is a repairable
//! run, one whose bytes are not is a genuine Latin-1 word. The page is repaired only
//! when the evidence is clear: several repairable runs and next to no genuine ones.
//! C1 controls and U+00A0 are part of the damage (UTF-8 bytes 0x80–0x9F, 0xA0), so
//! nothing may strip them before this step.

use encoding_rs::WINDOWS_1252;

/// The fewest repairable runs for a page to count as double-encoded.
const MIN_RUNS: usize = 3;

/// At most one genuine Latin-1 run per this many repairable runs.
const MAX_BAD_RATIO: usize = 20;

/// The outcome of a repair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repaired {
    /// The repaired text.
    pub text: String,
    /// How many runs were repaired.
    pub runs: usize,
}

/// The byte a character stands for when UTF-8 was misread as Windows-1252 (or as
/// Latin-1, whose C1 controls fill the five holes of Windows-1252).
fn byte_of(c: char) -> Option<u8> {
    let cp = c as u32;
    if cp < 0x100 {
        return Some(cp as u8);
    }
    let mut buf = [0u8; 4];
    let (bytes, _, unmappable) = WINDOWS_1252.encode(c.encode_utf8(&mut buf));
    (!unmappable && bytes.len() == 1).then(|| bytes[0])
}

/// Repairs `text` when it is clearly double-encoded UTF-8; `None` otherwise.
pub fn repair(text: &str) -> Option<Repaired> {
    let (mut good, mut bad) = (0usize, 0usize);
    for run in runs(text) {
        match run {
            Run::Text(_) => {}
            Run::Bytes(b) if std::str::from_utf8(&b).is_ok() => good += 1,
            Run::Bytes(_) => bad += 1,
        }
    }
    if good < MIN_RUNS || bad * MAX_BAD_RATIO > good {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut runs_fixed = 0;
    for run in runs(text) {
        match run {
            Run::Text(s) => out.push_str(s),
            Run::Bytes(b) => match String::from_utf8(b) {
                Ok(s) => {
                    runs_fixed += 1;
                    out.push_str(&s);
                }
                Err(e) => out.push_str(&String::from_utf8_lossy(e.as_bytes())),
            },
        }
    }
    Some(Repaired {
        text: out,
        runs: runs_fixed,
    })
}

/// A piece of the text: left alone, or a run of non-ASCII characters as the bytes they
/// stand for.
enum Run<'a> {
    Text(&'a str),
    Bytes(Vec<u8>),
}

/// Splits the text into runs. A non-ASCII run with any character outside
/// Windows-1252/Latin-1 is text as it stands.
fn runs(text: &str) -> impl Iterator<Item = Run<'_>> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let ascii = rest.find(|c: char| !c.is_ascii()).unwrap_or(rest.len());
        if ascii > 0 {
            let (a, r) = rest.split_at(ascii);
            rest = r;
            return Some(Run::Text(a));
        }
        let end = rest.find(|c: char| c.is_ascii()).unwrap_or(rest.len());
        let (run, r) = rest.split_at(end);
        rest = r;
        let bytes: Option<Vec<u8>> = run.chars().map(byte_of).collect();
        Some(match bytes {
            Some(b) => Run::Bytes(b),
            None => Run::Text(run),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a Latin-1 reader makes of UTF-8.
    fn garble(s: &str) -> String {
        s.bytes().map(char::from).collect()
    }

    #[test]
    fn double_encoded_page_is_repaired_exactly() {
        let good = "<title>Lao Động</title><p>Tổng Liên Đoàn Lao Động Việt Nam à Ơ Ạ</p>";
        let bad = garble(good);
        assert!(bad.contains('\u{90}'), "C1 controls are part of the damage");
        let r = repair(&bad).expect("repaired");
        assert_eq!(r.text, good);
        assert!(r.runs >= 3);
    }

    #[test]
    fn windows_1252_reading_is_repaired_too() {
        let good = "Tuyên truyền “chuyển đổi số” – Sở Thông tin";
        let bad = WINDOWS_1252.decode(good.as_bytes()).0.into_owned();
        assert!(bad.contains('€') || bad.contains('œ'), "{bad}");
        let r = repair(&bad).expect("repaired");
        assert_eq!(r.text, good);
    }

    #[test]
    fn genuine_text_is_left_alone() {
        assert_eq!(repair("Ủy ban nhân dân tỉnh Hà Giang"), None);
        assert_eq!(repair("café, naïve, Ångström, crème brûlée"), None);
        // One stray sequence is not enough evidence.
        assert_eq!(repair(&format!("x {} y", garble("Động"))), None);
    }

    #[test]
    fn mixed_page_with_many_genuine_latin1_words_is_left_alone() {
        let mut s = garble("Động Động Động");
        for _ in 0..3 {
            s.push_str(" café élan");
        }
        assert_eq!(repair(&s), None);
    }
}
