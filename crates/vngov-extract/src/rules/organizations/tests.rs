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
    let orgs = extract(&crate::Doc::new(t));
    assert_eq!(orgs.len(), 1);
    assert_eq!(orgs[0].name, "Sở Thông tin và Truyền thông");
    assert_eq!(
        orgs[0].forms,
        ["Sở TT&TT", "Sở Thông tin và Truyền thông", "STTTT"]
    );
    assert_eq!(orgs[0].mentions.len(), 3);
    assert_eq!(orgs[0].kind, vngov_record::OrganizationKind::Department);
}

/// Every fixture text of every rule family.
fn all_fixture_texts() -> Vec<String> {
    let rules = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    let mut out = Vec::new();
    for family in std::fs::read_dir(rules).expect("rules dir").flatten() {
        let Ok(files) = std::fs::read_dir(family.path().join("fixtures")) else {
            continue;
        };
        for f in files.flatten() {
            if f.path().extension().is_some_and(|e| e == "txt") {
                out.push(std::fs::read_to_string(f.path()).expect("fixture"));
            }
        }
    }
    out
}

#[test]
fn no_rule_matches_where_no_party_may_open() {
    let mut texts = all_fixture_texts();
    texts.push(
        "STTTT, Stttt và S TT&TT; đ/c Lê Văn A, Đ/C Lê Văn B; ĐỒNG CHÍ Hà; VP UBND, \
         vp ubnd; CÁC SỞ, thành viên Ban Chỉ đạo; 2025 Phó Chủ tịch; Tống Quang Thìn, \
         TVTU, Phó Chủ tịch UBND tỉnh"
            .into(),
    );
    texts.push(
        "tỉnh Bình Định, Tỉnh ủy, tỉnh ủy viên, TỈNH ỦY; công an tỉnh, Công an, cơ quan, \
         hội nghị, Hội Nông dân, huyện ủy, Huyện\nủy; chủ trì, Chủ tịch, thủ trưởng các \
         đơn vị, Giám đốc Sở, ông Ba, bà\u{a0}Lan, Ông Lê Văn A; sở ngành, cấp xã, địa \
         phương, Ủy ban nhân dân, UỶ BAN, chính quyền, Chính phủ, Thủ tướng"
            .into(),
    );
    let mut rejected = 0;
    for t in &texts {
        for at in (0..t.len()).filter(|&i| grammar::word_start(t, i)) {
            if grammar::may_open(&lexicon::Text::new(t), at) {
                continue;
            }
            rejected += 1;
            assert_eq!(grammar::person_at(t, at), None, "{}", &t[at..]);
            assert_eq!(grammar::body_at(t, at, false), None, "{}", &t[at..]);
            assert_eq!(grammar::body_at(t, at, true), None, "{}", &t[at..]);
            assert_eq!(grammar::class_at(t, at), None, "{}", &t[at..]);
        }
    }
    assert!(rejected > 1000);
}

#[test]
fn scan_finds_what_party_at_finds_at_each_offset() {
    let mut texts = all_fixture_texts();
    texts.push(
        "Số 52/TB-UBND, UBND-Sở Tài chính/Sở Nội vụ; Sở-TT&TT, Ủy ban nhân dân tỉnh–huyện \
         «Sở Y tế» 2025Sở Tư pháp; Đ/c Lê Văn A -Giám đốc Sở Xây dựng"
            .into(),
    );
    for t in texts {
        let mut expected = Vec::new();
        let mut i = 0;
        while i < t.len() {
            if let Some(p) = party_at(&t, i) {
                i = p.range.end;
                expected.push(p);
                continue;
            }
            i += t[i..].chars().next().map_or(1, char::len_utf8);
        }
        assert_eq!(scan(&t), expected);
    }
}

#[test]
fn heads_and_honorifics_found_by_first_word_match_as_the_lists_do() {
    let t = "Chi cục Thuế, Tổng cục Hải quan, sở Tài chính, Đ/c Hà, đồng chí Lan, ông Ba";
    for at in (0..t.len()).filter(|&i| grammar::word_start(t, i)) {
        let head = grammar::SECTOR_HEADS
            .iter()
            .enumerate()
            .find_map(|(i, (h, _))| lexicon::eat(t, at, h, false).map(|e| (e, i)));
        assert_eq!(grammar::HEAD_FORMS.longest(t, at), head);
        let honorific = grammar::HONORIFICS
            .iter()
            .find_map(|h| lexicon::eat(t, at, h, false));
        assert_eq!(
            grammar::HONORIFIC_FORMS.longest(t, at).map(|(e, _)| e),
            honorific
        );
    }
}

#[test]
fn the_index_answers_as_party_at_and_scan_do() {
    for t in all_fixture_texts() {
        let index = PartyIndex::new(&t);
        assert_eq!(index.parties(), scan(&t).as_slice());
        for at in 0..=t.len() {
            assert_eq!(index.party_at(at), party_at(&t, at), "at {at}");
            let ending = index.parties().iter().find(|p| p.range.end == at);
            assert_eq!(index.ending_at(at), ending);
        }
        let doc = crate::Doc::new(&t);
        assert_eq!(extract_from(&doc, index.parties()), extract(&doc));
    }
}

#[test]
fn opening_words_are_the_first_words_of_the_fixed_phrases() {
    let fixed = ["Văn phòng", "VP", "các", "thành viên"];
    assert_eq!(
        fixed.map(lexicon::first_word),
        grammar::OPENING_WORDS.map(String::from)
    );
}
