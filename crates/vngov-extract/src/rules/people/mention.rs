//! One mention of a person (or of a title standing for one), and the pieces the
//! mention rules share: the titles written after a name.

use std::ops::Range;

use vngov_record::Title;

use super::name::person_name_at;
use super::title::{abbreviated_at, title_at, ParsedTitle};
use super::tokens::{Gap, Token};

/// A person, or a title standing for one, at one place in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonMention {
    /// Byte range of the whole mention: word of address, titles, name, titles.
    pub range: Range<usize>,
    /// Byte offset where the mention's phrase starts: the head of the list for a
    /// person listed after "các đồng chí:", else `range.start`.
    pub lead: usize,
    /// The name in title case, or `None` when only a title is written
    /// ("Chủ tịch UBND tỉnh kết luận").
    pub name: Option<String>,
    /// Byte range of the name as written.
    pub name_range: Option<Range<usize>>,
    /// The word of address, as written.
    pub honorific: Option<String>,
    /// Titles in written order.
    pub titles: Vec<Title>,
    /// For a person listed with others after one head ("các đồng chí: A, …; B,
    /// …"), the byte offset of the head: the list's people share it.
    pub group: Option<usize>,
}

impl PersonMention {
    /// Whether one of this mention's titles is `t` (same position and body).
    pub fn has_title(&self, t: &Title) -> bool {
        self.titles.iter().any(|m| same_title(m, t))
    }
}

/// Whether two titles name the same position in the same body.
pub fn same_title(a: &Title, b: &Title) -> bool {
    let key = |t: &Title| {
        (
            t.position.as_deref().map(vngov_text::fold),
            t.organization.as_deref().map(vngov_text::fold),
        )
    };
    key(a) == key(b)
}

/// The record's title for a parsed one.
pub fn record_title(p: &ParsedTitle, toks: &[Token], text: &str) -> Title {
    Title {
        text: p.text(toks, text),
        position: Some(p.position.clone()),
        organization: p.organization.clone(),
    }
}

/// Builds a mention from token indices: the whole `[start, end)`, the name
/// `[ns, ne)` if any.
#[allow(clippy::too_many_arguments)]
pub fn build(
    toks: &[Token],
    text: &str,
    start: usize,
    end: usize,
    lead: usize,
    name: Option<(usize, usize)>,
    honorific: Option<(usize, usize)>,
    titles: &[ParsedTitle],
) -> PersonMention {
    let span = |a: usize, b: usize| toks[a].range().start..toks[b - 1].range().end;
    PersonMention {
        range: span(start, end),
        lead: toks[lead].range().start,
        name: name.map(|(a, b)| super::name::title_case(&toks[a..b])),
        name_range: name.map(|(a, b)| span(a, b)),
        honorific: honorific.map(|(a, b)| {
            text[span(a, b)]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        }),
        titles: titles.iter().map(|t| record_title(t, toks, text)).collect(),
        group: None,
    }
}

/// The titles written after a name ending at token `i`: separated from it and from
/// each other by a comma, a dash, brackets or nothing ("Nguyễn Thị Bích Ngọc, Phó
/// Bí thư Thành ủy, Phó Chủ tịch UBND Thành phố"). A title followed straight by a
/// name belongs to that name ("…, Bộ trưởng Bộ Quốc phòng Phan Văn Giang") and ends
/// the list. Returns the titles and the token after the last.
pub fn titles_after(toks: &[Token], text: &str, i: usize) -> (Vec<ParsedTitle>, usize) {
    let mut out = Vec::new();
    let mut j = i;
    while let Some(t) = toks.get(j) {
        if t.gap == Gap::Break {
            break;
        }
        let (k, bracket) =
            if t.is_punct(",") || t.is_punct("-") || t.is_punct("–") || t.is_punct("—") {
                (j + 1, false)
            } else if t.is_punct("(") {
                (j + 1, true)
            } else {
                (j, false)
            };
        if toks.get(k).map_or(true, |t| t.gap == Gap::Break) {
            break;
        }
        let Some(title) = title_at(toks, text, k).or_else(|| abbreviated_at(toks, text, k)) else {
            break;
        };
        // Titles written straight on to a name are that name's ("…, Bộ trưởng
        // Chủ nhiệm Văn phòng Chính phủ Trần Văn Sơn").
        let mut e = title.end;
        while let Some(next) = title_at(toks, text, e) {
            e = next.end;
        }
        if e < toks.len() && toks[e].is_word() && person_name_at(toks, e).is_some() {
            break;
        }
        j = title.end;
        out.push(title);
        if bracket && toks.get(j).is_some_and(|t| t.is_punct(")")) {
            j += 1;
        }
    }
    (out, j)
}
