//! In a conclusion or under a lead that directs, "các sở, ban, ngành, địa phương
//! cần tăng cường …", "Các cơ quan chuyên môn cần …", "… phải …", and the inverted
//! "Trước mắt, cần các đơn vị viễn thông tích cực …". A general exhortation naming
//! no body ("cần đẩy mạnh …") is not a directive; neither is a body that "cần"
//! something outside a conclusion.

use std::sync::LazyLock;

use regex::Regex;

use super::arguments::{subject_rule, subject_start};
use super::{Ctx, Directive};

static PREDICATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:cần\s+phải|cần|phải)\b").unwrap());

/// Being answerable, which assigns no work ("… phải chịu trách nhiệm trước Chủ tịch
/// UBND tỉnh về …").
static ANSWERABLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:cần\s+phải|cần|phải)\s+(?i:chịu|có)\s+trách\s+nhiệm\s+(?i:trước|về)\b")
        .unwrap()
});

static NEED_FIRST: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?i:cần|phải)\s+").unwrap());

/// Every modal directive where directions are given.
pub fn find(ctx: &Ctx) -> Vec<Directive> {
    let t = ctx.text;
    let units = ctx.doc.units();
    let mut out: Vec<Directive> =
        subject_rule(ctx, "modal", &PREDICATE, 12, true, |u| ctx.cx.directing[u])
            .into_iter()
            .filter(|d| !ANSWERABLE.is_match(&t[d.action_start..]))
            .collect();
    for c in &units.clauses {
        if ctx.cx.excluded[c.unit] || !ctx.cx.directing[c.unit] {
            continue;
        }
        let s = subject_start(t, c.range.clone());
        let Some(m) = NEED_FIRST.find(&t[s..c.range.end]) else {
            continue;
        };
        let limit = units.units[c.unit].range.end;
        if let Some((assignees, end)) = ctx.addressees_at(s + m.end(), limit) {
            out.push(Directive {
                rule: "modal",
                start: s,
                assignees,
                action_start: end,
                issuer: None,
                unit: c.unit,
            });
        }
    }
    out
}
