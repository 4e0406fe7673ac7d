//! The HTTP response in a WARC record's block: status and headers, and the payload
//! with its transfer and content codings undone.
//!
//! Crawlers store the response as it came over the wire, so the payload may be
//! chunked and compressed; decompression stops at a limit, so a small gzip bomb
//! cannot fill memory.

use std::io::Read;

use flate2::read::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};

use crate::header::Headers;

/// Most header fields read from one response.
const MAX_FIELDS: usize = 256;

/// An HTTP response head and the bytes after it.
#[derive(Debug, Clone)]
pub struct Response<'a> {
    /// Status code.
    pub status: u16,
    /// Header fields.
    pub headers: Headers,
    /// The body as stored (transfer and content codings kept).
    pub body: &'a [u8],
}

/// Why a block is not an HTTP response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// The head does not end.
    Cut,
    /// Not HTTP.
    Invalid(httparse::Error),
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParseError::Cut => f.write_str("HTTP response headers are cut off"),
            ParseError::Invalid(e) => write!(f, "not an HTTP response: {e}"),
        }
    }
}

impl<'a> Response<'a> {
    /// Parses the head of the response in `block`.
    pub fn parse(block: &'a [u8]) -> Result<Response<'a>, ParseError> {
        let mut raw = [httparse::EMPTY_HEADER; MAX_FIELDS];
        let mut resp = httparse::Response::new(&mut raw);
        let len = match resp.parse(block) {
            Ok(httparse::Status::Complete(n)) => n,
            Ok(httparse::Status::Partial) => return Err(ParseError::Cut),
            Err(e) => return Err(ParseError::Invalid(e)),
        };
        let mut headers = Headers::default();
        for h in resp.headers.iter() {
            headers.push(h.name, h.value);
        }
        Ok(Response {
            status: resp.code.unwrap_or(0),
            headers,
            body: &block[len..],
        })
    }

    /// The payload: chunked transfer coding undone, then the content codings, the
    /// result at most `max_bytes` long.
    pub fn payload(&self, max_bytes: u64) -> Result<Vec<u8>, DecodeError> {
        let chunked = self
            .headers
            .get_lossy("transfer-encoding")
            .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"));
        if chunked {
            let body = dechunk(self.body).ok_or(DecodeError::Chunks)?;
            decode_content(&self.headers, &body, max_bytes)
        } else {
            decode_content(&self.headers, self.body, max_bytes)
        }
    }
}

/// A media type, lower-cased, and its charset parameter.
pub fn media_type(content_type: &str) -> (String, Option<String>) {
    let mut parts = content_type.split(';');
    let media = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_string())
            .filter(|v| !v.is_empty())
    });
    (media, charset)
}

/// Why a payload could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Decompressed, the payload is larger than the limit.
    TooLarge(u64),
    /// A content coding that is not known.
    Unsupported(String),
    /// Damaged compressed data.
    Damaged {
        /// The coding (`gzip`, `deflate`).
        coding: String,
        /// What went wrong.
        why: String,
    },
    /// Malformed chunked transfer coding.
    Chunks,
}

/// Undoes the content codings named in `Content-Encoding` (last applied first),
/// stopping as soon as the result would pass `max_bytes`.
pub fn decode_content(
    headers: &Headers,
    body: &[u8],
    max_bytes: u64,
) -> Result<Vec<u8>, DecodeError> {
    let codings: Vec<String> = headers
        .0
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case("content-encoding"))
        .filter_map(|(_, v)| std::str::from_utf8(v).ok())
        .flat_map(|v| v.split(','))
        .map(|c| c.trim().to_ascii_lowercase())
        .filter(|c| !c.is_empty() && c != "identity")
        .collect();
    let mut body = body.to_vec();
    for coding in codings.iter().rev() {
        body = match coding.as_str() {
            "gzip" | "x-gzip" => inflate(MultiGzDecoder::new(&body[..]), max_bytes, coding)?,
            "deflate" => {
                // RFC 9110 says zlib; some servers send raw deflate.
                match inflate(ZlibDecoder::new(&body[..]), max_bytes, coding) {
                    Err(DecodeError::Damaged { .. }) => {
                        inflate(DeflateDecoder::new(&body[..]), max_bytes, coding)?
                    }
                    r => r?,
                }
            }
            other => return Err(DecodeError::Unsupported(other.to_string())),
        };
    }
    Ok(body)
}

/// Decodes `r`; a stream cut short gives what it decoded (as warcio does: a record
/// whose Content-Length cuts the body's last bytes keeps its page), a damaged one
/// is an error.
fn inflate(r: impl Read, max_bytes: u64, coding: &str) -> Result<Vec<u8>, DecodeError> {
    let mut out = Vec::new();
    // read_to_end keeps in `out` what was read before an error.
    match r.take(max_bytes.saturating_add(1)).read_to_end(&mut out) {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof && !out.is_empty() => {}
        Err(e) => {
            return Err(DecodeError::Damaged {
                coding: coding.to_string(),
                why: e.to_string(),
            })
        }
    }
    if out.len() as u64 > max_bytes {
        return Err(DecodeError::TooLarge(max_bytes));
    }
    Ok(out)
}

/// Undoes chunked transfer coding; `None` if it is malformed.
fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    loop {
        let eol = b.windows(2).position(|w| w == b"\r\n")?;
        let line = std::str::from_utf8(&b[..eol]).ok()?;
        let size = usize::from_str_radix(line.split(';').next()?.trim(), 16).ok()?;
        b = &b[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(b.get(..size)?);
        b = b.get(size..)?;
        b = b.strip_prefix(b"\r\n").unwrap_or(b);
    }
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
    fn head_and_body() {
        let r = Response::parse(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"windows-1258\"\r\n\r\n<p>Tin</p>",
        )
        .unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.body, b"<p>Tin</p>");
        let ct = r.headers.get("content-type").unwrap();
        assert_eq!(
            media_type(ct),
            ("text/html".into(), Some("windows-1258".into()))
        );
        assert_eq!(r.payload(100).unwrap(), b"<p>Tin</p>");
    }

    #[test]
    fn chunked_and_gzipped_payloads() {
        let r = Response::parse(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n2\r\nef\r\n0\r\n\r\n",
        )
        .unwrap();
        assert_eq!(r.payload(100).unwrap(), b"abcdef");
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        block.extend(gz("Sở Nội vụ".as_bytes()));
        let r = Response::parse(&block).unwrap();
        assert_eq!(r.payload(100).unwrap(), "Sở Nội vụ".as_bytes());
        assert_eq!(r.payload(3), Err(DecodeError::TooLarge(3)));
        let r = Response::parse(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
            .unwrap();
        assert_eq!(r.payload(100), Err(DecodeError::Chunks));
    }

    #[test]
    fn garbage_is_not_a_response() {
        assert!(matches!(
            Response::parse(b"\x00\x01garbage"),
            Err(ParseError::Invalid(_))
        ));
        assert_eq!(
            Response::parse(b"HTTP/1.1 200 OK\r\nContent-Ty").unwrap_err(),
            ParseError::Cut
        );
    }

    #[test]
    fn gzip_and_identity_decode() {
        let body = "Trang thông tin".as_bytes();
        assert_eq!(decode_content(&enc("gzip"), &gz(body), 100).unwrap(), body);
        assert_eq!(
            decode_content(&Headers::default(), body, 100).unwrap(),
            body
        );
        assert_eq!(decode_content(&enc("identity"), body, 100).unwrap(), body);
    }

    #[test]
    fn a_bomb_stops_at_the_limit() {
        let bomb = gz(&vec![0u8; 10 * 1024 * 1024]);
        assert!(bomb.len() < 20_000);
        assert_eq!(
            decode_content(&enc("gzip"), &bomb, 1024 * 1024),
            Err(DecodeError::TooLarge(1024 * 1024))
        );
    }

    #[test]
    fn unknown_or_damaged_codings_are_errors() {
        assert_eq!(
            decode_content(&enc("br"), b"x", 10),
            Err(DecodeError::Unsupported("br".into()))
        );
        assert!(matches!(
            decode_content(&enc("gzip"), b"not gzip", 10),
            Err(DecodeError::Damaged { .. })
        ));
    }

    #[test]
    fn a_cut_gzip_body_gives_what_it_decodes() {
        let body: String = (0..400).map(|i| format!("{i} ")).collect();
        let z = gz(body.as_bytes());
        // The trailer cut (example-trunc.warc): all of it.
        let got = decode_content(&enc("gzip"), &z[..z.len() - 2], 10_000).unwrap();
        assert_eq!(got, body.as_bytes());
        // Cut in the data: a part of it.
        let got = decode_content(&enc("gzip"), &z[..z.len() / 2], 10_000);
        assert!(got.is_ok_and(|g| !g.is_empty() && body.as_bytes().starts_with(&g)));
    }
}
