//! Công văn: `n/ISSUER-UNIT`, a number without a type code.
//!
//! ## What it does
//! Under Nghị định 30/2020/NĐ-CP a công văn's number is followed by the issuer's
//! abbreviation and the drafting unit's (`3115/BTTTT-CVT`: Bộ Thông tin và Truyền
//! thông, Cục Viễn thông), sometimes two units (`404/VPUBND-TCD-NC`). A number whose
//! first code is not a document type code is one; so is any number the text calls a
//! "Công văn" (an issuer may share letters with a type code, `CT` Cục Thuế).
//! The type is "Công văn" when the text says so.
//!
//! ## Example
//! `Công văn số 846 /UBND-TH về việc báo cáo …` → `846/UBND-TH`, issuer `UBND`,
//! type `Công văn`.

use vngov_record::DocumentFamily;

use super::lexicon::{is_type_code, Scope};
use super::number::{RawNumber, Shape};
use super::{type_from_words, Classified};

/// Classifies `n/ISSUER-UNIT`.
pub fn classify(n: &RawNumber) -> Option<Classified> {
    if n.shape != Shape::Slash || n.codes.len() < 2 {
        return None;
    }
    let doc_type = type_from_words(n);
    let called_letter = doc_type.as_deref() == Some("Công văn");
    if is_type_code(&n.codes[0], Scope::Admin) && !called_letter {
        return None;
    }
    Some(Classified {
        family: DocumentFamily::OfficialLetter,
        type_code: None,
        doc_type,
        issuer_code: Some(n.codes[0].clone()),
    })
}
