//! Snapshot tests over `fixtures/*.txt` and unit tests for the tricky cases.

use super::*;
use crate::rules::dates;

/// The tasks of `text`, with years inferred as the pipeline does.
fn tasks(text: &str, default_assigner: Option<&str>) -> Vec<Task> {
    let doc = Doc::new(text);
    let mut facts = dates::extract(&doc);
    let published = crate::rules::published::extract(&doc, &facts);
    dates::infer_years(
        &doc,
        &mut facts,
        published.as_ref().map(|(d, _)| d.as_str()),
    );
    extract(
        &doc,
        &facts,
        &organizations::PartyIndex::new(text),
        default_assigner,
    )
}

/// One block per task.
fn render(text: &str) -> String {
    tasks(text, None)
        .iter()
        .map(|t| {
            format!(
                "- {} ({:?}) <- {} [{}]\n  action: {}\n  deadline: {} {}\n  with: {}\n  report to: {}\n  span: {}..{}",
                t.assignee,
                t.assignee_kind,
                t.assigner.as_deref().unwrap_or("-"),
                t.rule,
                t.action,
                t.deadline
                    .as_deref()
                    .or(t.deadline_period.as_deref())
                    .unwrap_or("-"),
                t.deadline_text.as_deref().map_or(String::new(), |d| format!("({d})")),
                t.coordinate_with.join(" | "),
                t.report_to.as_deref().unwrap_or("-"),
                t.evidence.span.0,
                t.evidence.span.1,
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

crate::fixture_snapshots!(render);

#[test]
fn the_default_assigner_is_used_only_where_the_text_names_none() {
    let t = "Sở Y tế có trách nhiệm kiểm tra an toàn thực phẩm.";
    let got = tasks(t, Some("Lê Văn Minh"));
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].assigner.as_deref(), Some("Lê Văn Minh"));
    let t = "UBND tỉnh yêu cầu Sở Y tế kiểm tra an toàn thực phẩm.";
    let got = tasks(t, Some("Lê Văn Minh"));
    assert_eq!(got[0].assigner.as_deref(), Some("Ủy ban nhân dân tỉnh"));
}

#[test]
fn partners_are_not_assignees_and_a_chair_is_not_a_task() {
    let t = "Phó Chủ tịch UBND tỉnh Lê Minh chủ trì hội nghị. Kết luận hội nghị, đồng chí yêu cầu Sở Xây dựng chủ trì, phối hợp với Sở Giao thông vận tải, UBND huyện Đông Anh kiểm tra công trình.";
    let got = tasks(t, None);
    let who: Vec<&str> = got.iter().map(|t| t.assignee.as_str()).collect();
    assert_eq!(who, ["Sở Xây dựng"]);
    assert_eq!(
        got[0].coordinate_with,
        ["Sở Giao thông vận tải", "Ủy ban nhân dân huyện Đông Anh"]
    );
    assert_eq!(
        got[0].assigner.as_deref(),
        Some("Phó Chủ tịch Ủy ban nhân dân tỉnh Lê Minh")
    );
}

#[test]
fn exhortations_and_reports_are_not_tasks() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/rules/tasks/fixtures/negatives.txt"
    ))
    .unwrap();
    assert!(tasks(&text, None).is_empty());
}

#[test]
fn duties_split_by_deadline_and_merge_without_one() {
    let t = "Kết luận cuộc họp, UBND tỉnh yêu cầu Sở Nội vụ có trách nhiệm: Rà soát biên chế; báo cáo trước ngày 10/3/2024; Hướng dẫn các huyện sắp xếp bộ máy; Tổ chức tập huấn cho cán bộ.";
    let got = tasks(t, None);
    let pairs: Vec<(&str, Option<&str>)> = got
        .iter()
        .map(|t| (t.assignee.as_str(), t.deadline.as_deref()))
        .collect();
    assert_eq!(
        pairs,
        [("Sở Nội vụ", Some("2024-03-10")), ("Sở Nội vụ", None)]
    );
    assert!(got[1].action.contains("Hướng dẫn") && got[1].action.contains("Tổ chức tập huấn"));
    assert_eq!(
        got[0].deadline_precision,
        Some(vngov_record::DatePrecision::Day)
    );
}

#[test]
fn a_generic_restatement_counts_once() {
    let t = "Giao Sở Tài chính chủ trì thẩm định dự toán, trình UBND tỉnh trước ngày 15/9/2022. Chủ tịch UBND tỉnh yêu cầu Giám đốc Sở Tài chính khẩn trương triển khai thực hiện.";
    let got = tasks(t, None);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].deadline.as_deref(), Some("2022-09-15"));
}

#[test]
fn every_task_has_an_assigner_evidence_and_span() {
    for f in [
        "numbered_conclusion.txt",
        "decision_articles.txt",
        "central_news.txt",
    ] {
        let path = format!(
            "{}/src/rules/tasks/fixtures/{f}",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(path).unwrap();
        let got = tasks(&text, None);
        assert!(!got.is_empty(), "{f}");
        for t in got {
            assert!(t.assigner.is_some(), "{f}: {}", t.assignee);
            assert!(t.evidence.span.1 > t.evidence.span.0);
            let said: String = text
                .chars()
                .skip(t.evidence.span.0)
                .take(t.evidence.span.1 - t.evidence.span.0)
                .collect();
            assert_eq!(said, t.evidence.text);
            assert!(t
                .evidence
                .evidence
                .contains(t.evidence.text.lines().next().unwrap()));
        }
    }
}

/// `(assignee, assigner, deadline)` of every task.
fn triples(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    tasks(text, None)
        .into_iter()
        .map(|t| (t.assignee, t.assigner, t.deadline))
        .collect()
}

#[test]
fn the_authority_opening_the_sentence_gives_the_order() {
    for (t, assignee, assigner, deadline) in [
        (
            "UBND tỉnh yêu cầu Sở Nội vụ rà soát biên chế, báo cáo trước ngày 15/01/2020.",
            "Sở Nội vụ",
            "Ủy ban nhân dân tỉnh",
            "2020-01-15",
        ),
        (
            "Theo đó, Chủ tịch UBND tỉnh yêu cầu Sở Tài chính cân đối nguồn vốn, hoàn thành trước ngày 30/6/2021.",
            "Sở Tài chính",
            "Chủ tịch Ủy ban nhân dân tỉnh",
            "2021-06-30",
        ),
        (
            "Ban Thường vụ Tỉnh ủy chỉ đạo Công an tỉnh khẩn trương điều tra, báo cáo kết quả trước ngày 10/5/2022.",
            "Công an tỉnh",
            "Ban Thường vụ Tỉnh ủy",
            "2022-05-10",
        ),
    ] {
        assert_eq!(
            triples(t),
            [(
                assignee.to_string(),
                Some(assigner.to_string()),
                Some(deadline.to_string())
            )],
            "{t}"
        );
    }
}

#[test]
fn each_item_of_a_duty_list_is_a_task() {
    let t = "Kết luận cuộc họp, Phó Chủ tịch UBND tỉnh giao nhiệm vụ cụ thể như sau:\na) Sở Giao thông vận tải: kiểm tra, sửa chữa các tuyến đường hư hỏng, hoàn thành trước ngày 31/3/2023;\nb) Sở Tài nguyên và Môi trường: hướng dẫn thủ tục giao đất cho nhà đầu tư;\nc) UBND các huyện, thị xã: phối hợp giải phóng mặt bằng.";
    let got = tasks(t, None);
    let who: Vec<&str> = got.iter().map(|t| t.assignee.as_str()).collect();
    assert_eq!(
        who,
        [
            "Sở Giao thông vận tải",
            "Sở Tài nguyên và Môi trường",
            "Ủy ban nhân dân các huyện, thị xã"
        ]
    );
    assert_eq!(got[0].deadline.as_deref(), Some("2023-03-31"));
    assert!(got[2].action.starts_with("phối hợp giải phóng"));
    // Outline numbers are markers, not actions.
    let t = "2. Giao nhiệm vụ\n2.1. Sở Kế hoạch và Đầu tư tổng hợp danh mục dự án, trình UBND tỉnh trước ngày 20/10/2022.\n2.2. Sở Xây dựng thẩm định thiết kế cơ sở các công trình.";
    let got = tasks(t, None);
    let pairs: Vec<(&str, &str)> = got
        .iter()
        .map(|t| (t.assignee.as_str(), t.action.as_str()))
        .collect();
    assert_eq!(pairs.len(), 2, "{pairs:?}");
    assert_eq!(
        pairs[1],
        ("Sở Xây dựng", "thẩm định thiết kế cơ sở các công trình")
    );
}

#[test]
fn recipients_and_rules_of_procedure_assign_nothing() {
    for t in [
        "Nơi nhận:\n- Viện Kiểm sát nhân dân tối cao;\n- Tòa án nhân dân tối cao;\n- Lưu: VT.",
        "Kính gửi: Sở Tài chính; Sở Kế hoạch và Đầu tư.",
        "Nghị định này quy định về thủ tục cấp thị thực; Chính phủ quy định hồ sơ được gửi Bộ Ngoại giao để xem xét trong thời hạn 05 ngày làm việc.",
        "UBND tỉnh đã hoàn thành việc rà soát biên chế trước ngày 15/01/2020.",
        "Chủ tịch UBND các cấp chịu trách nhiệm trước Chủ tịch UBND tỉnh nếu để dịch lây lan.",
        // "giao" inside a ministry's name.
        "Dự họp có Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn, Bộ trưởng Bộ Tư pháp Lê Thành\nLong, Bộ trưởng Bộ Y tế Nguyễn Thanh Long.",
    ] {
        assert!(triples(t).is_empty(), "{t}: {:?}", triples(t));
    }
}

#[test]
fn classes_bodies_below_the_province_and_listed_officials_are_assignees() {
    let who = |t: &str| -> Vec<String> { tasks(t, None).into_iter().map(|t| t.assignee).collect() };
    assert_eq!(
        who("Chủ tịch UBND tỉnh yêu cầu các sở, ban, ngành, địa phương khẩn trương triển khai các giải pháp phòng, chống dịch."),
        ["các sở, ban, ngành", "địa phương"]
    );
    assert_eq!(
        who("Giao Chi cục Quản lý đất đai phối hợp với Trung tâm Phát triển quỹ đất thành phố rà soát quỹ đất công."),
        ["Chi cục Quản lý đất đai"]
    );
    assert_eq!(
        who("Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tài chính, Chủ tịch UBND huyện Tuy Phước chịu trách nhiệm thi hành Quyết định này."),
        [
            "Chánh Văn phòng Ủy ban nhân dân tỉnh",
            "Giám đốc Sở Tài chính",
            "Chủ tịch Ủy ban nhân dân huyện Tuy Phước"
        ]
    );
    // A telegram's ministers, listed after a colon, and the provinces narrowed.
    let got = tasks("Thủ tướng Chính phủ yêu cầu: Bộ trưởng các Bộ: Quốc phòng, Công an; Chủ tịch UBND các tỉnh ven biển từ Quảng Ninh đến Thanh Hóa tiếp tục theo dõi chặt chẽ diễn biến của bão.", None);
    let who: Vec<&str> = got.iter().map(|t| t.assignee.as_str()).collect();
    assert_eq!(
        who,
        [
            "Bộ trưởng Bộ Quốc phòng",
            "Bộ trưởng Bộ Công an",
            "Chủ tịch Ủy ban nhân dân các tỉnh ven biển từ Quảng Ninh đến Thanh Hóa"
        ]
    );
    assert!(got
        .iter()
        .all(|t| t.action.starts_with("tiếp tục theo dõi")));
    assert!(got
        .iter()
        .all(|t| t.assigner.as_deref() == Some("Thủ tướng Chính phủ")));
}

#[test]
fn a_quoted_direction_said_to_be_one() {
    let t = "“Sở Y tế chủ trì, phối hợp với UBND các huyện kiểm tra an toàn thực phẩm tại các bếp ăn tập thể”. Đó là chỉ đạo của UBND tỉnh đối với Sở Y tế nhằm bảo đảm an toàn thực phẩm.";
    assert_eq!(
        triples(t),
        [(
            "Sở Y tế".to_string(),
            Some("Ủy ban nhân dân tỉnh".to_string()),
            None
        )]
    );
    for t in [
        // The direction is to another body than the quoted sentence's subject.
        "“Sở Y tế đã kiểm tra 120 bếp ăn tập thể”. Đó là chỉ đạo của UBND tỉnh đối với Sở Công Thương.",
        // Nobody directed.
        "“Sở Y tế kiểm tra các bếp ăn tập thể”. Đó là chỉ đạo của UBND tỉnh tại hội nghị.",
    ] {
        assert!(triples(t).is_empty(), "{t}: {:?}", triples(t));
    }
}

#[test]
fn a_directing_verb_closing_its_unit_names_nobody() {
    for t in [
        "Đoàn công tác của Bộ Ngoại giao\n\nKế hoạch năm 2024.",
        "Nhiệm vụ được giao | Kết quả\nUBND tỉnh yêu cầu\n\n2. Tình hình",
        "Sở Tài chính đề nghị",
        "Đại biểu Lê Văn An (Cà Mau) đề nghị\n(PLO) - Tại phiên thảo luận, nhiều đại biểu phát biểu.",
    ] {
        assert!(triples(t).is_empty(), "{t:?}: {:?}", triples(t));
    }
}

#[test]
fn the_scope_of_a_duty_may_stand_before_its_verb() {
    let t = "IV. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.\n2. Các sở, ban, ngành, UBND các huyện căn cứ chức năng, nhiệm vụ được giao triển khai thực hiện Kế hoạch này.";
    let who: Vec<String> = tasks(t, None).into_iter().map(|t| t.assignee).collect();
    assert_eq!(
        who,
        [
            "Sở Tài chính",
            "Các sở, ban, ngành",
            "Ủy ban nhân dân các huyện"
        ]
    );
    // A report of what was done on that ground directs nobody.
    let t =
        "Năm 2023, các sở, ban, ngành căn cứ chức năng, nhiệm vụ đã triển khai nhiều giải pháp.";
    assert!(tasks(t, None).is_empty());
}

#[test]
fn a_deputy_prime_minister_is_not_the_prime_minister() {
    let got = triples("Phó Thủ tướng giao Bộ Công Thương nghiên cứu, đề xuất cơ chế, báo cáo Thủ tướng Chính phủ trong tháng 6/2023.");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1.as_deref(), Some("Phó Thủ tướng Chính phủ"));
}

#[test]
fn party_committees_and_governments_of_every_level_are_a_class() {
    let who: Vec<String> = tasks(
        "Ban Thường vụ Thành ủy yêu cầu cấp ủy, chính quyền các cấp tập trung lãnh đạo, chỉ đạo thực hiện.",
        None,
    )
    .into_iter()
    .map(|t| t.assignee)
    .collect();
    assert_eq!(who, ["cấp ủy", "chính quyền các cấp"]);
    // A verb of work right after the directing verb still opens the action.
    let got = tasks(
        "UBND tỉnh yêu cầu tổ chức triển khai ngay các giải pháp.",
        None,
    );
    assert!(
        got.is_empty(),
        "{:?}",
        got.iter().map(|t| &t.assignee).collect::<Vec<_>>()
    );
}

#[test]
fn the_one_who_directs_is_not_directed() {
    for t in [
        "Chiều 5/3/2024, huyện tổ chức hội nghị.\nĐ/c Lê Văn An, Tỉnh ủy viên, Bí thư Huyện ủy phát biểu chỉ đạo Hội nghị.",
        "Chủ tịch UBND tỉnh cũng yêu cầu tăng cường phòng chống dịch bệnh.",
    ] {
        assert!(triples(t).is_empty(), "{t}: {:?}", triples(t));
    }
    let t = "Phó Thủ tướng giao các bộ rà soát quy hoạch.\nPhó Thủ tướng lưu ý trong quá trình lập quy hoạch tỉnh phải bảo đảm tính liên kết vùng.";
    let who: Vec<String> = tasks(t, None).into_iter().map(|t| t.assignee).collect();
    assert_eq!(who, ["các bộ"]);
}

#[test]
fn ranges_answer_as_reading_every_range_would() {
    // Ranges that nest, touch, overlap and are empty, added in no order.
    let all: Vec<Range<usize>> = (0..60)
        .map(|k| {
            let start = (k * 37) % 50;
            start..start + (k * 11) % 9
        })
        .collect();
    let mut ranges = Ranges::new(all.iter().map(|r| r.start).collect());
    for (n, r) in all.iter().enumerate() {
        for a in 0..55 {
            for b in a..a + 6 {
                let q = a..b;
                let brute = all[..n].iter().any(|o| overlaps(o, &q));
                assert_eq!(ranges.overlaps(&q), brute, "{q:?} after {n} ranges");
            }
        }
        ranges.add(r);
    }
}
