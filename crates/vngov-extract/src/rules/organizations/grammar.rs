//! The grammar of a body's name: `<kind> <name> <place>`.
//!
//! - a department or ministry: a head (`Sở`, `Bộ`, `Phòng`, `Chi cục`, `Cục`, `Vụ`)
//!   and a sector name from `sectors.tsv` ("Sở TT&TT", "phòng Nội vụ", "STTTT");
//! - a fixed body from `bodies.tsv` and what may follow it: a place ("UBND huyện Bắc
//!   Hà"), an owner ("Ban Tuyên giáo Tỉnh ủy"), a descriptive name ("Ban Chỉ đạo công
//!   nghệ thông tin tỉnh Bình Định");
//! - an office: `Văn phòng` + a body ("Văn phòng UBND tỉnh");
//! - a class: "các" + nouns of `classes.tsv` + qualifiers ("các sở, ban, ngành",
//!   "các cơ quan, đơn vị liên quan", "các Vụ, Cục thuộc Ngân hàng Nhà nước"), a body
//!   over a class of places ("UBND các huyện, thị xã, thành phố"), a level ("cấp xã");
//! - a person by post: a post from `posts.txt`, the body or class it heads, and maybe
//!   a name ("Giám đốc Sở Công Thương", "Chủ tịch UBND tỉnh Lê Thanh Cung").

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use vngov_record::OrganizationKind;
use vngov_text::chars::{is_letter_or_digit, is_lower, is_upper};

use super::lexicon::{
    eat_in, skip_ws, Follow, Forms, Table, Text, ABBREVIATIONS, ALONE, BODIES, LEVELS, PLURALS,
    POSTS, QUALIFIERS, SECTORS, SURNAMES,
};

/// What a matched party is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartyKind {
    /// One named body.
    Body,
    /// A class of bodies.
    Class,
    /// A person, by post or name.
    Person,
}

/// A body inside a match: the body itself, the body a person heads, the body a
/// class belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgRef {
    /// Byte range of the body's words.
    pub range: Range<usize>,
    /// Canonical name.
    pub name: String,
    /// What sort of body.
    pub kind: OrganizationKind,
}

/// A body, class or person named at some offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    /// Byte range of the words.
    pub range: Range<usize>,
    /// Canonical name, abbreviations expanded.
    pub name: String,
    /// Body, class or person.
    pub kind: PartyKind,
    /// The body named inside, if any.
    pub org: Option<OrgRef>,
}

/// Heads that take a sector name, and the kind of body they make.
pub(super) const SECTOR_HEADS: &[(&str, OrganizationKind)] = &[
    ("Sở", OrganizationKind::Department),
    ("Bộ", OrganizationKind::Central),
    ("Phòng", OrganizationKind::Department),
    ("Chi cục", OrganizationKind::Department),
    ("Tổng cục", OrganizationKind::Central),
    ("Cục", OrganizationKind::Central),
    ("Vụ", OrganizationKind::Central),
];

/// Honorifics before a post or a name.
pub(super) const HONORIFICS: &[&str] = &["đồng chí", "Đ/c", "đ/c", "ông", "bà"];

/// [`SECTOR_HEADS`] looked up by their first word. No two heads share one, so at
/// an offset at most one head can match: the one found here.
pub(super) static HEAD_FORMS: LazyLock<Forms> = LazyLock::new(|| {
    Forms::table(
        Table::SectorHeads,
        SECTOR_HEADS.iter().enumerate().map(|(i, (h, _))| (i, *h)),
    )
});

/// [`SECTOR_HEADS`] in the plural, lower-cased ("các sở"), as [`sector_list`]
/// wants a class to end.
static PLURAL_HEADS: LazyLock<Vec<String>> = LazyLock::new(|| {
    SECTOR_HEADS
        .iter()
        .map(|(h, _)| format!("các {}", h.to_lowercase()))
        .collect()
});

/// [`HONORIFICS`] looked up by their first word. Those sharing one differ only in
/// case and match alike, so the one found here is the first in the list to match.
pub(super) static HONORIFIC_FORMS: LazyLock<Forms> =
    LazyLock::new(|| Forms::table(Table::Honorifics, HONORIFICS.iter().copied().enumerate()));

/// Bodies, posts, levels and sector heads: where the text's first word starts
/// none of these, [`is_head_word`] is false.
const HEAD_TABLES: [Table; 4] = [
    Table::Bodies,
    Table::Posts,
    Table::Levels,
    Table::SectorHeads,
];

/// Whether byte `i` of `t` starts a word.
/// A code glued to a slash or hyphen ("52/TB-UBND") does not start one.
pub fn word_start(t: &str, i: usize) -> bool {
    t.is_char_boundary(i)
        && t[i..].chars().next().is_some_and(is_letter_or_digit)
        && !t[..i]
            .chars()
            .next_back()
            .is_some_and(|c| is_letter_or_digit(c) || c == '/' || c == '-')
}

/// The longest party named at byte `at` of `t`.
pub fn party_at(t: &str, at: usize) -> Option<Party> {
    if !word_start(t, at) {
        return None;
    }
    party_at_word(&Text::new(t), at)
}

/// [`party_at`] where `at` is known to start a word.
pub(super) fn party_at_word(t: &Text, at: usize) -> Option<Party> {
    if !may_open(t, at) {
        return None;
    }
    [person_in(t, at), body_in(t, at, false), class_in(t, at)]
        .into_iter()
        .flatten()
        .max_by_key(|p| p.range.end)
}

/// The tables whose phrases, with those of [`OPENING_WORDS`], are every phrase
/// the grammar may open a party with, but a capitalized name: each rule starts by
/// matching one of these at `at` or gives up — `body_at` "Văn phòng"/"VP", a
/// sector head or a fixed body; `class_at` "các", "thành viên" or a class named
/// alone; `person_at` an honorific, a post, or else (`named_person`) a proper
/// name.
const OPENING_TABLES: [Table; 5] = [
    Table::Bodies,
    Table::Posts,
    Table::Alone,
    Table::Honorifics,
    Table::SectorHeads,
];

/// The first words of the opening phrases in no table: "Văn phòng", "VP", "các",
/// "thành viên". A phrase only matches where the text's first word, lower-cased,
/// is the phrase's (see [`Forms`]).
pub(super) const OPENING_WORDS: [&str; 4] = ["văn", "vp", "các", "thành"];

/// Whether any rule of [`party_at`] can match at word start `at`; when not, the
/// grammar is not run. Besides an opening phrase ([`OPENING_TABLES`],
/// [`OPENING_WORDS`]), a word starting with `S` may be a
/// department glued to a sector ("STTTT"), and two capitalized words (or numbers,
/// which `proper_name` takes too) may open a name before a post ("Tống Quang
/// Thìn, TVTU, Phó Chủ tịch…"): `person_name` wants two words of `proper_name`,
/// the second after a space.
pub(super) fn may_open(t: &Text, at: usize) -> bool {
    let s = &t[at..];
    if s.starts_with('S') {
        return true;
    }
    let (fixed, tables) = t.with_first_word(at, |w, _, tables| {
        let fixed = w.is_some_and(|w| OPENING_WORDS.iter().any(|o| o.as_bytes() == w));
        (fixed, tables & Table::bits(&OPENING_TABLES))
    });
    if fixed {
        return true;
    }
    // A table's phrase whole, not its first word alone: "tỉnh" starts "Tỉnh ủy",
    // but no party in "tỉnh Bình Định".
    if tables != 0
        && OPENING_TABLES
            .iter()
            .any(|table| tables & table.bit() != 0 && table.forms().longest_in(t, at).is_some())
    {
        return true;
    }
    // A title-cased word or a number starts with a capital or a digit: most words
    // are turned away without reading them whole.
    if !s.starts_with(|c: char| is_upper(c) || c.is_ascii_digit()) {
        return false;
    }
    match word(t, at) {
        Some((w, e)) if is_title(w) && t[e..].starts_with(' ') => {
            word(t, skip_ws(t, e)).is_some_and(|(w, _)| is_title(w))
        }
        _ => false,
    }
}

/// One word of `t` at `i` (letters, digits, `&`, `/`, `.` inside), and its end.
fn word(t: &str, i: usize) -> Option<(&str, usize)> {
    let s = &t[i..];
    let bytes = s.as_bytes();
    let mut len = 0;
    while let Some(&b) = bytes.get(len) {
        // ASCII bytes, most of a word's, need no decoding.
        if b.is_ascii() {
            if !(b.is_ascii_alphanumeric() || b == b'&') {
                break;
            }
            len += 1;
            continue;
        }
        match s[len..].chars().next() {
            Some(c) if is_letter_or_digit(c) => len += c.len_utf8(),
            _ => break,
        }
    }
    (len > 0).then(|| (&s[..len], i + len))
}

fn is_title(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(is_upper) && c.clone().all(is_lower)
        || w.chars().all(|c| c.is_ascii_digit())
}

/// `at` after whitespace, when there is some.
fn after_ws(t: &str, at: usize) -> Option<usize> {
    let i = skip_ws(t, at);
    (i > at && i < t.len()).then_some(i)
}

/// A proper name (one to four capitalized words) at `at`, and its end.
fn proper_name(t: &Text, at: usize) -> Option<usize> {
    let mut end = None;
    let mut i = at;
    for n in 0..4 {
        if n > 0 {
            match t[i..].chars().next() {
                Some(' ') => i = skip_ws(t, i),
                _ => break,
            }
        }
        let Some((w, e)) = word(t, i) else { break };
        if !is_title(w) || is_head_word(t, i) {
            break;
        }
        end = Some(e);
        i = e;
    }
    end
}

/// Whether a body, post or level starts at `i` (so a name stops before it).
fn is_head_word(t: &Text, i: usize) -> bool {
    if !t.with_first_word(i, |w, _, tables| {
        w.is_some() && tables & Table::bits(&HEAD_TABLES) != 0
    }) {
        return false;
    }
    BODIES.forms.longest_in(t, i).is_some()
        || POSTS.forms.longest_in(t, i).is_some()
        || LEVELS.forms.longest_in(t, i).is_some()
        || HEAD_FORMS.longest_in(t, i).is_some()
}

/// A level word ("tỉnh", "TP", "thị xã") at `at`: its end and canonical spelling.
fn level_at(t: &Text, at: usize) -> Option<(usize, &'static str)> {
    if let Some((e, i)) = LEVELS.forms.longest_in(t, at) {
        return Some((e, LEVELS.names[i]));
    }
    let (e, i) = ABBREVIATIONS.1.longest_in(t, at)?;
    let exp = ABBREVIATIONS.0[i];
    let e = if t[e..].starts_with('.') { e + 1 } else { e };
    LEVELS.names.iter().find(|l| **l == exp).map(|l| (e, *l))
}

/// A place after a body: "tỉnh", "huyện Bắc Hà", "TP Thái Nguyên", "Trung ương",
/// or a class of places ("các huyện, thị xã, thành phố", "cấp huyện"). Returns its
/// end, its canonical words, and whether it makes the body a class.
fn place_at(t: &Text, at: usize, person: bool) -> Option<(usize, String, bool)> {
    let i = after_ws(t, at)?;
    if let Some(e) = eat_in(t, i, "Trung ương", false).or_else(|| eat_in(t, i, "TW", true)) {
        return Some((e, "Trung ương".into(), false));
    }
    if let Some(e) = eat_in(t, i, "cấp", false) {
        let j = after_ws(t, e)?;
        let (e, l) = level_at(t, j)?;
        return Some((e, format!("cấp {l}"), true));
    }
    if let Some(e) = eat_in(t, i, "các", false) {
        // "UBND các cấp".
        if let Some(c) = after_ws(t, e).and_then(|j| eat_in(t, j, "cấp", false)) {
            return Some((c, "các cấp".into(), true));
        }
        let (e, words) = level_list(t, e)?;
        let (e, q) = qualifiers(t, e);
        return Some((e, format!("các {words}{q}"), true));
    }
    let (e, level) = level_at(t, i)?;
    let Some(j) = after_ws(t, e).filter(|_| t[e..].starts_with(' ')) else {
        return Some((e, level.into(), false));
    };
    let name_end = proper_name(t, j).map(|ne| province_prefix(t, j, ne, level).unwrap_or(ne));
    match name_end {
        Some(ne) if !person || place_name_ok(&t[j..ne], level) => {
            Some((ne, format!("{level} {}", squash(&t[j..ne])), false))
        }
        _ => Some((e, level.into(), false)),
    }
}

/// After "tỉnh" or "thành phố", the longest run of the name's words that is a
/// province ("thành phố Hà Nội Quý I" → "Hà Nội").
fn province_prefix(t: &str, j: usize, ne: usize, level: &str) -> Option<usize> {
    if !matches!(level, "tỉnh" | "thành phố") {
        return None;
    }
    let mut ends: Vec<usize> = t[j..ne]
        .match_indices(' ')
        .map(|(k, _)| j + k)
        .chain([ne])
        .collect();
    ends.reverse();
    ends.into_iter().find(|&e| {
        let key = vngov_text::fold(&squash(&t[j..e]));
        crate::rules::province::lexicon::PROVINCES
            .iter()
            .any(|p| p.keys.contains(&key))
    })
}

/// After a post, capitalized words after "tỉnh" are a place only when they name a
/// province; after another level, unless they start with a family name.
fn place_name_ok(name: &str, level: &str) -> bool {
    if matches!(level, "tỉnh" | "thành phố") {
        let key = vngov_text::fold(name);
        return crate::rules::province::lexicon::PROVINCES
            .iter()
            .any(|p| p.keys.contains(&key));
    }
    let first = name.split_whitespace().next().unwrap_or("");
    !SURNAMES.contains(&first)
}

/// "huyện, thị xã, thành phố" after "các": its end and words.
fn level_list(t: &Text, at: usize) -> Option<(usize, String)> {
    let i = after_ws(t, at)?;
    let (mut end, l) = level_at(t, i)?;
    let mut out = l.to_string();
    while let Some((sep, j)) = separator(t, end) {
        let Some((e, l)) = level_at(t, j) else { break };
        out.push_str(sep);
        out.push_str(l);
        end = e;
    }
    Some((end, out))
}

/// A post written bare at byte `at`, before a list separator ("Bí thư, Chủ tịch
/// UBND các tỉnh"): its end and canonical name. A post followed by the body it
/// heads is a person ([`person_at`]), not a bare post.
pub fn bare_post_at(t: &str, at: usize) -> Option<(usize, &'static str)> {
    if !word_start(t, at) {
        return None;
    }
    let text = Text::new(t);
    let (e, p) = POSTS.forms.longest_in(&text, at)?;
    let rest = t[e..].trim_start();
    (rest.starts_with(',') || rest.starts_with("và ")).then_some((e, POSTS.names[p]))
}

/// A list separator after `at` (", ", " và ", ", và "), and where the next item
/// starts.
fn separator(t: &Text, at: usize) -> Option<(&'static str, usize)> {
    let i = skip_ws(t, at);
    if t[i..].starts_with(',') {
        let j = skip_ws(t, i + 1);
        if let Some(e) = eat_in(t, j, "và", false) {
            return Some((", và ", after_ws(t, e)?));
        }
        return (j < t.len()).then_some((", ", j));
    }
    if i > at {
        if let Some(e) = eat_in(t, i, "và", false) {
            return Some((" và ", after_ws(t, e)?));
        }
    }
    None
}

/// Qualifiers narrowing a class ("liên quan", "chức năng", "thuộc Ngân hàng Nhà
/// nước", "trên địa bàn tỉnh"): the end and the words, with a leading space.
fn qualifiers(t: &Text, at: usize) -> (usize, String) {
    let mut end = at;
    let mut out = String::new();
    while let Some(i) = after_ws(t, end).filter(|_| t[end..].starts_with([' ', '\n'])) {
        if let Some((e, q)) = QUALIFIERS.forms.longest_in(t, i) {
            out.push(' ');
            out.push_str(QUALIFIERS.names[q]);
            end = e;
            continue;
        }
        if let Some(e) = eat_in(t, i, "thuộc", false).or_else(|| eat_in(t, i, "trực thuộc", false))
        {
            if let Some(b) = after_ws(t, e).and_then(|j| body_in(t, j, false)) {
                out.push_str(&format!(" {} {}", squash(&t[i..e]), b.name));
                end = b.range.end;
                continue;
            }
        }
        if let Some(e) = eat_in(t, i, "trên địa bàn", false) {
            if let Some((pe, p, _)) = place_at(t, e, false) {
                out.push_str(&format!(" trên địa bàn {p}"));
                end = pe;
                continue;
            }
        }
        break;
    }
    (end, out)
}

/// Whitespace runs as one space.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A body named at `at`. `person` says a post comes before it, so that capitalized
/// words after the place may be the person's name.
pub fn body_at(t: &str, at: usize, person: bool) -> Option<Party> {
    body_in(&Text::new(t), at, person)
}

/// [`body_at`], with the words `t` has read.
pub(super) fn body_in(t: &Text, at: usize, person: bool) -> Option<Party> {
    if !word_start(t, at) {
        return None;
    }
    let mut best: Option<Party> = None;
    let mut consider = |p: Party| {
        if best.as_ref().map_or(true, |b| p.range.end > b.range.end) {
            best = Some(p);
        }
    };
    // An office of another body.
    for head in ["Văn phòng", "VP"] {
        if let Some(e) = eat_in(t, at, head, head == "VP") {
            if let Some(inner) = after_ws(t, e).and_then(|j| body_in(t, j, person)) {
                if inner.kind == PartyKind::Body {
                    let kind = inner
                        .org
                        .as_ref()
                        .map_or(OrganizationKind::Other, |o| o.kind);
                    consider(body(
                        at..inner.range.end,
                        format!("Văn phòng {}", inner.name),
                        kind,
                    ));
                }
            }
        }
    }
    // A department or ministry of a sector.
    if let Some((e, h)) = HEAD_FORMS.longest_in(t, at) {
        let (head, kind) = SECTOR_HEADS[h];
        // "cơ sở xây dựng" is not a department: a lower-case head needs a
        // capitalized sector name.
        let head_lower = t[at..].starts_with(is_lower);
        let sector = after_ws(t, e)
            .filter(|&j| !(head_lower && t[j..].starts_with(is_lower)))
            .and_then(|j| SECTORS.forms.longest_in(t, j));
        if let Some((se, s)) = sector {
            let name = format!("{head} {}", SECTORS.names[s]);
            consider(with_place(t, at, se, name, kind, person));
        }
    }
    // "STTTT": the letter S glued to a sector's abbreviation.
    if t[at..].starts_with('S') {
        if let Some((se, s)) = SECTORS.forms.longest_in(t, at + 1) {
            let written = &t[at + 1..se];
            if !written.chars().any(is_lower) {
                let name = format!("Sở {}", SECTORS.names[s]);
                consider(body(at..se, name, OrganizationKind::Department));
            }
        }
    }
    // A body with a fixed name.
    if let Some((e, i)) = BODIES.forms.longest_in(t, at) {
        let entry = &BODIES.entries[i];
        let name = entry.name.to_string();
        let p = match entry.follow {
            Follow::Place => with_place(t, at, e, name, entry.kind, person),
            Follow::Nothing => body(at..e, name, entry.kind),
            Follow::Owner => match after_ws(t, e).and_then(|j| body_in(t, j, person)) {
                Some(o) if o.kind == PartyKind::Body && t[e..o.range.start].trim().is_empty() => {
                    body(at..o.range.end, format!("{name} {}", o.name), entry.kind)
                }
                _ => with_place(t, at, e, name, entry.kind, person),
            },
            Follow::Name => {
                let (ne, words) = descriptive_name(t, e);
                let name = if words.is_empty() {
                    name
                } else {
                    format!("{name} {words}")
                };
                with_place(t, at, ne, name, entry.kind, person)
            }
        };
        consider(p);
    }
    best
}

fn body(range: Range<usize>, name: String, kind: OrganizationKind) -> Party {
    Party {
        org: Some(OrgRef {
            range: range.clone(),
            name: name.clone(),
            kind,
        }),
        range,
        name,
        kind: PartyKind::Body,
    }
}

/// The body ending at `end`, with the place after it when there is one.
fn with_place(
    t: &Text,
    at: usize,
    end: usize,
    name: String,
    kind: OrganizationKind,
    person: bool,
) -> Party {
    match place_at(t, end, person) {
        Some((pe, place, true)) => Party {
            range: at..pe,
            name: format!("{name} {place}"),
            kind: PartyKind::Class,
            org: None,
        },
        Some((pe, place, false)) => body(at..pe, format!("{name} {place}"), kind),
        None => body(at..end, name, kind),
    }
}

/// The descriptive name of a steering committee or project board: capitalized
/// words and parenthesized abbreviations are taken as they come; lower-case words
/// only when a place closes them within ten words — a place with a proper name
/// ("công nghệ thông tin (CNTT) tỉnh Bình Định"), or a bare level when the words
/// hold no verb ("đầu tư xây dựng các công trình giao thông tỉnh"). Returns the end
/// (before any place) and the words.
fn descriptive_name(t: &Text, at: usize) -> (usize, String) {
    let mut safe = at;
    let mut i = at;
    let mut lower_words = 0;
    let mut after_capital = false;
    loop {
        if let Some((_, place, false)) = place_at(t, i, false) {
            let named = !LEVELS.names.contains(&place.as_str());
            if named || lower_words == 0 || !has_verb(&t[safe..i]) {
                safe = i;
            }
            break;
        }
        let Some(j) = after_ws(t, i).filter(|_| t[i..].starts_with(' ')) else {
            break;
        };
        if t[j..].starts_with('(') {
            match t[j..].find(')') {
                Some(k) if k < 24 => {
                    i = j + k + 1;
                    if lower_words == 0 {
                        safe = i;
                    }
                    continue;
                }
                _ => break,
            }
        }
        let Some((w, e)) = word(t, j) else { break };
        if is_head_word(t, j) && !is_title(w) {
            break;
        }
        let capital = w.chars().next().is_some_and(is_upper);
        if capital && (lower_words == 0 || (lower_words <= 4 && !has_verb(&t[safe..j]))) {
            // "Chương trình CNTT": a few lower-case words between capitalized ones.
            lower_words = 0;
            i = e;
            safe = e;
            after_capital = true;
            continue;
        }
        // A proper name goes on in lower case after its first word ("Chi cục Quản
        // lý đất đai"), up to a word that no name holds.
        if after_capital
            && lower_words < 4
            && !FUNCTION_WORDS.contains(&w)
            && !has_verb(&t[j..skip_ws(t, e).max(e)])
            && !has_verb(&format!(
                "{w} {}",
                word(t, skip_ws(t, e)).map_or("", |(n, _)| n)
            ))
        {
            lower_words += 1;
            i = e;
            safe = e;
            continue;
        }
        after_capital = false;
        lower_words += 1;
        if lower_words > 10 {
            break;
        }
        i = e;
    }
    (safe, squash(&PARENTHESES.replace_all(&t[at..safe], " ")))
}

/// Words no proper name of a body holds: they end one written in lower case after
/// its first word.
const FUNCTION_WORDS: &[&str] = &[
    "của", "và", "với", "về", "tại", "trong", "để", "theo", "cho", "từ", "đến", "các", "những",
    "đã", "được", "là", "có", "cần", "phải", "sẽ", "đang", "thì", "mà", "này", "đó", "trên",
    "dưới", "như", "nhằm", "vào", "ra", "cũng", "vừa", "khi", "sau", "trước", "bị", "do", "bởi",
    "cùng", "không", "đề", "chuẩn", "dự", "tham",
];

/// A parenthesized abbreviation, left out of a canonical name.
static PARENTHESES: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\([^)]*\)").unwrap());

/// Verbs that show lower-case words after a committee's name are a clause, not
/// part of the name ("Ban chỉ đạo tăng cường … trên địa bàn tỉnh").
const VERBS: &[&str] = &[
    "tăng cường",
    "thực hiện",
    "triển khai",
    "khẩn trương",
    "chủ trì",
    "phối hợp",
    "báo cáo",
    "tham mưu",
    "rà soát",
    "hoàn thành",
    "chỉ đạo",
    "tổ chức",
    "có",
    "cần",
    "phải",
    "đã",
    "được",
    "là",
    "họp",
    "tiếp tục",
];

fn has_verb(words: &str) -> bool {
    let w = format!(" {} ", squash(words).to_lowercase());
    VERBS_SPACED.iter().any(|v| w.contains(v.as_str()))
}

/// [`VERBS`] with a space on each side, as [`has_verb`] looks for them.
static VERBS_SPACED: LazyLock<Vec<String>> =
    LazyLock::new(|| VERBS.iter().map(|v| format!(" {v} ")).collect());

/// A class of bodies at `at`.
pub fn class_at(t: &str, at: usize) -> Option<Party> {
    class_in(&Text::new(t), at)
}

/// [`class_at`], with the words `t` has read.
pub(super) fn class_in(t: &Text, at: usize) -> Option<Party> {
    if !word_start(t, at) {
        return None;
    }
    let mut best: Option<Party> = None;
    let mut consider = |p: Party| {
        if best.as_ref().map_or(true, |b| p.range.end > b.range.end) {
            best = Some(p);
        }
    };
    // "các thành viên (trong) Ban chỉ đạo".
    let members_from = eat_in(t, at, "các", false)
        .and_then(|e| after_ws(t, e))
        .unwrap_or(at);
    if let Some(e) = eat_in(t, members_from, "thành viên", false) {
        let mut j = after_ws(t, e);
        if let Some(k) =
            j.and_then(|k| eat_in(t, k, "trong", false).or_else(|| eat_in(t, k, "của", false)))
        {
            j = after_ws(t, k);
        }
        if let Some(b) = j.and_then(|j| body_in(t, j, false)) {
            consider(Party {
                range: at..b.range.end,
                name: format!("{} {}", squash(&t[at..j.unwrap_or(e)]), b.name).replace("  ", " "),
                kind: PartyKind::Class,
                org: b.org.clone(),
            });
        }
    }
    // "các" + nouns + qualifiers ("các các", written twice, as once).
    let twice = eat_in(t, at, "các", false)
        .and_then(|e| after_ws(t, e))
        .and_then(|j| eat_in(t, j, "các", false));
    if let Some(e) = twice.or_else(|| eat_in(t, at, "các", false)) {
        if let Some(j) = after_ws(t, e) {
            if let Some(b) = body_in(t, j, false) {
                let (qe, q) = qualifiers(t, b.range.end);
                consider(Party {
                    range: at..qe,
                    name: format!("{} {}{q}", squash(&t[at..e]), b.name),
                    kind: PartyKind::Class,
                    org: None,
                });
            }
            if let Some((le, words)) = plural_list(t, j) {
                let (qe, q) = qualifiers(t, le);
                let org = (qe > le)
                    .then(|| {
                        // "thuộc X": the class belongs to a body.
                        let k = t[le..qe].find("thuộc")? + le;
                        let b =
                            after_ws(t, k + "thuộc".len()).and_then(|m| body_in(t, m, false))?;
                        b.org
                    })
                    .flatten();
                consider(Party {
                    range: at..qe,
                    name: format!("{} {words}{q}", squash(&t[at..e])),
                    kind: PartyKind::Class,
                    org,
                });
            }
        }
    }
    // A class named without "các".
    if let Some((e, i)) = ALONE.forms.longest_in(t, at) {
        let (qe, q) = qualifiers(t, e);
        let written = squash(&t[at..e]);
        let name = if written.starts_with(is_upper) {
            let mut c = ALONE.names[i].chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        } else {
            ALONE.names[i].to_string()
        };
        consider(Party {
            range: at..qe,
            name: format!("{name}{q}"),
            kind: PartyKind::Class,
            org: None,
        });
    }
    best
}

/// Nouns after "các", listed with commas, "và" or a space ("sở, ban, ngành",
/// "sở ngành", "huyện, thị xã, thành phố"). "địa phương" only opens a list: listed
/// after other nouns it is a class of its own.
fn plural_list(t: &Text, at: usize) -> Option<(usize, String)> {
    let noun = |i: usize| -> Option<(usize, &'static str)> {
        if let Some((e, n)) = PLURALS.forms.longest_in(t, i) {
            return Some((e, PLURALS.names[n]));
        }
        level_at(t, i)
    };
    let (mut end, first) = noun(at)?;
    let mut out = squash(&t[at..end]);
    if first == "địa phương" {
        return Some((end, out));
    }
    loop {
        let (sep, j) = match separator(t, end) {
            Some(s) => s,
            None => match after_ws(t, end) {
                Some(j) if t[end..j] == *" " => (" ", j),
                _ => break,
            },
        };
        let j = eat_in(t, j, "các", false)
            .and_then(|e| after_ws(t, e))
            .unwrap_or(j);
        match noun(j) {
            Some((_, "địa phương")) | None => break,
            Some((e, _)) => {
                out.push_str(sep);
                out.push_str(&squash(&t[j..e]));
                end = e;
            }
        }
    }
    Some((end, out))
}

/// A person by post at `at`: "Giám đốc Sở Công Thương", "Thủ trưởng các đơn vị liên
/// quan", "Chủ tịch UBND tỉnh Lê Thanh Cung", "Thủ tướng Chính phủ".
pub fn person_at(t: &str, at: usize) -> Option<Party> {
    person_in(&Text::new(t), at)
}

/// [`person_at`], with the words `t` has read.
pub(super) fn person_in(t: &Text, at: usize) -> Option<Party> {
    if !word_start(t, at) {
        return None;
    }
    let i = HONORIFIC_FORMS
        .longest_in(t, at)
        .and_then(|(e, _)| after_ws(t, e))
        .unwrap_or(at);
    let Some((pe, p)) = POSTS.forms.longest_in(t, i) else {
        return named_person(t, at, i, i > at);
    };
    let post = POSTS.names[p];
    let mut end = pe;
    let mut name = post.to_string();
    let mut org = None;
    if let Some(j) = after_ws(t, pe) {
        let heads = body_in(t, j, true)
            .into_iter()
            .chain(class_in(t, j))
            .max_by_key(|p| p.range.end);
        if let Some(h) = heads {
            name = format!("{post} {}", h.name);
            end = h.range.end;
            org = h.org.clone();
        }
    }
    if org.is_none() && post == "Thủ tướng" {
        name = "Thủ tướng Chính phủ".into();
    }
    // A name after the post and body.
    if let Some(j) = after_ws(t, end).filter(|_| t[end..].starts_with(' ')) {
        if let Some(ne) = person_name(t, j) {
            name = format!("{name} {}", squash(&t[j..ne]));
            end = ne;
        }
    }
    // The Government's head and deputies may be named by their post alone.
    if end == pe && post == "Phó Thủ tướng" {
        name = "Phó Thủ tướng Chính phủ".into();
    }
    if end == pe && !matches!(post, "Thủ tướng" | "Phó Thủ tướng") {
        return None;
    }
    Some(Party {
        range: at..end,
        name,
        kind: PartyKind::Person,
        org,
    })
}

/// A person named before the post ("đồng chí Đặng Xuân Thanh - Phó Chủ tịch UBND
/// tỉnh", "Tống Quang Thìn, TVTU, Phó Chủ tịch UBND tỉnh"), or by name alone after
/// an honorific ("đồng chí Lê Văn A").
fn named_person(t: &Text, at: usize, i: usize, honorific: bool) -> Option<Party> {
    let ne = person_name(t, i)?;
    let name = squash(&t[i..ne]);
    let mut j = ne;
    // A separator, then up to two abbreviated titles ("TVTU, "), then the post.
    for _ in 0..3 {
        let k = skip_ws(t, j);
        let Some(c) = t[k..]
            .chars()
            .next()
            .filter(|c| matches!(c, ',' | '-' | '–'))
        else {
            break;
        };
        let k = skip_ws(t, k + c.len_utf8());
        if let Some(p) = person_in(t, k).filter(|p| p.name.contains(' ') || p.org.is_some()) {
            if POSTS.forms.longest_in(t, k).is_some() {
                return Some(Party {
                    range: at..p.range.end,
                    name: format!("{} {name}", p.name),
                    kind: PartyKind::Person,
                    org: p.org,
                });
            }
        }
        match word(t, k) {
            Some((w, e)) if w.len() >= 2 && !w.chars().any(is_lower) => j = e,
            _ => break,
        }
    }
    honorific.then_some(Party {
        range: at..ne,
        name,
        kind: PartyKind::Person,
        org: None,
    })
}

/// A person's name: two to four capitalized words.
fn person_name(t: &Text, at: usize) -> Option<usize> {
    let e = proper_name(t, at)?;
    (t[at..e].split_whitespace().count() >= 2).then_some(e)
}

/// Abbreviations inside a name, expanded ("VP" → "Văn phòng", "TP" → "thành phố").
pub fn expand_abbreviation(t: &Text, at: usize) -> Option<(usize, &'static str)> {
    let (e, i) = ABBREVIATIONS.1.longest_in(t, at)?;
    Some((e, ABBREVIATIONS.0[i]))
}

/// "các sở: Công Thương, Tài chính, Xây dựng" (also after a post: "Giám đốc các sở:
/// …"): one party per sector listed after the colon, and the end of the list.
pub fn sector_list(t: &str, p: &Party) -> Option<(Vec<Party>, usize)> {
    let written = t[p.range.clone()].trim_end();
    let lower = written.to_lowercase();
    let head = SECTOR_HEADS
        .iter()
        .zip(PLURAL_HEADS.iter())
        .find_map(|(h, plural)| lower.ends_with(plural.as_str()).then_some(h))?;
    let prefix = if p.kind == PartyKind::Person {
        p.name
            .to_lowercase()
            .rfind(" các ")
            .map(|i| format!("{} ", &p.name[..i]))
            .unwrap_or_default()
    } else {
        String::new()
    };
    let mut i = skip_ws(t, p.range.end);
    if !t[i..].starts_with(':') {
        return None;
    }
    i = skip_ws(t, i + 1);
    let mut out = Vec::new();
    let mut end = i;
    let text = Text::new(t);
    while let Some((se, s)) = SECTORS.forms.longest_in(&text, i) {
        let body_name = format!("{} {}", head.0, SECTORS.names[s]);
        out.push(Party {
            range: p.range.start..se,
            name: format!("{prefix}{body_name}"),
            kind: if prefix.is_empty() {
                PartyKind::Body
            } else {
                PartyKind::Person
            },
            org: Some(OrgRef {
                range: i..se,
                name: body_name,
                kind: head.1,
            }),
        });
        end = se;
        match separator(&text, se) {
            Some((_, j)) => i = j,
            None => break,
        }
    }
    (!out.is_empty()).then_some((out, end))
}
