//! The native module of the `vngov` Python package (`vngov._vngov`).
//!
//! Every record is made by the pipeline's own per-document path
//! ([`vngov_pipeline::process`]) or its archive reader ([`Sources`] and
//! [`vngov_pipeline::run`]), serialized as the command line serializes it, and
//! handed to Python as the dict that JSON line parses to: a record here and a line
//! of `vngov extract` are the same for the same input. Extraction runs with the GIL
//! released.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{mpsc, Arc, Mutex};

use pyo3::exceptions::{PyFileNotFoundError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyByteArray, PyBytes, PyList, PyMapping, PyString, PyTuple};

use vngov_pipeline::document::source_error;
use vngov_pipeline::sources::{self, dir, Document, Format, Meta, SourceError, Sources};
use vngov_pipeline::{Settings, Workers};
use vngov_record::{ErrorKind, Output};

/// Records waiting between the archive reader's thread and Python.
const QUEUE: usize = 256;

/// The settings of a call: tone placement and the document size limit (`None`:
/// the command line's default; 0: no limit).
fn settings(tone_style: &str, max_bytes: Option<u64>) -> PyResult<Settings> {
    let tone_style = match tone_style {
        "classic" => vngov_text::ToneStyle::Classic,
        "modern" => vngov_text::ToneStyle::Modern,
        "keep" => vngov_text::ToneStyle::Keep,
        other => {
            return Err(PyValueError::new_err(format!(
                "tone_style must be \"classic\", \"modern\" or \"keep\", not {other:?}"
            )))
        }
    };
    Ok(Settings {
        normalize: vngov_text::Options {
            tone_style,
            ..Default::default()
        },
        max_bytes: max_bytes.unwrap_or_else(|| sources::Options::default().max_bytes),
        docs: Default::default(),
    })
}

/// A document's bytes from a `str` (UTF-8) or a bytes-like object (decoded as a
/// file's bytes are: UTF-8/16, Windows-1258, TCVN3, VNI, RTF).
fn body(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<u8>> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(s.to_cow()?.as_bytes().to_vec());
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    if let Ok(b) = obj.cast::<PyByteArray>() {
        return Ok(b.to_vec());
    }
    Err(PyTypeError::new_err(format!(
        "{what} must be str or bytes, not {}",
        obj.get_type().name()?
    )))
}

/// A publication date given as a string or as a `date`/`datetime`.
fn published(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<String>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Some(s.to_cow()?.into_owned()));
    }
    if obj.hasattr("isoformat")? {
        return Ok(Some(obj.call_method0("isoformat")?.extract()?));
    }
    Err(PyTypeError::new_err(format!(
        "published must be str, date or datetime, not {}",
        obj.get_type().name()?
    )))
}

/// What a caller says about a document besides its bytes.
struct Origin {
    source: Option<String>,
    url: Option<String>,
    id: Option<String>,
    published: Option<String>,
    content_type: Option<String>,
}

impl Origin {
    /// The document as the command line would have it: `source` is its path
    /// (`-`, standard input's, when neither it nor a URL is given).
    fn document(self, bytes: Vec<u8>, format: Format) -> Document {
        let charset = self
            .content_type
            .as_deref()
            .and_then(|ct| sources::http::media_type(ct).1);
        Document {
            path: self
                .source
                .or_else(|| self.url.clone())
                .unwrap_or_else(|| "-".into()),
            position: None,
            bytes,
            format,
            meta: Meta {
                url: self.url,
                id: self.id,
                published: self.published,
                charset,
                ..Meta::default()
            },
        }
    }
}

/// A record as the command line writes it.
fn encode(out: &Output) -> String {
    // Records are plain data: serializing them cannot fail.
    serde_json::to_string(out).expect("records serialize")
}

/// A JSON line as the dict it parses to.
fn to_dict<'py>(py: Python<'py>, line: &str) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let loads = LOADS.get_or_try_init(py, || {
        py.import("json")?.getattr("loads").map(Bound::unbind)
    })?;
    loads.bind(py).call1((line,))
}

/// The record's dict, or `vngov.Error` for an error record.
fn record_or_raise(py: Python<'_>, out: &Output) -> PyResult<Py<PyAny>> {
    let dict = to_dict(py, &encode(out))?;
    let Output::Error(e) = out else {
        return Ok(dict.unbind());
    };
    let kind = serde_json::to_value(e.error.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let class = py.import("vngov")?.getattr("Error")?;
    let exc = class.call1((e.error.message.clone(), kind, dict))?;
    Err(PyErr::from_value(exc))
}

/// Extracts the facts of one plain-text document (or of a document's bytes, decoded
/// as a file's are) and returns its record: the dict the `vngov extract` JSON line
/// for the same input parses to.
///
/// `source` is the path the record names (`source.path`, and the `id` is derived
/// from it); without it, the record is that of standard input (`-`), whose text is
/// read as a web page when it starts with `<!DOCTYPE html` or `<html`, as the command
/// line does. `url` is where the document was fetched from (`source.url`; the `id`
/// then comes from it). `published` (an ISO date or date-time string, or a `date`)
/// is the publication date used when the text gives none. `tone_style` is
/// `"classic"` (hòa, thủy), `"modern"` (hoà, thuỷ) or `"keep"`. Documents over
/// `max_bytes` (default 64 MiB; 0: no limit) are refused.
///
/// Raises `vngov.Error` (with `kind` and the error `record`) when the document
/// cannot be read: bytes that are not text in a supported encoding (`decode`), a
/// document over the limit (`too_large`), a failure of the rules (`internal`).
#[pyfunction]
#[pyo3(signature = (text, *, source=None, url=None, published=None, tone_style="classic", max_bytes=None))]
fn extract(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    source: Option<String>,
    url: Option<String>,
    published: Option<&Bound<'_, PyAny>>,
    tone_style: &str,
    max_bytes: Option<u64>,
) -> PyResult<Py<PyAny>> {
    let origin = Origin {
        source,
        url,
        id: None,
        published: self::published(published)?,
        content_type: None,
    };
    one(
        py,
        body(text, "text")?,
        Format::Text,
        origin,
        tone_style,
        max_bytes,
    )
}

/// One document's record, extracted with the GIL released, or `vngov.Error`.
fn one(
    py: Python<'_>,
    bytes: Vec<u8>,
    format: Format,
    origin: Origin,
    tone_style: &str,
    max_bytes: Option<u64>,
) -> PyResult<Py<PyAny>> {
    let settings = settings(tone_style, max_bytes)?;
    let doc = origin.document(bytes, format);
    let out = py.detach(|| vngov_pipeline::process(doc, &settings));
    record_or_raise(py, &out)
}

/// Extracts the facts of one web page and returns its record, as `vngov extract`
/// gives it for the same page: the article's headline, date, byline and body read
/// from the markup, then the text rules.
///
/// `data` is the page as fetched (bytes; its encoding is found from a byte-order
/// mark, the `content_type` charset, the page's own declaration, then the bytes).
/// `url` is the page's address (`source.url`, the `id`, and the base of its links);
/// `content_type` its HTTP `Content-Type` header. `source`, `published`,
/// `tone_style` and `max_bytes` are as for `extract`.
///
/// Raises `vngov.Error` when the page cannot be read (see `extract`).
#[pyfunction]
#[pyo3(signature = (data, *, url=None, content_type=None, source=None, published=None, tone_style="classic", max_bytes=None))]
#[allow(clippy::too_many_arguments)]
fn extract_html(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    url: Option<String>,
    content_type: Option<String>,
    source: Option<String>,
    published: Option<&Bound<'_, PyAny>>,
    tone_style: &str,
    max_bytes: Option<u64>,
) -> PyResult<Py<PyAny>> {
    let origin = Origin {
        source,
        url,
        id: None,
        published: self::published(published)?,
        content_type,
    };
    one(
        py,
        body(data, "data")?,
        Format::Html,
        origin,
        tone_style,
        max_bytes,
    )
}

/// A string field of a batch item, if it is there and not `None`.
fn field(item: &Bound<'_, PyMapping>, name: &str) -> PyResult<Option<String>> {
    if !item.contains(name)? {
        return Ok(None);
    }
    let v = item.get_item(name)?;
    if v.is_none() {
        return Ok(None);
    }
    if let Ok(s) = v.cast::<PyString>() {
        return Ok(Some(s.to_cow()?.into_owned()));
    }
    // Numbers (an integer id) are taken as the JSON Lines reader takes them.
    Ok(Some(v.str()?.to_cow()?.into_owned()))
}

/// One batch item as a document, or as the error record of an item that has no
/// text.
fn batch_item(item: &Bound<'_, PyAny>, index: usize) -> PyResult<Result<Document, Output>> {
    if item.is_instance_of::<PyString>()
        || item.is_instance_of::<PyBytes>()
        || item.is_instance_of::<PyByteArray>()
    {
        let origin = Origin {
            source: None,
            url: None,
            id: None,
            published: None,
            content_type: None,
        };
        return Ok(Ok(origin.document(body(item, "an item")?, Format::Text)));
    }
    let Ok(map) = item.cast::<PyMapping>() else {
        return Err(PyTypeError::new_err(format!(
            "item {index} must be str, bytes or a mapping, not {}",
            item.get_type().name()?
        )));
    };
    let origin = Origin {
        source: field(map, "source")?,
        url: field(map, "url")?,
        id: field(map, "id")?,
        published: published(map.get_item("published").ok().as_ref())?,
        content_type: field(map, "content_type")?,
    };
    let get = |name: &str| -> PyResult<Option<Bound<'_, PyAny>>> {
        Ok(match map.contains(name)? {
            true => Some(map.get_item(name)?).filter(|v| !v.is_none()),
            false => None,
        })
    };
    let (data, format) = match (get("text")?, get("html")?) {
        (Some(t), _) => (t, Format::Text),
        (None, Some(h)) => (h, Format::Html),
        (None, None) => {
            let doc = origin.document(Vec::new(), Format::Text);
            let mut e = SourceError::new(
                doc.path,
                Some(format!("item {index}")),
                ErrorKind::Decode,
                "no field \"text\" (nor \"html\")",
            );
            e.meta = doc.meta;
            return Ok(Err(source_error(e)));
        }
    };
    Ok(Ok(origin.document(body(&data, "text and html")?, format)))
}

/// The worker threads of batches, kept from one call to the next.
fn workers(threads: Option<usize>) -> PyResult<Arc<Workers>> {
    static POOLS: Mutex<Vec<(Option<usize>, Arc<Workers>)>> = Mutex::new(Vec::new());
    let mut pools = POOLS.lock().unwrap_or_else(|p| p.into_inner());
    if let Some((_, w)) = pools.iter().find(|(n, _)| *n == threads) {
        return Ok(w.clone());
    }
    let w = Arc::new(
        Workers::new(threads)
            .map_err(|e| PyRuntimeError::new_err(format!("cannot start worker threads: {e}")))?,
    );
    pools.push((threads, w.clone()));
    Ok(w)
}

fn check_threads(threads: Option<usize>) -> PyResult<()> {
    if threads == Some(0) {
        return Err(PyValueError::new_err("threads must be at least 1"));
    }
    Ok(())
}

/// Extracts many documents at once, in parallel, and returns their records in the
/// order of `items`.
///
/// Each item is a `str` (a plain-text document), `bytes` (a document's bytes,
/// decoded as a file's are), or a mapping read as a line of a JSON Lines file is:
/// `text` (or `html`, a web page), and optionally `source`, `url`, `id`,
/// `published` and `content_type`; other keys are ignored. A document that cannot
/// be read (and a mapping with neither `text` nor `html`) gives its error record in
/// its place, as `vngov extract` does: nothing is raised for a bad document.
///
/// The work runs on `threads` threads (default: one per core) with the GIL
/// released. `tone_style` and `max_bytes` are as for `extract`.
#[pyfunction]
#[pyo3(signature = (items, *, threads=None, tone_style="classic", max_bytes=None))]
fn extract_batch<'py>(
    py: Python<'py>,
    items: &Bound<'py, PyAny>,
    threads: Option<usize>,
    tone_style: &str,
    max_bytes: Option<u64>,
) -> PyResult<Bound<'py, PyList>> {
    check_threads(threads)?;
    let settings = settings(tone_style, max_bytes)?;
    let mut docs = Vec::new();
    for (i, item) in items.try_iter()?.enumerate() {
        docs.push(batch_item(&item?, i)?);
    }
    let process = |d: Result<Document, Output>| match d {
        Ok(doc) => encode(&vngov_pipeline::process(doc, &settings)),
        Err(out) => encode(&out),
    };
    let lines: Vec<String> = if threads == Some(1) || docs.len() < 2 {
        py.detach(|| docs.into_iter().map(process).collect())
    } else {
        let workers = workers(threads)?;
        py.detach(|| {
            use rayon::prelude::*;
            workers.install(|| docs.into_par_iter().map(process).collect())
        })
    };
    // Thousands of records made in a row would set off the cycle collector again
    // and again over a growing heap: it is paused while they are made, and runs
    // once afterwards.
    let gc = py.import("gc")?;
    let collecting: bool = gc.call_method0("isenabled")?.extract()?;
    if collecting {
        gc.call_method0("disable")?;
    }
    let list = PyList::empty(py);
    let made = lines
        .iter()
        .try_for_each(|line| list.append(to_dict(py, line)?));
    if collecting {
        gc.call_method0("enable")?;
    }
    made.map(|()| list)
}

/// What the archive reader's thread sends.
enum Message {
    /// One record, as a JSON line.
    Line(String),
    /// The end, with the entries passed over as not documents.
    Done(BTreeMap<String, usize>),
}

/// The records of an archive, a file or a directory, read as `vngov extract` reads
/// them, in input order: records and error records (as dicts, or JSON lines with
/// `as_json=True`).
///
/// Documents are read and extracted on other threads while Python takes the
/// records; leaving the loop early (or `close()`) stops them. `skipped` counts the
/// archive entries that are not documents (requests, redirects, images…) once the
/// iteration has ended.
#[pyclass(module = "vngov")]
struct Archive {
    rx: Mutex<Option<mpsc::Receiver<Message>>>,
    skipped: Mutex<BTreeMap<String, usize>>,
    as_json: bool,
}

#[pymethods]
impl Archive {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        let msg = py.detach(|| {
            let rx = self.rx.lock().unwrap_or_else(|p| p.into_inner());
            rx.as_ref().and_then(|rx| rx.recv().ok())
        });
        match msg {
            Some(Message::Line(line)) if self.as_json => {
                Ok(Some(PyString::new(py, &line).into_any().unbind()))
            }
            Some(Message::Line(line)) => Ok(Some(to_dict(py, &line)?.unbind())),
            Some(Message::Done(skipped)) => {
                *self.skipped.lock().unwrap_or_else(|p| p.into_inner()) = skipped;
                self.close();
                Ok(None)
            }
            None => {
                self.close();
                Ok(None)
            }
        }
    }

    /// Entries passed over as not documents, by reason ("warc request record",
    /// "http status 404", "not text: image/png"), once the iteration has ended.
    #[getter]
    fn skipped(&self) -> BTreeMap<String, usize> {
        self.skipped
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Stops reading: the threads end after the documents in work.
    fn close(&self) {
        self.rx.lock().unwrap_or_else(|p| p.into_inner()).take();
    }

    fn __enter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    #[pyo3(signature = (*_exc))]
    fn __exit__(&self, _exc: &Bound<'_, PyTuple>) {
        self.close();
    }
}

/// Reads the documents of a file or a directory as `vngov extract PATH` does and
/// yields their records in input order: a WARC or ARC archive (`.warc`,
/// `.warc.gz`, `.arc`, `.arc.gz`), a JSON Lines file (`.jsonl`, `.ndjson`: `text`
/// or `html`, and `url`, `id`, `published`), a text, HTML or RTF file, or a
/// directory walked for them. Each document that cannot be read (a bad JSON line, a
/// damaged archive record, a document over `max_bytes`) yields its error record in
/// its place; the reading goes on.
///
/// With `data` (bytes), the file is not read from disk: `path` is then only its
/// name, which says what it holds and which records show (as a Spark job has a
/// file's path and content). `threads` extract in parallel (default: one per core);
/// `as_json=True` yields each record as its JSON line (`str`), exactly as the
/// command line writes it. `tone_style` and `max_bytes` are as for `extract`.
///
/// Raises `FileNotFoundError` when `path` does not exist.
#[pyfunction]
#[pyo3(signature = (path, *, data=None, threads=None, tone_style="classic", max_bytes=None, as_json=false))]
fn read_archive(
    path: PathBuf,
    data: Option<PyBackedBytes>,
    threads: Option<usize>,
    tone_style: &str,
    max_bytes: Option<u64>,
    as_json: bool,
) -> PyResult<Archive> {
    check_threads(threads)?;
    let settings = settings(tone_style, max_bytes)?;
    let options = sources::Options {
        max_bytes: settings.max_bytes,
        ..Default::default()
    };
    let mut inputs = match data {
        Some(bytes) => Sources::from_bytes(path.to_string_lossy(), bytes, options),
        None => Sources::new(&[&path], options),
    }
    .map_err(|e| match e {
        sources::SourcesError::NotFound(_) => PyFileNotFoundError::new_err(e.to_string()),
        _ => PyValueError::new_err(e.to_string()),
    })?;
    let workers = Workers::new(threads)
        .map_err(|e| PyRuntimeError::new_err(format!("cannot start worker threads: {e}")))?;
    let (tx, rx) = mpsc::sync_channel(QUEUE);
    std::thread::spawn(move || {
        let done = vngov_pipeline::run(&mut inputs, &settings, &workers, encode, |p| {
            tx.send(Message::Line(p.encoded))
        });
        // A closed channel means the reader was closed: nothing more to say.
        if done.is_ok() {
            let _ = tx.send(Message::Done(inputs.skipped()));
        }
    });
    Ok(Archive {
        rx: Mutex::new(Some(rx)),
        skipped: Mutex::default(),
        as_json,
    })
}

/// The error record `vngov extract` writes for a document it could not read:
/// `source.path` (or `source.url`), the `id` derived from it, and `error` with
/// `kind` (`"io"`, `"input"`, `"decode"`, `"too_large"`, `"ocr_unavailable"`,
/// `"internal"`, `"fetch"`, `"robots"` or `"archive"`) and `message`. For
/// programs that refuse a document before reading it (a cluster job's file over
/// its size limit) and keep the records' format.
#[pyfunction]
#[pyo3(signature = (source, kind, message, *, url=None))]
fn error_record(
    py: Python<'_>,
    source: String,
    kind: &str,
    message: String,
    url: Option<String>,
) -> PyResult<Py<PyAny>> {
    let kind: ErrorKind =
        serde_json::from_value(serde_json::Value::String(kind.into())).map_err(|_| {
            PyValueError::new_err(format!(
                "kind must be one of \"io\", \"input\", \"decode\", \"too_large\", \"ocr_unavailable\", \"internal\", \"fetch\", \"robots\", \"archive\"; not {kind:?}"
            ))
        })?;
    let mut e = SourceError::new(source, None, kind, message);
    e.meta.url = url;
    Ok(to_dict(py, &encode(&source_error(e)))?.unbind())
}

/// The JSON Schema every record meets (`schemas/record.schema.json`), as a dict.
#[pyfunction]
fn schema(py: Python<'_>) -> PyResult<Py<PyAny>> {
    Ok(to_dict(py, vngov_record::JSON_SCHEMA)?.unbind())
}

/// The native part of the `vngov` package; see `vngov` for the documentation.
#[pymodule]
fn _vngov(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA_VERSION", vngov_record::SCHEMA_VERSION)?;
    m.add(
        "KNOWN_EXTENSIONS",
        PyTuple::new(m.py(), dir::KNOWN_EXTENSIONS)?,
    )?;
    m.add_class::<Archive>()?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_html, m)?)?;
    m.add_function(wrap_pyfunction!(extract_batch, m)?)?;
    m.add_function(wrap_pyfunction!(read_archive, m)?)?;
    m.add_function(wrap_pyfunction!(error_record, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    Ok(())
}
