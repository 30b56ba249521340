//! Quotes on corpora written for these tests: a statement one outlet
//! splits over two paragraphs, another runs together and a third rewords
//! (tests/fixtures/quotes_parts); and quotes in German and French marks
//! with their speakers named in those languages
//! (tests/fixtures/quotes_languages); and forms of attribution news
//! writing uses, in articles each test writes into a temporary folder.

use crate::support::written::corpus_of;
use parallax::analysis::quotes::{QuoteGroup, Variant, find_quotes};
use parallax::corpus::{self, Corpus};
use std::path::Path;

fn corpus(name: &str) -> Corpus {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    corpus::load_paths(&[dir]).expect("the corpus loads")
}

/// The one group with an occurrence that contains `needle`.
fn group_with<'a>(groups: &'a [QuoteGroup], needle: &str) -> &'a QuoteGroup {
    let found: Vec<&QuoteGroup> = groups
        .iter()
        .filter(|g| g.quotes.iter().any(|q| q.text.contains(needle)))
        .collect();
    assert_eq!(found.len(), 1, "one group with {needle:?}: {groups:#?}");
    found[0]
}

#[test]
fn both_halves_of_a_split_quote_join_the_fuller_quote_of_other_outlets() {
    let c = corpus("quotes_parts");
    let groups = find_quotes(&c);
    let first = "The harbour board will pay for every day of this repair";
    let g = group_with(&groups, first);
    assert_eq!(g.articles(), 3, "{g:#?}");
    assert!(std::ptr::eq(g, group_with(&groups, "And it will explain")));
    assert_eq!(g.speaker.as_deref(), Some("Ines Lundgren"));
    // Each half is shown as a part of the reference, not as another
    // outlet's own quote.
    let gazette = c.resolve("harbour-gazette").unwrap();
    for (q, v) in g.quotes.iter().zip(&g.variants) {
        if q.at.article == gazette {
            assert_eq!(*v, Variant::Trimmed, "{q:?}");
        }
    }
    assert!(
        groups.iter().all(|g| g.articles() > 1),
        "no quote of one outlet only: {groups:#?}"
    );
}

#[test]
fn german_and_french_quotes_find_their_speakers() {
    let c = corpus("quotes_languages");
    let groups = find_quotes(&c);
    let speaker = |needle: &str| group_with(&groups, needle).speaker.clone();
    let berg = Some("Tomas Berg".to_string());
    let lundgren = Some("Ines Lundgren".to_string());
    assert_eq!(speaker("Wir haben die Lage im Griff"), berg);
    assert_eq!(speaker("Die Fähren fahren"), berg);
    assert_eq!(speaker("Die Hafenbehörde wird"), lundgren);
    assert_eq!(
        speaker("Personne ne se trouvait"),
        Some("Marc Olsen".into())
    );
    assert_eq!(speaker("L'autorité portuaire paiera"), lundgren);
    assert_eq!(speaker("Nous saurons pourquoi"), lundgren);
    assert_eq!(groups.len(), 6, "{groups:#?}");
}

/// The speaker each occurrence of the group with `needle` names, in
/// corpus order, and the group's own.
pub(crate) fn credits(
    groups: &[QuoteGroup],
    needle: &str,
) -> (Vec<Option<String>>, Option<String>) {
    let g = group_with(groups, needle);
    let each = g.quotes.iter().map(|q| q.speaker.clone()).collect();
    (each, g.speaker.clone())
}

pub(crate) fn some(name: &str) -> Option<String> {
    Some(name.to_string())
}

#[test]
fn a_name_after_a_job_title_of_several_words_is_the_speaker() {
    let (_dir, c) = corpus_of(&[
        (
            "a",
            "Border one\n\n\"We will not reopen the crossing,\" Border Patrol Agent Maria \
             Lopez said.\n\n\"The talks went well for everyone,\" U.N. Secretary-General \
             Antonio Guterres said.\n\n\"The vote will be close tonight,\" House Majority \
             Whip Tom Emmer said.\n",
        ),
        (
            "b",
            "Border two\n\nBorder Patrol Agent Maria Lopez said: \"We will not reopen the \
             crossing.\"\n\n\"The talks went well for everyone,\" said Secretary-General \
             Antonio Guterres.\n\n\"The vote will be close tonight,\" said Majority Whip \
             Tom Emmer.\n",
        ),
    ]);
    let groups = find_quotes(&c);
    for (needle, name) in [
        ("reopen the crossing", "Maria Lopez"),
        ("talks went well", "Antonio Guterres"),
        ("vote will be close", "Tom Emmer"),
    ] {
        let name = some(name);
        assert_eq!(
            credits(&groups, needle),
            (vec![name.clone(), name.clone()], name)
        );
    }
}

#[test]
fn an_ampersand_is_inside_an_organisations_name() {
    let (_dir, c) = corpus_of(&[
        (
            "a",
            "Sales one\n\nSmith & Wesson spokesman Tom Reed said: \"Sales are steady this \
             year.\"\n\nJohnson & Johnson said in a statement: \"We stand by our \
             products.\"\n",
        ),
        (
            "b",
            "Sales two\n\n\"Sales are steady this year,\" said Tom Reed of Smith & \
             Wesson.\n\n\"We stand by our products,\" Johnson & Johnson said in a \
             statement.\n",
        ),
        (
            "c",
            "Sales three\n\n\"Sales are steady this year,\" Smith & Wesson spokesman Tom \
             Reed said.\n\n\"We stand by our products,\" said a spokeswoman for Johnson & \
             Johnson.\n",
        ),
    ]);
    let groups = find_quotes(&c);
    let reed = some("Tom Reed");
    assert_eq!(
        credits(&groups, "Sales are steady"),
        (vec![reed.clone(), reed.clone(), reed.clone()], reed)
    );
    let jj = some("Johnson & Johnson");
    assert_eq!(
        credits(&groups, "stand by our products"),
        (
            vec![
                jj.clone(),
                jj.clone(),
                some("spokeswoman for Johnson & Johnson")
            ],
            jj
        )
    );
}

#[test]
fn a_speaker_quoted_as_saying_is_credited() {
    let (_dir, c) = corpus_of(&[
        (
            "a",
            "Bridge one\n\nGovernor Ann Hale was quoted as saying that \"the bridge will \
             reopen in May.\"\n\nMayor Tom Price has been quoted as saying: \"We will fund \
             the repairs in full.\"\n",
        ),
        (
            "b",
            "Bridge two\n\n\"The bridge will reopen in May,\" Ann Hale was quoted as \
             saying.\n\nPrice is quoted by the Gazette as saying that \"we will fund the \
             repairs in full.\"\n",
        ),
    ]);
    let groups = find_quotes(&c);
    let hale = some("Ann Hale");
    assert_eq!(
        credits(&groups, "reopen in May"),
        (vec![hale.clone(), hale.clone()], hale)
    );
    let price = some("Tom Price");
    assert_eq!(
        credits(&groups, "fund the repairs"),
        (vec![price.clone(), some("Price")], price)
    );
}

#[test]
fn a_joint_statement_is_credited_to_every_speaker_it_names() {
    let (_dir, c) = corpus_of(&[
        (
            "a",
            "Summit one\n\nIn a joint statement, President Trump and President Putin said: \
             \"This is a shared commitment to peace.\"\n",
        ),
        (
            "b",
            "Summit two\n\n\"This is a shared commitment to peace,\" Trump and Putin said \
             in a joint statement.\n",
        ),
        (
            "c",
            "Summit three\n\nDonald Trump met Vladimir Putin in Anchorage. \"This is a \
             shared commitment to peace,\" said Trump and Putin.\n\n\"The talks were \
             useful,\" Putin, Trump and Lavrov said.\n",
        ),
    ]);
    let groups = find_quotes(&c);
    let both = some("Donald Trump and Vladimir Putin");
    assert_eq!(
        credits(&groups, "shared commitment"),
        (
            vec![
                some("Trump and Putin"),
                some("Trump and Putin"),
                both.clone()
            ],
            both
        )
    );
    assert_eq!(
        credits(&groups, "talks were useful").1,
        some("Vladimir Putin, Donald Trump and Lavrov")
    );
}
