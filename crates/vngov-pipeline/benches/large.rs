//! One large document: `cargo bench -p vngov-pipeline --bench large`.
//!
//! A bulk run must not stall on one big document. This builds documents of 1 to 32
//! MB from the sample texts in `corpus/` — once in paragraphs, once flattened to a
//! single line (a page whose markup was stripped) — and extracts each in a child
//! process of its own, so that its peak RSS (VmHWM) is its own. It prints seconds
//! per MB and their ratio to the 1 MB document of the same shape (linear time keeps
//! it near 1), and peak RSS as a multiple of the document's size.
//!
//! Sizes: `VNGOV_BENCH_LARGE_MB` (default `1,4,16,32`).

use std::process::Command;
use std::time::Instant;

use vngov_extract::Known;
use vngov_pipeline::document::{record_from_text, source_id};
use vngov_record::Source;

#[path = "common/corpus.rs"]
mod corpus;
use corpus::corpus;

/// A document of about `mb` MB: the samples repeated, in paragraphs or on one line.
fn document(mb: usize, one_line: bool) -> String {
    let samples = corpus().join("\n\n");
    let mut out = String::with_capacity(mb << 20);
    while out.len() < mb << 20 {
        out.push_str(&samples);
        out.push_str("\n\n");
    }
    if one_line {
        out = out.replace('\n', " ");
    }
    out
}

/// Peak RSS (VmHWM) of this process, in MB.
fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// In the child: builds the document, extracts it, prints "seconds MB rss".
fn measure(mb: usize, one_line: bool) {
    let text = document(mb, one_line);
    let size = text.len() as f64 / (1 << 20) as f64;
    let source = Source {
        path: Some("large.txt".into()),
        ..Source::default()
    };
    let started = Instant::now();
    let record = record_from_text(
        source_id("large.txt"),
        source,
        &text,
        Known::default(),
        &Default::default(),
    );
    let seconds = started.elapsed().as_secs_f64();
    assert!(!record.dates.is_empty(), "the document has facts");
    println!("{seconds} {size} {}", peak_rss_mb());
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--measure") {
        measure(args[i + 1].parse().unwrap(), args[i + 2] == "line");
        return;
    }
    let sizes: Vec<usize> = std::env::var("VNGOV_BENCH_LARGE_MB")
        .unwrap_or_else(|_| "1,4,16,32".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    println!("shape       MB     s   s/MB  ratio to 1st  peak RSS MB  RSS/size");
    for shape in ["paragraphs", "line"] {
        let mut first: Option<f64> = None;
        for &mb in &sizes {
            let out = Command::new(std::env::current_exe().unwrap())
                .args(["--measure", &mb.to_string(), shape])
                .output()
                .expect("the benchmark runs itself");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let line = String::from_utf8_lossy(&out.stdout);
            let v: Vec<f64> = line
                .split_whitespace()
                .filter_map(|x| x.parse().ok())
                .collect();
            let (s, size, rss) = (v[0], v[1], v[2]);
            let per = s / size;
            let ratio = per / *first.get_or_insert(per);
            println!(
                "{shape:<10} {size:>4.1} {s:>6.2} {per:>6.3} {ratio:>13.2} {rss:>12.0} {:>9.1}",
                rss / size
            );
        }
    }
}
