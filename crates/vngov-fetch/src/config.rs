//! Settings of a fetch: identity, politeness, limits, retries.

use std::time::Duration;

/// The name robots.txt rules are matched against (RFC 9309 product token).
pub const ROBOTS_TOKEN: &str = "vngov";

/// The User-Agent sent when none is configured: names vngov, its version and, when the
/// package records one, where to read about it.
pub fn default_user_agent() -> String {
    let version = env!("CARGO_PKG_VERSION");
    match env!("CARGO_PKG_REPOSITORY") {
        "" => format!("vngov/{version} (+robots.txt obeyed; Vietnamese public notices extractor)"),
        repo => format!("vngov/{version} (+{repo})"),
    }
}

/// How to fetch: who we say we are, how politely, and within which limits.
#[derive(Debug, Clone)]
pub struct Config {
    /// The User-Agent header (default: [`default_user_agent`]).
    pub user_agent: String,
    /// Least time between the end of one request to a host and the start of the next
    /// (default 1 s). A robots.txt `Crawl-delay` can make it longer, never shorter.
    pub delay: Duration,
    /// Requests to one host at the same time (default 1).
    pub per_host: usize,
    /// Requests in flight across all hosts (default 8).
    pub concurrency: usize,
    /// Time allowed to open a connection (default 10 s).
    pub connect_timeout: Duration,
    /// Longest wait for the next bytes of a response (default 30 s).
    pub read_timeout: Duration,
    /// Longest time for one whole attempt, body included (default 120 s).
    pub total_timeout: Duration,
    /// Largest body accepted, as received and again after decompression (default 16 MiB).
    pub max_bytes: u64,
    /// Redirects followed before giving up (default 10).
    pub max_redirects: usize,
    /// Further attempts after a 429, a 5xx, a timeout or a broken connection (default 3).
    pub retries: u32,
    /// First backoff before a retry; doubled on each retry (default 1 s).
    pub backoff_base: Duration,
    /// Longest backoff, and longest `Retry-After` honoured: a server asking for more
    /// makes the fetch fail instead (default 120 s).
    pub backoff_max: Duration,
    /// Whether robots.txt is obeyed (default true).
    pub robots: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            user_agent: default_user_agent(),
            delay: Duration::from_secs(1),
            per_host: 1,
            concurrency: 8,
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(30),
            total_timeout: Duration::from_secs(120),
            max_bytes: 16 * 1024 * 1024,
            max_redirects: 10,
            retries: 3,
            backoff_base: Duration::from_secs(1),
            backoff_max: Duration::from_secs(120),
            robots: true,
        }
    }
}
