//! The HTTP response inside a WARC `response` record as a document: its payload
//! (parsed and decoded by [`vngov_warc::http`]) and what its `Content-Type` makes of
//! it; the charset is handed on as a decoding hint.

use vngov_record::ErrorKind;
pub use vngov_warc::http::media_type;
use vngov_warc::http::{self, DecodeError};

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

/// The format of a media type, or `None` when it is not a document.
pub fn format_of(media: &str) -> Option<Format> {
    match media {
        "text/html" | "application/xhtml+xml" => Some(Format::Html),
        "text/plain" => Some(Format::Text),
        "text/rtf" | "application/rtf" => Some(Format::Rtf),
        m => vngov_docs::Kind::from_media_type(m).map(Format::Document),
    }
}

/// Parses an HTTP response; payloads over `max_bytes` once decoded are refused.
pub fn parse(block: &[u8], max_bytes: u64) -> Result<Response, (ErrorKind, String)> {
    let res = http::Response::parse(block).map_err(|e| (ErrorKind::Decode, e.to_string()))?;
    let status = res.status;
    if !(200..300).contains(&status) {
        return Ok(Response::Skip(format!("http status {status}")));
    }
    let (media, charset) = res
        .headers
        .get_lossy("content-type")
        .map(|ct| media_type(&ct))
        .unwrap_or_default();
    let limit = if max_bytes > 0 { max_bytes } else { u64::MAX };
    let body = res.payload(limit).map_err(|e| match e {
        DecodeError::TooLarge(max) => (
            ErrorKind::TooLarge,
            format!("decompressed payload over the limit of {max} bytes"),
        ),
        DecodeError::Unsupported(c) => (
            ErrorKind::Decode,
            format!("content encoding {c:?} is not supported"),
        ),
        DecodeError::Damaged { coding, why } => {
            (ErrorKind::Decode, format!("bad {coding} payload: {why}"))
        }
        DecodeError::Chunks => (ErrorKind::Decode, "bad chunked encoding".to_string()),
    })?;
    let format = if media.is_empty() {
        // No Content-Type: a page if it looks like one.
        let head = body.iter().position(|b| !b.is_ascii_whitespace());
        if head.is_some_and(|i| body[i] == b'<') {
            Format::Html
        } else {
            Format::Text
        }
    } else {
        // Portals often serve attachments as application/octet-stream.
        match format_of(&media).or_else(|| vngov_docs::Kind::sniff(&body).map(Format::Document)) {
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
