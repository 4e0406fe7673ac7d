//! A parsed page as a flat list of text blocks in reading order.
//!
//! One walk over the tree (iterative: a page nested 5 000 levels deep costs no
//! stack) turns every run of inline text between block-level boundaries into a
//! [`Block`], and sums the text and link text under every element ([`Stats`]).
//! Invisible parts are skipped: scripts, styles, form controls, and elements hidden
//! inline (`style="display:none"`, `hidden`). Content hidden by a stylesheet class
//! is kept: portals put whole tabs of the article there.

use std::collections::HashMap;

use ego_tree::iter::Edge;
use ego_tree::NodeId;
use scraper::node::Element;
use scraper::{Html, Node};

use crate::chrome::is_chrome_element;

/// How many chrome ancestors a block remembers (the innermost ones).
const MAX_CHROME: usize = 8;

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Running text: a paragraph, a list item, a `div` of text.
    Text,
    /// A heading `h1`–`h6`, with its level.
    Heading(u8),
    /// A photo caption (`figcaption`, or an element whose class says caption).
    Caption,
    /// A table cell.
    Cell,
}

/// A run of text between block-level boundaries.
#[derive(Debug, Clone)]
pub struct Block {
    /// The innermost block-level element holding the text.
    pub owner: NodeId,
    /// The text, whitespace collapsed, NFC; `<br>` gives a line break.
    pub text: String,
    /// Chars of `text`.
    pub chars: usize,
    /// Chars of `text` inside links.
    pub link_chars: usize,
    /// Chars of `text` inside `b`/`strong`.
    pub strong_chars: usize,
    /// What it is.
    pub kind: Kind,
    /// For a table cell, its row.
    pub row: Option<NodeId>,
    /// Chrome elements around it ([`is_chrome_element`]), outermost first.
    pub chrome: Vec<NodeId>,
}

impl Block {
    /// Share of the text inside links.
    pub fn link_density(&self) -> f64 {
        self.link_chars as f64 / self.chars.max(1) as f64
    }
}

/// Text under an element.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Chars of text.
    pub chars: usize,
    /// Chars of text inside links.
    pub link_chars: usize,
    /// Blocks.
    pub blocks: usize,
}

impl Stats {
    /// Share of the text inside links.
    pub fn link_density(&self) -> f64 {
        self.link_chars as f64 / self.chars.max(1) as f64
    }
}

/// A link: where it points and its text.
#[derive(Debug, Clone)]
pub struct Anchor {
    /// The `<a>` element.
    pub node: NodeId,
    /// The `href` as written.
    pub href: String,
    /// The link text, whitespace collapsed, NFC.
    pub text: String,
    /// The block the link text ended up in (index into [`Segmented::blocks`]).
    pub block: usize,
}

/// A segmented page.
#[derive(Debug, Default)]
pub struct Segmented {
    /// Blocks in reading order.
    pub blocks: Vec<Block>,
    /// Text under each element that holds any.
    pub stats: HashMap<NodeId, Stats>,
    /// Visible links in reading order.
    pub anchors: Vec<Anchor>,
}

impl Segmented {
    /// The stats of an element (zero when it holds no text).
    pub fn stats(&self, id: NodeId) -> Stats {
        self.stats.get(&id).copied().unwrap_or_default()
    }
}

/// Elements whose content is never shown as text.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "select", "option", "datalist", "button", "input", "textarea", "audio", "video",
    "map", "title", "meta", "link",
];

/// Block-level elements: a boundary between blocks.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// An attribute of an element, as [`Element::attr`] finds it (no prefix, no
/// namespace), without turning the name into an atom first: the segmentation asks
/// every element for several attributes.
pub(crate) fn attr<'a>(el: &'a Element, name: &str) -> Option<&'a str> {
    el.attrs
        .iter()
        .find(|(q, _)| q.prefix.is_none() && q.ns.is_empty() && &*q.local == name)
        .map(|(_, v)| &**v)
}

/// Whether an element is hidden by its own attributes.
pub fn is_hidden(el: &Element) -> bool {
    if attr(el, "hidden").is_some() || attr(el, "aria-hidden") == Some("true") {
        return true;
    }
    attr(el, "style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Whether an element's class or id says it is a photo caption.
fn is_caption_element(el: &Element) -> bool {
    if el.name() == "figcaption" {
        return true;
    }
    // Each of class and id on its own: the words hold no space, so none can run
    // across the two.
    [attr(el, "class"), attr(el, "id")]
        .into_iter()
        .flatten()
        .any(|n| {
            ["caption", "img-desc", "image-desc"]
                .iter()
                .any(|w| contains_ignore_ascii_case(n, w))
        })
}

/// Whether `hay` with its ASCII letters lower-cased contains `needle` (lower case).
fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// What an open element passes down to its content.
#[derive(Debug, Clone, Default)]
struct Ctx {
    link: bool,
    strong: bool,
    heading: u8,
    caption: bool,
    figure: bool,
    in_article: bool,
    row: Option<NodeId>,
    cell: bool,
    chrome: Vec<NodeId>,
}

struct Frame {
    id: NodeId,
    block: bool,
    ctx: Ctx,
    stats: Stats,
}

/// The text being gathered for the next block.
#[derive(Default)]
struct Buffer {
    text: String,
    link_chars: usize,
    strong_chars: usize,
}

/// Segments a parsed page.
pub fn segment(html: &Html) -> Segmented {
    let mut out = Segmented::default();
    let root = html.tree.root();
    let mut frames: Vec<Frame> = vec![Frame {
        id: root.id(),
        block: true,
        ctx: Ctx::default(),
        stats: Stats::default(),
    }];
    let mut buf = Buffer::default();
    let mut skip: Option<NodeId> = None;
    // The open link: its element, href and text so far.
    let mut open_anchor: Option<(NodeId, String, String)> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(el) => {
                        let name = el.name();
                        if SKIPPED.contains(&name) || is_hidden(el) {
                            skip = Some(node.id());
                            continue;
                        }
                        if name == "br" {
                            push_break(&mut buf);
                            continue;
                        }
                        let block = BLOCK_TAGS.contains(&name);
                        if block {
                            flush(&mut buf, &mut frames, &mut out);
                        }
                        let parent = &frames.last().expect("root frame").ctx;
                        let mut ctx = parent.clone();
                        match name {
                            "a" => {
                                // Script-driven links have no href but are links all the same.
                                ctx.link = true;
                                if let (None, Some(href)) = (&open_anchor, attr(el, "href")) {
                                    open_anchor =
                                        Some((node.id(), href.to_string(), String::new()));
                                }
                            }
                            "b" | "strong" => ctx.strong = true,
                            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                                ctx.heading = name.as_bytes()[1] - b'0';
                            }
                            "figure" => ctx.figure = true,
                            "article" | "main" => ctx.in_article = true,
                            "tr" => ctx.row = Some(node.id()),
                            "td" | "th" => ctx.cell = true,
                            "table" => {
                                ctx.row = None;
                                ctx.cell = false;
                            }
                            _ => {}
                        }
                        if is_caption_element(el) {
                            ctx.caption = true;
                        }
                        if is_chrome_element(el, parent.in_article) {
                            if ctx.chrome.len() == MAX_CHROME {
                                ctx.chrome.remove(0);
                            }
                            ctx.chrome.push(node.id());
                        }
                        frames.push(Frame {
                            id: node.id(),
                            block,
                            ctx,
                            stats: Stats::default(),
                        });
                    }
                    Node::Text(t) => {
                        let ctx = &frames.last().expect("root frame").ctx;
                        push_text(&mut buf, t, ctx.link, ctx.strong);
                        if let Some((_, _, text)) = open_anchor.as_mut() {
                            text.push_str(t);
                            text.push(' ');
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(s) = skip {
                    if s == node.id() {
                        skip = None;
                    }
                    continue;
                }
                if !node.value().is_element() || frames.len() <= 1 {
                    continue;
                }
                if open_anchor
                    .as_ref()
                    .is_some_and(|(id, _, _)| *id == node.id())
                {
                    let (id, href, text) = open_anchor.take().expect("checked");
                    let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    if !text.is_empty() {
                        // The link's text is in the block being gathered, or in the
                        // last one when the link held block elements.
                        let pending = !buf.text.trim().is_empty();
                        out.anchors.push(Anchor {
                            node: id,
                            href,
                            text: crate::nfc::nfc(&text),
                            block: if pending {
                                out.blocks.len()
                            } else {
                                out.blocks.len().saturating_sub(1)
                            },
                        });
                    }
                }
                let Some(top) = frames.last() else { continue };
                if top.id != node.id() {
                    continue;
                }
                if top.block {
                    flush(&mut buf, &mut frames, &mut out);
                }
                let frame = frames.pop().expect("checked above");
                if frame.stats.chars > 0 {
                    out.stats.insert(frame.id, frame.stats);
                }
                if let Some(parent) = frames.last_mut() {
                    parent.stats.chars += frame.stats.chars;
                    parent.stats.link_chars += frame.stats.link_chars;
                    parent.stats.blocks += frame.stats.blocks;
                }
            }
        }
    }
    flush(&mut buf, &mut frames, &mut out);
    out
}

fn push_break(buf: &mut Buffer) {
    let trimmed = buf.text.trim_end_matches(' ').len();
    buf.text.truncate(trimmed);
    if !buf.text.is_empty() && !buf.text.ends_with('\n') {
        buf.text.push('\n');
    }
}

/// Appends a text node, collapsing whitespace runs (ASCII whitespace only: a
/// non-breaking space is the normalizer's business).
fn push_text(buf: &mut Buffer, t: &str, link: bool, strong: bool) {
    let mut added = 0;
    for c in t.chars() {
        if c.is_ascii_whitespace() {
            if !buf.text.is_empty() && !buf.text.ends_with([' ', '\n']) {
                buf.text.push(' ');
            }
        } else {
            buf.text.push(c);
            added += 1;
        }
    }
    if link {
        buf.link_chars += added;
    }
    if strong {
        buf.strong_chars += added;
    }
}

/// Turns the gathered text into a block owned by the innermost open block element.
fn flush(buf: &mut Buffer, frames: &mut [Frame], out: &mut Segmented) {
    let gathered = std::mem::take(buf);
    let raw = gathered.text.trim();
    if raw.is_empty() {
        return;
    }
    let text = crate::nfc::nfc(raw);
    let chars = text.chars().count();
    let Some(owner) = frames.iter_mut().rev().find(|f| f.block) else {
        return;
    };
    let ctx = &owner.ctx;
    let kind = if ctx.caption {
        Kind::Caption
    } else if ctx.heading > 0 {
        Kind::Heading(ctx.heading)
    } else if ctx.cell {
        Kind::Cell
    } else {
        Kind::Text
    };
    owner.stats.chars += chars;
    owner.stats.link_chars += gathered.link_chars.min(chars);
    owner.stats.blocks += 1;
    out.blocks.push(Block {
        owner: owner.id,
        text,
        chars,
        link_chars: gathered.link_chars.min(chars),
        strong_chars: gathered.strong_chars.min(chars),
        kind,
        row: ctx.row,
        chrome: ctx.chrome.clone(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn attributes_as_scraper_finds_them() {
        let html = Html::parse_document(
            r#"<div id="a" class="Caption x" STYLE="display: none" hidden data-x="1">
            <a href="/tin" title="t">x</a><figure class="IMG-DESC"></figure>
            <p id="anh-image-description">y</p><span class="cap tion">z</span>
            <svg><a xlink:href="/svg" href="/plain"></a></svg>
            <math><mi xml:lang="vi" definitionURL="u"></mi></math></div>"#,
        );
        let names = [
            "id",
            "class",
            "style",
            "hidden",
            "data-x",
            "href",
            "title",
            "lang",
            "xml:lang",
            "definitionurl",
            "definitionURL",
            "missing",
        ];
        let mut seen = 0;
        for n in html.tree.nodes() {
            let Some(el) = n.value().as_element() else {
                continue;
            };
            for name in names {
                assert_eq!(attr(el, name), el.attr(name), "{} {name}", el.name());
                seen += usize::from(el.attr(name).is_some());
            }
            // The caption check as first written: class and id joined, lower-cased.
            let joined = format!(
                "{} {}",
                el.attr("class").unwrap_or(""),
                el.attr("id").unwrap_or("")
            )
            .to_ascii_lowercase();
            let want = el.name() == "figcaption"
                || ["caption", "img-desc", "image-desc"]
                    .iter()
                    .any(|w| joined.contains(w));
            assert_eq!(is_caption_element(el), want, "{el:?}");
        }
        assert!(seen >= 8, "{seen}");
    }

    #[test]
    fn block_text_is_composed() {
        let html = Html::parse_document("<p>Ho\u{323}\u{302}p  ba\u{300}n</p><p>Hà Nội</p>");
        let seg = segment(&html);
        let texts: Vec<&str> = seg.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Hộp bàn", "Hà Nội"]);
        assert!(texts.iter().all(|t| t.nfc().eq(t.chars())));
    }
}
