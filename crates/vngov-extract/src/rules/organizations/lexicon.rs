//! The reviewed data files of the family, loaded once, and the phrase matcher they
//! are looked up with.
//!
//! A phrase matches case-insensitively (an abbreviation — a form without a lower-case
//! letter — exactly as written); a space in a phrase matches any run of whitespace;
//! `&`, `-`, `–` and `,` match with or without spaces around them. A match must start
//! and end at a word boundary.

use std::collections::HashMap;
use std::sync::LazyLock;

use vngov_record::OrganizationKind;

/// One written form of a lexicon entry.
#[derive(Debug, Clone)]
struct Form {
    text: String,
    exact: bool,
    entry: usize,
}

/// Written forms indexed by their first word (its letters and digits, lower-cased),
/// longest first. A form can only match where the text's word is that word: its
/// next character is a space, `&`, `-`, `,`, or the end, which ends the text's word
/// too. Looking up the word, rather than trying every form with the same first
/// letter, keeps the lexicon cheap at every word of a long document.
#[derive(Debug, Default)]
pub struct Forms {
    by_word: HashMap<String, Vec<Form>>,
}

/// The lower-cased run of letters and digits at the start of `s`.
fn first_word(s: &str) -> String {
    s.chars()
        .take_while(|c| c.is_alphanumeric())
        .map(lower)
        .collect()
}

impl Forms {
    fn new<'a>(forms: impl IntoIterator<Item = (usize, &'a str)>) -> Self {
        let mut by_word: HashMap<String, Vec<Form>> = HashMap::new();
        for (entry, text) in forms {
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            let exact = !text.chars().any(char::is_lowercase);
            by_word.entry(first_word(text)).or_default().push(Form {
                text: text.to_string(),
                exact,
                entry,
            });
        }
        for v in by_word.values_mut() {
            v.sort_by_key(|f| std::cmp::Reverse(f.text.len()));
        }
        Forms { by_word }
    }

    /// The longest form starting at byte `at` of `t` that ends at a word boundary:
    /// its end and its entry index.
    pub fn longest(&self, t: &str, at: usize) -> Option<(usize, usize)> {
        self.by_word
            .get(&first_word(t.get(at..)?))?
            .iter()
            .find_map(|f| eat(t, at, &f.text, f.exact).map(|end| (end, f.entry)))
    }
}

fn lower(c: char) -> char {
    // Most letters compared are ASCII: skip the Unicode tables for them.
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// Matches `phrase` at byte `at` of `t`; returns the end of the match. The match must
/// end at a word boundary; the caller checks the start.
pub fn eat(t: &str, at: usize, phrase: &str, exact: bool) -> Option<usize> {
    let mut i = at;
    let mut p = phrase.chars().peekable();
    while let Some(pc) = p.next() {
        match pc {
            ' ' if matches!(p.peek(), Some('&' | '-' | '–' | ',')) => {}
            ' ' => {
                let ws = skip_ws(t, i);
                if ws == i {
                    return None;
                }
                i = ws;
            }
            '&' | '-' | '–' | ',' => {
                i = skip_ws(t, i);
                let c = t[i..].chars().next()?;
                let ok = match pc {
                    '-' | '–' => c == '-' || c == '–',
                    _ => c == pc,
                };
                if !ok {
                    return None;
                }
                i += c.len_utf8();
                i = skip_ws(t, i);
                while p.peek() == Some(&' ') {
                    p.next();
                }
            }
            _ => {
                let c = t[i..].chars().next()?;
                let same = if exact {
                    c == pc
                } else {
                    lower(c) == lower(pc)
                };
                if !same {
                    return None;
                }
                i += c.len_utf8();
            }
        }
    }
    let next = t[i..].chars().next();
    (!next.is_some_and(char::is_alphanumeric)).then_some(i)
}

/// The first byte at or after `i` that is not whitespace.
pub fn skip_ws(t: &str, i: usize) -> usize {
    t[i..]
        .char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .map_or(t.len(), |(j, _)| i + j)
}

/// Non-comment, non-blank lines of a data file.
fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// Sector names a department or ministry head takes (`sectors.tsv`).
pub struct Sectors {
    /// Canonical names.
    pub names: Vec<&'static str>,
    /// Every written form.
    pub forms: Forms,
}

/// The sector lexicon.
pub static SECTORS: LazyLock<Sectors> = LazyLock::new(|| {
    let mut names = Vec::new();
    let mut forms = Vec::new();
    for (i, l) in lines(include_str!("sectors.tsv")).enumerate() {
        let mut cols = l.split('\t');
        let name = cols.next().unwrap_or("").trim();
        names.push(name);
        forms.push((i, name));
        for v in cols.next().unwrap_or("").split('|') {
            forms.push((i, v));
        }
    }
    Sectors {
        names,
        forms: Forms::new(forms),
    }
});

/// What may follow a fixed body's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Follow {
    /// A level and a place.
    Place,
    /// The body it belongs to, or a place.
    Owner,
    /// A descriptive name, then a place.
    Name,
    /// Nothing.
    Nothing,
}

/// A body named by a fixed phrase (`bodies.tsv`).
#[derive(Debug, Clone)]
pub struct BodyEntry {
    /// Canonical name.
    pub name: &'static str,
    /// What sort of body.
    pub kind: OrganizationKind,
    /// What may follow.
    pub follow: Follow,
}

/// The fixed-phrase body lexicon.
pub struct Bodies {
    /// Entries in file order.
    pub entries: Vec<BodyEntry>,
    /// Every written form.
    pub forms: Forms,
}

/// The kind named in a data file.
pub fn kind_named(s: &str) -> Option<OrganizationKind> {
    use OrganizationKind::*;
    Some(match s {
        "central" => Central,
        "council" => Council,
        "peoples_committee" => PeoplesCommittee,
        "department" => Department,
        "party" => Party,
        "mass_organization" => MassOrganization,
        "sector" => Sector,
        "committee" => Committee,
        "other" => Other,
        _ => return None,
    })
}

/// The body lexicon.
pub static BODIES: LazyLock<Bodies> = LazyLock::new(|| {
    let mut entries = Vec::new();
    let mut forms = Vec::new();
    for l in lines(include_str!("bodies.tsv")) {
        let mut cols = l.split('\t');
        let name = cols.next().unwrap_or("").trim();
        let Some(kind) = kind_named(cols.next().unwrap_or("").trim()) else {
            continue;
        };
        let follow = match cols.next().unwrap_or("").trim() {
            "place" => Follow::Place,
            "owner" => Follow::Owner,
            "name" => Follow::Name,
            _ => Follow::Nothing,
        };
        let i = entries.len();
        entries.push(BodyEntry { name, kind, follow });
        forms.push((i, name));
        for v in cols.next().unwrap_or("").split('|') {
            forms.push((i, v));
        }
    }
    Bodies {
        entries,
        forms: Forms::new(forms),
    }
});

/// A list of phrases with their canonical spelling (the line itself).
pub struct Words {
    /// Canonical spellings.
    pub names: Vec<&'static str>,
    /// Their forms.
    pub forms: Forms,
}

fn words(it: impl Iterator<Item = &'static str>) -> Words {
    let names: Vec<&'static str> = it.map(str::trim).collect();
    let forms = Forms::new(names.iter().copied().enumerate());
    Words { names, forms }
}

/// Posts naming a person by office (`posts.txt`).
pub static POSTS: LazyLock<Words> = LazyLock::new(|| words(lines(include_str!("posts.txt"))));

/// Family names (`surnames.txt`).
pub static SURNAMES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lines(include_str!("surnames.txt")).map(str::trim).collect());

fn class_words(kind: &'static str) -> Words {
    words(lines(include_str!("classes.tsv")).filter_map(move |l| {
        let (k, w) = l.split_once('\t')?;
        (k.trim() == kind).then_some(w)
    }))
}

/// Nouns of a class that follow "các" (`classes.tsv`, `plural`).
pub static PLURALS: LazyLock<Words> = LazyLock::new(|| class_words("plural"));
/// Administrative levels (`classes.tsv`, `level`).
pub static LEVELS: LazyLock<Words> = LazyLock::new(|| class_words("level"));
/// Words narrowing a class (`classes.tsv`, `qualifier`).
pub static QUALIFIERS: LazyLock<Words> = LazyLock::new(|| class_words("qualifier"));
/// Classes named without "các" (`classes.tsv`, `alone`).
pub static ALONE: LazyLock<Words> = LazyLock::new(|| class_words("alone"));

/// Abbreviations inside names, with expansions (`abbreviations.tsv`).
pub static ABBREVIATIONS: LazyLock<(Vec<&'static str>, Forms)> = LazyLock::new(|| {
    let mut exp = Vec::new();
    let mut forms = Vec::new();
    for l in lines(include_str!("abbreviations.tsv")) {
        if let Some((a, e)) = l.split_once('\t') {
            forms.push((exp.len(), a));
            exp.push(e.trim());
        }
    }
    (exp, Forms::new(forms))
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_with_loose_spacing_and_case() {
        assert_eq!(eat("TT & TT báo", 0, "TT&TT", true), Some(7));
        let t = "Kế hoạch-Đầu tư";
        assert_eq!(eat(t, 0, "Kế hoạch - Đầu tư", false), Some(t.len()));
        let t = "sở tài chính";
        assert_eq!(eat(t, 0, "Sở Tài chính", false), Some(t.len()));
        assert_eq!(eat("Sở Tài chínhx", 0, "Sở Tài chính", false), None);
        assert_eq!(eat("tt&tt", 0, "TT&TT", true), None);
    }

    #[test]
    fn lexicons_load() {
        assert!(SECTORS.names.contains(&"Thông tin và Truyền thông"));
        assert!(BODIES.entries.iter().any(|b| b.name == "Ủy ban nhân dân"));
        assert!(POSTS.names.contains(&"Giám đốc"));
        assert!(PLURALS.names.contains(&"sở"));
        assert!(SURNAMES.contains(&"Nguyễn"));
        let (end, i) = SECTORS.forms.longest("KH&ĐT tỉnh", 0).unwrap();
        assert_eq!((end, SECTORS.names[i]), (6, "Kế hoạch và Đầu tư"));
    }
}
