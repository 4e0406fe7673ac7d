//! Who directs, where a directive names nobody before its verb: the authority the
//! text names before it —
//!
//! - who gives the conclusion or directions ("Chủ tịch UBND tỉnh có ý kiến chỉ
//!   đạo:", "Kết luận hội nghị, đồng chí X - Phó Chủ tịch UBND tỉnh", "kết luận của
//!   Chủ tịch UBND tỉnh");
//! - who chairs the meeting ("Phó Chủ tịch UBND tỉnh Nguyễn Phi Long đã chủ trì cuộc
//!   họp", "dưới sự chủ trì của đồng chí X");
//! - who issued the rule being applied ("Thông tư … của Bộ Tài nguyên và Môi trường
//!   quy định");
//!
//! and, failing those, the issuer in the document's header ("ỦY BAN NHÂN DÂN / TỈNH
//! LONG AN").

use std::sync::LazyLock;

use regex::Regex;
use vngov_text::chars::{is_letter, is_upper};

use super::Ctx;
use crate::rules::organizations::grammar::body_at;
use crate::rules::organizations::PartyKind;

/// After a party: it gives directions or a conclusion, or chairs.
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:,\s*)?(?i:(?:đã\s+|cũng\s+)?(?:có\s+)?(?:ý\s+kiến\s+)?(?:chỉ\s+đạo|kết\s+luận)\b|có\s+ý\s+kiến(?:\s+như\s+sau)?\s*:|(?:đã\s+)?chủ\s+trì\s+(?:cuộc\s+họp|hội\s+nghị|phiên\s+họp|buổi\s+làm\s+việc|họp|hội\s+thảo)|,?\s*(?:quy\s+định|hướng\s+dẫn)\b)").unwrap()
});

/// Before a party: "kết luận (của) (hội nghị),", "dưới sự chủ trì của".
static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:kết\s+luận(?:\s+(?:của|hội\s+nghị|cuộc\s+họp|phiên\s+họp|buổi\s+làm\s+việc))*|(?:dưới\s+sự\s+)?chủ\s+trì\s+của|ý\s+kiến\s+chỉ\s+đạo\s+của)\s*[,:]?\s*").unwrap()
});

/// Every authority the text names: its byte offset and name, in text order.
pub fn authorities(ctx: &Ctx) -> Vec<(usize, String)> {
    let t = ctx.text;
    let mut out: Vec<(usize, String)> = Vec::new();
    for p in ctx.parties.parties() {
        if p.kind == PartyKind::Class {
            continue;
        }
        if AFTER.is_match(&t[p.range.end..]) {
            out.push((p.range.start, p.name.clone()));
        }
    }
    for m in BEFORE.find_iter(t) {
        if let Some(p) = ctx
            .parties
            .party_at(m.end())
            .filter(|p| p.kind != PartyKind::Class)
        {
            out.push((m.start(), p.name));
        }
    }
    out.sort_by_key(|(i, _)| *i);
    out.dedup_by(|a, b| a.1 == b.1 && a.0.abs_diff(b.0) < 400);
    out
}

/// The latest authority named before byte `at`.
/// A post without a name takes the name the text gave the same post earlier
/// ("Phó Chủ tịch UBND tỉnh Phạm Thị Lan chủ trì … Phó Chủ tịch UBND tỉnh kết luận").
pub fn latest_before(auth: &[(usize, String)], at: usize) -> Option<String> {
    let before: Vec<&(usize, String)> = auth.iter().take_while(|(i, _)| *i < at).collect();
    let (_, last) = before.last()?;
    let named = before
        .iter()
        .map(|(_, n)| n)
        .find(|n| n.len() > last.len() && n.starts_with(&format!("{last} ")));
    Some(named.unwrap_or(last).clone())
}

/// The issuer in an official header: the first all-capital lines naming a body
/// ("ỦY BAN NHÂN DÂN\nTỈNH LONG AN" → "Ủy ban nhân dân tỉnh").
pub fn header_issuer(t: &str) -> Option<String> {
    let mut start = 0;
    for line in t.split_inclusive('\n').take(12) {
        let trimmed = line.trim();
        let mut letters = trimmed.chars().filter(|&c| is_letter(c));
        if letters.clone().count() >= 4 && letters.all(is_upper) {
            let at = start + (line.len() - line.trim_start().len());
            if let Some(b) = body_at(t, at, false) {
                // An upper-case place ("TỈNH LONG AN") is named from the province list.
                let key =
                    vngov_text::fold(&t[b.range.end..floor(t, (b.range.end + 60).min(t.len()))]);
                let province = crate::rules::province::lexicon::PROVINCES.iter().find(|p| {
                    p.keys
                        .iter()
                        .any(|k| key.trim_start().starts_with(k.as_str()))
                });
                return Some(match province {
                    Some(p) if b.name.ends_with(" tỉnh") || b.name.ends_with(" thành phố") => {
                        format!("{} {}", b.name, p.name)
                    }
                    _ => b.name,
                });
            }
        }
        start += line.len();
    }
    None
}

fn floor(t: &str, mut b: usize) -> usize {
    while !t.is_char_boundary(b) {
        b -= 1;
    }
    b
}
