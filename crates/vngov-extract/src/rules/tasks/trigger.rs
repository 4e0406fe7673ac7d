//! What the rules share: a list of addressees, the assigner before a trigger word,
//! and the rule shape "<assigner> <verb> <addressees> <action>".

use regex::Regex;
use vngov_text::chars::{is_letter_or_digit, lowercase};

use super::clause::words_before;
use super::{Ctx, Directive};
use crate::rules::organizations::grammar::sector_list;
use crate::rules::organizations::lexicon::{eat, skip_ws};
use crate::rules::organizations::{Party, PartyIndex};

/// Words that may stand between an assigner and its verb ("UBND tỉnh đã yêu cầu").
const FILLERS: &[&str] = &[
    "đã",
    "cũng",
    "tiếp tục",
    "đồng thời",
    "còn",
    "thì",
    "vẫn",
    "trực tiếp",
    "có ý kiến",
    "kiên quyết",
    "nghiêm khắc",
];

/// A list of addressees at byte `at` of the indexed text: parties joined by ",",
/// ";", "và", "cùng"; the list and its end.
pub fn assignee_list(parties: &PartyIndex, at: usize) -> Option<(Vec<Party>, usize)> {
    let t = parties.text();
    let mut list = Vec::new();
    let mut end = push_party(t, parties.party_at(at)?, &mut list);
    loop {
        let i = skip_ws(t, end);
        let mut j = if t[i..].starts_with([',', ';']) {
            skip_ws(t, i + 1)
        } else {
            i
        };
        let mut joined = j > i;
        for w in ["và", "cùng với", "cùng"] {
            if let Some(e) = eat(t, j, w, false) {
                j = skip_ws(t, e);
                joined = true;
                break;
            }
        }
        if !joined || j >= t.len() {
            break;
        }
        match parties.party_at(j) {
            Some(p) => end = push_party(t, p, &mut list),
            None => break,
        }
    }
    Some((list, end))
}

/// Adds `p` to `list` (a sector list after it, "các sở: Nội vụ, Tài chính", as one
/// party per sector); returns where it ends.
fn push_party(t: &str, p: Party, list: &mut Vec<Party>) -> usize {
    match sector_list(t, &p) {
        Some((parties, end)) => {
            list.extend(parties);
            end
        }
        None => {
            let end = p.range.end;
            list.push(p);
            end
        }
    }
}

/// The assigner named right before byte `at` (allowing "đã", "cũng" …): a party of
/// the document scan.
pub fn assigner_before(ctx: &Ctx, at: usize) -> Option<Party> {
    let t = ctx.text;
    let mut end = t[..at].trim_end().len();
    loop {
        let before = &t[..end];
        let Some(f) = FILLERS.iter().find(|f| {
            before.len() >= f.len()
                && before.is_char_boundary(before.len() - f.len())
                && lowercase(&before[before.len() - f.len()..]) == **f
                && !before[..before.len() - f.len()]
                    .chars()
                    .next_back()
                    .is_some_and(is_letter_or_digit)
        }) else {
            break;
        };
        end = before[..before.len() - f.len()].trim_end().len();
    }
    ctx.party_ending_at(end).cloned()
}

/// The rule shape "<assigner> <verb> <addressees> <action>": every match of `verb`
/// (a regex matching the trigger word) not preceded by one of `not_after` (its last
/// one or two words, lower-cased), followed — after an optional `cho` and colon —
/// by a list of addressees.
pub fn verb_rule(
    ctx: &Ctx,
    rule: &'static str,
    verb: &Regex,
    not_after: &[&str],
    need_assigner: bool,
) -> Vec<Directive> {
    let t = ctx.text;
    let mut out = Vec::new();
    for m in verb.find_iter(t) {
        let before_ok = !t[..m.start()]
            .chars()
            .next_back()
            .is_some_and(is_letter_or_digit);
        if !before_ok {
            continue;
        }
        let last1 = words_before(t, m.start(), 1);
        let last2 = words_before(t, m.start(), 2);
        if not_after.iter().any(|w| *w == last1 || *w == last2) {
            continue;
        }
        let mut i = skip_ws(t, m.end());
        if t[i..].starts_with(':') {
            i = skip_ws(t, i + 1);
        }
        let Some((assignees, end)) = assignee_list(ctx.parties, i) else {
            continue;
        };
        if t[end..].trim_start().starts_with("của") {
            continue;
        }
        let assigner = assigner_before(ctx, m.start());
        if need_assigner && assigner.is_none() {
            continue;
        }
        out.push(Directive {
            rule,
            start: assigner.as_ref().map_or(m.start(), |a| a.range.start),
            assignees,
            action_start: end,
            assigner,
        });
    }
    out
}

/// The subject shape "<addressees> <predicate>" at a clause start: every clause
/// start where a list of addressees is followed, within `gap` words, by a match of
/// `predicate` (anchored). Returns the directive with the action after the
/// predicate's match (or at it, when `keep` is true).
pub fn subject_rule(
    ctx: &Ctx,
    rule: &'static str,
    predicate: &Regex,
    gap: usize,
    keep: bool,
    from: usize,
) -> Vec<Directive> {
    let t = ctx.text;
    let mut out = Vec::new();
    for (k, &s) in ctx
        .clause_starts
        .iter()
        .enumerate()
        .filter(|&(_, &s)| s >= from)
    {
        let Some((assignees, end)) = ctx.clause_list(k) else {
            continue;
        };
        let Some(p) = predicate_after(t, end, predicate, gap) else {
            continue;
        };
        out.push(Directive {
            rule,
            start: s,
            assignees,
            action_start: if keep { p.start } else { p.end },
            assigner: None,
        });
    }
    out
}

/// The match of `predicate` starting within `gap` words after `end`, with no
/// punctuation in between.
fn predicate_after(
    t: &str,
    end: usize,
    predicate: &Regex,
    gap: usize,
) -> Option<std::ops::Range<usize>> {
    let mut i = end;
    for _ in 0..=gap {
        let j = skip_ws(t, i);
        if j == i && i != end {
            return None;
        }
        if let Some(m) = predicate.find(&t[j..]) {
            return Some(j + m.start()..j + m.end());
        }
        let w = t[j..]
            .char_indices()
            .find(|&(_, c)| !is_letter_or_digit(c) && c != '/' && c != '-')
            .map_or(t.len() - j, |(k, _)| k);
        if w == 0 {
            return None;
        }
        i = j + w;
    }
    None
}
