//! The part of the day written before a meeting's date ("Sáng ngày 09 tháng 4",
//! "Chiều 27/8", "tối 5/3").

use std::sync::LazyLock;

use regex::Regex;
use vngov_record::TimeOfDay;

/// The part of the day, then "ngày"/"hôm", ending where the date starts.
static BEFORE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(sáng|trưa|chiều|tối|đêm)(?:\s+nay)?(?:\s+(?:ngày|hôm))?\s*$")
        .expect("time of day")
});

/// The part of the day written right before byte `date_start`.
pub fn before(text: &str, date_start: usize) -> Option<TimeOfDay> {
    let from = crate::doc::floor_boundary(text, date_start.saturating_sub(40));
    let c = BEFORE_DATE.captures(&text[from..date_start])?;
    match c[1].to_lowercase().as_str() {
        "sáng" => Some(TimeOfDay::Morning),
        "trưa" => Some(TimeOfDay::Noon),
        "chiều" => Some(TimeOfDay::Afternoon),
        "tối" | "đêm" => Some(TimeOfDay::Evening),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_of_the_day() {
        let t = "Chiều ngày 24/02, họp";
        assert_eq!(before(t, t.find("24").unwrap()), Some(TimeOfDay::Afternoon));
        let t = "Sáng ngày 09 tháng 4";
        assert_eq!(before(t, t.find("ngày").unwrap()), Some(TimeOfDay::Morning));
        let t = "Tối 5/3, họp";
        assert_eq!(before(t, t.find('5').unwrap()), Some(TimeOfDay::Evening));
        let t = "Ngày 5/3, họp";
        assert_eq!(before(t, t.find('5').unwrap()), None);
        let t = "buổi sáng, ngày 5/3";
        assert_eq!(before(t, t.find('5').unwrap()), None);
    }
}
