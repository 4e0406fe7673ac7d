//! Listing the inputs: files, directories walked recursively, standard input.

use std::io::Read;
use std::path::{Path, PathBuf};

use thiserror::Error;

/// File extensions read when walking a directory: plain text, RTF and web pages.
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "rtf", "html", "htm"];

/// One document to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file on disk.
    File(PathBuf),
    /// Standard input, read whole.
    Stdin,
}

impl Input {
    /// The path as it goes into the record's `source.path` (`-` for standard input),
    /// with `/` separators and no leading `./`.
    pub fn display_path(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(p) => {
                let s = p.to_string_lossy().replace('\\', "/");
                s.strip_prefix("./").unwrap_or(&s).to_string()
            }
        }
    }

    /// Reads the whole input.
    pub fn read(&self) -> std::io::Result<Vec<u8>> {
        match self {
            Input::File(p) => std::fs::read(p),
            Input::Stdin => {
                let mut buf = Vec::new();
                std::io::stdin().lock().read_to_end(&mut buf)?;
                Ok(buf)
            }
        }
    }
}

/// A command-line path that names nothing readable.
#[derive(Debug, Error)]
pub enum InputError {
    /// The path does not exist.
    #[error("{0}: no such file or directory")]
    NotFound(PathBuf),
    /// A directory could not be walked.
    #[error("{path}: {source}")]
    Walk {
        /// The directory.
        path: PathBuf,
        /// Why.
        source: walkdir::Error,
    },
}

/// Expands command-line paths into inputs: files as given, directories walked
/// recursively (text files, sorted by path so that runs are reproducible), `-` for
/// standard input.
pub fn collect_inputs<P: AsRef<Path>>(paths: &[P]) -> Result<Vec<Input>, InputError> {
    let mut out = Vec::new();
    for p in paths {
        let p = p.as_ref();
        if p == Path::new("-") {
            out.push(Input::Stdin);
        } else if p.is_dir() {
            for entry in walkdir::WalkDir::new(p)
                .follow_links(true)
                .sort_by_file_name()
            {
                let entry = entry.map_err(|source| InputError::Walk {
                    path: p.to_path_buf(),
                    source,
                })?;
                if entry.file_type().is_file() && has_text_extension(entry.path()) {
                    out.push(Input::File(entry.into_path()));
                }
            }
        } else if p.exists() {
            out.push(Input::File(p.to_path_buf()));
        } else {
            return Err(InputError::NotFound(p.to_path_buf()));
        }
    }
    Ok(out)
}

fn has_text_extension(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| TEXT_EXTENSIONS.iter().any(|t| t.eq_ignore_ascii_case(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_are_walked_sorted_and_filtered() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        for f in [
            "b.txt",
            "a.txt",
            "sub/c.TXT",
            "notes.md",
            "page.html",
            "sub/d.htm",
            "sub/e.rtf",
        ] {
            std::fs::write(dir.path().join(f), "x").unwrap();
        }
        let inputs = collect_inputs(&[dir.path()]).unwrap();
        let names: Vec<String> = inputs
            .iter()
            .map(|i| match i {
                Input::File(p) => p
                    .strip_prefix(dir.path())
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                Input::Stdin => "-".into(),
            })
            .collect();
        assert_eq!(
            names,
            vec![
                "a.txt",
                "b.txt",
                "page.html",
                "sub/c.TXT",
                "sub/d.htm",
                "sub/e.rtf"
            ]
        );
    }

    #[test]
    fn missing_path_is_an_error() {
        let err = collect_inputs(&["/nonexistent/vngov"]).unwrap_err();
        assert!(err.to_string().contains("no such file"));
    }

    #[test]
    fn display_path_drops_leading_dot() {
        assert_eq!(
            Input::File("./corpus/a.txt".into()).display_path(),
            "corpus/a.txt"
        );
        assert_eq!(Input::Stdin.display_path(), "-");
    }
}
