//! The rule families, one folder each. Each family's `extract` is its registry entry.

pub mod dates;
pub mod documents;
pub mod meetings;
pub mod near;
pub mod organizations;
pub mod people;
pub mod percentages;
pub mod province;
pub mod published;
pub mod tasks;
pub mod title;
