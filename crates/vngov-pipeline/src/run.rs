//! Many documents at once: a bounded chunk of items is read, processed by rayon
//! workers, and handed on in input order; then the next chunk. Memory holds one
//! chunk, however many documents the inputs hold.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use vngov_record::{ErrorInfo, Output};

use crate::document::{process_item, Settings};
use crate::sources::Item;

/// Items per thread in a chunk. Enough to keep every core busy between two
/// chunk boundaries, few enough to hold little.
const CHUNK_PER_THREAD: usize = 64;

/// Input bytes per thread in a chunk: large documents make short chunks.
const CHUNK_BYTES_PER_THREAD: u64 = 4 * 1024 * 1024;

/// The worker threads of a run.
#[derive(Debug)]
pub struct Workers(rayon::ThreadPool);

impl Workers {
    /// `threads` workers, or one per core when `None`.
    pub fn new(threads: Option<usize>) -> Result<Workers, rayon::ThreadPoolBuildError> {
        let mut b = rayon::ThreadPoolBuilder::new();
        if let Some(n) = threads {
            b = b.num_threads(n.max(1));
        }
        b.build().map(Workers)
    }

    /// How many threads there are.
    pub fn threads(&self) -> usize {
        self.0.current_num_threads()
    }

    /// Runs `f` on the workers (for work of the caller's own, such as a benchmark's
    /// bare pass).
    pub fn install<R: Send>(&self, f: impl FnOnce() -> R + Send) -> R {
        self.0.install(f)
    }
}

/// Counts of a finished run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Items processed (documents and error records).
    pub documents: usize,
    /// Records written.
    pub records: usize,
    /// Error records written.
    pub errors: usize,
    /// Error records by kind (`io`, `decode`, …).
    pub errors_by_kind: BTreeMap<String, usize>,
    /// Bytes of the documents read (after decompression, before decoding).
    pub bytes: u64,
    /// Wall-clock time.
    pub elapsed: Duration,
}

impl Summary {
    /// Counts one output.
    pub fn add<T>(&mut self, p: &Processed<T>) {
        self.documents += 1;
        self.bytes += p.bytes;
        match &p.error {
            None => self.records += 1,
            Some(e) => {
                self.errors += 1;
                *self.errors_by_kind.entry(kind_name(e)).or_default() += 1;
            }
        }
    }
}

fn kind_name(e: &ErrorInfo) -> String {
    serde_json::to_value(e.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| format!("{:?}", e.kind))
}

/// One output as the sink gets it: the output counted and encoded by a worker.
#[derive(Debug)]
pub struct Processed<T> {
    /// What the encoder made of the output (a JSON line, say).
    pub encoded: T,
    /// The output's source path (or URL), for messages.
    pub source: String,
    /// The error, for an error record.
    pub error: Option<ErrorInfo>,
    /// Bytes of the document.
    pub bytes: u64,
}

/// Processes `items` on `workers` and hands each output, encoded by `encode` on the
/// worker that made it, to `sink` in input order. `sink` may stop the run by
/// returning an error (a full disk, a closed pipe).
///
/// A reader thread fills the next chunk (reading, decompressing) while the workers
/// process the current one, so that reading a compressed archive does not leave
/// the workers idle; at most two chunks wait besides the one in work.
pub fn run<T: Send, E>(
    items: impl Iterator<Item = Item> + Send,
    settings: &Settings,
    workers: &Workers,
    encode: impl Fn(&Output) -> T + Sync,
    mut sink: impl FnMut(Processed<T>) -> Result<(), E>,
) -> Result<Summary, E> {
    use rayon::prelude::*;
    let started = Instant::now();
    let mut summary = Summary::default();
    let threads = workers.threads().max(1);
    let max_items = CHUNK_PER_THREAD * threads;
    let max_bytes = CHUNK_BYTES_PER_THREAD * threads as u64;
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Item>>(1);
        scope.spawn(move || {
            let mut items = items;
            loop {
                let mut chunk = Vec::with_capacity(max_items);
                let mut weight = 0;
                while chunk.len() < max_items && weight < max_bytes {
                    let Some(item) = items.next() else { break };
                    weight += item.weight();
                    chunk.push(item);
                }
                // An empty chunk is the end; a closed channel, a run stopped by its sink.
                if chunk.is_empty() || tx.send(chunk).is_err() {
                    return;
                }
            }
        });
        for chunk in rx {
            let done: Vec<Processed<T>> = workers.0.install(|| {
                chunk
                    .into_par_iter()
                    .map(|item| {
                        let out = process_item(item, settings);
                        Processed {
                            encoded: encode(&out),
                            source: out
                                .source()
                                .url
                                .clone()
                                .or_else(|| out.source().path.clone())
                                .unwrap_or_default(),
                            error: match &out {
                                Output::Error(e) => Some(e.error.clone()),
                                Output::Record(_) => None,
                            },
                            bytes: out.source().bytes.unwrap_or(0),
                        }
                    })
                    .collect()
            });
            for p in done {
                summary.add(&p);
                sink(p)?;
            }
        }
        Ok(())
    })?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::{Options, Sources};

    #[test]
    fn output_keeps_input_order_and_counts_errors() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..300 {
            let p = dir.path().join(format!("{i:03}.txt"));
            if i % 100 == 7 {
                std::fs::write(&p, b"\xFF\xFE\xFD").unwrap();
            } else {
                std::fs::write(&p, format!("Văn bản số {i}")).unwrap();
            }
        }
        let workers = Workers::new(Some(2)).unwrap();
        let sources = Sources::new(&[dir.path()], Options::default()).unwrap();
        let mut seen = Vec::new();
        let summary = run(
            sources,
            &Settings::default(),
            &workers,
            |o| o.source().path.clone().unwrap(),
            |p| {
                assert_eq!(p.error.is_some(), p.source.ends_with("07.txt"));
                seen.push(p.encoded);
                Ok::<_, ()>(())
            },
        )
        .unwrap();
        let expected: Vec<String> = (0..300)
            .map(|i| crate::sources::display_path(&dir.path().join(format!("{i:03}.txt"))))
            .collect();
        assert_eq!(seen, expected);
        assert_eq!(
            (summary.documents, summary.records, summary.errors),
            (300, 297, 3)
        );
        assert_eq!(summary.errors_by_kind.get("decode"), Some(&3));
    }

    #[test]
    fn a_failing_sink_stops_the_run() {
        let docs = (0..1000).map(|i| {
            Item::Document(crate::sources::Document::text(
                format!("{i}"),
                b"x".to_vec(),
            ))
        });
        let workers = Workers::new(Some(2)).unwrap();
        let mut n = 0;
        let r = run(
            docs,
            &Settings::default(),
            &workers,
            |_| (),
            |_| {
                n += 1;
                if n == 10 {
                    Err("disk full")
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(r, Err("disk full"));
        assert_eq!(n, 10);
    }
}
