//! Tests for the province rules: snapshots over the fixtures, and explicit asserts.

use super::*;

/// The province of a text.
fn province(text: &str) -> Option<String> {
    extract(&Doc::new(text)).map(|(p, _)| p)
}

#[test]
fn snapshots() {
    insta::glob!("fixtures/*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let out = match extract(&Doc::new(&text)) {
            Some((p, e)) => format!("{p}\ntext: {:?}", e.text),
            None => "null".to_string(),
        };
        insta::assert_snapshot!(out);
    });
}

#[test]
fn lexicon_has_every_province() {
    assert_eq!(PROVINCES.len(), 64);
    assert_eq!(PROVINCES.iter().filter(|p| p.city).count(), 6);
}

#[test]
fn header_decides() {
    let t = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG BÌNH\nSố: 08/CT-UBND\nBáo cáo gửi thành phố Hà Nội, thành phố Hà Nội.";
    assert_eq!(province(t).as_deref(), Some("Quảng Bình"));
    let t = "UỶ BAN NHÂN\nDÂN\nTỈNH THỪA THIÊN HUẾ\nSố: 1/KH-UBND";
    assert_eq!(province(t).as_deref(), Some("Thừa Thiên Huế"));
}

#[test]
fn variants_fold_to_the_canonical_name() {
    assert_eq!(
        province("Sở Y tế tỉnh Khánh Hoà").as_deref(),
        Some("Khánh Hòa")
    );
    assert_eq!(
        province("Công an tỉnh Thanh Hoá").as_deref(),
        Some("Thanh Hóa")
    );
    assert_eq!(
        province("Hội nghị tại TP. Hồ Chí Minh").as_deref(),
        Some("Thành phố Hồ Chí Minh")
    );
    assert_eq!(
        province("Cảng biển tỉnh Bà Rịa - Vũng Tàu").as_deref(),
        Some("Bà Rịa - Vũng Tàu")
    );
    assert_eq!(
        province("UBND TP Thái Nguyên").as_deref(),
        Some("Thái Nguyên")
    );
}

#[test]
fn place_date_line_counts_for_a_provincial_document() {
    assert_eq!(
        province("Số: 5/KH-UBND\nKon Tum, ngày 03 tháng 10 năm 2014\nKẾ HOẠCH").as_deref(),
        Some("Kon Tum")
    );
    let t = "VĂN PHÒNG CHÍNH PHỦ\nSố: 114/TB-VPCP\nHà Nội, ngày 15 tháng 4 năm 2022";
    assert_eq!(province(t), None);
    // A flattened header row: the number, then the place-and-date.
    let t = "Số: 15/KH-UBND Bắc Ninh, ngày 10 tháng 01 năm 2020\nKẾ HOẠCH";
    let doc = Doc::new(t);
    let (p, e) = extract(&doc).unwrap();
    assert_eq!(p, "Bắc Ninh");
    assert_eq!(e.text, "Bắc Ninh, ngày");
}

#[test]
fn party_committee_names_its_province() {
    assert_eq!(
        province("Ngày 31/12, Ủy ban Kiểm tra Tỉnh ủy Tuyên Quang họp.").as_deref(),
        Some("Tuyên Quang")
    );
    assert_eq!(
        province("Ban Thường vụ Thành ủy Đà Nẵng ban hành kế hoạch.").as_deref(),
        Some("Đà Nẵng")
    );
    assert_eq!(
        province(
            "TỈNH ỦY QUẢNG NGÃI\n*\nSố 1250-TB/TU\nphối hợp với tỉnh Quảng Nam, tỉnh Quảng Nam"
        )
        .as_deref(),
        Some("Quảng Ngãi")
    );
}

#[test]
fn no_province() {
    assert_eq!(
        province("Ủy ban nhân dân tỉnh yêu cầu các sở báo cáo."),
        None
    );
    assert_eq!(province("huyện Bảo Yên và huyện Si Ma Cai"), None);
    assert_eq!(province("Đại biểu đến từ Hà Nội và Đà Nẵng"), None);
    assert_eq!(province("tỉnh Sơn La và tỉnh Điện Biên"), None);
}
