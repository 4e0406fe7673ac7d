//! "Sở Tài chính chủ trì, phối hợp với …", "Sở Xây dựng chủ trì tổ chức thẩm
//! định …": the addressee opens the clause and leads the work. Not a meeting's
//! chair ("… chủ trì hội nghị", "chủ trì cuộc họp"), nor "đã chủ trì".

use std::sync::LazyLock;

use regex::Regex;

use super::arguments::subject_rule;
use super::{Ctx, Directive};

static PREDICATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:chủ\s+trì)(?:\s*,?\s*(?i:phối\s+hợp|cùng|tổ\s+chức\s+(?:thực|triển|xây|thẩm|kiểm|rà|lập)|xây\s+dựng|hướng\s+dẫn|rà\s+soát|tham\s+mưu|nghiên\s+cứu|thực\s+hiện|triển\s+khai|đề\s+xuất|kiểm\s+tra|theo\s+dõi|đôn\s+đốc|soạn\s+thảo|lập|thẩm\s+định|tổng\s+hợp|giải\s+quyết|xử\s+lý))").unwrap()
});

/// Every "X chủ trì, phối hợp …" at a clause start.
pub fn find(ctx: &Ctx) -> Vec<Directive> {
    subject_rule(ctx, "chu_tri", &PREDICATE, 0, true, |_| true)
}
