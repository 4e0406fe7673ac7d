//! A sentence opening with the date of a meeting it reports: "Chiều ngày 24/02,
//! Ban chỉ đạo … tổ chức họp trực tuyến …", "Ngày 10/3, UBND huyện tổ chức phiên
//! họp thường kỳ", "CTTĐT - Sáng 10-7, Phó Chủ tịch … chủ trì họp …".
//!
//! The date opens the sentence (at most a part of the day, "ngày", "vào" or a
//! news agency's dateline before it) and a comma follows it; the sentence names a
//! single meeting before naming any document ("Ngày 5/3, UBND tỉnh ban hành Kế
//! hoạch tổ chức hội nghị" reports a plan, not a meeting).

use std::sync::LazyLock;

use regex::Regex;

use super::{clause, kind, location, time_of_day, topic, Context, Event};

/// What may stand before the date on its line: nothing, the end of a sentence, or
/// a dateline ("CTTĐT - ", "(Baoquangngai.vn)- "), then the part of the day.
static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^\s*|[.!?]\s+|^\s*\(?[^\s,;()]{1,30}(?:\s+[^\s,;()]{1,30}){0,3}\)?\s*[-–—:]\s*)(?:vào\s+)?(?:(?:buổi\s+)?(?:sáng|trưa|chiều|tối|đêm)(?:\s+nay)?\s+)?(?:(?:ngày|hôm)\s*)?$",
    )
    .expect("lead opening")
});

/// Words that show the sentence is about a document, not a meeting.
static DOCUMENT_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:ban hành|ký|gửi|nhận được|có văn bản|công văn|quyết định|kế hoạch số|thông báo số|\d+/\p{Lu})",
    )
    .expect("document words")
});

/// Every meeting whose date opens a sentence.
pub fn find(cx: &Context) -> Vec<Event> {
    let text = cx.text();
    let mut out = Vec::new();
    for (i, r) in cx.days() {
        // The comma first: it turns most dates away, before the slower pattern.
        if !text[r.end..].trim_start().starts_with(',') {
            continue;
        }
        let line = clause::line_start(text, r.start);
        if !OPENING.is_match(&text[line..r.start]) {
            continue;
        }
        let end = clause::sentence_end(text, r.end);
        let Some(k) = kind::first_in(&cx.kinds, r.end..end) else {
            continue;
        };
        if DOCUMENT_FIRST.is_match(&text[r.end..k.range.start]) {
            continue;
        }
        out.push(Event {
            at: r.start,
            strong: true,
            kind: Some(k.clone()),
            date: Some(i),
            time_of_day: time_of_day::before(text, r.start),
            topic: topic::after(text, k.range.end, end),
            location: location::within(text, r.end..end),
            ..Event::default()
        });
    }
    out
}
