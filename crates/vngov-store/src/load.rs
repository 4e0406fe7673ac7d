//! Loading JSON Lines output of `vngov extract` into a store.
//!
//! Lines are read a chunk at a time and parsed and prepared in parallel; the
//! writer then writes them in order. A line that is not a record is reported with
//! its number and passed over; the lines around it are loaded.

use std::io::BufRead;

use rayon::prelude::*;
use vngov_record::Output;

use crate::{Prepared, Result, Writer};

/// Lines parsed at a time.
const CHUNK_LINES: usize = 512;

/// Bytes of lines parsed at a time (a chunk of large records is shorter).
const CHUNK_BYTES: usize = 32 << 20;

/// A line that could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLine {
    /// Its number, from 1.
    pub line: usize,
    /// Why.
    pub message: String,
}

/// Reads `input` (JSON Lines of records and error records) and writes every
/// record with `writer`. Calls `bad` for each line that is not a record (or is
/// longer than `max_line` bytes), and `progress` with each line's number once it
/// is written. Returns how many lines were read.
pub fn jsonl(
    input: impl BufRead,
    writer: &mut Writer,
    max_line: usize,
    mut bad: impl FnMut(BadLine),
    mut progress: impl FnMut(usize),
) -> Result<usize> {
    let mut lines = LineReader {
        input,
        max_line,
        number: 0,
    };
    let mut chunk: Vec<(usize, Line)> = Vec::new();
    loop {
        chunk.clear();
        let mut bytes = 0;
        while chunk.len() < CHUNK_LINES && bytes < CHUNK_BYTES {
            match lines.next_line()? {
                None => break,
                Some((n, line)) => {
                    bytes += line.as_ref().map_or(0, Vec::len);
                    chunk.push((n, line));
                }
            }
        }
        if chunk.is_empty() {
            return Ok(lines.number);
        }
        let parsed: Vec<(usize, std::result::Result<Option<Prepared>, String>)> = chunk
            .par_drain(..)
            .map(|(n, line)| (n, line.and_then(|l| parse(&l))))
            .collect();
        for (n, p) in parsed {
            match p {
                Ok(Some(p)) => {
                    if let Err(e) = writer.write(&p) {
                        bad(BadLine {
                            line: n,
                            message: format!("record {} could not be written: {e}", p.id()),
                        });
                    }
                }
                Ok(None) => {}
                Err(message) => bad(BadLine { line: n, message }),
            }
            progress(n);
        }
    }
}

/// A line as a prepared record; `None` for a blank line.
fn parse(line: &[u8]) -> std::result::Result<Option<Prepared>, String> {
    if line.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    let out: Output = serde_json::from_slice(line).map_err(|e| {
        if e.is_data() {
            format!("not a vngov record: {e}")
        } else {
            format!("not JSON: {e}")
        }
    })?;
    Ok(Some(Prepared::new(out)))
}

/// A line's bytes, or why it was refused.
type Line = std::result::Result<Vec<u8>, String>;

struct LineReader<R> {
    input: R,
    max_line: usize,
    number: usize,
}

impl<R: BufRead> LineReader<R> {
    /// The next line and its number; a line longer than the limit is an error
    /// for that line only (the rest of it is read and dropped).
    fn next_line(&mut self) -> Result<Option<(usize, Line)>> {
        let mut line = Vec::new();
        let mut too_long = false;
        loop {
            let buf = self.input.fill_buf()?;
            if buf.is_empty() {
                if line.is_empty() && !too_long {
                    return Ok(None);
                }
                break;
            }
            let (take, end) = match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            if !too_long {
                if line.len() + take > self.max_line {
                    too_long = true;
                    line = Vec::new();
                } else {
                    line.extend_from_slice(&buf[..take]);
                }
            }
            self.input.consume(take);
            if end {
                break;
            }
        }
        self.number += 1;
        if too_long {
            return Ok(Some((
                self.number,
                Err(format!("line longer than {} bytes", self.max_line)),
            )));
        }
        Ok(Some((self.number, Ok(line))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_over_the_limit_are_errors_of_their_own() {
        let text = b"short\n0123456789abcdef\nlast".to_vec();
        let mut r = LineReader {
            input: std::io::BufReader::with_capacity(4, &text[..]),
            max_line: 10,
            number: 0,
        };
        let mut got = Vec::new();
        while let Some((n, l)) = r.next_line().unwrap() {
            got.push((n, l.map(|b| String::from_utf8(b).unwrap())));
        }
        assert_eq!(
            got,
            vec![
                (1, Ok("short\n".to_string())),
                (2, Err("line longer than 10 bytes".to_string())),
                (3, Ok("last".to_string())),
            ]
        );
    }

    #[test]
    fn blank_lines_are_passed_over_and_junk_is_reported() {
        assert!(parse(b"  \n").unwrap().is_none());
        assert!(parse(b"{not json").unwrap_err().starts_with("not JSON"));
        assert!(parse(b"{\"a\": 1}")
            .unwrap_err()
            .starts_with("not a vngov record"));
    }
}
