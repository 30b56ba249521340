//! Tests of `name`: a speaker's name without its role or description.

use super::super::words::words;
use super::*;

fn said(text: &str) -> Option<Said> {
    speaker(&words(text))
}

fn named(s: &str) -> Option<Said> {
    Some(Said::Named(s.to_string()))
}

#[test]
fn a_role_before_a_name_is_taken_off_whole() {
    let marsh = named("Helen Marsh");
    assert_eq!(said("Deputy Chief Fire Officer Helen Marsh"), marsh);
    assert_eq!(said("Chief Fire Officer Helen Marsh"), marsh);
    assert_eq!(said("the deputy chief fire officer Helen Marsh"), marsh);
    assert_eq!(
        said("the county's Deputy Chief Fire Officer Helen Marsh"),
        marsh
    );
    assert_eq!(
        said("Kremlin spokesman Dmitry Peskov"),
        named("Dmitry Peskov")
    );
    assert_eq!(said("President Putin"), named("Putin"));
    assert_eq!(said("Police Chief Ben Hall"), named("Ben Hall"));
    assert_eq!(said("chief engineer Tom Baker"), named("Tom Baker"));
    // A description before a name the given-name list does not know.
    assert_eq!(said("chief engineer Tomas Berg"), named("Tomas Berg"));
    assert_eq!(said("harbour master Ola Lind"), named("Ola Lind"));
    assert_eq!(said("his brother Michael Reyes"), named("Michael Reyes"));
    assert_eq!(said("Trump ally Lindsey Graham"), named("Lindsey Graham"));
    assert_eq!(said("Ms. Roe"), named("Roe"));
    // Parliaments' and police titles ("Labour MP", "Detective Inspector").
    assert_eq!(said("Labour MP Kim Johnson"), named("Kim Johnson"));
    assert_eq!(said("Detective Inspector Ann Hale"), named("Ann Hale"));
    assert_eq!(
        said("Minister of Foreign Affairs Sergei Lavrov"),
        named("Sergei Lavrov")
    );
    assert_eq!(said("the Minister of Health Ana Ruiz"), named("Ana Ruiz"));
}

#[test]
fn a_middle_initial_keeps_its_dot() {
    assert_eq!(
        said("Assistant Attorney General Stephen E. Boyd"),
        named("Stephen E. Boyd")
    );
    assert_eq!(said("Michael J. Green"), named("Michael J. Green"));
    assert_eq!(said("Malcolm X"), named("Malcolm X"));
}

#[test]
fn what_is_no_person_keeps_its_whole_name() {
    assert_eq!(said("the Justice Department"), named("Justice Department"));
    assert_eq!(said("General Motors"), named("General Motors"));
    assert_eq!(
        said("Martin Luther King Jr"),
        named("Martin Luther King Jr")
    );
    // A description without a given name or a role keeps its words.
    assert_eq!(
        said("villagers near Kherson"),
        named("villagers near Kherson")
    );
    assert_eq!(
        said("villagers near Kherson Oblast"),
        named("villagers near Kherson Oblast")
    );
    // Not cut to "General Motors" (and "at" makes it no speaker).
    assert_eq!(said("officials at General Motors"), None);
    // An organisation's or a place's name after a description.
    assert_eq!(
        said("the think tank Chatham House"),
        named("think tank Chatham House")
    );
    assert_eq!(
        said("the state Supreme Court"),
        named("state Supreme Court")
    );
    assert_eq!(
        said("a statement released Friday"),
        named("statement released Friday")
    );
    assert_eq!(
        said("a statement released Friday"),
        named("statement released Friday")
    );
    // A role alone is the speaker.
    assert_eq!(said("the Prime Minister"), named("Prime Minister"));
    assert_eq!(said("the Chief Fire Officer"), named("Chief Fire Officer"));
    assert_eq!(said("Sergeant Helen King"), named("Helen King"));
    assert_eq!(said("a Kremlin spokesman"), named("Kremlin spokesman"));
    assert_eq!(said("officials"), named("officials"));
    // Too long for a name even without its role.
    assert_eq!(said("Deputy Chief Fire Officer Ann Mary Lee Jo Kay"), None);
    assert_eq!(said("the new rules would hurt"), None);
    assert_eq!(said("she"), Some(Said::Pronoun));
    assert_eq!(said("they"), Some(Said::Group));
    // Where a person is from is no part of the name, nor an age.
    assert_eq!(said("Mary Roe of Nordrail"), named("Mary Roe"));
    assert_eq!(said("18-year-old Karina Gomez"), named("Karina Gomez"));
    assert_eq!(said("He's"), Some(Said::Pronoun));
}

#[test]
fn a_description_keeps_what_it_is_for_or_of() {
    assert_eq!(
        said("A spokesperson for Nordrail"),
        named("spokesperson for Nordrail")
    );
    assert_eq!(said("the mayor of Brenmoor"), named("mayor of Brenmoor"));
    assert_eq!(said("the head of Nordrail"), named("head of Nordrail"));
    assert_eq!(
        said("the head of the Rail Accident Investigation Branch"),
        named("head of the Rail Accident Investigation Branch")
    );
    // Whom a spokesperson speaks for is not the speaker.
    assert_eq!(
        said("a spokesperson for Tom Baker"),
        named("spokesperson for Tom Baker")
    );
    // A person named after it is still the speaker.
    assert_eq!(
        said("the chief executive of Nordrail Tomas Berg"),
        named("Tomas Berg")
    );
    assert_eq!(
        said("the mayor of Brenmoor Elin Haugstad"),
        named("Elin Haugstad")
    );
    // Other small words do not carry a description on.
    assert_eq!(said("officials in Brenmoor"), None);
}
