//! Bytes written per action by the reader's frame writer, with and without
//! scroll regions, at a given size. Used for BENCHMARKS.md:
//! `cargo run --release --example bench_frames -- 200 50`

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
use std::time::Instant;

fn main() {
    let args: Vec<u16> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let (w, h) = (
        args.first().copied().unwrap_or(200),
        args.get(1).copied().unwrap_or(50),
    );
    println!("size {w}x{h}, built-in corpus, compare 000 ⇄ 001");
    println!(
        "{:<28} {:>10} {:>12} {:>12}",
        "action", "median B", "no-region B", "p99 frame µs"
    );
    for (label, action, n) in [
        ("one-line scroll (compare)", Action::ScrollDown, 100),
        ("page down (compare)", Action::PageDown, 5),
    ] {
        let with = run(w, h, action, n, true);
        let without = run(w, h, action, n, false);
        println!(
            "{label:<28} {:>10} {:>12} {:>12}",
            with.0, without.0, with.1
        );
    }
    let (bytes, p99) = palette(w, h);
    println!(
        "{:<28} {:>10} {:>12} {:>12}",
        "palette keystroke", bytes, "-", p99
    );
}

fn app(w: u16, h: u16) -> App {
    let c = corpus::load_builtin();
    let a = Analysis::build(&c);
    let mut app = App::new(
        c,
        a,
        Keymap::default_keymap(),
        Theme { color: true },
        (w, h),
    );
    app.open_compare(0, 1);
    app.refresh_layouts();
    app
}

/// (median bytes, p99 frame time in µs) over `n` repetitions of `action`.
fn run(w: u16, h: u16, action: Action, n: usize, regions: bool) -> (usize, u128) {
    let mut app = app(w, h);
    let mut writer = FrameWriter::new(Vec::new(), w, h).unwrap();
    writer.frame(None, |f| view::draw(f, &app)).unwrap();
    let mut bytes = Vec::new();
    let mut times = Vec::new();
    for _ in 0..n {
        let before = scroll_state(&app);
        app.update(Msg::Action(action));
        let hint = if regions {
            hint(before.as_ref(), scroll_state(&app).as_ref())
        } else {
            None
        };
        let t = Instant::now();
        writer.frame(hint, |f| view::draw(f, &app)).unwrap();
        times.push(t.elapsed().as_micros());
        bytes.push(writer.last_frame_bytes);
        writer.writer().clear();
    }
    bytes.sort_unstable();
    times.sort_unstable();
    (
        bytes[bytes.len() / 2],
        times[(times.len() * 99 / 100).min(times.len() - 1)],
    )
}

fn palette(w: u16, h: u16) -> (usize, u128) {
    let mut app = app(w, h);
    let mut writer = FrameWriter::new(Vec::new(), w, h).unwrap();
    app.update(Msg::Action(Action::Topics));
    writer.frame(None, |f| view::draw(f, &app)).unwrap();
    let mut bytes = Vec::new();
    let mut times = Vec::new();
    for c in "media framing and public opinion".chars() {
        let t = Instant::now();
        app.update(Msg::Input(c));
        writer.frame(None, |f| view::draw(f, &app)).unwrap();
        times.push(t.elapsed().as_micros());
        bytes.push(writer.last_frame_bytes);
        writer.writer().clear();
    }
    bytes.sort_unstable();
    times.sort_unstable();
    (
        bytes[bytes.len() / 2],
        times[(times.len() * 99 / 100).min(times.len() - 1)],
    )
}
