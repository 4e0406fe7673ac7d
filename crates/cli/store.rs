//! `vngov db`, `vngov tasks`, `vngov meetings`, `vngov documents` and
//! `vngov report`: the store (`vngov-store`) and the questions asked of it.

use std::fs::File;
use std::io::{self, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use vngov_store::output::{Format, Printer, Row};
use vngov_store::query::{self, DocumentQuery, MeetingQuery, TaskQuery};
use vngov_store::{load, Store, WriteSummary, WriterOptions};

/// Arguments of `vngov db`.
#[derive(Debug, Args)]
pub struct DbArgs {
    /// What to do with the database.
    #[command(subcommand)]
    pub command: DbCommand,
}

/// Subcommands of `vngov db`.
#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Load JSON Lines records (the output of `vngov extract`) into a database.
    ///
    /// A record loaded again changes nothing; a record whose content changed
    /// replaces its document's facts. Each document is written whole, so a load
    /// that is killed leaves whole documents only: run it again to finish.
    Load(LoadArgs),
    /// Create a database, or bring an older one's schema up to date.
    Migrate {
        /// The SQLite database.
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
    },
    /// Print the Datasette metadata of a vngov database (titles, descriptions,
    /// search, canned queries), for `datasette facts.db --metadata metadata.json`.
    Metadata {
        /// The database it is for (Datasette names a database after its file).
        #[arg(long, value_name = "FILE", default_value = "facts.db")]
        db: PathBuf,
    },
}

/// Arguments of `vngov db load`.
#[derive(Debug, Args)]
pub struct LoadArgs {
    /// JSON Lines files of records (`-` for standard input).
    #[arg(required = true, value_name = "FILE")]
    pub paths: Vec<PathBuf>,

    /// The SQLite database to write (created if it does not exist).
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,

    /// Refuse lines longer than this many bytes.
    #[arg(long, default_value_t = 256 * 1024 * 1024, value_name = "BYTES")]
    pub max_line_bytes: usize,

    /// Never show the progress bar.
    #[arg(long)]
    pub no_progress: bool,

    /// Do not print the summary at the end.
    #[arg(short, long)]
    pub quiet: bool,
}

/// How answers are printed.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// JSON Lines: one object per row, every field (evidence, spans, source).
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,

    /// CSV with a header line.
    #[arg(long)]
    pub csv: bool,

    /// At most this many rows.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,

    /// Width of the table (default: the terminal's; piped, values are not cut).
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<usize>,
}

impl OutputArgs {
    fn format(&self) -> Format {
        if self.json {
            Format::JsonLines
        } else if self.csv {
            Format::Csv
        } else {
            let width = self.width.unwrap_or_else(|| {
                terminal_size::terminal_size_of(io::stdout())
                    .filter(|_| io::stdout().is_terminal())
                    .map(|(w, _)| w.0 as usize)
                    .unwrap_or(usize::MAX)
            });
            Format::Table { width }
        }
    }
}

/// Filters on directives, shared by `vngov tasks` and `vngov report`.
#[derive(Debug, Args)]
pub struct TaskFilters {
    /// The SQLite database to read.
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,

    /// Directed to this body or person, in any form ("Sở TT&TT", "so thong tin va
    /// truyen thong"): the assignee's name is it or begins with it.
    #[arg(long, value_name = "NAME")]
    pub assignee: Option<String>,

    /// Directed by: the assigner's name holds these words ("UBND tỉnh", "Nguyễn
    /// Văn A").
    #[arg(long, value_name = "NAME")]
    pub assigner: Option<String>,

    /// The deadline's last day is before DATE (YYYY, YYYY-MM, YYYY-MM-DD or
    /// DD/MM/YYYY).
    #[arg(long, value_name = "DATE")]
    pub due_before: Option<String>,

    /// The deadline's last day is after DATE.
    #[arg(long, value_name = "DATE")]
    pub due_after: Option<String>,

    /// Only directives whose deadline has passed (by --as-of).
    #[arg(long)]
    pub overdue: bool,

    /// The day statuses are judged on (default: today).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,

    /// The document is about this province ("Bình Định", "binh dinh").
    #[arg(long, value_name = "NAME")]
    pub province: Option<String>,

    /// The document cites this official number ("1072/QĐ-TTg", "1072/QD-TTg").
    #[arg(long, value_name = "NUMBER")]
    pub cites: Option<String>,

    /// These words occur in the directive (parties, action or sentence), with or
    /// without diacritics; bodies' names in any form.
    #[arg(long, value_name = "WORDS")]
    pub search: Option<String>,

    /// The document was published on or after DATE.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,

    /// The document was published on or before DATE.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
}

impl TaskFilters {
    fn query(&self, limit: Option<usize>) -> TaskQuery {
        TaskQuery {
            assignee: self.assignee.clone(),
            assigner: self.assigner.clone(),
            due_before: self.due_before.clone(),
            due_after: self.due_after.clone(),
            overdue: self.overdue,
            as_of: self.as_of.clone(),
            province: self.province.clone(),
            cites: self.cites.clone(),
            search: self.search.clone(),
            since: self.since.clone(),
            until: self.until.clone(),
            limit,
        }
    }
}

/// Arguments of `vngov tasks`.
#[derive(Debug, Args)]
pub struct TasksArgs {
    #[command(flatten)]
    filters: TaskFilters,
    #[command(flatten)]
    output: OutputArgs,
}

/// Arguments of `vngov meetings`.
#[derive(Debug, Args)]
pub struct MeetingsArgs {
    /// The SQLite database to read.
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,

    /// Chaired by: a chair's name or title holds these words ("Lê Văn Minh",
    /// "Phó Chủ tịch").
    #[arg(long, value_name = "NAME")]
    pub chair: Option<String>,

    /// The meeting (or, when its date is unknown, the document) is on or after DATE.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,

    /// … on or before DATE.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,

    /// The document is about this province.
    #[arg(long, value_name = "NAME")]
    pub province: Option<String>,

    /// These words occur in the meeting's kind, topic, place, chairs or sentence.
    #[arg(long, value_name = "WORDS")]
    pub search: Option<String>,

    #[command(flatten)]
    output: OutputArgs,
}

/// Arguments of `vngov documents`.
#[derive(Debug, Args)]
pub struct DocumentsArgs {
    /// The SQLite database to read.
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,

    /// Documents citing this official number ("1072/QĐ-TTg").
    #[arg(long, value_name = "NUMBER")]
    pub cites: Option<String>,

    /// The document is about this province.
    #[arg(long, value_name = "NAME")]
    pub province: Option<String>,

    /// Published on or after DATE.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,

    /// Published on or before DATE.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,

    /// These words occur in the title, the text or the bodies named.
    #[arg(long, value_name = "WORDS")]
    pub search: Option<String>,

    #[command(flatten)]
    output: OutputArgs,
}

/// Arguments of `vngov report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    filters: TaskFilters,

    /// The HTML file to write.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,

    /// The page's heading.
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
}

/// Runs `vngov db`.
pub fn db(args: DbArgs) -> Result<ExitCode> {
    match args.command {
        DbCommand::Load(a) => load(a),
        DbCommand::Migrate { db } => {
            let store = open(&db)?;
            let v = vngov_store::schema::version(store.connection())?;
            close(store);
            eprintln!("{}: schema version {v}", db.display());
            Ok(ExitCode::SUCCESS)
        }
        DbCommand::Metadata { db } => {
            let name = db
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "facts".to_string());
            print!("{}", vngov_store::datasette_metadata(&name));
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn open(db: &Path) -> Result<Store> {
    Store::open(db).with_context(|| format!("cannot open the database {}", db.display()))
}

fn open_read(db: &Path) -> Result<Store> {
    Store::open_read(db).with_context(|| format!("cannot read the database {}", db.display()))
}

/// Leaves the database as one file, when no one else has it open.
fn close(store: Store) {
    if let Err(e) = store.close() {
        eprintln!("vngov: the database is left with its write-ahead log: {e}");
    }
}

/// A reader that counts the bytes read, for the progress bar.
struct Counted<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

fn load(args: LoadArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let mut store = open(&args.db)?;
    let total: Option<u64> = args
        .paths
        .iter()
        .map(|p| std::fs::metadata(p).ok().map(|m| m.len()))
        .sum();
    let bar = crate::progress::bar(total, !args.no_progress);
    let read = Arc::new(AtomicU64::new(0));
    let mut bad_lines = 0usize;
    let mut lines = 0usize;
    let summary = {
        let mut writer = store.writer(WriterOptions {
            command: "load".to_string(),
            fingerprint: serde_json::json!({"paths": args.paths}).to_string(),
            ..WriterOptions::default()
        })?;
        for path in &args.paths {
            let name = path.display().to_string();
            let input: Box<dyn Read> = if name == "-" {
                Box::new(io::stdin().lock())
            } else {
                Box::new(File::open(path).with_context(|| format!("cannot read {name}"))?)
            };
            let input = BufReader::with_capacity(
                1 << 20,
                Counted {
                    inner: input,
                    read: read.clone(),
                },
            );
            lines += load::jsonl(
                input,
                &mut writer,
                args.max_line_bytes,
                |b| {
                    bad_lines += 1;
                    bar.suspend(|| eprintln!("vngov: {name}: line {}: {}", b.line, b.message));
                },
                |_| bar.set_position(read.load(Ordering::Relaxed)),
            )
            .with_context(|| format!("cannot load {name}"))?;
        }
        writer.finish()?
    };
    bar.finish_and_clear();
    close(store);
    if !args.quiet {
        eprintln!(
            "{lines} lines, {}; {bad_lines} bad lines, {:.2} s",
            describe(&summary),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(if bad_lines > 0 || summary.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// "10 records (8 new, 1 replaced, 1 unchanged), 1 error record".
pub fn describe(s: &WriteSummary) -> String {
    format!(
        "{} records ({} new, {} replaced, {} unchanged), {} error records",
        s.inserted + s.replaced + s.unchanged,
        s.inserted,
        s.replaced,
        s.unchanged,
        s.errors
    )
}

fn print_rows<R: Row>(
    output: &OutputArgs,
    what: &str,
    note: &str,
    run: impl FnOnce(&mut dyn FnMut(R) -> vngov_store::Result<()>) -> Result<String>,
) -> Result<ExitCode> {
    let format = output.format();
    let stdout = io::stdout().lock();
    let mut printer: Printer<_, R> = Printer::new(format, io::BufWriter::new(stdout));
    let mut failed: Option<io::Error> = None;
    let as_of = run(&mut |r| {
        if failed.is_none() {
            if let Err(vngov_store::Error::Io(e)) = printer.row(&r) {
                failed = Some(e);
            }
        }
        Ok(())
    })?;
    let n = printer.count();
    let mut out = match failed {
        Some(e) => return broken_pipe(e),
        None => match printer.finish() {
            Ok(out) => out,
            Err(vngov_store::Error::Io(e)) => return broken_pipe(e),
            Err(e) => return Err(e.into()),
        },
    };
    if matches!(format, Format::Table { .. }) {
        let plural = if n == 1 { "" } else { "s" };
        let tail = if as_of.is_empty() {
            String::new()
        } else {
            format!(", {note} {as_of}")
        };
        let _ = writeln!(out, "{n} {what}{plural}{tail}");
        let _ = out.flush();
    }
    Ok(ExitCode::SUCCESS)
}

/// A closed pipe (`| head`) ends the output quietly; other write errors fail.
fn broken_pipe(e: io::Error) -> Result<ExitCode> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(ExitCode::SUCCESS)
    } else {
        Err(e).context("cannot write the answer")
    }
}

/// Runs `vngov tasks`.
pub fn tasks(args: TasksArgs) -> Result<ExitCode> {
    let store = open_read(&args.filters.db)?;
    let q = args.filters.query(args.output.limit);
    print_rows(&args.output, "directive", "statuses as of", |each| {
        Ok(query::tasks(&store, &q, each)?)
    })
}

/// Runs `vngov meetings`.
pub fn meetings(args: MeetingsArgs) -> Result<ExitCode> {
    let store = open_read(&args.db)?;
    let q = MeetingQuery {
        chair: args.chair,
        since: args.since,
        until: args.until,
        province: args.province,
        search: args.search,
        limit: args.output.limit,
    };
    print_rows(&args.output, "meeting", "", |each| {
        query::meetings(&store, &q, each)?;
        Ok(String::new())
    })
}

/// Runs `vngov documents`.
pub fn documents(args: DocumentsArgs) -> Result<ExitCode> {
    let store = open_read(&args.db)?;
    let q = DocumentQuery {
        cites: args.cites,
        province: args.province,
        since: args.since,
        until: args.until,
        search: args.search,
        limit: args.output.limit,
    };
    print_rows(&args.output, "document", "", |each| {
        query::documents(&store, &q, each)?;
        Ok(String::new())
    })
}

/// Runs `vngov report`.
pub fn report(args: ReportArgs) -> Result<ExitCode> {
    let store = open_read(&args.filters.db)?;
    let options = vngov_store::report::ReportOptions {
        query: args.filters.query(None),
        title: args.title,
    };
    let html = vngov_store::report::render(&store, &options)?;
    // Written whole or not at all: a file beside the target, renamed over it.
    let mut tmp = args.output.as_os_str().to_owned();
    tmp.push(".partial");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, html.as_bytes())
        .with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, &args.output)
        .with_context(|| format!("cannot write {}", args.output.display()))?;
    Ok(ExitCode::SUCCESS)
}
