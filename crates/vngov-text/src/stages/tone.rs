//! Stage 4: canonical tone-mark placement.
//!
//! The tone mark goes on: the vowel with a diacritic (ă, â, ê, ô, ơ, ư; the second
//! one in ươ: "người", "thuở"); else, with a final consonant, the last vowel
//! ("hoàn", "thuận", "huỳnh"); else the middle of three vowels ("ngoái", "khuỷu") or
//! the first of two ("mùa", "gửi"). The open rhymes oa, oe, uy are where the two
//! conventions differ: [`ToneStyle::Classic`] writes hòa, khỏe, thủy, ủy (the
//! style of most government text), [`ToneStyle::Modern`] writes hoà, khoẻ, thuỷ,
//! uỷ. Both write `qui`, `quí`, `quì`… as the standard `quy`, `quý`, `quỳ`… ("qui
//! định" → "quy định"), only when nothing follows the i ("quít" stays).
//! [`ToneStyle::Keep`] changes nothing. Only words that parse as one syllable are
//! touched, and each letter keeps its case ("HOÀ" → "HÒA", "Uỷ" → "Ủy").

use crate::chars::is_letter;
use crate::letters::{compose, letter, Tone};
use crate::offset::Rewrite;
use crate::syllable::{parse, Syllable, MAX_LETTERS};
use crate::ToneStyle;

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

/// Index of the letter that should carry the tone of `s`.
fn tone_index(s: &Syllable, style: ToneStyle) -> usize {
    let on = s.onset_len;
    let coda = (on..s.len)
        .find(|&k| !is_vowel(s.letters[k].base))
        .unwrap_or(s.len);
    if let Some(m) = (on..coda)
        .rev()
        .find(|&k| matches!(s.letters[k].base, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư'))
    {
        return m;
    }
    if coda < s.len {
        return coda - 1;
    }
    match coda - on {
        2 => {
            let pair = (s.letters[on].base, s.letters[on + 1].base);
            let glide = matches!(pair, ('o', 'a') | ('o', 'e') | ('u', 'y'));
            if glide && style == ToneStyle::Modern {
                on + 1
            } else {
                on
            }
        }
        3 => on + 1,
        _ => on,
    }
}

/// Rewrites one syllable in place; true if it changed.
fn fix(word: &mut [char], style: ToneStyle) -> bool {
    !unchanged(word) && fix_parsed(word, style)
}

/// True for a word [`fix_parsed`] leaves as it is, seen without parsing it: only
/// "qui" or a misplaced tone mark can change. A mark is in place when it sits on
/// the last vowel with a diacritic (ă, â, ê, ô, ơ, ư), or, with no such vowel, on a
/// vowel followed by a consonant (the last vowel before the coda).
fn unchanged(word: &[char]) -> bool {
    if matches!(word, ['q' | 'Q', 'u' | 'U', 'i' | 'I']) {
        return false;
    }
    let mut vowels = 0;
    let mut toned = None;
    let mut last_marked = None;
    for (k, &c) in word.iter().enumerate() {
        // A char outside the alphabet, or a second tone mark: no syllable.
        let Some(l) = letter(c) else {
            return true;
        };
        if !is_vowel(l.base) {
            continue;
        }
        vowels += 1;
        if l.tone != Tone::Level {
            if toned.is_some() {
                return true;
            }
            toned = Some(k);
        }
        if matches!(l.base, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư') {
            last_marked = Some(k);
        }
    }
    let Some(at) = toned else {
        return true;
    };
    if vowels < 2 {
        return true;
    }
    match last_marked {
        Some(m) => m == at,
        None => word
            .get(at + 1)
            .and_then(|&c| letter(c))
            .is_some_and(|l| !is_vowel(l.base)),
    }
}

fn fix_parsed(word: &mut [char], style: ToneStyle) -> bool {
    let Some(mut s) = parse(word) else {
        return false;
    };
    let mut changed = false;
    let qui = s.onset_len == 2
        && s.len == 3
        && s.letters[0].base == 'q'
        && s.letters[1].base == 'u'
        && s.letters[2].base == 'i';
    if qui {
        s.letters[2].base = 'y';
        changed = true;
    }
    if let Some(at) = s.tone_at {
        let to = tone_index(&s, style);
        if to != at {
            s.letters[at].tone = Tone::Level;
            s.letters[to].tone = s.tone;
            changed = true;
        }
    }
    if changed {
        for (c, l) in word.iter_mut().zip(&s.letters[..s.len]) {
            *c = compose(l.base, l.tone, l.upper);
        }
    }
    changed
}

/// Places tone marks per `style`; `None` for [`ToneStyle::Keep`] or when no word
/// changes.
pub(crate) fn apply(text: &str, style: ToneStyle) -> Option<Rewrite> {
    if style == ToneStyle::Keep {
        return None;
    }
    // Rewritten words, by byte range, with their letters; the text is copied only
    // if there is one.
    let mut fixes: Vec<(usize, usize, [char; MAX_LETTERS])> = Vec::new();
    let mut chars = 0;
    let mut word = ['\0'; MAX_LETTERS];
    let mut n = 0;
    let mut start = 0;
    let mut ascii = true;
    // A space after the text ends its last word.
    for (b, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        chars += 1;
        if is_letter(c) {
            if n == 0 {
                start = b;
                ascii = true;
            }
            if n < MAX_LETTERS {
                word[n] = c;
            }
            n += 1;
            ascii &= c.is_ascii();
            continue;
        }
        // A tone mark is never ASCII: an ASCII word changes only if it is "qui".
        if n > 0 && n <= MAX_LETTERS && (!ascii || matches!(word[0], 'q' | 'Q')) {
            let w = &mut word[..n];
            if fix(w, style) {
                fixes.push((start, b, word));
            }
        }
        n = 0;
    }
    if fixes.is_empty() {
        return None;
    }
    // Letters are replaced one for one: the offsets stay the identity.
    let mut out = Rewrite::with_capacity(text.len());
    let mut from = 0;
    for (start, end, word) in &fixes {
        out.text.push_str(&text[from..*start]);
        let n = text[*start..*end].chars().count();
        out.text.extend(&word[..n]);
        from = *end;
    }
    out.text.push_str(&text[from..]);
    // Less the space that ended the last word.
    out.spans = crate::offset::Spans::identity(chars - 1);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classic(s: &str) -> String {
        apply(s, ToneStyle::Classic).map_or_else(|| s.to_string(), |r| r.text)
    }

    fn modern(s: &str) -> String {
        apply(s, ToneStyle::Modern).map_or_else(|| s.to_string(), |r| r.text)
    }

    #[test]
    fn classic_style() {
        assert_eq!(
            classic("hoà thuỷ uỷ khoẻ toà hoá Uỷ ban HOÀ BÌNH"),
            "hòa thủy ủy khỏe tòa hóa Ủy ban HÒA BÌNH"
        );
        assert_eq!(classic("hòa thủy"), "hòa thủy");
        let r = apply("Hoà, uỷ ban", ToneStyle::Classic).unwrap();
        assert_eq!(r.text, "Hòa, ủy ban");
        assert_eq!(r.spans, crate::offset::Spans::identity(11));
        assert!(apply("hòa thủy, Internet", ToneStyle::Classic).is_none());
    }

    #[test]
    fn modern_style() {
        assert_eq!(
            modern("hòa thủy ủy khỏe tòa hóa Ủy HÒA"),
            "hoà thuỷ uỷ khoẻ toà hoá Uỷ HOÀ"
        );
    }

    #[test]
    fn final_consonant_puts_tone_on_second_vowel() {
        for f in [classic, modern] {
            assert_eq!(
                f("hòan thụân khuýêt hoàn thuận khuyết"),
                "hoàn thuận khuyết hoàn thuận khuyết"
            );
        }
    }

    #[test]
    fn fixed_positions() {
        assert_eq!(
            classic("ngừơi thủơ mùa gửi ngóai khủyu giá"),
            "người thuở mùa gửi ngoái khuỷu giá"
        );
    }

    #[test]
    fn qui_becomes_quy() {
        assert_eq!(classic("qui định, Quí vị, QUÌ"), "quy định, Quý vị, QUỲ");
        assert_eq!(modern("qui định"), "quy định");
        assert_eq!(classic("quyết quít quốc"), "quyết quít quốc");
    }

    #[test]
    fn words_seen_unchanged_are_unchanged() {
        let alphabet: Vec<char> = "qQuUiIoOaAhngcưƯơờừâấêếòóỏọàáảạÀúùủuíìỉyýỳỷ"
            .chars()
            .collect();
        let mut checked = 0;
        for &a in &alphabet {
            for &b in &alphabet {
                for &c in &alphabet {
                    for w in [
                        vec![a],
                        vec![a, b],
                        vec![a, b, c],
                        vec![c, a, b, 'n'],
                        vec!['n', 'g', a, b, c],
                    ] {
                        if !unchanged(&w) {
                            continue;
                        }
                        checked += 1;
                        for style in [ToneStyle::Classic, ToneStyle::Modern] {
                            let mut copy = w.clone();
                            assert!(!fix_parsed(&mut copy, style), "{w:?}");
                            assert_eq!(copy, w);
                        }
                    }
                }
            }
        }
        assert!(checked > 1000);
    }

    #[test]
    fn keep_changes_nothing() {
        assert!(apply("hoà", ToneStyle::Keep).is_none());
    }

    #[test]
    fn foreign_words_untouched() {
        assert_eq!(classic("Noël Zoé café"), "Noël Zoé café");
    }
}
