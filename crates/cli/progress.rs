//! The progress bar, shown on standard error when it is a terminal.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A progress bar over `total` bytes of input (a spinner when the total is not
/// known), hidden unless standard error is a terminal.
pub fn bar(total: Option<u64>, enabled: bool) -> ProgressBar {
    if !enabled || !std::io::stderr().is_terminal() {
        return ProgressBar::with_draw_target(total, ProgressDrawTarget::hidden());
    }
    let pb = ProgressBar::new(total.unwrap_or(0));
    let template = if total.is_some() {
        "{bar:30} {bytes}/{total_bytes} {binary_bytes_per_sec}  {msg}  ETA {eta}"
    } else {
        "{spinner} {bytes} {binary_bytes_per_sec}  {msg}"
    };
    pb.set_style(ProgressStyle::with_template(template).expect("the template is valid"));
    pb
}

/// Whether the bar will be drawn (worth computing the total for).
pub fn shown(enabled: bool) -> bool {
    enabled && std::io::stderr().is_terminal()
}
