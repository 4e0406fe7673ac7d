//! "Đồng chí Phó Chủ tịch đề nghị cơ quan thường trực …", "Văn phòng UBND tỉnh đề
//! nghị Sở Tài nguyên và Môi trường …". Not "theo đề nghị (của) Sở …", "xét đề
//! nghị", "tại đề nghị": there the body proposed; nor a proposal to the highest
//! authorities ("đề nghị Thủ tướng Chính phủ cho phép …").

use std::sync::LazyLock;

use regex::Regex;

use super::arguments::verb_rule;
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
    verb_rule(ctx, "de_nghi", &VERB, NOUN_AFTER, None, false)
        .into_iter()
        .filter_map(|mut d| {
            d.assignees.retain(|a| !TOP.is_match(&a.name));
            (!d.assignees.is_empty()).then_some(d)
        })
        .collect()
}

/// The highest authorities: "đề nghị" to them proposes, it does not direct ("Bộ
/// Tài chính đề nghị Thủ tướng Chính phủ cho phép …").
static TOP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Thủ tướng|Phó Thủ tướng|Chính phủ|Quốc hội|Chủ tịch nước|Chủ tịch Quốc hội|Ủy ban Thường vụ Quốc hội|Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương|Tổng Bí thư|Trung ương)\b").unwrap()
});
