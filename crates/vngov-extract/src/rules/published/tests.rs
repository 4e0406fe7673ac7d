//! Tests for the publication-date rules: snapshots over the fixtures, and explicit
//! asserts for portal clocks and body dates.

use super::*;

/// The publication date of a text, as the pipeline computes it.
fn published(text: &str) -> Option<String> {
    let doc = Doc::new(text);
    let dates = crate::rules::dates::extract(&doc);
    extract(&doc, &dates).map(|(d, _)| d)
}

#[test]
fn snapshots() {
    insta::glob!("fixtures/*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let doc = Doc::new(&text);
        let dates = crate::rules::dates::extract(&doc);
        let out = match extract(&doc, &dates) {
            Some((d, e)) => format!("{d}\ntext: {:?}\nline: {:?}", e.text, e.evidence),
            None => "null".to_string(),
        };
        insta::assert_snapshot!(out);
    });
}

#[test]
fn labels() {
    assert_eq!(
        published("Tiêu đề bài viết về hội nghị\nNgày đăng: 08/07/2024 11:38\nNội dung").as_deref(),
        Some("2024-07-08")
    );
    assert_eq!(
        published("Cập nhật ngày:\n27/05/2021\n- Lượt xem:\n46\nTiêu đề").as_deref(),
        Some("2021-05-27")
    );
    assert_eq!(
        published("Tiêu đề\n  • Cập nhật: 15/03/2021\n  • Lượt xem: 4104 lượt xem").as_deref(),
        Some("2021-03-15")
    );
    assert_eq!(
        published("| Số hiệu | 12/KH-UBND |\n| Ngày ban hành | 29/12/2025 |").as_deref(),
        Some("2025-12-29")
    );
    // A label wins over an earlier date line.
    assert_eq!(
        published("Tiêu đề của tin\n10:00 | 01/07/2024\nNgày đăng: 02/07/2024").as_deref(),
        Some("2024-07-02")
    );
}

#[test]
fn place_date_lines() {
    assert_eq!(
        published("Số: 1/KH-UBND\nHải Dương, ngày\n05 tháng 6 năm 2023\nKẾ HOẠCH").as_deref(),
        Some("2023-06-05")
    );
    assert_eq!(
        published("Số: 08/CT-UBND\nQuảng Bình,\nngày 25 tháng 5 năm 2015\nCHỈ THỊ").as_deref(),
        Some("2015-05-25")
    );
    assert_eq!(
        published("Phú Thọ, ngày tháng 3 năm 2022\nQUYẾT ĐỊNH"),
        None
    );
    // A law cited with its date is not a place-date line.
    assert_eq!(
        published("Căn cứ Luật Xây dựng, ngày 18 tháng 6 năm 2014;"),
        None
    );
}

#[test]
fn date_lines() {
    for (line, want) in [
        ("13:34:12 | 31/3/2015", "2015-03-31"),
        ("12/03/2015 | 12:00", "2015-03-12"),
        ("12:08, 28/08/2021", "2021-08-28"),
        ("10/07/2024 11:54    555", "2024-07-10"),
        ("Chủ nhật - 26/02/2023 19:52", "2023-02-26"),
        ("Thứ Năm, 31/5/2018 9:43'(GMT+7)", "2018-05-31"),
        ("07.02.2023 | 18:16 PM", "2023-02-07"),
        ("2 tháng mười một 2018     131 lượt xem", "2018-11-02"),
        ("Thời sự - 16/03/2026 09:28", "2026-03-16"),
        ("Audio thời sự 07-12-2021", "2021-12-07"),
    ] {
        let t = format!("Chuyên mục\nTiêu đề của bài viết về hội nghị\n{line}\nNội dung.");
        assert_eq!(published(&t).as_deref(), Some(want), "{line}");
    }
}

#[test]
fn clocks_are_not_publication_dates() {
    for first in [
        "Thứ Tư, 8/5/2024",
        "Thứ hai, 24 / 7 / 2017 10:17:39 AM",
        "Thứ năm 28/11/2024",
        "Thứ 3, Ngày 16/07/2024 -",
        "Thứ 6, 05/07/2024, 17:20[GMT+7]",
    ] {
        let t = format!("{first}\nTiêu đề của bài viết\nNội dung bài viết.");
        assert_eq!(published(&t), None, "{first}");
    }
    // A header date earlier than an event the article reports as past.
    let t =
        "Chuyên mục\n24/7/2017 10:17\nTiêu đề\nNgày 25/12/2018, Phó Chủ tịch đã chủ trì cuộc họp.";
    assert_eq!(published(t), None);
}

#[test]
fn body_dates_are_not_publication_dates() {
    assert_eq!(
        published("Ngày 21/ 5, UBND tỉnh ban hành Công văn số 846."),
        None
    );
    assert_eq!(
        published("Ngày 25/12/2018, Phó Chủ tịch UBND tỉnh đã chủ trì cuộc họp."),
        None
    );
    assert_eq!(
        published("(Theo Công văn số 6202/UBND-KT, ngày 23/11/2023)"),
        None
    );
    assert_eq!(published(" date 2023-10 Ban Chấp hành họp"), None);
    // A heading's words before a date with a sentence after it.
    assert_eq!(
        published("Tiêu đề\nHội nghị ngày 16/03/2026 bàn về đầu tư công.\nNội dung."),
        None
    );
}

#[test]
fn place_in_lower_case_of_older_documents() {
    assert_eq!(
        published("SỐ: 5/2001/TT-BTC\n   Hà nội, ngày 18 tháng 1 năm 2001\nthông tư").as_deref(),
        Some("2001-01-18")
    );
}

/// A page flattened to one long line: only a label right before a date counts (judging
/// every date against the whole line made such pages quadratic).
#[test]
fn flattened_page_keeps_labels_only() {
    let body = "Tỷ lệ đạt 95,6% theo văn bản ngày 28/8/2018. 12:08, 28/08/2021 | ".repeat(200);
    assert_eq!(published(&body), None);
    let labelled = format!("Tiêu đề bài viết Ngày đăng: 08/07/2024 11:38 {body}");
    assert_eq!(published(&labelled).as_deref(), Some("2024-07-08"));
}

#[test]
fn label_then_clock_or_weekday() {
    for (line, want) in [
        ("(Cập nhật lúc 10:20 ngày 03/05/2019)", "2019-05-03"),
        ("Cập nhật lúc: 15:42, 20/11/2023", "2023-11-20"),
        ("Cập nhật: 09:15 ngày 12/07/2021", "2021-07-12"),
        ("Ngày đăng: Thứ ba, 12/04/2022", "2022-04-12"),
        ("Đăng lúc: 08:30 - 25/09/2020", "2020-09-25"),
        ("Ngày phát hành: 20/05/2020", "2020-05-20"),
        ("Posted on: 08/07/2022", "2022-07-08"),
        ("Ngày đăng bài: 15/03/2022", "2022-03-15"),
        ("Ngày viết: 10/08/2021", "2021-08-10"),
    ] {
        let t = format!("Chuyên mục\nTiêu đề của bài viết\n{line}\nNội dung.");
        assert_eq!(published(&t).as_deref(), Some(want), "{line}");
    }
    // A label with words between it and the date is not a label of that date.
    assert_eq!(
        published("Cập nhật thông tin dịch bệnh ngày 12/07/2021 trên địa bàn."),
        None
    );
}

#[test]
fn numeric_place_date_lines() {
    assert_eq!(
        published("Tiêu đề\nHà Giang, ngày 12/4/2022\nNội dung.").as_deref(),
        Some("2022-04-12")
    );
    assert_eq!(
        published("Cổng thông tin\nHải Phòng, 15/06/2021\nTiêu đề").as_deref(),
        Some("2021-06-15")
    );
    assert_eq!(
        published("UBND TỈNH BẮC NINH\nSố: 15/KH-UBND Bắc Ninh, ngày 10 tháng 01 năm 2020")
            .as_deref(),
        Some("2020-01-10")
    );
    // A weekday is not a place; a sentence going on after the date is a body date;
    // without "ngày" only a province or city by name is a place.
    assert_eq!(published("Thứ Tư, 8/5/2024\nTiêu đề\nNội dung."), None);
    assert_eq!(
        published("Thứ Tư, ngày 8 tháng 5 năm 2024\nTiêu đề\nNội dung."),
        None
    );
    assert_eq!(
        published("Tiêu đề\nSáng, ngày 12/3/2020, UBND tỉnh họp.\nNội dung."),
        None
    );
    assert_eq!(
        published("Tiêu đề\nTrong Tuần, 15/06/2021\nNội dung."),
        None
    );
}
