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

/// Three reports of one truce. "steps" is only ever written after a word
/// that says which steps, "test" is mostly a verb, "credible" an
/// adjective, "leaders" a role; "ceasefire" and "monitors" are what the
/// reports are about.
const TRUCE: [&str; 3] = [
    "# Truce holds\n\nThe ceasefire held overnight, and monitors counted no shelling.\n\n\
     Both leaders promised verifiable steps, then small steps, then more verifiable steps.\n\n\
     Rebels may test the ceasefire soon; the army wants to test the monitors too.\n\n\
     The offer is credible, officials said, and the plan seems credible to monitors.\n",
    "# Monitors arrive\n\nMonitors reached the border as the ceasefire began.\n\n\
     The leaders agreed on verifiable steps and practical steps within a week.\n\n\
     Commanders tested the line at night, and will test the ceasefire again.\n\n\
     Diplomats called the truce credible; the leaders sounded credible as well.\n",
    "# A fragile calm\n\nThe ceasefire is fragile, and monitors fear it will not last.\n\n\
     Verifiable steps came first, concrete steps next, as the leaders had said.\n\n\
     Each side tested the other, hoping to test the patience of the monitors.\n\n\
     Few think the pledge credible, though the leaders look credible on paper.\n",
];

fn score(index: &TopicIndex, label: &str) -> f32 {
    topic(index, TopicKind::Term, label).coverage.score
}

#[test]
fn a_word_written_only_after_its_modifiers_ranks_below_its_phrase() {
    let (_dir, c) = corpus_of(&TRUCE);
    let index = build_topics(&c);
    assert_invariants(&c, &index);
    assert!(
        score(&index, "verifiable steps") > score(&index, "steps"),
        "{} vs {}",
        score(&index, "verifiable steps"),
        score(&index, "steps")
    );
}

#[test]
fn a_word_mostly_used_as_a_verb_ranks_below_the_things_reported() {
    let (_dir, c) = corpus_of(&TRUCE);
    let index = build_topics(&c);
    for thing in ["ceasefire", "monitors"] {
        assert!(
            score(&index, thing) > score(&index, "test"),
            "{thing} {} vs test {}",
            score(&index, thing),
            score(&index, "test")
        );
    }
}

#[test]
fn an_adjective_ranks_below_the_things_reported() {
    let (_dir, c) = corpus_of(&TRUCE);
    let index = build_topics(&c);
    assert!(
        score(&index, "monitors") > score(&index, "credible"),
        "{} vs {}",
        score(&index, "monitors"),
        score(&index, "credible")
    );
}

#[test]
fn a_role_alone_is_no_topic() {
    let (_dir, c) = corpus_of(&TRUCE);
    let index = build_topics(&c);
    let terms = labels(&index, TopicKind::Term);
    assert!(!terms.contains(&"leaders"), "{terms:?}");
    assert!(terms.contains(&"ceasefire"), "{terms:?}");
}
