//! The reviewed data files of the family, loaded once, and the phrase matcher they
//! are looked up with.
//!
//! A phrase matches case-insensitively (an abbreviation — a form without a lower-case
//! letter — exactly as written); a space in a phrase matches any run of whitespace;
//! `&`, `-`, `–` and `,` match with or without spaces around them. A match must start
//! and end at a word boundary.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

use crate::word_hash::WordHasher;
use vngov_record::OrganizationKind;
use vngov_text::chars::is_letter_or_digit;

/// One written form of a lexicon entry.
#[derive(Debug, Clone)]
struct Form {
    text: String,
    exact: bool,
    entry: usize,
    /// The second word, lower-cased, when one space and a letter or digit follow
    /// the first: the form can only match where the text's second word is this.
    second: Option<Box<[u8]>>,
}

/// The second word of a form, lower-cased, when one space and a letter or digit
/// follow the first. Then `eat` wants whitespace after the text's first word and a
/// word matching this one letter for letter, ending where it ends (a space, a
/// separator, a literal mark or the end of the phrase follows it).
fn second_word(text: &str) -> Option<Box<[u8]>> {
    let first_end = text
        .find(|c: char| !is_letter_or_digit(c))
        .unwrap_or(text.len());
    let rest = text[first_end..].strip_prefix(' ')?;
    if !rest.starts_with(is_letter_or_digit) {
        return None;
    }
    let w = first_word(rest);
    assert!(w.len() <= MAX_WORD, "lexicon word too long: {w}");
    Some(w.into_bytes().into())
}

/// A map keyed by the UTF-8 bytes of short words, hashed with [`WordHasher`].
pub type WordMap<V> = HashMap<Box<[u8]>, V, BuildHasherDefault<WordHasher>>;

/// A set of the UTF-8 bytes of short words, hashed with [`WordHasher`].
pub type WordSet = HashSet<Box<[u8]>, BuildHasherDefault<WordHasher>>;

/// The longest key of any [`Forms`] or word set, in bytes: a longer word in the
/// text cannot be a key, so it is never lower-cased in full.
pub const MAX_WORD: usize = 64;

/// The UTF-8 bytes of the lower-cased run of letters and digits at the start of
/// `s`, written into `buf`; `None` when it is longer than [`MAX_WORD`] bytes (then
/// it is no key).
pub fn first_word_in<'b>(s: &str, buf: &'b mut [u8; MAX_WORD]) -> Option<&'b [u8]> {
    let (n, _) = read_first_word(s, buf)?;
    Some(&buf[..n])
}

/// [`first_word_in`]: the length of the key written into `buf`, and the byte
/// length of the run it was read from.
fn read_first_word(s: &str, buf: &mut [u8; MAX_WORD]) -> Option<(usize, usize)> {
    let bytes = s.as_bytes();
    let (mut i, mut n) = (0, 0);
    while let Some(&b) = bytes.get(i) {
        // ASCII bytes, most of a word's, need no decoding.
        if b.is_ascii() {
            if !b.is_ascii_alphanumeric() {
                break;
            }
            *buf.get_mut(n)? = b.to_ascii_lowercase();
            n += 1;
            i += 1;
            continue;
        }
        let Some(c) = s[i..].chars().next().filter(|&c| is_letter_or_digit(c)) else {
            break;
        };
        let l = lower(c);
        let len = l.len_utf8();
        if n + len > MAX_WORD {
            return None;
        }
        l.encode_utf8(&mut buf[n..n + len]);
        n += len;
        i += c.len_utf8();
    }
    Some((n, i))
}

/// A text the grammar reads, with the words it read last. The grammar tries many
/// tables at one offset, and at the words after it, each wanting the lower-cased
/// word there: each is read once. Derefs to the text.
#[derive(Debug, Clone)]
pub struct Text<'t> {
    text: &'t str,
    words: RefCell<[ReadWord; SLOTS]>,
}

/// Words kept by a [`Text`], each in the slot of its offset modulo this.
const SLOTS: usize = 16;

/// A word a [`Text`] read: [`first_word_in`] at `at`.
#[derive(Debug, Clone, Copy)]
struct ReadWord {
    at: usize,
    /// Key length, or [`NO_KEY`].
    len: u8,
    /// End of the run of letters and digits the key was read from.
    end: usize,
    /// The bits of the [`Table`]s with forms starting with the key.
    tables: u32,
    key: [u8; MAX_WORD],
}

/// [`ReadWord::len`] where the text has no key at the offset (not a char
/// boundary, or a word longer than [`MAX_WORD`]).
const NO_KEY: u8 = u8::MAX;

impl<'t> Text<'t> {
    /// `text`, nothing read yet.
    pub fn new(text: &'t str) -> Self {
        let empty = ReadWord {
            at: usize::MAX,
            len: NO_KEY,
            end: 0,
            tables: 0,
            key: [0; MAX_WORD],
        };
        Text {
            text,
            words: RefCell::new([empty; SLOTS]),
        }
    }

    /// The text.
    pub fn as_str(&self) -> &'t str {
        self.text
    }

    /// `f` of the lower-cased first word at byte `at` (as [`first_word_in`] reads
    /// it, `None` where that has no key or `at` is no char boundary), the end of
    /// the run of letters and digits it was read from, and the bits of the
    /// [`Table`]s with forms starting with it.
    pub fn with_first_word<R>(
        &self,
        at: usize,
        f: impl FnOnce(Option<&[u8]>, usize, u32) -> R,
    ) -> R {
        let mut words = self.words.borrow_mut();
        let w = &mut words[at % SLOTS];
        if w.at != at {
            w.at = at;
            let read = self
                .text
                .get(at..)
                .and_then(|s| read_first_word(s, &mut w.key));
            (w.len, w.end) = match read {
                // At most MAX_WORD (64) bytes.
                Some((n, e)) => (n as u8, at + e),
                None => (NO_KEY, at),
            };
            w.tables = match read {
                Some((n, _)) => TABLES_BY_WORD.get(&w.key[..n]).copied().unwrap_or(0),
                None => 0,
            };
        }
        let key = (w.len != NO_KEY).then(|| &w.key[..usize::from(w.len)]);
        f(key, w.end, w.tables)
    }
}

impl std::ops::Deref for Text<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        self.text
    }
}

/// Written forms indexed by their first word (its letters and digits, lower-cased),
/// longest first. A form can only match where the text's word is that word: its
/// next character is a space, `&`, `-`, `,`, or the end, which ends the text's word
/// too. Looking up the word, rather than trying every form with the same first
/// letter, keeps the lexicon cheap at every word of a long document.
#[derive(Debug, Default)]
pub struct Forms {
    by_word: WordMap<Vec<Form>>,
    /// The bit of its [`Table`], if it is one: a [`Text`] knows which tables have
    /// forms starting with each word it reads, and turns the others away.
    bit: u32,
}

/// The lexicon's tables of forms, which a [`Text`] looks every word it reads up
/// in at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// [`SECTORS`].
    Sectors,
    /// [`BODIES`].
    Bodies,
    /// [`POSTS`].
    Posts,
    /// [`PLURALS`].
    Plurals,
    /// [`LEVELS`].
    Levels,
    /// [`QUALIFIERS`].
    Qualifiers,
    /// [`ALONE`].
    Alone,
    /// [`ABBREVIATIONS`].
    Abbreviations,
    /// The grammar's sector heads.
    SectorHeads,
    /// The grammar's honorifics.
    Honorifics,
}

impl Table {
    /// Every table.
    pub const ALL: [Table; 10] = [
        Table::Sectors,
        Table::Bodies,
        Table::Posts,
        Table::Plurals,
        Table::Levels,
        Table::Qualifiers,
        Table::Alone,
        Table::Abbreviations,
        Table::SectorHeads,
        Table::Honorifics,
    ];

    /// Its bit among those [`Text::with_first_word`] gives.
    pub fn bit(self) -> u32 {
        1 << self as u32
    }

    /// The bits of `tables`, as [`Text::with_first_word`] gives them.
    pub const fn bits(tables: &[Table]) -> u32 {
        let mut out = 0;
        let mut i = 0;
        while i < tables.len() {
            out |= 1 << tables[i] as u32;
            i += 1;
        }
        out
    }

    /// Its forms.
    pub fn forms(self) -> &'static Forms {
        match self {
            Table::Sectors => &SECTORS.forms,
            Table::Bodies => &BODIES.forms,
            Table::Posts => &POSTS.forms,
            Table::Plurals => &PLURALS.forms,
            Table::Levels => &LEVELS.forms,
            Table::Qualifiers => &QUALIFIERS.forms,
            Table::Alone => &ALONE.forms,
            Table::Abbreviations => &ABBREVIATIONS.1,
            Table::SectorHeads => &super::grammar::HEAD_FORMS,
            Table::Honorifics => &super::grammar::HONORIFIC_FORMS,
        }
    }
}

/// For every first word of a form of a [`Table`], the bits of the tables having
/// forms that start with it.
static TABLES_BY_WORD: LazyLock<WordMap<u32>> = LazyLock::new(|| {
    let mut out: WordMap<u32> = WordMap::default();
    for table in Table::ALL {
        let forms = table.forms();
        assert_eq!(forms.bit, table.bit(), "{table:?} built as its table");
        for w in forms.first_words() {
            *out.entry(w.into()).or_default() |= table.bit();
        }
    }
    out
});

/// The lower-cased run of letters and digits at the start of `s`.
pub fn first_word(s: &str) -> String {
    s.chars()
        .take_while(|&c| is_letter_or_digit(c))
        .map(lower)
        .collect()
}

impl Forms {
    /// Forms from `(entry, written form)` pairs; blank forms are left out. A form
    /// without a lower-case letter matches exactly as written.
    pub fn new<'a>(forms: impl IntoIterator<Item = (usize, &'a str)>) -> Self {
        Self::build(forms, 0)
    }

    /// [`Forms::new`] for `table`: only for the one [`Table::forms`] gives.
    pub fn table<'a>(table: Table, forms: impl IntoIterator<Item = (usize, &'a str)>) -> Self {
        Self::build(forms, table.bit())
    }

    fn build<'a>(forms: impl IntoIterator<Item = (usize, &'a str)>, bit: u32) -> Self {
        let mut by_word: WordMap<Vec<Form>> = WordMap::default();
        for (entry, text) in forms {
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            let exact = !text.chars().any(char::is_lowercase);
            let key = first_word(text);
            assert!(key.len() <= MAX_WORD, "lexicon word too long: {key}");
            by_word
                .entry(key.into_bytes().into())
                .or_default()
                .push(Form {
                    text: text.to_string(),
                    exact,
                    entry,
                    second: second_word(text),
                });
        }
        for v in by_word.values_mut() {
            v.sort_by_key(|f| std::cmp::Reverse(f.text.len()));
        }
        Forms { by_word, bit }
    }

    /// The longest form starting at byte `at` of `t` that ends at a word boundary:
    /// its end and its entry index.
    pub fn longest(&self, t: &str, at: usize) -> Option<(usize, usize)> {
        self.longest_in(&Text::new(t), at)
    }

    /// [`Forms::longest`], with the words `t` has read.
    pub fn longest_in(&self, t: &Text, at: usize) -> Option<(usize, usize)> {
        let (forms, end) = t.with_first_word(at, |w, end, tables| {
            if self.bit != 0 && tables & self.bit == 0 {
                return None;
            }
            Some((self.by_word.get(w?)?, end))
        })?;
        // Many forms share a first word ("Ban …", "Phó …"): most are ruled out by
        // their second word without matching them letter by letter. The text's
        // second word is the one after the whitespace after the first.
        let j = skip_ws(t, end);
        t.with_first_word(j, |second, _, _| {
            let second = second.filter(|_| j > end);
            forms
                .iter()
                .filter(|f| f.second.as_deref().map_or(true, |w| second == Some(w)))
                .find_map(|f| eat(t, at, &f.text, f.exact).map(|end| (end, f.entry)))
        })
    }

    /// The lower-cased first words of the forms: a form can only match where the
    /// text's first word, lower-cased, is one of them.
    pub fn first_words(&self) -> impl Iterator<Item = &[u8]> {
        self.by_word.keys().map(|k| &**k)
    }
}

/// The first character of `c` lower-cased (every Vietnamese letter lower-cases to
/// one).
#[inline]
pub fn lower(c: char) -> char {
    vngov_text::chars::to_lower(c).unwrap_or_else(|| c.to_lowercase().next().unwrap_or(c))
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
    (!next.is_some_and(is_letter_or_digit)).then_some(i)
}

/// [`eat`] where `t` may already have read the word at `at`: a phrase only
/// matches where the text's first word, lower-cased, is the phrase's (its letters
/// and digits each match one of the text's, and it ends where the text's word
/// does), so any other word turns it away without matching letter by letter.
pub fn eat_in(t: &Text, at: usize, phrase: &str, exact: bool) -> Option<usize> {
    let (first, end) = t.with_first_word(at, |w, end, _| {
        (w.is_some_and(|w| is_first_word_of(w, phrase)), end)
    });
    if !first {
        return None;
    }
    // A phrase of one word, matched in any case, is that word, ending where the
    // text's does.
    if !exact && phrase.chars().all(is_letter_or_digit) {
        return Some(end);
    }
    eat(t, at, phrase, exact)
}

/// Whether `key` is the first word of `phrase`, lower-cased (as [`first_word`]).
fn is_first_word_of(key: &[u8], phrase: &str) -> bool {
    // An ASCII first letter lower-cases to the key's first byte.
    if let (Some(&p), Some(&k)) = (phrase.as_bytes().first(), key.first()) {
        if p.is_ascii() && p.to_ascii_lowercase() != k {
            return false;
        }
    }
    // Most phrases are written in lower case: then the key is their first bytes.
    if let Some(rest) = phrase.as_bytes().strip_prefix(key) {
        if !rest
            .first()
            .is_some_and(|&b| b.is_ascii_alphanumeric() || !b.is_ascii())
        {
            return true;
        }
    }
    let mut rest = key;
    for c in phrase.chars().take_while(|&c| is_letter_or_digit(c)) {
        let mut b = [0; 4];
        match rest.strip_prefix(lower(c).encode_utf8(&mut b).as_bytes()) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}

/// The first byte at or after `i` that is not whitespace.
pub fn skip_ws(t: &str, i: usize) -> usize {
    // A letter or digit follows most of the time: answer without decoding.
    if t.as_bytes().get(i).is_some_and(u8::is_ascii_alphanumeric) {
        return i;
    }
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
        forms: Forms::table(Table::Sectors, forms),
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
        forms: Forms::table(Table::Bodies, forms),
    }
});

/// A list of phrases with their canonical spelling (the line itself).
pub struct Words {
    /// Canonical spellings.
    pub names: Vec<&'static str>,
    /// Their forms.
    pub forms: Forms,
}

fn words(table: Table, it: impl Iterator<Item = &'static str>) -> Words {
    let names: Vec<&'static str> = it.map(str::trim).collect();
    let forms = Forms::table(table, names.iter().copied().enumerate());
    Words { names, forms }
}

/// Posts naming a person by office (`posts.txt`).
pub static POSTS: LazyLock<Words> =
    LazyLock::new(|| words(Table::Posts, lines(include_str!("posts.txt"))));

/// Family names (`surnames.txt`).
pub static SURNAMES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lines(include_str!("surnames.txt")).map(str::trim).collect());

fn class_words(table: Table, kind: &'static str) -> Words {
    words(
        table,
        lines(include_str!("classes.tsv")).filter_map(move |l| {
            let (k, w) = l.split_once('\t')?;
            (k.trim() == kind).then_some(w)
        }),
    )
}

/// Nouns of a class that follow "các" (`classes.tsv`, `plural`).
pub static PLURALS: LazyLock<Words> = LazyLock::new(|| class_words(Table::Plurals, "plural"));
/// Administrative levels (`classes.tsv`, `level`).
pub static LEVELS: LazyLock<Words> = LazyLock::new(|| class_words(Table::Levels, "level"));
/// Words narrowing a class (`classes.tsv`, `qualifier`).
pub static QUALIFIERS: LazyLock<Words> =
    LazyLock::new(|| class_words(Table::Qualifiers, "qualifier"));
/// Classes named without "các" (`classes.tsv`, `alone`).
pub static ALONE: LazyLock<Words> = LazyLock::new(|| class_words(Table::Alone, "alone"));

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
    (exp, Forms::table(Table::Abbreviations, forms))
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
    fn lower_is_the_first_char_of_std_lower_case() {
        for c in (0..=0x2FFFu32).filter_map(char::from_u32) {
            let std_lower = c.to_lowercase().next().unwrap_or(c);
            assert_eq!(lower(c), std_lower, "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn first_word_in_a_buffer_is_the_first_word() {
        let mut buf = [0; MAX_WORD];
        for s in ["Ủy ban", "TT&TT", "ĐỒNG chí", "", " x", "Đ/c", "Sở"] {
            assert_eq!(first_word_in(s, &mut buf), Some(first_word(s).as_bytes()));
        }
        let long = "ế".repeat(MAX_WORD);
        assert_eq!(first_word_in(&long, &mut buf), None);
    }

    #[test]
    fn second_words_of_forms_and_text() {
        assert_eq!(
            second_word("Ban Chỉ đạo").as_deref(),
            Some("chỉ".as_bytes())
        );
        assert_eq!(second_word("TT&TT"), None);
        assert_eq!(
            second_word("Kế hoạch - Đầu tư").as_deref(),
            Some("hoạch".as_bytes())
        );
        assert_eq!(second_word("Sở"), None);
        let (end, i) = BODIES.forms.longest("Ban Chỉ đạo tỉnh", 0).unwrap();
        assert_eq!(
            (end, BODIES.entries[i].name),
            ("Ban Chỉ đạo".len(), "Ban Chỉ đạo")
        );
        assert_eq!(BODIES.forms.longest("ban hành", 0), None);
    }

    #[test]
    fn longest_agrees_with_trying_every_form_of_the_first_word() {
        let texts = [
            "Ban  CHỈ đạo tỉnh, Ban-Chỉ huy, Ban (x) Ban\nChỉ đạo Ban\u{a0}Tuyên giáo",
            "Sở TT & TT, Sở Kế hoạch-Đầu tư, SỞ KẾ HOẠCH VÀ ĐẦU TƯ; Phó Chủ tịch UBND",
            "Ủy ban nhân dân, UỶ BAN NHÂN DÂN, Uy ban nhân dân; ban hành; Bộ Y tế",
            "Đảng ủy, Mặt trận Tổ quốc Việt Nam; thị xã, TP. Huế; Chi cục Thuế",
            "Ban Quản lý dự án; ban quản lý; Ban Chỉ đạo 389; Ban\u{301} x; Đ/c Hà",
        ];
        let tables: [&Forms; 8] = [
            &BODIES.forms,
            &SECTORS.forms,
            &POSTS.forms,
            &PLURALS.forms,
            &LEVELS.forms,
            &QUALIFIERS.forms,
            &ALONE.forms,
            &ABBREVIATIONS.1,
        ];
        let mut found = 0;
        for t in texts {
            let text = Text::new(t);
            for at in 0..=t.len() {
                for forms in tables {
                    let plain = t.get(at..).and_then(|s| {
                        forms
                            .by_word
                            .get(first_word(s).as_bytes())?
                            .iter()
                            .find_map(|f| eat(t, at, &f.text, f.exact).map(|e| (e, f.entry)))
                    });
                    assert_eq!(forms.longest_in(&text, at), plain, "{}", &t[at..]);
                    assert_eq!(forms.longest(t, at), plain, "{}", &t[at..]);
                    found += usize::from(plain.is_some());
                }
            }
        }
        assert!(found > 30, "{found}");
    }

    #[test]
    fn eat_in_agrees_with_eat() {
        let phrases = [
            ("Văn phòng", false),
            ("VP", true),
            ("các", false),
            ("thành viên", false),
            ("Trung ương", false),
            ("TW", true),
            ("trên địa bàn", false),
            ("trực thuộc", false),
            ("và", false),
        ];
        let t = "Văn phòng UBND, VĂN PHÒNG; văn\nphòng, VP, vp, VPx, CÁC sở, cácx, các\u{301}, \
                 Thành viên, thành  viên, thànhviên, Trung ương, TW, Tw, trên địa bàn, \
                 trực thuộc; và, VÀ, vàng, Đ/c, ủy";
        let text = Text::new(t);
        let mut found = 0;
        for at in (0..t.len()).filter(|&i| t.is_char_boundary(i)) {
            for (p, exact) in phrases {
                let plain = eat(t, at, p, exact);
                assert_eq!(eat_in(&text, at, p, exact), plain, "{p} at {}", &t[at..]);
                found += usize::from(plain.is_some());
            }
            assert_eq!(
                text.with_first_word(at, |w, _, _| w.map(<[u8]>::to_vec)),
                Some(first_word(&t[at..]).into_bytes())
            );
        }
        assert!(found >= 12, "{found}");
    }

    #[test]
    fn every_table_is_known_by_its_first_words() {
        assert_eq!(Table::ALL.len(), Table::Honorifics as usize + 1);
        for (i, table) in Table::ALL.into_iter().enumerate() {
            assert_eq!(table as usize, i);
            for w in table.forms().first_words() {
                assert_ne!(TABLES_BY_WORD[w] & table.bit(), 0, "{table:?}");
            }
        }
        assert_eq!(Forms::new([(0, "Sở")]).bit, 0);
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
