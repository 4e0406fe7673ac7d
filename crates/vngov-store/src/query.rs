//! The questions: directives, meetings and documents, with filters.
//!
//! Every value a user gives is bound as a parameter, never written into the SQL.
//! Names are matched by keys ([`crate::key`]) with their other forms
//! ([`crate::aliases`]); words are searched in the folded full-text indexes.

use rusqlite::types::Value;
use serde::Serialize;

use crate::aliases::{name_keys, own_keys, search_variants};
use crate::dates::parse_user_date;
use crate::key::{number_key, prefix_range, province_key};
use crate::search::match_expression;
use crate::{Result, Store};

/// Filters on directives. Every filter given must hold.
#[derive(Debug, Clone, Default)]
pub struct TaskQuery {
    /// The assignee's name (canonical or as written) is this name or begins with
    /// it, in any form: "Sở TT&TT", "so thong tin va truyen thong".
    pub assignee: Option<String>,
    /// The assigner's name holds these words, in order, in any form.
    pub assigner: Option<String>,
    /// The deadline's last day is before this date.
    pub due_before: Option<String>,
    /// The deadline's last day is after this date.
    pub due_after: Option<String>,
    /// Only directives whose deadline passed before `as_of`.
    pub overdue: bool,
    /// The day statuses are judged on (default: today).
    pub as_of: Option<String>,
    /// The document is about this province.
    pub province: Option<String>,
    /// The document cites this official number ("1072/QĐ-TTg").
    pub cites: Option<String>,
    /// These words occur in the directive (parties, action or sentence).
    pub search: Option<String>,
    /// The document was published on or after this date.
    pub since: Option<String>,
    /// The document was published on or before this date.
    pub until: Option<String>,
    /// At most this many rows.
    pub limit: Option<usize>,
}

/// Where a directive stands on the `as_of` day. Whether it was carried out is not
/// something the documents say; overdue means its deadline has passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The deadline's last day is before the day.
    Overdue,
    /// The deadline is the day or later.
    Upcoming,
    /// No calendar deadline.
    NoDeadline,
}

impl Status {
    /// The status of a deadline whose last day is `due`, on `as_of`.
    pub fn of(due: Option<&str>, as_of: &str) -> Status {
        match due {
            Some(d) if d < as_of => Status::Overdue,
            Some(_) => Status::Upcoming,
            None => Status::NoDeadline,
        }
    }

    /// The status as written in output (`overdue`, `upcoming`, `no_deadline`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Overdue => "overdue",
            Status::Upcoming => "upcoming",
            Status::NoDeadline => "no_deadline",
        }
    }
}

/// A directive: a task with its document and evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Directive {
    /// `tasks.id`.
    pub task_id: i64,
    /// The group of reports of the same directive (`task_groups.id`).
    pub group_id: i64,
    /// How many tasks, across documents, report the same directive.
    pub reports: i64,
    /// Overdue, upcoming or without deadline, on `as_of`.
    pub status: Status,
    /// Who directed.
    pub assigner: Option<String>,
    /// Who is directed, abbreviations expanded.
    pub assignee: String,
    /// The assignee as written.
    pub assignee_text: String,
    /// `body`, `class` or `person`.
    pub assignee_kind: String,
    /// What is to be done.
    pub action: String,
    /// The deadline (ISO, at its precision).
    pub deadline: Option<String>,
    /// The deadline as written.
    pub deadline_text: Option<String>,
    /// The deadline's last day.
    pub due: Option<String>,
    /// Partners.
    pub coordinate_with: Vec<String>,
    /// Whom to report to.
    pub report_to: Option<String>,
    /// The rule that read it, when the record says.
    pub rule: Option<String>,
    /// The words the directive was read from.
    pub text: String,
    /// Their offsets in the document's text.
    pub span: [i64; 2],
    /// The sentence.
    pub evidence: String,
    /// The document it was read from.
    #[serde(flatten)]
    pub document: DocumentRef,
}

/// The document a fact was read from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentRef {
    /// The document's id.
    pub document_id: String,
    /// The document's title.
    pub title: Option<String>,
    /// The document's publication date.
    pub published: Option<String>,
    /// The document's province.
    pub province: Option<String>,
    /// The document's URL.
    pub url: Option<String>,
    /// The document's path.
    pub path: Option<String>,
}

/// The document columns `d.id, d.title, d.published, d.province, d.url, d.path`
/// of a row, from column `at` on.
const DOCUMENT_COLUMNS: &str = "d.id, d.title, d.published, d.province, d.url, d.path";

fn document_ref(r: &rusqlite::Row, at: usize) -> rusqlite::Result<DocumentRef> {
    Ok(DocumentRef {
        document_id: r.get(at)?,
        title: r.get(at + 1)?,
        published: r.get(at + 2)?,
        province: r.get(at + 3)?,
        url: r.get(at + 4)?,
        path: r.get(at + 5)?,
    })
}

/// A query under construction: conditions and their bound values.
#[derive(Default)]
struct Sql {
    conditions: Vec<String>,
    values: Vec<Value>,
}

impl Sql {
    /// Binds `v`, returning its placeholder.
    fn bind(&mut self, v: impl Into<Value>) -> String {
        self.values.push(v.into());
        format!("?{}", self.values.len())
    }

    fn and(&mut self, c: String) {
        self.conditions.push(c);
    }

    fn where_clause(&self) -> String {
        if self.conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.conditions.join("\n  AND "))
        }
    }

    /// `column` holds `keys`' words in order (a key is matched as whole words).
    fn contains_any(&mut self, column: &str, keys: &[String]) -> String {
        let alts: Vec<String> = keys
            .iter()
            .map(|k| {
                let p = self.bind(format!("% {k} %"));
                format!("(' ' || {column} || ' ') LIKE {p}")
            })
            .collect();
        format!("({})", alts.join(" OR "))
    }

    /// Publication date bounds on `column`.
    fn published(
        &mut self,
        column: &str,
        since: &Option<String>,
        until: &Option<String>,
    ) -> Result<()> {
        if let Some(s) = since {
            let p = self.bind(parse_user_date(s)?.0);
            self.and(format!("{column} >= {p}"));
        }
        if let Some(u) = until {
            let p = self.bind(parse_user_date(u)?.1);
            self.and(format!("{column} <= {p}"));
        }
        Ok(())
    }

    fn province(&mut self, column: &str, province: &Option<String>) {
        if let Some(p) = province {
            let v = self.bind(province_key(p));
            self.and(format!("{column} = {v}"));
        }
    }

    /// A full-text condition: `rowid_column` is a row of `fts` matching `words`.
    /// `None` when the words hold nothing to search for.
    fn search(&mut self, store: &Store, fts: &str, rowid_column: &str, words: &str) -> Result<()> {
        let variants = search_variants(store.connection(), words)?;
        match match_expression(&variants) {
            Some(e) => {
                let p = self.bind(e);
                self.and(format!(
                    "{rowid_column} IN (SELECT rowid FROM {fts} WHERE {fts} MATCH {p})"
                ));
            }
            None => self.and("0".to_string()),
        }
        Ok(())
    }

    fn limit(&mut self, limit: Option<usize>) -> String {
        match limit {
            Some(n) => format!("LIMIT {}", self.bind(n as i64)),
            None => String::new(),
        }
    }
}

fn json_list(s: &str) -> Vec<String> {
    serde_json::from_str(s).unwrap_or_default()
}

/// The day statuses are judged on: the query's, else today.
pub fn as_of(store: &Store, given: Option<&str>) -> Result<String> {
    match given {
        Some(d) => Ok(parse_user_date(d)?.0),
        None => store.today(),
    }
}

/// Calls `each` with every directive that passes `q`, by deadline (the earliest
/// first, those without one last), then assignee and publication date. Returns
/// the day statuses were judged on.
pub fn tasks(
    store: &Store,
    q: &TaskQuery,
    mut each: impl FnMut(Directive) -> Result<()>,
) -> Result<String> {
    let as_of = as_of(store, q.as_of.as_deref())?;
    let conn = store.connection();
    let mut sql = Sql::default();
    if let Some(a) = &q.assignee {
        // Each key is a range of the two indexes: names that are it or begin with it.
        let keys = name_keys(conn, a)?;
        let mut parts = Vec::new();
        for k in &keys {
            let (lo, hi) = prefix_range(k);
            let (lo, hi) = (sql.bind(lo), sql.bind(hi));
            parts.push(format!(
                "SELECT id FROM tasks WHERE assignee_key >= {lo} AND assignee_key < {hi}"
            ));
            parts.push(format!(
                "SELECT id FROM tasks WHERE assignee_text_key >= {lo} AND assignee_text_key < {hi}"
            ));
        }
        if parts.is_empty() {
            sql.and("0".to_string());
        } else {
            sql.and(format!("t.id IN ({})", parts.join(" UNION ")));
        }
    }
    if let Some(a) = &q.assigner {
        let keys = name_keys(conn, a)?;
        let c = sql.contains_any("t.assigner_key", &keys);
        sql.and(c);
    }
    if let Some(d) = &q.due_before {
        let p = sql.bind(parse_user_date(d)?.0);
        sql.and(format!("t.due < {p}"));
    }
    if let Some(d) = &q.due_after {
        let p = sql.bind(parse_user_date(d)?.1);
        sql.and(format!("t.due > {p}"));
    }
    if q.overdue {
        let p = sql.bind(as_of.clone());
        sql.and(format!("t.due < {p}"));
    }
    sql.province("d.province_key", &q.province);
    if let Some(n) = &q.cites {
        let p = sql.bind(number_key(n));
        sql.and(format!(
            "t.document_id IN (SELECT document_id FROM cited_documents WHERE number_key = {p})"
        ));
    }
    if let Some(w) = &q.search {
        sql.search(store, "tasks_fts", "t.id", w)?;
    }
    sql.published("d.published", &q.since, &q.until)?;
    let limit = sql.limit(q.limit);
    let text = format!(
        "SELECT t.id, t.group_id, (SELECT count(*) FROM tasks g WHERE g.group_id = t.group_id),
           t.assigner, t.assignee, t.assignee_text, t.assignee_kind, t.action, t.deadline, t.deadline_text,
           t.due, t.coordinate_with, t.report_to, t.rule, t.text, t.span_start, t.span_end, t.evidence,
           {DOCUMENT_COLUMNS}
         FROM tasks t JOIN documents d ON d.id = t.document_id
         {}
         ORDER BY t.due IS NULL, t.due, t.assignee_key, d.published, t.id
         {limit}",
        sql.where_clause()
    );
    let mut stmt = conn.prepare(&text)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(sql.values.iter()))?;
    while let Some(r) = rows.next()? {
        let due: Option<String> = r.get(10)?;
        each(Directive {
            task_id: r.get(0)?,
            group_id: r.get(1)?,
            reports: r.get(2)?,
            status: Status::of(due.as_deref(), &as_of),
            assigner: r.get(3)?,
            assignee: r.get(4)?,
            assignee_text: r.get(5)?,
            assignee_kind: r.get(6)?,
            action: r.get(7)?,
            deadline: r.get(8)?,
            deadline_text: r.get(9)?,
            due,
            coordinate_with: json_list(&r.get::<_, String>(11)?),
            report_to: r.get(12)?,
            rule: r.get(13)?,
            text: r.get(14)?,
            span: [r.get(15)?, r.get(16)?],
            evidence: r.get(17)?,
            document: document_ref(r, 18)?,
        })?;
    }
    Ok(as_of)
}

/// Filters on meetings.
#[derive(Debug, Clone, Default)]
pub struct MeetingQuery {
    /// A chair's name, or one of their titles, holds these words in order.
    pub chair: Option<String>,
    /// The meeting (or, when its date is not known, the document) is on or after
    /// this date.
    pub since: Option<String>,
    /// … on or before this date.
    pub until: Option<String>,
    /// The document is about this province.
    pub province: Option<String>,
    /// These words occur in the meeting's kind, topic, place, chairs or sentence.
    pub search: Option<String>,
    /// At most this many rows.
    pub limit: Option<usize>,
}

/// Who chaired a meeting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChairRow {
    /// The name.
    pub name: String,
    /// Titles as written, `; ` between them.
    pub titles: String,
    /// `presided` or `concluded`.
    pub role: String,
    /// The official's identity across documents (`officials.id`).
    pub official_id: i64,
}

/// A meeting with its chairs and document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeetingRow {
    /// `meetings.id`.
    pub meeting_id: i64,
    /// The meeting's date, when known.
    pub date: Option<String>,
    /// Morning, afternoon…
    pub time_of_day: Option<String>,
    /// The words naming the meeting.
    pub kind: String,
    /// What it was about.
    pub topic: Option<String>,
    /// Where.
    pub location: Option<String>,
    /// Who chaired it.
    pub chairs: Vec<ChairRow>,
    /// The words it was read from.
    pub text: String,
    /// Their offsets in the document's text.
    pub span: [i64; 2],
    /// The sentence.
    pub evidence: String,
    /// The document it was read from.
    #[serde(flatten)]
    pub document: DocumentRef,
}

/// Calls `each` with every meeting that passes `q`, by date.
pub fn meetings(
    store: &Store,
    q: &MeetingQuery,
    mut each: impl FnMut(MeetingRow) -> Result<()>,
) -> Result<()> {
    let conn = store.connection();
    let mut sql = Sql::default();
    if let Some(c) = &q.chair {
        let keys = own_keys(c);
        let names = sql.contains_any("c.key", &keys);
        let titles = sql.contains_any("c.titles_key", &keys);
        sql.and(format!(
            "m.id IN (SELECT c.meeting_id FROM chairs c WHERE {names} OR {titles})"
        ));
    }
    sql.published("coalesce(m.date, d.published)", &q.since, &q.until)?;
    sql.province("d.province_key", &q.province);
    if let Some(w) = &q.search {
        sql.search(store, "meetings_fts", "m.id", w)?;
    }
    let limit = sql.limit(q.limit);
    let text = format!(
        "SELECT m.id, m.date, m.time_of_day, m.kind, m.topic, m.location, m.text, m.span_start, m.span_end,
           m.evidence, {DOCUMENT_COLUMNS}
         FROM meetings m JOIN documents d ON d.id = m.document_id
         {}
         ORDER BY coalesce(m.date, d.published) IS NULL, coalesce(m.date, d.published), d.id, m.ord
         {limit}",
        sql.where_clause()
    );
    let mut stmt = conn.prepare(&text)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(sql.values.iter()))?;
    let mut chairs = conn.prepare(
        "SELECT name, titles, role, official_id FROM chairs WHERE meeting_id = ?1 ORDER BY ord",
    )?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let cs = chairs
            .query_map([id], |c| {
                Ok(ChairRow {
                    name: c.get(0)?,
                    titles: c.get(1)?,
                    role: c.get(2)?,
                    official_id: c.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        each(MeetingRow {
            meeting_id: id,
            date: r.get(1)?,
            time_of_day: r.get(2)?,
            kind: r.get(3)?,
            topic: r.get(4)?,
            location: r.get(5)?,
            chairs: cs,
            text: r.get(6)?,
            span: [r.get(7)?, r.get(8)?],
            evidence: r.get(9)?,
            document: document_ref(r, 10)?,
        })?;
    }
    Ok(())
}

/// Filters on documents.
#[derive(Debug, Clone, Default)]
pub struct DocumentQuery {
    /// The document cites this official number.
    pub cites: Option<String>,
    /// The document is about this province.
    pub province: Option<String>,
    /// Published on or after this date.
    pub since: Option<String>,
    /// Published on or before this date.
    pub until: Option<String>,
    /// These words occur in the title, the text or the bodies named.
    pub search: Option<String>,
    /// At most this many rows.
    pub limit: Option<usize>,
}

/// Where a document cites a number.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Citation {
    /// The number, canonical.
    pub number: String,
    /// The words it was read from.
    pub text: String,
    /// Their offsets in the document's text.
    pub span: [i64; 2],
    /// The sentence.
    pub evidence: String,
}

/// A document and what was found in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentRow {
    /// The record's id.
    pub id: String,
    /// Publication date.
    pub published: Option<String>,
    /// Province.
    pub province: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Path.
    pub path: Option<String>,
    /// How many directives it reports.
    pub tasks: i64,
    /// How many meetings.
    pub meetings: i64,
    /// How many official numbers it cites.
    pub cited_documents: i64,
    /// With `cites`: where it cites the number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation: Option<Citation>,
}

/// Calls `each` with every document that passes `q`, by publication date.
pub fn documents(
    store: &Store,
    q: &DocumentQuery,
    mut each: impl FnMut(DocumentRow) -> Result<()>,
) -> Result<()> {
    let conn = store.connection();
    let mut sql = Sql::default();
    let cited = q.cites.as_deref().map(number_key);
    let citation = match &cited {
        Some(k) => {
            let p = sql.bind(k.clone());
            sql.and(format!(
                "d.id IN (SELECT document_id FROM cited_documents WHERE number_key = {p})"
            ));
            format!(
                "(SELECT json_array(c.number, c.text, c.span_start, c.span_end, c.evidence)
                  FROM cited_documents c WHERE c.document_id = d.id AND c.number_key = {p} ORDER BY c.ord LIMIT 1)"
            )
        }
        None => "NULL".to_string(),
    };
    sql.province("d.province_key", &q.province);
    sql.published("d.published", &q.since, &q.until)?;
    if let Some(w) = &q.search {
        sql.search(store, "documents_fts", "d.num", w)?;
    }
    let limit = sql.limit(q.limit);
    let text = format!(
        "SELECT d.id, d.published, d.province, d.title, d.url, d.path,
           (SELECT count(*) FROM tasks t WHERE t.document_id = d.id),
           (SELECT count(*) FROM meetings m WHERE m.document_id = d.id),
           (SELECT count(*) FROM cited_documents c WHERE c.document_id = d.id),
           {citation}
         FROM documents d
         {}
         ORDER BY d.published IS NULL, d.published, d.id
         {limit}",
        sql.where_clause()
    );
    let mut stmt = conn.prepare(&text)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(sql.values.iter()))?;
    while let Some(r) = rows.next()? {
        let citation = r
            .get::<_, Option<String>>(9)?
            .and_then(|j| serde_json::from_str::<(String, String, i64, i64, String)>(&j).ok())
            .map(|(number, text, s, e, evidence)| Citation {
                number,
                text,
                span: [s, e],
                evidence,
            });
        each(DocumentRow {
            id: r.get(0)?,
            published: r.get(1)?,
            province: r.get(2)?,
            title: r.get(3)?,
            url: r.get(4)?,
            path: r.get(5)?,
            tasks: r.get(6)?,
            meetings: r.get(7)?,
            cited_documents: r.get(8)?,
            citation,
        })?;
    }
    Ok(())
}
