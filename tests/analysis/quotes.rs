//! Quotes on corpora written for these tests: a statement one outlet
//! splits over two paragraphs, another runs together and a third rewords
//! (tests/fixtures/quotes_parts); and quotes in German and French marks
//! with their speakers named in those languages
//! (tests/fixtures/quotes_languages).

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
