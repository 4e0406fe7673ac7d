//! Compressed inputs: a gzipped file of any kind (`.txt.gz`, `.html.gz`,
//! `.jsonl.gz`, `.pdf.gz`), read as what its name says without the `.gz`, and ZIP
//! archives of documents, read entry by entry. JSON Lines are streamed; a document
//! is decompressed under `--max-bytes`, and one that expands past it (a gzip or zip
//! bomb) becomes a `too_large` error record without being held. A ZIP archive's
//! entries together may expand to 16 times the limit at most.

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::Arc;

use flate2::read::MultiGzDecoder;
use vngov_record::ErrorKind;

use super::dir::Skipped;
use super::{
    display_path, jsonl, warc, Container, Counting, Document, Format, Item, Meta, Options,
    Progress, SourceError,
};

type Items = Box<dyn Iterator<Item = Item> + Send>;

fn one(item: Item) -> Items {
    Box::new(std::iter::once(item))
}

/// How a bounded read ended.
enum Bounded {
    Read(Vec<u8>),
    /// More than the limit came out.
    TooLarge,
}

/// Reads `r` to its end, stopping past `max` bytes (0: no limit).
fn read_bounded(r: impl Read, max: u64) -> io::Result<Bounded> {
    let limit = if max > 0 { max } else { u64::MAX - 1 };
    let mut out = Vec::new();
    r.take(limit + 1).read_to_end(&mut out)?;
    Ok(if out.len() as u64 > limit {
        Bounded::TooLarge
    } else {
        Bounded::Read(out)
    })
}

/// The items of a gzipped file: the container its name has without `.gz`.
pub fn gzip(path: PathBuf, options: &Options, progress: Arc<Progress>, skipped: Skipped) -> Items {
    let shown = display_path(&path);
    match File::open(&path) {
        Ok(f) => gzip_stream(shown, Box::new(f), options, progress, skipped),
        Err(e) => one(Item::Error(SourceError::new(
            shown,
            None,
            ErrorKind::Io,
            e.to_string(),
        ))),
    }
}

/// The items of gzipped `input` named `shown`: the container the name has without
/// `.gz`.
pub fn gzip_stream(
    shown: String,
    input: Box<dyn Read + Send>,
    options: &Options,
    progress: Arc<Progress>,
    skipped: Skipped,
) -> Items {
    let inner = PathBuf::from(shown.trim_end_matches(|c| c != '.').trim_end_matches('.'));
    let counted = Counting {
        inner: BufReader::new(input),
        progress,
    };
    let stream = MultiGzDecoder::new(counted);
    match Container::of(&inner) {
        Container::JsonLines => Box::new(jsonl::Reader::new(
            shown,
            BufReader::with_capacity(256 * 1024, stream),
            options.jsonl.clone(),
            options.max_bytes,
            Arc::new(Progress::default()),
        )),
        Container::Warc => Box::new(warc::Reader::new(
            shown,
            Box::new(stream),
            options.max_bytes,
            Arc::new(Progress::default()),
            skipped,
        )),
        Container::Arc => Box::new(warc::Reader::arc(
            shown,
            Box::new(stream),
            options.max_bytes,
            Arc::new(Progress::default()),
            skipped,
        )),
        Container::Gzip | Container::Zip => {
            note(&skipped, "archive inside .gz");
            Box::new(std::iter::empty())
        }
        Container::Single(format) => one(document(
            &shown,
            None,
            stream,
            format,
            options.max_bytes,
            "gzip",
        )),
    }
}

/// A document decompressed under the limit, or its error record.
fn document(
    shown: &str,
    position: Option<String>,
    r: impl Read,
    format: Format,
    max: u64,
    what: &str,
) -> Item {
    match read_bounded(r, max) {
        Ok(Bounded::Read(bytes)) => Item::Document(Document {
            path: shown.to_string(),
            position,
            bytes,
            format,
            meta: Meta::default(),
        }),
        Ok(Bounded::TooLarge) => Item::Error(SourceError::new(
            shown,
            position,
            ErrorKind::TooLarge,
            format!("expands past the limit of {max} bytes once decompressed: a {what} bomb?"),
        )),
        Err(e) => Item::Error(SourceError::new(
            shown,
            position,
            ErrorKind::Decode,
            format!("damaged {what} data: {e}"),
        )),
    }
}

fn note(skipped: &Skipped, why: &str) {
    if let Ok(mut m) = skipped.lock() {
        *m.entry(why.to_string()).or_default() += 1;
    }
}

/// The items of a ZIP archive, entry by entry.
pub fn zip(path: PathBuf, options: &Options, progress: Arc<Progress>, skipped: Skipped) -> Items {
    let shown = display_path(&path);
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    match File::open(&path) {
        Ok(f) => {
            progress.consumed.fetch_add(size, Ordering::Relaxed);
            zip_archive(shown, BufReader::new(f), options, skipped)
        }
        Err(e) => one(Item::Error(SourceError::new(
            shown,
            None,
            ErrorKind::Io,
            e.to_string(),
        ))),
    }
}

/// The items of the ZIP archive `input` named `shown`, entry by entry.
pub fn zip_archive<R: Read + io::Seek + Send + 'static>(
    shown: String,
    input: R,
    options: &Options,
    skipped: Skipped,
) -> Items {
    match zip::ZipArchive::new(input) {
        Ok(archive) => Box::new(Entries {
            shown,
            archive,
            next: 0,
            current: None,
            options: options.clone(),
            skipped,
            expanded: 0,
        }),
        Err(e) => one(Item::Error(SourceError::new(
            shown,
            None,
            ErrorKind::Decode,
            format!("damaged ZIP archive: {e}"),
        ))),
    }
}

/// Entries of a ZIP archive read one at a time.
struct Entries<R> {
    shown: String,
    archive: zip::ZipArchive<R>,
    next: usize,
    current: Option<Items>,
    options: Options,
    skipped: Skipped,
    /// Bytes decompressed so far.
    expanded: u64,
}

impl<R: Read + io::Seek> Entries<R> {
    fn entry(&mut self, i: usize) -> Option<Items> {
        let max = self.options.max_bytes;
        let total_limit = max.saturating_mul(16);
        let err = |name: Option<String>, kind, msg: String| {
            Some(one(Item::Error(SourceError::new(
                &self.shown,
                name,
                kind,
                msg,
            ))))
        };
        let mut entry = match self.archive.by_index(i) {
            Ok(e) => e,
            Err(e) => {
                return err(
                    Some(format!("entry {i}")),
                    ErrorKind::Decode,
                    format!("damaged ZIP entry: {e}"),
                )
            }
        };
        if entry.is_dir() {
            return None;
        }
        let name = entry
            .name()
            .map(|n| n.into_owned())
            .unwrap_or_else(|_| format!("entry {i}"));
        let position = Some(name.clone());
        if entry.encrypted() {
            return err(
                position,
                ErrorKind::Decode,
                "encrypted ZIP entry: it needs a password".into(),
            );
        }
        let container = Container::of(Path::new(&name));
        let kept = match container {
            Container::Single(Format::Text) => super::dir::KNOWN_EXTENSIONS
                .iter()
                .any(|e| name.to_ascii_lowercase().ends_with(e)),
            Container::Gzip | Container::Zip => false,
            _ => true,
        };
        if !kept {
            note(
                &self.skipped,
                &format!(
                    "zip entry {}",
                    super::dir::skip_reason(Path::new(&name)).trim_start_matches("file ")
                ),
            );
            return None;
        }
        if max > 0 && entry.size() > max {
            return err(
                position,
                ErrorKind::TooLarge,
                format!(
                    "{} bytes once decompressed, over the limit of {max}",
                    entry.size()
                ),
            );
        }
        if total_limit > 0 && self.expanded >= total_limit {
            return err(
                position,
                ErrorKind::TooLarge,
                format!("the archive expands past {total_limit} bytes: a zip bomb?"),
            );
        }
        let format = match container {
            Container::Single(f) => f,
            _ => Format::Text,
        };
        let bytes = match document(&self.shown, position, &mut entry, format, max, "zip") {
            Item::Document(d) => {
                self.expanded += d.bytes.len() as u64;
                if let Container::Single(_) = container {
                    return Some(one(Item::Document(d)));
                }
                d.bytes
            }
            other => return Some(one(other)),
        };
        // JSON Lines and WARC archives inside the ZIP, read from memory.
        let at = format!("{}#{name}", self.shown);
        let quiet = Arc::new(Progress::default());
        Some(match container {
            Container::JsonLines => Box::new(jsonl::Reader::new(
                at,
                BufReader::new(io::Cursor::new(bytes)),
                self.options.jsonl.clone(),
                max,
                quiet,
            )),
            Container::Arc => Box::new(warc::Reader::arc(
                at,
                Box::new(io::Cursor::new(bytes)),
                max,
                quiet,
                self.skipped.clone(),
            )),
            _ => Box::new(warc::Reader::new(
                at,
                Box::new(io::Cursor::new(bytes)),
                max,
                quiet,
                self.skipped.clone(),
            )),
        })
    }
}

impl<R: Read + io::Seek> Iterator for Entries<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(it) = &mut self.current {
                if let Some(item) = it.next() {
                    return Some(item);
                }
                self.current = None;
            }
            if self.next >= self.archive.len() {
                return None;
            }
            let i = self.next;
            self.next += 1;
            self.current = self.entry(i);
        }
    }
}
