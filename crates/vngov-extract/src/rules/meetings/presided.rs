//! People said to preside, written before "chủ trì": "Đồng chí X, Phó Chủ tịch
//! UBND tỉnh, Trưởng Ban chỉ đạo chủ trì cuộc họp", "Phó Chủ tịch UBND tỉnh X đã
//! chủ trì", "do X chủ trì", "X và Y đồng chủ trì", "X cùng các Phó Chủ tịch UBND
//! tỉnh: A, B chủ trì họp", "X … dự và chủ trì hội nghị".
//!
//! Not a chair: "chủ trì" in a directive, where a body or person is told to lead
//! some work ("giao Sở X chủ trì, phối hợp với …", "đồng chí X chủ trì xây dựng
//! đề án"), and "chủ trì" with no meeting in its sentence.

use std::sync::LazyLock;

use regex::Regex;
use vngov_record::ChairRole;

use super::{clause, subject_before, ChairFound, Context, Event};
use crate::rules::near;

/// "chủ trì", "đồng chủ trì".
static PRESIDE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:đồng\s+)?chủ\s+trì\b").expect("chủ trì"));

/// How far a match of [`PRESIDE`] reaches around "trì": "đồng chủ" before it.
const REACH: near::Reach = near::Reach {
    words_before: 2,
    line_start: false,
    words_after: 0,
    chars_after: 0,
};

/// After "chủ trì": the work a directive hands out.
pub(crate) static DIRECTIVE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*,?\s*(?:và\s+)?(?:phối\s+hợp|thực\s+hiện|triển\s+khai|xây\s+dựng|tham\s+mưu|soạn\s+thảo|hướng\s+dẫn|theo\s+dõi|rà\s+soát|giải\s+quyết|tổng\s+hợp|nghiên\s+cứu|đề\s+xuất|lập|cùng\s+với|kiểm\s+tra|chỉ\s+đạo\s+thực\s+hiện|tổ\s+chức\s+thực\s+hiện)\b",
    )
    .expect("directive after")
});

/// Before the subject: a directive handing out work.
pub(crate) static DIRECTIVE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:giao(?:\s+cho)?|đề\s+nghị|yêu\s+cầu|phân\s+công|cử|để|sẽ\s+do)\s*$")
        .expect("directive before")
});

/// Every meeting with people said to preside before "chủ trì".
pub fn find(cx: &Context) -> Vec<Event> {
    let text = cx.text();
    let mut out = Vec::new();
    // The pattern's `\b` is slow on a whole text: it runs only around "trì".
    let around = near::stretches(text, &near::anchors(&near::TRI, text), REACH);
    for m in near::matches(&PRESIDE, text, &around) {
        let before = text[..m.start].trim_end();
        if near::ends_with_lower(before, "sự") || DIRECTIVE_AFTER.is_match(&text[m.end..]) {
            continue;
        }
        let start = clause::sentence_start(text, m.start);
        let end = clause::sentence_end(text, m.end);
        // The meeting presided: named after "chủ trì", else elsewhere in the sentence.
        let Some(k) = super::kind::first_in(&cx.kinds, m.end..end)
            .or_else(|| super::kind::first_in(&cx.kinds, start..m.start))
        else {
            continue;
        };
        let subject = subject_before(cx, m.start);
        let Some(&first) = subject.first() else {
            continue;
        };
        // The pattern's words are at most two.
        if DIRECTIVE_BEFORE.is_match(near::last_words(text, cx.people[first].lead, 2)) {
            continue;
        }
        out.push(Event {
            at: cx.people[first].lead,
            strong: true,
            kind: Some(k.clone()),
            chairs: ChairFound::all(subject, ChairRole::Presided),
            ..Event::default()
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use std::ops::Range;

    use super::*;

    #[test]
    fn around_tri_matches_as_whole_text() {
        let t = "Đồng chí A chủ trì; X đồng  chủ\ntrì họp. (chủ trì) CHỦ TRÌ, chủ trìx đồng chủ trì, sự chủ trì của trì";
        let whole: Vec<Range<usize>> = PRESIDE.find_iter(t).map(|m| m.range()).collect();
        let around = near::stretches(t, &near::anchors(&near::TRI, t), REACH);
        assert_eq!(near::matches(&PRESIDE, t, &around), whole);
        assert_eq!(whole.len(), 6);
    }
}
