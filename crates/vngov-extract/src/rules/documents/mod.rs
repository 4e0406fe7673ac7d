//! Official document numbers.
//!
//! One grammar ([`number`]) reads every shape a number takes — digits, a separator,
//! upper-case codes — with the spaces and look-alikes real text puts in them; the
//! rules below then decide the family, first match wins:
//!
//! | rule | shape | example |
//! |---|---|---|
//! | [`legal`] | `n/YYYY/TYPE-ISSUER` | `64/2007/NĐ-CP`, `80/2015/QH13` |
//! | [`party`] | `n-TYPE/ISSUER` | `36-NQ/TW` |
//! | [`official_letter`] | `n/ISSUER-UNIT` | `3115/BTTTT-CVT` |
//! | [`administrative`] | `n/TYPE-ISSUER` | `1072/QĐ-TTg` |
//! | [`short`] | `n/CODE` after a type name | `Nghị quyết 06/TU` |
//!
//! Each number is reported once, at its first mention, with the count of its
//! mentions; an upper-cased repeat (`QĐ-TTG` in a title) is the same number. The
//! issue date and subject come from the words after a mention ([`context`]).

pub mod administrative;
pub mod context;
pub mod legal;
pub mod lexicon;
pub mod number;
pub mod official_letter;
pub mod party;
pub mod short;

use vngov_record::{DateFact, DocumentFact, DocumentFamily};

use crate::Doc;
use number::RawNumber;

/// What a rule decides about a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classified {
    /// The numbering family.
    pub family: DocumentFamily,
    /// The type code, when the number has one.
    pub type_code: Option<String>,
    /// The type name.
    pub doc_type: Option<String>,
    /// The issuer code.
    pub issuer_code: Option<String>,
}

/// A family rule: decides whether a number follows its scheme.
pub type Rule = fn(&RawNumber) -> Option<Classified>;

/// The registry, in the order the rules are tried.
pub const RULES: &[(&str, Rule)] = &[
    ("legal", legal::classify),
    ("party", party::classify),
    ("official_letter", official_letter::classify),
    ("administrative", administrative::classify),
    ("short", short::classify),
];

/// The type named by the words before the number (`Kế hoạch 186/KH-UBND`), except
/// the generic `Văn bản`.
pub fn type_from_words(n: &RawNumber) -> Option<String> {
    let name = lexicon::tidy_name(n.type_word.as_deref()?);
    (name != "Văn bản").then_some(name)
}

/// Every document number, once each, in order of first mention.
pub fn extract(doc: &Doc, dates: &[DateFact]) -> Vec<DocumentFact> {
    let text = doc.text();
    let text_end = text.trim_end().len();
    let mut out: Vec<DocumentFact> = Vec::new();
    for raw in number::scan(text) {
        let Some(class) = RULES.iter().find_map(|(_, rule)| rule(&raw)) else {
            continue;
        };
        let number = raw.canonical();
        let key = number.to_uppercase();
        let seen = out
            .iter()
            .position(|d| d.number.to_uppercase() == key)
            .or_else(|| {
                // A text cut off inside a number repeats one already cited.
                (raw.range.end >= text_end)
                    .then(|| {
                        out.iter()
                            .position(|d| d.number.to_uppercase().starts_with(&key))
                    })
                    .flatten()
            });
        match seen {
            Some(i) => {
                let d = &mut out[i];
                d.mentions += 1;
                if !has_lower(&d.number)
                    && has_lower(&number)
                    && number.to_uppercase() == d.number.to_uppercase()
                {
                    // Prefer the casing of running text over an upper-cased title.
                    d.number = number;
                    d.type_code = class.type_code;
                    d.issuer_code = class.issuer_code;
                }
                if d.issued.is_none() {
                    d.issued = context::issued(doc, &raw, dates);
                }
                if d.subject.as_deref().map_or(true, |s| !has_lower(s)) {
                    if let Some(s) = context::subject(doc, &raw).filter(|s| has_lower(s)) {
                        d.subject = Some(s);
                    }
                }
            }
            None => out.push(DocumentFact {
                number,
                family: class.family,
                type_code: class.type_code,
                doc_type: class.doc_type,
                issuer_code: class.issuer_code,
                year: raw.year,
                issued: context::issued(doc, &raw, dates),
                subject: context::subject(doc, &raw),
                mentions: 1,
                evidence: doc.evidence(raw.range.clone()),
            }),
        }
    }
    out
}

fn has_lower(s: &str) -> bool {
    s.chars().any(vngov_text::chars::is_lower)
}

#[cfg(test)]
mod tests;
