//! "Sở Kế hoạch và Đầu tư, Sở Tài chính có trách nhiệm …", "Chánh Văn phòng …;
//! Giám đốc các sở …; Chủ tịch UBND các huyện … chịu trách nhiệm thi hành Quyết
//! định này", "Sở Y tế có nhiệm vụ …", "Sở NN&PTNT được giao chủ trì …": the
//! addressees open the clause, their list may run over semicolons.
//!
//! Not an assignment: being answerable ("chịu trách nhiệm trước Chủ tịch UBND tỉnh
//! về …", "chịu trách nhiệm cá nhân về lĩnh vực được phân công").

use std::sync::LazyLock;

use regex::Regex;

use super::arguments::subject_rule;
use super::{Ctx, Directive};

static PREDICATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|có\s+nhiệm\s+vụ|được\s+giao(?:\s+nhiệm\s+vụ)?)\s*:?").unwrap()
});

/// After the predicate: accountability, not work.
static ANSWERABLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?i:trước|về|cá\s+nhân|chính|liên\s+đới|toàn\s+bộ|hoàn\s+toàn|nếu|khi|trong\s+việc\s+để)\b")
        .unwrap()
});

/// Every "X có/chịu trách nhiệm …" at a clause start.
pub fn find(ctx: &Ctx) -> Vec<Directive> {
    subject_rule(ctx, "trach_nhiem", &PREDICATE, 6, true, |_| true)
        .into_iter()
        .filter(|d| {
            let after = PREDICATE
                .find(&ctx.text[d.action_start..])
                .map_or(d.action_start, |m| d.action_start + m.end());
            !ANSWERABLE.is_match(&ctx.text[after..])
        })
        .collect()
}
