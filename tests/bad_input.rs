//! Bad input costs only itself: a missing path, an output that cannot be
//! written, damaged or odd bytes, JSON Lines of the wrong shape, a closed pipe.

use std::io::Read;
use std::process::Stdio;

use crate::common::{json_lines, vngov};
use crate::schema::{assert_valid, validator};

const GOOD: &str = "corpus/seeds/000_9ae388485cf6bdf1.txt";

#[test]
fn a_missing_path_among_good_ones_is_an_error_record() {
    let out = vngov()
        .args([
            "extract",
            "--quiet",
            GOOD,
            "no/such/file.txt",
            "corpus/cases",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let recs = json_lines(&out.stdout);
    assert!(recs.len() > 2, "{recs:?}");
    assert!(recs[0].get("error").is_none());
    let e = &recs[1];
    assert_eq!(e["error"]["kind"], "io");
    assert_eq!(e["source"]["path"], "no/such/file.txt");
    assert_eq!(e["error"]["message"], "no such file or directory");
    assert_valid(&validator(), e);
    assert!(recs[2..].iter().all(|r| r.get("error").is_none()));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no/such/file.txt: no such file or directory"),
        "{stderr}"
    );
}

#[test]
fn an_output_that_cannot_be_written_is_refused_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    let a_file = dir.path().join("file.txt");
    std::fs::write(&a_file, "x").unwrap();
    for target in [
        dir.path().to_path_buf(),
        dir.path().join("sub"),
        dir.path().join("no/such/dir/out.jsonl"),
        a_file.join("out.jsonl"),
    ] {
        if target.ends_with("sub") {
            std::fs::create_dir(&target).unwrap();
        }
        let out = vngov()
            .args(["extract", "--no-progress", "corpus", "-o"])
            .arg(&target)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", target.display());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !stderr.contains("documents"),
            "{}: work started: {stderr}",
            target.display()
        );
    }
    let mut left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["file.txt", "sub"], "nothing is left behind");
    assert!(!dir.path().with_extension("partial").exists());
    assert_eq!(
        std::fs::read_dir(dir.path().join("sub")).unwrap().count(),
        0
    );
}

#[test]
fn utf8_with_a_few_bad_bytes_is_read_as_utf8_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read(GOOD).unwrap();
    let at = text.len() / 2;
    let at = (at..).find(|&i| text[i] == b' ').unwrap();
    let mut damaged = text[..at].to_vec();
    damaged.extend_from_slice(b"\xFF\xFE\xFD\xFC");
    damaged.extend_from_slice(&text[at..]);
    let path = dir.path().join("damaged.txt");
    std::fs::write(&path, &damaged).unwrap();
    let out = vngov()
        .args(["extract", "--quiet", GOOD])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let recs = json_lines(&out.stdout);
    let (clean, rec) = (&recs[0], &recs[1]);
    assert_eq!(rec["source"]["encoding"], "utf-8");
    let warning = rec["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "invalid_utf8")
        .expect("a warning names the bad bytes");
    let message = warning["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("at byte {}-{}", at, at + 3)),
        "{message}"
    );
    assert!(rec["text"].as_str().unwrap().contains('\u{FFFD}'));
    // The rest of the document reads as it did.
    for field in ["tasks", "documents", "meetings"] {
        assert_eq!(
            rec[field].as_array().unwrap().len(),
            clean[field].as_array().unwrap().len(),
            "{field}"
        );
    }
    assert_valid(&validator(), rec);
}

#[test]
fn a_stray_control_character_is_read_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("word.txt");
    std::fs::write(
        &path,
        "Thông báo số 295/TB-UBND\x03 ngày 25/12/2018 của UBND tỉnh.\x04\n".as_bytes(),
    )
    .unwrap();
    let out = vngov()
        .args(["extract", "--quiet"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let recs = json_lines(&out.stdout);
    assert_eq!(recs[0]["documents"][0]["number"], "295/TB-UBND");
    let codes: Vec<&str> = recs[0]["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"control_character"), "{codes:?}");
    assert_valid(&validator(), &recs[0]);
}

#[test]
fn json_lines_of_the_wrong_shape_are_not_taken_silently() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.jsonl");
    std::fs::write(
        &path,
        concat!(
            r#"{"text": 42, "id": "a"}"#,
            "\n",
            r#"{"text": "Thông báo số 295/TB-UBND.", "published": 20181225}"#,
            "\n",
            r#"{"text": "Thông báo số 295/TB-UBND.", "published": "hôm qua"}"#,
            "\n",
        ),
    )
    .unwrap();
    let out = vngov()
        .args(["extract", "--quiet"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let recs = json_lines(&out.stdout);
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[0]["error"]["kind"], "input");
    assert!(
        recs[0]["error"]["message"]
            .as_str()
            .unwrap()
            .contains(r#"field "text" is a number"#),
        "{}",
        recs[0]
    );
    for rec in &recs[1..] {
        assert_eq!(rec["published"], serde_json::Value::Null);
        assert!(
            rec["warnings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|w| w["code"] == "published_ignored"),
            "{rec}"
        );
    }
    let v = validator();
    for rec in &recs {
        assert_valid(&v, rec);
    }
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let mut child = vngov()
        .args([
            "extract",
            "--no-progress",
            "-j",
            "1",
            "corpus",
            "corpus",
            "corpus",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read one line, as `head -1` does, and close the pipe.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = Vec::new();
    let mut byte = [0u8];
    while stdout.read(&mut byte).unwrap() == 1 && byte[0] != b'\n' {
        first.push(byte[0]);
    }
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert!(!first.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?}: {stderr}", out.status);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
        "{stderr}"
    );
}
