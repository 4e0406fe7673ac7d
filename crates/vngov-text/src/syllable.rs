//! The structure of a written Vietnamese syllable.
//!
//! A syllable is an onset (possibly empty), a rhyme from the closed inventory of
//! Vietnamese rhymes, and at most one tone mark. Spelling rules are enforced:
//! `k`, `gh`, `ngh` only before i, e, ê (and `k` before y); `c`, `g`, `ng` never
//! before them (`g` + i is the "gi" spelling); `qu` never before o/u; `yê` only
//! without onset or after `qu`, `iê` only after an onset; syllables ending in c, ch,
//! p, t carry sắc or nặng. Used by the repairs, which only act when their result is
//! made of real syllables.

use crate::letters::{letter, Letter, Tone};

/// Longest written syllable we consider ("nghiêng" has seven letters).
pub(crate) const MAX_LETTERS: usize = 8;

/// A parsed syllable.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Syllable {
    /// The letters, `len` of them.
    pub letters: [Letter; MAX_LETTERS],
    /// Number of letters.
    pub len: usize,
    /// Number of onset letters ("ngh" = 3, "gi" = 2).
    pub onset_len: usize,
    /// The tone, and the index of the letter carrying it.
    pub tone: Tone,
    /// Index of the letter carrying the tone mark, if any.
    pub tone_at: Option<usize>,
}

/// True if `s` is one written Vietnamese syllable (any case, with or without a
/// tone mark): "trước", "Nguyễn", "QUỐC", "hoà", "hòa", "gì". False for
/// "chếtriển", "T", "ioffice", "VNPT", "Internet", "nhândân".
pub fn is_syllable(s: &str) -> bool {
    let mut buf = ['\0'; MAX_LETTERS];
    let mut n = 0;
    for c in s.chars() {
        if n == MAX_LETTERS {
            return false;
        }
        buf[n] = c;
        n += 1;
    }
    parse(&buf[..n]).is_some()
}

/// The onsets, longest first; [`onset_lengths`] matches them without a search
/// (and is tested against this list).
#[cfg(test)]
const ONSETS: [&str; 27] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
];

/// Parses `word` as one syllable.
pub(crate) fn parse(word: &[char]) -> Option<Syllable> {
    if word.is_empty() || word.len() > MAX_LETTERS {
        return None;
    }
    let filler = Letter {
        base: 'a',
        tone: Tone::Level,
        upper: false,
    };
    let mut letters = [filler; MAX_LETTERS];
    let mut tone = Tone::Level;
    let mut tone_at = None;
    for (i, &c) in word.iter().enumerate() {
        let l = letter(c)?;
        if l.tone != Tone::Level {
            if tone_at.is_some() {
                return None;
            }
            tone = l.tone;
            tone_at = Some(i);
        }
        letters[i] = l;
    }
    let len = word.len();
    let mut bases = ['\0'; MAX_LETTERS];
    for i in 0..len {
        bases[i] = letters[i].base;
    }
    let bases = &bases[..len];
    let onset_len = onset_lengths(bases)
        .into_iter()
        .flatten()
        .find(|&k| rhyme_ok(&bases[..k], &bases[k..], tone))?;
    Some(Syllable {
        letters,
        len,
        onset_len,
        tone,
        tone_at,
    })
}

/// Number of vowel letters in `word` (a, ă, â, e, ê, i, o, ô, ơ, u, ư, y in any
/// case and tone), and whether one carries a tone mark. Every rhyme starts with a
/// vowel, so a syllable has at least one.
pub(crate) fn vowels(word: &[char]) -> (usize, bool) {
    let mut n = 0;
    let mut toned = false;
    for &c in word {
        if let Some(l) = letter(c) {
            if matches!(
                l.base,
                'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
            ) {
                n += 1;
                toned |= l.tone != Tone::Level;
            }
        }
    }
    (n, toned)
}

/// Lengths of the onsets in [`ONSETS`] that `bases` starts with, longest first
/// (as they are listed), then the empty onset. At most one onset of each length
/// can match.
fn onset_lengths(bases: &[char]) -> [Option<usize>; 4] {
    let at = |i: usize| bases.get(i).copied().unwrap_or('\0');
    let (a, b, c) = (at(0), at(1), at(2));
    let three = (a, b, c) == ('n', 'g', 'h');
    let two = matches!(
        (a, b),
        ('n', 'g' | 'h')
            | ('c' | 'g' | 'k' | 'p' | 't', 'h')
            | ('g', 'i')
            | ('q', 'u')
            | ('t', 'r')
    );
    let one = matches!(
        a,
        'b' | 'c'
            | 'd'
            | 'đ'
            | 'g'
            | 'h'
            | 'k'
            | 'l'
            | 'm'
            | 'n'
            | 'p'
            | 'r'
            | 's'
            | 't'
            | 'v'
            | 'x'
    );
    [
        three.then_some(3),
        two.then_some(2),
        one.then_some(1),
        Some(0),
    ]
}

fn starts_with(bases: &[char], prefix: &str) -> bool {
    let mut it = bases.iter();
    prefix.chars().all(|p| it.next() == Some(&p))
}

fn is(onset: &[char], s: &str) -> bool {
    onset.len() == s.chars().count() && starts_with(onset, s)
}

/// Whether `rhyme` is a Vietnamese rhyme that may follow `onset` with `tone`.
fn rhyme_ok(onset: &[char], rhyme: &[char], tone: Tone) -> bool {
    let mut buf = [0u8; 4 * MAX_LETTERS];
    let mut n = 0;
    for &c in rhyme {
        n += c.encode_utf8(&mut buf[n..]).len();
    }
    let r = std::str::from_utf8(&buf[..n]).unwrap_or("");
    if !is_rhyme(r) {
        return false;
    }
    // Entering tones: a stop coda takes only sắc or nặng.
    if (r.ends_with('c') || r.ends_with("ch") || r.ends_with('p') || r.ends_with('t'))
        && !matches!(tone, Tone::Acute | Tone::Dot)
    {
        return false;
    }
    let first = rhyme[0];
    let front = matches!(first, 'i' | 'e' | 'ê' | 'y');
    let empty = onset.is_empty();
    let qu = is(onset, "qu");
    if is(onset, "k") {
        return front;
    }
    if is(onset, "gh") || is(onset, "ngh") {
        return matches!(first, 'i' | 'e' | 'ê');
    }
    if is(onset, "c") || is(onset, "ng") {
        return !front;
    }
    if is(onset, "g") {
        return !matches!(first, 'e' | 'ê' | 'y');
    }
    if is(onset, "gi") && first == 'i' {
        return false;
    }
    if qu {
        // "qui", "quít" are accepted as older spellings of "quy", "quýt".
        return !matches!(first, 'o' | 'u') && !r.starts_with("iê") && r != "ia";
    }
    if first == 'i' && r.starts_with("iê") && empty {
        return false;
    }
    if r.starts_with("yê") {
        return empty;
    }
    if matches!(r, "ynh" | "yt" | "ych") {
        return false;
    }
    if r == "y" {
        return empty
            || ["h", "k", "l", "m", "n", "s", "t", "th", "v"]
                .iter()
                .any(|o| is(onset, o));
    }
    true
}

/// The closed inventory of Vietnamese rhymes, without tone marks.
fn is_rhyme(r: &str) -> bool {
    matches!(
        r,
        // a, ă, â
        "a" | "ac" | "ach" | "ai" | "am" | "an" | "ang" | "anh" | "ao" | "ap" | "at" | "au" | "ay"
            | "ăc" | "ăm" | "ăn" | "ăng" | "ăp" | "ăt"
            | "âc" | "âm" | "ân" | "âng" | "âp" | "ât" | "âu" | "ây"
            // e, ê
            | "e" | "ec" | "em" | "en" | "eng" | "eo" | "ep" | "et"
            | "ê" | "êch" | "êm" | "ên" | "ênh" | "êp" | "êt" | "êu"
            // i, iê/ia
            | "i" | "ia" | "ich" | "im" | "in" | "inh" | "ip" | "it" | "iu"
            | "iêc" | "iêm" | "iên" | "iêng" | "iêp" | "iêt" | "iêu"
            // o, ô, ơ
            | "o" | "oc" | "oi" | "om" | "on" | "ong" | "op" | "ot" | "oong" | "ooc"
            | "ô" | "ôc" | "ôi" | "ôm" | "ôn" | "ông" | "ôp" | "ôt"
            | "ơ" | "ơi" | "ơm" | "ơn" | "ơp" | "ơt"
            // u, uô/ua
            | "u" | "ua" | "uc" | "ui" | "um" | "un" | "ung" | "up" | "ut" | "uơ"
            | "uôc" | "uôi" | "uôm" | "uôn" | "uông" | "uôt"
            // ư, ươ/ưa
            | "ư" | "ưa" | "ưc" | "ưi" | "ưng" | "ưt" | "ưu"
            | "ươc" | "ươi" | "ươm" | "ươn" | "ương" | "ươp" | "ươt" | "ươu"
            // y, yê (and y-rhymes that follow "qu")
            | "y" | "ych" | "ynh" | "yt" | "yêm" | "yên" | "yêng" | "yêt" | "yêu"
            // glide o: oa, oă, oe
            | "oa" | "oac" | "oach" | "oai" | "oam" | "oan" | "oang" | "oanh" | "oao" | "oap"
            | "oat" | "oay" | "oăc" | "oăm" | "oăn" | "oăng" | "oăt"
            | "oe" | "oen" | "oeo" | "oet"
            // glide u: uâ, uê, uy, uyê
            | "uân" | "uâng" | "uât" | "uây" | "uê" | "uêch" | "uênh"
            | "uy" | "uych" | "uynh" | "uyp" | "uyt" | "uyu" | "uya" | "uyên" | "uyêt"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_syllables() {
        let ok = "trước mắt cơ chế triển khai nhân dân về việc chính phủ nghiêng nguyễn \
                  quốc quý quỳnh quyết quýt qua quả gì gìn giữa giếng giá giặc già hòa hoà \
                  thủy thuỷ ủy uỷ khỏe khoẻ hoàn thuận khuyết khuya khuỷu huỳnh thuở \
                  kỹ kỷ lý mỹ yêu yên ích ỉa uống ươm oan oái ngoặt xoong boong moóc \
                  được những người trường thông tin công nghệ ứng dụng phường xã \
                  tỉnh huyện điện tử hội nghị Đồng Nai ĐẢNG CỘNG SẢN VIỆT NAM \
                  TRIỂN KHAI VỀ VIỆC CHÍNH PHỦ com ban hành quy định qui";
        for w in ok.split_whitespace() {
            assert!(is_syllable(w), "{w} should be a syllable");
        }
    }

    #[test]
    fn non_syllables() {
        let bad = "chếtriển T ioffice VNPT Internet nhândân TRIỂNKHAI VỀVIỆC CHÍNHPHỦ \
                   UBND CNTT Facebook org vn gov mic net tr ngh rướć hoàà \
                   ce ci ge nge nghe1 quo quu ghu ngha ky̆ mat bat \
                   triể yêng1 iêu tiê bă â Ðến Ðorri café Đắk Krông www http";
        for w in bad.split_whitespace() {
            assert!(!is_syllable(w), "{w} should not be a syllable");
        }
        assert!(!is_syllable(""));
        assert!(!is_syllable("nghiênggg"));
        assert!(!is_syllable("hóà"), "two tone marks");
    }

    #[test]
    fn spelling_constraints() {
        assert!(is_syllable("kê") && !is_syllable("cê"));
        assert!(is_syllable("ghế") && !is_syllable("gế"));
        assert!(is_syllable("nghe") && !is_syllable("nge"));
        assert!(is_syllable("ngà") && !is_syllable("nghà"));
        assert!(is_syllable("các") && !is_syllable("cac"));
        assert!(is_syllable("tiếng") && !is_syllable("iếng"));
        assert!(is_syllable("yếu") && !is_syllable("tyếu"));
    }

    #[test]
    fn onset_lengths_follow_the_onset_list() {
        let alphabet: Vec<char> = "abcdđghiklmnpqrstuvxyêơ".chars().collect();
        for &a in &alphabet {
            for &b in &alphabet {
                for &c in &alphabet {
                    let w = [a, b, c];
                    let listed: Vec<usize> = ONSETS
                        .iter()
                        .chain(std::iter::once(&""))
                        .filter(|o| starts_with(&w, o))
                        .map(|o| o.chars().count())
                        .collect();
                    let ours: Vec<usize> = onset_lengths(&w).into_iter().flatten().collect();
                    assert_eq!(ours, listed, "{w:?}");
                }
            }
        }
    }

    #[test]
    fn counts_vowels() {
        let w = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(vowels(&w("người")), (3, true));
        assert_eq!(vowels(&w("TỈNH")), (1, true));
        assert_eq!(vowels(&w("dân")), (1, false));
        assert_eq!(vowels(&w("nghiêng")), (2, false));
        assert_eq!(vowels(&w("x1")), (0, false));
    }

    #[test]
    fn parse_reports_onset_and_tone() {
        let w: Vec<char> = "nghiêng".chars().collect();
        let s = parse(&w).unwrap();
        assert_eq!(s.onset_len, 3);
        let w: Vec<char> = "giá".chars().collect();
        let s = parse(&w).unwrap();
        assert_eq!((s.onset_len, s.tone, s.tone_at), (2, Tone::Acute, Some(2)));
        let w: Vec<char> = "gì".chars().collect();
        assert_eq!(parse(&w).unwrap().onset_len, 1);
    }
}
