//! People listed as attending: "Tham dự cuộc họp có các Phó Thủ tướng: A, B …",
//! "Dự hội nghị có đồng chí X …", "với sự tham dự của X", "đồng chí X dự và chỉ
//! đạo hội nghị". Attending, and speaking, is not chairing.

use std::sync::LazyLock;

use regex::Regex;

use super::{clause, people_after, subject_before, Context, Event};
use crate::rules::near::{self, Reach};

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
    // Every pattern holds "dự": each is run only around it.
    let du = near::du(text);
    if du.is_empty() {
        return out;
    }
    let around = |reach| near::stretches(text, &du, reach);
    // A sentence or line opening on "dự": only a space before it, and within the
    // three words before (at most "cùng", "tham" and one ending in the stop) a
    // stop or a line break, or the start of the text.
    let opening: Vec<usize> = du
        .iter()
        .copied()
        .filter(|&p| {
            let before = near::last_words(text, p, 3);
            text[..p]
                .chars()
                .next_back()
                .map_or(true, char::is_whitespace)
                && (before.len() == p || before.contains(['.', '!', '?', '\n']))
        })
        .collect();
    let attending = near::stretches(
        text,
        &opening,
        Reach {
            words_before: 3,
            line_start: true,
            words_after: 0,
            chars_after: 205,
        },
    );
    for m in near::captures(&ATTENDING, text, &attending, 1) {
        let end = clause::sentence_end(text, m.end);
        let listed: Vec<usize> = cx
            .people
            .iter()
            .enumerate()
            .filter(|(_, p)| p.range.start >= m.end && p.range.end <= end && p.name.is_some())
            .map(|(i, _)| i)
            .collect();
        push(m.start, listed, &mut out);
    }
    let presence = around(Reach {
        words_before: 2,
        line_start: false,
        words_after: 4,
        chars_after: 2,
    });
    for m in near::matches(&IN_PRESENCE_OF, text, &presence) {
        push(m.start, people_after(cx, m.end), &mut out);
    }
    let attends = around(Reach {
        words_before: 1,
        line_start: false,
        words_after: 0,
        chars_after: 2,
    });
    for m in near::matches(&ATTENDS, text, &attends) {
        // Enough chars to tell "và đồng chủ trì" (lower case maps a char to one or more).
        let after = text[m.end..].trim_start();
        let head = &after[..after.char_indices().nth(16).map_or(after.len(), |(i, _)| i)];
        let lower = vngov_text::chars::lowercase(head);
        if lower.starts_with("và chủ trì") || lower.starts_with("và đồng chủ trì") {
            continue;
        }
        push(m.start, subject_before(cx, m.start), &mut out);
    }
    out
}
