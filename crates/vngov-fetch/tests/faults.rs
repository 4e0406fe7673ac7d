//! Fetching against a misbehaving local server: each fault ends in a clear outcome.

mod common;

use std::io::Write;
use std::time::Duration;

use common::{min_gap, quick, Reply, Server, STAMP_JITTER};
use vngov_fetch::warc::{Reader, Writer};
use vngov_fetch::{ErrorKind, Fetcher};

fn not_found() -> Reply {
    Reply::status(404)
}

#[test]
fn robots_disallow_is_obeyed_without_a_request() {
    let s = Server::start(2, |r| match r.url {
        "/robots.txt" => Reply::new(200, "text/plain", "User-agent: *\nDisallow: /noi-bo/\n"),
        "/tin-tuc/1.html" => Reply::html("<p>tin</p>"),
        _ => not_found(),
    });
    let f = Fetcher::new(&quick()).unwrap();
    let e = f.fetch(&s.url("/noi-bo/bao-cao.html")).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Robots);
    assert!(e.reason.contains("robots.txt"), "{}", e.reason);
    assert!(f.fetch(&s.url("/tin-tuc/1.html")).is_ok());
    assert_eq!(s.count("/noi-bo/bao-cao.html"), 0);
    assert_eq!(s.count("/robots.txt"), 1, "robots.txt is cached per host");
}

#[test]
fn too_many_requests_waits_for_retry_after() {
    let s = Server::start(1, |r| match (r.url, r.seen) {
        ("/a", 0) => Reply::status(429).header("Retry-After", "1"),
        ("/a", _) => Reply::html("ok"),
        _ => not_found(),
    });
    let f = Fetcher::new(&quick()).unwrap();
    let page = f.fetch(&s.url("/a")).unwrap();
    assert_eq!((page.status, page.body.as_slice()), (200, b"ok".as_slice()));
    let hits: Vec<_> = s.hits().into_iter().filter(|h| h.url == "/a").collect();
    assert_eq!(hits.len(), 2);
    let gap = hits[1].arrived - hits[0].arrived;
    assert!(
        gap + STAMP_JITTER >= Duration::from_secs(1),
        "retried after {gap:?}"
    );
}

#[test]
fn service_unavailable_then_success_with_backoff() {
    let s = Server::start(1, |r| match (r.url, r.seen) {
        ("/b", 0 | 1) => Reply::status(503),
        ("/b", _) => Reply::html("ok"),
        _ => not_found(),
    });
    let f = Fetcher::new(&quick()).unwrap();
    assert_eq!(f.fetch(&s.url("/b")).unwrap().status, 200);
    let hits: Vec<_> = s.hits().into_iter().filter(|h| h.url == "/b").collect();
    assert_eq!(hits.len(), 3);
    // Backoff 50 ms then 100 ms nominal; jitter keeps at least half.
    assert!(hits[1].arrived - hits[0].arrived + STAMP_JITTER >= Duration::from_millis(25));
    assert!(hits[2].arrived - hits[1].arrived + STAMP_JITTER >= Duration::from_millis(50));
}

#[test]
fn persistent_server_errors_give_up_with_the_status() {
    let s = Server::start(1, |r| match r.url {
        "/c" => Reply::status(502),
        _ => not_found(),
    });
    let f = Fetcher::new(&quick()).unwrap();
    let e = f.fetch(&s.url("/c")).unwrap_err();
    assert_eq!(
        (e.kind, e.status, e.attempts),
        (ErrorKind::Status, Some(502), 3)
    );
    assert!(e.url.ends_with("/c") && e.reason.contains("502"), "{e}");
    assert_eq!(
        e.exchanges.len(),
        1,
        "the last error page is kept for the archive"
    );
    let e = f.fetch(&s.url("/missing")).unwrap_err();
    assert_eq!(
        (e.status, e.attempts),
        (Some(404), 1),
        "a 404 is not retried"
    );
}

#[test]
fn a_response_slower_than_the_read_timeout_fails() {
    let s = Server::start(3, |r| match r.url {
        "/slow" => Reply {
            wait: Duration::from_millis(1500),
            ..Reply::html("late")
        },
        _ => not_found(),
    });
    let cfg = vngov_fetch::Config {
        read_timeout: Duration::from_millis(200),
        retries: 1,
        ..quick()
    };
    let f = Fetcher::new(&cfg).unwrap();
    let e = f.fetch(&s.url("/slow")).unwrap_err();
    assert_eq!(
        (e.kind, e.status, e.attempts),
        (ErrorKind::Timeout, None, 2),
        "{e}"
    );
}

#[test]
fn oversized_bodies_are_refused_with_or_without_length() {
    let s = Server::start(2, |r| match r.url {
        "/big" => Reply::html(&"x".repeat(5000)),
        "/big-chunked" => Reply {
            chunked: true,
            ..Reply::html(&"x".repeat(5000))
        },
        "/small" => Reply::html(&"x".repeat(900)),
        _ => not_found(),
    });
    let cfg = vngov_fetch::Config {
        max_bytes: 1000,
        ..quick()
    };
    let f = Fetcher::new(&cfg).unwrap();
    for p in ["/big", "/big-chunked"] {
        let e = f.fetch(&s.url(p)).unwrap_err();
        assert_eq!(
            (e.kind, e.status),
            (ErrorKind::TooLarge, Some(200)),
            "{p}: {e}"
        );
    }
    assert_eq!(f.fetch(&s.url("/small")).unwrap().body.len(), 900);
}

#[test]
fn a_gzip_bomb_stops_at_the_limit() {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&vec![b'a'; 20 * 1024 * 1024]).unwrap();
    let bomb = gz.finish().unwrap();
    assert!(bomb.len() < 100_000);
    let small = {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all("<p>Thông báo</p>".as_bytes()).unwrap();
        gz.finish().unwrap()
    };
    let s = Server::start(2, move |r| match r.url {
        "/bomb" => Reply::new(200, "text/html", bomb.clone()).header("Content-Encoding", "gzip"),
        "/gz" => Reply::new(200, "text/html", small.clone()).header("Content-Encoding", "gzip"),
        _ => not_found(),
    });
    let cfg = vngov_fetch::Config {
        max_bytes: 1024 * 1024,
        ..quick()
    };
    let f = Fetcher::new(&cfg).unwrap();
    let e = f.fetch(&s.url("/bomb")).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooLarge);
    assert!(e.reason.contains("decompressed"), "{e}");
    let page = f.fetch(&s.url("/gz")).unwrap();
    assert_eq!(page.body, "<p>Thông báo</p>".as_bytes());
    assert_ne!(
        page.exchanges[0].wire_body, page.body,
        "the archive keeps the gzip bytes"
    );
}

#[test]
fn redirect_loops_limits_and_schemes() {
    let s = Server::start(2, |r| {
        let u = r.url;
        if u == "/a" {
            Reply::status(301).header("Location", "/b")
        } else if u == "/b" {
            Reply::status(302).header("Location", "/a")
        } else if let Some(n) = u.strip_prefix("/r/") {
            let n: u32 = n.parse().unwrap();
            Reply::status(307).header("Location", &format!("/r/{}", n + 1))
        } else if u == "/ftp" {
            Reply::status(301).header("Location", "ftp://127.0.0.1/x")
        } else if u == "/moved" {
            Reply::status(308).header("Location", "/here")
        } else if u == "/here" {
            Reply::html("here")
        } else {
            not_found()
        }
    });
    let cfg = vngov_fetch::Config {
        max_redirects: 3,
        ..quick()
    };
    let f = Fetcher::new(&cfg).unwrap();
    let e = f.fetch(&s.url("/a")).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Redirect);
    assert!(e.reason.contains("loop"), "{e}");
    let e = f.fetch(&s.url("/r/0")).unwrap_err();
    assert!(e.reason.contains("more than 3 redirects"), "{e}");
    assert_eq!(s.count("/r/4"), 0);
    let e = f.fetch(&s.url("/ftp")).unwrap_err();
    assert!(e.reason.contains("non-http"), "{e}");
    let page = f.fetch(&s.url("/moved")).unwrap();
    assert_eq!(page.final_url.path(), "/here");
    assert_eq!(
        page.exchanges.len(),
        2,
        "the redirect is kept for the archive"
    );
}

#[test]
fn a_windows_1258_page_is_archived_byte_for_byte() {
    // "Thông báo kết luận" in Windows-1258: base letters with combining tone marks.
    let bytes: Vec<u8> =
        b"<html><body><p>Th\xf4ng b\xe1o k\xea\xect lu\xe2\xf2n</p></body></html>".to_vec();
    let body = bytes.clone();
    let s = Server::start(1, move |r| match r.url {
        "/vb.html" => Reply::new(200, "text/html; charset=windows-1258", body.clone()),
        _ => not_found(),
    });
    let f = Fetcher::new(&quick()).unwrap();
    let page = f.fetch(&s.url("/vb.html")).unwrap();
    assert_eq!(page.body, bytes);
    assert_eq!(page.content_type(), Some("text/html; charset=windows-1258"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.warc.gz");
    let mut w = Writer::append(&path, 0, &[]).unwrap();
    w.write_exchanges(&page.exchanges).unwrap();
    drop(w);
    let rec = Reader::open(&path)
        .unwrap()
        .find(|r| r.warc_type() == Some("response"))
        .unwrap();
    let resp = rec.http_response().unwrap();
    assert_eq!(resp.body, bytes.as_slice());
    assert_eq!(
        resp.headers.get("content-type"),
        Some("text/html; charset=windows-1258")
    );
    let text = vngov_fetch::links::decode_html(resp.body, resp.headers.get("content-type"));
    use unicode_normalization::UnicodeNormalization;
    assert!(
        text.nfc()
            .collect::<String>()
            .contains("Thông báo kết luận"),
        "{text}"
    );
}

#[test]
fn per_host_delay_holds_across_fetch_all() {
    let s = Server::start(4, |r| match r.url {
        "/robots.txt" => not_found(),
        _ => Reply::html("x"),
    });
    let cfg = vngov_fetch::Config {
        delay: Duration::from_millis(40),
        per_host: 1,
        ..quick()
    };
    let urls: Vec<String> = (0..8).map(|i| s.url(&format!("/p{i}"))).collect();
    let mut got = Vec::new();
    let sum = vngov_fetch::fetch_all::<_, _, Box<dyn std::error::Error>>(urls, &cfg, |o| {
        got.push(o.url().to_string());
        Ok(())
    })
    .unwrap();
    assert_eq!((sum.urls, sum.fetched, sum.failed), (8, 8, 0));
    let hits = s.hits();
    assert_eq!(hits.len(), 9);
    let gap = min_gap(&hits);
    assert!(
        gap + STAMP_JITTER >= Duration::from_millis(40),
        "smallest gap {gap:?}"
    );
    assert_eq!(s.max_in_flight(), 1);
}
