//! Tests of `words`: how attribution reads the words around a quote.

use super::*;

#[test]
fn punctuation_marks_clauses_sentences_and_quotes() {
    let ws = words("Ms. Roe, the minister, said. “Yes");
    let cores: Vec<&str> = ws.iter().map(|w| w.core).collect();
    assert_eq!(cores, ["Ms", "Roe", "the", "minister", "said", "Yes"]);
    assert!(!ws[0].sentence, "an abbreviation ends no sentence");
    assert!(ws[1].clause && ws[3].clause && !ws[2].clause);
    assert!(ws[4].sentence && !ws[4].clause);
    assert!(ws[5].quote && !ws[4].quote);
    assert!(
        words("Roe said — and")
            .iter()
            .any(|w| w.core.is_empty() && w.clause)
    );
}

#[test]
fn a_description_is_a_plain_lower_case_noun() {
    let ws = words("engineer master ally near of the said released ruling reportedly 62 Chief");
    let nouns: Vec<bool> = ws.iter().map(is_description_noun).collect();
    let expected = [
        true, true, true, false, false, false, false, false, false, false, false, false,
    ];
    assert_eq!(nouns, expected);
}

#[test]
fn auxiliaries_inversions_and_elisions_fold() {
    let cores = |text| -> Vec<&str> { words(text).iter().map(|w| w.core).collect() };
    assert_eq!(
        cores("la ministre a déclaré : «Oui"),
        ["la", "ministre", "déclaré", "", "Oui"]
    );
    assert_eq!(cores("ha detto il ministro"), ["detto", "il", "ministro"]);
    assert_eq!(cores(", dit-il."), ["", "dit", "il"]);
    assert_eq!(cores(", a-t-elle ajouté."), ["", "elle", "ajouté"]);
    assert_eq!(cores("l'ancien ministre"), ["ancien", "ministre"]);
    // An article "a" before anything else stays.
    assert_eq!(cores("a resident"), ["a", "resident"]);
    assert!(words("dit-il.")[1].sentence);
}

#[test]
fn only_telling_has_an_audience_for_object() {
    let ws = words("told Tells said asked");
    let audience: Vec<bool> = ws.iter().map(is_to_an_audience).collect();
    assert_eq!(audience, [true, true, false, false]);
    assert!(ws.iter().all(is_verb));
}

#[test]
fn an_ampersand_joins_a_name_and_ends_no_clause() {
    let ws = words("Johnson & Johnson said");
    let cores: Vec<&str> = ws.iter().map(|w| w.core).collect();
    assert_eq!(cores, ["Johnson", "&", "Johnson", "said"]);
    assert!(ws.iter().all(|w| !w.clause && !w.sentence));
    assert!(joins_name(&ws[1]) && !joins_name(&ws[0]));
    assert!(joins_name(&words("of")[0]));
}

#[test]
fn initials_with_dots_end_no_sentence() {
    let ws = words("U.N. Secretary-General Antonio Guterres said. Then");
    assert_eq!(ws[0].core, "U.N");
    assert!(!ws[0].sentence);
    assert!(ws[4].sentence);
    assert!(is_abbreviation("U.S") && is_abbreviation("J"));
    assert!(!is_abbreviation("UN") && !is_abbreviation("Inc") && !is_abbreviation("a.m"));
}
