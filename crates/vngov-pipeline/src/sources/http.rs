//! The HTTP response inside a WARC `response` record: status, headers, and the
//! payload with its transfer and content encodings undone.
//!
//! Crawlers store the response as it came over the wire, so the payload may be
//! chunked and gzipped; the `Content-Type` charset is handed on as a decoding hint.

use std::io::Read;

use flate2::read::{DeflateDecoder, GzDecoder, ZlibDecoder};
use vngov_record::ErrorKind;

use super::Format;

/// What a response holds.
#[derive(Debug, PartialEq, Eq)]
pub enum Response {
    /// A text or HTML payload.
    Document {
        /// The payload, decoded from its transfer and content encodings.
        body: Vec<u8>,
        /// What the Content-Type says it is.
        format: Format,
        /// The Content-Type charset.
        charset: Option<String>,
    },
    /// Not a document (a redirect, an image): passed over, for this reason.
    Skip(String),
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

/// The format of a media type, or `None` when it is not a document.
pub fn format_of(media: &str) -> Option<Format> {
    match media {
        "text/html" | "application/xhtml+xml" => Some(Format::Html),
        "text/plain" => Some(Format::Text),
        _ => None,
    }
}

/// Parses an HTTP response; payloads over `max_bytes` once decoded are refused.
pub fn parse(block: &[u8], max_bytes: u64) -> Result<Response, (ErrorKind, String)> {
    let mut headers = [httparse::EMPTY_HEADER; 128];
    let mut res = httparse::Response::new(&mut headers);
    let head_len = match res.parse(block) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => {
            return Err((
                ErrorKind::Decode,
                "HTTP response headers are cut off".into(),
            ))
        }
        Err(e) => return Err((ErrorKind::Decode, format!("not an HTTP response: {e}"))),
    };
    let status = res.code.unwrap_or(0);
    if !(200..300).contains(&status) {
        return Ok(Response::Skip(format!("http status {status}")));
    }
    let header = |name: &str| {
        res.headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_string())
    };
    let (media, charset) = header("content-type")
        .map(|ct| media_type(&ct))
        .unwrap_or_default();
    let mut body = block[head_len..].to_vec();
    if header("transfer-encoding").is_some_and(|t| t.to_ascii_lowercase().contains("chunked")) {
        body = dechunk(&body).ok_or((ErrorKind::Decode, "bad chunked encoding".to_string()))?;
    }
    if let Some(enc) = header("content-encoding") {
        body = decompress(&enc.to_ascii_lowercase(), body, max_bytes)?;
    }
    let format = if media.is_empty() {
        // No Content-Type: a page if it looks like one.
        let head = body.iter().position(|b| !b.is_ascii_whitespace());
        if head.is_some_and(|i| body[i] == b'<') {
            Format::Html
        } else {
            Format::Text
        }
    } else {
        match format_of(&media) {
            Some(f) => f,
            None => return Ok(Response::Skip(format!("not text: {media}"))),
        }
    };
    Ok(Response::Document {
        body,
        format,
        charset,
    })
}

fn decompress(enc: &str, body: Vec<u8>, max: u64) -> Result<Vec<u8>, (ErrorKind, String)> {
    let reader: Box<dyn Read> = match enc {
        "" | "identity" => return Ok(body),
        "gzip" | "x-gzip" => Box::new(GzDecoder::new(&body[..])),
        "deflate" if body.first().is_some_and(|b| b & 0x0F == 8) => {
            Box::new(ZlibDecoder::new(&body[..]))
        }
        "deflate" => Box::new(DeflateDecoder::new(&body[..])),
        other => {
            return Err((
                ErrorKind::Decode,
                format!("content encoding {other:?} is not supported"),
            ))
        }
    };
    let limit = if max > 0 { max + 1 } else { u64::MAX };
    let mut out = Vec::new();
    reader
        .take(limit)
        .read_to_end(&mut out)
        .map_err(|e| (ErrorKind::Decode, format!("bad {enc} payload: {e}")))?;
    if max > 0 && out.len() as u64 > max {
        return Err((
            ErrorKind::TooLarge,
            format!("decompressed payload over the limit of {max} bytes"),
        ));
    }
    Ok(out)
}

/// Undoes chunked transfer encoding; `None` if it is malformed.
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
    use std::io::Write;

    #[test]
    fn plain_chunked_and_gzipped_pages() {
        let r = parse(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"windows-1258\"\r\n\r\n<p>Tin</p>",
            0,
        )
        .unwrap();
        assert_eq!(
            r,
            Response::Document {
                body: b"<p>Tin</p>".to_vec(),
                format: Format::Html,
                charset: Some("windows-1258".into())
            }
        );
        let r = parse(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n4\r\nabcd\r\n2\r\nef\r\n0\r\n\r\n",
            0,
        )
        .unwrap();
        assert!(
            matches!(r, Response::Document { body, format: Format::Text, .. } if body == b"abcdef")
        );
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all("Sở Nội vụ".as_bytes()).unwrap();
        let mut block =
            b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Type: text/plain\r\n\r\n"
                .to_vec();
        block.extend(gz.finish().unwrap());
        let r = parse(&block, 0).unwrap();
        assert!(matches!(r, Response::Document { body, .. } if body == "Sở Nội vụ".as_bytes()));
        assert!(matches!(parse(&block, 3), Err((ErrorKind::TooLarge, _))));
    }

    #[test]
    fn redirects_images_and_garbage() {
        assert_eq!(
            parse(b"HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n", 0).unwrap(),
            Response::Skip("http status 301".into())
        );
        assert_eq!(
            parse(
                b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
                0
            )
            .unwrap(),
            Response::Skip("not text: image/png".into())
        );
        assert!(parse(b"\x00\x01garbage", 0).is_err());
        assert!(parse(b"HTTP/1.1 200 OK\r\nContent-Ty", 0).is_err());
    }
}
