//! The whole chain: text, offset round trips, repairs, and robustness.

use vngov_text::{fold, normalize, Normalized, Options, RepairKind, ToneStyle};

fn norm(input: &str) -> Normalized {
    normalize(input, &Options::default())
}

/// The input text behind the output span of `needle`.
fn source_of(input: &str, n: &Normalized, needle: &str) -> String {
    let b = n.text.find(needle).expect("needle in output");
    let s = n.text[..b].chars().count();
    let e = s + needle.chars().count();
    let (a, z) = (n.map.to_input(s), n.map.to_input_end(e));
    input.chars().skip(a).take(z - a).collect()
}

/// Offsets are in bounds and never go backwards.
fn check_map(input: &str, n: &Normalized) {
    let len = n.text.chars().count();
    let input_len = input.chars().count();
    assert_eq!(n.map.len(), len);
    let mut last = 0;
    for i in 0..len {
        let (s, e) = (n.map.to_input(i), n.map.to_input_end(i + 1));
        assert!(
            s <= e && e <= input_len,
            "char {i}: {s}..{e} of {input_len}"
        );
        assert!(s >= last, "char {i} goes back");
        last = s;
    }
    assert_eq!(n.map.to_input(len), input_len);
    for r in &n.repairs {
        assert!(r.offset <= input_len);
    }
}

const NOTICE: &str = "UBND TỈNH NINH BÌNH\r\n\r\n\r\nKẾ HOẠCH\r\nTRIỂNKHAI THỰC HIỆN Quyết định số 1072/QĐ-TTg\r\n\
  \r\nÐến nay,\u{A0}hạ tầng công nghệ thông tin(CNTT) tại các sở, ngành,thị trấn đã được\t\tđầu tư.  \n\
  Phó Chủ tịch tỉnh khẳng định:ứng dụng CNTT là cơ chếtriển khai hiệu quả. T\n\nrước mắt, \
  Uỷ ban nhân dân tỉnh sẽ hoàn thiện qui định về hoà giải, đạt 0,95 điểm, tỷ lệ 95,6%.\n\
  Xem tại Baoninhbinh.org.vn hoặc http://ninhbinh.gov.vn/tin,tuc.";

#[test]
fn a_notice_comes_out_clean() {
    let n = norm(NOTICE);
    assert_eq!(
        n.text,
        "UBND TỈNH NINH BÌNH\n\nKẾ HOẠCH\nTRIỂN KHAI THỰC HIỆN Quyết định số 1072/QĐ-TTg\n\n\
         Đến nay, hạ tầng công nghệ thông tin (CNTT) tại các sở, ngành, thị trấn đã được đầu tư.\n\
         Phó Chủ tịch tỉnh khẳng định: ứng dụng CNTT là cơ chế triển khai hiệu quả. Trước mắt, \
         Ủy ban nhân dân tỉnh sẽ hoàn thiện quy định về hòa giải, đạt 0,95 điểm, tỷ lệ 95,6%.\n\
         Xem tại Baoninhbinh.org.vn hoặc http://ninhbinh.gov.vn/tin,tuc."
    );
    check_map(NOTICE, &n);
    let kinds: Vec<RepairKind> = n.repairs.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [
            RepairKind::SplitSyllables,
            RepairKind::LookAlike,
            RepairKind::InsertedSpace,
            RepairKind::InsertedSpace,
            RepairKind::InsertedSpace,
            RepairKind::SplitSyllables,
            RepairKind::JoinedBrokenWord,
        ]
    );
}

#[test]
fn spans_map_back_to_the_original_words() {
    let n = norm(NOTICE);
    assert_eq!(source_of(NOTICE, &n, "Trước"), "T\n\nrước");
    assert_eq!(source_of(NOTICE, &n, "Đến"), "Ðến");
    assert_eq!(source_of(NOTICE, &n, "TRIỂN KHAI"), "TRIỂNKHAI");
    assert_eq!(source_of(NOTICE, &n, "KHAI"), "KHAI");
    assert_eq!(source_of(NOTICE, &n, "tin (CNTT)"), "tin(CNTT)");
    assert_eq!(source_of(NOTICE, &n, "Ủy ban"), "Uỷ ban");
    assert_eq!(source_of(NOTICE, &n, "quy định"), "qui định");
    assert_eq!(source_of(NOTICE, &n, "đạt 0,95"), "đạt 0,95");
    assert_eq!(source_of(NOTICE, &n, "nay, hạ"), "nay,\u{A0}hạ");
    assert_eq!(source_of(NOTICE, &n, "được đầu"), "được\t\tđầu");
    assert_eq!(source_of(NOTICE, &n, "1072/QĐ-TTg"), "1072/QĐ-TTg");
}

#[test]
fn decomposed_input_maps_whole_letters() {
    let input = "Ngh\u{1ECB} quye\u{302}\u{301}t so\u{302}\u{301} 36-NQ/TW";
    let n = norm(input);
    assert_eq!(n.text, "Nghị quyết số 36-NQ/TW");
    assert_eq!(source_of(input, &n, "quyết"), "quye\u{302}\u{301}t");
    // A span ending inside the composed letter still covers all of its input.
    let s = n.text.chars().position(|c| c == 'ế').unwrap();
    assert_eq!(n.map.to_input_end(s + 1) - n.map.to_input(s), 3);
    check_map(input, &n);
}

#[test]
fn tone_styles() {
    let input = "Hoà Bình, thuỷ lợi, ỦY BAN, khỏe, hoàn thành, qui định";
    let with = |tone_style| {
        normalize(
            input,
            &Options {
                tone_style,
                ..Options::default()
            },
        )
        .text
    };
    assert_eq!(
        with(ToneStyle::Classic),
        "Hòa Bình, thủy lợi, ỦY BAN, khỏe, hoàn thành, quy định"
    );
    assert_eq!(
        with(ToneStyle::Modern),
        "Hoà Bình, thuỷ lợi, UỶ BAN, khoẻ, hoàn thành, quy định"
    );
    assert_eq!(with(ToneStyle::Keep), input);
    assert_eq!(
        fold(&with(ToneStyle::Classic)),
        fold(&with(ToneStyle::Modern))
    );
}

#[test]
fn repairs_can_be_turned_off() {
    let input = "T\n\nrước mắt, cơ chếtriển khai:ứng dụng";
    let n = normalize(
        input,
        &Options {
            repair_broken_words: false,
            repair_missing_spaces: false,
            ..Options::default()
        },
    );
    assert_eq!(n.text, input);
    assert!(n.repairs.is_empty());
}

#[test]
fn normalizing_twice_changes_nothing() {
    let once = norm(NOTICE).text;
    assert_eq!(norm(&once).text, once);
    assert!(norm(&once).repairs.is_empty());
}

#[test]
fn odd_inputs_do_not_panic() {
    let long_line = "nhândân ".repeat(5000) + &"x".repeat(20000);
    let odd = [
        "",
        " ",
        "\n\n\n",
        "\r",
        "\u{301}",
        "\u{301}\u{323}\u{302}",
        "a\u{301}\u{301}\u{301}\u{301}",
        "\u{200B}\u{FEFF}\u{AD}",
        "🇻🇳 Việt Nam 👍🏽 ok",
        "Русский текст, 中文, العربية, ελληνικά",
        "Ð ð ÐÐÐ ðð Ð\n\nÐ",
        "T\n\n",
        "\n\nrước",
        ":,;.()",
        "a:(b),c;d.e)f(",
        "ệệệệệệệệệệệệệệệệệệệệ",
        "qui QUI quí Qui qu q",
        "x\u{0}y\u{7F}z",
        "\u{D55C}\u{1100}\u{1161}\u{11A8}",
        long_line.as_str(),
    ];
    for input in odd {
        for tone_style in [ToneStyle::Classic, ToneStyle::Modern, ToneStyle::Keep] {
            let n = normalize(
                input,
                &Options {
                    tone_style,
                    ..Options::default()
                },
            );
            check_map(input, &n);
            assert!(!n.text.starts_with(char::is_whitespace));
            assert!(!n.text.ends_with(char::is_whitespace));
        }
    }
}

#[test]
fn pseudo_random_inputs_keep_the_map_sound() {
    let pieces = [
        "a", "ệ", "e\u{302}", "\u{301}", "Ð", "đ", "T", "rước", "nhân", "dân", " ", "\t", "\u{A0}",
        "\n", "\r\n", "\u{200B}", ":", ",", ".", "(", ")", "1", "0,95", "/", "@", "http://",
        "UBND", "qui", "hoà", "🙂", "中",
    ];
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..2000 {
        let mut input = String::new();
        for _ in 0..(seed % 24) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            input.push_str(pieces[(seed % pieces.len() as u64) as usize]);
        }
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
        check_map(&input, &norm(&input));
    }
}

#[test]
fn a_megabyte_keeps_its_map_sound() {
    // Speed is measured by the benchmarks; here, that every repair of a long text
    // still maps back to its input.
    let para = "Ủy ban nhân dân tỉnh ban hành Kế hoạch số 295/KH-UBND ngày 24/02/2024 về \
                triển khai ứng dụng công nghệ thông tin(CNTT), cơ chếtriển khai, nhândân, \
                đạt 0,95 điểm.\r\n\r\n";
    let input = para.repeat(1_000_000 / para.len() + 1);
    let n = norm(&input);
    check_map(&input, &n);
    assert!(n.text.contains("cơ chế triển khai, nhân dân"));
}
