//! Official document numbers. PLACEHOLDER.

use crate::Doc;
use vngov_record::{DateFact, DocumentFact};

/// Every document number, once each, in order of first mention.
pub fn extract(_doc: &Doc, _dates: &[DateFact]) -> Vec<DocumentFact> {
    Vec::new()
}
