//! Dates in every written form. PLACEHOLDER.

use crate::Doc;
use vngov_record::DateFact;

/// Every date the text writes, with the years it writes (unknown years left open).
pub fn extract(_doc: &Doc) -> Vec<DateFact> {
    Vec::new()
}

/// Fills years the text leaves unwritten where the document makes them certain.
pub fn infer_years(_doc: &Doc, _dates: &mut [DateFact], _published: Option<&str>) {}
