//! Titles written before a name: "Phó Chủ tịch UBND tỉnh Nguyễn Phi Long",
//! "đồng chí Bí thư Tỉnh ủy Đỗ Trọng Hưng", "Chủ tịch UBND tỉnh, Dương Ngọc Long",
//! "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ Trần Văn Sơn". Titles with no name
//! after them ("Chủ tịch UBND tỉnh kết luận") are kept as title-only mentions, for
//! the rules that need to know who a title stands for.

use super::lexicon::LEXICON;
use super::mention::{build, titles_after, PersonMention};
use super::name::person_name_at;
use super::title::{starts_title, title_at};
use super::tokens::{Gap, Token};

/// The mention starting at token `i`, and the token after it.
pub fn find(toks: &[Token], text: &str, i: usize) -> Option<(Vec<PersonMention>, usize)> {
    let honorific = match LEXICON.honorifics.longest_at(toks, i) {
        Some((_, true)) => return None,
        Some((e, false)) => Some((i, e)),
        None => None,
    };
    let mut j = honorific.map_or(i, |(_, e)| e);
    if honorific.is_some() && toks.get(j).is_some_and(|t| t.gap == Gap::Break) {
        return None;
    }
    let mut titles = Vec::new();
    while let Some(t) = title_at(toks, text, j) {
        j = t.end;
        titles.push(t);
        // Titles may be separated by a comma or a dash when another title follows.
        if toks
            .get(j)
            .is_some_and(|t| t.is_punct(",") || t.is_punct("-"))
            && starts_title(toks, j + 1)
            && toks[j + 1].gap != Gap::Break
        {
            j += 1;
        }
    }
    if titles.is_empty() {
        return None;
    }
    let mut k = j;
    // "Phó Chủ tịch HĐND thị xã - Trần Văn Hải": the name after a comma or a dash.
    if toks
        .get(k)
        .is_some_and(|t| t.is_punct(",") || t.is_punct("-") || t.is_punct("–") || t.is_punct("—"))
    {
        k += 1;
    }
    let name = toks
        .get(k)
        .filter(|t| t.gap != Gap::Break)
        .and_then(|_| person_name_at(toks, k));
    let Some((ns, ne)) = name else {
        let end = j;
        return Some((
            vec![build(toks, text, i, end, i, None, honorific, &titles)],
            end,
        ));
    };
    let (after, end) = titles_after(toks, text, ne);
    titles.extend(after);
    Some((
        vec![build(
            toks,
            text,
            i,
            end,
            i,
            Some((ns, ne)),
            honorific,
            &titles,
        )],
        end,
    ))
}
