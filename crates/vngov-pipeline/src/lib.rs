//! From sources to records: inputs are streamed as documents (files, directories,
//! JSON Lines, WARC archives, standard input), decoded, normalized and extracted in
//! parallel (rayon) chunk by chunk, and handed back in input order.
//!
//! A document that cannot be read becomes an [`vngov_record::ErrorRecord`]; the run
//! goes on.

pub mod decode;
pub mod docs;
pub mod document;
pub mod html;
pub mod run;
pub mod sources;

pub use document::{process, process_item, Settings};
pub use run::{run, Processed, Summary, Workers};
pub use sources::{Document, Format, Item, Meta, Options, Sources, SourcesError};
