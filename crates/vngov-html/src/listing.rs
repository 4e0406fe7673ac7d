//! Listing pages: a portal's category, archive or home page, whose main part is a
//! stream of article teasers (a headline link, often a date and a summary).
//!
//! A teaser is a link whose text reads like a headline (several words). The
//! listing's container is the element with the largest total of teaser and summary
//! text against chrome and short menu links; its links become [`Link`]s with the
//! date printed beside them.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;
use scraper::Html;
use vngov_record::Link;

use crate::blocks::{Kind, Segmented};
use crate::body::Content;
use crate::subtree::Index;

/// The fewest words of a headline link.
const HEADLINE_WORDS: usize = 4;

/// Whether a block is a teaser's headline: mostly link, several words.
pub fn is_teaser(seg: &Segmented, i: usize) -> bool {
    let b = &seg.blocks[i];
    b.link_density() >= 0.5
        && b.kind != Kind::Caption
        && b.text.split_whitespace().count() >= HEADLINE_WORDS
}

/// What a block is worth as part of a listing.
fn listing_value(seg: &Segmented, chrome: &[bool], i: usize) -> f64 {
    let b = &seg.blocks[i];
    let chars = b.chars as f64;
    if chrome[i] {
        -chars
    } else if is_teaser(seg, i) {
        chars
    } else if b.link_density() >= 0.5 {
        -chars
    } else if b.chars >= 40 {
        0.5 * chars
    } else {
        0.0
    }
}

/// Chrome as a listing sees it: menus, headers, footers, chrome lines and boxes
/// headed "Đọc nhiều"…, but not side columns or sections headed "Tin mới", which
/// on a home page are part of the listing.
pub fn listing_chrome(html: &Html, seg: &Segmented, idx: &Index) -> Vec<bool> {
    // Blocks share their chrome ancestors: each element is judged once.
    let mut side_of: HashMap<ego_tree::NodeId, bool> = HashMap::new();
    let mut side = |id: &ego_tree::NodeId| {
        *side_of.entry(*id).or_insert_with(|| {
            html.tree
                .get(*id)
                .and_then(|n| n.value().as_element())
                .is_some_and(crate::chrome::is_side_element)
        })
    };
    let mut chrome: Vec<bool> = seg
        .blocks
        .iter()
        .map(|b| b.chrome.iter().any(|c| !side(c)) || crate::chrome::is_chrome_line(&b.text))
        .collect();
    crate::body::mark_related(
        html,
        seg,
        idx,
        &mut chrome,
        crate::chrome::is_listing_aside_heading,
    );
    chrome
}

/// The listing's blocks.
pub fn listing(html: &Html, seg: &Segmented, idx: &Index, chrome: &[bool]) -> Content {
    let Some((root, _)) = idx.best(html, seg, |i| listing_value(seg, chrome, i)) else {
        return Content::default();
    };
    let mut content = Content {
        root: Some(root),
        ..Content::default()
    };
    for i in idx.blocks_in(seg, root) {
        let b = &seg.blocks[i];
        if chrome[i] || (b.link_density() >= 0.5 && !is_teaser(seg, i)) {
            continue;
        }
        if b.kind == Kind::Caption {
            content.captions.push(i);
        } else {
            content.blocks.push(i);
        }
    }
    content
}

/// A day written `dd/mm/yyyy` (or with `-` or `.`).
static DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-]((?:19|20)\d{2})\b").unwrap());

/// The first `dd/mm/yyyy` day in a text, as `YYYY-MM-DD`.
pub fn day_in(text: &str) -> Option<String> {
    DAY.captures_iter(text).find_map(|c| {
        let (d, m, y): (u32, u32, u32) =
            (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        ((1..=31).contains(&d) && (1..=12).contains(&m)).then(|| format!("{y:04}-{m:02}-{d:02}"))
    })
}

/// The article links of a listing, in reading order, once each: the headline, the
/// absolute URL (resolved against `base` when known) and the date printed between
/// this headline and the next.
pub fn links(seg: &Segmented, content: &Content, base: Option<&url::Url>) -> Vec<Link> {
    let kept: std::collections::HashSet<usize> = content.blocks.iter().copied().collect();
    let teasers: Vec<&crate::blocks::Anchor> = seg
        .anchors
        .iter()
        .filter(|a| kept.contains(&a.block) && a.text.split_whitespace().count() >= HEADLINE_WORDS)
        .collect();
    let mut out: Vec<Link> = Vec::new();
    for (n, a) in teasers.iter().enumerate() {
        let Some(url) = resolve(&a.href, base) else {
            continue;
        };
        if out.iter().any(|l| l.url == url) {
            continue;
        }
        let next = teasers.get(n + 1).map_or(usize::MAX, |t| t.block);
        let date = content
            .blocks
            .iter()
            .filter(|&&i| i >= a.block && i <= next.min(a.block + 4))
            .find_map(|&i| {
                let b = &seg.blocks[i];
                // The date sits in the teaser's own text when the link is a block of
                // its own; in the headline block, only outside the link text.
                let t = if i == a.block {
                    b.text.replace(&a.text, " ")
                } else {
                    b.text.clone()
                };
                (i == a.block || b.chars <= 80)
                    .then(|| day_in(&t))
                    .flatten()
            });
        out.push(Link {
            title: a.text.clone(),
            url,
            date,
        });
    }
    out
}

/// An href made absolute; `None` for script and fragment links.
fn resolve(href: &str, base: Option<&url::Url>) -> Option<String> {
    let href = href.trim();
    if href.is_empty()
        || href.starts_with('#')
        || href.to_ascii_lowercase().starts_with("javascript:")
    {
        return None;
    }
    match base {
        Some(b) => b.join(href).ok().map(String::from),
        None => Some(href.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days() {
        assert_eq!(
            day_in("Chính sách mới 26/02/2026 12:00").as_deref(),
            Some("2026-02-26")
        );
        assert_eq!(day_in("Số 44 + 45 Ngày 10/7"), None);
        assert_eq!(day_in("31/13/2020"), None);
    }

    #[test]
    fn hrefs_resolve_against_the_page() {
        let base = url::Url::parse("https://ubnd.example.gov.vn/tin-tuc/index.html").unwrap();
        assert_eq!(
            resolve("/tin-tuc/a-123.htm", Some(&base)).as_deref(),
            Some("https://ubnd.example.gov.vn/tin-tuc/a-123.htm")
        );
        assert_eq!(
            resolve("b.htm", Some(&base)).as_deref(),
            Some("https://ubnd.example.gov.vn/tin-tuc/b.htm")
        );
        assert_eq!(resolve("javascript:void(0)", Some(&base)), None);
        assert_eq!(resolve("#top", None), None);
        assert_eq!(resolve("/x.htm", None).as_deref(), Some("/x.htm"));
    }
}
