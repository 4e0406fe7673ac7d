//! Bad input costs only itself.

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
