//! People said to preside, written before the verb — "chủ trì", "chủ tọa",
//! "đồng chủ trì", "cùng chủ trì", "điều hành" (a meeting): "Đồng chí X, Phó Chủ
//! tịch UBND tỉnh chủ trì cuộc họp", "Phó Chủ tịch UBND tỉnh X đã chủ trì", "do X
//! chủ trì", "Thiếu tướng X, … và Thiếu tướng Y, … đồng chủ trì", "Các đồng chí:
//! A, …; B, … chủ trì hội nghị", "X chủ trì tại điểm cầu Y", "X … dự và chủ trì
//! hội nghị".
//!
//! The subject is read by its place: the people whose mention ends right before
//! the verb (after "đã", "cùng", "dự và"), joined by "và", ";" or a comma; or,
//! where their titles run on in words no title list holds ("…, Trưởng Tiểu ban Lễ
//! tân, hậu cần giúp việc Ban Chỉ đạo Hội nghị … đã chủ trì"), the people opening
//! the sentence with no other verb before "chủ trì".
//!
//! Not a chair: "chủ trì" in a directive, where a body or person is told to lead
//! some work ("giao Sở X chủ trì, phối hợp với …", "đồng chí X chủ trì xây dựng
//! đề án"); a meeting to come ("sẽ chủ trì"); a court ("chủ tọa phiên tòa");
//! "điều hành" of anything but a meeting; and "chủ trì" with no meeting in or
//! before its sentence.

use std::sync::LazyLock;

use regex::Regex;
use vngov_record::ChairRole;

use super::{subject_before, ChairFound, Context, Event};
use crate::rules::near;
use crate::rules::people::resolve;

/// The verbs of presiding (group 1: the verb without "đồng"/"cùng").
static PRESIDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:đồng\s+|cùng\s+)?(chủ\s+trì|chủ\s+tọa|điều\s+hành)\b").expect("preside")
});

/// "trì", "tọa", "hành", in any case: every verb of [`PRESIDE`] ends in one.
static ANCHOR: LazyLock<Regex> = LazyLock::new(|| Regex::new("(?i)trì|tọa|hành").expect("anchor"));

/// How far a match of [`PRESIDE`] reaches around its last word.
const REACH: near::Reach = near::Reach {
    words_before: 3,
    line_start: false,
    words_after: 0,
    chars_after: 0,
};

/// After "chủ trì": the work a directive hands out.
pub(crate) static DIRECTIVE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*,?\s*(?:và\s+)?(?:phối\s+hợp|thực\s+hiện|triển\s+khai|xây\s+dựng|tham\s+mưu|soạn\s+thảo|hướng\s+dẫn|theo\s+dõi|rà\s+soát|giải\s+quyết|tổng\s+hợp|nghiên\s+cứu|đề\s+xuất|lập|cùng\s+với|kiểm\s+tra|chỉ\s+đạo\s+thực\s+hiện|tổ\s+chức(?:\s+thực\s+hiện)?|thẩm\s+định|đôn\s+đốc|các\s+nội\s+dung|công\s+tác|việc)\b",
    )
    .expect("directive after")
});

/// Before the subject: a directive handing out work, or a meeting to come.
pub(crate) static DIRECTIVE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:giao(?:\s+cho)?|đề\s+nghị|yêu\s+cầu|phân\s+công|cử|để|sẽ\s+do|mời)\s*$")
        .expect("directive before")
});

/// Between the subject and the verb: the meeting has not been held.
static TO_COME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:sẽ|dự\s+kiến|chuẩn\s+bị|được\s+phân\s+công|được\s+giao)\b")
        .expect("to come")
});

/// After "điều hành": a meeting or its part, which makes it presiding.
static RUNS_A_MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:các\s+)?(?:hội\s+nghị|cuộc\s+họp|phiên\s+họp|kỳ\s+họp|phiên\s+thảo\s+luận|phiên\s+chất\s+vấn|buổi\s+làm\s+việc|hội\s+thảo|tọa\s+đàm|đại\s+hội|họp)\b")
        .expect("runs a meeting")
});

/// Verbs that, between the people opening a sentence and "chủ trì", show those
/// people are the subject of another verb ("X phát biểu … Y chủ trì").
static OTHER_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:phát\s+biểu|tham\s+dự|báo\s+cáo|trình\s+bày|cho\s+biết|nhấn\s+mạnh|yêu\s+cầu|đề\s+nghị|kết\s+luận|khẳng\s+định|đánh\s+giá|tặng|trao|thăm|tiếp|nghe|ghi\s+nhận|dẫn\s+đầu|cùng\s+dự|đến\s+dự|tới\s+dự|về\s+dự)\b")
        .expect("other verb")
});

/// Every meeting with people said to preside before the verb.
pub fn find(cx: &Context) -> Vec<Event> {
    let text = cx.text();
    let mut out = Vec::new();
    let around = near::stretches(text, &near::anchors(&ANCHOR, text), REACH);
    for m in near::matches(&PRESIDE, text, &around) {
        let verb = &text[m.start..m.end];
        let before = text[..m.start].trim_end();
        if near::ends_with_lower(before, "sự") || DIRECTIVE_AFTER.is_match(&text[m.end..]) {
            continue;
        }
        let lower = vngov_text::chars::lowercase(verb);
        if lower.ends_with("hành")
            && !(RUNS_A_MEETING.is_match(&text[m.end..]) || lower.starts_with("cùng"))
        {
            continue;
        }
        if lower.ends_with("tọa")
            && text[m.end..]
                .trim_start()
                .to_lowercase()
                .starts_with("phiên tòa")
        {
            continue;
        }
        let sentence = cx.doc.sentence_at(m.start);
        // The meeting presided: named after the verb, else before it in the
        // sentence, else in the sentences just before ("… chủ trì tại điểm cầu Y").
        let Some(k) = super::kind::first_in(&cx.kinds, m.end..sentence.end)
            .or_else(|| super::kind::first_in(&cx.kinds, sentence.start..m.start))
            .or_else(|| cx.kind_before(sentence.start))
            .cloned()
        else {
            continue;
        };
        let mut subject = subject_before(cx, m.start);
        // A title standing for nobody named is the tail of the subject's title chain
        // ("X, phó Bí thư thị ủy, Chủ tịch UBND thị xã chủ trì"): the sentence's
        // subject is read instead.
        if subject
            .iter()
            .all(|&i| resolve(&cx.people[i], cx.people).is_none())
        {
            subject = sentence_subject(cx, sentence.start, m.start);
        }
        let Some(&first) = subject.first() else {
            continue;
        };
        let lead = cx.people[first].lead;
        // The pattern's words are at most two. A meeting named before the people
        // may be one to come ("Hội nghị sẽ diễn ra ngày … do X chủ trì").
        if DIRECTIVE_BEFORE.is_match(near::last_words(text, lead, 2))
            || (k.range.end <= lead
                && sentence.start <= k.range.start
                && TO_COME.is_match(&text[k.range.end..lead]))
            || TO_COME
                .is_match(&text[cx.people[*subject.last().unwrap_or(&first)].range.end..m.start])
        {
            continue;
        }
        out.push(Event {
            at: lead,
            strong: true,
            kind: Some(k),
            chairs: ChairFound::all(subject, ChairRole::Presided, "chairs/presided"),
            ..Event::default()
        });
    }
    out
}

/// The people opening the sentence that starts at byte `start`, when the verb at
/// `verb` is theirs: the first mention of a named person within the sentence's
/// first words (after a date or place set off by a comma), the people joined to it
/// by "và", ";" or a comma, and between the last of them and the verb no other
/// person and no other verb.
fn sentence_subject(cx: &Context, start: usize, verb: usize) -> Vec<usize> {
    let text = cx.text();
    let Some(first) = cx
        .people
        .iter()
        .position(|p| p.lead >= start && p.range.end <= verb && p.name.is_some())
    else {
        return Vec::new();
    };
    // Only an opening adverbial may stand before the subject ("Ngày 10-5, ").
    let opening = &text[start..cx.people[first].lead];
    if opening.split_whitespace().count() > 12
        || (!opening.trim().is_empty() && !opening.trim_end().ends_with(','))
    {
        return Vec::new();
    }
    let list = super::people_after(cx, cx.people[first].lead);
    let list = if list.is_empty() { vec![first] } else { list };
    let last_end = list
        .iter()
        .map(|&i| cx.people[i].range.end)
        .max()
        .unwrap_or(verb);
    if last_end > verb {
        return Vec::new();
    }
    let gap = &text[last_end..verb];
    let another = cx
        .people
        .iter()
        .any(|p| p.range.start >= last_end && p.range.end <= verb && p.name.is_some());
    if another || OTHER_VERB.is_match(gap) || gap.contains(['.', ';', '\n']) {
        return Vec::new();
    }
    list
}

#[cfg(test)]
mod tests {
    use std::ops::Range;

    use super::*;

    #[test]
    fn around_the_anchors_matches_as_whole_text() {
        let t = "Đồng chí A chủ trì; X đồng  chủ\ntrì họp. (chủ trì) CHỦ TRÌ, chủ trìx đồng chủ trì, sự chủ trì của trì cùng điều hành kỳ họp, chủ tọa";
        let whole: Vec<Range<usize>> = PRESIDE.find_iter(t).map(|m| m.range()).collect();
        let around = near::stretches(t, &near::anchors(&ANCHOR, t), REACH);
        assert_eq!(near::matches(&PRESIDE, t, &around), whole);
        assert_eq!(whole.len(), 8);
    }
}
