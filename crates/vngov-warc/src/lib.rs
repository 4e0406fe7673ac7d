//! WARC archives (ISO 28500, WARC/1.0 and 1.1) and the HTTP responses they store,
//! read and written in one place for fetching and for extraction.
//!
//! - [`header`]: header fields and the WARC record header;
//! - [`reader`]: a streaming record reader for plain, multi-member and single-stream
//!   gzip archives, with a size limit, resynchronisation after a wrong
//!   Content-Length, and the end of the last complete record (where an archive torn
//!   by a kill can be cut and appended to);
//! - [`arc`]: the ARC archives of older crawls, read as WARC records;
//! - [`writer`]: an appending writer, one gzip member per record, with digests;
//! - [`http`]: the HTTP response in a record's block: status, headers, the payload
//!   with its transfer and content codings undone under a limit, media type.
//!
//! The `warc` crate was not used: it reads header and body lines without a bound,
//! cannot go on after a bad record, compresses a whole file as one gzip stream (not
//! readable after a kill) and computes no digests.

pub mod arc;
pub mod header;
pub mod http;
pub mod reader;
pub mod writer;

pub use header::Headers;
pub use reader::{Error, ErrorKind, Reader, Record};
pub use writer::Writer;
