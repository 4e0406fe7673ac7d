//! Normalization of Vietnamese text.
//!
//! PLACEHOLDER API (to be completed): `normalize` runs the ordered stages and
//! returns the text with an [`OffsetMap`] back to the input.

use unicode_normalization::UnicodeNormalization;

/// Where tone marks go in the syllables `oa`, `oe`, `uy` without a final consonant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ToneStyle {
    /// Tone on the first vowel: hòa, thủy, ủy (most government text; the default).
    #[default]
    Classic,
    /// Tone on the second vowel: hoà, thuỷ, uỷ.
    Modern,
    /// Leave tone placement as written.
    Keep,
}

/// Settings of the normalization chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Canonical tone-mark placement.
    pub tone_style: ToneStyle,
    /// Join words broken across lines ("T\n\nrước mắt").
    pub repair_broken_words: bool,
    /// Insert missing spaces ("chếtriển", "định:ứng").
    pub repair_missing_spaces: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            tone_style: ToneStyle::Classic,
            repair_broken_words: true,
            repair_missing_spaces: true,
        }
    }
}

/// Maps character offsets of a normalized text back to its input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    to_input: Vec<usize>,
    input_len: usize,
}

impl OffsetMap {
    /// The input character offset of normalized character offset `i`
    /// (`i` may equal the normalized length).
    pub fn to_input(&self, i: usize) -> usize {
        self.to_input.get(i).copied().unwrap_or(self.input_len)
    }

    /// The exclusive input end offset of a normalized span ending at `i`.
    pub fn to_input_end(&self, i: usize) -> usize {
        if i == 0 {
            self.to_input(0)
        } else {
            (self.to_input(i - 1) + 1).min(self.input_len)
        }
    }
}

/// A normalized text and its map back to the input.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// The normalized text.
    pub text: String,
    /// Offsets back into the input.
    pub map: OffsetMap,
}

/// Normalizes `input` with `options`.
pub fn normalize(input: &str, _options: &Options) -> Normalized {
    let text: String = input.nfc().collect();
    let n = text.chars().count();
    Normalized {
        text,
        map: OffsetMap {
            to_input: (0..n).collect(),
            input_len: input.chars().count(),
        },
    }
}

/// A diacritic-free, lower-case key for matching ("Đồng Nai" → "dong nai").
pub fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| match c {
            'đ' | 'Đ' | 'Ð' | 'ð' => 'd',
            c => c.to_ascii_lowercase(),
        })
        .flat_map(char::to_lowercase)
        .collect()
}
