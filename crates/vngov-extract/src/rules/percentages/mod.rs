//! Percentages. PLACEHOLDER.

use crate::Doc;
use vngov_record::PercentageFact;

/// Every percentage, in text order.
pub fn extract(_doc: &Doc) -> Vec<PercentageFact> {
    Vec::new()
}
