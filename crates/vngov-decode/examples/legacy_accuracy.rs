//! Character accuracy of decoding against proofread transcripts.
//!
//!     cargo run --release -p vngov-decode --example legacy_accuracy -- DIR...
//!
//! For every `X.rtf` / `X.doc` / `X.txt` in DIR with a transcript `X.truth.txt`, prints
//! the detected encoding and `1 - edit distance / transcript length`, in characters,
//! after the same whitespace normalization on both sides: Unicode NFC, the Word
//! control characters U+0000–U+001F other than whitespace removed, every run of
//! whitespace (including no-break spaces) made one space, the ends trimmed. For
//! every file named with `windows-1258` whose twin is named with `utf-8` instead, prints whether the
//! decoded text equals the twin after NFC.

use std::path::Path;

use unicode_normalization::UnicodeNormalization;
use vngov_decode::{decode, Format, Hint};

fn normalize(s: &str) -> Vec<char> {
    let mut out = Vec::new();
    let mut space = false;
    for c in s.nfc() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if c.is_control() {
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

fn main() {
    let dirs: Vec<String> = std::env::args().skip(1).collect();
    for dir in &dirs {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("a directory")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        entries.sort();
        for path in &entries {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if name.ends_with(".truth.txt") {
                continue;
            }
            let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
            let truth_path = path.with_file_name(format!("{stem}.truth.txt"));
            let twin = name
                .contains("windows-1258")
                .then(|| path.with_file_name(name.replace("windows-1258", "utf-8")));
            if truth_path.exists() {
                report_accuracy(path, &truth_path);
            } else if let Some(twin) = twin {
                report_twin(path, &twin);
            }
        }
    }
}

fn read(path: &Path) -> Result<vngov_decode::Decoded, String> {
    let bytes = std::fs::read(path).expect("readable");
    let format = match path.extension().and_then(|e| e.to_str()) {
        Some("doc") => Format::Doc,
        _ => Format::from_path(path),
    };
    let hint = Hint {
        format,
        ..Hint::default()
    };
    decode(&bytes, &hint).map_err(|e| e.to_string())
}

fn report_accuracy(path: &Path, truth_path: &Path) {
    let name = path.file_name().unwrap().to_string_lossy();
    let truth = std::fs::read_to_string(truth_path).expect("UTF-8 transcript");
    match read(path) {
        Ok(d) => {
            let (got, want) = (normalize(&d.text), normalize(&truth));
            let dist = edit_distance(&got, &want);
            let acc = 1.0 - dist as f64 / want.len().max(1) as f64;
            println!(
                "{name}\t{}\t{} chars\tedit distance {dist}\taccuracy {:.4}%",
                d.encoding,
                want.len(),
                acc * 100.0
            );
        }
        Err(e) => println!("{name}\terror: {e}"),
    }
}

fn report_twin(path: &Path, twin: &Path) {
    let name = path.file_name().unwrap().to_string_lossy();
    let Ok(d) = read(path) else {
        println!("{name}\tdecode error");
        return;
    };
    let want: String = std::fs::read_to_string(twin)
        .map(|s| s.nfc().collect())
        .unwrap_or_default();
    let equal = if twin.exists() {
        if d.text == want {
            "equal to its UTF-8 twin after NFC"
        } else {
            "DIFFERS from its UTF-8 twin"
        }
    } else {
        "no twin"
    };
    println!("{name}\t{}\t{equal}", d.encoding);
}
