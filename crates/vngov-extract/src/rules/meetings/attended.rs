//! People listed as attending: "Tham dự cuộc họp có các Phó Thủ tướng: A, B …",
//! "Dự hội nghị có đồng chí X …", "với sự tham dự của X", "đồng chí X dự và chỉ
//! đạo hội nghị". Attending, and speaking, is not chairing.

use std::sync::LazyLock;

use regex::Regex;

use super::{clause, people_after, subject_before, Context, Event};

/// A sentence opening on who attended, up to "có"/"gồm".
static ATTENDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?im)(?:^|[.!?]\s+)\s*((?:cùng\s+)?(?:tham\s+dự|dự|tới\s+dự|đến\s+dự|về\s+dự)\b[^.;]{0,200}?\b(?:có|gồm)\b)",
    )
        .expect("attending")
});

/// "với sự tham dự của".
static IN_PRESENCE_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bsự\s+(?:tham\s+)?dự\s+(?:và\s+chỉ\s+đạo\s+)?của\b").expect("presence")
});

/// "dự", "tham dự" after the person, not "dự và chủ trì".
static ATTENDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:tham\s+dự|(?:tới|đến|về)\s+dự|dự)\b").expect("attends"));

/// Every meeting with people listed as attending it.
pub fn find(cx: &Context) -> Vec<Event> {
    let text = cx.text();
    let mut out = Vec::new();
    let push = |at: usize, attendees: Vec<usize>, out: &mut Vec<Event>| {
        if attendees.is_empty() {
            return;
        }
        out.push(Event {
            at,
            strong: true,
            kind: cx.kind_around(at),
            attendees,
            ..Event::default()
        });
    };
    for c in ATTENDING.captures_iter(text) {
        let Some(m) = c.get(1) else { continue };
        let end = clause::sentence_end(text, m.end());
        let listed: Vec<usize> = cx
            .people
            .iter()
            .enumerate()
            .filter(|(_, p)| p.range.start >= m.end() && p.range.end <= end && p.name.is_some())
            .map(|(i, _)| i)
            .collect();
        push(m.start(), listed, &mut out);
    }
    for m in IN_PRESENCE_OF.find_iter(text) {
        push(m.start(), people_after(cx, m.end()), &mut out);
    }
    for m in ATTENDS.find_iter(text) {
        let after = &text[m.end()..];
        let lower = after.trim_start().to_lowercase();
        if lower.starts_with("và chủ trì") || lower.starts_with("và đồng chủ trì") {
            continue;
        }
        push(m.start(), subject_before(cx, m.start()), &mut out);
    }
    out
}
