use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    parallax::cli::run(parallax::cli::Cli::parse())
}
