//! Double-encoded UTF-8: a UTF-8 page that was once read as Latin-1 or Windows-1252
//! and written out again as UTF-8 ("Lao Äá»ng" for "Lao Động").
//!
//! Each run of non-ASCII characters that all have a Latin-1/Windows-1252 byte is
//! turned back into those bytes; a run whose bytes are valid UTF-8 is a repairable
//! run, one whose bytes are not is a genuine Latin-1 word. The page is repaired only
//! when the evidence is clear: several repairable runs and next to no genuine ones.
//! C1 controls and U+00A0 are part of the damage (UTF-8 bytes 0x80–0x9F, 0xA0), so
//! nothing may strip them before this step.

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
    // The other 27 characters of Windows-1252 (bytes 0x80–0x9F).
    Some(match c {
        '\u{152}' => 0x8C,
        '\u{153}' => 0x9C,
        '\u{160}' => 0x8A,
        '\u{161}' => 0x9A,
        '\u{178}' => 0x9F,
        '\u{17D}' => 0x8E,
        '\u{17E}' => 0x9E,
        '\u{192}' => 0x83,
        '\u{2C6}' => 0x88,
        '\u{2DC}' => 0x98,
        '\u{2013}' => 0x96,
        '\u{2014}' => 0x97,
        '\u{2018}' => 0x91,
        '\u{2019}' => 0x92,
        '\u{201A}' => 0x82,
        '\u{201C}' => 0x93,
        '\u{201D}' => 0x94,
        '\u{201E}' => 0x84,
        '\u{2020}' => 0x86,
        '\u{2021}' => 0x87,
        '\u{2022}' => 0x95,
        '\u{2026}' => 0x85,
        '\u{2030}' => 0x89,
        '\u{2039}' => 0x8B,
        '\u{203A}' => 0x9B,
        '\u{20AC}' => 0x80,
        '\u{2122}' => 0x99,
        _ => return None,
    })
}

/// Repairs `text` when it is clearly double-encoded UTF-8; `None` otherwise.
pub fn repair(text: &str) -> Option<Repaired> {
    if !enough_run_starts(text) {
        return None;
    }
    let (good, bad) = count_runs(text);
    if good < MIN_RUNS || bad * MAX_BAD_RATIO > good {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut runs_fixed = 0;
    for_each_run(text, |run, bytes| match bytes {
        None => out.push_str(run),
        Some(b) => match std::str::from_utf8(b) {
            Ok(s) => {
                runs_fixed += 1;
                out.push_str(s);
            }
            Err(_) => out.push_str(&String::from_utf8_lossy(b)),
        },
    });
    Some(Repaired {
        text: out,
        runs: runs_fixed,
    })
}

/// How many runs are repairable and how many are genuine Latin-1 words.
fn count_runs(text: &str) -> (usize, usize) {
    let (mut good, mut bad) = (0usize, 0usize);
    for_each_run(text, |_, bytes| match bytes {
        None => {}
        Some(b) if std::str::from_utf8(b).is_ok() => good += 1,
        Some(_) => bad += 1,
    });
    (good, bad)
}

/// Whether the text has [`MIN_RUNS`] places where a repairable run may start, a
/// quick look that spares most pages the count of their runs. A repairable run's
/// bytes are UTF-8 that is not ASCII: they open with a lead byte 0xC2–0xF4 (a
/// character U+00C2–U+00F4, bytes C3 82–C3 B4) and a continuation byte
/// 0x80–0xBF, and the run starts after an ASCII character or at the start.
fn enough_run_starts(text: &str) -> bool {
    let b = text.as_bytes();
    let mut found = 0;
    let mut from = 0;
    while let Some(p) = b[from..].iter().position(|&x| x == 0xC3) {
        let i = from + p;
        from = i + 1;
        if !(i == 0 || b[i - 1].is_ascii()) || !matches!(b.get(i + 1), Some(0x82..=0xB4)) {
            continue;
        }
        // C3 and its continuation byte make a whole character: i + 2 is a boundary.
        let next = text[i + 2..].chars().next().and_then(byte_of);
        if next.is_some_and(|x| (0x80..=0xBF).contains(&x)) {
            found += 1;
            if found >= MIN_RUNS {
                return true;
            }
        }
    }
    false
}

/// Splits the text into runs and gives each to `f`: a piece left alone (`None`),
/// or a run of non-ASCII characters with the bytes they stand for. A non-ASCII run
/// with any character outside Windows-1252/Latin-1 is left alone.
fn for_each_run(text: &str, mut f: impl FnMut(&str, Option<&[u8]>)) {
    let mut bytes = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        // A char is ASCII exactly when its first byte is; a byte below 0x80 is never
        // inside a multi-byte char, so both positions are char boundaries.
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        if ascii > 0 {
            let (a, r) = rest.split_at(ascii);
            rest = r;
            f(a, None);
            continue;
        }
        let end = rest
            .bytes()
            .position(|b| b.is_ascii())
            .unwrap_or(rest.len());
        let (run, r) = rest.split_at(end);
        rest = r;
        bytes.clear();
        let all = run.chars().all(|c| match byte_of(c) {
            Some(b) => {
                bytes.push(b);
                true
            }
            None => false,
        });
        f(run, all.then_some(bytes.as_slice()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::WINDOWS_1252;

    #[test]
    fn bytes_are_those_of_windows_1252() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let want = if (c as u32) < 0x100 {
                Some(c as u8)
            } else {
                let mut buf = [0u8; 4];
                let (bytes, _, unmappable) = WINDOWS_1252.encode(c.encode_utf8(&mut buf));
                (!unmappable && bytes.len() == 1).then(|| bytes[0])
            };
            assert_eq!(byte_of(c), want, "{c:?}");
        }
    }

    /// What a Latin-1 reader makes of UTF-8.
    fn garble(s: &str) -> String {
        s.bytes().map(char::from).collect()
    }

    #[test]
    fn every_page_with_enough_repairable_runs_passes_the_quick_look() {
        let words = [
            "Động",
            "Lao",
            "à",
            "é",
            "café",
            "Ơ",
            "Ạ",
            "“số”",
            "–",
            "\u{a0}",
            "©",
            "ô",
            "Ä",
            "Â\u{a0}",
            "Ã©",
            "Ã",
            "á»",
            "x",
            " ",
            "<p>",
            "€",
            "Å“",
        ];
        let mut next = crate::test_rng::draws(7);
        let (mut repairable, mut looked) = (0, 0);
        for _ in 0..4000 {
            let mut s = String::new();
            for _ in 0..next(12) {
                let w = words[next(words.len())];
                if next(3) == 0 {
                    s.push_str(&garble(w));
                } else {
                    s.push_str(w);
                }
                if next(2) == 0 {
                    s.push(' ');
                }
            }
            let (good, _) = count_runs(&s);
            if good >= MIN_RUNS {
                repairable += 1;
                assert!(enough_run_starts(&s), "{s:?}");
            }
            looked += usize::from(enough_run_starts(&s));
        }
        assert!(repairable > 100 && looked < 4000, "{repairable} {looked}");
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
