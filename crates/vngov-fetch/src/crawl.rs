//! Crawling one portal: its sitemaps first, then its listing pages and their
//! pagination, and the articles they link to, within the start host (and a path
//! prefix, if given), to a depth and a page limit. What the archive already holds is
//! not fetched again: its stored links are followed instead, so an interrupted crawl
//! resumes where it stopped.

use std::collections::{HashMap, HashSet, VecDeque};
use std::time::{Duration, Instant};

use tokio::task::JoinSet;
use url::Url;
use vngov_warc::http::decode_content;

use crate::config::Config;
use crate::fetcher::{BuildError, Fetcher};
use crate::links::{self, Link};
use crate::outcome::{ErrorKind, FetchError, Fetched, Headers, Outcome, SkipReason};
use crate::politeness::host_key;
use crate::sitemap::{self, Sitemap};
use crate::warc::Record;

/// How to crawl.
#[derive(Debug, Clone)]
pub struct CrawlConfig {
    /// How to fetch (politeness, limits, retries).
    pub fetch: Config,
    /// Link steps from the start page; pagination does not count (default 1: the
    /// listing and the pages it links to).
    pub max_depth: usize,
    /// Pages (sitemaps, listings, articles) in the archive at most, held ones
    /// included (default 1000).
    pub max_pages: usize,
    /// Read the sitemaps named in robots.txt, or `/sitemap.xml` (default true).
    pub sitemaps: bool,
    /// Only follow links whose path starts with this (default: the whole host).
    pub prefix: Option<String>,
    /// Ask again, conditionally (ETag / Last-Modified), for listing pages and sitemaps
    /// the archive holds, to find what is new since (default false: held pages are
    /// not requested at all, as when resuming).
    pub refresh: bool,
}

impl Default for CrawlConfig {
    fn default() -> Self {
        CrawlConfig {
            fetch: Config::default(),
            max_depth: 1,
            max_pages: 1000,
            sitemaps: true,
            prefix: None,
            refresh: false,
        }
    }
}

/// The part a page plays in the crawl.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// A sitemap or sitemap index.
    Sitemap,
    /// A listing page (the start page and its pagination).
    Listing,
    /// A page linked from a listing or a sitemap.
    Article,
}

/// One URL the crawl dealt with.
#[derive(Debug)]
pub struct Visit {
    /// Its part.
    pub role: Role,
    /// Link steps from the start page.
    pub depth: usize,
    /// What became of it.
    pub outcome: Outcome,
}

/// Counts of a crawl.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CrawlSummary {
    /// Pages fetched (304 answers included).
    pub fetched: usize,
    /// Pages whose fetch failed.
    pub failed: usize,
    /// Pages the archive held, not fetched again.
    pub held: usize,
    /// Links robots.txt disallows.
    pub robots: usize,
    /// Conditional requests answered 304 Not Modified.
    pub not_modified: usize,
    /// Pages found but left out by the page limit.
    pub left: usize,
    /// Wall time.
    pub elapsed: Duration,
}

/// A page the archive holds, reduced to what the crawl needs from it.
#[derive(Debug, Clone, Default)]
pub struct HeldPage {
    /// Status of the stored response.
    pub status: u16,
    /// Links, for an HTML page.
    pub links: Vec<Link>,
    /// Contents, for a sitemap.
    pub sitemap: Option<Sitemap>,
    /// Target of a stored redirect.
    pub redirect: Option<Url>,
    /// `ETag` of the stored response.
    pub etag: Option<String>,
    /// `Last-Modified` of the stored response.
    pub last_modified: Option<String>,
}

/// What an archive already holds, by URL.
#[derive(Debug, Clone, Default)]
pub struct Held {
    pages: HashMap<String, HeldPage>,
}

/// Whether a response is settled: kept, not asked for again. 5xx, 408 and 429 are
/// not (a later run tries again).
fn settled(status: u16) -> bool {
    status < 500 && !matches!(status, 408 | 429)
}

impl Held {
    /// Nothing held.
    pub fn new() -> Held {
        Held::default()
    }

    /// Takes in one record of an archive (`response` records; a `revisit` keeps the
    /// earlier response). `max_bytes` bounds decompression of stored bodies.
    pub fn add(&mut self, rec: &Record, max_bytes: u64) {
        if rec.warc_type() != Some("response") {
            return;
        }
        let (Some(uri), Some(resp)) = (rec.target_uri(), rec.http_response()) else {
            return;
        };
        let Ok(url) = Url::parse(uri) else { return };
        if !settled(resp.status) {
            return;
        }
        let mut page = HeldPage {
            status: resp.status,
            etag: resp.headers.get("etag").map(str::to_string),
            last_modified: resp.headers.get("last-modified").map(str::to_string),
            ..HeldPage::default()
        };
        if (300..400).contains(&resp.status) {
            page.redirect = resp.headers.get("location").and_then(|l| url.join(l).ok());
        } else if (200..300).contains(&resp.status) {
            if let Ok(body) = decode_content(&resp.headers, resp.body, max_bytes) {
                let ct = resp.headers.get("content-type");
                read_page(&url, ct, &body, max_bytes, &mut page);
            }
        }
        self.pages.insert(url.to_string(), page);
    }

    /// Whether the archive holds a settled response for `url`.
    pub fn contains(&self, url: &str) -> bool {
        self.pages.contains_key(url)
    }

    /// The held page for `url`.
    pub fn get(&self, url: &str) -> Option<&HeldPage> {
        self.pages.get(url)
    }

    /// URLs held.
    pub fn len(&self) -> usize {
        self.pages.len()
    }

    /// Whether nothing is held.
    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }
}

fn looks_like_sitemap(url: &Url, ct: Option<&str>, body: &[u8]) -> bool {
    let path = url.path().to_ascii_lowercase();
    ct.is_some_and(|c| c.contains("xml"))
        || path.ends_with(".xml")
        || path.ends_with(".xml.gz")
        || body.starts_with(&[0x1f, 0x8b])
}

/// Links or sitemap contents of a body.
fn read_page(url: &Url, ct: Option<&str>, body: &[u8], max_bytes: u64, page: &mut HeldPage) {
    if looks_like_sitemap(url, ct, body) {
        if let Ok(s) = sitemap::parse(body, max_bytes) {
            page.sitemap = Some(s);
            return;
        }
    }
    let html = ct.map_or(true, |c| c.contains("html"));
    if html {
        page.links = links::discover(url, &links::decode_html(body, ct));
    }
}

struct Item {
    url: Url,
    role: Role,
    depth: usize,
}

struct Frontier {
    queues: [VecDeque<Item>; 3],
    seen: HashSet<String>,
}

impl Frontier {
    fn push(&mut self, url: Url, role: Role, depth: usize) {
        if !self.seen.insert(url.to_string()) {
            return;
        }
        // Sitemaps first, then the articles found so far, then further listings:
        // each listing's articles are archived before the next listing is read.
        let q = match role {
            Role::Sitemap => 0,
            Role::Article => 1,
            Role::Listing => 2,
        };
        self.queues[q].push_back(Item { url, role, depth });
    }

    fn pop(&mut self) -> Option<Item> {
        self.queues.iter_mut().find_map(VecDeque::pop_front)
    }

    fn len(&self) -> usize {
        self.queues.iter().map(VecDeque::len).sum()
    }
}

struct Scope {
    hosts: HashSet<String>,
    prefix: Option<String>,
}

impl Scope {
    fn host(&self, url: &Url) -> bool {
        self.hosts.contains(&host_key(url))
    }
    fn page(&self, url: &Url) -> bool {
        self.host(url)
            && self
                .prefix
                .as_deref()
                .map_or(true, |p| url.path().starts_with(p))
    }
}

struct Crawl<'a> {
    cfg: &'a CrawlConfig,
    frontier: Frontier,
    scope: Scope,
}

impl Crawl<'_> {
    /// Queues what a page leads to.
    fn expand(&mut self, item: &Item, final_url: &Url, page: &HeldPage) {
        if let Some(to) = &page.redirect {
            if self.scope.host(to) {
                self.frontier.push(to.clone(), item.role, item.depth);
            }
            return;
        }
        if let Some(s) = &page.sitemap {
            match s {
                Sitemap::Index(locs) => {
                    for loc in locs {
                        if let Ok(u) = final_url.join(loc) {
                            if self.scope.host(&u) {
                                self.frontier.push(u, Role::Sitemap, item.depth);
                            }
                        }
                    }
                }
                Sitemap::Pages(entries) => {
                    for e in entries {
                        if let Ok(u) = final_url.join(&e.loc) {
                            if self.scope.page(&u) {
                                // Sitemap pages are leaves: followed no further.
                                self.frontier.push(u, Role::Article, self.cfg.max_depth);
                            }
                        }
                    }
                }
            }
            return;
        }
        if item.role == Role::Sitemap {
            return;
        }
        for link in &page.links {
            if !self.scope.page(&link.url) {
                continue;
            }
            if item.role == Role::Listing && link.pagination {
                self.frontier
                    .push(link.url.clone(), Role::Listing, item.depth);
            } else if item.depth < self.cfg.max_depth {
                self.frontier
                    .push(link.url.clone(), Role::Article, item.depth + 1);
            }
        }
    }
}

fn conditional(page: &HeldPage) -> Headers {
    let mut h = Headers::default();
    if let Some(e) = &page.etag {
        h.push("If-None-Match", e.as_bytes());
    }
    if let Some(m) = &page.last_modified {
        h.push("If-Modified-Since", m.as_bytes());
    }
    h
}

/// Crawls from `start` with a new [`Fetcher`]; see [`crawl_with`].
pub fn crawl<S, E>(start: &Url, cfg: &CrawlConfig, held: &Held, sink: S) -> Result<CrawlSummary, E>
where
    S: FnMut(Visit) -> Result<(), E>,
    E: From<BuildError>,
{
    let fetcher = Fetcher::new(&cfg.fetch)?;
    crawl_with(&fetcher, start, cfg, held, sink)
}

/// Crawls from `start` (a listing page), handing every visit to `sink` as it
/// completes; stops at the first sink error. Pages in `held` are not fetched (unless
/// `refresh` asks again for listings and sitemaps).
pub fn crawl_with<S, E>(
    fetcher: &Fetcher,
    start: &Url,
    cfg: &CrawlConfig,
    held: &Held,
    mut sink: S,
) -> Result<CrawlSummary, E>
where
    S: FnMut(Visit) -> Result<(), E>,
{
    let began = Instant::now();
    let engine = fetcher.engine().clone();
    let mut summary = CrawlSummary::default();
    let mut crawl = Crawl {
        cfg,
        frontier: Frontier {
            queues: Default::default(),
            seen: HashSet::new(),
        },
        scope: Scope {
            hosts: HashSet::from([host_key(start)]),
            prefix: cfg.prefix.clone(),
        },
    };
    let max_bytes = cfg.fetch.max_bytes;
    let result = fetcher.runtime().block_on(async {
        let mut guessed_sitemap = None;
        if cfg.sitemaps {
            let (named, reachable) = if cfg.fetch.robots {
                let rules = engine.robots(start).await;
                (
                    rules.robots.sitemaps().to_vec(),
                    rules.unreachable.is_none(),
                )
            } else {
                (Vec::new(), true)
            };
            let named: Vec<Url> = named.into_iter().filter(|u| crawl.scope.host(u)).collect();
            // A host whose robots.txt could not be read gives nothing: no sitemap is
            // guessed there, so that the start page alone reports the failure.
            if named.is_empty() && reachable {
                if let Ok(u) = start.join("/sitemap.xml") {
                    guessed_sitemap = Some(u.to_string());
                    crawl.frontier.push(u, Role::Sitemap, 0);
                }
            }
            for u in named {
                crawl.frontier.push(u, Role::Sitemap, 0);
            }
        }
        crawl.frontier.push(start.clone(), Role::Listing, 0);
        let per_host = cfg.fetch.per_host.max(1);
        let mut pages = 0usize;
        let mut tasks: JoinSet<(Item, Result<Fetched, FetchError>)> = JoinSet::new();
        loop {
            while tasks.len() < per_host && pages < cfg.max_pages {
                let Some(item) = crawl.frontier.pop() else {
                    break;
                };
                let held_page = held.get(item.url.as_str());
                let ask_again = cfg.refresh && item.role != Role::Article;
                if let (Some(page), false) = (held_page, ask_again) {
                    pages += 1;
                    summary.held += 1;
                    crawl.expand(&item, &item.url.clone(), page);
                    let outcome = Outcome::Skipped {
                        url: item.url.to_string(),
                        reason: SkipReason::Held,
                    };
                    sink(Visit {
                        role: item.role,
                        depth: item.depth,
                        outcome,
                    })?;
                    continue;
                }
                let refusal = if cfg.fetch.robots {
                    engine.robots(&item.url).await.refusal(&item.url, &item.url)
                } else {
                    None
                };
                if let Some(e) = refusal {
                    // A page robots.txt disallows is passed over and counted; a host
                    // whose robots.txt cannot be read is a failure, reported.
                    let outcome = if e.kind == ErrorKind::Robots {
                        summary.robots += 1;
                        Outcome::Skipped {
                            url: e.url,
                            reason: SkipReason::Robots,
                        }
                    } else {
                        pages += 1;
                        summary.failed += 1;
                        Outcome::Failed(Box::new(e))
                    };
                    sink(Visit {
                        role: item.role,
                        depth: item.depth,
                        outcome,
                    })?;
                    continue;
                }
                pages += 1;
                let extra = held_page.map(conditional).unwrap_or_default();
                let engine = engine.clone();
                tasks.spawn(async move {
                    let r = engine.fetch(&item.url, &extra).await;
                    (item, r)
                });
            }
            let Some(done) = tasks.join_next().await else {
                break;
            };
            let Ok((item, result)) = done else { continue };
            let outcome = match result {
                Ok(f) => {
                    summary.fetched += 1;
                    if f.final_url != item.url && item.url.as_str() == start.as_str() {
                        // The start page moved (http → https, a www. host): its new
                        // host is the crawl's host too.
                        crawl.scope.hosts.insert(host_key(&f.final_url));
                    }
                    crawl.frontier.seen.insert(f.final_url.to_string());
                    let page = if f.status == 304 {
                        summary.not_modified += 1;
                        held.get(item.url.as_str()).cloned().unwrap_or_default()
                    } else {
                        let mut page = HeldPage::default();
                        read_page(
                            &f.final_url,
                            f.content_type(),
                            &f.body,
                            max_bytes,
                            &mut page,
                        );
                        page
                    };
                    let final_url = f.final_url.clone();
                    crawl.expand(&item, &final_url, &page);
                    Outcome::Fetched(Box::new(f))
                }
                Err(e) if e.kind == ErrorKind::Robots => {
                    summary.robots += 1;
                    pages -= 1;
                    Outcome::Skipped {
                        url: e.url,
                        reason: SkipReason::Robots,
                    }
                }
                Err(e)
                    if guessed_sitemap.as_deref() == Some(e.url.as_str())
                        && e.status == Some(404) =>
                {
                    // No sitemap where one usually is: not a failure.
                    pages -= 1;
                    Outcome::Skipped {
                        url: e.url,
                        reason: SkipReason::NoSitemap,
                    }
                }
                Err(e) => {
                    summary.failed += 1;
                    Outcome::Failed(Box::new(e))
                }
            };
            sink(Visit {
                role: item.role,
                depth: item.depth,
                outcome,
            })?;
        }
        summary.left = crawl.frontier.len();
        Ok(())
    });
    summary.elapsed = began.elapsed();
    result.map(|()| summary)
}
