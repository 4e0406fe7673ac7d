//! Calendar days of deadlines and of the dates a user gives.

use crate::{Error, Result};

fn leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn day(y: i32, m: u32, d: u32) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// Year, month and day of an ISO day `YYYY-MM-DD`, when it is a real day.
fn parse_day(s: &str) -> Option<(i32, u32, u32)> {
    let mut it = s.split('-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some((y, m, d))
}

/// The first and the last day of the period an ISO value names: a day
/// (`2019-01-25`), a month (`2019-01`), a quarter (`2019-Q1`), a year (`2019`) or
/// a range of those (`2016/2020`). `None` for a value without a year (`--02-24`)
/// or not of these forms.
pub fn period(value: &str) -> Option<(String, String)> {
    if let Some((a, b)) = value.split_once('/') {
        return Some((period(a)?.0, period(b)?.1));
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = value.split('-').collect();
    match parts.as_slice() {
        [y] if y.len() == 4 && digits(y) => {
            let y: i32 = y.parse().ok()?;
            Some((day(y, 1, 1), day(y, 12, 31)))
        }
        [y, q] if y.len() == 4 && digits(y) && q.starts_with('Q') => {
            let y: i32 = y.parse().ok()?;
            let q: u32 = q[1..].parse().ok().filter(|q| (1..=4).contains(q))?;
            let last = q * 3;
            Some((day(y, last - 2, 1), day(y, last, days_in_month(y, last))))
        }
        [y, m] if y.len() == 4 && digits(y) && m.len() == 2 && digits(m) => {
            let (y, m): (i32, u32) = (y.parse().ok()?, m.parse().ok()?);
            (1..=12)
                .contains(&m)
                .then(|| (day(y, m, 1), day(y, m, days_in_month(y, m))))
        }
        [_, _, _] => parse_day(value).map(|_| (value.to_string(), value.to_string())),
        _ => None,
    }
}

/// The last day a deadline allows: the end of its period ("2019-01" → "2019-01-31").
pub fn due(deadline: &str) -> Option<String> {
    period(deadline).map(|(_, end)| end)
}

/// Reads a date a user gives on the command line: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`,
/// or as Vietnamese write it, `DD/MM/YYYY` and `MM/YYYY`. Returns its first and
/// last day.
pub fn parse_user_date(s: &str) -> Result<(String, String)> {
    let t = s.trim();
    let iso = if t.contains('/') {
        let parts: Vec<&str> = t.split('/').collect();
        let num = |p: &str| p.parse::<u32>().ok();
        match parts.as_slice() {
            [d, m, y] => match (num(d), num(m), num(y)) {
                (Some(d), Some(m), Some(y)) => format!("{y:04}-{m:02}-{d:02}"),
                _ => String::new(),
            },
            [m, y] => match (num(m), num(y)) {
                (Some(m), Some(y)) => format!("{y:04}-{m:02}"),
                _ => String::new(),
            },
            _ => String::new(),
        }
    } else {
        t.to_string()
    };
    if iso.contains('Q') || iso.is_empty() {
        return Err(invalid(s));
    }
    period(&iso).ok_or_else(|| invalid(s))
}

fn invalid(s: &str) -> Error {
    Error::Invalid(format!(
        "not a date: {s:?} (write YYYY, YYYY-MM, YYYY-MM-DD or DD/MM/YYYY)"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_of_deadlines() {
        let p = |v: &str| period(v).map(|(a, b)| format!("{a}..{b}"));
        assert_eq!(p("2019-01-25").as_deref(), Some("2019-01-25..2019-01-25"));
        assert_eq!(p("2020-02").as_deref(), Some("2020-02-01..2020-02-29"));
        assert_eq!(p("2019-02").as_deref(), Some("2019-02-01..2019-02-28"));
        assert_eq!(p("2019-Q4").as_deref(), Some("2019-10-01..2019-12-31"));
        assert_eq!(p("2016").as_deref(), Some("2016-01-01..2016-12-31"));
        assert_eq!(p("2016/2020").as_deref(), Some("2016-01-01..2020-12-31"));
        assert_eq!(p("--02-24"), None);
        assert_eq!(p("2019-13"), None);
        assert_eq!(p("2019-02-30"), None);
        assert_eq!(p("2019-Q5"), None);
        assert_eq!(p("soon"), None);
        assert_eq!(due("2019-Q1").as_deref(), Some("2019-03-31"));
    }

    #[test]
    fn dates_users_write() {
        let p = |v: &str| parse_user_date(v).map(|(a, b)| format!("{a}..{b}")).ok();
        assert_eq!(p("2024").as_deref(), Some("2024-01-01..2024-12-31"));
        assert_eq!(p("2024-02").as_deref(), Some("2024-02-01..2024-02-29"));
        assert_eq!(p("25/01/2019").as_deref(), Some("2019-01-25..2019-01-25"));
        assert_eq!(p("5/1/2019").as_deref(), Some("2019-01-05..2019-01-05"));
        assert_eq!(p("01/2019").as_deref(), Some("2019-01-01..2019-01-31"));
        assert_eq!(p("31/02/2019"), None);
        assert_eq!(p("2019-Q1"), None);
        assert_eq!(p("yesterday"), None);
        let e = parse_user_date("tomorrow").unwrap_err().to_string();
        assert!(e.contains("not a date"), "{e}");
    }
}
