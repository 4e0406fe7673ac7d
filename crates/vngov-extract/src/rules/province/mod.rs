//! The province a document is about. PLACEHOLDER.

use crate::Doc;
use vngov_record::Evidence;

/// The province or centrally-run city and its decisive mention, or `None`.
pub fn extract(_doc: &Doc) -> Option<(String, Evidence)> {
    None
}
