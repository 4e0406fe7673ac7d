//! Party documents: `n-TYPE/ISSUER`.
//!
//! ## What it does
//! Reads numbers whose type code stands between a hyphen and a slash (Hướng dẫn
//! 36-HD/VPTW): `36-NQ/TW` (Nghị quyết of the Central Committee), `412-QĐ/TU`,
//! `14-NQ/TU`. Spaces around the hyphen are dropped (`2927 -TB/TU`, `57- NQ/TW`).
//! Party numbering restarts with each term, so the issue date matters.
//!
//! ## Example
//! `Nghị quyết số 36-NQ/TW ngày 01/7/2014` → `36-NQ/TW`, type `Nghị quyết`, issuer `TW`.

use vngov_record::DocumentFamily;

use super::lexicon::{type_name, Scope};
use super::number::{RawNumber, Shape};
use super::{type_from_words, Classified};

/// Endings of Party committee codes: `TW` (Trung ương), `TU` (Tỉnh ủy), `HU`
/// (Huyện ủy), `QU` (Quận ủy), `ĐU` (Đảng ủy), `TXU`, `TPU`, `ĐUK`; `VPTW`, `BTGTU`…
const PARTY_ISSUER_ENDINGS: &[&str] = &["TW", "TƯ", "TU", "HU", "QU", "ĐU", "ĐUK", "TXU", "TPU"];

/// Whether `code` names a Party committee or one of its boards (`TW`, `TU`, `VPTW`).
pub fn is_party_issuer(code: &str) -> bool {
    let code = code.to_uppercase();
    PARTY_ISSUER_ENDINGS.iter().any(|e| code.ends_with(e))
}

/// Classifies a number shaped `n-TYPE/ISSUER`.
pub fn classify(n: &RawNumber) -> Option<Classified> {
    if n.shape != Shape::HyphenSlash {
        return None;
    }
    let lead = n.lead.clone()?;
    let doc_type = type_name(&lead, Scope::Party)
        .map(str::to_string)
        .or_else(|| type_from_words(n));
    Some(Classified {
        family: DocumentFamily::Party,
        type_code: Some(lead),
        doc_type,
        issuer_code: Some(n.codes.join("-")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn party_issuers() {
        assert!(is_party_issuer("TW"));
        assert!(is_party_issuer("TU"));
        assert!(is_party_issuer("VPTW"));
        assert!(!is_party_issuer("UBND"));
        assert!(!is_party_issuer("TTg"));
    }
}
