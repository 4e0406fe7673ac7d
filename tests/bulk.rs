//! Bulk ingestion through the real binary: mixed containers with bad input among
//! good, and a run killed halfway then resumed.

use std::io::Write;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::common::{json_lines, vngov};

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn warc_record(uri: &str, body: &str, length: Option<usize>) -> Vec<u8> {
    let block = format!("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}");
    let len = length.unwrap_or(block.len());
    format!(
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {len}\r\n\r\n{block}\r\n\r\n"
    )
    .into_bytes()
}

#[test]
fn bad_inputs_cost_only_themselves() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), "Ngày 25/12/2018, UBND tỉnh họp.").unwrap();
    // A 50 MB document over the size limit is refused without being read.
    let big = std::fs::File::create(d.join("b-big.txt")).unwrap();
    big.set_len(50 * 1024 * 1024).unwrap();
    // Binary junk with a text name.
    std::fs::write(d.join("c-junk.txt"), b"PK\x03\x04\x00\x00\xFF\xD8binary").unwrap();
    // JSON Lines: a good line, a line that is not JSON, one without the text field.
    std::fs::write(
        d.join("d.jsonl"),
        concat!(
            r#"{"text":"Thông báo số 295/TB-UBND.","url":"https://a.gov.vn/1"}"#,
            "\n{\"text\": \"cut off\n",
            r#"{"title":"no text here"}"#,
            "\n",
            r#"{"text":"Tỷ lệ đạt 95,6%."}"#,
            "\n"
        ),
    )
    .unwrap();
    // A WARC.gz: a good record, one whose Content-Length is wrong, a good one, and
    // the archive cut short inside the last record.
    let mut warc = Vec::new();
    warc.extend(gz(&warc_record(
        "https://b.gov.vn/1",
        "Kế hoạch số 12/KH-UBND.",
        None,
    )));
    warc.extend(gz(&warc_record(
        "https://b.gov.vn/2",
        "Độ dài sai.",
        Some(20),
    )));
    warc.extend(gz(&warc_record(
        "https://b.gov.vn/3",
        "Quyết định 1072/QĐ-TTg.",
        None,
    )));
    let last = gz(&warc_record("https://b.gov.vn/4", "Bị cắt.", None));
    warc.extend(&last[..last.len() / 2]);
    std::fs::write(d.join("e.warc.gz"), warc).unwrap();
    // An unreadable entry: a link to nothing.
    #[cfg(unix)]
    std::os::unix::fs::symlink(d.join("nowhere"), d.join("f-dangling.txt")).unwrap();
    std::fs::write(d.join("g.txt"), "Kết luận của Chủ tịch UBND tỉnh.").unwrap();

    let out = vngov()
        .args(["extract", "-j", "2", "--max-bytes", "10000000"])
        .arg(d)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let recs = json_lines(&out.stdout);
    let line = |r: &serde_json::Value| -> String {
        let src = r["source"]["url"]
            .as_str()
            .or(r["source"]["path"].as_str())
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap()
            .to_string();
        match r.get("error") {
            None => src,
            Some(e) => format!(
                "{src} {} {}",
                e["kind"].as_str().unwrap(),
                e["message"].as_str().unwrap()
            ),
        }
    };
    let got: Vec<String> = recs.iter().map(line).collect();
    let expect_prefix = [
        "a.txt",
        "b-big.txt too_large 52428800 bytes",
        "c-junk.txt decode binary data",
        "1",
        "d.jsonl input line 2: not JSON",
        "d.jsonl input line 3: no string field \"text\"",
        "d.jsonl",
        "1",
        "2 archive record 2 at byte",
        "3",
        "archive record 4 at byte",
        "f-dangling.txt io",
        "g.txt",
    ];
    assert_eq!(got.len(), expect_prefix.len(), "{got:#?}");
    for (g, e) in got.iter().zip(expect_prefix) {
        assert!(g.contains(e), "{g:?} should hold {e:?}\n{got:#?}");
    }
    assert!(got[8].contains("Content-Length"), "{}", got[8]);
    assert!(
        got[10].contains("cannot be read on") || got[10].contains("truncated"),
        "{}",
        got[10]
    );
    // Every error is also named on standard error, with its input.
    let stderr = String::from_utf8_lossy(&out.stderr);
    for needle in [
        "c-junk.txt",
        "d.jsonl: line 2",
        "e.warc.gz",
        "f-dangling.txt",
    ] {
        assert!(stderr.contains(needle), "{needle} not in {stderr}");
    }
    assert!(
        stderr.contains("errors by kind: archive 2, decode 1, input 2, io 1, too_large 1"),
        "{stderr}"
    );
}

#[test]
fn include_and_exclude_globs_choose_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("drafts")).unwrap();
    for f in ["a.txt", "b.html", "drafts/c.txt"] {
        std::fs::write(d.join(f), "Ngày 25/12/2018.").unwrap();
    }
    let out = vngov()
        .args([
            "extract",
            "--quiet",
            "--include",
            "*.txt",
            "--exclude",
            "drafts",
        ])
        .arg(d)
        .output()
        .unwrap();
    assert!(out.status.success());
    let recs = json_lines(&out.stdout);
    assert_eq!(recs.len(), 1);
    assert!(recs[0]["source"]["path"]
        .as_str()
        .unwrap()
        .ends_with("/a.txt"));
}

#[test]
fn jsonl_and_warc_on_standard_input() {
    for (format, input) in [
        (
            "jsonl",
            "{\"body\":\"Ngày 25/12/2018.\"}\n".as_bytes().to_vec(),
        ),
        (
            "warc",
            gz(&warc_record("https://c.gov.vn/1", "Ngày 25/12/2018.", None)),
        ),
    ] {
        let mut child = vngov()
            .args([
                "extract",
                "--quiet",
                "--jsonl-text-field",
                "body",
                "--stdin-format",
                format,
                "-",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(&input).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{format}");
        let recs = json_lines(&out.stdout);
        assert_eq!(recs.len(), 1, "{format}");
        assert_eq!(recs[0]["dates"][0]["value"], "2018-12-25", "{format}");
    }
}

/// A JSON Lines file of `n` documents made from the sample corpus.
fn sample_jsonl(path: &Path, n: usize) {
    let docs: Vec<String> = crate::common::corpus_documents()
        .iter()
        .map(|p| std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(p)).unwrap())
        .collect();
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..n {
        let text = docs[i % docs.len()].replace("2019", &(1990 + i % 30).to_string());
        let line = serde_json::json!({"id": i, "text": text});
        writeln!(f, "{line}").unwrap();
        if i % 97 == 50 {
            writeln!(f, "not json {i}").unwrap();
        }
    }
}

#[test]
fn a_killed_run_resumed_gives_the_same_output() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("docs.jsonl");
    sample_jsonl(&input, 200);
    let whole = dir.path().join("whole.jsonl");
    let out = vngov()
        .args(["extract", "--quiet", "-j", "2"])
        .arg(&input)
        .arg("-o")
        .arg(&whole)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "the bad lines are error records"
    );
    let expected = std::fs::read(&whole).unwrap();

    // Kill a run once its checkpoint shows part of the work done, but not all.
    let target = dir.path().join("resumed.jsonl");
    let checkpoint = dir.path().join("resumed.jsonl.partial.checkpoint");
    let done_at_kill = kill_once_checkpointed(
        &[
            "extract".as_ref(),
            "--quiet".as_ref(),
            "-j".as_ref(),
            "1".as_ref(),
            input.as_os_str(),
            "-o".as_ref(),
            target.as_os_str(),
        ],
        &checkpoint,
    );
    assert!(
        !target.exists(),
        "the target appears only when the run completes"
    );
    assert!(
        (done_at_kill as usize) < 202,
        "the run was killed before it finished"
    );

    let out = vngov()
        .args(["extract", "-j", "2", "--resume"])
        .arg(&input)
        .arg("-o")
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("202 documents, 200 records, 2 errors"),
        "{stderr}"
    );
    assert!(stderr.contains("resumed after"), "{stderr}");
    let resumed = std::fs::read(&target).unwrap();
    assert_eq!(json_lines(&resumed).len(), 202);
    assert!(
        resumed == expected,
        "the resumed output differs from an uninterrupted run's"
    );
    // Nothing is left beside the output.
    let mut left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["docs.jsonl", "resumed.jsonl", "whole.jsonl"]);
}

/// Starts `vngov extract ARGS`, kills it (SIGKILL) once its checkpoint counts some
/// inputs done, and returns that count.
fn kill_once_checkpointed(args: &[&std::ffi::OsStr], checkpoint: &Path) -> u64 {
    let mut child = vngov()
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let done = loop {
        let items = std::fs::read(checkpoint)
            .ok()
            .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
            .and_then(|v| v["items"].as_u64())
            .unwrap_or(0);
        if items > 0 {
            child.kill().unwrap();
            break items;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "no checkpoint written"
        );
        std::thread::sleep(Duration::from_millis(5));
    };
    child.wait().unwrap();
    done
}

/// Files added, removed or grown in the directory since the interrupted run: the
/// resume is refused, naming them, unless `--resume-changed` says to go on.
#[test]
fn resume_refuses_inputs_changed_since_the_interrupted_run() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let texts: Vec<String> = crate::common::corpus_documents()
        .iter()
        .map(|p| std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(p)).unwrap())
        .collect();
    const N: usize = 1000;
    for i in 0..N {
        std::fs::write(docs.join(format!("{i:04}.txt")), &texts[i % texts.len()]).unwrap();
    }
    let target = dir.path().join("out.jsonl");
    let checkpoint = dir.path().join("out.jsonl.partial.checkpoint");
    let args = |extra: &[&str]| {
        let mut a: Vec<std::ffi::OsString> = vec!["extract".into(), "--no-progress".into()];
        a.extend(extra.iter().map(Into::into));
        a.push(docs.clone().into());
        a.push("-o".into());
        a.push(target.clone().into());
        a
    };
    let first = args(&["-j", "1", "--quiet"]);
    let first: Vec<&std::ffi::OsStr> = first.iter().map(|a| a.as_os_str()).collect();
    let done = kill_once_checkpointed(&first, &checkpoint);
    assert!((done as usize) < N, "the run was killed before it finished");

    let grown = docs.join("0001.txt");
    let before = std::fs::metadata(&grown).unwrap().len();
    let more = b"\nMot dong them.";
    std::fs::OpenOptions::new()
        .append(true)
        .open(&grown)
        .unwrap()
        .write_all(more)
        .unwrap();
    std::fs::write(docs.join("0500b.txt"), "Ngày 25/12/2018, UBND tỉnh họp.").unwrap();
    std::fs::remove_file(docs.join("0700.txt")).unwrap();

    let out = vngov().args(args(&["--resume"])).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let shown = |name: &str| sources_path(&docs.join(name));
    let expected = format!(
        "input changed since the interrupted run: {} grew from {before} to {} bytes; {} is new; {} is gone; run with --resume-changed",
        shown("0001.txt"),
        before + more.len() as u64,
        shown("0500b.txt"),
        shown("0700.txt"),
    );
    assert!(stderr.contains(&expected), "{stderr}\nwant {expected}");
    assert!(!target.exists());

    // Told to go on, it does, and says what it went on past.
    let out = vngov()
        .args(args(&["--resume", "--resume-changed"]))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("going on (--resume-changed)"), "{stderr}");
    assert!(
        stderr.contains(&format!("resumed after {done} documents")),
        "{stderr}"
    );
    assert_eq!(json_lines(&std::fs::read(&target).unwrap()).len(), N);
    assert!(!dir.path().join("out.jsonl.partial.inputs").exists());
}

/// A path as records and messages show it.
fn sources_path(p: &Path) -> String {
    vngov_pipeline::sources::display_path(p)
}

#[test]
fn resume_refuses_other_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.jsonl");
    std::fs::write(
        dir.path().join("out.jsonl.partial.checkpoint"),
        r#"{"fingerprint":"other","items":3,"bytes":0,"records":3,"errors_by_kind":{}}"#,
    )
    .unwrap();
    std::fs::write(dir.path().join("out.jsonl.partial"), "").unwrap();
    let out = vngov()
        .args(["extract", "--resume", "corpus/seeds", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("other inputs or settings"));
    let out = vngov()
        .args(["extract", "--resume", "corpus/seeds"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "--resume needs --output");
}

#[cfg(unix)]
#[test]
fn an_output_that_is_not_a_regular_file_is_written_not_replaced() {
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("no mkfifo here: skipped");
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut s = String::new();
            std::fs::File::open(&fifo)
                .unwrap()
                .read_to_string(&mut s)
                .unwrap();
            s
        })
    };
    let out = vngov()
        .args(["extract", "--quiet", "corpus/seeds", "-o"])
        .arg(&fifo)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = reader.join().unwrap();
    assert_eq!(json_lines(got.as_bytes()).len(), 5);
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}
