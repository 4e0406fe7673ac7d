//! What a fetch gives back: the page, every HTTP exchange behind it, or why it failed.

use std::fmt;
use std::net::IpAddr;
use std::time::SystemTime;

use url::Url;

pub use vngov_warc::Headers;

/// The request as it was sent.
#[derive(Debug, Clone)]
pub struct RequestHead {
    /// `GET`.
    pub method: String,
    /// The URL requested.
    pub url: Url,
    /// Header fields sent, `Host` first.
    pub headers: Headers,
}

/// The response head as it was received.
#[derive(Debug, Clone)]
pub struct ResponseHead {
    /// `HTTP/1.1`, `HTTP/2.0`…
    pub version: String,
    /// Status code.
    pub status: u16,
    /// Reason phrase for the status (canonical: the wire phrase is not kept by the client).
    pub reason: String,
    /// Header fields received.
    pub headers: Headers,
}

/// One request and its response: what an archive stores.
#[derive(Debug, Clone)]
pub struct Exchange {
    /// When the response head arrived.
    pub date: SystemTime,
    /// The server's address.
    pub ip: Option<IpAddr>,
    /// The request.
    pub request: RequestHead,
    /// The response head.
    pub response: ResponseHead,
    /// The body as received: transfer coding removed, content coding (gzip…) kept.
    pub wire_body: Vec<u8>,
}

/// A page fetched: the final response after redirects, its body decoded.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The URL asked for.
    pub url: Url,
    /// The URL of the final response, after redirects.
    pub final_url: Url,
    /// Status of the final response (2xx, or 304 for a conditional request).
    pub status: u16,
    /// Header fields of the final response.
    pub headers: Headers,
    /// The body with its content coding (gzip, deflate) removed.
    pub body: Vec<u8>,
    /// Every exchange, redirects first, the final one last.
    pub exchanges: Vec<Exchange>,
}

impl Fetched {
    /// The `Content-Type` header, when there is one.
    pub fn content_type(&self) -> Option<&str> {
        self.headers.get("content-type")
    }
}

/// Kinds of fetch failures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// Not an http(s) URL, or not a URL at all.
    InvalidUrl,
    /// robots.txt disallows the URL for our user agent.
    Robots,
    /// robots.txt could not be read (no connection, a timeout, a server error), so
    /// nothing on the origin is fetched (RFC 9309): a failure, not a refusal.
    RobotsUnreachable,
    /// The server answered with an error status (after any retries).
    Status,
    /// The body is larger than the limit, as received or decompressed.
    TooLarge,
    /// Connecting or reading took longer than allowed.
    Timeout,
    /// The connection could not be made or broke.
    Connect,
    /// Too many redirects, a redirect loop, or a redirect to another scheme.
    Redirect,
    /// The content coding could not be undone.
    Decode,
    /// The server asked to come back later than we wait.
    RetryAfter,
}

impl ErrorKind {
    /// A stable name for the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::InvalidUrl => "invalid_url",
            ErrorKind::Robots => "robots",
            ErrorKind::RobotsUnreachable => "robots_unreachable",
            ErrorKind::Status => "status",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Connect => "connect",
            ErrorKind::Redirect => "redirect",
            ErrorKind::Decode => "decode",
            ErrorKind::RetryAfter => "retry_after",
        }
    }
}

/// A failed fetch: which URL, the last status seen, and why.
#[derive(Debug, Clone)]
pub struct FetchError {
    /// The URL asked for (as given when it did not parse).
    pub url: String,
    /// The last HTTP status received, when one was.
    pub status: Option<u16>,
    /// What kind of failure.
    pub kind: ErrorKind,
    /// What happened, for a person.
    pub reason: String,
    /// Attempts made on the last URL of the chain.
    pub attempts: u32,
    /// The exchanges that did complete (an error page, redirects): still worth archiving.
    pub exchanges: Vec<Exchange>,
}

impl FetchError {
    pub(crate) fn new(url: impl Into<String>, kind: ErrorKind, reason: impl Into<String>) -> Self {
        FetchError {
            url: url.into(),
            status: None,
            kind,
            reason: reason.into(),
            attempts: 0,
            exchanges: Vec::new(),
        }
    }
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.url, self.reason)?;
        if self.attempts > 1 {
            write!(f, " (after {} attempts)", self.attempts)?;
        }
        Ok(())
    }
}

impl std::error::Error for FetchError {}

/// Why a URL was not fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SkipReason {
    /// The archive already holds a response for it.
    Held,
    /// robots.txt disallows it.
    Robots,
    /// The usual `/sitemap.xml` does not exist.
    NoSitemap,
}

/// What became of one URL.
#[derive(Debug)]
pub enum Outcome {
    /// Fetched (a 2xx, or a 304 answering a conditional request).
    Fetched(Box<Fetched>),
    /// Failed: carries URL, status and reason.
    Failed(Box<FetchError>),
    /// Not fetched, on purpose.
    Skipped {
        /// The URL.
        url: String,
        /// Why.
        reason: SkipReason,
    },
}

impl Outcome {
    /// The URL this outcome is about (as asked for).
    pub fn url(&self) -> &str {
        match self {
            Outcome::Fetched(f) => f.url.as_str(),
            Outcome::Failed(e) => &e.url,
            Outcome::Skipped { url, .. } => url,
        }
    }
}
