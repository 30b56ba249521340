//! Topics a reader can rely on, on small corpora written for these tests:
//! an adjective of a place is no name of its own, a word mostly written
//! inside its phrases is no topic beside them, a role word alone is no
//! topic.

use parallax::analysis::topics::{Topic, TopicIndex, TopicKind, build_topics};
use parallax::corpus::{self, Corpus};

use crate::support::topic_checks::assert_invariants;

/// A corpus of one Markdown file per text, loaded as the reader would.
fn corpus_of(texts: &[&str]) -> (tempfile::TempDir, Corpus) {
    let dir = tempfile::tempdir().expect("temp dir");
    for (i, text) in texts.iter().enumerate() {
        std::fs::write(dir.path().join(format!("a{i}.md")), text).expect("write");
    }
    let c = corpus::load_paths(&[dir.path().to_path_buf()]).expect("load");
    (dir, c)
}

fn labels(index: &TopicIndex, kind: TopicKind) -> Vec<&str> {
    index.of_kind(kind).map(|(_, t)| t.label.as_str()).collect()
}

fn topic<'a>(index: &'a TopicIndex, kind: TopicKind, label: &str) -> &'a Topic {
    let i = index
        .find(kind, label)
        .unwrap_or_else(|| panic!("no {kind:?} {label:?} in {:?}", labels(index, kind)));
    &index.topics[i]
}

/// (article, block) of every content block holding `needle`.
fn blocks_with(c: &Corpus, needle: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (a, article) in c.articles.iter().enumerate() {
        for (b, block) in article.content_blocks() {
            if block.text.contains(needle) {
                out.push((a, b));
            }
        }
    }
    out
}

const CHILE: [&str; 3] = [
    "# Copper talks\n\nChilean officials met their neighbours in Lima on Monday.\n\n\
     The copper agreement matters to Chile, and Chilean miners support it.\n\n\
     Chilean exporters expect higher prices next year.\n",
    "# Unions divided\n\nIn Chile, the copper agreement divides the Chilean unions.\n\n\
     Peru has not answered Chile yet, and Chilean negotiators wait.\n",
    "# A deal in sight\n\nObservers in Lima say Chile and Peru are close.\n\n\
     The Chilean delegation and Peruvian officials meet again in Lima.\n",
];

#[test]
fn an_adjective_of_a_place_is_a_form_of_the_place_not_a_name() {
    let (_dir, c) = corpus_of(&CHILE);
    let index = build_topics(&c);
    assert_invariants(&c, &index);
    let names = labels(&index, TopicKind::Name);
    assert!(!names.contains(&"Chilean"), "{names:?}");
    let chile = topic(&index, TopicKind::Name, "Chile");
    let covered: Vec<(usize, usize)> = chile
        .occurrences
        .iter()
        .map(|r| (r.article, r.block))
        .collect();
    for at in blocks_with(&c, "Chilean") {
        assert!(covered.contains(&at), "{at:?} not in {covered:?}");
    }
    // The place keeps its own label; the adjective is only a form of it.
    assert!(
        labels(&index, TopicKind::Name).contains(&"Lima"),
        "{names:?}"
    );
}
