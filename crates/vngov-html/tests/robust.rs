//! Malformed and hostile pages give a page or an error, never a panic or a stack
//! overflow.

use vngov_html::{parse, HtmlError, PageKind};

fn article(body: &str) -> String {
    format!(
        "<html><head><meta charset=utf-8><title>Tin</title></head><body><h1>Ủy ban nhân dân tỉnh họp bàn kế hoạch năm 2024</h1>{body}</body></html>"
    )
}

const PARAGRAPH: &str = "<p>Chiều ngày 10/01, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp đánh giá kết quả ứng dụng công nghệ thông tin năm 2019, triển khai nhiệm vụ năm 2020.</p>";

#[test]
fn unclosed_tags() {
    let page = "<html><body><div><h1>Sở Y tế triển khai tiêm chủng<p>Ngày đăng: 12/03/2024<p>Sở Y tế tỉnh triển khai chiến dịch tiêm chủng mở rộng cho trẻ em dưới 5 tuổi trên địa bàn toàn tỉnh.<div><span><b>";
    let p = parse(page.as_bytes(), None, None).unwrap();
    assert_eq!(p.title.as_deref(), Some("Sở Y tế triển khai tiêm chủng"));
    assert_eq!(p.published.unwrap().date, "2024-03-12");
    assert!(p
        .paragraphs
        .iter()
        .any(|x| x.contains("tiêm chủng mở rộng")));
}

#[test]
fn truncated_page_mid_tag_and_mid_character() {
    let full = article(&PARAGRAPH.repeat(5));
    let bytes = full.as_bytes();
    // Cut inside a tag, and inside a multi-byte character.
    let in_tag = full.rfind("<p>").unwrap() + 2;
    let in_char = full
        .char_indices()
        .rev()
        .find(|(_, c)| c.len_utf8() > 1)
        .unwrap()
        .0
        + 1;
    for cut in [in_tag, in_char, 10, 0] {
        let p = parse(&bytes[..cut], None, None).expect("a page");
        assert_eq!(p.kind, PageKind::Article);
    }
}

#[test]
fn deeply_nested_tables() {
    let depth = 5000;
    let mut page = String::from("<html><body>");
    for _ in 0..depth {
        page.push_str("<table><tr><td>");
    }
    page.push_str(PARAGRAPH);
    for _ in 0..depth {
        page.push_str("</td></tr></table>");
    }
    let p = parse(page.as_bytes(), None, None).unwrap();
    assert!(p.paragraphs.iter().any(|x| x.contains("Phó Chủ tịch")));
    // And never closed.
    let open = "<div>".repeat(depth) + PARAGRAPH;
    assert!(parse(open.as_bytes(), None, None).is_ok());
}

#[test]
fn twenty_megabyte_page() {
    let body = PARAGRAPH.repeat(20 * 1024 * 1024 / PARAGRAPH.len() + 1);
    let page = article(&body);
    assert!(page.len() > 20 * 1024 * 1024);
    let p = parse(page.as_bytes(), None, None).unwrap();
    assert!(p.paragraphs.len() > 50_000);
}

#[test]
fn no_charset_anywhere() {
    let utf8 = article(PARAGRAPH).replace("<meta charset=utf-8>", "");
    let p = parse(utf8.as_bytes(), None, None).unwrap();
    assert_eq!(p.encoding, "utf-8");
    assert!(p.paragraphs[0].contains("Phó Chủ tịch"));
    // A legacy single-byte page without a declaration is guessed, not refused.
    let (bytes, _, _) = encoding_rs::WINDOWS_1258.encode(&utf8);
    let p = parse(&bytes, None, None).unwrap();
    assert_ne!(p.encoding, "utf-8");
    assert!(!p.paragraphs.is_empty());
}

#[test]
fn windows_1258_declared_decodes_to_composed_text() {
    let page = article(PARAGRAPH).replace("utf-8", "windows-1258");
    let (bytes, _, _) = encoding_rs::WINDOWS_1258.encode(&page);
    let p = parse(&bytes, None, None).unwrap();
    assert_eq!(p.encoding, "windows-1258");
    assert!(
        p.paragraphs[0].contains("Phó Chủ tịch"),
        "{:?}",
        p.paragraphs
    );
    assert_eq!(
        p.title.as_deref(),
        Some("Ủy ban nhân dân tỉnh họp bàn kế hoạch năm 2024")
    );
}

#[test]
fn double_encoded_page_is_repaired_and_says_so() {
    let page = article(PARAGRAPH);
    let garbled: String = page.bytes().map(char::from).collect();
    let p = parse(garbled.as_bytes(), None, None).unwrap();
    assert_eq!(p.encoding, "utf-8+mojibake-repaired");
    assert!(p.warnings.iter().any(|w| w.code == "mojibake_repaired"));
    assert!(p.paragraphs[0].contains("Phó Chủ tịch"));
}

#[test]
fn binary_and_empty_input() {
    assert_eq!(
        parse(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", None, None),
        Err(HtmlError::Binary { offset: 8 })
    );
    let p = parse(b"", None, None).unwrap();
    assert!(p.paragraphs.is_empty() && p.title.is_none());
    let p = parse(b"<<<>>></p></div></table>&&&;", None, None).unwrap();
    assert!(p.title.is_none());
}
