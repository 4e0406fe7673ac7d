//! Integration tests: they run the real `vngov` binary.

mod bad_input;
mod bulk;
mod cli;
mod common;
mod documents;
mod fetch;
mod golden;
mod provenance;
mod readme;
mod report;
mod schema;
mod store;
