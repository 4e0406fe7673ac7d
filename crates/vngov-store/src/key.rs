//! Matching keys: what a name or a query is compared by.

/// The matching key of a name or phrase: [`vngov_text::fold`] (no diacritics,
/// `đ`/`Đ`/`Ð` → `d`, lower case), then every run of characters that are not
/// letters or digits made one space, trimmed: "Sở TT&TT" → "so tt tt",
/// "các sở, ban, ngành" → "cac so ban nganh".
///
/// Keys hold only letters, digits and single spaces, so a key `k` and the names
/// that begin with it as whole words are exactly the keys `>= k` and `< k + "!"`
/// (see [`prefix_range`]).
pub fn key(s: &str) -> String {
    let folded = vngov_text::fold(s);
    let mut out = String::with_capacity(folded.len());
    for w in folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The range of keys that equal `k` or begin with `k` followed by a space: `[k,
/// k + "!")`, since `!` is the character after the space and keys hold no other
/// character below it.
pub fn prefix_range(k: &str) -> (String, String) {
    (k.to_string(), format!("{k}!"))
}

/// The key of an official document number: folded, without spaces, dashes of any
/// kind as `-` ("1072/QĐ-TTg" and "1072 /QD–TTg" → "1072/qd-ttg").
pub fn number_key(s: &str) -> String {
    vngov_text::fold(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c,
        })
        .collect()
}

/// The key of a province as a user may write it: "tỉnh Bình Định", "Binh Dinh",
/// "TP. Hồ Chí Minh" and "Hồ Chí Minh" → "binh dinh", "ho chi minh".
pub fn province_key(s: &str) -> String {
    let k = key(s);
    for prefix in ["tinh ", "thanh pho ", "tp "] {
        if let Some(rest) = k.strip_prefix(prefix) {
            return rest.to_string();
        }
    }
    k
}

/// The words of a text as a set, for comparing two actions: its key's words,
/// sorted, each once.
pub fn word_set(s: &str) -> Vec<String> {
    let mut words: Vec<String> = key(s).split(' ').map(str::to_string).collect();
    words.retain(|w| !w.is_empty());
    words.sort();
    words.dedup();
    words
}

/// Dice's coefficient of two sorted word sets: 2|A∩B| / (|A|+|B|), 1 for equal
/// sets, 0 for disjoint ones.
pub fn dice(a: &[impl AsRef<str>], b: &[impl AsRef<str>]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].as_ref().cmp(b[j].as_ref()) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_diacritics_and_d_and_punctuation() {
        assert_eq!(key("Sở TT&TT"), "so tt tt");
        assert_eq!(key("  Đồng   Nai "), "dong nai");
        assert_eq!(key("ÐÀ NẴNG"), "da nang");
        assert_eq!(key("các sở, ban, ngành"), "cac so ban nganh");
        assert_eq!(key("Thủy"), key("Thuỷ"));
        assert_eq!(key(""), "");
        assert_eq!(key("–"), "");
    }

    #[test]
    fn prefix_range_holds_whole_word_continuations_only() {
        let (lo, hi) = prefix_range("so y te");
        let inside = |k: &str| k >= lo.as_str() && k < hi.as_str();
        assert!(inside("so y te"));
        assert!(inside("so y te tinh lao cai"));
        assert!(!inside("so y tea"));
        assert!(!inside("so y"));
        assert!(!inside("giam doc so y te"));
    }

    #[test]
    fn numbers_and_provinces() {
        assert_eq!(number_key("1072/QĐ-TTg"), "1072/qd-ttg");
        assert_eq!(number_key("1072 /QÐ–TTG"), "1072/qd-ttg");
        assert_eq!(province_key("tỉnh Bình Định"), "binh dinh");
        assert_eq!(province_key("TP. Hồ Chí Minh"), "ho chi minh");
        assert_eq!(province_key("Lào Cai"), "lao cai");
    }

    #[test]
    fn dice_of_word_sets() {
        let a = word_set("báo cáo UBND tỉnh trước ngày 25/01/2019");
        let b = word_set("Báo cáo UBND tỉnh, trước ngày 25/01/2019.");
        assert_eq!(dice(&a, &b), 1.0);
        let c = word_set("tham mưu kế hoạch chuyển đổi số");
        assert_eq!(dice(&a, &c), 0.0);
        let none: [&str; 0] = [];
        assert_eq!(dice(&none, &none), 1.0);
    }
}
