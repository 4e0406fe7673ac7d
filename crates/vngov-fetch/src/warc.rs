//! Fetched exchanges as WARC records, and opening an archive to add to it: the
//! format itself (records, gzip members, digests) is [`vngov_warc`]'s.

use std::fs::File;
use std::io;
use std::path::Path;

use url::Position;
pub use vngov_warc::writer::warc_date;
use vngov_warc::writer::{digest, push_field, record_id};
pub use vngov_warc::Record;

use crate::outcome::Exchange;

/// The revisit profile for a 304 answer to a conditional request.
pub const PROFILE_NOT_MODIFIED: &str =
    "http://netpreserve.org/warc/1.1/revisit/server-not-modified";

/// The request as it went on the wire (header names as we set them).
pub fn request_block(ex: &Exchange) -> Vec<u8> {
    let url = &ex.request.url;
    let target = &url[Position::BeforePath..Position::AfterQuery];
    let mut b = format!("{} {target} HTTP/1.1\r\n", ex.request.method).into_bytes();
    for (n, v) in ex.request.headers.iter() {
        push_field(&mut b, n, v);
    }
    b.extend_from_slice(b"\r\n");
    b
}

/// The response head as stored. The client removed any chunked transfer coding, so
/// `Transfer-Encoding` is left out and a `Content-Length` given when there was none:
/// the stored message then describes the stored bytes.
pub fn response_head(ex: &Exchange) -> Vec<u8> {
    let r = &ex.response;
    let mut b = format!("{} {} {}", r.version, r.status, r.reason)
        .trim_end()
        .as_bytes()
        .to_vec();
    b.extend_from_slice(b"\r\n");
    let mut has_length = false;
    for (n, v) in r.headers.iter() {
        if n.eq_ignore_ascii_case("transfer-encoding") {
            continue;
        }
        has_length |= n.eq_ignore_ascii_case("content-length");
        push_field(&mut b, n, v);
    }
    if !has_length && r.status != 304 {
        push_field(
            &mut b,
            "content-length",
            ex.wire_body.len().to_string().as_bytes(),
        );
    }
    b.extend_from_slice(b"\r\n");
    b
}

/// Appends fetched exchanges to a WARC file.
pub struct Writer(vngov_warc::Writer);

impl Writer {
    /// Opens `path` for appending after its first `valid_len` bytes (what a
    /// [`Reader`] found complete; anything after is a torn record and is cut). A new
    /// or empty file starts with a `warcinfo` record holding `info`.
    pub fn append(path: &Path, valid_len: u64, info: &[(&str, String)]) -> io::Result<Writer> {
        vngov_warc::Writer::append(path, valid_len, info).map(Writer)
    }

    /// Writes one exchange: a `request` record and a `response` record (a `revisit`
    /// for a 304), each complete on disk before the call returns.
    pub fn write_exchange(&mut self, ex: &Exchange) -> io::Result<()> {
        self.write_exchange_with(ex, &[])
    }

    /// Writes one exchange with more fields in its response record (such as
    /// [`crate::attachments::LINKED_FROM`]).
    pub fn write_exchange_with(
        &mut self,
        ex: &Exchange,
        more: &[(&str, String)],
    ) -> io::Result<()> {
        let date = warc_date(ex.date);
        let uri = ex.request.url.to_string();
        let response_id = record_id();
        let head = response_head(ex);
        let mut block = head;
        let mut fields = vec![
            ("WARC-Record-ID", response_id.clone()),
            ("WARC-Date", date.clone()),
            ("WARC-Target-URI", uri.clone()),
        ];
        if let Some(ip) = ex.ip {
            fields.push(("WARC-IP-Address", ip.to_string()));
        }
        if ex.response.status == 304 {
            fields.insert(0, ("WARC-Type", "revisit".into()));
            fields.push(("WARC-Profile", PROFILE_NOT_MODIFIED.into()));
        } else {
            fields.insert(0, ("WARC-Type", "response".into()));
            block.extend_from_slice(&ex.wire_body);
            fields.push(("WARC-Payload-Digest", digest(&ex.wire_body)));
        }
        fields.extend(more.iter().cloned());
        fields.push(("Content-Type", "application/http;msgtype=response".into()));
        let request = request_block(ex);
        self.0.write_record(
            &[
                ("WARC-Type", "request".into()),
                ("WARC-Record-ID", record_id()),
                ("WARC-Date", date),
                ("WARC-Target-URI", uri),
                ("WARC-Concurrent-To", response_id),
                ("Content-Type", "application/http;msgtype=request".into()),
            ],
            &request,
        )?;
        self.0.write_record(&fields, &block)
    }

    /// Writes every exchange of a fetch, redirects first.
    pub fn write_exchanges(&mut self, exchanges: &[Exchange]) -> io::Result<()> {
        exchanges.iter().try_for_each(|e| self.write_exchange(e))
    }

    /// Flushes and syncs the file to disk.
    pub fn sync(&mut self) -> io::Result<()> {
        self.0.sync()
    }
}

/// Why reading stopped before the end of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stop {
    /// The file ends inside a record: a write was cut short. Safe to cut off.
    Torn,
    /// The bytes at `valid_end` are not a WARC record: cutting them would lose data.
    Damaged(String),
}

/// Reads the records of a `.warc` or `.warc.gz` file up to the first that cannot be
/// read (gzip found by its magic bytes).
pub struct Reader {
    inner: vngov_warc::Reader<File>,
    stop: Option<Stop>,
}

impl Reader {
    /// Opens an archive.
    pub fn open(path: &Path) -> io::Result<Reader> {
        Ok(Reader {
            inner: vngov_warc::Reader::new(File::open(path)?),
            stop: None,
        })
    }

    /// Where the last complete record ends (after the records read so far).
    pub fn valid_end(&self) -> u64 {
        self.inner.valid_end()
    }

    /// Why reading stopped early, if it did.
    pub fn stop(&self) -> Option<&Stop> {
        self.stop.as_ref()
    }
}

impl Iterator for Reader {
    type Item = Record;

    /// The next complete record; `None` at the end or where reading had to stop
    /// (see [`Reader::stop`]).
    fn next(&mut self) -> Option<Record> {
        if self.stop.is_some() {
            return None;
        }
        match self.inner.next()? {
            Ok(r) => Some(r),
            Err(e) => {
                self.stop = Some(if e.is_torn() {
                    Stop::Torn
                } else {
                    Stop::Damaged(format!("bad record {} at byte {}: {e}", e.number, e.offset))
                });
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcome::{Headers, RequestHead, ResponseHead};
    use std::fs::OpenOptions;
    use std::time::UNIX_EPOCH;
    use url::Url;

    fn exchange(url: &str, status: u16, body: &[u8]) -> Exchange {
        let mut rh = Headers::default();
        rh.push("content-type", "text/html; charset=windows-1258");
        rh.push("transfer-encoding", "chunked");
        let mut qh = Headers::default();
        qh.push("Host", "a.gov.vn");
        Exchange {
            date: UNIX_EPOCH,
            ip: None,
            request: RequestHead {
                method: "GET".into(),
                url: Url::parse(url).unwrap(),
                headers: qh,
            },
            response: ResponseHead {
                version: "HTTP/1.1".into(),
                status,
                reason: "OK".into(),
                headers: rh,
            },
            wire_body: body.to_vec(),
        }
    }

    fn roundtrip(name: &str) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        let mut w = Writer::append(&path, 0, &[("software", "vngov-test".into())]).unwrap();
        let body = b"<p>Th\xf4ng b\xe1o</p>";
        w.write_exchange(&exchange("http://a.gov.vn/a?x=1", 200, body))
            .unwrap();
        w.write_exchange(&exchange("http://a.gov.vn/b", 404, b"gone"))
            .unwrap();
        drop(w);
        let mut r = Reader::open(&path).unwrap();
        let recs: Vec<Record> = r.by_ref().collect();
        assert_eq!(r.stop(), None);
        let types: Vec<_> = recs.iter().map(|r| r.warc_type().unwrap()).collect();
        assert_eq!(
            types,
            ["warcinfo", "request", "response", "request", "response"]
        );
        assert_eq!(
            recs[1].block,
            b"GET /a?x=1 HTTP/1.1\r\nHost: a.gov.vn\r\n\r\n"
        );
        let resp = recs[2].http_response().unwrap();
        assert_eq!(resp.status, 200);
        assert_eq!(resp.body, body);
        assert_eq!(
            resp.headers.get("content-type"),
            Some("text/html; charset=windows-1258")
        );
        assert_eq!(resp.headers.get("transfer-encoding"), None);
        assert_eq!(
            resp.headers.get("content-length"),
            Some(body.len().to_string().as_str())
        );
        assert_eq!(recs[2].target_uri(), Some("http://a.gov.vn/a?x=1"));
        assert_eq!(
            recs[2].headers.get("warc-payload-digest").unwrap(),
            digest(body)
        );
        assert_eq!(
            recs[2].headers.get("warc-block-digest").unwrap(),
            digest(&recs[2].block)
        );
        assert_eq!(r.valid_end(), std::fs::metadata(&path).unwrap().len());
    }

    #[test]
    fn gzip_and_plain_archives_round_trip() {
        roundtrip("t.warc.gz");
        roundtrip("t.warc");
    }

    #[test]
    fn a_torn_tail_is_found_and_cut_on_append() {
        for name in ["t.warc.gz", "t.warc"] {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join(name);
            let mut w = Writer::append(&path, 0, &[]).unwrap();
            w.write_exchange(&exchange("http://a.gov.vn/1", 200, b"one"))
                .unwrap();
            drop(w);
            let good = std::fs::metadata(&path).unwrap().len();
            let mut w = Writer::append(&path, good, &[]).unwrap();
            w.write_exchange(&exchange("http://a.gov.vn/2", 200, &[7u8; 5000]))
                .unwrap();
            drop(w);
            let full = std::fs::metadata(&path).unwrap().len();
            // A kill in the middle of the last record.
            let f = OpenOptions::new().write(true).open(&path).unwrap();
            f.set_len(full - 40).unwrap();
            let mut r = Reader::open(&path).unwrap();
            let uris: Vec<_> = r
                .by_ref()
                .filter(|r| r.warc_type() == Some("response"))
                .map(|r| r.target_uri().unwrap().to_string())
                .collect();
            assert_eq!(uris, ["http://a.gov.vn/1"], "{name}");
            assert_eq!(r.stop(), Some(&Stop::Torn), "{name}");
            let end = r.valid_end();
            assert!(
                end > good && end < full,
                "{name}: the request record of /2 is whole"
            );
            let mut w = Writer::append(&path, end, &[]).unwrap();
            w.write_exchange(&exchange("http://a.gov.vn/3", 200, b"three"))
                .unwrap();
            drop(w);
            let mut r = Reader::open(&path).unwrap();
            let n = r
                .by_ref()
                .filter(|r| r.warc_type() == Some("response"))
                .count();
            assert_eq!((n, r.stop()), (2, None), "{name}");
        }
    }

    #[test]
    fn garbage_is_damage_not_a_tear() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.warc");
        std::fs::write(
            &path,
            "WARC/1.1\r\nContent-Length: 2\r\n\r\nab\r\n\r\nHELLO world\r\n\r\n",
        )
        .unwrap();
        let mut r = Reader::open(&path).unwrap();
        assert_eq!(r.by_ref().count(), 1);
        assert!(matches!(r.stop(), Some(Stop::Damaged(_))));
    }
}
