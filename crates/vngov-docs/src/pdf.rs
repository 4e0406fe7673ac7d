//! PDF: the text layer of each page, read with `pdf_oxide` (lines kept, in reading
//! order), judged page by page. A text layer in legacy font bytes (TCVN3, VNI) is
//! decoded by `vngov-decode`; a page with no text worth the name but an image (a
//! scan, a scan under a signature stamp) or with a text layer that does not read as
//! Vietnamese (a font without its Unicode map, an OCR layer made without
//! Vietnamese) is read by OCR when it is installed.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pdf_oxide::PdfDocument;

use crate::quality::Score;
use crate::{DocError, Extracted, Kind, Method, Options, Page, Warning};

/// A page with fewer non-blank characters than this, and an image, is taken for a
/// scan (a signature stamp alone gives some 60 characters).
const SPARSE_CHARS: usize = 200;

fn damaged(reason: impl Into<String>) -> DocError {
    DocError::Damaged {
        kind: "pdf",
        reason: reason.into(),
    }
}

/// Runs a call into the PDF library; a panic in it is a damaged file, not a crash.
fn guard<T>(f: impl FnOnce() -> Result<T, pdf_oxide::Error>) -> Result<T, String> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("the PDF library failed on this file".into()),
    }
}

/// What a page's text layer is worth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layer {
    /// Text to keep.
    Good,
    /// Next to nothing, over an image: a scan.
    Scan,
    /// Words that do not read as Vietnamese.
    Unreadable,
}

struct Read {
    text: String,
    method: Method,
    layer: Layer,
    encoding: Option<String>,
}

/// Reads a PDF's pages.
pub fn read(bytes: &[u8], options: &Options) -> Result<Extracted, DocError> {
    if !bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
    {
        return Err(damaged("no %PDF- header"));
    }
    let doc = guard(|| PdfDocument::from_bytes(bytes.to_vec())).map_err(damaged)?;
    let mut warnings = Vec::new();
    if doc.is_encrypted() {
        // Many notices are encrypted only to forbid copying, with an empty
        // user password: those can be read.
        match guard(|| doc.authenticate(b"")) {
            Ok(true) => warnings.push(crate::warning(
                "pdf_encrypted",
                "the PDF is encrypted without a user password (its permissions may forbid copying); its text was read",
            )),
            _ => return Err(DocError::Encrypted("pdf")),
        }
    }
    let n = guard(|| doc.page_count()).map_err(damaged)?;
    if n == 0 {
        return Err(damaged("no pages"));
    }
    if options.max_pages > 0 && n > options.max_pages {
        return Err(DocError::TooLarge(format!(
            "{n} pages, over the limit of {}",
            options.max_pages
        )));
    }
    let mut pages = Vec::with_capacity(n);
    let mut failed = Vec::new();
    let mut chars = 0u64;
    for i in 0..n {
        let raw = match guard(|| doc.extract_text(i)) {
            Ok(t) => t,
            Err(e) => {
                failed.push(format!("page {}: {e}", i + 1));
                String::new()
            }
        };
        chars += raw.len() as u64;
        if options.max_bytes > 0 && chars > options.max_bytes {
            return Err(DocError::TooLarge(format!(
                "its text runs past {} bytes by page {}",
                options.max_bytes,
                i + 1
            )));
        }
        pages.push(judge(&crate::unwrap_lines(&raw), || has_image(&doc, i)));
    }
    if failed.len() == n {
        return Err(damaged(failed.join("; ")));
    }
    if !failed.is_empty() {
        warnings.push(crate::warning(
            "pdf_page_unreadable",
            format!("pages whose text could not be read: {}", failed.join("; ")),
        ));
    }
    let look_alikes = pages
        .iter_mut()
        .map(|p| fix_look_alikes(&mut p.text))
        .sum::<usize>();
    if look_alikes > 0 {
        warnings.push(crate::warning(
            "pdf_look_alike_glyphs",
            format!("{look_alikes} letters the font maps to look-alikes (ƣ for ư) were replaced"),
        ));
    }
    ocr_pages(bytes, &mut pages, options, &mut warnings)?;
    let legacy: Vec<usize> = numbered(&pages, |p| p.method == Method::LegacyFont);
    let encoding = pages.iter().find_map(|p| p.encoding.clone());
    if !legacy.is_empty() {
        warnings.push(crate::warning(
            "pdf_legacy_font",
            format!(
                "the text layer of {} is in legacy font bytes ({}), decoded",
                pages_list(&legacy),
                encoding.as_deref().unwrap_or("tcvn3")
            ),
        ));
    }
    Ok(Extracted {
        kind: Kind::Pdf,
        pages: pages
            .into_iter()
            .map(|p| Page {
                text: p.text,
                method: p.method,
            })
            .collect(),
        paged: true,
        encoding,
        warnings,
    })
}

/// Judges one page's text layer, decoding legacy font bytes where that reads better.
fn judge(raw: &str, has_image: impl FnOnce() -> bool) -> Read {
    let mut read = Read {
        text: raw.to_string(),
        method: Method::Text,
        layer: Layer::Good,
        encoding: None,
    };
    let score = Score::of(raw);
    if !score.readable() {
        let legacy = vngov_decode::doc::decode_font_chars(raw);
        let decoded = Score::of(&legacy.text);
        if legacy.encoding != "windows-1252" && decoded.weight() > score.weight() * 2 {
            read.text = legacy.text;
            read.method = Method::LegacyFont;
            read.encoding = Some(legacy.encoding);
            if decoded.readable() {
                return read;
            }
        }
        read.layer = Layer::Unreadable;
        return read;
    }
    let visible = raw.chars().filter(|c| !c.is_whitespace()).count();
    if visible < SPARSE_CHARS && has_image() {
        read.layer = Layer::Scan;
    }
    read
}

/// Whether the page has an image the size of a scan (a logo or a signature is
/// smaller) among its resources, or those it inherits from its parents.
fn has_image(doc: &PdfDocument, page: usize) -> bool {
    let look = || -> Option<bool> {
        let mut node = doc.get_page(page).ok()?;
        for _ in 0..32 {
            let dict = node.as_dict()?.clone();
            if let Some(resources) = dict.get("Resources") {
                let resources = doc.resolve_object(resources).ok()?;
                let Some(xobjects) = resources.as_dict()?.get("XObject") else {
                    return Some(false);
                };
                let xobjects = doc.resolve_object(xobjects).ok()?;
                return Some(xobjects.as_dict()?.values().any(|x| is_scan_image(doc, x)));
            }
            node = doc.resolve_object(dict.get("Parent")?).ok()?;
        }
        None
    };
    catch_unwind(AssertUnwindSafe(look))
        .ok()
        .flatten()
        .unwrap_or(false)
}

/// Whether an external object is an image of at least 500 × 500 pixels.
fn is_scan_image(doc: &PdfDocument, x: &pdf_oxide::object::Object) -> bool {
    use pdf_oxide::object::Object;
    let Ok(Object::Stream { dict, .. }) = doc.resolve_object(x) else {
        return false;
    };
    let int = |k: &str| match dict.get(k) {
        Some(Object::Integer(n)) => *n,
        _ => 0,
    };
    dict.get("Subtype").and_then(Object::as_name) == Some("Image")
        && int("Width") >= 500
        && int("Height") >= 500
}

/// ƣ (U+01A3) and Ƣ (U+01A2) stand for ư and Ư in the ToUnicode maps of some
/// Vietnamese fonts: no Vietnamese word has them.
fn fix_look_alikes(text: &mut String) -> usize {
    let n = text.chars().filter(|c| matches!(c, 'ƣ' | 'Ƣ')).count();
    if n > 0 {
        *text = text.replace('ƣ', "ư").replace('Ƣ', "Ư");
    }
    n
}

fn numbered(pages: &[Read], f: impl Fn(&Read) -> bool) -> Vec<usize> {
    pages
        .iter()
        .enumerate()
        .filter(|(_, p)| f(p))
        .map(|(i, _)| i + 1)
        .collect()
}

/// "page 3" or "pages 1, 2, 4".
pub(crate) fn pages_list(pages: &[usize]) -> String {
    let list: Vec<String> = pages.iter().map(usize::to_string).collect();
    match pages.len() {
        1 => format!("page {}", list[0]),
        _ => format!("pages {}", list.join(", ")),
    }
}

/// Reads by OCR the pages whose text layer is a scan's or unreadable, keeping the
/// text layer where OCR reads worse. Without OCR, a document none of whose pages
/// has a text layer is an error; otherwise the pages are kept as they are, with a
/// warning.
fn ocr_pages(
    bytes: &[u8],
    pages: &mut [Read],
    options: &Options,
    warnings: &mut Vec<Warning>,
) -> Result<(), DocError> {
    let wanted = numbered(pages, |p| p.layer != Layer::Good);
    if wanted.is_empty() {
        return Ok(());
    }
    let unreadable = numbered(pages, |p| p.layer == Layer::Unreadable);
    let why = if unreadable.len() == pages.len() {
        "its text layer does not read as Vietnamese (a font without its Unicode map, or an OCR layer without diacritics)".to_string()
    } else if wanted.len() == pages.len() {
        "it is a scan: its pages are images".to_string()
    } else {
        format!(
            "{} of the PDF have no usable text layer",
            pages_list(&wanted)
        )
    };
    let check = match &options.ocr {
        Some(ocr) => ocr.check().map(|_| ocr),
        None => Err("OCR is turned off".to_string()),
    };
    let ocr = match check {
        Ok(ocr) => ocr,
        Err(missing) if wanted.len() == pages.len() => {
            return Err(DocError::OcrUnavailable {
                reason: format!("the PDF has no text to read: {why}"),
                missing,
            })
        }
        Err(missing) => {
            warnings.push(crate::warning(
                "ocr_unavailable",
                format!(
                    "{} should be read by OCR ({missing}); their text layer was kept",
                    pages_list(&wanted)
                ),
            ));
            return Ok(());
        }
    };
    let dir = tempfile::tempdir().map_err(|e| damaged(format!("no temporary folder: {e}")))?;
    let file = dir.path().join("document.pdf");
    std::fs::write(&file, bytes).map_err(|e| damaged(format!("no temporary file: {e}")))?;
    let mut read = Vec::new();
    let mut failed = Vec::new();
    let (now, left) = wanted.split_at(wanted.len().min(options.max_ocr_pages.max(1)));
    if !left.is_empty() {
        warnings.push(crate::warning(
            "ocr_limit",
            format!(
                "only the first {} pages needing OCR were read by it; {} kept their text layer",
                now.len(),
                pages_list(left)
            ),
        ));
    }
    for &n in now {
        let page = &mut pages[n - 1];
        match ocr.page(&file, n, dir.path()) {
            Ok(text) => {
                // A page with a little text over an image (a stamp over a scan)
                // takes the OCR text when it reads much more.
                let layer = Score::of(&page.text);
                if page.layer == Layer::Unreadable || Score::of(&text).weight() > 2 * layer.weight()
                {
                    page.text = crate::unwrap_lines(&text);
                    page.method = Method::Ocr;
                    page.encoding = None;
                    read.push(n);
                }
            }
            Err(e) => failed.push(format!("page {n}: {e}")),
        }
    }
    if !read.is_empty() {
        warnings.push(crate::warning(
            "ocr",
            format!(
                "{} read by OCR (Tesseract, {}) because {why}: the text may hold recognition errors",
                pages_list(&read),
                ocr.language
            ),
        ));
    }
    if !failed.is_empty() {
        if read.is_empty() && wanted.len() == pages.len() {
            return Err(DocError::Damaged {
                kind: "pdf",
                reason: format!("{why}, and OCR failed: {}", failed.join("; ")),
            });
        }
        warnings.push(crate::warning(
            "ocr_failed",
            format!("OCR failed on {}", failed.join("; ")),
        ));
    }
    Ok(())
}
