//! Where a meeting took place, when stated: "tại trụ sở Chính phủ", "tại UBND
//! tỉnh", "tại Hội trường A". The place starts with a capital letter or a word for
//! a place, and ends at the clause's end; "tại hội nghị" names the meeting, not a
//! place, and "tại Thông báo số …" a document.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// "tại" and the place after it.
static AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i:\btại)\s+(?P<place>(?:\p{Lu}|(?i:trụ sở|hội trường|phòng họp|điểm cầu|đầu cầu|nhà văn hóa|nhà khách|trung tâm|khách sạn|văn phòng|thành phố|tỉnh|huyện|xã|phường))[^,.;:()\n]{0,80}?)\s*(?:[,.;:()\n]|\s[-–]\s|\s(?:đã|sẽ|do|dưới|với|về|nhằm|để|chủ trì|tổ chức|diễn ra)\b)",
    )
    .expect("location")
});

/// What a place is not.
static NOT_A_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:hội nghị|cuộc họp|phiên họp|kỳ họp|buổi|họp|thông báo|quyết định|công văn|văn bản|kế hoạch|nghị quyết|tờ trình|báo cáo|chỉ thị)\b",
    )
    .expect("not a place")
});

/// The first place "tại …" names within `r`.
pub fn within(text: &str, r: Range<usize>) -> Option<String> {
    let s = &text[r];
    AT.captures_iter(s).find_map(|c| {
        let p = c.name("place")?.as_str();
        (!NOT_A_PLACE.is_match(p)).then(|| p.split_whitespace().collect::<Vec<_>>().join(" "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(t: &str) -> Option<String> {
        within(t, 0..t.len())
    }

    #[test]
    fn places() {
        assert_eq!(
            place(", tại trụ sở Chính phủ, Thủ tướng").as_deref(),
            Some("trụ sở Chính phủ")
        );
        assert_eq!(
            place(", tại UBND tỉnh, Phó Chủ tịch").as_deref(),
            Some("UBND tỉnh")
        );
        assert_eq!(
            place(" phát biểu tại điểm cầu Bắc Hà.").as_deref(),
            Some("điểm cầu Bắc Hà")
        );
        assert_eq!(place(", tại Kỳ họp thứ 7 HĐND tỉnh; thay mặt"), None);
        assert_eq!(place(" kết luận tại Thông báo số 295/TB-UBND"), None);
        assert_eq!(place(" tại đây"), None);
    }
}
