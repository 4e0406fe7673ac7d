//! `vngov fetch`: pages into a WARC archive; failures as error records.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result};
use clap::Args;
use vngov_fetch::{archive, FetchError, Outcome};
use vngov_record::{ErrorInfo, ErrorKind, ErrorRecord, Source, SCHEMA_VERSION};

/// Politeness and limits, shared by `fetch` and `crawl`.
#[derive(Debug, Args)]
pub struct FetchOptions {
    /// Seconds to wait after each request to a host before the next one to it.
    #[arg(long, default_value_t = 1.0, value_name = "SECONDS")]
    pub delay: f64,

    /// Requests to one host at the same time.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub per_host: usize,

    /// Seconds to wait for a connection or for the next bytes of a response.
    #[arg(long, default_value_t = 30.0, value_name = "SECONDS")]
    pub timeout: f64,

    /// Refuse bodies larger than this many bytes, as received or decompressed.
    #[arg(long, default_value_t = 16 * 1024 * 1024, value_name = "BYTES")]
    pub max_bytes: u64,

    /// Further attempts after a 429, a 5xx, a timeout or a broken connection.
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub retries: u32,

    /// The User-Agent header (default: vngov/VERSION with a note).
    #[arg(long, value_name = "TEXT")]
    pub user_agent: Option<String>,

    /// Also fetch the PDF and Word files the pages link to, archived with a
    /// `WARC-Linked-From` field naming the page (extraction writes it in
    /// `source.linked_from`).
    #[arg(long)]
    pub attachments: bool,

    /// Do not print the summary line at the end.
    #[arg(short, long)]
    pub quiet: bool,
}

impl FetchOptions {
    /// The library settings these options describe.
    pub fn config(&self) -> Result<vngov_fetch::Config> {
        let secs = |v: f64, name: &str| {
            anyhow::ensure!(
                v.is_finite() && v >= 0.0,
                "--{name} must be a number of seconds"
            );
            Ok(Duration::from_secs_f64(v))
        };
        anyhow::ensure!(self.per_host >= 1, "--per-host must be at least 1");
        anyhow::ensure!(self.timeout > 0.0, "--timeout must be more than 0");
        let timeout = secs(self.timeout, "timeout")?;
        let mut cfg = vngov_fetch::Config {
            delay: secs(self.delay, "delay")?,
            per_host: self.per_host,
            read_timeout: timeout,
            connect_timeout: timeout.min(Duration::from_secs(10)),
            total_timeout: (timeout * 4).max(Duration::from_secs(60)),
            max_bytes: self.max_bytes,
            retries: self.retries,
            ..Default::default()
        };
        if let Some(ua) = &self.user_agent {
            cfg.user_agent = ua.clone();
        }
        Ok(cfg)
    }
}

/// Arguments of `vngov fetch`.
#[derive(Debug, Args)]
pub struct FetchArgs {
    /// URLs to fetch.
    #[arg(value_name = "URL", required_unless_present = "urls")]
    pub targets: Vec<String>,

    /// Read URLs from FILE, one a line (`-` for standard input; `#` starts a comment).
    #[arg(long, value_name = "FILE")]
    pub urls: Option<PathBuf>,

    /// The archive to write (`.warc.gz` or `.warc`). An existing archive is added to,
    /// and the URLs it already holds are not fetched again.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,

    /// Politeness and limits.
    #[command(flatten)]
    pub options: FetchOptions,
}

/// Checks the archive name and opens it, saying what it already holds.
pub fn open_archive(
    path: &Path,
    cfg: &vngov_fetch::Config,
    quiet: bool,
) -> Result<archive::Opened> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    anyhow::ensure!(
        name.ends_with(".warc") || name.ends_with(".warc.gz"),
        "the archive must be named *.warc.gz (or *.warc): {}",
        path.display()
    );
    let opened =
        archive::open(path, cfg).with_context(|| format!("cannot open {}", path.display()))?;
    if !quiet && opened.records > 0 {
        eprintln!(
            "vngov: {} holds {} pages{}",
            path.display(),
            opened.held.len(),
            if opened.torn {
                "; a torn last record was cut off"
            } else {
                ""
            }
        );
    }
    Ok(opened)
}

/// The record error kind, message and HTTP status of a failed fetch.
pub fn error_info(e: &FetchError) -> ErrorInfo {
    use vngov_fetch::ErrorKind as Fetch;
    let kind = match e.kind {
        Fetch::TooLarge => ErrorKind::TooLarge,
        Fetch::Decode => ErrorKind::Decode,
        Fetch::InvalidUrl => ErrorKind::Input,
        Fetch::Robots => ErrorKind::Robots,
        // A status, no connection, a timeout, a redirect gone wrong, a robots.txt
        // that could not be read: the page could not be had over HTTP.
        Fetch::Status
        | Fetch::Timeout
        | Fetch::Connect
        | Fetch::Redirect
        | Fetch::RetryAfter
        | Fetch::RobotsUnreachable => ErrorKind::Fetch,
    };
    let mut message = e.reason.clone();
    if e.attempts > 1 {
        message.push_str(&format!(" (after {} attempts)", e.attempts));
    }
    ErrorInfo {
        kind,
        message,
        status: e.status,
    }
}

/// The error record for a failed fetch.
pub fn error_record(e: &FetchError) -> ErrorRecord {
    ErrorRecord {
        schema_version: SCHEMA_VERSION.to_string(),
        id: vngov_pipeline::document::source_id(&e.url),
        source: Source {
            url: Some(e.url.clone()),
            ..Source::default()
        },
        error: error_info(e),
    }
}

/// The attachments of a fetched page, as `(attachment, page)` pairs.
pub fn attachments_of(outcome: &Outcome) -> Vec<(vngov_fetch::Url, vngov_fetch::Url)> {
    match outcome {
        Outcome::Fetched(f) if f.status == 200 => {
            vngov_fetch::attachments::find(&f.final_url, &f.body, f.content_type())
                .into_iter()
                .map(|a| (a, f.final_url.clone()))
                .collect()
        }
        _ => Vec::new(),
    }
}

/// Fetches the attachments found and archives them, each naming its page; prints
/// an error record (with `source.linked_from`) for each that failed. Returns how
/// many were fetched and how many failed.
pub fn fetch_attachments(
    found: Vec<(vngov_fetch::Url, vngov_fetch::Url)>,
    cfg: &vngov_fetch::Config,
    held: &dyn Fn(&str) -> bool,
    writer: &mut vngov_fetch::warc::Writer,
    out: &mut dyn Write,
    quiet: bool,
) -> Result<(usize, usize)> {
    if found.is_empty() {
        return Ok((0, 0));
    }
    let fetcher = vngov_fetch::Fetcher::new(cfg)?;
    let summary = vngov_fetch::attachments::fetch_all(&fetcher, found, held, |o, page| {
        let linked = [(vngov_fetch::attachments::LINKED_FROM, page.to_string())];
        let exchanges = match &o {
            Outcome::Fetched(f) => &f.exchanges,
            Outcome::Failed(e) => &e.exchanges,
            Outcome::Skipped { .. } => return Ok::<_, anyhow::Error>(()),
        };
        for ex in exchanges {
            writer.write_exchange_with(ex, &linked)?;
        }
        if let Outcome::Failed(e) = &o {
            let mut rec = error_record(e);
            rec.source.linked_from = Some(page.to_string());
            serde_json::to_writer(&mut *out, &rec)?;
            out.write_all(b"\n")?;
            out.flush()?;
            if !quiet {
                eprintln!("vngov: {} (linked from {page}): {}", e.url, e.reason);
            }
        }
        Ok(())
    })?;
    Ok((summary.fetched, summary.failed))
}

/// Archives what an outcome holds and prints an error record for a failure.
pub fn record(
    outcome: &Outcome,
    writer: &mut vngov_fetch::warc::Writer,
    out: &mut dyn Write,
    quiet: bool,
) -> Result<()> {
    match outcome {
        Outcome::Fetched(f) => writer.write_exchanges(&f.exchanges)?,
        Outcome::Failed(e) => {
            writer.write_exchanges(&e.exchanges)?;
            serde_json::to_writer(&mut *out, &error_record(e))?;
            out.write_all(b"\n")?;
            out.flush()?;
            if !quiet {
                eprintln!("vngov: {}: {}", e.url, e.reason);
            }
        }
        Outcome::Skipped { .. } => {}
    }
    Ok(())
}

fn read_urls(path: &Path) -> Result<Vec<String>> {
    let reader: Box<dyn BufRead> = if path == Path::new("-") {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::io::BufReader::new(
            std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?,
        ))
    };
    let mut urls = Vec::new();
    for line in reader.lines() {
        let line = line?;
        let line = line.trim();
        if !line.is_empty() && !line.starts_with('#') {
            urls.push(line.to_string());
        }
    }
    Ok(urls)
}

/// Runs `vngov fetch`.
pub fn run(args: FetchArgs) -> Result<ExitCode> {
    let cfg = args.options.config()?;
    let quiet = args.options.quiet;
    let mut urls = args.targets.clone();
    if let Some(file) = &args.urls {
        urls.extend(read_urls(file)?);
    }
    let mut opened = open_archive(&args.output, &cfg, quiet)?;
    let fetcher = vngov_fetch::Fetcher::new(&cfg)?;
    let held = &opened.held;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let writer = &mut opened.writer;
    let mut found = Vec::new();
    let summary = fetcher
        .fetch_all(urls, &|u| held.contains(u), |o| {
            if args.options.attachments {
                found.extend(attachments_of(&o));
            }
            record(&o, writer, &mut out, quiet)
        })
        .with_context(|| format!("cannot write {}", args.output.display()))?;
    let (attached, attach_failed) =
        fetch_attachments(found, &cfg, &|u| held.contains(u), writer, &mut out, quiet)
            .with_context(|| format!("cannot write {}", args.output.display()))?;
    writer.sync()?;
    if !quiet {
        eprintln!(
            "{} URLs, {} fetched, {} errors, {} already archived, {:.2} s",
            summary.urls,
            summary.fetched,
            summary.failed,
            summary.skipped,
            summary.elapsed.as_secs_f64()
        );
        if args.options.attachments {
            eprintln!("{attached} attachments fetched, {attach_failed} errors");
        }
    }
    Ok(if summary.failed + attach_failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
