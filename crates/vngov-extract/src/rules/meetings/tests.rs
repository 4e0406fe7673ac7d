//! Tests for the meeting rules: snapshots over the fixtures, and explicit asserts
//! for each pattern and each thing that is not a chair.

use super::*;
use crate::rules::{dates, people, published};

/// Runs the chain as `extract()` does.
fn meetings(text: &str) -> Vec<Meeting> {
    let doc = Doc::new(text);
    let mut ds = dates::extract(&doc);
    let pubd = published::extract(&doc, &ds);
    dates::infer_years(&doc, &mut ds, pubd.as_ref().map(|(d, _)| d.as_str()));
    let ms = people::mentions(text);
    extract(&doc, &ds, &ms)
}

/// `(date, chairs with role)` of every meeting.
fn summary(text: &str) -> Vec<(Option<String>, Vec<String>)> {
    meetings(text)
        .into_iter()
        .map(|m| {
            let chairs = m
                .chairs
                .iter()
                .map(|c| match c.role {
                    ChairRole::Presided => c.name.clone(),
                    ChairRole::Concluded => format!("{} (concluded)", c.name),
                })
                .collect();
            (m.date, chairs)
        })
        .collect()
}

fn chairs(text: &str) -> Vec<String> {
    summary(text).into_iter().flat_map(|(_, c)| c).collect()
}

#[test]
fn snapshots() {
    insta::glob!("fixtures/*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let out: Vec<String> = meetings(&text)
            .into_iter()
            .map(|m| {
                let mut s = format!(
                    "{:?} date={} inferred={} time={:?}\n  topic={:?}\n  location={:?}",
                    m.kind,
                    m.date.as_deref().unwrap_or("-"),
                    m.date_year_inferred,
                    m.time_of_day,
                    m.topic,
                    m.location
                );
                for c in &m.chairs {
                    let titles: Vec<&str> = c.titles.iter().map(|t| t.text.as_str()).collect();
                    s += &format!(
                        "\n  chair {} ({:?}) {:?} {:?}",
                        c.name, c.role, c.honorific, titles
                    );
                }
                for a in &m.attendees {
                    s += &format!("\n  attendee {}", a.name);
                }
                s
            })
            .collect();
        insta::assert_snapshot!(out.join("\n"));
    });
}

#[test]
fn chair_before_chu_tri() {
    assert_eq!(
        summary(
            "Ngày 25/12/2018, Phó Chủ tịch UBND tỉnh Lê Văn Minh đã chủ trì cuộc họp Ban chỉ đạo."
        ),
        [(Some("2018-12-25".into()), vec!["Lê Văn Minh".into()])]
    );
    assert_eq!(
        chairs("Đồng chí Hà Văn Tâm, Phó Chủ tịch UBND tỉnh, Trưởng Ban chỉ đạo chủ trì cuộc họp."),
        ["Hà Văn Tâm"]
    );
    assert_eq!(
        chairs("Hội nghị do đồng chí Trịnh Quốc Bảo, Bí thư Huyện ủy chủ trì."),
        ["Trịnh Quốc Bảo"]
    );
    assert_eq!(
        chairs("Đồng chí Mai Văn Lộc, Chủ tịch UBND huyện dự và chủ trì hội nghị."),
        ["Mai Văn Lộc"]
    );
}

#[test]
fn co_chairs() {
    assert_eq!(
        chairs("Sáng 5/6, Chủ tịch UBND tỉnh Phan Văn Đức và Giám đốc Sở Y tế Hồ Thị Lan đồng chủ trì hội nghị."),
        ["Phan Văn Đức", "Hồ Thị Lan"]
    );
    assert_eq!(
        chairs("Chủ tịch UBND tỉnh Ngô Văn Tú cùng các Phó Chủ tịch UBND tỉnh: Lê Hữu Phước, Đinh Thị Mai chủ trì phiên họp."),
        ["Ngô Văn Tú", "Lê Hữu Phước", "Đinh Thị Mai"]
    );
    assert_eq!(
        chairs("Ngày 2/10, dưới sự chủ trì của đồng chí Vũ Hồng Sơn, Bí thư Tỉnh ủy và các đồng chí: Lò Văn Hùng, Phó Bí thư Tỉnh ủy; Triệu Thị Nga, Chủ tịch UBND tỉnh, Hội nghị Tỉnh ủy đã được tổ chức."),
        ["Vũ Hồng Sơn", "Lò Văn Hùng", "Triệu Thị Nga"]
    );
    assert_eq!(
        chairs("Chủ trì hội nghị có đồng chí Đào Minh Khang, Phó Chủ tịch UBND tỉnh."),
        ["Đào Minh Khang"]
    );
}

#[test]
fn conclusion_giver_when_nobody_presides() {
    assert_eq!(
        chairs("Hội nghị bàn về chuyển đổi số\nKết luận hội nghị, đồng chí Đinh Công Sơn, TVTU, PCT UBND tỉnh khẳng định nhiệm vụ."),
        ["Đinh Công Sơn (concluded)"]
    );
    // A notice naming the conclusion-giver in its title only.
    assert_eq!(
        chairs("THÔNG BÁO\nKết luận của Phó Chủ tịch UBND tỉnh Cao Văn Hòa tại cuộc họp về giải phóng mặt bằng"),
        ["Cao Văn Hòa (concluded)"]
    );
    // A title alone, named elsewhere in the text.
    assert_eq!(
        chairs("Phát biểu kết luận cuộc họp, Chủ tịch UBND tỉnh cho rằng kết quả tốt. Chủ tịch UBND tỉnh Lương Văn Quý yêu cầu các sở khẩn trương."),
        ["Lương Văn Quý (concluded)"]
    );
    // Whoever presides is the chair; concluding adds nothing.
    assert_eq!(
        chairs("Ngày 3/3/2022, Phó Chủ tịch UBND tỉnh Kim Văn Bình chủ trì hội nghị. Kết luận hội nghị, đồng chí Kim Văn Bình đề nghị các sở. Giám đốc Sở Tài chính Vương Thu Hà kết luận phần thảo luận."),
        ["Kim Văn Bình"]
    );
}

#[test]
fn not_chairs() {
    for t in [
        // Attending and speaking.
        "Ngày 4/4/2023, UBND tỉnh tổ chức hội nghị. Đồng chí Lê Quang Huy, Phó Bí thư Tỉnh ủy dự và chỉ đạo hội nghị.",
        "Tại hội nghị, đồng chí Tạ Văn Long, Chủ tịch UBND huyện phát biểu chỉ đạo.",
        "Tham dự cuộc họp có các Phó Chủ tịch UBND tỉnh: Hoàng Văn Nam, Lê Thị Thu.",
        // Directives in a conclusion.
        "Kết luận cuộc họp, UBND tỉnh giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng rà soát.",
        "Giao đồng chí Phạm Văn Hùng, Giám đốc Sở Nội vụ chủ trì xây dựng đề án trình tại cuộc họp tới.",
        "Sở Kế hoạch và Đầu tư chủ trì phối hợp với các đơn vị tổng hợp báo cáo cuộc họp.",
        // A person with no meeting.
        "Phó Chủ tịch UBND tỉnh Lê Văn Minh chủ trì công tác tiếp dân định kỳ.",
    ] {
        assert!(chairs(t).is_empty(), "{t}: {:?}", chairs(t));
    }
}

#[test]
fn dates_of_meetings() {
    // Year inferred from the year under review and the year planned.
    let m = meetings("Chiều ngày 24/02, Ban chỉ đạo tổ chức họp trực tuyến đánh giá kết quả năm 2016, triển khai nhiệm vụ năm 2017.");
    assert_eq!(m[0].date.as_deref(), Some("2017-02-24"));
    assert!(m[0].date_year_inferred);
    assert_eq!(m[0].time_of_day, Some(TimeOfDay::Afternoon));
    assert_eq!(m[0].kind, "họp trực tuyến");
    // Split across a wrapped line.
    let m = meetings("Sáng ngày 09 tháng 4\nnăm 2022, tại trụ sở Chính phủ, Thủ tướng Chính phủ Lê Văn An đã chủ trì phiên họp.");
    assert_eq!(m[0].date.as_deref(), Some("2022-04-09"));
    assert!(!m[0].date_year_inferred);
    assert_eq!(m[0].location.as_deref(), Some("trụ sở Chính phủ"));
    // In the upper-case title of a notice.
    let m = meetings("THÔNG BÁO\nKẾT LUẬN CỦA CHỦ TỊCH UBND TỈNH TẠI PHIÊN HỌP BAN CHỈ ĐẠO NGÀY 19 THÁNG 7 NĂM 2023");
    assert_eq!(m[0].date.as_deref(), Some("2023-07-19"));
    // Held "vào lúc … ngày".
    let m = meetings("Hội nghị trực tuyến toàn quốc về chuyển đổi số đã được tổ chức vào lúc 08h00 ngày 25/02/2023, lãnh đạo Sở dự.");
    assert_eq!(m[0].date.as_deref(), Some("2023-02-25"));
    assert_eq!(m[0].topic.as_deref(), Some("chuyển đổi số"));
    // A year that cannot be known gives no date.
    let m = meetings("Ngày 10/3, UBND huyện tổ chức phiên họp thường kỳ.");
    assert_eq!(m[0].date, None);
    assert!(m[0].date_evidence.is_some());
}

#[test]
fn dates_that_are_not_the_meetings() {
    for t in [
        "Sau cuộc làm việc, ngày 23-8-2011, cơ quan nhận được Thông báo số 81/TB-UBND.",
        "Tại hội nghị, đồng chí Chủ tịch yêu cầu hoàn thành trước ngày 30/6/2023.",
        "Ngày 15/3/2023, UBND tỉnh ban hành Kế hoạch số 12/KH-UBND về tổ chức hội nghị.",
        "Phó Chủ tịch kết luận tại Thông báo số 295/TB-UBND ngày 26/12/2018 sau cuộc họp.",
        "Nghị quyết số 129/NQ-CP ngày 11/9/2020 Phiên họp Chính phủ thường kỳ tháng 8.",
    ] {
        let dates: Vec<Option<String>> = meetings(t).into_iter().map(|m| m.date).collect();
        assert!(dates.iter().all(Option::is_none), "{t}: {dates:?}");
    }
}

#[test]
fn one_meeting_told_twice_is_one() {
    let t = "Hội nghị trực tuyến về chuyển đổi số đã được tổ chức vào lúc 08h00 ngày 25/02/2023.\n\nHội nghị trực tuyến về chuyển đổi số đã được tổ chức vào lúc 08h00 ngày 25/02/2023.";
    assert_eq!(meetings(t).len(), 1);
    let t = "Ngày 3/5/2023, UBND tỉnh họp bàn về đầu tư công. Ngày 10/5/2023, UBND tỉnh họp bàn về giải ngân.";
    assert_eq!(meetings(t).len(), 2);
}

#[test]
fn no_meeting_reported() {
    for t in [
        "Hệ thống hội nghị truyền hình phục vụ tích cực các cuộc họp trực tuyến.",
        "Sở báo cáo UBND tỉnh trong 30 ngày làm việc.",
        "Các chỉ đạo tại các phiên họp Ban Chỉ đạo Trung ương được triển khai.",
    ] {
        assert!(meetings(t).is_empty(), "{t}: {:?}", meetings(t));
    }
}

#[test]
fn attendees_are_not_chairs() {
    let m = meetings("Sáng 12/5/2023, Phó Chủ tịch UBND tỉnh Đoàn Văn Việt chủ trì cuộc họp. Dự họp có Giám đốc Sở Tài chính Trương Thị Hoa và đồng chí Cù Văn Phúc, Phó Giám đốc Sở Xây dựng.");
    assert_eq!(m.len(), 1);
    let names: Vec<&str> = m[0].attendees.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Trương Thị Hoa", "Cù Văn Phúc"]);
    assert_eq!(m[0].chairs.len(), 1);
    assert_eq!(
        m[0].chairs[0].titles[0].organization.as_deref(),
        Some("Ủy ban nhân dân tỉnh")
    );
}

#[test]
fn chair_wordings() {
    for (t, want) in [
        // Title chains joined by a hyphen or an en dash, a misspelt kind word.
        (
            "Sáng 14/3/2024, đồng chí Hoàng Minh Tuấn - Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh ủy chủ trì Hôi nghị giao ban báo chí.",
            vec!["Hoàng Minh Tuấn"],
        ),
        // Attending and presiding, people listed with abbreviated titles.
        (
            "Chiều 9/11/2023, Hội Nông dân tỉnh tổ chức tọa đàm về chuyển đổi số. Đến dự và chủ trì buổi tọa đàm có các đồng chí: Lê Văn Bình - TUV, Trưởng Ban Dân vận Tỉnh ủy; Đỗ Thị Hạnh – Phó Chủ tịch UBND tỉnh.",
            vec!["Lê Văn Bình", "Đỗ Thị Hạnh"],
        ),
        // Ranks, co-chairs.
        (
            "Ngày 20/7/2023, Thiếu tướng Nguyễn Văn Khải, Phó Tư lệnh Quân khu và Thiếu tướng Trần Đức Hòa, Giám đốc Công an tỉnh đồng chủ trì hội nghị hiệp đồng.",
            vec!["Nguyễn Văn Khải", "Trần Đức Hòa"],
        ),
        // Passive, and those who run the session with the chair.
        (
            "Sáng 5/12/2023, Kỳ họp thứ 17 HĐND tỉnh khai mạc dưới sự chủ trì của ông Mai Văn Huỳnh, Chủ tịch HĐND tỉnh. Cùng điều hành kỳ họp còn có bà Phan Thị Hường, Phó Chủ tịch HĐND tỉnh.",
            vec!["Mai Văn Huỳnh", "Phan Thị Hường"],
        ),
        // A presidium with a count.
        (
            "Ngày 16/10/2020, Đại hội đại biểu Hội Cựu chiến binh tỉnh khai mạc. Đại hội đã bầu Đoàn Chủ tịch điều hành đại hội gồm 03 đồng chí: Lâm Văn Mẫn, Huỳnh Thị Hằng và Ngô Văn Thanh.",
            vec!["Lâm Văn Mẫn", "Huỳnh Thị Hằng", "Ngô Văn Thanh"],
        ),
        // At one end of a video conference.
        (
            "Sáng 2/8/2022, Chính phủ tổ chức hội nghị trực tuyến toàn quốc về phòng, chống thiên tai. Chủ tịch UBND tỉnh Đặng Văn Sơn chủ trì tại điểm cầu tỉnh.",
            vec!["Đặng Văn Sơn"],
        ),
        (
            "Chiều 21/6/2021, HĐND tỉnh tổ chức kỳ họp chuyên đề. Chủ trì kỳ họp là ông Lò Văn Mừng, Chủ tịch HĐND tỉnh.",
            vec!["Lò Văn Mừng"],
        ),
        (
            "Ngày 3/3/2022, hội nghị tổng kết công tác thi đua được chủ trì bởi Phó Chủ tịch UBND tỉnh Trần Văn Lực.",
            vec!["Trần Văn Lực"],
        ),
        // Titles in parentheses; a title chain across a line break.
        (
            "Sáng 11/1/2023, đồng chí Nguyễn Thanh Bình (Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh) chủ trì cuộc họp về giải ngân vốn đầu tư công.",
            vec!["Nguyễn Thanh Bình"],
        ),
        (
            "Chiều 7/4/2023, đồng chí Trần Hữu Thế, Phó Bí thư Tỉnh ủy,\nChủ tịch UBND tỉnh chủ trì cuộc họp nghe báo cáo tiến độ dự án.",
            vec!["Trần Hữu Thế"],
        ),
        // Names whose last syllable is also a word.
        (
            "Sáng 26/5/2022, đồng chí Trịnh Xuân Trường, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh đã chủ trì cuộc họp về phát triển du lịch.",
            vec!["Trịnh Xuân Trường"],
        ),
        (
            "Chiều 8/8/2022, Chủ tịch UBND tỉnh Nguyễn Văn Tỉnh chủ trì hội nghị sơ kết 6 tháng. Dự có đồng chí Lê Văn Trưởng, Giám đốc Sở Nội vụ.",
            vec!["Nguyễn Văn Tỉnh"],
        ),
        // A title chain with words in lower case, a hyphen with no spaces, a long
        // apposition: the sentence's subject presides.
        (
            "Sáng 3/4/2023, đồng chí Hà Văn Lực, phó Bí thư thị ủy, Chủ tịch UBND thị xã chủ trì phiên họp.",
            vec!["Hà Văn Lực"],
        ),
        (
            "Chiều 19-7-2023, đồng chí Kiều Văn Tâm-Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh chủ trì cuộc họp.",
            vec!["Kiều Văn Tâm"],
        ),
        (
            "Ngày 5/6/2023, đồng chí Lưu Văn Sang, Bí thư Ban cán sự đảng, Viện trưởng VKSND tỉnh dự và điều hành Hội nghị.",
            vec!["Lưu Văn Sang"],
        ),
        (
            "Ngày 5/6/2023, Phó Thủ tướng Chính phủ Đào Văn Hải, tổ trưởng Tổ công tác số 2 của Thủ tướng Chính phủ chủ trì hội nghị trực tuyến.",
            vec!["Đào Văn Hải"],
        ),
        // Nobody presides: the one who concluded.
        (
            "Ngày 18/9/2023, UBND tỉnh họp nghe báo cáo về cải cách hành chính. Phó Chủ tịch UBND tỉnh Ngô Đức Anh đã có kết luận về cuộc họp.",
            vec!["Ngô Đức Anh (concluded)"],
        ),
    ] {
        assert_eq!(chairs(t), want, "{t}");
    }
}

#[test]
fn dates_around_the_meeting() {
    let date = |t: &str| meetings(t).into_iter().next().and_then(|m| m.date);
    // The year of the business under review, for a day written without one.
    assert_eq!(
        date("Hội nghị tổng kết công tác năm 2020.\nChiều 29/12, Sở Tư pháp tổ chức hội nghị tổng kết công tác năm 2020, triển khai nhiệm vụ năm 2021."),
        Some("2020-12-29".to_string())
    );
    // The date in the sentence before the one naming the chair.
    assert_eq!(
        date("Sáng 15/3/2024, tại trụ sở UBND tỉnh diễn ra hội nghị triển khai kế hoạch chuyển đổi số.\nPhó Chủ tịch UBND tỉnh Hồ Văn Nam chủ trì hội nghị."),
        Some("2024-03-15".to_string())
    );
    // A meeting of several days is dated by its first.
    assert_eq!(
        date("Trong hai ngày 6 và 7/12/2023, HĐND tỉnh tổ chức kỳ họp thứ 15, khóa XVIII."),
        Some("2023-12-06".to_string())
    );
    // A meeting still to come is not reported.
    assert!(meetings("Ngày 2/5/2024, UBND tỉnh ban hành kế hoạch. Hội nghị sẽ diễn ra vào ngày 20/5/2024 do Chủ tịch UBND tỉnh Hồ Văn Nam chủ trì.").is_empty());
}

#[test]
fn a_date_across_two_units_opens_neither() {
    // Short lines that are not wrapped text: each is its own unit, and the date runs
    // from one into the next.
    for t in [
        "Tin tức\n\nSáng ngày 09 tháng 4\n\nnăm 2022, UBND tỉnh họp.\n\nHết.",
        "- Ngày 22 tháng\n- 7 năm 2021, Sở Nội vụ tổ chức hội nghị.",
        "1. Kỳ họp ngày 6 -\n\n7/12/2023 của HĐND tỉnh.",
    ] {
        for m in meetings(t) {
            assert!(m.date.is_none(), "{t:?}: {:?}", m.date);
        }
    }
}
