//! Fetching with everything around a request: robots.txt, per-host politeness,
//! retries, redirects followed one by one (each hop archived, checked and counted),
//! and the blocking API the rest of the workspace uses.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use tokio::runtime::Runtime;
use tokio::task::JoinSet;
use url::Url;

use vngov_warc::http::{decode_content, DecodeError};

use crate::client::{AttemptError, Client};
use crate::config::Config;
use crate::outcome::{ErrorKind, Exchange, FetchError, Fetched, Headers, Outcome};
use crate::politeness::{host_key, Politeness};
use crate::retry::{self, parse_retry_after, retryable_status, Decision};
use crate::robots::{self, Rules};

/// The async engine shared by fetch tasks.
pub(crate) struct Engine {
    pub(crate) cfg: Config,
    client: Client,
    pub(crate) polite: Politeness,
    robots: robots::Cache,
    policy: retry::Policy,
}

fn is_redirect(status: u16) -> bool {
    matches!(status, 301 | 302 | 303 | 307 | 308)
}

impl Engine {
    fn new(cfg: &Config) -> Result<Engine, String> {
        Ok(Engine {
            client: Client::new(cfg)?,
            polite: Politeness::new(cfg.delay, cfg.per_host),
            robots: robots::Cache::default(),
            policy: retry::Policy {
                retries: cfg.retries,
                base: cfg.backoff_base,
                max: cfg.backoff_max,
            },
            cfg: cfg.clone(),
        })
    }

    /// The robots.txt rules for the origin of `url` (fetched politely, once).
    pub(crate) async fn robots(&self, url: &Url) -> Arc<Rules> {
        let rules = self
            .robots
            .rules(url, |robots_url| {
                // robots.txt: at most 5 redirects (RFC 9309), never itself checked.
                Box::pin(async move {
                    self.fetch_chain(robots_url, &Headers::default(), false, 5)
                        .await
                })
            })
            .await;
        if let Some(d) = rules.robots.crawl_delay() {
            // A Crawl-delay beyond a minute would stall a crawl: cap it.
            self.polite
                .at_least(&host_key(url), d.min(Duration::from_secs(60)));
        }
        rules
    }

    /// Fetches `url`, following redirects.
    pub(crate) async fn fetch(&self, url: &Url, extra: &Headers) -> Result<Fetched, FetchError> {
        self.fetch_chain(url.clone(), extra, self.cfg.robots, self.cfg.max_redirects)
            .await
    }

    async fn fetch_chain(
        &self,
        url: Url,
        extra: &Headers,
        check_robots: bool,
        max_redirects: usize,
    ) -> Result<Fetched, FetchError> {
        let mut exchanges: Vec<Exchange> = Vec::new();
        let mut current = url.clone();
        let mut seen = HashSet::from([current.to_string()]);
        let fail = |mut e: FetchError, exchanges: Vec<Exchange>| {
            e.url = url.to_string();
            e.exchanges = exchanges;
            Err(e)
        };
        loop {
            if !matches!(current.scheme(), "http" | "https") {
                let e = FetchError::new(url.as_str(), ErrorKind::InvalidUrl, "not an http(s) URL");
                return fail(e, exchanges);
            }
            if check_robots {
                if let Some(e) = self.robots(&current).await.refusal(&url, &current) {
                    return fail(e, exchanges);
                }
            }
            // Validators belong to the URL asked for, not to redirect targets.
            let none = Headers::default();
            let hdrs = if exchanges.is_empty() { extra } else { &none };
            let (ex, attempts) = match self.attempts(&current, hdrs).await {
                Ok(r) => r,
                Err(e) => return fail(e, exchanges),
            };
            let status = ex.response.status;
            let location = ex.response.headers.get("location").map(str::to_string);
            if is_redirect(status) {
                if let Some(loc) = location {
                    exchanges.push(ex);
                    let next = match current.join(&loc) {
                        Ok(u) => u,
                        Err(e) => {
                            let mut err = FetchError::new(
                                url.as_str(),
                                ErrorKind::Redirect,
                                format!("bad redirect Location {loc:?}: {e}"),
                            );
                            err.status = Some(status);
                            return fail(err, exchanges);
                        }
                    };
                    let problem = if !matches!(next.scheme(), "http" | "https") {
                        Some(format!("redirect to a non-http(s) URL: {next}"))
                    } else if !seen.insert(next.to_string()) {
                        Some(format!("redirect loop through {next}"))
                    } else if exchanges.len() > max_redirects {
                        Some(format!("more than {max_redirects} redirects"))
                    } else {
                        None
                    };
                    if let Some(reason) = problem {
                        let mut err = FetchError::new(url.as_str(), ErrorKind::Redirect, reason);
                        err.status = Some(status);
                        return fail(err, exchanges);
                    }
                    current = next;
                    continue;
                }
            }
            if (200..300).contains(&status) || status == 304 {
                let body =
                    match decode_content(&ex.response.headers, &ex.wire_body, self.cfg.max_bytes) {
                        Ok(b) => b,
                        Err(d) => {
                            let (kind, reason) = match d {
                                DecodeError::TooLarge(max) => (
                                    ErrorKind::TooLarge,
                                    format!("decompressed body exceeds the limit of {max} bytes"),
                                ),
                                DecodeError::Unsupported(c) => (
                                    ErrorKind::Decode,
                                    format!("unsupported Content-Encoding {c}"),
                                ),
                                DecodeError::Damaged { coding, why } => {
                                    (ErrorKind::Decode, format!("damaged {coding} body: {why}"))
                                }
                                DecodeError::Chunks => {
                                    (ErrorKind::Decode, "bad chunked encoding".into())
                                }
                            };
                            let mut err = FetchError::new(url.as_str(), kind, reason);
                            err.status = Some(status);
                            // The exchange itself is not archived: its body may be a bomb.
                            return fail(err, exchanges);
                        }
                    };
                let headers = ex.response.headers.clone();
                exchanges.push(ex);
                return Ok(Fetched {
                    url,
                    final_url: current,
                    status,
                    headers,
                    body,
                    exchanges,
                });
            }
            let mut err = FetchError::new(
                url.as_str(),
                ErrorKind::Status,
                format!("HTTP {status} {}", ex.response.reason)
                    .trim_end()
                    .to_string(),
            );
            err.status = Some(status);
            err.attempts = attempts;
            if current != url {
                err.reason = format!("{} (at {current})", err.reason);
            }
            exchanges.push(ex);
            return fail(err, exchanges);
        }
    }

    /// One URL, retried as the policy says. A response with a status is returned
    /// as is (the caller judges it), with the number of attempts made.
    async fn attempts(&self, url: &Url, extra: &Headers) -> Result<(Exchange, u32), FetchError> {
        let key = host_key(url);
        let mut attempt = 0;
        loop {
            attempt += 1;
            let turn = self.polite.turn(&key).await;
            let result = self.client.get(url, extra).await;
            drop(turn);
            let (retry_after, last) = match result {
                Ok(ex) if retryable_status(ex.response.status) => {
                    let ra = ex
                        .response
                        .headers
                        .get("retry-after")
                        .and_then(|v| parse_retry_after(v, SystemTime::now()));
                    (ra, Ok(ex))
                }
                Ok(ex) => return Ok((ex, attempt)),
                Err(e) if e.transient() => (None, Err(e)),
                Err(e) => return Err(attempt_error(url, e, attempt)),
            };
            match self.policy.decide(attempt, retry_after) {
                Decision::Retry(wait) => self.polite.defer(&key, wait),
                Decision::GiveUp => {
                    return match last {
                        Ok(ex) => Ok((ex, attempt)),
                        Err(e) => Err(attempt_error(url, e, attempt)),
                    }
                }
                Decision::TooLong(wait) => {
                    let mut err = FetchError::new(
                        url.as_str(),
                        ErrorKind::RetryAfter,
                        format!(
                            "the server asked to retry after {} s, longer than the {} s allowed",
                            wait.as_secs(),
                            self.policy.max.as_secs()
                        ),
                    );
                    err.attempts = attempt;
                    if let Ok(ex) = last {
                        err.status = Some(ex.response.status);
                        err.exchanges.push(ex);
                    }
                    return Err(err);
                }
            }
        }
    }
}

fn attempt_error(url: &Url, e: AttemptError, attempts: u32) -> FetchError {
    let mut err = FetchError::new(url.as_str(), e.kind, e.reason);
    err.status = e.status;
    err.attempts = attempts;
    err
}

/// Parses a URL given by a user: http(s) only.
pub fn parse_url(s: &str) -> Result<Url, FetchError> {
    let url = Url::parse(s.trim())
        .map_err(|e| FetchError::new(s, ErrorKind::InvalidUrl, format!("not a URL: {e}")))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(FetchError::new(
            s,
            ErrorKind::InvalidUrl,
            "not an http(s) URL",
        ));
    }
    Ok(url)
}

/// The fetcher could not be set up.
#[derive(Debug, Clone)]
pub struct BuildError(pub String);

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BuildError {}

/// A blocking fetcher: owns a tokio runtime, so callers stay synchronous.
pub struct Fetcher {
    rt: Runtime,
    engine: Arc<Engine>,
}

/// Counts of a [`fetch_all`] run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// URLs given.
    pub urls: usize,
    /// URLs fetched.
    pub fetched: usize,
    /// URLs that failed.
    pub failed: usize,
    /// URLs skipped.
    pub skipped: usize,
    /// Wall time.
    pub elapsed: Duration,
}

impl Summary {
    pub(crate) fn count(&mut self, o: &Outcome) {
        match o {
            Outcome::Fetched(_) => self.fetched += 1,
            Outcome::Failed(_) => self.failed += 1,
            Outcome::Skipped { .. } => self.skipped += 1,
        }
    }
}

impl Fetcher {
    /// A fetcher with these settings.
    pub fn new(cfg: &Config) -> Result<Fetcher, BuildError> {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| BuildError(format!("cannot start the fetch runtime: {e}")))?;
        // The client must be built inside the runtime it will run on.
        let engine = rt
            .block_on(async { Engine::new(cfg) })
            .map_err(BuildError)?;
        Ok(Fetcher {
            rt,
            engine: Arc::new(engine),
        })
    }

    /// Fetches one URL: the final URL, status, headers and decoded body, or an error
    /// carrying URL, status and reason.
    pub fn fetch(&self, url: &str) -> Result<Fetched, FetchError> {
        let url = parse_url(url)?;
        self.rt
            .block_on(self.engine.fetch(&url, &Headers::default()))
    }

    /// Fetches `url` with extra request header fields (e.g. `If-None-Match`).
    pub fn fetch_with(&self, url: &Url, extra: &Headers) -> Result<Fetched, FetchError> {
        self.rt.block_on(self.engine.fetch(url, extra))
    }

    /// Fetches every URL, several hosts at once but each host politely, and hands
    /// each outcome to `sink` as it completes. `skip` URLs (already archived) are
    /// reported as skipped. Stops at the first sink error.
    pub fn fetch_all<I, S, E>(
        &self,
        urls: I,
        skip: &dyn Fn(&str) -> bool,
        mut sink: S,
    ) -> Result<Summary, E>
    where
        I: IntoIterator<Item = String>,
        S: FnMut(Outcome) -> Result<(), E>,
    {
        let start = Instant::now();
        let mut summary = Summary::default();
        let engine = self.engine.clone();
        let window = engine.cfg.concurrency.max(1);
        let mut urls = urls.into_iter();
        let result = self.rt.block_on(async {
            let mut tasks: JoinSet<Outcome> = JoinSet::new();
            let mut exhausted = false;
            loop {
                while !exhausted && tasks.len() < window {
                    let Some(u) = urls.next() else {
                        exhausted = true;
                        break;
                    };
                    summary.urls += 1;
                    let url = match parse_url(&u) {
                        Ok(url) => url,
                        Err(e) => {
                            let o = Outcome::Failed(Box::new(e));
                            summary.count(&o);
                            sink(o)?;
                            continue;
                        }
                    };
                    if skip(url.as_str()) {
                        let o = Outcome::Skipped {
                            url: url.to_string(),
                            reason: crate::outcome::SkipReason::Held,
                        };
                        summary.count(&o);
                        sink(o)?;
                        continue;
                    }
                    let engine = engine.clone();
                    tasks.spawn(async move {
                        match engine.fetch(&url, &Headers::default()).await {
                            Ok(f) => Outcome::Fetched(Box::new(f)),
                            Err(e) => Outcome::Failed(Box::new(e)),
                        }
                    });
                }
                let Some(done) = tasks.join_next().await else {
                    break;
                };
                let o = done.unwrap_or_else(|e| {
                    Outcome::Failed(Box::new(FetchError::new(
                        "?",
                        ErrorKind::Connect,
                        format!("fetch task failed: {e}"),
                    )))
                });
                summary.count(&o);
                sink(o)?;
            }
            Ok(())
        });
        summary.elapsed = start.elapsed();
        result.map(|()| summary)
    }

    pub(crate) fn runtime(&self) -> &Runtime {
        &self.rt
    }

    pub(crate) fn engine(&self) -> &Arc<Engine> {
        &self.engine
    }
}

/// Fetches `urls` with a new [`Fetcher`]; see [`Fetcher::fetch_all`].
pub fn fetch_all<I, S, E>(urls: I, cfg: &Config, sink: S) -> Result<Summary, E>
where
    I: IntoIterator<Item = String>,
    S: FnMut(Outcome) -> Result<(), E>,
    E: From<BuildError>,
{
    let fetcher = Fetcher::new(cfg)?;
    fetcher.fetch_all(urls, &|_| false, sink)
}
