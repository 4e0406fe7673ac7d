//! The text as a reader sees it: sentences and list items ("units"), each cut into
//! clauses, with the heading each item hangs from.
//!
//! - Lines wrapped inside a sentence are joined: a line that ends without a stop
//!   and is followed by one starting in lower case, after a comma, or (in a text
//!   wrapped at a fixed width, as notices copied from PDF are) any line that
//!   fills the width. An upper-case heading broken over lines is one unit.
//! - A list item ("a)", "-", "+", "•", "2.", "2.2.", "II.", "Điều 3.") opens a unit
//!   of its own, also where it follows a semicolon on the same line ("…; b) Sở Tài
//!   chính: …"). Its heading is the nearest unit above of a higher level that ends
//!   with a colon or is itself a numbered heading.
//! - A sentence ends at `.`, `!` or `?` before a capital, a digit, a quote or a
//!   dash, but not after an abbreviation ("TP.", "TS.", "Đ/c.").
//! - Clauses are the parts of a unit between semicolons and colons outside
//!   brackets.

use std::ops::Range;

use vngov_text::chars::{is_letter, is_lower, is_upper};

/// What opens a list item, from the highest level to the lowest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MarkerKind {
    /// "PHẦN I", "Chương II", "Mục 1".
    Part,
    /// "I.", "IV.".
    Roman,
    /// "Điều 3.".
    Article,
    /// "1.", "1)", "(1)".
    Number,
    /// "1.1.", "2.2", "1.2.3.".
    Outline,
    /// "a)", "(a)", "a.".
    Letter,
    /// "-", "–", "•", "*".
    Dash,
    /// "+".
    Plus,
}

/// A list marker opening a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    /// What kind of marker.
    pub kind: MarkerKind,
    /// Its bytes, without the space after it.
    pub range: Range<usize>,
}

/// One sentence or list item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Its bytes, marker included, without surrounding space.
    pub range: Range<usize>,
    /// Where its words start, after the marker.
    pub body: usize,
    /// The list marker opening it, if any.
    pub marker: Option<Marker>,
    /// It starts a line of the text as read (after joining wrapped lines): the
    /// first sentence of a paragraph, an item, a heading.
    pub line_start: bool,
    /// The first unit of its line (itself when it starts one): read back unit by
    /// unit, a text on one line would cost its whole length at every unit.
    pub line: usize,
    /// The unit it hangs from: the lead ending with a colon above a list, or the
    /// numbered heading above it.
    pub parent: Option<usize>,
    /// Indices of its clauses in [`Units::clauses`].
    pub clauses: Range<usize>,
}

/// A part of a unit between semicolons and colons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// Its bytes, trimmed, without the closing punctuation.
    pub range: Range<usize>,
    /// The unit it belongs to.
    pub unit: usize,
    /// It ends with a colon: what follows it (in the unit or below) is its content.
    pub lead: bool,
}

/// The units and clauses of one text.
#[derive(Debug, Clone, Default)]
pub struct Units {
    /// Units in text order.
    pub units: Vec<Unit>,
    /// Clauses in text order.
    pub clauses: Vec<Clause>,
}

/// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "TP", "Tp", "tp", "TS", "ThS", "PGS", "GS", "BS", "KS", "Th", "St", "Đ/c", "đ/c", "NGƯT",
    "NGND", "TT", "Q", "P", "CN", "Ths", "TSKH", "Số", "số",
];

impl Units {
    /// Reads `text`.
    pub fn new(text: &str) -> Units {
        let lines = lines(text);
        let width = wrap_width(text, &lines);
        let mut units = Vec::new();
        let mut block_start = 0;
        for k in 0..lines.len() {
            let last = k + 1 == lines.len() || !joins(text, &lines[k], &lines[k + 1], width);
            if last {
                let r = lines[block_start].start..lines[k].end;
                split_block(text, r, &mut units);
                block_start = k + 1;
            }
        }
        set_parents(text, &mut units);
        let mut clauses = Vec::new();
        for (i, u) in units.iter_mut().enumerate() {
            let first = clauses.len();
            split_clauses(text, u.body..u.range.end, i, &mut clauses);
            u.clauses = first..clauses.len();
        }
        Units { units, clauses }
    }

    /// The index of the unit holding byte `b`, if a unit does.
    pub fn unit_at(&self, b: usize) -> Option<usize> {
        let i = self.units.partition_point(|u| u.range.end < b);
        self.units
            .get(i)
            .filter(|u| u.range.start <= b && b <= u.range.end)
            .map(|_| i)
    }

    /// The index of the clause holding byte `b`, if a clause does.
    pub fn clause_at(&self, b: usize) -> Option<usize> {
        let i = self.clauses.partition_point(|c| c.range.end < b);
        self.clauses
            .get(i)
            .filter(|c| c.range.start <= b && b <= c.range.end)
            .map(|_| i)
    }
}

/// The trimmed byte ranges of the non-blank lines of `text`; a blank line shows
/// as a gap between them.
fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        let lead = line.len() - line.trim_start().len();
        let trail = line.len() - line.trim_end().len();
        if lead + trail < line.len() {
            out.push(start + lead..end - trail);
        }
        start = end;
    }
    out
}

/// Chars in a line, counted cheaply.
fn chars(s: &str) -> usize {
    s.bytes().filter(|&b| (b as i8) >= -0x40).count()
}

/// The width the text is wrapped at, when it is: most long lines end without a
/// stop and run on. Texts of one paragraph per line have none.
fn wrap_width(text: &str, lines: &[Range<usize>]) -> Option<usize> {
    let mut lens: Vec<usize> = lines.iter().map(|r| chars(&text[r.clone()])).collect();
    if lens.len() < 4 {
        return None;
    }
    lens.sort_unstable();
    let width = lens[lens.len() * 9 / 10];
    if !(40..=200).contains(&width) {
        return None;
    }
    let long = |r: &Range<usize>| chars(&text[r.clone()]) * 10 >= width * 8;
    let mut runs_on = 0;
    let mut long_lines = 0;
    for w in lines.windows(2) {
        if !long(&w[0]) {
            continue;
        }
        long_lines += 1;
        if !ends_with_stop(&text[w[0].clone()]) && w[0].end + 1 == w[1].start - gap(text, w) {
            runs_on += 1;
        }
    }
    (runs_on >= 3 && runs_on * 2 >= long_lines).then_some(width)
}

/// Bytes of indentation before the second line of `w` (after its line break).
fn gap(text: &str, w: &[Range<usize>]) -> usize {
    let between = &text[w[0].end..w[1].start];
    between.len() - between.find('\n').map_or(0, |i| i + 1)
}

/// Whether the lines `a` and `b` (adjacent, maybe with a blank line between)
/// belong to one unit.
fn joins(text: &str, a: &Range<usize>, b: &Range<usize>, width: Option<usize>) -> bool {
    let between = &text[a.end..b.start];
    if between.matches('\n').count() > 1 {
        return false;
    }
    let la = &text[a.clone()];
    let lb = &text[b.clone()];
    if marker_at(text, b.start).is_some() || lb.starts_with('|') || la.ends_with('|') {
        return false;
    }
    let last = la.chars().next_back().unwrap_or(' ');
    let first = lb.chars().next().unwrap_or(' ');
    if matches!(last, ',' | '-' | '–' | '(') || (is_lower(first) && !ends_with_stop(la)) {
        return true;
    }
    if ends_with_stop(la) {
        // In a wrapped text a full line ending with a colon or a semicolon is
        // wrapped there too ("… có các Phó Thủ tướng Chính phủ:\nLê Minh Khái").
        return width.is_some_and(|w| chars(la) * 100 >= w * 95) && matches!(last, ':' | ';' | ',');
    }
    if is_heading(la) && is_heading(lb) {
        return true;
    }
    match width {
        Some(w) => chars(la) * 10 >= w * 7 || (is_lower(first) || first.is_ascii_digit()),
        None => false,
    }
}

/// Whether a line ends with a stop: `.`, `!`, `?`, `:`, `;` (closing quotes and
/// brackets aside).
fn ends_with_stop(line: &str) -> bool {
    let l = line.trim_end_matches(['"', '”', '’', ')', '»', ' ', '*']);
    l.ends_with(['.', '!', '?', ':', ';', '…'])
}

/// An upper-case heading line: letters all capitals, at least two of them.
fn is_heading(line: &str) -> bool {
    let mut n = 0;
    for c in line.chars() {
        if is_letter(c) {
            if !is_upper(c) {
                return false;
            }
            n += 1;
        }
    }
    n >= 2
}

/// The list marker at byte `at` and where the words after it start.
pub fn marker_at(text: &str, at: usize) -> Option<(Marker, usize)> {
    let s = &text[at..];
    let b = s.as_bytes();
    let marker = |kind, len: usize| {
        let rest = &s[len..];
        let words = at + len + (rest.len() - rest.trim_start_matches([' ', '\t']).len());
        Some((
            Marker {
                kind,
                range: at..at + len,
            },
            words,
        ))
    };
    let next = |i: usize| s[i..].chars().next();
    // What may follow a marker: a space, or a capital or digit straight after.
    let follows = |i: usize| match next(i) {
        None => false,
        Some(c) => c == ' ' || c == '\t' || is_upper(c) || c.is_ascii_digit() || c == '"',
    };
    match b.first()? {
        b'-' | b'+' | b'*' => {
            let kind = if b[0] == b'+' {
                MarkerKind::Plus
            } else {
                MarkerKind::Dash
            };
            // "-" before a digit is a minus or a range, not a marker.
            let ok = match next(1) {
                Some(' ' | '\t') => true,
                Some(c) => is_upper(c),
                None => false,
            };
            return if ok { marker(kind, 1) } else { None };
        }
        b'(' => {
            // "(1)", "(a)".
            let close = s.find(')')?;
            let inner = &s[1..close];
            let kind = if !inner.is_empty()
                && inner.len() <= 2
                && inner.bytes().all(|c| c.is_ascii_digit())
            {
                MarkerKind::Number
            } else if inner.chars().count() == 1
                && inner.chars().all(|c| is_lower(c) && is_letter(c))
            {
                MarkerKind::Letter
            } else {
                return None;
            };
            return if follows(close + 1) {
                marker(kind, close + 1)
            } else {
                None
            };
        }
        _ => {}
    }
    let first = s.chars().next()?;
    if matches!(first, '–' | '•' | '—') {
        let len = first.len_utf8();
        return if follows(len) {
            marker(MarkerKind::Dash, len)
        } else {
            None
        };
    }
    // "Điều 3." and "Chương II", "Mục 1", "Phần I".
    for (word, kind) in [
        ("Điều", MarkerKind::Article),
        ("ĐIỀU", MarkerKind::Article),
        ("Chương", MarkerKind::Part),
        ("CHƯƠNG", MarkerKind::Part),
        ("PHẦN", MarkerKind::Part),
        ("Phần", MarkerKind::Part),
        ("Mục", MarkerKind::Part),
        ("MỤC", MarkerKind::Part),
    ] {
        if let Some(rest) = s.strip_prefix(word) {
            let r = rest.trim_start_matches(' ');
            let skipped = rest.len() - r.len();
            let n = r
                .bytes()
                .take_while(|c| c.is_ascii_digit() || matches!(c, b'I' | b'V' | b'X' | b'L'))
                .count();
            if skipped == 0 || n == 0 {
                continue;
            }
            let mut len = word.len() + skipped + n;
            if s[len..].starts_with(['.', ':']) {
                len += 1;
            }
            return if !matches!(next(len), Some(c) if c != ' ' && c != '\t') {
                marker(kind, len)
            } else {
                None
            };
        }
    }
    // "a)", "a.", "đ)".
    if is_lower(first) && is_letter(first) {
        let len = first.len_utf8();
        return match s[len..].chars().next() {
            Some(')') if follows(len + 1) => marker(MarkerKind::Letter, len + 1),
            Some('.')
                if next(len + 1) == Some(' ')
                    && s[len + 2..].starts_with(|c: char| is_upper(c)) =>
            {
                marker(MarkerKind::Letter, len + 1)
            }
            _ => None,
        };
    }
    // "IV." before a space.
    if matches!(first, 'I' | 'V' | 'X') {
        let n = b
            .iter()
            .take_while(|c| matches!(c, b'I' | b'V' | b'X'))
            .count();
        if n <= 5 && b.get(n) == Some(&b'.') && follows(n + 1) {
            return marker(MarkerKind::Roman, n + 1);
        }
        return None;
    }
    // "1.", "1)", "1.1.", "2.2", "1.2.3.".
    if first.is_ascii_digit() {
        let mut i = 0;
        let mut groups = 0;
        let mut trailing_dot;
        loop {
            let n = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            if n == 0 || n > 2 {
                return None;
            }
            i += n;
            groups += 1;
            trailing_dot = false;
            if b.get(i) == Some(&b'.') {
                i += 1;
                trailing_dot = true;
                if b.get(i).is_some_and(u8::is_ascii_digit) {
                    continue;
                }
            }
            break;
        }
        if b.get(i) == Some(&b')') && groups == 1 && !trailing_dot {
            return if follows(i + 1) {
                marker(MarkerKind::Number, i + 1)
            } else {
                None
            };
        }
        // "2.2 Sở …" without the last dot is an outline number too; a lone "2 " is a count.
        if !trailing_dot && groups == 1 {
            return None;
        }
        // "26.3. " could be a day: a capital must follow.
        let kind = if groups == 1 {
            MarkerKind::Number
        } else {
            MarkerKind::Outline
        };
        let upper_next = s[i..]
            .trim_start_matches([' ', '\t'])
            .starts_with(|c: char| is_upper(c) || c == '"' || c == '“');
        return if follows(i) && (groups == 1 || upper_next) && (i < s.len()) {
            marker(kind, i)
        } else {
            None
        };
    }
    None
}

/// Cuts the block `r` (one line as read) into units: sentences, and list items
/// opened by a marker after a semicolon.
fn split_block(text: &str, r: Range<usize>, out: &mut Vec<Unit>) {
    let bytes = text.as_bytes();
    let mut start = r.start;
    let mut first = true;
    let mut i = r.start;
    let mut depth = 0i32;
    // A unit opened by a marker after a semicolon is an item of its own line.
    let mut item = false;
    // A marker's own stop ("2.2.") does not end a sentence.
    let past_marker = |at: usize| marker_at(text, at).map_or(at, |(_, b)| b.min(r.end));
    i = past_marker(i);
    while i < r.end {
        let c = bytes[i];
        match c {
            b'(' => depth += 1,
            b')' => depth -= 1,
            _ => {}
        }
        let (cut, opens_item) = match c {
            b'.' | b'!' | b'?' => (sentence_ends(text, start, i, r.end), false),
            b';' if depth <= 0 => {
                let next = skip_space(text, i + 1, r.end);
                let opens = next < r.end
                    && marker_at(text, next).is_some_and(|(m, _)| m.kind >= MarkerKind::Number);
                (opens, opens)
            }
            _ => (false, false),
        };
        if cut {
            push_unit(text, start..i + 1, first || item, out);
            first = false;
            item = opens_item;
            start = skip_space(text, i + 1, r.end);
            i = past_marker(start);
            continue;
        }
        i += 1;
    }
    push_unit(text, start..r.end, first || item, out);
}

/// Whether the `.`, `!` or `?` at byte `i` ends the sentence started at `start`.
fn sentence_ends(text: &str, start: usize, i: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let after = &text[i + 1..end];
    let spaced = after.starts_with([' ', '\n', '\t']);
    let next_at = skip_space(text, i + 1, end);
    if next_at >= end {
        return false;
    }
    let next = text[next_at..].chars().next().unwrap_or(' ');
    let word_before = text[start..i]
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    if bytes[i] == b'.' && ABBREVIATIONS.contains(&word_before) {
        return false;
    }
    if spaced {
        // "./." and ".." are one stop.
        return is_upper(next)
            || next.is_ascii_digit()
            || matches!(next, '"' | '“' | '-' | '–' | '(' | '•' | '+');
    }
    // "tỉnh.Các": a lower-case word run into a capitalised one.
    bytes[i] == b'.'
        && word_before.chars().count() >= 2
        && word_before.chars().all(|c| is_lower(c) && is_letter(c))
        && is_upper(next)
        && text[next_at + next.len_utf8()..].starts_with(|c: char| is_lower(c))
}

/// `b` moved forward over whitespace, up to `end`.
fn skip_space(text: &str, b: usize, end: usize) -> usize {
    let s = &text[b..end];
    b + (s.len() - s.trim_start().len())
}

fn push_unit(text: &str, r: Range<usize>, line_start: bool, out: &mut Vec<Unit>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail >= s.len() {
        return;
    }
    let range = r.start + lead..r.end - trail;
    let (marker, body) = match marker_at(text, range.start) {
        Some((m, b)) if b <= range.end => (Some(m), b),
        _ => (None, range.start),
    };
    let line = match out.last() {
        Some(u) if !line_start => u.line,
        _ => out.len(),
    };
    out.push(Unit {
        range,
        body,
        marker,
        line_start,
        line,
        parent: None,
        clauses: 0..0,
    });
}

/// The level of a unit for nesting: unmarked text is at the top.
fn level(u: &Unit) -> u8 {
    match &u.marker {
        None => 0,
        Some(m) => 1 + m.kind as u8,
    }
}

/// Whether a unit ends with a colon: its content follows.
fn ends_with_colon(text: &str, u: &Unit) -> bool {
    text[u.range.clone()]
        .trim_end_matches(['"', '”', ')', ' '])
        .ends_with(':')
}

/// Sets each unit's heading: for an item, the nearest unit above of a higher level
/// that ends with a colon or carries a marker; for an unmarked paragraph, the unit
/// just above when that ends with a colon.
fn set_parents(text: &str, units: &mut [Unit]) {
    // Line-start units above, as a stack of (level, index).
    let mut stack: Vec<(u8, usize)> = Vec::new();
    let mut current_line: Option<usize> = None;
    for i in 0..units.len() {
        if !units[i].line_start {
            // Later sentences of a paragraph or item hang where its first one does.
            units[i].parent = current_line.and_then(|k| units[k].parent);
            continue;
        }
        let lv = level(&units[i]);
        let prev_colon = i
            .checked_sub(1)
            .is_some_and(|p| ends_with_colon(text, &units[p]));
        while stack.last().is_some_and(|&(l, _)| l >= lv && lv > 0) {
            stack.pop();
        }
        let parent = if lv == 0 {
            // A paragraph hangs from the line just above it when that is a lead.
            (i > 0 && prev_colon).then(|| units[i - 1].line)
        } else {
            stack.last().and_then(|&(l, k)| {
                let lead = ends_with_colon(text, &units[last_of_line(units, k)]);
                (l < lv && (lead || l > 0)).then_some(k)
            })
        };
        units[i].parent = parent;
        current_line = Some(i);
        if lv == 0 {
            stack.clear();
        }
        stack.push((lv, i));
    }
}

/// The last unit of the line that unit `k` opens.
fn last_of_line(units: &[Unit], k: usize) -> usize {
    let mut j = k;
    while j + 1 < units.len() && !units[j + 1].line_start {
        j += 1;
    }
    j
}

/// Cuts `r` (a unit's words) into clauses at semicolons and colons outside
/// brackets and quotes.
fn split_clauses(text: &str, r: Range<usize>, unit: usize, out: &mut Vec<Clause>) {
    let bytes = text.as_bytes();
    let mut depth = 0i32;
    let mut start = r.start;
    for i in r.clone() {
        match bytes[i] {
            b'(' => depth += 1,
            b')' => depth -= 1,
            b';' | b':' if depth <= 0 => {
                // "09 giờ 00’", "8h00:" and "số:" aside, a colon inside a word
                // ("10:30") is no boundary.
                if bytes[i] == b':' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
                    continue;
                }
                push_clause(text, start..i, unit, bytes[i] == b':', out);
                start = i + 1;
            }
            _ => {}
        }
    }
    push_clause(text, start..r.end, unit, false, out);
}

fn push_clause(text: &str, r: Range<usize>, unit: usize, lead: bool, out: &mut Vec<Clause>) {
    let s = &text[r.clone()];
    let trimmed = s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '/'));
    let lead_ws = trimmed.len() - trimmed.trim_start().len();
    if lead_ws >= trimmed.len() {
        return;
    }
    out.push(Clause {
        range: r.start + lead_ws..r.start + trimmed.len(),
        unit,
        lead,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        Units::new(t)
            .units
            .iter()
            .map(|u| &t[u.range.clone()])
            .collect()
    }

    #[test]
    fn sentences_and_lines() {
        let t = "Họp ngày 24/02.\nĐồng chí A chủ trì. Tại TP. Hồ Chí Minh có 2 người. Xong";
        assert_eq!(
            texts(t),
            vec![
                "Họp ngày 24/02.",
                "Đồng chí A chủ trì.",
                "Tại TP. Hồ Chí Minh có 2 người.",
                "Xong"
            ]
        );
    }

    #[test]
    fn a_line_wrapped_inside_a_sentence_is_joined() {
        let t = "TIÊU ĐỀ CỦA\nTHÔNG BÁO\n\nSáng ngày 09 tháng 4\nnăm 2022, tại trụ sở, đồng chí A,\nChủ tịch UBND tỉnh chủ trì. Sau đó họp.\nDòng mới";
        assert_eq!(
            texts(t),
            vec![
                "TIÊU ĐỀ CỦA\nTHÔNG BÁO",
                "Sáng ngày 09 tháng 4\nnăm 2022, tại trụ sở, đồng chí A,\nChủ tịch UBND tỉnh chủ trì.",
                "Sau đó họp.",
                "Dòng mới"
            ]
        );
    }

    #[test]
    fn a_title_line_stays_apart_from_the_date_line_and_the_lead() {
        let t = "Hội nghị sơ kết công tác năm 2020\n21:27 27/06/2020\nSáng ngày 26/6, Ban Thường vụ họp.";
        assert_eq!(texts(t).len(), 3);
    }

    #[test]
    fn a_text_wrapped_at_a_width_is_read_in_sentences() {
        let t = "Để thể hiện quyết tâm lớn trong\n\
                 chiến lược chuyển đổi số, UBND tỉnh đã ban hành Quyết định số 685/QĐ-UBND\n\
                 ngày 21/3/2022 chọn ngày 26/3 hàng năm là Ngày chuyển đổi số tỉnh Hải Dương\n\
                 Ngày 26/3/2022, đã tổ chức chuỗi sự kiện Ngày chuyển số với chủ đề chuyển\n\
                 đổi số hiện thực hóa khát vọng phát triển tỉnh Hải Dương trong năm tới.\n\
                 Tham dự cuộc họp tại đầu cầu trụ sở Chính phủ có các Phó Thủ tướng Chính phủ:\n\
                 Lê Minh Khái, Vũ Đức Đam.";
        let u = texts(t);
        assert_eq!(u.len(), 2, "{u:#?}");
        assert!(u[1].ends_with("Vũ Đức Đam."));
    }

    #[test]
    fn list_items_and_their_headings() {
        let t = "UBND tỉnh yêu cầu:\n1. Sở Tài chính:\n- Rà soát kinh phí;\n- Báo cáo trước ngày 5/1.\n2.2. Sở Y tế hướng dẫn.\na) Sở Giao thông vận tải: lập kế hoạch; b) Sở Tài nguyên và Môi trường: kiểm tra.\nKết thúc.\nĐiều 3. Chánh Văn phòng chịu trách nhiệm thi hành Quyết định này./.";
        let u = Units::new(t);
        let show: Vec<(&str, Option<MarkerKind>, Option<&str>)> = u
            .units
            .iter()
            .map(|x| {
                (
                    &t[x.body..x.range.end],
                    x.marker.as_ref().map(|m| m.kind),
                    x.parent.map(|p| &t[u.units[p].body..u.units[p].range.end]),
                )
            })
            .collect();
        assert_eq!(
            show,
            vec![
                ("UBND tỉnh yêu cầu:", None, None),
                (
                    "Sở Tài chính:",
                    Some(MarkerKind::Number),
                    Some("UBND tỉnh yêu cầu:")
                ),
                (
                    "Rà soát kinh phí;",
                    Some(MarkerKind::Dash),
                    Some("Sở Tài chính:")
                ),
                (
                    "Báo cáo trước ngày 5/1.",
                    Some(MarkerKind::Dash),
                    Some("Sở Tài chính:")
                ),
                (
                    "Sở Y tế hướng dẫn.",
                    Some(MarkerKind::Outline),
                    Some("Sở Tài chính:")
                ),
                (
                    "Sở Giao thông vận tải: lập kế hoạch;",
                    Some(MarkerKind::Letter),
                    Some("Sở Y tế hướng dẫn.")
                ),
                (
                    "Sở Tài nguyên và Môi trường: kiểm tra.",
                    Some(MarkerKind::Letter),
                    Some("Sở Y tế hướng dẫn.")
                ),
                ("Kết thúc.", None, None),
                (
                    "Chánh Văn phòng chịu trách nhiệm thi hành Quyết định này./.",
                    Some(MarkerKind::Article),
                    None
                ),
            ]
        );
        let clauses: Vec<&str> = u.clauses.iter().map(|c| &t[c.range.clone()]).collect();
        assert!(clauses.contains(&"Sở Giao thông vận tải"));
        assert!(clauses.contains(&"lập kế hoạch"));
        assert!(clauses.contains(&"Chánh Văn phòng chịu trách nhiệm thi hành Quyết định này"));
    }

    #[test]
    fn markers() {
        fn m(s: &str) -> Option<(MarkerKind, &str)> {
            marker_at(s, 0).map(|(m, b)| (m.kind, &s[b..]))
        }
        assert_eq!(m("- Sở X"), Some((MarkerKind::Dash, "Sở X")));
        assert_eq!(m("-Sở X"), Some((MarkerKind::Dash, "Sở X")));
        assert_eq!(m("-5 độ"), None);
        assert_eq!(m("a) Sở X"), Some((MarkerKind::Letter, "Sở X")));
        assert_eq!(m("a)Tại huyện"), Some((MarkerKind::Letter, "Tại huyện")));
        assert_eq!(m("(2) Bầu"), Some((MarkerKind::Number, "Bầu")));
        assert_eq!(m("2.2. Sở Y tế"), Some((MarkerKind::Outline, "Sở Y tế")));
        assert_eq!(m("2.2 Sở Y tế"), Some((MarkerKind::Outline, "Sở Y tế")));
        assert_eq!(m("3. Văn phòng"), Some((MarkerKind::Number, "Văn phòng")));
        assert_eq!(m("IV. TỔ CHỨC"), Some((MarkerKind::Roman, "TỔ CHỨC")));
        assert_eq!(m("Điều 3. Chánh"), Some((MarkerKind::Article, "Chánh")));
        assert_eq!(m("Điều 79 Luật"), Some((MarkerKind::Article, "Luật")));
        assert_eq!(m("2 đơn vị"), None);
        assert_eq!(m("10.10, ngày"), None);
        assert_eq!(m("26.3 hàng năm"), None);
        assert_eq!(m("ông A"), None);
        assert_eq!(m("Ủy ban"), None);
        assert_eq!(m("Việt Nam"), None);
    }

    #[test]
    fn a_missing_space_after_a_stop_still_ends_the_sentence() {
        assert_eq!(
            texts("đánh giá tình hình trên địa bàn tỉnh.Các đồng chí chủ trì. TP.HCM xong"),
            vec![
                "đánh giá tình hình trên địa bàn tỉnh.",
                "Các đồng chí chủ trì.",
                "TP.HCM xong"
            ]
        );
    }

    #[test]
    fn lookups() {
        let t = "Một hai; ba: bốn.\nNăm";
        let u = Units::new(t);
        assert_eq!(u.unit_at(t.find("ba").unwrap()), Some(0));
        assert_eq!(u.unit_at(t.find("Năm").unwrap()), Some(1));
        let c = u.clause_at(t.find("bốn").unwrap()).unwrap();
        assert_eq!(&t[u.clauses[c].range.clone()], "bốn");
        assert!(u.clauses[1].lead);
    }
}
