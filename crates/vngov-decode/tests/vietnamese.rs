//! Vietnamese text in every storage: each fixture is written here in Unicode and
//! encoded with the crate's own tables, so the expected text is known exactly.

use unicode_normalization::UnicodeNormalization;
use vngov_decode::{decode, tcvn3, viscii, vni, DecodeError, Format, Hint};

/// A notice in the style of a provincial office (lower-case TCVN3 has no code for
/// capitals with tone marks, so none are used here).
const NOTICE: &str = "UBND tỉnh Bình Phước\n\
    Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\
    Căn cứ Nghị định số 34/2016/NĐ-CP của Chính phủ quy định chi tiết một số điều;\n\
    Xét đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 125/TTr-STC,\n\
    Điều 1. Phê duyệt kế hoạch phân bổ vốn đầu tư phát triển năm 2009 cho các huyện.\n\
    Điều 2. Giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các sở, ngành liên quan\n\
    hướng dẫn, kiểm tra việc thực hiện; báo cáo kết quả trước ngày 15/12/2009.\n\
    Điều 3. Chánh Văn phòng UBND tỉnh, thủ trưởng các cơ quan, đơn vị có liên quan\n\
    chịu trách nhiệm thi hành quyết định này kể từ ngày ký.\n";

const REPORT: &str = "Báo cáo tình hình thực hiện nhiệm vụ quý III\n\
    Trong quý, toàn ngành đã tổ chức 12 lớp tập huấn cho người lao động;\n\
    tỷ lệ hộ nghèo giảm còn 4,5%, thu ngân sách đạt 95,6% dự toán.\n\
    Đồng chí Phó Chủ tịch nhấn mạnh việc ứng dụng công nghệ thông tin.\n";

fn cp1252(s: &str) -> Vec<u8> {
    encoding_rs::WINDOWS_1252.encode(s).0.into_owned()
}

/// Windows-1258 keeps letters with circumflex, breve or horn whole and writes the tone
/// as a combining mark after them.
fn windows1258(s: &str) -> Vec<u8> {
    const TONES: [char; 5] = ['\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}'];
    let mut out = Vec::new();
    for c in s.chars() {
        let parts: Vec<char> = c.nfd().collect();
        let tone: String = parts.iter().filter(|p| TONES.contains(p)).collect();
        let base: String = parts
            .iter()
            .copied()
            .filter(|p| !TONES.contains(p))
            .nfc()
            .collect();
        let split = format!("{base}{tone}");
        let (bytes, _, bad) = encoding_rs::WINDOWS_1258.encode(&split);
        if !bad {
            out.extend_from_slice(&bytes);
            continue;
        }
        // A letter the code page has whole (à, á, é …).
        let whole = c.to_string();
        let (bytes, _, bad) = encoding_rs::WINDOWS_1258.encode(&whole);
        assert!(!bad, "{c}");
        out.extend_from_slice(&bytes);
    }
    out
}

fn read(bytes: &[u8]) -> vngov_decode::Decoded {
    decode(bytes, &Hint::default()).expect("decodes")
}

#[test]
fn tcvn3_text_is_detected_and_converted() {
    let bytes = tcvn3::encode(NOTICE).expect("encodable");
    assert!(bytes.contains(&0xAD), "ư is the soft-hyphen byte");
    let d = read(&bytes);
    assert_eq!(d.encoding, "tcvn3");
    assert_eq!(d.text, NOTICE);
}

#[test]
fn vni_text_is_detected_and_converted() {
    for text in [
        NOTICE,
        REPORT,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n",
    ] {
        let d = read(&vni::encode(text).expect("encodable"));
        assert_eq!(d.encoding, "vni");
        assert_eq!(d.text, text);
    }
}

#[test]
fn windows_1258_text_is_detected_and_composed() {
    let bytes = windows1258(REPORT);
    assert!(
        bytes.contains(&0xF2) && bytes.contains(&0xDE),
        "combining dot and tilde"
    );
    let d = read(&bytes);
    assert_eq!(d.encoding, "windows-1258");
    assert_eq!(d.text, REPORT);
}

/// A notice written for this test, with capitals VISCII keeps on control codes
/// ("Ỷ" is 0x14).
const VISCII_NOTICE: &str = "THÔNG BÁO KẾT LUẬN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\
    Chiều ngày 24/02, đồng chí Phó Chủ tịch chủ trì cuộc họp về ứng dụng công nghệ thông tin.\n\
    Các sở, ngành không được ỷ lại, KHÔNG Ỷ LẠI vào cấp trên; Sở Tài chính báo cáo trước ngày 25/3.\n";

#[test]
fn viscii_text_is_detected_and_converted() {
    for text in [VISCII_NOTICE, NOTICE, REPORT] {
        let bytes = viscii::encode(text).expect("encodable");
        assert!(bytes.iter().any(|&b| b >= 0x80));
        let d = read(&bytes);
        assert_eq!(d.encoding, "viscii", "{text}");
        assert_eq!(d.text, text);
        assert!(
            d.warnings.iter().all(|w| w.code != "control_character"),
            "VISCII's capitals on control codes are letters: {:?}",
            d.warnings
        );
    }
    assert!(viscii::encode(VISCII_NOTICE).unwrap().contains(&0x14));
}

#[test]
fn other_legacy_texts_are_not_taken_for_viscii() {
    for text in [NOTICE, REPORT] {
        assert_eq!(read(&tcvn3::encode(text).unwrap()).encoding, "tcvn3");
        assert_eq!(read(&vni::encode(text).unwrap()).encoding, "vni");
        assert_eq!(read(&windows1258(text)).encoding, "windows-1258");
    }
}

#[test]
fn a_declared_charset_is_used() {
    let hint = Hint {
        charset: Some("windows-1258".into()),
        ..Hint::default()
    };
    let d = decode(&windows1258("Hà Nội"), &hint).unwrap();
    assert_eq!(
        (d.text.as_str(), d.encoding.as_str()),
        ("Hà Nội", "windows-1258")
    );
    // TCVN3 pages declare the Western code page: the text says otherwise.
    let hint = Hint {
        charset: Some("iso-8859-1".into()),
        ..Hint::default()
    };
    let d = decode(&tcvn3::encode(REPORT).unwrap(), &hint).unwrap();
    assert_eq!(d.encoding, "tcvn3");
    assert!(d.warnings.iter().any(|w| w.code == "charset_mismatch"));
}

#[test]
fn documents_mixing_tcvn3_and_vni_are_read_per_line_and_per_word() {
    let mut bytes = Vec::new();
    let mut want = String::new();
    for (i, line) in NOTICE.lines().chain(REPORT.lines()).enumerate() {
        let encoded = if i % 3 == 0 {
            vni::encode(line)
        } else {
            tcvn3::encode(line)
        };
        bytes.extend(encoded.unwrap());
        bytes.push(b'\n');
        want.push_str(line);
        want.push('\n');
    }
    // A VNI word pasted into a TCVN3 line.
    bytes.extend(tcvn3::encode("Kết luận của đồng chí ").unwrap());
    bytes.extend(vni::encode("Nguyễn").unwrap());
    bytes.extend(tcvn3::encode(" về công tác cải cách hành chính tại ").unwrap());
    // "vò" reads "vũ" in TCVN3 and "vị" in VNI: it goes with the VNI word before it.
    bytes.extend(vni::encode("các đơn vị").unwrap());
    bytes.extend(tcvn3::encode(" trong tỉnh.\n").unwrap());
    want.push_str(
        "Kết luận của đồng chí Nguyễn về công tác cải cách hành chính tại các đơn vị trong tỉnh.\n",
    );
    let d = read(&bytes);
    assert_eq!(d.encoding, "mixed(tcvn3+vni)");
    assert_eq!(d.text, want);
    assert!(d.warnings.iter().any(|w| w.code == "mixed_encoding"));
}

#[test]
fn utf8_is_never_converted() {
    for text in [
        NOTICE.to_string(),
        NOTICE.nfd().collect::<String>(),
        // Mojibake that was saved as UTF-8 is UTF-8: it is left for a later stage.
        "C¨n cø LuËt Tæ chøc ChÝnh phñ".to_string(),
        "Vieät Nam".to_string(),
    ] {
        let d = read(text.as_bytes());
        assert_eq!(d.encoding, "utf-8");
        assert_eq!(d.text, text);
    }
}

#[test]
fn html_font_declarations_decide_short_texts() {
    let page = [
        b"<html><body><p style=\"font-family:.VnTime\">".as_slice(),
        &tcvn3::encode("Thông báo").unwrap(),
        b"</p></body></html>",
    ]
    .concat();
    let hint = Hint {
        format: Format::Html,
        ..Hint::default()
    };
    let d = decode(&page, &hint).unwrap();
    assert_eq!(d.encoding, "tcvn3");
    assert!(d
        .text
        .contains("<p style=\"font-family:.VnTime\">Thông báo</p>"));
    let hint = Hint {
        fonts: vec!["VNI-Times".into()],
        ..Hint::default()
    };
    let d = decode(&vni::encode("Thông báo").unwrap(), &hint).unwrap();
    assert_eq!((d.text.as_str(), d.encoding.as_str()), ("Thông báo", "vni"));
}

#[test]
fn mojibake_as_a_browser_shows_it_reads_back() {
    let d = read(&cp1252(
        "C¨n cø LuËt Tæ chøc ChÝnh phñ ngµy 30 th¸ng 9 n¨m 1992",
    ));
    assert_eq!(
        d.text,
        "Căn cứ Luật Tổ chức Chính phủ ngày 30 tháng 9 năm 1992"
    );
    assert_eq!(d.encoding, "tcvn3");
}

#[test]
fn binary_junk_is_refused() {
    assert!(matches!(
        decode(b"\x89PNG\r\n\x1a\n\x00\x00", &Hint::default()),
        Err(DecodeError::Binary { .. })
    ));
    assert!(matches!(
        decode(b"PK\x03\x04\x14\x00", &Hint::default()),
        Err(DecodeError::Binary { offset: 5, .. })
    ));
}
