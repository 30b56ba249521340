//! What the shared-passages and quotes view tests drive and read: an App
//! on the built-in or the quotes corpus, actions, and the drawn buffer.

use parallax::analysis::Analysis;
use parallax::corpus::{self, Corpus};
use parallax::ui::action::Action;
use parallax::ui::app::{App, ScreenId};
use parallax::ui::keymap::Keymap;
use parallax::ui::theme::Theme;
use parallax::ui::update::Msg;
use parallax::ui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use std::path::PathBuf;

pub(super) const QUOTES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/quotes");

pub(super) fn app_on(corpus: Corpus, size: (u16, u16)) -> App {
    let analysis = Analysis::build(&corpus);
    let theme = Theme { color: false };
    let mut app = App::new(corpus, analysis, Keymap::default_keymap(), theme, size);
    app.refresh_layouts();
    app
}

pub(super) fn builtin(size: (u16, u16)) -> App {
    app_on(corpus::load_builtin(), size)
}

pub(super) fn quotes_corpus(size: (u16, u16)) -> App {
    let corpus = corpus::load_paths(&[PathBuf::from(QUOTES)]).expect("the quotes corpus loads");
    app_on(corpus, size)
}

pub(super) fn act(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(Msg::Action(*a));
    }
}

pub(super) fn render(app: &App) -> Buffer {
    let (w, h) = app.size();
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::draw(f, app)).unwrap();
    term.backend().buffer().clone()
}

pub(super) fn row_text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol())
        .collect::<String>()
        .trim_end()
        .to_string()
}

pub(super) fn screen_text(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| row_text(buf, y))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The passage group (its number in the list) holding block `block` of
/// article `article`.
pub(super) fn passage_of(app: &App, article: &str, block: usize) -> usize {
    let a = app.corpus().resolve(article).unwrap();
    let r = parallax::corpus::BlockRef::new(a, block);
    *app.analysis()
        .passages
        .of_block(r)
        .first()
        .expect("a group")
}

/// Open the passages view and the copies of group `g`.
pub(super) fn open_passage(app: &mut App, g: usize) {
    act(app, &[Action::Passages, Action::Top]);
    for _ in 0..g {
        act(app, &[Action::ScrollDown]);
    }
    assert_eq!(app.passages().selected(), g);
    act(app, &[Action::Confirm]);
    assert_eq!(app.screen(), ScreenId::Variants);
}

/// The column of `word` in row `y`, from `from` on.
pub(super) fn find(buf: &Buffer, y: u16, from: u16, word: &str) -> Option<u16> {
    let row: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
    let len = word.chars().count() as u16;
    (from..buf.area.width.saturating_sub(len)).find(|&x| {
        word.chars()
            .enumerate()
            .all(|(k, c)| row[usize::from(x) + k] == c.to_string())
    })
}
