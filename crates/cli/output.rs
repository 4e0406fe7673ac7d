//! Where records go: standard output, or a file written whole or not at all.

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
                // Records are not secrets: give the file the usual permissions rather
                // than the temporary file's owner-only ones.
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    tmp.as_file()
                        .set_permissions(std::fs::Permissions::from_mode(0o644))?;
                }
                tmp.as_file().sync_all()?;
                tmp.persist(&target)
                    .with_context(|| format!("cannot write {}", target.display()))?;
                Ok(())
            }
        }
    }
}
