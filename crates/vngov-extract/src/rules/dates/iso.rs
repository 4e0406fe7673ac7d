//! ISO 8601 dates as crawlers and metadata write them: `2023-10`, `2023-10-05`.

use std::sync::LazyLock;

use regex::Regex;

use super::{day, month_found, number_continues, number_precedes, Found};

/// "yyyy-mm" or "yyyy-mm-dd" with two-digit parts.
static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})-(\d{2})(?:-(\d{2}))?").unwrap());

/// ISO months and days.
///
/// Example: "date 2023-10" → `2023-10`; "2023-10-05" → `2023-10-05`. Not a date:
/// "2016-2020" (a range), "2019-13".
pub fn find(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    for c in ISO.captures_iter(text) {
        let m = c.get(0).unwrap();
        if number_precedes(text, m.start()) || number_continues(text, m.end()) {
            continue;
        }
        let y: i32 = c[1].parse().unwrap_or(0);
        let mo: u32 = c[2].parse().unwrap_or(0);
        let f = match c.get(3) {
            Some(d) => Some(day(
                m.start()..m.end(),
                Some(y),
                mo,
                d.as_str().parse().unwrap_or(0),
            )),
            None => month_found(m.start()..m.end(), y, mo),
        };
        out.extend(f);
    }
    out
}
