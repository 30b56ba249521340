//! In-view search, driven through `App` without a terminal: `/` and a
//! phrase highlight the hits in the reader, in both panes of the compare
//! view and in the topic view; n/N go through them and wrap with a
//! message; esc clears; the hits are found at any width.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use parallax::analysis::Analysis;
use parallax::corpus;
use parallax::ui::action::Action;
use parallax::ui::app::{App, Overlay, ScreenId};
use parallax::ui::event_loop::key_message;
use parallax::ui::keymap::Keymap;
use parallax::ui::screens::Screen;
use parallax::ui::theme::Theme;
use parallax::ui::update::Msg;
use parallax::ui::view;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use ratatui::{Terminal, layout::Rect};
use std::path::Path;

fn app_with(size: (u16, u16), color: bool, keymap: Keymap) -> App {
    let corpus = corpus::load_builtin();
    let analysis = Analysis::build(&corpus);
    let mut app = App::new(corpus, analysis, keymap, Theme { color }, size);
    app.refresh_layouts();
    app
}

fn app(size: (u16, u16), color: bool) -> App {
    app_with(size, color, Keymap::default_keymap())
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

/// `/`, the phrase, enter.
fn search(app: &mut App, phrase: &str) {
    act(app, &[Action::Search]);
    assert_eq!(app.overlay(), Some(Overlay::Search));
    type_text(app, phrase);
    act(app, &[Action::Confirm]);
    assert_eq!(app.overlay(), None);
}

fn render(app: &App) -> Buffer {
    let (w, h) = app.size();
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::draw(f, app)).unwrap();
    term.backend().buffer().clone()
}

fn is_hit_colour(buf: &Buffer, x: u16, y: u16) -> bool {
    matches!(buf[(x, y)].bg, Color::Yellow | Color::Cyan)
}

/// The runs of highlighted cells in `area`, as (row, text).
fn highlighted(
    buf: &Buffer,
    area: Rect,
    hit: impl Fn(&Buffer, u16, u16) -> bool,
) -> Vec<(u16, String)> {
    let mut out = Vec::new();
    for y in area.y..area.bottom() {
        let mut run = String::new();
        for x in area.x..area.right() {
            if hit(buf, x, y) {
                run.push_str(buf[(x, y)].symbol());
            } else if !run.is_empty() {
                out.push((y, std::mem::take(&mut run)));
            }
        }
        if !run.is_empty() {
            out.push((y, run));
        }
    }
    out
}

/// The body rows (between the title and status rows).
fn body(app: &App) -> Rect {
    let (w, h) = app.size();
    Rect::new(0, 1, w, h - 2)
}

fn message(app: &App) -> String {
    app.message()
        .map(|m| m.as_str().to_string())
        .unwrap_or_default()
}

fn id_of(app: &App, prefix: &str) -> usize {
    app.corpus().resolve(prefix).unwrap()
}

#[test]
fn slash_highlights_every_hit_in_the_reader_and_n_goes_round() {
    let mut app = app((100, 30), true);
    app.open_reader(id_of(&app, "004"), None);
    search(&mut app, "alaska");
    let find = app.reader().find().unwrap();
    let n = find.len();
    assert!(n >= 3, "004 says Alaska several times: {n}");
    // The first hit is on screen, highlighted, and reads "Alaska".
    let runs = highlighted(&render(&app), body(&app), is_hit_colour);
    assert!(!runs.is_empty(), "no hit highlighted");
    for (_, text) in &runs {
        assert_eq!(text.to_lowercase(), "alaska", "{runs:?}");
    }
    let status = app.current().status(app.shared());
    assert!(status.contains("/alaska 1/"), "{status}");
    // n goes down through the hits, one at a time, then wraps.
    let mut seen = vec![find.current().unwrap()];
    for _ in 1..n {
        act(&mut app, &[Action::NextMatch]);
        let now = app.reader().find().unwrap().current().unwrap();
        assert!(now > *seen.last().unwrap(), "{now:?} after {seen:?}");
        seen.push(now);
        assert_eq!(message(&app), "");
        // The current hit is on screen.
        let top = app.reader().scroll();
        assert!(now.1 >= top && now.1 < top + 28, "{now:?} top {top}");
    }
    act(&mut app, &[Action::NextMatch]);
    assert_eq!(message(&app), "search hit BOTTOM, continuing at TOP");
    assert_eq!(app.reader().find().unwrap().current(), Some(seen[0]));
    // N wraps the other way.
    act(&mut app, &[Action::PrevMatch]);
    assert_eq!(message(&app), "search hit TOP, continuing at BOTTOM");
    assert_eq!(app.reader().find().unwrap().current(), seen.last().copied());
    act(&mut app, &[Action::PrevMatch]);
    assert_eq!(app.reader().find().unwrap().current(), Some(seen[n - 2]));
    // esc clears the hits and stays; the next esc goes back.
    act(&mut app, &[Action::Back]);
    assert_eq!(app.screen(), ScreenId::Reader);
    assert!(!app.reader().find().unwrap().is_active());
    assert!(highlighted(&render(&app), body(&app), is_hit_colour).is_empty());
    act(&mut app, &[Action::Back]);
    assert_eq!(app.screen(), ScreenId::Library);
}

#[test]
fn typing_searches_as_it_goes_and_esc_in_the_prompt_goes_back() {
    let mut app = app((100, 30), true);
    app.open_reader(id_of(&app, "001"), None);
    act(&mut app, &[Action::PageDown, Action::PageDown]);
    let top = app.reader().scroll();
    act(&mut app, &[Action::Search]);
    type_text(&mut app, "putin");
    let before_enter = app.reader().find().unwrap().len();
    assert!(before_enter > 0, "hits while typing");
    // The prompt on the status line says what it finds.
    let buf = render(&app);
    let last = (0..100).map(|x| buf[(x, 29)].symbol()).collect::<String>();
    assert!(last.starts_with("/putin▏"), "{last}");
    assert!(
        last.trim_end().ends_with(&format!("/{before_enter}")),
        "{last}"
    );
    type_text(&mut app, "zzqx");
    assert_eq!(app.reader().find().unwrap().len(), 0);
    assert!(render_status(&app).contains("not found"));
    act(&mut app, &[Action::Back]);
    assert_eq!(app.overlay(), None);
    assert_eq!(app.screen(), ScreenId::Reader);
    assert_eq!(app.reader().scroll(), top, "back where the prompt opened");
    assert!(!app.reader().find().unwrap().is_active());
}

fn render_status(app: &App) -> String {
    let buf = render(app);
    let (w, h) = app.size();
    (0..w).map(|x| buf[(x, h - 1)].symbol()).collect()
}

#[test]
fn an_empty_prompt_repeats_the_last_search_and_a_miss_is_said() {
    let mut app = app((100, 30), true);
    app.open_reader(id_of(&app, "000"), None);
    search(&mut app, "nosuchwordanywhere");
    assert_eq!(message(&app), "Pattern not found: nosuchwordanywhere");
    search(&mut app, "anchorage");
    let n = app.reader().find().unwrap().len();
    act(&mut app, &[Action::Back]);
    assert!(!app.reader().find().unwrap().is_active());
    search(&mut app, "");
    assert_eq!(app.reader().find().unwrap().phrase(), Some("anchorage"));
    assert_eq!(app.reader().find().unwrap().len(), n);
}

#[test]
fn case_counts_only_with_an_upper_case_letter() {
    let mut app = app((100, 30), true);
    app.open_reader(id_of(&app, "004"), None);
    search(&mut app, "the");
    let any = app.reader().find().unwrap().len();
    search(&mut app, "The");
    let exact = app.reader().find().unwrap().len();
    assert!(exact > 0 && exact < any, "{exact} of {any}");
}

#[test]
fn hits_are_found_at_every_width_also_across_a_break() {
    let mut app = app((100, 30), true);
    app.open_reader(id_of(&app, "004"), None);
    search(&mut app, "alaska summit");
    let wide = app.reader().find().unwrap().len();
    assert!(wide > 0);
    let mut broken = 0;
    for w in 24..=90 {
        app.update(Msg::Resize(w, 30));
        let find = app.reader().find().unwrap();
        assert_eq!(find.len(), wide, "at width {w}");
        // Every hit is drawn, also one that a break cuts in two: go
        // through them and read the highlighted cells back.
        for _ in 0..find.len() {
            act(&mut app, &[Action::NextMatch]);
            let buf = render(&app);
            let current = |b: &Buffer, x: u16, y: u16| b[(x, y)].bg == Color::Cyan;
            let runs = highlighted(&buf, body(&app), current);
            let text: Vec<&str> = runs.iter().map(|(_, t)| t.as_str()).collect();
            assert_eq!(
                text.join(" ").to_lowercase(),
                "alaska summit",
                "width {w}: {runs:?}"
            );
            if runs.len() == 2 {
                assert_eq!(runs[1].0, runs[0].0 + 1, "on the next line");
                broken += 1;
            }
        }
    }
    assert!(broken > 0, "some width breaks a hit over two lines");
}

#[test]
fn without_colour_hits_show_in_reverse_video() {
    let mut app = app((100, 30), false);
    app.open_reader(id_of(&app, "004"), None);
    search(&mut app, "alaska");
    let buf = render(&app);
    let reversed = |b: &Buffer, x: u16, y: u16| b[(x, y)].modifier.contains(Modifier::REVERSED);
    let runs = highlighted(&buf, body(&app), reversed);
    assert!(!runs.is_empty());
    for (_, text) in &runs {
        assert_eq!(text.to_lowercase(), "alaska", "{runs:?}");
    }
}

#[test]
fn compare_highlights_hits_in_both_panes_and_n_goes_through_both() {
    let mut app = app((120, 40), true);
    let (l, r) = (id_of(&app, "000"), id_of(&app, "002"));
    app.open_compare(l, r);
    assert!(app.compare().layout().is_some());
    search(&mut app, "anchorage");
    let n = app.compare().find().unwrap().len();
    assert!(n >= 2, "{n}");
    let mid = 120 / 2;
    let (mut left, mut right) = (false, false);
    let mut panes = std::collections::BTreeSet::new();
    let mut last = None;
    for k in 0..n {
        if k > 0 {
            act(&mut app, &[Action::NextMatch]);
            assert_eq!(message(&app), "", "hit {k} of {n}");
        }
        let now = app.compare().find().unwrap().current().unwrap();
        assert!(last.is_none_or(|l| (now.1, now.0, now.2) > l), "in order");
        last = Some((now.1, now.0, now.2));
        panes.insert(now.0);
        let runs = highlighted(&render(&app), body(&app), is_hit_colour);
        for (_, text) in &runs {
            assert_eq!(text.to_lowercase(), "anchorage", "{runs:?}");
        }
        let buf = render(&app);
        let rows = Rect::new(0, 2, 120, 37);
        left |= !highlighted(
            &buf,
            Rect {
                width: mid - 2,
                ..rows
            },
            is_hit_colour,
        )
        .is_empty();
        let right_half = Rect {
            x: mid + 2,
            width: 120 - mid - 2,
            ..rows
        };
        right |= !highlighted(&buf, right_half, is_hit_colour).is_empty();
    }
    assert!(left && right, "hits highlighted in both panes");
    assert_eq!(panes.len(), 2, "n visits hits of both panes");
    act(&mut app, &[Action::NextMatch]);
    assert_eq!(message(&app), "search hit BOTTOM, continuing at TOP");
    // Without a search, n is the next paired paragraph again.
    act(&mut app, &[Action::Back]);
    assert_eq!(app.screen(), ScreenId::Compare);
    act(&mut app, &[Action::Top, Action::NextMatch]);
    let top = app.compare().scroll()[0];
    assert!(app.compare().layout().unwrap().match_lines.contains(&top));
}

#[test]
fn the_topic_view_searches_its_paragraphs() {
    let mut app = app((100, 30), true);
    act(&mut app, &[Action::Topics]);
    type_text(&mut app, "media framing");
    act(&mut app, &[Action::OpenAcross]);
    assert_eq!(app.screen(), ScreenId::Topic);
    search(&mut app, "media");
    let find = app.topic().find().unwrap();
    assert!(find.len() >= 2, "{}", find.len());
    assert!(!highlighted(&render(&app), body(&app), is_hit_colour).is_empty());
}

#[test]
fn slash_opens_the_search_and_t_the_palette_unless_a_keymap_says_otherwise() {
    let slash = KeyEvent::new(KeyCode::Char('/'), KeyModifiers::NONE);
    let t = KeyEvent::new(KeyCode::Char('t'), KeyModifiers::NONE);
    let app = app((100, 30), true);
    assert_eq!(key_message(&app, &slash), Some(Msg::Action(Action::Search)));
    assert_eq!(key_message(&app, &t), Some(Msg::Action(Action::Topics)));
    // A keymap from before: "/" is the palette, in every view.
    let old =
        Keymap::from_user_str("[global]\n\"/\" = \"topics\"\n", Path::new("keymap.toml")).unwrap();
    let mut app = app_with((100, 30), true, old);
    app.open_reader(0, None);
    let msg = key_message(&app, &slash).unwrap();
    assert_eq!(msg, Msg::Action(Action::Topics));
    app.update(msg);
    assert_eq!(app.overlay(), Some(Overlay::Palette));
}

/// A group's copies side by side have no text `/` searches: the status
/// line says where to look instead.
#[test]
fn a_view_without_text_to_search_says_where_to_look() {
    let mut app = app((100, 30), true);
    act(&mut app, &[Action::Passages, Action::Confirm]);
    assert_eq!(app.screen(), ScreenId::Variants);
    act(&mut app, &[Action::Search]);
    assert_eq!(app.overlay(), None);
    assert!(
        message(&app).contains("F finds a phrase in every article"),
        "{}",
        message(&app)
    );
}
