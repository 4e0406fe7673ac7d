//! Normalization of Vietnamese text, with an offset map back to the input.
//!
//! [`normalize`] runs an ordered chain of stages, each in its own module:
//!
//! 1. Unicode composition (NFC): decomposed letters become one char each.
//! 2. Spacing: non-breaking and zero-width characters, CR/CRLF, runs of spaces,
//!    trailing spaces, runs of blank lines; line structure is kept.
//! 3. Look-alike letters: `Ð`/`ð` (eth) become `Đ`/`đ` in Vietnamese words.
//! 4. Tone-mark placement per [`ToneStyle`] (and `qui` → `quy`).
//! 5. Words broken across line breaks are joined (if [`Options::repair_broken_words`]).
//! 6. Missing spaces after punctuation are inserted (if
//!    [`Options::repair_missing_spaces`]).
//! 7. Two syllables run together are split (if [`Options::repair_missing_spaces`]).
//!
//! Every repair only acts when its result is made of valid Vietnamese syllables
//! (see [`syllable::is_syllable`]). Each stage records, for each output char, the
//! input range it came from; the maps compose into one [`OffsetMap`].

pub mod chars;
mod fold;
mod letters;
mod offset;
mod stages;
pub mod syllable;

pub use fold::fold;
pub use letters::fold_letter;
pub use offset::OffsetMap;

/// Where tone marks go in the syllables `oa`, `oe`, `uy` without a final consonant.
///
/// All other placements are fixed by spelling and are made canonical by both
/// `Classic` and `Modern`: with a final consonant the tone is on the second vowel
/// (hoàn, thuận, khuyết).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ToneStyle {
    /// Tone on the first vowel: hòa, thủy, ủy (most government text; the default).
    #[default]
    Classic,
    /// Tone on the second vowel: hoà, thuỷ, uỷ.
    Modern,
    /// Leave tone placement as written (and `qui` as `qui`).
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

/// What a [`Repair`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RepairKind {
    /// Removed a line break inside a word ("T\n\nrước" → "Trước"); the offset is
    /// that of the first removed break.
    JoinedBrokenWord,
    /// Inserted a space at punctuation ("định:ứng" → "định: ứng"); the offset is
    /// that of the input char the space precedes.
    InsertedSpace,
    /// Split two run-together syllables ("nhândân" → "nhân dân"); the offset is
    /// that of the first char of the second syllable.
    SplitSyllables,
    /// Replaced a look-alike letter ("Ðến" → "Đến"); the offset is that of the
    /// replaced char.
    LookAlike,
    /// Replaced an HTML character reference by its char ("y&ecirc;u" → "yêu"); the
    /// offset is that of its '&'.
    DecodedReference,
}

impl RepairKind {
    /// A stable snake_case name, for reports.
    pub fn as_str(self) -> &'static str {
        match self {
            RepairKind::JoinedBrokenWord => "joined_broken_word",
            RepairKind::InsertedSpace => "inserted_space",
            RepairKind::SplitSyllables => "split_syllables",
            RepairKind::LookAlike => "look_alike",
            RepairKind::DecodedReference => "decoded_reference",
        }
    }
}

/// One change the chain made that a reader may want to audit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Repair {
    /// What was done.
    pub kind: RepairKind,
    /// Input char offset where it was done.
    pub offset: usize,
}

/// A normalized text and its map back to the input.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// The normalized text.
    pub text: String,
    /// Offsets back into the input.
    pub map: OffsetMap,
    /// Repairs made, in input order.
    pub repairs: Vec<Repair>,
}

/// Threads text, map and repairs through the stages.
struct Chain {
    text: String,
    map: Option<OffsetMap>,
    input_len: usize,
    repairs: Vec<Repair>,
}

impl Chain {
    fn to_input(&self, i: usize) -> usize {
        self.map.as_ref().map_or(i, |m| m.to_input(i))
    }

    fn run(&mut self, stage: impl FnOnce(&str) -> Option<offset::Rewrite>) {
        let Some(r) = stage(&self.text) else {
            return;
        };
        // Every stage changes the text when it changes the map; an unchanged text
        // needs no composing.
        if r.repairs.is_empty() && r.text == self.text {
            return;
        }
        for &(kind, at) in &r.repairs {
            let offset = self.to_input(at);
            self.repairs.push(Repair { kind, offset });
        }
        self.map = Some(match self.map.take() {
            None => OffsetMap::from_spans(r.spans, self.input_len),
            Some(m) => m.then(&r.spans),
        });
        self.text = r.text;
    }
}

/// Normalizes `input` with `options`. Never panics; any input gives a text and a
/// map covering it.
pub fn normalize(input: &str, options: &Options) -> Normalized {
    normalize_owned(input.to_string(), options)
}

/// [`normalize`], taking the input by value: a large document is then not held
/// twice while the stages run.
pub fn normalize_owned(input: String, options: &Options) -> Normalized {
    let input_len = input.chars().count();
    let mut chain = Chain {
        text: input,
        map: None,
        input_len,
        repairs: Vec::new(),
    };
    chain.run(stages::entities::apply);
    chain.run(stages::nfc::apply);
    chain.run(stages::whitespace::apply);
    chain.run(stages::look_alike::apply);
    chain.run(|t| stages::tone::apply(t, options.tone_style));
    if options.repair_broken_words {
        chain.run(stages::broken_words::apply);
    }
    if options.repair_missing_spaces {
        chain.run(stages::punctuation_space::apply);
        chain.run(stages::run_together::apply);
    }
    let map = chain
        .map
        .unwrap_or_else(|| OffsetMap::identity(chain.input_len));
    chain.repairs.sort_by_key(|r| r.offset);
    Normalized {
        text: chain.text,
        map,
        repairs: chain.repairs,
    }
}
