//! Store benchmark: `cargo bench -p vngov-store --bench store`.
//!
//! Builds an input from the sample documents in `corpus/` (JSON Lines, half plain
//! text, half the same texts in a portal-like page, each with a notice number of
//! its own), then measures, each in a child process of its own:
//!
//! - extraction into JSON Lines (as `vngov extract -o`) against extraction into a
//!   database (as `vngov extract --db`), on all threads: the ratio of their wall
//!   times, their CPU times, and the time the writer took;
//! - loading records into a new database (as `vngov db load`), the records of the
//!   first run repeated under new ids to `VNGOV_BENCH_RECORDS` (default 100,000);
//! - a query by assignee over a database of `VNGOV_BENCH_TASKS` (default
//!   1,000,000) tasks, 10 to a document, 2,000 assignees: median time of the
//!   query as `vngov tasks --assignee` runs it, and of counting its rows.
//!
//! `VNGOV_BENCH_DOCS` (default 10,000) sets the extraction input's size. Wall
//! times depend on what else the machine runs; ratios are taken within one run.

use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use vngov_pipeline::sources::{Options, Sources};
use vngov_pipeline::{Settings, Workers};
use vngov_record::Output;
use vngov_store::query::{self, TaskQuery};
use vngov_store::{Prepared, Store, WriterOptions};

/// The sample documents of `corpus/`, read as the pipeline reads a directory.
fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let options = Options {
        include: vec!["**/*.txt".into()],
        ..Options::default()
    };
    Sources::new(&[root.as_path()], options)
        .expect("corpus/ is readable")
        .map(|item| String::from_utf8(item.load().expect("a sample").bytes).expect("UTF-8"))
        .collect()
}

/// Document `i`: a sample, with a notice number of its own at the end.
fn text(samples: &[String], i: usize) -> String {
    format!(
        "{}\nThông báo số {i}/TB-UBND.\n",
        samples[i % samples.len()]
    )
}

fn html(text: &str) -> String {
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;");
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let title = esc(lines.next().unwrap_or("Tin tức"));
    let body: String = lines.map(|l| format!("<p>{}</p>\n", esc(l))).collect();
    format!(
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body>\
         <nav><a href=\"/\">Trang chủ</a> | <a href=\"/tin-tuc\">Tin tức</a></nav><main><article><h1>{title}</h1>\n{body}</article></main>\
         <footer>Cổng thông tin điện tử tỉnh</footer></body></html>"
    )
}

/// `n` documents as JSON Lines: even lines text, odd lines HTML.
fn generate(samples: &[String], n: usize, path: &Path) -> u64 {
    let mut out = BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..n {
        let t = text(samples, i);
        let url = format!("https://portal.example.gov.vn/tin-tuc/{i:07}.html");
        let line = if i % 2 == 0 {
            json!({"url": url, "text": t})
        } else {
            json!({"url": url, "html": html(&t)})
        };
        serde_json::to_writer(&mut out, &line).unwrap();
        out.write_all(b"\n").unwrap();
    }
    out.flush().unwrap();
    std::fs::metadata(path).unwrap().len()
}

/// CPU time (user + system) of this process, in seconds.
fn cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, s)| s);
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = |k: usize| f.get(k).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

/// Extraction of `input` into JSON Lines (`jsonl`) or a database (`db`), as
/// `vngov extract` does: records prepared on the workers, written by a thread of
/// their own.
fn extract(mode: &str, input: &Path, out: &Path) -> Value {
    let workers = Workers::new(None).unwrap();
    let sources = Sources::new(&[input], Options::default()).unwrap();
    let with_db = mode == "db";
    let mut file = BufWriter::with_capacity(1 << 20, std::fs::File::create(out).unwrap());
    let (tx, rx) = std::sync::mpsc::sync_channel::<Prepared>(256);
    let db = out.with_extension("db");
    let writer = std::thread::spawn(move || {
        let mut busy = Duration::ZERO;
        if !with_db {
            return busy;
        }
        let mut store = Store::open(&db).unwrap();
        let mut w = store.writer(WriterOptions::default()).unwrap();
        for p in rx {
            let t = Instant::now();
            w.write(&p).unwrap();
            busy += t.elapsed();
        }
        let t = Instant::now();
        w.finish().unwrap();
        store.close().unwrap();
        busy + t.elapsed()
    });
    let started = Instant::now();
    let summary = vngov_pipeline::run(
        sources,
        &Settings::default(),
        &workers,
        |o| {
            if with_db {
                (Vec::new(), Some(Prepared::from_ref(o)))
            } else {
                let mut v = serde_json::to_vec(o).unwrap();
                v.push(b'\n');
                (v, None)
            }
        },
        |p| {
            if let Some(rows) = p.encoded.1 {
                tx.send(rows).unwrap();
            }
            file.write_all(&p.encoded.0)
        },
    )
    .unwrap();
    drop(tx);
    let in_writer = writer.join().unwrap();
    file.flush().unwrap();
    file.get_ref().sync_all().unwrap();
    json!({"docs": summary.documents, "secs": started.elapsed().as_secs_f64(), "cpu": cpu(),
           "writer_secs": in_writer.as_secs_f64()})
}

/// Loads `records` JSON Lines into a new database `db`.
fn load(records: &Path, db: &Path) -> Value {
    let started = Instant::now();
    let mut store = Store::open(db).unwrap();
    let mut w = store.writer(WriterOptions::default()).unwrap();
    let input = std::io::BufReader::with_capacity(1 << 20, std::fs::File::open(records).unwrap());
    let lines =
        vngov_store::load::jsonl(input, &mut w, usize::MAX, |b| panic!("{b:?}"), |_| {}).unwrap();
    let s = w.finish().unwrap();
    store.close().unwrap();
    assert_eq!(s.inserted, lines);
    json!({"records": lines, "secs": started.elapsed().as_secs_f64(), "cpu": cpu(),
           "bytes": std::fs::metadata(db).unwrap().len()})
}

/// Writes `n` copies of `records` (new ids) as JSON Lines.
fn replicate(records: &Path, n: usize, out: &Path) {
    let lines: Vec<String> = std::io::BufReader::new(std::fs::File::open(records).unwrap())
        .lines()
        .map(Result::unwrap)
        .collect();
    let mut w = BufWriter::new(std::fs::File::create(out).unwrap());
    for i in 0..n {
        let mut v: Value = serde_json::from_str(&lines[i % lines.len()]).unwrap();
        v["id"] = json!(format!("{i:016x}"));
        serde_json::to_writer(&mut w, &v).unwrap();
        w.write_all(b"\n").unwrap();
    }
    w.flush().unwrap();
}

/// A database of `tasks` tasks: documents of 10 directives each, to 2,000
/// assignees ("Ủy ban nhân dân xã …"), written through the store's writer.
fn build_tasks_db(tasks: usize, db: &Path) -> Value {
    let started = Instant::now();
    let mut store = Store::open(db).unwrap();
    let mut w = store.writer(WriterOptions::default()).unwrap();
    let communes = ["Tân Hòa", "Bình Minh", "Đông Sơn", "Hưng Đạo", "Phú Lộc"];
    for d in 0..tasks.div_ceil(10) {
        let mut text = String::new();
        let mut ts = Vec::new();
        for k in 0..10 {
            let a = (d * 10 + k) * 7919 % 2000;
            let name = format!("Ủy ban nhân dân xã {} {}", communes[a % 5], a);
            let sentence = format!(
                "{name} hoàn thành báo cáo số {} trước ngày {:02}/{:02}/2024.",
                d * 10 + k,
                k + 1,
                a % 12 + 1
            );
            let start = text.chars().count();
            let len = sentence.chars().count() - 1;
            text += &sentence;
            text.push(' ');
            ts.push(json!({
                "assigner": "Ủy ban nhân dân huyện", "assignee": name, "assignee_text": name,
                "assignee_kind": "body", "action": &sentence[name.len() + 1..sentence.len() - 1],
                "deadline": format!("2024-{:02}-{:02}", a % 12 + 1, k + 1), "deadline_precision": "day",
                "deadline_text": null, "coordinate_with": [], "report_to": null,
                "text": &sentence[..sentence.len() - 1], "span": [start, start + len],
                "source_span": [start, start + len], "evidence": sentence,
            }));
        }
        let record = json!({
            "schema_version": "1.1", "id": format!("{d:016x}"),
            "source": {"url": format!("https://portal.example.gov.vn/{d}")},
            "title": null, "published": format!("2024-01-{:02}", d % 28 + 1), "published_evidence": null,
            "province": "Bắc Ninh", "province_evidence": null, "text": text, "dates": [], "documents": [],
            "percentages": [], "meetings": [], "people": [], "tasks": ts, "organizations": [], "warnings": [],
        });
        let out: Output = serde_json::from_value(record).unwrap();
        w.write(&Prepared::new(out)).unwrap();
    }
    w.finish().unwrap();
    store.close().unwrap();
    json!({"secs": started.elapsed().as_secs_f64()})
}

/// Median time of the query by assignee, and of counting its rows.
fn query_db(db: &Path) -> Value {
    let store = Store::open_read(db).unwrap();
    let q = TaskQuery {
        assignee: Some("UBND xã Đông Sơn 1002".into()),
        as_of: Some("2024-06-01".into()),
        ..TaskQuery::default()
    };
    let mut times = Vec::new();
    let mut rows = 0;
    for _ in 0..21 {
        let t = Instant::now();
        rows = 0;
        query::tasks(&store, &q, |_| {
            rows += 1;
            Ok(())
        })
        .unwrap();
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let tasks: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM tasks", [], |r| r.get(0))
        .unwrap();
    json!({"tasks": tasks, "rows": rows, "median_ms": times[times.len() / 2] * 1e3,
           "max_ms": times[times.len() - 1] * 1e3})
}

fn child(args: &[&str]) -> Value {
    let out = Command::new(std::env::current_exe().unwrap())
        .arg("--measure")
        .args(args)
        .output()
        .expect("the benchmark runs itself");
    assert!(
        out.status.success(),
        "measurement failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("a JSON line")
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn f(v: &Value, k: &str) -> f64 {
    v[k].as_f64().unwrap_or(f64::NAN)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--measure") {
        let a = |k: usize| PathBuf::from(&args[i + k]);
        let v = match args[i + 1].as_str() {
            m @ ("jsonl" | "db" | "both") => extract(m, &a(2), &a(3)),
            "load" => load(&a(2), &a(3)),
            "build" => build_tasks_db(args[i + 2].parse().unwrap(), &a(3)),
            "query" => query_db(&a(2)),
            m => panic!("unknown mode {m}"),
        };
        println!("{v}");
        return;
    }
    let docs = env_usize("VNGOV_BENCH_DOCS", 10_000);
    let records = env_usize("VNGOV_BENCH_RECORDS", 100_000);
    let tasks = env_usize("VNGOV_BENCH_TASKS", 1_000_000);
    let root = std::env::temp_dir().join(format!("vngov-store-bench-{}", std::process::id()));
    std::fs::create_dir_all(&root).unwrap();
    let p = |name: &str| root.join(name).to_string_lossy().into_owned();
    let started = Instant::now();
    let bytes = generate(&corpus(), docs, Path::new(&p("docs.jsonl")));
    println!(
        "input: {docs} documents (half text, half HTML), {:.1} MB of JSON Lines\n",
        bytes as f64 / 1e6
    );

    println!("extraction, all threads (JSON Lines, database, JSON Lines, database …)");
    let mut runs: Vec<(String, Value)> = Vec::new();
    for round in 0..2 {
        for mode in ["jsonl", "db"] {
            let out = p(&format!("{mode}-{round}.jsonl"));
            let _ = std::fs::remove_file(p(&format!("{mode}-{round}.db")));
            let v = child(&[mode, &p("docs.jsonl"), &out]);
            println!(
                "  {mode:<6} {:>7.0} docs/s  wall {:>6.2} s  cpu {:>6.2} s  writer {:>6.2} s",
                f(&v, "docs") / f(&v, "secs"),
                f(&v, "secs"),
                f(&v, "cpu"),
                f(&v, "writer_secs")
            );
            runs.push((mode.to_string(), v));
        }
    }
    let best = |m: &str, k: &str| {
        runs.iter()
            .filter(|(mode, _)| mode == m)
            .map(|(_, v)| f(v, k))
            .fold(f64::INFINITY, f64::min)
    };
    println!(
        "  --db ÷ -o: {:.2}× wall (best of 2 each), {:.2}× CPU\n",
        best("db", "secs") / best("jsonl", "secs"),
        best("db", "cpu") / best("jsonl", "cpu")
    );

    replicate(
        Path::new(&p("jsonl-0.jsonl")),
        records,
        Path::new(&p("records.jsonl")),
    );
    let v = child(&["load", &p("records.jsonl"), &p("load.db")]);
    println!(
        "load: {} records in {:.1} s ({:.0} records/s, cpu {:.1} s), database {:.0} MB\n",
        v["records"],
        f(&v, "secs"),
        f(&v, "records") / f(&v, "secs"),
        f(&v, "cpu"),
        f(&v, "bytes") / 1e6
    );

    let b = child(&["build", &tasks.to_string(), &p("tasks.db")]);
    let q = child(&["query", &p("tasks.db")]);
    println!(
        "query by assignee over {} tasks (built in {:.0} s): {} rows, median {:.2} ms, slowest {:.2} ms",
        q["tasks"],
        f(&b, "secs"),
        q["rows"],
        f(&q, "median_ms"),
        f(&q, "max_ms")
    );
    println!("\ntotal {:.0} s", started.elapsed().as_secs_f64());
    let _ = std::fs::remove_dir_all(&root);
}
