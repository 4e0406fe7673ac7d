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
    /// Extract facts from articles (files, directories, JSON Lines, WARC archives) and
    /// write JSON Lines records.
    ///
    /// Exit status: 0 when every document gave a record, 1 when some became error
    /// records, 2 when the run itself could not go on.
    Extract(Box<ExtractArgs>),
    /// Fetch pages politely into a WARC archive (failures: error records on stdout).
    Fetch(crate::fetch::FetchArgs),
    /// Crawl a portal (sitemaps, listings and their pagination) into a WARC archive.
    Crawl(crate::crawl::CrawlArgs),
    /// Print the JSON Schema (2020-12) of the records.
    Schema,
    /// The SQLite store of records: load JSON Lines, migrate, Datasette metadata.
    Db(crate::store::DbArgs),
    /// Directives in a database, by assignee, assigner, deadline, status,
    /// province, cited number, words and publication date.
    Tasks(Box<crate::store::TasksArgs>),
    /// Meetings in a database, by chair, date, province and words.
    Meetings(crate::store::MeetingsArgs),
    /// Documents in a database, by cited number, province, date and words.
    Documents(crate::store::DocumentsArgs),
    /// Write the directives of a database as one self-contained HTML page.
    Report(Box<crate::store::ReportArgs>),
}

/// Arguments of `vngov extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files, directories (walked recursively for .txt, .html, .htm, .rtf, .jsonl, .warc,
    /// .arc, .pdf, .docx, .odt, .doc and .zip files, and any of them gzipped), JSON Lines
    /// files (.jsonl: one document per line), WARC and ARC archives (.warc, .arc, gzipped
    /// or not: response and resource records), ZIP archives of documents, `-` for
    /// standard input, or http(s) URLs, fetched politely after the files and extracted.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Write the records to FILE instead of standard output. They go to FILE.partial,
    /// renamed to FILE when the run completes.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Continue an interrupted run with the same inputs and --output (or --db): the
    /// records in FILE.partial (or the database) are kept, their inputs skipped.
    #[arg(long)]
    pub resume: bool,

    /// With --resume, go on even though input files were added, removed or changed
    /// since the interrupted run (which is otherwise refused, naming them): the
    /// records written are kept and as many inputs skipped as before, so use it only
    /// when the changes lie past the point the run had reached.
    #[arg(long, requires = "resume")]
    pub resume_changed: bool,

    /// Also write the records into this SQLite database, each document as it is
    /// extracted (without --output, only there). See `vngov tasks`.
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,

    /// In directories, read only files matching GLOB (relative to the directory, as in
    /// `*.txt` or `2024/**`); may be repeated.
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,

    /// In directories, skip files and directories matching GLOB; may be repeated.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// What standard input holds.
    #[arg(long, value_enum, default_value_t = StdinFormatArg::Text, value_name = "FORMAT")]
    pub stdin_format: StdinFormatArg,

    /// JSON Lines field holding a document's plain text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub jsonl_text_field: String,

    /// JSON Lines field holding a document's HTML (read when there is no text field).
    #[arg(long, default_value = "html", value_name = "NAME")]
    pub jsonl_html_field: String,

    /// JSON Lines field holding the URL a document came from.
    #[arg(long, default_value = "url", value_name = "NAME")]
    pub jsonl_url_field: String,

    /// JSON Lines field holding a document's identifier.
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub jsonl_id_field: String,

    /// JSON Lines field holding a publication date, used when the text gives none.
    #[arg(long, default_value = "published", value_name = "NAME")]
    pub jsonl_published_field: String,

    /// Number of worker threads (default: all cores).
    #[arg(short = 'j', long = "jobs", value_name = "N")]
    pub jobs: Option<usize>,

    /// Where tone marks go in oa, oe, uy: classic (hòa, thủy), modern (hoà, thuỷ) or
    /// keep (as written).
    #[arg(long, value_enum, default_value_t = ToneStyleArg::Classic, value_name = "STYLE")]
    pub tone_style: ToneStyleArg,

    /// Refuse documents larger than this many bytes (0: no limit).
    #[arg(long, default_value_t = 64 * 1024 * 1024, value_name = "BYTES")]
    pub max_bytes: u64,

    /// Never run OCR: scanned PDFs become error records (`ocr_unavailable`) instead
    /// of being read by Tesseract.
    #[arg(long)]
    pub no_ocr: bool,

    /// Pretty-print each record over several lines (not JSON Lines).
    #[arg(long)]
    pub pretty: bool,

    /// Never show the progress bar.
    #[arg(long)]
    pub no_progress: bool,

    /// Do not print the summary at the end.
    #[arg(short, long)]
    pub quiet: bool,
}

/// What standard input holds, as a command-line value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StdinFormatArg {
    /// One plain-text document.
    Text,
    /// One HTML page.
    Html,
    /// JSON Lines.
    Jsonl,
    /// A WARC archive, gzipped or not.
    Warc,
}

impl From<StdinFormatArg> for vngov_pipeline::sources::StdinFormat {
    fn from(a: StdinFormatArg) -> Self {
        use vngov_pipeline::sources::StdinFormat;
        match a {
            StdinFormatArg::Text => StdinFormat::Text,
            StdinFormatArg::Html => StdinFormat::Html,
            StdinFormatArg::Jsonl => StdinFormat::JsonLines,
            StdinFormatArg::Warc => StdinFormat::Warc,
        }
    }
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
