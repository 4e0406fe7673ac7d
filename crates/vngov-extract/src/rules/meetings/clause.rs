//! Sentences as a reader sees them: a line wrapped inside a sentence (common in
//! notices copied from PDF) does not end it, nor does a semicolon between the
//! items of a list; a full stop, a blank line or a list item does.

/// Longest sentence looked at, in bytes on each side of a point.
const REACH: usize = 2000;

/// Byte offset where the sentence holding byte `b` ends.
pub fn sentence_end(text: &str, b: usize) -> usize {
    let limit = crate::doc::floor_boundary(text, b + REACH);
    let bytes = text.as_bytes();
    let mut i = b;
    while i < limit {
        match bytes[i] {
            b'.' | b'!' | b'?' if i + 1 >= text.len() || bytes[i + 1].is_ascii_whitespace() => {
                return i;
            }
            b'\n' => {
                let rest = &text[i + 1..];
                if rest.starts_with('\n')
                    || rest.starts_with(['-', '+', '•', '|'])
                    || rest.trim_start_matches(' ').starts_with('\n')
                {
                    return i;
                }
            }
            _ => {}
        }
        i += 1;
    }
    limit
}

/// Byte offset where the sentence holding byte `b` starts.
pub fn sentence_start(text: &str, b: usize) -> usize {
    let floor = crate::doc::floor_boundary(text, b.saturating_sub(REACH));
    let bytes = text.as_bytes();
    let mut i = b;
    while i > floor {
        let c = bytes[i - 1];
        if matches!(c, b'.' | b'!' | b'?') && bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            return skip_space(text, i);
        }
        if c == b'\n' && i >= 2 && (bytes[i - 2] == b'\n' || bytes[i - 2] == b':') {
            return skip_space(text, i);
        }
        i -= 1;
    }
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// `b` moved forward over whitespace.
fn skip_space(text: &str, b: usize) -> usize {
    b + (text[b..].len() - text[b..].trim_start().len())
}

/// The start of the line holding byte `b`.
pub fn line_start(text: &str, b: usize) -> usize {
    text[..b].rfind('\n').map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_stay_in_the_sentence() {
        let t = "TIÊU ĐỀ\n\nSáng ngày 09 tháng 4\nnăm 2022, tại trụ sở. Sau đó họp.";
        let b = t.find("Sáng").unwrap();
        assert_eq!(
            &t[b..sentence_end(t, b)],
            "Sáng ngày 09 tháng 4\nnăm 2022, tại trụ sở"
        );
        let b = t.find("2022").unwrap();
        assert_eq!(sentence_start(t, b), t.find("Sáng").unwrap());
        let b = t.find("họp").unwrap();
        assert_eq!(&t[sentence_start(t, b)..sentence_end(t, b)], "Sau đó họp");
    }
}
