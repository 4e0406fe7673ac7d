//! Quarters with their year: `quý I/2019`, `quý IV năm 2020`, `quý 2-2021`.

use std::sync::LazyLock;

use regex::Regex;

use vngov_record::DatePrecision;

use super::{number_continues, word_captures, Found, YEARS};

/// "quý" + a Roman or Arabic numeral 1–4 + "/yyyy", "-yyyy" or "năm yyyy";
/// "quý" starts a word (checked by [`word_captures`]).
static QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)quý\s+(IV|III|II|I|[1-4])(?:\s*[/-]\s*|\s*,?\s+năm\s+)(\d{4})").unwrap()
});

/// Quarters written "quý I/2019" or "quý IV năm 2020".
///
/// Example: "kết quả quý I/2019" → `2019-Q1`. A quarter without a year ("Quý I") is
/// not kept.
pub fn find(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    for c in word_captures(&QUARTER, text) {
        let m = c.get(0).unwrap();
        if number_continues(text, m.end()) {
            continue;
        }
        let q = match c[1].to_uppercase().as_str() {
            "I" | "1" => 1,
            "II" | "2" => 2,
            "III" | "3" => 3,
            _ => 4,
        };
        let y: i32 = c[2].parse().unwrap_or(0);
        if YEARS.contains(&y) {
            out.push(Found {
                range: m.start()..m.end(),
                value: format!("{y:04}-Q{q}"),
                precision: DatePrecision::Quarter,
                start: None,
                end: None,
                valid: true,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_the_pattern_with_b_finds() {
        super::super::same::assert_same(
            &QUARTER,
            r"(?i)\bquý\s+(IV|III|II|I|[1-4])(?:\s*[/-]\s*|\s*,?\s+năm\s+)(\d{4})",
            &[
                "kết quả quý I/2019",
                "quý ii/2019 Quý 4 năm 2020 quý iv-2021",
            ],
        );
        assert_eq!(find("kết quả quý I/2019")[0].value, "2019-Q1");
    }
}
