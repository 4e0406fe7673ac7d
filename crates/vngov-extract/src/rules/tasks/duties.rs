//! The text a directive governs, cut into duties, each with its deadline, partners
//! and whom to report to.
//!
//! A directive governs the rest of its paragraph, up to the next directive; when the
//! paragraph ends with a colon, the list lines after it too. Inside, a semicolon
//! followed by a capital (or a new list line) opens a new duty; a lower-case item
//! ("…; báo cáo UBND tỉnh trước ngày 25/01/2019") and a later sentence naming no new
//! body ("Yêu cầu hoàn thiện … trước ngày 24/5/2019") continue the same duty.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use vngov_record::DateFact;
use vngov_text::chars::{is_letter_or_digit, is_upper, lowercase};

use super::clause::squash;
use super::deadline::{self, Deadline};
use super::trigger::assignee_list;
use super::{Ctx, Directive};
use crate::rules::organizations::PartyIndex;

/// One duty of a directive.
#[derive(Debug, Clone)]
pub struct Duty {
    /// Byte range of its words.
    pub range: Range<usize>,
    /// What is to be done.
    pub action: String,
    /// Its calendar deadline.
    pub deadline: Option<Deadline>,
    /// The deadline as written, calendar or relative.
    pub deadline_text: Option<String>,
    /// Partners to coordinate with.
    pub coordinate_with: Vec<String>,
    /// Whom to report to.
    pub report_to: Option<String>,
}

/// A list line: a dash, bullet, letter or number opening a line.
static LIST_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]*(?:[-+•*–]|\(?[a-zđ]\)|\(?\d{1,2}[.)])[ \t]*").unwrap());

/// Words that open a directive's action but are not part of it.
static LEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\s,:]*(?:(?i:có\s+trách\s+nhiệm)\s*)?[\s,:]*").unwrap());

/// Where a directive's governed text ends: its paragraph (with the list under a
/// closing colon), or the next directive.
pub fn scope_end(parties: &PartyIndex, d: &Directive, next: Option<usize>) -> usize {
    let t = parties.text();
    let line_end = |i: usize| t[i..].find('\n').map_or(t.len(), |k| i + k);
    let mut end = line_end(d.action_start);
    if t[..end].trim_end().ends_with(':') {
        while end < t.len() {
            let from = end + 1;
            let e = line_end(from);
            let line = &t[from..e];
            if line.trim().is_empty() {
                end = e;
                continue;
            }
            if !LIST_LINE.is_match(line) {
                break;
            }
            end = e;
        }
    }
    let end = next.map_or(end, |n| end.min(n.max(d.action_start)));
    // A next directive opening a list line ends this one before its marker.
    let line_start = t[..end].rfind('\n').map_or(0, |i| i + 1);
    let end = if end > d.action_start
        && line_start > d.action_start
        && LIST_LINE
            .find(&t[line_start..end])
            .is_some_and(|m| m.end() == end - line_start)
    {
        line_start
    } else {
        end
    };
    new_subject(parties, d.action_start, end).unwrap_or(end)
}

/// The first sentence after `from`, before `end`, that opens with a body or person
/// of its own ("… hiệu quả. Đồng chí Phó Chủ tịch UBND tỉnh cũng khuyến khích …"):
/// the directive's text stops there.
fn new_subject(parties: &PartyIndex, from: usize, end: usize) -> Option<usize> {
    SENTENCE_END
        .find_iter(&parties.text()[from..end])
        .map(|m| from + m.end())
        .find(|&s| parties.party_at(s).is_some())
}

/// A sentence end inside a paragraph.
static SENTENCE_END: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[.!?]\s+").unwrap());

/// Directives carried by another's list: after a semicolon, a new body and a verb
/// ("đề nghị cơ quan thường trực tiếp thu …; các thành viên Ban chỉ đạo tăng cường …").
pub fn continuations(ctx: &Ctx, d: &Directive, end: usize) -> Vec<Directive> {
    let t = ctx.text;
    let mut out = Vec::new();
    for (i, _) in t[d.action_start..end].match_indices(';') {
        let s = crate::rules::organizations::lexicon::skip_ws(t, d.action_start + i + 1);
        let Some((assignees, e)) = assignee_list(ctx.parties, s) else {
            continue;
        };
        let next_word: String = t[e..]
            .trim_start()
            .chars()
            .take_while(|&c| is_letter_or_digit(c))
            .collect();
        if next_word.is_empty()
            || next_word.chars().next().is_some_and(is_upper)
            || NOT_A_VERB.contains(&next_word.as_str())
        {
            continue;
        }
        out.push(Directive {
            rule: "list",
            start: s,
            assignees,
            action_start: e,
            assigner: d.assigner.clone(),
        });
    }
    out
}

/// Words after a body that show it is not the subject of a new duty.
pub const NOT_A_VERB: &[&str] = &[
    "của", "và", "với", "trong", "tại", "về", "là", "đã", "được", "trên", "để", "theo", "thuộc",
    "cho", "từ", "đến", "có", "như", "nhằm",
];

/// The duties in the text `d` governs up to `end`.
pub fn split(
    ctx: &Ctx,
    d: &Directive,
    end: usize,
    dates: &[(Range<usize>, &DateFact)],
) -> Vec<Duty> {
    let t = ctx.text;
    let start = d.action_start + LEAD.find(&t[d.action_start..end]).map_or(0, |m| m.end());
    let mut bounds = vec![start];
    let mut depth = 0i32;
    for (i, c) in t[start..end].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ';' | '\n' if depth <= 0 => {
                let j = crate::rules::organizations::lexicon::skip_ws(t, start + i + 1);
                if j >= end {
                    continue;
                }
                let rest = &t[j..end];
                let line = LIST_LINE
                    .find(rest)
                    .filter(|_| c == '\n' || t[start + i + 1..j].contains('\n'));
                let opens = line.is_some()
                    || (c == ';'
                        && rest.chars().next().is_some_and(is_upper)
                        && !rest.starts_with("Yêu cầu"));
                if opens {
                    bounds.push(j);
                }
            }
            _ => {}
        }
    }
    bounds.push(end);
    bounds
        .windows(2)
        .filter_map(|w| duty(ctx.parties, w[0]..w[1], dates))
        .collect()
}

/// One duty over `r`.
fn duty(
    parties: &PartyIndex,
    r: Range<usize>,
    dates: &[(Range<usize>, &DateFact)],
) -> Option<Duty> {
    let t = parties.text();
    let text = t[r.clone()]
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ';' | ',' | '.' | '/'));
    let lead = LIST_LINE.find(text).map_or(0, |m| m.end());
    let start = r.start + lead;
    let end = r.start + text.len();
    if end <= start {
        return None;
    }
    let range = start..end;
    let (deadline, deadline_text) = deadline::find(t, range.clone(), dates);
    Some(Duty {
        action: squash(&t[range.clone()]),
        coordinate_with: partners(parties, range.clone()),
        report_to: report_to(parties, range.clone()),
        range,
        deadline,
        deadline_text,
    })
}

/// "phối hợp (chặt chẽ) (với|cùng) X, Y".
static COORDINATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)phối\s+hợp(?:\s+chặt\s+chẽ)?(?:\s+(?:với|cùng))?\s+").unwrap()
});

fn partners(parties: &PartyIndex, r: Range<usize>) -> Vec<String> {
    let t = parties.text();
    let mut out: Vec<String> = Vec::new();
    for m in COORDINATE.find_iter(&t[r.clone()]) {
        if let Some((list, _)) = assignee_list(parties, r.start + m.end()) {
            for p in list {
                if !out.contains(&p.name) {
                    out.push(p.name);
                }
            }
        }
    }
    out
}

/// "báo cáo UBND tỉnh", "trình UBND tỉnh", "gửi báo cáo về Sở KH&ĐT".
static REPORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:báo\s+cáo|trình|gửi(?:\s+(?:báo\s+cáo|ý\s+kiến(?:\s+tham\s+gia)?|kết\s+quả|văn\s+bản))?)(?:\s+kết\s+quả)?\s+(?:về\s+|lên\s+|cho\s+|đến\s+)?").unwrap()
});

/// "báo cáo kết quả thực hiện về Văn phòng Chính phủ": a few words, then "về",
/// "lên", "cho", "đến" and the body.
static REPORT_LATER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:báo\s+cáo|trình|gửi)(?:\s+[\p{L}\d]+){1,5}?\s+(?:về|lên|cho|đến)\s+")
        .unwrap()
});

fn report_to(parties: &PartyIndex, r: Range<usize>) -> Option<String> {
    let t = parties.text();
    let at = |m: regex::Match| {
        parties
            .party_at(r.start + m.end())
            .map(|p| (m.start(), p.name))
    };
    let direct = REPORT.find_iter(&t[r.clone()]).find_map(at);
    let later = REPORT_LATER.find_iter(&t[r.clone()]).find_map(at);
    match (direct, later) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a.1 } else { b.1 }),
        (a, b) => a.or(b).map(|x| x.1),
    }
}

/// Words that only say "carry it out".
const GENERIC: &[&str] = &[
    "triển", "khai", "thực", "hiện", "tổ", "chức", "khẩn", "trương", "nghiêm", "túc", "các", "nội",
    "dung", "trên", "này", "theo", "quy", "định", "kịp", "thời",
];

/// A document number ("68/2017/NĐ-CP", "846/UBND-TH").
static DOC_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b\d+(?:/\d{4})?/[\p{Lu}Đ][\p{L}\d-]*").unwrap());

/// Whether an action without a deadline restates another: it only says to carry
/// out, or cites the same document.
pub fn restates(action: &str, other: &str) -> bool {
    let generic = action
        .split(|c: char| !is_letter_or_digit(c))
        .filter(|w| !w.is_empty())
        .all(|w| GENERIC.contains(&lowercase(w).as_str()));
    // Every document number holds a slash: without one the pattern has nothing to find.
    let shared_doc = || {
        action.contains('/')
            && DOC_NUMBER
                .find_iter(action)
                .any(|m| other.contains(m.as_str()))
    };
    generic || shared_doc()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restates_generic_or_a_shared_number() {
        let other = "Triển khai Nghị định 68/2017/NĐ-CP và Quyết định 1072/QĐ-TTg";
        assert!(restates("Triển khai thực hiện.", other));
        assert!(restates("thực hiện Nghị định số 68/2017/NĐ-CP", other));
        assert!(restates("theo Quyết định 1072/QĐ-TTg;", other));
        assert!(!restates("theo Quyết định 1073/QĐ-TTg", other));
        assert!(!restates("rà soát hồ sơ", other));
        assert!(!restates("rà soát hồ sơ 2017 NĐ-CP", other));
        // Without a slash the pattern finds nothing, so the number check is skipped.
        for a in ["rà soát 68 NĐ-CP", "báo cáo 12 - QĐ", "x 1072QĐ-TTg"] {
            assert!(!a.contains('/') && DOC_NUMBER.find(a).is_none(), "{a}");
        }
    }
}
