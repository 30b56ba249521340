//! Key-sequence tests: drive `App` through actions without a terminal and
//! check the state, then draw with ratatui's TestBackend and check what the
//! screen shows, styles included.

use parallax::analysis::Analysis;
use parallax::corpus::{self, BlockKind};
use parallax::ui::action::Action;
use parallax::ui::app::{App, Overlay, ScreenId};
use parallax::ui::geometry::{MIN_HEIGHT, MIN_WIDTH};
use parallax::ui::keymap::Keymap;
use parallax::ui::theme::Theme;
use parallax::ui::update::Msg;
use parallax::ui::view;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier};
use ratatui::{Terminal, TerminalOptions, Viewport};

fn app(size: (u16, u16), color: bool) -> App {
    let corpus = corpus::load_builtin();
    let analysis = Analysis::build(&corpus);
    let mut app = App::new(
        corpus,
        analysis,
        Keymap::default_keymap(),
        Theme { color },
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

fn screen_text(buf: &Buffer) -> String {
    let area = buf.area;
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn id_of(app: &App, prefix: &str) -> usize {
    app.corpus().resolve(prefix).unwrap()
}

#[test]
fn mark_two_articles_and_compare_them() {
    let mut app = app((120, 40), true);
    act(
        &mut app,
        &[
            Action::ToggleMark,
            Action::ScrollDown,
            Action::ToggleMark,
            Action::Compare,
        ],
    );
    assert_eq!(app.screen(), ScreenId::Compare);
    assert_eq!(
        (app.compare().left(), app.compare().right()),
        (id_of(&app, "000"), id_of(&app, "002"))
    );
    let layout = app.compare().layout().expect("layout");
    assert!(
        !layout.match_lines.is_empty(),
        "000 and 002 share paired paragraphs"
    );
    act(&mut app, &[Action::NextMatch]);
    let top = app.compare().scroll()[0];
    assert!(app.compare().layout().unwrap().match_lines.contains(&top));
    act(&mut app, &[Action::NextMatch]);
    assert!(app.compare().scroll()[0] > top);
    act(&mut app, &[Action::PrevMatch]);
    assert_eq!(app.compare().scroll()[0], top);
}

#[test]
fn palette_jumps_to_the_media_framing_section() {
    let mut app = app((120, 40), true);
    act(&mut app, &[Action::Topics]);
    assert_eq!(app.overlay(), Some(Overlay::Palette));
    type_text(&mut app, "media framing");
    let first = app.palette().selected_topic().expect("a hit");
    assert!(
        app.analysis().topics.topics[first]
            .label
            .to_lowercase()
            .contains("media framing")
    );
    act(&mut app, &[Action::Confirm]);
    assert_eq!(app.screen(), ScreenId::Reader);
    assert_eq!(app.overlay(), None);
    let text = screen_text(&render(&app));
    let second_line = text.lines().nth(1).unwrap_or_default().to_lowercase();
    assert!(
        second_line.contains("media framing"),
        "top of the reader: {text}"
    );
}

#[test]
fn threshold_changes_pairing_live() {
    let mut app = app((120, 40), true);
    app.open_compare(id_of(&app, "000"), id_of(&app, "001"));
    app.refresh_layouts();
    let paired = |app: &App| app.compare().layout().unwrap().match_lines.len();
    let before = paired(&app);
    act(&mut app, &[Action::ThresholdUp; 6]);
    let after_up = paired(&app);
    act(&mut app, &[Action::ThresholdDown; 10]);
    let after_down = paired(&app);
    assert!(
        after_up <= before && before <= after_down,
        "{after_up} <= {before} <= {after_down}"
    );
    assert!(after_up < after_down, "the threshold must change something");
    let status = screen_text(&render(&app));
    assert!(status.contains("threshold"), "{status}");
}

#[test]
fn swap_lock_and_change_articles() {
    let mut app = app((120, 40), true);
    app.open_compare(0, 2);
    app.refresh_layouts();
    act(&mut app, &[Action::SwapPanes]);
    assert_eq!((app.compare().left(), app.compare().right()), (2, 0));
    act(&mut app, &[Action::NextRight]);
    assert_eq!(app.compare().right(), 1);
    act(&mut app, &[Action::NextLeft]);
    assert_eq!(app.compare().left(), 3);
    // The focus went right with article 0 at the swap: unlocked, only
    // the right pane moves.
    act(&mut app, &[Action::ToggleLock, Action::PageDown]);
    assert_eq!(app.compare().scroll()[0], 0);
    assert!(app.compare().scroll()[1] > 0);
    act(&mut app, &[Action::ToggleLock]);
    assert_eq!(app.compare().scroll()[0], app.compare().scroll()[1]);
}

#[test]
fn reader_folds_chrome_and_marks_repeats() {
    let mut app = app((100, 30), true);
    let a = id_of(&app, "004");
    app.open_reader(a, None);
    app.refresh_layouts();
    let folded = app.reader().layout().unwrap().lines.len();
    let text: String = app
        .reader()
        .layout()
        .unwrap()
        .lines
        .iter()
        .flatten()
        .map(|(t, _)| t.as_str())
        .collect();
    assert!(text.contains("folded"), "chrome is folded");
    assert!(
        text.contains("↻ repeats block 4"),
        "the repeated intro is marked"
    );
    act(&mut app, &[Action::ToggleBoilerplate]);
    assert!(app.reader().layout().unwrap().lines.len() > folded);
    act(&mut app, &[Action::Bottom, Action::PrevHeading]);
    let layout = app.reader().layout().unwrap();
    assert!(layout.heading_lines.contains(&app.reader().scroll()));
    let blocks = &app.corpus().articles[a].blocks;
    assert!(blocks.iter().any(|b| b.kind == BlockKind::Boilerplate));
}

#[test]
fn matrix_enter_opens_the_article_at_the_topic() {
    let mut app = app((120, 40), true);
    act(&mut app, &[Action::Matrix]);
    assert_eq!(app.screen(), ScreenId::Matrix);
    let t = app.matrix().rows()[0];
    let covering = app.analysis().topics.topics[t]
        .weights
        .iter()
        .next()
        .unwrap()
        .0;
    for _ in 0..covering {
        act(&mut app, &[Action::Right]);
    }
    act(&mut app, &[Action::Confirm]);
    assert_eq!(app.screen(), ScreenId::Reader);
    assert_eq!(app.reader().article(), covering);
    act(&mut app, &[Action::Back]);
    assert_eq!(app.screen(), ScreenId::Matrix);
}

#[test]
fn topic_across_shows_each_covering_article() {
    let mut app = app((120, 40), true);
    act(&mut app, &[Action::Topics]);
    type_text(&mut app, "media framing");
    act(&mut app, &[Action::OpenAcross]);
    assert_eq!(app.screen(), ScreenId::Topic);
    let layout = app.topic().layout().unwrap();
    assert!(
        layout.section_lines.len() >= 2,
        "000 and 002 both have the section"
    );
}

#[test]
fn diff_highlight_styles_in_colour_and_no_color() {
    for color in [true, false] {
        let mut app = app((120, 40), color);
        app.open_compare(id_of(&app, "000"), id_of(&app, "002"));
        app.refresh_layouts();
        act(&mut app, &[Action::NextMatch]);
        let buf = render(&app);
        let cells: Vec<_> = buf.content().iter().collect();
        let deleted = cells.iter().any(|c| {
            if color {
                c.fg == Color::Red && c.modifier.contains(Modifier::CROSSED_OUT)
            } else {
                c.modifier.contains(Modifier::REVERSED)
            }
        });
        let inserted = cells.iter().any(|c| {
            if color {
                c.fg == Color::Green && c.modifier.contains(Modifier::UNDERLINED)
            } else {
                c.modifier.contains(Modifier::UNDERLINED)
            }
        });
        assert!(
            deleted && inserted,
            "colour={color}: deleted={deleted} inserted={inserted}"
        );
        if !color {
            assert!(
                cells
                    .iter()
                    .all(|c| c.fg == Color::Reset && c.bg == Color::Reset),
                "NO_COLOR uses no colour"
            );
        }
    }
}

/// A frame of `app` drawn into a terminal `margin` cells larger on every
/// side, at (margin, margin): the whole terminal.
fn render_inset(app: &App, margin: u16) -> Buffer {
    let (w, h) = app.size();
    let backend = TestBackend::new(w + 2 * margin, h + 2 * margin);
    let viewport = Viewport::Fixed(Rect::new(margin, margin, w, h));
    let mut term = Terminal::with_options(backend, TerminalOptions { viewport }).unwrap();
    term.draw(|f| view::draw(f, app)).unwrap();
    term.backend().buffer().clone()
}

/// What a frame must show at any size: below the minimum only the notice
/// (cut to the width); else the title row, the view or overlay it names,
/// and the status row. Drawn inset in a larger terminal, it is the same
/// frame, and nothing lands outside its area.
fn check_frame(app: &App, expect: &str, what: &str) {
    let (w, h) = app.size();
    let buf = render(app);
    let rows: Vec<String> = screen_text(&buf).lines().map(str::to_string).collect();
    if w < MIN_WIDTH || h < MIN_HEIGHT {
        if h > 0 && w > 0 {
            // A whole form of the notice, never one cut mid-word: the
            // longest that fits, and something at any width.
            let notice = &rows[0];
            let expected = match w {
                30.. => view::TOO_SMALL,
                20..=29 => "enlarge the terminal",
                16..=19 => "enlarge terminal",
                9..=15 => "too small",
                7..=8 => "enlarge",
                _ => "+",
            };
            assert_eq!(notice, expected, "{what}");
            assert_eq!(view::too_small_notice(usize::from(w)), expected, "{what}");
        }
        assert!(
            rows.iter().skip(1).all(|r| r.is_empty()),
            "{what}: only the notice: {rows:#?}"
        );
    } else {
        let width = usize::from(w);
        let title: String = " parallax │ ".chars().take(width).collect();
        assert!(rows[0].starts_with(title.trim_end()), "{what}: {rows:#?}");
        if w >= 80 {
            assert!(
                rows.iter().any(|r| r.contains(expect)),
                "{what}: “{expect}” on screen: {rows:#?}"
            );
        }
        let status = &rows[usize::from(h) - 1];
        assert!(status.contains("help"), "{what}: hint in {status:?}");
        assert!(
            rows.iter().all(|r| r.chars().count() <= width),
            "{what}: no row wider than the frame"
        );
    }
    let margin = 3;
    let inset = render_inset(app, margin);
    let area = Rect::new(margin, margin, w, h);
    for y in 0..inset.area.height {
        for x in 0..inset.area.width {
            let cell = &inset[(x, y)];
            if area.contains(Position::new(x, y)) {
                assert_eq!(cell, &buf[(x - margin, y - margin)], "{what}: ({x},{y})");
            } else {
                assert_eq!(cell, &Cell::default(), "{what}: drawn outside at ({x},{y})");
            }
        }
    }
}

#[test]
fn every_view_renders_at_small_and_odd_sizes() {
    for size in [
        (0, 0),
        (1, 1),
        (2, 1),
        (7, 2),
        (8, 30),
        (10, 3),
        (16, 5),
        (19, 4),
        (19, 5),
        (19, 24),
        (200, 1),
        (29, 3),
        (45, 4),
        (80, 4),
        (20, 5),
        (40, 8),
        (80, 24),
        (200, 50),
        (500, 200),
    ] {
        let mut app = app(size, true);
        for (setup, expect) in [
            (&[][..], "Library · 5 articles"),
            (&[Action::Confirm][..], "line "),
            (&[Action::Compare][..], "Compare "),
            (&[Action::Matrix][..], "Coverage · topics × articles"),
            (&[Action::Topics][..], " Topics · "),
            (&[Action::Help][..], " Keys · q or esc closes "),
            (&[Action::Confirm, Action::Elsewhere][..], "Elsewhere · "),
        ] {
            act(&mut app, &[Action::Library]);
            act(&mut app, setup);
            act(&mut app, &[Action::PageDown, Action::Bottom]);
            check_frame(&app, expect, &format!("{setup:?} at {size:?}"));
            act(&mut app, &[Action::Back, Action::Back]);
        }
    }
}

#[test]
fn snapshots_of_each_view() {
    for (w, h) in [(80u16, 24u16), (200, 50)] {
        let mut app = app((w, h), false);
        insta::assert_snapshot!(format!("library_{w}x{h}"), screen_text(&render(&app)));
        app.open_reader(0, None);
        app.refresh_layouts();
        insta::assert_snapshot!(format!("reader_{w}x{h}"), screen_text(&render(&app)));
        app.open_compare(0, 2);
        app.refresh_layouts();
        act(&mut app, &[Action::NextMatch]);
        insta::assert_snapshot!(format!("compare_{w}x{h}"), screen_text(&render(&app)));
        act(&mut app, &[Action::Topics]);
        type_text(&mut app, "media");
        insta::assert_snapshot!(format!("palette_{w}x{h}"), screen_text(&render(&app)));
        act(&mut app, &[Action::OpenAcross]);
        insta::assert_snapshot!(format!("topic_{w}x{h}"), screen_text(&render(&app)));
        act(&mut app, &[Action::Matrix]);
        insta::assert_snapshot!(format!("matrix_{w}x{h}"), screen_text(&render(&app)));
        act(&mut app, &[Action::Help]);
        insta::assert_snapshot!(format!("help_{w}x{h}"), screen_text(&render(&app)));
        act(&mut app, &[Action::Help]);
        app.open_reader(0, Some(24));
        app.refresh_layouts();
        act(&mut app, &[Action::Elsewhere]);
        insta::assert_snapshot!(format!("elsewhere_{w}x{h}"), screen_text(&render(&app)));
    }
}

/// A palette over a large index answers each keystroke with the hits found
/// so far ("…" in its title) and completes them over `Tick`s.
#[test]
fn palette_on_a_large_index_fills_in_over_ticks() {
    use parallax::analysis::topics::{Topic, TopicKind};
    use parallax::corpus::BlockRef;
    let corpus = corpus::load_builtin();
    let mut analysis = Analysis::build(&corpus);
    let words = [
        "ka", "ri", "o", "sha", "feak", "tio", "plel", "on", "zu", "mi",
    ];
    analysis.topics.topics = (0..30_000)
        .map(|i: usize| Topic {
            label: format!(
                "{}{}{} {i}",
                words[i % 10],
                words[(i / 10) % 10],
                words[(i / 100) % 10]
            ),
            kind: TopicKind::Term,
            occurrences: std::iter::once(BlockRef::new(0, 1)).collect(),
            weights: Default::default(),
            coverage: Default::default(),
        })
        .collect();
    let mut app = App::new(
        corpus,
        analysis,
        Keymap::default_keymap(),
        Theme { color: false },
        (100, 30),
    );
    app.refresh_layouts();
    act(&mut app, &[Action::Topics]);
    type_text(&mut app, "rio");
    assert!(app.is_busy(), "30,000 labels are scored in steps");
    assert!(screen_text(&render(&app)).contains("… of 30000"));
    let partial = app.palette().hits.len();
    let mut ticks = 0;
    while app.is_busy() {
        app.update(Msg::Tick);
        ticks += 1;
        assert!(ticks < 1000, "the scoring ends");
    }
    let expected = app
        .analysis()
        .topics
        .topics
        .iter()
        .filter(|t| {
            let mut rest = t.label.chars();
            "rio"
                .chars()
                .all(|q| rest.any(|c| c.eq_ignore_ascii_case(&q)))
        })
        .count();
    assert_eq!(app.palette().hits.len(), expected);
    assert!(partial <= expected);
    let text = screen_text(&render(&app));
    assert!(
        text.contains(&format!("Topics · {expected} of 30000")),
        "{text}"
    );
    let scores: Vec<i64> = app.palette().hits.iter().map(|h| h.score).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best first");
}

#[test]
fn compare_names_the_evidence_of_the_row_on_top_and_reports_at_the_threshold_on_screen() {
    use parallax::analysis::align::RowKind;
    use parallax::ui::app::Effect;
    let mut app = app((120, 40), true);
    app.open_compare(id_of(&app, "000"), id_of(&app, "002"));
    app.refresh_layouts();
    // Step through paired rows until a paraphrase row is on top.
    let mut found = false;
    for _ in 0..40 {
        let c = app.compare();
        let data = c.data().expect("pair data");
        let layout = c.layout().expect("layout");
        let row = layout.lines[c.scroll()[0]]
            .row
            .map(|r| &data.alignment.rows[r]);
        if row.is_some_and(|r| r.kind == RowKind::Related) {
            found = true;
            break;
        }
        act(&mut app, &[Action::NextMatch]);
    }
    assert!(found, "000 ⇄ 002 has a paraphrase row");
    let title = screen_text(&render(&app))
        .lines()
        .next()
        .unwrap_or("")
        .to_string();
    assert!(title.contains("why "), "{title}");
    // The report key writes at the threshold shown, not the default.
    act(&mut app, &[Action::ThresholdUp, Action::ThresholdUp]);
    let shown = app.compare().threshold();
    assert_ne!(shown, parallax::analysis::pair::Threshold::DEFAULT);
    let effect = app.update(Msg::Action(Action::Report));
    assert!(
        matches!(effect, Effect::Report(l, r, t) if (l, r, t) == (app.compare().left(), app.compare().right(), shown)),
        "{effect:?}"
    );
}
