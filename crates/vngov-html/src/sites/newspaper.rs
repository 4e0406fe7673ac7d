//! The CMSs of Vietnamese online newspapers and news portals (the template families
//! behind most national and provincial papers): the article in a `detail-content` /
//! `fck_detail` / `singular-content` block with the summary in a `sapo` block; inline
//! boxes of other articles (`VCSortableInPreviewMode` relation boxes,
//! `box-related`, topic boxes) and tag lists are chrome.

use std::sync::LazyLock;

use scraper::{Html, Selector};

use super::{all, selector, Hints};

static MARKER: LazyLock<Selector> = LazyLock::new(|| {
    selector(
        r#".detail-content, .fck_detail, .singular-content, [data-role="content"], .detail__content, .article__body, .cms-body"#,
    )
});
static CHROME: LazyLock<Selector> = LazyLock::new(|| {
    selector(
        r#"[type="RelatedNewsBox"], [type="RelatedOneNews"], .VCSortableInPreviewMode[type="RelatedNewsBox"], .box-related, .relate-container, .related-news, .detail-tab, .detail-tags, .tags-container, .box-tag, .box-topic, .inner-topic, .box-comment, .comment-box, .social-share, .detail-social, .article-tags"#,
    )
});

/// The hints for a newspaper page.
pub fn hints(html: &Html) -> Option<Hints> {
    html.select(&MARKER).next()?;
    Some(Hints {
        family: None,
        root: None,
        title: None,
        chrome: all(html, &CHROME),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relation_boxes_are_chrome() {
        let html = Html::parse_document(
            r#"<div class="detail-content" data-role="content"><p>Đoạn một.</p>
            <div class="VCSortableInPreviewMode" type="RelatedNewsBox"><a href="/a">Bài khác</a></div><p>Đoạn hai.</p></div>"#,
        );
        let h = hints(&html).unwrap();
        assert_eq!(h.chrome.len(), 1);
        assert!(hints(&Html::parse_document("<p>x</p>")).is_none());
    }
}
