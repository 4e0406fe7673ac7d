//! A name already read with a title or a word of address, written again on its own
//! ("… Phạm Minh Chính đã chủ trì", after "THỦ TƯỚNG CHÍNH PHỦ PHẠM MINH CHÍNH").

use super::lexicon::LEXICON;
use super::mention::PersonMention;
use super::name::title_case;
use super::tokens::{Gap, Shape, Token};

/// Every further mention of a name some mention in `known` has, outside them.
pub fn find(toks: &[Token], known: &[PersonMention]) -> Vec<PersonMention> {
    let mut names: Vec<Vec<String>> = Vec::new();
    for m in known {
        if let Some(n) = &m.name {
            let key: Vec<String> = n.split(' ').map(super::tokens::lower_key).collect();
            if !names.contains(&key) {
                names.push(key);
            }
        }
    }
    let taken = |r: &std::ops::Range<usize>| {
        known.iter().any(|m| {
            m.name_range
                .as_ref()
                .is_some_and(|n| n.start < r.end && r.start < n.end)
        })
    };
    let mut out = Vec::new();
    for i in 0..toks.len() {
        for key in &names {
            let end = i + key.len();
            if end > toks.len()
                || !toks[i..end]
                    .iter()
                    .zip(key)
                    .enumerate()
                    .all(|(k, (t, w))| t.lower() == w && (k == 0 || t.gap <= Gap::Line))
            {
                continue;
            }
            let r = toks[i].range.start..toks[end - 1].range.end;
            // Part of a longer name, or a place ("thành phố Hồ Chí Minh").
            let longer = toks.get(end).is_some_and(|t| {
                matches!(t.shape, Shape::Cap | Shape::Upper) && t.gap <= Gap::Line
            }) && toks[end].shape == toks[i].shape;
            let place = (i.saturating_sub(3)..i).any(|s| {
                LEXICON
                    .admin_units
                    .longest_at(toks, s)
                    .is_some_and(|(e, _)| e == i)
            });
            if taken(&r) || longer || place || out.iter().any(|m: &PersonMention| m.range == r) {
                continue;
            }
            out.push(PersonMention {
                range: r.clone(),
                lead: r.start,
                name: Some(title_case(&toks[i..end])),
                name_range: Some(r),
                honorific: None,
                titles: Vec::new(),
                group: None,
            });
        }
    }
    out
}
