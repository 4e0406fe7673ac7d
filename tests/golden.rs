//! Golden files: every document under `corpus/` has its expected record beside it
//! (`NAME.expected.json`). Run with `VNGOV_BLESS=1` to rewrite them after a deliberate
//! change, then review the diff.

use std::path::Path;

use crate::common::{corpus_documents, json_lines, run};

#[test]
fn corpus_records_match_golden_files() {
    let docs = corpus_documents();
    assert!(docs.len() >= 5, "corpus/ holds the seed documents");
    let out = run(&["extract", "--quiet", "corpus"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records = json_lines(&out.stdout);
    assert_eq!(records.len(), docs.len());
    let bless = std::env::var_os("VNGOV_BLESS").is_some();
    let mut failures = Vec::new();
    for (doc, rec) in docs.iter().zip(&records) {
        assert_eq!(
            rec["source"]["path"],
            doc.to_string_lossy().as_ref(),
            "input order is kept"
        );
        let golden =
            Path::new(env!("CARGO_MANIFEST_DIR")).join(doc.with_extension("expected.json"));
        let pretty = serde_json::to_string_pretty(rec).unwrap() + "\n";
        if bless {
            std::fs::write(&golden, &pretty).unwrap();
            continue;
        }
        let Ok(expected) = std::fs::read_to_string(&golden) else {
            failures.push(format!(
                "{}: no golden file (run with VNGOV_BLESS=1)",
                doc.display()
            ));
            continue;
        };
        let mut expected: serde_json::Value = serde_json::from_str(&expected).unwrap();
        // The version is the record format's, checked against the library's own,
        // and the text's digest is checked against the text; a golden file is
        // about the facts, and is blessed again when they change.
        assert_eq!(rec["schema_version"], vngov_record::SCHEMA_VERSION);
        expected["schema_version"] = rec["schema_version"].clone();
        let text = rec["text"].as_str().unwrap_or_default();
        let digest = sha256_hex(text.as_bytes());
        assert_eq!(rec["source"]["content_sha256"], digest.as_str());
        expected["source"]["content_sha256"] = digest.into();
        if &expected != rec {
            failures.push(format!(
                "{}: {}",
                doc.display(),
                first_difference(&expected, rec, "")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "records differ from golden files:\n{}",
        failures.join("\n")
    );
}

/// A readable pointer to the first place two JSON values differ.
fn first_difference(a: &serde_json::Value, b: &serde_json::Value, path: &str) -> String {
    use serde_json::Value::{Array, Object};
    match (a, b) {
        (Object(x), Object(y)) => {
            for k in x.keys().chain(y.keys()) {
                if x.get(k) != y.get(k) {
                    return match (x.get(k), y.get(k)) {
                        (Some(p), Some(q)) => first_difference(p, q, &format!("{path}/{k}")),
                        (p, q) => format!("{path}/{k}: expected {p:?}, got {q:?}"),
                    };
                }
            }
            String::new()
        }
        (Array(x), Array(y)) => {
            for (i, (p, q)) in x.iter().zip(y).enumerate() {
                if p != q {
                    return first_difference(p, q, &format!("{path}/{i}"));
                }
            }
            format!("{path}: expected {} items, got {}", x.len(), y.len())
        }
        _ => format!("{path}: expected {a}, got {b}"),
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
