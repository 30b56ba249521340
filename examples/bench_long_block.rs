//! Frames while reading one enormous paragraph (10 MB by default): the
//! reader lays the article out once per width, then each frame should
//! cost only the lines on screen.
//!
//! `cargo run --release --example bench_long_block -- [MEGABYTES] [WIDTH HEIGHT]`
//!
//! Prints the time to open the article (layout included) and p50/p99/max
//! of update + frame for 200 one-line scrolls and 50 page downs.

use parallax::analysis::Analysis;
use parallax::corpus::{Article, Block, BlockKind, Corpus, Metadata};
use parallax::dev::rng::Rng;
use parallax::ui::action::Action;
use parallax::ui::app::App;
use parallax::ui::keymap::Keymap;
use parallax::ui::render::FrameWriter;
use parallax::ui::scroll_hint::{hint, scroll_state};
use parallax::ui::theme::Theme;
use parallax::ui::update::Msg;
use parallax::ui::view;
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let mb = args.first().copied().unwrap_or(10);
    let w = args.get(1).copied().unwrap_or(200) as u16;
    let h = args.get(2).copied().unwrap_or(50) as u16;
    let words = [
        "coverage",
        "summit",
        "Anchorage",
        "délégation",
        "talks",
        "ceasefire",
    ];
    let mut text = String::with_capacity(mb << 20);
    let mut rng = Rng::new(7);
    while text.len() < mb << 20 {
        text.push_str(words[rng.below(words.len())]);
        text.push(if rng.below(17) == 16 { '.' } else { ' ' });
    }
    let corpus = Corpus {
        articles: vec![Article {
            id: "long".into(),
            path: None,
            meta: Metadata::default(),
            blocks: vec![Block {
                kind: BlockKind::Paragraph,
                text,
                reason: None,
                line: 1,
            }],
            hidden_chars: 0,
        }],
        warnings: Vec::new(),
    };
    let pending = Analysis::pending(&corpus);
    let mut app = App::new(
        corpus,
        pending,
        Keymap::default_keymap(),
        Theme { color: true },
        (w, h),
    );
    let mut writer = FrameWriter::new(Vec::new(), w, h).expect("frame writer");
    let t = Instant::now();
    app.open_reader(0, None);
    app.refresh_layouts();
    writer.frame(None, |f| view::draw(f, &app)).expect("frame");
    println!(
        "{mb} MB paragraph at {w}x{h}: opened in {:.0} ms",
        ms(t.elapsed())
    );
    let mut times = Vec::new();
    for (action, n) in [(Action::ScrollDown, 200), (Action::PageDown, 50)] {
        for _ in 0..n {
            let before = scroll_state(&app);
            let t = Instant::now();
            app.update(Msg::Action(action));
            let hint = hint(before.as_ref(), scroll_state(&app).as_ref());
            writer.frame(hint, |f| view::draw(f, &app)).expect("frame");
            times.push(t.elapsed());
            writer.writer().clear();
        }
    }
    times.sort_unstable();
    let at = |p: usize| times[(times.len() * p / 100).min(times.len() - 1)];
    println!(
        "scroll and page down, update + frame: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        ms(at(50)),
        ms(at(99)),
        ms(times[times.len() - 1])
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
