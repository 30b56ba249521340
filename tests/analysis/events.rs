//! Events: twelve short articles written for these tests
//! (tests/fixtures/events), three outlets on each of four stories (a bridge
//! collapse, an election, a cup final, a drug recall; file names begin with
//! the story's number 01–03, 04–06, 07–09, 10–12). `parallax events` must
//! find the four, the reader's "this article with the next" must stay in
//! one, and the coverage views narrow to one.

use parallax::analysis::Analysis;
use parallax::analysis::events::find_events;
use parallax::analysis::topics::build_topics;
use parallax::corpus::{self, Corpus};
use parallax::ui::action::Action;
use parallax::ui::app::{App, ScreenId};
use parallax::ui::keymap::Keymap;
use parallax::ui::theme::Theme;
use parallax::ui::update::Msg;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/events")
}

fn corpus() -> Corpus {
    corpus::load_paths(&[dir()]).expect("the events corpus loads")
}

/// The story an article reports, from its file name: 0 for 01–03, …
fn story(id: &str) -> usize {
    let n: usize = id[..2].parse().expect("numbered");
    (n - 1) / 3
}

#[test]
fn four_stories_are_four_events() {
    let c = corpus();
    let events = find_events(&c, &build_topics(&c));
    assert_eq!(events.events.len(), 4, "{:?}", events.events);
    for e in &events.events {
        let stories: BTreeSet<usize> = e
            .articles
            .iter()
            .map(|&a| story(&c.articles[a].id))
            .collect();
        assert_eq!(stories.len(), 1, "one story per event: {e:?}");
        assert_eq!(e.articles.len(), 3, "{e:?}");
        assert!(!e.label.is_empty());
    }
}

#[test]
fn one_event_on_the_builtin_corpus() {
    let c = corpus::load_builtin();
    let events = find_events(&c, &build_topics(&c));
    assert_eq!(events.events.len(), 1, "five articles on one summit");
}

#[test]
fn two_articles_of_one_story_are_one_event_and_of_two_stories_two() {
    let pick = |names: &[&str]| -> Corpus {
        let paths: Vec<PathBuf> = names.iter().map(|n| dir().join(n)).collect();
        corpus::load_paths(&paths).expect("load")
    };
    // Two articles share everything they name: still one event.
    let c = pick(&["01-bridge-courier.md", "02-bridge-times.md"]);
    assert_eq!(find_events(&c, &build_topics(&c)).events.len(), 1);
    let c = pick(&["01-bridge-courier.md", "04-vote-courier.md"]);
    assert_eq!(find_events(&c, &build_topics(&c)).events.len(), 2);
}

#[test]
fn events_json_lists_each_article_once() {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["events", "--json"])
        .arg(dir())
        .output()
        .expect("run parallax");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let events = v.as_array().expect("an array");
    assert_eq!(events.len(), 4);
    let mut seen = BTreeSet::new();
    for (i, e) in events.iter().enumerate() {
        assert_eq!(e["id"].as_u64(), Some(i as u64 + 1));
        assert!(e["label"].as_str().is_some_and(|l| !l.is_empty()));
        let ids: Vec<&str> = e["articles"]
            .as_array()
            .expect("articles")
            .iter()
            .map(|a| a.as_str().expect("an article id"))
            .collect();
        let stories: BTreeSet<usize> = ids.iter().map(|id| story(id)).collect();
        assert_eq!(stories.len(), 1, "{e}");
        for id in ids {
            assert!(seen.insert(id.to_string()), "{id} twice");
        }
    }
    assert_eq!(seen.len(), 12);
    let human = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["events"])
        .arg(dir())
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80")
        .output()
        .expect("run parallax");
    let text = String::from_utf8(human.stdout).expect("utf-8");
    assert!(text.starts_with("4 events in 12 articles"), "{text}");
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
}

fn app() -> App {
    let c = corpus();
    let analysis = Analysis::build(&c);
    let mut app = App::new(
        c,
        analysis,
        Keymap::default_keymap(),
        Theme { color: false },
        (120, 40),
    );
    app.refresh_layouts();
    app
}

fn act(app: &mut App, actions: &[Action]) {
    for &a in actions {
        app.update(Msg::Action(a));
    }
}

fn id(app: &App, article: usize) -> String {
    app.corpus().articles[article].id.clone()
}

#[test]
fn this_article_with_the_next_never_pairs_two_events() {
    let mut app = app();
    // The third bridge article: the next in the library is the election.
    act(
        &mut app,
        &[Action::ScrollDown, Action::ScrollDown, Action::Compare],
    );
    assert_eq!(app.screen(), ScreenId::Compare);
    let (l, r) = (app.compare().left(), app.compare().right());
    assert_eq!(
        (story(&id(&app, l)), story(&id(&app, r))),
        (0, 0),
        "{} {}",
        id(&app, l),
        id(&app, r)
    );
    // Stepping the right article goes round the bridge story only.
    let mut rights = BTreeSet::new();
    for _ in 0..6 {
        act(&mut app, &[Action::NextRight]);
        let r = app.compare().right();
        assert_eq!(story(&id(&app, r)), 0, "{}", id(&app, r));
        assert_ne!(r, app.compare().left());
        rights.insert(r);
    }
    assert_eq!(rights.len(), 2, "both other bridge articles");
    act(&mut app, &[Action::PrevLeft]);
    assert_eq!(story(&id(&app, app.compare().left())), 0);
    // From the reader too.
    app.open_reader(8, None);
    act(&mut app, &[Action::Compare]);
    let (l, r) = (app.compare().left(), app.compare().right());
    assert_eq!((story(&id(&app, l)), story(&id(&app, r))), (2, 2));
}

#[test]
fn the_matrix_and_the_topic_view_narrow_to_an_event() {
    let mut app = app();
    act(&mut app, &[Action::Matrix]);
    assert_eq!(app.matrix().columns().len(), 12);
    // Four columns right: the first election article.
    act(
        &mut app,
        &[Action::Right, Action::Right, Action::Right, Action::Narrow],
    );
    let cols: Vec<usize> = app.matrix().columns().to_vec();
    assert_eq!(cols.len(), 3, "{cols:?}");
    assert!(cols.iter().all(|&a| story(&id(&app, a)) == 1));
    assert!(app.message().is_some_and(|m| m.as_str().contains("event")));
    // Every row is a topic one of the three covers.
    let topics = &app.analysis().topics.topics;
    for &t in app.matrix().rows() {
        assert!(
            cols.iter().any(|&a| topics[t].weight(a) > 0.0),
            "{}",
            topics[t].label
        );
    }
    // Again: the article's outlet (one article per story each), then all.
    act(&mut app, &[Action::Narrow]);
    let outlet = app.matrix().columns().to_vec();
    assert_eq!(outlet.len(), 4, "{outlet:?}");
    act(&mut app, &[Action::Narrow]);
    assert_eq!(app.matrix().columns().len(), 12);
    // The topic view: the other nine articles do not name the governor,
    // but within his event every article does.
    act(&mut app, &[Action::Topics]);
    for ch in "Arno Veidt".chars() {
        app.update(Msg::Input(ch));
    }
    act(&mut app, &[Action::OpenAcross]);
    assert_eq!(app.screen(), ScreenId::Topic);
    let text = |app: &App| -> String {
        let layout = app.topic().layout().expect("laid out");
        let lines: Vec<String> = layout
            .lines
            .iter()
            .map(|l| l.iter().map(|(s, _)| s.as_str()).collect())
            .collect();
        lines.join("\n")
    };
    assert!(text(&app).contains("Not covered by: "), "{}", text(&app));
    act(&mut app, &[Action::Narrow]);
    assert!(!text(&app).contains("Not covered by"), "{}", text(&app));
    assert!(app.current().title(app.shared()).contains("in event"));
}
