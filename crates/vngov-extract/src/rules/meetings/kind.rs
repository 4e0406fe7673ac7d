//! The words naming a meeting ("hội nghị", "phiên họp", "buổi làm việc"), from
//! `kinds.txt`, except where they name no one meeting: a plural ("các cuộc họp"),
//! a room ("phòng họp"), a count of days ("30 ngày làm việc").

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::rules::near::{self, Reach};

/// The entries of `kinds.txt`.
fn entries() -> impl Iterator<Item = &'static str> {
    include_str!("kinds.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Every entry of `kinds.txt`, as one alternation, longest first.
static KINDS: LazyLock<Regex> = LazyLock::new(|| {
    let mut words: Vec<&str> = entries().collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let alts: Vec<String> = words
        .iter()
        .map(|w| {
            w.split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect();
    Regex::new(&format!(r"(?i)\b(?:{})\b", alts.join("|"))).expect("meeting kinds")
});

/// Words before the meeting words that make them generic or something else.
static NOT_ONE_MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\b(?:các|những|mọi|nhiều|mỗi|phòng|ngày|quy chế|chế độ|môi trường|giờ|lịch|tần suất|tần xuất|chương trình|nghị quyết|văn kiện|chào mừng|tiến tới|hướng tới)\s+)$",
    )
    .expect("generic meeting words")
});

/// One mention of the words naming a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindFound {
    /// Byte range of the words.
    pub range: Range<usize>,
    /// The words, lower case, single spaces ("hội nghị trực tuyến").
    pub words: String,
}

/// Words one of which every entry of `kinds.txt` holds; none is part of another.
const ANCHORS: [&str; 7] = ["họp", "nghị", "việc", "giao", "hội", "đàm", "luận"];

/// The anchors, in any case, and how far around one an entry reaches; `None` when
/// some entry holds no anchor, and [`KINDS`] must be run on the whole text.
static ANCHORED: LazyLock<Option<(Regex, Reach)>> = LazyLock::new(|| {
    let mut reach = Reach {
        words_before: 0,
        line_start: false,
        words_after: 0,
        chars_after: 0,
    };
    for entry in entries() {
        let words: Vec<&str> = entry.split_whitespace().collect();
        let k = words
            .iter()
            .position(|w| ANCHORS.iter().any(|a| w.to_lowercase().contains(a)))?;
        reach.words_before = reach.words_before.max(k);
        reach.words_after = reach.words_after.max(words.len() - 1 - k);
    }
    let re = Regex::new(&format!("(?i){}", ANCHORS.join("|"))).expect("meeting anchors");
    Some((re, reach))
});

/// Byte ranges of every match of [`KINDS`] in `text`. Its `\b` keeps it off the
/// fast DFA, so it runs only around the anchors every match holds (`near`).
fn kind_matches(text: &str) -> Vec<Range<usize>> {
    match &*ANCHORED {
        Some((anchor, reach)) => {
            let at: Vec<usize> = anchor.find_iter(text).map(|m| m.start()).collect();
            near::matches(&KINDS, text, &near::stretches(text, &at, *reach))
        }
        None => KINDS.find_iter(text).map(|m| m.range()).collect(),
    }
}

/// Every mention of a single meeting in `text`, in order.
pub fn find(text: &str) -> Vec<KindFound> {
    kind_matches(text)
        .into_iter()
        .filter(|r| !NOT_ONE_MEETING.is_match(tail(text, r.start)))
        .filter(|r| !is_count_of_days(text, r.start))
        .map(|r| KindFound {
            words: vngov_text::chars::lowercase(
                &text[r.clone()]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            range: r,
        })
        .collect()
}

/// Chars kept before the spaces ending a [`tail`]: more than the longest word of
/// [`NOT_ONE_MEETING`] and the char before it.
const TAIL_CHARS: usize = 20;

/// The end of `text[..b]` that [`NOT_ONE_MEETING`] can match: the spaces before
/// `b` and [`TAIL_CHARS`] chars before them. The pattern ends in spaces at the end,
/// so its words end where those spaces start, and the cut falls before the char
/// its `\b` looks at.
fn tail(text: &str, b: usize) -> &str {
    let before = &text[..b];
    let words = before.trim_end();
    let start = words
        .char_indices()
        .rev()
        .nth(TAIL_CHARS - 1)
        .map_or(0, |(i, _)| i);
    &before[start..]
}

/// "30 ngày làm việc": a number of working days.
fn is_count_of_days(text: &str, b: usize) -> bool {
    crate::rules::near::ends_with_lower(text[..b].trim_end(), "ngày")
}

/// The meeting mentions lying inside `r`, from `kinds` in text order: found by a
/// search, not by reading them all.
pub fn within(kinds: &[KindFound], r: Range<usize>) -> &[KindFound] {
    let a = kinds.partition_point(|k| k.range.start < r.start);
    let b = kinds.partition_point(|k| k.range.start < r.end);
    let found = &kinds[a..b.max(a)];
    // Meeting words do not nest, so those starting inside end inside but the last.
    match found.last() {
        Some(k) if k.range.end > r.end => &found[..found.len() - 1],
        _ => found,
    }
}

/// The first meeting mention inside `r` (`kinds` in text order).
pub fn first_in(kinds: &[KindFound], r: Range<usize>) -> Option<&KindFound> {
    within(kinds, r).first()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<String> {
        find(t).into_iter().map(|k| k.words).collect()
    }

    #[test]
    fn kinds() {
        assert_eq!(
            words("tổ chức Hội nghị trực tuyến toàn quốc"),
            ["hội nghị trực tuyến"]
        );
        assert_eq!(words("chủ trì phiên họp lần thứ 14"), ["phiên họp"]);
        assert_eq!(words("Tham dự cuộc\nhọp có"), ["cuộc họp"]);
        assert_eq!(words("UBND huyện họp phiên thường kỳ"), ["họp"]);
        assert_eq!(words("đã làm việc với Sở Xây dựng"), ["làm việc với"]);
    }

    #[test]
    fn tail_keeps_what_the_pattern_sees() {
        let t = "xem chương trình   họp";
        let b = t.find("họp").unwrap();
        assert_eq!(tail(t, b), "xem chương trình   ");
        assert_eq!(tail("các ", "các ".len()), "các ");
        let long = "một hai ba bốn năm sáu bảy chương trình ";
        assert_eq!(tail(long, long.len()), "sáu bảy chương trình ");
        assert!(is_count_of_days("trong 30 NGÀY ", "trong 30 NGÀY ".len()));
        assert!(!is_count_of_days("ngàyx ", "ngàyx ".len()));
    }

    #[test]
    fn anchored_matches_equal_whole_text_matches() {
        assert!(ANCHORED.is_some());
        for (i, a) in ANCHORS.iter().enumerate() {
            for b in &ANCHORS[i + 1..] {
                assert!(!a.contains(b) && !b.contains(a));
            }
        }
        let t = "Hội   nghị trực\ntuyến; (buổi làm việc) HỌP BÁO, kỳ họpx phiên\n\nhọp \
                 trực tuyến làm  việc với A. giao ban, GIAO BAN TRỰC TUYẾN hội nghị giao ban";
        let whole: Vec<Range<usize>> = KINDS.find_iter(t).map(|m| m.range()).collect();
        assert_eq!(kind_matches(t), whole);
        assert_eq!(whole.len(), 8);
    }

    #[test]
    fn not_one_meeting() {
        for t in [
            "phục vụ các cuộc họp trực tuyến",
            "tại phòng họp số 2",
            "báo cáo trong 30 ngày làm việc",
            "quy chế làm việc của UBND tỉnh",
            "môi trường làm việc hiện đại",
            "chế độ họp",
            "CHƯƠNG TRÌNH\n\nhọp",
            "30 NGÀY  làm việc",
        ] {
            assert!(words(t).is_empty(), "{t}: {:?}", words(t));
        }
    }
}
