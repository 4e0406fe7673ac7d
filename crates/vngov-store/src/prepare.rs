//! A record turned into what the store writes: hashes, keys, deadlines' last
//! days, search text. Pure work with no database, done where the record is made
//! (on the extraction workers) so that the single writer only binds values.

use serde::Serialize;
use sha2::{Digest, Sha256};
use vngov_record::{ErrorRecord, Output, Record};

use crate::key::{key, number_key, province_key, word_set};
use crate::{dates, search, walk};

/// A record or an error record, ready to be written by a [`crate::Writer`].
#[derive(Debug, Clone)]
pub struct Prepared(pub(crate) Item);

#[derive(Debug, Clone)]
pub(crate) enum Item {
    Record(Box<Doc>),
    Error(Box<ErrorRecord>),
}

/// A record and what is derived from it.
#[derive(Debug, Clone)]
pub(crate) struct Doc {
    pub record: Record,
    /// SHA-256 of everything the record holds: equal records are not written again.
    pub record_sha256: String,
    /// The source's `content_sha256`, or the SHA-256 of the text.
    pub content_sha256: String,
    pub province_key: Option<String>,
    pub warnings: String,
    pub fts: [String; 3],
    pub organizations: Vec<OrgExtra>,
    pub people: Vec<PersonExtra>,
    pub meetings: Vec<MeetingExtra>,
    pub tasks: Vec<TaskExtra>,
    pub cited_keys: Vec<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct OrgExtra {
    pub key: String,
    pub kind: String,
    pub forms: String,
    pub form_keys: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
pub(crate) struct PersonExtra {
    pub key: String,
    pub titles: String,
    pub titles_json: String,
}

#[derive(Debug, Clone)]
pub(crate) struct MeetingExtra {
    pub rule: Option<String>,
    pub time_of_day: Option<String>,
    pub attendees: String,
    pub chairs: Vec<ChairExtra>,
    pub fts: [String; 3],
}

#[derive(Debug, Clone)]
pub(crate) struct ChairExtra {
    pub key: String,
    pub titles: String,
    pub titles_json: String,
    pub titles_key: String,
    pub role: String,
    pub rule: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct TaskExtra {
    pub assignee_key: String,
    pub assignee_text_key: String,
    pub assigner_key: Option<String>,
    pub kind: String,
    pub precision: Option<String>,
    pub due: Option<String>,
    pub coordinate_with: String,
    pub rule: Option<String>,
    pub words: Vec<String>,
    pub fts: [String; 3],
}

impl Prepared {
    /// Prepares an output line of `vngov extract`.
    pub fn new(output: Output) -> Prepared {
        match output {
            Output::Record(r) => Prepared(Item::Record(Box::new(Doc::new(*r)))),
            Output::Error(e) => Prepared(Item::Error(e)),
        }
    }

    /// Prepares a copy of an output line (for a caller that keeps the output).
    pub fn from_ref(output: &Output) -> Prepared {
        Prepared::new(output.clone())
    }

    /// The record or error record's id.
    pub fn id(&self) -> &str {
        match &self.0 {
            Item::Record(d) => &d.record.id,
            Item::Error(e) => &e.id,
        }
    }
}

/// The text of a value's wire name (`"presided"` for `ChairRole::Presided`).
fn wire_name<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// A string field the record's types may not know yet (`rule`, added in a later
/// minor version of the format), read from the value as it serializes.
/// An empty value (a record written before the field existed) is none.
fn extra_field<T: Serialize>(v: &T, field: &str) -> Option<String> {
    walk::top_level_str(v, field).filter(|s| !s.is_empty())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Titles as a person reads them: "Phó Chủ tịch UBND tỉnh; Trưởng ban".
fn titles_text(titles: &[vngov_record::Title]) -> String {
    titles
        .iter()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

fn json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".to_string())
}

impl Doc {
    fn new(record: Record) -> Doc {
        let record_sha256 = walk::sha256(&record);
        let content_sha256 = extra_field(&record.source, "content_sha256")
            .unwrap_or_else(|| hex(&Sha256::digest(record.text.as_bytes())));
        let organizations: Vec<OrgExtra> = record
            .organizations
            .iter()
            .map(|o| OrgExtra {
                key: key(&o.name),
                kind: wire_name(&o.kind),
                forms: json(&o.forms),
                form_keys: o
                    .forms
                    .iter()
                    .map(|f| (key(f), f.clone()))
                    .filter(|(k, _)| !k.is_empty())
                    .collect(),
            })
            .collect();
        let names: Vec<(String, Vec<String>)> = record
            .organizations
            .iter()
            .map(|o| (o.name.clone(), o.forms.clone()))
            .collect();
        let fts = search::document_values(record.title.as_deref(), &record.text, &names);
        let people = record
            .people
            .iter()
            .map(|p| PersonExtra {
                key: key(&p.name),
                titles: titles_text(&p.titles),
                titles_json: json(&p.titles),
            })
            .collect();
        let meetings = record
            .meetings
            .iter()
            .map(|m| {
                let chairs: Vec<ChairExtra> = m
                    .chairs
                    .iter()
                    .map(|c| {
                        let titles = titles_text(&c.titles);
                        ChairExtra {
                            key: key(&c.name),
                            titles_key: key(&titles),
                            titles,
                            titles_json: json(&c.titles),
                            role: wire_name(&c.role),
                            rule: extra_field(c, "rule"),
                        }
                    })
                    .collect();
                let chair_names: Vec<(String, String)> = m
                    .chairs
                    .iter()
                    .zip(&chairs)
                    .map(|(c, x)| (c.name.clone(), x.titles.clone()))
                    .collect();
                MeetingExtra {
                    rule: extra_field(m, "rule"),
                    time_of_day: m.time_of_day.as_ref().map(wire_name),
                    attendees: json(&m.attendees),
                    fts: search::meeting_values(
                        &m.kind,
                        m.topic.as_deref(),
                        m.location.as_deref(),
                        &chair_names,
                        &m.evidence.evidence,
                    ),
                    chairs,
                }
            })
            .collect();
        let tasks = record
            .tasks
            .iter()
            .map(|t| TaskExtra {
                assignee_key: key(&t.assignee),
                assignee_text_key: key(&t.assignee_text),
                assigner_key: t.assigner.as_deref().map(key),
                kind: wire_name(&t.assignee_kind),
                precision: t.deadline_precision.as_ref().map(wire_name).or_else(|| {
                    t.deadline_period.as_deref().map(|p| {
                        match p.len() {
                            4 => "year",
                            _ if p.contains('Q') => "quarter",
                            _ => "month",
                        }
                        .to_string()
                    })
                }),
                due: t
                    .deadline
                    .as_deref()
                    .or(t.deadline_period.as_deref())
                    .and_then(dates::due),
                coordinate_with: json(&t.coordinate_with),
                rule: extra_field(t, "rule"),
                words: word_set(&t.action),
                fts: search::task_values(
                    &t.assignee,
                    &t.assignee_text,
                    t.assigner.as_deref(),
                    &t.action,
                    &t.evidence.evidence,
                ),
            })
            .collect();
        let cited_keys = record
            .documents
            .iter()
            .map(|d| number_key(&d.number))
            .collect();
        Doc {
            record_sha256,
            content_sha256,
            province_key: record.province.as_deref().map(province_key),
            warnings: json(&record.warnings),
            fts,
            organizations,
            people,
            meetings,
            tasks,
            cited_keys,
            record,
        }
    }
}
