//! "Đồng chí Phó Chủ tịch đề nghị cơ quan thường trực …", "Văn phòng UBND tỉnh đề
//! nghị Sở Tài nguyên và Môi trường …". Not "theo đề nghị (của) Sở …", "xét đề
//! nghị", "tại đề nghị": there the body proposed.

use std::sync::LazyLock;

use regex::Regex;

use super::trigger::verb_rule;
use super::{Ctx, Directive};

static VERB: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)đề\s+nghị").unwrap());

/// Words before "đề nghị" that make it a noun.
const NOUN_AFTER: &[&str] = &[
    "theo",
    "xét",
    "tại",
    "các",
    "những",
    "có",
    "và",
    "của",
    "với",
    "được",
    "kiến",
    "ý kiến",
    "tờ trình",
    "trình",
];

/// Every "đề nghị X …".
pub fn find(ctx: &Ctx) -> Vec<Directive> {
    verb_rule(ctx, "de_nghi", &VERB, NOUN_AFTER, false)
}
