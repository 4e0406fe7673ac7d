//! Polite fetching and crawling of portals into WARC web archives.
//!
//! Async code (tokio, reqwest) stays inside this crate: [`Fetcher`] owns a runtime
//! and offers a blocking API. Every request honours robots.txt, a per-host delay and
//! concurrency limit, retries with backoff, timeouts, a body limit (decompressed
//! too), a redirect limit; failures come back as [`FetchError`] with URL, status and
//! reason. [`warc`] stores exchanges in archives and reads them back, through
//! `vngov-warc`; [`crawl()`] walks a portal.
//!
//! ```no_run
//! let fetcher = vngov_fetch::Fetcher::new(&vngov_fetch::Config::default()).unwrap();
//! match fetcher.fetch("https://example.gov.vn/tin-tuc/1.html") {
//!     Ok(page) => println!("{} {} {} bytes", page.final_url, page.status, page.body.len()),
//!     Err(e) => eprintln!("{e}"),
//! }
//! ```

pub mod archive;
pub mod attachments;
pub mod client;
pub mod config;
pub mod crawl;
pub mod fetcher;
pub mod links;
pub mod outcome;
pub mod politeness;
pub mod retry;
pub mod robots;
pub mod sitemap;
pub mod warc;

pub use config::{default_user_agent, Config};
pub use crawl::{crawl, crawl_with, CrawlConfig, CrawlSummary, Held, Role, Visit};
pub use fetcher::{fetch_all, parse_url, BuildError, Fetcher, Summary};
pub use outcome::{ErrorKind, Exchange, FetchError, Fetched, Headers, Outcome, SkipReason};
pub use url::Url;
