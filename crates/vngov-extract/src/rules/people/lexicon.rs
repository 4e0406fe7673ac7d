//! The reviewed word lists people are recognised with, read from the data files
//! beside this module, and matching of their phrases on tokens.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

use super::tokens::{tokenize, Gap, Shape, Token};
use crate::word_hash::WordHasher;

/// Hash maps and sets keyed by words, with [`WordHasher`].
pub type WordMap<V> = HashMap<String, V, BuildHasherDefault<WordHasher>>;
/// See [`WordMap`].
pub type WordSet = HashSet<String, BuildHasherDefault<WordHasher>>;

/// How a phrase's words are compared with the text's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// Folded: no diacritics, any case ("Ủy viên" matches "UỶ VIÊN").
    Fold,
    /// Lower case with diacritics ("bà" is not "ba").
    Lower,
    /// Exactly as written ("PCT", not "pct").
    Exact,
}

/// A phrase of one or more words (or punctuation marks).
#[derive(Debug, Clone)]
pub struct Phrase {
    /// The words, already in the form `key` compares.
    pub words: Vec<String>,
    /// How they are compared.
    pub key: Key,
}

impl Phrase {
    fn new(s: &str, key: Key) -> Phrase {
        let words = tokenize(s)
            .iter()
            .map(|t| match key {
                Key::Fold => t.fold().to_string(),
                Key::Lower => t.lower().to_string(),
                Key::Exact => t.text().to_string(),
            })
            .collect();
        Phrase { words, key }
    }

    /// The token index after the phrase when it is written at `i`. Words of a phrase
    /// never span a blank line.
    pub fn match_at(&self, toks: &[Token], i: usize) -> Option<usize> {
        let end = i + self.words.len();
        if end > toks.len() {
            return None;
        }
        for (k, w) in self.words.iter().enumerate() {
            let t = &toks[i + k];
            if k > 0 && t.gap == Gap::Break {
                return None;
            }
            let same = match self.key {
                Key::Fold => t.fold() == w,
                Key::Lower => t.lower() == w,
                Key::Exact => t.text() == w,
            };
            if !same {
                return None;
            }
        }
        Some(end)
    }
}

/// Phrases indexed by their first word, for the longest match at a token.
#[derive(Debug)]
pub struct PhraseSet<T> {
    by_first: WordMap<Vec<(Phrase, T)>>,
    /// This set's bit in [`FIRST_WORDS`].
    bit: u16,
}

impl<T: Clone> PhraseSet<T> {
    /// An empty set; `bit` is its own among the lexicon's sets.
    fn new(bit: u16) -> Self {
        PhraseSet {
            by_first: WordMap::default(),
            bit,
        }
    }

    fn insert(&mut self, p: Phrase, v: T) {
        let Some(first) = p.words.first().cloned() else {
            return;
        };
        let list = self.by_first.entry(first).or_default();
        list.push((p, v));
        list.sort_by_key(|(p, _)| std::cmp::Reverse(p.words.len()));
    }

    /// Whether a phrase of the set may start with token `t`: false when none does.
    pub fn may_start(&self, t: &Token) -> bool {
        first_word_of(t) & self.bit != 0
    }

    /// The longest phrase written at token `i`: its end index and value.
    pub fn longest_at(&self, toks: &[Token], i: usize) -> Option<(usize, T)> {
        let t = toks.get(i)?;
        if !self.may_start(t) {
            return None;
        }
        let (fold, lower) = (t.fold(), t.lower());
        // A form equal to one already tried finds the same list again.
        let keys = [
            Some(fold),
            (lower != fold).then_some(lower),
            (t.text() != lower && t.text() != fold).then_some(t.text()),
        ];
        for key in keys.into_iter().flatten() {
            if let Some(list) = self.by_first.get(key) {
                if let Some(hit) = list
                    .iter()
                    .find_map(|(p, v)| p.match_at(toks, i).map(|e| (e, v.clone())))
                {
                    return Some(hit);
                }
            }
        }
        None
    }
}

/// A position from `positions.tsv`.
#[derive(Debug, Clone)]
pub struct Position {
    /// Canonical written form ("Phó Chủ tịch").
    pub name: &'static str,
    /// The body the position names itself ("Ban" for "Trưởng ban").
    pub head: Option<&'static str>,
}

/// An abbreviation that is a whole title ("TVTU").
#[derive(Debug, Clone)]
pub struct TitleAbbreviation {
    /// The position it stands for.
    pub position: &'static str,
    /// The body, when the abbreviation names one.
    pub organization: Option<&'static str>,
}

/// Every list, loaded once.
#[derive(Debug)]
pub struct Lexicon {
    /// Family names, lower case.
    pub surnames: WordSet,
    /// Words of address; the value is true for plural forms.
    pub honorifics: PhraseSet<bool>,
    /// Positions (with their abbreviations).
    pub positions: PhraseSet<Position>,
    /// Abbreviations that are whole titles.
    pub title_abbreviations: PhraseSet<TitleAbbreviation>,
    /// Words naming an administrative unit.
    pub admin_units: PhraseSet<()>,
    /// Lower-case words inside body names; the value is true when they may stand
    /// anywhere in the body, false when only after a head noun.
    pub org_words: PhraseSet<bool>,
    /// Head nouns of bodies.
    pub org_heads: PhraseSet<()>,
    /// Province and city names, folded, as token phrases.
    pub provinces: PhraseSet<()>,
}

fn data_lines(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// The first words of the positions and of their abbreviations, folded: after a
/// name and a hyphen with no space ("Phạm Anh Tuấn-Phó Bí thư Tỉnh ủy") they open
/// its title rather than a second half of the word.
pub static TITLE_OPENERS: LazyLock<std::collections::HashSet<String>> = LazyLock::new(|| {
    data_lines(include_str!("positions.tsv"))
        .chain(data_lines(include_str!("title_abbreviations.tsv")))
        .filter_map(|l| l.split(['\t', ' ']).next())
        .map(vngov_text::fold)
        .collect()
});

/// The lexicon.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let surnames = data_lines(include_str!("surnames.txt"))
        .map(|l| l.trim().to_lowercase())
        .collect();

    let mut honorifics = PhraseSet::new(1);
    for l in data_lines(include_str!("honorifics.txt")) {
        match l.split_once('\t') {
            Some(("plural", form)) => honorifics.insert(Phrase::new(form.trim(), Key::Lower), true),
            _ => honorifics.insert(Phrase::new(l.trim(), Key::Lower), false),
        }
    }

    let mut positions = PhraseSet::new(1 << 1);
    for l in data_lines(include_str!("positions.tsv")) {
        let mut cols = l.split('\t');
        let name = cols.next().unwrap_or("").trim();
        let variants = cols.next().unwrap_or("");
        let head = cols.next().map(str::trim).filter(|h| !h.is_empty());
        let p = Position { name, head };
        positions.insert(Phrase::new(name, Key::Lower), p.clone());
        for v in variants.split('|').map(str::trim).filter(|v| !v.is_empty()) {
            positions.insert(Phrase::new(v, Key::Exact), p.clone());
        }
    }

    let mut title_abbreviations = PhraseSet::new(1 << 2);
    for l in data_lines(include_str!("title_abbreviations.tsv")) {
        let mut cols = l.split('\t');
        let abbr = cols.next().unwrap_or("").trim();
        let position = cols.next().unwrap_or("").trim();
        let organization = cols.next().map(str::trim).filter(|o| !o.is_empty());
        title_abbreviations.insert(
            Phrase::new(abbr, Key::Exact),
            TitleAbbreviation {
                position,
                organization,
            },
        );
    }

    let set = |s: &'static str, bit: u16| {
        let mut out = PhraseSet::new(bit);
        for l in data_lines(s) {
            out.insert(Phrase::new(l.trim(), Key::Lower), ());
        }
        out
    };

    let mut org_words = PhraseSet::new(1 << 4);
    for l in data_lines(include_str!("org_words.txt")) {
        let (phrase, place) = l.split_once('\t').unwrap_or((l, "any"));
        org_words.insert(
            Phrase::new(phrase.trim(), Key::Lower),
            place.trim() == "any",
        );
    }

    let mut provinces = PhraseSet::new(1 << 6);
    for p in crate::rules::province::lexicon::PROVINCES.iter() {
        for k in &p.keys {
            provinces.insert(Phrase::new(k, Key::Fold), ());
        }
    }

    Lexicon {
        surnames,
        honorifics,
        positions,
        title_abbreviations,
        admin_units: set(include_str!("admin_units.txt"), 1 << 3),
        org_words,
        org_heads: set(include_str!("org_heads.txt"), 1 << 5),
        provinces,
    }
});

/// For every first word of a phrase in the lexicon, the bits of the sets holding
/// such a phrase: most tokens start none, and are then turned away by one lookup.
static FIRST_WORDS: LazyLock<WordMap<u16>> = LazyLock::new(|| {
    let l = &*LEXICON;
    let mut out = WordMap::default();
    let mut add = |words: Vec<&String>, bit: u16| {
        for w in words {
            *out.entry(w.clone()).or_insert(0) |= bit;
        }
    };
    add(l.honorifics.by_first.keys().collect(), l.honorifics.bit);
    add(l.positions.by_first.keys().collect(), l.positions.bit);
    add(
        l.title_abbreviations.by_first.keys().collect(),
        l.title_abbreviations.bit,
    );
    add(l.admin_units.by_first.keys().collect(), l.admin_units.bit);
    add(l.org_words.by_first.keys().collect(), l.org_words.bit);
    add(l.org_heads.by_first.keys().collect(), l.org_heads.bit);
    add(l.provinces.by_first.keys().collect(), l.provinces.bit);
    out
});

/// The bits of the lexicon's sets holding a phrase that starts with token `t`
/// (in any of its forms), looked up once per token.
fn first_word_of(t: &Token) -> u16 {
    if let Some(bits) = t.first_word_of().get() {
        return bits;
    }
    let (fold, lower) = (t.fold(), t.lower());
    let bits = [
        Some(fold),
        (lower != fold).then_some(lower),
        (t.text() != lower && t.text() != fold).then_some(t.text()),
    ]
    .into_iter()
    .flatten()
    .map(|k| FIRST_WORDS.get(k).copied().unwrap_or(0))
    .fold(0, |a, b| a | b);
    t.first_word_of().set(Some(bits));
    bits
}

/// Whether token `t` is a family name.
pub fn is_surname(t: &Token) -> bool {
    matches!(t.shape, Shape::Cap | Shape::Upper) && LEXICON.surnames.contains(t.lower())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        let l = &*LEXICON;
        assert!(l.surnames.contains("nguyễn") && l.surnames.contains("đặng"));
        assert!(!l.surnames.contains("văn"));
        let t = tokenize("Phó Chủ tịch Thường trực UBND");
        let (end, p) = l.positions.longest_at(&t, 0).unwrap();
        assert_eq!((end, p.name), (5, "Phó Chủ tịch Thường trực"));
        let t = tokenize("PCT UBND tỉnh");
        assert_eq!(
            l.positions.longest_at(&t, 0).unwrap().1.name,
            "Phó Chủ tịch"
        );
        let t = tokenize("pct");
        assert!(l.positions.longest_at(&t, 0).is_none());
        let t = tokenize("UỶ VIÊN");
        assert_eq!(l.positions.longest_at(&t, 0).unwrap().1.name, "Ủy viên");
        let t = tokenize("ba người");
        assert!(l.honorifics.longest_at(&t, 0).is_none());
        let t = tokenize("Các đồng chí:");
        assert_eq!(l.honorifics.longest_at(&t, 0), Some((3, true)));
        let t = tokenize("Chủ tịch tỉnh xyz");
        assert_ne!(first_word_of(&t[0]) & l.positions.bit, 0);
        assert_eq!(first_word_of(&t[0]) & l.honorifics.bit, 0);
        assert_ne!(first_word_of(&t[2]) & l.admin_units.bit, 0);
        assert_eq!(first_word_of(&t[3]), 0);
    }
}
