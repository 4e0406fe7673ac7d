//! A body named as a heading over its duties: "a) Sở Giao thông vận tải: lập kế
//! hoạch …; b) Sở Tài nguyên và Môi trường: …", "1. Sở Tài chính:" over the items
//! below it, "UBND các huyện, thị xã:" — where the heading stands under a lead that
//! directs, or its duties open with a verb. Not a recipient list ("Nơi nhận:",
//! "Kính gửi:"), nor a heading whose content is not work ("Thành phần: …").

use super::arguments::lower_word_at;
use super::{Ctx, Directive};

/// Every body heading its duties.
pub fn find(ctx: &Ctx) -> Vec<Directive> {
    let t = ctx.text;
    let units = ctx.doc.units();
    let mut out = Vec::new();
    for (k, u) in units.units.iter().enumerate() {
        if !u.line_start || ctx.cx.excluded[k] {
            continue;
        }
        let Some(first) = units.clauses.get(u.clauses.start) else {
            continue;
        };
        if !first.lead {
            continue;
        }
        // The heading is the list alone (a list of sectors after a colon, "Bộ
        // trưởng các Bộ: Quốc phòng, …", is one list, not a heading).
        let Some((assignees, end)) = ctx.addressees_at(u.body, u.range.end) else {
            continue;
        };
        if end > first.range.end || !t[end..first.range.end].trim().is_empty() {
            continue;
        }
        let colon = first.range.end + t[first.range.end..].find(':').unwrap_or(0) + 1;
        let inline = colon < u.range.end;
        let duties_open_with_a_verb = if inline {
            lower_word_at(t, colon) || starts_with_action(t, colon)
        } else {
            units
                .units
                .get(k + 1)
                .is_some_and(|n| n.parent == Some(k) && starts_with_action(t, n.body))
        };
        if !(ctx.cx.directing[k] || duties_open_with_a_verb) {
            continue;
        }
        out.push(Directive {
            rule: "heading",
            start: u.body,
            assignees,
            action_start: colon.min(u.range.end),
            issuer: None,
            unit: k,
        });
    }
    out
}

/// Whether the words at `at` open a duty: a verb of work, capitalized or not
/// ("Chủ trì, phối hợp …", "Rà soát …").
fn starts_with_action(t: &str, at: usize) -> bool {
    let w = super::arguments::first_words(t, at, 2);
    super::duties::is_action(&w)
}
