//! Files the load left out are not hidden behind the reader's screen: the
//! library's status line counts them and its help says which and why.
//! `App` over a loaded folder, the frame read off a TestBackend.

use crate::support::app::{act, screen_text, status_line as status};
use parallax::analysis::Analysis;
use parallax::corpus::{self, Corpus, LoadWarning};
use parallax::ui::action::Action;
use parallax::ui::app::App;
use parallax::ui::keymap::Keymap;
use parallax::ui::theme::Theme;
use std::path::PathBuf;

fn app_over(corpus: Corpus, size: (u16, u16)) -> App {
    let analysis = Analysis::build(&corpus);
    let theme = Theme { color: false };
    let mut app = App::new(corpus, analysis, Keymap::default_keymap(), theme, size);
    app.refresh_layouts();
    app
}

/// Two articles, an empty file and a binary one.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let write = |name: &str, text: &[u8]| std::fs::write(d.join(name), text).unwrap();
    write(
        "a-harbour.txt",
        b"Harbour reopens\n\nThe harbour reopened at dawn after a week of storm repairs.\n",
    );
    write(
        "b-council.txt",
        b"Council meets\n\nThe council met to count the cost of the storm repairs.\n",
    );
    write("c-empty.txt", b"");
    write("d-image.txt", b"GIF89a\0\0\x01\0binary");
    dir
}

#[test]
fn the_library_counts_skipped_files_and_its_help_lists_them() {
    let dir = folder();
    let corpus = corpus::load_paths(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(corpus.articles.len(), 2);
    let mut app = app_over(corpus, (80, 24));
    let said = status(&app);
    assert!(said.contains(" · 2 files skipped (? says why)"), "{said}");
    act(&mut app, &[Action::Help]);
    let help = screen_text(&app);
    assert!(help.contains("Load warnings"), "{help}");
    for (file, why) in [
        ("c-empty.txt", "empty file"),
        ("d-image.txt", "binary file"),
    ] {
        let line = help
            .lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("{file} listed:\n{help}"));
        assert!(line.contains(why), "{line}");
    }
}

#[test]
fn a_load_without_warnings_says_nothing_of_them() {
    let mut app = app_over(corpus::load_builtin(), (80, 24));
    assert!(!status(&app).contains("skipped"), "{}", status(&app));
    act(&mut app, &[Action::Help]);
    assert!(!screen_text(&app).contains("Load warnings"));
}

/// A file cut short still loaded: a warning, not a file skipped.
#[test]
fn a_warning_about_a_loaded_file_is_counted_as_a_warning() {
    let mut corpus = corpus::load_builtin();
    let path = PathBuf::from("news/long.txt");
    corpus.articles[0].path = Some(path.clone());
    corpus.warnings.push(LoadWarning {
        path,
        message: "larger than 32 MiB; the rest was not read".into(),
    });
    let app = app_over(corpus, (80, 24));
    let said = status(&app);
    assert!(said.contains(" · 1 load warning (? lists it)"), "{said}");
}

/// Many skipped files: help lists the first few and says where the rest
/// are, so the keys stay within reach.
#[test]
fn help_lists_a_few_skipped_files_and_counts_the_rest() {
    let mut corpus = corpus::load_builtin();
    for k in 0..20 {
        corpus.warnings.push(LoadWarning {
            path: PathBuf::from(format!("scans/page-{k:02}.txt")),
            message: "binary file (NUL bytes)".into(),
        });
    }
    let mut app = app_over(corpus, (80, 24));
    assert!(
        status(&app).contains(" · 20 files skipped"),
        "{}",
        status(&app)
    );
    act(&mut app, &[Action::Help]);
    insta::assert_snapshot!("help_over_twenty_skipped_80x24", screen_text(&app));
}
