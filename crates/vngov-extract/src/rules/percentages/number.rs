//! Reading a number as Vietnamese writes it: `.` groups thousands, `,` marks decimals.

/// The value of `s` (`0,5` → 0.5, `1.250` → 1250, `1.573,1` → 1573.1).
///
/// A dot not followed by groups of exactly three digits is a decimal point, as in
/// text written with English conventions (`3.96` → 3.96).
pub fn parse(s: &str) -> Option<f64> {
    let has_comma = s.contains(',');
    let dot_groups: Vec<&str> = s.split(',').next()?.split('.').collect();
    let thousands = dot_groups.len() > 1 && dot_groups[1..].iter().all(|g| g.len() == 3);
    let plain = if has_comma || thousands {
        if s.matches(',').count() > 1 {
            return None;
        }
        s.replace('.', "").replace(',', ".")
    } else {
        if s.matches('.').count() > 1 {
            return None;
        }
        s.to_string()
    };
    plain.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn vietnamese_and_english_conventions() {
        assert_eq!(parse("0,5"), Some(0.5));
        assert_eq!(parse("73,06"), Some(73.06));
        assert_eq!(parse("100"), Some(100.0));
        assert_eq!(parse("1.250"), Some(1250.0));
        assert_eq!(parse("1.573,1"), Some(1573.1));
        assert_eq!(parse("3.96"), Some(3.96));
        assert_eq!(parse("1,2,3"), None);
    }
}
