//! "Giao Sở Xây dựng chủ trì …", "giao cho UBND TP Thái Nguyên …" (also the
//! run-together "Giaocho" of extracted decisions). Not "được giao", "bàn giao",
//! "chuyển giao", "giao ban", "giao thông": the verb must be followed by a body.

use std::sync::LazyLock;

use regex::Regex;

use super::trigger::verb_rule;
use super::{Ctx, Directive};

static VERB: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bgiao(?:\s*cho\b)?").unwrap());

/// Words before "giao" that make it something else.
const NOT_AFTER: &[&str] = &[
    "được",
    "bàn",
    "chuyển",
    "đã được",
    "được chuyển",
    "hội nghị",
];

/// Every "giao (cho) X …".
pub fn find(ctx: &Ctx) -> Vec<Directive> {
    verb_rule(ctx, "giao", &VERB, NOT_AFTER, false)
}
