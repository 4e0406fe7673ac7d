//! `vngov fetch` and `vngov crawl` against a local portal on 127.0.0.1, including a
//! crawl killed outright and resumed.

use std::collections::HashMap;
use std::io::Cursor;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::{json_lines, run, vngov};
use crate::schema::{assert_valid, validator};

const LISTINGS: usize = 5;
const PER_LISTING: usize = 8;

/// A portal: `/tin-tuc?page=N` listings with "Trang sau" links, 40 articles; counts
/// the requests per URL. Serves until the test ends.
fn portal() -> (String, Arc<Mutex<HashMap<String, usize>>>) {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let base = format!("http://{}", server.server_addr().to_ip().unwrap());
    let counts = Arc::new(Mutex::new(HashMap::new()));
    let c = counts.clone();
    std::thread::spawn(move || {
        for req in server.incoming_requests() {
            let url = req.url().to_string();
            *c.lock().unwrap().entry(url.clone()).or_insert(0) += 1;
            let listing = |n: usize| {
                let mut b = String::from("<html><body><ul>");
                for k in (n - 1) * PER_LISTING + 1..=n * PER_LISTING {
                    b += &format!("<li><a href=\"/tin-tuc/bai-{k}.html\">Bài {k}</a></li>");
                }
                b += "</ul>";
                if n < LISTINGS {
                    b += &format!("<a href=\"/tin-tuc?page={}\">Trang sau</a>", n + 1);
                }
                b + "</body></html>"
            };
            let (status, body) = if url == "/robots.txt" {
                (200, "User-agent: *\nDisallow: /rieng/\n".to_string())
            } else if url == "/tin-tuc" {
                (200, listing(1))
            } else if let Some(n) = url.strip_prefix("/tin-tuc?page=") {
                (200, listing(n.parse().unwrap()))
            } else if url.starts_with("/tin-tuc/bai-") {
                (
                    200,
                    format!("<html><body><h1>{url}</h1><p>Ngày 12/3/2024.</p></body></html>"),
                )
            } else {
                (404, "không có".to_string())
            };
            let len = body.len();
            let resp = tiny_http::Response::new(
                tiny_http::StatusCode(status),
                vec![
                    tiny_http::Header::from_bytes("Content-Type", "text/html; charset=utf-8")
                        .unwrap(),
                ],
                Cursor::new(body.into_bytes()),
                Some(len),
                None,
            );
            let _ = req.respond(resp);
        }
    });
    (base, counts)
}

fn responses(path: &Path) -> Vec<String> {
    vngov_fetch::warc::Reader::open(path)
        .unwrap()
        .filter(|r| r.warc_type() == Some("response"))
        .map(|r| r.target_uri().unwrap().to_string())
        .collect()
}

#[test]
fn fetch_writes_the_archive_and_error_records() {
    let (base, _) = portal();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pages.warc.gz");
    let ok = format!("{base}/tin-tuc/bai-1.html");
    let missing = format!("{base}/khong-co.html");
    let o = vngov()
        .args(["fetch", "--delay", "0.01", "-q", &ok, &missing, "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let errors = json_lines(&o.stdout);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["source"]["url"], missing.as_str());
    assert_eq!(errors[0]["error"]["message"], "HTTP 404 Not Found");
    assert_eq!(errors[0]["error"]["kind"], "fetch");
    assert_eq!(errors[0]["error"]["status"], 404);
    assert_valid(&validator(), &errors[0]);
    assert_eq!(responses(&out), [ok.clone(), missing]);
    // Again: the page held is not fetched twice.
    let o = vngov()
        .args(["fetch", "--delay", "0.01", &ok, "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("1 already archived"));
    assert_eq!(responses(&out).len(), 2);
    let bad = run(&["fetch", "http://127.0.0.1:1/", "-o", "pages.jsonl"]);
    assert_eq!(
        bad.status.code(),
        Some(2),
        "the archive name is checked first"
    );
}

/// A closed port on 127.0.0.1: a host that does not answer.
fn closed_port() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    format!("http://{addr}")
}

/// A host that does not answer is a failure, not "0 errors": `crawl` and `fetch`
/// each write its error record (kind `fetch`, the reason in the message) and exit 1.
#[test]
fn a_host_that_does_not_answer_is_an_error_record_and_exit_1() {
    let base = closed_port();
    let dir = tempfile::tempdir().unwrap();
    let start = format!("{base}/tin-tuc");
    let fast = ["--delay", "0", "--retries", "0", "--timeout", "5"];
    let o = vngov()
        .args(["crawl", &start])
        .args(fast)
        .arg("-o")
        .arg(dir.path().join("site.warc.gz"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    let errors = json_lines(&o.stdout);
    assert_eq!(errors.len(), 1, "one record, the start page's: {errors:?}");
    assert_eq!(errors[0]["source"]["url"], start.as_str());
    assert_eq!(errors[0]["error"]["kind"], "fetch");
    let message = errors[0]["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with("robots.txt could not be read (") && message.ends_with("not fetching"),
        "{message}"
    );
    assert!(errors[0]["error"].get("status").is_none(), "no HTTP status");
    assert_valid(&validator(), &errors[0]);
    assert!(stderr.contains(" 1 errors, "), "{stderr}");
    assert!(stderr.contains(" 0 disallowed by robots.txt"), "{stderr}");

    let page = format!("{base}/tin-tuc/bai-1.html");
    let o = vngov()
        .args(["fetch", &page])
        .args(fast)
        .arg("-o")
        .arg(dir.path().join("pages.warc.gz"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    let errors = json_lines(&o.stdout);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["source"]["url"], page.as_str());
    assert_eq!(errors[0]["error"]["kind"], "fetch");
    assert_valid(&validator(), &errors[0]);
    assert!(stderr.contains("1 URLs, 0 fetched, 1 errors"), "{stderr}");
}

/// A page robots.txt refuses, asked for by name, is an error record of kind
/// `robots`; in a crawl such pages are passed over and counted.
#[test]
fn a_page_robots_txt_refuses_is_a_robots_error() {
    let (base, counts) = portal();
    let dir = tempfile::tempdir().unwrap();
    let page = format!("{base}/rieng/bai-1.html");
    let o = vngov()
        .args(["fetch", "--delay", "0", "-q", &page, "-o"])
        .arg(dir.path().join("pages.warc.gz"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let errors = json_lines(&o.stdout);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["error"]["kind"], "robots");
    assert_eq!(errors[0]["error"]["message"], "disallowed by robots.txt");
    assert_valid(&validator(), &errors[0]);
    assert!(!counts.lock().unwrap().contains_key("/rieng/bai-1.html"));
}

#[test]
fn a_killed_crawl_resumes_without_losing_or_refetching() {
    let (base, counts) = portal();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site.warc.gz");
    let start = format!("{base}/tin-tuc");
    let crawl = || {
        let mut c = vngov();
        c.args(["crawl", &start, "--delay", "0.03", "-q", "-o"])
            .arg(&out);
        c
    };
    let mut child = crawl().spawn().unwrap();
    let began = Instant::now();
    while !out.exists() || responses(&out).len() < 12 {
        assert!(
            began.elapsed() < Duration::from_secs(60),
            "the crawl did not start"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let before = responses(&out).len();
    assert!(
        before < LISTINGS + LISTINGS * PER_LISTING,
        "killed before the end"
    );
    let o = crawl().output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stored = responses(&out);
    let mut seen = HashMap::new();
    for u in &stored {
        *seen.entry(u.as_str()).or_insert(0) += 1;
    }
    assert!(seen.values().all(|&n| n == 1), "archived twice: {seen:?}");
    for k in 1..=LISTINGS * PER_LISTING {
        assert!(
            seen.contains_key(format!("{base}/tin-tuc/bai-{k}.html").as_str()),
            "bai-{k} lost"
        );
    }
    // Only a request in flight at the kill may have been sent twice.
    let counts = counts.lock().unwrap();
    let twice: Vec<_> = counts
        .iter()
        .filter(|(u, &n)| n > 1 && *u != "/robots.txt" && *u != "/sitemap.xml")
        .collect();
    assert!(
        twice.len() <= 1 && counts.values().all(|&n| n <= 2),
        "{twice:?}"
    );
}

/// `vngov extract URL...`: the pages are fetched and extracted in one go, after the
/// files; a page that cannot be had becomes an error record naming its URL.
#[test]
fn extract_fetches_urls_and_reads_them_as_pages() {
    let (base, counts) = portal();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    std::fs::write(&file, "Theo Quyết định số 1072/QĐ-TTg, tỷ lệ đạt 95,6%.").unwrap();
    let article = format!("{base}/tin-tuc/bai-3.html");
    let missing = format!("{base}/khong-co");
    let out = run(&["extract", &article, file.to_str().unwrap(), &missing, "-q"]);
    assert_eq!(out.status.code(), Some(1), "one URL fails");
    let recs = json_lines(&out.stdout);
    assert_eq!(recs.len(), 3);
    let v = validator();
    recs.iter().for_each(|r| assert_valid(&v, r));
    assert_eq!(recs[0]["source"]["path"], file.to_str().unwrap());
    assert_eq!(recs[1]["source"]["url"], article.as_str());
    assert_eq!(recs[1]["source"]["format"], "html");
    assert_eq!(recs[1]["title"], "/tin-tuc/bai-3.html");
    assert_eq!(recs[1]["dates"][0]["value"], "2024-03-12");
    assert_eq!(recs[2]["source"]["url"], missing.as_str());
    assert_eq!(recs[2]["error"]["kind"], "fetch");
    assert_eq!(recs[2]["error"]["status"], 404);
    assert!(recs[2]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("404"));
    assert_eq!(counts.lock().unwrap()["/tin-tuc/bai-3.html"], 1);
}
