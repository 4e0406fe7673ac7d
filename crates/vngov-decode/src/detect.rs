//! Which legacy encoding bytes are in: from declared font names where there are any
//! (`.VnTime` is TCVN3, `VNI-Times` is VNI), else from byte statistics, per line and
//! per word where one document mixes encodings.
//!
//! The statistics read each word that holds a byte above 0x7F in every candidate
//! encoding and ask whether the result is a well-formed Vietnamese syllable. The right
//! table gives syllables ("C¨n" → "Căn"); a wrong one gives letter soup ("Vieät" read
//! as TCVN3 is "Vieọt"), and Western words read as TCVN3 or VNI seldom give syllables
//! ("für" → "fỹr"). The words that are plain ASCII must read as Vietnamese too, which
//! keeps English, French or German text from ever being taken for TCVN3 or VNI; such
//! text goes to chardetng.

use std::ops::Range;

use crate::syllable::is_vietnamese_syllable;
use crate::{Charset, Decoded, Hint, Warning};

/// The Vietnamese readings statistics choose between. VISCII comes last: on a tie
/// the earlier, more common encodings win.
const CANDIDATES: [Charset; 4] = [
    Charset::Tcvn3,
    Charset::Vni,
    Charset::WINDOWS_1258,
    Charset::Viscii,
];

/// The charset a font name implies: the ABC fonts (`.VnTime`, `.VnArial`, …; names
/// ending in a capital H, like `.VnTimeH`, are the upper-case ones) are TCVN3, the VNI
/// fonts (`VNI-Times`, `VNI-Helve`, …) are VNI. `None` for any other font.
pub fn charset_of_font(name: &str) -> Option<Charset> {
    let name = name.trim().trim_matches(|c| c == '"' || c == '\'').trim();
    let lower = name.to_ascii_lowercase();
    if lower.starts_with(".vn") && name.len() > 3 {
        // Windows appends script names to font names: ".VnTimeH Tur".
        let base = name
            .split(' ')
            .filter(|w| {
                !matches!(
                    *w,
                    "Tur" | "CE" | "Cyr" | "Greek" | "Baltic" | "(Vietnamese)"
                )
            })
            .collect::<Vec<_>>()
            .join(" ");
        return Some(if base.ends_with('H') {
            Charset::Tcvn3Upper
        } else {
            Charset::Tcvn3
        });
    }
    if (lower.starts_with("vni-") || lower.starts_with("vni "))
        && lower[4..].starts_with(|c: char| c.is_ascii_alphabetic())
    {
        return Some(Charset::Vni);
    }
    None
}

/// The legacy charsets of the font names a page or style sheet mentions
/// (`font-family: .VnTime`, `face="VNI-Times"`), in order of first mention.
pub fn fonts_in_markup(bytes: &[u8]) -> Vec<Charset> {
    let lower = bytes.to_ascii_lowercase();
    let mut found: Vec<(usize, Charset)> = Vec::new();
    for (i, w) in lower.windows(4).enumerate() {
        let before = i.checked_sub(1).map(|j| lower[j]);
        let starts_name = before.map_or(true, |b| {
            matches!(b, b'"' | b'\'' | b' ' | b':' | b',' | b'=' | b'\t' | b'\n')
        });
        if !starts_name {
            continue;
        }
        let cs = if w.starts_with(b".vn") && w[3].is_ascii_alphabetic() {
            let end = lower[i..]
                .iter()
                .position(|b| matches!(b, b'"' | b'\'' | b';' | b',' | b'<' | b'>' | b'}' | b'\n'))
                .map_or(lower.len(), |p| i + p);
            charset_of_font(&String::from_utf8_lossy(&bytes[i..end]))
        } else if w == b"vni-" {
            Some(Charset::Vni)
        } else {
            None
        };
        if let Some(cs) = cs {
            // In markup both cases of one family share the table; the case-fix of
            // `.VnTimeH` needs the font boundaries only RTF gives.
            let cs = if cs == Charset::Tcvn3Upper {
                Charset::Tcvn3
            } else {
                cs
            };
            if !found.iter().any(|(_, c)| *c == cs) {
                found.push((i, cs));
            }
        }
    }
    found.into_iter().map(|(_, c)| c).collect()
}

/// Good and bad words of one reading.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Tally {
    good: u32,
    bad: u32,
}

impl Tally {
    fn score(self) -> i64 {
        i64::from(self.good) - i64::from(self.bad)
    }
}

/// A word holding bytes above 0x7F, and how each candidate reads it.
struct Word {
    range: Range<usize>,
    verdicts: Vec<Option<bool>>,
}

/// The words of a line and its tally per candidate.
struct Line {
    range: Range<usize>,
    words: Vec<Word>,
    tallies: Vec<Tally>,
}

/// How a reading treats one word: `Some(true)` when every letter run holding a
/// non-ASCII letter is a Vietnamese syllable, `Some(false)` when one is not, when a
/// non-ASCII capital follows a small letter, or when a sign sits between the letters ("CH¦¥NG", "Tr\u{AD}êng": letter soup), `None` when
/// the word holds no non-ASCII letter, and `None` too for a well-formed word the
/// reading leaves as Windows-1252 has it ("São" or "là" are syllable shapes in any
/// reading: they say nothing for TCVN3, VNI or Windows-1258 against Western text).
fn verdict(bytes: &[u8], cs: Charset) -> Option<bool> {
    // VISCII puts letters on every Western symbol ("°" is "ồ", "®" is "ệ"): a word
    // with no Western letter in it is a sign, not evidence for VISCII.
    if cs == Charset::Viscii
        && !Charset::WINDOWS_1252
            .decode(bytes)
            .chars()
            .any(char::is_alphabetic)
    {
        return None;
    }
    let text = cs.decode(bytes);
    let chars: Vec<char> = text.chars().collect();
    let first = chars.iter().position(|c| c.is_alphabetic());
    let last = chars.iter().rposition(|c| c.is_alphabetic());
    if let (Some(first), Some(last)) = (first, last) {
        if chars[first..last]
            .iter()
            .any(|c| !c.is_alphabetic() && !c.is_ascii())
        {
            return Some(false);
        }
    }
    let mut any = false;
    for run in text.split(|c: char| !c.is_alphabetic()) {
        if run.is_ascii() {
            continue;
        }
        // A capital after a small letter ("vỊ") is a wrong table's doing.
        let camel = run
            .chars()
            .zip(run.chars().skip(1))
            .any(|(a, b)| a.is_lowercase() && b.is_uppercase() && !b.is_ascii());
        if camel || !is_vietnamese_syllable(run) {
            return Some(false);
        }
        any = true;
    }
    (any && text != Charset::WINDOWS_1252.decode(bytes)).then_some(true)
}

fn is_word_byte(b: u8) -> bool {
    b >= 0x80 || b.is_ascii_alphabetic()
}

fn analyse(bytes: &[u8], candidates: &[Charset]) -> (Vec<Line>, Tally) {
    let mut lines = Vec::new();
    let mut ascii = Tally::default();
    let mut start = 0;
    for (i, &b) in bytes
        .iter()
        .enumerate()
        .chain(std::iter::once((bytes.len(), &b'\n')))
    {
        if b != b'\n' {
            continue;
        }
        let mut line = Line {
            range: start..i,
            words: Vec::new(),
            tallies: vec![Tally::default(); candidates.len()],
        };
        let mut j = start;
        while j < i {
            if !is_word_byte(bytes[j]) {
                j += 1;
                continue;
            }
            let w0 = j;
            while j < i && is_word_byte(bytes[j]) {
                j += 1;
            }
            let word = &bytes[w0..j];
            if word.is_ascii() {
                // Abbreviations (UBND, NĐ-CP) say nothing about the language.
                if word.iter().any(u8::is_ascii_lowercase) {
                    let w = std::str::from_utf8(word).unwrap_or("");
                    if is_vietnamese_syllable(w) {
                        ascii.good += 1;
                    } else {
                        ascii.bad += 1;
                    }
                }
                continue;
            }
            let verdicts: Vec<Option<bool>> =
                candidates.iter().map(|&cs| verdict(word, cs)).collect();
            for (t, v) in line.tallies.iter_mut().zip(&verdicts) {
                match v {
                    Some(true) => t.good += 1,
                    Some(false) => t.bad += 1,
                    None => {}
                }
            }
            line.words.push(Word {
                range: w0..j,
                verdicts,
            });
        }
        lines.push(line);
        start = i + 1;
    }
    (lines, ascii)
}

/// What statistics found: spans of bytes and the charset each is read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detection {
    /// The charset most of the text is in.
    pub primary: Charset,
    /// Every charset used, the primary first.
    pub used: Vec<Charset>,
    /// Consecutive spans covering all the bytes.
    pub spans: Vec<(Range<usize>, Charset)>,
}

/// Finds which of `allowed` (all Vietnamese readings when empty) the bytes are in.
/// `declared` relaxes the evidence needed, for bytes whose fonts name the encoding.
/// `None` when the bytes do not read as Vietnamese in any of them.
pub fn detect(bytes: &[u8], allowed: &[Charset], declared: bool) -> Option<Detection> {
    let candidates: Vec<Charset> = if allowed.is_empty() {
        CANDIDATES.to_vec()
    } else {
        allowed.to_vec()
    };
    let (lines, ascii) = analyse(bytes, &candidates);
    // The plain-ASCII words must read as Vietnamese too: this keeps Western text out.
    let ascii_total = ascii.good + ascii.bad;
    if !declared && ascii_total >= 2 && ascii.good * 2 < ascii_total {
        return None;
    }
    let n = candidates.len();
    let totals: Vec<i64> = (0..n)
        .map(|c| lines.iter().map(|l| l.tallies[c].score()).sum())
        .collect();
    let primary = (0..n).max_by_key(|&c| (totals[c], std::cmp::Reverse(c)))?;
    // Fonts mix within a document; a code page does not mix with fonts.
    let font = |c: usize| matches!(candidates[c], Charset::Tcvn3 | Charset::Vni);
    let may_mix = |c: usize| c == primary || (font(c) && font(primary));
    // Each line in the primary reading unless another reads it clearly better.
    let mut assigned: Vec<usize> = lines
        .iter()
        .map(|l| {
            let best = (0..n)
                .filter(|&c| may_mix(c))
                .max_by_key(|&c| (l.tallies[c].score(), c == primary))
                .unwrap_or(primary);
            if l.tallies[best].score() >= l.tallies[primary].score() + 2 {
                best
            } else {
                primary
            }
        })
        .collect();
    // A reading that wins only a word or two is noise, not a second encoding.
    for c in 0..n {
        let good: u32 = lines
            .iter()
            .zip(&assigned)
            .filter(|(_, &a)| a == c)
            .map(|(l, _)| l.tallies[c].good)
            .sum();
        if c != primary && good < 3 {
            for a in assigned.iter_mut().filter(|a| **a == c) {
                *a = primary;
            }
        }
    }
    let (good, bad) = lines.iter().zip(&assigned).fold((0, 0), |(g, b), (l, &a)| {
        (g + l.tallies[a].good, b + l.tallies[a].bad)
    });
    let enough = if declared {
        good >= 1 && good > bad
    } else {
        good >= 3 && good >= 4 * bad
    };
    if !enough {
        return None;
    }
    let mut used: Vec<usize> = vec![primary];
    for &a in &assigned {
        if !used.contains(&a) {
            used.push(a);
        }
    }
    let mut spans: Vec<(Range<usize>, usize)> = Vec::new();
    let mut push = |range: Range<usize>, c: usize| match spans.last_mut() {
        Some((r, last)) if *last == c && r.end == range.start => r.end = range.end,
        _ => spans.push((range, c)),
    };
    for (l, &a) in lines.iter().zip(&assigned) {
        let mut at = l.range.start;
        if used.len() > 1 {
            // Within a line, a word that the line's encoding garbles and another
            // encoding of the document reads; and a word both read well, after
            // one only the other reads ("ñôn vò" is VNI "đơn vị", not "đơn vũ").
            let mut last_only: Option<usize> = None;
            for w in &l.words {
                let good: Vec<usize> = used
                    .iter()
                    .copied()
                    .filter(|&o| w.verdicts[o] == Some(true))
                    .collect();
                let o = match (w.verdicts[a], good.as_slice()) {
                    // The line's reading garbles it: another reads it.
                    (Some(false), [o, ..]) => {
                        last_only = Some(*o);
                        *o
                    }
                    // Only the line's reading reads it.
                    (Some(true), [_]) => {
                        last_only = Some(a);
                        a
                    }
                    // Both read it: it goes with the word before.
                    (Some(true), _) => match last_only {
                        Some(prev) if good.contains(&prev) => prev,
                        _ => a,
                    },
                    _ => continue,
                };
                if o != a {
                    push(at..w.range.start, a);
                    push(w.range.clone(), o);
                    at = w.range.end;
                }
            }
        }
        // The line feed goes with the line.
        push(at..(l.range.end + 1).min(bytes.len()), a);
    }
    Some(Detection {
        primary: candidates[primary],
        used: used.iter().map(|&c| candidates[c]).collect(),
        spans: spans
            .into_iter()
            .filter(|(r, _)| !r.is_empty())
            .map(|(r, c)| (r, candidates[c]))
            .collect(),
    })
}

/// The charset among `among` that reads `bytes` best, `default` on a tie.
pub fn best_of(bytes: &[u8], among: &[Charset], default: Charset) -> Charset {
    let (lines, _) = analyse(bytes, among);
    let score = |c: usize| -> i64 { lines.iter().map(|l| l.tallies[c].score()).sum() };
    (0..among.len())
        .max_by_key(|&c| (score(c), among[c] == default))
        .map_or(default, |c| among[c])
}

/// Decodes bytes that are not Unicode: by the declared charset, by the fonts the
/// markup names, by statistics, and failing all of those by chardetng's guess.
pub(crate) fn decode_legacy(bytes: &[u8], hint: &Hint) -> Decoded {
    let mut warnings = Vec::new();
    let declared = hint
        .charset
        .as_deref()
        .and_then(|l| encoding_rs::Encoding::for_label(l.trim().as_bytes()));
    let mut fonts: Vec<Charset> = hint
        .fonts
        .iter()
        .filter_map(|f| charset_of_font(f))
        .map(|c| {
            if c == Charset::Tcvn3Upper {
                Charset::Tcvn3
            } else {
                c
            }
        })
        .collect();
    if hint.format == crate::Format::Html {
        fonts.extend(fonts_in_markup(bytes));
    }
    fonts.dedup();
    if let Some(enc) = declared {
        if enc == encoding_rs::UTF_8 {
            warnings.push(Warning::new(
                "charset_mismatch",
                "declared UTF-8, but the bytes are not valid UTF-8",
            ));
        } else if fonts.is_empty()
            && enc != encoding_rs::WINDOWS_1252
            && enc != encoding_rs::UTF_16LE
            && enc != encoding_rs::UTF_16BE
        {
            // A declared charset other than the Western default (Windows-1258,
            // Shift_JIS, …) is trusted; TCVN3 and VNI pages declare the Western one.
            return Decoded {
                text: Charset::Other(enc).decode(bytes),
                encoding: Charset::Other(enc).name(),
                warnings,
            };
        }
    }
    if let Some(d) = detect(bytes, &fonts, !fonts.is_empty()) {
        let mut text = String::with_capacity(bytes.len() + bytes.len() / 4);
        for (range, cs) in &d.spans {
            text.push_str(&cs.decode(&bytes[range.clone()]));
        }
        let encoding = Charset::mixed_name(&d.used);
        if d.used.len() > 1 {
            warnings.push(Warning::new(
                "mixed_encoding",
                format!(
                    "the text mixes encodings: {encoding}, mostly {}",
                    d.primary.name()
                ),
            ));
        }
        if let Some(enc) = declared.filter(|e| *e != encoding_rs::UTF_8) {
            warnings.push(Warning::new(
                "charset_mismatch",
                format!("declared {}, but the text reads as {encoding}", enc.name()),
            ));
        }
        return Decoded {
            text,
            encoding,
            warnings,
        };
    }
    let enc = declared
        .filter(|e| *e != encoding_rs::UTF_8)
        .unwrap_or_else(|| {
            let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            det.feed(bytes, true);
            det.guess(None, chardetng::Utf8Detection::Deny)
        });
    Decoded {
        text: Charset::Other(enc).decode(bytes),
        encoding: Charset::Other(enc).name(),
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_names_give_charsets() {
        assert_eq!(charset_of_font(".VnTime"), Some(Charset::Tcvn3));
        assert_eq!(charset_of_font(".VnTimeH"), Some(Charset::Tcvn3Upper));
        assert_eq!(charset_of_font(".VnTimeH Tur"), Some(Charset::Tcvn3Upper));
        assert_eq!(
            charset_of_font(".VnArial NarrowH"),
            Some(Charset::Tcvn3Upper)
        );
        assert_eq!(charset_of_font("VNI-Times"), Some(Charset::Vni));
        assert_eq!(charset_of_font("'VNI-Helve'"), Some(Charset::Vni));
        assert_eq!(charset_of_font("Times New Roman"), None);
        assert_eq!(charset_of_font("Vnexpress Sans"), None);
    }

    #[test]
    fn markup_font_declarations_are_found() {
        let page = br#"<p style="font-family: .VnTime; font-size:12pt">x</p><font face="VNI-Times">y</font>"#;
        assert_eq!(fonts_in_markup(page), vec![Charset::Tcvn3, Charset::Vni]);
        assert!(fonts_in_markup(b"<p>www.vnexpress.net and .vn domains</p>").is_empty());
    }
}
