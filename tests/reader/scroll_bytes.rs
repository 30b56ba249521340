//! What one line of scrolling costs in the compare view at 200×50, the
//! figure BENCHMARKS.md reports: the median of the first 100 one-line
//! scrolls of the built-in corpus's first pair (a byte count, not a timing).

use parallax::analysis::Analysis;
use parallax::corpus;
use parallax::ui::action::Action;
use parallax::ui::app::App;
use parallax::ui::keymap::Keymap;
use parallax::ui::render::FrameWriter;
use parallax::ui::scroll_hint::{hint, scroll_state};
use parallax::ui::theme::Theme;
use parallax::ui::update::Msg;
use parallax::ui::view;

/// The median after the frame writer stopped moving the cursor over every
/// word gap and resetting colours one by one (283 bytes before). More
/// means bytes are wasted again, or the compare view shows more per line:
/// find which before raising it.
const ONE_LINE_SCROLL_BYTES: usize = 203;

#[test]
fn a_one_line_scroll_in_compare_writes_no_more_than_before() {
    let (w, h) = (200, 50);
    let corpus = corpus::load_builtin();
    let analysis = Analysis::build(&corpus);
    let keymap = Keymap::default_keymap();
    let mut app = App::new(corpus, analysis, keymap, Theme { color: true }, (w, h));
    app.open_compare(0, 1);
    app.refresh_layouts();
    let mut writer = FrameWriter::new(Vec::new(), w, h).unwrap();
    writer.frame(None, |f| view::draw(f, &app)).unwrap();
    let mut bytes: Vec<usize> = (0..100)
        .map(|_| {
            let before = scroll_state(&app);
            app.update(Msg::Action(Action::ScrollDown));
            let hint = hint(before.as_ref(), scroll_state(&app).as_ref());
            assert!(hint.is_some(), "every step scrolls the body");
            writer.frame(hint, |f| view::draw(f, &app)).unwrap();
            writer.last_frame_bytes
        })
        .collect();
    bytes.sort_unstable();
    let median = bytes[bytes.len() / 2];
    assert!(
        median <= ONE_LINE_SCROLL_BYTES,
        "one-line scroll: median {median} bytes (at most {ONE_LINE_SCROLL_BYTES})"
    );
}
