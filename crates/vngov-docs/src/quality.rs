//! Whether a text reads as Vietnamese: the share of its words that are well-formed
//! syllables, and of those that carry a diacritic. A text layer whose font lost its
//! Unicode map ("&Ӝ1* HÕA"), an OCR layer made without Vietnamese ("ceNG noa xA"),
//! or legacy font bytes read as Windows-1252 ("QuyÕt ®Þnh") all score low.

use vngov_decode::is_vietnamese_syllable;

/// Word counts of a text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    /// Words: runs of letters and of characters glued to letters.
    pub words: usize,
    /// Words that are well-formed Vietnamese syllables.
    pub syllables: usize,
    /// Syllables with a letter outside ASCII (a diacritic, đ).
    pub marked: usize,
}

/// Fewer words than this say nothing either way.
const ENOUGH_WORDS: usize = 20;

impl Score {
    /// Counts the words of `text`.
    pub fn of(text: &str) -> Score {
        let mut s = Score::default();
        for w in text.split(|c: char| c.is_whitespace() || ",.;:()[]\"'/-–…!?".contains(c)) {
            if w.is_empty()
                || w.chars()
                    .all(|c| c.is_ascii_digit() || c.is_ascii_punctuation())
            {
                continue;
            }
            s.words += 1;
            if w.chars().all(char::is_alphabetic) && is_vietnamese_syllable(w) {
                s.syllables += 1;
                if !w.is_ascii() {
                    s.marked += 1;
                }
            }
        }
        s
    }

    /// Whether there are enough words to judge.
    pub fn judged(&self) -> bool {
        self.words >= ENOUGH_WORDS
    }

    /// Whether the text reads as Vietnamese: most words are syllables and a fair
    /// share of them carry diacritics. Texts too short to judge pass.
    pub fn readable(&self) -> bool {
        !self.judged() || (self.syllables * 10 >= self.words * 6 && self.marked * 5 >= self.words)
    }

    /// A figure to compare two readings of the same text: well-formed syllables,
    /// those with diacritics counting double.
    pub fn weight(&self) -> usize {
        self.syllables + self.marked
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_reads_and_garbage_does_not() {
        let good = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; \
                    theo đề nghị của Giám đốc Sở Công Thương tại Tờ trình số 15/TTr-SCT, \
                    Ủy ban nhân dân tỉnh quyết định giao nhiệm vụ cho các cơ quan.";
        assert!(Score::of(good).judged());
        assert!(Score::of(good).readable());
        let shifted = "UBND 7ӌ1+ LÀO CAI &Ӝ1* HÕA XÃ +Ӝ, &+Ӫ 1*+Ƭ$ 9,ӊ7 NAM 6Ӣ CÔNG THѬѪNG \
                       ĈӝF OұS 7ӵ do +ҥQK phúc 6ӕ 1894 7% 6&7 /jR &DL QJj\\ WKiQJ QăP \
                       7+Ð1* %È2 .ӃW TXҧ VDX NLӇP WUD";
        assert!(!Score::of(shifted).readable(), "{:?}", Score::of(shifted));
        let no_marks = "BO CONG THIJoNG ceNG noa xA Her cHU Ncuia vrET NAM CVC H6A CHAT \
                        DQc l6p Tg do H4nh phtc QUYET DINH Xu phat vi pham hanh chinh \
                        doi voi to chuc cong ty trach nhiem huu han";
        assert!(!Score::of(no_marks).readable(), "{:?}", Score::of(no_marks));
        assert!(Score::of("Trang 2").readable());
    }
}
