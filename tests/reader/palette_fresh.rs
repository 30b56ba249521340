//! The palette starts fresh when reopened: typing the same search again
//! finds the same topics instead of appending to the old query
//! (`› sanctionssanctions`, 0 hits).

use crate::support::app::builtin;
use parallax::ui::action::Action;
use parallax::ui::app::{App, Overlay};
use parallax::ui::update::Msg;

#[test]
fn reopening_the_palette_starts_with_an_empty_query() {
    let mut app = builtin((100, 30), false);
    let search = |app: &mut App| {
        app.update(Msg::Action(Action::Topics));
        assert_eq!(app.overlay(), Some(Overlay::Palette));
        for c in "alaska".chars() {
            app.update(Msg::Input(c));
        }
        while app.is_busy() {
            app.update(Msg::Tick);
        }
        (app.palette().query.clone(), app.palette().hits.len())
    };
    let first = search(&mut app);
    assert!(first.1 > 0, "alaska has hits");
    app.update(Msg::Action(Action::ScrollDown));
    app.update(Msg::Action(Action::Back));
    assert_eq!(app.overlay(), None);
    let again = search(&mut app);
    assert_eq!(again, first, "the same search finds the same topics");
    assert_eq!(app.palette().selected, 0, "the best hit is selected");
}

/// Before anything is typed the palette lists the most widely covered
/// topics first, whatever their kind: not each article's headline (a
/// heading of one article) ahead of what the outlets share.
#[test]
fn an_empty_palette_opens_on_the_most_widely_covered_topics() {
    let mut app = builtin((100, 30), false);
    app.update(Msg::Action(Action::Topics));
    let topics = &app.analysis().topics;
    let covering = |t: usize| topics.articles_covering(t).count();
    let shown: Vec<usize> = app
        .palette()
        .hits
        .iter()
        .map(|h| covering(h.topic))
        .collect();
    assert_eq!(shown.len(), topics.topics.len(), "every topic listed");
    assert!(shown.windows(2).all(|w| w[0] >= w[1]), "{shown:?}");
    assert_eq!(shown[0], app.corpus().articles.len(), "{shown:?}");
}
