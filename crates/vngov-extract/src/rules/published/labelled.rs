//! A date after a publication label: "Ngày đăng: 08/07/2024 11:38",
//! "Cập nhật ngày:\n27/05/2021", "Ngày cập nhật 08/12/2014",
//! "| Ngày ban hành | 29/12/2025 |".

use std::sync::LazyLock;

use regex::Regex;

use super::Candidate;

/// A label, folded, at the end of the text before the date.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:ngay dang|dang ngay|ngay dang tin|cap nhat|cap nhat ngay|ngay cap nhat|cap nhat luc|ngay ban hanh|ngay xuat ban|xuat ban|thoi gian dang|published|posted)[\s:|\-•·]*$",
    )
    .unwrap()
});

/// Whether a publication label stands right before the date on its line, or ends the
/// line above when the date's line holds nothing else before it.
///
/// Example: "Ngày đăng: 08/07/2024 11:38" → 2024-07-08. Not labelled: "Ngày có hiệu
/// lực | 29/12/2025" (the date a text takes effect).
pub fn matches(c: &Candidate) -> bool {
    let before = vngov_text::fold(c.before.trim());
    if LABEL.is_match(&before) {
        return true;
    }
    let bare = c
        .before
        .chars()
        .all(|ch| ch.is_whitespace() || "|•·-".contains(ch));
    bare && LABEL.is_match(&vngov_text::fold(c.prev_line))
}
