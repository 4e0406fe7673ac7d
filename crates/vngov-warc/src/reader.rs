//! Reading the records of an archive one after the other, plain or gzipped (one
//! gzip member per record, several records a member, or the whole file as one).
//!
//! Archives from the field have bad records, and archives being written can be cut
//! by a kill. Every block is read within its Content-Length and a size limit (a
//! longer block is skipped, not read). When a record's length is wrong (the block is
//! not followed by CRLF CRLF, or runs into the end of the archive) the reader looks
//! for the next `WARC/1.` line from the start of the bad block, so the records
//! around it are not lost. A length that runs into the next record or the end costs
//! the record (an error); one that ends short of the record gives the block it
//! announces, marked in [`Record::damage`], as warcio reads it. A read error or a
//! cut or damaged gzip member ends the archive. Offsets are in the uncompressed
//! stream; the end of the last complete record ([`Reader::valid_end`]) is in the
//! file.

use std::io::{self, BufRead, BufReader, Read};

use flate2::bufread::GzDecoder;

use crate::header::{self, HeaderError, Headers, MAX_HEADER};
use crate::http;

/// Read-ahead of the file and of the decompressed stream.
const BUFFER: usize = 256 * 1024;

/// One WARC record.
#[derive(Debug, Clone)]
pub struct Record {
    /// Its number in the archive, from 1, counting records that could not be read.
    pub number: usize,
    /// Where it starts in the uncompressed archive.
    pub offset: u64,
    /// The header fields.
    pub headers: Headers,
    /// The content block.
    pub block: Vec<u8>,
    /// What was wrong with a record read all the same: a Content-Length that ends
    /// short of the record (the block may be cut), an archive ending inside it.
    pub damage: Option<String>,
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

    /// `WARC-Target-URI`, bytes that are not UTF-8 replaced.
    pub fn target_uri_lossy(&self) -> Option<String> {
        header::target_uri(&self.headers)
    }

    /// Whether the record holds a document: a `response` or a `resource`, but not
    /// one of wget's `metadata://` resources (its arguments and log, not a page).
    pub fn is_document(&self) -> bool {
        let kind = self.warc_type().map(str::to_ascii_lowercase);
        match kind.as_deref() {
            Some("response") => true,
            Some("resource") => !self.is_wget_metadata(),
            _ => false,
        }
    }

    /// Whether the `WARC-Target-URI` is in wget's `metadata://` scheme, which
    /// names wget's own files (its arguments, its log) rather than a fetched page.
    pub fn is_wget_metadata(&self) -> bool {
        self.target_uri().is_some_and(|u| {
            u.get(..11)
                .is_some_and(|s| s.eq_ignore_ascii_case("metadata://"))
        })
    }

    /// The HTTP response in a `response` or `revisit` record.
    pub fn http_response(&self) -> Option<http::Response<'_>> {
        if !matches!(self.warc_type(), Some("response" | "revisit")) {
            return None;
        }
        http::Response::parse(&self.block).ok()
    }
}

/// What is wrong with a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Not a record as WARC describes it: no version line, a header too long, no
    /// usable Content-Length, a block not followed by CRLF CRLF.
    Malformed,
    /// The archive ends inside the record.
    Truncated,
    /// The block is longer than the reader's limit: skipped, not read.
    TooLarge {
        /// The block's Content-Length.
        length: u64,
    },
    /// The archive cannot be read on (a read error, a cut or damaged gzip member):
    /// nothing comes after this.
    Unreadable,
}

/// A record that could not be read, and where.
#[derive(Debug, Clone)]
pub struct Error {
    /// What is wrong.
    pub kind: ErrorKind,
    /// The record's number in the archive, from 1.
    pub number: usize,
    /// Where the record starts in the uncompressed archive.
    pub offset: u64,
    /// Its `WARC-Target-URI`, when the header was read.
    pub uri: Option<String>,
    /// What happened, and what the reader did about it.
    pub message: String,
    pub(crate) torn: bool,
}

impl Error {
    /// Whether the archive ends here the way an interrupted append leaves it: in a
    /// cut gzip member, or (plain) inside the record. Everything from
    /// [`Reader::valid_end`] on can then be cut off without losing a record.
    pub fn is_torn(&self) -> bool {
        self.torn
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Reads the records of an archive; gzip is recognised by its magic bytes.
pub struct Reader<R: Read> {
    source: Option<R>,
    stream: Option<Stream<R>>,
    max_block: u64,
    number: usize,
    /// Where the current record starts.
    at: u64,
    done: bool,
    gzip: bool,
    ends: Ends,
}

impl<R: Read> Reader<R> {
    /// Reads `input`; nothing is read before the first record is asked for.
    pub fn new(input: R) -> Reader<R> {
        Reader {
            source: Some(input),
            stream: None,
            max_block: u64::MAX,
            number: 0,
            at: 0,
            done: false,
            gzip: false,
            ends: Ends {
                clean: true,
                between: true,
                record_end: 0,
                valid_end: 0,
            },
        }
    }

    /// Blocks longer than `max` bytes are skipped unread and reported as
    /// [`ErrorKind::TooLarge`].
    pub fn max_block(mut self, max: u64) -> Reader<R> {
        self.max_block = max;
        self
    }

    /// Where in the file the last complete record ends, among those read so far
    /// before any error: in a gzipped archive, the end of the gzip member it ends
    /// with. An append goes there.
    pub fn valid_end(&self) -> u64 {
        self.ends.valid_end
    }

    fn open(&mut self) -> io::Result<()> {
        let Some(input) = self.source.take() else {
            return Ok(());
        };
        let mut raw = BufReader::with_capacity(BUFFER, input);
        self.gzip = raw.fill_buf()?.starts_with(&[0x1F, 0x8B]);
        let inner = if self.gzip {
            let members = Members {
                decoder: Some(GzDecoder::new(Consumed { inner: raw, pos: 0 })),
                produced: 0,
                ends: Vec::new(),
            };
            Input::Gzip(Box::new(BufReader::with_capacity(BUFFER, members)))
        } else {
            Input::Plain(raw)
        };
        self.stream = Some(Stream {
            inner,
            back: Vec::new(),
            back_pos: 0,
            offset: 0,
        });
        Ok(())
    }

    fn next_record(&mut self) -> io::Result<Option<Result<Record, Error>>> {
        self.open()?;
        let Some(mut s) = self.stream.take() else {
            return Ok(None);
        };
        let r = self.read_record(&mut s);
        self.stream = Some(s);
        r
    }

    fn error(&mut self, at: u64, uri: Option<String>, kind: ErrorKind, message: String) -> Error {
        self.ends.clean = false;
        Error {
            kind,
            number: self.number,
            offset: at,
            uri,
            message,
            torn: kind == ErrorKind::Truncated && !self.gzip,
        }
    }

    fn read_record(&mut self, s: &mut Stream<R>) -> io::Result<Option<Result<Record, Error>>> {
        let at = s.offset;
        // Counted now, so that a failing stream names the record it failed in.
        self.number += 1;
        self.at = at;
        let mut line = Vec::new();
        // Blank lines between records are tolerated.
        loop {
            if s.line(&mut line, MAX_HEADER)? == 0 {
                self.number -= 1;
                self.ends.settle(s, u64::MAX);
                return Ok(None);
            }
            if !line.iter().all(u8::is_ascii_whitespace) {
                break;
            }
        }
        self.ends.settle(s, s.offset - line.len() as u64);
        self.ends.between = false;
        let h = match header::parse(&line, s)? {
            Ok(h) => h,
            Err(why) => {
                resync(s)?;
                let kind = match why {
                    HeaderError::Cut => ErrorKind::Truncated,
                    _ => ErrorKind::Malformed,
                };
                let msg = format!("{why}; skipped to the next record");
                return Ok(Some(Err(self.error(at, None, kind, msg))));
            }
        };
        let uri = h.target_uri();
        if h.length > self.max_block {
            let got = s.skip(h.length)?;
            let mut tail = [0u8; 4];
            let t = s.read(&mut tail)?;
            if got < h.length || &tail[..t] != b"\r\n\r\n" {
                resync(s)?;
            }
            let msg = format!(
                "record block of {} bytes, over the limit of {}",
                h.length, self.max_block
            );
            let kind = ErrorKind::TooLarge { length: h.length };
            return Ok(Some(Err(self.error(at, uri, kind, msg))));
        }
        let mut block = s.block(h.length)?;
        let complete = block.len() as u64 == h.length;
        let mut tail = s.block(4)?;
        if !complete || tail != b"\r\n\r\n" {
            let kind = if complete && tail.len() == 4 {
                ErrorKind::Malformed
            } else {
                ErrorKind::Truncated
            };
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
                    // The block as announced is there, and more follows it before
                    // the next record: a length short by a few bytes cuts a block
                    // (warcio reads such a record too), so it is kept and marked.
                    let rest = block.split_off(h.length as usize);
                    s.unread(&rest);
                    resync(s)?;
                    let damage = format!(
                        "Content-Length {} ends before the record does (no CRLF CRLF after the block): the block may be cut",
                        h.length
                    );
                    self.ends.clean = false;
                    self.ends.between = true;
                    return Ok(Some(Ok(Record {
                        number: self.number,
                        offset: at,
                        headers: h.fields,
                        block,
                        damage: Some(damage),
                    })));
                }
            };
            return Ok(Some(Err(self.error(at, uri, kind, msg))));
        }
        self.ends.record_end = s.offset;
        self.ends.between = true;
        if self.ends.clean && matches!(s.inner, Input::Plain(_)) {
            self.ends.valid_end = s.offset;
        }
        Ok(Some(Ok(Record {
            number: self.number,
            offset: at,
            headers: h.fields,
            block,
            damage: None,
        })))
    }
}

impl<R: Read> Iterator for Reader<R> {
    type Item = Result<Record, Error>;

    /// The next record, or why it could not be read; `None` at the end.
    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.next_record() {
            Ok(Some(r)) => Some(r),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                // The stream itself failed: nothing after this point can be trusted.
                self.done = true;
                self.number = self.number.max(1);
                if let Some(s) = self.stream.as_mut() {
                    if self.ends.between {
                        self.ends.settle(s, u64::MAX);
                    }
                }
                let message = format!("the archive cannot be read on: {e}");
                let mut err = self.error(self.at, None, ErrorKind::Unreadable, message);
                err.torn = e.kind() == io::ErrorKind::UnexpectedEof;
                Some(Err(err))
            }
        }
    }
}

/// Where the last complete record ends, for appending after it.
struct Ends {
    /// No record has failed yet.
    clean: bool,
    /// The reader is between records.
    between: bool,
    /// Where the last complete record ends in the uncompressed stream.
    record_end: u64,
    /// Where it ends in the file.
    valid_end: u64,
}

impl Ends {
    /// Takes in the gzip member ends up to `limit` (uncompressed): one that comes
    /// after the last complete record, with nothing but blank lines between, is a
    /// valid end.
    fn settle<R: Read>(&mut self, s: &mut Stream<R>, limit: u64) {
        let Input::Gzip(r) = &mut s.inner else {
            return;
        };
        let ends = &mut r.get_mut().ends;
        if self.clean {
            for &(u, c) in ends.iter() {
                if u >= self.record_end && u <= limit {
                    self.valid_end = c;
                }
            }
        }
        ends.retain(|&(u, _)| u > limit);
    }
}

/// Reads on until a line starts a record, and leaves it unread.
fn resync<R: Read>(s: &mut Stream<R>) -> io::Result<()> {
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

enum Input<R: Read> {
    Plain(BufReader<R>),
    Gzip(Box<BufReader<Members<R>>>),
}

/// The uncompressed archive: counts its offset and can take bytes back.
struct Stream<R: Read> {
    inner: Input<R>,
    back: Vec<u8>,
    back_pos: usize,
    offset: u64,
}

impl<R: Read> Read for Stream<R> {
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

impl<R: Read> BufRead for Stream<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.back_pos < self.back.len() {
            return Ok(&self.back[self.back_pos..]);
        }
        match &mut self.inner {
            Input::Plain(r) => r.fill_buf(),
            Input::Gzip(r) => r.fill_buf(),
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
            match &mut self.inner {
                Input::Plain(r) => r.consume(n),
                Input::Gzip(r) => r.consume(n),
            }
        }
    }
}

impl<R: Read> Stream<R> {
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

/// The gzip members of a file one after the other, noting where each ends.
struct Members<R: Read> {
    decoder: Option<GzDecoder<Consumed<R>>>,
    /// Uncompressed bytes given out.
    produced: u64,
    /// The ends of members not yet looked at: (uncompressed offset, file offset).
    ends: Vec<(u64, u64)>,
}

impl<R: Read> Read for Members<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let Some(d) = self.decoder.as_mut() else {
                return Ok(0);
            };
            let n = d.read(buf)?;
            if n > 0 || buf.is_empty() {
                self.produced += n as u64;
                return Ok(n);
            }
            let Some(d) = self.decoder.take() else {
                return Ok(0);
            };
            let mut input = d.into_inner();
            self.ends.push((self.produced, input.pos));
            if !input.fill_buf()?.is_empty() {
                self.decoder = Some(GzDecoder::new(input));
            }
        }
    }
}

/// A buffered file that counts the bytes taken from it.
struct Consumed<R> {
    inner: BufReader<R>,
    pos: u64,
}

impl<R: Read> Read for Consumed<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl<R: Read> BufRead for Consumed<R> {
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
    use crate::Writer;
    use std::io::Write;

    fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn gz(bytes: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    fn archive() -> Vec<Vec<u8>> {
        vec![
            record("warcinfo", "", b"software: test\r\n"),
            record(
                "response",
                "<http://a.gov.vn/1>",
                b"HTTP/1.1 200 OK\r\n\r\nMot",
            ),
            record("resource", "http://a.gov.vn/2", b"Hai"),
            record("resource", "http://a.gov.vn/3", b"Ba"),
        ]
    }

    /// Each record's URI, or `error N: message`.
    fn read(bytes: &[u8], max: u64) -> (Vec<String>, u64) {
        let mut r = Reader::new(bytes).max_block(max);
        let got = r
            .by_ref()
            .map(|r| match r {
                Ok(r) => r.target_uri().unwrap().to_string(),
                Err(e) => format!("error {}: {e}", e.number),
            })
            .collect();
        (got, r.valid_end())
    }

    #[test]
    fn plain_multi_member_and_single_stream_gzip_read_alike() {
        let recs = archive();
        let plain = recs.concat();
        let members: Vec<u8> = recs.iter().flat_map(|r| gz(r)).collect();
        let whole = gz(&plain);
        for (bytes, len) in [
            (&plain, plain.len()),
            (&members, members.len()),
            (&whole, whole.len()),
        ] {
            let (got, end) = read(bytes, u64::MAX);
            assert_eq!(
                got,
                [
                    "",
                    "http://a.gov.vn/1",
                    "http://a.gov.vn/2",
                    "http://a.gov.vn/3"
                ]
            );
            assert_eq!(end, len as u64);
        }
        let rec = Reader::new(&plain[..]).nth(1).unwrap().unwrap();
        assert_eq!((rec.number, rec.offset), (2, recs[0].len() as u64));
        assert_eq!(rec.http_response().unwrap().body, b"Mot");
    }

    #[test]
    fn a_short_content_length_gives_the_block_it_announces_marked() {
        // example-trunc.warc of warcio's tests: a response two bytes shorter than
        // its record, followed by the next record.
        let mut recs = archive();
        recs[2] = String::from_utf8_lossy(&recs[2])
            .replace("Content-Length: 3", "Content-Length: 1")
            .into_bytes();
        let bytes = recs.concat();
        let got: Vec<_> = Reader::new(&bytes[..]).collect();
        assert_eq!(got.len(), 4);
        let r = got[2].as_ref().unwrap();
        assert_eq!(r.block, b"H");
        assert!(r.damage.as_ref().unwrap().contains("may be cut"), "{r:?}");
        assert!(got[1].as_ref().unwrap().damage.is_none());
        assert_eq!(
            got[3].as_ref().unwrap().target_uri(),
            Some("http://a.gov.vn/3")
        );
        // Records after it no longer mark a clean end to append at.
        let mut r = Reader::new(&bytes[..]);
        r.by_ref().for_each(drop);
        assert_eq!(r.valid_end(), (recs[0].len() + recs[1].len()) as u64);
    }

    #[test]
    fn a_long_content_length_costs_one_record() {
        for delta in [9i64, 400] {
            let mut recs = archive();
            let bad = String::from_utf8_lossy(&recs[2]).replace(
                "Content-Length: 3",
                &format!("Content-Length: {}", 3 + delta),
            );
            recs[2] = bad.into_bytes();
            let (got, _) = read(&recs.concat(), u64::MAX);
            assert_eq!(got.len(), 4, "{delta}: {got:?}");
            assert!(got[2].starts_with("error 3: Content-Length"), "{}", got[2]);
            assert_eq!(got[3], "http://a.gov.vn/3");
        }
    }

    #[test]
    fn oversized_blocks_are_skipped_not_read() {
        let mut recs = archive();
        recs.insert(2, record("resource", "http://a.gov.vn/big", &[b'x'; 5000]));
        let bytes = recs.concat();
        let mut r = Reader::new(&bytes[..]).max_block(1000);
        let e = r.nth(2).unwrap().unwrap_err();
        assert_eq!(e.kind, ErrorKind::TooLarge { length: 5000 });
        assert_eq!(e.uri.as_deref(), Some("http://a.gov.vn/big"));
        assert_eq!(r.count(), 2);
    }

    #[test]
    fn a_torn_tail_is_found() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["t.warc.gz", "t.warc"] {
            let path = dir.path().join(name);
            let mut w = Writer::append(&path, 0, &[]).unwrap();
            w.write_record(&[("WARC-Type", "resource".into())], b"one")
                .unwrap();
            let good = std::fs::metadata(&path).unwrap().len();
            w.write_record(&[("WARC-Type", "resource".into())], &[7u8; 5000])
                .unwrap();
            drop(w);
            let full = std::fs::metadata(&path).unwrap().len();
            let bytes = std::fs::read(&path).unwrap();
            let mut r = Reader::new(&bytes[..(full - 40) as usize]);
            assert_eq!(r.by_ref().filter(Result::is_ok).count(), 2, "{name}");
            assert_eq!(r.valid_end(), good, "{name}");
            let mut r = Reader::new(&bytes[..(full - 40) as usize]);
            let e = r.find_map(Result::err).unwrap();
            assert!(e.is_torn(), "{name}: {e}");
        }
    }

    #[test]
    fn junk_is_an_error_not_a_tear() {
        let mut bytes = record("resource", "http://a.gov.vn/1", b"ab");
        bytes.extend_from_slice(b"HELLO world\r\n\r\n");
        let mut r = Reader::new(&bytes[..]);
        assert!(r.next().unwrap().is_ok());
        let e = r.next().unwrap().unwrap_err();
        assert!(!e.is_torn());
        assert!(e.message.contains("not a WARC record header"), "{e}");
        assert_eq!(r.valid_end(), bytes.len() as u64 - 15);
        let e = Reader::new(&[0x1F, 0x8B, 0x08, 0, 1, 2, 3][..])
            .next()
            .unwrap()
            .unwrap_err();
        assert_eq!(e.kind, ErrorKind::Unreadable);
        assert!(Reader::new(&[][..]).next().is_none());
    }
}
