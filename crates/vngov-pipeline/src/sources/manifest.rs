//! The listing of a run's input files (path, size, modification time), so that a
//! resumed run can tell whether its inputs changed since the interrupted one, and
//! name what changed.
//!
//! A listing is written one JSON array a line (`[argument, size, mtime, "path"]`)
//! in walk order, and summed up by a SHA-256 digest. Both are made and compared
//! streaming: two listings are merged line by line in walk order, so memory does
//! not grow with the number of files.

use std::cmp::Ordering;
use std::io::{self, BufRead, Write};
use std::path::Path;
use std::sync::Arc;
use std::time::UNIX_EPOCH;

use sha2::{Digest, Sha256};

use super::{dir, display_path, Options, SourcesError};

/// One input file as a run saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Which command-line argument it came from (0, 1, …): the walk's first key.
    pub arg: usize,
    /// Its size in bytes.
    pub size: u64,
    /// Its modification time, in nanoseconds since 1970 (0 when unknown).
    pub mtime: u128,
    /// Its path as records show it.
    pub path: String,
}

impl Entry {
    /// The walk order: argument, then path component by component (a directory is
    /// walked sorted by name within each directory, depth first).
    fn walk_cmp(&self, other: &Entry) -> Ordering {
        self.arg
            .cmp(&other.arg)
            .then_with(|| Path::new(&self.path).cmp(Path::new(&other.path)))
    }

    fn line(&self) -> String {
        serde_json::json!([self.arg, self.size, self.mtime.to_string(), self.path]).to_string()
    }

    fn parse(line: &str) -> Option<Entry> {
        let v: (usize, u64, String, String) = serde_json::from_str(line).ok()?;
        Some(Entry {
            arg: v.0,
            size: v.1,
            mtime: v.2.parse().ok()?,
            path: v.3,
        })
    }
}

fn entry(arg: usize, path: &Path, meta: &std::fs::Metadata) -> Entry {
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    Entry {
        arg,
        size: meta.len(),
        mtime,
        path: display_path(path),
    }
}

/// The files the paths name, in the order a run reads them: a file as itself, a
/// directory walked as a run walks it (with the include and exclude globs).
/// Standard input and paths that do not exist are left out: they have nothing to
/// compare.
pub fn entries<'a, P: AsRef<Path>>(
    paths: &'a [P],
    options: &Options,
) -> Result<impl Iterator<Item = Entry> + 'a, SourcesError> {
    let filter = Arc::new(dir::Filter::new(&options.include, &options.exclude)?);
    Ok(paths.iter().enumerate().flat_map(move |(arg, p)| {
        let p = p.as_ref();
        let one: Box<dyn Iterator<Item = Entry>> = if p == Path::new("-") {
            Box::new(std::iter::empty())
        } else if p.is_dir() {
            Box::new(
                dir::walk(p, filter.clone(), None)
                    .filter_map(Result::ok)
                    .filter_map(move |(f, _)| {
                        let meta = std::fs::metadata(&f).ok()?;
                        Some(entry(arg, &f, &meta))
                    }),
            )
        } else {
            Box::new(
                std::fs::metadata(p)
                    .ok()
                    .map(|meta| entry(arg, p, &meta))
                    .into_iter(),
            )
        };
        one
    }))
}

/// Writes a listing to `out`, one line per entry, and returns its digest (hex).
pub fn write(entries: impl Iterator<Item = Entry>, out: &mut dyn Write) -> io::Result<String> {
    let mut hash = Sha256::new();
    for e in entries {
        let mut line = e.line();
        line.push('\n');
        hash.update(line.as_bytes());
        out.write_all(line.as_bytes())?;
    }
    out.flush()?;
    Ok(crate::document::hex(&hash.finalize()))
}

/// What changed between two listings: the first `max` differences, described for a
/// person ("a.txt grew from 120 to 180 bytes", "b.txt is new"), and how many there
/// are in all.
pub fn differences(
    before: impl BufRead,
    now: impl BufRead,
    max: usize,
) -> io::Result<(Vec<String>, usize)> {
    fn read(r: &mut dyn Iterator<Item = io::Result<String>>) -> io::Result<Option<Entry>> {
        for line in r {
            // A line that does not parse (a listing cut short) is passed over.
            let line: String = line?;
            if let Some(e) = Entry::parse(&line) {
                return Ok(Some(e));
            }
        }
        Ok(None)
    }
    let mut old_lines = before.lines();
    let mut new_lines = now.lines();
    let mut old = read(&mut old_lines)?;
    let mut new = read(&mut new_lines)?;
    let mut found = Vec::new();
    let mut total = 0;
    let mut note = |s: String| {
        total += 1;
        if found.len() < max {
            found.push(s);
        }
    };
    loop {
        let order = match (&old, &new) {
            (None, None) => break,
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (Some(o), Some(n)) => o.walk_cmp(n),
        };
        match order {
            Ordering::Less => {
                if let Some(o) = &old {
                    note(format!("{} is gone", o.path));
                }
                old = read(&mut old_lines)?;
            }
            Ordering::Greater => {
                if let Some(n) = &new {
                    note(format!("{} is new", n.path));
                }
                new = read(&mut new_lines)?;
            }
            Ordering::Equal => {
                if let (Some(o), Some(n)) = (&old, &new) {
                    match o.size.cmp(&n.size) {
                        Ordering::Less => note(format!(
                            "{} grew from {} to {} bytes",
                            n.path, o.size, n.size
                        )),
                        Ordering::Greater => note(format!(
                            "{} shrank from {} to {} bytes",
                            n.path, o.size, n.size
                        )),
                        Ordering::Equal if o.mtime != n.mtime => {
                            note(format!("{} was modified (same size)", n.path))
                        }
                        Ordering::Equal => {}
                    }
                }
                old = read(&mut old_lines)?;
                new = read(&mut new_lines)?;
            }
        }
    }
    Ok((found, total))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(entries: &[(usize, u64, u128, &str)]) -> (Vec<u8>, String) {
        let mut out = Vec::new();
        let digest = write(
            entries.iter().map(|&(arg, size, mtime, path)| Entry {
                arg,
                size,
                mtime,
                path: path.into(),
            }),
            &mut out,
        )
        .unwrap();
        (out, digest)
    }

    #[test]
    fn the_same_listing_has_the_same_digest_and_no_differences() {
        let a = listing(&[
            (0, 10, 5, "d/a.txt"),
            (0, 3, 5, "d/sub/b.txt"),
            (1, 7, 1, "x.txt"),
        ]);
        let b = listing(&[
            (0, 10, 5, "d/a.txt"),
            (0, 3, 5, "d/sub/b.txt"),
            (1, 7, 1, "x.txt"),
        ]);
        assert_eq!(a.1, b.1);
        assert_eq!(differences(&a.0[..], &b.0[..], 5).unwrap(), (vec![], 0));
    }

    #[test]
    fn differences_are_named_in_walk_order() {
        let (before, d1) = listing(&[
            (0, 9, 5, "d/a/z.txt"),
            (0, 120, 5, "d/a.txt"),
            (0, 3, 5, "d/c.txt"),
            (0, 4, 5, "d/e.txt"),
        ]);
        let (now, d2) = listing(&[
            (0, 9, 5, "d/a/z.txt"),
            (0, 180, 6, "d/a.txt"),
            (0, 1, 6, "d/b.txt"),
            (0, 4, 9, "d/e.txt"),
            (1, 2, 1, "f.txt"),
        ]);
        assert_ne!(d1, d2);
        let (found, total) = differences(&before[..], &now[..], 3).unwrap();
        assert_eq!(
            found,
            [
                "d/a.txt grew from 120 to 180 bytes",
                "d/b.txt is new",
                "d/c.txt is gone"
            ]
        );
        assert_eq!(total, 5, "e.txt modified and f.txt new are counted too");
    }

    #[test]
    fn a_directory_is_listed_as_a_run_walks_it() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("a")).unwrap();
        std::fs::write(dir.path().join("a/z.txt"), "zz").unwrap();
        std::fs::write(dir.path().join("a.txt"), "a").unwrap();
        std::fs::write(dir.path().join("notes.md"), "not read").unwrap();
        let paths = [dir.path().to_path_buf()];
        let got: Vec<(String, u64)> = entries(&paths, &Options::default())
            .unwrap()
            .map(|e| (e.path.rsplit_once('/').unwrap().1.to_string(), e.size))
            .collect();
        assert_eq!(got, [("z.txt".to_string(), 2), ("a.txt".to_string(), 1)]);
    }
}
