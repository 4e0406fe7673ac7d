//! WARC/1.1 (ISO 28500) archives: a writer that appends one record at a time — one
//! gzip member per record for `.warc.gz`, flushed whole, so a killed run leaves at
//! worst a torn last record — and a reader that lists what an archive holds and finds
//! where its last complete record ends.
//!
//! The `warc` crate was not used: it compresses a whole file as one gzip stream (not
//! readable after a kill, not one member per record) and computes no digests.

use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use flate2::write::GzEncoder;
use sha2::{Digest, Sha256};
use url::Position;
use uuid::Uuid;

use crate::outcome::{Exchange, Headers};

/// The revisit profile for a 304 answer to a conditional request.
pub const PROFILE_NOT_MODIFIED: &str =
    "http://netpreserve.org/warc/1.1/revisit/server-not-modified";

/// `2024-05-01T08:15:02Z`: the WARC-Date form of a time (UTC).
pub fn warc_date(t: SystemTime) -> String {
    let secs = t
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

fn digest(data: &[u8]) -> String {
    format!(
        "sha256:{}",
        data_encoding::BASE32.encode(&Sha256::digest(data))
    )
}

fn record_id() -> String {
    format!("<urn:uuid:{}>", Uuid::new_v4())
}

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

fn push_field(b: &mut Vec<u8>, name: &str, value: &[u8]) {
    b.extend_from_slice(name.as_bytes());
    b.extend_from_slice(b": ");
    b.extend_from_slice(value);
    b.extend_from_slice(b"\r\n");
}

/// Appends records to a WARC file.
pub struct Writer {
    file: File,
    gzip: bool,
}

impl Writer {
    /// Opens `path` for appending after its first `valid_len` bytes (what a
    /// [`Reader`] found complete; anything after is a torn record and is cut). A new
    /// or empty file starts with a `warcinfo` record holding `info`.
    pub fn append(path: &Path, valid_len: u64, info: &[(&str, String)]) -> io::Result<Writer> {
        let mut file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(path)?;
        if file.metadata()?.len() > valid_len {
            file.set_len(valid_len)?;
        }
        file.seek(SeekFrom::End(0))?;
        let gzip = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.ends_with(".gz"));
        let mut w = Writer { file, gzip };
        if valid_len == 0 {
            let mut body = Vec::new();
            for (k, v) in info {
                push_field(&mut body, k, v.as_bytes());
            }
            let filename = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            w.write_record(
                &[
                    ("WARC-Type", "warcinfo".into()),
                    ("WARC-Record-ID", record_id()),
                    ("WARC-Date", warc_date(SystemTime::now())),
                    ("WARC-Filename", filename),
                    ("Content-Type", "application/warc-fields".into()),
                ],
                &body,
            )?;
        }
        Ok(w)
    }

    /// Writes one exchange: a `request` record and a `response` record (a `revisit`
    /// for a 304), each complete on disk before the call returns.
    pub fn write_exchange(&mut self, ex: &Exchange) -> io::Result<()> {
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
        fields.push(("Content-Type", "application/http;msgtype=response".into()));
        let request = request_block(ex);
        self.write_record(
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
        self.write_record(&fields, &block)
    }

    /// Writes every exchange of a fetch, redirects first.
    pub fn write_exchanges(&mut self, exchanges: &[Exchange]) -> io::Result<()> {
        exchanges.iter().try_for_each(|e| self.write_exchange(e))
    }

    /// Writes one record (`WARC-Block-Digest` and `Content-Length` added) in a single
    /// write, then flushes it to the operating system.
    fn write_record(&mut self, fields: &[(&str, String)], block: &[u8]) -> io::Result<()> {
        let mut rec = b"WARC/1.1\r\n".to_vec();
        for (k, v) in fields {
            push_field(&mut rec, k, v.as_bytes());
        }
        push_field(&mut rec, "WARC-Block-Digest", digest(block).as_bytes());
        push_field(
            &mut rec,
            "Content-Length",
            block.len().to_string().as_bytes(),
        );
        rec.extend_from_slice(b"\r\n");
        rec.extend_from_slice(block);
        rec.extend_from_slice(b"\r\n\r\n");
        let bytes = if self.gzip {
            let mut gz = GzEncoder::new(Vec::new(), flate2::Compression::default());
            gz.write_all(&rec)?;
            gz.finish()?
        } else {
            rec
        };
        self.file.write_all(&bytes)?;
        self.file.flush()
    }

    /// Flushes and syncs the file to disk.
    pub fn sync(&mut self) -> io::Result<()> {
        self.file.flush()?;
        self.file.sync_data()
    }
}

/// One WARC record.
#[derive(Debug, Clone)]
pub struct Record {
    /// Byte offset of the record (of its gzip member) in the file.
    pub offset: u64,
    /// The WARC header fields.
    pub headers: Headers,
    /// The content block.
    pub block: Vec<u8>,
}

/// An HTTP response stored in a record.
#[derive(Debug, Clone)]
pub struct HttpResponse<'a> {
    /// Status code.
    pub status: u16,
    /// Header fields.
    pub headers: Headers,
    /// The body as stored (content coding kept).
    pub body: &'a [u8],
}

impl Record {
    /// `WARC-Type`.
    pub fn warc_type(&self) -> Option<&str> {
        self.headers.get("warc-type")
    }

    /// `WARC-Target-URI` (angle brackets of WARC/1.0 writers removed).
    pub fn target_uri(&self) -> Option<&str> {
        self.headers
            .get("warc-target-uri")
            .map(|u| u.trim_start_matches('<').trim_end_matches('>'))
    }

    /// The HTTP response in a `response` or `revisit` record.
    pub fn http_response(&self) -> Option<HttpResponse<'_>> {
        if !matches!(self.warc_type(), Some("response" | "revisit")) {
            return None;
        }
        let mut raw = [httparse::EMPTY_HEADER; 256];
        let mut resp = httparse::Response::new(&mut raw);
        let httparse::Status::Complete(len) = resp.parse(&self.block).ok()? else {
            return None;
        };
        let mut headers = Headers::default();
        for h in resp.headers.iter() {
            headers.push(h.name, h.value);
        }
        Some(HttpResponse {
            status: resp.code?,
            headers,
            body: &self.block[len..],
        })
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

/// Reads the records of a `.warc` or `.warc.gz` file (gzip found by its magic bytes).
pub struct Reader {
    input: Counting<BufReader<File>>,
    gzip: bool,
    pending: std::vec::IntoIter<Record>,
    valid_end: u64,
    stop: Option<Stop>,
}

impl Reader {
    /// Opens an archive.
    pub fn open(path: &Path) -> io::Result<Reader> {
        let mut input = Counting {
            inner: BufReader::with_capacity(1 << 16, File::open(path)?),
            pos: 0,
        };
        let gzip = input.fill_buf()?.starts_with(&[0x1f, 0x8b]);
        Ok(Reader {
            input,
            gzip,
            pending: Vec::new().into_iter(),
            valid_end: 0,
            stop: None,
        })
    }

    /// Where the last complete record ends (after the records read so far).
    pub fn valid_end(&self) -> u64 {
        self.valid_end
    }

    /// Why reading stopped early, if it did.
    pub fn stop(&self) -> Option<&Stop> {
        self.stop.as_ref()
    }

    fn next_batch(&mut self) -> Result<Option<Vec<Record>>, Stop> {
        let offset = self.input.pos;
        if self
            .input
            .fill_buf()
            .map_err(|e| Stop::Damaged(e.to_string()))?
            .is_empty()
        {
            return Ok(None);
        }
        if self.gzip {
            let mut member = Vec::new();
            let mut gz = flate2::bufread::GzDecoder::new(&mut self.input);
            if let Err(e) = gz.read_to_end(&mut member) {
                return Err(match e.kind() {
                    io::ErrorKind::UnexpectedEof => Stop::Torn,
                    _ => Stop::Damaged(format!("bad gzip member at byte {offset}: {e}")),
                });
            }
            let mut cur = io::Cursor::new(&member[..]);
            let mut records = Vec::new();
            loop {
                match read_record(&mut cur, offset) {
                    Ok(Some(r)) => records.push(r),
                    Ok(None) => break,
                    Err(e) => {
                        return Err(Stop::Damaged(format!("bad record at byte {offset}: {e}")))
                    }
                }
            }
            Ok(Some(records))
        } else {
            match read_record(&mut self.input, offset) {
                Ok(Some(r)) => Ok(Some(vec![r])),
                Ok(None) => Ok(None),
                Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Err(Stop::Torn),
                Err(e) => Err(Stop::Damaged(format!("bad record at byte {offset}: {e}"))),
            }
        }
    }
}

impl Iterator for Reader {
    type Item = Record;

    /// The next complete record; `None` at the end or where reading had to stop
    /// (see [`Reader::stop`]).
    fn next(&mut self) -> Option<Record> {
        loop {
            if let Some(r) = self.pending.next() {
                return Some(r);
            }
            if self.stop.is_some() {
                return None;
            }
            match self.next_batch() {
                Ok(Some(batch)) => {
                    self.valid_end = self.input.pos;
                    self.pending = batch.into_iter();
                }
                Ok(None) => return None,
                Err(stop) => {
                    self.stop = Some(stop);
                    return None;
                }
            }
        }
    }
}

/// Reads one record; `Ok(None)` at a clean end of input.
fn read_record(r: &mut impl BufRead, offset: u64) -> io::Result<Option<Record>> {
    let bad = |m: &str| io::Error::new(io::ErrorKind::InvalidData, m.to_string());
    let mut line = Vec::new();
    // Skip blank lines between records.
    loop {
        line.clear();
        if r.read_until(b'\n', &mut line)? == 0 {
            return Ok(None);
        }
        if !line.trim_ascii().is_empty() {
            break;
        }
    }
    if !line.starts_with(b"WARC/") {
        return Err(bad("no WARC version line"));
    }
    if !line.ends_with(b"\n") {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    let mut headers = Headers::default();
    loop {
        line.clear();
        if r.read_until(b'\n', &mut line)? == 0 || !line.ends_with(b"\n") {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        let l = line.trim_ascii_end();
        if l.is_empty() {
            break;
        }
        let colon = l
            .iter()
            .position(|&b| b == b':')
            .ok_or_else(|| bad("header line without a colon"))?;
        let name = String::from_utf8_lossy(&l[..colon]).trim().to_string();
        headers.push(name, l[colon + 1..].trim_ascii().to_vec());
    }
    let len: usize = headers
        .get("content-length")
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| bad("no Content-Length"))?;
    let mut block = vec![0; len];
    r.read_exact(&mut block)?;
    let mut end = [0u8; 4];
    r.read_exact(&mut end)?;
    if &end != b"\r\n\r\n" {
        return Err(bad("record not followed by CRLF CRLF"));
    }
    Ok(Some(Record {
        offset,
        headers,
        block,
    }))
}

/// A reader that counts the bytes consumed from it.
struct Counting<R> {
    inner: R,
    pos: u64,
}

impl<R: BufRead> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.pos += amt as u64;
        self.inner.consume(amt);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcome::{RequestHead, ResponseHead};
    use url::Url;

    #[test]
    fn dates_are_utc_iso() {
        assert_eq!(warc_date(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        let t = UNIX_EPOCH + std::time::Duration::from_secs(1_709_251_199);
        assert_eq!(warc_date(t), "2024-02-29T23:59:59Z");
        let t = UNIX_EPOCH + std::time::Duration::from_secs(951_782_400);
        assert_eq!(warc_date(t), "2000-02-29T00:00:00Z");
    }

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
