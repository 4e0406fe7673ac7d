//! A date after a publication label: "Ngày đăng: 08/07/2024 11:38",
//! "Cập nhật ngày:\n27/05/2021", "Ngày cập nhật 08/12/2014",
//! "| Ngày ban hành | 29/12/2025 |", and with a clock time or a weekday between the
//! label and the date: "(Cập nhật lúc 10:20 ngày 03/05/2019)",
//! "Ngày đăng: Thứ ba, 12/04/2022", "Đăng lúc: 08:30 - 25/09/2020".

use std::sync::LazyLock;

use regex::Regex;

use super::Candidate;

/// A label, folded, at the end of the text before the date; a clock time, a weekday,
/// "lúc" or "ngày" may stand between them.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:ngay dang|dang ngay|dang luc|ngay dang tin|ngay dang bai|ngay dang tai|dang tai ngay|ngay viet|cap nhat|cap nhat ngay|ngay cap nhat|cap nhat luc|ngay ban hanh|ngay phat hanh|ngay xuat ban|xuat ban|thoi gian dang|published(?: on)?|posted(?: on)?)[\s:|\-•·,(]*(?:(?:\d{1,2}\s*[:h]\s*\d{2}(?:\s*:\s*\d{2})?|\b(?:am|pm|sa|ch|luc|ngay)\b|thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])\b|chu\s+nhat)[\s:|\-•·,]*)*$",
    )
    .unwrap()
});

/// Whether a publication label stands right before the date on its line, or ends the
/// line above when the date's line holds nothing else before it.
///
/// Example: "Ngày đăng: 08/07/2024 11:38" → 2024-07-08; "Cập nhật: 09:15 ngày
/// 12/07/2021" → 2021-07-12. Not labelled: "Ngày có hiệu lực | 29/12/2025" (the date
/// a text takes effect).
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
