//! Options valid everywhere are taken before or after the subcommand, as
//! git and cargo take them: `parallax --color never list` lists, it does
//! not open `list` as a path.

use crate::support::run;

use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(120);

fn stdout_of(args: &[&str]) -> String {
    let ran = run::parallax(args, TIMEOUT);
    assert_eq!(ran.code, Some(0), "{args:?}: {}", ran.stderr_text());
    assert!(ran.stderr.is_empty(), "{args:?}: {}", ran.stderr_text());
    String::from_utf8(ran.stdout).unwrap()
}

#[test]
fn global_options_before_the_subcommand_run_it() {
    let listed = stdout_of(&["list", "--color", "never"]);
    assert!(listed.starts_with("ID "), "{listed}");
    for args in [
        &["--color", "never", "list"][..],
        &["--session", "someone", "list"],
        &["--keymap", "keymap.toml", "list"],
        &["--resume", "list"],
        &["-r", "list"],
        &["--max-bytes", "1G", "list"],
        &["--outlet-from", "parent", "list"],
        &["--mouse", "--osc52", "list"],
        &["--threshold", "0.6", "list"],
    ] {
        let mut args = args.to_vec();
        if !args.contains(&"--color") {
            args.extend(["--color", "never"]);
        }
        assert_eq!(stdout_of(&args), listed, "{args:?}");
    }
}

#[test]
fn threshold_is_taken_on_either_side_of_the_subcommand() {
    let before = stdout_of(&[
        "--threshold",
        "0.6",
        "diff",
        "000",
        "002",
        "--color",
        "never",
    ]);
    let after = stdout_of(&[
        "diff",
        "000",
        "002",
        "--threshold",
        "0.6",
        "--color",
        "never",
    ]);
    assert!(before.contains("similarity ≥ 0.60"), "{before}");
    assert_eq!(before, after);
}

#[test]
fn session_before_report_names_the_notes() {
    let data = tempfile::tempdir().unwrap();
    let ran = run::parallax_env(
        &["--session", "nosuch", "report", "000", "002"],
        &[("PARALLAX_DATA_DIR", data.path().as_os_str())],
        TIMEOUT,
    );
    assert_eq!(ran.code, Some(0), "{}", ran.stderr_text());
    assert!(
        ran.stderr_text().contains("no saved session 'nosuch'"),
        "the session named before the subcommand is the report's: {}",
        ran.stderr_text()
    );
}

#[test]
fn a_path_named_like_a_subcommand_after_a_path_stays_a_path() {
    // The first word decides: after a path, `list` is a second path.
    let ran = run::parallax(&["tests/fixtures/inputs/pages", "list"], TIMEOUT);
    assert_eq!(ran.code, Some(2));
    assert!(
        ran.stderr_text()
            .contains("list: no such file or directory; 'list' is a command"),
        "{}",
        ran.stderr_text()
    );
}

#[test]
fn a_command_line_parallax_cannot_read_is_one_line_and_code_2() {
    for (args, names) in [
        (&["list", "--bogus"][..], "parallax list --help"),
        (&["diff", "000"], "parallax diff --help"),
        (&["--threshold", "high", "list"], "--help"),
    ] {
        let ran = run::parallax(args, TIMEOUT);
        assert_eq!(ran.code, Some(2), "{args:?}");
        assert!(ran.stdout.is_empty(), "{args:?}");
        let err = ran.stderr_text();
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("parallax: error: "), "{args:?}: {err}");
        assert!(err.contains(names), "{args:?}: {err}");
        assert!(!err.contains("--mouse"), "no far-fetched tip: {err}");
    }
    // Help is still help, on stdout, with code 0.
    let ran = run::parallax(&["list", "--help"], TIMEOUT);
    assert_eq!(ran.code, Some(0));
    assert!(String::from_utf8_lossy(&ran.stdout).contains("Usage"));
}

#[test]
fn a_broken_keymap_named_for_a_headless_command_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("keys.toml");
    std::fs::write(&bad, "[global]\nq = \"no-such-action\"\n").unwrap();
    let bad = bad.to_str().unwrap();
    let ran = run::parallax(&["--keymap", bad, "list", "--color", "never"], TIMEOUT);
    assert_eq!(ran.code, Some(2), "{}", ran.stderr_text());
    assert!(ran.stdout.is_empty(), "nothing is listed past a bad keymap");
    let err = ran.stderr_text();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no-such-action"), "{err}");
}

#[test]
fn help_fits_80_columns_for_every_command() {
    // Help is wrapped to the terminal, and to 80 columns off one: every
    // command's, short and long.
    let commands: Vec<String> = {
        use clap::CommandFactory;
        parallax::cli::Cli::command()
            .get_subcommands()
            .map(|c| c.get_name().to_string())
            .collect()
    };
    assert!(commands.len() > 5, "{commands:?}");
    let mut asks: Vec<Vec<String>> = vec![vec!["--help".into()], vec!["-h".into()]];
    for c in &commands {
        asks.push(vec![c.clone(), "--help".into()]);
        asks.push(vec![c.clone(), "-h".into()]);
    }
    for ask in asks {
        let ran = run::parallax(&ask, TIMEOUT);
        assert_eq!(ran.code, Some(0), "{ask:?}");
        let text = String::from_utf8(ran.stdout).unwrap();
        for line in text.lines() {
            let w = parallax::display::wrap::width(line);
            assert!(w <= 80, "{ask:?}: {w} columns: {line:?}");
        }
    }
}

#[test]
fn a_commands_own_options_come_first_and_the_readers_last() {
    // The reader's options are global (taken anywhere) but mean nothing to
    // `diff`: its help puts them under their own heading, after the input
    // options, so `--partners` is not lost among `--mouse` and `--osc52`.
    let help = stdout_of(&["diff", "--help"]);
    let at = |needle: &str| {
        help.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} missing: {help}"))
    };
    let own = at("--partners");
    let input = at("\nInput options:\n");
    let reader = at("\nReader options:\n");
    assert!(own < input && input < reader, "{help}");
    for flag in ["--no-cache", "--field", "--max-bytes"] {
        let f = at(flag);
        assert!(
            input < f && f < reader,
            "{flag} not under Input options: {help}"
        );
    }
    for flag in ["--mouse", "--osc52", "--keymap", "--resume"] {
        assert!(at(flag) > reader, "{flag} not under Reader options: {help}");
    }
}
