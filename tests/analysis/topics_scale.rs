//! The topic index at scale: ten thousand generated articles (ignored by
//! default; `cargo test --release --test analysis -- topics_scale:: --ignored`).

use crate::support::topic_checks;

use parallax::analysis::topics::{TopicKind, build_topics};
use parallax::corpus::{BlockKind, Corpus};
use parallax::dev::rng::Rng;
use topic_checks::{article, assert_invariants};

fn synthetic_word(i: usize) -> String {
    const SYL: [&str; 16] = [
        "ka", "lo", "mi", "ren", "tu", "sa", "vel", "dor", "pa", "ni", "qua", "zet", "bo", "ri",
        "fen", "gu",
    ];
    let mut w = String::new();
    let mut n = i + 1;
    while n > 0 {
        w.push_str(SYL[n % 16]);
        n /= 16;
    }
    w
}

fn synthetic_corpus(articles: usize, paragraphs: usize, words: usize) -> Corpus {
    let mut rng = Rng::new(0x9e37_79b9_7f4a_7c15);
    let vocab: Vec<String> = (0..30_000).map(synthetic_word).collect();
    let names: Vec<String> = (0..2_000)
        .map(|i| {
            let mut n = synthetic_word(i * 7 + 3);
            n[..1].make_ascii_uppercase();
            n
        })
        .collect();
    let mut out = Vec::with_capacity(articles);
    for a in 0..articles {
        let mut blocks: Vec<(BlockKind, String)> = Vec::new();
        for p in 0..paragraphs {
            if p.is_multiple_of(5) {
                let h: Vec<&str> = (0..3).map(|_| vocab[rng.skewed(2_000)].as_str()).collect();
                blocks.push((BlockKind::Heading, h.join(" ")));
            }
            let mut text = String::new();
            for i in 0..words {
                let w = if rng.next_u64().is_multiple_of(20) {
                    names[rng.skewed(names.len())].clone()
                } else {
                    vocab[rng.skewed(vocab.len())].clone()
                };
                if i > 0 {
                    text.push(' ');
                }
                text.push_str(&w);
                if rng.next_u64().is_multiple_of(12) {
                    text.push_str(if rng.next_u64().is_multiple_of(2) {
                        ","
                    } else {
                        "."
                    });
                }
            }
            blocks.push((BlockKind::Paragraph, text));
        }
        let refs: Vec<(BlockKind, &str)> = blocks.iter().map(|(k, t)| (*k, t.as_str())).collect();
        out.push(article(&format!("{a:05}"), refs));
    }
    Corpus {
        articles: out,
        warnings: Vec::new(),
    }
}

/// CPU time of this process so far (Linux; 0 elsewhere), for the report:
/// wall-clock time on a shared machine says little.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the parenthesised command name; utime and stime are the
    // 14th and 15th fields of the whole line.
    let rest = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = [11, 12]
        .iter()
        .filter_map(|&i| fields.get(i)?.parse::<f64>().ok())
        .sum();
    ticks / 100.0
}

/// The reader's benchmark scale: 10,000 articles, 200,000 paragraphs.
/// Slow in debug builds; run with
/// `cargo test --release --test analysis -- topics_scale:: --ignored --nocapture`.
#[test]
#[ignore]
fn scales_to_ten_thousand_articles() {
    let c = synthetic_corpus(10_000, 20, 60);
    let start = std::time::Instant::now();
    let cpu = cpu_seconds();
    let index = build_topics(&c);
    eprintln!(
        "build_topics: {} articles, {} topics in {:?} ({:.2} s of CPU)",
        c.articles.len(),
        index.topics.len(),
        start.elapsed(),
        cpu_seconds() - cpu
    );
    assert_invariants(&c, &index);
    let terms = index.of_kind(TopicKind::Term).count();
    assert!(
        terms > 0 && terms <= 8 * c.articles.len() + 6_000,
        "{terms} terms"
    );
    assert!(index.of_kind(TopicKind::Name).count() <= 50 + 10 * c.articles.len());
}
