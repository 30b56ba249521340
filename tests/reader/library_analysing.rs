//! While the analysis runs in the background the library says so, so a
//! user (and the end-to-end tests' `wait_ready`) can tell when comparing
//! and topics will answer.

use parallax::analysis::Analysis;
use parallax::corpus;
use parallax::ui::app::App;
use parallax::ui::keymap::Keymap;
use parallax::ui::overlays::palette::MatchIndex;
use parallax::ui::theme::Theme;
use parallax::ui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::Arc;

fn status(app: &App) -> String {
    let (w, h) = app.size();
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::draw(f, app)).unwrap();
    let buf = term.backend().buffer().clone();
    (0..w).map(|x| buf[(x, h - 1)].symbol()).collect()
}

#[test]
fn the_library_says_it_is_analysing_until_the_analysis_is_in() {
    let corpus = Arc::new(corpus::load_builtin());
    let mut app = App::analysing(
        Arc::clone(&corpus),
        Keymap::default_keymap(),
        Theme { color: false },
        (100, 20),
    );
    app.refresh_layouts();
    assert!(
        status(&app).contains("0 marked · analysing…"),
        "{}",
        status(&app)
    );
    let analysis = Analysis::build(&corpus);
    let index = Arc::new(MatchIndex::build(&analysis.topics));
    app.set_analysis(analysis, index);
    assert!(!status(&app).contains("analysing"), "{}", status(&app));
}
