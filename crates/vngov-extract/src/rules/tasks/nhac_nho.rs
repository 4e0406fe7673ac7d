//! "UBND TP nhắc nhở nghiêm khắc lãnh đạo các đơn vị này …", "Văn bản này cũng
//! lưu ý các thành viên Chính phủ bố trí công việc …", "Bộ trưởng kêu gọi chính
//! quyền cùng ngành y tế địa phương đẩy mạnh …": milder verbs that still tell a
//! body what to do. Not the nouns ("sự nhắc nhở", "lời kêu gọi", "điểm lưu ý").

use std::sync::LazyLock;

use regex::Regex;

use super::arguments::verb_rule;
use super::{Ctx, Directive};

static VERB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)nhắc\s+nhở(?:\s+nghiêm\s+khắc)?|lưu\s+ý|kêu\s+gọi").unwrap());

/// Words before the verb that make it a noun.
const NOUN_AFTER: &[&str] = &[
    "sự", "lời", "điểm", "những", "các", "cần", "một", "số", "của", "có",
];

/// Every "nhắc nhở/lưu ý/kêu gọi X …".
pub fn find(ctx: &Ctx) -> Vec<Directive> {
    verb_rule(ctx, "nhac_nho", &VERB, NOUN_AFTER, None, false)
}
