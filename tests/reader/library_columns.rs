//! The library's column headers say little on their own (MIN, REP, a
//! "–" under MIN for an article whose page states no reading time): the
//! status line points to help, and help opens on what each column holds
//! and what "–" means, on its first page at 80×24.

use crate::support::app::{act, builtin, screen_text, status_line};
use parallax::ui::action::Action;

#[test]
fn the_library_points_to_help_and_help_opens_on_the_columns() {
    let mut app = builtin((80, 24), false);
    let library = screen_text(&app);
    let header = library.lines().nth(1).unwrap().to_string();
    // 001's page gives no reading time: its MIN cell is "–".
    let row_001 = library.lines().find(|l| l.contains(" 001 ")).unwrap();
    assert!(row_001.contains(" – "), "{library}");
    assert!(
        status_line(&app).contains("? explains the columns"),
        "{library}"
    );

    act(&mut app, &[Action::Help]);
    let help = screen_text(&app);
    let lines: Vec<&str> = help.lines().collect();
    let at = |start: &str| {
        lines
            .iter()
            .position(|l| l.trim_start_matches([' ', '│']).starts_with(start))
    };
    let columns = at("Columns").expect("a Columns section on the first page");
    let keys = at("Library").expect("the library's keys");
    assert!(columns < keys, "{help}");
    // Every column the header shows is explained before the keys.
    for name in header.split_whitespace().skip(2) {
        let explained = at(&format!("{name} ")).unwrap_or(usize::MAX);
        assert!(explained < keys, "{name} unexplained:\n{help}");
    }
    let min = lines[at("MIN ").unwrap()];
    assert!(min.contains("reading time"), "{help}");
    let dash = lines[at("– ").expect("what – means")];
    assert!(dash.contains("not given"), "{help}");
}
