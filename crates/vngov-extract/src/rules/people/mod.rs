//! Named officials: every person the document names, once each, with their titles
//! and every place the name is written.
//!
//! Names and titles are read on tokens ([`tokens`]) with reviewed word lists
//! ([`lexicon`]): family names, words of address, positions and their
//! abbreviations, administrative units, the words bodies are named with. A name is
//! a family name and one to four more syllables ([`name`]); a title is a position
//! and the body it is held in ([`title`]). A capitalised name only counts as a
//! person where the text says so; each way it does is one rule, listed in
//! [`RULES`] and tried in order at every token:
//!
//! | rule | shape | example |
//! |---|---|---|
//! | [`listed`] | plural head, then names | "các Phó Chủ tịch UBND tỉnh: Võ Phiên, Trần Phước Hiền" |
//! | [`titled`] | titles, then the name | "Phó Chủ tịch UBND tỉnh Nguyễn Phi Long", "Thủ tướng Chính phủ Phạm Minh Chính" |
//! | [`addressed`] | word of address, name, titles | "Đồng chí Đặng Xuân Thanh, Phó Chủ tịch UBND tỉnh" |
//!
//! Then [`repeated`] finds the same names written again on their own.

pub mod addressed;
pub mod lexicon;
pub mod listed;
pub mod mention;
pub mod name;
pub mod repeated;
pub mod title;
pub mod titled;
pub mod tokens;

#[cfg(test)]
mod tests;

use vngov_record::{Mention, PersonFact, Span};

use crate::Doc;
pub use mention::PersonMention;
use tokens::Token;

/// A mention rule: the mentions starting at a token, and the token after them.
pub type Rule = fn(&[Token], &str, usize) -> Option<(Vec<PersonMention>, usize)>;

/// The registry, in the order the rules are tried at each token.
pub const RULES: &[(&str, Rule)] = &[
    ("listed", listed::find),
    ("titled", titled::find),
    ("addressed", addressed::find),
];

/// Whether some rule of [`RULES`] may find a mention starting at `t`: each starts
/// at a word of address, a title, or "các"/"những" before a title ([`listed`]).
/// Most tokens start none, and are turned away without trying each rule.
fn may_start(t: &Token) -> bool {
    let l = &*lexicon::LEXICON;
    l.honorifics.may_start(t)
        || l.positions.may_start(t)
        || l.title_abbreviations.may_start(t)
        || matches!(t.lower(), "các" | "những")
}

/// Every mention of a person, or of a title standing for one, in text order.
pub fn mentions(text: &str) -> Vec<PersonMention> {
    let toks = tokens::tokenize(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !may_start(&toks[i]) {
            i += 1;
            continue;
        }
        match RULES.iter().find_map(|(_, rule)| rule(&toks, text, i)) {
            Some((found, next)) if next > i => {
                out.extend(found);
                i = next;
            }
            _ => i += 1,
        }
    }
    let again = repeated::find(&toks, &out);
    out.extend(again);
    out.sort_by_key(|m| (m.range.start, m.range.end));
    out
}

/// The key two written forms of one name share ("PHẠM MINH CHÍNH", "Phạm Minh Chính").
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .map(tokens::lower_key)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The name a mention stands for: its own, or, for a title written alone, the one
/// person in the document named with that title.
pub fn resolve(m: &PersonMention, all: &[PersonMention]) -> Option<String> {
    if let Some(n) = &m.name {
        return Some(n.clone());
    }
    let title = m.titles.first()?;
    let mut found: Option<&String> = None;
    for o in all {
        if let Some(n) = o.name.as_ref().filter(|_| o.has_title(title)) {
            match found {
                Some(f) if name_key(f) != name_key(n) => return None,
                _ => found = Some(n),
            }
        }
    }
    found.cloned()
}

fn has_lower(s: &str) -> bool {
    s.chars().any(vngov_text::chars::is_lower)
}

/// Every named official, once each, in order of first mention: a person named
/// with a title, or addressed as a comrade ("đồng chí").
pub fn extract(doc: &Doc, mentions: &[PersonMention]) -> Vec<PersonFact> {
    let mut out: Vec<(String, PersonFact)> = Vec::new();
    for m in mentions {
        let (Some(name), Some(r)) = (&m.name, &m.name_range) else {
            continue;
        };
        let key = name_key(name);
        let written = &doc.text()[r.clone()];
        let mention = Mention {
            text: written.to_string(),
            span: Span(doc.char_offset(r.start), doc.char_offset(r.end)),
            source_span: Span(doc.char_offset(r.start), doc.char_offset(r.end)),
        };
        let i = match out.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                out.push((
                    key,
                    PersonFact {
                        name: name.clone(),
                        titles: Vec::new(),
                        honorific: None,
                        mentions: Vec::new(),
                        evidence: doc.evidence(r.clone()),
                    },
                ));
                out.len() - 1
            }
        };
        let p = &mut out[i].1;
        p.mentions.push(mention);
        if p.honorific.is_none() {
            p.honorific.clone_from(&m.honorific);
        }
        for t in &m.titles {
            match p.titles.iter().position(|o| mention::same_title(o, t)) {
                // Prefer the title as running text writes it to an upper-case heading.
                Some(i) if !has_lower(&p.titles[i].text) && has_lower(&t.text) => {
                    p.titles[i] = t.clone();
                }
                Some(_) => {}
                None => p.titles.push(t.clone()),
            }
        }
    }
    // An official has a title or is a comrade; "bà X" writing a petition is not one.
    out.into_iter()
        .map(|(_, p)| p)
        .filter(|p| {
            !p.titles.is_empty()
                || p.honorific
                    .as_deref()
                    .is_some_and(|h| matches!(h.to_lowercase().as_str(), "đồng chí" | "đ/c"))
        })
        .collect()
}
