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
            print!("{}", vngov_record::JSON_SCHEMA);
            Ok(ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("vngov: {e:#}");
            ExitCode::from(2)
        }
    }
}
