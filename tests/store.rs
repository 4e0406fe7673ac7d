//! The store from the command line: `extract --db`, `db load`, and the
//! questions `tasks`, `meetings`, `documents`.

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::{json, Value};

use crate::common::{json_lines, run, vngov};

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "vngov failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// A record as `vngov extract` writes it, with the directives given: `(assignee
/// as written, canonical, words of the directive in the text, deadline)`, and the
/// bodies named `(canonical, forms)`.
pub fn record(
    path: &str,
    text: &str,
    published: &str,
    province: &str,
    tasks: &[(&str, &str, &str, Option<&str>)],
    bodies: &[(&str, &[&str])],
) -> Value {
    let span = |words: &str| {
        let b = text
            .find(words)
            .unwrap_or_else(|| panic!("{words:?} is not in the text"));
        let s = text[..b].chars().count();
        json!([s, s + words.chars().count()])
    };
    let sentence = |words: &str| {
        let b = text.find(words).unwrap();
        let from = text[..b].rfind(['.', '\n']).map_or(0, |i| i + 1);
        let to = text[b..]
            .find(['.', '\n'])
            .map_or(text.len(), |i| b + i + 1);
        text[from..to].trim().to_string()
    };
    let tasks: Vec<Value> = tasks
        .iter()
        .map(|(written, canonical, words, deadline)| {
            json!({
                "assigner": "Ủy ban nhân dân tỉnh", "assignee": canonical, "assignee_text": written,
                "assignee_kind": "body",
                "action": words[words.find(written).unwrap() + written.len()..].trim(),
                "deadline": deadline, "deadline_precision": deadline.map(|_| "day"),
                "deadline_text": deadline.map(|_| words[words.rfind("trước").unwrap()..].to_string()),
                "coordinate_with": [], "report_to": null, "rule": "tests/given",
                "text": words, "span": span(words), "source_span": span(words), "evidence": sentence(words),
            })
        })
        .collect();
    let organizations: Vec<Value> = bodies
        .iter()
        .map(|(name, forms)| {
            let first = forms[0];
            json!({
                "name": name, "kind": "department", "forms": forms,
                "mentions": [{"text": first, "span": span(first), "source_span": span(first)}],
                "text": first, "span": span(first), "source_span": span(first), "evidence": sentence(first),
            })
        })
        .collect();
    let id = format!(
        "{:016x}",
        path.bytes()
            .fold(0u64, |h, b| h.wrapping_mul(31) ^ b as u64)
    );
    json!({
        "schema_version": "1.1", "id": id, "source": {"path": path, "format": "text"},
        "title": text.lines().next(), "published": published, "published_evidence": null,
        "province": province, "province_evidence": null, "text": text,
        "dates": [], "documents": [], "percentages": [], "meetings": [], "people": [],
        "tasks": tasks, "organizations": organizations, "warnings": [],
    })
}

const LAO_CAI: &str = "Lào Cai: kết luận về chuyển đổi số\nUBND tỉnh yêu cầu Sở TT&TT hoàn thành kế hoạch chuyển đổi số, báo cáo trước ngày 25/02/2024. Sở Y tế triển khai bệnh án điện tử tại Đà Nẵng trước ngày 30/6/2024.\n";
const BINH_DINH: &str = "Bình Định: kết luận về hạ tầng\nUBND tỉnh yêu cầu Sở Thông tin và Truyền thông rà soát hạ tầng kỹ thuật.\n";

fn lao_cai() -> Value {
    record(
        "lao-cai.txt",
        LAO_CAI,
        "2024-01-15",
        "Lào Cai",
        &[
            (
                "Sở TT&TT",
                "Sở Thông tin và Truyền thông",
                "Sở TT&TT hoàn thành kế hoạch chuyển đổi số, báo cáo trước ngày 25/02/2024",
                Some("2024-02-25"),
            ),
            (
                "Sở Y tế",
                "Sở Y tế",
                "Sở Y tế triển khai bệnh án điện tử tại Đà Nẵng trước ngày 30/6/2024",
                Some("2024-06-30"),
            ),
        ],
        &[
            ("Sở Thông tin và Truyền thông", &["Sở TT&TT"]),
            ("Sở Y tế", &["Sở Y tế"]),
        ],
    )
}

fn binh_dinh() -> Value {
    record(
        "binh-dinh.txt",
        BINH_DINH,
        "2019-06-05",
        "Bình Định",
        &[(
            "Sở Thông tin và Truyền thông",
            "Sở Thông tin và Truyền thông",
            "Sở Thông tin và Truyền thông rà soát hạ tầng kỹ thuật",
            None,
        )],
        &[(
            "Sở Thông tin và Truyền thông",
            &["Sở Thông tin và Truyền thông"],
        )],
    )
}

fn write_jsonl(path: &Path, records: &[Value]) {
    let mut s = String::new();
    for r in records {
        s += &r.to_string();
        s.push('\n');
    }
    std::fs::write(path, s).unwrap();
}

/// A database holding the two records above, in a new directory.
fn two_records() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let records = dir.path().join("records.jsonl");
    write_jsonl(&records, &[lao_cai(), binh_dinh()]);
    let db = dir.path().join("facts.db");
    ok(&run(&[
        "db",
        "load",
        records.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]));
    (dir, db)
}

fn tasks_json(db: &Path, filters: &[&str]) -> Vec<Value> {
    let mut args = vec!["tasks", "--db", db.to_str().unwrap(), "--json"];
    args.extend_from_slice(filters);
    json_lines(ok(&run(&args)).as_bytes())
}

#[test]
fn loading_twice_changes_nothing_and_a_changed_document_replaces_its_facts() {
    let dir = tempfile::tempdir().unwrap();
    let records = dir.path().join("records.jsonl");
    write_jsonl(&records, &[lao_cai(), binh_dinh()]);
    let db = dir.path().join("facts.db");
    let (r, d) = (records.to_str().unwrap(), db.to_str().unwrap());
    let first = run(&["db", "load", r, "--db", d]);
    ok(&first);
    assert!(
        String::from_utf8_lossy(&first.stderr).starts_with(
            "2 lines, 2 records (2 new, 0 replaced, 0 unchanged), 0 error records; 0 bad lines"
        ),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let before = tasks_json(&db, &[]);
    let bytes = std::fs::read(&db).unwrap();
    let again = run(&["db", "load", r, "--db", d]);
    ok(&again);
    assert!(
        String::from_utf8_lossy(&again.stderr)
            .contains("2 records (0 new, 0 replaced, 2 unchanged)"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert_eq!(tasks_json(&db, &[]), before);
    // Only the log of runs changed: the same number of pages.
    assert_eq!(std::fs::read(&db).unwrap().len(), bytes.len());
    // No write-ahead log is left beside the database.
    assert!(!dir.path().join("facts.db-wal").exists());

    // Lào Cai's notice, corrected: one directive, to Sở Y tế only.
    let text = LAO_CAI.replace(
        "Sở TT&TT hoàn thành kế hoạch chuyển đổi số, báo cáo trước ngày 25/02/2024. ",
        "",
    );
    let changed = record(
        "lao-cai.txt",
        &text,
        "2024-01-15",
        "Lào Cai",
        &[(
            "Sở Y tế",
            "Sở Y tế",
            "Sở Y tế triển khai bệnh án điện tử tại Đà Nẵng trước ngày 30/6/2024",
            Some("2024-06-30"),
        )],
        &[("Sở Y tế", &["Sở Y tế"])],
    );
    write_jsonl(&records, &[changed]);
    let third = run(&["db", "load", r, "--db", d]);
    ok(&third);
    assert!(String::from_utf8_lossy(&third.stderr).contains("(0 new, 1 replaced, 0 unchanged)"));
    let after = tasks_json(&db, &[]);
    let names: Vec<&str> = after
        .iter()
        .map(|t| t["assignee"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Sở Y tế", "Sở Thông tin và Truyền thông"]);
    assert!(tasks_json(&db, &["--search", "chuyen doi so"]).is_empty());
}

#[test]
fn bad_lines_are_reported_and_the_rest_is_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let records = dir.path().join("records.jsonl");
    let mut s = lao_cai().to_string();
    s += "\n{\"not\": \"a record\"}\n{broken\n";
    s += &binh_dinh().to_string();
    s += "\n";
    std::fs::write(&records, s).unwrap();
    let out = run(&[
        "db",
        "load",
        records.to_str().unwrap(),
        "--db",
        dir.path().join("f.db").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 2: not a vngov record"), "{err}");
    assert!(err.contains("line 3: not JSON"), "{err}");
    assert!(err.contains("4 lines, 2 records (2 new"), "{err}");
}

#[test]
fn folded_and_abbreviated_names_find_the_same_directives() {
    let (_dir, db) = two_records();
    let both = tasks_json(&db, &["--assignee", "Sở Thông tin và Truyền thông"]);
    assert_eq!(both.len(), 2);
    for q in [
        "Sở TT&TT",
        "so thong tin va truyen thong",
        "SỞ TT&TT",
        "sở tt&tt",
    ] {
        assert_eq!(tasks_json(&db, &["--assignee", q]), both, "--assignee {q}");
    }
    for q in ["so thong tin va truyen thong", "Sở TT&TT"] {
        assert_eq!(tasks_json(&db, &["--search", q]), both, "--search {q}");
    }
    let da_nang = tasks_json(&db, &["--search", "da nang"]);
    assert_eq!(da_nang.len(), 1);
    assert_eq!(da_nang, tasks_json(&db, &["--search", "ĐÀ NẴNG"]));
    assert_eq!(da_nang[0]["assignee"], "Sở Y tế");
    // Evidence travels with every answer.
    assert_eq!(
        da_nang[0]["evidence"],
        "Sở Y tế triển khai bệnh án điện tử tại Đà Nẵng trước ngày 30/6/2024."
    );
    assert_eq!(da_nang[0]["path"], "lao-cai.txt");
}

#[test]
fn overdue_is_judged_on_the_day_given() {
    let (_dir, db) = two_records();
    let d = db.to_str().unwrap();
    let table = ok(&run(&[
        "tasks",
        "--db",
        d,
        "--overdue",
        "--as-of",
        "2024-03-01",
    ]));
    assert_eq!(
        table,
        "DEADLINE    STATUS   ASSIGNEE                      ACTION                                                            PUBLISHED   DOCUMENT\n\
         ──────────  ───────  ────────────────────────────  ────────────────────────────────────────────────────────────────  ──────────  ────────────────\n\
         2024-02-25  overdue  Sở Thông tin và Truyền thông  hoàn thành kế hoạch chuyển đổi số, báo cáo trước ngày 25/02/2024  2024-01-15  0a31c4b5b1bd91a1\n\
         1 directive, statuses as of 2024-03-01\n"
            .replace("0a31c4b5b1bd91a1", lao_cai()["id"].as_str().unwrap())
    );
    assert!(tasks_json(&db, &["--overdue", "--as-of", "2024-02-25"]).is_empty());
    assert_eq!(
        tasks_json(&db, &["--overdue", "--as-of", "01/07/2024"]).len(),
        2
    );
    let all = tasks_json(&db, &["--as-of", "2024-03-01"]);
    let statuses: Vec<&str> = all.iter().map(|t| t["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["overdue", "upcoming", "no_deadline"]);
    let bad = run(&["tasks", "--db", d, "--as-of", "tomorrow"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a date"));
}

#[test]
fn each_filter_narrows_the_answer() {
    let (_dir, db) = two_records();
    let n = |f: &[&str]| tasks_json(&db, f).len();
    assert_eq!(n(&[]), 3);
    assert_eq!(n(&["--due-before", "2024-03"]), 1);
    assert_eq!(n(&["--due-after", "2024-02-25"]), 1);
    assert_eq!(n(&["--province", "binh dinh"]), 1);
    assert_eq!(n(&["--province", "Lào Cai"]), 2);
    assert_eq!(n(&["--since", "2020"]), 2);
    assert_eq!(n(&["--until", "2019"]), 1);
    assert_eq!(n(&["--assigner", "UBND tỉnh"]), 3);
    assert_eq!(n(&["--assigner", "Bộ Y tế"]), 0);
    assert_eq!(n(&["--cites", "1072/QĐ-TTg"]), 0);
    assert_eq!(n(&["--limit", "2"]), 2);
    // CSV: a header and a line per directive.
    let csv = ok(&run(&["tasks", "--db", db.to_str().unwrap(), "--csv"]));
    let mut lines = csv.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("task_id,group_id,reports,status,assigner,assignee,"));
    assert_eq!(lines.count(), 3);
}

#[test]
fn extract_writes_the_database_and_the_questions_answer_from_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("facts.db");
    let d = db.to_str().unwrap();
    let out = run(&["extract", "corpus", "--db", d]);
    let err = String::from_utf8_lossy(&out.stderr);
    ok(&out);
    assert!(
        out.stdout.is_empty(),
        "with --db alone, nothing goes to standard output"
    );
    assert!(
        err.contains(&format!(
            "{d}: 11 records (11 new, 0 replaced, 0 unchanged)"
        )),
        "{err}"
    );
    // The same facts as the JSON Lines.
    let records = json_lines(ok(&run(&["extract", "corpus", "-q"])).as_bytes());
    let tasks: usize = records
        .iter()
        .map(|r| r["tasks"].as_array().unwrap().len())
        .sum();
    assert_eq!(tasks_json(&db, &[]).len(), tasks);
    let cited = json_lines(
        ok(&run(&[
            "documents",
            "--db",
            d,
            "--cites",
            "1072/QD-TTg",
            "--json",
        ]))
        .as_bytes(),
    );
    let citing = records
        .iter()
        .filter(|r| {
            r["documents"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["number"] == "1072/QĐ-TTg")
        })
        .count();
    assert_eq!(cited.len(), citing);
    assert!(cited[0]["citation"]["evidence"]
        .as_str()
        .unwrap()
        .contains("1072/QĐ-TTg"));
    let chair = records
        .iter()
        .flat_map(|r| r["meetings"].as_array().unwrap().clone())
        .flat_map(|m| m["chairs"].as_array().unwrap().clone())
        .next()
        .expect("a chaired meeting in the corpus");
    let name = chair["name"].as_str().unwrap();
    let meetings = json_lines(
        ok(&run(&[
            "meetings",
            "--db",
            d,
            "--chair",
            &vngov_text::fold(name),
            "--json",
        ]))
        .as_bytes(),
    );
    assert!(!meetings.is_empty());
    assert!(meetings.iter().all(|m| m["chairs"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["name"] == name)));
    // Extracting again changes nothing.
    let again = run(&["extract", "corpus", "--db", d]);
    assert!(String::from_utf8_lossy(&again.stderr).contains("(0 new, 0 replaced, 11 unchanged)"));
}

/// `n` copies of the corpus's records under new ids, as JSON Lines.
fn many_records(dir: &Path, n: usize) -> PathBuf {
    let records = json_lines(ok(&run(&["extract", "corpus", "-q"])).as_bytes());
    let path = dir.join("many.jsonl");
    let mut s = String::new();
    for i in 0..n {
        let mut r = records[i % records.len()].clone();
        r["id"] = json!(format!("{i:016x}"));
        s += &r.to_string();
        s.push('\n');
    }
    std::fs::write(&path, s).unwrap();
    path
}

/// Every document's directives are all there, or none of them.
fn whole_documents(db: &Path, expected_tasks: impl Fn(&str) -> usize) -> usize {
    let store = vngov_store::Store::open_read(db).unwrap();
    let mut s = store
        .connection()
        .prepare("SELECT d.id, d.path, (SELECT count(*) FROM tasks t WHERE t.document_id = d.id) FROM documents d")
        .unwrap();
    let rows: Vec<(String, String, i64)> = s
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for (id, path, n) in &rows {
        assert_eq!(
            *n as usize,
            expected_tasks(path),
            "document {id} ({path}) is not whole"
        );
    }
    rows.len()
}

#[test]
fn a_killed_load_leaves_whole_documents_and_loading_again_finishes_it() {
    let dir = tempfile::tempdir().unwrap();
    let input = many_records(dir.path(), 2000);
    let db = dir.path().join("facts.db");
    let tasks_of: std::collections::HashMap<String, usize> =
        json_lines(&std::fs::read(&input).unwrap())
            .iter()
            .map(|r| {
                (
                    r["source"]["path"].as_str().unwrap().to_string(),
                    r["tasks"].as_array().unwrap().len(),
                )
            })
            .collect();
    let mut child = vngov()
        .args([
            "db",
            "load",
            input.to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
            "-q",
        ])
        .spawn()
        .unwrap();
    // Kill it once some documents are committed.
    let started = std::time::Instant::now();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(50));
        let grown =
            std::fs::metadata(dir.path().join("facts.db-wal")).map_or(0, |m| m.len()) > 1_000_000;
        if grown || started.elapsed().as_secs() > 60 || child.try_wait().unwrap().is_some() {
            break;
        }
    }
    let _ = child.kill();
    child.wait().unwrap();
    let loaded = whole_documents(&db, |p| tasks_of[p]);
    eprintln!("killed after {loaded} of 2000 documents");
    assert!(loaded < 2000, "the load ended before it could be killed");
    ok(&run(&[
        "db",
        "load",
        input.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "-q",
    ]));
    assert_eq!(whole_documents(&db, |p| tasks_of[p]), 2000);
}

#[test]
fn a_killed_extract_resumes_from_the_database() {
    let dir = tempfile::tempdir().unwrap();
    // Documents as JSON Lines: the corpus's texts, many times.
    let texts: Vec<String> = crate::common::corpus_documents()
        .iter()
        .map(|p| std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(p)).unwrap())
        .collect();
    let input = dir.path().join("docs.jsonl");
    let mut s = String::new();
    for i in 0..600 {
        s += &json!({"url": format!("https://example.gov.vn/{i}"), "text": texts[i % texts.len()]})
            .to_string();
        s.push('\n');
    }
    std::fs::write(&input, s).unwrap();
    let db = dir.path().join("facts.db");
    let args = [
        "extract",
        input.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "-j",
        "1",
    ];
    let mut child = vngov().args(args).spawn().unwrap();
    let started = std::time::Instant::now();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(50));
        let committed = vngov_store::Store::open_read(&db)
            .ok()
            .and_then(|s| {
                s.connection()
                    .query_row("SELECT max(items) FROM runs", [], |r| {
                        r.get::<_, Option<i64>>(0)
                    })
                    .ok()
                    .flatten()
            })
            .unwrap_or(0);
        if committed > 0 || started.elapsed().as_secs() > 120 || child.try_wait().unwrap().is_some()
        {
            break;
        }
    }
    let _ = child.kill();
    child.wait().unwrap();
    let count = |db: &Path| {
        let store = vngov_store::Store::open_read(db).unwrap();
        let n: i64 = store
            .connection()
            .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
            .unwrap();
        n as usize
    };
    let before = count(&db);
    assert!(before < 600, "the run ended before it could be killed");
    let mut resumed: Vec<&str> = args.to_vec();
    resumed.push("--resume");
    let out = run(&resumed);
    ok(&out);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("; resumed after "), "{err}");
    assert!(
        err.starts_with("600 documents, 600 records, 0 errors"),
        "{err}"
    );
    assert!(err.contains("0 replaced"), "{err}");
    assert_eq!(count(&db), 600);
}

/// A JSON line laid out two spaces an indent, its keys in their order.
fn laid_out(json: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    let (mut in_string, mut escaped) = (false, false);
    let chars: Vec<char> = json.chars().collect();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.push_str(&"  ".repeat(depth));
    };
    for (i, &c) in chars.iter().enumerate() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' if !matches!(chars.get(i + 1), Some('}' | ']')) => {
                out.push(c);
                depth += 1;
                newline(&mut out, depth);
            }
            '}' | ']' if !matches!(chars.get(i.wrapping_sub(1)), Some('{' | '[')) => {
                depth -= 1;
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c => out.push(c),
        }
    }
    out
}

/// Splits a command line as a shell would for these examples: words apart,
/// double quotes around words with spaces.
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    words.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            c => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        words.push(word);
    }
    words
}

/// The `text` blocks of the README's "Auditing directives" section that start with
/// `$ vngov`, each with the output that follows the command, or the `json` block
/// after it when it has none, are what the tool prints. `VNGOV_BLESS=1` writes the
/// tool's output into the README instead.
#[test]
fn readme_auditing_examples_are_what_the_tool_prints() {
    let readme_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&readme_path).unwrap();
    let start = readme.find("## Auditing directives").expect("the section");
    let end = start
        + readme[start..]
            .find("\n## Layout")
            .expect("the next section");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("facts.db");
    let records = dir.path().join("records.jsonl");
    let place = |w: &str| match w {
        "facts.db" => db.to_str().unwrap().to_string(),
        "records.jsonl" => records.to_str().unwrap().to_string(),
        w => w.to_string(),
    };
    ok(&run(&[
        "extract",
        "corpus",
        "--db",
        db.to_str().unwrap(),
        "-q",
    ]));
    ok(&run(&[
        "extract",
        "corpus",
        "-o",
        records.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "-q",
    ]));
    // Seconds differ from run to run.
    let timeless = |s: &str| {
        let re = s.rsplit_once(", ").map_or(s.to_string(), |(head, tail)| {
            if tail.trim_end().ends_with(" s") {
                format!("{head}, T s\n")
            } else {
                s.to_string()
            }
        });
        re
    };
    let mut blessed = readme.clone();
    let mut checked = 0;
    let mut at = start;
    while let Some(i) = readme[at..end].find("```text\n$ vngov ") {
        let block_start = at + i + "```text\n".len();
        let block_end = block_start + readme[block_start..].find("```").unwrap();
        let block = &readme[block_start..block_end];
        let (command, expected) = block.split_once('\n').unwrap();
        let args: Vec<String> = shell_words(&command[2..])
            .iter()
            .skip(1)
            .map(|w| place(w))
            .collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run(&args);
        assert!(
            out.status.success(),
            "{command}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let printed = if out.stdout.is_empty() {
            String::from_utf8(out.stderr).unwrap()
        } else {
            String::from_utf8(out.stdout).unwrap()
        };
        if expected.is_empty() {
            // The output is in the json block that follows, laid out.
            let j = block_end + readme[block_end..].find("```json\n").unwrap() + "```json\n".len();
            let j_end = j + readme[j..].find("```").unwrap();
            let want: Value = serde_json::from_str(&readme[j..j_end]).unwrap();
            let got: Value = serde_json::from_str(printed.trim()).unwrap();
            if std::env::var_os("VNGOV_BLESS").is_some() {
                let pretty = laid_out(printed.trim()) + "\n";
                blessed = blessed.replacen(&readme[j..j_end], &pretty, 1);
            } else {
                assert_eq!(got, want, "README.md: {command}");
            }
        } else if std::env::var_os("VNGOV_BLESS").is_some() {
            blessed = blessed.replacen(block, &format!("{command}\n{printed}"), 1);
        } else {
            assert_eq!(
                timeless(&printed),
                timeless(expected),
                "README.md: {command}\nprints:\n{printed}"
            );
        }
        checked += 1;
        at = block_end;
    }
    assert!(checked >= 5, "{checked} examples found");
    if std::env::var_os("VNGOV_BLESS").is_some() && blessed != readme {
        std::fs::write(&readme_path, blessed).unwrap();
    }
}

/// Datasette, where it is installed (`pip install datasette`, or its path in
/// `VNGOV_DATASETTE`): the database and the shipped metadata answer the canned
/// queries as `vngov tasks` does. Skipped, saying so, without it.
#[test]
fn datasette_answers_the_canned_queries() {
    let datasette = std::env::var_os("VNGOV_DATASETTE")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::split_paths(&std::env::var_os("PATH")?)
                .map(|d| d.join("datasette"))
                .find(|p| p.is_file())
        });
    let Some(datasette) = datasette else {
        eprintln!("Datasette test skipped: no datasette on PATH (pip install datasette)");
        return;
    };
    let (dir, db) = two_records();
    let metadata = dir.path().join("metadata.json");
    let m = ok(&run(&["db", "metadata", "--db", db.to_str().unwrap()]));
    std::fs::write(&metadata, m).unwrap();
    let get = |path: &str| -> Vec<Value> {
        let out = std::process::Command::new(&datasette)
            .arg(&db)
            .arg("--metadata")
            .arg(&metadata)
            .args(["--get", path])
            .output()
            .expect("datasette runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let overdue = get("/facts/overdue_directives.json?as_of=2024-03-01&_shape=array");
    assert_eq!(
        overdue.len(),
        tasks_json(&db, &["--overdue", "--as-of", "2024-03-01"]).len()
    );
    assert_eq!(overdue[0]["assignee"], "Sở Thông tin và Truyền thông");
    let to =
        get("/facts/directives_by_assignee.json?assignee=S%E1%BB%9F%20Y%20t%E1%BA%BF&_shape=array");
    assert_eq!(to.len(), 1);
    assert_eq!(
        to[0]["evidence"],
        "Sở Y tế triển khai bệnh án điện tử tại Đà Nẵng trước ngày 30/6/2024."
    );
}
