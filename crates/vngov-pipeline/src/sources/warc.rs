//! WARC archives (ISO 28500, WARC/1.0 and 1.1), plain or gzipped (one gzip member
//! per record, or the whole file as one).
//!
//! `response` records are read as HTTP responses ([`super::http`]), `resource`
//! records by their own Content-Type; both become documents with the record's
//! WARC-Target-URI. Other records (request, metadata, warcinfo, revisit) and
//! responses that are not documents are passed over and counted.
//!
//! Why not the `warc` crate: it reads header and body lines without a bound (one
//! record with no line break pulls the whole archive into memory) and cannot go on
//! after a bad record. Archives from the field have bad records: this reader reads
//! every block within its Content-Length and the size limit, and when a record's
//! length is wrong (the block is not followed by CRLF CRLF, or runs into the end of
//! the archive) it reports that record and looks for the next `WARC/1.` line from
//! the start of the bad block, so the records around it are not lost. A truncated
//! or corrupt gzip stream ends the archive with an error item naming the record.
//! Positions are record numbers and byte offsets in the uncompressed stream.

use std::collections::BTreeMap;
use std::io::{self, BufRead, BufReader, Read};
use std::sync::{Arc, Mutex};

use flate2::read::MultiGzDecoder;
use vngov_record::ErrorKind;

use super::http::{self, Response};
use super::{Counting, Document, Format, Item, Meta, Progress, SourceError};

/// Longest header block read; longer ones are not WARC headers.
const MAX_HEADER: u64 = 64 * 1024;

/// Room for HTTP headers in a response record beyond the document size limit.
const HTTP_SLACK: u64 = 64 * 1024;

/// A byte stream that counts its offset and can take bytes back.
struct Stream {
    inner: Box<dyn BufRead + Send>,
    back: Vec<u8>,
    back_pos: usize,
    offset: u64,
}

impl Read for Stream {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = {
            let buf = self.fill_buf()?;
            let n = buf.len().min(out.len());
            out[..n].copy_from_slice(&buf[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Stream {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.back_pos < self.back.len() {
            Ok(&self.back[self.back_pos..])
        } else {
            self.inner.fill_buf()
        }
    }

    fn consume(&mut self, n: usize) {
        self.offset += n as u64;
        if self.back_pos < self.back.len() {
            self.back_pos += n;
            if self.back_pos >= self.back.len() {
                self.back.clear();
                self.back_pos = 0;
            }
        } else {
            self.inner.consume(n);
        }
    }
}

impl Stream {
    /// Puts `bytes` back in front of the stream.
    fn unread(&mut self, bytes: &[u8]) {
        self.offset -= bytes.len() as u64;
        let mut v = bytes.to_vec();
        v.extend_from_slice(&self.back[self.back_pos..]);
        self.back = v;
        self.back_pos = 0;
    }

    /// Reads one line (with its `\n`) into `out`, at most `max` bytes of it.
    fn line(&mut self, out: &mut Vec<u8>, max: u64) -> io::Result<usize> {
        out.clear();
        self.take(max).read_until(b'\n', out)
    }

    /// Reads up to `n` bytes, fewer only at the end of the stream.
    fn block(&mut self, n: u64) -> io::Result<Vec<u8>> {
        let mut out = Vec::with_capacity(n.min(1 << 20) as usize);
        self.take(n).read_to_end(&mut out)?;
        Ok(out)
    }

    /// Skips `n` bytes; returns how many there were.
    fn skip(&mut self, n: u64) -> io::Result<u64> {
        io::copy(&mut self.take(n), &mut io::sink())
    }
}

/// Where the next record starts in `bytes`: a line beginning with `WARC/1.`.
fn record_start(bytes: &[u8]) -> Option<usize> {
    if bytes.starts_with(b"WARC/1.") {
        return Some(0);
    }
    bytes
        .windows(8)
        .position(|w| w == b"\nWARC/1.")
        .map(|i| i + 1)
}

/// The headers of one record.
struct Header {
    kind: String,
    uri: Option<String>,
    content_type: Option<String>,
    length: u64,
}

enum Outcome {
    Item(Item),
    Skip(String),
    End,
}

/// The documents of a WARC stream.
pub struct Reader {
    path: String,
    source: Option<Box<dyn Read + Send>>,
    progress: Arc<Progress>,
    stream: Option<Stream>,
    max_bytes: u64,
    record: usize,
    /// Where the current record starts.
    at: u64,
    done: bool,
    skipped: Arc<Mutex<BTreeMap<String, usize>>>,
}

impl Reader {
    /// Reads `input`, named `path` in records; gzip is recognised by its magic bytes.
    pub fn new(
        path: String,
        input: Box<dyn Read + Send>,
        max_bytes: u64,
        progress: Arc<Progress>,
        skipped: Arc<Mutex<BTreeMap<String, usize>>>,
    ) -> Reader {
        Reader {
            path,
            source: Some(input),
            progress,
            stream: None,
            max_bytes,
            record: 0,
            at: 0,
            done: false,
            skipped,
        }
    }

    fn open(&mut self) -> io::Result<()> {
        let Some(input) = self.source.take() else {
            return Ok(());
        };
        let mut raw = BufReader::with_capacity(
            256 * 1024,
            Counting {
                inner: input,
                progress: self.progress.clone(),
            },
        );
        let gz = raw.fill_buf()?.starts_with(&[0x1F, 0x8B]);
        let inner: Box<dyn BufRead + Send> = if gz {
            Box::new(BufReader::with_capacity(
                256 * 1024,
                MultiGzDecoder::new(raw),
            ))
        } else {
            Box::new(raw)
        };
        self.stream = Some(Stream {
            inner,
            back: Vec::new(),
            back_pos: 0,
            offset: 0,
        });
        Ok(())
    }

    fn error(&self, at: u64, uri: Option<String>, kind: ErrorKind, message: String) -> Item {
        let mut e = SourceError::new(
            &self.path,
            Some(format!("record {} at byte {at}", self.record)),
            kind,
            message,
        );
        e.meta.url = uri;
        Item::Error(e)
    }

    /// Reads on until a line starts a record, and leaves it unread.
    fn resync(s: &mut Stream) -> io::Result<()> {
        let mut line = Vec::new();
        let mut at_line_start = true;
        loop {
            let n = s.line(&mut line, MAX_HEADER)?;
            if n == 0 {
                return Ok(());
            }
            if at_line_start && line.starts_with(b"WARC/1.") {
                s.unread(&line);
                return Ok(());
            }
            at_line_start = line.last() == Some(&b'\n');
        }
    }

    fn read_header(s: &mut Stream) -> io::Result<Result<Option<Header>, String>> {
        let mut line = Vec::new();
        // Blank lines between records are tolerated.
        loop {
            if s.line(&mut line, MAX_HEADER)? == 0 {
                return Ok(Ok(None));
            }
            if !line.iter().all(u8::is_ascii_whitespace) {
                break;
            }
        }
        if !line.starts_with(b"WARC/") {
            return Ok(Err("not a WARC record header (no WARC/1.x line)".into()));
        }
        let mut h = Header {
            kind: String::new(),
            uri: None,
            content_type: None,
            length: u64::MAX,
        };
        let mut total = line.len() as u64;
        loop {
            let n = s.line(&mut line, MAX_HEADER)?;
            total += n as u64;
            if n == 0 {
                return Ok(Err("the archive ends inside a record header".into()));
            }
            if total > MAX_HEADER || line.last() != Some(&b'\n') {
                return Ok(Err("record header too long".into()));
            }
            let text = String::from_utf8_lossy(&line);
            let text = text.trim_end_matches(['\r', '\n']);
            if text.is_empty() {
                break;
            }
            let Some((name, value)) = text.split_once(':') else {
                continue;
            };
            let value = value.trim();
            match name.trim().to_ascii_lowercase().as_str() {
                "warc-type" => h.kind = value.to_ascii_lowercase(),
                "warc-target-uri" => {
                    h.uri = Some(value.trim_matches(['<', '>']).to_string());
                }
                "content-type" => h.content_type = Some(value.to_string()),
                "content-length" => {
                    h.length = match value.parse() {
                        Ok(n) => n,
                        Err(_) => return Ok(Err(format!("bad Content-Length {value:?}"))),
                    }
                }
                _ => {}
            }
        }
        if h.length == u64::MAX {
            return Ok(Err("no Content-Length".into()));
        }
        Ok(Ok(Some(h)))
    }

    fn next_outcome(&mut self) -> io::Result<Outcome> {
        self.open()?;
        let Some(mut s) = self.stream.take() else {
            return Ok(Outcome::End);
        };
        let r = self.read_record(&mut s);
        self.stream = Some(s);
        r
    }

    fn read_record(&mut self, s: &mut Stream) -> io::Result<Outcome> {
        let at = s.offset;
        // Counted now, so that a failing stream names the record it failed in.
        self.record += 1;
        self.at = at;
        let header = Self::read_header(s)?;
        let h = match header {
            Ok(None) => {
                self.record -= 1;
                return Ok(Outcome::End);
            }
            Ok(Some(h)) => h,
            Err(why) => {
                Self::resync(s)?;
                let msg = format!("{why}; skipped to the next record");
                return Ok(Outcome::Item(self.error(at, None, ErrorKind::Io, msg)));
            }
        };
        let uri = h.uri.clone();
        let limit = if self.max_bytes > 0 {
            self.max_bytes + HTTP_SLACK
        } else {
            u64::MAX
        };
        if h.length > limit {
            let got = s.skip(h.length)?;
            let mut tail = [0u8; 4];
            let t = s.read(&mut tail)?;
            if got < h.length || &tail[..t] != b"\r\n\r\n" {
                Self::resync(s)?;
            }
            let msg = format!(
                "record block of {} bytes, over the limit of {}",
                h.length, self.max_bytes
            );
            return Ok(Outcome::Item(self.error(at, uri, ErrorKind::TooLarge, msg)));
        }
        let mut block = s.block(h.length)?;
        let complete = block.len() as u64 == h.length;
        let mut tail = s.block(4)?;
        if !complete || tail != b"\r\n\r\n" {
            // The length is wrong, or the archive is cut: find the next record from
            // the start of this block, so that a record it swallowed is not lost.
            block.append(&mut tail);
            let msg = match record_start(&block) {
                Some(p) => {
                    s.unread(&block[p..]);
                    format!(
                        "Content-Length {} does not match the record (the next record starts {p} bytes into the block); record skipped",
                        h.length
                    )
                }
                None if !complete => {
                    format!(
                        "truncated: the archive ends {} bytes into a block of {}",
                        block.len(),
                        h.length
                    )
                }
                None => {
                    Self::resync(s)?;
                    format!(
                        "Content-Length {} does not match the record (no CRLF CRLF after the block); skipped to the next record",
                        h.length
                    )
                }
            };
            return Ok(Outcome::Item(self.error(at, uri, ErrorKind::Io, msg)));
        }
        Ok(self.document(at, h, block))
    }

    fn document(&self, at: u64, h: Header, block: Vec<u8>) -> Outcome {
        let uri = h.uri.clone();
        let (body, format, charset) = match h.kind.as_str() {
            "response" => match http::parse(&block, self.max_bytes) {
                Ok(Response::Document {
                    body,
                    format,
                    charset,
                }) => (body, format, charset),
                Ok(Response::Skip(why)) => return Outcome::Skip(why),
                Err((kind, msg)) => return Outcome::Item(self.error(at, uri, kind, msg)),
            },
            "resource" => {
                let (media, charset) = h
                    .content_type
                    .as_deref()
                    .map(http::media_type)
                    .unwrap_or_default();
                let format = if media.is_empty() {
                    Format::Text
                } else {
                    match http::format_of(&media) {
                        Some(f) => f,
                        None => return Outcome::Skip(format!("not text: {media}")),
                    }
                };
                (block, format, charset)
            }
            "" => return Outcome::Skip("warc record without WARC-Type".into()),
            other => return Outcome::Skip(format!("warc {other} record")),
        };
        if self.max_bytes > 0 && body.len() as u64 > self.max_bytes {
            let msg = format!("{} bytes, over the limit of {}", body.len(), self.max_bytes);
            return Outcome::Item(self.error(at, uri, ErrorKind::TooLarge, msg));
        }
        Outcome::Item(Item::Document(Document {
            path: self.path.clone(),
            position: Some(format!("record {} at byte {at}", self.record)),
            bytes: body,
            format,
            meta: Meta {
                url: uri,
                charset,
                ..Meta::default()
            },
        }))
    }
}

impl Iterator for Reader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        while !self.done {
            match self.next_outcome() {
                Ok(Outcome::Item(item)) => return Some(item),
                Ok(Outcome::Skip(why)) => {
                    if let Ok(mut m) = self.skipped.lock() {
                        *m.entry(why).or_default() += 1;
                    }
                }
                Ok(Outcome::End) => self.done = true,
                Err(e) => {
                    // The stream itself failed (a cut or corrupt gzip member, a read
                    // error): nothing after this point can be trusted.
                    self.done = true;
                    self.record = self.record.max(1);
                    return Some(self.error(
                        self.at,
                        None,
                        ErrorKind::Io,
                        format!("the archive cannot be read on: {e}"),
                    ));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    pub(crate) fn record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn page(text: &str) -> Vec<u8> {
        let mut b = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n".to_vec();
        b.extend_from_slice(text.as_bytes());
        b
    }

    fn gz(bytes: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    fn read(bytes: Vec<u8>) -> (Vec<Item>, BTreeMap<String, usize>) {
        let skipped = Arc::default();
        let items = Reader::new(
            "a.warc.gz".into(),
            Box::new(io::Cursor::new(bytes)),
            1 << 20,
            Arc::default(),
            Arc::clone(&skipped),
        )
        .collect();
        let s = skipped.lock().unwrap().clone();
        (items, s)
    }

    fn urls(items: &[Item]) -> Vec<String> {
        items
            .iter()
            .map(|i| match i {
                Item::Document(d) => d.meta.url.clone().unwrap(),
                Item::Error(e) => format!("error: {}", e.describe()),
                Item::File { .. } => unreachable!(),
            })
            .collect()
    }

    fn archive() -> Vec<Vec<u8>> {
        vec![
            record(
                "warcinfo",
                "",
                "application/warc-fields",
                b"software: test\r\n",
            ),
            record(
                "request",
                "https://a.gov.vn/1",
                "application/http; msgtype=request",
                b"GET /1 HTTP/1.1\r\n\r\n",
            ),
            record(
                "response",
                "https://a.gov.vn/1",
                "application/http; msgtype=response",
                &page("<p>Một</p>"),
            ),
            record(
                "resource",
                "https://a.gov.vn/2.txt",
                "text/plain",
                "Hai".as_bytes(),
            ),
            record(
                "response",
                "https://a.gov.vn/logo.png",
                "application/http; msgtype=response",
                b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
            ),
            record(
                "response",
                "https://a.gov.vn/3",
                "application/http; msgtype=response",
                &page("<p>Ba</p>"),
            ),
        ]
    }

    #[test]
    fn plain_and_multi_member_gzip_archives_give_the_same_documents() {
        let recs = archive();
        let plain: Vec<u8> = recs.concat();
        let members: Vec<u8> = recs.iter().flat_map(|r| gz(r)).collect();
        for bytes in [plain.clone(), members, gz(&plain)] {
            let (items, skipped) = read(bytes);
            assert_eq!(
                urls(&items),
                vec![
                    "https://a.gov.vn/1",
                    "https://a.gov.vn/2.txt",
                    "https://a.gov.vn/3"
                ]
            );
            let Item::Document(d) = &items[0] else {
                panic!()
            };
            assert_eq!(d.bytes, "<p>Một</p>".as_bytes());
            assert_eq!(d.format, Format::Html);
            assert_eq!(d.meta.charset.as_deref(), Some("utf-8"));
            let at = recs[0].len() + recs[1].len();
            assert_eq!(d.position, Some(format!("record 3 at byte {at}")));
            let Item::Document(d) = &items[1] else {
                panic!()
            };
            assert_eq!((d.bytes.as_slice(), d.format), (&b"Hai"[..], Format::Text));
            assert_eq!(skipped.get("warc request record"), Some(&1));
            assert_eq!(skipped.get("warc warcinfo record"), Some(&1));
            assert_eq!(skipped.get("not text: image/png"), Some(&1));
        }
    }

    #[test]
    fn a_wrong_content_length_costs_one_record() {
        for delta in [-2i64, 9, 400] {
            let mut recs = archive();
            let bad = String::from_utf8_lossy(&recs[3]).into_owned();
            let fixed = bad.replace(
                "Content-Length: 3",
                &format!("Content-Length: {}", 3 + delta),
            );
            recs[3] = fixed.into_bytes();
            let (items, _) = read(recs.iter().flat_map(|r| gz(r)).collect());
            let got = urls(&items);
            assert_eq!(got.len(), 3, "{delta}: {got:?}");
            assert_eq!(got[0], "https://a.gov.vn/1");
            assert!(
                got[1].starts_with("error: record 4 at byte"),
                "{delta}: {}",
                got[1]
            );
            assert!(got[1].contains("Content-Length"), "{}", got[1]);
            assert_eq!(got[2], "https://a.gov.vn/3", "{delta}");
            let Item::Error(e) = &items[1] else { panic!() };
            assert_eq!(e.meta.url.as_deref(), Some("https://a.gov.vn/2.txt"));
        }
    }

    #[test]
    fn a_truncated_gzip_archive_keeps_what_came_before() {
        let bytes: Vec<u8> = archive().iter().flat_map(|r| gz(r)).collect();
        let cut = bytes[..bytes.len() - 20].to_vec();
        let (items, _) = read(cut);
        let got = urls(&items);
        assert_eq!(&got[..2], ["https://a.gov.vn/1", "https://a.gov.vn/2.txt"]);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[2].starts_with("error: record 6"), "{}", got[2]);
        // A plain archive cut inside a block says so.
        let plain = archive().concat();
        let (items, _) = read(plain[..plain.len() - 10].to_vec());
        let got = urls(&items);
        assert!(got[2].contains("truncated"), "{got:?}");
    }

    #[test]
    fn junk_is_an_error_not_a_panic() {
        let (items, _) = read(b"\x00\x01\x02 this is not an archive\n\xFF\xFE".to_vec());
        assert_eq!(items.len(), 1);
        assert!(urls(&items)[0].contains("not a WARC record header"));
        let (items, _) = read(vec![0x1F, 0x8B, 0x08, 0, 1, 2, 3]);
        assert_eq!(items.len(), 1);
        assert!(
            urls(&items)[0].contains("cannot be read on"),
            "{:?}",
            urls(&items)
        );
        let (items, _) = read(Vec::new());
        assert!(items.is_empty());
    }

    #[test]
    fn oversized_blocks_are_skipped_not_read() {
        let big = "x".repeat(3 << 20);
        let mut recs = archive();
        recs.insert(
            3,
            record(
                "resource",
                "https://a.gov.vn/big",
                "text/plain",
                big.as_bytes(),
            ),
        );
        let (items, _) = read(recs.concat());
        let got = urls(&items);
        assert_eq!(got.len(), 4);
        assert!(got[1].contains("over the limit"), "{}", got[1]);
        assert_eq!(got[3], "https://a.gov.vn/3");
    }
}
