//! Web pages to articles: the HTML of a Vietnamese portal or newspaper page becomes
//! its headline, publication date, byline, source credit and body paragraphs (or,
//! for a category page, the list of articles it links to).
//!
//! [`parse`] runs, in order: decoding ([`charset`]) and the repair of double-encoded
//! UTF-8 ([`mojibake`]); parsing (html5ever, through `scraper`); segmentation into
//! text blocks ([`blocks`]); chrome marking and the choice of the article's
//! container ([`body`]) or of the listing's ([`listing`]); the headline
//! ([`title`]), date ([`published`]) and credits ([`byline`]); site-family
//! refinements ([`sites`]). No step recurses over the tree, so any nesting depth is
//! safe.

pub mod blocks;
pub mod body;
pub mod byline;
pub mod charset;
pub mod chrome;
pub mod listing;
pub mod mojibake;
mod nfc;
pub mod published;
pub mod sites;
pub mod subtree;
#[cfg(test)]
mod test_rng;
pub mod title;

use scraper::{Html, Selector};
use thiserror::Error;
use vngov_record::Warning;
pub use vngov_record::{Link, PageKind};

use crate::blocks::Kind;
use crate::body::Content;
pub use crate::published::Published;

/// Why bytes are not an HTML page.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum HtmlError {
    /// NUL bytes where text should be: an image, an archive, a PDF.
    #[error("binary data, not HTML (NUL byte at byte {offset})")]
    Binary {
        /// Where the first NUL byte is.
        offset: usize,
    },
}

/// A page read as an article or a listing.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The encoding the bytes were decoded from (`utf-8`, `windows-1258`…).
    pub encoding: String,
    /// What a reader should know (a wrong charset declaration, a repair…).
    pub warnings: Vec<Warning>,
    /// The site family whose template refined the reading, if any.
    pub family: Option<&'static str>,
    /// Article or listing.
    pub kind: PageKind,
    /// The headline.
    pub title: Option<String>,
    /// The publication date and the words it came from.
    pub published: Option<Published>,
    /// The author line.
    pub byline: Option<String>,
    /// Where the article was taken from.
    pub source_credit: Option<String>,
    /// The body, one paragraph an item, in reading order (for a listing: its
    /// headlines, dates and summaries).
    pub paragraphs: Vec<String>,
    /// Photo captions.
    pub captions: Vec<String>,
    /// For a listing, the articles it links to.
    pub links: Vec<Link>,
}

/// How many bytes at the start are checked for NUL bytes.
const SNIFF: usize = 4096;

/// The shortest lead paragraph, in chars.
const LEAD_MIN: usize = 60;

/// A listing has at least this many headline links in its main part…
const LISTING_MIN_TEASERS: usize = 5;

/// …and at most this much prose (chars of long paragraphs) per headline link.
const LISTING_PROSE_PER_TEASER: usize = 300;

static META_TYPE: std::sync::LazyLock<Selector> = std::sync::LazyLock::new(|| {
    Selector::parse(r#"meta[property="og:type"], meta[property="article:published_time"]"#).unwrap()
});
static BASE: std::sync::LazyLock<Selector> = std::sync::LazyLock::new(|| {
    Selector::parse(r#"link[rel="canonical"], meta[property="og:url"], base[href]"#).unwrap()
});

/// Reads a page. `content_type` is the HTTP `Content-Type` header when the page was
/// fetched; `url` its address, used to make links absolute.
pub fn parse(
    bytes: &[u8],
    content_type: Option<&str>,
    url: Option<&str>,
) -> Result<Page, HtmlError> {
    let utf16 = matches!(bytes, [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..]);
    if let Some(offset) = bytes[..bytes.len().min(SNIFF)].iter().position(|&b| b == 0) {
        if !utf16 {
            return Err(HtmlError::Binary { offset });
        }
    }
    let mut warnings = Vec::new();
    let decoded = charset::decode(bytes, content_type);
    for n in &decoded.notes {
        warnings.push(Warning::new("charset_mismatch", n.clone()));
    }
    if decoded.had_errors {
        warnings.push(Warning::new(
            "malformed_bytes",
            format!(
                "some bytes are not valid {} and were replaced with U+FFFD",
                decoded.encoding.name()
            ),
        ));
    }
    let mut encoding = decoded.encoding.name().to_ascii_lowercase();
    let decoded_text = match legacy_font_text(bytes, &decoded) {
        Some((text, name)) => {
            encoding = name;
            text
        }
        None => decoded.text,
    };
    let text = match mojibake::repair(&decoded_text) {
        Some(r) => {
            warnings.push(Warning::new(
                "mojibake_repaired",
                format!(
                    "the page was UTF-8 read as Windows-1252 and saved again; {} runs repaired",
                    r.runs
                ),
            ));
            encoding.push_str("+mojibake-repaired");
            r.text
        }
        None => decoded_text,
    };
    let html = Html::parse_document(&text);
    drop(text);
    Ok(read(&html, url, encoding, warnings))
}

/// Pages typed in the Vietnamese 8-bit fonts (TCVN3 `.VnTime`, `VNI-Times`) declare
/// the Western charset or none; their bytes are read by `vngov-decode`, which looks
/// at the fonts the page names and at the syllables each reading gives. Returns the
/// text and the encoding's name when such a font encoding was found.
fn legacy_font_text(bytes: &[u8], decoded: &charset::Decoded) -> Option<(String, String)> {
    let western = decoded.encoding == encoding_rs::WINDOWS_1252;
    if decoded.origin == charset::Origin::Bom
        || !(western || decoded.origin == charset::Origin::Detected)
        || std::str::from_utf8(bytes).is_ok()
    {
        return None;
    }
    let hint = vngov_decode::Hint {
        charset: western.then(|| "windows-1252".to_string()),
        format: vngov_decode::Format::Html,
        fonts: Vec::new(),
    };
    let d = vngov_decode::decode(bytes, &hint).ok()?;
    let legacy = ["tcvn3", "vni", "mixed"]
        .iter()
        .any(|n| d.encoding.starts_with(n));
    legacy.then_some((d.text, d.encoding))
}

fn read(html: &Html, url: Option<&str>, encoding: String, warnings: Vec<Warning>) -> Page {
    let seg = blocks::segment(html);
    let idx = subtree::Index::new(html);
    let hints = sites::hints(html);
    let mut chrome = body::mark_chrome(html, &seg, &idx);
    for (i, b) in seg.blocks.iter().enumerate() {
        if hints.chrome.iter().any(|&c| idx.contains(c, b.owner)) {
            chrome[i] = true;
        }
    }
    let mut page = Page {
        encoding,
        warnings,
        family: hints.family,
        kind: PageKind::Article,
        title: None,
        published: None,
        byline: None,
        source_credit: None,
        paragraphs: Vec::new(),
        captions: Vec::new(),
        links: Vec::new(),
    };
    let found_title = title::find(html, &seg, &chrome);
    let headline = found_title.as_ref().and_then(|(b, _)| *b);
    page.title = hints.title.clone().or(found_title.map(|(_, t)| t));

    let article = match hints.root {
        Some(root) => {
            let mut c = Content {
                root: Some(root),
                ..Content::default()
            };
            for i in idx.blocks_in(&seg, root) {
                if chrome[i] {
                    continue;
                }
                if seg.blocks[i].kind == Kind::Caption {
                    c.captions.push(i);
                } else {
                    c.blocks.push(i);
                }
            }
            if c.blocks.is_empty() {
                body::article(html, &seg, &idx, &chrome)
            } else {
                c
            }
        }
        None => body::article(html, &seg, &idx, &chrome),
    };
    let base = base_url(html, url);
    if hints.root.is_none() && is_listing(html, &seg, &idx, &chrome, &article) {
        let list = listing::listing(html, &seg, &idx, &listing::listing_chrome(html, &seg, &idx));
        page.kind = PageKind::Listing;
        page.title = None;
        page.links = listing::links(&seg, &list, base.as_ref());
        page.paragraphs = paragraphs(&seg, &list.blocks);
        return page;
    }
    let mut kept = article.blocks.clone();
    // The lead (sapo) between the headline and the body's container is body.
    if let (Some(h), Some(&first)) = (headline, kept.first()) {
        let lead: Vec<usize> = (h + 1..first)
            .filter(|&i| {
                let b = &seg.blocks[i];
                !chrome[i]
                    && b.kind != Kind::Caption
                    && b.chars >= LEAD_MIN
                    && b.link_density() < 0.3
            })
            .collect();
        kept.splice(0..0, lead);
    }
    page.published = published::find(html, &seg, &chrome, headline, &kept);
    let credits = byline::find(html, &seg, &kept);
    page.byline = credits.byline;
    page.source_credit = credits.credit;
    kept.retain(|i| !credits.blocks.contains(i) && Some(*i) != headline);
    if let Some(t) = &page.title {
        // The headline repeated in the body (a second h1, a sticky bar) goes too.
        let key = title::clean(t);
        kept.retain(|&i| {
            let b = &seg.blocks[i];
            b.kind == Kind::Cell || title::clean(&b.text) != key
        });
    }
    page.paragraphs = paragraphs(&seg, &kept);
    page.captions = article
        .captions
        .iter()
        .map(|&i| seg.blocks[i].text.clone())
        .collect();
    page
}

/// Whether a page is a listing: its main part is headline links rather than prose,
/// and it does not say it is an article.
fn is_listing(
    html: &Html,
    seg: &blocks::Segmented,
    idx: &subtree::Index,
    chrome: &[bool],
    article: &Content,
) -> bool {
    let says_article = html.select(&META_TYPE).any(|m| {
        m.value().attr("property") == Some("article:published_time")
            || m.value().attr("content") == Some("article")
    });
    if says_article {
        return false;
    }
    let teasers = article.root.map_or(0, |root| {
        idx.blocks_in(seg, root)
            .filter(|&i| {
                !chrome[i] && seg.blocks[i].kind != Kind::Cell && listing::is_teaser(seg, i)
            })
            .count()
    });
    let prose: usize = article
        .blocks
        .iter()
        .map(|&i| &seg.blocks[i])
        .filter(|b| b.chars >= 80 && b.link_density() < 0.3)
        .map(|b| b.chars)
        .sum();
    let teasers_anywhere = (0..seg.blocks.len())
        .filter(|&i| listing::is_teaser(seg, i))
        .count();
    (teasers >= LISTING_MIN_TEASERS && prose <= teasers * LISTING_PROSE_PER_TEASER)
        || (prose == 0 && teasers_anywhere > 0)
}

/// The body's paragraphs: one block a paragraph, the cells of a table row on one
/// line separated by " | ".
fn paragraphs(seg: &blocks::Segmented, kept: &[usize]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut last_row = None;
    for &i in kept {
        let b = &seg.blocks[i];
        let text = title::clean_lines(&b.text);
        if text.is_empty() {
            continue;
        }
        match (b.kind, b.row) {
            (Kind::Cell, Some(row)) if last_row == Some(row) => {
                if let Some(p) = out.last_mut() {
                    p.push_str(" | ");
                    p.push_str(&text);
                }
            }
            _ => out.push(text),
        }
        last_row = if b.kind == Kind::Cell { b.row } else { None };
    }
    out
}

/// The page's address: the one given, or the one the page states (canonical link,
/// `og:url`), with `<base href>` applied.
fn base_url(html: &Html, url: Option<&str>) -> Option<url::Url> {
    let mut base = url.and_then(|u| url::Url::parse(u).ok());
    for e in html.select(&BASE) {
        let v = e.value();
        let href = v.attr("href").or_else(|| v.attr("content")).unwrap_or("");
        if v.name() == "base" {
            if let Some(b) = &base {
                base = b.join(href).ok().or(base.clone());
            } else {
                base = url::Url::parse(href).ok();
            }
        } else if base.is_none() {
            base = url::Url::parse(href).ok();
        }
    }
    base
}
