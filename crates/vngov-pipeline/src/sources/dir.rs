//! Directories, walked recursively in sorted order, with include and exclude globs.
//!
//! Globs are matched against the path relative to the directory named on the command
//! line, with `/` separators (`*.txt`, `2024/**/*.html`, `drafts/**`). Without
//! include globs, files with a known extension are kept: `.txt`, `.html`, `.htm`, `.rtf`,
//! `.jsonl`, `.ndjson`, `.warc`, `.arc`, `.pdf`, `.docx`, `.odt`, `.doc`, `.zip` and any of
//! them gzipped (`.gz`); the others are counted, by extension, as passed over. An
//! exclude glob that matches a directory skips everything under it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobSet, GlobSetBuilder};
use vngov_record::ErrorKind;

use super::{display_path, SourceError, SourcesError};

/// File name endings kept by a walk without include globs.
pub const KNOWN_EXTENSIONS: &[&str] = &[
    ".txt", ".html", ".htm", ".rtf", ".jsonl", ".ndjson", ".warc", ".arc", ".gz", ".pdf", ".docx",
    ".odt", ".doc", ".zip",
];

/// Counts of what was passed over, by reason, shared with [`super::Sources`].
pub type Skipped = Arc<std::sync::Mutex<std::collections::BTreeMap<String, usize>>>;

/// The reason a file passed over is counted under: `file .md`, `file without extension`.
pub fn skip_reason(name: &Path) -> String {
    let name = name
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => format!("file .{ext}"),
        _ => "file without extension".into(),
    }
}

/// Which files a walk keeps.
#[derive(Debug)]
pub struct Filter {
    include: Option<GlobSet>,
    exclude: GlobSet,
}

fn set(globs: &[String]) -> Result<GlobSet, SourcesError> {
    let mut b = GlobSetBuilder::new();
    for g in globs {
        b.add(Glob::new(g).map_err(|source| SourcesError::Glob {
            glob: g.clone(),
            source,
        })?);
    }
    b.build().map_err(|source| SourcesError::Glob {
        glob: globs.join(" "),
        source,
    })
}

impl Filter {
    /// A filter from include and exclude globs.
    pub fn new(include: &[String], exclude: &[String]) -> Result<Filter, SourcesError> {
        Ok(Filter {
            include: if include.is_empty() {
                None
            } else {
                Some(set(include)?)
            },
            exclude: set(exclude)?,
        })
    }

    /// Whether the file at `rel` (relative to the walked directory) is kept.
    pub fn keeps(&self, rel: &Path) -> bool {
        if self.exclude.is_match(rel) {
            return false;
        }
        match &self.include {
            Some(set) => set.is_match(rel),
            None => {
                let name = rel.to_string_lossy().to_ascii_lowercase();
                KNOWN_EXTENSIONS.iter().any(|e| name.ends_with(e))
            }
        }
    }

    /// Whether the directory at `rel` is walked into.
    pub fn enters(&self, rel: &Path) -> bool {
        rel.as_os_str().is_empty() || !self.exclude.is_match(rel)
    }
}

/// The files under `root` that `filter` keeps, sorted by name within each directory,
/// with their sizes; a directory that cannot be read is an error item and the walk
/// goes on. Files the filter passes over are counted in `skipped`, if given, by
/// extension.
pub fn walk(
    root: &Path,
    filter: Arc<Filter>,
    skipped: Option<Skipped>,
) -> impl Iterator<Item = Result<(PathBuf, u64), SourceError>> + Send {
    let root = root.to_path_buf();
    let base = root.clone();
    let f = filter.clone();
    walkdir::WalkDir::new(&root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(move |e| {
            let rel = e.path().strip_prefix(&base).unwrap_or(e.path());
            !e.file_type().is_dir() || f.enters(rel)
        })
        .filter_map(move |entry| match entry {
            Err(e) => {
                let at = e.path().unwrap_or(&root).to_path_buf();
                Some(Err(SourceError::new(
                    display_path(&at),
                    None,
                    ErrorKind::Io,
                    e.to_string(),
                )))
            }
            Ok(e) if e.file_type().is_file() => {
                let rel = e.path().strip_prefix(&root).unwrap_or(e.path());
                if !filter.keeps(rel) {
                    if let Some(mut m) = skipped.as_ref().and_then(|s| s.lock().ok()) {
                        *m.entry(skip_reason(rel)).or_default() += 1;
                    }
                    return None;
                }
                let size = e.metadata().map(|m| m.len()).unwrap_or(0);
                Some(Ok((e.into_path(), size)))
            }
            Ok(_) => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(root: &Path, include: &[&str], exclude: &[&str]) -> Vec<String> {
        let s = |v: &[&str]| v.iter().map(|g| g.to_string()).collect::<Vec<_>>();
        let f = Filter::new(&s(include), &s(exclude)).unwrap();
        walk(root, Arc::new(f), None)
            .map(|r| {
                let (p, _) = r.unwrap();
                display_path(p.strip_prefix(root).unwrap())
            })
            .collect()
    }

    #[test]
    fn walks_sorted_known_extensions_and_globs() {
        let dir = tempfile::tempdir().unwrap();
        for d in ["sub", "drafts", "sub/deep"] {
            std::fs::create_dir(dir.path().join(d)).unwrap();
        }
        for f in [
            "b.txt",
            "a.html",
            "notes.md",
            "sub/c.TXT",
            "sub/deep/d.warc.gz",
            "drafts/e.txt",
            "x.expected.json",
        ] {
            std::fs::write(dir.path().join(f), "x").unwrap();
        }
        assert_eq!(
            names(dir.path(), &[], &[]),
            vec![
                "a.html",
                "b.txt",
                "drafts/e.txt",
                "sub/c.TXT",
                "sub/deep/d.warc.gz"
            ]
        );
        assert_eq!(
            names(dir.path(), &["*.txt", "*.md"], &["drafts"]),
            vec!["b.txt", "notes.md"]
        );
        assert_eq!(
            names(dir.path(), &["sub/**"], &["**/*.gz"]),
            vec!["sub/c.TXT"]
        );
        assert_eq!(names(dir.path(), &["sub/**"], &[]).len(), 2);
    }

    #[test]
    fn bad_globs_are_refused() {
        let err = Filter::new(&["a[".to_string()], &[]).unwrap_err();
        assert!(err.to_string().contains("bad glob"), "{err}");
    }
}
