//! Words: one of a thing is singular ("1 article", "1 word"), in the CLI
//! and in the reader.

use crate::support::run;

use parallax::analysis::Analysis;
use parallax::corpus;
use parallax::ui::app::App;
use parallax::ui::keymap::Keymap;
use parallax::ui::theme::Theme;
use parallax::ui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(60);

fn one_article(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("harbour.txt");
    std::fs::write(&path, "Harbour\n").unwrap();
    path
}

fn stdout(args: &[&std::ffi::OsStr]) -> String {
    let ran = run::parallax(args, TIMEOUT);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr_text());
    String::from_utf8(ran.stdout).unwrap()
}

#[test]
fn the_cli_counts_one_thing_in_the_singular() {
    let dir = tempfile::tempdir().unwrap();
    let file = one_article(dir.path());
    let topics = stdout(&["topics".as_ref(), file.as_os_str()]);
    assert!(
        topics.starts_with("1 topic in 1 article: 1 heading, 0 names, 0 terms and phrases"),
        "{topics}"
    );
    let show = stdout(&["show".as_ref(), "harbour".as_ref(), file.as_os_str()]);
    assert!(show.contains("·  1 word  ·"), "{show}");
}

#[test]
fn the_library_title_counts_one_article_in_the_singular() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus::load_paths(&[one_article(dir.path())]).unwrap();
    let analysis = Analysis::build(&corpus);
    let mut app = App::new(
        corpus,
        analysis,
        Keymap::default_keymap(),
        Theme { color: false },
        (80, 24),
    );
    app.refresh_layouts();
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    term.draw(|f| view::draw(f, &app)).unwrap();
    let buf = term.backend().buffer().clone();
    let title: String = (0..80).map(|x| buf[(x, 0)].symbol()).collect();
    assert!(title.contains("Library · 1 article "), "{title}");
}

#[test]
fn a_topic_limit_counts_the_whole_index_and_says_what_it_shows() {
    let line = |args: &[&str]| {
        let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_ref()).collect();
        stdout(&args).lines().next().unwrap_or("").to_string()
    };
    let whole = line(&["topics"]);
    for limit in ["0", "3"] {
        let limited = line(&["topics", "--limit", limit]);
        // The same counts as without a limit (the first line, as far as
        // the whole index's summary goes), then which are shown.
        let counts = whole.split(';').next().unwrap();
        assert!(limited.starts_with(counts), "{limited} / {whole}");
        let all = stdout(&["topics".as_ref(), "--limit".as_ref(), limit.as_ref()]);
        let all = all.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(all.contains(&format!("the first {limit} shown")), "{all}");
    }
}
