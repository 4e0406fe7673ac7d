//! The `vngov` command: parses arguments, dispatches, sets the exit code.

mod args;
mod crawl;
mod extract;
mod fetch;
mod output;
mod progress;
mod urls;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    let result = match cli.command {
        args::Command::Extract(a) => extract::run(*a),
        args::Command::Fetch(a) => fetch::run(a),
        args::Command::Crawl(a) => crawl::run(a),
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
