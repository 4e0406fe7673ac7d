//! A sentence opening with the date of a meeting it reports: "Chiều ngày 24/02,
//! Ban chỉ đạo … tổ chức họp trực tuyến …", "Ngày 10/3, UBND huyện tổ chức phiên
//! họp thường kỳ", "CTTĐT - Sáng 10-7, Phó Chủ tịch … chủ trì họp …".
//!
//! The date opens the sentence or list item (at most a part of the day, "ngày",
//! "trong hai ngày", "vào" or a news agency's dateline before it) and a comma or the subject
//! follows it; the sentence names a single meeting before naming any document
//! ("Ngày 5/3, UBND tỉnh ban hành Kế hoạch tổ chức hội nghị" reports a plan, not a
//! meeting), and not one still to come ("sẽ", "dự kiến").

use std::sync::LazyLock;

use regex::Regex;

use super::{kind, location, time_of_day, topic, Context, Event};

/// What may stand before the date on its line: nothing, the end of a sentence, or
/// a dateline ("CTTĐT - ", "(Baoquangngai.vn)- "), then the part of the day.
static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^\s*|[.!?]\s+|^\s*\([^()\s][^()]{0,30}\)\s*[-–—:]?\s*|^\s*\(?[^\s,;()]{1,30}(?:\s+[^\s,;()]{1,30}){0,3}\)?\s*[-–—:]\s*)(?:vào\s+)?(?:(?:buổi\s+)?(?:sáng|trưa|chiều|tối|đêm)(?:\s+nay)?\s+)?(?:(?:trong\s+)?(?:hai|ba|bốn|năm|\d{1,2})\s+ngày\s*|(?:ngày|hôm)\s*)?(?:\(\s*)?$",
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
    let units = cx.doc.units();
    let mut out = Vec::new();
    for (i, r) in cx.days() {
        let Some(u) = units.unit_at(r.start) else {
            continue;
        };
        let unit = &units.units[u];
        // A date read across the unit's bounds (a marker, a break) opens nothing.
        if r.start < unit.body || r.end > unit.range.end {
            continue;
        }
        // The date opens the unit (after its list marker, "- Sáng ngày …"), after at
        // most a dateline and the part of the day.
        if !OPENING.is_match(&text[unit.body..r.start]) {
            continue;
        }
        // A comma after the date, or the subject straight after it ("Chiều ngày
        // 25/7/2025 Chi bộ … tổ chức Đại hội").
        let after = text[r.end..unit.range.end]
            .trim_start()
            .trim_start_matches(')');
        if !(after.starts_with(',') || after.starts_with(|c: char| vngov_text::chars::is_upper(c)))
        {
            continue;
        }
        let end = unit.range.end;
        let Some(k) = kind::first_in(&cx.kinds, r.end..end) else {
            continue;
        };
        if DOCUMENT_FIRST.is_match(&text[r.end..k.range.start])
            || TO_COME.is_match(&text[r.end..k.range.start])
        {
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
    out.extend(same_day(cx));
    out
}

/// A sentence opening on the day last named ("Chiều cùng ngày, …", "Trước đó, vào
/// sáng cùng ngày, tại Đại hội …").
static SAME_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:[^,]{0,20},\s*)?(?:vào\s+)?(?:(?:buổi\s+)?(?:sáng|trưa|chiều|tối|đêm)\s+)?(?:cùng\s+ngày|trong\s+ngày|hôm\s+đó)\b")
        .expect("same day")
});

/// Every meeting reported on the day last named before it.
fn same_day(cx: &Context) -> Vec<Event> {
    let text = cx.text();
    let mut out = Vec::new();
    for u in &cx.doc.units().units {
        let Some(m) = SAME_DAY.find(&text[u.body..u.range.end]) else {
            continue;
        };
        let at = u.body + m.end();
        let Some(k) = kind::first_in(&cx.kinds, at..u.range.end) else {
            continue;
        };
        if DOCUMENT_FIRST.is_match(&text[at..k.range.start])
            || TO_COME.is_match(&text[at..k.range.start])
        {
            continue;
        }
        let Some((i, _)) = cx.days().filter(|(_, r)| r.end <= u.body).last() else {
            continue;
        };
        out.push(Event {
            at: u.body,
            strong: true,
            kind: Some(k.clone()),
            date: Some(i),
            time_of_day: time_of_day::before(text, at),
            topic: topic::after(text, k.range.end, u.range.end),
            location: location::within(text, at..u.range.end),
            ..Event::default()
        });
    }
    out
}

/// Words that show the meeting is still to be held.
static TO_COME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:sẽ|dự\s+kiến|sắp)\b").expect("to come"));
