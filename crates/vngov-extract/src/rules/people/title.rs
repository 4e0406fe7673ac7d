//! Titles: a position from the lexicon and the body it is held in ("Phó Chủ tịch
//! UBND tỉnh", "Trưởng Ban chỉ đạo Quốc gia phòng, chống dịch COVID-19"), or an
//! abbreviation standing for both ("TVTU").
//!
//! The body runs over capitalised words, abbreviations, words naming an
//! administrative unit and the lower-case words of `org_words.txt`; it ends at
//! punctuation, at another title, at a person's name, and at any other lower-case
//! word ("Phó Chủ tịch UBND tỉnh phát biểu").

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::lexicon::LEXICON;
use super::name::person_after_body;
use super::tokens::{Gap, Shape, Token};
use crate::rules::organizations::canonical;
use crate::word_hash::WordHasher;

/// A title read on tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedTitle {
    /// First token.
    pub start: usize,
    /// Token after the last.
    pub end: usize,
    /// The position, canonical ("Phó Chủ tịch").
    pub position: String,
    /// The body, abbreviations expanded, when written.
    pub organization: Option<String>,
}

impl ParsedTitle {
    /// The title as written, with single spaces.
    pub fn text(&self, toks: &[Token], text: &str) -> String {
        let r = toks[self.start].range().start..toks[self.end - 1].range().end;
        text[r].split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Whether two titles name the same position in the same body.
    pub fn same_as(&self, other: &ParsedTitle) -> bool {
        let key = |t: &ParsedTitle| {
            (
                vngov_text::fold(&t.position),
                t.organization.as_deref().map(vngov_text::fold),
            )
        };
        key(self) == key(other)
    }
}

/// Whether a title starts at token `i`.
pub fn starts_title(toks: &[Token], i: usize) -> bool {
    LEXICON.positions.longest_at(toks, i).is_some()
        || LEXICON.title_abbreviations.longest_at(toks, i).is_some()
}

/// The title written at token `i`, if one is.
pub fn title_at(toks: &[Token], text: &str, i: usize) -> Option<ParsedTitle> {
    let l = &*LEXICON;
    if let Some((end, a)) = l.title_abbreviations.longest_at(toks, i) {
        // An abbreviation naming no body may be followed by one ("UV BTV Tỉnh ủy").
        let (end, organization) = match a.organization {
            // "UVT.Ư Đảng": words repeating the body the abbreviation names.
            Some(o) => (body_after(toks, text, end).0, Some(o.to_string())),
            None => body_after(toks, text, end),
        };
        return Some(ParsedTitle {
            start: i,
            end,
            position: a.position.to_string(),
            organization,
        });
    }

    let (pos_end, p) = l.positions.longest_at(toks, i)?;
    // A one-word position in lower case after a lower-case word is an ordinary
    // word ("tăng trưởng").
    if pos_end == i + 1
        && toks[i].shape == Shape::Lower
        && i > 0
        && toks[i - 1].shape == Shape::Lower
    {
        return None;
    }
    // A plural ("Giám đốc các sở") is a group, not this person's title.
    if toks
        .get(pos_end)
        .is_some_and(|t| matches!(t.lower(), "các" | "những"))
    {
        return None;
    }
    let org_end = organization_end(toks, pos_end, p.head.is_some());
    let organization = (org_end > pos_end).then(|| {
        let r = toks[pos_end].range().start..toks[org_end - 1].range().end;
        let body = canonical_body(&text[r]);
        // A position naming its body ("Trưởng ban") starts the body's name.
        match p.head {
            Some(h) => format!("{h} {body}"),
            None => body,
        }
    });
    Some(ParsedTitle {
        start: i,
        end: org_end,
        position: p.name.to_string(),
        organization,
    })
}

/// The body written right after a title's words ending at `end`, if any: its end
/// and name.
fn body_after(toks: &[Token], text: &str, end: usize) -> (usize, Option<String>) {
    let org_end = organization_end(toks, end, false);
    if org_end > end && matches!(toks[end].shape, Shape::Cap | Shape::Upper | Shape::Mixed) {
        let r = toks[end].range().start..toks[org_end - 1].range().end;
        (org_end, Some(canonical_body(&text[r])))
    } else {
        (end, None)
    }
}

/// The end of an abbreviated title no list holds, written at `i`: capitals (and
/// dots between them, "UVT.Ư"), at most eight letters, followed by a separator and
/// another title — so that a heading's capitals are not taken for one.
fn unknown_abbreviation(toks: &[Token], i: usize) -> Option<usize> {
    let is_caps = |t: &Token| {
        t.shape == Shape::Upper
            && t.text().chars().all(char::is_alphabetic)
            && t.text().chars().count() <= 6
    };
    if !toks.get(i).is_some_and(is_caps) {
        return None;
    }
    let mut end = i + 1;
    while toks
        .get(end)
        .is_some_and(|t| t.is_punct(".") && t.gap == Gap::None)
        && toks
            .get(end + 1)
            .is_some_and(|t| is_caps(t) && t.gap == Gap::None)
    {
        end += 2;
    }
    let letters: usize = toks[i..end].iter().map(|t| t.text().chars().count()).sum();
    if letters > 8 || LEXICON.admin_units.longest_at(toks, i).is_some() {
        return None;
    }
    // What follows: a body ("Đảng"), then a separator and a known title.
    let after = organization_end(toks, end, false).max(end);
    let sep = toks
        .get(after)
        .is_some_and(|t| t.is_punct(",") || t.is_punct("-") || t.is_punct("–") || t.is_punct("—"));
    (sep && starts_title(toks, after + 1)).then_some(end)
}

/// In a title chain, an abbreviation no list holds, in capitals ("UVT.Ư Đảng",
/// "TUV"): a title of its own where more titles follow it.
pub fn abbreviated_at(toks: &[Token], text: &str, i: usize) -> Option<ParsedTitle> {
    let end = unknown_abbreviation(toks, i)?;
    let position = toks[i..end].iter().map(|t| t.text()).collect::<String>();
    let (end, organization) = body_after(toks, text, end);
    Some(ParsedTitle {
        start: i,
        end,
        position,
        organization,
    })
}

/// [`canonical`] of a body's name as written, kept per thread: titles name the
/// same few bodies over and over, in a document and across documents.
fn canonical_body(written: &str) -> String {
    /// Names kept at most before the table starts anew.
    const MAX_KEPT: usize = 10_000;
    type Kept = HashMap<Box<str>, String, BuildHasherDefault<WordHasher>>;
    thread_local! {
        static KEPT: RefCell<Kept> = RefCell::new(Kept::default());
    }
    KEPT.with_borrow_mut(|kept| {
        if let Some(c) = kept.get(written) {
            return c.clone();
        }
        if kept.len() >= MAX_KEPT {
            kept.clear();
        }
        let c = canonical(written);
        kept.insert(written.into(), c.clone());
        c
    })
}

/// Words that never stand in a body's name, whatever their case: they end it in an
/// upper-case heading ("… PHÓ CHỦ TỊCH UBND TỈNH TẠI CUỘC HỌP").
const ENDS_BODY: &[&str] = &[
    "tại", "về", "với", "trong", "ngày", "tháng", "năm", "khi", "đến", "cho", "đã", "sẽ", "là",
    "được", "đang", "cùng", "dự", "kết", "họp", "cuộc", "phiên", "buổi", "ở", "theo", "nhằm", "để",
    "thì", "lúc",
];

/// Token after the body's name that starts at `i` (`i` itself when there is none).
/// `after_head`: the position ended with a body's head noun ("Trưởng ban").
fn organization_end(toks: &[Token], i: usize, after_head: bool) -> usize {
    let l = &*LEXICON;
    let mut j = i;
    let mut last = i;
    let mut head = after_head;
    while j < toks.len() {
        let t = &toks[j];
        if t.gap == Gap::Break || starts_title(toks, j) || ENDS_BODY.contains(&t.lower()) {
            break;
        }
        if let Some(start) = person_after_body(toks, j) {
            // A place named before the person belongs to the body ("UBND Thành phố
            // Hồ Chí Minh Phan Văn Mãi").
            if start > j {
                last = start;
            }
            break;
        }
        // A date, or a number with a slash, is not part of a name.
        if t.shape == Shape::Mixed && t.text().contains('/') {
            break;
        }
        if l.honorifics.longest_at(toks, j).is_some() {
            break;
        }
        let word = l.org_words.longest_at(toks, j);
        let unit = l.admin_units.longest_at(toks, j).map(|(e, _)| e);
        // A head noun in lower case only right after the position ("Giám đốc sở");
        // elsewhere it is an ordinary word ("… Đầu tư báo cáo").
        let head_noun = l
            .org_heads
            .longest_at(toks, j)
            .filter(|_| j == i || t.shape != Shape::Lower)
            .map(|(e, _)| e);
        let best = [
            // Written with a capital, a field is part of the name ("Bộ Y tế").
            word.as_ref()
                .filter(|(_, any)| *any || head || t.shape == Shape::Cap)
                .map(|(e, _)| *e),
            unit,
            head_noun,
        ]
        .into_iter()
        .flatten()
        .max();
        if let Some(e) = best {
            head = head_noun == Some(e) || word.as_ref().is_some_and(|(we, _)| *we == e);
            j = e;
            last = j;
            continue;
        }
        match t.shape {
            Shape::Cap | Shape::Upper | Shape::Mixed => {
                j += 1;
                last = j;
                head = true;
                // A proper name goes on in lower case after its first word ("Bộ
                // Chính trị", "Hội Nhà báo", "cục Tuyên huấn"): up to three words
                // that no predicate opens.
                if t.shape == Shape::Cap {
                    let mut k = j;
                    while k < toks.len()
                        && k - j < 3
                        && toks[k].shape == Shape::Lower
                        && toks[k].gap == Gap::Space
                        && !stops_body(toks, k)
                    {
                        k += 1;
                    }
                    // Only where the lower-case words end the name: at punctuation,
                    // a capital, the end of the line or a word no name holds.
                    let ends = toks.get(k).map_or(true, |n| {
                        n.gap >= Gap::Line || n.shape != Shape::Lower || stops_body(toks, k)
                    });
                    if k > j && ends {
                        j = k;
                        last = j;
                    }
                }
            }
            Shape::Lower if matches!(t.lower(), "và" | "của") => {
                if !continues_body(toks, j + 1) {
                    break;
                }
                j += 1;
            }
            Shape::Punct if (t.text() == "-" || t.text() == "–") => {
                if !continues_body(toks, j + 1) {
                    break;
                }
                j += 1;
            }
            _ => break,
        }
    }
    last
}

/// Words in lower case that end a body's name: function words and the verbs a
/// person's predicate opens with.
const BODY_STOPS: &[&str] = &[
    "đã", "sẽ", "đang", "vừa", "có", "là", "được", "cho", "và", "với", "của", "tại", "trong",
    "ngày", "để", "thì", "mà", "về", "cùng", "dự", "tặng", "thăm", "làm", "đến", "tới", "chủ",
    "đồng", "tham", "phát", "kết", "yêu", "đề", "chỉ", "giao", "nhấn", "báo", "trình", "tiếp",
    "nghe", "khẳng", "cho", "thay", "ghi", "đánh", "tổ", "khai", "bế", "điều", "nêu", "lưu",
];

/// Whether the lower-case token at `i` ends a body's name ([`BODY_STOPS`], or a
/// position, unit or body head starting there).
fn stops_body(toks: &[Token], i: usize) -> bool {
    BODY_STOPS.contains(&toks[i].lower())
        || ENDS_BODY.contains(&toks[i].lower())
        || starts_title(toks, i)
        || LEXICON.admin_units.longest_at(toks, i).is_some()
        || LEXICON.org_heads.longest_at(toks, i).is_some()
}

/// Whether the token at `i` goes on with a body's name after "và", "của" or a dash.
fn continues_body(toks: &[Token], i: usize) -> bool {
    toks.get(i).is_some_and(|t| {
        matches!(t.shape, Shape::Cap | Shape::Upper)
            && t.gap != Gap::Break
            && !starts_title(toks, i)
            && person_after_body(toks, i).is_none()
            && LEXICON.honorifics.longest_at(toks, i).is_none()
    })
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn title(s: &str) -> Option<(String, String, Option<String>)> {
        let t = tokenize(s);
        title_at(&t, s, 0).map(|p| (p.text(&t, s), p.position, p.organization))
    }

    #[test]
    fn position_and_body() {
        assert_eq!(
            title("Phó Chủ tịch UBND tỉnh Nguyễn Phi Long đã"),
            Some((
                "Phó Chủ tịch UBND tỉnh".into(),
                "Phó Chủ tịch".into(),
                Some("Ủy ban nhân dân tỉnh".into())
            ))
        );
        assert_eq!(
            title("Trưởng Ban\nchỉ đạo Quốc gia phòng, chống dịch COVID-19 đã chủ trì"),
            Some((
                "Trưởng Ban chỉ đạo Quốc gia phòng, chống dịch COVID-19".into(),
                "Trưởng ban".into(),
                Some("Ban chỉ đạo Quốc gia phòng, chống dịch COVID-19".into())
            ))
        );
        assert_eq!(
            title("Trưởng BCĐ CNTT tỉnh phát biểu")
                .unwrap()
                .2
                .as_deref(),
            Some("Ban Chỉ đạo công nghệ thông tin tỉnh")
        );
        assert_eq!(
            title("Chủ tịch UBND tỉnh chỉ đạo các sở").unwrap().0,
            "Chủ tịch UBND tỉnh"
        );
        assert_eq!(
            title("Chủ nhiệm Ủy ban Xã hội của Quốc hội Nguyễn\nThúy Anh")
                .unwrap()
                .0,
            "Chủ nhiệm Ủy ban Xã hội của Quốc hội"
        );
        assert_eq!(
            title("Bí thư Tỉnh ủy, Chủ tịch HĐND").unwrap().0,
            "Bí thư Tỉnh ủy"
        );
        assert_eq!(
            title("Chủ tịch HĐND tỉnh và các đồng chí").unwrap().0,
            "Chủ tịch HĐND tỉnh"
        );
        assert_eq!(title("PCT UBND tỉnh Lê Văn A").unwrap().1, "Phó Chủ tịch");
        assert_eq!(
            title("TVTU, Phó"),
            Some((
                "TVTU".into(),
                "Ủy viên Ban Thường vụ".into(),
                Some("Tỉnh ủy".into())
            ))
        );
        assert_eq!(
            title("Bộ trưởng Chủ nhiệm Văn phòng Chính phủ").unwrap().0,
            "Bộ trưởng"
        );
        assert_eq!(
            title("THỦ TƯỚNG CHÍNH PHỦ PHẠM MINH CHÍNH TẠI").unwrap().0,
            "THỦ TƯỚNG CHÍNH PHỦ"
        );
        for w in [
            "UBND tỉnh",
            "Sở TT&TT",
            "UBND tỉnh",
            "Ban Chỉ đạo CNTT tỉnh",
        ] {
            assert_eq!(canonical_body(w), canonical(w));
        }
        let t = tokenize("tăng trưởng");
        assert_eq!(title_at(&t, "tăng trưởng", 1), None);
    }
}
