//! The `vngov` command: parses arguments, dispatches, sets the exit code.

mod args;
mod crawl;
mod dbsink;
mod extract;
mod fetch;
mod output;
mod progress;
mod store;
mod urls;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    let result = match cli.command {
        args::Command::Extract(a) => extract::run(*a),
        args::Command::Fetch(a) => fetch::run(a),
        args::Command::Crawl(a) => crawl::run(a),
        args::Command::Db(a) => store::db(a),
        args::Command::Tasks(a) => store::tasks(*a),
        args::Command::Meetings(a) => store::meetings(a),
        args::Command::Documents(a) => store::documents(a),
        args::Command::Report(a) => store::report(*a),
        args::Command::Schema => {
            use std::io::Write;
            std::io::stdout()
                .write_all(vngov_record::JSON_SCHEMA.as_bytes())
                .map(|_| ExitCode::SUCCESS)
                .map_err(Into::into)
        }
    };
    match result {
        Ok(code) => code,
        // The reader of the output has gone (`| head`): nothing more is wanted.
        Err(e) if closed_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("vngov: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Whether `e` comes from writing to a pipe whose reader has closed it.
fn closed_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
