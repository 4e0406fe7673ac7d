//! "Sở Kế hoạch và Đầu tư, Sở Tài chính có trách nhiệm …", "Chánh Văn phòng …;
//! Giám đốc các sở …; Chủ tịch UBND các huyện … chịu trách nhiệm thi hành Quyết
//! định này": the addressees open the clause.

use std::sync::LazyLock;

use regex::Regex;

use super::trigger::subject_rule;
use super::{Ctx, Directive};

static PREDICATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm)\s*:?").unwrap());

/// Every "X có/chịu trách nhiệm …" at a clause start.
pub fn find(ctx: &Ctx) -> Vec<Directive> {
    subject_rule(ctx, "trach_nhiem", &PREDICATE, 6, true, 0)
}
