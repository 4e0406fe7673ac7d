//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The `vngov` binary under test, run from the repository root.
pub fn vngov() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_vngov"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// Runs `vngov ARGS` and returns its output.
pub fn run(args: &[&str]) -> Output {
    vngov().args(args).output().expect("vngov runs")
}

/// Parses JSON Lines.
pub fn json_lines(bytes: &[u8]) -> Vec<serde_json::Value> {
    std::str::from_utf8(bytes)
        .expect("output is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// Every `.txt` document under `corpus/`, sorted, relative to the repository root.
pub fn corpus_documents() -> Vec<PathBuf> {
    let mut out = Vec::new();
    walk(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("corpus")
            .as_path(),
        &mut out,
    );
    out.sort();
    out.into_iter()
        .map(|p| {
            p.strip_prefix(env!("CARGO_MANIFEST_DIR"))
                .unwrap()
                .to_path_buf()
        })
        .collect()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
}
