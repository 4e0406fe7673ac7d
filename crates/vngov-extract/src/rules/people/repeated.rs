//! A name already read with a title or a word of address, written again on its own
//! ("… Phạm Minh Chính đã chủ trì", after "THỦ TƯỚNG CHÍNH PHỦ PHẠM MINH CHÍNH").

use std::collections::{HashMap, HashSet};

use super::lexicon::LEXICON;
use super::mention::PersonMention;
use super::name::title_case;
use super::tokens::{Gap, Shape, Token};

/// Every further mention of a name some mention in `known` has, outside them.
///
/// The names are looked up by their first word, and the names already read by
/// their place: linear in the text, not in the text times the names.
pub fn find(toks: &[Token], known: &[PersonMention]) -> Vec<PersonMention> {
    let mut names: HashMap<String, Vec<Vec<String>>> = HashMap::new();
    for m in known {
        if let Some(n) = &m.name {
            let key: Vec<String> = n.split(' ').map(super::tokens::lower_key).collect();
            let same_first = names.entry(key[0].clone()).or_default();
            if !same_first.contains(&key) {
                same_first.push(key);
            }
        }
    }
    // The names already read, by start; they do not overlap one another much, so
    // the one starting last before a range's end is the one to check, with those
    // reaching furthest kept in a running maximum.
    let mut read: Vec<(usize, usize)> = known
        .iter()
        .filter_map(|m| m.name_range.as_ref().map(|n| (n.start, n.end)))
        .collect();
    read.sort_unstable();
    let mut reach = Vec::with_capacity(read.len());
    let mut furthest = 0;
    for &(_, e) in &read {
        furthest = furthest.max(e);
        reach.push(furthest);
    }
    let taken = |r: &std::ops::Range<usize>| {
        let k = read.partition_point(|&(s, _)| s < r.end);
        k > 0 && reach[k - 1] > r.start
    };
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for i in 0..toks.len() {
        let Some(keys) = names.get(toks[i].lower()) else {
            continue;
        };
        for key in keys {
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
            let r = toks[i].range().start..toks[end - 1].range().end;
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
            if taken(&r) || longer || place || !seen.insert((r.start, r.end)) {
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
