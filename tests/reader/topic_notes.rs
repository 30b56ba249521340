//! What the topic view says about the articles it lists, on the built-in
//! corpus: a heading topic lists the articles without that heading as
//! such ("No heading like this in"), not as articles that do not cover
//! it; a name keeps "Not covered by"; every section's head starts with
//! its article's short id and outlet, as the search results' heads do.

use parallax::analysis::Analysis;
use parallax::corpus::{self, Corpus};
use parallax::ui::action::Action;
use parallax::ui::app::{App, ScreenId};
use parallax::ui::keymap::Keymap;
use parallax::ui::theme::Theme;
use parallax::ui::update::Msg;

fn app_on(corpus: Corpus) -> App {
    let analysis = Analysis::build(&corpus);
    let theme = Theme { color: false };
    let mut app = App::new(corpus, analysis, Keymap::default_keymap(), theme, (160, 50));
    app.refresh_layouts();
    app
}

/// The topic view of the palette's best hit for `query`, as text.
fn topic_text(app: &mut App, query: &str) -> String {
    app.update(Msg::Action(Action::Topics));
    for ch in query.chars() {
        app.update(Msg::Input(ch));
    }
    app.update(Msg::Action(Action::OpenAcross));
    assert_eq!(app.screen(), ScreenId::Topic);
    let layout = app.topic().layout().expect("laid out");
    (layout.lines.iter())
        .map(|l| l.iter().map(|(s, _)| s.as_str()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_heading_topic_lists_the_articles_without_such_a_heading() {
    let mut app = app_on(corpus::load_builtin());
    let label = "Impact on regional security and global governance";
    let text = topic_text(&mut app, label);
    assert!(text.contains('■') && text.contains(label), "{text}");
    assert!(
        text.contains("No heading like this in: 000 (THE MAG POST), "),
        "{text}"
    );
    assert!(!text.contains("Not covered by"), "{text}");
}

#[test]
fn a_name_topic_lists_the_articles_that_do_not_cover_it() {
    let mut app = app_on(corpus::load_builtin());
    let text = topic_text(&mut app, "Vladimir Putin");
    assert!(
        text.contains("Not covered by: 000 (THE MAG POST)"),
        "{text}"
    );
    assert!(!text.contains("No heading like this"), "{text}");
}

#[test]
fn every_section_head_names_its_article_by_short_id() {
    let mut corpus = corpus::load_builtin();
    // 001 with no outlet: its head still says which article it is.
    let a = corpus.resolve("001").unwrap();
    corpus.articles[a].meta.outlet = None;
    let mut app = app_on(corpus);
    let text = topic_text(&mut app, "Vladimir Putin");
    let heads: Vec<&str> = text.lines().filter(|l| l.contains('■')).collect();
    assert_eq!(heads.len(), 4, "{text}");
    assert!(
        heads
            .iter()
            .any(|h| h.trim_start().starts_with("■ 001 · – · ")),
        "{heads:?}"
    );
    assert!(
        heads
            .iter()
            .any(|h| h.trim_start().starts_with("■ 004 · THE MAG POST · ")),
        "{heads:?}"
    );
}
