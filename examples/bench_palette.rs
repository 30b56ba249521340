//! Topic palette latency on a large corpus, in-process: the app time
//! (`update`, which filters) and the frame time (draw + diff into bytes)
//! of every keystroke while typing queries and deleting them again.
//!
//! `cargo run --release --example bench_palette -- DIR [WIDTH HEIGHT]`
//!
//! The queries are made from the corpus's own topic labels (every 997th
//! label's first word, its first six characters, and its initials), so
//! they find something on any corpus; each is typed one character at a
//! time and then deleted one character at a time. Prints the topic count
//! and p50/p99/max per keystroke: app time and frame time of the
//! keystroke itself (the first response, at most one scoring step), and
//! the time until the hits are complete (all steps, with the frames the
//! reader draws meanwhile).

use parallax::analysis::Analysis;
use parallax::ui::action::Action;
use parallax::ui::app::App;
use parallax::ui::keymap::Keymap;
use parallax::ui::render::FrameWriter;
use parallax::ui::theme::Theme;
use parallax::ui::update::Msg;
use parallax::ui::view;
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: bench_palette DIR [WIDTH HEIGHT]");
        std::process::exit(2);
    };
    let w: u16 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(200);
    let h: u16 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(50);
    let corpus = parallax::corpus::load_paths(&[dir.into()]).unwrap_or_else(|e| {
        eprintln!("bench_palette: {e}");
        std::process::exit(2);
    });
    let analysis = Analysis::build(&corpus);
    let queries = queries(&analysis);
    let topics = analysis.topics.len();
    let mut app = App::new(
        corpus,
        analysis,
        Keymap::default_keymap(),
        Theme { color: true },
        (w, h),
    );
    app.refresh_layouts();
    let mut writer = FrameWriter::new(Vec::new(), w, h).expect("frame writer");
    app.update(Msg::Action(Action::Topics));
    writer.frame(None, |f| view::draw(f, &app)).expect("frame");
    let (mut app_times, mut frame_times, mut complete) = (Vec::new(), Vec::new(), Vec::new());
    let mut slowest: Vec<(Duration, String, usize)> = Vec::new();
    let mut keystroke = |app: &mut App, msg: Msg| {
        // First response: the keystroke's update (one scoring step at
        // most) and its frame, as the reader draws it before stepping on.
        let t = Instant::now();
        app.update(msg);
        app_times.push(t.elapsed());
        let f = Instant::now();
        writer.frame(None, |f| view::draw(f, app)).expect("frame");
        frame_times.push(f.elapsed());
        writer.writer().clear();
        // Complete: every further step until the hits are final, with a
        // frame of partial results every 40 ms and one at the end, as the
        // reader's loop draws them.
        let mut drawn = Instant::now();
        while app.is_busy() {
            app.update(Msg::Tick);
            if !app.is_busy() || drawn.elapsed() >= Duration::from_millis(40) {
                writer.frame(None, |f| view::draw(f, app)).expect("frame");
                writer.writer().clear();
                drawn = Instant::now();
            }
        }
        complete.push(t.elapsed());
        slowest.push((
            t.elapsed(),
            app.palette().query.clone(),
            app.palette().hits.len(),
        ));
    };
    for q in &queries {
        for c in q.chars() {
            keystroke(&mut app, Msg::Input(c));
        }
        for _ in q.chars() {
            keystroke(&mut app, Msg::Action(Action::DeleteChar));
        }
    }
    slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
    if std::env::var_os("BENCH_SLOWEST").is_some() {
        for (d, q, n) in slowest.iter().take(12) {
            println!("  {:6.2} ms  {q:?} → {n} hits", d.as_secs_f64() * 1000.0);
        }
    }
    println!(
        "{topics} topics, {} queries, {} keystrokes, {w}x{h}",
        queries.len(),
        app_times.len()
    );
    println!("app time per keystroke:      {}", summary(&mut app_times));
    println!("frame time per keystroke:    {}", summary(&mut frame_times));
    let mut first: Vec<Duration> = app_times
        .iter()
        .zip(&frame_times)
        .map(|(a, f)| *a + *f)
        .collect();
    println!("keystroke to first frame:    {}", summary(&mut first));
    println!("keystroke to complete hits:  {}", summary(&mut complete));
}

fn queries(analysis: &Analysis) -> Vec<String> {
    let mut out = Vec::new();
    for t in analysis.topics.topics.iter().step_by(997) {
        let words: Vec<&str> = t.label.split_whitespace().collect();
        if let Some(first) = words.first() {
            out.push(first.to_lowercase());
        }
        out.push(t.label.chars().take(6).collect::<String>().to_lowercase());
        if words.len() > 1 {
            out.push(words.iter().filter_map(|w| w.chars().next()).collect());
        }
    }
    out.retain(|q| !q.trim().is_empty());
    out
}

fn summary(times: &mut [Duration]) -> String {
    times.sort_unstable();
    let at = |p: usize| times[(times.len() * p / 100).min(times.len() - 1)];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    format!(
        "p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        ms(at(50)),
        ms(at(99)),
        ms(times[times.len() - 1])
    )
}
