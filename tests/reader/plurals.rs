//! Counts in the status lines and titles agree in number: "1 hit in 1
//! article", "1 copy in 1 article", as headless `grep` says them.

use crate::support::app::{builtin, status_line, title_line};
use crate::typed::{keys, send};
use crossterm::event::KeyCode;
use parallax::ui::app::ScreenId;

/// Found once in the built-in corpus (`parallax grep` says "1 hit in 1 article").
const PHRASE: &str = "Verification";

/// No "1 hits", "1 articles", "1 copies" (a count of one before a plural).
fn agrees(line: &str) -> bool {
    !["1 hits", "1 articles", "1 copies"].iter().any(|wrong| {
        line.split(" · ")
            .any(|part| part.contains(&format!(" {wrong}")) || part.starts_with(wrong))
    })
}

#[test]
fn one_hit_in_every_article_is_singular() {
    let mut app = builtin((100, 24), false);
    keys(&mut app, "F");
    keys(&mut app, PHRASE);
    send(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), ScreenId::Results);
    let (status, title) = (status_line(&app), title_line(&app));
    assert!(status.contains("1 hit in 1 article"), "{status}");
    assert!(title.contains("1 hit in 1 article"), "{title}");
    assert!(agrees(&status) && agrees(&title), "{status}\n{title}");
}

#[test]
fn quotes_count_one_copy_in_the_singular() {
    // A corpus with a quote only one article carries.
    let corpus = parallax::corpus::load_paths(&[std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/quotes_speakers"
    ))])
    .expect("the quotes_speakers corpus loads");
    let mut app = crate::view_driver::app_on(corpus, (100, 24));
    keys(&mut app, "Q");
    assert_eq!(app.screen(), ScreenId::Quotes);
    let groups = app.analysis().quotes.groups.len();
    let mut singular = 0;
    let mut seen = Vec::new();
    for _ in 0..groups {
        let status = status_line(&app);
        assert!(agrees(&status), "{status}");
        singular += usize::from(status.contains("1 copy in 1 article"));
        seen.push(status);
        keys(&mut app, "j");
    }
    assert!(
        singular > 0,
        "the built-in corpus has quotes found once: {seen:?}"
    );
}
