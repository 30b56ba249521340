//! "Where am I" as the user sees it: a bookmark takes the paragraph on
//! screen, and `--resume` brings back the very screen that was left, at
//! every scroll position of the reader, compare and topic views.

use parallax::analysis::Analysis;
use parallax::corpus::{self, Corpus};
use parallax::session::Session;
use parallax::ui::action::Action;
use parallax::ui::app::App;
use parallax::ui::keymap::Keymap;
use parallax::ui::theme::Theme;
use parallax::ui::update::Msg;
use parallax::ui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::{Arc, OnceLock};

const SIZE: (u16, u16) = (120, 40);

/// The built-in corpus and its analysis, made once: every resumed reader
/// starts from them.
fn built() -> &'static (Arc<Corpus>, Arc<Analysis>) {
    static BUILT: OnceLock<(Arc<Corpus>, Arc<Analysis>)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let corpus = corpus::load_builtin();
        let analysis = Analysis::build(&corpus);
        (Arc::new(corpus), Arc::new(analysis))
    })
}

fn app() -> App {
    let (corpus, analysis) = built();
    let mut app = App::new(
        Arc::clone(corpus),
        Arc::clone(analysis),
        Keymap::default_keymap(),
        Theme { color: false },
        SIZE,
    );
    app.refresh_layouts();
    app
}

fn act(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(Msg::Action(*a));
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Msg::Input(c));
    }
}

fn screen(app: &App) -> Vec<String> {
    let mut term = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).unwrap();
    term.draw(|f| view::draw(f, app)).unwrap();
    let buf = term.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect()
}

/// Quit (save the session) and `--resume` it in a fresh reader.
fn resumed(app: &App) -> App {
    let mut session = Session::new(Vec::new());
    app.save_into(&mut session);
    let mut again = self::app();
    again.restore_from(&session);
    again
}

/// Scroll down one line at a time through `lines` lines; after each, the
/// resumed reader shows the same screen.
fn resume_comes_back_to_every_line(app: &mut App, lines: usize, what: &str) {
    let mut wrong = Vec::new();
    let mut moved = 0;
    for line in 0..lines {
        let before = screen(app);
        let after = screen(&resumed(app));
        if before != after {
            let first = before.iter().zip(&after).position(|(b, a)| b != a);
            wrong.push((line, first));
        }
        act(app, &[Action::ScrollDown]);
        moved += usize::from(screen(app) != before);
    }
    assert!(
        moved + 1 >= lines,
        "{what}: scrolled {moved} of {lines} lines"
    );
    assert!(
        wrong.is_empty(),
        "{what}: after scrolling down (lines, first row that differs) {wrong:?}"
    );
}

#[test]
fn resume_brings_back_the_compare_screen_at_every_line() {
    let mut app = app();
    act(
        &mut app,
        &[
            Action::ToggleMark,
            Action::ScrollDown,
            Action::ToggleMark,
            Action::Compare,
        ],
    );
    // Blank lines between rows included: those came back one row lower.
    resume_comes_back_to_every_line(&mut app, 50, "compare 000 ⇄ 002");
}

#[test]
fn resume_brings_back_the_reader_screen_at_every_line() {
    let mut app = app();
    act(&mut app, &[Action::Bottom, Action::Confirm]);
    resume_comes_back_to_every_line(&mut app, 40, "reader on 004");
}

#[test]
fn resume_brings_back_the_topic_screen_at_every_line() {
    let mut app = app();
    act(&mut app, &[Action::Topics]);
    type_text(&mut app, "vladimir putin");
    // The first hit, the name (every form of it): covered by four articles.
    act(&mut app, &[Action::OpenAcross]);
    resume_comes_back_to_every_line(&mut app, 40, "topic @Vladimir Putin");
}

#[test]
fn resume_brings_back_the_quotes_and_passages_lists() {
    for (open, title) in [
        (Action::Quotes, "Quotes ·"),
        (Action::Passages, "Shared passages"),
    ] {
        let mut app = app();
        act(&mut app, &[open]);
        let shown = screen(&app);
        assert!(shown[0].contains(title), "{title}: {}", shown[0]);
        assert_eq!(screen(&resumed(&app)), shown, "{title}");
    }
}

/// The excerpt the bookmark prompt shows (its first row inside the box).
fn prompt_excerpt(rows: &[String]) -> String {
    let at = rows
        .iter()
        .position(|r| r.contains("Bookmark · note"))
        .expect("the prompt is open");
    let left = rows[at]
        .chars()
        .position(|c| c == '┌')
        .expect("the prompt's box");
    rows[at + 1]
        .chars()
        .skip(left + 1)
        .take_while(|&c| c != '│')
        .collect::<String>()
        .trim()
        .to_string()
}

#[test]
fn a_bookmark_in_the_topic_view_takes_the_paragraph_on_screen() {
    let mut app = app();
    act(&mut app, &[Action::Topics]);
    type_text(&mut app, "media framing");
    act(&mut app, &[Action::OpenAcross]);
    // The second article's section at the top: its heading, a blank
    // line, then its first paragraph on the topic.
    act(&mut app, &[Action::NextHeading]);
    let rows = screen(&app);
    assert!(rows[1].trim_start().starts_with('■'), "{rows:#?}");
    let shown = rows[3].trim_start();
    let (block, text) = shown.split_once(' ').expect("block number, text");
    assert!(block.parse::<usize>().is_ok(), "{shown}");
    act(&mut app, &[Action::Bookmark]);
    let excerpt = prompt_excerpt(&screen(&app));
    let start: String = excerpt.chars().take(20).collect();
    assert!(
        text.trim_start().starts_with(&start),
        "bookmarked “{excerpt}”, on screen “{text}”"
    );
    // Kept, listed with the block number shown in the topic view.
    act(&mut app, &[Action::Confirm, Action::Bookmarks]);
    let listed = screen(&app);
    assert!(
        listed.iter().any(|r| r.contains(&format!("#{block} "))),
        "block {block} in the list: {listed:#?}"
    );
}

#[test]
fn a_bookmark_at_a_blank_line_of_the_reader_takes_the_paragraph_below() {
    let mut app = app();
    act(&mut app, &[Action::Confirm]);
    let mut checked = 0;
    for _ in 0..40 {
        let rows = screen(&app);
        act(&mut app, &[Action::Bookmark]);
        let excerpt = prompt_excerpt(&screen(&app));
        act(&mut app, &[Action::Back, Action::ScrollDown]);
        // Only a blank top line: the paragraph above is all off screen.
        if !rows[1].trim().is_empty() {
            continue;
        }
        let first = rows[2].trim_start();
        if first.starts_with('⋯') || first.starts_with('↻') {
            continue;
        }
        let start: String = excerpt.chars().take(12).collect();
        assert!(
            first.starts_with(&start),
            "bookmarked “{excerpt}”, first on screen “{first}”"
        );
        checked += 1;
    }
    assert!(checked > 3, "blank lines at the top: {checked}");
}
