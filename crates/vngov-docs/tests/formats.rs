//! Each format on documents made for the tests (`fixtures/make.sh`): the text read,
//! page by page for PDF, and the failures each become a clear error.

use std::io::Write;
use std::path::PathBuf;

use vngov_docs::{read, DocError, Kind, Method, Ocr, Options};

fn fixture(name: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn no_ocr() -> Options {
    Options {
        ocr: None,
        ..Options::default()
    }
}

/// OCR programs that are not there.
fn missing_ocr() -> Options {
    Options {
        ocr: Some(Ocr {
            tesseract: "/nonexistent/tesseract".into(),
            ..Ocr::default()
        }),
        ..Options::default()
    }
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

const TASK: &str =
    "UBND tỉnh yêu cầu Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Tài chính";

#[test]
fn a_pdf_is_read_page_by_page_with_its_lines() {
    let d = read(&fixture("notice.pdf"), Kind::Pdf, &no_ocr()).unwrap();
    assert!(d.paged);
    assert_eq!(d.pages.len(), 2);
    assert!(d.pages.iter().all(|p| p.method == Method::Text));
    let first: Vec<&str> = d.pages[0].text.lines().map(str::trim).collect();
    assert_eq!(
        first[..3],
        [
            "ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
            "Số: 125/TB-UBND",
            "Lào Cai, ngày 15 tháng 3 năm 2024"
        ]
    );
    assert!(flat(&d.pages[0].text).contains("Tỷ lệ hồ sơ giải quyết trực tuyến đạt 85,5%."));
    assert!(
        flat(&d.pages[1].text).starts_with(TASK),
        "{}",
        d.pages[1].text
    );
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn word_and_opendocument_files_are_read_one_paragraph_a_line() {
    for (name, kind) in [
        ("notice.docx", Kind::Docx),
        ("notice.odt", Kind::Odt),
        ("notice.doc", Kind::Doc),
    ] {
        let bytes = fixture(name);
        assert_eq!(Kind::sniff(&bytes), Some(kind), "{name}");
        let d = read(&bytes, kind, &no_ocr()).unwrap();
        assert!(!d.paged);
        let text = &d.pages[0].text;
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(lines[0], "ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "{name}");
        assert_eq!(lines[1], "Số: 125/TB-UBND", "{name}");
        assert!(lines.last().unwrap().starts_with(TASK), "{name}: {text}");
    }
}

#[test]
fn a_legacy_font_text_layer_is_decoded() {
    let d = read(&fixture("legacy.pdf"), Kind::Pdf, &no_ocr()).unwrap();
    assert_eq!(d.encoding.as_deref(), Some("tcvn3"));
    assert!(d.pages.iter().all(|p| p.method == Method::LegacyFont));
    assert!(
        flat(&d.pages[0].text)
            .starts_with("Ngày 12/3/2024, đồng chí Nguyễn Văn Hùng, Chủ tịch UBND tỉnh"),
        "{}",
        d.pages[0].text
    );
    assert!(d.warnings.iter().any(|w| w.code == "pdf_legacy_font"));
}

#[test]
fn damaged_and_encrypted_pdfs_are_errors() {
    let good = fixture("notice.pdf");
    for cut in [good.len() / 3, 40] {
        match read(&good[..cut], Kind::Pdf, &no_ocr()) {
            Err(DocError::Damaged { kind: "pdf", .. }) => {}
            // A file cut after its first page may still give that page.
            Ok(d) => assert!(
                d.pages.iter().all(|p| !p.text.contains("30/4/2024")),
                "cut at {cut}"
            ),
            Err(e) => panic!("cut at {cut}: {e}"),
        }
    }
    let e = read(b"%PDF-1.4\nnot a PDF at all", Kind::Pdf, &no_ocr()).unwrap_err();
    assert!(matches!(e, DocError::Damaged { .. }), "{e}");
    let e = read(&fixture("encrypted.pdf"), Kind::Pdf, &no_ocr()).unwrap_err();
    assert_eq!(e, DocError::Encrypted("pdf"));
    assert!(e.to_string().contains("password"));
}

#[test]
fn a_scan_without_ocr_says_what_to_install() {
    for options in [no_ocr(), missing_ocr()] {
        let e = read(&fixture("scan.pdf"), Kind::Pdf, &options).unwrap_err();
        assert!(matches!(e, DocError::OcrUnavailable { .. }), "{e}");
        let msg = e.to_string();
        assert!(msg.contains("it is a scan"), "{msg}");
        assert!(
            msg.contains("tesseract-ocr-vie") && msg.contains("poppler-utils"),
            "{msg}"
        );
    }
}

#[test]
fn a_scan_is_read_by_ocr_when_installed() {
    if let Err(why) = Ocr::default().check() {
        eprintln!("OCR not installed ({why}): a_scan_is_read_by_ocr_when_installed checks nothing");
        return;
    }
    let d = read(&fixture("scan.pdf"), Kind::Pdf, &Options::default()).unwrap();
    assert_eq!(d.pages[0].method, Method::Ocr);
    let text = flat(&d.pages[0].text);
    for words in [
        "Số: 125/TB-UBND",
        "ngày 15 tháng 3 năm 2024",
        "THÔNG BÁO",
        "đạt 85,5%",
    ] {
        assert!(text.contains(words), "{words:?} not in {text}");
    }
    let w = d
        .warnings
        .iter()
        .find(|w| w.code == "ocr")
        .expect("an OCR warning");
    assert!(w.message.contains("page 1") && w.message.contains("recognition errors"));
}

/// A DOCX whose XML expands from a few kilobytes to megabytes.
fn docx_bomb(expanded: usize) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", deflated).unwrap();
    zip.write_all(b"<w:document><w:body><w:p><w:r><w:t>")
        .unwrap();
    let block = vec![b'a'; 64 * 1024];
    for _ in 0..expanded / block.len() {
        zip.write_all(&block).unwrap();
    }
    zip.write_all(b"</w:t></w:r></w:p></w:body></w:document>")
        .unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn a_zip_bomb_in_a_docx_is_refused_without_being_held() {
    let bomb = docx_bomb(8 * 1024 * 1024);
    assert!(bomb.len() < 100 * 1024, "{} bytes", bomb.len());
    let options = Options {
        max_bytes: 1024 * 1024,
        ..no_ocr()
    };
    let e = read(&bomb, Kind::Docx, &options).unwrap_err();
    assert!(matches!(e, DocError::TooLarge(_)), "{e}");
    assert!(e.to_string().contains("zip bomb"), "{e}");
    // Under a larger limit the same file is read.
    let d = read(&docx_bomb(256 * 1024), Kind::Docx, &options).unwrap();
    assert!(d.pages[0].text.starts_with("aaaa"));
}

#[test]
fn damaged_word_files_are_errors() {
    for (bytes, kind) in [
        (&b"PK\x03\x04 not a zip"[..], Kind::Docx),
        (&b"PK\x03\x04 not a zip"[..], Kind::Odt),
        (&b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 cut"[..], Kind::Doc),
    ] {
        let e = read(bytes, kind, &no_ocr()).unwrap_err();
        assert!(matches!(e, DocError::Damaged { .. }), "{kind:?}: {e}");
    }
}
