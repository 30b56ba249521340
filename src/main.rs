use std::process::ExitCode;

fn main() -> ExitCode {
    match parallax::cli::parse() {
        Ok(cli) => parallax::cli::run(cli),
        Err(code) => code,
    }
}
