//! "UBND tỉnh yêu cầu Sở Thông tin và Truyền thông …": the addressees follow the verb.
//! Not the noun: "theo yêu cầu", "đáp ứng yêu cầu", "các yêu cầu", "yêu cầu của".

use std::sync::LazyLock;

use regex::Regex;

use super::arguments::verb_rule;
use super::{Ctx, Directive};

static VERB: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)yêu\s+cầu").unwrap());

/// Words before "yêu cầu" that make it a noun.
const NOUN_AFTER: &[&str] = &[
    "theo",
    "đáp ứng",
    "ứng",
    "các",
    "những",
    "mục đích",
    "đích",
    "cầu",
    "tại",
    "với",
    "về",
    "nhiệm vụ",
    "đúng",
    "và",
    "của",
    "được",
    "có",
    "đến",
    "là",
    "cao",
    "mọi",
];

/// Every "yêu cầu X …".
pub fn find(ctx: &Ctx) -> Vec<Directive> {
    verb_rule(ctx, "yeu_cau", &VERB, NOUN_AFTER, None, false)
}
