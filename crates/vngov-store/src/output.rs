//! Answers printed: a table for a person, JSON Lines or CSV for programs.

use std::io::Write;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::query::{Directive, DocumentRow, MeetingRow};
use crate::Result;

/// How answers are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aligned columns fitting this many terminal cells, long values cut with `…`.
    Table {
        /// The width to fit.
        width: usize,
    },
    /// One JSON object per line, every field.
    JsonLines,
    /// CSV with a header line (RFC 4180).
    Csv,
}

/// A kind of row that can be printed in every [`Format`].
pub trait Row: Serialize {
    /// Table headers, with each column's share of the room left over (0: the
    /// column keeps its natural width).
    const TABLE: &'static [(&'static str, usize)];
    /// CSV headers.
    const CSV: &'static [&'static str];
    /// What a row shows in the table, one cell per header.
    fn cells(&self) -> Vec<String>;
    /// The CSV fields, one per header.
    fn csv(&self) -> Vec<String>;
}

fn or_dash(v: &Option<String>) -> String {
    v.clone().unwrap_or_else(|| "—".to_string())
}

fn opt(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

impl Row for Directive {
    const TABLE: &'static [(&'static str, usize)] = &[
        ("DEADLINE", 0),
        ("STATUS", 0),
        ("ASSIGNEE", 3),
        ("ACTION", 4),
        ("PUBLISHED", 0),
        ("DOCUMENT", 0),
    ];
    const CSV: &'static [&'static str] = &[
        "task_id",
        "group_id",
        "reports",
        "status",
        "assigner",
        "assignee",
        "assignee_text",
        "assignee_kind",
        "action",
        "deadline",
        "deadline_text",
        "due",
        "coordinate_with",
        "report_to",
        "rule",
        "text",
        "span_start",
        "span_end",
        "evidence",
        "document_id",
        "title",
        "published",
        "province",
        "url",
        "path",
    ];
    fn cells(&self) -> Vec<String> {
        vec![
            self.deadline
                .clone()
                .or_else(|| self.deadline_text.clone())
                .unwrap_or_else(|| "—".to_string()),
            self.status.as_str().replace('_', " "),
            self.assignee.clone(),
            self.action.clone(),
            or_dash(&self.document.published),
            self.document.document_id.clone(),
        ]
    }
    fn csv(&self) -> Vec<String> {
        vec![
            self.task_id.to_string(),
            self.group_id.to_string(),
            self.reports.to_string(),
            self.status.as_str().to_string(),
            opt(&self.assigner),
            self.assignee.clone(),
            self.assignee_text.clone(),
            self.assignee_kind.clone(),
            self.action.clone(),
            opt(&self.deadline),
            opt(&self.deadline_text),
            opt(&self.due),
            self.coordinate_with.join("; "),
            opt(&self.report_to),
            opt(&self.rule),
            self.text.clone(),
            self.span[0].to_string(),
            self.span[1].to_string(),
            self.evidence.clone(),
            self.document.document_id.clone(),
            opt(&self.document.title),
            opt(&self.document.published),
            opt(&self.document.province),
            opt(&self.document.url),
            opt(&self.document.path),
        ]
    }
}

impl Row for MeetingRow {
    const TABLE: &'static [(&'static str, usize)] = &[
        ("DATE", 0),
        ("KIND", 1),
        ("CHAIRED BY", 3),
        ("TOPIC", 4),
        ("DOCUMENT", 0),
    ];
    const CSV: &'static [&'static str] = &[
        "meeting_id",
        "date",
        "time_of_day",
        "kind",
        "topic",
        "location",
        "chairs",
        "text",
        "span_start",
        "span_end",
        "evidence",
        "document_id",
        "title",
        "published",
        "province",
        "url",
        "path",
    ];
    fn cells(&self) -> Vec<String> {
        let chairs: Vec<String> = self.chairs.iter().map(chair_label).collect();
        vec![
            or_dash(&self.date),
            self.kind.clone(),
            if chairs.is_empty() {
                "—".to_string()
            } else {
                chairs.join("; ")
            },
            or_dash(&self.topic),
            self.document.document_id.clone(),
        ]
    }
    fn csv(&self) -> Vec<String> {
        let chairs: Vec<String> = self.chairs.iter().map(chair_label).collect();
        vec![
            self.meeting_id.to_string(),
            opt(&self.date),
            opt(&self.time_of_day),
            self.kind.clone(),
            opt(&self.topic),
            opt(&self.location),
            chairs.join("; "),
            self.text.clone(),
            self.span[0].to_string(),
            self.span[1].to_string(),
            self.evidence.clone(),
            self.document.document_id.clone(),
            opt(&self.document.title),
            opt(&self.document.published),
            opt(&self.document.province),
            opt(&self.document.url),
            opt(&self.document.path),
        ]
    }
}

fn chair_label(c: &crate::query::ChairRow) -> String {
    if c.titles.is_empty() {
        c.name.clone()
    } else {
        format!("{}, {}", c.name, c.titles)
    }
}

impl Row for DocumentRow {
    const TABLE: &'static [(&'static str, usize)] = &[
        ("PUBLISHED", 0),
        ("PROVINCE", 0),
        ("TASKS", 0),
        ("MEETINGS", 0),
        ("TITLE", 1),
        ("DOCUMENT", 0),
    ];
    const CSV: &'static [&'static str] = &[
        "id",
        "published",
        "province",
        "title",
        "url",
        "path",
        "tasks",
        "meetings",
        "cited_documents",
        "citation_number",
        "citation_evidence",
    ];
    fn cells(&self) -> Vec<String> {
        vec![
            or_dash(&self.published),
            or_dash(&self.province),
            self.tasks.to_string(),
            self.meetings.to_string(),
            or_dash(&self.title),
            self.id.clone(),
        ]
    }
    fn csv(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            opt(&self.published),
            opt(&self.province),
            opt(&self.title),
            opt(&self.url),
            opt(&self.path),
            self.tasks.to_string(),
            self.meetings.to_string(),
            self.cited_documents.to_string(),
            self.citation
                .as_ref()
                .map(|c| c.number.clone())
                .unwrap_or_default(),
            self.citation
                .as_ref()
                .map(|c| c.evidence.clone())
                .unwrap_or_default(),
        ]
    }
}

/// Prints rows of one kind as they come (a table is laid out at the end).
pub struct Printer<W: Write, R: Row> {
    format: Format,
    out: W,
    table: Vec<Vec<String>>,
    csv_started: bool,
    count: usize,
    _row: std::marker::PhantomData<R>,
}

impl<W: Write, R: Row> Printer<W, R> {
    /// A printer writing to `out`.
    pub fn new(format: Format, out: W) -> Self {
        Printer {
            format,
            out,
            table: Vec::new(),
            csv_started: false,
            count: 0,
            _row: std::marker::PhantomData,
        }
    }

    /// Prints (or keeps, for a table) one row.
    pub fn row(&mut self, r: &R) -> Result<()> {
        self.count += 1;
        match self.format {
            Format::Table { .. } => self
                .table
                .push(r.cells().into_iter().map(one_line).collect()),
            Format::JsonLines => {
                serde_json::to_writer(&mut self.out, r).map_err(std::io::Error::from)?;
                self.out.write_all(b"\n")?;
            }
            Format::Csv => {
                if !self.csv_started {
                    self.csv_line(R::CSV.iter().map(|s| s.to_string()).collect())?;
                    self.csv_started = true;
                }
                self.csv_line(r.csv())?;
            }
        }
        Ok(())
    }

    fn csv_line(&mut self, fields: Vec<String>) -> Result<()> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(&fields).map_err(std::io::Error::other)?;
        let bytes = w
            .into_inner()
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        self.out.write_all(&bytes)?;
        Ok(())
    }

    /// How many rows were printed.
    pub fn count(&self) -> usize {
        self.count
    }

    /// Lays out the table (CSV gets its header even without rows) and flushes.
    pub fn finish(mut self) -> Result<W> {
        match self.format {
            Format::Table { width } => {
                let rows = std::mem::take(&mut self.table);
                let text = layout(R::TABLE, &rows, width);
                self.out.write_all(text.as_bytes())?;
            }
            Format::Csv if !self.csv_started => {
                self.csv_line(R::CSV.iter().map(|s| s.to_string()).collect())?;
            }
            _ => {}
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

/// A value on one line: line breaks and tabs as spaces, control characters
/// dropped (a document's text must not move the terminal's cursor).
fn one_line(s: String) -> String {
    if !s.chars().any(char::is_control) {
        return s;
    }
    s.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// `s` cut to `width` terminal cells, with `…` where it was cut.
fn fit(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// Columns two cells apart, a header and a rule; columns with a share give up
/// room, in proportion, until the table fits `width` (each keeps at least its
/// header's width).
fn layout(headers: &[(&str, usize)], rows: &[Vec<String>], width: usize) -> String {
    let n = headers.len();
    let mut widths: Vec<usize> = headers.iter().map(|(h, _)| h.width()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate().take(n) {
            widths[i] = widths[i].max(c.width());
        }
    }
    let gaps = 2 * n.saturating_sub(1);
    let total = |w: &[usize]| w.iter().sum::<usize>() + gaps;
    if total(&widths) > width {
        let fixed: usize = headers
            .iter()
            .zip(&widths)
            .filter(|((_, share), _)| *share == 0)
            .map(|(_, w)| w)
            .sum();
        let shares: usize = headers.iter().map(|(_, s)| s).sum();
        let room = width.saturating_sub(fixed + gaps);
        // Each flexible column gets its share of the room, or its natural width
        // when smaller; what it leaves goes to the others.
        let mut left = room;
        let mut open: Vec<usize> = (0..n).filter(|&i| headers[i].1 > 0).collect();
        let mut share_left = shares;
        loop {
            let mut changed = false;
            open.retain(|&i| {
                let fair = left * headers[i].1 / share_left.max(1);
                if widths[i] <= fair {
                    left -= widths[i];
                    share_left -= headers[i].1;
                    changed = true;
                    false
                } else {
                    true
                }
            });
            if !changed {
                break;
            }
        }
        for &i in &open {
            let fair = left * headers[i].1 / share_left.max(1);
            widths[i] = fair.max(headers[i].0.width());
        }
    }
    let mut out = String::new();
    let line = |cells: &mut dyn Iterator<Item = String>, out: &mut String| {
        let mut l = String::new();
        for (i, c) in cells.enumerate() {
            let c = fit(&c, widths[i]);
            l += &c;
            if i + 1 < n {
                l += &" ".repeat(widths[i] - c.width() + 2);
            }
        }
        out.push_str(l.trim_end());
        out.push('\n');
    };
    line(&mut headers.iter().map(|(h, _)| h.to_string()), &mut out);
    line(&mut widths.iter().map(|w| "─".repeat(*w)), &mut out);
    for r in rows {
        line(&mut r.iter().cloned(), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_fit_the_width_and_cut_long_values() {
        let rows = vec![
            vec![
                "2019-01-25".to_string(),
                "Sở Thông tin và Truyền thông".to_string(),
                "x".repeat(200),
            ],
            vec![
                "—".to_string(),
                "Sở Y tế".to_string(),
                "báo cáo".to_string(),
            ],
        ];
        let t = layout(
            &[("DEADLINE", 0), ("ASSIGNEE", 1), ("ACTION", 3)],
            &rows,
            60,
        );
        for l in t.lines() {
            assert!(l.width() <= 60, "{l:?} is {} wide", l.width());
        }
        assert!(t.contains('…'));
        assert!(t
            .lines()
            .next()
            .unwrap()
            .starts_with("DEADLINE    ASSIGNEE"));
        // Narrow values keep their width.
        let t = layout(
            &[("A", 0), ("B", 1)],
            &[vec!["1".into(), "ngắn".into()]],
            80,
        );
        assert_eq!(t, "A  B\n─  ────\n1  ngắn\n");
    }

    #[test]
    fn control_characters_do_not_reach_the_terminal() {
        assert_eq!(one_line("a\nb\u{1b}[31mc".to_string()), "a b[31mc");
    }
}
