//! Snapshot tests over `fixtures/*.txt` and unit tests for the tricky cases.

use super::*;

/// One line per party: `written | kind | canonical | org`.
fn render(text: &str) -> String {
    scan(text)
        .iter()
        .map(|p| {
            format!(
                "{} | {:?} | {} | {}",
                grammar::squash(&text[p.range.clone()]),
                p.kind,
                p.name,
                p.org
                    .as_ref()
                    .map_or("-".to_string(), |o| format!("{} ({:?})", o.name, o.kind))
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

crate::fixture_snapshots!(render);

#[test]
fn canonical_expands_abbreviations() {
    assert_eq!(canonical("Sở TT&TT"), "Sở Thông tin và Truyền thông");
    assert_eq!(
        canonical("UBND TP Thái Nguyên"),
        "Ủy ban nhân dân thành phố Thái Nguyên"
    );
    assert_eq!(canonical("VP UBND tỉnh"), "Văn phòng Ủy ban nhân dân tỉnh");
    assert_eq!(canonical("Sở Kế hoạch - Đầu tư"), "Sở Kế hoạch và Đầu tư");
    assert_eq!(
        canonical("các Ban QLDA chuyên ngành tỉnh"),
        "các Ban Quản lý dự án chuyên ngành tỉnh"
    );
}

#[test]
fn party_at_an_offset() {
    let t = "Giao Sở NN&PTNT chủ trì";
    let p = party_at(t, "Giao ".len()).unwrap();
    assert_eq!(p.name, "Sở Nông nghiệp và Phát triển nông thôn");
    assert_eq!(&t[p.range], "Sở NN&PTNT");
    assert!(party_at(t, 1).is_none());
}

#[test]
fn a_post_name_is_not_a_place() {
    let t = "Phó Chủ tịch UBND tỉnh Nguyễn Phi Long chủ trì";
    let p = party_at(t, 0).unwrap();
    assert_eq!(p.kind, PartyKind::Person);
    assert_eq!(p.org.unwrap().name, "Ủy ban nhân dân tỉnh");
    assert_eq!(p.name, "Phó Chủ tịch Ủy ban nhân dân tỉnh Nguyễn Phi Long");
}

#[test]
fn organizations_once_each_with_their_forms() {
    let t = "Sở TT&TT báo cáo. Giám đốc Sở Thông tin và Truyền thông phát biểu; STTTT sẽ làm.";
    let orgs = extract(&crate::Doc::new(t), &scan(t));
    assert_eq!(orgs.len(), 1);
    assert_eq!(orgs[0].name, "Sở Thông tin và Truyền thông");
    assert_eq!(
        orgs[0].forms,
        ["Sở TT&TT", "Sở Thông tin và Truyền thông", "STTTT"]
    );
    assert_eq!(orgs[0].mentions.len(), 3);
    assert_eq!(orgs[0].kind, vngov_record::OrganizationKind::Department);
}
