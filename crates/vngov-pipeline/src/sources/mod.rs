//! Inputs as a stream of documents.
//!
//! A command line names files, directories, JSON Lines files, WARC archives and
//! standard input; [`Sources`] turns them, one after the other and lazily, into
//! [`Item`]s: a document in memory, a file to read when its turn comes, or a failure
//! of the container itself (a JSON line that is not JSON, a WARC record whose length
//! is wrong) with its position. Nothing is read ahead beyond the item asked for, so
//! memory does not grow with the size of an archive.
//!
//! Each container has its own module: [`dir`] (directories, include and exclude
//! globs), [`jsonl`], [`warc`] (WARC and ARC, with [`http`] for response records).

pub mod compressed;
pub mod dir;
pub mod http;
pub mod jsonl;
pub mod manifest;
pub mod warc;

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use thiserror::Error;
use vngov_record::ErrorKind;

/// What a document's bytes are, as far as its container tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Plain text.
    #[default]
    Text,
    /// An HTML page.
    Html,
    /// Rich Text Format (old archives, often in TCVN3 or VNI fonts).
    Rtf,
    /// A document file as published: PDF, DOCX, ODT, Word 97.
    Document(vngov_docs::Kind),
}

/// What the container says about a document besides its bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// The URL it was fetched from (WARC-Target-URI, a JSON Lines `url` field).
    pub url: Option<String>,
    /// An identifier given by the container (a JSON Lines `id` field).
    pub id: Option<String>,
    /// A publication date given by the container (a JSON Lines `published` field).
    pub published: Option<String>,
    /// The character set the container declares (an HTTP `Content-Type` charset).
    pub charset: Option<String>,
    /// For an attachment: the URL of the article that links to it.
    pub linked_from: Option<String>,
    /// What was wrong with the container's metadata (a `published` that is not a
    /// string), for the record's warnings.
    pub warnings: Vec<vngov_record::Warning>,
    /// The line of a JSON Lines file the document is on, from 1.
    pub line: Option<u64>,
    /// An earlier document of the same run had the same URL or identifier (one
    /// URL in two archives, two JSON lines with one `id`): the record id then also
    /// takes the file and the position in it, so that ids stay unique.
    pub repeated: bool,
}

/// One document, read into memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The file it came from, as shown in records (`-` for standard input).
    pub path: String,
    /// Where in that file, for containers of many documents ("line 12",
    /// "record 3 at byte 5120").
    pub position: Option<String>,
    /// The bytes.
    pub bytes: Vec<u8>,
    /// What the bytes are.
    pub format: Format,
    /// The container's metadata.
    pub meta: Meta,
}

impl Document {
    /// A text document with no metadata.
    pub fn text(path: impl Into<String>, bytes: Vec<u8>) -> Document {
        Document {
            path: path.into(),
            position: None,
            bytes,
            format: Format::Text,
            meta: Meta::default(),
        }
    }

    /// The string the record id is derived from: the URL when there is one, else the
    /// path with the container's id or position.
    pub fn locator(&self) -> String {
        locator(&self.path, self.position.as_deref(), &self.meta)
    }
}

fn locator(path: &str, position: Option<&str>, meta: &Meta) -> String {
    let path = id_path(path);
    let base = match (&meta.url, &meta.id, position) {
        (Some(url), _, _) => url.clone(),
        (None, Some(id), _) => format!("{path}#{id}"),
        (None, None, Some(p)) => format!("{path}#{p}"),
        (None, None, None) => path.clone(),
    };
    match position {
        Some(p) if meta.repeated => format!("{base}#{path}#{p}"),
        _ => base,
    }
}

/// A file's path as the record id sees it, so that one file has one id however
/// its path is written: relative to the working directory when it lies under it
/// (`./a/b.txt`, `/home/u/work/a/b.txt` and `a//b.txt` from `/home/u/work` are
/// all `a/b.txt`), `.` and `..` resolved by name. Symbolic links are not
/// followed. Standard input and URLs (`s3a://…`) are kept as they are.
pub fn id_path(path: &str) -> String {
    use std::path::Component;
    if path == "-" || path.contains("://") {
        return path.to_string();
    }
    let Ok(cwd) = std::env::current_dir() else {
        return path.to_string();
    };
    let mut clean = PathBuf::new();
    for c in cwd.join(path).components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                clean.pop();
            }
            other => clean.push(other),
        }
    }
    display_path(clean.strip_prefix(&cwd).unwrap_or(&clean))
}

/// A failure that costs one document (or the rest of a container): it becomes an
/// error record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceError {
    /// The file.
    pub path: String,
    /// Where in it.
    pub position: Option<String>,
    /// What the container says about the document, as far as it could be read.
    pub meta: Meta,
    /// The error record's kind.
    pub kind: ErrorKind,
    /// What went wrong.
    pub message: String,
    /// For a failed fetch, the HTTP status of the last response, when there was one.
    pub status: Option<u16>,
}

impl SourceError {
    /// An error at `position` of `path`.
    pub fn new(
        path: impl Into<String>,
        position: Option<String>,
        kind: ErrorKind,
        message: impl Into<String>,
    ) -> SourceError {
        SourceError {
            path: path.into(),
            position,
            meta: Meta::default(),
            kind,
            message: message.into(),
            status: None,
        }
    }

    /// The string the record id is derived from (see [`Document::locator`]).
    pub fn locator(&self) -> String {
        locator(&self.path, self.position.as_deref(), &self.meta)
    }

    /// The message with its position ("line 3: not JSON …").
    pub fn describe(&self) -> String {
        match &self.position {
            Some(p) => format!("{p}: {}", self.message),
            None => self.message.clone(),
        }
    }
}

/// One unit of work.
#[derive(Debug)]
pub enum Item {
    /// A document already in memory.
    Document(Document),
    /// A file, read by the worker that processes it, no larger than `max_bytes`.
    File {
        /// The file.
        path: PathBuf,
        /// What its name says it is.
        format: Format,
        /// Its size when listed, to bound the work in flight.
        size: u64,
        /// Larger files become `too_large` error records without being read.
        max_bytes: u64,
    },
    /// A document (or the rest of a container) that could not be read.
    Error(SourceError),
}

impl Item {
    /// Roughly how many bytes this item holds or will hold in memory.
    pub fn weight(&self) -> u64 {
        match self {
            Item::Document(d) => d.bytes.len() as u64,
            Item::File { size, .. } => *size,
            Item::Error(_) => 0,
        }
    }

    /// The document, reading a file now.
    pub fn load(self) -> Result<Document, Box<SourceError>> {
        match self {
            Item::Document(d) => Ok(d),
            Item::Error(e) => Err(Box::new(e)),
            Item::File {
                path,
                format,
                max_bytes,
                ..
            } => {
                let shown = display_path(&path);
                let bytes = read_bounded(&path, max_bytes).map_err(|e| match e {
                    ReadError::Io(e) => {
                        SourceError::new(&shown, None, ErrorKind::Io, e.to_string())
                    }
                    ReadError::TooLarge(n) => SourceError::new(
                        &shown,
                        None,
                        ErrorKind::TooLarge,
                        format!("{n} bytes, over the limit of {max_bytes}"),
                    ),
                })?;
                Ok(Document {
                    path: shown,
                    position: None,
                    bytes,
                    format,
                    meta: Meta::default(),
                })
            }
        }
    }
}

enum ReadError {
    Io(io::Error),
    TooLarge(u64),
}

/// Reads a whole file, refusing (without reading it) one over `max` bytes (0: no limit).
fn read_bounded(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    let f = File::open(path).map_err(ReadError::Io)?;
    let len = f.metadata().map_err(ReadError::Io)?.len();
    if max > 0 && len > max {
        return Err(ReadError::TooLarge(len));
    }
    let mut buf = Vec::with_capacity(len as usize);
    let limit = if max > 0 { max + 1 } else { u64::MAX };
    f.take(limit).read_to_end(&mut buf).map_err(ReadError::Io)?;
    if max > 0 && buf.len() as u64 > max {
        return Err(ReadError::TooLarge(buf.len() as u64));
    }
    Ok(buf)
}

/// The path as it goes into the record's `source.path`: `/` separators, no leading `./`.
pub fn display_path(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").unwrap_or(&s).to_string()
}

/// The container kind of a path, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    /// One document per file.
    Single(Format),
    /// JSON Lines.
    JsonLines,
    /// WARC, gzipped or not.
    Warc,
    /// ARC, gzipped or not.
    Arc,
    /// Another input compressed with gzip (`.txt.gz`, `.jsonl.gz`, `.pdf.gz`).
    Gzip,
    /// A ZIP archive of documents.
    Zip,
}

impl Container {
    /// What the file name says (`.jsonl`, `.warc.gz`, `.arc.gz`, `.html`, `.pdf`,
    /// `.zip`, `.gz`; anything else is text).
    pub fn of(path: &Path) -> Container {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
            Container::JsonLines
        } else if name.ends_with(".warc") || name.ends_with(".warc.gz") {
            Container::Warc
        } else if name.ends_with(".arc") || name.ends_with(".arc.gz") {
            Container::Arc
        } else if name.ends_with(".html") || name.ends_with(".htm") {
            Container::Single(Format::Html)
        } else if name.ends_with(".rtf") {
            Container::Single(Format::Rtf)
        } else if name.ends_with(".gz") {
            Container::Gzip
        } else if name.ends_with(".zip") {
            Container::Zip
        } else if let Some(kind) = vngov_docs::Kind::from_name(&name) {
            Container::Single(Format::Document(kind))
        } else {
            Container::Single(Format::Text)
        }
    }
}

/// What standard input holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StdinFormat {
    /// One plain-text document.
    #[default]
    Text,
    /// One HTML page.
    Html,
    /// JSON Lines.
    JsonLines,
    /// A WARC archive, gzipped or not.
    Warc,
}

/// How inputs are listed and read.
#[derive(Debug, Clone)]
pub struct Options {
    /// Directory walks keep files matching one of these globs (default: the known
    /// extensions).
    pub include: Vec<String>,
    /// Directory walks skip files and directories matching one of these globs.
    pub exclude: Vec<String>,
    /// Field names of JSON Lines documents.
    pub jsonl: jsonl::Fields,
    /// What standard input holds.
    pub stdin: StdinFormat,
    /// Documents larger than this become `too_large` error records (0: no limit).
    pub max_bytes: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            include: Vec::new(),
            exclude: Vec::new(),
            jsonl: jsonl::Fields::default(),
            stdin: StdinFormat::Text,
            max_bytes: 64 * 1024 * 1024,
        }
    }
}

/// A command line that names nothing readable, or a bad option.
#[derive(Debug, Error)]
pub enum SourcesError {
    /// The path does not exist.
    #[error("{0}: no such file or directory")]
    NotFound(PathBuf),
    /// An include or exclude glob does not parse.
    #[error("bad glob {glob:?}: {source}")]
    Glob {
        /// The glob.
        glob: String,
        /// Why.
        source: globset::Error,
    },
}

/// Counts shared with whoever shows progress.
#[derive(Debug, Default)]
pub struct Progress {
    /// Bytes of the inputs consumed so far, as stored on disk (compressed for .gz).
    pub consumed: AtomicU64,
}

/// The documents of every path on a command line, in order.
pub struct Sources {
    paths: std::vec::IntoIter<PathBuf>,
    current: Option<Box<dyn Iterator<Item = Item> + Send>>,
    filter: Arc<dir::Filter>,
    options: Options,
    progress: Arc<Progress>,
    skipped: Arc<std::sync::Mutex<BTreeMap<String, usize>>>,
    /// Hashes of the URLs and identifiers of the documents inside containers so
    /// far, to find one given twice.
    seen: std::collections::HashSet<u64>,
}

impl Sources {
    /// Checks the paths and options; nothing is read yet. A path that does not
    /// exist becomes an `io` error record in its turn, so that it costs only
    /// itself; when none of the paths exists there is nothing to read, and the
    /// command line is refused.
    pub fn new<P: AsRef<Path>>(paths: &[P], options: Options) -> Result<Sources, SourcesError> {
        let missing = |p: &Path| p != Path::new("-") && !p.exists();
        if let Some(first) = paths.first() {
            if paths.iter().all(|p| missing(p.as_ref())) {
                return Err(SourcesError::NotFound(first.as_ref().to_path_buf()));
            }
        }
        let filter = dir::Filter::new(&options.include, &options.exclude)?;
        Ok(Sources {
            paths: paths
                .iter()
                .map(|p| p.as_ref().to_path_buf())
                .collect::<Vec<_>>()
                .into_iter(),
            current: None,
            filter: Arc::new(filter),
            options,
            progress: Arc::default(),
            skipped: Arc::default(),
            seen: Default::default(),
        })
    }

    /// The documents of one file held in memory (a file a cluster handed to a
    /// task, bytes a program read itself), read as [`Sources::new`] reads a file of
    /// that name: one document, the lines of a JSON Lines file, the records of an
    /// archive. `name` is the file's path as records show it (`source.path`). An
    /// archive is read from `bytes` where they are, without a copy.
    pub fn from_bytes<B: AsRef<[u8]> + Send + 'static>(
        name: impl Into<String>,
        bytes: B,
        options: Options,
    ) -> Result<Sources, SourcesError> {
        let name = name.into();
        let mut sources = Sources::new::<PathBuf>(&[], options)?;
        let items = match Container::of(Path::new(&name)) {
            // Already in memory: the worker refuses it if it is over the limit.
            Container::Single(format) => Box::new(std::iter::once(Item::Document(Document {
                format,
                ..Document::text(name, bytes.as_ref().to_vec())
            }))),
            container => open_container(
                name,
                container,
                Box::new(io::Cursor::new(bytes)),
                &sources.options,
                sources.progress.clone(),
                sources.skipped.clone(),
            ),
        };
        sources.current = Some(items);
        Ok(sources)
    }

    /// Progress counters, updated as items are produced.
    pub fn progress(&self) -> Arc<Progress> {
        self.progress.clone()
    }

    /// Container entries that are not documents and were passed over, by reason
    /// ("warc request record", "http status 404", "not text: image/png").
    pub fn skipped(&self) -> BTreeMap<String, usize> {
        self.skipped.lock().map(|m| m.clone()).unwrap_or_default()
    }

    fn open(&self, path: PathBuf) -> Box<dyn Iterator<Item = Item> + Send> {
        let progress = self.progress.clone();
        if path == Path::new("-") {
            return self.open_stdin();
        }
        if !path.exists() {
            return Box::new(std::iter::once(Item::Error(SourceError::new(
                display_path(&path),
                None,
                ErrorKind::Io,
                "no such file or directory",
            ))));
        }
        if path.is_dir() {
            let walk = dir::walk(&path, self.filter.clone(), Some(self.skipped.clone()));
            let options = self.options.clone();
            let skipped = self.skipped.clone();
            return Box::new(walk.flat_map(
                move |entry| -> Box<dyn Iterator<Item = Item> + Send> {
                    match entry {
                        Ok((p, size)) => {
                            open_file(p, size, &options, progress.clone(), skipped.clone())
                        }
                        Err(e) => Box::new(std::iter::once(Item::Error(e))),
                    }
                },
            ));
        }
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        open_file(path, size, &self.options, progress, self.skipped.clone())
    }

    fn open_stdin(&self) -> Box<dyn Iterator<Item = Item> + Send> {
        let container = match self.options.stdin {
            StdinFormat::JsonLines => Container::JsonLines,
            StdinFormat::Warc => Container::Warc,
            StdinFormat::Text => Container::Single(Format::Text),
            StdinFormat::Html => Container::Single(Format::Html),
        };
        open_container(
            "-".into(),
            container,
            Box::new(io::stdin()),
            &self.options,
            self.progress.clone(),
            self.skipped.clone(),
        )
    }
}

/// The items of one file, by its container kind.
fn open_file(
    path: PathBuf,
    size: u64,
    options: &Options,
    progress: Arc<Progress>,
    skipped: Arc<std::sync::Mutex<BTreeMap<String, usize>>>,
) -> Box<dyn Iterator<Item = Item> + Send> {
    let shown = display_path(&path);
    match Container::of(&path) {
        Container::Single(format) => {
            progress.consumed.fetch_add(size, Ordering::Relaxed);
            Box::new(std::iter::once(Item::File {
                path,
                format,
                size,
                max_bytes: options.max_bytes,
            }))
        }
        Container::Gzip => compressed::gzip(path, options, progress, skipped),
        Container::Zip => compressed::zip(path, options, progress, skipped),
        container => match File::open(&path) {
            Ok(f) => open_container(shown, container, Box::new(f), options, progress, skipped),
            Err(e) => Box::new(std::iter::once(Item::Error(SourceError::new(
                shown,
                None,
                ErrorKind::Io,
                e.to_string(),
            )))),
        },
    }
}

/// The items of `input`, named `shown` in records, by its container kind. A single
/// document is read whole, up to the size limit.
fn open_container(
    shown: String,
    container: Container,
    input: Box<dyn Read + Send>,
    options: &Options,
    progress: Arc<Progress>,
    skipped: Arc<std::sync::Mutex<BTreeMap<String, usize>>>,
) -> Box<dyn Iterator<Item = Item> + Send> {
    match container {
        Container::Single(format) => {
            let max = options.max_bytes;
            let mut buf = Vec::new();
            let limit = if max > 0 { max + 1 } else { u64::MAX };
            let item = match input.take(limit).read_to_end(&mut buf) {
                Err(e) => Item::Error(SourceError::new(shown, None, ErrorKind::Io, e.to_string())),
                Ok(_) if max > 0 && buf.len() as u64 > max => Item::Error(SourceError::new(
                    shown,
                    None,
                    ErrorKind::TooLarge,
                    format!("over the limit of {max} bytes"),
                )),
                Ok(n) => {
                    progress.consumed.fetch_add(n as u64, Ordering::Relaxed);
                    Item::Document(Document {
                        format,
                        ..Document::text(shown, buf)
                    })
                }
            };
            Box::new(std::iter::once(item))
        }
        Container::JsonLines => Box::new(jsonl::Reader::new(
            shown,
            BufReader::with_capacity(256 * 1024, input),
            options.jsonl.clone(),
            options.max_bytes,
            progress,
        )),
        Container::Warc => Box::new(warc::Reader::new(
            shown,
            input,
            options.max_bytes,
            progress,
            skipped,
        )),
        Container::Arc => Box::new(warc::Reader::arc(
            shown,
            input,
            options.max_bytes,
            progress,
            skipped,
        )),
        Container::Gzip => compressed::gzip_stream(shown, input, options, progress, skipped),
        Container::Zip => {
            // A ZIP archive is read from its end: held in memory under the limit.
            let max = options.max_bytes;
            let limit = if max > 0 {
                max.saturating_mul(16)
            } else {
                u64::MAX
            };
            let mut buf = Vec::new();
            match input.take(limit).read_to_end(&mut buf) {
                Ok(_) => compressed::zip_archive(shown, io::Cursor::new(buf), options, skipped),
                Err(e) => Box::new(std::iter::once(Item::Error(SourceError::new(
                    shown,
                    None,
                    ErrorKind::Io,
                    e.to_string(),
                )))),
            }
        }
    }
}

impl Sources {
    /// Marks a document inside a container (a JSON line, an archive record) whose
    /// URL or identifier an earlier one of the run had.
    fn mark_repeated(&mut self, item: &mut Item) {
        use std::hash::{Hash, Hasher};
        let (path, position, meta) = match item {
            Item::Document(d) => (&d.path, &d.position, &mut d.meta),
            Item::Error(e) => (&e.path, &e.position, &mut e.meta),
            Item::File { .. } => return,
        };
        if position.is_none() {
            return;
        }
        let key = locator(path, position.as_deref(), meta);
        let mut h = std::collections::hash_map::DefaultHasher::new();
        key.hash(&mut h);
        if !self.seen.insert(h.finish()) {
            meta.repeated = true;
        }
    }
}

impl Iterator for Sources {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(it) = &mut self.current {
                if let Some(mut item) = it.next() {
                    self.mark_repeated(&mut item);
                    return Some(item);
                }
                self.current = None;
            }
            let path = self.paths.next()?;
            self.current = Some(self.open(path));
        }
    }
}

/// Total size on disk of the inputs (directories walked with the same filter), for
/// a progress bar's length; `None` when standard input is among them.
pub fn total_size<P: AsRef<Path>>(paths: &[P], options: &Options) -> Option<u64> {
    let filter = Arc::new(dir::Filter::new(&options.include, &options.exclude).ok()?);
    let mut total = 0;
    for p in paths {
        let p = p.as_ref();
        if p == Path::new("-") {
            return None;
        }
        if p.is_dir() {
            total += dir::walk(p, filter.clone(), None)
                .filter_map(Result::ok)
                .map(|(_, size)| size)
                .sum::<u64>();
        } else {
            total += std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        }
    }
    Some(total)
}

/// Reads what is counted into `progress` as it is read.
pub(crate) struct Counting<R> {
    pub inner: R,
    pub progress: Arc<Progress>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.progress
            .consumed
            .fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

impl<R: io::BufRead> io::BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, n: usize) {
        self.progress
            .consumed
            .fetch_add(n as u64, Ordering::Relaxed);
        self.inner.consume(n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containers_by_name() {
        assert_eq!(Container::of(Path::new("a/b.JSONL")), Container::JsonLines);
        assert_eq!(Container::of(Path::new("crawl.warc.gz")), Container::Warc);
        assert_eq!(Container::of(Path::new("x.warc")), Container::Warc);
        assert_eq!(Container::of(Path::new("old/crawl.ARC.gz")), Container::Arc);
        assert_eq!(
            Container::of(Path::new("p.htm")),
            Container::Single(Format::Html)
        );
        assert_eq!(
            Container::of(Path::new("old/qd.RTF")),
            Container::Single(Format::Rtf)
        );
        assert_eq!(
            Container::of(Path::new("notes")),
            Container::Single(Format::Text)
        );
    }

    #[test]
    fn locators_prefer_url_then_id_then_position() {
        let mut d = Document::text("a.jsonl", Vec::new());
        assert_eq!(d.locator(), "a.jsonl");
        d.position = Some("line 3".into());
        assert_eq!(d.locator(), "a.jsonl#line 3");
        d.meta.id = Some("x1".into());
        assert_eq!(d.locator(), "a.jsonl#x1");
        d.meta.url = Some("https://a.gov.vn/1".into());
        assert_eq!(d.locator(), "https://a.gov.vn/1");
    }

    #[test]
    fn one_file_has_one_id_path_however_written() {
        let cwd = std::env::current_dir().unwrap();
        let abs = display_path(&cwd.join("corpus/seeds/a.txt"));
        for p in [
            "corpus/seeds/a.txt",
            "./corpus/seeds/a.txt",
            "corpus//seeds/a.txt",
            "corpus/cases/../seeds/a.txt",
            abs.as_str(),
        ] {
            assert_eq!(id_path(p), "corpus/seeds/a.txt", "{p}");
        }
        assert_eq!(id_path("/elsewhere/a.txt"), "/elsewhere/a.txt");
        assert_eq!(id_path("-"), "-");
        assert_eq!(id_path("s3a://b/p/a.txt"), "s3a://b/p/a.txt");
    }

    #[test]
    fn repeated_urls_and_ids_get_ids_of_their_own() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.jsonl");
        let b = dir.path().join("b.jsonl");
        std::fs::write(
            &a,
            concat!(
                r#"{"text":"x","id":"7"}"#,
                "\n",
                r#"{"text":"y","id":"7"}"#,
                "\n",
                r#"{"text":"z","url":"https://a.gov.vn/1"}"#,
                "\n"
            ),
        )
        .unwrap();
        std::fs::write(
            &b,
            concat!(r#"{"text":"z","url":"https://a.gov.vn/1"}"#, "\n"),
        )
        .unwrap();
        let locators: Vec<String> = Sources::new(&[&a, &b], Options::default())
            .unwrap()
            .map(|i| i.load().unwrap().locator())
            .collect();
        let (a, b) = (id_path(&display_path(&a)), id_path(&display_path(&b)));
        assert_eq!(
            locators,
            [
                format!("{a}#7"),
                format!("{a}#7#{a}#line 2"),
                "https://a.gov.vn/1".to_string(),
                format!("https://a.gov.vn/1#{b}#line 1"),
            ]
        );
    }

    #[test]
    fn files_over_the_limit_are_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.txt");
        std::fs::write(&p, "a".repeat(100)).unwrap();
        let item = Item::File {
            path: p,
            format: Format::Text,
            size: 100,
            max_bytes: 10,
        };
        let e = item.load().unwrap_err();
        assert_eq!(e.kind, ErrorKind::TooLarge);
        assert!(e.message.contains("100 bytes"), "{}", e.message);
    }

    #[test]
    fn files_in_memory_read_as_files_of_that_name() {
        let dir = tempfile::tempdir().unwrap();
        let jsonl = b"{\"text\":\"Tin 1\",\"url\":\"https://a.gov.vn/1\"}\nnot json\n{\"html\":\"<p>Tin</p>\"}\n";
        let on_disk = dir.path().join("d.jsonl");
        std::fs::write(&on_disk, jsonl).unwrap();
        let shown = display_path(&on_disk);
        let describe = |items: Vec<Item>| -> Vec<String> {
            items
                .into_iter()
                .map(|i| match i.load() {
                    Ok(d) => format!("{} {:?} {:?} {:?}", d.path, d.position, d.format, d.meta),
                    Err(e) => format!("{} error {}", e.path, e.describe()),
                })
                .collect()
        };
        let from_file = describe(
            Sources::new(&[&on_disk], Options::default())
                .unwrap()
                .collect(),
        );
        let in_memory = Sources::from_bytes(shown.clone(), jsonl.to_vec(), Options::default());
        assert_eq!(describe(in_memory.unwrap().collect()), from_file);
        assert_eq!(from_file.len(), 3);

        let one = Sources::from_bytes(
            "s3a://b/p/page.HTML",
            b"<p>x</p>".to_vec(),
            Options::default(),
        );
        let items: Vec<Item> = one.unwrap().collect();
        assert!(
            matches!(&items[..], [Item::Document(d)] if d.format == Format::Html && d.path == "s3a://b/p/page.HTML")
        );
    }

    #[test]
    fn missing_paths_are_refused_up_front() {
        let err = Sources::new(&["/nonexistent/vngov"], Options::default())
            .err()
            .unwrap();
        assert!(err.to_string().contains("no such file"));
    }

    #[test]
    fn a_missing_path_among_good_ones_costs_only_itself() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("a.txt");
        std::fs::write(&good, "Tin").unwrap();
        let missing = dir.path().join("gone.txt");
        let items: Vec<Item> = Sources::new(&[&missing, &good], Options::default())
            .unwrap()
            .collect();
        assert_eq!(items.len(), 2);
        assert!(
            matches!(&items[0], Item::Error(e) if e.kind == ErrorKind::Io && e.path == display_path(&missing))
        );
        assert!(matches!(&items[1], Item::File { .. }));
    }
}
