//! DotNetNuke (DNN) portals (district and provincial sites): panes
//! (`dnn_ContentPane`, `dnn_LeftPane`…) of modules; the article is a module's
//! `.Normal` text in the content pane, the side panes and module action menus are
//! chrome.

use std::sync::LazyLock;

use scraper::{Html, Selector};

use super::{all, largest, selector, Hints};

static MARKER: LazyLock<Selector> =
    LazyLock::new(|| selector(r#"[id^="dnn_"], .DnnModule, .DNNModuleContent"#));
static CONTENT: LazyLock<Selector> = LazyLock::new(|| {
    selector(
        r#"#dnn_ContentPane .Normal, [id$="_ContentPane"] .DNNModuleContent, #dnn_ContentPane"#,
    )
});
static CHROME: LazyLock<Selector> = LazyLock::new(|| {
    selector(
        r#"#dnn_LeftPane, #dnn_RightPane, [id$="_LeftPane"], [id$="_RightPane"], .dnnActionMenu, #dnn_dnnBREADCRUMB_lblBreadCrumb, .dnnBreadcrumb, #dnn_HeaderPane, #dnn_FooterPane"#,
    )
});

/// The hints for a DNN page.
pub fn hints(html: &Html) -> Option<Hints> {
    html.select(&MARKER).next()?;
    Some(Hints {
        family: None,
        root: largest(html, &CONTENT).map(|e| e.id()),
        title: None,
        chrome: all(html, &CHROME),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_pane_module() {
        let html = Html::parse_document(
            r#"<div id="dnn_LeftPane"><ul><li>Giới thiệu</li></ul></div>
            <div id="dnn_ContentPane"><div class="DnnModule"><div class="Normal"><p>Huyện tổ chức hội nghị.</p></div></div></div>"#,
        );
        let h = hints(&html).unwrap();
        assert_eq!(h.chrome.len(), 1);
        let root = html.tree.get(h.root.unwrap()).unwrap();
        assert!(root
            .value()
            .as_element()
            .unwrap()
            .has_class("Normal", scraper::CaseSensitivity::CaseSensitive));
    }
}
