//! Search latency on a large corpus, in-process: finding a phrase in
//! every article (`F`: folding the corpus once, then each search), the
//! results view's first frame, and in-view search keystrokes in the
//! reader.
//!
//! `cargo run --release --example bench_find -- DIR [WIDTH HEIGHT]`
//!
//! The phrases come from the corpus's own text (two words of every
//! 500th article's third paragraph, lower and title case), plus a common
//! word ("the") and a phrase found nowhere. Prints, for `F`: the first
//! search (which folds the corpus) and the later ones, each from enter to
//! the results laid out, then the first frame; for `/`: the app time and
//! frame time of every keystroke typing the phrases into the reader.

use parallax::analysis::find::{FindIndex, Query};
use parallax::corpus::Corpus;
use parallax::ui::action::Action;
use parallax::ui::app::App;
use parallax::ui::keymap::Keymap;
use parallax::ui::render::FrameWriter;
use parallax::ui::theme::Theme;
use parallax::ui::update::Msg;
use parallax::ui::view;
use std::sync::Arc;
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: bench_find DIR [WIDTH HEIGHT]");
        std::process::exit(2);
    };
    let w: u16 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(200);
    let h: u16 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(50);
    let corpus = parallax::corpus::load_paths(&[dir.into()]).unwrap_or_else(|e| {
        eprintln!("bench_find: {e}");
        std::process::exit(2);
    });
    let phrases = phrases(&corpus);
    let blocks: usize = corpus.articles.iter().map(|a| a.blocks.len()).sum();
    println!(
        "{} articles, {blocks} blocks, {} phrases, {w}x{h}",
        corpus.articles.len(),
        phrases.len()
    );

    // The engine alone: folding once, then each search.
    let t = Instant::now();
    let index = FindIndex::build(&corpus);
    let fold = t.elapsed();
    println!(
        "fold the corpus once:         {:.1} ms ({} MB folded)",
        ms(fold),
        index.bytes() / 1_000_000
    );
    let mut engine = Vec::new();
    for p in &phrases {
        let q = Query::new(p).expect("a phrase");
        let t = Instant::now();
        let found = index.search(&corpus, &q, 1000);
        engine.push(t.elapsed());
        if std::env::var_os("BENCH_VERBOSE").is_some() {
            println!(
                "  {:7.2} ms  {p:?}: {} hits in {} articles",
                ms(*engine.last().unwrap()),
                found.total,
                found.articles
            );
        }
    }
    drop(index);
    println!("search (engine):              {}", summary(&mut engine));

    // In the reader: F, the phrase, enter → the results laid out, and
    // the frame that shows them.
    let corpus = Arc::new(corpus);
    let mut app = App::analysing(
        Arc::clone(&corpus),
        Keymap::default_keymap(),
        Theme { color: true },
        (w, h),
    );
    app.refresh_layouts();
    let mut writer = FrameWriter::new(Vec::new(), w, h).expect("frame writer");
    let frame = |app: &App, writer: &mut FrameWriter<Vec<u8>>| {
        let t = Instant::now();
        writer.frame(None, |f| view::draw(f, app)).expect("frame");
        writer.writer().clear();
        t.elapsed()
    };
    let (mut first_search, mut searches, mut frames) = (None, Vec::new(), Vec::new());
    for p in &phrases {
        app.update(Msg::Action(Action::SearchAll));
        for c in p.chars() {
            app.update(Msg::Input(c));
        }
        let t = Instant::now();
        app.update(Msg::Action(Action::Confirm));
        let took = t.elapsed();
        match first_search {
            None => first_search = Some(took),
            Some(_) => searches.push(took),
        }
        frames.push(frame(&app, &mut writer));
        app.update(Msg::Action(Action::Library));
    }
    println!(
        "F: first search (folds):      {:.1} ms",
        ms(first_search.unwrap_or_default())
    );
    println!("F: enter to results:          {}", summary(&mut searches));
    println!("F: results frame:             {}", summary(&mut frames));

    // `/` in the reader, typing each phrase in the longest articles.
    let mut longest: Vec<usize> = (0..corpus.articles.len()).collect();
    longest.sort_by_key(|&a| std::cmp::Reverse(corpus.articles[a].blocks.len()));
    let (mut keys, mut key_frames) = (Vec::new(), Vec::new());
    for &a in longest.iter().take(5) {
        app.open_reader(a, None);
        for p in &phrases {
            app.update(Msg::Action(Action::Search));
            for c in p.chars() {
                let t = Instant::now();
                app.update(Msg::Input(c));
                keys.push(t.elapsed());
                key_frames.push(frame(&app, &mut writer));
            }
            app.update(Msg::Action(Action::Confirm));
            app.update(Msg::Action(Action::Back));
        }
    }
    println!("/: app time per keystroke:    {}", summary(&mut keys));
    println!("/: frame per keystroke:       {}", summary(&mut key_frames));
}

/// Two words from every 500th article's third content block, in lower and
/// title case, a common word, and a phrase found nowhere.
fn phrases(corpus: &Corpus) -> Vec<String> {
    let mut out = Vec::new();
    for a in corpus.articles.iter().step_by(500) {
        let Some((_, b)) = a.content_blocks().nth(2) else {
            continue;
        };
        let words: Vec<&str> = b.text.split_whitespace().skip(3).take(2).collect();
        if words.len() == 2 {
            let phrase = words.join(" ").to_lowercase();
            let mut title: Vec<char> = phrase.chars().collect();
            title[0] = title[0].to_uppercase().next().unwrap_or(title[0]);
            out.push(phrase);
            out.push(title.into_iter().collect());
        }
    }
    out.push("the".into());
    out.push("zqxj nowhere at all".into());
    out
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn summary(times: &mut [Duration]) -> String {
    if times.is_empty() {
        return "–".into();
    }
    times.sort_unstable();
    let at = |p: usize| times[(times.len() * p / 100).min(times.len() - 1)];
    format!(
        "p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        ms(at(50)),
        ms(at(99)),
        ms(times[times.len() - 1])
    )
}
