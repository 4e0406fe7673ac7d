//! Short numbers: `n/CODE` with a single code, read only after a type name.
//!
//! ## What it does
//! Some texts cite a document by its number and one code, without the usual type
//! code (`Nghị quyết 06/TU`, probably 06-NQ/TU) or without the issuer. A lone
//! `n/CODE` is too ambiguous on its own, so it is read only when a document type
//! name stands right before it (`Nghị quyết`, `Quyết định số`, `Công văn số`) or a
//! header `Số:`. The family follows the code: a Party committee (`TU`, `TW`) makes a
//! Party document, a type code an administrative one, anything else a công văn.
//!
//! ## Example
//! `ban hành Nghị quyết 06/TU` → `06/TU`, family `party`, type `Nghị quyết`,
//! issuer `TU`; `chiếm 6/9 huyện` and `Số /QĐ UBND` are not read.

use vngov_record::DocumentFamily;

use super::lexicon::{type_name, Scope};
use super::number::{RawNumber, Shape};
use super::party::is_party_issuer;
use super::{type_from_words, Classified};

/// Classifies `n/CODE` cited after a type name.
pub fn classify(n: &RawNumber) -> Option<Classified> {
    if n.shape != Shape::Slash || n.codes.len() != 1 || !(n.type_word.is_some() || n.header) {
        return None;
    }
    let code = &n.codes[0];
    let words = type_from_words(n);
    let c = if is_party_issuer(code) {
        Classified {
            family: DocumentFamily::Party,
            type_code: None,
            doc_type: words,
            issuer_code: Some(code.clone()),
        }
    } else if let Some(name) = type_name(code, Scope::Admin) {
        Classified {
            family: DocumentFamily::Administrative,
            type_code: Some(code.clone()),
            doc_type: Some(name.to_string()),
            issuer_code: None,
        }
    } else {
        Classified {
            family: DocumentFamily::OfficialLetter,
            type_code: None,
            doc_type: words,
            issuer_code: Some(code.clone()),
        }
    };
    Some(c)
}
