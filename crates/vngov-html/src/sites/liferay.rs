//! Liferay portals (many ministries' and provinces' e-portals): portlets around a
//! web-content article (`.journal-content-article`, `.asset-full-content`); the
//! portlet title bars, social bookmarks, related assets and ratings are chrome.

use std::sync::LazyLock;

use scraper::{Html, Selector};

use super::{all, largest, selector, Hints};

static MARKER: LazyLock<Selector> = LazyLock::new(|| {
    selector(r#".portlet-boundary, .journal-content-article, .asset-full-content, [id^="p_p_id"]"#)
});
static CONTENT: LazyLock<Selector> =
    LazyLock::new(|| selector(".asset-full-content, .journal-content-article"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| {
    selector(".asset-full-content .header-title, .asset-title, .journal-content-article h1")
});
static CHROME: LazyLock<Selector> = LazyLock::new(|| {
    selector(".portlet-topper, .taglib-social-bookmarks, .asset-links, .asset-related-assets, .taglib-ratings, .asset-ratings, .lfr-meta-actions, .portlet-navigation, .breadcrumbs, .taglib-asset-tags-summary, .asset-categories")
});

/// The hints for a Liferay page.
pub fn hints(html: &Html) -> Option<Hints> {
    html.select(&MARKER).next()?;
    Some(Hints {
        family: None,
        root: largest(html, &CONTENT).map(|e| e.id()),
        title: html
            .select(&TITLE)
            .map(|e| crate::title::clean(&e.text().collect::<String>()))
            .find(|t| t.chars().count() >= 4),
        chrome: all(html, &CHROME),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_content_article() {
        let html = Html::parse_document(
            r#"<div class="portlet-boundary"><div class="portlet-topper">Tin tức</div>
            <div class="asset-full-content"><h3 class="header-title">Sở Y tế triển khai tiêm chủng</h3>
            <div class="journal-content-article"><p>Nội dung.</p></div>
            <div class="taglib-social-bookmarks">Chia sẻ</div></div></div>"#,
        );
        let h = hints(&html).unwrap();
        assert_eq!(h.title.as_deref(), Some("Sở Y tế triển khai tiêm chủng"));
        assert_eq!(h.chrome.len(), 2);
        assert!(h.root.is_some());
    }
}
