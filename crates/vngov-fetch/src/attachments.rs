//! Attachments: the PDF and Word files an article links to (a conclusion notice,
//! a decision, the plan itself), found on its page so that they can be fetched and
//! archived beside it. The archive's response record of an attachment names the
//! article in a [`LINKED_FROM`] field.

use std::collections::HashMap;

use url::Url;

use crate::fetcher::{Fetcher, Summary};
use crate::links::{decode_html, discover};
use crate::outcome::Outcome;

/// The WARC extension field of an attachment's response record naming the page
/// that links to it.
pub const LINKED_FROM: &str = "WARC-Linked-From";

/// File name endings of attachments.
const EXTENSIONS: &[&str] = &[".pdf", ".doc", ".docx", ".odt"];

/// Attachments per page at most: a page listing hundreds of files is a listing.
pub const MAX_PER_PAGE: usize = 50;

/// Whether a URL names a PDF or Word file (by its path, or a `file=`-like query
/// value ending so).
pub fn is_attachment(url: &Url) -> bool {
    let ends = |s: &str| {
        let s = s.to_ascii_lowercase();
        EXTENSIONS.iter().any(|e| s.ends_with(e))
    };
    ends(url.path()) || url.query_pairs().any(|(_, v)| ends(&v))
}

/// The attachments an HTML page links to, in document order, each once.
pub fn find(page: &Url, body: &[u8], content_type: Option<&str>) -> Vec<Url> {
    if content_type.is_some_and(|c| !c.to_ascii_lowercase().contains("html")) {
        return Vec::new();
    }
    let html = decode_html(body, content_type);
    discover(page, &html)
        .into_iter()
        .map(|l| l.url)
        .filter(is_attachment)
        .take(MAX_PER_PAGE)
        .collect()
}

/// Fetches attachments found on pages (`(attachment, page)` pairs), politely and
/// each once, passing over those `held` says the archive has; hands each outcome to
/// `sink` with the URL of the first page that linked to it.
pub fn fetch_all<E>(
    fetcher: &Fetcher,
    found: Vec<(Url, Url)>,
    held: &dyn Fn(&str) -> bool,
    mut sink: impl FnMut(Outcome, &str) -> Result<(), E>,
) -> Result<Summary, E> {
    let mut pages: HashMap<String, String> = HashMap::new();
    let mut urls = Vec::new();
    for (attachment, page) in found {
        let key = attachment.to_string();
        if !pages.contains_key(&key) {
            pages.insert(key.clone(), page.to_string());
            urls.push(key);
        }
    }
    fetcher.fetch_all(urls, held, |o| {
        let page = pages.get(o.url()).map(String::as_str).unwrap_or("");
        sink(o, page)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_and_word_links_are_attachments() {
        let page = Url::parse("https://so.gov.vn/tin-tuc/ket-luan.html").unwrap();
        let html = br#"<html><body><a href="/files/TB-15.PDF">TB 15</a>
            <a href="/download.aspx?file=QD%2012.docx">QD</a><a href="/tin-tuc/khac.html">x</a>
            <a href="/files/TB-15.PDF#page=2">again</a><img src="a.png"></body></html>"#;
        let found: Vec<String> = find(&page, html, Some("text/html"))
            .iter()
            .map(Url::to_string)
            .collect();
        assert_eq!(
            found,
            [
                "https://so.gov.vn/files/TB-15.PDF",
                "https://so.gov.vn/download.aspx?file=QD%2012.docx"
            ]
        );
        assert!(find(&page, html, Some("application/pdf")).is_empty());
    }
}
