//! The words around a percentage: its qualifier and the noun phrase it measures.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::doc::floor_boundary;

fn lexicon(data: &'static str) -> Vec<&'static str> {
    let mut v: Vec<&str> = data
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    v.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    v
}

static QUALIFIERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon(include_str!("qualifiers.txt")));

static STOPS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon(include_str!("measure_stops.txt")));

/// A qualifier ending right before the number.
static QUALIFIER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let alts: Vec<String> = QUALIFIERS
        .iter()
        .map(|q| {
            q.split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect();
    Regex::new(&format!(r"(?i)(?:^|[^\p{{L}}])({})\s*$", alts.join("|")))
        .expect("qualifier pattern")
});

/// Connectors that open a clause without being part of its subject.
const LEADING_CONNECTORS: &[&str] = &[
    "trong đó",
    "đồng thời",
    "riêng",
    "còn",
    "và",
    "nhưng",
    "với",
    "có",
    "đến nay",
    "hiện nay",
];

/// The qualifying word right before the number at byte `start` (`đạt`, `trên`).
pub fn qualifier(text: &str, start: usize) -> Option<String> {
    let before = &text[floor_boundary(text, start.saturating_sub(40))..start];
    let c = QUALIFIER_BEFORE.captures(before)?;
    Some(
        c[1].split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase(),
    )
}

/// The noun phrase the percentage at `range` measures.
///
/// First the words right after it (`100% cơ quan nhà nước từ cấp tỉnh` →
/// `cơ quan nhà nước`), up to punctuation or a word that starts a predicate; else
/// the subject of its clause before the qualifier (`tỷ lệ … đạt 95%` → `tỷ lệ …`).
/// A clause that only continues the previous percentage (`tăng 1% … và tăng 2%`)
/// shares its measure. `None` when nothing reads as one.
pub fn measure(
    text: &str,
    range: &Range<usize>,
    qualifier: Option<&str>,
    prev: Option<&(usize, Option<String>)>,
) -> Measure {
    match after(text, range.end) {
        Some(m) => Measure {
            phrase: Some(m),
            subject: false,
        },
        None => Measure {
            phrase: before(text, range.start, qualifier, prev),
            subject: true,
        },
    }
}

/// The measure of a percentage and where it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measure {
    /// The noun phrase.
    pub phrase: Option<String>,
    /// It is the subject of the clause (read before the number), which a following
    /// percentage in the same clause shares.
    pub subject: bool,
}

fn after(text: &str, end: usize) -> Option<String> {
    let rest = &text[end..floor_boundary(text, (end + 200).min(text.len()))];
    let rest = rest
        .split(['\n', ',', ';', ':', '(', ')', '!', '?', '"', '“', '”', '|'])
        .next()
        .unwrap_or("");
    let mut words = Vec::new();
    for w in rest.split_whitespace() {
        if w.starts_with(|c: char| !c.is_alphabetic()) {
            break;
        }
        let clean = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        let lower = clean.to_lowercase();
        if STOPS.contains(&lower.as_str()) || QUALIFIERS.contains(&lower.as_str()) {
            break;
        }
        if clean.is_empty() {
            break;
        }
        words.push(clean);
        if clean.len() != w.len() || words.len() >= 8 {
            break;
        }
    }
    let words = strip_leading(&words, &["các", "những", "tổng số", "số"]);
    (!words.is_empty()).then(|| words.join(" "))
}

fn before(
    text: &str,
    start: usize,
    qualifier: Option<&str>,
    prev: Option<&(usize, Option<String>)>,
) -> Option<String> {
    let win_start = floor_boundary(text, start.saturating_sub(300));
    let window = &text[win_start..start];
    // The clause: after the last `;`, `:`, sentence end, or the previous percentage.
    let mut clause_start = window
        .rfind([';', ':', '\n', '!', '?'])
        .map_or(0, |i| i + 1)
        .max(window.rfind(". ").map_or(0, |i| i + 2));
    if let Some(i) = window.rfind('(') {
        if !window[i..].contains(')') {
            clause_start = clause_start.max(i + 1);
        }
    }
    let mut shared = false;
    if let Some((pend, pmeasure)) = prev {
        if *pend > win_start + clause_start && *pend <= start {
            clause_start = pend - win_start;
            shared = true;
            let between = window[clause_start..].trim();
            let continues = between
                .split_whitespace()
                .any(|w| w == "và" || w == "nhưng")
                || between.starts_with(',');
            if continues {
                return pmeasure.clone();
            }
        }
    }
    let mut clause = &window[clause_start..];
    // Without a "tỷ lệ" to anchor it, the subject is the last comma-separated part.
    let lower = clause.to_lowercase();
    match lower.rfind("tỷ lệ").or_else(|| lower.rfind("tỉ lệ")) {
        Some(i) if !shared => clause = &clause[i..],
        _ => {
            if let Some(i) = clause.rfind(',') {
                clause = &clause[i + 1..];
            }
        }
    }
    let mut words: Vec<&str> = clause.split_whitespace().collect();
    // Drop the qualifier chain before the number ("đạt trên", "chỉ còn").
    if qualifier.is_some() {
        while let Some(last) = words.last() {
            let l = last.to_lowercase();
            let joined2 = words
                .len()
                .checked_sub(2)
                .map(|i| words[i..].join(" ").to_lowercase());
            if joined2.as_deref().is_some_and(|j| QUALIFIERS.contains(&j)) {
                words.truncate(words.len() - 2);
            } else if QUALIFIERS.contains(&l.as_str())
                || ["chỉ", "với", "là", "mức", "ở"].contains(&l.as_str())
            {
                words.pop();
            } else {
                break;
            }
        }
    }
    let mut words = strip_leading(&words, LEADING_CONNECTORS);
    while words
        .last()
        .is_some_and(|w| ["và", "có", "thì", "nhưng"].contains(&w.to_lowercase().as_str()))
    {
        words.pop();
    }
    let s = words.join(" ");
    let s = s
        .trim_matches(|c: char| !c.is_alphanumeric() && c != ')')
        .to_string();
    let n = s.split_whitespace().count();
    (n > 0 && n <= 12).then_some(s)
}

/// `words` without the leading phrases in `drop` (matched case-insensitively).
fn strip_leading<'a>(words: &[&'a str], drop: &[&str]) -> Vec<&'a str> {
    let mut i = 0;
    'outer: while i < words.len() {
        for d in drop {
            let n = d.split_whitespace().count();
            if i + n <= words.len() && words[i..i + n].join(" ").to_lowercase() == *d {
                i += n;
                continue 'outer;
            }
        }
        break;
    }
    words[i..].to_vec()
}
