//! The hash the rule families' word lexicons are keyed with.

use std::hash::Hasher;

/// A fast hash for the short words the lexicons are keyed by (the multiply-rotate
/// scheme of rustc's FxHash): lookups happen at every word of a document, and the
/// default SipHash costs more than the rest of a lookup. The keys are the
/// reviewed lists, not input, so hash flooding is no concern.
#[derive(Debug, Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0xf135_7aea_2e62_a9c5;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.0 = (self.0.rotate_left(26) ^ u64::from_le_bytes(b)).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.0 = (self.0.rotate_left(26) ^ u64::from_le_bytes(b)).wrapping_mul(K);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasherDefault;

    #[test]
    fn word_hasher_separates_words() {
        use std::hash::BuildHasher;
        let h = BuildHasherDefault::<WordHasher>::default();
        let words = [
            "",
            "a",
            "b",
            "ab",
            "ba",
            "nguyễn",
            "nguyên",
            "thường trực",
            "thường trựcx",
        ];
        for (i, a) in words.iter().enumerate() {
            assert_eq!(h.hash_one(a), h.hash_one(a.to_string()));
            for b in &words[i + 1..] {
                assert_ne!(h.hash_one(a), h.hash_one(b), "{a} {b}");
            }
        }
    }
}
