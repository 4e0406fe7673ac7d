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
