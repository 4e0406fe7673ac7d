//! A date written after the words naming the meeting, in the same sentence:
//! a notice's upper-case title ("… TẠI PHIÊN HỌP LẦN THỨ 5 … NGÀY 19 THÁNG 7 NĂM
//! 2023"), "tại cuộc họp ngày 20/12/2018", "Hội nghị … đã được tổ chức vào lúc
//! 08h00 ngày 25/02/2023".
//!
//! Between the two there is no document number, and either nothing in lower case
//! (a heading), or a few words on one line with no comma and no deadline word
//! ("trước ngày …" is a deadline set at the meeting), or a verb of holding ("tổ chức", "diễn ra",
//! "khai mạc") right before the date.

use std::sync::LazyLock;

use regex::Regex;

use super::{clause, location, time_of_day, topic, Context, Event};
use crate::rules::near;

/// Holding the meeting, right before "ngày DATE".
static HELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:tổ\s+chức|diễn\s+ra|khai\s+mạc|tiến\s+hành|họp|bế\s+mạc)(?:\s+vào)?(?:\s+(?:lúc|hồi)\s+\S+)?(?:\s+(?:sáng|trưa|chiều|tối))?\s*,?\s*(?:ngày|hôm)\s*$",
    )
    .expect("held")
});

/// Words between the meeting and the date that make the date something else.
static BLOCKS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:trước|đến|từ|kể|hạn|chậm|sau|ban hành|ký|theo|tại văn bản|thông báo|quyết định|công văn|kế hoạch)\b|\bsố\s*:?\s*\d|\d+\s*/\s*\p{Lu}",
    )
    .expect("blocking words")
});

/// Longest stretch, in words, between a meeting's words and a plain "ngày DATE".
const NEAR_WORDS: usize = 12;

/// Every meeting with a date written after it.
pub fn find(cx: &Context) -> Vec<Event> {
    let text = cx.text();
    let mut out = Vec::new();
    for (i, r) in cx.days() {
        // "ngày" is written before the date, or read as part of it ("ngày 19 tháng 7").
        let head = text[..r.start].trim_end();
        let ngay = if text[r.clone()].to_lowercase().starts_with("ngày") {
            r.start
        } else if near::ends_with_lower(head, "ngày") {
            head.len() - "ngày".len()
        } else {
            continue;
        };
        let start = clause::sentence_start(text, r.start);
        let Some(k) = cx
            .kinds
            .iter()
            .rfind(|k| k.range.start >= start && k.range.end <= ngay)
        else {
            continue;
        };
        let held = HELD.is_match(&text[k.range.end..ngay + "ngày".len()]);
        let between = &text[k.range.end..ngay];
        let heading = !between.chars().any(char::is_lowercase);
        let near =
            between.split_whitespace().count() <= NEAR_WORDS && !between.contains(['\n', ',']);
        // "Sau cuộc làm việc, ngày 23-8-2011, …": the date opens another clause.
        let new_clause = between.trim_end().ends_with(',');
        let blocked = (BLOCKS.is_match(between) || new_clause) && !held;
        if blocked || !(heading || near || held) {
            continue;
        }
        let end = clause::sentence_end(text, r.end);
        out.push(Event {
            at: k.range.start,
            strong: true,
            kind: Some(k.clone()),
            date: Some(i),
            time_of_day: time_of_day::before(text, r.start),
            topic: topic::after(text, k.range.end, ngay),
            location: location::within(text, k.range.end..end),
            ..Event::default()
        });
    }
    out
}
