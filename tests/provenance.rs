//! Every record leads back to its input: the line and the line's own `id` of a
//! JSON Lines document, one id per document however its path is written and
//! never one for two documents, and a digest of the text for finding duplicates.

use crate::common::{json_lines, vngov};
use crate::schema::{assert_valid, validator};

const SEED: &str = "corpus/seeds/000_9ae388485cf6bdf1.txt";

fn records(args: &[&str]) -> Vec<serde_json::Value> {
    let out = vngov()
        .args(["extract", "--quiet"])
        .args(args)
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)));
    json_lines(&out.stdout)
}

fn id_of(recs: &[serde_json::Value], path_end: &str) -> String {
    recs.iter()
        .find(|r| r["source"]["path"].as_str().unwrap().ends_with(path_end))
        .unwrap_or_else(|| panic!("no record of {path_end}"))["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn json_lines_keep_their_line_and_id_and_ids_stay_unique() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tin.jsonl");
    std::fs::write(
        &path,
        concat!(
            r#"{"id": "tb-1", "text": "Thông báo số 295/TB-UBND."}"#,
            "\n\n",
            r#"{"id": "tb-1", "text": "Thông báo số 296/TB-UBND."}"#,
            "\n",
            r#"{"id": "tb-2", "text": 42}"#,
            "\n",
        ),
    )
    .unwrap();
    let recs = records(&[path.to_str().unwrap()]);
    assert_eq!(recs.len(), 3);
    let lines: Vec<_> = recs.iter().map(|r| r["source"]["line"].clone()).collect();
    assert_eq!(lines, [1, 3, 4]);
    let ids: Vec<_> = recs
        .iter()
        .map(|r| r["source"]["input_id"].clone())
        .collect();
    assert_eq!(ids, ["tb-1", "tb-1", "tb-2"]);
    assert_ne!(recs[0]["id"], recs[1]["id"], "two lines, two ids");
    assert_eq!(recs[2]["error"]["kind"], "input");
    let v = validator();
    for r in &recs {
        assert_valid(&v, r);
    }
}

#[test]
fn one_file_has_one_id_however_its_path_is_written() {
    let root = env!("CARGO_MANIFEST_DIR");
    let absolute = format!("{root}/{SEED}");
    let dotted = format!("./{SEED}");
    let name = SEED.rsplit('/').next().unwrap();
    let mut ids = Vec::new();
    for args in [
        vec![SEED],
        vec![dotted.as_str()],
        vec![absolute.as_str()],
        vec!["corpus/seeds/"],
        vec!["corpus//seeds"],
        vec!["corpus/cases/../seeds"],
    ] {
        ids.push(id_of(&records(&args), name));
    }
    assert!(ids.iter().all(|id| *id == ids[0]), "{ids:?}");
}

#[test]
fn the_text_digest_finds_the_same_text_in_two_files() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read(SEED).unwrap();
    std::fs::write(dir.path().join("a.txt"), &text).unwrap();
    // The same text with a byte-order mark: other bytes, the same text.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(&text);
    std::fs::write(dir.path().join("b.txt"), &bom).unwrap();
    let recs = records(&[dir.path().to_str().unwrap()]);
    assert_eq!(recs.len(), 2);
    assert_ne!(recs[0]["id"], recs[1]["id"]);
    assert_ne!(recs[0]["source"]["sha256"], recs[1]["source"]["sha256"]);
    assert_eq!(
        recs[0]["source"]["content_sha256"],
        recs[1]["source"]["content_sha256"]
    );
    use sha2::Digest;
    let digest: String = sha2::Sha256::digest(recs[0]["text"].as_str().unwrap().as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(recs[0]["source"]["content_sha256"], digest.as_str());
}
