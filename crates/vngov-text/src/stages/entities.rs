//! Stage 0: HTML character references left in text.
//!
//! Pages copied as text, and feeds, sometimes keep the markup's references
//! ("Ch&iacute;nh phủ", "y&ecirc;u cầu", "&#7897;"): every letter so written breaks
//! the word for every later stage. A reference is replaced by its char only when it
//! is well formed — `&name;` with a name from [`NAMED`], `&#NNN;` or `&#xHH;` naming
//! a char that is not a control — so "Sở TT&TT" and "R&D;" stay as written.

use crate::offset::Rewrite;
use crate::RepairKind;

/// The named references a Vietnamese text may hold: markup's own, spaces and
/// punctuation, and the accented Latin-1 letters (the named ones among Vietnamese
/// letters; the others are written as numbers).
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("bull", '•'),
    ("middot", '·'),
    ("deg", '°'),
    ("copy", '©'),
    ("reg", '®'),
    ("times", '×'),
    ("Agrave", 'À'),
    ("Aacute", 'Á'),
    ("Acirc", 'Â'),
    ("Atilde", 'Ã'),
    ("Egrave", 'È'),
    ("Eacute", 'É'),
    ("Ecirc", 'Ê'),
    ("Igrave", 'Ì'),
    ("Iacute", 'Í'),
    ("Ograve", 'Ò'),
    ("Oacute", 'Ó'),
    ("Ocirc", 'Ô'),
    ("Otilde", 'Õ'),
    ("Ugrave", 'Ù'),
    ("Uacute", 'Ú'),
    ("Yacute", 'Ý'),
    ("agrave", 'à'),
    ("aacute", 'á'),
    ("acirc", 'â'),
    ("atilde", 'ã'),
    ("egrave", 'è'),
    ("eacute", 'é'),
    ("ecirc", 'ê'),
    ("igrave", 'ì'),
    ("iacute", 'í'),
    ("ograve", 'ò'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("otilde", 'õ'),
    ("ugrave", 'ù'),
    ("uacute", 'ú'),
    ("yacute", 'ý'),
    ("ETH", 'Ð'),
    ("eth", 'ð'),
];

/// The longest reference read: "&#x10FFFF;" and the names above fit.
const MAX_LEN: usize = 10;

/// The char of the reference starting at `chars[i]` (an '&') and its length in
/// chars, if it is well formed.
fn reference(chars: &[char], i: usize) -> Option<(char, usize)> {
    let end = (i + MAX_LEN + 1).min(chars.len());
    let semi = (i + 1..end).find(|&k| chars[k] == ';')?;
    let body: String = chars[i + 1..semi].iter().collect();
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        char::from_u32(code).filter(|c| !c.is_control() || c.is_whitespace())?
    } else {
        NAMED.iter().find(|(n, _)| *n == body)?.1
    };
    Some((c, semi + 1 - i))
}

/// Replaces well-formed references by their chars; `None` if the text has none.
pub(crate) fn apply(text: &str) -> Option<Rewrite> {
    if !text.contains('&') {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = Rewrite::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '&' {
            if let Some((c, len)) = reference(&chars, i) {
                out.repair(RepairKind::DecodedReference, i);
                out.push(c, i, i + len);
                i += len;
                continue;
            }
        }
        out.keep(chars[i], i);
        i += 1;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use crate::{normalize, Options};

    fn norm(s: &str) -> String {
        normalize(s, &Options::default()).text
    }

    #[test]
    fn references_become_their_chars() {
        assert_eq!(
            norm("Thủ tướng Ch&iacute;nh phủ y&ecirc;u cầu c&aacute;c bộ, ng&agrave;nh"),
            "Thủ tướng Chính phủ yêu cầu các bộ, ngành"
        );
        assert_eq!(norm("m&#7897;t &#x1EA1;"), "một ạ");
        assert_eq!(norm("&quot;Times&quot; &amp; Arial"), "\"Times\" & Arial");
    }

    #[test]
    fn what_is_not_a_reference_stays() {
        for s in [
            "Sở TT&TT; Sở KH&ĐT",
            "R&D; &unknown; &#; &#x; &#99999999; &#3; & amp;",
            "a &amp",
            "&&&&&&&&&&&&&&&&&&;",
        ] {
            assert_eq!(norm(s), s, "{s}");
        }
    }

    #[test]
    fn spans_cover_the_whole_reference() {
        let n = normalize("b&atilde;o số 16", &Options::default());
        assert_eq!(n.text, "bão số 16");
        // "ã" (output char 1) comes from "&atilde;" (input chars 1..9).
        assert_eq!(n.map.to_input(1), 1);
        assert_eq!(n.map.to_input_end(2), 9);
        assert_eq!(n.map.to_input(3), 10);
    }
}
