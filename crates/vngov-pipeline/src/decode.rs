//! Bytes to text: UTF-8/16, Windows-1258, TCVN3, VNI and RTF, by `vngov-decode`.

pub use vngov_decode::{decode, DecodeError, Decoded, Format, Hint};
