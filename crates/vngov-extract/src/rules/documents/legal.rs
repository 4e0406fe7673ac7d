//! Legal normative documents: `n/YYYY/TYPE-ISSUER`.
//!
//! ## What it does
//! Reads numbers that carry the year between the digits and the codes (Luật ban hành
//! văn bản quy phạm pháp luật 80/2015/QH13, Điều 8). The first code is the type when
//! the lexicon knows it (`NĐ` Nghị định, `TT` Thông tư, `TTLT` Thông tư liên tịch…);
//! the codes after it name the issuer, all of them for a joint document. A law or a
//! National Assembly resolution has no type code: its issuer is the assembly and its
//! term (`QH13`), and its type comes from the words before the number.
//!
//! ## Example
//! `Nghị định số 64/2007/NĐ-CP` → `64/2007/NĐ-CP`, type `Nghị định`, issuer `CP`,
//! year 2007; `Luật số 80/2015/QH13` → type `Luật`, issuer `QH13`.

use vngov_record::DocumentFamily;

use super::lexicon::{is_type_code, type_name, Scope};
use super::number::{RawNumber, Shape};
use super::{type_from_words, Classified};

/// Classifies a number written with its year.
pub fn classify(n: &RawNumber) -> Option<Classified> {
    if n.shape != Shape::WithYear {
        return None;
    }
    let first = &n.codes[0];
    let (type_code, issuers) = if is_type_code(first, Scope::Legal) && n.codes.len() > 1 {
        (Some(first.clone()), &n.codes[1..])
    } else if is_type_code(first, Scope::Legal) {
        (Some(first.clone()), &n.codes[..0])
    } else {
        (None, &n.codes[..])
    };
    let doc_type = type_code
        .as_deref()
        .and_then(|c| type_name(c, Scope::Legal))
        .map(str::to_string)
        .or_else(|| type_from_words(n));
    Some(Classified {
        family: DocumentFamily::LegalNormative,
        type_code,
        doc_type,
        issuer_code: (!issuers.is_empty()).then(|| issuers.join("-")),
    })
}
