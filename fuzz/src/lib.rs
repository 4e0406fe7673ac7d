//! What every fuzz target checks of the records it makes: they meet the schema in
//! `schemas/`, and every fact's words are the words its span points at.

use std::sync::LazyLock;

use serde_json::Value;
use vngov_pipeline::Settings;
use vngov_record::Output;

static SCHEMA: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    let schema: Value =
        serde_json::from_str(vngov_record::JSON_SCHEMA).expect("the schema is JSON");
    jsonschema::draft202012::new(&schema).expect("the schema is a valid 2020-12 schema")
});

/// Settings for fuzzing: no OCR (a child process per scan), small size limits so
/// that a run is spent on shapes rather than sizes.
pub fn settings() -> Settings {
    Settings {
        max_bytes: 1 << 20,
        docs: vngov_pipeline::docs::options(true),
        ..Settings::default()
    }
}

/// Panics unless `out` meets the schema and its spans point at its text.
/// `input_chars`: the length of the document as read, when the caller knows it.
pub fn check(out: &Output, input_chars: Option<usize>) {
    let v = serde_json::to_value(out).expect("a record serializes");
    let errors: Vec<String> = SCHEMA
        .iter_errors(&v)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "record breaks the schema: {errors:?}");
    if let Output::Record(r) = out {
        let chars: Vec<char> = r.text.chars().collect();
        let facts = [
            "dates",
            "documents",
            "percentages",
            "meetings",
            "people",
            "tasks",
            "organizations",
            "published_evidence",
            "province_evidence",
        ];
        for field in facts {
            walk(&v[field], &chars, &r.text, input_chars);
        }
    }
}

/// Every object with a `span` and a `text` holds the words of `text[span]`; its
/// `source_span` is ordered and inside the input; its `evidence` is in the text.
fn walk(v: &Value, chars: &[char], text: &str, input_chars: Option<usize>) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| walk(i, chars, text, input_chars)),
        Value::Object(o) => {
            if let (Some(span), Some(Value::String(words))) = (o.get("span"), o.get("text")) {
                let (s, e) = pair(span);
                assert!(
                    s <= e && e <= chars.len(),
                    "span {s}..{e} outside {}",
                    chars.len()
                );
                let at: String = chars[s..e].iter().collect();
                assert_eq!(&at, words, "span {s}..{e} does not hold the fact's words");
            }
            if let Some(span) = o.get("source_span") {
                let (s, e) = pair(span);
                assert!(s <= e, "source span {s}..{e} reversed");
                if let Some(n) = input_chars {
                    assert!(e <= n, "source span {s}..{e} outside the input ({n})");
                }
            }
            if let Some(Value::String(sentence)) = o.get("evidence") {
                assert!(
                    text.contains(sentence.as_str()),
                    "evidence not in the text: {sentence:?}"
                );
            }
            o.values().for_each(|x| walk(x, chars, text, input_chars));
        }
        _ => {}
    }
}

fn pair(span: &Value) -> (usize, usize) {
    let n = |i: usize| span[i].as_u64().expect("a span holds two offsets") as usize;
    (n(0), n(1))
}

/// Reads `bytes` as the container `name` names (`.jsonl`, `.warc`, `.arc`) and
/// checks every record and error record it gives.
pub fn read_container(name: &str, bytes: &[u8]) {
    let options = vngov_pipeline::Options {
        max_bytes: 1 << 20,
        ..Default::default()
    };
    let sources = vngov_pipeline::Sources::from_bytes(name.to_string(), bytes.to_vec(), options)
        .expect("in-memory input is always accepted");
    let settings = settings();
    for item in sources.take(64) {
        check(&vngov_pipeline::process_item(item, &settings), None);
    }
}
