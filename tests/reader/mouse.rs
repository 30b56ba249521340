//! Mouse mode is opt-in (`--mouse`, or `mouse = true` in config.toml):
//! without it the reader never asks for mouse reports, so the terminal's
//! own selection keeps working; with it the wheel scrolls and a click
//! focuses the compare pane under the pointer.

use crate::support::pty;

use parallax::analysis::Analysis;
use parallax::corpus;
use parallax::ui::action::Action;
use parallax::ui::app::App;
use parallax::ui::keymap::Keymap;
use parallax::ui::pointer::{Pointer, PointerKind};
use parallax::ui::theme::Theme;
use parallax::ui::update::Msg;
use pty::{ENTER, Pty};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(60);
const MOUSE_ON: &[u8] = b"\x1b[?1000h\x1b[?1006h";

fn spawn(args: &[&str], config: &std::path::Path, data: &std::path::Path) -> Pty {
    let mut p = Pty::spawn_with_env(
        args,
        100,
        30,
        config.as_os_str(),
        &[("PARALLAX_DATA_DIR", data.as_os_str())],
    );
    assert!(p.wait_screen(WAIT, |s| s.contains("Library · 5 articles")));
    p
}

#[test]
fn without_mouse_mode_no_mouse_reports_are_asked_for() {
    let (config, data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut p = spawn(&[], config.path(), data.path());
    p.key(ENTER);
    assert!(p.wait_screen(WAIT, |s| s.contains("line 1/")));
    // A wheel report sent anyway (a terminal that reports regardless)
    // moves nothing.
    p.key(b"\x1b[<65;10;5M");
    p.key(b"q");
    assert_eq!(p.wait_exit(WAIT), Some(0));
    let out = p.output();
    assert!(
        !out.windows(8).any(|w| w == b"\x1b[?1000h"),
        "mouse mode stays off"
    );
}

#[test]
fn with_mouse_mode_the_wheel_scrolls() {
    for (args, config_text) in [(&["--mouse"][..], ""), (&[][..], "mouse = true\n")] {
        let (config, data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        std::fs::write(config.path().join("config.toml"), config_text).unwrap();
        let mut p = spawn(args, config.path(), data.path());
        assert!(
            p.wait_for(MOUSE_ON, WAIT),
            "{args:?} {config_text:?}: mouse mode on"
        );
        p.key(ENTER);
        assert!(p.wait_screen(WAIT, |s| s.contains("line 1/")));
        p.key(b"\x1b[<65;10;5M");
        assert!(
            p.wait_screen(WAIT, |s| s.contains("line 4/")),
            "{}",
            p.screen()
        );
        p.key(b"\x1b[<64;10;5M");
        assert!(
            p.wait_screen(WAIT, |s| s.contains("line 1/")),
            "{}",
            p.screen()
        );
        p.key(b"q");
        assert_eq!(p.wait_exit(WAIT), Some(0));
    }
}

#[test]
fn a_click_focuses_the_compare_pane_under_the_pointer() {
    let corpus = corpus::load_builtin();
    let analysis = Analysis::build(&corpus);
    let mut app = App::new(
        corpus,
        analysis,
        Keymap::default_keymap(),
        Theme { color: false },
        (100, 30),
    );
    app.open_compare(0, 2);
    app.refresh_layouts();
    app.update(Msg::Action(Action::ToggleLock));
    let click = |column| {
        Msg::Mouse(Pointer {
            kind: PointerKind::Click,
            column,
            row: 10,
        })
    };
    app.update(click(80));
    app.update(Msg::Action(Action::ScrollDown));
    assert_eq!(app.compare().scroll(), [0, 1], "the right pane scrolls");
    app.update(click(5));
    app.update(Msg::Action(Action::ScrollDown));
    assert_eq!(app.compare().scroll(), [1, 1], "then the left one");
    // The wheel over the right pane scrolls it, three of its own lines
    // (the blank line between paragraphs is passed over, as `j` does).
    app.update(Msg::Mouse(Pointer {
        kind: PointerKind::WheelDown,
        column: 90,
        row: 10,
    }));
    let [left, right] = app.compare().scroll();
    let layout = app.compare().layout().unwrap();
    let own = (2..=right).filter(|&l| layout.pane_has_text(1, l)).count();
    assert_eq!((left, own), (1, 3), "{right}");
}
