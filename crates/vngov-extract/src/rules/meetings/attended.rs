//! People listed as attending: "Tham dự cuộc họp có các Phó Thủ tướng: A, B …",
//! "Dự hội nghị có đồng chí X …", "với sự tham dự của X", "đồng chí X dự và chỉ
//! đạo hội nghị". Attending, and speaking, is not chairing.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{people_after, subject_before, Context, Event};
use crate::rules::near::{self, Reach};

/// A sentence opening on who attended (group 1): its verb, up to the "có"/"gồm"
/// ([`LIST_WORD_WITHIN`], [`list_word_end`]) that introduces the list.
static ATTENDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)(?:^|[.!?]\s+)\s*((?:cùng\s+)?(?:tham\s+dự|dự|tới\s+dự|đến\s+dự|về\s+dự)\b)")
        .expect("attending")
});

/// Most chars between the verb and its "có"/"gồm".
const LIST_WORD_WITHIN: usize = 200;

/// The end of the first "có" or "gồm" (any case, a whole word) within
/// [`LIST_WORD_WITHIN`] chars after byte `v` of `h`, none of them a stop or a
/// semicolon: `[^.;]{0,200}?\b(?:có|gồm)\b` read by hand, as its 200 repeated
/// classes made the pattern slow to build and to run.
fn list_word_end(h: &str, v: usize) -> Option<usize> {
    let mut prev = h[..v].chars().next_back();
    let mut at = v;
    for _ in 0..=LIST_WORD_WITHIN {
        let rest = &h[at..];
        if !prev.is_some_and(near::is_word_char) {
            let mut cs = rest.chars();
            let word = match (cs.next(), cs.next(), cs.next()) {
                (Some('c' | 'C'), Some('ó' | 'Ó'), _) => Some("có".len()),
                (Some('g' | 'G'), Some('ồ' | 'Ồ'), Some('m' | 'M')) => Some("gồm".len()),
                _ => None,
            };
            if let Some(n) = word {
                if !rest[n..].chars().next().is_some_and(near::is_word_char) {
                    return Some(at + n);
                }
            }
        }
        match rest.chars().next() {
            Some(c) if c != '.' && c != ';' => {
                prev = Some(c);
                at += c.len_utf8();
            }
            _ => return None,
        }
    }
    None
}

/// Byte ranges in `h` of the verb to its "có"/"gồm" of every sentence opening on
/// who attended, as one pattern would find them. A verb without its "có"/"gồm" is
/// passed over whole: a later match inside its opening would start at the same
/// verb end and fail the same way.
fn attending(h: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(c) = ATTENDING.captures_at(h, at) {
        let (all, verb) = (c.get(0).expect("match"), c.get(1).expect("verb"));
        match list_word_end(h, verb.end()) {
            Some(e) => {
                out.push(verb.start()..e);
                at = e;
            }
            None => at = all.end(),
        }
    }
    out
}

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
    let opening_at = near::stretches(
        text,
        &opening,
        Reach {
            words_before: 3,
            line_start: true,
            words_after: 0,
            chars_after: 205,
        },
    );
    let found = opening_at.iter().flat_map(|r| {
        attending(&text[r.clone()])
            .into_iter()
            .map(move |m| r.start + m.start..r.start + m.end)
    });
    for m in found {
        let end = cx.doc.sentence_at(m.end).end.max(m.end);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The rule as one pattern.
    static WHOLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?im)(?:^|[.!?]\s+)\s*((?:cùng\s+)?(?:tham\s+dự|dự|tới\s+dự|đến\s+dự|về\s+dự)\b[^.;]{0,200}?\b(?:có|gồm)\b)",
        )
        .unwrap()
    });

    #[test]
    fn reads_what_one_pattern_reads() {
        let long = "x ".repeat(99);
        let cases = [
            "Tham dự hội nghị có đồng chí A.".to_string(),
            "THAM  DỰ CUỘC HỌP CÓ các Phó Thủ tướng: A, B".to_string(),
            "Dự họp gồm: X; Y. Cùng dự có Z".to_string(),
            "Cùng\ndự hội nghị có A".to_string(),
            "Ông A. Tới dự có ông B. Đến dự cóc có C".to_string(),
            "Về dự cócó; có A. Dự hội nghị, Có A".to_string(),
            "Dự buổi làm việc.có A\n  dự họp (có) A".to_string(),
            "Dự_có A. Dựng có A. dự hội nghị có_ x có".to_string(),
            "Tham dự\ncó A. Tham\ndự hội nghị. Có A".to_string(),
            "Dự họp đồng chí Đỗ Văn Đông; có A. Dự: gồmx gồm, GỒM".to_string(),
            "Dự ×có ½có ⅓có ͅcó có".to_string(),
            "Dự co\u{301} có".to_string(),
            format!("Dự {long}có A. Dự {long}x có. Dự {long}xx có"),
            format!("Dự {long}có"),
            "có Dự hội nghị có".to_string(),
            "Dự".to_string(),
            "Dự ".to_string(),
        ];
        let mut found = 0;
        for t in &cases {
            let whole: Vec<Range<usize>> = WHOLE
                .captures_iter(t)
                .map(|c| c.get(1).unwrap().range())
                .collect();
            assert_eq!(attending(t), whole, "{t:?}");
            found += whole.len();
        }
        assert!(found >= 15, "{found}");
    }
}
