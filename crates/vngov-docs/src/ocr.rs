//! Optical character recognition of PDF pages: each page is rendered by
//! `pdftoppm` (poppler-utils) and read by `tesseract` with its Vietnamese data
//! (Debian packages `tesseract-ocr`, `tesseract-ocr-vie`), one page at a time, each
//! under a time limit. Tesseract runs single-threaded: documents are already read
//! in parallel.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// Where the OCR programs are and how they are run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ocr {
    /// The `tesseract` program.
    pub tesseract: PathBuf,
    /// The `pdftoppm` program.
    pub pdftoppm: PathBuf,
    /// Tesseract's language (`vie`: Vietnamese).
    pub language: String,
    /// Resolution pages are rendered at, in dots per inch.
    pub dpi: u32,
    /// Time one page may take, rendering and recognition together.
    pub timeout: Duration,
}

impl Default for Ocr {
    fn default() -> Self {
        Ocr {
            tesseract: "tesseract".into(),
            pdftoppm: "pdftoppm".into(),
            language: "vie".into(),
            dpi: 300,
            timeout: Duration::from_secs(120),
        }
    }
}

/// Runs `cmd`, killing it after `timeout`; its standard output on success.
fn run(mut cmd: Command, timeout: Duration) -> Result<Vec<u8>, String> {
    let name = cmd.get_program().to_string_lossy().into_owned();
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env("OMP_THREAD_LIMIT", "1")
        .spawn()
        .map_err(|e| format!("{name}: {e}"))?;
    // Read the pipes on threads so that a chatty child cannot block on a full pipe.
    let mut out = child.stdout.take().expect("piped");
    let mut err = child.stderr.take().expect("piped");
    let out_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let err_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break s,
            Ok(None) if started.elapsed() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("{name}: no result after {} s", timeout.as_secs()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(format!("{name}: {e}")),
        }
    };
    let stdout = out_t.join().unwrap_or_default();
    let stderr = err_t.join().unwrap_or_default();
    if !status.success() {
        let msg = String::from_utf8_lossy(&stderr);
        let msg = msg.lines().last().unwrap_or("").trim();
        return Err(format!("{name} failed ({status}): {msg}"));
    }
    Ok(stdout)
}

impl Ocr {
    /// Whether both programs run and Tesseract has the language; the answer is
    /// found once per process and set of programs.
    pub fn check(&self) -> Result<(), String> {
        type Programs = (PathBuf, PathBuf, String);
        static SEEN: OnceLock<Mutex<HashMap<Programs, Result<(), String>>>> = OnceLock::new();
        let key = (
            self.tesseract.clone(),
            self.pdftoppm.clone(),
            self.language.clone(),
        );
        let seen = SEEN.get_or_init(Default::default);
        if let Some(r) = seen.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return r;
        }
        let r = self.probe();
        if let Ok(mut m) = seen.lock() {
            m.insert(key, r.clone());
        }
        r
    }

    fn probe(&self) -> Result<(), String> {
        let t = Duration::from_secs(30);
        let mut langs = Command::new(&self.tesseract);
        langs.arg("--list-langs");
        let listed = run(langs, t).map_err(|e| format!("{e} (tesseract not found)"))?;
        let listed = String::from_utf8_lossy(&listed);
        if !listed.lines().any(|l| l.trim() == self.language) {
            return Err(format!(
                "tesseract has no '{}' language data",
                self.language
            ));
        }
        let mut v = Command::new(&self.pdftoppm);
        v.arg("-v");
        run(v, t).map_err(|e| format!("{e} (pdftoppm not found)"))?;
        Ok(())
    }

    /// The text of page `page` (1-based) of the PDF file at `pdf`.
    pub fn page(&self, pdf: &Path, page: usize, dir: &Path) -> Result<String, String> {
        let started = Instant::now();
        let prefix = dir.join(format!("page-{page}"));
        let mut render = Command::new(&self.pdftoppm);
        render
            .args(["-r", &self.dpi.to_string(), "-gray", "-png", "-singlefile"])
            .args(["-f", &page.to_string(), "-l", &page.to_string()])
            .arg(pdf)
            .arg(&prefix);
        run(render, self.timeout)?;
        let image = prefix.with_extension("png");
        let left = self.timeout.saturating_sub(started.elapsed());
        let mut read = Command::new(&self.tesseract);
        read.arg(&image)
            .arg("stdout")
            .args(["-l", &self.language, "--psm", "3"]);
        let text = run(read, left.max(Duration::from_secs(1)));
        let _ = std::fs::remove_file(&image);
        Ok(String::from_utf8_lossy(&text?).into_owned())
    }
}
