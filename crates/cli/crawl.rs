//! `vngov crawl`: a portal's sitemaps, listings and articles into a WARC archive.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;
use vngov_fetch::{CrawlConfig, Role};

use crate::fetch::{open_archive, record, FetchOptions};

/// Arguments of `vngov crawl`.
#[derive(Debug, Args)]
pub struct CrawlArgs {
    /// The listing page to start from (a news section, a notices page).
    #[arg(value_name = "START_URL")]
    pub start: String,

    /// The archive to write (`.warc.gz` or `.warc`). An existing archive is added to:
    /// the pages it holds are not fetched again, so an interrupted crawl resumes.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,

    /// Pages (sitemaps, listings, articles) in the archive at most.
    #[arg(long, default_value_t = 1000, value_name = "N")]
    pub max_pages: usize,

    /// Link steps from the start page to follow; pagination does not count.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub depth: usize,

    /// Only follow links whose path starts with PATH (e.g. /tin-tuc).
    #[arg(long, value_name = "PATH")]
    pub prefix: Option<String>,

    /// Do not read sitemaps.
    #[arg(long)]
    pub no_sitemaps: bool,

    /// Ask again, conditionally (ETag, Last-Modified), for the listings and sitemaps the
    /// archive holds, to find new articles.
    #[arg(long)]
    pub refresh: bool,

    /// Politeness and limits.
    #[command(flatten)]
    pub options: FetchOptions,
}

/// Runs `vngov crawl`.
pub fn run(args: CrawlArgs) -> Result<ExitCode> {
    let start = vngov_fetch::parse_url(&args.start).map_err(|e| anyhow::anyhow!("{e}"))?;
    let quiet = args.options.quiet;
    let cfg = CrawlConfig {
        fetch: args.options.config()?,
        max_depth: args.depth,
        max_pages: args.max_pages,
        sitemaps: !args.no_sitemaps,
        prefix: args.prefix.clone(),
        refresh: args.refresh,
    };
    let mut opened = open_archive(&args.output, &cfg.fetch, quiet)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let writer = &mut opened.writer;
    let mut articles = 0usize;
    let mut found = Vec::new();
    let summary = vngov_fetch::crawl::<_, anyhow::Error>(&start, &cfg, &opened.held, |v| {
        if v.role == Role::Article && matches!(v.outcome, vngov_fetch::Outcome::Fetched(_)) {
            articles += 1;
        }
        // Notices pages often link their files straight from the listing.
        if args.options.attachments && v.role != Role::Sitemap {
            found.extend(crate::fetch::attachments_of(&v.outcome));
        }
        record(&v.outcome, writer, &mut out, quiet)
    })
    .with_context(|| format!("crawl of {start} stopped"))?;
    let held = &opened.held;
    let (attached, attach_failed) = crate::fetch::fetch_attachments(
        found,
        &cfg.fetch,
        &|u| held.contains(u),
        writer,
        &mut out,
        quiet,
    )
    .with_context(|| format!("crawl of {start} stopped"))?;
    writer.sync()?;
    if !quiet {
        eprintln!(
            "{} fetched ({articles} articles), {} errors, {} already archived, {} disallowed by robots.txt, {} left by --max-pages, {:.2} s",
            summary.fetched,
            summary.failed,
            summary.held,
            summary.robots,
            summary.left,
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
