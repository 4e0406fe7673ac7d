//! The text a directive governs, cut into duties, each with its deadline, partners
//! and whom to report to.
//!
//! A directive governs, up to the next directive:
//!
//! - the rest of its unit and the sentences after it on the same line, until one
//!   opens with a body of its own ("… hiệu quả. Đồng chí Phó Chủ tịch UBND tỉnh
//!   cũng khuyến khích …"); inside, a semicolon before a capital opens a new duty,
//!   while a lower-case item ("…; báo cáo UBND tỉnh trước ngày 25/01/2019") and a
//!   later sentence go on with the same one;
//! - when its line ends with a colon, or it is a heading, the items under it, one
//!   duty each;
//! - else the paragraphs after it that go on without a subject ("Tập trung triển
//!   khai …", "Theo chức năng, nhiệm vụ được giao, chủ động …"), one duty each.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use vngov_record::DateFact;
use vngov_text::chars::{is_letter_or_digit, is_upper, lowercase};

use super::arguments::{addressees, first_words};
use super::deadline::{self, Deadline};
use super::{squash, Ctx, Directive};
use crate::rules::organizations::lexicon::skip_ws;
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

/// Words that open a directive's action but are not part of it.
static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\s,:]*(?:(?i:có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|có\s+nhiệm\s+vụ)\s*)?[\s,:]*",
    )
    .unwrap()
});

/// An adverbial opening a paragraph that goes on with the directive before it
/// ("Theo chức năng, nhiệm vụ được giao, chủ động triển khai …").
static OPENER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:theo\s+chức\s+năng,?\s*nhiệm\s+vụ(?:\s+được\s+giao)?|trên\s+cơ\s+sở\s+đó|đồng\s+thời|bên\s+cạnh\s+đó|ngoài\s+ra|trước\s+mắt|về\s+lâu\s+dài)\s*,\s*")
        .unwrap()
});

/// The words that open a duty ([`is_action`]), one or two words each.
static ACTIONS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("action_verbs.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Whether `words` (the first words of a stretch, lower-cased, single spaces) open
/// a duty: a verb of work or an adverb ordering one.
pub fn is_action(words: &str) -> bool {
    action_len(words).is_some()
}

/// How many words of `words` the longest duty-opening entry they start with holds.
pub fn action_len(words: &str) -> Option<usize> {
    let first = words.split(' ').next().unwrap_or("");
    ACTIONS_BY_FIRST
        .get(first)?
        .iter()
        .filter(|a| words == **a || words.strip_prefix(**a).is_some_and(|r| r.starts_with(' ')))
        .map(|a| a.split(' ').count())
        .max()
}

/// [`ACTIONS`] by their first word: a word is looked up, not compared with each.
static ACTIONS_BY_FIRST: LazyLock<std::collections::HashMap<&'static str, Vec<&'static str>>> =
    LazyLock::new(|| {
        let mut by_first: std::collections::HashMap<&str, Vec<&str>> =
            std::collections::HashMap::new();
        for a in ACTIONS.iter() {
            by_first
                .entry(a.split(' ').next().unwrap_or(""))
                .or_default()
                .push(a);
        }
        by_first
    });

/// Whether `words` (two words) are one phrase of the list ("tổ chức"), not a
/// one-word entry and the word after it.
pub fn is_action_phrase(words: &str) -> bool {
    ACTIONS.contains(&words)
}

/// The duties `d` governs, `next` being where the next directive starts and
/// `starts` where every directive starts (in text order).
pub fn of(
    ctx: &Ctx,
    d: &Directive,
    next: Option<usize>,
    starts: &[usize],
    dates: &[(Range<usize>, &DateFact)],
) -> Vec<Duty> {
    let t = ctx.text;
    let units = ctx.doc.units();
    let limit = next.unwrap_or(t.len()).max(d.action_start);
    // `starts` is in text order: the first start after `d`'s in `r` is found by a
    // search, not by reading every directive's for every unit.
    let starts_in = |r: &Range<usize>| {
        let k = starts.partition_point(|&s| s < r.start.max(d.start + 1));
        starts.get(k).is_some_and(|&s| s < r.end)
    };
    let mut pieces: Vec<Range<usize>> = Vec::new();

    // The rest of the unit, and the sentences after it on its line.
    let mut own_end = units.units[d.unit].range.end.min(limit);
    let mut k = d.unit + 1;
    while let Some(u) = units.units.get(k) {
        if u.line_start || u.range.start >= limit || opens_with_party(ctx, u.body, u.range.end) {
            break;
        }
        own_end = u.range.end.min(limit);
        k += 1;
    }
    if own_end > d.action_start {
        let from = d.action_start
            + LEAD
                .find(&t[d.action_start..own_end])
                .map_or(0, |m| m.end());
        pieces.extend(split_own(t, from..own_end));
    }
    let line_end = k;

    // The items under it, or the paragraphs after it.
    let line_start = units.units[d.unit].line;
    let lead = t[..units.units[line_end - 1].range.end]
        .trim_end_matches(['"', '”', ')', ' '])
        .ends_with(':')
        || d.rule == "heading";
    let mut k = line_end;
    if lead {
        while let Some(u) = units.units.get(k) {
            if u.range.start >= limit || !descends(ctx, k, line_start) {
                break;
            }
            if !ctx.cx.excluded[k] && !starts_in(&u.range) {
                pieces.push(u.body..u.range.end);
            }
            k += 1;
        }
    } else if units.units[line_start].marker.is_none() {
        while let Some(u) = units.units.get(k) {
            if u.range.start >= limit
                || !u.line_start
                || u.marker.is_some()
                || ctx.cx.excluded[k]
                || !goes_on(ctx, u.body, u.range.end)
            {
                break;
            }
            // The paragraph and the sentences after it on its line.
            let mut end = u.range.end;
            let mut j = k + 1;
            while let Some(w) = units.units.get(j).filter(|w| !w.line_start) {
                end = w.range.end;
                j += 1;
            }
            pieces.push(u.body..end.min(limit));
            k = j;
        }
    }
    pieces
        .into_iter()
        .filter_map(|r| duty(ctx.parties, r, dates))
        .collect()
}

/// Whether unit `k` hangs, at some depth, from the line opened by unit `top`.
fn descends(ctx: &Ctx, k: usize, top: usize) -> bool {
    let units = &ctx.doc.units().units;
    let start = units[k].line;
    std::iter::successors(units[start].parent, |&p| units[p].parent).any(|p| units[p].line == top)
}

/// Whether the words at `at` open with a body or person of their own.
fn opens_with_party(ctx: &Ctx, at: usize, end: usize) -> bool {
    ctx.addressees_at(at, end).is_some()
}

/// Whether a paragraph at `at` goes on with the directive before it: it opens
/// with a verb of work (after an adverbial such as "Theo chức năng, nhiệm vụ được
/// giao,"), not with a subject of its own.
fn goes_on(ctx: &Ctx, at: usize, end: usize) -> bool {
    let t = ctx.text;
    // A short line is a heading or page furniture ("Thống kê truy cập").
    if t[at..end].split_whitespace().count() < MIN_WORDS {
        return false;
    }
    let at = at + OPENER.find(&t[at..end]).map_or(0, |m| m.end());
    !opens_with_party(ctx, at, end) && is_action(&first_words(t, at, 2))
}

/// Fewest words of a paragraph that goes on with a directive.
const MIN_WORDS: usize = 6;

/// The duties in the stretch `r` of one line: a semicolon before a capital opens a
/// new one ("… ; Hướng dẫn …"), but not "Yêu cầu …", which goes on.
fn split_own(t: &str, r: Range<usize>) -> Vec<Range<usize>> {
    let mut bounds = vec![r.start];
    let mut depth = 0i32;
    for (i, c) in t[r.clone()].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ';' if depth <= 0 => {
                let j = skip_ws(t, r.start + i + 1);
                if j < r.end
                    && t[j..].chars().next().is_some_and(is_upper)
                    && !t[j..].starts_with("Yêu cầu")
                {
                    bounds.push(j);
                }
            }
            _ => {}
        }
    }
    bounds.push(r.end);
    bounds.windows(2).map(|w| w[0]..w[1]).collect()
}

/// One duty over `r`.
fn duty(
    parties: &PartyIndex,
    r: Range<usize>,
    dates: &[(Range<usize>, &DateFact)],
) -> Option<Duty> {
    let t = parties.text();
    let text = t[r.clone()]
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ';' | ',' | '.' | '/' | ':'));
    let lead = text.len() - text.trim_start_matches([' ', '\t', '\n', ',', ':']).len();
    let start = r.start + lead;
    let end = r.start + text.len();
    if end <= start || !t[start..end].chars().any(is_letter_or_digit) {
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

/// Words after a body that show it is not the subject of a new duty.
pub const NOT_A_VERB: &[&str] = &[
    "của", "và", "với", "trong", "tại", "về", "là", "đã", "được", "trên", "để", "theo", "thuộc",
    "cho", "từ", "đến", "có", "như", "nhằm", "vừa", "cũng", "đang", "sẽ", "này", "đó", "nào",
];

/// "phối hợp (chặt chẽ) (với|cùng) X, Y".
static COORDINATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)phối\s+hợp(?:\s+chặt\s+chẽ)?(?:\s+(?:với|cùng))?\s+").unwrap()
});

fn partners(parties: &PartyIndex, r: Range<usize>) -> Vec<String> {
    let t = parties.text();
    let mut out: Vec<String> = Vec::new();
    for m in COORDINATE.find_iter(&t[r.clone()]) {
        if let Some((list, _)) = addressees(parties, r.start + m.end(), r.end) {
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

    #[test]
    fn actions_open_with_a_verb_of_work() {
        assert!(is_action("rà soát"));
        assert!(is_action("tập trung"));
        assert!(is_action("không để"));
        assert!(!is_action("không khí"));
        assert!(!is_action("tình hình"));
        assert!(!is_action("lậpx"));
    }
}
