//! Microsoft SharePoint portals (many provincial portals): the page is one ASP.NET
//! form; the article sits in a rich-text field (`.ms-rtestate-field`) or the main
//! placeholder; the ribbon, the breadcrumb and hidden placeholders are chrome.

use std::sync::LazyLock;

use scraper::{Html, Selector};

use super::{all, largest, selector, Hints};

static MARKER: LazyLock<Selector> = LazyLock::new(|| {
    selector(
        r#"#s4-workspace, #s4-bodyContainer, .ms-rtestate-field, [id^="MSOZoneCell_"], #aspnetForm .ms-webpart-zone"#,
    )
});
static CONTENT: LazyLock<Selector> = LazyLock::new(|| {
    selector(".ms-rtestate-field, .article-content, #ctl00_PlaceHolderMain_RichHtmlField1__ControlWrapper_RichHtmlField")
});
static CHROME: LazyLock<Selector> = LazyLock::new(|| {
    selector("#s4-ribbonrow, .ms-breadcrumb, .ms-sitemapdirectional, .s4-notdlg, .ms-hide, .ms-quicklaunch, #DeltaPlaceHolderLeftNavBar, .ms-core-listMenu-verticalBox")
});

/// The hints for a SharePoint page.
pub fn hints(html: &Html) -> Option<Hints> {
    html.select(&MARKER).next()?;
    Some(Hints {
        family: None,
        root: largest(html, &CONTENT)
            .filter(|e| e.text().any(|t| !t.trim().is_empty()))
            .map(|e| e.id()),
        title: None,
        chrome: all(html, &CHROME),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rich_text_field_is_the_article() {
        let html = Html::parse_document(
            r#"<form id="aspnetForm"><div id="s4-ribbonrow">Trang chủ</div><div id="s4-workspace">
            <div class="ms-rtestate-field"></div><div class="ms-rtestate-field"><p>UBND tỉnh ban hành kế hoạch.</p></div></div></form>"#,
        );
        let h = hints(&html).unwrap();
        let root = html.tree.get(h.root.unwrap()).unwrap();
        assert!(scraper::ElementRef::wrap(root)
            .unwrap()
            .text()
            .any(|t| t.contains("kế hoạch")));
        assert_eq!(h.chrome.len(), 1);
        assert!(hints(&Html::parse_document("<p>x</p>")).is_none());
    }
}
