//! A command line parallax cannot read, said in one line like every other
//! error (`parallax: error: …`, exit code 2), where clap's own message is
//! a paragraph: the problem, a tip, the usage and a pointer to `--help`.
//! The line keeps the problem, names the `--help` to read, and keeps the
//! tip only when it is a likely typo: clap offers its nearest name
//! whatever the distance (`--bogus` → "did you mean `--mouse`").

use super::args::Cli;
use crate::corpus::sanitize::Clean;
use clap::Parser;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::process::ExitCode;

/// The parsed command line, or the exit code once help, the version or
/// the one-line error has been printed.
pub fn parse() -> Result<Cli, ExitCode> {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    Cli::try_parse_from(&args).map_err(|e| match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
        }
        _ => {
            crate::diag::error(&Clean::line(&one_line(&e, &args)));
            ExitCode::from(2)
        }
    })
}

/// Most edits a tip's name may be from what was typed to be shown.
const TYPO_EDITS: usize = 2;

/// The problem, a close tip, and the `--help` to read, from clap's
/// rendered message (and from `args` when it shows no usage line).
fn one_line(e: &clap::Error, args: &[std::ffi::OsString]) -> String {
    let rendered = e.render().to_string();
    let mut problem: Vec<&str> = Vec::new();
    let mut command = command_typed(args);
    // A usage of several lines ("parallax report LEFT RIGHT …" over
    // "parallax report --all …") runs on to the next blank line.
    let mut in_usage = false;
    for line in rendered.lines().map(str::trim) {
        if let Some(usage) = line.strip_prefix("Usage:") {
            command = command_of(usage);
            in_usage = true;
        } else if in_usage && !line.is_empty() {
            continue;
        } else if line.is_empty()
            || line.starts_with("tip:")
            || line.starts_with("For more information")
        {
            in_usage = false;
            continue;
        } else {
            problem.push(line.strip_prefix("error:").map_or(line, str::trim));
        }
    }
    let mut out = problem.join(" ");
    if let Some(tip) = close_tip(e) {
        out.push_str(&format!("; did you mean '{tip}'?"));
    }
    out.push_str(&format!(" (see '{command} --help')"));
    out
}

/// "parallax diff" of a usage line "parallax diff <LEFT> <RIGHT> [PATHS]…"
/// (or "parallax report LEFT RIGHT …"): the words before the first
/// argument.
fn command_of(usage: &str) -> String {
    usage
        .split_whitespace()
        .take_while(|w| {
            !w.starts_with(['<', '[', '-']) && !w.chars().all(|c| c.is_ascii_uppercase())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "parallax elsewhere" when `args` name that subcommand: clap shows no
/// usage line for a bad value, and its `--help` is the one to read.
fn command_typed(args: &[std::ffi::OsString]) -> String {
    use clap::CommandFactory;
    let cli = Cli::command();
    let sub = args
        .iter()
        .skip(1)
        .filter_map(|a| a.to_str())
        .find(|a| cli.get_subcommands().any(|c| c.get_name() == *a));
    match sub {
        Some(sub) => format!("parallax {sub}"),
        None => "parallax".to_string(),
    }
}

/// "; did you mean the command 'quotes'?" when a path that is not there
/// is one bare word a few edits from a subcommand's name (`parallax
/// quote FOLDER` reads `quote` as a path).
pub fn command_hint(missing: &str) -> String {
    use clap::CommandFactory;
    if missing.contains(['/', '.', ',', ' ']) {
        return String::new();
    }
    Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .filter(|name| name != "help")
        .min_by_key(|name| strsim::levenshtein(missing, name))
        .filter(|name| strsim::levenshtein(missing, name) <= TYPO_EDITS)
        .map_or_else(String::new, |name| {
            if name == missing {
                format!("; '{name}' is a command: it comes before the paths")
            } else {
                format!("; did you mean the command '{name}'? (a command comes before the paths)")
            }
        })
}

/// clap's suggestion, when it is a few edits from what was typed.
fn close_tip(e: &clap::Error) -> Option<String> {
    // What was typed, and clap's nearest name for it: a value, a
    // subcommand or an option.
    let (typed, suggested) = [
        (ContextKind::InvalidValue, ContextKind::SuggestedValue),
        (
            ContextKind::InvalidSubcommand,
            ContextKind::SuggestedSubcommand,
        ),
        (ContextKind::InvalidArg, ContextKind::SuggestedArg),
    ]
    .into_iter()
    .find_map(|(t, s)| Some((e.get(t)?, e.get(s)?)))?;
    let typed = match typed {
        ContextValue::String(s) => s.clone(),
        _ => return None,
    };
    let names: Vec<String> = match suggested {
        ContextValue::String(s) => vec![s.clone()],
        ContextValue::Strings(v) => v.clone(),
        _ => return None,
    };
    names.into_iter().find(|name| {
        // Compared without what follows an `=` ("--jsn=x").
        let typed = typed.split('=').next().unwrap_or(&typed);
        strsim::levenshtein(typed, name) <= TYPO_EDITS
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line_of(args: &[&str]) -> String {
        let args: Vec<std::ffi::OsString> = std::iter::once("parallax")
            .chain(args.iter().copied())
            .map(Into::into)
            .collect();
        match Cli::try_parse_from(&args) {
            Err(e) => one_line(&e, &args),
            Ok(_) => panic!("{args:?} parsed"),
        }
    }

    #[test]
    fn a_missing_path_near_a_command_suggests_it() {
        assert!(command_hint("quote").contains("did you mean the command 'quotes'?"));
        assert!(command_hint("lsit").contains("'list'"));
        assert!(command_hint("list").contains("'list' is a command"));
        assert_eq!(command_hint("spill"), "");
        assert_eq!(command_hint("data/quote"), "");
    }

    #[test]
    fn a_bad_command_line_is_one_line_with_its_help() {
        let far = line_of(&["list", "--bogus"]);
        assert_eq!(
            far,
            "unexpected argument '--bogus' found (see 'parallax list --help')"
        );
        let near = line_of(&["list", "--jsn"]);
        assert!(near.contains("did you mean '--json'?"), "{near}");
        let missing = line_of(&["diff", "000"]);
        assert!(
            missing.starts_with("the following required arguments were not provided: <RIGHT>"),
            "{missing}"
        );
        assert!(
            missing.ends_with("(see 'parallax diff --help')"),
            "{missing}"
        );
        let choice = line_of(&["list", "--color", "alwys"]);
        assert!(choice.contains("did you mean 'always'?"), "{choice}");
        let value = line_of(&["diff", "000", "002", "--threshold", "high"]);
        assert!(value.starts_with("invalid value 'high'"), "{value}");
        assert!(value.ends_with("(see 'parallax diff --help')"), "{value}");
        // A negative number is a bad value, not an unknown option.
        let negative = line_of(&["diff", "000", "002", "--threshold", "-0.1"]);
        assert!(negative.contains("'-0.1' is not a threshold"), "{negative}");
        for line in [far, near, missing, choice, value, negative] {
            assert!(!line.contains('\n') && !line.contains("Usage"), "{line}");
        }
    }
}
