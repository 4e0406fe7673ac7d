//! A body and its verb of work where directions are being given:
//!
//! - an item under a lead that directs ("UBND tỉnh yêu cầu:", "Kết luận như
//!   sau:"): "3. Văn phòng UBND tỉnh đảm bảo …", "- Sở Y tế hướng dẫn …";
//! - a clause after a directing verb in the same paragraph: "… đề nghị cơ quan
//!   thường trực tiếp thu …; các thành viên Ban chỉ đạo tăng cường …", "… yêu cầu
//!   thành lập các nhóm … Trên cơ sở đó, các sở, ngành, địa phương khẩn trương
//!   triển khai …";
//! - the lines after a line with a directing verb, each opening with its body: "UBND tỉnh
//!   giao Công an tỉnh …\nBộ Chỉ huy Biên phòng tỉnh chủ trì …\nSở Y tế kiểm
//!   soát …" — the chain ends at the first line that does not.
//!
//! Not a report of what was done ("- Sở Y tế đã …"), nor one that directs others
//! ("- UBND tỉnh yêu cầu …"), nor a body followed by anything but a verb of work.

use std::sync::LazyLock;

use regex::Regex;

use super::arguments::{
    first_words, lower_word_at, not_a_directive, opens_duty, subject, subject_starts,
};
use super::{Ctx, Directive};

/// A directing verb earlier in a paragraph.
static DIRECTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)yêu\s+cầu|đề\s+nghị|\bgiao\b|chỉ\s+đạo|nhấn\s+mạnh|lưu\s+ý").unwrap()
});

/// Verbs of work that, right after a subject, report what it said or thought
/// rather than what it is to do ("Các đại biểu đề xuất …").
const REPORTING: &[&str] = &[
    "đề xuất",
    "kiến nghị",
    "ghi nhận",
    "đánh giá",
    "thống nhất",
    "thông qua",
    "xem",
    "tham dự",
    "dự ",
    "làm việc",
    "tham gia ý kiến",
    // A subject that directs others is the issuer, not the one directed.
    "lưu ý",
    "nhấn mạnh",
    "yêu cầu",
    "đề nghị",
    "nhắc nhở",
    "kêu gọi",
];

/// Words before a directing verb that make it a noun.
const NOUN_AFTER: &[&str] = &[
    "theo",
    "ban",
    "các",
    "những",
    "của",
    "sự",
    "ý kiến",
    "kiến",
    "đáp ứng",
    "ứng",
    "xét",
    "công tác",
    "tác",
    "bàn",
    "chuyển",
    "thực hiện",
    "hiện",
    "lãnh đạo",
    "đạo",
    "được",
    "có",
];

/// An event held, which a body in a chain of lines reports rather than is told to
/// do ("UBND tỉnh tổ chức Hội nghị …").
static HELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^tổ\s+chức\s+(?:thành\s+công\s+)?(?:hội\s+nghị|hội\s+thảo|cuộc\s+họp|phiên\s+họp|lễ|đại\s+hội|kỳ\s+họp)").unwrap()
});

/// Every item of a directing lead, every clause after a directing verb, and every
/// line of a chain of lines after one, that opens with a body and a verb of work.
pub fn find(ctx: &Ctx) -> Vec<Directive> {
    let t = ctx.text;
    let units = ctx.doc.units();
    let mut out = Vec::new();
    // Where the current line's first directing verb stands, if any.
    let mut line_verb: Option<usize> = None;
    // The lines before directed: a line with a directing verb or ending with a
    // colon, then lines that each open with a body and a verb of work ("UBND
    // tỉnh giao Công an tỉnh …\nBộ Chỉ huy Biên phòng tỉnh chủ trì …\nSở Y tế
    // kiểm soát …").
    let mut chain = false;
    let mut line_found = false;
    for (k, u) in units.units.iter().enumerate() {
        if u.line_start {
            chain = line_verb.is_some() || (chain && line_found);
            line_verb = None;
            line_found = false;
        }
        if ctx.cx.excluded[k] {
            continue;
        }
        for c in &units.clauses[u.clauses.clone()] {
            let opens_line = u.line_start && c.range.start <= u.body;
            let item = opens_line && ctx.cx.directing[k] && u.parent.is_some();
            let after_verb = line_verb.is_some_and(|v| v < c.range.start);
            if item || after_verb || (opens_line && chain) {
                for s in subject_starts(t, c.range.clone()) {
                    let acts = |j: usize| {
                        let w = first_words(t, j, 2);
                        let before = t[..j].trim_end().chars().next_back();
                        let after_lower = before.is_some_and(vngov_text::chars::is_lower);
                        lower_word_at(t, j)
                            && opens_duty(t, j, u.range.end, after_lower)
                            && !REPORTING.iter().any(|r| w.starts_with(r))
                            && !(chain && !item && HELD.is_match(&t[j..u.range.end]))
                    };
                    if let Some(((assignees, end), _)) = subject(ctx, s, u.range.end, acts, 0) {
                        line_found |= opens_line;
                        out.push(Directive {
                            rule: "listed",
                            start: s,
                            assignees,
                            action_start: end,
                            issuer: None,
                            unit: k,
                        });
                        break;
                    }
                }
            }
            if line_verb.is_none() {
                line_verb = DIRECTING
                    .find_iter(&t[c.range.clone()])
                    .find(|m| {
                        let at = c.range.start + m.start();
                        let giao_compound = m.as_str().eq_ignore_ascii_case("giao")
                            && super::giao::not_the_verb(t, at, c.range.start + m.end());
                        !not_a_directive(t, at, NOUN_AFTER) && !giao_compound
                    })
                    .map(|m| c.range.start + m.start());
            }
        }
    }
    out
}
