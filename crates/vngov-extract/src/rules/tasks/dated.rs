//! A body with a dated obligation, in a list or a clause of its own: "- Cấp huyện
//! hoàn thành và báo cáo kết quả trước ngày 15/7/2015", "Sở Tài nguyên và Môi
//! trường tổng hợp báo cáo UBND tỉnh trước ngày 15/8/2015". Not a past fact ("đã
//! hoàn thành trước ngày …"), nor an issuer ("UBND tỉnh yêu cầu Sở X … trước ngày
//! …" directs Sở X).

use std::sync::LazyLock;

use regex::Regex;

use super::arguments::{first_words, subject_start};
use super::duties::NOT_A_VERB;
use super::{Ctx, Directive};

/// A deadline word within the clause.
static DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:trước\s+ngày|chậm\s+nhất|hạn\s+chót|xong\s+trước|hoàn\s+thành\s+trước)\b")
        .unwrap()
});

/// Words after the subject that make it no addressee: a past, a passive, a
/// directing verb.
static NOT_DIRECTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:đã|được|vừa|là|có|của|và|với|trong|tại|yêu\s+cầu|giao|đề\s+nghị|chỉ\s+đạo|phân\s+công|kết\s+luận|ban\s+hành|cho\s+biết)\b").unwrap()
});

/// Every dated obligation whose clause opens with a body.
pub fn find(ctx: &Ctx) -> Vec<Directive> {
    let t = ctx.text;
    let units = ctx.doc.units();
    let mut out = Vec::new();
    for c in &units.clauses {
        if ctx.cx.excluded[c.unit] {
            continue;
        }
        let s = subject_start(t, c.range.clone());
        let Some((assignees, end)) = ctx.addressees_at(s, c.range.end) else {
            continue;
        };
        let rest = t[end..c.range.end].trim_start_matches([' ', ',']);
        let verb = first_words(t, end, 1);
        if NOT_DIRECTED.is_match(rest) || NOT_A_VERB.contains(&verb.as_str()) {
            continue;
        }
        // The deadline may close a later clause of the sentence ("Sở X đôn đốc …;
        // phối hợp …, báo cáo Bộ … trước ngày 05/7/2018"), not one of another body.
        let unit = &units.units[c.unit];
        let until = units.clauses[unit.clauses.clone()]
            .iter()
            .filter(|o| o.range.start > c.range.start)
            .find(|o| ctx.addressees_at(o.range.start, o.range.end).is_some())
            .map_or(unit.range.end, |o| o.range.start);
        if !DEADLINE.is_match(&t[end..until.max(end)]) {
            continue;
        }
        out.push(Directive {
            rule: "dated",
            start: s,
            assignees,
            action_start: end,
            issuer: None,
            unit: c.unit,
        });
    }
    out
}
