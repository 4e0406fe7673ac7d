//! Person names: a family name from the lexicon and one to four more syllables, all
//! in title case ("Nguyễn Thị Bích Ngọc"), or all in upper case inside an upper-case
//! heading ("PHẠM MINH\nCHÍNH").

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

/// Whether `t` may be one syllable of a name.
fn syllable(t: &Token, upper: bool) -> bool {
    let shape_ok = match t.shape {
        Shape::Cap => !upper,
        Shape::Upper => upper && t.text.chars().all(char::is_alphabetic),
        _ => false,
    };
    shape_ok && vngov_text::syllable::is_syllable(t.text)
}

/// Whether a title, a word of address or a body's head noun starts at `i`: such
/// a word ends the name before it ("Vũ Đức Đam Trưởng Ban …").
fn ends_name(toks: &[Token], i: usize) -> bool {
    let l = &*LEXICON;
    l.positions.longest_at(toks, i).is_some()
        || l.title_abbreviations.longest_at(toks, i).is_some()
        || l.honorifics.longest_at(toks, i).is_some()
        || l.org_heads.longest_at(toks, i).is_some()
        || l.admin_units.longest_at(toks, i).is_some()
}

/// The end (exclusive token index) of a name starting at `i`, in the case the
/// token at `i` is written in: a family name, then syllables in the same case on
/// the same line or the next, at least two syllables in all.
pub fn name_at(toks: &[Token], i: usize) -> Option<usize> {
    let first = toks.get(i)?;
    let upper = first.shape == Shape::Upper;
    if !is_surname(first) || !syllable(first, upper) {
        return None;
    }
    let mut end = i + 1;
    while end < toks.len() && end - i < MAX_SYLLABLES {
        let t = &toks[end];
        if !matches!(t.gap, Gap::Space | Gap::Line) || !syllable(t, upper) || ends_name(toks, end) {
            break;
        }
        if upper && UPPER_STOPS.contains(&t.lower()) {
            break;
        }
        end += 1;
    }
    // A longer run of capitalised words is a heading or a body's name, not a person.
    if end - i < 2
        || (end < toks.len()
            && end - i == MAX_SYLLABLES
            && matches!(toks[end].gap, Gap::Space | Gap::Line)
            && syllable(&toks[end], upper))
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
/// just been read: `(start, end)` token indices. After a word naming an
/// administrative unit ("tỉnh", "huyện"), a place is named first: a province from
/// the lexicon is skipped, and two capitalised syllables are taken for a place
/// ("huyện Võ Nhai") while three or more are a person ("UBND tỉnh Nguyễn Phi Long").
pub fn person_name_at(toks: &[Token], i: usize) -> Option<(usize, usize)> {
    let after_unit = i > 0 && is_admin_unit_end(toks, i);
    let mut start = i;
    if let Some(e) = province_at(toks, i) {
        if after_unit || name_at(toks, e).is_some() {
            start = e;
        }
    }
    let end = name_at(toks, start)?;
    if after_unit && start == i && end - start < 3 {
        return None;
    }
    Some((start, end))
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
            let lower = vngov_text::chars::lowercase(t.text);
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
