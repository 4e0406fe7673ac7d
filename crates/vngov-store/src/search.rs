//! The folded full-text indexes: what each row puts in them, and the match
//! expressions queries use.
//!
//! The indexes are given text folded as keys are ([`indexed`]: no diacritics, `đ`
//! as `d`, lower case), on the workers that prepare records rather than in the
//! single writer; their tokenizer (`unicode61 remove_diacritics 2`) splits it into
//! words, and folds the words of a query typed with diacritics in Datasette.
//! Queries made here are keys.
//!
//! The FTS5 tables hold no copy of the text (`content = ''`): a row is removed by
//! giving FTS5 the values it was indexed with, computed again from the stored row
//! by the same functions. Those values depend on the folding rules; the key of a
//! probe text is kept in `store_info`, and when the rules change the indexes are
//! rebuilt from the tables ([`check_keys`]).

use rusqlite::{params, Connection};

use crate::aliases::Slot;
use crate::key::key;
use crate::Result;

/// Text whose key changes whenever the folding rules do.
const PROBE: &str = "Đồng Ðà Thủy Thuỷ ĐỨC đức Ơ ư Ỵ ȳ TT&TT Ωμέγα ǅ e\u{301} Ꭰ 1072/QĐ-TTg";

/// What a document puts in `documents_fts` (title, text, names).
pub(crate) fn document_values(
    title: Option<&str>,
    text: &str,
    names: &[(String, Vec<String>)],
) -> [String; 3] {
    let mut n = String::new();
    for (name, forms) in names {
        push_key(&mut n, name);
        for f in forms {
            push_key(&mut n, f);
        }
    }
    [indexed(title.unwrap_or("")), indexed(text), n]
}

/// What a task puts in `tasks_fts` (parties, action, evidence).
pub(crate) fn task_values(
    assignee: &str,
    assignee_text: &str,
    assigner: Option<&str>,
    action: &str,
    evidence: &str,
) -> [String; 3] {
    let mut parties = indexed(assignee);
    push_key(&mut parties, assignee_text);
    push_key(&mut parties, assigner.unwrap_or(""));
    [parties, indexed(action), indexed(evidence)]
}

/// What a meeting puts in `meetings_fts` (meeting, chairs, evidence).
pub(crate) fn meeting_values(
    kind: &str,
    topic: Option<&str>,
    location: Option<&str>,
    chairs: &[(String, String)],
    evidence: &str,
) -> [String; 3] {
    let mut meeting = indexed(kind);
    push_key(&mut meeting, topic.unwrap_or(""));
    push_key(&mut meeting, location.unwrap_or(""));
    let mut c = String::new();
    for (name, titles) in chairs {
        push_key(&mut c, name);
        push_key(&mut c, titles);
    }
    [meeting, c, indexed(evidence)]
}

/// Text as the indexes are given it: [`vngov_text::fold`]ed, its punctuation
/// left for the tokenizer.
pub(crate) fn indexed(s: &str) -> String {
    vngov_text::fold(s)
}

/// Appends `s` as indexed, a separator first; each value is its own phrase.
fn push_key(out: &mut String, s: &str) {
    let k = indexed(s);
    if k.trim().is_empty() {
        return;
    }
    if !out.is_empty() {
        // A phrase cannot match across two values: a token no key of a query
        // holds (a click letter) stands between them.
        out.push_str(" \u{1c2} ");
    }
    out.push_str(&k);
}

/// Adds a row to an index.
pub(crate) fn insert(conn: &Connection, table: &str, rowid: i64, v: &[String; 3]) -> Result<()> {
    let (a, b, c) = columns(table);
    let sql = format!("INSERT INTO {table} (rowid, {a}, {b}, {c}) VALUES (?1, ?2, ?3, ?4)");
    conn.prepare_cached(&sql)?
        .execute(params![rowid, v[0], v[1], v[2]])?;
    Ok(())
}

/// Removes a row from an index, given the values it was added with.
pub(crate) fn delete(conn: &Connection, table: &str, rowid: i64, v: &[String; 3]) -> Result<()> {
    let (a, b, c) = columns(table);
    let sql = format!(
        "INSERT INTO {table} ({table}, rowid, {a}, {b}, {c}) VALUES ('delete', ?1, ?2, ?3, ?4)"
    );
    conn.prepare_cached(&sql)?
        .execute(params![rowid, v[0], v[1], v[2]])?;
    Ok(())
}

fn columns(table: &str) -> (&'static str, &'static str, &'static str) {
    match table {
        "documents_fts" => ("title", "text", "names"),
        "tasks_fts" => ("parties", "action", "evidence"),
        "meetings_fts" => ("meeting", "chairs", "evidence"),
        _ => unreachable!("no such index: {table}"),
    }
}

/// Values of a stored document, as [`document_values`] made them.
pub(crate) fn stored_document_values(conn: &Connection, num: i64, id: &str) -> Result<[String; 3]> {
    let (title, text): (Option<String>, String) = conn
        .prepare_cached("SELECT title, text FROM documents WHERE num = ?1")?
        .query_row([num], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let mut s = conn.prepare_cached(
        "SELECT name, forms FROM organizations WHERE document_id = ?1 ORDER BY ord",
    )?;
    let names = s
        .query_map([id], |r| {
            let forms: String = r.get(1)?;
            Ok((
                r.get::<_, String>(0)?,
                serde_json::from_str::<Vec<String>>(&forms).unwrap_or_default(),
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(document_values(title.as_deref(), &text, &names))
}

/// Values of the stored tasks of a document, with their ids.
pub(crate) fn stored_task_values(conn: &Connection, id: &str) -> Result<Vec<(i64, [String; 3])>> {
    let mut s = conn.prepare_cached(
        "SELECT id, assignee, assignee_text, assigner, action, evidence FROM tasks WHERE document_id = ?1",
    )?;
    let rows = s.query_map([id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            task_values(
                &r.get::<_, String>(1)?,
                &r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?.as_deref(),
                &r.get::<_, String>(4)?,
                &r.get::<_, String>(5)?,
            ),
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Values of the stored meetings of a document, with their ids.
pub(crate) fn stored_meeting_values(
    conn: &Connection,
    id: &str,
) -> Result<Vec<(i64, [String; 3])>> {
    let mut s = conn.prepare_cached(
        "SELECT id, kind, topic, location, evidence FROM meetings WHERE document_id = ?1",
    )?;
    let meetings = s
        .query_map([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::with_capacity(meetings.len());
    for (mid, kind, topic, location, evidence) in meetings {
        let chairs = stored_chairs(conn, mid)?;
        out.push((
            mid,
            meeting_values(
                &kind,
                topic.as_deref(),
                location.as_deref(),
                &chairs,
                &evidence,
            ),
        ));
    }
    Ok(out)
}

fn stored_chairs(conn: &Connection, meeting: i64) -> Result<Vec<(String, String)>> {
    let mut s =
        conn.prepare_cached("SELECT name, titles FROM chairs WHERE meeting_id = ?1 ORDER BY ord")?;
    let rows = s.query_map([meeting], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Rebuilds the indexes when the folding rules changed since they were built
/// (and records the probe's key on a new database).
pub(crate) fn check_keys(conn: &Connection) -> Result<()> {
    let now = format!("{}|{}", key(PROBE), indexed(PROBE));
    let stored: Option<String> = conn
        .query_row(
            "SELECT value FROM store_info WHERE key = 'search_probe'",
            [],
            |r| r.get(0),
        )
        .ok();
    if stored.as_deref() == Some(now.as_str()) {
        return Ok(());
    }
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let rebuilt = (|| -> Result<()> {
        if stored.is_some() {
            rebuild(conn)?;
        }
        conn.execute(
            "INSERT OR REPLACE INTO store_info (key, value) VALUES ('search_probe', ?1)",
            [&now],
        )?;
        Ok(())
    })();
    match rebuilt {
        Ok(()) => Ok(conn.execute_batch("COMMIT")?),
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(e)
        }
    }
}

/// Empties the three indexes and fills them again from the tables.
fn rebuild(conn: &Connection) -> Result<()> {
    for t in ["documents_fts", "tasks_fts", "meetings_fts"] {
        conn.execute(&format!("INSERT INTO {t} ({t}) VALUES ('delete-all')"), [])?;
    }
    let docs: Vec<(i64, String)> = conn
        .prepare("SELECT num, id FROM documents")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (num, id) in docs {
        insert(
            conn,
            "documents_fts",
            num,
            &stored_document_values(conn, num, &id)?,
        )?;
        for (tid, v) in stored_task_values(conn, &id)? {
            insert(conn, "tasks_fts", tid, &v)?;
        }
        for (mid, v) in stored_meeting_values(conn, &id)? {
            insert(conn, "meetings_fts", mid, &v)?;
        }
    }
    Ok(())
}

/// An FTS5 match expression for alternatives (`variants`), each a list of
/// slots that must all occur, each slot one of several phrases. Every phrase is
/// quoted, so nothing a user types is read as FTS5 syntax.
pub(crate) fn match_expression(variants: &[Vec<Slot>]) -> Option<String> {
    let quote = |p: &String| format!("\"{}\"", p.replace('"', "\"\""));
    let alternatives: Vec<String> = variants
        .iter()
        .filter(|v| !v.is_empty())
        .map(|slots| {
            let all: Vec<String> = slots
                .iter()
                .map(|alts| match alts.as_slice() {
                    [one] => quote(one),
                    _ => format!(
                        "({})",
                        alts.iter().map(quote).collect::<Vec<_>>().join(" OR ")
                    ),
                })
                .collect();
            format!("({})", all.join(" AND "))
        })
        .collect();
    (!alternatives.is_empty()).then(|| alternatives.join(" OR "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expressions_quote_every_part() {
        let s = |v: &[&str]| v.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        let e = match_expression(&[
            vec![
                s(&["so thong tin va truyen thong", "so tt tt"]),
                s(&["bao"]),
            ],
            vec![s(&["bao"])],
        ])
        .unwrap();
        assert_eq!(
            e,
            "((\"so thong tin va truyen thong\" OR \"so tt tt\") AND \"bao\") OR (\"bao\")"
        );
        assert_eq!(match_expression(&[vec![]]), None);
        assert_eq!(
            match_expression(&[vec![s(&["a\"b"])]]).unwrap(),
            "(\"a\"\"b\")"
        );
    }

    #[test]
    fn the_tokenizer_folds_every_vietnamese_letter_as_keys_do() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE VIRTUAL TABLE t USING fts5(x, content = '', tokenize = 'unicode61 remove_diacritics 2')",
        )
        .unwrap();
        let letters: Vec<char> = (0xC0..=0x1B0u32)
            .chain(0x1EA0..=0x1EF9)
            .filter_map(char::from_u32)
            .filter(|c| c.is_alphabetic() && vngov_text::fold_letter(*c).is_some())
            .collect();
        assert!(letters.len() > 130, "{}", letters.len());
        for (i, c) in letters.iter().enumerate() {
            let word = format!("t{c}t");
            conn.execute(
                "INSERT INTO t (rowid, x) VALUES (?1, ?2)",
                params![i as i64, indexed(&word)],
            )
            .unwrap();
            let found: Vec<i64> = conn
                .prepare("SELECT rowid FROM t WHERE t MATCH ?1")
                .unwrap()
                .query_map([format!("\"{}\"", key(&word))], |r| r.get(0))
                .unwrap()
                .map(|r| r.unwrap())
                .collect();
            assert!(
                found.contains(&(i as i64)),
                "{c:?} ({word} as {})",
                key(&word)
            );
        }
    }

    #[test]
    fn values_separate_names() {
        let v = task_values("Sở Y tế", "Sở Y tế", Some("UBND tỉnh"), "báo cáo", "…");
        assert_eq!(v[0], "so y te \u{1c2} so y te \u{1c2} ubnd tinh");
        assert_eq!(v[2], "…");
        assert_eq!(indexed("Đà Nẵng, ÐỒNG đồng"), "da nang, dong dong");
    }
}
