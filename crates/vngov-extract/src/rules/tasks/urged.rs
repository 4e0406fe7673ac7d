//! Where directions are being given (a conclusion, a directive's text), a body
//! urged on by an adverb of command: "Bộ trưởng các Bộ: Quốc phòng, Công an …;
//! Bí thư, Chủ tịch UBND các tỉnh … tiếp tục tập trung lãnh đạo …", "Các sở,
//! ngành khẩn trương hoàn thiện …". Outside such a part, "tiếp tục" reports.

use std::sync::LazyLock;

use regex::Regex;

use super::arguments::subject_rule;
use super::{Ctx, Directive};

static PREDICATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:khẩn\s+trương|tập\s+trung|tiếp\s+tục|chủ\s+động|tăng\s+cường|đẩy\s+mạnh|bám\s+sát|nghiêm\s+túc|quyết\s+liệt|kịp\s+thời|tuyệt\s+đối|không\s+được|không\s+để|sớm|kiên\s+quyết)\b").unwrap()
});

/// Every urged body where directions are given.
pub fn find(ctx: &Ctx) -> Vec<Directive> {
    subject_rule(ctx, "urged", &PREDICATE, 0, true, |u| ctx.cx.directing[u])
}
