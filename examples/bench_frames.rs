//! Bytes written per action by the reader's frame writer, with and without
//! scroll regions, and the time of each action's update (app time) and
//! frame (state → bytes), at a given size. Used for BENCHMARKS.md:
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

/// Rounds of each action sequence: enough samples for a steady p99.
const ROUNDS: usize = 10;

fn main() {
    let args: Vec<u16> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let (w, h) = (
        args.first().copied().unwrap_or(200),
        args.get(1).copied().unwrap_or(50),
    );
    println!("size {w}x{h}, built-in corpus, compare 000 ⇄ 001, {ROUNDS} rounds");
    println!(
        "{:<26} {:>8} {:>11} {:>9} {:>9} {:>9}",
        "action", "median B", "no-region B", "frame p50", "frame p99", "app p99"
    );
    for (label, there, back, n) in [
        (
            "one-line scroll (compare)",
            Action::ScrollDown,
            Action::ScrollUp,
            100,
        ),
        ("page down (compare)", Action::PageDown, Action::PageUp, 5),
    ] {
        let with = run(w, h, (there, back), n, true);
        let without = run(w, h, (there, back), n, false);
        println!(
            "{label:<26} {:>8} {:>11} {:>7}µs {:>7}µs {:>7}µs",
            with.bytes, without.bytes, with.frame_p50, with.frame_p99, with.app_p99
        );
    }
    let p = palette(w, h);
    println!(
        "{:<26} {:>8} {:>11} {:>7}µs {:>7}µs {:>7}µs",
        "palette keystroke", p.bytes, "-", p.frame_p50, p.frame_p99, p.app_p99
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

struct Figures {
    /// Median bytes of the forward actions (scroll down, page down, typing).
    bytes: usize,
    frame_p50: u128,
    frame_p99: u128,
    app_p99: u128,
}

/// Time one action: the update (app time), then the frame (state → bytes).
fn timed(
    app: &mut App,
    writer: &mut FrameWriter<Vec<u8>>,
    msg: Msg,
    regions: bool,
    samples: &mut Samples,
) -> usize {
    let before = scroll_state(app);
    let t = Instant::now();
    app.update(msg);
    samples.app.push(t.elapsed().as_micros());
    let hint = if regions {
        hint(before.as_ref(), scroll_state(app).as_ref())
    } else {
        None
    };
    let t = Instant::now();
    writer.frame(hint, |f| view::draw(f, app)).unwrap();
    samples.frame.push(t.elapsed().as_micros());
    writer.writer().clear();
    writer.last_frame_bytes
}

#[derive(Default)]
struct Samples {
    app: Vec<u128>,
    frame: Vec<u128>,
    bytes: Vec<usize>,
}

impl Samples {
    fn figures(mut self) -> Figures {
        let pct = |v: &mut Vec<u128>, p: usize| {
            v.sort_unstable();
            v[(v.len() * p / 100).min(v.len() - 1)]
        };
        self.bytes.sort_unstable();
        Figures {
            bytes: self.bytes[self.bytes.len() / 2],
            frame_p50: pct(&mut self.frame, 50),
            frame_p99: pct(&mut self.frame, 99),
            app_p99: pct(&mut self.app, 99),
        }
    }
}

/// `n` actions one way then `n` back, `ROUNDS` times.
fn run(w: u16, h: u16, (there, back): (Action, Action), n: usize, regions: bool) -> Figures {
    let mut app = app(w, h);
    let mut writer = FrameWriter::new(Vec::new(), w, h).unwrap();
    writer.frame(None, |f| view::draw(f, &app)).unwrap();
    let mut samples = Samples::default();
    for _ in 0..ROUNDS {
        for _ in 0..n {
            let b = timed(
                &mut app,
                &mut writer,
                Msg::Action(there),
                regions,
                &mut samples,
            );
            samples.bytes.push(b);
        }
        for _ in 0..n {
            timed(
                &mut app,
                &mut writer,
                Msg::Action(back),
                regions,
                &mut samples,
            );
        }
    }
    samples.figures()
}

fn palette(w: u16, h: u16) -> Figures {
    let mut app = app(w, h);
    let mut writer = FrameWriter::new(Vec::new(), w, h).unwrap();
    app.update(Msg::Action(Action::Topics));
    writer.frame(None, |f| view::draw(f, &app)).unwrap();
    let mut samples = Samples::default();
    let query = "media framing and public opinion";
    for _ in 0..ROUNDS {
        for c in query.chars() {
            let b = timed(&mut app, &mut writer, Msg::Input(c), true, &mut samples);
            samples.bytes.push(b);
        }
        for _ in query.chars() {
            let msg = Msg::Action(Action::DeleteChar);
            timed(&mut app, &mut writer, msg, true, &mut samples);
        }
    }
    samples.figures()
}
