//! People said to preside, written after the words: "dưới sự chủ trì của đồng chí
//! X, … và các đồng chí: A, …; B, …", "với sự đồng chủ trì của X và Y", "Chủ trì
//! hội nghị có đồng chí X …", "Chủ trì: đồng chí X".

use std::sync::LazyLock;

use regex::Regex;
use vngov_record::ChairRole;

use super::{clause, people_after, ChairFound, Context, Event};
use crate::rules::near;

/// The words before the people.
static PRESIDED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bsự\s+(?:đồng\s+)?chủ\s+trì\s+của\b|(?:^|[.!?]\s+|\n)(?:đồng\s+)?chủ\s+trì(?:\s+(?:hội\s+nghị|cuộc\s+họp|phiên\s+họp|buổi\s+làm\s+việc|buổi\s+họp|họp))?\s*(?:là|có|gồm|:)",
    )
    .expect("presided by")
});

/// How far a match of [`PRESIDED_BY`] reaches around "trì": at most three words
/// before it ("sự đồng chủ", ". đồng chủ") and four after ("buổi làm việc là").
/// One word more is taken before, so that no match starts where a stretch does
/// and its `^` (the start of the text) holds only at the start of the text.
const REACH: near::Reach = near::Reach {
    words_before: 4,
    line_start: false,
    words_after: 4,
    chars_after: 0,
};

/// Every meeting with people said to preside after the words.
pub fn find(cx: &Context) -> Vec<Event> {
    let text = cx.text();
    let mut out = Vec::new();
    // The pattern's `\b` is slow on a whole text: it runs only around "trì".
    let around = near::stretches(text, &near::anchors(&near::TRI, text), REACH);
    for m in near::matches(&PRESIDED_BY, text, &around) {
        let people = people_after(cx, m.end);
        if people.is_empty() {
            continue;
        }
        let start = clause::sentence_start(text, m.end);
        let end = clause::sentence_end(text, m.end);
        let kind = super::kind::first_in(&cx.kinds, start..end).cloned();
        out.push(Event {
            at: m.start,
            strong: true,
            kind,
            chairs: ChairFound::all(people, ChairRole::Presided),
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
        let t = "Chủ trì: đồng chí A. Dưới sự đồng chủ trì của B; X đồng chủ trì: C\nChủ trì buổi làm việc là D. xong.\n đồng chủ trì có E, ông chủ trì gồm F";
        let whole: Vec<Range<usize>> = PRESIDED_BY.find_iter(t).map(|m| m.range()).collect();
        let around = near::stretches(t, &near::anchors(&near::TRI, t), REACH);
        assert_eq!(near::matches(&PRESIDED_BY, t, &around), whole);
        assert_eq!(whole.len(), 4);
    }
}
