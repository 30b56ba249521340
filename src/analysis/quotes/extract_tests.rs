//! Tests of `extract`: quotes, their parts and their speakers in whole
//! articles.

use super::*;
use crate::corpus::{Block, Metadata};

fn article(blocks: &[(BlockKind, &str)]) -> Article {
    Article {
        id: "a".into(),
        path: None,
        meta: Metadata::default(),
        blocks: blocks
            .iter()
            .map(|&(kind, t)| Block {
                kind,
                text: t.to_string(),
                reason: None,
                line: 0,
            })
            .collect(),
        hidden_chars: 0,
    }
}

fn found_in(blocks: &[(BlockKind, &str)]) -> Vec<(String, Option<String>, bool)> {
    article_quotes(0, &article(blocks))
        .into_iter()
        .map(|q| (q.text, q.speaker, q.continued))
        .collect()
}

fn found(paragraphs: &[&str]) -> Vec<(String, Option<String>, bool)> {
    let blocks: Vec<_> = paragraphs
        .iter()
        .map(|&t| (BlockKind::Paragraph, t))
        .collect();
    found_in(&blocks)
}

fn speakers(got: &[(String, Option<String>, bool)]) -> Vec<Option<&str>> {
    got.iter().map(|q| q.1.as_deref()).collect()
}

fn q(text: &str, who: Option<&str>, continued: bool) -> (String, Option<String>, bool) {
    (text.into(), who.map(String::from), continued)
}

#[test]
fn a_quote_over_two_paragraphs_is_two_parts_with_one_speaker() {
    let got = found(&[
        "Roe said: “The first paragraph of it ends here.",
        "“And the second one ends the quote.” Then she left.",
        "Unrelated text.",
    ]);
    assert_eq!(
        got,
        [
            q("The first paragraph of it ends here.", Some("Roe"), false),
            q("And the second one ends the quote.", Some("Roe"), true),
        ]
    );
}

#[test]
fn pronouns_and_follow_on_quotes_take_the_last_speaker() {
    let got = found(&[
        "“We will not yield an inch,” Roe said. “Not now, not ever.”",
        "“The talks were long and hard,” she said.",
        "“Nobody expected a deal today,” said an official.",
    ]);
    assert_eq!(got[0].1.as_deref(), Some("Roe"));
    assert_eq!(got[1], q("Not now, not ever.", Some("Roe"), false));
    assert_eq!(got[2].1.as_deref(), Some("Roe"));
    // "an official" names no one (and is not Roe).
    assert_eq!(got[3].1, None);
}

#[test]
fn scare_quotes_are_dropped_unless_attributed() {
    let got = found(&["The so-called “reset” failed, and the “grand bargain” too."]);
    assert!(got.is_empty(), "{got:?}");
    let got = found(&["“Constructive,” Roe said of the talks."]);
    assert_eq!(got, [q("Constructive,", Some("Roe"), false)]);
}

#[test]
fn the_speaker_is_the_subject_without_its_role_or_audience() {
    let got = found(&[
        "Helen Marsh, the deputy chief fire officer, told reporters: \"Nobody has been hurt.\"",
        "\"We made the decision early,\" said Deputy Chief Fire Officer Helen Marsh.",
        "\"We made the decision early,\" said Chief Fire Officer Helen Marsh.",
        "“The crews were told to pull back at midnight,” said Ann Lee.",
        "Deputy Chief Fire Officer Helen Marsh said the crews had worked through the night. \"We made the decision to evacuate the street early,\" she said.",
    ]);
    // The pronoun is the person just named, not the last speaker.
    let marsh = Some("Helen Marsh");
    assert_eq!(
        speakers(&got),
        [marsh, marsh, marsh, Some("Ann Lee"), marsh],
        "{got:#?}"
    );
}

#[test]
fn a_pronoun_in_a_later_paragraph_is_the_last_speaker_named() {
    let got = found(&[
        "Helen Marsh, the deputy chief fire officer, told reporters: \"Nobody has been hurt.\"",
        "The street was closed until the evening.",
        "\"We made the decision early,\" she said.",
    ]);
    assert_eq!(speakers(&got), [Some("Helen Marsh"); 2], "{got:#?}");
}

#[test]
fn a_block_quote_is_a_quote_introduced_by_the_block_before() {
    use BlockKind::{Heading, Paragraph, Quote};
    let got = found_in(&[
        (
            Paragraph,
            "Helen Marsh, the deputy chief fire officer, said:",
        ),
        (
            Quote,
            "  Nobody has been hurt and the fire is under control. ",
        ),
        (Quote, "“Crews will stay on site all weekend,” she added."),
        (Paragraph, "The road stays closed."),
        (Quote, "The warehouse was empty when the fire started."),
        (
            Paragraph,
            "Ann Lee, who owns the bakery next door, told the council:",
        ),
        (
            Paragraph,
            "“We lost a week of trade and nobody has called us.”",
        ),
        (Paragraph, "What the bakery owner said"),
        (Paragraph, "“Nobody from the council has called us since.”"),
        (Paragraph, "Ann Lee said:"),
        (Heading, "What happens next"),
        (Quote, "Inspectors will visit on Monday morning."),
        (Quote, "“ ”"),
    ]);
    assert_eq!(
        got,
        [
            q(
                "Nobody has been hurt and the fire is under control.",
                Some("Helen Marsh"),
                false
            ),
            q(
                "Crews will stay on site all weekend,",
                Some("Helen Marsh"),
                false
            ),
            q(
                "The warehouse was empty when the fire started.",
                None,
                false
            ),
            q(
                "We lost a week of trade and nobody has called us.",
                Some("Ann Lee"),
                false
            ),
            q("Nobody from the council has called us since.", None, false),
            q("Inspectors will visit on Monday morning.", None, false),
        ]
    );
}

#[test]
fn a_speaker_named_before_a_quote_wins_over_the_next_sentence() {
    let got = found(&[
        "According to Okafor, \"We evacuated every home before the cloud came.\" The fire chief said the leak had stopped.",
        "Doe asked Roe: “Will the talks go on next week?” Roe replied: “They will go on.”",
        // No attribution before: the words after name the speaker.
        "The talks ended late. “Will we be back next week?” Roe asked.",
        "“We will be back next week,” the minister said. The talks ended.",
    ]);
    assert_eq!(
        speakers(&got),
        [
            Some("Okafor"),
            Some("Doe"),
            Some("Roe"),
            Some("Roe"),
            Some("minister")
        ],
        "{got:#?}"
    );
}

#[test]
fn a_paragraph_wholly_quoted_goes_on_with_the_speaker_before() {
    use BlockKind::{Heading, Paragraph};
    let got = found_in(&[
        (
            Paragraph,
            "Clara Vantongeren visited the site. \"The railway company will pay for every hour,\" she said.",
        ),
        (
            Paragraph,
            "\"And it will answer for why these wagons were on this line at all.\"",
        ),
        (Paragraph, "“Nobody will be left to pay for it alone.”"),
        // Not wholly quoted, or after other words, a heading, or a quote
        // nobody is credited with: no speaker.
        (
            Paragraph,
            "“The line stays shut until Friday,” a notice read",
        ),
        (
            Paragraph,
            "“Trains will run again on Monday.” The line is shut.",
        ),
        (
            Paragraph,
            "“We will pay for the clean-up,” Roe said. Then she left the room.",
        ),
        (Paragraph, "“The inquiry will report within a year.”"),
        (
            Paragraph,
            "“The wagons were inspected last spring,” Roe said.",
        ),
        (Heading, "What happens next"),
        (Paragraph, "“Residents may go home on Friday.”"),
    ]);
    let vantongeren = Some("Clara Vantongeren");
    assert_eq!(
        speakers(&got),
        [
            vantongeren,
            vantongeren,
            vantongeren,
            None,
            None,
            Some("Roe"),
            None,
            Some("Roe"),
            None
        ],
        "{got:#?}"
    );
}

#[test]
fn a_speaker_given_by_role_alone_is_the_one_named_with_it_before() {
    let got = found(&[
        "Minister Jane Roe toured the flooded streets on Monday.",
        "\"We will rebuild every bridge that was lost,\" the minister added.",
        "Rashid Okafor, the fire chief, said crews were tired.",
        "\"Nobody has been hurt so far,\" said the fire chief.",
        "\"The roads will open by Friday,\" the mayor said.",
    ]);
    assert_eq!(
        speakers(&got),
        [Some("Jane Roe"), Some("Rashid Okafor"), Some("mayor")],
        "{got:?}"
    );
}

#[test]
fn quotes_in_other_languages_marks_find_their_speakers() {
    let got = found(&[
        "«Wir haben die Lage im Griff», sagte Chefingenieur Tomas Berg.",
        "„Die Bahn wird für jede Stunde zahlen“, sagte er am Abend.",
        "« Nous paierons chaque heure du nettoyage », a déclaré la ministre Claire Dubois.",
        "La ministre Claire Dubois a déclaré : « Personne ne boit l’eau du robinet. »",
        "‹Nadie debe beber agua del grifo›, dijo el alcalde Juan Pérez.",
    ]);
    assert_eq!(
        got.iter().map(|q| q.0.as_str()).collect::<Vec<_>>(),
        [
            "Wir haben die Lage im Griff",
            "Die Bahn wird für jede Stunde zahlen",
            "Nous paierons chaque heure du nettoyage",
            "Personne ne boit l’eau du robinet.",
            "Nadie debe beber agua del grifo",
        ]
    );
    let berg = Some("Tomas Berg");
    let dubois = Some("Claire Dubois");
    assert_eq!(
        speakers(&got),
        [berg, berg, dubois, dubois, Some("Juan Pérez")],
        "{got:#?}"
    );
}

#[test]
fn a_question_asked_by_someone_is_not_the_question_s() {
    let got = found(&["\"Is this safe?\" The question was asked by Ann Lee."]);
    assert_eq!(got, [q("Is this safe?", Some("Ann Lee"), false)]);
    let got = found(&["\"Is this safe for us?\" The question was asked twice."]);
    assert_eq!(got, [q("Is this safe for us?", None, false)]);
}

#[test]
fn a_pronoun_after_a_person_and_a_body_in_one_sentence_is_the_person() {
    let got = found(&[
        "Martin Hale, who runs the Marrowby Port Authority, rejected calls to reopen the offer. \
         “Our offer is fair and it is on the table now,” he said.",
        "Mediator Priya Sandoval, appointed by the Conciliation Service, said both sides would \
         meet. “Both parties have told me they want a settlement,” she said.",
    ]);
    assert_eq!(
        speakers(&got),
        [Some("Martin Hale"), Some("Priya Sandoval")]
    );
}

#[test]
fn a_sentence_ending_on_a_colon_introduces_the_one_person_it_names() {
    let got = found(&[
        "Speaking at the north gate, union secretary Dana Okonkwo put it plainly: \
         “We are not against machines at all.”",
        // Two people named: no one is credited.
        "After Ann Lee met Bo Park, the mood was plain: “Nobody here wants this.”",
    ]);
    assert_eq!(speakers(&got), [Some("Dana Okonkwo"), None]);
}

#[test]
fn a_second_quote_after_the_first_ones_long_attribution_is_the_same_speakers() {
    let got = found(&[
        "“We are asking people to go now,” Alun Price told reporters at the rescue centre set \
         up in the Felsham leisure complex. “The wind is doing what it likes tonight.”",
        // A sentence that is not the attribution ends the inheritance.
        "“We will reopen the road,” Jo Roe said. The council met later that week to decide \
         on it. “It is too early to say.”",
    ]);
    assert_eq!(
        speakers(&got),
        [Some("Alun Price"), Some("Alun Price"), Some("Jo Roe"), None]
    );
}

#[test]
fn a_name_given_a_thing_is_no_more_of_the_last_speakers_words() {
    let got = found(&[
        "Priya Sandoval said the vote was “rushed.” The plan, called “the slow lane” in \
         the council papers, will cost £2m.",
        // Short words between, a speaker's own: the same speaker goes on.
        "“We will reopen the road,” Jo Roe said. “Soon.”",
    ]);
    assert_eq!(
        speakers(&got),
        [Some("Priya Sandoval"), None, Some("Jo Roe"), Some("Jo Roe")]
    );
}

#[test]
fn a_surname_alone_is_the_person_the_article_named_in_full() {
    let got = found(&[
        "Priya Sandoval, the mediator, will meet both sides on Thursday.",
        "“Both parties want a settlement,” Sandoval said.",
        // A surname the article never wrote in full stays as written.
        "“It is a start,” Okafor said.",
    ]);
    assert_eq!(speakers(&got), [Some("Priya Sandoval"), Some("Okafor")]);
}

#[path = "extract_surname_tests.rs"]
mod surnames;

#[path = "extract_pronoun_tests.rs"]
mod pronouns;

#[path = "extract_apposition_tests.rs"]
mod appositions;

/// "The chairmen said", "a resident said": a common noun names no one,
/// and "he" right after it is not the one named before; a role still
/// credits the one named with it.
#[test]
fn a_common_noun_alone_credits_no_one() {
    let got = found(&[
        "Chairman Bob Goodlatte spoke first.",
        "“The memos made clear the bureau acted alone,” the chairmen said.",
        "“It is too soon,” a resident said. “We will see,” he added.",
        "“We have the documents,” the chairman said.",
    ]);
    assert_eq!(speakers(&got), [None, None, None, Some("Bob Goodlatte")]);
}
