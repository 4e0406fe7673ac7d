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
pub(super) const NOT_AFTER: &[&str] = &[
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
pub(super) static COMPOUND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:ban|thông|dịch|lưu|nhận|tiếp|kết|hàng|thương|hữu|thoa|tranh|thừa|nộp|khoán|đất|nhà|cấp|quyền)\b")
        .unwrap()
});

/// Every "giao (cho) X …".
pub fn find(ctx: &Ctx) -> Vec<Directive> {
    verb_rule(ctx, "giao", &VERB, NOT_AFTER, Some(&COMPOUND), false)
}
