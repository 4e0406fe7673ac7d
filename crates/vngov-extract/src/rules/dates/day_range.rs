//! Spans of days in one month: `6 và 7/12/2023`, `6-7/12/2023`, `từ ngày 6 đến
//! ngày 8/12/2023` — a meeting of several days.

use std::sync::LazyLock;

use regex::Regex;

use vngov_record::DatePrecision;

use super::{
    after_so, day_value, number_continues, number_precedes, valid_day, word_before, Found, YEARS,
};

/// The first day, a joiner, then a whole date of the last day; a line may wrap
/// between them, a paragraph may not.
static DAYS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(\d{1,2})[ \t]*\n?[ \t]*(-|–|và|,|đến(?:[ \t]+ngày)?|tới(?:[ \t]+ngày)?)[ \t]*\n?[ \t]*(\d{1,2})[ \t]*([/.-])[ \t]*(\d{1,2})[ \t]*[/.-][ \t]*(\d{4})",
    )
    .unwrap()
});

/// The longest span of days read as one.
const MAX_DAYS: u32 = 14;

/// Spans of days whose last day carries the month and year.
///
/// Example: "Trong hai ngày 6 và 7/12/2023" → `2023-12-06/2023-12-07`.
/// Not a span: "5, 7/12/2023" without "ngày" before it, "9-7/12/2023" (the first day
/// after the last).
pub fn find(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    for c in DAYS.captures_iter(text) {
        let m = c.get(0).unwrap();
        if number_precedes(text, m.start())
            || number_continues(text, m.end())
            || after_so(text, m.start())
        {
            continue;
        }
        let num = |g: usize| c[g].parse::<u32>().unwrap_or(0);
        let (d1, d2, mo) = (num(1), num(3), num(5));
        let y: i32 = c[6].parse().unwrap_or(0);
        let joiner = c[2].to_lowercase();
        // A comma joins days only after "ngày" ("ngày 6, 7/12/2023").
        if joiner == "," && word_before(text, m.start()) != "ngay" {
            continue;
        }
        if !YEARS.contains(&y)
            || d1 >= d2
            || d2 - d1 > MAX_DAYS
            || !valid_day(Some(y), mo, d1)
            || !valid_day(Some(y), mo, d2)
        {
            continue;
        }
        let (a, b) = (day_value(Some(y), mo, d1), day_value(Some(y), mo, d2));
        out.push(Found {
            range: m.range(),
            value: format!("{a}/{b}"),
            precision: DatePrecision::Range,
            start: Some(a),
            end: Some(b),
            valid: true,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(t: &str) -> Vec<String> {
        find(t).into_iter().map(|f| f.value).collect()
    }

    #[test]
    fn spans_of_days() {
        assert_eq!(
            values("Trong hai ngày 6 và 7/12/2023, HĐND tỉnh họp"),
            ["2023-12-06/2023-12-07"]
        );
        assert_eq!(values("ngày 29-30/6/2022"), ["2022-06-29/2022-06-30"]);
        assert_eq!(
            values("từ ngày 6 đến ngày 8/12/2023"),
            ["2023-12-06/2023-12-08"]
        );
        assert_eq!(values("ngày 6, 7/12/2023"), ["2023-12-06/2023-12-07"]);
        for t in [
            "khoản 5, 7/12/2023",
            "ngày 9-7/12/2023",
            "ngày 1 và 30/12/2023",
            "ngày 30 và 31/2/2023",
            "số 12-15/12/2023",
            "tỷ lệ 1,6 và 7/12/2023",
        ] {
            assert!(values(t).is_empty(), "{t}: {:?}", values(t));
        }
    }
}
