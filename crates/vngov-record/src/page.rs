//! What a web page is, and the links of a listing page.

use serde::{Deserialize, Serialize};

/// What an HTML page was recognized as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageKind {
    /// One article or notice: its body is the record's `text`.
    Article,
    /// A category or archive page: its articles are in `links`.
    Listing,
}

/// An article linked from a listing page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// The link's text: the article's headline.
    pub title: String,
    /// Absolute URL, resolved against the page's address when it is known.
    pub url: String,
    /// Date printed beside the link, `YYYY-MM-DD`, when there is one.
    pub date: Option<String>,
}
