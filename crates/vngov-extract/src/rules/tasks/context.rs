//! Where directives may be read: the units that assign nothing (recipient lists,
//! legal bases, rules quoted from a law), the part of a text that gives
//! directions (a conclusion, a decision's articles), and the leads ("… yêu cầu:",
//! "Sở X có trách nhiệm:") whose items are duties.

use std::sync::LazyLock;

use regex::Regex;

use crate::doc::units::Units;

/// A unit that opens a block assigning nothing: recipients, addressees,
/// participants.
static NOTHING_ASSIGNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:nơi\s+nhận|kính\s+gửi|đồng\s+kính\s+gửi|thành\s+phần(?:\s+(?:tham\s+dự|mời))?|lưu\s*:)",
    )
    .unwrap()
});

/// Words that open the part of a text giving directions, or a lead whose items
/// are duties.
static DIRECTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)kết\s+luận|chỉ\s+đạo|yêu\s+cầu|đề\s+nghị|lưu\s+ý|nhấn\s+mạnh|\bgiao\b|phân\s+công|trách\s+nhiệm|nhiệm\s+vụ|tổ\s+chức\s+thực\s+hiện|quyết\s+định\s*:|quyết\s+nghị\s*:|như\s+sau\s*:",
    )
    .unwrap()
});

/// What the rules know of each unit.
#[derive(Debug, Clone)]
pub struct Context {
    /// Per unit: it assigns nothing (a recipient list, a legal basis).
    pub excluded: Vec<bool>,
    /// Per unit: it, or a unit it hangs from, directs ("… yêu cầu:", "Điều 2.", a
    /// conclusion).
    pub directing: Vec<bool>,
    /// Where the conclusion (the part giving directions) starts.
    pub conclusion_from: usize,
}

impl Context {
    /// Reads `units` of `text`.
    pub fn new(text: &str, units: &Units) -> Context {
        let n = units.units.len();
        let mut excluded = vec![false; n];
        // A recipient list runs to the end of its block of items.
        let mut in_list = false;
        for (i, u) in units.units.iter().enumerate() {
            let body = &text[u.body..u.range.end];
            let opens = NOTHING_ASSIGNED.is_match(body);
            if u.line_start && u.marker.is_none() && !opens {
                in_list = false;
            }
            if opens {
                in_list = body.trim_end().ends_with(':')
                    || body
                        .get(..body.find(':').unwrap_or(0))
                        .is_some_and(|h| h.chars().count() < 20);
            }
            excluded[i] = opens || (in_list && u.marker.is_some());
        }
        let conclusion_from = conclusion_from(text, units);
        let mut directing = vec![false; n];
        for (i, u) in units.units.iter().enumerate() {
            let own = u.range.start >= conclusion_from;
            let lead = |k: usize| {
                let w = &units.units[k];
                DIRECTING.is_match(&text[w.body..w.range.end])
            };
            directing[i] = own
                || std::iter::successors(u.parent, |&p| units.units[p].parent)
                    .any(|p| lead(p) || directing[p]);
        }
        Context {
            excluded,
            directing,
            conclusion_from,
        }
    }
}

/// Words that open the part of a text giving directions (the name "Ban Chỉ đạo"
/// aside).
static CONCLUSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)kết\s+luận|nhấn\s+mạnh|chỉ\s+đạo|yêu\s+cầu|đề\s+nghị|lưu\s+ý|\bgiao\s|quyết\s+định\s*:")
        .unwrap()
});

/// Where the conclusion starts: the start of the first unit holding a word that
/// gives directions, not counting the name "Ban Chỉ đạo".
fn conclusion_from(text: &str, units: &Units) -> usize {
    CONCLUSION
        .find_iter(text)
        .find(|m| {
            let before = text[..m.start()].trim_end();
            !(before.ends_with("Ban") || before.ends_with("ban") || before.ends_with("BAN"))
        })
        .map_or(text.len(), |m| {
            units
                .unit_at(m.start())
                .map_or(m.start(), |i| units.units[i].range.start)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recipient_lists_assign_nothing() {
        let t = "Căn cứ Luật Tổ chức chính quyền địa phương;\nĐiều 3. Sở Y tế chịu trách nhiệm thi hành Quyết định này./.\nNơi nhận:\n- Như Điều 3;\n- Viện Kiểm sát nhân dân tối cao;\n- Lưu: VT.";
        let u = Units::new(t);
        let cx = Context::new(t, &u);
        let show: Vec<(&str, bool, bool)> = u
            .units
            .iter()
            .enumerate()
            .map(|(i, x)| (&t[x.body..x.range.end], cx.excluded[i], cx.directing[i]))
            .collect();
        assert_eq!(
            show[0],
            ("Căn cứ Luật Tổ chức chính quyền địa phương;", false, false)
        );
        assert_eq!(
            show[1],
            (
                "Sở Y tế chịu trách nhiệm thi hành Quyết định này./.",
                false,
                false
            )
        );
        assert!(show[2..].iter().all(|s| s.1), "{show:#?}");
    }

    #[test]
    fn items_under_a_lead_are_in_a_directing_context() {
        let t = "Tình hình năm qua.\n- Sở Y tế đã tiêm chủng.\nĐể triển khai, UBND tỉnh yêu cầu:\n- Sở Y tế hướng dẫn các huyện.";
        let u = Units::new(t);
        let cx = Context::new(t, &u);
        assert!(!cx.directing[1]);
        assert!(cx.directing[3]);
    }
}
