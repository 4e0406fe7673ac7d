//! "Giao Sở Xây dựng chủ trì …", "giao cho UBND TP Thái Nguyên …" (also the
//! run-together "Giaocho" of extracted decisions). Not "được giao", "bàn giao",
//! "chuyển giao", "Bộ Ngoại giao", "giao ban", "giao thông": the verb must be
//! followed by a body.

use std::sync::LazyLock;

use regex::Regex;

use super::arguments::verb_rule;
use super::{Ctx, Directive};

static VERB: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bgiao(?:\s*cho\b)?").unwrap());

/// Words before "giao" that make it something else.
const NOT_AFTER: &[&str] = &[
    "được",
    "bàn",
    "ngoại",
    "trao",
    "chuyển",
    "đã được",
    "được chuyển",
    "hội nghị",
];

/// Words after "giao" that make it part of a compound: a meeting ("giao ban"), traffic,
/// trade, exchange.
static COMPOUND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:ban|thông|dịch|lưu|nhận|tiếp|kết|hàng|thương|hữu|thoa|tranh|thừa|nộp|khoán|đất|nhà|cấp|quyền)\b")
        .unwrap()
});

/// Whether the "giao" at byte `at`, ending at `end`, is not the directing verb: a
/// word before it or after it makes it something else ("được giao", "giao thông").
pub(super) fn not_the_verb(t: &str, at: usize, end: usize) -> bool {
    COMPOUND.is_match(&t[end..]) || super::arguments::not_a_directive(t, at, NOT_AFTER)
}

/// Every "giao (cho) X …".
pub fn find(ctx: &Ctx) -> Vec<Directive> {
    verb_rule(ctx, "giao", &VERB, NOT_AFTER, Some(&COMPOUND), false)
}
