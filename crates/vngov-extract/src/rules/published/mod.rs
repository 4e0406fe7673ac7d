//! The article's own publication date. PLACEHOLDER.

use crate::Doc;
use vngov_record::{DateFact, Evidence};

/// The publication date (`YYYY-MM-DD`) and its evidence, or `None`.
pub fn extract(_doc: &Doc, _dates: &[DateFact]) -> Option<(String, Evidence)> {
    None
}
