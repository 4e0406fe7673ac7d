//! People said to preside, written after the words that say so:
//!
//! - passive: "dưới sự chủ trì của đồng chí X, … và các đồng chí: A, …; B, …",
//!   "với sự đồng chủ trì của X và Y", "được chủ trì bởi X";
//! - fronted: "Chủ trì hội nghị có đồng chí X …", "Chủ trì phiên họp, đồng chí X,
//!   UVTV, …", "Chủ trì: đồng chí X", "Chủ trì kỳ họp là ông X", "Cùng điều hành kỳ
//!   họp còn có bà X";
//! - attending and presiding: "Đến dự và chủ trì buổi tọa đàm có các đồng chí: X -
//!   TUV, …; Y - …", "Tham dự và chủ trì tại điểm cầu TPHCM có …";
//! - a presidium: "Hội nghị đã bầu Đoàn Chủ tịch điều hành cuộc họp gồm 03 đồng chí:
//!   TS. X (…), TS. Y (…)".

use std::sync::LazyLock;

use regex::Regex;
use vngov_record::ChairRole;

use super::{people_after, ChairFound, Context, Event};

/// The words before the people (in one unit).
static PRESIDED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        \bsự\s+(?:đồng\s+)?chủ\s+trì\s+của\b
        | \b(?:được\s+)?(?:đồng\s+)?chủ\s+trì\s+bởi\b
        | (?:^|[.!?;]\s+)(?:cùng\s+|đồng\s+)?(?:chủ\s+trì|chủ\s+tọa|điều\s+hành)(?:\s+[^\s.;:,]+){0,6}?\s*(?:\bcòn\s+)?(?:\blà\b|\bcó\b|\bgồm\b|:|,)
        | \b(?:(?:đến|về|tới)\s+)?(?:tham\s+)?dự\s+và\s+(?:đồng\s+)?(?:chủ\s+trì|điều\s+hành)(?:\s+[^\s.;:]+){0,8}?\s+(?:có|là)\b
        | \bĐoàn\s+Chủ\s+tịch\b[^.;:]{0,80}?(?:\bgồm\b|:)
        ",
    )
    .expect("presided by")
});

/// Words every match of [`PRESIDED_BY`] holds: "chủ trì", "chủ tọa", "điều hành",
/// "Đoàn Chủ tịch" — rare enough that most units are turned away before the pattern.
static ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)chủ\s+trì|chủ\s+tọa|điều\s+hành|đoàn\s+chủ\s+tịch").expect("anchor")
});

/// A count before the people ("gồm 03 đồng chí:").
static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s:,]*(\d+|hai|ba|bốn|năm)\s+(?:đồng\s+chí|vị|người)\s*:?").expect("count")
});

/// Every meeting with people said to preside after the words.
pub fn find(cx: &Context) -> Vec<Event> {
    let text = cx.text();
    let mut out = Vec::new();
    for u in &cx.doc.units().units {
        let body = &text[u.body..u.range.end];
        if !ANCHOR.is_match(body) {
            continue;
        }
        for m in PRESIDED_BY.find_iter(body) {
            let end = u.body + m.end();
            // After a count, the list opens at its word of address ("03 đồng chí: A,
            // B") or after it ("03 vị: A, B").
            let people = match COUNT.captures(&text[end..u.range.end]) {
                Some(c) => {
                    let at_word = people_after(cx, end + c.get(1).map_or(0, |n| n.end()));
                    if at_word.is_empty() {
                        people_after(cx, end + c.get(0).map_or(0, |m| m.end()))
                    } else {
                        at_word
                    }
                }
                None => people_after(cx, end),
            };
            if people.is_empty() {
                continue;
            }
            let kind = super::kind::first_in(&cx.kinds, u.range.clone())
                .or_else(|| cx.kind_before(u.range.start))
                .cloned();
            if kind.is_none() {
                continue;
            }
            out.push(Event {
                at: u.body + m.start(),
                strong: true,
                kind,
                chairs: ChairFound::all(people, ChairRole::Presided, "chairs/presided_by"),
                ..Event::default()
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_before_the_people() {
        for t in [
            "dưới sự chủ trì của đồng chí",
            "với sự đồng chủ trì của",
            "được chủ trì bởi",
            "Chủ trì hội nghị có",
            "Chủ trì phiên họp,",
            "Chủ trì:",
            "Chủ trì kỳ họp là",
            "Cùng điều hành kỳ họp còn có",
            "Đến dự và chủ trì buổi tọa đàm có",
            "Tham dự và chủ trì tại điểm cầu TPHCM có",
            "Hội nghị đã bầu Đoàn Chủ tịch điều hành cuộc họp gồm",
        ] {
            assert!(PRESIDED_BY.is_match(t), "{t}");
            assert!(ANCHOR.is_match(t), "{t}");
        }
        for t in [
            "Sở Tài chính chủ trì, phối hợp",
            "các đơn vị chủ trì có trách nhiệm",
            "Dự hội nghị có",
        ] {
            assert!(!PRESIDED_BY.is_match(t), "{t}");
        }
    }
}
