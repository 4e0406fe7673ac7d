//! The record contract: every record the corpus produces, and every kind of error
//! record, validates against `schemas/record.schema.json`; and the records decode
//! into this test's own types, an independent check of the field names.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::common::{json_lines, run, vngov};

pub(crate) fn validator() -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/record.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::draft202012::new(&schema).expect("the schema is a valid 2020-12 schema")
}

pub(crate) fn assert_valid(v: &jsonschema::Validator, rec: &serde_json::Value) {
    let errors: Vec<String> = v
        .iter_errors(rec)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{}: {}",
        rec["source"]["path"],
        errors.join("; ")
    );
}

/// The fields downstream code relies on, decoded without the library's types.
#[derive(Deserialize)]
#[allow(dead_code)]
struct Record {
    schema_version: String,
    id: String,
    source: Source,
    title: Option<String>,
    published: Option<String>,
    province: Option<String>,
    text: String,
    dates: Vec<Fact>,
    documents: Vec<Document>,
    percentages: Vec<Percentage>,
    meetings: Vec<serde_json::Value>,
    people: Vec<serde_json::Value>,
    tasks: Vec<serde_json::Value>,
    organizations: Vec<serde_json::Value>,
    warnings: Vec<serde_json::Value>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Source {
    path: Option<String>,
    url: Option<String>,
}

#[derive(Deserialize)]
struct Fact {
    text: String,
    span: (usize, usize),
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Document {
    number: String,
    type_code: Option<String>,
    r#type: Option<String>,
    issuer_code: Option<String>,
    year: Option<i32>,
    issued: Option<String>,
    text: String,
    span: (usize, usize),
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Percentage {
    value: f64,
    text: String,
    span: (usize, usize),
}

#[test]
fn corpus_records_validate_and_spans_point_at_their_text() {
    let out = run(&["extract", "--quiet", "corpus"]);
    assert!(out.status.success());
    let v = validator();
    let records = json_lines(&out.stdout);
    assert!(!records.is_empty());
    for rec in &records {
        assert_valid(&v, rec);
        assert_spans_point_at_text(rec);
    }
}

/// Decodes a record into the contract's own types and checks that its spans
/// point at its facts' words.
fn assert_spans_point_at_text(rec: &serde_json::Value) {
    let r: Record = serde_json::from_value(rec.clone()).expect("decodes into the contract's types");
    let chars: Vec<char> = r.text.chars().collect();
    let at = |(s, e): (usize, usize)| {
        assert!(
            s <= e && e <= chars.len(),
            "{:?}: span {s}..{e} out of the text",
            r.source.path
        );
        chars[s..e].iter().collect::<String>()
    };
    for f in &r.dates {
        assert_eq!(at(f.span), f.text);
    }
    for d in &r.documents {
        assert_eq!(at(d.span), d.text);
    }
    for p in &r.percentages {
        assert_eq!(at(p.span), p.text);
    }
}

/// The folders of inputs of the shared material beside the repository
/// (`../shared`, or `$VNGOV_SHARED`), those present; `None` without it.
pub(crate) fn shared_inputs() -> Option<Vec<PathBuf>> {
    let root = match std::env::var_os("VNGOV_SHARED") {
        Some(p) => PathBuf::from(p),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
    };
    if !root.is_dir() {
        eprintln!(
            "{}: absent, the shared material is not checked",
            root.display()
        );
        return None;
    }
    let folders = ["seeds", "dev", "dev2", "html", "legacy", "pdf", "bank"]
        .iter()
        .map(|f| root.join("corpus").join(f))
        .chain([root.join("peers")]);
    Some(folders.filter(|p| p.is_dir()).collect())
}

/// Every record made from the shared material (all corpora, web pages, legacy
/// documents, PDF and Word files, the bank of excerpts, the peers' archives)
/// validates, and its spans point at its text. Error records (a scan without
/// OCR, a damaged archive) must validate too.
#[test]
fn shared_material_records_validate() {
    let Some(folders) = shared_inputs() else {
        return;
    };
    let out = vngov()
        .args(["extract", "--quiet", "--no-progress"])
        .args(&folders)
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = validator();
    let records = json_lines(&out.stdout);
    let mut failures = Vec::new();
    for rec in &records {
        let errors: Vec<String> = v
            .iter_errors(rec)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .take(3)
            .collect();
        if !errors.is_empty() {
            failures.push(format!("{}: {}", rec["source"]["path"], errors.join("; ")));
        }
        if rec.get("error").is_none() {
            assert_spans_point_at_text(rec);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} records fail the schema:\n{}",
        failures.len(),
        records.len(),
        failures.join("\n")
    );
    // Every folder gave records: none was passed over whole.
    for folder in &folders {
        let name = folder.file_name().unwrap().to_string_lossy().to_string();
        assert!(
            records.iter().any(|r| r["source"]["path"]
                .as_str()
                .is_some_and(|p| p.contains(&format!("/{name}/")))),
            "no record from {}",
            folder.display()
        );
    }
}

#[test]
fn error_records_validate() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("binary.txt"), b"\x00\x01\x02\x03").unwrap();
    std::fs::write(dir.path().join("odd-utf16.txt"), b"\xFF\xFEa").unwrap();
    std::fs::write(dir.path().join("big.txt"), "a".repeat(2000)).unwrap();
    let out = vngov()
        .args(["extract", "--quiet", "--max-bytes", "1000"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v = validator();
    let records = json_lines(&out.stdout);
    let kinds: Vec<&str> = records
        .iter()
        .map(|r| r["error"]["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, vec!["too_large", "decode", "decode"]);
    for rec in &records {
        assert_valid(&v, rec);
    }
}
