//! The article's body: generic rules on block structure, text and link density.
//!
//! 1. Chrome is marked block by block ([`mark_chrome`]): blocks under template
//!    parts named as chrome, chrome lines (counters, addresses, copyright…), and the
//!    boxes headed "Tin liên quan", "Tham khảo thêm"… with everything they hold.
//! 2. Every block gets a value: its plain text counts for the article, its link
//!    text and chrome count against it. The element with the largest total is the
//!    article's container ([`Index::best`]): the smallest element that holds the
//!    prose without holding the menus and footers around it.
//! 3. Inside it, chrome blocks and lists of links are dropped; captions are kept
//!    apart.

use std::collections::HashMap;

use scraper::Html;

use crate::blocks::{Kind, Segmented};
use crate::chrome::{is_chrome_line, is_related_heading};
use crate::subtree::Index;

/// A related box may hold at most this share of the page's text: a heading that
/// seems to head more is a heading inside the article.
const MAX_BOX_SHARE: f64 = 0.5;

/// The fewest paragraphs for a part named like chrome to be the article's column.
const MIN_COLUMN_PARAGRAPHS: usize = 3;

/// Blocks shorter than this many chars are weak evidence of prose.
const SHORT: usize = 40;

/// Link density above which a block is a list of links, not prose.
const LINK_DENSE: f64 = 0.5;

/// The blocks chosen from a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Content {
    /// The container, when one was found.
    pub root: Option<ego_tree::NodeId>,
    /// Indices of the body blocks, in reading order.
    pub blocks: Vec<usize>,
    /// Indices of the caption blocks.
    pub captions: Vec<usize>,
}

/// For every block, whether it is chrome.
pub fn mark_chrome(html: &Html, seg: &Segmented, idx: &Index) -> Vec<bool> {
    // A template part named like chrome that holds most of the page's prose is the
    // article's column ("sidebar-1" on some newspapers): its name is not trusted.
    let is_prose = |b: &crate::blocks::Block| b.chars >= 80 && b.link_density() < 0.3;
    let total_prose: usize = seg
        .blocks
        .iter()
        .filter(|b| is_prose(b))
        .map(|b| b.chars)
        .sum();
    let mut prose_under: HashMap<ego_tree::NodeId, (usize, usize)> = HashMap::new();
    for b in seg.blocks.iter().filter(|b| is_prose(b)) {
        for &c in &b.chrome {
            let e = prose_under.entry(c).or_default();
            e.0 += b.chars;
            e.1 += 1;
        }
    }
    let trusted = |c: &ego_tree::NodeId| {
        let (chars, paragraphs) = prose_under.get(c).copied().unwrap_or((0, 0));
        paragraphs < MIN_COLUMN_PARAGRAPHS || chars as f64 <= MAX_BOX_SHARE * total_prose as f64
    };
    let mut chrome: Vec<bool> = seg
        .blocks
        .iter()
        .map(|b| b.chrome.iter().any(trusted) || is_chrome_line(&b.text))
        .collect();
    mark_related(html, seg, idx, &mut chrome, is_related_heading);
    chrome
}

/// Marks the boxes with a heading that `heads` accepts ("Tin liên quan", "Đọc
/// nhiều"…) and what they hold.
pub fn mark_related(
    html: &Html,
    seg: &Segmented,
    idx: &Index,
    chrome: &mut [bool],
    heads: fn(&str) -> bool,
) {
    let total: usize = seg.blocks.iter().map(|b| b.chars).sum();
    let mut i = 0;
    while i < seg.blocks.len() {
        let b = &seg.blocks[i];
        if chrome[i] || !heads(&b.text) {
            i += 1;
            continue;
        }
        chrome[i] = true;
        let range = related_box(html, seg, idx, i, total);
        for c in &mut chrome[range.clone()] {
            *c = true;
        }
        i = range.end.max(i + 1);
    }
}

/// The blocks of the box headed by block `h`: the smallest element around the
/// heading that holds more than the heading, when the heading opens it and it is
/// not most of the page; otherwise the lists of links that follow the heading.
fn related_box(
    html: &Html,
    seg: &Segmented,
    idx: &Index,
    h: usize,
    total: usize,
) -> std::ops::Range<usize> {
    let head = &seg.blocks[h];
    let mut node = seg.blocks[h].owner;
    let mut container = None;
    // Climb a bounded number of levels: a box is never far above its heading.
    for _ in 0..12 {
        let Some(parent) = html.tree.get(node).and_then(|n| n.parent()).map(|p| p.id()) else {
            break;
        };
        if seg.stats(parent).chars > head.chars {
            container = Some(parent);
            break;
        }
        node = parent;
    }
    if let Some(c) = container {
        let range = idx.blocks_in(seg, c);
        let chars = seg.stats(c).chars;
        if range.start == h && (chars as f64) <= MAX_BOX_SHARE * total as f64 {
            return range;
        }
    }
    let mut end = h + 1;
    while end < seg.blocks.len() {
        let b = &seg.blocks[end];
        if b.link_density() < LINK_DENSE && b.kind != Kind::Caption {
            break;
        }
        end += 1;
    }
    h + 1..end
}

/// What a block is worth as article text.
pub fn article_value(seg: &Segmented, chrome: &[bool], i: usize) -> f64 {
    let b = &seg.blocks[i];
    if chrome[i] {
        return -(b.chars as f64);
    }
    if b.kind == Kind::Caption {
        return 0.0;
    }
    let plain = (b.chars - b.link_chars) as f64;
    let weight = if b.chars < SHORT { 0.5 } else { 1.0 };
    plain * weight - b.link_chars as f64
}

/// Whether a kept block is a list of links rather than text: link-dense, unless it
/// is the value cell of a table row whose label is plain text ("Quyết định công bố |
/// <a>Quyết định 39/QĐ-CA</a>").
pub fn is_link_list(seg: &Segmented, i: usize) -> bool {
    let b = &seg.blocks[i];
    if b.link_density() <= LINK_DENSE {
        return false;
    }
    if b.kind == Kind::Cell {
        if let Some(row) = b.row {
            let label = (i.saturating_sub(3)..i)
                .rev()
                .map(|j| &seg.blocks[j])
                .find(|o| o.row == Some(row));
            return !label.is_some_and(|o| o.link_density() < LINK_DENSE);
        }
    }
    true
}

/// The article's body.
pub fn article(html: &Html, seg: &Segmented, idx: &Index, chrome: &[bool]) -> Content {
    let Some((root, _)) = idx.best(html, seg, |i| article_value(seg, chrome, i)) else {
        return Content::default();
    };
    let mut content = Content {
        root: Some(root),
        ..Content::default()
    };
    for i in idx.blocks_in(seg, root) {
        if chrome[i] {
            continue;
        }
        if seg.blocks[i].kind == Kind::Caption {
            content.captions.push(i);
        } else if !is_link_list(seg, i) {
            content.blocks.push(i);
        }
    }
    content
}
