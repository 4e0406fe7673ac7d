//! People said to preside, written after the words: "dưới sự chủ trì của đồng chí
//! X, … và các đồng chí: A, …; B, …", "với sự đồng chủ trì của X và Y", "Chủ trì
//! hội nghị có đồng chí X …", "Chủ trì: đồng chí X".

use std::sync::LazyLock;

use regex::Regex;
use vngov_record::ChairRole;

use super::{clause, people_after, ChairFound, Context, Event};

/// The words before the people.
static PRESIDED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bsự\s+(?:đồng\s+)?chủ\s+trì\s+của\b|(?:^|[.!?]\s+|\n)(?:đồng\s+)?chủ\s+trì(?:\s+(?:hội\s+nghị|cuộc\s+họp|phiên\s+họp|buổi\s+làm\s+việc|buổi\s+họp|họp))?\s*(?:là|có|gồm|:)",
    )
    .expect("presided by")
});

/// Every meeting with people said to preside after the words.
pub fn find(cx: &Context) -> Vec<Event> {
    let text = cx.text();
    let mut out = Vec::new();
    for m in PRESIDED_BY.find_iter(text) {
        let people = people_after(cx, m.end());
        if people.is_empty() {
            continue;
        }
        let start = clause::sentence_start(text, m.end());
        let end = clause::sentence_end(text, m.end());
        let kind = super::kind::first_in(&cx.kinds, start..end).cloned();
        out.push(Event {
            at: m.start(),
            strong: true,
            kind,
            chairs: ChairFound::all(people, ChairRole::Presided),
            ..Event::default()
        });
    }
    out
}
