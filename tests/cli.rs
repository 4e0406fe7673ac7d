//! The command line as a user types it.

use std::process::Command;

fn vngov() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vngov"))
}

#[test]
fn help_lists_subcommands() {
    let out = vngov().arg("--help").output().unwrap();
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("extract") && s.contains("schema"), "{s}");
}
