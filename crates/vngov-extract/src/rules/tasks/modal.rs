//! In a conclusion, "các sở, ban, ngành, địa phương cần tăng cường …", "Các cơ quan
//! chuyên môn cần …", "… phải …", and the inverted "Trước mắt, cần các đơn vị viễn
//! thông tích cực …". A general exhortation naming no body ("cần đẩy mạnh …") is not
//! a directive; neither is a body that "cần" something before the conclusion.

use std::sync::LazyLock;

use regex::Regex;

use super::trigger::{assignee_list, subject_rule};
use super::{Ctx, Directive};

static PREDICATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:cần\s+phải|cần|phải)\b").unwrap());

static NEED_FIRST: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?i:cần|phải)\s+").unwrap());

/// Every modal directive after the conclusion starts.
pub fn find(ctx: &Ctx) -> Vec<Directive> {
    let t = ctx.text;
    let mut out = subject_rule(ctx, "modal", &PREDICATE, 12, true, ctx.conclusion_from);
    for &s in ctx
        .clause_starts
        .iter()
        .filter(|&&s| s >= ctx.conclusion_from)
    {
        let Some(m) = NEED_FIRST.find(&t[s..]) else {
            continue;
        };
        if let Some((assignees, end)) = assignee_list(ctx.parties, s + m.end()) {
            out.push(Directive {
                rule: "modal",
                start: s,
                assignees,
                action_start: end,
                assigner: None,
            });
        }
    }
    out
}
