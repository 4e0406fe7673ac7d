//! The directives report: one self-contained HTML page.
//!
//! Directives are grouped by assignee, ordered by deadline, coloured by status;
//! the reports of one directive by several documents make one row, each with its
//! sentence (the directive's words highlighted) and a link to its source. Filters
//! (assignee, status, year, province) are plain JavaScript over the rows, which
//! are all in the page: it needs no network (a Content-Security-Policy forbids
//! any) and opens from a file. Every string that comes from a document is escaped.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::key::{key, province_key};
use crate::query::{self, Directive, Status, TaskQuery};
use crate::{Result, Store};

const CSS: &str = include_str!("report/report.css");
const JS: &str = include_str!("report/report.js");

/// What the report holds.
#[derive(Debug, Clone, Default)]
pub struct ReportOptions {
    /// Which directives (all by default); `as_of` sets the day statuses are
    /// judged on.
    pub query: TaskQuery,
    /// The page's heading (default "Directives").
    pub title: Option<String>,
}

/// Escapes text for HTML element content and double- or single-quoted attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than line breaks and tabs are not text.
            c if c.is_control() && !matches!(c, '\n' | '\t') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A link target only for web addresses: a `javascript:` or `data:` URL in a
/// document is shown, never followed.
fn safe_url(url: &str) -> Option<&str> {
    let lower = url.trim_start().get(..8).unwrap_or("").to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then_some(url.trim_start())
}

/// The sentence with the directive's words in `<mark>`, escaped.
fn highlighted(evidence: &str, words: &str) -> String {
    match (!words.is_empty()).then(|| evidence.find(words)).flatten() {
        Some(i) => format!(
            "{}<mark>{}</mark>{}",
            escape(&evidence[..i]),
            escape(words),
            escape(&evidence[i + words.len()..])
        ),
        None if words.is_empty() => escape(evidence),
        None => format!("{} <mark>{}</mark>", escape(evidence), escape(words)),
    }
}

fn status_label(s: Status) -> &'static str {
    match s {
        Status::Overdue => "Overdue",
        Status::Upcoming => "Upcoming",
        Status::NoDeadline => "No deadline",
    }
}

/// `2019-01-25` as Vietnamese write it, `25/01/2019`; months and years as `01/2019`,
/// `2019`; quarters as `Q1/2019`.
fn vn_date(iso: &str) -> String {
    let p: Vec<&str> = iso.split('-').collect();
    match p.as_slice() {
        [y, m, d] => format!("{d}/{m}/{y}"),
        [y, q] if q.starts_with('Q') => format!("{q}/{y}"),
        [y, m] => format!("{m}/{y}"),
        _ => iso.to_string(),
    }
}

/// One directive: its reports, in order.
struct Group {
    reports: Vec<Directive>,
}

/// Writes the report of the directives `options` selects.
pub fn render(store: &Store, options: &ReportOptions) -> Result<String> {
    // Assignee key → (name, groups by id in deadline order).
    let mut by_assignee: BTreeMap<String, (String, Vec<i64>)> = BTreeMap::new();
    let mut groups: BTreeMap<i64, Group> = BTreeMap::new();
    let mut documents = BTreeSet::new();
    let as_of = query::tasks(store, &options.query, |d| {
        documents.insert(d.document.document_id.clone());
        let entry = by_assignee
            .entry(key(&d.assignee))
            .or_insert_with(|| (d.assignee.clone(), Vec::new()));
        let g = groups.entry(d.group_id).or_insert_with(|| {
            entry.1.push(d.group_id);
            Group {
                reports: Vec::new(),
            }
        });
        g.reports.push(d);
        Ok(())
    })?;
    let reports: usize = groups.values().map(|g| g.reports.len()).sum();

    let mut years = BTreeSet::new();
    let mut provinces: BTreeMap<String, String> = BTreeMap::new();
    for g in groups.values() {
        for d in &g.reports {
            if let Some(y) = d.document.published.as_deref().and_then(|p| p.get(..4)) {
                years.insert(y.to_string());
            }
            if let Some(p) = &d.document.province {
                provinces
                    .entry(province_key(p))
                    .or_insert_with(|| p.clone());
            }
        }
    }

    let title = options.title.as_deref().unwrap_or("Directives");
    let mut h = String::with_capacity(64 * 1024);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"generator\" content=\"vngov {}\">\n<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        escape(title)
    );
    let _ = write!(
        h,
        "<header>\n<h1>{}</h1>\n<p class=\"summary\">{} directives ({} reports) to {} assignees, from {} documents. Statuses as of <time datetime=\"{as_of}\">{}</time>.</p>\n</header>\n",
        escape(title),
        groups.len(),
        reports,
        by_assignee.len(),
        documents.len(),
        vn_date(&as_of),
    );

    // Filters.
    h.push_str("<form id=\"filters\" aria-label=\"Filters\">\n");
    h.push_str("<label>Assignee<select name=\"assignee\"><option value=\"\">All</option>");
    for (k, (name, gs)) in &by_assignee {
        let _ = write!(
            h,
            "<option value=\"{}\" lang=\"vi\">{} ({})</option>",
            escape(k),
            escape(name),
            gs.len()
        );
    }
    h.push_str(
        "</select></label>\n<label>Status<select name=\"status\"><option value=\"\">All</option>",
    );
    for s in [Status::Overdue, Status::Upcoming, Status::NoDeadline] {
        let _ = write!(
            h,
            "<option value=\"{}\">{}</option>",
            s.as_str(),
            status_label(s)
        );
    }
    h.push_str("</select></label>\n<label>Year published<select name=\"year\"><option value=\"\">All</option>");
    for y in years.iter().rev() {
        let _ = write!(h, "<option value=\"{0}\">{0}</option>", escape(y));
    }
    h.push_str("</select></label>\n<label>Province<select name=\"province\"><option value=\"\">All</option>");
    for (k, name) in &provinces {
        let _ = write!(
            h,
            "<option value=\"{}\" lang=\"vi\">{}</option>",
            escape(k),
            escape(name)
        );
    }
    let _ = write!(
        h,
        "</select></label>\n<button type=\"reset\">Clear</button>\n<span class=\"shown\"><b id=\"shown\">{}</b> of {} directives shown</span>\n</form>\n",
        groups.len(),
        groups.len()
    );
    let _ = writeln!(
        h,
        "<div class=\"legend\" id=\"legend\"><span><span class=\"badge overdue\">Overdue</span> the deadline passed before {} (the documents do not say whether the directive was carried out)</span>\
         <span><span class=\"badge upcoming\">Upcoming</span> the deadline is on or after that day</span>\
         <span><span class=\"badge no_deadline\">No deadline</span> no calendar date given</span>\
         <span><mark>highlighted</mark> the words the directive was read from</span></div>",
        vn_date(&as_of)
    );
    h.push_str(
        "<p id=\"none\" class=\"empty\" hidden>No directive passes these filters.</p>\n<main>\n",
    );
    if groups.is_empty() {
        h.push_str("<p class=\"empty\">No directives.</p>\n");
    }

    for (k, (name, gs)) in &by_assignee {
        let _ = write!(
            h,
            "<section class=\"assignee\" data-assignee=\"{}\">\n<h2 lang=\"vi\">{} <span class=\"count\" lang=\"en\">{} {}</span></h2>\n\
             <table>\n<thead><tr><th>Deadline</th><th>Status</th><th>Directive and evidence</th></tr></thead>\n<tbody>\n",
            escape(k),
            escape(name),
            gs.len(),
            if gs.len() == 1 { "directive" } else { "directives" }
        );
        for id in gs {
            let g = &groups[id];
            row(&mut h, k, g);
        }
        h.push_str("</tbody>\n</table>\n</section>\n");
    }
    let _ = write!(
        h,
        "</main>\n<footer>Written by vngov {} from the facts it extracted; each sentence is quoted from its source document.</footer>\n<script>\n{JS}</script>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    );
    Ok(h)
}

fn row(h: &mut String, assignee_key: &str, g: &Group) {
    let first = &g.reports[0];
    let years: BTreeSet<&str> = g
        .reports
        .iter()
        .filter_map(|d| d.document.published.as_deref().and_then(|p| p.get(..4)))
        .collect();
    let provinces: BTreeSet<String> = g
        .reports
        .iter()
        .filter_map(|d| d.document.province.as_deref().map(province_key))
        .collect();
    let bars = |v: Vec<String>| {
        if v.is_empty() {
            String::new()
        } else {
            format!("|{}|", v.join("|"))
        }
    };
    let status = first.status.as_str();
    let _ = writeln!(
        h,
        "<tr class=\"directive {status}\" data-assignee=\"{}\" data-status=\"{status}\" data-years=\"{}\" data-provinces=\"{}\">",
        escape(assignee_key),
        escape(&bars(years.iter().map(|y| y.to_string()).collect())),
        escape(&bars(provinces.into_iter().collect())),
    );
    let deadline = match &first.deadline {
        Some(d) => format!(
            "<time datetime=\"{}\">{}</time>",
            escape(d),
            escape(&vn_date(d))
        ),
        None => "—".to_string(),
    };
    let written = first
        .deadline_text
        .as_deref()
        .map(|t| {
            format!(
                "<span class=\"as-written\" lang=\"vi\">{}</span>",
                escape(t)
            )
        })
        .unwrap_or_default();
    let _ = write!(
        h,
        "<td class=\"deadline\">{deadline}{written}</td>\n<td class=\"status\"><span class=\"badge {status}\">{}</span></td>\n<td>\n",
        status_label(first.status)
    );
    let _ = writeln!(
        h,
        "<p class=\"action\" lang=\"vi\">{}</p>",
        escape(&first.action)
    );
    let mut parties = Vec::new();
    if let Some(a) = &first.assigner {
        parties.push(format!(
            "Directed by <span lang=\"vi\">{}</span>",
            escape(a)
        ));
    }
    if first.assignee_text != first.assignee {
        parties.push(format!(
            "assignee written <span lang=\"vi\">{}</span>",
            escape(&first.assignee_text)
        ));
    }
    if !first.coordinate_with.is_empty() {
        parties.push(format!(
            "with <span lang=\"vi\">{}</span>",
            escape(&first.coordinate_with.join("; "))
        ));
    }
    if let Some(r) = &first.report_to {
        parties.push(format!("reports to <span lang=\"vi\">{}</span>", escape(r)));
    }
    if !parties.is_empty() {
        let _ = writeln!(h, "<p class=\"parties\">{}</p>", parties.join(" · "));
    }
    if g.reports.len() > 1 {
        let _ = writeln!(
            h,
            "<p class=\"parties\">Reported by {} documents:</p>",
            g.reports.len()
        );
    }
    // One report is shown as it is; several are numbered.
    let (open, close, item, item_end) = if g.reports.len() > 1 {
        ("<ol class=\"reports\">\n", "</ol>\n", "<li>", "</li>")
    } else {
        ("<div class=\"reports\">\n", "</div>\n", "<div>", "</div>")
    };
    h.push_str(open);
    for d in &g.reports {
        let _ = write!(
            h,
            "{item}<blockquote class=\"evidence\" lang=\"vi\">{}</blockquote>\n<div class=\"source\">",
            highlighted(&d.evidence, &d.text)
        );
        let doc = &d.document;
        let label = doc
            .title
            .as_deref()
            .or(d.document.url.as_deref())
            .or(d.document.path.as_deref())
            .unwrap_or(&d.document.document_id);
        match d.document.url.as_deref().and_then(safe_url) {
            Some(u) => {
                let _ = write!(
                    h,
                    "<a href=\"{}\" rel=\"noopener noreferrer\" lang=\"vi\">{}</a>",
                    escape(u),
                    escape(label)
                );
            }
            None => {
                let _ = write!(h, "<span lang=\"vi\">{}</span>", escape(label));
                if let Some(u) = d.document.url.as_deref().or(d.document.path.as_deref()) {
                    let _ = write!(h, " <code>{}</code>", escape(u));
                }
            }
        }
        let mut meta = Vec::new();
        if let Some(p) = &d.document.published {
            meta.push(format!("published {}", escape(&vn_date(p))));
        }
        if let Some(p) = &d.document.province {
            meta.push(format!("<span lang=\"vi\">{}</span>", escape(p)));
        }
        meta.push(format!("document {}", escape(&d.document.document_id)));
        let _ = writeln!(h, " · {}</div>{item_end}", meta.join(" · "));
    }
    h.push_str(close);
    h.push_str("</td>\n</tr>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_quotes_and_controls() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>\u{1b}"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;\u{FFFD}"
        );
    }

    #[test]
    fn only_web_addresses_are_links() {
        assert_eq!(safe_url("https://x.gov.vn/a"), Some("https://x.gov.vn/a"));
        assert_eq!(safe_url("HTTP://x"), Some("HTTP://x"));
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url(" data:text/html,<b>"), None);
        assert_eq!(safe_url("http"), None);
    }

    #[test]
    fn the_words_are_highlighted_in_their_sentence() {
        assert_eq!(
            highlighted(
                "UBND tỉnh yêu cầu Sở Y tế <b> báo cáo.",
                "Sở Y tế <b> báo cáo"
            ),
            "UBND tỉnh yêu cầu <mark>Sở Y tế &lt;b&gt; báo cáo</mark>."
        );
        assert_eq!(highlighted("a", "b"), "a <mark>b</mark>");
        assert_eq!(vn_date("2019-01-25"), "25/01/2019");
        assert_eq!(vn_date("2019-Q1"), "Q1/2019");
        assert_eq!(vn_date("2019-01"), "01/2019");
    }
}
