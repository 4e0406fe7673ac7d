//! Tests for the title rules: snapshots over the fixtures, and explicit asserts.

use super::*;

/// The title of a text.
fn title(text: &str) -> Option<String> {
    extract(&Doc::new(text))
}

#[test]
fn snapshots() {
    insta::glob!("fixtures/*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let out = title(&text).unwrap_or_else(|| "null".to_string());
        insta::assert_snapshot!(out);
    });
}

#[test]
fn headline_above_its_date_line() {
    let t = "Trang chủ\n\nỨng dụng Công nghệ thông tin\n\nHọp Ban Chỉ đạo chuyển đổi số thành phố quý II\n12/05/2021 | 12:00\nNội dung.";
    assert_eq!(
        title(t).as_deref(),
        Some("Họp Ban Chỉ đạo chuyển đổi số thành phố quý II")
    );
}

#[test]
fn legal_type_and_subject() {
    let t = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 1/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc ban hành Quy chế làm việc\nỦY BAN NHÂN DÂN TỈNH\nCăn cứ Luật";
    assert_eq!(
        title(t).as_deref(),
        Some("QUYẾT ĐỊNH Về việc ban hành Quy chế làm việc")
    );
}

#[test]
fn no_headline() {
    assert_eq!(
        title("Trang chủ\nSkip to main content\nThứ Tư, 8/5/2024"),
        None
    );
    assert_eq!(
        title("Ngày 21/5, UBND tỉnh ban hành Công văn số 846/UBND-TH về việc báo cáo."),
        None
    );
    assert_eq!(
        title("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"),
        None
    );
}
