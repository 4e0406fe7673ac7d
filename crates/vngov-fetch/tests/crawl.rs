//! Crawling local test portals: sitemaps, listings and pagination, the page and depth
//! limits, resuming from the archive, and politeness as the server sees it.

mod common;

use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::path::Path;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use common::{min_gap, quick, Reply, Server, STAMP_JITTER};
use vngov_fetch::{archive, crawl, CrawlConfig, Outcome, Role, SkipReason, Url, Visit};

/// A server whose handler knows its own base URL (for absolute sitemap locations).
fn serve(threads: usize, f: impl Fn(&str, &str) -> Reply + Send + Sync + 'static) -> Server {
    let base: Arc<OnceLock<String>> = Arc::new(OnceLock::new());
    let b = base.clone();
    let s = Server::start(threads, move |r| {
        f(b.get().map(String::as_str).unwrap_or(""), r.url)
    });
    base.set(s.base.clone()).unwrap();
    s
}

fn page(title: &str, body: &str) -> Reply {
    Reply::html(&format!(
        "<!doctype html><html><head><title>{title}</title></head><body>\
         <nav><a href=\"/\">Trang chủ</a> | <a href=\"/gioi-thieu\">Giới thiệu</a> | \
         <a href=\"/lien-he\">Liên hệ</a></nav>{body}</body></html>"
    ))
}

fn cfg(delay_ms: u64) -> CrawlConfig {
    CrawlConfig {
        fetch: vngov_fetch::Config {
            delay: Duration::from_millis(delay_ms),
            ..quick()
        },
        prefix: Some("/tin-tuc".into()),
        ..CrawlConfig::default()
    }
}

/// Visits by role: URL paths (and query) of the pages fetched.
fn fetched(visits: &[(Role, String, &'static str)], role: Role) -> BTreeSet<String> {
    visits
        .iter()
        .filter(|(r, _, k)| *r == role && *k == "fetched")
        .map(|(_, u, _)| u.clone())
        .collect()
}

fn path_of(u: &str) -> String {
    let u = Url::parse(u).unwrap();
    match u.query() {
        Some(q) => format!("{}?{q}", u.path()),
        None => u.path().to_string(),
    }
}

fn record(v: &Visit) -> (Role, String, &'static str) {
    let kind = match &v.outcome {
        Outcome::Fetched(_) => "fetched",
        Outcome::Failed(_) => "failed",
        Outcome::Skipped {
            reason: SkipReason::Held,
            ..
        } => "held",
        Outcome::Skipped {
            reason: SkipReason::Robots,
            ..
        } => "robots",
        Outcome::Skipped { .. } => "skipped",
    };
    (v.role, path_of(v.outcome.url()), kind)
}

fn run(s: &Server, start: &str, cfg: &CrawlConfig) -> Vec<(Role, String, &'static str)> {
    let mut visits = Vec::new();
    let start = Url::parse(&s.url(start)).unwrap();
    crawl::<_, Box<dyn std::error::Error>>(&start, cfg, &vngov_fetch::Held::new(), |v| {
        visits.push(record(&v));
        Ok(())
    })
    .unwrap();
    visits
}

fn listing(n: usize, of: usize, articles: std::ops::RangeInclusive<usize>) -> Reply {
    let mut b = String::from("<ul class=\"list-news\">");
    for k in articles {
        b += &format!(
            "<li><a href=\"/tin-tuc/bai-{k}.html\">Bài {k}: Hội nghị triển khai nhiệm vụ</a></li>"
        );
    }
    b += "</ul><div class=\"pager\">";
    let href = |p: usize| {
        if p == 1 {
            "/tin-tuc".to_string()
        } else {
            format!("/tin-tuc?page={p}")
        }
    };
    if n > 1 {
        b += &format!("<a href=\"{}\">« Trang trước</a>", href(n - 1));
    }
    for p in n.saturating_sub(2).max(1)..=(n + 2).min(of) {
        b += &format!(" <a href=\"{}\">{p}</a>", href(p));
    }
    if n < of {
        b += &format!(" <a href=\"{}\">Trang sau »</a>", href(n + 1));
        b += &format!(" <a href=\"{}\">Cuối</a>", href(of));
    }
    b += "</div>";
    page(&format!("Tin tức - trang {n}"), &b)
}

fn article(k: usize) -> Reply {
    page(
        &format!("Bài {k}"),
        &format!(
            "<article><h1>Bài {k}</h1><p>Ngày 12/3/2024, UBND tỉnh họp.</p>\
             <a href=\"/tin-tuc/bai-{}.html\">Tin liên quan</a>\
             <a href=\"/tin-tuc/ban-in/bai-{k}.html\">Bản in</a></article>",
            k + 1
        ),
    )
}

#[test]
fn a_listing_with_three_pages_of_pagination() {
    let s = serve(1, |_, u| match u {
        "/tin-tuc" => listing(1, 3, 1..=3),
        "/tin-tuc?page=2" => listing(2, 3, 4..=6),
        "/tin-tuc?page=3" => listing(3, 3, 7..=9),
        u if u.starts_with("/tin-tuc/bai-") => {
            let k: usize = u["/tin-tuc/bai-".len()..]
                .trim_end_matches(".html")
                .parse()
                .unwrap();
            article(k)
        }
        _ => Reply::status(404),
    });
    let visits = run(&s, "/tin-tuc", &cfg(1));
    let listings: Vec<_> = fetched(&visits, Role::Listing).into_iter().collect();
    assert_eq!(listings, ["/tin-tuc", "/tin-tuc?page=2", "/tin-tuc?page=3"]);
    let articles = fetched(&visits, Role::Article);
    let expected: BTreeSet<String> = (1..=9).map(|k| format!("/tin-tuc/bai-{k}.html")).collect();
    assert_eq!(articles, expected);
    // Depth 1: articles are not followed (bai-10 is linked from bai-9 only).
    assert_eq!(s.count("/tin-tuc/bai-10.html"), 0);
    assert_eq!(s.count("/gioi-thieu"), 0, "outside the prefix");
}

#[test]
fn a_sitemap_index_with_two_sitemaps() {
    let gz = |xml: String| {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(xml.as_bytes()).unwrap();
        e.finish().unwrap()
    };
    let urlset = |base: &str, ks: &[usize], extra: &str| {
        let mut x = String::from(
            "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">",
        );
        for k in ks {
            x += &format!(
                "<url><loc>{base}/tin-tuc/bai-{k}.html</loc><lastmod>2024-03-0{k}</lastmod></url>"
            );
        }
        x + extra + "</urlset>"
    };
    let s = serve(1, move |base, u| match u {
        "/robots.txt" => Reply::new(
            200,
            "text/plain",
            format!("User-agent: *\nAllow: /\nSitemap: {base}/sitemap_index.xml\n"),
        ),
        "/sitemap_index.xml" => Reply::new(
            200,
            "application/xml",
            format!(
                "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\
                 <sitemap><loc>{base}/sm/tin-1.xml</loc></sitemap>\
                 <sitemap><loc>{base}/sm/tin-2.xml.gz</loc></sitemap></sitemapindex>"
            ),
        ),
        "/sm/tin-1.xml" => Reply::new(200, "application/xml", urlset(base, &[1, 2, 3], "")),
        "/sm/tin-2.xml.gz" => Reply::new(
            200,
            "application/x-gzip",
            gz(urlset(
                base,
                &[4, 5, 6],
                "<url><loc>http://other.example/tin-tuc/x.html</loc></url>",
            )),
        ),
        "/tin-tuc" => page("Tin tức", "<p>Chưa có tin.</p>"),
        u if u.starts_with("/tin-tuc/bai-") => article(1),
        _ => Reply::status(404),
    });
    let visits = run(&s, "/tin-tuc", &cfg(1));
    let sitemaps: Vec<_> = fetched(&visits, Role::Sitemap).into_iter().collect();
    assert_eq!(
        sitemaps,
        ["/sitemap_index.xml", "/sm/tin-1.xml", "/sm/tin-2.xml.gz"]
    );
    let expected: BTreeSet<String> = (1..=6).map(|k| format!("/tin-tuc/bai-{k}.html")).collect();
    assert_eq!(fetched(&visits, Role::Article), expected);
    assert_eq!(s.count("/sitemap.xml"), 0, "robots.txt named the sitemap");
    // Sitemap pages come first, before the listing.
    let first_listing = visits.iter().position(|v| v.0 == Role::Listing).unwrap();
    let last_article = visits.iter().rposition(|v| v.0 == Role::Article).unwrap();
    assert!(last_article < first_listing, "{visits:?}");
}

/// The test portal: 200 pages. A home page and 4 other pages outside the news
/// section, 20 listing pages, 175 articles.
const ARTICLES: usize = 175;
const LISTINGS: usize = 20;

fn portal(_: &str, u: &str) -> Reply {
    match u {
        "/robots.txt" => Reply::new(
            200,
            "text/plain",
            "User-agent: *\nDisallow: /tin-tuc/ban-in/\n",
        ),
        "/" => page("Trang chủ", "<a href=\"/tin-tuc\">Tin tức</a>"),
        "/gioi-thieu" | "/lien-he" | "/van-ban" | "/so-do" => page("Khác", "<p>…</p>"),
        "/tin-tuc" => listing(1, LISTINGS, 1..=9),
        u if u.starts_with("/tin-tuc?page=") => {
            let n: usize = u["/tin-tuc?page=".len()..].parse().unwrap_or(0);
            if (2..=LISTINGS).contains(&n) {
                listing(n, LISTINGS, (n - 1) * 9 + 1..=(n * 9).min(ARTICLES))
            } else {
                Reply::status(404)
            }
        }
        u if u.starts_with("/tin-tuc/bai-") => {
            match u["/tin-tuc/bai-".len()..]
                .trim_end_matches(".html")
                .parse::<usize>()
            {
                Ok(k) if (1..=ARTICLES).contains(&k) => article(k),
                _ => Reply::status(404),
            }
        }
        _ => Reply::status(404),
    }
}

fn all_articles() -> BTreeSet<String> {
    (1..=ARTICLES)
        .map(|k| format!("/tin-tuc/bai-{k}.html"))
        .collect()
}

#[test]
fn a_portal_of_200_pages_gives_exactly_its_articles_politely() {
    let s = serve(4, portal);
    let delay = Duration::from_millis(20);
    let began = Instant::now();
    let visits = run(&s, "/tin-tuc", &cfg(20));
    let took = began.elapsed();
    assert_eq!(fetched(&visits, Role::Article), all_articles());
    assert_eq!(fetched(&visits, Role::Listing).len(), LISTINGS);
    assert!(visits.iter().all(|v| v.2 != "failed"), "{visits:?}");
    let hits = s.hits();
    // robots.txt, /sitemap.xml (404), listings, articles; nothing fetched twice,
    // nothing outside /tin-tuc, nothing robots.txt disallows.
    assert_eq!(hits.len(), 2 + LISTINGS + ARTICLES);
    let mut per_url: HashMap<&str, usize> = HashMap::new();
    for h in &hits {
        *per_url.entry(h.url.as_str()).or_default() += 1;
    }
    assert!(per_url.values().all(|&n| n == 1));
    assert!(hits.iter().all(|h| h.url.starts_with("/tin-tuc")
        || h.url == "/robots.txt"
        || h.url == "/sitemap.xml"));
    // As the server saw it: one request at a time, and requests arriving at least the
    // delay apart (the client waits the delay after each response ends, and a
    // response cannot end before its request arrived).
    assert_eq!(s.max_in_flight(), 1);
    let min_gap = min_gap(&hits);
    assert!(min_gap + STAMP_JITTER >= delay, "smallest gap {min_gap:?}");
    assert!(hits.iter().all(|h| h
        .headers
        .iter()
        .any(|(n, v)| n.eq_ignore_ascii_case("user-agent") && v.starts_with("vngov/"))));
    eprintln!(
        "portal: {} requests, {} articles, {} listings, {took:?}, smallest gap {min_gap:?}",
        hits.len(),
        ARTICLES,
        LISTINGS
    );
}

#[test]
fn the_per_host_limit_holds_with_slow_pages() {
    let s = serve(6, |_, u| match u {
        "/tin-tuc" => listing(1, 1, 1..=12),
        u if u.starts_with("/tin-tuc/bai-") => Reply {
            wait: Duration::from_millis(60),
            ..article(1)
        },
        _ => Reply::status(404),
    });
    let mut c = cfg(0);
    c.fetch.per_host = 2;
    let visits = run(&s, "/tin-tuc", &c);
    assert_eq!(fetched(&visits, Role::Article).len(), 12);
    assert_eq!(s.max_in_flight(), 2, "two at a time, never more");
}

#[test]
fn page_and_depth_limits() {
    let s = serve(2, portal);
    let mut c = cfg(0);
    c.max_pages = 12;
    let visits = run(&s, "/tin-tuc", &c);
    let n = visits.iter().filter(|v| v.2 == "fetched").count();
    assert_eq!(n, 12);
    let mut c = cfg(0);
    c.max_depth = 0;
    let visits = run(&s, "/tin-tuc", &c);
    assert!(fetched(&visits, Role::Article).is_empty());
    assert_eq!(fetched(&visits, Role::Listing).len(), LISTINGS);
}

/// Crawls into the archive at `path`; the sink fails after `stop_after` pages, and
/// with `tear`, first cuts the last record in half, as a kill during a write would.
fn crawl_into(
    s: &Server,
    path: &Path,
    c: &CrawlConfig,
    stop_after: Option<usize>,
    tear: bool,
) -> usize {
    let mut opened = archive::open(path, &c.fetch).unwrap();
    let start = Url::parse(&s.url("/tin-tuc")).unwrap();
    let mut pages = 0;
    let r = crawl::<_, Box<dyn std::error::Error>>(&start, c, &opened.held, |v| {
        match &v.outcome {
            Outcome::Fetched(f) => opened.writer.write_exchanges(&f.exchanges)?,
            Outcome::Failed(e) => opened.writer.write_exchanges(&e.exchanges)?,
            Outcome::Skipped { .. } => return Ok(()),
        }
        pages += 1;
        if Some(pages) == stop_after {
            if tear {
                let len = std::fs::metadata(path)?.len();
                std::fs::OpenOptions::new()
                    .write(true)
                    .open(path)?
                    .set_len(len - 30)?;
            }
            return Err("interrupted".into());
        }
        Ok(())
    });
    assert_eq!(r.is_err(), stop_after.is_some());
    pages
}

fn archived(path: &Path) -> Vec<String> {
    vngov_fetch::warc::Reader::open(path)
        .unwrap()
        .filter(|r| r.warc_type() == Some("response"))
        .map(|r| path_of(r.target_uri().unwrap()))
        .collect()
}

#[test]
fn an_interrupted_crawl_resumes_from_its_archive() {
    let s = serve(2, portal);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("site.warc.gz");
    let c = cfg(0);
    assert_eq!(crawl_into(&s, &path, &c, Some(40), false), 40);
    crawl_into(&s, &path, &c, None, false);
    let stored = archived(&path);
    let unique: BTreeSet<String> = stored.iter().cloned().collect();
    assert_eq!(stored.len(), unique.len(), "nothing archived twice");
    let articles: BTreeSet<String> = unique
        .iter()
        .filter(|u| u.contains("/bai-"))
        .cloned()
        .collect();
    assert_eq!(articles, all_articles(), "none lost");
    for h in s.hits() {
        if h.url != "/robots.txt" && h.url != "/sitemap.xml" {
            assert_eq!(s.count(&h.url), 1, "{} fetched twice", h.url);
        }
    }
}

#[test]
fn a_crawl_killed_mid_record_loses_only_that_record() {
    let s = serve(2, portal);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("site.warc.gz");
    let c = cfg(0);
    crawl_into(&s, &path, &c, Some(25), true);
    let before = archived(&path);
    assert_eq!(before.len(), 24, "the torn 25th record is not read");
    let torn = s
        .hits()
        .into_iter()
        .filter(|h| h.url != "/robots.txt" && h.url != "/sitemap.xml")
        .nth(24)
        .unwrap()
        .url;
    crawl_into(&s, &path, &c, None, false);
    let stored = archived(&path);
    let unique: BTreeSet<String> = stored.iter().cloned().collect();
    assert_eq!(stored.len(), unique.len());
    assert!(unique.is_superset(&all_articles()));
    for h in s.hits() {
        if h.url != "/robots.txt" && h.url != "/sitemap.xml" {
            let expected = if h.url == torn { 2 } else { 1 };
            assert_eq!(s.count(&h.url), expected, "{}", h.url);
        }
    }
}

#[test]
fn a_refresh_asks_for_listings_conditionally() {
    let s = Server::start(1, |r| match r.url {
        "/tin-tuc" => {
            let etag = "\"v1\"";
            if r.headers
                .iter()
                .any(|(n, v)| n.eq_ignore_ascii_case("if-none-match") && v == etag)
            {
                Reply::status(304).header("ETag", etag)
            } else {
                listing(1, 1, 1..=3).header("ETag", etag)
            }
        }
        u if u.starts_with("/tin-tuc/bai-") => article(1),
        _ => Reply::status(404),
    });
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("site.warc.gz");
    let mut c = cfg(0);
    crawl_into(&s, &path, &c, None, false);
    c.refresh = true;
    crawl_into(&s, &path, &c, None, false);
    assert_eq!(s.count("/tin-tuc"), 2);
    for k in 1..=3 {
        assert_eq!(
            s.count(&format!("/tin-tuc/bai-{k}.html")),
            1,
            "held articles are not asked for"
        );
    }
    let revisits: Vec<_> = vngov_fetch::warc::Reader::open(&path)
        .unwrap()
        .filter(|r| r.warc_type() == Some("revisit"))
        .map(|r| r.http_response().unwrap().status)
        .collect();
    assert_eq!(revisits, [304]);
}
