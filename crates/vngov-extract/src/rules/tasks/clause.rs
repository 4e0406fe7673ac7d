//! Where clauses start, where the conclusion starts, and small text helpers.

use std::sync::LazyLock;

use regex::Regex;

/// A clause opening: the start of a line (after a list marker), or after `.`, `;`,
/// `:` and a space; then maybe a connective ("Đồng thời,", "do đó", "Trước mắt,").
static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)(?:^[ \t]*(?:[-+•*–]|\(?[a-zđ]\)|\(?\d{1,2}[.)]|[IVX]{1,4}\.)?[ \t]*|[.;:!?][ \t]+|,[ \t]+(?P<conn>(?i:do đó|vì vậy|vì thế|đồng thời|trong đó|ngoài ra)[ \t]+))(?P<lead>(?i:(?:đồng thời|do đó|vì vậy|vì thế|trước mắt|theo đó|ngoài ra|bên cạnh đó|trong đó|mặt khác|cụ thể)[ \t]*,?[ \t]*)?)",
    )
    .unwrap()
});

/// Byte offsets where a clause may start, sorted and unique.
pub fn starts(text: &str) -> Vec<usize> {
    let mut out: Vec<usize> = OPENING
        .find_iter(text)
        .map(|m| m.end())
        .filter(|&e| e < text.len())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Words that open the part of a text giving directions.
static CONCLUSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)kết\s+luận|nhấn\s+mạnh|chỉ\s+đạo|yêu\s+cầu|đề\s+nghị|lưu\s+ý|giao\s").unwrap()
});

/// Where the conclusion starts: the first word that gives directions, not counting
/// the name "Ban Chỉ đạo". Modal directives ("X cần …") are read only after it.
pub fn conclusion_from(text: &str) -> usize {
    CONCLUSION
        .find_iter(text)
        .find(|m| {
            let before = text[..m.start()].trim_end();
            !(before.ends_with("Ban") || before.ends_with("ban") || before.ends_with("BAN"))
        })
        .map_or(text.len(), |m| m.start())
}

/// Whitespace runs as one space.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The last one or two words before byte `at`, lower-cased.
pub fn words_before(text: &str, at: usize, n: usize) -> String {
    // Walks back from `at`: splitting the whole prefix made every call linear in the
    // offset, and the rules call this at every trigger of a long page.
    let mut words: Vec<&str> = Vec::with_capacity(n);
    let mut end = None;
    for (i, c) in text[..at].char_indices().rev() {
        let alnum = vngov_text::chars::is_letter_or_digit(c);
        match (alnum, end) {
            (true, None) => end = Some(i + c.len_utf8()),
            (false, Some(e)) => {
                words.push(&text[i + c.len_utf8()..e]);
                end = None;
                if words.len() == n {
                    break;
                }
            }
            _ => {}
        }
    }
    if let Some(e) = end.filter(|_| words.len() < n) {
        words.push(&text[..e]);
    }
    words.reverse();
    vngov_text::chars::lowercase(&words.join(" "))
}

/// Whether `at` is at a clause start of `starts`.
pub fn is_clause_start(starts: &[usize], at: usize) -> bool {
    starts.binary_search(&at).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_starts_after_punctuation_markers_and_connectives() {
        let t = "Kết luận: Sở A làm; các sở cần x, do đó các cơ quan cần y.\n- Cấp xã làm\nTrước mắt, cần z";
        let s = starts(t);
        for want in ["Sở A", "các sở", "các cơ quan", "Cấp xã", "cần z"] {
            assert!(s.iter().any(|&i| t[i..].starts_with(want)), "{want}");
        }
        assert!(!s.iter().any(|&i| t[i..].starts_with("làm")));
    }

    #[test]
    fn words_before_takes_the_last_words() {
        let t = "Giao Sở Tài chính, chủ trì";
        assert_eq!(words_before(t, t.len(), 2), "chủ trì");
        assert_eq!(words_before(t, t.len(), 1), "trì");
        assert_eq!(words_before(t, "Giao Sở Tài".len(), 2), "sở tài");
        assert_eq!(words_before(t, "Gia".len(), 2), "gia");
        assert_eq!(words_before(t, 0, 2), "");
        assert_eq!(words_before("  , ", 4, 2), "");
    }

    #[test]
    fn conclusion_skips_ban_chi_dao() {
        let t = "Ban Chỉ đạo họp. Kết luận, đồng chí A";
        assert!(t[conclusion_from(t)..].starts_with("Kết luận"));
    }
}
