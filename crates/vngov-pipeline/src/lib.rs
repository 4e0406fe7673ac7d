//! From sources to records: inputs are listed, read, decoded, normalized and
//! extracted in parallel (rayon), and handed back in input order.
//!
//! A document that cannot be read becomes an [`vngov_record::ErrorRecord`]; the run
//! goes on.

pub mod decode;
pub mod document;
pub mod html;
pub mod input;
pub mod run;

pub use document::{process, Settings};
pub use input::{collect_inputs, Input, InputError};
pub use run::{run, Summary, Workers};
