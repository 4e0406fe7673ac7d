//! The national legal-document database software (CSDL quốc gia về văn bản pháp
//! luật: the central database and every ministry's and province's instance, built on
//! SharePoint). A document's pages (full text, properties, relations diagram) share
//! one template: a breadcrumb (`.box-map`) ending in the document's name, tabs, and
//! `.fulltext` holding an info box (`.vbInfo`), the text (`.toanvancontent`) or the
//! properties table (`.vbProperties`); the attachments box (`.vbFile`) is chrome.

use std::sync::LazyLock;

use scraper::{Html, Selector};

use super::{all, largest, selector, Hints};

static DOCUMENT: LazyLock<Selector> =
    LazyLock::new(|| selector(".box-tab-vb .fulltext, .fulltext"));
static MARKER: LazyLock<Selector> =
    LazyLock::new(|| selector(".vbInfo, .toanvancontent, .vbProperties"));
static CRUMB: LazyLock<Selector> = LazyLock::new(|| selector(".box-map li"));
static CHROME: LazyLock<Selector> = LazyLock::new(|| {
    selector(".box-map, .box-tab-vb > .header, .tabs, .vbFile, .vbLienQuan, .download")
});

/// The hints for a page of this family.
pub fn hints(html: &Html) -> Option<Hints> {
    html.select(&MARKER).next()?;
    let root = largest(html, &DOCUMENT).map(|e| e.id());
    let title = html
        .select(&CRUMB)
        .next_back()
        .map(|li| crate::title::clean(&li.text().collect::<String>()))
        .map(|t| t.trim_end_matches('»').trim().to_string())
        .filter(|t| t.chars().count() >= 4);
    Some(Hints {
        family: None,
        root,
        title,
        chrome: all(html, &CHROME),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_page() {
        let html = Html::parse_document(
            r#"<div class="box-tab-vb"><div class="box-map"><ul><li><a href="/">CSDL</a> » </li><li><a href="">Nghị định 15/2020/NĐ-CP</a></li></ul></div>
            <div class="content"><div class="fulltext"><div class="vbInfo"><ul><li>Hiệu lực: Còn hiệu lực</li></ul></div>
            <div class="toanvancontent"><p>Điều 1. Phạm vi điều chỉnh</p></div></div></div></div>"#,
        );
        let h = hints(&html).unwrap();
        assert_eq!(h.title.as_deref(), Some("Nghị định 15/2020/NĐ-CP"));
        let root = html.tree.get(h.root.unwrap()).unwrap();
        assert!(root
            .value()
            .as_element()
            .unwrap()
            .has_class("fulltext", scraper::CaseSensitivity::CaseSensitive));
        assert_eq!(h.chrome.len(), 1);
        assert!(hints(&Html::parse_document("<div class=fulltext>x</div>")).is_none());
    }
}
