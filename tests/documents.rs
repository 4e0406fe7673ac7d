//! PDF, Word and compressed inputs through the `vngov` binary: the test documents
//! in `crates/vngov-docs/tests/fixtures`, gzip and zip bombs, and the real
//! documents of `../shared/corpus/pdf` when that folder is there.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::common::{json_lines, run};
use crate::schema::{assert_valid, validator};

const FIXTURES: &str = "crates/vngov-docs/tests/fixtures";

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

fn ocr_installed() -> bool {
    vngov_docs::Ocr::default().check().is_ok()
}

fn extract(args: &[&str]) -> (Vec<serde_json::Value>, String) {
    let out = run(&[&["extract", "--no-progress"], args].concat());
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let recs = json_lines(&out.stdout);
    let v = validator();
    for r in &recs {
        assert_valid(&v, r);
    }
    (recs, stderr)
}

/// The facts of a record that do not depend on where its text came from.
fn facts(r: &serde_json::Value) -> serde_json::Value {
    let pick = |list: &str, keys: &[&str]| -> Vec<serde_json::Value> {
        r[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| keys.iter().map(|k| f[*k].clone()).collect())
            .collect()
    };
    serde_json::json!({
        "province": r["province"],
        "documents": pick("documents", &["number", "issued"]),
        "dates": pick("dates", &["value"]),
        "percentages": pick("percentages", &["value", "measure"]),
        "tasks": pick("tasks", &["assigner", "assignee", "deadline", "coordinate_with"]),
    })
}

#[test]
fn each_format_gives_the_facts_of_its_text() {
    let (recs, _) = extract(&[&fixture("notice.txt")]);
    let expected = facts(&recs[0]);
    assert_eq!(expected["documents"][0][0], "125/TB-UBND");
    assert_eq!(expected["tasks"][0][2], "2024-04-30");
    for (name, format) in [
        ("notice.pdf", "pdf"),
        ("notice.docx", "docx"),
        ("notice.odt", "odt"),
        ("notice.doc", "doc"),
    ] {
        let (recs, _) = extract(&["--no-ocr", &fixture(name)]);
        let r = &recs[0];
        assert_eq!(r["source"]["format"], format, "{name}");
        assert_eq!(facts(r), expected, "{name}");
    }
}

#[test]
fn pdf_records_map_their_pages() {
    let (recs, _) = extract(&["--no-ocr", &fixture("notice.pdf")]);
    let r = &recs[0];
    let pages = r["source"]["pages"].as_array().expect("source.pages");
    assert_eq!(pages.len(), 2);
    let len = r["text"].as_str().unwrap().chars().count() as u64;
    assert_eq!(pages[0]["span"][0], 0);
    assert_eq!(pages[0]["span"][1], pages[1]["span"][0]);
    assert_eq!(pages[1]["span"][1], len);
    assert!(pages.iter().all(|p| p["method"] == "text"));
    // The directive is on page 2, the percentage on page 1.
    let page_of = |fact: &serde_json::Value| {
        let at = fact["span"][0].as_u64().unwrap();
        pages
            .iter()
            .find(|p| p["span"][0].as_u64().unwrap() <= at && at < p["span"][1].as_u64().unwrap())
            .map(|p| p["page"].as_u64().unwrap())
    };
    assert_eq!(page_of(&r["tasks"][0]), Some(2));
    assert_eq!(page_of(&r["percentages"][0]), Some(1));
    let text: Vec<char> = r["text"].as_str().unwrap().chars().collect();
    let s = pages[1]["span"][0].as_u64().unwrap() as usize;
    let page2: String = text[s..].iter().collect();
    assert!(page2.starts_with("UBND tỉnh yêu cầu"), "{page2}");
}

#[test]
fn legacy_damaged_encrypted_and_scanned_pdfs() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = std::fs::read(fixture("notice.pdf")).unwrap();
    let damaged = dir.path().join("damaged.pdf");
    std::fs::write(&damaged, &pdf[..200]).unwrap();
    let (recs, stderr) = extract(&[
        "--no-ocr",
        &fixture("legacy.pdf"),
        damaged.to_str().unwrap(),
        &fixture("encrypted.pdf"),
        &fixture("scan.pdf"),
    ]);
    assert_eq!(recs[0]["source"]["encoding"], "tcvn3");
    assert_eq!(recs[0]["tasks"][0]["deadline"], "2024-04-30");
    assert_eq!(recs[1]["error"]["kind"], "decode");
    assert!(recs[1]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("damaged pdf"));
    assert_eq!(recs[2]["error"]["kind"], "decode");
    assert!(recs[2]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("password"));
    assert_eq!(recs[3]["error"]["kind"], "ocr_unavailable");
    assert!(recs[3]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("tesseract-ocr-vie"));
    assert!(
        stderr.contains("4 documents, 1 records, 3 errors"),
        "{stderr}"
    );
    if !ocr_installed() {
        eprintln!("OCR not installed: the scan is not read by OCR here");
        return;
    }
    let (recs, _) = extract(&[&fixture("scan.pdf")]);
    let r = &recs[0];
    assert_eq!(r["source"]["pages"][0]["method"], "ocr");
    assert_eq!(r["documents"][0]["number"], "125/TB-UBND");
    assert!(r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w["code"] == "ocr"));
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

#[test]
fn gzipped_inputs_are_read_as_what_they_hold_and_bombs_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n);
    let notice = std::fs::read(fixture("notice.txt")).unwrap();
    std::fs::write(p("a.txt.gz"), gzip(&notice)).unwrap();
    let html = format!(
        "<!DOCTYPE html><html><body><h1>Thông báo</h1><p>{}</p></body></html>",
        String::from_utf8_lossy(&notice)
    );
    std::fs::write(p("b.html.gz"), gzip(html.as_bytes())).unwrap();
    let line = serde_json::json!({"id": "n1", "text": String::from_utf8_lossy(&notice)});
    std::fs::write(
        p("c.jsonl.gz"),
        gzip(format!("{line}\n{line}\n").as_bytes()),
    )
    .unwrap();
    std::fs::write(
        p("d.pdf.gz"),
        gzip(&std::fs::read(fixture("notice.pdf")).unwrap()),
    )
    .unwrap();
    // 64 MiB of zeros in some 64 KiB.
    std::fs::write(p("e.txt.gz"), gzip(&vec![0u8; 64 << 20])).unwrap();
    std::fs::write(p("f.txt.gz"), b"\x1f\x8b\x08\x00 cut short").unwrap();
    let (recs, stderr) = extract(&[
        "--no-ocr",
        "--max-bytes",
        "1000000",
        dir.path().to_str().unwrap(),
    ]);
    let formats: Vec<&str> = recs
        .iter()
        .map(|r| r["source"]["format"].as_str().unwrap_or("-"))
        .collect();
    assert_eq!(
        formats,
        ["text", "html", "text", "text", "pdf", "-", "-"],
        "{recs:?}"
    );
    for r in &recs[..5] {
        assert_eq!(r["documents"][0]["number"], "125/TB-UBND");
    }
    assert_eq!(recs[5]["error"]["kind"], "too_large");
    assert!(recs[5]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("gzip bomb"));
    assert_eq!(recs[6]["error"]["kind"], "decode");
    assert!(
        stderr.contains("7 documents, 5 records, 2 errors"),
        "{stderr}"
    );
}

#[test]
fn zip_archives_are_read_entry_by_entry_and_bombs_refused() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("docs.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&archive).unwrap());
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for name in ["notice.pdf", "notice.docx", "notice.txt"] {
        zip.start_file(format!("2024/{name}"), deflated).unwrap();
        zip.write_all(&std::fs::read(fixture(name)).unwrap())
            .unwrap();
    }
    zip.start_file("readme.md", deflated).unwrap();
    zip.write_all(b"not a document").unwrap();
    zip.start_file("bomb.txt", deflated).unwrap();
    for _ in 0..64 {
        zip.write_all(&vec![b' '; 1 << 20]).unwrap();
    }
    zip.finish().unwrap();
    assert!(std::fs::metadata(&archive).unwrap().len() < 1 << 20);
    let (recs, stderr) = extract(&[
        "--no-ocr",
        "--max-bytes",
        "1000000",
        archive.to_str().unwrap(),
    ]);
    assert_eq!(recs.len(), 4, "{recs:?}");
    for (r, format) in recs.iter().zip(["pdf", "docx", "text"]) {
        assert_eq!(r["source"]["format"], format);
        assert_eq!(r["documents"][0]["number"], "125/TB-UBND");
    }
    assert_eq!(recs[3]["error"]["kind"], "too_large");
    assert!(
        recs[3]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("bomb.txt"),
        "{:?}",
        recs[3]
    );
    assert!(stderr.contains("zip entry .md 1"), "{stderr}");
}

#[test]
fn a_directory_walk_counts_what_it_passed_over() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.txt", "b.md", "c.md", "d.png", "e.doc", "README"] {
        let src = if name == "e.doc" {
            fixture("notice.doc")
        } else {
            fixture("notice.txt")
        };
        std::fs::copy(src, dir.path().join(name)).unwrap();
    }
    let (recs, stderr) = extract(&[dir.path().to_str().unwrap()]);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[1]["source"]["format"], "doc");
    assert!(
        stderr.contains(
            "passed over (not documents): file .md 2, file .png 1, file without extension 1"
        ),
        "{stderr}"
    );
}

/// The real documents of `../shared/corpus/pdf` (third-party: read from there,
/// never copied). Scans are read by OCR for one document when Tesseract is here;
/// without OCR every scan is an `ocr_unavailable` error record.
#[test]
fn real_documents_give_records_with_text_and_facts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/pdf");
    if !root.is_dir() {
        eprintln!("{} is absent: real documents not tried", root.display());
        return;
    }
    let scans = [
        "ct-07-ubnd-quangngai-2018.pdf",
        "cv-464-ttg-2026.pdf",
        "kh-753-dhct-hcm-2026.pdf",
        "qd-157-ubnd-caobang-1999.pdf",
        "qd-26-xpvphc-cuchoachat-2026.pdf",
        "tb-1894-sct-laocai-2026.pdf",
    ];
    let (recs, _) = extract(&["--no-ocr", root.to_str().unwrap()]);
    assert_eq!(recs.len(), 15);
    for r in &recs {
        let path = PathBuf::from(r["source"]["path"].as_str().unwrap());
        let name = path.file_name().unwrap().to_str().unwrap();
        if scans.contains(&name) {
            assert_eq!(r["error"]["kind"], "ocr_unavailable", "{name}: {r}");
            continue;
        }
        assert!(r.get("error").is_none(), "{name}: {r}");
        assert!(r["text"].as_str().unwrap().chars().count() > 1000, "{name}");
        assert!(!r["documents"].as_array().unwrap().is_empty(), "{name}");
    }
    let by_name = |n: &str| {
        recs.iter()
            .find(|r| r["source"]["path"].as_str().unwrap().ends_with(n))
            .unwrap()
    };
    let tcvn3 = by_name("qd-115-2004-ttg-tcvn3.pdf");
    assert_eq!(tcvn3["source"]["encoding"], "tcvn3");
    assert_eq!(tcvn3["documents"][0]["number"], "115/2004/QĐ-TTg");
    assert!(tcvn3["text"]
        .as_str()
        .unwrap()
        .contains("Thủ tướng Chính phủ"));
    let bxd = by_name("qd-1074-bxd-2026.pdf");
    assert_eq!(bxd["published"], "2026-06-29");
    assert_eq!(bxd["documents"][0]["number"], "1074/QĐ-BXD");
    let odd = by_name("cv-1178-dck-bct-2025.pdf");
    assert!(odd["text"].as_str().unwrap().contains("BỘ CÔNG THƯƠNG"));
    if !ocr_installed() {
        eprintln!("OCR not installed: no scan read by OCR");
        return;
    }
    // The PDF whose text layer lost its Unicode map, read by OCR.
    let (recs, _) = extract(&[root.join("tb-1894-sct-laocai-2026.pdf").to_str().unwrap()]);
    let r = &recs[0];
    assert!(r["source"]["pages"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["method"] == "ocr"));
    assert_eq!(r["documents"][0]["number"], "1894/TB-SCT");
    assert_eq!(r["published"], "2026-04-09");
}

/// A portal with one article linking to a PDF (served as `application/pdf`), a
/// DOCX (served as `application/octet-stream`, as many portals do) and a file that
/// is gone.
fn portal_with_attachments() -> String {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let base = format!("http://{}", server.server_addr().to_ip().unwrap());
    let pdf = std::fs::read(fixture("notice.pdf")).unwrap();
    let docx = std::fs::read(fixture("notice.docx")).unwrap();
    std::thread::spawn(move || {
        for req in server.incoming_requests() {
            let (status, ct, body): (u16, &str, Vec<u8>) = match req.url() {
                "/tin-tuc/ket-luan-125.html" => (
                    200,
                    "text/html; charset=utf-8",
                    "<html><body><h1>Kết luận của Chủ tịch UBND tỉnh</h1><p>Ngày 15/3/2024.</p>\
                     <p>Xem <a href=\"/files/TB-125.pdf\">Thông báo 125/TB-UBND</a>, \
                     <a href=\"/files/KH.docx\">Kế hoạch</a>, <a href=\"/files/cu.pdf\">bản cũ</a>.</p>\
                     </body></html>"
                        .as_bytes()
                        .to_vec(),
                ),
                "/files/TB-125.pdf" => (200, "application/pdf", pdf.clone()),
                "/files/KH.docx" => (200, "application/octet-stream", docx.clone()),
                _ => (404, "text/plain", b"not found".to_vec()),
            };
            let len = body.len();
            let resp = tiny_http::Response::new(
                tiny_http::StatusCode(status),
                vec![tiny_http::Header::from_bytes("Content-Type", ct).unwrap()],
                std::io::Cursor::new(body),
                Some(len),
                None,
            );
            let _ = req.respond(resp);
        }
    });
    base
}

#[test]
fn fetch_with_attachments_archives_and_extracts_them_linked_to_their_article() {
    let base = portal_with_attachments();
    let dir = tempfile::tempdir().unwrap();
    let warc = dir.path().join("site.warc.gz");
    let article = format!("{base}/tin-tuc/ket-luan-125.html");
    let out = run(&[
        "fetch",
        "--attachments",
        "--delay",
        "0",
        "--retries",
        "0",
        &article,
        "-o",
        warc.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("2 attachments fetched, 1 errors"),
        "{stderr}"
    );
    let failed = json_lines(&out.stdout);
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0]["source"]["url"], format!("{base}/files/cu.pdf"));
    assert_eq!(failed[0]["source"]["linked_from"], article);
    let linked: Vec<(String, Option<String>)> = vngov_fetch::warc::Reader::open(&warc)
        .unwrap()
        .filter(|r| r.warc_type() == Some("response"))
        .map(|r| {
            (
                r.target_uri().unwrap().to_string(),
                r.headers
                    .get_lossy("warc-linked-from")
                    .map(|v| v.to_string()),
            )
        })
        .collect();
    assert_eq!(linked.len(), 4, "{linked:?}");
    assert_eq!(linked[0], (article.clone(), None));
    assert!(linked[1..]
        .iter()
        .all(|(_, from)| from.as_deref() == Some(article.as_str())));

    let (recs, _) = extract(&["--no-ocr", warc.to_str().unwrap()]);
    assert_eq!(recs.len(), 3, "{recs:?}");
    assert_eq!(recs[0]["source"]["format"], "html");
    assert!(recs[0]["source"].get("linked_from").is_none());
    for (r, format) in recs[1..].iter().zip(["pdf", "docx"]) {
        assert_eq!(r["source"]["format"], format);
        assert_eq!(r["source"]["linked_from"], article);
        assert_eq!(r["documents"][0]["number"], "125/TB-UBND");
    }
    // Extracting a URL reads what its bytes are, whatever the media type says.
    let (recs, _) = extract(&["--no-ocr", &format!("{base}/files/KH.docx")]);
    assert_eq!(recs[0]["source"]["format"], "docx");
    assert_eq!(recs[0]["documents"][0]["number"], "125/TB-UBND");
}

#[test]
fn crawl_with_attachments_fetches_them_once() {
    let base = portal_with_attachments();
    let dir = tempfile::tempdir().unwrap();
    let warc = dir.path().join("site.warc.gz");
    let start = format!("{base}/tin-tuc/ket-luan-125.html");
    let args = [
        "crawl",
        "--attachments",
        "--no-sitemaps",
        "--delay",
        "0",
        "--retries",
        "0",
        "--depth",
        "0",
        &start,
        "-o",
        warc.to_str().unwrap(),
    ];
    let out = run(&args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("2 attachments fetched, 1 errors"),
        "{stderr}"
    );
    // Run again: the archive holds them, nothing is fetched twice.
    let out = run(&args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("0 attachments fetched"), "{stderr}");
    let (recs, _) = extract(&["--no-ocr", warc.to_str().unwrap()]);
    let linked = recs
        .iter()
        .filter(|r| r["source"]["linked_from"] == start)
        .count();
    assert_eq!(linked, 2, "{recs:?}");
}

#[test]
fn the_readme_pdf_example_is_what_the_tool_prints() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let shown = readme
        .lines()
        .find(|l| l.starts_with("{\"format\":\"pdf\",\"pages\""))
        .expect("the README shows a PDF record's pages");
    let (recs, _) = extract(&[&fixture("notice.pdf")]);
    let r = &recs[0];
    let got = serde_json::json!({
        "format": r["source"]["format"],
        "pages": r["source"]["pages"],
        "deadline": r["tasks"][0]["deadline"],
        "span": r["tasks"][0]["span"],
    });
    assert_eq!(
        got,
        serde_json::from_str::<serde_json::Value>(shown).unwrap()
    );
}
