//! Where records go: standard output, or a file written whole or not at all.
//!
//! A file is written as `FILE.partial` beside the target and renamed over `FILE`
//! when the run completes. Every second or so the partial file is synced and a
//! checkpoint `FILE.partial.checkpoint` records how many inputs it fully holds and
//! its length at that point. A run killed at any moment leaves both behind;
//! `--resume` truncates the partial file to the checkpoint's length (dropping a
//! half-written line and anything past the checkpoint), skips that many inputs and
//! goes on, so no record is lost and none is written twice.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};

/// How often the partial file is synced and checkpointed.
const CHECKPOINT_EVERY: Duration = Duration::from_millis(500);

/// What a checkpoint holds.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Checkpoint {
    /// What the run reads and how, so that a resume with other inputs is refused.
    pub fingerprint: String,
    /// Inputs whose records are fully in the partial file.
    pub items: usize,
    /// Length of the partial file holding them.
    pub bytes: u64,
    /// Records among them.
    pub records: usize,
    /// Error records among them, by kind.
    pub errors_by_kind: BTreeMap<String, usize>,
    /// Digest of the listing of the input files (`FILE.partial.inputs`), so that a
    /// resume after they changed is refused; empty when not known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub inputs: String,
}

/// A JSON Lines destination.
pub enum Sink {
    /// Standard output.
    Stdout(BufWriter<io::Stdout>),
    /// A target that is not a regular file (`/dev/null`, a named pipe): written to
    /// directly, since renaming over it would replace it.
    Direct(BufWriter<File>),
    /// A partial file beside the target, checkpointed as it grows.
    File(Box<Partial>),
    /// Nowhere: the records go only to a database.
    Discard,
}

/// The partial file of a run writing to `-o FILE`.
pub struct Partial {
    out: BufWriter<File>,
    target: PathBuf,
    partial: PathBuf,
    checkpoint_path: PathBuf,
    /// The listing of the input files the checkpoint's `inputs` digests.
    listing_path: PathBuf,
    /// The state as of the last line written.
    state: Checkpoint,
    last_checkpoint: Instant,
}

fn with_suffix(p: &Path, suffix: &str) -> PathBuf {
    let mut s = p.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

impl Sink {
    /// Standard output.
    pub fn stdout() -> Sink {
        Sink::Stdout(BufWriter::new(io::stdout()))
    }

    /// A partial file for `target`. With `resume`, an earlier run's partial file and
    /// checkpoint are taken up (their fingerprint must be `fingerprint`); without,
    /// any are replaced. Returns the sink and where the earlier run stopped.
    pub fn file(target: &Path, fingerprint: &str, resume: bool) -> Result<(Sink, Checkpoint)> {
        // Refused now, not when the finished run is renamed over it.
        if target.is_dir() {
            bail!(
                "{} is a directory: --output names the file to write",
                target.display()
            );
        }
        if std::fs::metadata(target).is_ok_and(|m| !m.is_file()) {
            if resume {
                bail!(
                    "{} is not a regular file: a run writing to it cannot be resumed",
                    target.display()
                );
            }
            let f = OpenOptions::new()
                .write(true)
                .open(target)
                .with_context(|| format!("cannot write {}", target.display()))?;
            return Ok((Sink::Direct(BufWriter::new(f)), Checkpoint::default()));
        }
        let partial = with_suffix(target, ".partial");
        let checkpoint_path = with_suffix(target, ".partial.checkpoint");
        let earlier = if resume {
            read_checkpoint(&checkpoint_path, &partial, fingerprint)?
        } else {
            None
        };
        let state = earlier.unwrap_or_else(|| Checkpoint {
            fingerprint: fingerprint.to_string(),
            ..Checkpoint::default()
        });
        let mut f = OpenOptions::new()
            .create(true)
            .write(true)
            .truncate(false)
            .open(&partial)
            .with_context(|| format!("cannot write {}", partial.display()))?;
        // Drop whatever follows the checkpoint: a half-written line, records of
        // inputs that will be read again.
        f.set_len(state.bytes)?;
        f.seek(SeekFrom::Start(state.bytes))?;
        let resumed = state.clone();
        let mut p = Partial {
            out: BufWriter::with_capacity(1 << 20, f),
            target: target.to_path_buf(),
            listing_path: with_suffix(&partial, ".inputs"),
            partial,
            checkpoint_path,
            state,
            last_checkpoint: Instant::now(),
        };
        p.checkpoint()?;
        Ok((Sink::File(Box::new(p)), resumed))
    }

    /// Writes one input's output (`line`, possibly empty) and counts it.
    pub fn write(&mut self, line: &[u8], error_kind: Option<&str>) -> Result<()> {
        match self {
            Sink::Stdout(w) => Ok(w.write_all(line)?),
            Sink::Direct(w) => Ok(w.write_all(line)?),
            Sink::Discard => Ok(()),
            Sink::File(p) => {
                p.out.write_all(line)?;
                p.state.items += 1;
                p.state.bytes += line.len() as u64;
                match error_kind {
                    None => p.state.records += 1,
                    Some(k) => *p.state.errors_by_kind.entry(k.to_string()).or_default() += 1,
                }
                if p.last_checkpoint.elapsed() >= CHECKPOINT_EVERY {
                    p.checkpoint()?;
                }
                Ok(())
            }
        }
    }

    /// Flushes; for a file, syncs it, renames it over the target and removes the
    /// checkpoint.
    pub fn finish(self) -> Result<()> {
        match self {
            Sink::Stdout(mut w) => Ok(w.flush()?),
            Sink::Direct(mut w) => Ok(w.flush()?),
            Sink::Discard => Ok(()),
            Sink::File(p) => {
                let f = p.out.into_inner().map_err(|e| e.into_error())?;
                f.sync_all()?;
                drop(f);
                std::fs::rename(&p.partial, &p.target)
                    .with_context(|| format!("cannot write {}", p.target.display()))?;
                let _ = std::fs::remove_file(&p.checkpoint_path);
                let _ = std::fs::remove_file(&p.listing_path);
                Ok(())
            }
        }
    }
}

impl Sink {
    /// For a partial file: lists the input files now and compares them with the
    /// listing of the run being resumed (`earlier`). A change is refused, naming
    /// the first differences, unless `go_on`; then the new listing is the one a
    /// later resume compares with.
    pub fn check_inputs(
        &mut self,
        paths: &[PathBuf],
        options: &vngov_pipeline::sources::Options,
        earlier: &Checkpoint,
        go_on: bool,
    ) -> Result<()> {
        use vngov_pipeline::sources::manifest;
        let Sink::File(p) = self else { return Ok(()) };
        let fresh = with_suffix(&p.listing_path, ".new");
        let digest = {
            let f = File::create(&fresh)
                .with_context(|| format!("cannot write {}", fresh.display()))?;
            let mut w = BufWriter::new(f);
            let digest = manifest::write(manifest::entries(paths, options)?, &mut w)?;
            w.into_inner().map_err(|e| e.into_error())?.sync_all()?;
            digest
        };
        // A checkpoint without a digest (an older run) has nothing to compare.
        if earlier.items > 0 && !earlier.inputs.is_empty() && earlier.inputs != digest {
            let what = match File::open(&p.listing_path) {
                Ok(before) => {
                    let now = File::open(&fresh)?;
                    let (found, total) = manifest::differences(
                        io::BufReader::new(before),
                        io::BufReader::new(now),
                        5,
                    )?;
                    let mut what = found.join("; ");
                    if total > found.len() {
                        what += &format!("; and {} more changes", total - found.len());
                    }
                    what
                }
                Err(_) => "the input files are not those listed".to_string(),
            };
            if !go_on {
                let _ = std::fs::remove_file(&fresh);
                bail!(
                    "input changed since the interrupted run: {what}; run with --resume-changed to go on after the {} already written, or without --resume to start over",
                    match earlier.items {
                        1 => "1 input".to_string(),
                        n => format!("{n} inputs"),
                    }
                );
            }
            eprintln!(
                "vngov: input changed since the interrupted run: {what}; going on (--resume-changed)"
            );
        }
        std::fs::rename(&fresh, &p.listing_path)
            .with_context(|| format!("cannot write {}", p.listing_path.display()))?;
        p.state.inputs = digest;
        p.checkpoint()
    }
}

impl Partial {
    /// Makes the lines written so far durable, then records how many there are. The
    /// checkpoint is written only after the data it counts is on disk, and replaced
    /// atomically.
    fn checkpoint(&mut self) -> Result<()> {
        self.out.flush()?;
        self.out.get_ref().sync_data()?;
        let tmp = with_suffix(&self.checkpoint_path, ".tmp");
        std::fs::write(&tmp, serde_json::to_vec(&self.state)?)?;
        std::fs::rename(&tmp, &self.checkpoint_path)?;
        self.last_checkpoint = Instant::now();
        Ok(())
    }
}

fn read_checkpoint(path: &Path, partial: &Path, fingerprint: &str) -> Result<Option<Checkpoint>> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    let c: Checkpoint = serde_json::from_slice(&bytes)
        .with_context(|| format!("{} is not a vngov checkpoint", path.display()))?;
    if c.fingerprint != fingerprint {
        bail!(
            "{} was written by a run with other inputs or settings; run without --resume to start over",
            partial.display()
        );
    }
    let len = std::fs::metadata(partial).map(|m| m.len()).unwrap_or(0);
    if len < c.bytes {
        bail!(
            "{} is shorter ({len} bytes) than its checkpoint says ({}); run without --resume to start over",
            partial.display(),
            c.bytes
        );
    }
    Ok(Some(c))
}
