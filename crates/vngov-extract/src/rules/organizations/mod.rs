//! State and Party bodies: a lexicon and a grammar of their names.
//!
//! The lexicon is reviewed data read with `include_str!`:
//!
//! | file | what |
//! |---|---|
//! | `sectors.tsv` | sector names a `Sở`/`Bộ`/`Phòng`/`Cục`… takes, with abbreviations (`TT&TT`, `KH&ĐT`, `NN&PTNT`), post-2025 names included |
//! | `bodies.tsv` | bodies with a fixed name (UBND, HĐND, Tỉnh ủy, Ban Tuyên giáo, MTTQ, Công an, Kho bạc Nhà nước, Ban Chỉ đạo…) and what may follow them |
//! | `classes.tsv` | words of classes of bodies ("các sở, ban, ngành", "cấp xã") |
//! | `posts.txt` | posts naming a person by office (Chủ tịch, Giám đốc, Thủ trưởng…) |
//! | `abbreviations.tsv`, `surnames.txt` | abbreviations inside names; family names |
//!
//! [`grammar`] reads `<kind> <name> <place>` at a byte offset. The public API other
//! families use: [`party_at`] (the body, class or person named at an offset),
//! [`scan`] (every one in a text), [`canonical`] (a written name with its
//! abbreviations expanded), and [`extract`], which fills the record's
//! `organizations`.

pub mod grammar;
pub mod lexicon;

#[cfg(test)]
mod tests;

use vngov_record::{Mention, Organization};

use crate::Doc;
pub use grammar::{party_at, OrgRef, Party, PartyKind};

/// Every body, class and person named in `t`, in text order, none overlapping (the
/// longest reading at each word wins).
pub fn scan(t: &str) -> Vec<Party> {
    let mut out = Vec::new();
    let mut i = 0;
    // The character before `i`: a word starts where it is not a letter or digit,
    // nor `/` or `-` (see `grammar::word_start`).
    let mut prev: Option<char> = None;
    while let Some(c) = t[i..].chars().next() {
        let starts = lexicon::is_alnum(c)
            && !prev.is_some_and(|p| lexicon::is_alnum(p) || p == '/' || p == '-');
        if starts {
            if let Some(p) = grammar::party_at_word(t, i) {
                i = p.range.end;
                prev = t[..i].chars().next_back();
                out.push(p);
                continue;
            }
        }
        prev = Some(c);
        i += c.len_utf8();
    }
    out
}

/// A written name with the bodies in it in canonical form and abbreviations
/// expanded: "Sở TT&TT" → "Sở Thông tin và Truyền thông", "UBND TP Thái Nguyên" →
/// "Ủy ban nhân dân thành phố Thái Nguyên", "các Ban QLDA chuyên ngành tỉnh" →
/// "các Ban Quản lý dự án chuyên ngành tỉnh".
pub fn canonical(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if grammar::word_start(s, i) {
            if let Some(p) = grammar::body_at(s, i, false)
                .into_iter()
                .chain(grammar::person_at(s, i))
                .max_by_key(|p| p.range.end)
            {
                // A body's descriptive part keeps its words as written
                // ("Ban Chỉ đạo CNTT tỉnh"): expand what is abbreviated there too.
                out.push_str(&expand_abbreviations(&p.name));
                i = p.range.end;
                continue;
            }
        }
        i = push_word_or_abbreviation(s, i, &mut out);
    }
    grammar::squash(&out)
}

/// `s` with every abbreviated word written in full ("CNTT" → "công nghệ thông tin").
fn expand_abbreviations(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        i = push_word_or_abbreviation(s, i, &mut out);
    }
    out
}

/// Pushes the abbreviation starting at `i` written in full, or the character at
/// `i`; returns where to go on.
fn push_word_or_abbreviation(s: &str, i: usize, out: &mut String) -> usize {
    if grammar::word_start(s, i) {
        if let Some((e, exp)) = grammar::expand_abbreviation(s, i) {
            out.push_str(exp);
            return e;
        }
    }
    let c = s[i..].chars().next().unwrap_or(' ');
    out.push(c);
    i + c.len_utf8()
}

/// Every body the document names, once each by canonical name, with the forms
/// written and every mention; bodies inside a person's post ("Giám đốc Sở Tài
/// chính") and a class ("các Vụ, Cục thuộc Ngân hàng Nhà nước") count.
pub fn extract(doc: &Doc) -> Vec<Organization> {
    let t = doc.text();
    let mut out: Vec<Organization> = Vec::new();
    for p in scan(t) {
        let Some(org) = p.org else { continue };
        let ev = doc.evidence(org.range.clone());
        let mention = Mention {
            text: ev.text.clone(),
            span: ev.span,
            source_span: ev.span,
        };
        let key = vngov_text::fold(&org.name);
        match out.iter_mut().find(|o| vngov_text::fold(&o.name) == key) {
            Some(o) => {
                if !o.forms.contains(&mention.text) {
                    o.forms.push(mention.text.clone());
                }
                o.mentions.push(mention);
            }
            None => out.push(Organization {
                name: org.name,
                kind: org.kind,
                forms: vec![mention.text.clone()],
                mentions: vec![mention],
                evidence: ev,
            }),
        }
    }
    out
}
