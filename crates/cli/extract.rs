//! `vngov extract`.

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::sync::atomic::Ordering;
use std::time::Instant;

use anyhow::{Context, Result};
use vngov_pipeline::sources::{self, jsonl, Sources};

use crate::args::ExtractArgs;
use crate::dbsink::{DbSink, Item};
use crate::output::Sink;

/// Where records go: JSON Lines only, or a database (and JSON Lines) written on
/// a thread of its own.
enum Out {
    Plain(Sink),
    Db(DbSink),
}

/// Runs `vngov extract`.
pub fn run(args: ExtractArgs) -> Result<ExitCode> {
    anyhow::ensure!(args.jobs != Some(0), "--jobs must be at least 1");
    let options = sources::Options {
        include: args.include.clone(),
        exclude: args.exclude.clone(),
        jsonl: jsonl::Fields {
            text: args.jsonl_text_field.clone(),
            html: args.jsonl_html_field.clone(),
            url: args.jsonl_url_field.clone(),
            id: args.jsonl_id_field.clone(),
            published: args.jsonl_published_field.clone(),
        },
        stdin: args.stdin_format.into(),
        max_bytes: args.max_bytes,
    };
    // Files first, in command-line order, then the URLs, fetched one by one.
    let (paths, urls) = crate::urls::split(&args.paths);
    let mut inputs = Sources::new(&paths, options.clone())?;
    let fetcher = if urls.is_empty() {
        None
    } else {
        let cfg = vngov_fetch::Config {
            max_bytes: args.max_bytes,
            ..Default::default()
        };
        Some(vngov_fetch::Fetcher::new(&cfg).context("cannot start fetching")?)
    };
    let max_bytes = args.max_bytes;
    let fetched = urls.into_iter().filter_map(move |u| {
        let f = fetcher.as_ref()?;
        Some(crate::urls::item(f, &u, max_bytes))
    });
    let workers = vngov_pipeline::Workers::new(args.jobs).context("cannot start worker threads")?;
    let settings = vngov_pipeline::Settings {
        normalize: vngov_text::Options {
            tone_style: args.tone_style.into(),
            ..Default::default()
        },
        max_bytes: args.max_bytes,
        docs: vngov_pipeline::docs::options(args.no_ocr),
    };
    anyhow::ensure!(
        !args.resume || args.output.is_some() || args.db.is_some(),
        "--resume continues a run writing to --output or --db: give the same one"
    );
    // Records go to JSON Lines unless only a database is asked for.
    let json = args.output.is_some() || args.db.is_none();
    let (mut sink, mut earlier) = match &args.output {
        Some(target) => Sink::file(target, &fingerprint(&args), args.resume)?,
        None if json => (Sink::stdout(), Default::default()),
        None => (Sink::Discard, Default::default()),
    };
    // Never a silent mix of records of old inputs and of new ones.
    sink.check_inputs(&paths, &options, &earlier, args.resume_changed)?;
    let mut out = match &args.db {
        Some(db) => {
            let options = vngov_store::WriterOptions {
                command: "extract".to_string(),
                fingerprint: fingerprint(&args),
                resume: args.resume,
                ..Default::default()
            };
            let file_done = args.output.is_some().then_some(earlier.items);
            let (db_sink, before) = DbSink::start(db.clone(), options, sink, file_done)?;
            if args.output.is_none() && before.items > 0 {
                // What the database counted, for the summary.
                earlier.items = before.items;
                earlier.records = before.inserted + before.replaced + before.unchanged;
                if before.errors > 0 {
                    earlier
                        .errors_by_kind
                        .insert("before resuming".into(), before.errors);
                }
            }
            Out::Db(db_sink)
        }
        None => Out::Plain(sink),
    };
    let progress = inputs.progress();
    let mut items = inputs.by_ref().chain(fetched);
    if earlier.items > 0 {
        let skipped = items.by_ref().take(earlier.items).count();
        anyhow::ensure!(
            skipped == earlier.items,
            "the inputs hold {skipped} documents, fewer than the {} already written: they changed since the interrupted run; run without --resume to start over",
            earlier.items
        );
    }
    let total = if crate::progress::shown(!args.no_progress) {
        sources::total_size(&paths, &options)
    } else {
        None
    };
    let bar = crate::progress::bar(total, !args.no_progress);
    let started = Instant::now();
    let pretty = args.pretty;
    let with_db = args.db.is_some();
    let mut done = 0usize;
    let summary = vngov_pipeline::run(
        &mut items,
        &settings,
        &workers,
        |out| {
            let mut line = if !json {
                Ok(Vec::new())
            } else if pretty {
                serde_json::to_vec_pretty(out)
            } else {
                serde_json::to_vec(out)
            }
            // Records are plain data: serializing them cannot fail.
            .expect("records serialize");
            if json {
                line.push(b'\n');
            }
            // The rows are made on the worker; the writer only binds them.
            let rows = with_db.then(|| vngov_store::Prepared::from_ref(out));
            (line, rows)
        },
        |p| -> Result<()> {
            let kind = p.error.as_ref().map(|e| kind_name(e.kind));
            match (&mut out, p.encoded.1) {
                (Out::Db(db), Some(rows)) => db.send(Item {
                    line: p.encoded.0,
                    rows,
                    kind,
                    source: p.source.clone(),
                })?,
                (Out::Plain(sink), _) => sink.write(&p.encoded.0, kind.as_deref())?,
                (Out::Db(_), None) => unreachable!("records are prepared for the database"),
            }
            if let Some(e) = &p.error {
                bar.suspend(|| eprintln!("vngov: {}: {}", p.source, e.message));
            }
            done += 1;
            bar.set_position(progress.consumed.load(Ordering::Relaxed));
            if done % 64 == 0 {
                let rate = done as f64 / started.elapsed().as_secs_f64().max(1e-3);
                bar.set_message(format!("{done} documents, {rate:.0}/s"));
            }
            Ok(())
        },
    )
    .context("cannot write the records")?;
    drop(items);
    bar.finish_and_clear();
    let (sink, stored) = match out {
        Out::Plain(sink) => (sink, None),
        Out::Db(db) => {
            let (sink, stored) = db.finish()?;
            (sink, Some(stored))
        }
    };
    sink.finish()?;
    let errors = earlier.errors_by_kind.values().sum::<usize>() + summary.errors;
    if !args.quiet {
        let secs = summary.elapsed.as_secs_f64().max(1e-6);
        let mut by_kind: BTreeMap<String, usize> = earlier.errors_by_kind.clone();
        for (k, n) in &summary.errors_by_kind {
            *by_kind.entry(k.clone()).or_default() += n;
        }
        let rate = summary.documents as f64 / secs;
        let mut line = format!(
            "{} documents, {} records, {} errors, {:.2} s ({:.*} documents/s, {:.1} MB/s)",
            earlier.items + summary.documents,
            earlier.records + summary.records,
            errors,
            secs,
            if rate < 10.0 { 2 } else { 0 },
            rate,
            summary.bytes as f64 / secs / 1e6,
        );
        if !by_kind.is_empty() {
            let parts: Vec<String> = by_kind.iter().map(|(k, n)| format!("{k} {n}")).collect();
            line += &format!("; errors by kind: {}", parts.join(", "));
        }
        let skipped = inputs.skipped();
        if !skipped.is_empty() {
            let parts: Vec<String> = skipped.iter().map(|(k, n)| format!("{k} {n}")).collect();
            line += &format!("; passed over (not documents): {}", parts.join(", "));
        }
        if earlier.items > 0 {
            line += &format!("; resumed after {} documents", earlier.items);
        }
        if let (Some(s), Some(db)) = (&stored, &args.db) {
            line += &format!("; {}: {}", db.display(), crate::store::describe(s));
        }
        eprintln!("{line}");
    }
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn kind_name(k: vngov_record::ErrorKind) -> String {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// What must be the same for a run to continue another: inputs, and every option
/// that changes the output.
fn fingerprint(a: &ExtractArgs) -> String {
    serde_json::json!({
        "version": env!("CARGO_PKG_VERSION"),
        "paths": a.paths,
        "include": a.include,
        "exclude": a.exclude,
        "stdin": format!("{:?}", a.stdin_format),
        "jsonl": [&a.jsonl_text_field, &a.jsonl_html_field, &a.jsonl_url_field, &a.jsonl_id_field, &a.jsonl_published_field],
        "tone_style": format!("{:?}", a.tone_style),
        "max_bytes": a.max_bytes,
        "no_ocr": a.no_ocr,
        "pretty": a.pretty,
    })
    .to_string()
}
