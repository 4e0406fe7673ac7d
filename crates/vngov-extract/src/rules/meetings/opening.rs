//! A meeting named where the text opens on it: a heading line ("Hội nghị bàn về
//! công tác …", "UBND tỉnh họp đánh giá …") or a sentence opening "Tại hội nghị,".
//! These add details to the meeting reported elsewhere, and stand for it alone
//! when nothing else reports it.

use std::sync::LazyLock;

use regex::Regex;

use super::{topic, Context, Event};

/// Longest heading line, in bytes.
const HEADING_MAX: usize = 400;

/// "Tại hội nghị," at the start of a sentence.
static AT_THE_MEETING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:tại|trong)\s*$").expect("at the meeting"));

/// Every meeting named by a heading or by "Tại hội nghị".
pub fn find(cx: &Context) -> Vec<Event> {
    let text = cx.text();
    let mut out = Vec::new();
    for k in &cx.kinds {
        let line = cx.doc.line_at(k.range.start).start;
        let line_end = cx.doc.line_at(k.range.end).end;
        let heading = line_end - line <= HEADING_MAX
            && !text[line..line_end].trim_end().ends_with(['.', ';', ','])
            && text[line..k.range.start].split_whitespace().count() <= 4;
        let sentence = cx.doc.sentence_at(k.range.start).start;
        let at = AT_THE_MEETING.is_match(&text[sentence..k.range.start]);
        if !(heading || at) {
            continue;
        }
        out.push(Event {
            at: k.range.start,
            strong: false,
            kind: Some(k.clone()),
            topic: heading
                .then(|| topic::after(text, k.range.end, line_end))
                .flatten(),
            ..Event::default()
        });
    }
    out
}
