//! Topics and events at the reader's benchmark scale: ten thousand
//! generated articles (ignored by default; time it with
//! `cargo test --release --test events_scale -- --ignored --nocapture`).

use parallax::analysis::events::find_events;
use parallax::analysis::topics::build_topics;
use std::time::Instant;

#[test]
#[ignore]
fn ten_thousand_articles_each_get_one_event() {
    let dir = tempfile::tempdir().expect("temp dir");
    for a in parallax::dev::synth::generate(10_000, 11) {
        std::fs::write(dir.path().join(&a.file_name), a.text).expect("write");
    }
    let c = parallax::corpus::load_paths(&[dir.path().to_path_buf()]).expect("load");
    let start = Instant::now();
    let topics = build_topics(&c);
    let built = start.elapsed();
    let events = find_events(&c, &topics);
    eprintln!(
        "build_topics {built:?}, find_events {:?}: {} topics, {} events",
        start.elapsed() - built,
        topics.len(),
        events.events.len()
    );
    let mut seen = vec![0u32; c.articles.len()];
    for e in &events.events {
        for &a in &e.articles {
            seen[a] += 1;
        }
    }
    assert!(
        seen.iter().all(|&n| n == 1),
        "every article in exactly one event"
    );
}
