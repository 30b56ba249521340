//! The coverage matrix with 300 articles at 200×50: every column says
//! whose it is (outlet, then the id that tells one outlet's articles
//! apart), and the status line names the article under the cursor.

use parallax::analysis::Analysis;
use parallax::analysis::events::find_events;
use parallax::analysis::topics::build_topics;
use parallax::corpus::{self, Corpus};
use parallax::ui::action::Action;
use parallax::ui::app::App;
use parallax::ui::keymap::Keymap;
use parallax::ui::theme::Theme;
use parallax::ui::update::Msg;
use parallax::ui::view;
use ratatui::backend::TestBackend;
use ratatui::{Terminal, buffer::Buffer};
use std::collections::BTreeSet;

const OUTLETS: [&str; 6] = [
    "Capitol Courier",
    "Valley Times",
    "Daily Ledger",
    "Prairie Post",
    "Farm Wire",
    "River Review",
];

/// 300 synthetic articles (art000000…art000299), six outlets in turn.
fn corpus() -> (tempfile::TempDir, Corpus) {
    let dir = tempfile::tempdir().expect("temp dir");
    for a in parallax::dev::synth::generate(300, 7) {
        std::fs::write(dir.path().join(&a.file_name), a.text).expect("write");
    }
    let mut c = corpus::load_paths(&[dir.path().to_path_buf()]).expect("load");
    for (i, a) in c.articles.iter_mut().enumerate() {
        a.meta.outlet = Some(OUTLETS[i % OUTLETS.len()].to_string());
    }
    (dir, c)
}

fn render(app: &App) -> Buffer {
    let (w, h) = app.size();
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    term.draw(|f| view::draw(f, app)).expect("draw");
    term.backend().buffer().clone()
}

fn screen_text(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect()
}

#[test]
fn three_hundred_columns_read_as_outlet_and_id() {
    let (_dir, c) = corpus();
    let mut analysis = Analysis::pending(&c);
    analysis.topics = build_topics(&c);
    analysis.events = find_events(&c, &analysis.topics);
    let mut app = App::new(
        c,
        analysis,
        Keymap::default_keymap(),
        Theme { color: false },
        (200, 50),
    );
    app.update(Msg::Action(Action::Matrix));
    for _ in 0..25 {
        app.update(Msg::Action(Action::Right));
    }
    let lines = screen_text(&render(&app));
    let (outlets, ids) = (&lines[1], &lines[2]);
    assert!(outlets.trim_start().starts_with("OUTLET"), "{outlets}");
    assert!(ids.trim_start().starts_with("ID"), "{ids}");
    // Every column shows an outlet's name and a distinct id.
    let shown: Vec<&str> = ids.split_whitespace().skip(1).collect();
    assert!(shown.len() >= 15, "{ids}");
    let distinct: BTreeSet<&&str> = shown.iter().collect();
    assert_eq!(distinct.len(), shown.len(), "ids tell columns apart: {ids}");
    assert!(shown.contains(&"025"), "the column under the cursor: {ids}");
    for o in ["Capitol", "Valley", "Daily", "Prairie", "Farm", "River"] {
        assert!(outlets.contains(o), "{o} in {outlets}");
    }
    // The status line names the article under the cursor.
    let status = lines.last().expect("a status line");
    assert!(status.contains("art000025 Valley Times"), "{status}");
    insta::assert_snapshot!(lines.join("\n"));
}
