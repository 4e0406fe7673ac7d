//! Whether a word is a well-formed Vietnamese syllable: onset, vowel nucleus,
//! final consonant and at most one tone, by the rules of the Vietnamese alphabet.
//! Detection uses it to tell a right reading of legacy bytes from a wrong one: a
//! wrong table turns Vietnamese into letter soup ("Vieọt"), and Western words
//! read as TCVN3 or VNI are rarely syllables ("fỹr", "schưn").

use unicode_normalization::UnicodeNormalization;

const ONSETS: &[&str] = &[
    "ngh", "ng", "gh", "gi", "kh", "nh", "ph", "qu", "th", "tr", "ch", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];

/// Vowel nuclei that may end a syllable or take a final consonant.
const NUCLEI_FREE: &[&str] = &[
    "a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê", "uy", "uơ",
];

/// Nuclei that need a final consonant.
const NUCLEI_CLOSED: &[&str] = &["ă", "â", "oă", "uâ", "iê", "yê", "uô", "ươ", "uyê", "oo"];

/// Nuclei that end in a glide and so take no final consonant.
const NUCLEI_OPEN: &[&str] = &[
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "ưa",
    "ưi", "ưu", "iêu", "yêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "uya", "uyu", "ươi", "ươu",
    "uai", "uay", "uao",
];

const CODAS: &[&str] = &["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

const TONES: [char; 5] = ['\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}'];

/// Whether `word` (letters only, any case, any normalization form) is one
/// well-formed Vietnamese syllable.
pub fn is_vietnamese_syllable(word: &str) -> bool {
    let mut tone = None;
    let mut rest = String::with_capacity(word.len());
    for c in word.nfd() {
        if TONES.contains(&c) {
            if tone.replace(c).is_some() {
                return false;
            }
        } else {
            rest.extend(c.to_lowercase());
        }
    }
    let letters: String = rest.nfc().collect();
    if letters.is_empty()
        || !letters
            .chars()
            .all(|c| "aăâbcdđeêghiklmnoôơpqrstuưvxy".contains(c))
    {
        return false;
    }
    ONSETS.iter().any(|onset| {
        letters
            .strip_prefix(onset)
            .is_some_and(|rhyme| rhyme_ok(rhyme, tone))
    })
}

fn rhyme_ok(rhyme: &str, tone: Option<char>) -> bool {
    CODAS.iter().any(|coda| {
        let Some(nucleus) = rhyme.strip_suffix(coda) else {
            return false;
        };
        let shape_ok = if coda.is_empty() {
            NUCLEI_FREE.contains(&nucleus) || NUCLEI_OPEN.contains(&nucleus)
        } else {
            NUCLEI_FREE.contains(&nucleus) || NUCLEI_CLOSED.contains(&nucleus)
        };
        // Syllables closed by a stop take only the sharp or the heavy tone.
        let stop = matches!(*coda, "c" | "ch" | "p" | "t");
        // The palatal finals follow front vowels only, the velar ones never do.
        let coda_ok = match *coda {
            "nh" | "ch" => matches!(nucleus, "a" | "ê" | "i" | "y" | "oa" | "uê" | "uy"),
            "ng" | "c" => !matches!(nucleus, "ê" | "i" | "y" | "uy" | "ơ"),
            _ => true,
        };
        shape_ok && coda_ok && (!stop || matches!(tone, Some('\u{0301}' | '\u{0323}')))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_syllables_are_recognized() {
        let text = "Cộng hòa xã hội chủ nghĩa Việt Nam Độc lập Tự do Hạnh phúc \
                    Căn cứ Luật Tổ chức Chính phủ ngày tháng năm quyết định khuỷu \
                    nghiêng người giữa gì quốc hoà thuở xoong ương khuya Uỷ ban";
        for w in text.split_whitespace() {
            assert!(is_vietnamese_syllable(w), "{w}");
        }
        let nfd: String = "Nguyễn".nfd().collect();
        assert!(is_vietnamese_syllable(&nfd));
    }

    #[test]
    fn letter_soup_and_western_words_are_not_syllables() {
        for w in [
            "Vieọt", "fỹr", "schưn", "Straòe", "cafộ", "ộtộ", "Brỹcke", "world", "und", "bat",
            "bàt", "ăă", "qa", "ă", "tổnh", "Bỡnh", "chớnh", "kêng", "",
        ] {
            assert!(!is_vietnamese_syllable(w), "{w}");
        }
        for w in [
            "the", "ăn", "bác", "bạt", "hẫy", "khiêng", "xẻng", "oanh", "huỳnh",
        ] {
            assert!(is_vietnamese_syllable(w), "{w}");
        }
    }
}
