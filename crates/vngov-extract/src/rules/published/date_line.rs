//! A date line beside the headline: "13:34:12 | 31/3/2015", "12/03/2015 | 12:00",
//! "12:08, 28/08/2021", "10/07/2024 11:54    555", "Chủ nhật - 26/02/2023 19:52",
//! "Thứ Năm, 31/5/2018 9:43'(GMT+7)", "07.02.2023 | 18:16 PM",
//! "2 tháng mười một 2018     131 lượt xem", and after a section's name:
//! "Thời sự - 16/03/2026 09:28".

use std::sync::LazyLock;

use regex::Regex;

use super::Candidate;

/// What may stand beside the date on its line: clock times, a weekday, a time zone,
/// a view counter, separators.
static CHROME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\d{1,2}\s*[:h]\s*\d{2}(?:\s*:\s*\d{2})?['’]?|\b(?:am|pm|sa|ch)\b|\b(?:gmt|utc)\s*[+-]\s*\d{1,2}|thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|lượt\s+xem|lượt|\bngày\b|\d+|[\s|,;:\-–—•·()\[\]'’/+.]",
    )
    .unwrap()
});

/// A weekday.
static WEEKDAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật").unwrap());

/// Whether the date's line holds nothing but the date and clock chrome, and is not a
/// portal clock (a weekday-and-date line opening the page).
///
/// Example: "Thứ Năm, 31/5/2018 9:43'(GMT+7)" under a section name → 2018-05-31.
/// Not a publication date: "Thứ Tư, 8/5/2024" as the first line of the page (today's
/// date in the portal header); "Ngày 21/ 5, UBND tỉnh ban hành …" (a body sentence).
pub fn matches(c: &Candidate) -> bool {
    let rest = format!("{} {}", c.before, c.after);
    if !only_chrome(&rest) {
        // The section's name may open the line ("Thời sự - 16/03/2026 09:28",
        // "Audio thời sự 07-12-2021"); a sentence goes on after its date.
        return !c.first_line && SECTION.is_match(c.before) && only_chrome(c.after);
    }
    !(c.first_line && WEEKDAY.is_match(&rest))
}

/// A section's name before a date line: one to three words, the first capitalized,
/// then a separator or nothing.
static SECTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\p{Lu}\p{L}*(?:\s+\p{L}+){0,2}\s*[-–|:]?\s*$").unwrap());

/// Whether `s` holds nothing but [`CHROME`] and spaces; stops at the first word
/// that is not chrome (a body sentence has one early) instead of reading the line
/// through.
fn only_chrome(s: &str) -> bool {
    let mut at = 0;
    for m in CHROME.find_iter(s) {
        if !s[at..m.start()].trim().is_empty() {
            return false;
        }
        at = m.end();
    }
    s[at..].trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_only_lines_as_when_the_chrome_is_taken_out() {
        for s in [
            "",
            "  13:34:12 | ",
            "Thứ Năm,  9:43'(GMT+7)",
            "ngày  | 1.234 lượt xem",
            "Ngày 21, UBND tỉnh ban hành",
            "| Chủ nhật, ",
            "x",
            "(GMT+7) tin",
        ] {
            let taken_out = CHROME.replace_all(s, "").trim().is_empty();
            assert_eq!(only_chrome(s), taken_out, "{s:?}");
        }
    }
}
