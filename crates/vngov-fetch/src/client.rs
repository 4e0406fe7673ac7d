//! One HTTP request, as sent and as received: the reqwest client (rustls, our
//! User-Agent, timeouts, no automatic redirects or decompression), the body streamed
//! under a size limit (content codings are undone by [`vngov_warc::http`]).

use std::time::{Duration, SystemTime};

use url::Url;

use crate::config::Config;
use crate::outcome::{ErrorKind, Exchange, Headers, RequestHead, ResponseHead};

/// What we ask for. Only codings we can undo under a limit are offered.
const ACCEPT: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
const ACCEPT_LANGUAGE: &str = "vi,en;q=0.5";
const ACCEPT_ENCODING: &str = "gzip, deflate";

/// The HTTP client.
pub struct Client {
    inner: reqwest::Client,
    user_agent: String,
    max_bytes: u64,
    total_timeout: Duration,
}

/// A failed attempt, before retries are decided.
#[derive(Debug)]
pub struct AttemptError {
    /// Kind of failure.
    pub kind: ErrorKind,
    /// The status, when a response head arrived.
    pub status: Option<u16>,
    /// What happened.
    pub reason: String,
}

impl AttemptError {
    fn new(kind: ErrorKind, reason: String) -> Self {
        AttemptError {
            kind,
            status: None,
            reason,
        }
    }

    /// Whether another attempt may go better.
    pub fn transient(&self) -> bool {
        matches!(self.kind, ErrorKind::Timeout | ErrorKind::Connect)
    }
}

impl Client {
    /// Builds the client. TLS is rustls with the ring provider: no OpenSSL.
    pub fn new(cfg: &Config) -> Result<Client, String> {
        // Several fetchers may start in one process; only the first install counts.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let inner = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(cfg.connect_timeout)
            .read_timeout(cfg.read_timeout)
            .no_proxy()
            .build()
            .map_err(|e| format!("cannot build the HTTP client: {}", chain(&e)))?;
        Ok(Client {
            inner,
            user_agent: cfg.user_agent.clone(),
            max_bytes: cfg.max_bytes,
            total_timeout: cfg.total_timeout,
        })
    }

    /// Sends one GET for `url` with `extra` header fields (conditional-request
    /// validators), and reads the whole body within the limits.
    pub async fn get(&self, url: &Url, extra: &Headers) -> Result<Exchange, AttemptError> {
        let mut sent = Headers::default();
        sent.push("Host", host_header(url));
        sent.push("User-Agent", self.user_agent.as_bytes());
        sent.push("Accept", ACCEPT);
        sent.push("Accept-Language", ACCEPT_LANGUAGE);
        sent.push("Accept-Encoding", ACCEPT_ENCODING);
        for (n, v) in extra.iter() {
            sent.push(n, v);
        }
        let mut req = self.inner.get(url.clone());
        for (n, v) in sent.iter().skip(1) {
            req = req.header(n, v);
        }
        let request = RequestHead {
            method: "GET".into(),
            url: url.clone(),
            headers: sent,
        };
        match tokio::time::timeout(self.total_timeout, self.exchange(req, request)).await {
            Ok(r) => r,
            Err(_) => Err(AttemptError::new(
                ErrorKind::Timeout,
                format!(
                    "no complete response within {} s",
                    self.total_timeout.as_secs_f64()
                ),
            )),
        }
    }

    async fn exchange(
        &self,
        req: reqwest::RequestBuilder,
        request: RequestHead,
    ) -> Result<Exchange, AttemptError> {
        let mut resp = req.send().await.map_err(transport)?;
        let date = SystemTime::now();
        let status = resp.status();
        let too_large = |what: String| AttemptError {
            kind: ErrorKind::TooLarge,
            status: Some(status.as_u16()),
            reason: format!("{what} exceeds the limit of {} bytes", self.max_bytes),
        };
        if let Some(len) = resp.content_length() {
            if len > self.max_bytes {
                return Err(too_large(format!("body of {len} bytes (Content-Length)")));
            }
        }
        let mut headers = Headers::default();
        for (n, v) in resp.headers() {
            headers.push(n.as_str(), v.as_bytes());
        }
        let response = ResponseHead {
            version: format!("{:?}", resp.version()),
            status: status.as_u16(),
            reason: status.canonical_reason().unwrap_or("").to_string(),
            headers,
        };
        let ip = resp.remote_addr().map(|a| a.ip());
        let mut body = Vec::new();
        while let Some(chunk) = resp.chunk().await.map_err(|e| {
            let mut e = transport(e);
            e.status = Some(status.as_u16());
            e
        })? {
            if (body.len() + chunk.len()) as u64 > self.max_bytes {
                return Err(too_large("body".into()));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Exchange {
            date,
            ip,
            request,
            response,
            wire_body: body,
        })
    }
}

/// The `Host` field for a URL: the port only when it is not the scheme's default.
fn host_header(url: &Url) -> String {
    let host = url.host_str().unwrap_or("");
    match url.port() {
        Some(p) => format!("{host}:{p}"),
        None => host.to_string(),
    }
}

fn transport(e: reqwest::Error) -> AttemptError {
    let kind = if e.is_timeout() {
        ErrorKind::Timeout
    } else {
        ErrorKind::Connect
    };
    let reason = if e.is_timeout() {
        format!("timed out: {}", chain(&e))
    } else {
        chain(&e)
    };
    AttemptError::new(kind, reason)
}

/// An error and its causes on one line.
pub(crate) fn chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut src = e.source();
    while let Some(c) = src {
        let m = c.to_string();
        if !s.contains(&m) {
            s.push_str(": ");
            s.push_str(&m);
        }
        src = c.source();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_header_keeps_only_explicit_ports() {
        assert_eq!(
            host_header(&Url::parse("http://a.gov.vn/x").unwrap()),
            "a.gov.vn"
        );
        assert_eq!(
            host_header(&Url::parse("http://127.0.0.1:8080/").unwrap()),
            "127.0.0.1:8080"
        );
    }
}
