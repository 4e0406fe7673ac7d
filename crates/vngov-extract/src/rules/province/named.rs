//! "tỉnh X", "thành phố X", "TP. X", the Party committees "Tỉnh ủy X" and "Thành ủy
//! X", and their upper-case header forms ("ỦY BAN NHÂN DÂN\nTỈNH HẢI DƯƠNG",
//! "TỈNH ỦY QUẢNG NGÃI").

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{province_of, Folded, NAMES};
use super::{Cue, Mention};

/// "tinh", "thanh pho", "tp", "tinh uy" or "thanh uy" before a province key, on
/// folded text (ASCII letters: ASCII word boundaries, see [`NAMES`]).
static NAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?:tinh|thanh\s+pho|tp|(?:tinh|thanh)\s+uy)(?-u:\b)\.?\s*{}",
        *NAMES
    ))
    .unwrap()
});

/// How many lines from the top an upper-case "TỈNH X" counts as the issuer's header.
const HEADER_LINES: usize = 15;

/// A province named with its kind: "tỉnh Bình Định", "thành phố Hà Nội", "TP Thái
/// Nguyên" (a provincial city names its province), "Cổng TTĐT tỉnh Lào Cai".
/// A provincial Party committee names its province ("Ban Thường vụ Tỉnh ủy Bình
/// Định", "Thành ủy Đà Nẵng"). Written in upper case in the first lines ("TỈNH KON
/// TUM", "TỈNH ỦY QUẢNG NGÃI"), it is the issuer's header, which decides the province.
///
/// Not a province: "huyện Bảo Yên", "Đài TT Yên Lập", a bare "Hà Nội".
pub fn find(f: &Folded) -> Vec<Mention> {
    let header_end = f
        .text
        .match_indices('\n')
        .nth(HEADER_LINES)
        .map_or(f.text.len(), |(i, _)| i);
    NAMED
        .captures_iter(&f.folded)
        .filter_map(|c| {
            let m = c.get(0)?;
            let province = province_of(&NAMED, &c)?;
            let range = f.original(m.start()..m.end());
            let words = &f.text[range.clone()];
            let upper = words
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
            let cue = if upper && range.start < header_end {
                Cue::Header
            } else {
                Cue::Named
            };
            Some(Mention {
                province,
                range,
                cue,
            })
        })
        .collect()
}
