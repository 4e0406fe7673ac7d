//! Tests for the people rules: snapshots over the fixtures, and explicit asserts.

use super::*;

/// `(name, titles, honorific)` of every named mention.
fn named(text: &str) -> Vec<(String, Vec<String>, Option<String>)> {
    mentions(text)
        .into_iter()
        .filter_map(|m| {
            Some((
                m.name?,
                m.titles.into_iter().map(|t| t.text).collect(),
                m.honorific,
            ))
        })
        .collect()
}

fn names(text: &str) -> Vec<String> {
    named(text).into_iter().map(|(n, _, _)| n).collect()
}

#[test]
fn snapshots() {
    insta::glob!("fixtures/*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let doc = Doc::new(&text);
        let ms = mentions(&text);
        let out: Vec<String> = extract(&doc, &ms)
            .into_iter()
            .map(|p| {
                let titles: Vec<String> = p
                    .titles
                    .iter()
                    .map(|t| {
                        format!(
                            "{} [{} | {}]",
                            t.text,
                            t.position.as_deref().unwrap_or("-"),
                            t.organization.as_deref().unwrap_or("-")
                        )
                    })
                    .collect();
                format!(
                    "{} ({}) x{}\n  {}",
                    p.name,
                    p.honorific.as_deref().unwrap_or("-"),
                    p.mentions.len(),
                    titles.join("\n  ")
                )
            })
            .collect();
        insta::assert_snapshot!(out.join("\n"));
    });
}

#[test]
fn title_before_the_name() {
    assert_eq!(
        named("Ngày 25/12/2018, Phó Chủ tịch UBND tỉnh Nguyễn Phi Long đã chủ trì"),
        [(
            "Nguyễn Phi Long".to_string(),
            vec!["Phó Chủ tịch UBND tỉnh".to_string()],
            None
        )]
    );
    assert_eq!(
        names("Bộ trưởng Chủ nhiệm Văn phòng Chính phủ Trần Văn Sơn, Phó"),
        ["Trần Văn Sơn"]
    );
    let n = named("Kết luận của Chủ tịch UBND tỉnh, Dương Ngọc Long tại cuộc làm việc");
    assert_eq!(n[0].0, "Dương Ngọc Long");
    assert_eq!(n[0].1, ["Chủ tịch UBND tỉnh"]);
}

#[test]
fn title_after_the_name() {
    let n = named(
        "Đồng chí Đặng Xuân Thanh, Phó Chủ tịch UBND tỉnh, Trưởng Ban chỉ đạo chủ trì cuộc họp.",
    );
    assert_eq!(n.len(), 1);
    assert_eq!(n[0].0, "Đặng Xuân Thanh");
    assert_eq!(n[0].1, ["Phó Chủ tịch UBND tỉnh", "Trưởng Ban chỉ đạo"]);
    assert_eq!(n[0].2.as_deref(), Some("Đồng chí"));
    let n =
        named("Đ/c Nguyễn Thị Bích Ngọc Phó Bí thư Thành ủy, Phó Chủ tịch UBND Thành phố kết luận");
    assert_eq!(
        n[0].1,
        ["Phó Bí thư Thành ủy", "Phó Chủ tịch UBND Thành phố"]
    );
    assert_eq!(n[0].2.as_deref(), Some("Đ/c"));
    let n = named("Đồng chí Tống Quang Thìn, TVTU, PCT UBND tỉnh phát biểu");
    assert_eq!(n[0].1, ["TVTU", "PCT UBND tỉnh"]);
    let n = named("ông Trần Văn Bình - Giám đốc Sở Tài chính cho biết");
    assert_eq!(n[0].1, ["Giám đốc Sở Tài chính"]);
}

#[test]
fn lists() {
    assert_eq!(
        names("có các Phó Thủ tướng Chính phủ: Lê Minh Khái, Vũ Đức Đam, Lê Văn Thành, Bộ trưởng Bộ Quốc phòng Phan Văn Giang;"),
        ["Lê Minh Khái", "Vũ Đức Đam", "Lê Văn Thành", "Phan Văn Giang"]
    );
    let n = named("và các đồng chí: Lại Thế Nguyên, Phó Bí thư Tỉnh ủy; Đỗ Minh Tuấn, Chủ tịch UBND tỉnh, Hội nghị");
    assert_eq!(n.len(), 2);
    assert_eq!(n[1].1, ["Chủ tịch UBND tỉnh"]);
}

#[test]
fn upper_case_heading_and_repeats() {
    let t = "KẾT LUẬN CỦA THỦ TƯỚNG CHÍNH PHỦ PHẠM MINH\nCHÍNH TẠI PHIÊN HỌP\nThủ tướng Phạm Minh Chính chủ trì. Sau đó Phạm Minh Chính nói.";
    let doc = Doc::new(t);
    let people = extract(&doc, &mentions(t));
    assert_eq!(people.len(), 1);
    assert_eq!(people[0].name, "Phạm Minh Chính");
    assert_eq!(people[0].mentions.len(), 3);
    assert_eq!(people[0].mentions[0].text, "PHẠM MINH\nCHÍNH");
}

#[test]
fn places_and_bodies_are_not_people() {
    for t in [
        "Chủ tịch UBND huyện Bắc Hà phát biểu",
        "Ban chỉ đạo tỉnh Lào Cai họp",
        "UBND Thành phố Hồ Chí Minh",
        "Lê Văn Minh",
        "Trường Nguyễn Du",
    ] {
        assert!(names(t).is_empty(), "{t}: {:?}", names(t));
    }
}

#[test]
fn a_title_alone_stands_for_the_one_person_who_holds_it() {
    let t = "Chủ tịch UBND tỉnh kết luận. Chủ tịch UBND tỉnh Lê Thanh Cung yêu cầu.";
    let ms = mentions(t);
    assert_eq!(ms[0].name, None);
    assert_eq!(resolve(&ms[0], &ms).as_deref(), Some("Lê Thanh Cung"));
    let t = "Phó Chủ tịch UBND tỉnh kết luận. Phó Chủ tịch UBND tỉnh Lê Văn An và Phó Chủ tịch UBND tỉnh Trần Văn Bình.";
    let ms = mentions(t);
    assert_eq!(resolve(&ms[0], &ms), None);
}

#[test]
fn rules_find_nothing_where_no_rule_may_start() {
    for entry in std::fs::read_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/rules/people/fixtures"
    ))
    .unwrap()
    {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let toks = tokens::tokenize(&text);
        let mut skipped = 0;
        for i in (0..toks.len()).filter(|&i| !may_start(&toks[i])) {
            skipped += 1;
            for (name, rule) in RULES {
                assert!(
                    rule(&toks, &text, i).is_none(),
                    "{name} at {}",
                    toks[i].text()
                );
            }
        }
        assert!(skipped > 0);
    }
}

#[test]
fn names_whose_syllables_are_words() {
    assert_eq!(
        names("Dự có đồng chí Lê Văn Trưởng, Giám đốc Sở Nội vụ và ông Phan Văn Sở, Trưởng phòng."),
        ["Lê Văn Trưởng", "Phan Văn Sở"]
    );
    assert_eq!(
        names(
            "Chủ tịch UBND tỉnh Nguyễn Văn Tỉnh và đồng chí Trịnh Xuân Trường, Phó Bí thư Tỉnh ủy"
        ),
        ["Nguyễn Văn Tỉnh", "Trịnh Xuân Trường"]
    );
    assert_eq!(names("Giám đốc Sở Xây dựng Võ Thành dự họp."), ["Võ Thành"]);
}
