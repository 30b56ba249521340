//! The threshold keys of the compare view at their limits: pressed again
//! at the lowest or highest threshold they say so, with the threshold and
//! how many rows are paired, rather than repeating the last message as if
//! something changed. Keys typed into `App`, the status row read off the
//! frame.

use crate::support::app::{builtin, status_line as status};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use parallax::ui::app::{App, ScreenId};
use parallax::ui::run::key_message;

fn keys(app: &mut App, typed: &str) {
    for c in typed.chars() {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        if let Some(msg) = key_message(app, &key) {
            app.update(msg);
        }
    }
}

fn compare_000_and_004() -> App {
    let mut app = builtin((120, 30), false);
    keys(&mut app, " jjjj c");
    assert_eq!(app.screen(), ScreenId::Compare);
    app
}

/// "… · 12 paired · …" of the status line, once no message covers it.
fn paired_in_status(app: &mut App) -> String {
    keys(app, "g");
    let said = status(app);
    let (before, _) = said.split_once(" paired").expect(&said);
    let n = before.rsplit(' ').next().unwrap();
    format!("{n} paired")
}

#[test]
fn lowering_past_the_lowest_threshold_says_so() {
    let mut app = compare_000_and_004();
    keys(&mut app, "------");
    let lowest = app.compare().threshold();
    assert_eq!(lowest.to_string(), "0.05");
    assert!(
        status(&app).starts_with("Pairing threshold 0.05"),
        "the step onto the limit is a change: {}",
        status(&app)
    );
    keys(&mut app, "-");
    assert_eq!(app.compare().threshold(), lowest);
    let said = status(&app);
    let paired = paired_in_status(&mut app);
    let want = format!("Threshold at its lowest, 0.05 · {paired} ");
    assert!(said.starts_with(&want), "{said}");
}

#[test]
fn raising_past_the_highest_threshold_says_so() {
    let mut app = compare_000_and_004();
    // A count steps up to the limit and past it: the last step says
    // where it stopped, before the pair is laid out at 1.00.
    keys(&mut app, "99+");
    assert_eq!(app.compare().threshold().to_string(), "1.00");
    let said = status(&app);
    assert!(
        said.starts_with("Threshold at its highest, 1.00 · still pairing "),
        "{said}"
    );
    keys(&mut app, "+");
    let said = status(&app);
    let paired = paired_in_status(&mut app);
    let want = format!("Threshold at its highest, 1.00 · {paired} ");
    assert!(said.starts_with(&want), "{said}");
    // One step back down is a change again.
    keys(&mut app, "-");
    assert!(
        status(&app).starts_with("Pairing threshold 0.95"),
        "{}",
        status(&app)
    );
}

/// `n` and `N` where nothing pairs at the threshold say so and name the
/// key that lowers it, rather than "no further paired paragraph" as if
/// the pairs were all behind.
#[test]
fn next_pair_with_nothing_paired_names_the_key_that_lowers_the_threshold() {
    let mut app = compare_000_and_004();
    keys(&mut app, "99+");
    assert_eq!(paired_in_status(&mut app), "0 paired");
    for key in ["n", "N"] {
        keys(&mut app, key);
        let said = status(&app);
        assert!(
            said.starts_with("Nothing pairs at threshold 1.00 · - lowers it"),
            "{key}: {said}"
        );
    }
    // Lowered far enough, `n` goes to a pair again.
    keys(&mut app, "9-gn");
    assert!(status(&app).starts_with(" row "), "{}", status(&app));
    assert_ne!(paired_in_status(&mut app), "0 paired");
}
