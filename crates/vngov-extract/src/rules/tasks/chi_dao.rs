//! "Chủ tịch UBND tỉnh đã chỉ đạo các sở, ban, ngành …": the one directing must be
//! named before the verb. Not "Ban Chỉ đạo", "ý kiến chỉ đạo", "theo chỉ đạo của";
//! not a look back over a past period ("Trong giai đoạn 2011-2014, Ban Chỉ đạo đã
//! chỉ đạo các cơ quan …").

use std::sync::LazyLock;

use regex::Regex;

use super::arguments::verb_rule;
use super::{Ctx, Directive};

static VERB: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)chỉ\s+đạo").unwrap());

/// A sentence set in a past period.
static PAST_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:trong\s+)?(?:giai\s+đoạn\s+\d{4}\s*[-–]\s*\d{4}|(?:thời\s+gian|năm|những\s+năm)\s+qua|nhiệm\s+kỳ\s+qua)").unwrap()
});

/// Words before "chỉ đạo" that make it a noun.
const NOUN_AFTER: &[&str] = &[
    "ban",
    "kiến",
    "ý kiến",
    "theo",
    "sự",
    "công tác",
    "tác",
    "lãnh đạo",
    "đạo",
    "của",
];

/// Every "<assigner> chỉ đạo X …" outside a look back.
pub fn find(ctx: &Ctx) -> Vec<Directive> {
    verb_rule(ctx, "chi_dao", &VERB, NOUN_AFTER, None, true)
        .into_iter()
        .filter(|d| {
            let s = ctx.doc.sentence_at(d.start);
            !PAST_PERIOD.is_match(&ctx.text[s.start..])
        })
        .collect()
}
