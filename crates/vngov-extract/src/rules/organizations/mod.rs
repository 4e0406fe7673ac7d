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
    scan_with(t, |_| {})
}

/// [`scan`], calling `none_at` with every word start where it found no party.
fn scan_with(t: &str, mut none_at: impl FnMut(usize)) -> Vec<Party> {
    // A word starts at a letter or digit after a char that is none, nor `/` or
    // `-` (see `grammar::word_start`): a char "binds" the one after it.
    let binds = |c: char| vngov_text::chars::is_letter_or_digit(c) || c == '/' || c == '-';
    let text = lexicon::Text::new(t);
    let mut out = Vec::new();
    let bytes = t.as_bytes();
    let mut i = 0;
    let mut prev_binds = false;
    while let Some(&b) = bytes.get(i) {
        // ASCII bytes, most of a text's, need no decoding.
        let (letter, len) = if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = t[i..].chars().next().unwrap_or(' ');
            (vngov_text::chars::is_letter_or_digit(c), c.len_utf8())
        };
        if letter && !prev_binds {
            if let Some(p) = grammar::party_at_word(&text, i) {
                i = p.range.end;
                prev_binds = t[..i].chars().next_back().is_some_and(binds);
                out.push(p);
                continue;
            }
            none_at(i);
        }
        prev_binds = letter || b == b'/' || b == b'-';
        i += len;
    }
    out
}

/// The parties of one text, read once: [`scan`]'s list, and [`party_at`] at any
/// offset answered from what the scan already read where it can. Build one per
/// document and share it between the rules that read parties.
#[derive(Debug, Clone)]
pub struct PartyIndex<'t> {
    text: &'t str,
    parties: Vec<Party>,
    /// One bit per byte of the text: the scan found no party at that word start.
    none: Vec<u64>,
}

impl<'t> PartyIndex<'t> {
    /// Scans `text`.
    pub fn new(text: &'t str) -> Self {
        let mut none = vec![0u64; text.len().div_ceil(64)];
        let parties = scan_with(text, |i| none[i / 64] |= 1 << (i % 64));
        PartyIndex {
            text,
            parties,
            none,
        }
    }

    /// The text scanned.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// What [`scan`] returns for the text.
    pub fn parties(&self) -> &[Party] {
        &self.parties
    }

    /// `party_at(text, at)`, without running the grammar again at a word the scan
    /// read (all words but those inside a party it found).
    pub fn party_at(&self, at: usize) -> Option<Party> {
        let t = self.text;
        if !grammar::word_start(t, at) {
            return None;
        }
        if let Ok(k) = self.parties.binary_search_by_key(&at, |p| p.range.start) {
            return Some(self.parties[k].clone());
        }
        if self.none[at / 64] >> (at % 64) & 1 == 1 {
            return None;
        }
        grammar::party_at_word(&lexicon::Text::new(t), at)
    }

    /// The party of the scan that ends at byte `end`.
    pub fn ending_at(&self, end: usize) -> Option<&Party> {
        // The parties do not overlap, so their ends rise with their starts.
        let k = self.parties.partition_point(|p| p.range.end < end);
        self.parties.get(k).filter(|p| p.range.end == end)
    }
}

/// A written name with the bodies in it in canonical form and abbreviations
/// expanded: "Sở TT&TT" → "Sở Thông tin và Truyền thông", "UBND TP Thái Nguyên" →
/// "Ủy ban nhân dân thành phố Thái Nguyên", "các Ban QLDA chuyên ngành tỉnh" →
/// "các Ban Quản lý dự án chuyên ngành tỉnh".
pub fn canonical(s: &str) -> String {
    let text = lexicon::Text::new(s);
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if grammar::word_start(s, i) {
            if let Some(p) = grammar::body_in(&text, i, false)
                .into_iter()
                .chain(grammar::person_in(&text, i))
                .max_by_key(|p| p.range.end)
            {
                // A body's descriptive part keeps its words as written
                // ("Ban Chỉ đạo CNTT tỉnh"): expand what is abbreviated there too.
                out.push_str(&expand_abbreviations(&p.name));
                i = p.range.end;
                continue;
            }
        }
        i = push_word_or_abbreviation(&text, i, &mut out);
    }
    grammar::squash(&out)
}

/// `s` with every abbreviated word written in full ("CNTT" → "công nghệ thông tin").
fn expand_abbreviations(s: &str) -> String {
    let text = lexicon::Text::new(s);
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        i = push_word_or_abbreviation(&text, i, &mut out);
    }
    out
}

/// Pushes the abbreviation starting at `i` written in full, or the character at
/// `i`; returns where to go on.
fn push_word_or_abbreviation(s: &lexicon::Text, i: usize, out: &mut String) -> usize {
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
    extract_from(doc, &scan(doc.text()))
}

/// [`extract`] from the parties [`scan`] (or a [`PartyIndex`]) found in the
/// document's text, so that the text need not be scanned again.
pub fn extract_from(doc: &Doc, parties: &[Party]) -> Vec<Organization> {
    let mut out: Vec<Organization> = Vec::new();
    for p in parties {
        let Some(org) = p.org.clone() else { continue };
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
