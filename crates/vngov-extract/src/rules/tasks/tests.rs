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
