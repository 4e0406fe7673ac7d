//! Many documents at once: rayon within a chunk, output in input order.

use std::time::{Duration, Instant};

use vngov_record::Output;

use crate::document::{process, Settings};
use crate::input::Input;

/// How many inputs are held in memory at once, per thread. Bounded chunks keep memory
/// flat on large runs while every core stays busy.
const CHUNK_PER_THREAD: usize = 64;

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
}

/// Counts of a finished run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Inputs read.
    pub documents: usize,
    /// Records written.
    pub records: usize,
    /// Error records written.
    pub errors: usize,
    /// Wall-clock time.
    pub elapsed: Duration,
}

/// Processes `inputs` on `pool` and hands every output to `sink` in input order.
/// `sink` may stop the run early by returning an error (a full disk, a closed pipe).
pub fn run<E>(
    inputs: &[Input],
    settings: &Settings,
    workers: &Workers,
    mut sink: impl FnMut(&Output) -> Result<(), E>,
) -> Result<Summary, E> {
    use rayon::prelude::*;
    let started = Instant::now();
    let mut summary = Summary::default();
    let pool = &workers.0;
    let chunk = CHUNK_PER_THREAD * pool.current_num_threads().max(1);
    for batch in inputs.chunks(chunk) {
        let outputs: Vec<Output> =
            pool.install(|| batch.par_iter().map(|i| process(i, settings)).collect());
        for out in &outputs {
            summary.documents += 1;
            if out.is_error() {
                summary.errors += 1;
            } else {
                summary.records += 1;
            }
            sink(out)?;
        }
    }
    summary.elapsed = started.elapsed();
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_keeps_input_order_and_counts_errors() {
        let dir = tempfile::tempdir().unwrap();
        let mut inputs = Vec::new();
        for i in 0..300 {
            let p = dir.path().join(format!("{i:03}.txt"));
            if i % 100 == 7 {
                std::fs::write(&p, b"\xFF\xFE\xFD").unwrap();
            } else {
                std::fs::write(&p, format!("Văn bản số {i}")).unwrap();
            }
            inputs.push(Input::File(p));
        }
        let workers = Workers::new(Some(2)).unwrap();
        let mut seen = Vec::new();
        let summary = run(&inputs, &Settings::default(), &workers, |o| {
            seen.push(o.source().path.clone().unwrap());
            Ok::<_, ()>(())
        })
        .unwrap();
        let expected: Vec<String> = inputs.iter().map(|i| i.display_path()).collect();
        assert_eq!(seen, expected);
        assert_eq!(
            (summary.documents, summary.records, summary.errors),
            (300, 297, 3)
        );
    }
}
