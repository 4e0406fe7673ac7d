//! The byte-to-text readings a span of legacy bytes can be given.

use encoding_rs::Encoding;

/// How one span of non-Unicode bytes is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    /// TCVN3 (TCVN 5712:1993, ABC fonts such as `.VnTime`).
    Tcvn3,
    /// TCVN3 in an upper-case font (`.VnTimeH`): capitals sit at lower-case codes.
    Tcvn3Upper,
    /// VNI-Windows (`VNI-Times`): a base letter followed by a mark byte.
    Vni,
    /// VISCII (RFC 1456): a code page with every Vietnamese letter in one byte.
    Viscii,
    /// Any charset encoding_rs knows (Windows-1258, Windows-1252, …).
    Other(&'static Encoding),
}

impl Charset {
    /// Windows-1258.
    pub const WINDOWS_1258: Charset = Charset::Other(encoding_rs::WINDOWS_1258);
    /// Windows-1252.
    pub const WINDOWS_1252: Charset = Charset::Other(encoding_rs::WINDOWS_1252);

    /// The stable name that goes into `Decoded::encoding`.
    pub fn name(self) -> String {
        match self {
            Charset::Tcvn3 | Charset::Tcvn3Upper => "tcvn3".into(),
            Charset::Vni => "vni".into(),
            Charset::Viscii => "viscii".into(),
            Charset::Other(e) => e.name().to_ascii_lowercase(),
        }
    }

    /// Whether this is one of the Vietnamese legacy encodings.
    pub fn is_vietnamese(self) -> bool {
        matches!(
            self,
            Charset::Tcvn3 | Charset::Tcvn3Upper | Charset::Vni | Charset::Viscii
        ) || self == Charset::WINDOWS_1258
    }

    /// Reads `bytes` into NFC text.
    pub fn decode(self, bytes: &[u8]) -> String {
        match self {
            Charset::Tcvn3 => crate::tcvn3::decode(bytes),
            Charset::Tcvn3Upper => crate::tcvn3::decode_upper(bytes),
            Charset::Vni => crate::vni::decode(bytes),
            Charset::Viscii => crate::viscii::decode(bytes),
            Charset::Other(e) if e == encoding_rs::WINDOWS_1258 => {
                crate::windows1258::decode(bytes)
            }
            Charset::Other(e) => {
                use unicode_normalization::UnicodeNormalization;
                let (text, _) = e.decode_without_bom_handling(bytes);
                text.nfc().collect()
            }
        }
    }

    /// The name used when several charsets share a document, in a fixed order so that
    /// names are stable: `mixed(tcvn3+vni)`.
    pub fn mixed_name(charsets: &[Charset]) -> String {
        let mut names: Vec<String> = charsets.iter().map(|c| c.name()).collect();
        names.sort_by_key(|n| (rank(n), n.clone()));
        names.dedup();
        if names.len() == 1 {
            return names.remove(0);
        }
        format!("mixed({})", names.join("+"))
    }
}

fn rank(name: &str) -> u8 {
    match name {
        "tcvn3" => 0,
        "vni" => 1,
        "windows-1258" => 2,
        "viscii" => 3,
        _ => 4,
    }
}
