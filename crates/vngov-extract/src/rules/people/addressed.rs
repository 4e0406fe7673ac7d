//! A word of address before a name, with the titles written after it:
//! "Đồng chí Đặng Xuân Thanh, Phó Chủ tịch UBND tỉnh, Trưởng Ban chỉ đạo",
//! "Đ/c Nguyễn Thị Bích Ngọc Phó Bí thư Thành ủy", "ông Lê Văn Minh".

use super::lexicon::LEXICON;
use super::mention::{build, titles_after, PersonMention};
use super::name::person_name_at;
use super::tokens::{Gap, Token};

/// The mention starting at token `i`, and the token after it.
pub fn find(toks: &[Token], text: &str, i: usize) -> Option<(Vec<PersonMention>, usize)> {
    let (e, plural) = LEXICON.honorifics.longest_at(toks, i)?;
    if plural || toks.get(e).map_or(true, |t| t.gap == Gap::Break) {
        return None;
    }
    let (ns, ne) = person_name_at(toks, e)?;
    if ns != e {
        return None;
    }
    let (titles, end) = titles_after(toks, text, ne);
    Some((
        vec![build(
            toks,
            text,
            i,
            end,
            i,
            Some((ns, ne)),
            Some((i, e)),
            &titles,
        )],
        end,
    ))
}
