//! Pages written for these tests, modelled on the structure of real portal pages: a
//! provincial portal article, a category page, a legal-document properties page.

use vngov_html::{parse, Page, PageKind};

fn page(name: &str, url: Option<&str>) -> Page {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    parse(&std::fs::read(path).unwrap(), None, url).unwrap()
}

#[test]
fn portal_article() {
    let p = page("portal-article.html", None);
    assert_eq!(p.kind, PageKind::Article);
    assert_eq!(
        p.title.as_deref(),
        Some("Tỉnh Lạng Sơn triển khai kế hoạch chuyển đổi số năm 2024")
    );
    let published = p.published.unwrap();
    assert_eq!(published.date, "2024-04-12", "not the portal clock");
    assert_eq!(published.text, "Ngày đăng: 12/04/2024 | 15:30");
    assert_eq!(p.byline.as_deref(), Some("Minh Anh"));
    assert_eq!(p.source_credit.as_deref(), Some("Theo Baolangson.vn"));
    assert_eq!(p.captions, vec!["Quang cảnh hội nghị".to_string()]);
    let body = p.paragraphs.join("\n");
    assert!(p.paragraphs[0].starts_with("Chiều ngày 11/4"), "{body}");
    assert!(body.contains("hoàn thành trước ngày 30/4/2024"));
    for chrome in [
        "Trang chủ",
        "Tin liên quan",
        "Hội nghị sơ kết",
        "Các tin khác",
        "Chia sẻ",
        "Đang online",
        "Tổng số lượng truy cập",
        "Bản quyền",
        "Địa chỉ",
        "Quang cảnh",
        "Minh Anh",
    ] {
        assert!(!body.contains(chrome), "{chrome} leaked into:\n{body}");
    }
}

#[test]
fn category_listing() {
    let p = page("category-listing.html", None);
    assert_eq!(p.kind, PageKind::Listing);
    assert_eq!(p.title, None);
    assert_eq!(p.published, None);
    assert_eq!(p.links.len(), 5, "{:#?}", p.links);
    let first = &p.links[0];
    assert_eq!(
        first.title,
        "Thông báo kết quả cải cách hành chính quý I năm 2024"
    );
    assert_eq!(
        first.url,
        "https://snv.hagiang.example.vn/thong-bao/bao-cao-ket-qua-cai-cach-hanh-chinh-101.html"
    );
    assert_eq!(first.date.as_deref(), Some("2024-05-06"));
    assert_eq!(
        p.links[2].url,
        "https://snv.hagiang.example.vn/thong-bao/lich-tiep-cong-dan-103.html"
    );
    assert_eq!(p.links[4].date.as_deref(), Some("2024-04-10"));
    let body = p.paragraphs.join("\n");
    assert!(body.contains("danh sách thí sinh đủ điều kiện"));
    assert!(
        !body.contains("Hướng dẫn thực hiện chế độ tiền lương"),
        "{body}"
    );
    assert!(!body.contains("Thứ ba, 07/05/2024"));
}

#[test]
fn document_properties() {
    let p = page("document-properties.html", None);
    assert_eq!(p.family, Some("vbpl"));
    assert_eq!(p.title.as_deref(), Some("Nghị định 30/2020/NĐ-CP"));
    assert_eq!(p.published.unwrap().date, "2020-03-05");
    assert!(
        p.paragraphs
            .contains(&"Số ký hiệu | 30/2020/NĐ-CP | Ngày ban hành | 05/03/2020".to_string()),
        "{:#?}",
        p.paragraphs
    );
    assert!(p
        .paragraphs
        .iter()
        .any(|x| x.contains("Loại văn bản | Nghị định")));
    let body = p.paragraphs.join("\n");
    for chrome in ["Tải file", ".doc", "This div", "Trang chủ", "CƠ SỞ DỮ LIỆU"] {
        assert!(!body.contains(chrome), "{chrome} leaked into:\n{body}");
    }
}

/// An old page typed in the TCVN3 font `.VnTime`, declaring the Western charset as
/// such pages do: read through the TCVN3 table, not as Windows-1252.
#[test]
fn page_in_a_tcvn3_font() {
    let mut html = b"<html><head><meta charset=\"iso-8859-1\"><title>Tin</title></head><body>\
<div class=\"content\"><font face=\".VnTime\"><h1>Th\xABng b\xB8o</h1>\
<p>Th\xABng b\xB8o c\xE9ng ng\xAD\xEAi. "
        .to_vec();
    for _ in 0..6 {
        html.extend_from_slice(b"Th\xABng b\xB8o ng\xAD\xEAi c\xE9ng. ");
    }
    html.extend_from_slice(b"</p></font></div></body></html>");
    let p = parse(&html, None, None).unwrap();
    assert_eq!(p.encoding, "tcvn3");
    let body = p.paragraphs.join("\n");
    assert!(body.contains("Thông báo cộng người"), "{body}");
}
