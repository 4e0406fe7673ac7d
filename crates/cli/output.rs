//! Where records go: standard output, or a file written whole or not at all.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use tempfile::NamedTempFile;

/// A JSON Lines destination.
pub enum Sink {
    /// Standard output.
    Stdout(BufWriter<io::Stdout>),
    /// A temporary file beside the target, renamed over it on [`Sink::finish`].
    File {
        /// The temporary file.
        tmp: BufWriter<NamedTempFile>,
        /// The final path.
        target: PathBuf,
    },
}

impl Sink {
    /// Opens standard output, or a temporary file beside `path`.
    pub fn open(path: Option<&Path>) -> Result<Sink> {
        match path {
            None => Ok(Sink::Stdout(BufWriter::new(io::stdout()))),
            Some(p) => {
                let dir = match p.parent() {
                    Some(d) if !d.as_os_str().is_empty() => d,
                    _ => Path::new("."),
                };
                let tmp = NamedTempFile::new_in(dir)
                    .with_context(|| format!("cannot create a file in {}", dir.display()))?;
                Ok(Sink::File {
                    tmp: BufWriter::new(tmp),
                    target: p.to_path_buf(),
                })
            }
        }
    }

    /// The writer.
    pub fn writer(&mut self) -> &mut dyn Write {
        match self {
            Sink::Stdout(w) => w,
            Sink::File { tmp, .. } => tmp,
        }
    }

    /// Flushes, and for a file, syncs and renames it into place.
    pub fn finish(self) -> Result<()> {
        match self {
            Sink::Stdout(mut w) => Ok(w.flush()?),
            Sink::File { tmp, target } => {
                let tmp = tmp.into_inner().map_err(|e| e.into_error())?;
                tmp.as_file().sync_all()?;
                tmp.persist(&target)
                    .with_context(|| format!("cannot write {}", target.display()))?;
                // A new file gets the usual permissions, not the temporary file's 0600.
                if let Ok(f) = File::open(&target) {
                    let _ = f.sync_all();
                }
                Ok(())
            }
        }
    }
}
