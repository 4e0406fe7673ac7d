//! The store over real records: made by the extraction pipeline from short
//! notices written for these tests.

use vngov_extract::rules::organizations::canonical;
use vngov_extract::Known;
use vngov_pipeline::document::{record_from_text, source_id};
use vngov_record::{Output, Record, Source};
use vngov_store::query::{self, Directive, DocumentQuery, MeetingQuery, Status, TaskQuery};
use vngov_store::{Outcome, Prepared, Store, WriterOptions};

fn record(locator: &str, text: &str) -> Record {
    let source = Source {
        path: Some(locator.to_string()),
        ..Source::default()
    };
    record_from_text(
        source_id(locator),
        source,
        text,
        Known::default(),
        &Default::default(),
    )
}

/// Sets the record's directives to these, each `(words, assignee as written,
/// deadline)`: the words are found in the text, the assignee begins them, the
/// action follows it. The facts a test checks do not then depend on the task
/// rules.
fn with_tasks(mut r: Record, tasks: &[(&str, &str, Option<&str>)]) -> Record {
    let mut out = Vec::new();
    for (words, assignee_text, deadline) in tasks {
        let t = &r.text;
        let start = t
            .find(words)
            .unwrap_or_else(|| panic!("{words:?} not in the text"));
        let end = start + words.len();
        let from = t[..start].rfind(['\n', '.']).map_or(0, |i| i + 1);
        let to = t[end..].find(['\n', '.']).map_or(t.len(), |i| end + i + 1);
        let chars = |b: usize| t[..b].chars().count();
        let (s, e) = (chars(start), chars(end));
        let action = words[words.find(assignee_text).unwrap() + assignee_text.len()..].trim();
        let deadline_text = deadline.map(|_| &words[words.rfind("trước").unwrap()..]);
        out.push(serde_json::json!({
            "assigner": "Ủy ban nhân dân tỉnh",
            "assignee": canonical(assignee_text),
            "assignee_text": assignee_text,
            "assignee_kind": "body",
            "action": action,
            "deadline": deadline,
            "deadline_precision": deadline.map(|_| "day"),
            "deadline_text": deadline_text,
            "coordinate_with": [],
            "report_to": null,
            "rule": "tests/given",
            "text": words,
            "span": [s, e],
            "source_span": [s, e],
            "evidence": t[from..to].trim(),
        }));
    }
    r.tasks = serde_json::from_value(serde_json::Value::Array(out)).unwrap();
    r
}

fn prepared(r: &Record) -> Prepared {
    Prepared::new(Output::Record(Box::new(r.clone())))
}

/// Lào Cai, writes "Sở TT&TT"; cites 1072/QĐ-TTg.
const LAO_CAI: &str = "Kết luận của Chủ tịch UBND tỉnh Lào Cai về chuyển đổi số\n\nThứ Hai, 15/01/2024 08:00\n\n\
Chiều ngày 10/01, Chủ tịch UBND tỉnh chủ trì cuộc họp về chuyển đổi số. Thực hiện Quyết định số 1072/QĐ-TTg ngày 28/8/2018 của Thủ tướng Chính phủ, \
UBND tỉnh yêu cầu Sở TT&TT chủ trì, phối hợp với Sở Tài chính xây dựng kế hoạch chuyển đổi số năm 2024, báo cáo UBND tỉnh trước ngày 25/02/2024. \
Sở Y tế hoàn thành hồ sơ bệnh án điện tử tại Đà Nẵng trước ngày 30/6/2024.\n";

/// Bình Định, writes the name in full; no deadline for its directive.
const BINH_DINH: &str = "Thông báo kết luận về cải cách hành chính tỉnh Bình Định\n\nThứ Tư, 05/06/2019 09:00\n\n\
UBND tỉnh Bình Định yêu cầu Sở Thông tin và Truyền thông rà soát hạ tầng kỹ thuật của các cơ quan nhà nước trên địa bàn tỉnh.\n";

/// Two reports of one directive to Sở Y tế (Lào Cai), and a different one.
const REPORT_1: &str = "Lào Cai đẩy mạnh y tế số\n\nThứ Hai, 04/03/2024 08:00\n\n\
UBND tỉnh Lào Cai yêu cầu Sở Y tế hoàn thành việc triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh trước ngày 30/9/2024.\n";
const REPORT_2: &str = "Bệnh án điện tử: UBND tỉnh Lào Cai giao nhiệm vụ\n\nThứ Ba, 05/03/2024 10:00\n\n\
Chủ tịch UBND tỉnh Lào Cai yêu cầu Sở Y tế hoàn thành việc triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh, trước ngày 30/9/2024.\n";
const OTHER: &str = "Lào Cai phòng chống dịch\n\nThứ Tư, 06/03/2024 10:00\n\n\
UBND tỉnh Lào Cai yêu cầu Sở Y tế tổ chức tiêm chủng mở rộng cho trẻ em vùng cao trước ngày 30/9/2024.\n";

fn lao_cai(path: &str) -> Record {
    with_tasks(
        record(path, LAO_CAI),
        &[
            ("Sở TT&TT chủ trì, phối hợp với Sở Tài chính xây dựng kế hoạch chuyển đổi số năm 2024, báo cáo UBND tỉnh trước ngày 25/02/2024", "Sở TT&TT", Some("2024-02-25")),
            ("Sở Y tế hoàn thành hồ sơ bệnh án điện tử tại Đà Nẵng trước ngày 30/6/2024", "Sở Y tế", Some("2024-06-30")),
        ],
    )
}

fn binh_dinh(path: &str) -> Record {
    with_tasks(
        record(path, BINH_DINH),
        &[(
            "Sở Thông tin và Truyền thông rà soát hạ tầng kỹ thuật",
            "Sở Thông tin và Truyền thông",
            None,
        )],
    )
}

fn report_1(path: &str) -> Record {
    with_tasks(
        record(path, REPORT_1),
        &[("Sở Y tế hoàn thành việc triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh trước ngày 30/9/2024", "Sở Y tế", Some("2024-09-30"))],
    )
}

fn report_2(path: &str) -> Record {
    with_tasks(
        record(path, REPORT_2),
        &[("Sở Y tế hoàn thành việc triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh, trước ngày 30/9/2024", "Sở Y tế", Some("2024-09-30"))],
    )
}

fn other(path: &str) -> Record {
    with_tasks(
        record(path, OTHER),
        &[(
            "Sở Y tế tổ chức tiêm chủng mở rộng cho trẻ em vùng cao trước ngày 30/9/2024",
            "Sở Y tế",
            Some("2024-09-30"),
        )],
    )
}

fn write_all(store: &mut Store, records: &[&Record]) -> Vec<Outcome> {
    let mut w = store.writer(WriterOptions::default()).unwrap();
    let out = records
        .iter()
        .map(|r| w.write(&prepared(r)).unwrap())
        .collect();
    w.finish().unwrap();
    out
}

fn directives(store: &Store, q: &TaskQuery) -> Vec<Directive> {
    let mut out = Vec::new();
    query::tasks(store, q, |d| {
        out.push(d);
        Ok(())
    })
    .unwrap();
    out
}

fn task_ids(store: &Store, q: TaskQuery) -> Vec<i64> {
    let mut ids: Vec<i64> = directives(store, &q).iter().map(|d| d.task_id).collect();
    ids.sort();
    ids
}

/// Every row of every table but the runs log, as text: what "nothing changed"
/// is checked against.
fn dump(store: &Store) -> String {
    let conn = store.connection();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('runs') AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|n| n.unwrap())
        .collect();
    let mut out = String::new();
    for t in tables {
        let mut s = conn
            .prepare(&format!("SELECT * FROM {t} ORDER BY 1"))
            .unwrap();
        let n = s.column_count();
        let mut rows = s.query([]).unwrap();
        while let Some(r) = rows.next().unwrap() {
            out += &t;
            for i in 0..n {
                let v: rusqlite::types::Value = r.get(i).unwrap();
                out += &format!(" {v:?}");
            }
            out.push('\n');
        }
    }
    for t in ["documents_fts", "tasks_fts", "meetings_fts"] {
        let n: i64 = conn
            .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
            .unwrap();
        out += &format!("{t} {n}\n");
        conn.execute(
            &format!("INSERT INTO {t} ({t}) VALUES ('integrity-check')"),
            [],
        )
        .unwrap();
    }
    out
}

fn count(store: &Store, sql: &str) -> i64 {
    store.connection().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn loading_the_same_records_again_changes_nothing() {
    let (a, b) = (lao_cai("lao-cai.txt"), binh_dinh("binh-dinh.txt"));
    let mut store = Store::in_memory().unwrap();
    assert_eq!(
        write_all(&mut store, &[&a, &b]),
        [Outcome::Inserted, Outcome::Inserted]
    );
    let before = dump(&store);
    assert!(before.contains("tasks_fts 3"), "{before}");
    assert_eq!(
        write_all(&mut store, &[&b, &a]),
        [Outcome::Unchanged, Outcome::Unchanged]
    );
    assert_eq!(dump(&store), before);
    assert_eq!(count(&store, "SELECT count(*) FROM documents"), 2);
    assert_eq!(count(&store, "SELECT count(*) FROM runs"), 2);
    assert_eq!(count(&store, "SELECT sum(unchanged) FROM runs"), 2);
}

#[test]
fn a_changed_document_replaces_its_facts() {
    let mut store = Store::in_memory().unwrap();
    let first = lao_cai("notice.txt");
    let second = binh_dinh("binh-dinh.txt");
    write_all(&mut store, &[&first, &second]);
    let changed = other("notice.txt");
    assert_eq!(first.id, changed.id);
    assert_eq!(write_all(&mut store, &[&changed]), [Outcome::Replaced]);

    let mine = TaskQuery {
        search: Some("tiem chung".into()),
        ..TaskQuery::default()
    };
    assert_eq!(directives(&store, &mine).len(), 1);
    // The old facts and their search entries are gone.
    let gone = TaskQuery {
        search: Some("chuyển đổi số".into()),
        ..TaskQuery::default()
    };
    assert!(directives(&store, &gone).is_empty());
    assert_eq!(
        count(&store, "SELECT count(*) FROM tasks WHERE document_id = (SELECT id FROM documents WHERE path = 'notice.txt')"),
        changed.tasks.len() as i64
    );
    assert_eq!(count(&store, "SELECT count(*) FROM cited_documents"), 0);
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM task_groups WHERE id NOT IN (SELECT group_id FROM tasks)"
        ),
        0
    );
    // Bodies no document names any more are swept; the others stay.
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM bodies WHERE key = 'so tai chinh'"
        ),
        0
    );
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM bodies WHERE key = 'so thong tin va truyen thong'"
        ),
        1
    );
    let mut docs = Vec::new();
    query::documents(
        &store,
        &DocumentQuery {
            search: Some("chuyen doi so".into()),
            ..DocumentQuery::default()
        },
        |d| {
            docs.push(d.id);
            Ok(())
        },
    )
    .unwrap();
    assert!(docs.is_empty(), "{docs:?}");
    dump(&store);
}

#[test]
fn a_document_that_fails_midway_leaves_nothing_and_the_others_stay() {
    let mut store = Store::in_memory().unwrap();
    // A percentage that cannot be written, after the document's other rows are.
    store
        .connection()
        .execute_batch(
            "CREATE TRIGGER refuse BEFORE INSERT ON percentages WHEN NEW.value = 66.6
             BEGIN SELECT RAISE(ABORT, 'refused'); END",
        )
        .unwrap();
    let good = lao_cai("good.txt");
    let bad = with_tasks(
        record(
            "bad.txt",
            &BINH_DINH.replace("rà soát", "đạt tỷ lệ 66,6% và rà soát"),
        ),
        &[(
            "Sở Thông tin và Truyền thông đạt tỷ lệ",
            "Sở Thông tin và Truyền thông",
            None,
        )],
    );
    assert_eq!(bad.percentages.len(), 1);
    let mut w = store.writer(WriterOptions::default()).unwrap();
    w.write(&prepared(&good)).unwrap();
    let e = w.write(&prepared(&bad)).unwrap_err().to_string();
    assert!(e.contains("refused"), "{e}");
    let later = other("later.txt");
    assert_eq!(w.write(&prepared(&later)).unwrap(), Outcome::Inserted);
    w.finish().unwrap();
    for table in ["tasks", "organizations", "percentages", "cited_documents"] {
        assert_eq!(
            count(
                &store,
                &format!(
                    "SELECT count(*) FROM {table} WHERE document_id = '{}'",
                    bad.id
                )
            ),
            0,
            "{table}"
        );
    }
    assert_eq!(count(&store, "SELECT count(*) FROM documents"), 2);
    assert_eq!(
        count(&store, "SELECT count(*) FROM tasks"),
        (good.tasks.len() + later.tasks.len()) as i64
    );
    dump(&store);
}

#[test]
fn names_are_found_folded_and_abbreviated() {
    let mut store = Store::in_memory().unwrap();
    let (a, b) = (lao_cai("lao-cai.txt"), binh_dinh("binh-dinh.txt"));
    assert_eq!(a.tasks[0].assignee_text, "Sở TT&TT");
    assert_eq!(b.tasks[0].assignee_text, "Sở Thông tin và Truyền thông");
    write_all(&mut store, &[&a, &b]);
    let by = |name: &str| {
        task_ids(
            &store,
            TaskQuery {
                assignee: Some(name.into()),
                ..TaskQuery::default()
            },
        )
    };
    let both = by("Sở Thông tin và Truyền thông");
    assert_eq!(both.len(), 2);
    for q in [
        "Sở TT&TT",
        "so thong tin va truyen thong",
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
        "sở tt&tt",
        "Sở TTTT",
    ] {
        assert_eq!(by(q), both, "{q}");
    }
    // A name matches from its start, by whole words.
    assert_eq!(by("Sở Thông tin"), both);
    assert!(by("Thông tin và Truyền thông").is_empty());
    assert!(by("Sở Thôn").is_empty());
    // A word search expands the body's name in any form, in the sentence too.
    let search = |words: &str| {
        task_ids(
            &store,
            TaskQuery {
                search: Some(words.into()),
                ..TaskQuery::default()
            },
        )
    };
    for q in [
        "so thong tin va truyen thong",
        "Sở TT&TT",
        "Sở Thông tin và Truyền thông",
    ] {
        assert_eq!(search(q), both, "{q}");
    }
    // đ folds to d.
    let da_nang = search("Đà Nẵng");
    assert_eq!(da_nang.len(), 1);
    assert_eq!(search("da nang"), da_nang);
    assert_eq!(search("ĐÀ NẴNG"), da_nang);
    assert!(search("\"; DROP TABLE tasks; --").is_empty());
    let mut docs = Vec::new();
    query::documents(
        &store,
        &DocumentQuery {
            search: Some("so tt&tt".into()),
            ..DocumentQuery::default()
        },
        |d| {
            docs.push(d.id);
            Ok(())
        },
    )
    .unwrap();
    docs.sort();
    let mut want = vec![a.id.clone(), b.id.clone()];
    want.sort();
    assert_eq!(docs, want);
}

#[test]
fn each_filter_selects_what_it_says() {
    let mut store = Store::in_memory().unwrap();
    let (a, b) = (lao_cai("lao-cai.txt"), binh_dinh("binh-dinh.txt"));
    write_all(&mut store, &[&a, &b]);
    let ids = |q: TaskQuery| {
        directives(&store, &q)
            .into_iter()
            .map(|d| (d.assignee, d.deadline))
            .collect::<Vec<_>>()
    };
    let pair = |n: &str, d: Option<&str>| (n.to_string(), d.map(str::to_string));
    let tt = "Sở Thông tin và Truyền thông";
    let all = ids(TaskQuery::default());
    assert_eq!(
        all,
        [
            pair(tt, Some("2024-02-25")),
            pair("Sở Y tế", Some("2024-06-30")),
            pair(tt, None)
        ]
    );
    let q = |f: fn(&mut TaskQuery)| {
        let mut t = TaskQuery::default();
        f(&mut t);
        ids(t)
    };
    assert_eq!(
        q(|t| t.due_before = Some("2024-03-01".into())),
        [pair(tt, Some("2024-02-25"))]
    );
    assert_eq!(
        q(|t| t.due_after = Some("2024-02".into())),
        [pair("Sở Y tế", Some("2024-06-30"))]
    );
    assert_eq!(
        q(|t| t.due_after = Some("25/02/2024".into())),
        [pair("Sở Y tế", Some("2024-06-30"))]
    );
    assert_eq!(
        q(|t| {
            t.overdue = true;
            t.as_of = Some("2024-03-01".into());
        }),
        [pair(tt, Some("2024-02-25"))]
    );
    // The deadline's own day is not overdue yet.
    assert_eq!(
        q(|t| {
            t.overdue = true;
            t.as_of = Some("2024-02-25".into());
        }),
        []
    );
    assert_eq!(
        q(|t| t.province = Some("binh dinh".into())),
        [pair(tt, None)]
    );
    assert_eq!(
        q(|t| t.province = Some("tỉnh Bình Định".into())),
        [pair(tt, None)]
    );
    assert_eq!(q(|t| t.cites = Some("1072/QD-TTG".into())).len(), 2);
    assert_eq!(q(|t| t.cites = Some("1073/QĐ-TTg".into())).len(), 0);
    assert_eq!(q(|t| t.since = Some("2020".into())).len(), 2);
    assert_eq!(q(|t| t.until = Some("2019-06-05".into())), [pair(tt, None)]);
    assert_eq!(q(|t| t.until = Some("2019-06-04".into())), []);
    assert_eq!(q(|t| t.assigner = Some("UBND tỉnh".into())).len(), 3);
    assert_eq!(q(|t| t.assigner = Some("Sở Y tế".into())).len(), 0);
    assert_eq!(
        q(|t| {
            t.assignee = Some("so y te".into());
            t.limit = Some(1);
        }),
        [pair("Sở Y tế", Some("2024-06-30"))]
    );
    let statuses: Vec<Status> = directives(
        &store,
        &TaskQuery {
            as_of: Some("2024-03-01".into()),
            ..TaskQuery::default()
        },
    )
    .iter()
    .map(|d| d.status)
    .collect();
    assert_eq!(
        statuses,
        [Status::Overdue, Status::Upcoming, Status::NoDeadline]
    );
    let bad = query::tasks(
        &store,
        &TaskQuery {
            due_before: Some("soon".into()),
            ..TaskQuery::default()
        },
        |_| Ok(()),
    );
    assert!(bad.unwrap_err().to_string().contains("not a date"));
}

#[test]
fn one_directive_reported_by_several_documents_is_one_group() {
    let mut store = Store::in_memory().unwrap();
    let (r1, r2, o) = (report_1("r1.txt"), report_2("r2.txt"), other("o.txt"));
    for r in [&r1, &r2, &o] {
        assert_eq!(r.tasks.len(), 1, "{:?}", r.tasks);
        assert_eq!(r.province.as_deref(), Some("Lào Cai"));
    }
    write_all(&mut store, &[&r1, &r2, &o]);
    let ds = directives(&store, &TaskQuery::default());
    assert_eq!(ds.len(), 3);
    let group = |path: &str| {
        ds.iter()
            .find(|d| d.document.path.as_deref() == Some(path))
            .unwrap()
    };
    assert_eq!(group("r1.txt").group_id, group("r2.txt").group_id);
    assert_eq!(group("r1.txt").reports, 2);
    assert_ne!(group("o.txt").group_id, group("r1.txt").group_id);
    assert_eq!(group("o.txt").reports, 1);
    // One body across the documents, named by each.
    assert_eq!(
        count(&store, "SELECT count(*) FROM bodies WHERE key = 'so y te'"),
        1
    );
    assert_eq!(
        count(&store, "SELECT count(DISTINCT document_id) FROM organizations WHERE body_id = (SELECT id FROM bodies WHERE key = 'so y te')"),
        3
    );
    assert_eq!(
        count(&store, "SELECT count(*) FROM tasks WHERE body_id = (SELECT id FROM bodies WHERE key = 'so y te')"),
        3
    );
    // Removing one report keeps the group for the other.
    let r2_changed = binh_dinh("r2.txt");
    write_all(&mut store, &[&r2_changed]);
    let ds = directives(&store, &TaskQuery::default());
    let r1_now = ds
        .iter()
        .find(|d| d.document.path.as_deref() == Some("r1.txt"))
        .unwrap();
    assert_eq!(r1_now.reports, 1);
}

#[test]
fn meetings_by_chair_and_officials_across_documents() {
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../corpus/seeds/004_cc1a0a1fd34ed451.txt"
    ))
    .unwrap();
    let r = record("seed.txt", &seed);
    let chair = &r.meetings[0].chairs[0];
    let mut store = Store::in_memory().unwrap();
    let again = record("copy.txt", &seed);
    write_all(&mut store, &[&r, &again]);
    let found = |q: MeetingQuery| {
        let mut out = Vec::new();
        query::meetings(&store, &q, |m| {
            out.push(m);
            Ok(())
        })
        .unwrap();
        out
    };
    let by_name = found(MeetingQuery {
        chair: Some(vngov_text::fold(&chair.name)),
        ..MeetingQuery::default()
    });
    assert_eq!(by_name.len(), 2);
    assert_eq!(by_name[0].chairs[0].name, chair.name);
    assert_eq!(
        by_name[0].chairs[0].official_id,
        by_name[1].chairs[0].official_id
    );
    assert!(found(MeetingQuery {
        chair: Some("Nguyễn Văn Không Có".into()),
        ..MeetingQuery::default()
    })
    .is_empty());
    assert_eq!(
        count(&store, "SELECT count(*) FROM officials"),
        r.people.len() as i64
    );
    // The other filters, on the meeting's date (2018-12-25) and the document.
    let n = |f: fn(&mut MeetingQuery)| {
        let mut q = MeetingQuery::default();
        f(&mut q);
        found(q).len()
    };
    assert_eq!(n(|q| q.since = Some("2018-12-25".into())), 2);
    assert_eq!(n(|q| q.since = Some("2018-12-26".into())), 0);
    assert_eq!(n(|q| q.until = Some("2018".into())), 2);
    assert_eq!(n(|q| q.until = Some("2018-11".into())), 0);
    assert_eq!(n(|q| q.province = Some("Binh Dinh".into())), 2);
    assert_eq!(n(|q| q.province = Some("Lào Cai".into())), 0);
    assert_eq!(n(|q| q.search = Some("cong nghe thong tin".into())), 2);
    assert_eq!(n(|q| q.search = Some("bệnh án điện tử".into())), 0);
    assert_eq!(n(|q| q.limit = Some(1)), 1);
    let docs = |q: DocumentQuery| {
        let mut out = Vec::new();
        query::documents(&store, &q, |d| {
            out.push(d);
            Ok(())
        })
        .unwrap();
        out
    };
    let cited = docs(DocumentQuery {
        cites: Some("1072/QD-TTG".into()),
        province: Some("tỉnh Bình Định".into()),
        ..DocumentQuery::default()
    });
    assert_eq!(cited.len(), 2);
    let citation = cited[0].citation.as_ref().unwrap();
    assert_eq!(citation.number, "1072/QĐ-TTg");
    assert!(citation.evidence.contains(&citation.text));
    assert_eq!(cited[0].tasks, r.tasks.len() as i64);
    assert!(docs(DocumentQuery {
        cites: Some("1072/QĐ-TTg".into()),
        province: Some("Quảng Trị".into()),
        ..DocumentQuery::default()
    })
    .is_empty());
}

#[test]
fn a_resumed_run_knows_how_far_it_got() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("facts.db");
    let options = WriterOptions {
        command: "extract".into(),
        fingerprint: "inputs".into(),
        resume: true,
        ..WriterOptions::default()
    };
    {
        let mut store = Store::open(&path).unwrap();
        let mut w = store.writer(options.clone()).unwrap();
        assert_eq!(w.resumed(), 0);
        w.write(&prepared(&lao_cai("a.txt"))).unwrap();
        w.write(&prepared(&binh_dinh("b.txt"))).unwrap();
        w.commit().unwrap();
        // Not finished: as if the process had been killed.
        std::mem::forget(w);
    }
    let mut store = Store::open(&path).unwrap();
    let w = store.writer(options.clone()).unwrap();
    assert_eq!(w.resumed(), 2);
    w.finish().unwrap();
    let w = store.writer(options).unwrap();
    assert_eq!(w.resumed(), 0, "a finished run is not continued");
    drop(w);
}

#[test]
fn indexes_are_rebuilt_when_the_folding_rules_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("facts.db");
    {
        let mut store = Store::open(&path).unwrap();
        write_all(&mut store, &[&lao_cai("a.txt")]);
        // As if written by a version that folded otherwise, with an index that
        // does not match today's keys.
        let conn = store.connection();
        conn.execute(
            "UPDATE store_info SET value = 'older' WHERE key = 'search_probe'",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO tasks_fts (tasks_fts) VALUES ('delete-all')",
            [],
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    let q = TaskQuery {
        search: Some("da nang".into()),
        ..TaskQuery::default()
    };
    assert_eq!(directives(&store, &q).len(), 1);
    // Replacing the document removes the rebuilt entries cleanly.
    write_all(&mut store, &[&binh_dinh("a.txt")]);
    assert!(directives(&store, &q).is_empty());
    dump(&store);
}

#[test]
fn the_report_escapes_what_documents_say() {
    let mut r = with_tasks(
        record(
            "hostile.txt",
            "Tin tức\n\nThứ Hai, 15/01/2024 08:00\n\nUBND tỉnh Lào Cai yêu cầu Sở Y tế xử lý <script>alert('x')</script> & \"báo cáo\" trước ngày 30/6/2024.\n",
        ),
        &[("Sở Y tế xử lý <script>alert('x')</script> & \"báo cáo\" trước ngày 30/6/2024", "Sở Y tế", Some("2024-06-30"))],
    );
    r.title = Some("<img src=x onerror=alert(1)>".into());
    r.source.url = Some("javascript:alert(1)".into());
    let mut store = Store::in_memory().unwrap();
    write_all(&mut store, &[&r]);
    let html = vngov_store::report::render(&store, &Default::default()).unwrap();
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("href=\"javascript"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;báo cáo&quot;")
    );
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    // One script element: the page's own.
    assert_eq!(html.matches("<script").count(), 1);
    assert!(html.contains("<mark>Sở Y tế xử lý &lt;script&gt;"));
}

#[test]
fn a_deadline_of_a_month_is_due_at_its_end() {
    let mut store = Store::in_memory().unwrap();
    let r = record(
        "thang.txt",
        "UBND tỉnh yêu cầu Sở Nội vụ hoàn thành việc rà soát biên chế trong tháng 9/2024.",
    );
    assert_eq!(r.tasks.len(), 1);
    assert_eq!(r.tasks[0].deadline_period.as_deref(), Some("2024-09"));
    write_all(&mut store, &[&r]);
    let overdue = |day: &str| {
        let q = TaskQuery {
            overdue: true,
            as_of: Some(day.into()),
            ..TaskQuery::default()
        };
        directives(&store, &q).len()
    };
    assert_eq!(overdue("2024-09-30"), 0);
    assert_eq!(overdue("2024-10-01"), 1);
    let all = directives(&store, &TaskQuery::default());
    assert_eq!(all[0].deadline.as_deref(), Some("2024-09"));
    assert_eq!(all[0].due.as_deref(), Some("2024-09-30"));
}
