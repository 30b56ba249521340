//! The analysis fills in part by part: the near-duplicates land first and
//! the library's reuse columns show them while topics and the related
//! index are still being made; the views that need those still wait.

use parallax::analysis::Analysis;
use parallax::corpus;
use parallax::ui::action::Action;
use parallax::ui::app::App;
use parallax::ui::keymap::Keymap;
use parallax::ui::overlays::palette::MatchIndex;
use parallax::ui::theme::Theme;
use parallax::ui::update::Msg;
use parallax::ui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::Arc;

fn screen(app: &App) -> String {
    let (w, h) = app.size();
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::draw(f, app)).unwrap();
    let buf = term.backend().buffer().clone();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The row of article `id` in the library: its SHARED and REP columns
/// (numbers right-aligned under their headers; more columns may follow).
fn reuse_columns(text: &str, id: &str) -> (usize, usize) {
    let lines: Vec<Vec<char>> = text.lines().map(|l| l.chars().collect()).collect();
    let header = lines
        .iter()
        .find(|l| l.iter().collect::<String>().contains(" SHARED "))
        .unwrap_or_else(|| panic!("no header:\n{text}"));
    let row = lines
        .iter()
        .find(|l| l.iter().collect::<String>().trim_start().starts_with(id))
        .unwrap_or_else(|| panic!("no row for {id}:\n{text}"));
    let under = |name: &str| -> usize {
        let h: String = header.iter().collect();
        let start = h.find(&format!(" {name} ")).unwrap() + 1;
        let end = h[..start].chars().count() + name.len();
        let cell: String = row[end - name.len()..end].iter().collect();
        cell.trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name} is {cell:?}"))
    };
    (under("SHARED"), under("REP"))
}

#[test]
fn near_duplicates_show_before_the_rest_of_the_analysis() {
    let corpus = Arc::new(corpus::load_builtin());
    let full = Analysis::build(&corpus);
    let id = "004";
    let a = corpus.resolve(id).unwrap();
    let expected = (full.stats[a].shared, full.stats[a].repeated);
    assert!(expected.1 > 0, "004 repeats its intro");
    let mut app = App::analysing(
        Arc::clone(&corpus),
        Keymap::default_keymap(),
        Theme { color: false },
        (160, 30),
    );
    app.refresh_layouts();
    assert_eq!(reuse_columns(&screen(&app), id), (0, 0), "nothing yet");

    app.set_reuse(
        full.dups.clone(),
        full.stats.clone(),
        full.repeat_of.clone(),
    );
    assert_eq!(reuse_columns(&screen(&app), id), expected);
    assert!(
        app.is_analysing(),
        "topics and the related index still come"
    );
    app.update(Msg::Action(Action::Topics));
    assert!(screen(&app).contains("Still analysing"));

    let index = Arc::new(MatchIndex::build(&full.topics));
    app.set_analysis(full, index);
    assert!(!app.is_analysing());
    assert_eq!(reuse_columns(&screen(&app), id), expected);
}
