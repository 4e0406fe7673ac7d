//! Writing prepared records: each document whole, idempotently.
//!
//! A document is identified by its record id. A record whose serialization hashes
//! as the stored one's is left alone (loading it again changes nothing); another
//! replaces the document's facts: its rows are removed (with their search entries
//! and the directive groups they alone made) and the new ones written. Every
//! document is written inside a savepoint, in a transaction that is committed
//! with the run's count of inputs written, so a run that is killed leaves whole
//! documents only and knows where to continue.

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use rusqlite::{params, Connection, OptionalExtension, ToSql};
use vngov_record::{ErrorRecord, Evidence};

use crate::key::dice;
use crate::prepare::{Doc, Item};
use crate::{search, Prepared, Result};

/// What a written record did to the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A document the store did not have.
    Inserted,
    /// A document whose record changed: its facts were replaced.
    Replaced,
    /// The same record was already stored: nothing changed.
    Unchanged,
    /// An error record, kept in `errors`.
    Error,
}

/// How a [`Writer`] works.
#[derive(Debug, Clone)]
pub struct WriterOptions {
    /// The command writing (`extract`, `load`), recorded in `runs`.
    pub command: String,
    /// What identifies the run's inputs and settings, for `resume`.
    pub fingerprint: String,
    /// Continue the last unfinished run with the same fingerprint.
    pub resume: bool,
    /// How long documents may wait in an open transaction before it is committed;
    /// zero commits after every document.
    pub commit_every: Duration,
}

impl Default for WriterOptions {
    fn default() -> Self {
        WriterOptions {
            command: "load".to_string(),
            fingerprint: String::new(),
            resume: false,
            commit_every: Duration::from_millis(500),
        }
    }
}

/// Counts of a writer's run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteSummary {
    /// Inputs written in this run, error records included.
    pub items: usize,
    /// Documents new to the store.
    pub inserted: usize,
    /// Documents whose facts were replaced.
    pub replaced: usize,
    /// Documents already stored as they are.
    pub unchanged: usize,
    /// Error records.
    pub errors: usize,
}

/// Writes prepared records into a store, one document at a time.
pub struct Writer<'c> {
    conn: &'c mut Connection,
    options: WriterOptions,
    run: i64,
    /// Inputs the run had written before this writer.
    base: usize,
    /// What the run had written before this writer, as the database counted it.
    before: WriteSummary,
    /// Counts of this writer, and those not yet committed.
    total: WriteSummary,
    pending: WriteSummary,
    in_transaction: bool,
    last_commit: Instant,
    bodies: HashMap<String, i64>,
    forms: HashSet<(String, i64)>,
    officials: HashMap<String, i64>,
    /// Identities may have lost their last mention: sweep them at the end.
    sweep: bool,
    now: String,
    /// Search index changes of the open transaction, and of the document being
    /// written: applied just before the commit, outside the documents'
    /// savepoints (FTS5 writes its pending entries out at every savepoint, which
    /// would cost a segment per document).
    fts: Vec<FtsOp>,
    doc_fts: Vec<FtsOp>,
    /// The insert statement of each fact table.
    sql: HashMap<&'static str, String>,
}

/// A change to a search index: a row added, or removed with the values it was
/// added with.
struct FtsOp {
    table: &'static str,
    rowid: i64,
    values: [String; 3],
    delete: bool,
}

/// How many recent groups of the same assignee, province and deadline a task is
/// compared with.
const GROUP_CANDIDATES: i64 = 64;

/// How alike two actions must be (Dice's coefficient of their word sets) to be
/// reports of one directive.
const SAME_ACTION: f64 = 0.8;

impl<'c> Writer<'c> {
    pub(crate) fn new(conn: &'c mut Connection, options: WriterOptions) -> Result<Writer<'c>> {
        let now: String = conn.query_row("SELECT datetime('now')", [], |r| r.get(0))?;
        let earlier: Option<(i64, WriteSummary)> = if options.resume {
            conn.query_row(
                "SELECT id, items, inserted, replaced, unchanged, errors FROM runs
                 WHERE fingerprint = ?1 AND command = ?2 AND finished IS NULL ORDER BY id DESC LIMIT 1",
                (&options.fingerprint, &options.command),
                |r| {
                    let n = |i: usize| r.get::<_, i64>(i).map(|v| v as usize);
                    Ok((
                        r.get(0)?,
                        WriteSummary {
                            items: n(1)?,
                            inserted: n(2)?,
                            replaced: n(3)?,
                            unchanged: n(4)?,
                            errors: n(5)?,
                        },
                    ))
                },
            )
            .optional()?
        } else {
            None
        };
        let (run, before) = match earlier {
            Some(r) => r,
            None => {
                conn.execute(
                    "INSERT INTO runs (command, fingerprint, started) VALUES (?1, ?2, ?3)",
                    (&options.command, &options.fingerprint, &now),
                )?;
                (conn.last_insert_rowid(), WriteSummary::default())
            }
        };
        let base = before.items;
        Ok(Writer {
            conn,
            options,
            run,
            base,
            before,
            total: WriteSummary::default(),
            pending: WriteSummary::default(),
            in_transaction: false,
            last_commit: Instant::now(),
            bodies: HashMap::new(),
            forms: HashSet::new(),
            officials: HashMap::new(),
            sweep: false,
            now,
            fts: Vec::new(),
            doc_fts: Vec::new(),
            sql: HashMap::new(),
        })
    }

    /// How many inputs the run had written when this writer took it up: those to
    /// skip when continuing it (0 for a new run).
    pub fn resumed(&self) -> usize {
        self.base
    }

    /// What the run taken up had written before (nothing for a new run).
    pub fn before(&self) -> WriteSummary {
        self.before
    }

    /// Sets how many inputs the run has written before this writer, when the
    /// caller knows better (a resumed run that also writes a file goes on from
    /// the file's checkpoint; the documents after it are written again, unchanged).
    pub fn set_resumed(&mut self, items: usize) {
        self.base = items;
    }

    /// Counts of what this writer wrote.
    pub fn summary(&self) -> WriteSummary {
        self.total
    }

    /// Writes one record (or error record) whole, and counts it as one input.
    /// On an error nothing of the record stays, and the writer can go on.
    pub fn write(&mut self, p: &Prepared) -> Result<Outcome> {
        if !self.in_transaction {
            self.conn.execute_batch("BEGIN IMMEDIATE")?;
            self.in_transaction = true;
        }
        self.conn.prepare_cached("SAVEPOINT doc")?.execute([])?;
        let written = match &p.0 {
            Item::Record(d) => self.document(d),
            Item::Error(e) => self.error(e).map(|()| Outcome::Error),
        };
        let outcome = match written {
            Ok(o) => {
                self.conn.prepare_cached("RELEASE doc")?.execute([])?;
                self.fts.append(&mut self.doc_fts);
                o
            }
            Err(e) => {
                self.conn.execute_batch("ROLLBACK TO doc; RELEASE doc")?;
                self.doc_fts.clear();
                // Rows the caches point at may have been rolled back.
                self.bodies.clear();
                self.forms.clear();
                self.officials.clear();
                return Err(e);
            }
        };
        for s in [&mut self.total, &mut self.pending] {
            s.items += 1;
            match outcome {
                Outcome::Inserted => s.inserted += 1,
                Outcome::Replaced => s.replaced += 1,
                Outcome::Unchanged => s.unchanged += 1,
                Outcome::Error => s.errors += 1,
            }
        }
        if self.last_commit.elapsed() >= self.options.commit_every {
            self.commit()?;
        }
        Ok(outcome)
    }

    /// Commits what is written, with the run's count of inputs.
    pub fn commit(&mut self) -> Result<()> {
        if !self.in_transaction {
            return Ok(());
        }
        for op in self.fts.drain(..) {
            if op.delete {
                search::delete(self.conn, op.table, op.rowid, &op.values)?;
            } else {
                search::insert(self.conn, op.table, op.rowid, &op.values)?;
            }
        }
        let p = self.pending;
        self.conn.execute(
            "UPDATE runs SET items = ?2, inserted = inserted + ?3, replaced = replaced + ?4, unchanged = unchanged + ?5, errors = errors + ?6 WHERE id = ?1",
            params![
                self.run,
                (self.base + self.total.items) as i64,
                p.inserted as i64,
                p.replaced as i64,
                p.unchanged as i64,
                p.errors as i64
            ],
        )?;
        self.conn.execute_batch("COMMIT")?;
        self.pending = WriteSummary::default();
        self.in_transaction = false;
        self.last_commit = Instant::now();
        Ok(())
    }

    /// Commits, removes identities no document names any more, and marks the run
    /// finished.
    pub fn finish(mut self) -> Result<WriteSummary> {
        if self.sweep {
            if !self.in_transaction {
                self.conn.execute_batch("BEGIN IMMEDIATE")?;
                self.in_transaction = true;
            }
            self.conn.execute_batch(
                "DELETE FROM bodies WHERE NOT EXISTS (SELECT 1 FROM organizations o WHERE o.body_id = bodies.id)
                   AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.body_id = bodies.id);
                 DELETE FROM officials WHERE NOT EXISTS (SELECT 1 FROM people p WHERE p.official_id = officials.id)
                   AND NOT EXISTS (SELECT 1 FROM chairs c WHERE c.official_id = officials.id);",
            )?;
        }
        self.commit()?;
        self.conn.execute(
            "UPDATE runs SET finished = datetime('now') WHERE id = ?1",
            [self.run],
        )?;
        Ok(self.total)
    }

    fn error(&mut self, e: &ErrorRecord) -> Result<()> {
        let kind = match serde_json::to_value(e.error.kind) {
            Ok(serde_json::Value::String(s)) => s,
            _ => format!("{:?}", e.error.kind),
        };
        // The same error again changes nothing.
        self.conn
            .prepare_cached(
                "INSERT INTO errors (id, path, url, kind, message, loaded) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (id) DO UPDATE SET path = excluded.path, url = excluded.url, kind = excluded.kind,
                   message = excluded.message, loaded = excluded.loaded
                 WHERE errors.kind IS NOT excluded.kind OR errors.message IS NOT excluded.message
                   OR errors.path IS NOT excluded.path OR errors.url IS NOT excluded.url",
            )?
            .execute(params![
                e.id,
                e.source.path,
                e.source.url,
                kind,
                e.error.message,
                self.now
            ])?;
        Ok(())
    }

    fn document(&mut self, d: &Doc) -> Result<Outcome> {
        let r = &d.record;
        let existing: Option<(i64, String)> = self
            .conn
            .prepare_cached("SELECT num, record_sha256 FROM documents WHERE id = ?1")?
            .query_row([&r.id], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?;
        let outcome = match existing {
            Some((_, h)) if h == d.record_sha256 => return Ok(Outcome::Unchanged),
            Some((num, _)) => {
                self.remove(num, &r.id)?;
                Outcome::Replaced
            }
            None => Outcome::Inserted,
        };
        let conn = &*self.conn;
        conn.prepare_cached("DELETE FROM errors WHERE id = ?1")?
            .execute([&r.id])?;
        let page_kind = r.page_kind.as_ref().map(|k| match serde_json::to_value(k) {
            Ok(serde_json::Value::String(s)) => s,
            _ => String::new(),
        });
        conn.prepare_cached(
            "INSERT INTO documents (id, path, url, format, encoding, bytes, sha256, title, published, province,
               province_key, page_kind, byline, schema_version, content_sha256, record_sha256, warnings, text, loaded)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
        )?
        .execute(params![
            r.id,
            r.source.path,
            r.source.url,
            r.source.format,
            r.source.encoding,
            r.source.bytes.map(|b| b as i64),
            r.source.sha256,
            r.title,
            r.published,
            r.province,
            d.province_key,
            page_kind,
            r.byline,
            r.schema_version,
            d.content_sha256,
            d.record_sha256,
            d.warnings,
            r.text,
            self.now,
        ])?;
        let num = conn.last_insert_rowid();
        self.index("documents_fts", num, &d.fts, false);

        for (i, (o, x)) in r.organizations.iter().zip(&d.organizations).enumerate() {
            let body = self.body(&o.name, &x.key, Some(&x.kind))?;
            for (k, form) in &x.form_keys {
                self.form(k, body, form)?;
            }
            self.fact(
                "organizations",
                "document_id, ord, body_id, name, kind, forms, mentions",
                &[
                    &r.id,
                    &(i as i64),
                    &body,
                    &o.name,
                    &x.kind,
                    &x.forms,
                    &(o.mentions.len() as i64),
                ],
                &o.evidence,
            )?;
        }

        for (i, (p, x)) in r.people.iter().zip(&d.people).enumerate() {
            let official = self.official(&p.name, &x.key)?;
            self.fact(
                "people",
                "document_id, ord, official_id, name, titles, titles_json, honorific, mentions",
                &[
                    &r.id,
                    &(i as i64),
                    &official,
                    &p.name,
                    &x.titles,
                    &x.titles_json,
                    &p.honorific,
                    &(p.mentions.len() as i64),
                ],
                &p.evidence,
            )?;
        }

        for (i, (m, x)) in r.meetings.iter().zip(&d.meetings).enumerate() {
            let meeting = self.fact(
                "meetings",
                "document_id, ord, date, date_year_inferred, date_text, time_of_day, kind, topic, location, attendees, rule",
                &[
                    &r.id,
                    &(i as i64),
                    &m.date,
                    &m.date_year_inferred,
                    &m.date_evidence.as_ref().map(|d| d.text.as_str()),
                    &x.time_of_day,
                    &m.kind,
                    &m.topic,
                    &m.location,
                    &x.attendees,
                    &x.rule,
                ],
                &m.evidence,
            )?;
            self.index("meetings_fts", meeting, &x.fts, false);
            for (j, (c, cx)) in m.chairs.iter().zip(&x.chairs).enumerate() {
                let official = self.official(&c.name, &cx.key)?;
                self.fact(
                    "chairs",
                    "meeting_id, document_id, ord, official_id, name, key, titles, titles_json, titles_key, honorific, role, rule",
                    &[
                        &meeting,
                        &r.id,
                        &(j as i64),
                        &official,
                        &c.name,
                        &cx.key,
                        &cx.titles,
                        &cx.titles_json,
                        &cx.titles_key,
                        &c.honorific,
                        &cx.role,
                        &cx.rule,
                    ],
                    &c.evidence,
                )?;
            }
        }

        let province = d.province_key.as_deref().unwrap_or("");
        for (i, (t, x)) in r.tasks.iter().zip(&d.tasks).enumerate() {
            let body = if x.kind == "body" {
                Some(self.body(&t.assignee, &x.assignee_key, None)?)
            } else {
                None
            };
            if let Some(b) = body {
                if x.assignee_text_key != x.assignee_key && !x.assignee_text_key.is_empty() {
                    self.form(&x.assignee_text_key, b, &t.assignee_text)?;
                }
            }
            // A month, quarter or year stands as the deadline where the text gives no
            // day: the column holds a deadline at its precision.
            let deadline = t.deadline.as_ref().or(t.deadline_period.as_ref());
            let group = self.group(
                &x.assignee_key,
                province,
                deadline.map_or("", String::as_str),
                &x.words,
            )?;
            let task = self.fact(
                "tasks",
                "document_id, ord, group_id, assigner, assigner_key, assignee, assignee_key, assignee_text, assignee_text_key, assignee_kind, body_id, action, deadline, deadline_precision, deadline_text, due, coordinate_with, report_to, rule",
                &[
                    &r.id,
                    &(i as i64),
                    &group,
                    &t.assigner,
                    &x.assigner_key,
                    &t.assignee,
                    &x.assignee_key,
                    &t.assignee_text,
                    &x.assignee_text_key,
                    &x.kind,
                    &body,
                    &t.action,
                    &deadline,
                    &x.precision,
                    &t.deadline_text,
                    &x.due,
                    &x.coordinate_with,
                    &t.report_to,
                    &x.rule,
                ],
                &t.evidence,
            )?;
            self.index("tasks_fts", task, &x.fts, false);
        }

        for (i, (c, k)) in r.documents.iter().zip(&d.cited_keys).enumerate() {
            let family = match serde_json::to_value(c.family) {
                Ok(serde_json::Value::String(s)) => s,
                _ => String::new(),
            };
            self.fact(
                "cited_documents",
                "document_id, ord, number, number_key, family, type_code, type, issuer_code, year, issued, subject, mentions",
                &[
                    &r.id,
                    &(i as i64),
                    &c.number,
                    &k,
                    &family,
                    &c.type_code,
                    &c.doc_type,
                    &c.issuer_code,
                    &c.year,
                    &c.issued,
                    &c.subject,
                    &(c.mentions as i64),
                ],
                &c.evidence,
            )?;
        }

        for (i, p) in r.percentages.iter().enumerate() {
            self.fact(
                "percentages",
                "document_id, ord, value, qualifier, measure",
                &[&r.id, &(i as i64), &p.value, &p.qualifier, &p.measure],
                &p.evidence,
            )?;
        }
        Ok(outcome)
    }

    /// Removes a stored document and its facts, their search entries, and the
    /// directive groups only its tasks made.
    fn remove(&mut self, num: i64, id: &str) -> Result<()> {
        let v = search::stored_document_values(self.conn, num, id)?;
        self.index("documents_fts", num, &v, true);
        for (tid, v) in search::stored_task_values(self.conn, id)? {
            self.index("tasks_fts", tid, &v, true);
        }
        for (mid, v) in search::stored_meeting_values(self.conn, id)? {
            self.index("meetings_fts", mid, &v, true);
        }
        let conn = &*self.conn;
        let groups: Vec<i64> = conn
            .prepare_cached("SELECT DISTINCT group_id FROM tasks WHERE document_id = ?1")?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        // The facts go with the document (ON DELETE CASCADE).
        conn.prepare_cached("DELETE FROM documents WHERE num = ?1")?
            .execute([num])?;
        for g in groups {
            conn.prepare_cached(
                "DELETE FROM task_groups WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM tasks WHERE group_id = ?1)",
            )?
            .execute([g])?;
        }
        self.sweep = true;
        Ok(())
    }

    /// Inserts a row of a fact table: `values` for `columns`, then the evidence
    /// columns from `e`. Returns the row's id.
    fn fact(
        &mut self,
        table: &'static str,
        columns: &'static str,
        values: &[&dyn ToSql],
        e: &Evidence,
    ) -> Result<i64> {
        let sql = self.sql.entry(table).or_insert_with(|| {
            let n = values.len() + 6;
            let marks: Vec<String> = (1..=n).map(|i| format!("?{i}")).collect();
            format!(
                "INSERT INTO {table} ({columns}, text, span_start, span_end, source_start, source_end, evidence) VALUES ({})",
                marks.join(", ")
            )
        });
        let span = [e.span.0, e.span.1, e.source_span.0, e.source_span.1].map(|v| v as i64);
        let mut all: Vec<&dyn ToSql> = values.to_vec();
        all.extend([
            &e.text as &dyn ToSql,
            &span[0],
            &span[1],
            &span[2],
            &span[3],
            &e.evidence,
        ]);
        self.conn.prepare_cached(sql)?.execute(all.as_slice())?;
        Ok(self.conn.last_insert_rowid())
    }

    fn index(&mut self, table: &'static str, rowid: i64, values: &[String; 3], delete: bool) {
        self.doc_fts.push(FtsOp {
            table,
            rowid,
            values: values.clone(),
            delete,
        });
    }

    /// The body named `name` (key `key`), created when new.
    fn body(&mut self, name: &str, key: &str, kind: Option<&str>) -> Result<i64> {
        if let Some(&id) = self.bodies.get(key) {
            return Ok(id);
        }
        let id: i64 = self
            .conn
            .prepare_cached(
                "INSERT INTO bodies (name, key, kind) VALUES (?1, ?2, ?3)
                 ON CONFLICT (key) DO UPDATE SET kind = coalesce(bodies.kind, excluded.kind)
                 RETURNING id",
            )?
            .query_row(params![name, key, kind], |r| r.get(0))?;
        // A body first met as an assignee learns its kind where it is listed.
        if kind.is_some() {
            self.bodies.insert(key.to_string(), id);
        }
        Ok(id)
    }

    fn form(&mut self, key: &str, body: i64, form: &str) -> Result<()> {
        if self.forms.insert((key.to_string(), body)) {
            self.conn
                .prepare_cached(
                    "INSERT OR IGNORE INTO body_forms (key, body_id, form) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![key, body, form])?;
        }
        Ok(())
    }

    fn official(&mut self, name: &str, key: &str) -> Result<i64> {
        if let Some(&id) = self.officials.get(key) {
            return Ok(id);
        }
        let id: i64 = self
            .conn
            .prepare_cached(
                "INSERT INTO officials (name, key) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET name = officials.name
                 RETURNING id",
            )?
            .query_row(params![name, key], |r| r.get(0))?;
        self.officials.insert(key.to_string(), id);
        Ok(id)
    }

    /// The group of reports of the directive: the most alike of the recent groups
    /// with the same assignee, province and deadline, or a new one.
    fn group(
        &mut self,
        assignee_key: &str,
        province_key: &str,
        deadline: &str,
        words: &[String],
    ) -> Result<i64> {
        let mut best: Option<(f64, i64)> = None;
        {
            let mut s = self.conn.prepare_cached(
                "SELECT id, words FROM task_groups WHERE assignee_key = ?1 AND province_key = ?2 AND deadline = ?3
                 ORDER BY id DESC LIMIT ?4",
            )?;
            let mut rows = s.query(params![
                assignee_key,
                province_key,
                deadline,
                GROUP_CANDIDATES
            ])?;
            while let Some(row) = rows.next()? {
                let id: i64 = row.get(0)?;
                let w = row.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?;
                let theirs: Vec<&str> = w.split(' ').filter(|w| !w.is_empty()).collect();
                let d = dice(words, &theirs);
                let better = match best {
                    Some((b, _)) => d > b,
                    None => true,
                };
                if d >= SAME_ACTION && better {
                    best = Some((d, id));
                    if d == 1.0 {
                        break;
                    }
                }
            }
        }
        if let Some((_, id)) = best {
            return Ok(id);
        }
        self.conn
            .prepare_cached(
                "INSERT INTO task_groups (assignee_key, province_key, deadline, words) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![assignee_key, province_key, deadline, words.join(" ")])?;
        Ok(self.conn.last_insert_rowid())
    }
}

impl Drop for Writer<'_> {
    fn drop(&mut self) {
        // A writer left by an error keeps the whole documents it wrote.
        if self.in_transaction {
            let _ = self.commit();
            if self.in_transaction {
                let _ = self.conn.execute_batch("ROLLBACK");
            }
        }
    }
}
