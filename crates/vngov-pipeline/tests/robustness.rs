//! Mangled text through the whole chain: no panic, and every fact's offsets hold.
//!
//! Inputs are slices of the sample corpus cut at arbitrary characters and salted with
//! what real pages carry (decomposed marks, look-alike letters, odd spaces, line
//! breaks inside words, stray digits and signs), from a fixed seed so a failure
//! reproduces.

use std::path::Path;

use vngov_pipeline::document::{record_from_text, Settings};
use vngov_record::{Evidence, Source};

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

const SALT: &[&str] = &[
    "\u{301}",
    "\u{323}",
    "Ð",
    "ð",
    "\u{a0}",
    "\u{200b}",
    "\u{ad}",
    "\r\n",
    "\n\n",
    "%",
    " %",
    "/",
    "-",
    "/2019",
    "số ",
    "ngày ",
    "31/02",
    "29/02/2019",
    "0,5",
    "1.250",
    "27/27",
    "QÐ-",
    "\u{fffd}",
    "\t",
    "(",
    ")",
    ":",
    "Thứ Hai, ",
    "tháng ",
    "quý IV/",
    "năm 2016",
    "\u{1f600}",
];

fn corpus() -> Vec<char> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/seeds");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .flat_map(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .chars()
                .collect::<Vec<_>>()
        })
        .collect()
}

fn mangled(rng: &mut Rng, corpus: &[char]) -> String {
    let mut s = String::new();
    for _ in 0..1 + rng.below(6) {
        let start = rng.below(corpus.len());
        let len = rng.below(400).min(corpus.len() - start);
        s.extend(&corpus[start..start + len]);
        for _ in 0..rng.below(4) {
            s.push_str(SALT[rng.below(SALT.len())]);
        }
    }
    s
}

/// The letters of a text, folded, without spaces: what survives every normalization.
fn skeleton(s: &str) -> String {
    vngov_text::fold(s)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{ad}' && *c != '\u{200b}')
        .collect()
}

fn check(input: &str, text: &str, e: &Evidence) {
    let chars: Vec<char> = text.chars().collect();
    let input_chars: Vec<char> = input.chars().collect();
    assert!(
        e.span.0 <= e.span.1 && e.span.1 <= chars.len(),
        "span out of range in {input:?}"
    );
    assert_eq!(
        chars[e.span.0..e.span.1].iter().collect::<String>(),
        e.text,
        "in {input:?}"
    );
    assert!(
        e.evidence.contains(e.text.trim()),
        "evidence lacks the fact in {input:?}"
    );
    let (s, t) = (e.source_span.0, e.source_span.1);
    assert!(
        s <= t && t <= input_chars.len(),
        "source span out of range in {input:?}"
    );
    let original: String = input_chars[s..t].iter().collect();
    assert_eq!(
        skeleton(&original),
        skeleton(&e.text),
        "source span of {:?} in {input:?}",
        e.text
    );
}

#[test]
fn mangled_text_never_panics_and_offsets_hold() {
    let corpus = corpus();
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let settings = Settings::default();
    for _ in 0..400 {
        let input = mangled(&mut rng, &corpus);
        let rec = record_from_text(
            "x".into(),
            Source::default(),
            &input,
            Default::default(),
            &settings,
        );
        let evidences = rec
            .dates
            .iter()
            .map(|d| &d.evidence)
            .chain(rec.documents.iter().map(|d| &d.evidence))
            .chain(rec.percentages.iter().map(|d| &d.evidence))
            .chain(rec.published_evidence.iter())
            .chain(rec.province_evidence.iter());
        for e in evidences {
            check(&input, &rec.text, e);
        }
    }
}
