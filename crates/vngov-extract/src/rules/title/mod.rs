//! The headline of a text article. PLACEHOLDER.

use crate::Doc;

/// The headline, when one stands out.
pub fn extract(_doc: &Doc) -> Option<String> {
    None
}
