//! Finding a phrase in every article (`F`), the results view and following
//! a hit into the reader; the library's filter and its marks. Driven
//! through `App` without a terminal.

use parallax::analysis::Analysis;
use parallax::corpus;
use parallax::ui::action::Action;
use parallax::ui::app::{App, Overlay, ScreenId};
use parallax::ui::keymap::Keymap;
use parallax::ui::screens::Screen;
use parallax::ui::theme::Theme;
use parallax::ui::update::Msg;
use parallax::ui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;

fn app(size: (u16, u16)) -> App {
    let corpus = corpus::load_builtin();
    let analysis = Analysis::build(&corpus);
    let mut app = App::new(
        corpus,
        analysis,
        Keymap::default_keymap(),
        Theme { color: true },
        size,
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

fn render(app: &App) -> Buffer {
    let (w, h) = app.size();
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::draw(f, app)).unwrap();
    term.backend().buffer().clone()
}

fn rows(buf: &Buffer) -> Vec<String> {
    let a = buf.area;
    (0..a.height)
        .map(|y| {
            (0..a.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect()
}

fn message(app: &App) -> String {
    app.message()
        .map(|m| m.as_str().to_string())
        .unwrap_or_default()
}

fn find_everywhere(app: &mut App, phrase: &str) {
    act(app, &[Action::SearchAll]);
    assert_eq!(app.overlay(), Some(Overlay::Search));
    type_text(app, phrase);
    act(app, &[Action::Confirm]);
}

#[test]
fn a_phrase_found_in_every_article_lists_hits_by_article() {
    let mut app = app((120, 40));
    find_everywhere(&mut app, "alaska");
    assert_eq!(app.screen(), ScreenId::Results);
    let found = app.results().found();
    assert!(found.articles >= 2, "{found:?}");
    assert_eq!(found.total, found.hits.len());
    let title = app.current().title(app.shared());
    assert!(
        title.contains(&format!(
            "{} hits in {} articles",
            found.total, found.articles
        )),
        "{title}"
    );
    let buf = render(&app);
    let text = rows(&buf);
    // An article's line, then its hits, each with the hit marked.
    assert!(
        text[1].starts_with("■ 000 · THE MAG POST · "),
        "{}",
        text[1]
    );
    assert!(text[1].contains(" hit"), "{}", text[1]);
    assert!(text[2].contains("› #"), "{}", text[2]);
    let mut marked = 0;
    for y in 2..39 {
        let hit: String = (0..120)
            .filter(|&x| matches!(buf[(x, y)].bg, Color::Yellow | Color::Cyan))
            .map(|x| buf[(x, y)].symbol())
            .collect();
        if !hit.is_empty() {
            assert_eq!(
                hit.to_lowercase(),
                "alaska",
                "row {y}: {}",
                text[y as usize]
            );
            marked += 1;
        }
    }
    assert!(marked >= 5, "{marked} hits marked");
    let articles: std::collections::BTreeSet<usize> =
        found.hits.iter().map(|h| h.block.article).collect();
    let heads = text.iter().filter(|r| r.starts_with("■ ")).count();
    assert!(heads >= 2.min(articles.len()), "{heads} article lines");
}

#[test]
fn enter_on_a_hit_opens_the_reader_there_searching_for_the_phrase() {
    let mut app = app((100, 30));
    find_everywhere(&mut app, "alaska");
    // Into the second article's hits.
    act(&mut app, &[Action::NextHeading, Action::ScrollDown]);
    let hit = *app.results().selected_hit().expect("a hit selected");
    assert_ne!(hit.block.article, 0);
    act(&mut app, &[Action::Confirm]);
    assert_eq!(app.screen(), ScreenId::Reader);
    assert_eq!(app.reader().article(), hit.block.article);
    // The block of the hit is at the top, the hit current and on screen.
    let top = app.reader().top().unwrap();
    assert_eq!(top.left, Some(hit.block));
    let find = app.reader().find().unwrap();
    assert_eq!(find.phrase(), Some("alaska"));
    assert_eq!(find.current_place(), Some((hit.block, hit.start)));
    let (_, line, _) = find.current().unwrap();
    let scroll = app.reader().scroll();
    assert!(line >= scroll && line < scroll + 28);
    // n goes on to the next hit in the article.
    act(&mut app, &[Action::NextMatch]);
    let next = app.reader().find().unwrap().current().unwrap();
    assert!(next.1 >= line, "{next:?} after line {line}");
    assert_ne!(
        app.reader().find().unwrap().current_place(),
        Some((hit.block, hit.start))
    );
    // Back is the results, where they were.
    act(&mut app, &[Action::Back, Action::Back]);
    assert_eq!(app.screen(), ScreenId::Results);
    assert_eq!(app.results().selected_hit(), Some(&hit));
}

#[test]
fn a_phrase_found_nowhere_says_so_and_stays() {
    let mut app = app((100, 30));
    find_everywhere(&mut app, "no such phrase anywhere");
    assert_eq!(app.screen(), ScreenId::Library);
    assert_eq!(
        message(&app),
        "Pattern not found in any article: no such phrase anywhere"
    );
    // An empty prompt repeats the last search that found something.
    find_everywhere(&mut app, "putin");
    act(&mut app, &[Action::Library]);
    find_everywhere(&mut app, "");
    assert_eq!(app.screen(), ScreenId::Results);
    assert_eq!(app.results().phrase(), Some("putin"));
}

#[test]
fn the_library_filter_narrows_by_outlet_title_and_id() {
    let mut app = app((100, 30));
    act(&mut app, &[Action::Search]);
    type_text(&mut app, "moneyoval");
    let only = app.corpus().resolve("003").unwrap();
    assert_eq!(app.library().shown(), [only]);
    assert_eq!(app.library().selected(), only);
    let text = rows(&render(&app));
    assert!(text[0].contains("Library · 1 of 5 articles"), "{}", text[0]);
    assert!(
        text[2].contains("003") && text[2].contains("MoneyOval"),
        "{}",
        text[2]
    );
    assert!(text[3].trim().is_empty(), "{}", text[3]);
    act(&mut app, &[Action::Confirm]);
    assert_eq!(app.overlay(), None);
    // Enter on the one left reads it.
    act(&mut app, &[Action::Confirm]);
    assert_eq!(app.screen(), ScreenId::Reader);
    assert_eq!(app.reader().article(), only);
    act(&mut app, &[Action::Back]);
    assert_eq!(app.library().shown(), [only], "the filter stays");
    // By title words and by id.
    act(&mut app, &[Action::Search, Action::ClearQuery]);
    type_text(&mut app, "alaska");
    let by_title = app.library().shown().to_vec();
    assert!(by_title.len() >= 2 && by_title.len() < 5, "{by_title:?}");
    act(&mut app, &[Action::ClearQuery]);
    type_text(&mut app, "004");
    assert_eq!(
        app.library().shown(),
        [app.corpus().resolve("004").unwrap()]
    );
    // Esc in the prompt: back to the filter before it; esc again: none.
    act(&mut app, &[Action::Back]);
    assert_eq!(app.library().filter(), "moneyoval");
    act(&mut app, &[Action::Back]);
    assert_eq!(app.library().filter(), "");
    assert_eq!(app.library().shown().len(), 5);
    assert_eq!(app.screen(), ScreenId::Library);
}

#[test]
fn moving_in_a_filtered_library_stays_in_the_list() {
    let mut app = app((100, 30));
    act(&mut app, &[Action::Search]);
    type_text(&mut app, "the mag post");
    act(&mut app, &[Action::Confirm]);
    let shown = app.library().shown().to_vec();
    assert_eq!(shown.len(), 4);
    act(&mut app, &[Action::Bottom]);
    assert_eq!(app.library().selected(), shown[3]);
    act(&mut app, &[Action::ScrollUp]);
    assert_eq!(app.library().selected(), shown[2]);
}

#[test]
fn a_third_mark_says_which_mark_it_dropped() {
    let mut app = app((100, 30));
    // Each mark is said, as the cursor moves on to the next row.
    act(&mut app, &[Action::ToggleMark]);
    assert_eq!(
        message(&app),
        "Marked 000 (left) · c compares it with the row under the cursor"
    );
    act(&mut app, &[Action::ToggleMark]);
    assert_eq!(message(&app), "Marked 001 (right) · c compares 000 ⇄ 001");
    act(&mut app, &[Action::ToggleMark]);
    assert_eq!(
        message(&app),
        "Unmarked 000; marked 001 and 002 (two are compared)"
    );
    let (a, b) = (
        app.corpus().resolve("001").unwrap(),
        app.corpus().resolve("002").unwrap(),
    );
    assert_eq!(app.library().marked(), [a, b]);
}

/// The screen as text, with the cells of hits in [brackets].
fn marked_text(buf: &Buffer) -> String {
    let a = buf.area;
    let hit = |x: u16, y: u16| matches!(buf[(x, y)].bg, Color::Yellow | Color::Cyan);
    (0..a.height)
        .map(|y| {
            let mut line = String::new();
            for x in 0..a.width {
                if hit(x, y) && (x == 0 || !hit(x - 1, y)) {
                    line.push('[');
                }
                line.push_str(buf[(x, y)].symbol());
                if hit(x, y) && (x + 1 == a.width || !hit(x + 1, y)) {
                    line.push(']');
                }
            }
            line.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn snapshots_of_the_results_and_the_hit_followed() {
    let mut app = app((80, 24));
    find_everywhere(&mut app, "alaska summit");
    insta::assert_snapshot!("results_80x24", marked_text(&render(&app)));
    act(
        &mut app,
        &[Action::ScrollDown, Action::ScrollDown, Action::Confirm],
    );
    insta::assert_snapshot!("reader_at_hit_80x24", marked_text(&render(&app)));
}
