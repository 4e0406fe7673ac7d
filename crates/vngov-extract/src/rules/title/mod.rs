//! The headline of a text article, or the type and subject of a legal document.
//!
//! Two rules, listed in [`RULES`] and tried in order:
//!
//! - [`legal`]: under the national motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), the
//!   document type line and its subject ("KẾ HOẠCH Chuyển đổi số tỉnh … năm 2023");
//! - [`headline`]: the first line that reads like a headline, skipping page chrome,
//!   date lines and legal headers.

pub mod headline;
pub mod legal;

#[cfg(test)]
mod tests;

use crate::Doc;

/// A title rule: the title it finds in a text.
pub type Rule = fn(&str) -> Option<String>;

/// The registry, by name, in the order tried.
pub const RULES: &[(&str, Rule)] = &[("legal", legal::find), ("headline", headline::find)];

/// The headline, when one stands out.
pub fn extract(doc: &Doc) -> Option<String> {
    RULES.iter().find_map(|(_, r)| r(doc.text()))
}

/// Collapses whitespace (line breaks included) to single spaces.
pub(crate) fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
