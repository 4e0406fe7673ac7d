//! The command line as a user types it.

use std::io::Write;
use std::process::Stdio;

use crate::common::{json_lines, run, vngov};

#[test]
fn help_lists_subcommands_and_extract_options() {
    let out = run(&["--help"]);
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("extract") && s.contains("schema"), "{s}");
    let out = run(&["extract", "--help"]);
    let s = String::from_utf8(out.stdout).unwrap();
    for opt in [
        "--output",
        "--jobs",
        "--tone-style",
        "--max-bytes",
        "--no-progress",
        "--quiet",
        "--pretty",
    ] {
        assert!(s.contains(opt), "extract --help lacks {opt}");
    }
}

#[test]
fn readme_shows_the_current_extract_help() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let out = run(&["extract", "--help"]);
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(
        readme.contains(help.trim_end()),
        "README.md must show the output of `vngov extract --help`:\n{help}"
    );
}

#[test]
fn stdin_is_read_with_dash() {
    let mut child = vngov()
        .args(["extract", "--quiet", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("Theo Quyết định số 1072/QĐ-TTg, tỷ lệ đạt 95,6%.".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let recs = json_lines(&out.stdout);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["source"]["path"], "-");
    assert_eq!(recs[0]["schema_version"], vngov_record::SCHEMA_VERSION);
}

#[test]
fn output_file_is_written_whole_and_summary_goes_to_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.jsonl");
    let out = vngov()
        .args(["extract", "-j", "1", "corpus/seeds", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("5 documents, 5 records, 0 errors"),
        "{stderr}"
    );
    let recs = json_lines(&std::fs::read(&target).unwrap());
    assert_eq!(recs.len(), 5);
    // Nothing but the output is left in the directory.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn one_bad_document_does_not_stop_the_run_and_sets_exit_status() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Ngày 25/12/2018, UBND tỉnh họp.").unwrap();
    std::fs::write(dir.path().join("b.txt"), b"\x00binary\x01").unwrap();
    std::fs::write(dir.path().join("c.txt"), "Thông báo số 295/TB-UBND.").unwrap();
    let out = vngov()
        .args(["extract", "--quiet"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let recs = json_lines(&out.stdout);
    assert_eq!(recs.len(), 3);
    assert!(recs[0].get("error").is_none() && recs[2].get("error").is_none());
    assert_eq!(recs[1]["error"]["kind"], "decode");
    assert!(String::from_utf8_lossy(&out.stderr).contains("b.txt"));
}

#[test]
fn a_missing_path_is_a_clear_error() {
    let out = run(&["extract", "no/such/dir"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/dir: no such file or directory"));
}

#[test]
fn output_is_the_same_on_one_thread_and_many() {
    let one = run(&["extract", "--quiet", "-j", "1", "corpus"]);
    let many = run(&["extract", "--quiet", "-j", "4", "corpus"]);
    assert!(one.status.success() && many.status.success());
    assert_eq!(one.stdout, many.stdout);
}

#[test]
fn schema_subcommand_prints_the_shipped_schema() {
    let out = run(&["schema"]);
    let shipped = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schemas/record.schema.json"
    ))
    .unwrap();
    assert_eq!(out.stdout, shipped);
}
