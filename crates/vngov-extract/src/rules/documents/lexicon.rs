//! Document type lexicons: type codes (`type_codes.tsv`) and type names written
//! before a number (`type_names.txt`).

use std::sync::LazyLock;

use regex::Regex;

/// Which numbering scheme a type code is looked up in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// `n/TYPE-ISSUER` (Nghị định 30/2020/NĐ-CP, Phụ lục III).
    Admin,
    /// `n/YYYY/TYPE-ISSUER` (legal normative documents).
    Legal,
    /// `n-TYPE/ISSUER` (Party documents).
    Party,
}

static TYPE_CODES: LazyLock<Vec<(String, Scope, String)>> = LazyLock::new(|| {
    include_str!("type_codes.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut f = l.split('\t');
            let code = f.next()?.trim().to_string();
            let scope = match f.next()?.trim() {
                "admin" => Scope::Admin,
                "legal" => Scope::Legal,
                "party" => Scope::Party,
                _ => return None,
            };
            let name = f.next()?.trim().to_string();
            Some((code, scope, name))
        })
        .collect()
});

/// The type name of `code` in `scope` (`QĐ` → `Quyết định`), matched case-insensitively
/// so that upper-cased text (`QĐ-TTG`) still resolves; exact case is preferred
/// (`TT` Thông tư is not `Tt`).
pub fn type_name(code: &str, scope: Scope) -> Option<&'static str> {
    let code = canonical_letters(code);
    let entries = TYPE_CODES.iter().filter(|(_, s, _)| *s == scope);
    entries
        .clone()
        .find(|(c, _, _)| *c == code)
        .or_else(|| {
            entries
                .clone()
                .find(|(c, _, _)| c.to_uppercase() == code.to_uppercase())
        })
        .map(|(_, _, n)| n.as_str())
}

/// Whether `code` is a type code of `scope`.
pub fn is_type_code(code: &str, scope: Scope) -> bool {
    type_name(code, scope).is_some()
}

/// Replaces the look-alike `Ð` (U+00D0) and `ð` (U+00F0) by `Đ` and `đ`.
pub fn canonical_letters(s: &str) -> String {
    s.replace('\u{00D0}', "Đ").replace('\u{00F0}', "đ")
}

/// A type name written right before a number, optionally followed by `số` / `Số:`,
/// anchored at the end of the text it is run on.
pub static TYPE_NAME_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let mut names: Vec<&str> = include_str!("type_names.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    let alts: Vec<String> = names
        .iter()
        .map(|n| {
            n.split_whitespace()
                .map(|w| regex::escape(&canonical_letters(w)))
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect();
    Regex::new(&format!(
        r"(?i)(?:^|[^\p{{L}}])({})\s*(?:(?:số|so)\s*:?\s*)?$",
        alts.join("|")
    ))
    .expect("type name pattern")
});

/// `Số:` / `Số` / `số` right before a number (a header or a plain cite).
pub static NUMBER_WORD_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\p{L}])(số)\s*(:)?\s*$").expect("number word pattern")
});

/// The type name as a reader writes it: first letter upper-case, the rest lower-case,
/// single spaces (`QUYẾT ĐỊNH` → `Quyết định`).
pub fn tidy_name(name: &str) -> String {
    let lower = canonical_letters(name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_resolve_per_scope() {
        assert_eq!(type_name("QĐ", Scope::Admin), Some("Quyết định"));
        assert_eq!(type_name("Q\u{00D0}", Scope::Admin), Some("Quyết định"));
        assert_eq!(type_name("TT", Scope::Legal), Some("Thông tư"));
        assert_eq!(type_name("TT", Scope::Party), Some("Thông tri"));
        assert_eq!(type_name("TTR", Scope::Admin), Some("Tờ trình"));
        assert_eq!(type_name("UBND", Scope::Admin), None);
    }

    #[test]
    fn type_names_found_before_a_number() {
        let c = TYPE_NAME_BEFORE.captures("Căn cứ Quyết định số ").unwrap();
        assert_eq!(&c[1], "Quyết định");
        let c = TYPE_NAME_BEFORE.captures("theo Tờ\ntrình số ").unwrap();
        assert_eq!(tidy_name(&c[1]), "Tờ trình");
        let c = TYPE_NAME_BEFORE
            .captures("THỰC HIỆN QUYẾT ĐỊNH SỐ ")
            .unwrap();
        assert_eq!(tidy_name(&c[1]), "Quyết định");
        assert!(TYPE_NAME_BEFORE.captures("Chỉ thị mới ").is_none());
    }
}
