//! One HTTP request, as sent and as received: the reqwest client (rustls, our
//! User-Agent, timeouts, no automatic redirects or decompression), the body streamed
//! under a size limit, and content codings undone under the same limit.

use std::io::Read;
use std::time::{Duration, SystemTime};

use flate2::read::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};
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

/// Why a body could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Decompressed, the body is larger than the limit.
    TooLarge(u64),
    /// A coding we do not know, or damaged compressed data.
    Bad(String),
}

/// Undoes the content codings named in `Content-Encoding` (last applied first),
/// stopping as soon as the result would pass `max_bytes`: a small gzip bomb cannot
/// fill memory.
pub fn decode_body(headers: &Headers, wire: &[u8], max_bytes: u64) -> Result<Vec<u8>, DecodeError> {
    let codings: Vec<String> = headers
        .0
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case("content-encoding"))
        .filter_map(|(_, v)| std::str::from_utf8(v).ok())
        .flat_map(|v| v.split(','))
        .map(|c| c.trim().to_ascii_lowercase())
        .filter(|c| !c.is_empty() && c != "identity")
        .collect();
    let mut body = wire.to_vec();
    for coding in codings.iter().rev() {
        body = match coding.as_str() {
            "gzip" | "x-gzip" => inflate(MultiGzDecoder::new(&body[..]), max_bytes, coding)?,
            "deflate" => {
                // RFC 9110 says zlib; some servers send raw deflate.
                match inflate(ZlibDecoder::new(&body[..]), max_bytes, coding) {
                    Err(DecodeError::Bad(_)) => {
                        inflate(DeflateDecoder::new(&body[..]), max_bytes, coding)?
                    }
                    r => r?,
                }
            }
            other => {
                return Err(DecodeError::Bad(format!(
                    "unsupported Content-Encoding {other}"
                )))
            }
        };
    }
    Ok(body)
}

fn inflate(r: impl Read, max_bytes: u64, coding: &str) -> Result<Vec<u8>, DecodeError> {
    let mut out = Vec::new();
    r.take(max_bytes.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| DecodeError::Bad(format!("damaged {coding} body: {e}")))?;
    if out.len() as u64 > max_bytes {
        return Err(DecodeError::TooLarge(max_bytes));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn enc(v: &str) -> Headers {
        let mut h = Headers::default();
        h.push("Content-Encoding", v);
        h
    }

    #[test]
    fn gzip_and_identity_decode() {
        let body = "Trang thông tin".as_bytes();
        assert_eq!(decode_body(&enc("gzip"), &gz(body), 100).unwrap(), body);
        assert_eq!(decode_body(&Headers::default(), body, 100).unwrap(), body);
        assert_eq!(decode_body(&enc("identity"), body, 100).unwrap(), body);
    }

    #[test]
    fn a_bomb_stops_at_the_limit() {
        let bomb = gz(&vec![0u8; 10 * 1024 * 1024]);
        assert!(bomb.len() < 20_000);
        assert_eq!(
            decode_body(&enc("gzip"), &bomb, 1024 * 1024),
            Err(DecodeError::TooLarge(1024 * 1024))
        );
    }

    #[test]
    fn unknown_or_damaged_codings_are_errors() {
        assert!(matches!(
            decode_body(&enc("br"), b"x", 10),
            Err(DecodeError::Bad(_))
        ));
        assert!(matches!(
            decode_body(&enc("gzip"), b"not gzip", 10),
            Err(DecodeError::Bad(_))
        ));
    }

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
