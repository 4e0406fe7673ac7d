//! Tests for the date rules: snapshots over the fixtures, and explicit asserts for
//! the tricky cases.

use super::*;

/// `(text, value)` of every date found.
fn dates(text: &str) -> Vec<(String, String)> {
    find_all(text)
        .into_iter()
        .map(|f| (text[f.range].to_string(), f.value))
        .collect()
}

/// The values of every date found.
fn values(text: &str) -> Vec<String> {
    find_all(text).into_iter().map(|f| f.value).collect()
}

#[test]
fn snapshots() {
    insta::glob!("fixtures/*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let doc = Doc::new(&text);
        let out: Vec<String> = extract(&doc)
            .into_iter()
            .map(|d| {
                format!(
                    "{:?} {} {:?}{}",
                    d.evidence.text,
                    d.value,
                    d.precision,
                    match (&d.start, &d.end) {
                        (Some(s), Some(e)) => format!(" {s}..{e}"),
                        _ => String::new(),
                    }
                )
            })
            .collect();
        insta::assert_snapshot!(out.join("\n"));
    });
}

#[test]
fn numeric_forms() {
    assert_eq!(values("Ngày 25/12/2018, họp"), ["2018-12-25"]);
    assert_eq!(values("Thứ hai, 24 / 7 / 2017 10:17:39 AM"), ["2017-07-24"]);
    assert_eq!(values("Ngày 21/ 5, UBND tỉnh"), ["--05-21"]);
    assert_eq!(values("ngày 23-8-2011"), ["2011-08-23"]);
    assert_eq!(values("từ 01.7.2014"), ["2014-07-01"]);
    assert_eq!(values("07.02.2023 | 18:16 PM"), ["2023-02-07"]);
    assert_eq!(values("Ngày17/8/2015"), ["2015-08-17"]);
    assert_eq!(values("trước ngày 15-12"), ["--12-15"]);
    assert_eq!(values("Đăng ngày 17 - 05 - 2024"), ["2024-05-17"]);
    assert_eq!(values("giai đoạn 2016 - 2020"), ["2016/2020"]);
    assert_eq!(values("trang 1 - 2 - 3"), Vec::<String>::new());
    assert_eq!(values("Chiều 27/8, họp"), ["--08-27"]);
}

#[test]
fn verbal_forms() {
    assert_eq!(
        dates("ngày 01 tháng 7 năm 2014"),
        [("ngày 01 tháng 7 năm 2014".into(), "2014-07-01".into())]
    );
    assert_eq!(
        values("Sáng ngày 09 tháng 4\nnăm 2022, tại"),
        ["2022-04-09"]
    );
    assert_eq!(
        values("Hải Dương, ngày\n05 tháng 6 năm 2023"),
        ["2023-06-05"]
    );
    assert_eq!(
        values("2 tháng mười một 2018     131 lượt xem"),
        ["2018-11-02"]
    );
    // The month is missing: only the year is a date.
    assert_eq!(values("Phú Thọ, ngày 08 tháng năm 2022"), ["2022"]);
    assert_eq!(values("Phú Thọ, ngày tháng 3 năm 2022"), ["2022-03"]);
}

#[test]
fn periods() {
    assert_eq!(values("tháng 5/2018"), ["2018-05"]);
    assert_eq!(values("tháng 3 năm 2021"), ["2021-03"]);
    assert_eq!(values("quý I/2019"), ["2019-Q1"]);
    assert_eq!(values("quý IV năm 2020"), ["2020-Q4"]);
    assert_eq!(values("năm 2016"), ["2016"]);
    assert_eq!(values("6 tháng đầu năm 2024"), ["2024"]);
    assert_eq!(values(" date 2023-10 Ban"), ["2023-10"]);
    let r = find_all("giai đoạn 2016-2020");
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].value, "2016/2020");
    assert_eq!(r[0].start.as_deref(), Some("2016"));
    assert_eq!(r[0].end.as_deref(), Some("2020"));
    assert_eq!(values("2016 - 2020"), ["2016/2020"]);
    assert_eq!(values("2021 – 2025"), ["2021/2025"]);
}

#[test]
fn longest_match_wins() {
    assert_eq!(values("ngày 01 tháng 7 năm 2014"), ["2014-07-01"]);
    assert_eq!(values("tháng 3 năm 2021"), ["2021-03"]);
}

#[test]
fn invalid_days_are_not_dates() {
    assert!(values("ngày 31/02/2019").is_empty());
    assert!(values("ngày 29/02/2019").is_empty());
    assert_eq!(values("ngày 29/02/2020"), ["2020-02-29"]);
    assert!(values("ngày 12/13/2019").is_empty());
}

#[test]
fn never_dates() {
    for s in [
        "đạt 95,6%",
        "0,95 máy tính/công chức",
        "Nghị định số 64/2007/NĐ-CP",
        "Thông tư 01/2023/TT-VPCP",
        "15/2013/NĐ-CP",
        "27/27 đơn vị",
        "6/9 huyện",
        "10:17:39",
        "lúc 9:43",
        "Điện thoại: 056.3822294",
        "1.250 tỷ đồng",
        "phiên bản 4.0",
        "trong 5 năm",
        "năm thứ 1",
        "Công văn số 12/5",
        "mã 2016",
    ] {
        assert!(values(s).is_empty(), "{s:?} gave {:?}", values(s));
    }
}

/// Runs extraction and inference as the pipeline does.
fn inferred(text: &str, published: Option<&str>) -> Vec<(String, bool)> {
    let doc = Doc::new(text);
    let mut d = extract(&doc);
    infer_years(&doc, &mut d, published);
    d.into_iter()
        .filter(|d| d.precision == DatePrecision::Day)
        .map(|d| (d.value, d.year_inferred))
        .collect()
}

#[test]
fn year_from_publication_date_is_the_nearest() {
    assert_eq!(
        inferred("Ngày 28/12, Sở họp.", Some("2019-01-05")),
        [("2018-12-28".to_string(), true)]
    );
    assert_eq!(
        inferred("Chiều 27/8, UBND tỉnh họp.", Some("2021-08-28")),
        [("2021-08-27".to_string(), true)]
    );
}

#[test]
fn year_from_review_and_plan() {
    let t = "Chiều ngày 14/01, Ban chỉ đạo họp đánh giá kết quả năm 2020, triển khai nhiệm vụ năm 2021.";
    assert_eq!(inferred(t, None), [("2021-01-14".to_string(), true)]);
    let t =
        "Ngày 20/12, Sở tổ chức hội nghị tổng kết công tác năm 2020, triển khai kế hoạch năm 2021.";
    assert_eq!(inferred(t, None), [("2020-12-20".to_string(), true)]);
    // Mid-year: a review of 2020 and plan for 2021 does not place a day in July.
    let t = "Ngày 10/7, hội nghị đánh giá kết quả năm 2020, triển khai nhiệm vụ năm 2021.";
    assert_eq!(inferred(t, None), [("--07-10".to_string(), false)]);
}

#[test]
fn year_from_header_month() {
    let t = " date 2022-10 Tỉnh ủy họp\nNgày 28-9, Ban Chấp hành họp.";
    assert_eq!(inferred(t, None), [("2022-09-28".to_string(), true)]);
}

#[test]
fn year_from_same_sentence() {
    let t = "Ngày 20/7/2018, UBND tỉnh nhận được văn bản ngày 18/7 của Bộ.";
    assert_eq!(
        inferred(t, None),
        [
            ("2018-07-20".to_string(), false),
            ("2018-07-18".to_string(), true)
        ]
    );
}

#[test]
fn year_stays_unknown_without_a_source() {
    let t = "Tính đến ngày 30-10, đã xử lý 154 trường hợp.\nBáo cáo trước ngày 15-12.";
    assert_eq!(
        inferred(t, None),
        [
            ("--10-30".to_string(), false),
            ("--12-15".to_string(), false)
        ]
    );
    // A day recurring every year takes no year, even with a publication date.
    let t = "chọn ngày 26/3 hàng năm là Ngày chuyển đổi số.";
    assert_eq!(
        inferred(t, Some("2023-06-05")),
        [("--03-26".to_string(), false)]
    );
}

#[test]
fn a_distant_neighbour_does_not_give_its_year() {
    let t = "Ngày 10/3, UBND tỉnh triển khai Quyết định ban hành ngày 15/8/2017.";
    assert_eq!(
        inferred(t, None),
        [
            ("--03-10".to_string(), false),
            ("2017-08-15".to_string(), false)
        ]
    );
}

#[test]
fn a_span_of_days_is_two_days() {
    assert_eq!(
        values("từ ngày 1/7 đến ngày 15/7/2019"),
        ["--07-01", "2019-07-15"]
    );
    let doc = Doc::new("từ ngày 1/7 đến ngày 15/7/2019");
    let mut d = extract(&doc);
    infer_years(&doc, &mut d, None);
    assert_eq!(d[0].value, "2019-07-01");
}

#[test]
fn periods_without_a_year_are_not_kept() {
    assert!(values("Họp Ban Chỉ đạo Quý I").is_empty());
    assert!(values("phiên họp thường kỳ tháng 3").is_empty());
    assert!(values("3 tháng cuối năm").is_empty());
}
