//! The frame writer's output, replayed through a terminal emulator (vt100),
//! must give exactly the screen a full redraw gives — after every step of a
//! long scripted session, scroll-region moves included. Byte budgets for
//! scrolling are checked here too (counts, not timings).

use parallax::analysis::Analysis;
use parallax::corpus;
use parallax::dev::rng::Rng;
use parallax::ui::action::Action;
use parallax::ui::app::App;
use parallax::ui::keymap::Keymap;
use parallax::ui::render::FrameWriter;
use parallax::ui::scroll_hint::{hint, scroll_state};
use parallax::ui::theme::Theme;
use parallax::ui::update::Msg;
use parallax::ui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

fn new_app(w: u16, h: u16) -> App {
    let corpus = corpus::load_builtin();
    let analysis = Analysis::build(&corpus);
    let mut app = App::new(
        corpus,
        analysis,
        Keymap::default_keymap(),
        Theme { color: true },
        (w, h),
    );
    app.refresh_layouts();
    app
}

fn full_redraw(app: &App) -> Buffer {
    let mut term = Terminal::new(TestBackend::new(app.size().0, app.size().1)).unwrap();
    term.draw(|f| view::draw(f, app)).unwrap();
    term.backend().buffer().clone()
}

fn vt_color(c: Color) -> vt100::Color {
    match c {
        Color::Reset => vt100::Color::Default,
        Color::Black => vt100::Color::Idx(0),
        Color::Red => vt100::Color::Idx(1),
        Color::Green => vt100::Color::Idx(2),
        Color::Yellow => vt100::Color::Idx(3),
        Color::Blue => vt100::Color::Idx(4),
        Color::Magenta => vt100::Color::Idx(5),
        Color::Cyan => vt100::Color::Idx(6),
        Color::Gray => vt100::Color::Idx(7),
        Color::DarkGray => vt100::Color::Idx(8),
        Color::LightRed => vt100::Color::Idx(9),
        Color::LightGreen => vt100::Color::Idx(10),
        Color::LightYellow => vt100::Color::Idx(11),
        Color::LightBlue => vt100::Color::Idx(12),
        Color::LightMagenta => vt100::Color::Idx(13),
        Color::LightCyan => vt100::Color::Idx(14),
        Color::White => vt100::Color::Idx(15),
        Color::Indexed(i) => vt100::Color::Idx(i),
        Color::Rgb(r, g, b) => vt100::Color::Rgb(r, g, b),
    }
}

/// Every cell of `expected` as the emulator shows it: text and attributes.
fn assert_same(screen: &vt100::Screen, expected: &Buffer, step: usize, what: &str) {
    for y in 0..expected.area.height {
        for x in 0..expected.area.width {
            let want = &expected[(x, y)];
            if want.symbol().is_empty() {
                continue; // second half of a wide character
            }
            let got = screen.cell(y, x).expect("cell in range");
            let got_text = if got.contents().is_empty() {
                " ".to_string()
            } else {
                got.contents().to_string()
            };
            let ctx = || format!("step {step} ({what}) at {x},{y}");
            assert_eq!(got_text, want.symbol(), "{}", ctx());
            assert_eq!(got.fgcolor(), vt_color(want.fg), "{} fg", ctx());
            assert_eq!(got.bgcolor(), vt_color(want.bg), "{} bg", ctx());
            assert_eq!(
                got.bold(),
                want.modifier.contains(Modifier::BOLD),
                "{} bold",
                ctx()
            );
            assert_eq!(
                got.italic(),
                want.modifier.contains(Modifier::ITALIC),
                "{} italic",
                ctx()
            );
            assert_eq!(
                got.underline(),
                want.modifier.contains(Modifier::UNDERLINED),
                "{} underline",
                ctx()
            );
            assert_eq!(
                got.inverse(),
                want.modifier.contains(Modifier::REVERSED),
                "{} inverse",
                ctx()
            );
        }
    }
}

/// A deterministic session mixing scrolling with everything that is not a
/// scroll (view changes, overlays, threshold, folding, typing).
fn script(len: usize) -> Vec<Msg> {
    use Action::*;
    let palette = [
        Msg::Action(Topics),
        Msg::Input('m'),
        Msg::Input('e'),
        Msg::Input('d'),
        Msg::Action(Confirm),
    ];
    let moves = [
        ScrollDown,
        ScrollDown,
        ScrollUp,
        PageDown,
        HalfPageDown,
        PageUp,
        ScrollDown,
        Bottom,
        Top,
    ];
    let mut out = vec![Msg::Action(Confirm)];
    let mut rng = Rng::new(0x5eed);
    while out.len() < len {
        let r = (rng.next_u64() >> 33) as usize;
        match r % 30 {
            0 => out.push(Msg::Action(Compare)),
            1 => out.push(Msg::Action(NextMatch)),
            2 => out.push(Msg::Action(ThresholdDown)),
            3 => out.push(Msg::Action(ToggleBoilerplate)),
            4 => out.extend(palette),
            5 => out.push(Msg::Action(Back)),
            6 => out.push(Msg::Action(NextHeading)),
            7 => out.extend([
                Msg::Action(Help),
                Msg::Action(ScrollDown),
                Msg::Action(Help),
            ]),
            8 => out.extend([
                Msg::Action(Library),
                Msg::Action(ScrollDown),
                Msg::Action(Confirm),
            ]),
            9 => out.push(Msg::Action(ToggleLock)),
            10 => out.push(Msg::Action(NextRight)),
            _ => out.push(Msg::Action(moves[r % moves.len()])),
        }
    }
    out.truncate(len);
    out
}

#[test]
fn replayed_output_equals_a_full_redraw_at_every_step() {
    for (w, h) in [(200u16, 50u16), (80, 24)] {
        let mut app = new_app(w, h);
        let mut writer = FrameWriter::new(Vec::new(), w, h).unwrap();
        let nz = |n: u16| std::num::NonZeroU16::new(n).expect("non-zero size");
        let mut vt = vt100::Parser::new(nz(h), nz(w), 0);
        writer.frame(None, |f| view::draw(f, &app)).unwrap();
        vt.process(writer.writer());
        writer.writer().clear();
        assert_same(vt.screen(), &full_redraw(&app), 0, "first frame");
        let mut scrolled = 0;
        for (step, msg) in script(200).into_iter().enumerate() {
            let before = scroll_state(&app);
            app.update(msg);
            let hint = hint(before.as_ref(), scroll_state(&app).as_ref());
            scrolled += usize::from(hint.is_some());
            writer.frame(hint, |f| view::draw(f, &app)).unwrap();
            vt.process(writer.writer());
            writer.writer().clear();
            assert_same(
                vt.screen(),
                &full_redraw(&app),
                step + 1,
                &format!("{msg:?}, {w}x{h}"),
            );
        }
        assert!(
            scrolled > 20,
            "the script exercises scroll regions ({scrolled})"
        );
    }
}

fn median(mut v: Vec<usize>) -> usize {
    v.sort_unstable();
    v[v.len() / 2]
}

/// Bytes per action in compare mode at 200×50 (the SSH budget).
#[test]
fn compare_scroll_byte_budgets() {
    let (w, h) = (200, 50);
    let mut app = new_app(w, h);
    app.open_compare(0, 1);
    app.refresh_layouts();
    let mut writer = FrameWriter::new(Vec::new(), w, h).unwrap();
    writer.frame(None, |f| view::draw(f, &app)).unwrap();
    let mut measure = |app: &mut App, action: Action| {
        let before = scroll_state(app);
        app.update(Msg::Action(action));
        let hint = hint(before.as_ref(), scroll_state(app).as_ref());
        writer.frame(hint, |f| view::draw(f, app)).unwrap();
        writer.last_frame_bytes
    };
    let lines: Vec<usize> = (0..100)
        .map(|_| measure(&mut app, Action::ScrollDown))
        .collect();
    let pages: Vec<usize> = (0..5)
        .map(|_| measure(&mut app, Action::PageDown))
        .collect();
    let line = median(lines);
    let page = *pages.iter().max().unwrap();
    assert!(line <= 600, "one-line scroll: {line} bytes (budget 600)");
    assert!(page <= 16 * 1024, "page down: {page} bytes (budget 16 KiB)");
}

/// Per keystroke in the topic palette at 200×50.
#[test]
fn palette_keystroke_byte_budget() {
    let (w, h) = (200, 50);
    let mut app = new_app(w, h);
    let mut writer = FrameWriter::new(Vec::new(), w, h).unwrap();
    app.update(Msg::Action(Action::Topics));
    writer.frame(None, |f| view::draw(f, &app)).unwrap();
    let mut sizes = Vec::new();
    for c in "media framing".chars() {
        app.update(Msg::Input(c));
        writer.frame(None, |f| view::draw(f, &app)).unwrap();
        sizes.push(writer.last_frame_bytes);
    }
    let worst = *sizes.iter().max().unwrap();
    assert!(
        median(sizes) <= 2560,
        "palette keystroke median over budget"
    );
    assert!(worst <= 4096, "palette keystroke worst {worst} bytes");
}
