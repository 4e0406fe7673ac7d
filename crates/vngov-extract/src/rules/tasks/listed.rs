//! In a conclusion, a list item opening with a body and its verb: "3. Văn phòng
//! UBND tỉnh đảm bảo …", "- Sở Y tế hướng dẫn …". Not a report of what was done
//! ("- Sở Y tế đã …").

use std::sync::LazyLock;

use regex::Regex;

use super::duties::NOT_A_VERB;
use super::trigger::assignee_list;
use super::{Ctx, Directive};

/// A list marker opening a line.
static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:[-+•–]|\(?[a-zđ]\)|\(?\d{1,2}[.)])[ \t]*").unwrap()
});

/// Every list item of the conclusion that opens with a body and a verb.
pub fn find(ctx: &Ctx) -> Vec<Directive> {
    let t = ctx.text;
    let mut out = Vec::new();
    for m in ITEM
        .find_iter(t)
        .filter(|m| m.start() >= ctx.conclusion_from)
    {
        let Some((assignees, end)) = assignee_list(ctx.parties, m.end()) else {
            continue;
        };
        let next: String = t[end..]
            .trim_start_matches([' ', '\t'])
            .chars()
            .take_while(|&c| vngov_text::chars::is_letter_or_digit(c))
            .collect();
        let verb = next.chars().next().is_some_and(vngov_text::chars::is_lower)
            && !NOT_A_VERB.contains(&next.as_str());
        if verb {
            out.push(Directive {
                rule: "listed",
                start: m.end(),
                assignees,
                action_start: end,
                assigner: None,
            });
        }
    }
    out
}
