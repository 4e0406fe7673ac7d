//! The title of a legal document: its type line and subject, under the national motto.

use std::sync::LazyLock;

use regex::Regex;

use super::squash;

/// The national motto heading a legal document (possibly broken across lines).
static MOTTO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)CỘNG\s+HÒA\s+XÃ(?:\s|\|)+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM").unwrap()
});

/// A document type alone on its line.
static TYPE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)^[\s|]*(QUYẾT ĐỊNH|KẾ HOẠCH|CHỈ THỊ|NGHỊ QUYẾT|THÔNG BÁO|BÁO CÁO|CÔNG VĂN|TỜ TRÌNH|HƯỚNG DẪN|CHƯƠNG TRÌNH|QUY CHẾ|QUY ĐỊNH|ĐỀ ÁN|PHƯƠNG ÁN|KẾT LUẬN|CÔNG ĐIỆN|THÔNG TƯ|NGHỊ ĐỊNH|LUẬT)[\s|]*$",
    )
    .unwrap()
});

/// Where the subject ends: the legal basis, a numbered part, a body sentence.
static SUBJECT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:Căn cứ|Thực hiện|Theo|Xét|Để|Trong|Sáng|Chiều|Ngày|Nhằm|PHẦN|Phần|Điều|Chương|[IVX]+\.|\d+\.|[a-zđ]\)|Ủy ban|ỦY BAN|UBND)",
    )
    .unwrap()
});

/// How many lines of subject to take at most.
const MAX_SUBJECT_LINES: usize = 4;

/// The type line under the national motto and the subject lines after it, joined:
/// "KẾ HOẠCH\nCHUYỂN ĐỔI SỐ TỈNH … NĂM 2023" → "KẾ HOẠCH CHUYỂN ĐỔI SỐ TỈNH … NĂM 2023".
/// Subject lines run until the legal basis ("Căn cứ …"), a numbered part or a body
/// sentence. A text without the motto has no legal title.
pub fn find(text: &str) -> Option<String> {
    let motto = MOTTO.find(text)?;
    let rest = &text[motto.end()..];
    let ty = TYPE_LINE.captures(rest)?;
    let mut title = ty[1].to_string();
    let after = &rest[ty.get(0)?.end()..];
    let mut taken = 0;
    for line in after.lines() {
        let l = line.trim().trim_matches('|').trim();
        if l.is_empty() {
            if taken > 0 {
                break;
            }
            continue;
        }
        if SUBJECT_END.is_match(l) || taken == MAX_SUBJECT_LINES {
            break;
        }
        title.push(' ');
        title.push_str(l);
        taken += 1;
    }
    Some(squash(&title))
}
