//! Header fields, and the header of a WARC record: the version line, named fields,
//! and the Content-Length that says where the block ends.

use std::borrow::Cow;
use std::io::{self, BufRead, Read};

/// Longest record header read; longer ones are not WARC headers.
pub const MAX_HEADER: u64 = 64 * 1024;

/// Header fields (WARC or HTTP) in the order they were written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Headers(pub Vec<(String, Vec<u8>)>);

impl Headers {
    /// The first value of `name` (case-insensitive), when it is text.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.raw(name)
            .and_then(|v| std::str::from_utf8(v).ok())
            .map(str::trim)
    }

    /// The first value of `name` (case-insensitive), bytes that are not UTF-8
    /// replaced: for readers that take what a field says even when it is damaged.
    pub fn get_lossy(&self, name: &str) -> Option<Cow<'_, str>> {
        self.raw(name).map(|v| match String::from_utf8_lossy(v) {
            Cow::Borrowed(s) => Cow::Borrowed(s.trim()),
            Cow::Owned(s) => Cow::Owned(s.trim().to_string()),
        })
    }

    fn raw(&self, name: &str) -> Option<&[u8]> {
        self.0
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_slice())
    }

    /// Every field, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.0.iter().map(|(n, v)| (n.as_str(), v.as_slice()))
    }

    /// Appends a field.
    pub fn push(&mut self, name: impl Into<String>, value: impl Into<Vec<u8>>) {
        self.0.push((name.into(), value.into()));
    }
}

/// The header of one WARC record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The named fields, as written (values trimmed).
    pub fields: Headers,
    /// The Content-Length: how many bytes of block follow the header.
    pub length: u64,
}

impl Header {
    /// `WARC-Target-URI`, angle brackets of WARC/1.0 writers removed, bytes that are
    /// not UTF-8 replaced.
    pub fn target_uri(&self) -> Option<String> {
        target_uri(&self.fields)
    }
}

pub(crate) fn target_uri(fields: &Headers) -> Option<String> {
    fields
        .get_lossy("warc-target-uri")
        .map(|u| u.trim_matches(['<', '>']).to_string())
}

/// Reads the fields of a record header after its `version` line, up to and with
/// the blank line that ends it; the first Content-Length counts. The inner `Err`
/// says why the bytes are not a record header; the outer one is a failed read.
pub fn parse(version: &[u8], input: &mut impl BufRead) -> io::Result<Result<Header, HeaderError>> {
    if !version.starts_with(b"WARC/") {
        return Ok(Err(HeaderError::NotWarc));
    }
    let mut fields = Headers::default();
    let mut length = None;
    let mut total = version.len() as u64;
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = (&mut *input)
            .take(MAX_HEADER)
            .read_until(b'\n', &mut line)?;
        total += n as u64;
        if n == 0 {
            return Ok(Err(HeaderError::Cut));
        }
        if total > MAX_HEADER || line.last() != Some(&b'\n') {
            return Ok(Err(HeaderError::TooLong));
        }
        let l = trim_eol(&line);
        if l.is_empty() {
            break;
        }
        // WARC does not allow a line without a colon; it is passed over.
        let Some(colon) = l.iter().position(|&b| b == b':') else {
            continue;
        };
        let name = String::from_utf8_lossy(&l[..colon]).trim().to_string();
        let value = l[colon + 1..].trim_ascii();
        if length.is_none() && name.eq_ignore_ascii_case("content-length") {
            let text = String::from_utf8_lossy(value);
            let text = text.trim();
            match text.parse() {
                Ok(n) => length = Some(n),
                Err(_) => return Ok(Err(HeaderError::BadLength(text.to_string()))),
            }
        }
        fields.push(name, value.to_vec());
    }
    Ok(match length {
        Some(length) => Ok(Header { fields, length }),
        None => Err(HeaderError::NoLength),
    })
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let end = line
        .iter()
        .rposition(|&b| b != b'\r' && b != b'\n')
        .map_or(0, |i| i + 1);
    &line[..end]
}

/// Why bytes are not a record header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderError {
    /// No `WARC/` version line.
    NotWarc,
    /// The input ends inside the header.
    Cut,
    /// Longer than [`MAX_HEADER`], or a line that does not end.
    TooLong,
    /// A Content-Length that is not a number.
    BadLength(String),
    /// No Content-Length.
    NoLength,
}

impl std::fmt::Display for HeaderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HeaderError::NotWarc => f.write_str("not a WARC record header (no WARC/1.x line)"),
            HeaderError::Cut => f.write_str("the archive ends inside a record header"),
            HeaderError::TooLong => f.write_str("record header too long"),
            HeaderError::BadLength(v) => write!(f, "bad Content-Length {v:?}"),
            HeaderError::NoLength => f.write_str("no Content-Length"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &[u8]) -> Result<Header, HeaderError> {
        let nl = text.iter().position(|&b| b == b'\n').unwrap() + 1;
        parse(&text[..nl], &mut &text[nl..]).unwrap()
    }

    #[test]
    fn fields_in_order_and_the_length() {
        let h = read(b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: <http://a.gov.vn/>\r\nContent-Length: 12 \r\n\r\nrest").unwrap();
        assert_eq!(h.length, 12);
        assert_eq!(h.fields.get("warc-type"), Some("response"));
        assert_eq!(h.target_uri().as_deref(), Some("http://a.gov.vn/"));
        assert_eq!(h.fields.iter().count(), 3);
    }

    #[test]
    fn what_is_not_a_header() {
        assert_eq!(read(b"HELLO\n\n"), Err(HeaderError::NotWarc));
        assert_eq!(read(b"WARC/1.0\r\nWARC-Type: x\r\n"), Err(HeaderError::Cut));
        assert_eq!(read(b"WARC/1.0\r\n\r\n"), Err(HeaderError::NoLength));
        assert_eq!(
            read(b"WARC/1.0\r\nContent-Length: ten\r\n\r\n"),
            Err(HeaderError::BadLength("ten".into()))
        );
        let long = [&b"WARC/1.0\r\nX: "[..], &vec![b'a'; 70_000], b"\r\n\r\n"].concat();
        assert_eq!(read(&long), Err(HeaderError::TooLong));
    }

    #[test]
    fn lossy_values_are_trimmed() {
        let mut h = Headers::default();
        h.push("Content-Type", b" text/html; charset=\xff ".to_vec());
        assert_eq!(h.get("content-type"), None);
        assert_eq!(
            h.get_lossy("CONTENT-TYPE").as_deref(),
            Some("text/html; charset=\u{fffd}")
        );
    }
}
