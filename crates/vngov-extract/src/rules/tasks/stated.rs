//! A direction quoted, then said to be one: "“Sở Y tế chủ trì, phối hợp … kiểm
//! tra …”. Đó là chỉ đạo của UBND tỉnh đối với Sở Y tế …", "… Đây là yêu cầu của
//! Chủ tịch UBND tỉnh gửi các sở, ngành". The sentence before names the body and
//! its work; the sentence after names who directed it, and to whom.
//!
//! Not a direction whose addressee is not the quoted sentence's subject, nor "Đó là
//! chỉ đạo của X tại hội nghị" with nobody directed.

use std::sync::LazyLock;

use regex::Regex;

use super::arguments::{addressees, lower_word_at, opens_duty, subject};
use super::{Ctx, Directive};

/// "Đó là (nội dung) chỉ đạo của" — the words before the issuer.
static STATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[\s“”]\s*)(?:đó|đây)\s+là\s+(?:nội\s+dung\s+|ý\s+kiến\s+)?(?:chỉ\s+đạo|yêu\s+cầu|đề\s+nghị)\s+của\s+")
        .unwrap()
});

/// Between the issuer and the addressees.
static TOWARDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(?:đối\s+với|gửi(?:\s+tới)?|tới|với)\s+").unwrap());

/// Every quoted direction said to be one in the next sentence.
pub fn find(ctx: &Ctx) -> Vec<Directive> {
    let t = ctx.text;
    let units = ctx.doc.units();
    let mut out = Vec::new();
    for (k, u) in units.units.iter().enumerate().skip(1) {
        let Some(m) = STATED.find(&t[u.body..u.range.end]) else {
            continue;
        };
        let at = u.body + m.end();
        let Some(issuer) = ctx.parties.party_at(at) else {
            continue;
        };
        let Some(to) = TOWARDS.find(&t[issuer.range.end..u.range.end]) else {
            continue;
        };
        let Some((named, _)) = addressees(ctx.parties, issuer.range.end + to.end(), u.range.end)
        else {
            continue;
        };
        // The sentence before, in the same paragraph, opens with the body directed.
        let p = &units.units[k - 1];
        if ctx.cx.excluded[k - 1] || t[p.range.end..u.range.start].contains("\n\n") {
            continue;
        }
        let s = p.body
            + t[p.body..p.range.end]
                .find(|c: char| !matches!(c, ' ' | '“' | '"' | '‘' | '\''))
                .unwrap_or(0);
        let acts = |j: usize| lower_word_at(t, j) && opens_duty(t, j, p.range.end, true);
        let Some(((assignees, end), _)) = subject(ctx, s, p.range.end, acts, 0) else {
            continue;
        };
        let keys: Vec<String> = named.iter().map(|n| vngov_text::fold(&n.name)).collect();
        if !assignees
            .iter()
            .all(|a| keys.contains(&vngov_text::fold(&a.name)))
        {
            continue;
        }
        out.push(Directive {
            rule: "stated",
            start: s,
            assignees,
            action_start: end,
            issuer: Some(issuer),
            unit: k - 1,
        });
    }
    out
}
