//! RTF documents written here, with their fonts' encodings applied by the crate's own
//! tables.

use vngov_decode::{decode, tcvn3, vni, DecodeError, Format, Hint};

/// RTF text for bytes: `\'xx` escapes above 0x7F, as Word writes them.
fn esc(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| {
            if b >= 0x80 {
                format!("\\'{b:02x}")
            } else {
                (b as char).to_string()
            }
        })
        .collect()
}

fn t3(s: &str) -> String {
    esc(&tcvn3::encode(s).expect("TCVN3"))
}

fn vn(s: &str) -> String {
    esc(&vni::encode(s).expect("VNI"))
}

fn rtf_hint() -> Hint {
    Hint {
        format: Format::Rtf,
        ..Hint::default()
    }
}

const HEAD: &str = r"{\rtf1\ansi\ansicpg1252\uc1\deff1{\fonttbl{\f0\froman\fcharset0\fprq2{\*\panose 02020603050405020304}Times New Roman;}{\f1\fswiss\fcharset0\fprq2{\*\panose 020b7200000000000000}.VnTime;}{\f2\fswiss\fcharset0\fprq2 .VnTimeH;}{\f3\fnil\fcharset0 VNI-Times;}{\f4\fswiss\fcharset163 Arial;}}{\colortbl;\red0\green0\blue0;}{\stylesheet{\f1 Normal;}}{\info{\title Quy\'ae\'denh}{\author ai \'ae\'f3}}";

#[test]
fn fonts_choose_the_table_and_destinations_are_skipped() {
    // .VnTimeH has capitals at the lower-case codes: the writer typed "QUYẾT ĐỊNH" with
    // the lower-case bytes of ế and đ, ị.
    let body = format!(
        r"{{\header \pard\plain\f1 {t_header}\par}}{{\footer\pard {t_header}\par}}\pard\plain\qc\f2\b QUY{upper}T {d}{i}NH\par
\pard\plain\f1 {line1}\line {line2}\par
{{\f3 {vni_line}}}\par
{{\pict\wmetafile8\picw100 0100090000035e00000000ab}}{{\*\shppict{{\pict 89504e47}}}}{{\*\bkmkstart x}}
\f0 Times: \u272?\'e0 l\u7853?p\par
{{\f4 Vi\'ea\'f2t Nam}}\tab 12\par
{{\field{{\*\fldinst {{ PAGE }}}}{{\fldrslt {{7}}}}}}\par
}}",
        t_header = t3("tiêu đề trang"),
        upper = t3("ế"),
        d = t3("đ"),
        i = t3("ị"),
        line1 = t3("Căn cứ Luật Tổ chức chính quyền địa phương;"),
        line2 = t3("Xét đề nghị của Giám đốc Sở Tư pháp,"),
        vni_line = vn("Độc lập - Tự do - Hạnh phúc"),
    );
    let rtf = format!("{HEAD}{body}");
    let d = decode(rtf.as_bytes(), &rtf_hint()).unwrap();
    assert_eq!(
        d.text,
        "QUYẾT ĐỊNH\n\
         Căn cứ Luật Tổ chức chính quyền địa phương;\n\
         Xét đề nghị của Giám đốc Sở Tư pháp,\n\
         Độc lập - Tự do - Hạnh phúc\n\
         Times: Đà lập\n\
         Việt Nam\t12\n\
         7\n"
    );
    assert_eq!(d.encoding, "mixed(tcvn3+vni+windows-1258)");
}

#[test]
fn unicode_escapes_skip_their_fallback_by_the_uc_count() {
    let rtf = r"{\rtf1\ansi\deff0{\fonttbl{\f0 Arial;}}\uc2 S\u7903?? {\uc0 \u7903} \uc1 \u272\'d0\'c0 \u55357\u56832?}";
    let d = decode(rtf.as_bytes(), &rtf_hint()).unwrap();
    assert_eq!(d.text, "Sở ở Đ\u{00C0} \u{1F600}");
    // The fallback \'d0 after \u272 is skipped; \'c0 is text in Windows-1252.
}

#[test]
fn an_ordinary_font_holding_tcvn3_is_found_by_statistics() {
    let rtf = format!(
        r"{{\rtf1\ansi\deff0{{\fonttbl{{\f0 Times New Roman;}}}}\pard {}\par {}\par}}",
        t3("Căn cứ Luật Tổ chức Chính phủ ngày 30 tháng 9 năm 1992;"),
        t3("Theo đề nghị của Bộ trưởng Bộ Tài chính,")
    );
    let d = decode(rtf.as_bytes(), &rtf_hint()).unwrap();
    assert_eq!(d.encoding, "tcvn3");
    assert_eq!(
        d.text,
        "Căn cứ Luật Tổ chức Chính phủ ngày 30 tháng 9 năm 1992;\nTheo đề nghị của Bộ trưởng Bộ Tài chính,\n"
    );
}

#[test]
fn western_rtf_stays_western() {
    let rtf = r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Arial;}}\pard Le conseil s\rquote est r\'e9uni \'e0 l\rquote h\'f4tel de ville, o\'f9 il a d\'e9j\'e0 vot\'e9 le budget.\par Die Gemeinde hat die Geb\'fchren f\'fcr die Stra\'dfenreinigung ge\'e4ndert.\par}";
    let d = decode(rtf.as_bytes(), &rtf_hint()).unwrap();
    assert_eq!(d.encoding, "windows-1252");
    assert!(d
        .text
        .contains("réuni à l’hôtel de ville, où il a déjà voté"));
    assert!(d
        .text
        .contains("Gebühren für die Straßenreinigung geändert"));
}

#[test]
fn footnotes_are_left_out_with_a_warning_and_bad_rtf_is_an_error() {
    let rtf = r"{\rtf1\ansi{\fonttbl{\f0 Arial;}}Text{\footnote\pard note}.\par}";
    let d = decode(rtf.as_bytes(), &rtf_hint()).unwrap();
    assert_eq!(d.text, "Text.\n");
    assert!(d.warnings.iter().any(|w| w.code == "rtf_footnotes_skipped"));
    assert!(matches!(
        decode(b"plain text named .rtf", &rtf_hint()),
        Err(DecodeError::Rtf(_))
    ));
    assert!(matches!(
        decode(br"{\rtf1 a}}", &rtf_hint()),
        Ok(d) if d.text == "a"
    ));
    assert!(matches!(
        decode(br"{\rtf1 a\'zz}", &rtf_hint()),
        Err(DecodeError::Rtf(_))
    ));
}

#[test]
fn rtf_is_recognized_without_a_hint() {
    let rtf = format!(
        r"{{\rtf1\ansi{{\fonttbl{{\f0 .VnTime;}}}}\f0 {}}}",
        t3("Thông báo")
    );
    let d = decode(rtf.as_bytes(), &Hint::default()).unwrap();
    assert_eq!(
        (d.text.as_str(), d.encoding.as_str()),
        ("Thông báo", "tcvn3")
    );
}
