//! "Sở Tài chính chủ trì, phối hợp với …": the addressee opens the clause and leads
//! the work. Not a meeting's chair ("… chủ trì hội nghị", "chủ trì cuộc họp"), nor
//! "đã chủ trì".

use std::sync::LazyLock;

use regex::Regex;

use super::trigger::subject_rule;
use super::{Ctx, Directive};

static PREDICATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:chủ\s+trì)(?:\s*,?\s*(?i:phối\s+hợp|cùng|tổ\s+chức|xây\s+dựng|hướng\s+dẫn|rà\s+soát|tham\s+mưu|nghiên\s+cứu|thực\s+hiện|triển\s+khai|đề\s+xuất|kiểm\s+tra))").unwrap()
});

/// Every "X chủ trì, phối hợp …" at a clause start.
pub fn find(ctx: &Ctx) -> Vec<Directive> {
    subject_rule(ctx, "chu_tri", &PREDICATE, 0, true, 0)
}
