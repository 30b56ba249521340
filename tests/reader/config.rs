//! The reader's configuration: a user keymap changes help and behaviour, a
//! malformed one stops parallax before the terminal is touched, and the
//! README's key table is the one generated from the action declarations.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use parallax::analysis::Analysis;
use parallax::corpus;
use parallax::ui::action::{Action, ViewId};
use parallax::ui::app::{App, ScreenId};
use parallax::ui::keymap::{Keymap, markdown_key_table};
use parallax::ui::run::key_message;
use parallax::ui::theme::Theme;
use parallax::ui::update::Msg;
use parallax::ui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::process::Command;

fn app_with(keymap: Keymap) -> App {
    let corpus = corpus::load_builtin();
    let analysis = Analysis::build(&corpus);
    let mut app = App::new(corpus, analysis, keymap, Theme { color: false }, (100, 40));
    app.refresh_layouts();
    app
}

fn press(app: &mut App, c: char) {
    let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    if let Some(msg) = key_message(app, &key) {
        app.update(msg);
    }
}

fn screen(app: &App) -> String {
    let mut term = Terminal::new(TestBackend::new(app.size().0, app.size().1)).unwrap();
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

#[test]
fn a_user_rebinding_changes_behaviour_and_help() {
    let user = "[library]\n\"x\" = \"compare\"\n\"c\" = \"noop\"\n";
    let keymap = Keymap::from_user_str(user, Path::new("user.toml")).unwrap();
    let mut app = app_with(keymap);
    press(&mut app, 'c');
    assert_eq!(app.screen(), ScreenId::Library, "c is unbound now");
    press(&mut app, '?');
    let help = screen(&app);
    let compare_line = help
        .lines()
        .find(|l| l.contains("Compare the two marked"))
        .expect("compare in help");
    assert!(compare_line.contains(" x "), "{compare_line}");
    assert!(!compare_line.contains(" c "), "{compare_line}");
    app.update(Msg::Action(Action::Back));
    press(&mut app, 'x');
    assert_eq!(app.screen(), ScreenId::Compare);
    assert_eq!(
        app.keymap()
            .keys_for(ViewId::Library, Action::Compare)
            .len(),
        1
    );
}

#[test]
fn typing_in_the_palette_never_triggers_global_keys() {
    let mut app = app_with(Keymap::default_keymap());
    app.update(Msg::Action(Action::Topics));
    for c in "quit?/M".chars() {
        press(&mut app, c);
    }
    assert_eq!(app.palette().query, "quit?/M");
    assert_eq!(app.screen(), ScreenId::Library);
}

#[test]
fn a_malformed_keymap_exits_2_with_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(
        &path,
        "[reader]\n\"j\" = \"scroll_down\"\n\"k\" = \"scrol_up\"\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("--keymap")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("bad.toml:3:7"), "{stderr}");
    assert!(stderr.contains("scrol_up"), "{stderr}");
    assert!(out.stdout.is_empty(), "nothing drawn before the error");
}

#[test]
fn the_reader_without_a_terminal_is_a_clear_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("needs a terminal"), "{stderr}");
}

/// The README's key table is generated from the declarations; this fails
/// when it drifts. `PARALLAX_UPDATE_README=1 cargo test` rewrites it.
#[test]
fn readme_key_table_is_generated_from_the_declarations() {
    const START: &str = "<!-- keys:start -->\n";
    const END: &str = "<!-- keys:end -->";
    let readme_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&readme_path).unwrap();
    let table = markdown_key_table(&Keymap::default_keymap());
    let (Some(s), Some(e)) = (readme.find(START), readme.find(END)) else {
        panic!("README.md lacks the {START:?} … {END:?} markers");
    };
    let current = &readme[s + START.len()..e];
    if current != table {
        if std::env::var_os("PARALLAX_UPDATE_README").is_some() {
            let updated = format!("{}{table}{}", &readme[..s + START.len()], &readme[e..]);
            std::fs::write(&readme_path, updated).unwrap();
        } else {
            panic!(
                "README key table is out of date; run PARALLAX_UPDATE_README=1 cargo test --test reader config::"
            );
        }
    }
}
