//! Why bytes are not text.

use thiserror::Error;

/// Why bytes are not text.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum DecodeError {
    /// NUL bytes or other control bytes: not a text file.
    #[error("binary data, not text (control byte 0x{byte:02X} at byte {offset})")]
    Binary {
        /// The byte.
        byte: u8,
        /// Its offset.
        offset: usize,
    },
    /// UTF-16 with an odd length or unpaired surrogates.
    #[error("invalid UTF-16")]
    InvalidUtf16,
    /// A Word document whose structure could not be read.
    #[error("unreadable Word document: {0}")]
    Doc(String),
    /// An RTF file whose groups do not close, or that is not RTF after all.
    #[error("malformed RTF: {0}")]
    Rtf(String),
}
