//! Administrative documents: `n/TYPE-ISSUER`.
//!
//! ## What it does
//! Reads numbers whose first code is a type code of Nghị định 30/2020/NĐ-CP,
//! Phụ lục III (`QĐ` Quyết định, `TB` Thông báo, `KH` Kế hoạch, `TTr` Tờ trình…),
//! followed by the issuer's code (`TTg` Thủ tướng, `UBND`, `VPCP`). The type name
//! comes from the lexicon `type_codes.tsv`.
//!
//! ## Example
//! `Quyết định số 1072/QĐ-TTg ngày 28/8/2018` → `1072/QĐ-TTg`, type `Quyết định`,
//! issuer `TTg`.

use vngov_record::DocumentFamily;

use super::lexicon::{type_name, Scope};
use super::number::{RawNumber, Shape};
use super::Classified;

/// Classifies `n/TYPE-ISSUER`.
pub fn classify(n: &RawNumber) -> Option<Classified> {
    if n.shape != Shape::Slash || n.codes.len() < 2 {
        return None;
    }
    let name = type_name(&n.codes[0], Scope::Admin)?;
    Some(Classified {
        family: DocumentFamily::Administrative,
        type_code: Some(n.codes[0].clone()),
        doc_type: Some(name.to_string()),
        issuer_code: Some(n.codes[1].clone()),
    })
}
