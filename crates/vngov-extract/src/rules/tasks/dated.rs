//! A body with a dated obligation, in a list or a clause of its own: "- Cấp huyện
//! hoàn thành và báo cáo kết quả trước ngày 15/7/2015", "Sở Tài nguyên và Môi
//! trường tổng hợp báo cáo UBND tỉnh trước ngày 15/8/2015". Not a past fact ("đã
//! hoàn thành trước ngày …").

use std::sync::LazyLock;

use regex::Regex;

use super::{Ctx, Directive};

/// A deadline word within the clause.
static DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:trước\s+ngày|chậm\s+nhất|hạn\s+chót|xong\s+trước|hoàn\s+thành\s+trước)\b")
        .unwrap()
});

/// A past or passive verb right after the subject.
static PAST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?i:đã|được|vừa|là|có|của|và|với|trong|tại)\b").unwrap());

/// Every dated obligation whose clause opens with a body.
pub fn find(ctx: &Ctx) -> Vec<Directive> {
    let t = ctx.text;
    let mut out = Vec::new();
    for (k, &s) in ctx.clause_starts.iter().enumerate() {
        let Some((assignees, end)) = ctx.clause_list(k) else {
            continue;
        };
        if PAST.is_match(&t[end..]) {
            continue;
        }
        let clause_end = t[end..].find(['.', ';', '\n']).map_or(t.len(), |i| end + i);
        if !DEADLINE.is_match(&t[end..clause_end]) {
            continue;
        }
        out.push(Directive {
            rule: "dated",
            start: s,
            assignees,
            action_start: end,
            assigner: None,
        });
    }
    out
}
