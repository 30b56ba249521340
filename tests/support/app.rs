//! The reader's `App` on the built-in corpus, driven without a terminal:
//! actions in, the frame out as text (what the key-sequence tests share).
#![allow(dead_code)]

use parallax::analysis::Analysis;
use parallax::corpus;
use parallax::ui::action::Action;
use parallax::ui::app::App;
use parallax::ui::keymap::Keymap;
use parallax::ui::theme::Theme;
use parallax::ui::update::Msg;
use parallax::ui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The built-in corpus analysed, the default keymap, laid out at `size`.
pub fn builtin(size: (u16, u16), color: bool) -> App {
    let corpus = corpus::load_builtin();
    let analysis = Analysis::build(&corpus);
    let theme = Theme { color };
    let mut app = App::new(corpus, analysis, Keymap::default_keymap(), theme, size);
    app.refresh_layouts();
    app
}

pub fn act(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(Msg::Action(*a));
    }
}

/// The frame drawn now, one line per row, trailing blanks cut.
pub fn screen_text(app: &App) -> String {
    let (w, h) = app.size();
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::draw(f, app)).unwrap();
    let buf = term.backend().buffer();
    (0..h)
        .map(|y| {
            let row: String = (0..w).map(|x| buf[(x, y)].symbol()).collect();
            row.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The status line (the frame's last row), trailing blanks cut.
pub fn status_line(app: &App) -> String {
    screen_text(app)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

/// The title line (the frame's first row), trailing blanks cut.
pub fn title_line(app: &App) -> String {
    screen_text(app)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}
