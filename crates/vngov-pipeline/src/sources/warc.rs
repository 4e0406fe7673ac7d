//! WARC archives (ISO 28500, WARC/1.0 and 1.1), plain or gzipped (one gzip member
//! per record, or the whole file as one), read by [`vngov_warc::Reader`]; ARC
//! archives, read by [`vngov_warc::arc::Reader`] as WARC records.
//!
//! `response` records are read as HTTP responses ([`super::http`]), `resource`
//! records by their own Content-Type; both become documents with the record's
//! WARC-Target-URI. Other records (request, metadata, warcinfo, revisit), wget's
//! `metadata://` resources (its arguments and log) and responses that are not
//! documents are passed over and counted. A record read despite a Content-Length
//! that ends short of it, or cut by the end of an ARC file, carries a
//! `warc_record_cut` warning. A record that
//! cannot be read (a wrong Content-Length, a block over the size limit, a truncated
//! or corrupt gzip stream) becomes an error item naming it; the reader goes on from
//! the next record where it can. Positions are record numbers and byte offsets in
//! the uncompressed stream.

use std::collections::BTreeMap;
use std::io::Read;
use std::sync::{Arc, Mutex};

use vngov_record::ErrorKind;
use vngov_warc::{reader, Record};

use super::http::{self, Response};
use super::{Counting, Document, Format, Item, Meta, Progress, SourceError};

/// Room for HTTP headers in a response record beyond the document size limit.
const HTTP_SLACK: u64 = 64 * 1024;

enum Outcome {
    Item(Box<Item>),
    Skip(String),
}

/// The documents of a WARC stream.
pub struct Reader {
    path: String,
    records: Box<dyn Iterator<Item = Result<Record, reader::Error>> + Send>,
    max_bytes: u64,
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
        Reader::open(path, input, max_bytes, progress, skipped, false)
    }

    /// Reads the ARC archive `input`, named `path` in records.
    pub fn arc(
        path: String,
        input: Box<dyn Read + Send>,
        max_bytes: u64,
        progress: Arc<Progress>,
        skipped: Arc<Mutex<BTreeMap<String, usize>>>,
    ) -> Reader {
        Reader::open(path, input, max_bytes, progress, skipped, true)
    }

    fn open(
        path: String,
        input: Box<dyn Read + Send>,
        max_bytes: u64,
        progress: Arc<Progress>,
        skipped: Arc<Mutex<BTreeMap<String, usize>>>,
        arc: bool,
    ) -> Reader {
        let input = Counting {
            inner: input,
            progress,
        };
        let limit = if max_bytes > 0 {
            max_bytes + HTTP_SLACK
        } else {
            u64::MAX
        };
        let records: Box<dyn Iterator<Item = Result<Record, reader::Error>> + Send> = if arc {
            Box::new(vngov_warc::arc::Reader::new(input).max_block(limit))
        } else {
            Box::new(vngov_warc::Reader::new(input).max_block(limit))
        };
        Reader {
            path,
            records,
            max_bytes,
            skipped,
        }
    }

    fn error(
        &self,
        (number, at): (usize, u64),
        uri: Option<String>,
        kind: ErrorKind,
        message: String,
    ) -> Item {
        let mut e = SourceError::new(
            &self.path,
            Some(format!("record {number} at byte {at}")),
            kind,
            message,
        );
        e.meta.url = uri;
        Item::Error(e)
    }

    fn bad_record(&self, e: reader::Error) -> Item {
        let (kind, message) = match e.kind {
            reader::ErrorKind::TooLarge { length } => (
                ErrorKind::TooLarge,
                format!(
                    "record block of {length} bytes, over the limit of {}",
                    self.max_bytes
                ),
            ),
            // A malformed or cut record, or an archive that cannot be read on: the
            // archive is damaged there, whatever the document was.
            _ => (ErrorKind::Archive, e.message),
        };
        self.error((e.number, e.offset), e.uri, kind, message)
    }

    fn document(&self, mut rec: Record) -> Outcome {
        let at = (rec.number, rec.offset);
        let damage = rec.damage.take();
        let uri = rec.target_uri_lossy();
        let kind = rec
            .headers
            .get_lossy("warc-type")
            .map(|k| k.to_ascii_lowercase())
            .unwrap_or_default();
        let (body, format, charset) = match kind.as_str() {
            "response" => match http::parse(&rec.block, self.max_bytes) {
                Ok(Response::Document {
                    body,
                    format,
                    charset,
                }) => (body, format, charset),
                Ok(Response::Skip(why)) => return Outcome::Skip(why),
                // A response that a wrong length cut short is lost to that length.
                Err((kind, msg)) => {
                    let (kind, msg) = match &damage {
                        Some(d) => (ErrorKind::Archive, format!("{d}: {msg}")),
                        None => (kind, msg),
                    };
                    return Outcome::Item(Box::new(self.error(at, uri, kind, msg)));
                }
            },
            // wget's arguments and log, not a fetched page.
            "resource" if rec.is_wget_metadata() => {
                return Outcome::Skip("warc metadata:// resource (wget's own)".into())
            }
            "resource" => {
                let (media, charset) = rec
                    .headers
                    .get_lossy("content-type")
                    .map(|ct| http::media_type(&ct))
                    .unwrap_or_default();
                let format = if media.is_empty() {
                    Format::Text
                } else {
                    match http::format_of(&media) {
                        Some(f) => f,
                        None => return Outcome::Skip(format!("not text: {media}")),
                    }
                };
                (rec.block, format, charset)
            }
            "" => return Outcome::Skip("warc record without WARC-Type".into()),
            other => return Outcome::Skip(format!("warc {other} record")),
        };
        if self.max_bytes > 0 && body.len() as u64 > self.max_bytes {
            let msg = format!("{} bytes, over the limit of {}", body.len(), self.max_bytes);
            return Outcome::Item(Box::new(self.error(at, uri, ErrorKind::TooLarge, msg)));
        }
        // A record read despite a wrong length or a cut says so in its record.
        let warnings = damage
            .map(|d| vec![vngov_record::Warning::new("warc_record_cut", d)])
            .unwrap_or_default();
        Outcome::Item(Box::new(Item::Document(Document {
            path: self.path.clone(),
            position: Some(format!("record {} at byte {}", at.0, at.1)),
            bytes: body,
            format,
            meta: Meta {
                url: uri,
                charset,
                linked_from: rec
                    .headers
                    .get_lossy("warc-linked-from")
                    .map(|v| v.to_string()),
                warnings,
                ..Meta::default()
            },
        })))
    }
}

impl Iterator for Reader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            match self.records.next()? {
                Ok(rec) => match self.document(rec) {
                    Outcome::Item(item) => return Some(*item),
                    Outcome::Skip(why) => {
                        if let Ok(mut m) = self.skipped.lock() {
                            *m.entry(why).or_default() += 1;
                        }
                    }
                },
                Err(e) => return Some(self.bad_record(e)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{self, Write};

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
    fn a_short_content_length_gives_a_marked_document_and_metadata_is_skipped() {
        let mut recs = archive();
        recs[3] = String::from_utf8_lossy(&recs[3])
            .replace("Content-Length: 3", "Content-Length: 2")
            .into_bytes();
        recs.push(record(
            "resource",
            "metadata://gnu.org/software/wget/warc/wget.log",
            "text/plain",
            b"Opening WARC file",
        ));
        let (items, skipped) = read(recs.concat());
        assert_eq!(
            urls(&items),
            [
                "https://a.gov.vn/1",
                "https://a.gov.vn/2.txt",
                "https://a.gov.vn/3"
            ]
        );
        let Item::Document(d) = &items[1] else {
            panic!()
        };
        assert_eq!(d.bytes, b"Ha");
        assert_eq!(d.meta.warnings[0].code, "warc_record_cut");
        let Item::Document(d) = &items[0] else {
            panic!()
        };
        assert!(d.meta.warnings.is_empty());
        assert_eq!(
            skipped.get("warc metadata:// resource (wget's own)"),
            Some(&1)
        );
    }

    #[test]
    fn a_long_content_length_costs_one_record() {
        for delta in [9i64, 400] {
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
    fn arc_archives_give_documents_as_warc_archives_do() {
        let mut arc =
            b"filedesc://c.arc 0.0.0.0 20050101000000 text/plain 10\n1 0 test\n\n".to_vec();
        let resp = page("<p>Một</p>");
        arc.extend_from_slice(
            format!(
                "https://a.gov.vn/1 10.0.0.1 20050102000000 text/html {}\n",
                resp.len()
            )
            .as_bytes(),
        );
        arc.extend_from_slice(&resp);
        arc.extend_from_slice(
            b"\nhttps://a.gov.vn/logo.png 10.0.0.1 20050102000000 image/png 4\n\x89PNG\n",
        );
        let skipped = Arc::default();
        let items: Vec<Item> = Reader::arc(
            "c.arc.gz".into(),
            Box::new(io::Cursor::new(gz(&arc))),
            1 << 20,
            Arc::default(),
            Arc::clone(&skipped),
        )
        .collect();
        assert_eq!(urls(&items), ["https://a.gov.vn/1"]);
        let Item::Document(d) = &items[0] else {
            panic!()
        };
        assert_eq!(
            (d.bytes.as_slice(), d.format),
            ("<p>Một</p>".as_bytes(), Format::Html)
        );
        assert_eq!(d.position.as_deref(), Some("record 2 at byte 64"));
        let skipped = skipped.lock().unwrap();
        assert_eq!(skipped.get("not text: image/png"), Some(&1));
        assert_eq!(skipped.get("warc warcinfo record"), Some(&1));
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
