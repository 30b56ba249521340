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

/// The built-in corpus in a reader whose analysis is still being made.
fn analysing_builtin() -> (Arc<corpus::Corpus>, App) {
    let corpus = Arc::new(corpus::load_builtin());
    let mut app = App::analysing(
        Arc::clone(&corpus),
        Keymap::default_keymap(),
        Theme { color: false },
        (100, 20),
    );
    app.refresh_layouts();
    (corpus, app)
}

#[test]
fn the_library_says_it_is_analysing_until_the_analysis_is_in() {
    let (corpus, mut app) = analysing_builtin();
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

/// The analysis goes in with a palette that scores every query; the
/// one-character tables arrive after it. A query typed before them finds
/// what it finds after them, and the tables answer a one-character query
/// at once.
#[test]
fn the_palette_answers_before_and_after_its_tables_arrive() {
    use parallax::ui::action::Action;
    use parallax::ui::update::Msg;
    let (corpus, mut app) = analysing_builtin();
    let analysis = Arc::new(Analysis::build(&corpus));
    app.set_analysis(
        Arc::clone(&analysis),
        Arc::new(MatchIndex::masks_only(&analysis.topics)),
    );
    let search = |app: &mut App, query: &str| {
        app.update(Msg::Action(Action::Topics));
        for c in query.chars() {
            app.update(Msg::Input(c));
        }
        while app.is_busy() {
            app.update(Msg::Tick);
        }
        let hits: Vec<usize> = app.palette().hits.iter().map(|h| h.topic).collect();
        app.update(Msg::Action(Action::Back));
        hits
    };
    let before = search(&mut app, "s");
    assert!(!before.is_empty());
    let long_before = search(&mut app, "sanct");
    assert!(!long_before.is_empty() && long_before.len() < before.len());
    app.set_palette_tables(Arc::new(MatchIndex::build(&analysis.topics)));
    assert_eq!(
        search(&mut app, "s"),
        before,
        "the same hits, the same order"
    );
    assert_eq!(search(&mut app, "sanct"), long_before);
}
