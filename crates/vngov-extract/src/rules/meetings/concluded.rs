//! The person who gave a meeting's conclusion: "Kết luận hội nghị, đồng chí X …",
//! "Phát biểu kết luận cuộc họp, Chủ tịch UBND tỉnh …", "Thông báo kết luận của
//! Phó Thủ tướng X tại cuộc họp …", "Phó Chủ tịch UBND tỉnh X kết luận như sau",
//! "X đã có ý kiến kết luận". A title written alone ("Chủ tịch UBND tỉnh")
//! stands for the one person the document names with it.
//!
//! They are a chair, with role `concluded`, only where nobody is said to preside.

use std::sync::LazyLock;

use regex::Regex;
use vngov_record::ChairRole;

use super::{people_after, subject_before, ChairFound, Context, Event};
use crate::rules::near;

/// "Kết luận hội nghị,", "kết luận của", "Phát biểu kết luận cuộc họp," before the
/// person.
static CONCLUSION_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bkết\s+luận\s+(?:của\b|(?:(?:tại|trong)\s+)?(?:hội\s+nghị|cuộc\s+họp|phiên\s+họp|buổi\s+làm\s+việc|cuộc\s+làm\s+việc|kỳ\s+họp|buổi\s+họp|hội\s+thảo|tọa\s+đàm|đại\s+hội)(?:\s+[^\s.;:,]+){0,25}?\s*[,:]|[,:])",
    )
    .expect("conclusion of")
});

/// "kết luận" after the person.
static CONCLUDED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bkết\s+luận\b").expect("kết luận"));

/// "luận", in any case: both patterns hold it.
static LUAN: LazyLock<Regex> = LazyLock::new(|| Regex::new("(?i)luận").expect("luận"));

/// How far a match of [`CONCLUSION_OF`] reaches around "luận": "kết" before it,
/// at most three words and a comma after ("buổi làm việc ,").
const OF_REACH: near::Reach = near::Reach {
    words_before: 1,
    line_start: false,
    words_after: 30,
    chars_after: 0,
};

/// How far a match of [`CONCLUDED`] reaches around "luận": "kết" before it.
const REACH: near::Reach = near::Reach {
    words_before: 1,
    line_start: false,
    words_after: 0,
    chars_after: 0,
};

/// Every meeting with the person who concluded it.
pub fn find(cx: &Context) -> Vec<Event> {
    let text = cx.text();
    let mut out = Vec::new();
    let push = |at: usize, people: Vec<usize>, out: &mut Vec<Event>| {
        if people.is_empty() {
            return;
        }
        out.push(Event {
            at,
            strong: true,
            kind: cx.kind_around(at),
            chairs: ChairFound::all(people, ChairRole::Concluded, "chairs/concluded"),
            ..Event::default()
        });
    };
    // The patterns' `\b` is slow on a whole text: they run only around "luận".
    let at = near::anchors(&LUAN, text);
    if at.is_empty() {
        return out;
    }
    for m in near::matches(&CONCLUSION_OF, text, &near::stretches(text, &at, OF_REACH)) {
        push(m.start, people_after(cx, m.end), &mut out);
    }
    for m in near::matches(&CONCLUDED, text, &near::stretches(text, &at, REACH)) {
        let people = subject_before(cx, m.start);
        push(m.start, people, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use std::ops::Range;

    use super::*;

    #[test]
    fn around_luan_matches_as_whole_text() {
        let t = "Kết luận hội nghị, A. kết  luận\nbuổi làm việc , B; KẾT LUẬN của C kết luậnx \
                 kết luận: D (kết luận cuộc họp: E) luận kết luận";
        let at = near::anchors(&LUAN, t);
        for (re, reach, n) in [(&*CONCLUSION_OF, OF_REACH, 4), (&*CONCLUDED, REACH, 6)] {
            let whole: Vec<Range<usize>> = re.find_iter(t).map(|m| m.range()).collect();
            assert_eq!(near::matches(re, t, &near::stretches(t, &at, reach)), whole);
            assert_eq!(whole.len(), n);
        }
    }
}
