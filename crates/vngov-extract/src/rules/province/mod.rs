//! The province or centrally-run city a document is about.
//!
//! Names come from the lexicon `provinces.tsv` (the 63 provinces and cities before
//! the 2025 merger, and Huế, made a centrally-run city in 2025), matched on a folded
//! key so tone placement and case do not matter, and reported in the lexicon's
//! canonical form. Each way a document names its province is one rule, listed in
//! [`RULES`]:
//!
//! - [`named`]: "tỉnh X", "thành phố X", "TP X"; in upper case in the first lines,
//!   the issuer's header ("ỦY BAN NHÂN DÂN TỈNH X");
//! - [`place_date`]: "X, ngày … tháng … năm …", except under a national body.
//!
//! The issuer's header decides. Otherwise the province mentioned most often wins;
//! a tie between provinces, or no mention, gives `None` (national or unclear).

pub mod lexicon;
pub mod named;
pub mod place_date;

#[cfg(test)]
mod tests;

use std::ops::Range;

use crate::Doc;
use lexicon::{Folded, PROVINCES};
use vngov_record::Evidence;

/// How a province was named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// The issuer's header ("TỈNH HẢI DƯƠNG").
    Header,
    /// "tỉnh X", "thành phố X".
    Named,
    /// "X, ngày … tháng … năm …".
    PlaceDate,
}

/// A mention of a province.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Index in [`PROVINCES`].
    pub province: usize,
    /// Byte range of the mention.
    pub range: Range<usize>,
    /// How it was named.
    pub cue: Cue,
}

/// A province rule: every mention it finds.
pub type Rule = fn(&Folded) -> Vec<Mention>;

/// The registry, by name.
pub const RULES: &[(&str, Rule)] = &[("named", named::find), ("place_date", place_date::find)];

/// The province or centrally-run city and its decisive mention, or `None`.
pub fn extract(doc: &Doc) -> Option<(String, Evidence)> {
    let f = Folded::new(doc.text());
    let mut mentions: Vec<Mention> = RULES.iter().flat_map(|(_, r)| r(&f)).collect();
    mentions.sort_by_key(|m| m.range.start);
    let chosen = decide(&mentions)?;
    Some((
        PROVINCES[chosen.province].name.to_string(),
        doc.evidence(chosen.range.clone()),
    ))
}

/// The decisive mention: the first header, else the first mention of the province
/// named most often, unless another province is named as often.
pub fn decide(mentions: &[Mention]) -> Option<&Mention> {
    if let Some(h) = mentions.iter().find(|m| m.cue == Cue::Header) {
        return Some(h);
    }
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for m in mentions {
        match counts.iter_mut().find(|(p, _)| *p == m.province) {
            Some((_, n)) => *n += 1,
            None => counts.push((m.province, 1)),
        }
    }
    let top = counts.iter().map(|(_, n)| *n).max()?;
    let mut leaders = counts.iter().filter(|(_, n)| *n == top);
    let (p, _) = leaders.next()?;
    if leaders.next().is_some() {
        return None;
    }
    mentions.iter().find(|m| m.province == *p)
}
