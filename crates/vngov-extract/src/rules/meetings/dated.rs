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

use super::{location, time_of_day, topic, Context, Event};
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

/// Words that show the meeting is still to be held ("dự kiến kỳ họp sẽ tổ chức vào
/// sáng ngày 11 tháng 6").
static TO_COME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:sẽ|dự\s+kiến|sắp)\b").expect("to come"));

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
        let sentence = cx.doc.sentence_at(r.start);
        let start = sentence.start;
        let Some(k) = cx.kinds_within(start..ngay).last() else {
            continue;
        };
        let held = HELD.is_match(&text[k.range.end..ngay + "ngày".len()]);
        let between = &text[k.range.end..ngay];
        let heading = !between.chars().any(char::is_lowercase);
        let near =
            between.split_whitespace().count() <= NEAR_WORDS && !between.contains(['\n', ',']);
        // "Sau cuộc làm việc, ngày 23-8-2011, …": the date opens another clause; but
        // a date closing the sentence after a comma is the meeting's ("… tại Hội
        // nghị rút kinh nghiệm …, nhiệm kỳ 2015-2020, ngày 7-4-2015.").
        let closes = text[r.end..sentence.end.max(r.end)]
            .trim()
            .trim_end_matches(['.', ')'])
            .is_empty();
        let new_clause = between.trim_end().ends_with(',') && !closes;
        let blocked = (BLOCKS.is_match(between) || new_clause) && !held;
        let to_come = TO_COME.is_match(&text[start..ngay]);
        if blocked || to_come || !(heading || near || held || closes) {
            continue;
        }
        let end = sentence.end;
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
