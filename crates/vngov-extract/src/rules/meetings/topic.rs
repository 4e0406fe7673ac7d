//! What a meeting was about, when the words after its name say: "họp đánh giá kết
//! quả giải ngân …", "Hội nghị bàn về công tác …", "phiên họp … về công tác phòng,
//! chống dịch". The topic runs to the end of the clause.

use std::sync::LazyLock;

use regex::Regex;

/// `(words, strip)` from `topic_openers.txt`.
static OPENERS: LazyLock<Regex> = LazyLock::new(|| {
    let mut keep = Vec::new();
    let mut strip = Vec::new();
    for l in include_str!("topic_openers.txt").lines().map(str::trim) {
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let (list, w) = match l.split_once('\t') {
            Some(("strip", w)) => (&mut strip, w.trim()),
            _ => (&mut keep, l),
        };
        list.push(
            w.split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+"),
        );
    }
    strip.sort_by_key(|w| std::cmp::Reverse(w.len()));
    keep.sort_by_key(|w| std::cmp::Reverse(w.len()));
    Regex::new(&format!(
        r"(?i)^(?P<skip>[^.,;:()\n]*?(?:\s|^))??(?:(?:{})\s+(?P<a>\S)|(?P<b>(?:{})\s+\S))",
        strip.join("|"),
        keep.join("|")
    ))
    .expect("topic openers")
});

/// Where a topic's clause ends: a stop, a semicolon, or a comma before the place,
/// the chair or the date.
static CLAUSE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[.;:]\s|[.;:]$|\n\n|,\s*(?:tại|do|dưới|với sự|đồng chí|ngày|sáng|chiều|dự|tham dự)\b|\s\(|\s(?:đã|sẽ|được|diễn ra|vào lúc)\s")
        .expect("topic end")
});

/// Longest stretch between the meeting's words and the topic, in words.
const SKIP_WORDS: usize = 16;

/// The topic stated after the meeting's words ending at `from`, within `..to`.
pub fn after(text: &str, from: usize, to: usize) -> Option<String> {
    let to = to.max(from);
    let rest = &text[from..to];
    let c = OPENERS.captures(rest)?;
    if c.name("skip")
        .is_some_and(|s| s.as_str().split_whitespace().count() > SKIP_WORDS)
    {
        return None;
    }
    let start = c.name("a").or(c.name("b"))?.start();
    let body = &rest[start..];
    let end = CLAUSE_END.find(body).map_or(body.len(), |m| m.start());
    let topic = body[..end].split_whitespace().collect::<Vec<_>>().join(" ");
    let topic = topic.trim_end_matches([',', ' ']).to_string();
    (topic.chars().count() >= 6).then_some(topic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topic(t: &str) -> Option<String> {
        after(t, 0, t.len())
    }

    #[test]
    fn topics() {
        assert_eq!(
            topic(" đánh giá kết quả giải ngân 6 tháng, tại trụ sở").as_deref(),
            Some("đánh giá kết quả giải ngân 6 tháng")
        );
        assert_eq!(
            topic(" bàn về công tác\nchuyển đổi số.").as_deref(),
            Some("công tác chuyển đổi số")
        );
        assert_eq!(
            topic(" lần thứ 14 của Ban chỉ đạo trực tuyến với các địa phương về công tác phòng, chống dịch.").as_deref(),
            Some("công tác phòng, chống dịch")
        );
        assert_eq!(
            topic(" Ban chỉ đạo công nghệ thông tin tỉnh Bình Định."),
            None
        );
    }
}
