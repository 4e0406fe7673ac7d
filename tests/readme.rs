//! The README's worked examples show what the tool prints today: the summary line
//! of the first command, the record laid out in "A worked example", and the tasks
//! of "Directives: a worked example".

use serde_json::Value;

use crate::common::{corpus_documents, json_lines, run};

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

/// The body of the first fenced block of `lang` after the heading `heading`.
fn block_after(readme: &str, heading: &str, lang: &str) -> String {
    let at = readme
        .find(heading)
        .unwrap_or_else(|| panic!("README has {heading:?}"));
    let fence = format!("```{lang}\n");
    let start = at + readme[at..].find(&fence).expect("a fenced block") + fence.len();
    let end = start + readme[start..].find("```").expect("a closed block");
    readme[start..end].to_string()
}

/// Whether the README's value `shown` stands for `real`: equal, or a string cut
/// short with "…" that starts the real one, or an object whose every shown field
/// stands for the real one's.
fn shows(shown: &Value, real: &Value) -> bool {
    match (shown, real) {
        (Value::String(s), Value::String(r)) => match s.strip_suffix('…') {
            Some(head) => r.starts_with(head),
            None => s == r,
        },
        (Value::Object(s), Value::Object(r)) => s
            .iter()
            .all(|(k, v)| r.get(k).is_some_and(|rv| shows(v, rv))),
        (Value::Array(s), Value::Array(r)) => {
            s.len() == r.len() && s.iter().zip(r).all(|(a, b)| shows(a, b))
        }
        _ => shown == real,
    }
}

#[test]
fn the_summary_line_counts_the_corpus() {
    let readme = readme();
    let n = corpus_documents().len();
    assert!(
        readme.contains(&format!("(`{n} documents, {n} records, 0 errors,")),
        "README's first command should report {n} documents"
    );
}

#[test]
fn the_worked_example_is_the_records_output() {
    let readme = readme();
    let shown: Value = serde_json::from_str(&block_after(&readme, "## A worked example", "json"))
        .expect("the laid-out record is JSON");
    let out = run(&["extract", "corpus/cases/notice-with-portal-clock.txt"]);
    let real = &json_lines(&out.stdout)[0];
    for (key, value) in shown.as_object().unwrap() {
        let r = &real[key];
        match value {
            // Lists are shown in part: every item shown is one of the record's.
            Value::Array(items) => {
                for item in items {
                    assert!(
                        r.as_array()
                            .is_some_and(|all| all.iter().any(|x| shows(item, x))),
                        "README's {key} item is not in the record: {item}\nrecord: {r}"
                    );
                }
            }
            _ => assert!(
                shows(value, r),
                "README's {key} is {value}, the record's {r}"
            ),
        }
    }
    let count = |k: &str| real[k].as_array().map_or(0, Vec::len);
    let said = format!(
        "the full record has {} dates, {} documents and {} percentages",
        count("dates"),
        count("documents"),
        count("percentages")
    );
    assert!(
        readme.replace('\n', " ").contains(&said),
        "README should say: {said}"
    );
}

#[test]
fn the_directives_example_is_the_records_tasks() {
    let readme = readme();
    let shown = block_after(&readme, "## Directives: a worked example", "json");
    let out = run(&["extract", "corpus/seeds/004_cc1a0a1fd34ed451.txt"]);
    let real = &json_lines(&out.stdout)[0];
    // The projection of the README's jq command.
    let got: Vec<Value> = real["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let action: String = t["action"].as_str().unwrap().chars().take(70).collect();
            serde_json::json!({
                "assignee": t["assignee"],
                "assignee_kind": t["assignee_kind"],
                "deadline": t["deadline"],
                "deadline_text": t["deadline_text"],
                "action": action,
                "coordinate_with": t["coordinate_with"],
                "report_to": t["report_to"],
            })
        })
        .collect();
    let want: Vec<Value> = shown
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(got, want);
}
