//! Take text with you: the copy key (`y`) copies the paragraph at the top
//! of the reader (in compare, both sides of the row) to the terminal's
//! clipboard through OSC 52 when asked (`--osc52`, `clipboard = "osc52"`),
//! else to a file in the data folder whose path the status line shows.
//! And `R` writes its report into `report_dir` when config.toml names one.

use crate::support::pty;

use parallax::analysis::Analysis;
use parallax::corpus;
use parallax::ui::action::Action;
use parallax::ui::app::{App, Effect};
use parallax::ui::clipboard::base64;
use parallax::ui::keymap::Keymap;
use parallax::ui::theme::Theme;
use parallax::ui::update::Msg;
use pty::{ENTER, Pty};
use std::ffi::OsStr;
use std::path::Path;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(60);
const PARAGRAPH: &str = "The harbour reopened on Tuesday after the storm repairs.";

/// A one-article corpus: a title, then the paragraph (two lines down),
/// then enough more that the reader can scroll it to the top.
fn corpus_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut text = format!("Harbour reopens\n\n{PARAGRAPH}\n");
    for n in 0..40 {
        text.push_str(&format!(
            "\nCrews worked on section {n} of the breakwater.\n"
        ));
    }
    std::fs::write(dir.path().join("harbour.txt"), text).unwrap();
    dir
}

/// Press `key` until the screen shows `needle` (a key the analysis must
/// be ready for is refused, with a message, while it runs).
fn press_until(p: &mut Pty, key: &[u8], needle: &str) {
    let start = std::time::Instant::now();
    while start.elapsed() < WAIT {
        p.key(key);
        if p.wait_screen(Duration::from_secs(2), |s| s.contains(needle)) {
            return;
        }
    }
    panic!("{needle:?} never shown:\n{}", p.screen());
}

/// The reader on the paragraph, in a pty 120×30.
fn reader_on_paragraph(args: &[&OsStr], config: &Path, data: &Path) -> Pty {
    let mut p = Pty::spawn_with_env(
        args,
        120,
        30,
        config.as_os_str(),
        &[("PARALLAX_DATA_DIR", data.as_os_str())],
    );
    assert!(p.wait_screen(WAIT, |s| s.contains("Library · 1 article")));
    p.key(ENTER);
    assert!(p.wait_screen(WAIT, |s| s.contains("line 1/")));
    p.key(b"2j");
    assert!(p.wait_screen(WAIT, |s| s.contains("line 3/")));
    p
}

fn quit(mut p: Pty) {
    p.key(b"q");
    assert_eq!(p.wait_exit(WAIT), Some(0));
}

#[test]
fn with_osc52_the_paragraph_goes_to_the_terminal_clipboard() {
    let (corpus, config, data) = (
        corpus_dir(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let args = [OsStr::new("--osc52"), corpus.path().as_os_str()];
    let mut p = reader_on_paragraph(&args, config.path(), data.path());
    p.key(b"y");
    let sequence = format!("\x1b]52;c;{}\x07", base64(PARAGRAPH.as_bytes()));
    assert!(p.wait_for(sequence.as_bytes(), WAIT), "the OSC 52 sequence");
    assert!(p.wait_screen(WAIT, |s| {
        s.contains("Copied block 1 of har to the terminal's clipboard (OSC 52)")
    }));
    assert!(
        !data.path().join("clipboard.txt").exists(),
        "no file with OSC 52"
    );
    quit(p);
}

#[test]
fn the_config_can_choose_osc52_too() {
    let (corpus, config, data) = (
        corpus_dir(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    std::fs::write(config.path().join("config.toml"), "clipboard = \"osc52\"\n").unwrap();
    let mut p = reader_on_paragraph(&[corpus.path().as_os_str()], config.path(), data.path());
    p.key(b"y");
    let sequence = format!("\x1b]52;c;{}\x07", base64(PARAGRAPH.as_bytes()));
    assert!(p.wait_for(sequence.as_bytes(), WAIT), "the OSC 52 sequence");
    quit(p);
}

#[test]
fn without_osc52_the_paragraph_goes_to_a_file_whose_path_is_shown() {
    let (corpus, config, data) = (
        corpus_dir(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let mut p = reader_on_paragraph(&[corpus.path().as_os_str()], config.path(), data.path());
    p.key(b"y");
    let file = data.path().join("clipboard.txt");
    let said = format!("Copied block 1 of har to {}", file.display());
    assert!(
        p.wait_screen(WAIT, |s| s.contains(&said)),
        "{said}:\n{}",
        p.screen()
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        format!("{PARAGRAPH}\n")
    );
    let out = p.output();
    assert!(
        !out.windows(5).any(|w| w == b"\x1b]52;"),
        "no OSC 52 unless asked"
    );
    quit(p);
}

#[test]
fn in_compare_both_sides_of_the_row_are_copied() {
    let corpus = corpus::load_builtin();
    let analysis = Analysis::build(&corpus);
    let mut app = App::new(
        corpus,
        analysis,
        Keymap::default_keymap(),
        Theme { color: false },
        (120, 40),
    );
    app.open_compare(0, 2);
    app.refresh_layouts();
    app.update(Msg::Action(Action::NextMatch));
    assert_eq!(app.update(Msg::Action(Action::Copy)), Effect::Copy);
    let copied = app.take_copied().expect("text to copy");
    let (l, r) = (&app.corpus().articles[0], &app.corpus().articles[2]);
    assert!(
        copied.what.starts_with("000 block ") && copied.what.contains(" and 002 block "),
        "{}",
        copied.what
    );
    let (left_part, right_part) = copied.text.split_once("\n\n").expect("two sides");
    assert!(
        left_part.starts_with(&format!("{} (block ", l.id)),
        "{left_part}"
    );
    assert!(
        right_part.starts_with(&format!("{} (block ", r.id)),
        "{right_part}"
    );
    assert!(l.blocks.iter().any(|b| left_part.ends_with(&b.text)));
    assert!(r.blocks.iter().any(|b| right_part.ends_with(&b.text)));
}

/// The reader on the built-in corpus, its config's `report_dir` set to
/// `reports`, showing the compare view of the first pair.
fn compare_reporting_to(
    reports: &std::path::Path,
    config: &std::path::Path,
    data: &std::path::Path,
) -> Pty {
    let toml = format!("report_dir = {:?}\n", reports.display().to_string());
    std::fs::write(config.join("config.toml"), toml).unwrap();
    let mut p = Pty::spawn_with_env(
        &[] as &[&str],
        200,
        40,
        config.as_os_str(),
        &[("PARALLAX_DATA_DIR", data.as_os_str())],
    );
    assert!(p.wait_screen(WAIT, |s| s.contains("Library · 5 articles")));
    press_until(&mut p, b"c", " paired · threshold");
    p
}

#[test]
fn the_report_key_writes_into_report_dir_and_says_the_full_path() {
    let (config, data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    // Outside the home folder (the pty's HOME is `config`), so said as it is.
    let elsewhere = tempfile::tempdir().unwrap();
    let reports = elsewhere.path().join("my reports");
    let mut p = compare_reporting_to(&reports, config.path(), data.path());
    p.key(b"R");
    assert!(p.wait_screen(WAIT, |s| s.contains("Report written to ")));
    let written: Vec<_> = std::fs::read_dir(&reports)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    let path = written[0].display().to_string();
    assert!(path.ends_with("/parallax-report-000-001.md"), "{path}");
    assert!(
        p.screen().contains(&path),
        "the full path {path}:\n{}",
        p.screen()
    );
    assert!(!p.screen().contains("replaced"));
    // Again: the one report, and the status line says it was replaced.
    p.key(b"R");
    assert!(p.wait_screen(WAIT, |s| s.contains("; the earlier one replaced)")));
    assert_eq!(std::fs::read_dir(&reports).unwrap().count(), 1);
    quit(p);
}

#[test]
fn a_report_dir_under_a_missing_folder_is_not_made() {
    let (config, data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let elsewhere = tempfile::tempdir().unwrap();
    let reports = elsewhere.path().join("typo").join("reports");
    let mut p = compare_reporting_to(&reports, config.path(), data.path());
    p.key(b"R");
    assert!(
        p.wait_screen(WAIT, |s| s.contains("report_dir ")),
        "{}",
        p.screen()
    );
    assert!(!elsewhere.path().join("typo").exists());
    quit(p);
}

#[test]
fn threshold_starts_the_compare_view_there() {
    let (config, data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut p = Pty::spawn_with_env(
        &["--threshold", "0.7"],
        120,
        30,
        config.path().as_os_str(),
        &[("PARALLAX_DATA_DIR", data.path().as_os_str())],
    );
    assert!(p.wait_screen(WAIT, |s| s.contains("Library · 5 articles")));
    press_until(&mut p, b"c", "threshold 0.70");
    quit(p);
}
