//! One person, one topic, and "who covered what" statements that hold, on
//! a corpus written for these tests (tests/fixtures/names): Senate Minority
//! Leader Jane Roe in five forms over four articles, Mayor Tom Roe who
//! shares her surname, Jim (James) Hale, the Federal Reserve (Fed), and
//! reporting verbs and filler words in every article.

use crate::support::topic_checks;
use crate::support::written::corpus_of;

use parallax::analysis::Analysis;
use parallax::analysis::topics::{Topic, TopicIndex, TopicKind, build_topics};
use parallax::corpus::{self, Corpus};
use parallax::ui::action::Action;
use parallax::ui::app::{App, ScreenId};
use parallax::ui::keymap::Keymap;
use parallax::ui::overlays::palette::PaletteState;
use parallax::ui::theme::Theme;
use parallax::ui::update::Msg;
use std::path::Path;
use topic_checks::assert_invariants;

fn corpus() -> Corpus {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/names");
    corpus::load_paths(&[dir]).expect("the names corpus loads")
}

fn article(c: &Corpus, prefix: &str) -> usize {
    c.resolve(prefix).expect("article")
}

fn name<'a>(index: &'a TopicIndex, label: &str) -> &'a Topic {
    let i = index.find(TopicKind::Name, label).unwrap_or_else(|| {
        let names: Vec<&str> = index
            .of_kind(TopicKind::Name)
            .map(|(_, t)| t.label.as_str())
            .collect();
        panic!("no name {label:?} in {names:?}")
    });
    &index.topics[i]
}

/// Content blocks of `article` whose text contains `needle`.
fn blocks_with(c: &Corpus, article: usize, needle: &str) -> Vec<usize> {
    c.articles[article]
        .content_blocks()
        .filter(|(_, b)| b.text.contains(needle))
        .map(|(i, _)| i)
        .collect()
}

fn blocks_of(t: &Topic, article: usize) -> Vec<usize> {
    t.occurrences_in(article).map(|r| r.block).collect()
}

#[test]
fn a_person_in_four_forms_across_three_articles_is_one_topic() {
    let c = corpus();
    let index = build_topics(&c);
    assert_invariants(&c, &index);
    let jane = name(&index, "Jane Roe");
    for form in [
        "Roe",
        "Sen. Roe",
        "Ms. Roe",
        "Senate Minority Leader Jane Roe",
    ] {
        assert!(
            index.find(TopicKind::Name, form).is_none(),
            "{form} is Jane Roe, not a topic of its own"
        );
    }
    // Every block naming her in any form, in the three articles about her.
    for prefix in ["a1", "a2", "a3"] {
        let a = article(&c, prefix);
        assert_eq!(blocks_of(jane, a), blocks_with(&c, a, "Roe"), "{prefix}");
    }
    let forms: Vec<&str> = jane.coverage.forms.names().collect();
    for form in [
        "Senate Minority Leader Jane Roe",
        "Jane Roe",
        "Sen. Roe",
        "Ms. Roe",
        "Roe",
    ] {
        assert!(forms.contains(&form), "{form} in {forms:?}");
    }
    // a2 names her three times: "Jane Roe", "Sen. Roe", "Roe's office".
    let a2 = article(&c, "a2");
    assert_eq!(jane.count(a2), 3);
    let in_a2: Vec<(&str, u32)> = jane.forms_in(a2);
    assert_eq!(in_a2.iter().map(|f| f.1).sum::<u32>(), 3, "{in_a2:?}");
}

#[test]
fn two_people_sharing_a_surname_are_not_merged() {
    let c = corpus();
    let index = build_topics(&c);
    let jane = name(&index, "Jane Roe");
    let tom = name(&index, "Tom Roe");
    let (a4, a5, a7) = (article(&c, "a4"), article(&c, "a5"), article(&c, "a7"));
    assert!(blocks_of(jane, a4).is_empty(), "Tom's town is not Jane's");
    for prefix in ["a1", "a2", "a3"] {
        assert!(blocks_of(tom, article(&c, prefix)).is_empty(), "{prefix}");
    }
    assert_eq!(blocks_of(tom, a4), blocks_with(&c, a4, "Roe"));
    // a5 names both: its bare "Roe" is neither, and says so.
    let amb = name(&index, "Roe (ambiguous: Jane Roe, Tom Roe)");
    assert_eq!(blocks_of(amb, a5), blocks_with(&c, a5, "Roe told"));
    assert_eq!(blocks_of(jane, a5), blocks_with(&c, a5, "Jane Roe"));
    assert_eq!(blocks_of(tom, a5), blocks_with(&c, a5, "Tom Roe"));
    // a7 names neither: its "Roe" could be either.
    assert_eq!(blocks_of(amb, a7), blocks_with(&c, a7, "Roe"));
    assert_eq!(
        index.ambiguous_for(index.find(TopicKind::Name, "Jane Roe").unwrap()),
        index.find(TopicKind::Name, &amb.label)
    );
}

#[test]
fn short_given_names_and_defined_acronyms_merge() {
    let c = corpus();
    let index = build_topics(&c);
    let (a1, a6) = (article(&c, "a1"), article(&c, "a6"));
    let hale = name(&index, "Jim Hale");
    assert_eq!(
        blocks_of(hale, a6),
        blocks_with(&c, a6, "Hale"),
        "James Hale, Mr. Hale"
    );
    assert_eq!(blocks_of(hale, a1), blocks_with(&c, a1, "Jim Hale"));
    let fed = name(&index, "Federal Reserve");
    assert_eq!(
        blocks_of(fed, a6),
        blocks_with(&c, a6, "Fed"),
        "defined in a1"
    );
    for gone in ["James Hale", "Fed", "Hale"] {
        assert!(index.find(TopicKind::Name, gone).is_none(), "{gone}");
    }
}

fn app(c: Corpus) -> App {
    let analysis = Analysis::build(&c);
    let mut app = App::new(
        c,
        analysis,
        Keymap::default_keymap(),
        Theme { color: false },
        (100, 40),
    );
    app.refresh_layouts();
    app
}

fn line_text(line: &[(String, parallax::ui::styled::Tag)]) -> String {
    line.iter().map(|(s, _)| s.as_str()).collect()
}

#[test]
fn not_covered_by_lists_only_articles_without_any_form() {
    let mut app = app(corpus());
    app.update(Msg::Action(Action::Topics));
    for ch in "Jane Roe".chars() {
        app.update(Msg::Input(ch));
    }
    app.update(Msg::Action(Action::OpenAcross));
    assert_eq!(app.screen(), ScreenId::Topic);
    let layout = app.topic().layout().expect("laid out");
    let text: Vec<String> = layout.lines.iter().map(|l| line_text(l)).collect();
    let all = text.join("\n");
    let not_covered = all
        .split("Not covered by")
        .nth(1)
        .expect("a not-covered line");
    assert!(not_covered.contains("a4-p (Prairie Post)"), "{all}");
    assert!(not_covered.contains("a6-w (Farm Wire)"), "{all}");
    for covered in [
        "Capitol Courier",
        "Valley Times",
        "Daily Ledger",
        "River Review",
        "Opinion Weekly",
    ] {
        assert!(!not_covered.contains(covered), "{covered} names her: {all}");
    }
    // a7 only writes "Roe", which may be her or the mayor.
    assert!(
        all.contains("Only “Roe”, which may be Jane Roe or Tom Roe: a7-w (Opinion Weekly) ×1"),
        "{all}"
    );
    // Each section says how the article names her.
    assert!(all.contains(" · Daily Ledger · 2 mentions: "), "{all}");
    assert!(all.contains("Ms. Roe ×1"), "{all}");
}

/// Reporting verbs and filler words of the corpus.
const JUNK: &[&str] = &[
    "told",
    "tell",
    "said",
    "says",
    "say",
    "including",
    "include",
    "come",
    "came",
    "according",
    "added",
    "asked",
    "reporters",
    "back",
    "week",
    "people",
    "officials",
    "ones",
];

fn is_junk(label: &str) -> bool {
    label
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| JUNK.contains(&w))
}

#[test]
fn junk_terms_are_absent_from_the_palette_and_the_matrix() {
    let app = app(corpus());
    let topics = &app.analysis().topics;
    let palette = PaletteState::new(topics);
    let first: Vec<&str> = palette
        .hits
        .iter()
        .take(50)
        .map(|h| topics.topics[h.topic].label.as_str())
        .collect();
    assert!(first.len() >= 30, "{first:?}");
    let junk: Vec<&&str> = first
        .iter()
        .filter(|l| {
            !topics
                .topics
                .iter()
                .any(|t| t.kind == TopicKind::Heading && t.label == **l)
        })
        .filter(|l| is_junk(l))
        .collect();
    assert!(
        junk.is_empty(),
        "junk in the palette: {junk:?} of {first:?}"
    );
    let rows: Vec<&str> = app
        .matrix()
        .rows()
        .iter()
        .take(50)
        .map(|&t| topics.topics[t].label.as_str())
        .filter(|l| {
            !topics
                .topics
                .iter()
                .any(|t| t.kind == TopicKind::Heading && t.label == *l)
        })
        .collect();
    assert!(!rows.iter().any(|l| is_junk(l)), "{rows:?}");
}

/// An outlet that writes only the surname, once, of the one person two
/// others name in full covers that person; a bare word that the corpus
/// mostly uses alone, beside one full name, stays a word.
#[test]
fn a_surname_alone_once_is_the_one_person_named_in_full_elsewhere() {
    let (_dir, c) = corpus_of(&[
        (
            "a",
            "Spill one\n\nThe fire chief Rashid Okafor said crews were ready on Monday.\n",
        ),
        (
            "b",
            "Spill two\n\nCrews led by Rashid Okafor worked through the night.\n",
        ),
        (
            "c",
            "Spill three\n\nThe homes were cleared before dawn, according to Okafor, and crews stayed.\n",
        ),
    ]);
    let index = build_topics(&c);
    let okafor = name(&index, "Rashid Okafor");
    let cap = article(&c, "c");
    assert_eq!(blocks_of(okafor, cap), [1], "{okafor:?}");

    let city = "The talks moved to Washington on Monday.\n\nOfficials in Washington said little.\n";
    let (_dir, c) = corpus_of(&[
        ("a", &format!("Talks one\n\n{city}")),
        ("b", &format!("Talks two\n\n{city}")),
        (
            "c",
            "Talks three\n\nA statue of George Washington stood by the door.\n\nOfficials in Washington said little.\n",
        ),
    ]);
    let index = build_topics(&c);
    let a = article(&c, "a");
    let person = index.find(TopicKind::Name, "George Washington");
    assert!(
        person.is_none_or(|i| blocks_of(&index.topics[i], a).is_empty()),
        "the city is not the president"
    );
}
