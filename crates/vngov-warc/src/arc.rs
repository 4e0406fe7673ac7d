//! ARC archives, the Internet Archive's format before WARC (versions 1 and 2),
//! plain or gzipped (one gzip member per record, or the whole file as one), read as
//! WARC records so that one reader of records serves both.
//!
//! An ARC file is a version block (`filedesc://…`) and then records, each a header
//! line `URL IP-address Archive-date Content-type Archive-length` (version 2 adds
//! result code, checksum, location, offset and file name before the length), the
//! `Archive-length` bytes it announces (for `http(s)` URLs, the whole HTTP
//! response), and a newline. A URL may hold spaces: the fields are counted from the
//! end of the line. Records come out with `WARC-Type` `warcinfo` for the version
//! block, `response` for an HTTP response, `resource` for anything else, and
//! `WARC-Target-URI`, `Content-Type` and `Content-Length` from the header line.
//!
//! A header line that cannot be read (a length that is not a number, too few
//! fields) costs its record: the reader reports it and goes on from the next line
//! that is a record header. A record longer than the limit is skipped unread. An
//! archive that ends inside a record's block ends with what there is of it, marked
//! in [`Record::damage`] (an error if there is nothing); one whose gzip stream is
//! cut or damaged ends with an error.

use std::io::{self, BufRead, BufReader, Read};

use flate2::bufread::MultiGzDecoder;

use crate::header::{Headers, MAX_HEADER};
use crate::reader::{Error, ErrorKind, Record};

/// Read-ahead of the file and of the decompressed stream.
const BUFFER: usize = 256 * 1024;

/// Reads the records of an ARC archive; gzip is recognised by its magic bytes.
pub struct Reader<R: Read> {
    source: Option<R>,
    stream: Option<Counted>,
    max_block: u64,
    /// Fields on a header line after the URL: 4 in version 1, 9 in version 2.
    fields_after_url: usize,
    number: usize,
    /// A header line read while looking for the next record, not yet taken.
    pending: Option<(u64, Vec<u8>)>,
    done: bool,
}

/// The uncompressed archive, with its offset.
struct Counted {
    inner: Box<dyn BufRead + Send>,
    offset: u64,
}

impl Counted {
    fn line(&mut self, out: &mut Vec<u8>) -> io::Result<usize> {
        out.clear();
        let n = (&mut self.inner).take(MAX_HEADER).read_until(b'\n', out)?;
        self.offset += n as u64;
        Ok(n)
    }

    fn block(&mut self, n: u64) -> io::Result<Vec<u8>> {
        let mut out = Vec::with_capacity(n.min(1 << 20) as usize);
        let got = (&mut self.inner).take(n).read_to_end(&mut out)?;
        self.offset += got as u64;
        Ok(out)
    }

    fn skip(&mut self, n: u64) -> io::Result<u64> {
        let got = io::copy(&mut (&mut self.inner).take(n), &mut io::sink())?;
        self.offset += got;
        Ok(got)
    }

    /// Takes the newline that ends a record, if it is there.
    fn end_of_record(&mut self) -> io::Result<()> {
        let buf = self.inner.fill_buf()?;
        let n = match buf {
            [b'\r', b'\n', ..] => 2,
            [b'\n', ..] => 1,
            _ => 0,
        };
        self.inner.consume(n);
        self.offset += n as u64;
        Ok(())
    }
}

/// One parsed header line.
struct Line {
    url: String,
    content_type: String,
    length: u64,
}

impl<R: Read + Send + 'static> Reader<R> {
    /// Reads `input`; nothing is read before the first record is asked for.
    pub fn new(input: R) -> Reader<R> {
        Reader {
            source: Some(input),
            stream: None,
            max_block: u64::MAX,
            fields_after_url: 4,
            number: 0,
            pending: None,
            done: false,
        }
    }

    /// Blocks longer than `max` bytes are skipped unread and reported as
    /// [`ErrorKind::TooLarge`].
    pub fn max_block(mut self, max: u64) -> Reader<R> {
        self.max_block = max;
        self
    }

    fn open(&mut self) -> io::Result<()> {
        let Some(input) = self.source.take() else {
            return Ok(());
        };
        let mut raw = BufReader::with_capacity(BUFFER, input);
        let inner: Box<dyn BufRead + Send> = if raw.fill_buf()?.starts_with(&[0x1F, 0x8B]) {
            Box::new(BufReader::with_capacity(BUFFER, MultiGzDecoder::new(raw)))
        } else {
            Box::new(raw)
        };
        self.stream = Some(Counted { inner, offset: 0 });
        Ok(())
    }

    fn error(&self, offset: u64, uri: Option<String>, kind: ErrorKind, message: String) -> Error {
        Error {
            kind,
            number: self.number,
            offset,
            uri,
            message,
            torn: false,
        }
    }

    /// The next header line that is not blank, with its offset.
    fn header_line(&mut self, s: &mut Counted) -> io::Result<Option<(u64, Vec<u8>)>> {
        if let Some(p) = self.pending.take() {
            return Ok(Some(p));
        }
        let mut line = Vec::new();
        loop {
            let at = s.offset;
            if s.line(&mut line)? == 0 {
                return Ok(None);
            }
            if !line.iter().all(u8::is_ascii_whitespace) {
                return Ok(Some((at, line)));
            }
        }
    }

    fn parse(&self, line: &[u8]) -> Result<Line, String> {
        if line.last() != Some(&b'\n') {
            return Err("ARC header line too long, or cut".into());
        }
        let text = String::from_utf8_lossy(line);
        let parts: Vec<&str> = text.split_ascii_whitespace().collect();
        let after = self.fields_after_url;
        if !self.looks_like_header(line) {
            return Err(format!(
                "not an ARC record header ({} fields): {:?}",
                parts.len(),
                text.trim_end()
            ));
        }
        let (url, fields) = parts.split_at(parts.len() - after);
        let length = fields[after - 1];
        let length = length
            .parse()
            .map_err(|_| format!("bad Archive-length {length:?}"))?;
        Ok(Line {
            url: url.join(" "),
            content_type: fields[2].to_string(),
            length,
        })
    }

    /// Whether a line has the shape of a header line (a URL and enough fields),
    /// good or bad: after a bad record, the next one starts there.
    fn looks_like_header(&self, line: &[u8]) -> bool {
        let mut parts = line
            .split(u8::is_ascii_whitespace)
            .filter(|p| !p.is_empty());
        let url_like = parts.next().is_some_and(|u| {
            u.iter().position(|&b| b == b':').is_some_and(|c| {
                c > 0
                    && u[..c]
                        .iter()
                        .all(|b| b.is_ascii_alphanumeric() || b"+.-".contains(b))
            })
        });
        url_like && parts.count() >= self.fields_after_url
    }

    /// Reads lines up to the next one that looks like a record header, and keeps it.
    fn resync(&mut self, s: &mut Counted) -> io::Result<()> {
        let mut line = Vec::new();
        loop {
            let at = s.offset;
            if s.line(&mut line)? == 0 {
                return Ok(());
            }
            if self.looks_like_header(&line) {
                self.pending = Some((at, line));
                return Ok(());
            }
        }
    }

    fn read_record(&mut self, s: &mut Counted) -> io::Result<Option<Result<Record, Error>>> {
        let Some((at, line)) = self.header_line(s)? else {
            return Ok(None);
        };
        self.number += 1;
        let h = match self.parse(&line) {
            Ok(h) => h,
            Err(why) => {
                self.resync(s)?;
                let msg = format!("{why}; skipped to the next record");
                return Ok(Some(Err(self.error(at, None, ErrorKind::Malformed, msg))));
            }
        };
        let uri = Some(h.url.clone());
        if h.length > self.max_block {
            let got = s.skip(h.length)?;
            let msg = format!(
                "record block of {} bytes, over the limit of {}",
                h.length, self.max_block
            );
            if got < h.length {
                self.done = true;
            }
            let kind = ErrorKind::TooLarge { length: h.length };
            return Ok(Some(Err(self.error(at, uri, kind, msg))));
        }
        let block = s.block(h.length)?;
        let mut damage = None;
        if (block.len() as u64) < h.length {
            self.done = true;
            let msg = format!(
                "truncated: the archive ends {} bytes into a block of {}",
                block.len(),
                h.length
            );
            if block.is_empty() {
                return Ok(Some(Err(self.error(at, uri, ErrorKind::Truncated, msg))));
            }
            // ARC files are not appended to, so a cut last record is no torn
            // append: what there is of it is read (as warcio does), and marked.
            damage = Some(msg);
        }
        s.end_of_record()?;
        let kind = if h.url.starts_with("filedesc:") {
            // "1 0 …" or "2 0 …": the version says how many fields a header has.
            if block.starts_with(b"2 ") {
                self.fields_after_url = 9;
            }
            "warcinfo"
        } else if block.starts_with(b"HTTP/") {
            "response"
        } else {
            "resource"
        };
        let mut headers = Headers::default();
        headers.push("WARC-Type", kind);
        headers.push("WARC-Target-URI", h.url);
        headers.push("Content-Type", h.content_type);
        headers.push("Content-Length", h.length.to_string());
        Ok(Some(Ok(Record {
            number: self.number,
            offset: at,
            headers,
            block,
            damage,
        })))
    }
}

impl<R: Read + Send + 'static> Iterator for Reader<R> {
    type Item = Result<Record, Error>;

    /// The next record, or why it could not be read; `None` at the end.
    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let result = self.open().and_then(|()| {
            let Some(mut s) = self.stream.take() else {
                return Ok(None);
            };
            let r = self.read_record(&mut s);
            self.stream = Some(s);
            r
        });
        match result {
            Ok(Some(r)) => Some(r),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                let at = self.stream.as_ref().map_or(0, |s| s.offset);
                self.number = self.number.max(1);
                let message = format!("the archive cannot be read on: {e}");
                Some(Err(self.error(at, None, ErrorKind::Unreadable, message)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const VERSION: &str = "filedesc://t.arc 0.0.0.0 20240101000000 text/plain 66\n1 0 vngov\nURL IP-address Archive-date Content-type Archive-length\n\n";

    fn record(url: &str, ct: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!("{url} 10.0.0.1 20240102030405 {ct} {}\n", block.len()).into_bytes();
        r.extend_from_slice(block);
        r.push(b'\n');
        r
    }

    fn gz(bytes: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    fn archive() -> Vec<Vec<u8>> {
        vec![
            VERSION.as_bytes().to_vec(),
            record(
                "http://a.gov.vn/1",
                "text/html",
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Mot</p>",
            ),
            record("http://a.gov.vn/a b.txt", "text/plain", "Hai".as_bytes()),
            record("dns:a.gov.vn", "text/dns", b"a.gov.vn. 300 IN A 10.0.0.1"),
        ]
    }

    fn read(bytes: Vec<u8>, max: u64) -> Vec<String> {
        Reader::new(io::Cursor::new(bytes))
            .max_block(max)
            .map(|r| match r {
                Ok(r) => format!(
                    "{} {} {} {}",
                    r.number,
                    r.warc_type().unwrap(),
                    r.target_uri().unwrap(),
                    r.block.len()
                ),
                Err(e) => format!("{} error: {e}", e.number),
            })
            .collect()
    }

    #[test]
    fn plain_and_gzipped_archives_read_alike() {
        let recs = archive();
        let expected = [
            "1 warcinfo filedesc://t.arc 66",
            "2 response http://a.gov.vn/1 54",
            "3 resource http://a.gov.vn/a b.txt 3",
            "4 resource dns:a.gov.vn 27",
        ];
        let plain = recs.concat();
        let members: Vec<u8> = recs.iter().flat_map(|r| gz(r)).collect();
        for bytes in [plain.clone(), members, gz(&plain)] {
            assert_eq!(read(bytes, u64::MAX), expected);
        }
        let rec = Reader::new(io::Cursor::new(plain)).nth(1).unwrap().unwrap();
        assert_eq!(rec.offset, recs[0].len() as u64);
        assert_eq!(rec.http_response().unwrap().body, b"<p>Mot</p>");
        assert_eq!(rec.headers.get("content-type"), Some("text/html"));
    }

    #[test]
    fn version_2_headers_have_more_fields() {
        let mut bytes =
            b"filedesc://t.arc 0.0.0.0 20240101000000 text/plain 10\n2 0 vngov\n\n".to_vec();
        bytes.extend_from_slice(
            b"http://a.gov.vn/x 10.0.0.1 20240102030405 text/plain 200 - - 0 t.arc 3\nBon\n",
        );
        assert_eq!(read(bytes, u64::MAX)[1], "2 resource http://a.gov.vn/x 3");
    }

    #[test]
    fn bad_headers_cost_their_record_and_the_reader_goes_on() {
        let mut recs = archive();
        recs.insert(
            2,
            b"http://a.gov.vn/bad 10.0.0.1 2024 text/html abc\n\njunk line\n\n".to_vec(),
        );
        let got = read(recs.concat(), u64::MAX);
        assert_eq!(got.len(), 5, "{got:?}");
        assert!(
            got[2].starts_with("3 error: bad Archive-length \"abc\""),
            "{}",
            got[2]
        );
        assert_eq!(got[3], "4 resource http://a.gov.vn/a b.txt 3");
    }

    #[test]
    fn oversized_and_truncated_records() {
        let got = read(archive().concat(), 20);
        assert!(got[0].contains("over the limit of 20"), "{got:?}");
        assert!(got[1].contains("over the limit of 20"), "{got:?}");
        assert_eq!(got[2], "3 resource http://a.gov.vn/a b.txt 3");
        let plain = archive().concat();
        // A cut last record gives what there is of it, marked.
        let got = read(plain[..plain.len() - 10].to_vec(), u64::MAX);
        assert_eq!(got.last().unwrap(), "4 resource dns:a.gov.vn 18", "{got:?}");
        let cut = Reader::new(io::Cursor::new(plain[..plain.len() - 10].to_vec()))
            .last()
            .unwrap()
            .unwrap();
        assert!(cut.damage.unwrap().starts_with("truncated"));
        // One cut right after its header line is an error.
        let header = archive()[..3].concat().len()
            + b"dns:a.gov.vn 10.0.0.1 20240102030405 text/dns 27\n".len();
        let got = read(plain[..header].to_vec(), u64::MAX);
        assert!(got.last().unwrap().contains("truncated"), "{got:?}");
        let got = read(vec![0x1F, 0x8B, 0x08, 0, 1, 2, 3], u64::MAX);
        assert!(got[0].contains("cannot be read on"), "{got:?}");
        assert!(read(Vec::new(), u64::MAX).is_empty());
    }
}
