//! Person names. In name position — after a word of address or a title chain, in a
//! list of people, before a title chain — a name is a run of two to five
//! capitalized words, whatever those words also mean ("Trịnh Xuân Trường", "Lê
//! Văn Trưởng", "Nguyễn Văn Tỉnh", "Chẩu Văn Lâm", "Ya Tiong"): it ends at a word
//! of another case, at punctuation, or where a title or a body really starts ("Vũ
//! Đức Đam Trưởng Ban …", "… Đỗ Trọng Hưng Tỉnh ủy viên"). In an upper-case
//! heading the words are upper-case ("PHẠM MINH\nCHÍNH"). Family names from the
//! lexicon only settle where a place named before a person ends ("UBND huyện Võ
//! Nhai Nguyễn Văn A") and whether a run inside a body's name is a person.

use super::lexicon::{is_surname, LEXICON};
use super::tokens::{Gap, Shape, Token};

/// Longest name, in syllables.
const MAX_SYLLABLES: usize = 5;

/// Upper-case words that end a name in an upper-case heading ("… PHẠM MINH CHÍNH
/// TẠI PHIÊN HỌP").
const UPPER_STOPS: &[&str] = &[
    "tại", "về", "và", "với", "của", "trong", "ngày", "năm", "tháng", "khi", "đến", "cho", "nhận",
    "làm", "việc", "họp", "chủ", "trì", "kết", "luận", "đã", "dự", "phát", "biểu", "thông", "báo",
    "hội", "nghị", "phiên", "cuộc", "ở", "thăm", "đồng",
];

/// Whether `t` may be one word of a name: capitalized letters (a syllable of any
/// language: "Kđăm", "Phớc"), or in an upper-case heading, upper-case letters
/// that make a Vietnamese syllable.
fn syllable(t: &Token, upper: bool) -> bool {
    match t.shape {
        Shape::Cap => !upper && t.text().chars().count() <= 12,
        Shape::Upper => {
            upper
                && t.text().chars().all(char::is_alphabetic)
                && vngov_text::syllable::is_syllable(t.text())
        }
        _ => false,
    }
}

/// Whether a title, a word of address or a body really starts at `i`, so that the
/// name before it ends there: a word of address, a title written as one
/// abbreviation, a position of two words or more ("Phó Chủ tịch"), or a one-word
/// position, a body's head or a unit followed by the rest of a title or body on the
/// same line ("Trưởng Ban …", "Tỉnh ủy", "Sở Y tế"). "Trường", "Trưởng", "Tỉnh"
/// followed by punctuation or a verb end no name: they are its last word.
fn ends_name(toks: &[Token], i: usize, first: bool) -> bool {
    let l = &*LEXICON;
    if l.honorifics
        .longest_at(toks, i)
        .is_some_and(|(_, plural)| !plural)
        || l.title_abbreviations.longest_at(toks, i).is_some()
    {
        return true;
    }
    let continues = |e: usize| {
        toks.get(e).is_some_and(|n| {
            matches!(n.gap, Gap::Space | Gap::Line)
                && (matches!(n.shape, Shape::Cap | Shape::Upper | Shape::Mixed)
                    || l.org_words.longest_at(toks, e).is_some())
        })
    };
    if let Some((e, _)) = l.positions.longest_at(toks, i) {
        if e - i >= 2 || continues(e) {
            return true;
        }
    }
    // A family name may also be a body's head ("Đoàn Văn Việt", "Đoàn Thanh niên"):
    // as the first word it opens the name.
    if first && is_surname(&toks[i]) {
        return false;
    }
    [&l.org_heads, &l.admin_units]
        .iter()
        .any(|set| set.longest_at(toks, i).is_some_and(|(e, _)| continues(e)))
}

/// The end (exclusive token index) of a name starting at `i`, in name position:
/// two to five words of [`syllable`] in the case the token at `i` is written in,
/// on the same line or the next.
pub fn name_in_position(toks: &[Token], i: usize) -> Option<usize> {
    let first = toks.get(i)?;
    let upper = first.shape == Shape::Upper;
    if !syllable(first, upper) || ends_name(toks, i, true) {
        return None;
    }
    if upper && UPPER_STOPS.contains(&first.lower()) {
        return None;
    }
    let mut end = i + 1;
    while end < toks.len() && end - i <= MAX_SYLLABLES {
        let t = &toks[end];
        if !matches!(t.gap, Gap::Space | Gap::Line)
            || !syllable(t, upper)
            || ends_name(toks, end, false)
        {
            break;
        }
        if upper && UPPER_STOPS.contains(&t.lower()) {
            break;
        }
        end += 1;
    }
    (2..=MAX_SYLLABLES).contains(&(end - i)).then_some(end)
}

/// The end of a name starting at `i` that the text does not place: a family name
/// from the lexicon, then [`name_in_position`]. A longer run of capitalized words
/// is a heading or a body's name, not a person.
pub fn name_at(toks: &[Token], i: usize) -> Option<usize> {
    let first = toks.get(i)?;
    if !is_surname(first) {
        return None;
    }
    let end = name_in_position(toks, i)?;
    let upper = first.shape == Shape::Upper;
    if end - i == MAX_SYLLABLES
        && toks
            .get(end)
            .is_some_and(|t| matches!(t.gap, Gap::Space | Gap::Line) && syllable(t, upper))
    {
        return None;
    }
    Some(end)
}

/// The end of a province or city name written at `i`, if one is.
pub fn province_at(toks: &[Token], i: usize) -> Option<usize> {
    LEXICON.provinces.longest_at(toks, i).map(|(e, _)| e)
}

/// The name of a person starting at `i`, where a title or a word of address has
/// just been read: `(start, end)` token indices, in name position
/// ([`name_in_position`]). After a word naming an administrative unit ("tỉnh",
/// "huyện"), a place is named first: a province from the lexicon is passed over;
/// in a longer run the person starts at the last family name that leaves two
/// words or more ("huyện Võ Nhai Nguyễn Văn A"); two capitalized words alone are
/// the place ("huyện Võ Nhai"), three or more opening with a family name the
/// person ("UBND tỉnh Nguyễn Phi Long").
pub fn person_name_at(toks: &[Token], i: usize) -> Option<(usize, usize)> {
    let after_unit = i > 0 && is_admin_unit_end(toks, i);
    let mut start = i;
    if let Some(e) = province_at(toks, i) {
        if after_unit || name_in_position(toks, e).is_some() {
            start = e;
        }
    }
    if NON_NAMES.iter().any(|n| starts_with_words(toks, start, n)) {
        return None;
    }
    let end = name_in_position(toks, start)?;
    if after_unit && start == i {
        return split_place(toks, start, end);
    }
    // A province named alone after a body is a place ("Bí thư Thành ủy Hà Nội,
    // chủ trì"); right after a position it may be a person ("Chủ tịch Hồ Chí Minh").
    if province_at(toks, start) == Some(end) && !after_position(toks, start) {
        return None;
    }
    Some((start, end))
}

/// The person in a run of capitalized words `[start, end)` after a unit's word:
/// the whole run when it opens with a family name and holds three or four words;
/// else from the first family name that leaves two to four words; else none (a
/// place: "huyện Võ Nhai").
fn split_place(toks: &[Token], start: usize, end: usize) -> Option<(usize, usize)> {
    if is_surname(&toks[start]) && (3..=4).contains(&(end - start)) {
        return Some((start, end));
    }
    (start + 1..end)
        .find(|&p| is_surname(&toks[p]) && (2..=4).contains(&(end - p)))
        .map(|p| (p, end))
}

/// Capitalized words that name no person ("Việt Nam" in "Đài Tiếng nói Việt
/// Nam").
const NON_NAMES: &[&[&str]] = &[
    &["việt", "nam"],
    &["trung", "quốc"],
    &["hoa", "kỳ"],
    &["liên", "hợp", "quốc"],
    &["nhân", "dân"],
];

/// Whether the tokens from `i` are `words` (lower-cased).
fn starts_with_words(toks: &[Token], i: usize, words: &[&str]) -> bool {
    words
        .iter()
        .enumerate()
        .all(|(k, w)| toks.get(i + k).is_some_and(|t| t.lower() == *w))
}

/// A person named right after a body's words at `i`, where the body's name would
/// otherwise run on: a run of capitalized words opening with a family name, or of
/// three or more ("… Bí thư Tỉnh ủy Chẩu Văn Lâm", "… Đài truyền hình Việt Nam Lê
/// Ngọc Quang"). Returns where the person starts.
pub fn person_after_body(toks: &[Token], i: usize) -> Option<usize> {
    let (start, end) = person_name_at(toks, i)?;
    if start > i || is_surname(&toks[start]) {
        return Some(start);
    }
    // Three words or more in running text, ended by punctuation or a word in lower
    // case; in an upper-case heading only a family name tells.
    let ended = toks.get(end).map_or(true, |t| {
        t.gap == Gap::Break || matches!(t.shape, Shape::Punct | Shape::Lower)
    });
    if toks[start].shape == Shape::Cap && end - start >= 3 && ended {
        return Some(start);
    }
    // "… Việt Nam Lê Ngọc Quang": the family name further on starts the person.
    (start + 1..end.saturating_sub(1)).find(|&p| is_surname(&toks[p]))
}

/// Whether a position ends right before token `i`.
fn after_position(toks: &[Token], i: usize) -> bool {
    (i.saturating_sub(6)..i).any(|s| {
        LEXICON
            .positions
            .longest_at(toks, s)
            .is_some_and(|(e, _)| e == i)
    })
}

/// Whether the tokens just before `i` are a word naming an administrative unit.
fn is_admin_unit_end(toks: &[Token], i: usize) -> bool {
    (i.saturating_sub(3)..i).any(|s| {
        LEXICON
            .admin_units
            .longest_at(toks, s)
            .is_some_and(|(e, _)| e == i)
    })
}

/// The name in title case with single spaces: "PHẠM MINH\nCHÍNH" → "Phạm Minh Chính".
pub fn title_case(toks: &[Token]) -> String {
    toks.iter()
        .map(|t| {
            let lower = vngov_text::chars::lowercase(t.text());
            let mut c = lower.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn name(s: &str, i: usize) -> Option<String> {
        let t = tokenize(s);
        name_at(&t, i).map(|e| title_case(&t[i..e]))
    }

    #[test]
    fn names() {
        assert_eq!(
            name("Nguyễn Thị Bích Ngọc, Phó", 0).as_deref(),
            Some("Nguyễn Thị Bích Ngọc")
        );
        assert_eq!(
            name("Lê Thành\nLong tại", 0).as_deref(),
            Some("Lê Thành Long")
        );
        assert_eq!(
            name("Vũ Đức Đam Trưởng Ban", 0).as_deref(),
            Some("Vũ Đức Đam")
        );
        assert_eq!(
            name("PHẠM MINH\nCHÍNH TẠI PHIÊN HỌP", 0).as_deref(),
            Some("Phạm Minh Chính")
        );
        assert_eq!(name("Võ Phiên, Trần", 0).as_deref(), Some("Võ Phiên"));
        // Not a family name, one syllable, mixed case.
        assert_eq!(name("Ban Chỉ đạo", 0), None);
        assert_eq!(name("Lê đã", 0), None);
        assert_eq!(name("Trần PHƯỚC", 0), None);
        assert_eq!(name("Lê\n\nMinh", 0), None);
    }

    #[test]
    fn places_after_unit_words() {
        let t = tokenize("UBND tỉnh Nguyễn Phi Long");
        assert_eq!(person_name_at(&t, 2), Some((2, 5)));
        let t = tokenize("UBND huyện Võ Nhai");
        assert_eq!(person_name_at(&t, 2), None);
        let t = tokenize("UBND Thành phố Hồ Chí Minh Phan Văn Mãi");
        assert_eq!(person_name_at(&t, 3), Some((6, 9)));
        let t = tokenize("Chủ tịch Hồ Chí Minh");
        assert_eq!(person_name_at(&t, 2), Some((2, 5)));
        let t = tokenize("thành phố Hà Nội phát");
        assert_eq!(person_name_at(&t, 2), None);
    }
}
