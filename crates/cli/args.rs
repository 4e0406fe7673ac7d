//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Structured, auditable facts from Vietnamese government news and notices.
///
/// vngov reads articles and notices, normalizes their Vietnamese text, and writes one
/// JSON record per document (JSON Lines): publication date, dates, official document
/// numbers, percentages, province, each fact with its evidence sentence and offsets.
#[derive(Debug, Parser)]
#[command(name = "vngov", version, about, long_about, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract facts from plain-text articles and web pages and write JSON Lines records.
    ///
    /// Exit status: 0 when every document gave a record, 1 when some became error
    /// records, 2 when the run itself could not go on.
    Extract(ExtractArgs),
    /// Fetch pages politely into a WARC archive (failures: error records on stdout).
    Fetch(crate::fetch::FetchArgs),
    /// Crawl a portal (sitemaps, listings and their pagination) into a WARC archive.
    Crawl(crate::crawl::CrawlArgs),
    /// Print the JSON Schema (2020-12) of the records.
    Schema,
}

/// Arguments of `vngov extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files, directories (walked recursively for .txt, .html and .htm files) or `-` for
    /// standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Write the records to FILE instead of standard output. The file is written whole
    /// or not at all.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Number of worker threads (default: all cores).
    #[arg(short = 'j', long = "jobs", value_name = "N")]
    pub jobs: Option<usize>,

    /// Where tone marks go in oa, oe, uy: classic (hòa, thủy), modern (hoà, thuỷ) or
    /// keep (as written).
    #[arg(long, value_enum, default_value_t = ToneStyleArg::Classic, value_name = "STYLE")]
    pub tone_style: ToneStyleArg,

    /// Refuse inputs larger than this many bytes (0: no limit).
    #[arg(long, default_value_t = 64 * 1024 * 1024, value_name = "BYTES")]
    pub max_bytes: u64,

    /// Pretty-print each record over several lines (not JSON Lines).
    #[arg(long)]
    pub pretty: bool,

    /// Never show the progress bar.
    #[arg(long)]
    pub no_progress: bool,

    /// Do not print the summary line at the end.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Tone-mark placement, as a command-line value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ToneStyleArg {
    /// hòa, thủy, ủy.
    Classic,
    /// hoà, thuỷ, uỷ.
    Modern,
    /// As written.
    Keep,
}

impl From<ToneStyleArg> for vngov_text::ToneStyle {
    fn from(a: ToneStyleArg) -> Self {
        match a {
            ToneStyleArg::Classic => vngov_text::ToneStyle::Classic,
            ToneStyleArg::Modern => vngov_text::ToneStyle::Modern,
            ToneStyleArg::Keep => vngov_text::ToneStyle::Keep,
        }
    }
}
