//! `vngov extract`.

use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::args::ExtractArgs;
use crate::output::Sink;

/// Runs `vngov extract`.
pub fn run(args: ExtractArgs) -> Result<ExitCode> {
    let inputs = vngov_pipeline::collect_inputs(&args.paths)?;
    anyhow::ensure!(args.jobs != Some(0), "--jobs must be at least 1");
    let workers = vngov_pipeline::Workers::new(args.jobs).context("cannot start worker threads")?;
    let settings = vngov_pipeline::Settings {
        normalize: vngov_text::Options {
            tone_style: args.tone_style.into(),
            ..Default::default()
        },
        max_bytes: args.max_bytes,
    };
    let mut sink = Sink::open(args.output.as_deref())?;
    let bar = crate::progress::bar(inputs.len(), !args.no_progress);
    let summary = vngov_pipeline::run(&inputs, &settings, &workers, |out| -> Result<()> {
        let w = sink.writer();
        if args.pretty {
            serde_json::to_writer_pretty(&mut *w, out)?;
        } else {
            serde_json::to_writer(&mut *w, out)?;
        }
        w.write_all(b"\n")?;
        if let vngov_record::Output::Error(e) = out {
            bar.suspend(|| {
                eprintln!(
                    "vngov: {}: {}",
                    e.source.path.as_deref().unwrap_or("?"),
                    e.error.message
                )
            });
        }
        bar.inc(1);
        Ok(())
    })
    .context("cannot write the records")?;
    bar.finish_and_clear();
    sink.finish()?;
    if !args.quiet {
        eprintln!(
            "{} documents, {} records, {} errors, {:.2} s",
            summary.documents,
            summary.records,
            summary.errors,
            summary.elapsed.as_secs_f64()
        );
    }
    Ok(if summary.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
