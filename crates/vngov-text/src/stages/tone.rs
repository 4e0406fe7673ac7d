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

use crate::letters::{class, compose, letter, Tone};
use crate::offset::Rewrite;
use crate::stages::for_each_word;
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
    !unchanged(word, style) && fix_parsed(word, style)
}

/// True for a word [`fix_parsed`] leaves as it is, seen without parsing it: only
/// "qui" or a misplaced tone mark can change. A mark is in place when it sits on
/// the last vowel with a diacritic (ă, â, ê, ô, ơ, ư); with no such vowel, on a
/// vowel followed by a consonant (the last vowel before the coda), or where
/// [`open_rhyme_toned`] says.
fn unchanged(word: &[char], style: ToneStyle) -> bool {
    if matches!(word, ['q' | 'Q', 'u' | 'U', 'i' | 'I']) {
        return false;
    }
    let mut vowels = 0;
    let mut toned = None;
    let mut last_marked = None;
    for (k, &c) in word.iter().enumerate() {
        let l = class(c);
        // A char outside the alphabet, or a second tone mark: no syllable.
        if !l.is_letter() {
            return true;
        }
        if !l.is_vowel() {
            continue;
        }
        vowels += 1;
        if l.is_toned() {
            if toned.is_some() {
                return true;
            }
            toned = Some(k);
        }
        if l.is_marked_vowel() {
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
        None => {
            word.get(at + 1)
                .is_some_and(|&c| class(c).is_letter() && !class(c).is_vowel())
                || open_rhyme_toned(word, vowels, at, style)
        }
    }
}

/// For a word of letters with `vowels` vowels, none with a diacritic: true if it
/// is consonants then all its vowels (no coda) and the tone mark at `at` sits
/// where [`tone_index`] puts it: on the first of two vowels (the second of oa,
/// oe, uy in the modern style), the middle of three. The consonants are then the
/// whole onset (a rhyme starts with a vowel), unless the word starts with q or g
/// and a vowel, which may be the "qu" or "gi" of the onset ("quá", "già").
fn open_rhyme_toned(word: &[char], vowels: usize, at: usize, style: ToneStyle) -> bool {
    let base = |k: usize| letter(word[k]).map_or('\0', |l| l.base);
    let first = word.len() - vowels;
    if !word[first..].iter().all(|&c| class(c).is_vowel())
        || (first == 1 && matches!(base(0), 'q' | 'g'))
    {
        return false;
    }
    let glide = matches!(
        (base(first), base(first + 1)),
        ('o', 'a') | ('o', 'e') | ('u', 'y')
    );
    match vowels {
        2 if glide && style == ToneStyle::Modern => at == first + 1,
        2 => at == first,
        3 => at == first + 1,
        _ => false,
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
    // A tone mark is never ASCII: an ASCII word changes only if it is "qui".
    let q = |x: u8| x == b'q' || x == b'Q';
    for_each_word::<MAX_LETTERS>(text, q, |w, word| {
        if w.len > MAX_LETTERS || (w.ascii && !matches!(word[0], 'q' | 'Q')) {
            return;
        }
        let mut fixed = ['\0'; MAX_LETTERS];
        fixed[..w.len].copy_from_slice(word);
        if fix(&mut fixed[..w.len], style) {
            fixes.push((w.start, w.end, fixed));
        }
    });
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
    out.spans = crate::offset::Spans::identity(text.chars().count());
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
                        vec!['t', 'h', a, b],
                        vec!['g', a, b],
                        vec!['Q', a, b, c],
                    ] {
                        for style in [ToneStyle::Classic, ToneStyle::Modern] {
                            if !unchanged(&w, style) {
                                continue;
                            }
                            checked += 1;
                            let mut copy = w.clone();
                            assert!(!fix_parsed(&mut copy, style), "{w:?}");
                            assert_eq!(copy, w);
                        }
                    }
                }
            }
        }
        assert!(checked > 100_000);
        // Open rhymes, read without parsing.
        for (w, style) in [
            ("của", ToneStyle::Classic),
            ("hòa", ToneStyle::Classic),
            ("hoà", ToneStyle::Modern),
            ("ngoái", ToneStyle::Modern),
            ("Tùy", ToneStyle::Classic),
        ] {
            let w: Vec<char> = w.chars().collect();
            assert!(unchanged(&w, style), "{w:?}");
        }
        for (w, style) in [
            ("hòa", ToneStyle::Modern),
            ("quý", ToneStyle::Classic),
            ("gìa", ToneStyle::Classic),
            ("ngóai", ToneStyle::Classic),
        ] {
            let w: Vec<char> = w.chars().collect();
            assert!(!unchanged(&w, style), "{w:?}");
        }
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
