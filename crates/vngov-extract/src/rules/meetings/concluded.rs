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

/// "Kết luận hội nghị,", "kết luận của", "Phát biểu kết luận cuộc họp," before the
/// person.
static CONCLUSION_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bkết\s+luận\s+(?:của\b|(?:hội\s+nghị|cuộc\s+họp|phiên\s+họp|buổi\s+làm\s+việc|cuộc\s+làm\s+việc|kỳ\s+họp|buổi\s+họp|hội\s+thảo)\s*[,:]|[,:])",
    )
    .expect("conclusion of")
});

/// "kết luận" after the person.
static CONCLUDED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bkết\s+luận\b").expect("kết luận"));

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
            chairs: ChairFound::all(people, ChairRole::Concluded),
            ..Event::default()
        });
    };
    for m in CONCLUSION_OF.find_iter(text) {
        push(m.start(), people_after(cx, m.end()), &mut out);
    }
    for m in CONCLUDED.find_iter(text) {
        let people = subject_before(cx, m.start());
        push(m.start(), people, &mut out);
    }
    out
}
