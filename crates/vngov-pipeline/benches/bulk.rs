//! Bulk ingestion benchmark: `cargo bench -p vngov-pipeline --bench bulk`.
//!
//! Builds a large input from the sample documents in `corpus/` (text documents, and
//! the same texts wrapped in a portal-like HTML page), as a WARC.gz archive and as a
//! directory, then measures in one run, each measurement in a child process of its
//! own so that its peak RSS (VmHWM) is its own:
//!
//! - documents/s and MB/s of the full pipeline on 1 thread and on all threads, and
//!   the scaling ratio;
//! - a bare pass over the same input (read, decompress, decode, NFC) as the floor,
//!   and the full pipeline's ratio to it;
//! - text and HTML documents apart;
//! - peak RSS for the small and the large archive.
//!
//! Sizes: `VNGOV_BENCH_DOCS` (default 100000) documents in the large input,
//! `VNGOV_BENCH_SMALL` (default 10000) in the small one, on which the throughput
//! runs are made. Wall-clock figures depend on what else the machine runs; CPU time
//! (user + system) is reported beside them, and ratios are taken within one run.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use rayon::prelude::*;
use serde_json::{json, Value};
use vngov_pipeline::sources::{Options, Sources};
use vngov_pipeline::{Item, Settings, Workers};

#[path = "common/corpus.rs"]
mod corpus;
#[path = "../tests/common/rng.rs"]
mod rng;
use corpus::corpus;
use rng::Rng;

/// Document `i`: a sample text with its years and day numbers shifted, so that no
/// two neighbours are the same.
fn text(samples: &[String], i: usize, rng: &mut Rng) -> String {
    let base = &samples[i % samples.len()];
    let shift = rng.below(12) as i32 - 6;
    let mut out = String::with_capacity(base.len());
    let mut digits = String::new();
    for c in base.chars().chain(std::iter::once('\0')) {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if !digits.is_empty() {
            match digits.parse::<i32>() {
                Ok(y) if digits.len() == 4 && (1990..2030).contains(&y) => {
                    out += &(y + shift).to_string()
                }
                _ => out += &digits,
            }
            digits.clear();
        }
        if c != '\0' {
            out.push(c);
        }
    }
    out
}

/// The text in a portal page: header, menu, headline, date line, paragraphs, footer.
fn html(text: &str, i: usize) -> String {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let title = lines.next().unwrap_or("Tin tức");
    let body: String = lines
        .map(|l| {
            let l = l.replace('&', "&amp;").replace('<', "&lt;");
            format!("      <p>{l}</p>\n")
        })
        .collect();
    let title = title.replace('&', "&amp;").replace('<', "&lt;");
    format!(
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head><meta charset=\"utf-8\"><title>{title}</title></head>\n<body>\n  <header><a href=\"/\">Cổng thông tin điện tử tỉnh</a></header>\n  <nav><a href=\"/\">Trang chủ</a> | <a href=\"/gioi-thieu\">Giới thiệu</a> | <a href=\"/tin-tuc\">Tin tức</a> | <a href=\"/van-ban\">Văn bản</a></nav>\n  <main>\n    <article id=\"tin-{i}\">\n      <h1>{title}</h1>\n{body}    </article>\n  </main>\n  <footer>Bản quyền thuộc Cổng thông tin điện tử tỉnh. Lượt truy cập: {}</footer>\n</body>\n</html>\n",
        1_000_000 + i * 7
    )
}

fn gz_member(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn warc_record(uri: &str, media: &str, payload: &[u8]) -> Vec<u8> {
    let mut block = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {media}; charset=utf-8\r\nContent-Length: {}\r\n\r\n",
        payload.len()
    )
    .into_bytes();
    block.extend_from_slice(payload);
    let mut r = format!(
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-08T09:30:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(&block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

/// Writes `n` documents (even: text, odd: HTML) as `archive` and, if given, as
/// files under `dir`.
fn generate(samples: &[String], n: usize, dir: Option<&Path>, archive: &Path) -> (u64, u64) {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut warc = BufWriter::new(std::fs::File::create(archive).unwrap());
    let mut bytes = 0u64;
    for i in 0..n {
        let t = text(samples, i / 2, &mut rng);
        let (ext, media, payload) = if i % 2 == 0 {
            ("txt", "text/plain", t)
        } else {
            ("html", "text/html", html(&t, i))
        };
        if let Some(dir) = dir {
            let sub = dir.join(format!("{:03}", i / 1000));
            if i % 1000 == 0 {
                std::fs::create_dir_all(&sub).unwrap();
            }
            std::fs::write(sub.join(format!("{i:06}.{ext}")), &payload).unwrap();
        }
        let uri = format!("https://portal.example.gov.vn/tin-tuc/{i:06}.{ext}");
        warc.write_all(&gz_member(&warc_record(&uri, media, payload.as_bytes())))
            .unwrap();
        bytes += payload.len() as u64;
    }
    warc.flush().unwrap();
    (bytes, std::fs::metadata(archive).unwrap().len())
}

/// Peak RSS (VmHWM) of this process, in MB, and its CPU time in seconds.
fn own_usage() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let hwm_kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(f64::NAN);
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which ends with ')'): utime is the 12th, stime the 13th.
    let after = stat.rsplit_once(')').map_or("", |(_, s)| s);
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = |k: usize| f.get(k).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (hwm_kb / 1024.0, (ticks(11) + ticks(12)) / 100.0)
}

/// One measurement, in this (child) process: prints a JSON line.
fn measure(mode: &str, input: &Path, threads: usize, include: Option<&str>) {
    let options = Options {
        include: include.map(|g| vec![g.to_string()]).unwrap_or_default(),
        ..Options::default()
    };
    let sources = Sources::new(&[input], options).unwrap();
    let workers = Workers::new(Some(threads)).unwrap();
    let started = Instant::now();
    let (docs, bytes, out_bytes, errors) = match mode {
        "full" => {
            let mut out = 0u64;
            let summary = vngov_pipeline::run(
                sources,
                &Settings::default(),
                &workers,
                |o| {
                    let mut v = serde_json::to_vec(o).unwrap();
                    v.push(b'\n');
                    v
                },
                |p| {
                    out += p.encoded.len() as u64;
                    std::hint::black_box(&p.encoded);
                    Ok::<_, ()>(())
                },
            )
            .unwrap();
            (summary.documents, summary.bytes, out, summary.errors)
        }
        "bare" => bare(sources, &workers),
        _ => panic!("unknown mode {mode}"),
    };
    let secs = started.elapsed().as_secs_f64();
    let (rss, cpu) = own_usage();
    println!(
        "{}",
        json!({"docs": docs, "bytes": bytes, "out_bytes": out_bytes, "errors": errors,
               "secs": secs, "cpu": cpu, "rss_mb": rss})
    );
}

/// Read, decompress, decode, NFC: the same chunks and workers as the pipeline.
fn bare(mut sources: Sources, workers: &Workers) -> (usize, u64, u64, usize) {
    use unicode_normalization::UnicodeNormalization;
    let chunk_len = 64 * workers.threads();
    let (mut docs, mut bytes, mut errors) = (0usize, 0u64, 0usize);
    loop {
        let chunk: Vec<Item> = sources.by_ref().take(chunk_len).collect();
        if chunk.is_empty() {
            break;
        }
        let done: Vec<(u64, bool)> = workers.install(|| {
            chunk
                .into_par_iter()
                .map(|item| {
                    let Ok(doc) = item.load() else {
                        return (0, false);
                    };
                    let n = doc.bytes.len() as u64;
                    match vngov_pipeline::decode::decode(&doc.bytes, &Default::default()) {
                        Ok(d) => {
                            let nfc = if unicode_normalization::is_nfc(&d.text) {
                                d.text
                            } else {
                                d.text.nfc().collect()
                            };
                            std::hint::black_box(&nfc);
                            (n, true)
                        }
                        Err(_) => (n, false),
                    }
                })
                .collect()
        });
        for (n, ok) in done {
            docs += 1;
            bytes += n;
            errors += usize::from(!ok);
        }
    }
    (docs, bytes, 0, errors)
}

fn child(mode: &str, input: &Path, threads: usize, include: Option<&str>) -> Value {
    let mut c = Command::new(std::env::current_exe().unwrap());
    c.args(["--measure", mode])
        .arg(input)
        .arg(threads.to_string())
        .arg(include.unwrap_or("-"));
    let out = c.output().expect("the benchmark runs itself");
    assert!(
        out.status.success(),
        "measurement failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("a JSON line")
}

fn row(label: &str, v: &Value) {
    let secs = v["secs"].as_f64().unwrap();
    let docs = v["docs"].as_f64().unwrap();
    let mb = v["bytes"].as_f64().unwrap() / 1e6;
    println!(
        "{label:<44} {:>8.0} docs/s {:>7.2} MB/s  wall {:>7.2} s  cpu {:>7.2} s  peak RSS {:>6.1} MB",
        docs / secs,
        mb / secs,
        secs,
        v["cpu"].as_f64().unwrap(),
        v["rss_mb"].as_f64().unwrap()
    );
}

fn rate(v: &Value) -> f64 {
    v["docs"].as_f64().unwrap() / v["secs"].as_f64().unwrap()
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--measure") {
        let include = args.get(i + 4).filter(|g| *g != "-").map(String::as_str);
        measure(
            &args[i + 1],
            Path::new(&args[i + 2]),
            args[i + 3].parse().unwrap(),
            include,
        );
        return;
    }
    let large = env_usize("VNGOV_BENCH_DOCS", 100_000);
    let small = env_usize("VNGOV_BENCH_SMALL", 10_000).min(large);
    let all = std::thread::available_parallelism().map_or(1, |n| n.get());
    let root = std::env::temp_dir().join(format!("vngov-bench-{}", std::process::id()));
    std::fs::create_dir_all(&root).expect("a temporary directory");
    let samples = corpus();

    let started = Instant::now();
    let mut inputs: Vec<(usize, PathBuf, PathBuf)> = Vec::new();
    for n in [small, large] {
        let dir = root.join(format!("dir-{n}"));
        let warc = root.join(format!("docs-{n}.warc.gz"));
        // The directory form is measured on the small input only.
        let (bytes, gz) = generate(&samples, n, (n == small).then_some(dir.as_path()), &warc);
        println!(
            "input: {n} documents ({} text, {} HTML), {:.1} MB; WARC.gz {:.1} MB",
            n.div_ceil(2),
            n / 2,
            bytes as f64 / 1e6,
            gz as f64 / 1e6
        );
        inputs.push((n, dir, warc));
    }
    println!(
        "generated in {:.1} s; {all} threads available\n",
        started.elapsed().as_secs_f64()
    );

    let (_, small_dir, small_warc) = &inputs[0];
    let (_, _, large_warc) = &inputs[1];
    let mut full_all_warc = None;
    for (what, input) in [("WARC.gz", small_warc), ("directory", small_dir)] {
        let full1 = child("full", input, 1, None);
        let fulln = child("full", input, all, None);
        let bare1 = child("bare", input, 1, None);
        let baren = child("bare", input, all, None);
        println!("{what}, {small} documents");
        row("  full pipeline, 1 thread", &full1);
        row(&format!("  full pipeline, {all} threads"), &fulln);
        row("  bare pass (read, decompress, decode, NFC), 1", &bare1);
        row(&format!("  bare pass, {all} threads"), &baren);
        println!(
            "  scaling 1 → {all} threads: {:.2}× (wall), CPU per document {:.2}× of 1 thread",
            rate(&fulln) / rate(&full1),
            (fulln["cpu"].as_f64().unwrap() / full1["cpu"].as_f64().unwrap())
        );
        println!(
            "  full pipeline / bare pass: {:.1}× on 1 thread, {:.1}× on {all}\n",
            bare1["secs"].as_f64().unwrap().recip() * full1["secs"].as_f64().unwrap(),
            baren["secs"].as_f64().unwrap().recip() * fulln["secs"].as_f64().unwrap(),
        );
        if what == "WARC.gz" {
            full_all_warc = Some(fulln);
        }
    }

    println!("by kind, directory, {small} documents, {all} threads");
    let text_run = child("full", small_dir, all, Some("**/*.txt"));
    let html_run = child("full", small_dir, all, Some("**/*.html"));
    row("  text documents", &text_run);
    row("  HTML documents", &html_run);

    println!("\npeak RSS against input size, WARC.gz, {all} threads");
    let big = child("full", large_warc, all, None);
    let big_bare = child("bare", large_warc, all, None);
    let small_full = full_all_warc.unwrap();
    row(&format!("  full pipeline, {small} documents"), &small_full);
    row(&format!("  full pipeline, {large} documents"), &big);
    row(&format!("  bare pass, {large} documents"), &big_bare);
    println!(
        "  peak RSS {:.1} MB → {:.1} MB for {:.0}× the documents",
        small_full["rss_mb"].as_f64().unwrap(),
        big["rss_mb"].as_f64().unwrap(),
        large as f64 / small as f64
    );
    println!("\ntotal {:.0} s", started.elapsed().as_secs_f64());
    let _ = std::fs::remove_dir_all(&root);
}
