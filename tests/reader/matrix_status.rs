//! The coverage matrix's status line, cut once to the status row (never
//! a cut title cut again: "Diplomatic S……"), and its message on an empty
//! cell, naming the article by its outlet and title as the header and the
//! status line show them, never by an id the header shows otherwise.
//! Keys typed into `App`, the frame read as text.

use crate::support::app::{builtin, status_line};
use crate::typed::{keys, send};
use crate::view_driver::app_on;
use crossterm::event::KeyCode;
use parallax::corpus;
use parallax::ui::app::{App, ScreenId};

#[test]
fn the_matrix_status_is_cut_once() {
    for width in [80u16, 90, 100, 120, 200] {
        let mut app = builtin((width, 24), false);
        keys(&mut app, "M");
        for _ in 0..app.matrix().columns().len() {
            for _ in 0..4 {
                let status = status_line(&app);
                assert!(!status.contains("……"), "{width}: {status}");
                assert!(!status.contains("…”…"), "{width}: {status}");
                // The title's quote closes: what follows it was not cut off.
                assert!(status.contains("” · "), "{width}: {status}");
                assert!(
                    status.ends_with("? help") || status.ends_with("q quit"),
                    "{status}"
                );
                keys(&mut app, "j");
            }
            keys(&mut app, "gl");
        }
    }
}

/// Two articles whose ids share a long start: the column headers show
/// what tells them apart ("t-a", "t-b").
fn two_summits() -> App {
    let dir = tempfile::tempdir().unwrap();
    let texts = [
        (
            "summit-a",
            "Harbour crews strike\n\nHarbour crews walked out on Monday. The crews want better pay, and the harbour crews union says the strike goes on.\n",
        ),
        (
            "summit-b",
            "Council budget approved\n\nThe council approved the budget on Tuesday. The budget raises fees, and the council says the budget is fair.\n",
        ),
    ];
    for (name, text) in texts {
        std::fs::write(dir.path().join(format!("{name}.txt")), text).unwrap();
    }
    let corpus = corpus::load_paths(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(corpus.short_ids(), ["summit-a", "summit-b"]);
    app_on(corpus, (80, 24))
}

#[test]
fn enter_on_an_empty_cell_names_the_article_by_its_title() {
    let mut app = two_summits();
    keys(&mut app, "M");
    assert_eq!(app.screen(), ScreenId::Matrix);
    let header = crate::support::app::screen_text(&app);
    let ids = header.lines().nth(2).unwrap();
    assert!(ids.contains("t-a") && ids.contains("t-b"), "{header}");
    // A topic one article does not cover, and the column of that article.
    let topics = app.analysis().topics.topics.clone();
    let (row, (t, a)) = (app.matrix().rows().iter().enumerate())
        .find_map(|(row, &t)| {
            let a = (0..2).find(|&a| topics[t].count(a) == 0)?;
            Some((row, (t, a)))
        })
        .expect("a topic only one article covers");
    for _ in 0..row {
        keys(&mut app, "j");
    }
    if a == 1 {
        keys(&mut app, "l");
    }
    assert_eq!(
        (app.matrix().topic(), app.matrix().article()),
        (Some(t), Some(a))
    );
    // The status line gives the whole short id, the one commands take.
    let status = status_line(&app);
    let id = ["summit-a", "summit-b"][a];
    let title = ["Harbour crews strike", "Council budget approved"][a];
    assert!(
        status.contains(&format!(" · {id} – “{title}” · not covered")),
        "{status}"
    );
    send(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), ScreenId::Matrix);
    let said = app.message().expect("a message").to_string();
    let label = &topics[t].label;
    assert_eq!(said, format!("“{title}” does not cover “{label}”"));
    assert_eq!(status_line(&app), format!("{said:<73} ? help"));
    // With an outlet, it comes first, as the header has it above the id.
    let mut app = builtin((80, 24), false);
    keys(&mut app, "M");
    let topics = app.analysis().topics.topics.clone();
    let (row, col) = (app.matrix().rows().iter().enumerate())
        .find_map(|(row, &t)| {
            let cols = app.matrix().columns();
            Some((row, cols.iter().position(|&a| topics[t].count(a) == 0)?))
        })
        .expect("an empty cell");
    for _ in 0..row {
        keys(&mut app, "j");
    }
    for _ in 0..col {
        keys(&mut app, "l");
    }
    send(&mut app, KeyCode::Enter);
    let said = app.message().expect("a message").to_string();
    let a = app.matrix().article().unwrap();
    let outlet = app.corpus().articles[a].meta.outlet.clone().unwrap();
    assert!(said.starts_with(&format!("{outlet} “")), "{said}");
    let t = app.matrix().topic().unwrap();
    assert!(
        said.ends_with(&format!("” does not cover “{}”", topics[t].label)),
        "{said}"
    );
}
