//! The vngov record: one JSON object per document, as JSON Lines.
//!
//! This crate holds the types and their wire format only (no I/O). The JSON Schema
//! in `schemas/record.schema.json` describes the same format and is the contract
//! downstream code relies on; a test validates every corpus record against it.
//!
//! Every fact carries its evidence: `span`, character offsets (Unicode scalar
//! values, end exclusive) into the record's `text`; `source_span`, the same in the
//! document as it was read, before normalization; and `evidence`, the sentence of
//! `text` the fact came from.

use serde::{Deserialize, Serialize};

mod meeting;
mod organization;
mod page;
mod task;

pub use meeting::{Chair, ChairRole, Meeting, PersonFact, PersonRef, TimeOfDay, Title};
pub use organization::{Organization, OrganizationKind};
pub use page::{Link, PageKind};
pub use task::{AssigneeKind, Task};

/// Version of the record format. Minor versions add optional fields only.
pub const SCHEMA_VERSION: &str = "1.4";

/// The record's JSON Schema (`schemas/record.schema.json`), as shipped.
pub const JSON_SCHEMA: &str = include_str!("../../../schemas/record.schema.json");

/// Character offsets `[start, end)` into a text, counted in Unicode scalar values.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub struct Span(pub usize, pub usize);

impl Span {
    /// The span's start offset.
    pub fn start(&self) -> usize {
        self.0
    }
    /// The span's end offset (exclusive).
    pub fn end(&self) -> usize {
        self.1
    }
}

/// Where a fact came from: the sentence, and its offsets in the normalized and the
/// original text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Evidence {
    /// The words the fact was read from, exactly as in `text[span]`.
    pub text: String,
    /// Offsets of `text` in the record's normalized `text`.
    pub span: Span,
    /// Offsets of the same words in the document as it was read.
    pub source_span: Span,
    /// The sentence of the record's `text` that holds the fact.
    pub evidence: String,
}

/// One output line: a record, or an error record for a document that could not be read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Output {
    /// A document that was read and extracted.
    Record(Box<Record>),
    /// A document that could not be read or extracted.
    Error(Box<ErrorRecord>),
}

impl Output {
    /// The source of this output line.
    pub fn source(&self) -> &Source {
        match self {
            Output::Record(r) => &r.source,
            Output::Error(e) => &e.source,
        }
    }
    /// Whether this line is an error record.
    pub fn is_error(&self) -> bool {
        matches!(self, Output::Error(_))
    }
}

/// Where a document came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Source {
    /// Path of the file as given on the command line (`-` for standard input).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// URL the document was fetched from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// What the input was read as: `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// The character encoding the bytes were decoded from (`utf-8`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// Size of the input in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u64>,
    /// SHA-256 of the input bytes, hex.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// SHA-256 of the record's `text` (UTF-8), hex: the same text read from
    /// different files, formats or encodings has the same one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_sha256: Option<String>,
    /// For JSON Lines: the line of the file the document is on, from 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// The document's own identifier in its input (a JSON Lines `id` field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_id: Option<String>,
    /// For a paged document (PDF): where each page lies in `text`, and how its text
    /// was had. A fact is on the page whose span holds its `span`'s start.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<SourcePage>,
    /// For an attachment fetched from an article: the article's URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub linked_from: Option<String>,
}

/// One page of a paged document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourcePage {
    /// Its number, from 1.
    pub page: usize,
    /// Its offsets in the record's `text`.
    pub span: Span,
    /// How its text was had: `text` (the text layer), `legacy_font` (a TCVN3 or VNI
    /// text layer, decoded) or `ocr`.
    pub method: String,
}

impl Source {
    /// The number of the page holding offset `at` of the record's `text`, for a
    /// paged document.
    pub fn page_of(&self, at: usize) -> Option<usize> {
        let i = self.pages.partition_point(|p| p.span.0 <= at);
        self.pages.get(i.checked_sub(1)?).map(|p| p.page)
    }
}

/// The facts extracted from one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// [`SCHEMA_VERSION`].
    pub schema_version: String,
    /// Stable identifier derived from the source: its URL, or its path (written
    /// relative to the working directory when under it) with its container's
    /// identifier or position; unique in a run.
    pub id: String,
    /// Where the document came from.
    pub source: Source,
    /// The document's headline, when one was found.
    pub title: Option<String>,
    /// What the page is, for HTML input: an article, or a listing of articles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_kind: Option<PageKind>,
    /// The author line of a web article ("Lệ Hằng").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// Where a web article says it was taken from ("Theo Baoninhbinh.org.vn").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_credit: Option<String>,
    /// Photo captions of a web article, kept apart from `text`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub captions: Vec<String>,
    /// For a listing page: the articles it links to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// The article's own publication date (`YYYY-MM-DD`), not a portal clock.
    pub published: Option<String>,
    /// Where `published` was read from.
    pub published_evidence: Option<Evidence>,
    /// The province or centrally-run city the document is about.
    pub province: Option<String>,
    /// Where `province` was read from (its first decisive mention).
    pub province_evidence: Option<Evidence>,
    /// The normalized text all spans point into.
    pub text: String,
    /// Every date mentioned.
    pub dates: Vec<DateFact>,
    /// Every official document number cited, once each.
    pub documents: Vec<DocumentFact>,
    /// Every percentage, in order of appearance, repeats kept.
    pub percentages: Vec<PercentageFact>,
    /// Meetings the document reports on.
    pub meetings: Vec<Meeting>,
    /// Every named official, once each, with every mention.
    pub people: Vec<PersonFact>,
    /// Directives the document reports.
    pub tasks: Vec<Task>,
    /// Every state or Party body mentioned, once each, with the forms written.
    pub organizations: Vec<Organization>,
    /// Things noticed while reading that a user may want to know.
    pub warnings: Vec<Warning>,
}

/// Precision of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    /// A day: `value` is `YYYY-MM-DD`, or `--MM-DD` when the year is unknown.
    Day,
    /// A month: `YYYY-MM`, or `--MM` when the year is unknown.
    Month,
    /// A quarter: `YYYY-Qn`.
    Quarter,
    /// A year: `YYYY`.
    Year,
    /// A range: `START/END` (ISO 8601 interval of the two ends' values).
    Range,
}

/// A date mentioned in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateFact {
    /// ISO 8601 value at the date's precision (see [`DatePrecision`]).
    pub value: String,
    /// Day, month, quarter, year or range.
    pub precision: DatePrecision,
    /// The year was not written but inferred from the document (its publication date,
    /// the year under review).
    pub year_inferred: bool,
    /// For a range, its first and last values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// For a range, its last value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// Where it was read.
    #[serde(flatten)]
    pub evidence: Evidence,
}

/// The family of rules an official document number follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentFamily {
    /// `n/TYPE-ISSUER` (Nghị định 30/2020/NĐ-CP).
    Administrative,
    /// `n/YEAR/TYPE-ISSUER` (legal normative documents, with the year).
    LegalNormative,
    /// `n/ISSUER-UNIT`: a công văn, without a type code.
    OfficialLetter,
    /// `n-TYPE/ISSUER` (Party documents, Hướng dẫn 36-HD/VPTW).
    Party,
}

/// An official document cited by number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentFact {
    /// Canonical number: no spaces, `Đ` for look-alikes (`1072/QĐ-TTg`).
    pub number: String,
    /// Which numbering rules the number follows.
    pub family: DocumentFamily,
    /// Type code (`QĐ`), when the number has one.
    pub type_code: Option<String>,
    /// Type name (`Quyết định`), from the type code or the words before the number.
    #[serde(rename = "type")]
    pub doc_type: Option<String>,
    /// Issuer code (`TTg`, `UBND`, `TW`).
    pub issuer_code: Option<String>,
    /// Year carried by the number (`64/2007/NĐ-CP` → 2007).
    pub year: Option<i32>,
    /// Issue date (`YYYY-MM-DD`), when the text gives it beside the number.
    pub issued: Option<String>,
    /// What the document is about, when "về việc …" / "về …" follows.
    pub subject: Option<String>,
    /// How many times the number is cited.
    pub mentions: usize,
    /// Where it was first read.
    #[serde(flatten)]
    pub evidence: Evidence,
}

/// A percentage written in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PercentageFact {
    /// The number (`53,2 %` → 53.2).
    pub value: f64,
    /// The word qualifying it (đạt, trên, gần, dưới, tăng, giảm, …).
    pub qualifier: Option<String>,
    /// The noun phrase it measures, when found.
    pub measure: Option<String>,
    /// Where it was read.
    #[serde(flatten)]
    pub evidence: Evidence,
}

impl Record {
    /// Sets `source_span = f(span)` on every piece of evidence and every mention in
    /// the record, so that the offsets into the original document are filled in one
    /// place, whatever facts the record holds.
    pub fn map_source_spans(&mut self, f: impl Fn(Span) -> Span) {
        let f = &f;
        let ev = |e: &mut Evidence| e.source_span = f(e.span);
        self.published_evidence.iter_mut().for_each(ev);
        self.province_evidence.iter_mut().for_each(ev);
        self.dates.iter_mut().for_each(|d| ev(&mut d.evidence));
        self.documents.iter_mut().for_each(|d| ev(&mut d.evidence));
        self.percentages
            .iter_mut()
            .for_each(|d| ev(&mut d.evidence));
        self.meetings.iter_mut().for_each(|m| m.map_source_spans(f));
        self.people.iter_mut().for_each(|p| p.map_source_spans(f));
        self.tasks.iter_mut().for_each(|t| t.map_source_spans(f));
        self.organizations
            .iter_mut()
            .for_each(|o| o.map_source_spans(f));
    }
}

/// One more place a person or body is named: the words and their offsets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Mention {
    /// The words as written in `text`.
    pub text: String,
    /// Offsets in the record's `text`.
    pub span: Span,
    /// Offsets in the document as it was read.
    pub source_span: Span,
}

/// Something noticed while reading a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// Stable machine-readable code (`replacement_character`, `empty_text`, …).
    pub code: String,
    /// What was seen, for a person.
    pub message: String,
}

impl Warning {
    /// A warning with this code and message.
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        Warning {
            code: code.into(),
            message: message.into(),
        }
    }
}

/// A document that could not be read or extracted. The run goes on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorRecord {
    /// [`SCHEMA_VERSION`].
    pub schema_version: String,
    /// Stable identifier derived from the source.
    pub id: String,
    /// Where the document came from.
    pub source: Source,
    /// What went wrong.
    pub error: ErrorInfo,
}

/// Why a document could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorInfo {
    /// Stable machine-readable kind.
    pub kind: ErrorKind,
    /// What happened, for a person.
    pub message: String,
    /// For a failed fetch, the HTTP status of the last response, when there was one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
}

impl ErrorInfo {
    /// An error of this kind, without an HTTP status.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        ErrorInfo {
            kind,
            message: message.into(),
            status: None,
        }
    }
}

/// Kinds of document errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be opened or read, or does not exist.
    Io,
    /// The input is not what vngov reads: a JSON line that is not a JSON object,
    /// has no text, or holds its text in a field that is not a string.
    Input,
    /// The bytes are not text in a supported encoding.
    Decode,
    /// The input is larger than the configured limit, or expands past it.
    TooLarge,
    /// The document is a scan and OCR is not installed.
    OcrUnavailable,
    /// Extraction failed unexpectedly on this document.
    Internal,
    /// The document could not be fetched: the server answered with an error status
    /// (in `status`), or could not be reached (the reason in the message).
    Fetch,
    /// robots.txt refuses the document to vngov.
    Robots,
    /// The archive holding the document (WARC, ARC) is damaged there: a record with
    /// a wrong length or header, an archive cut short.
    Archive,
}
