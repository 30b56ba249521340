//! Speakers named by surname alone, pronouns after them, and role
//! holders named by surname.

use super::*;

#[test]
fn a_pronoun_after_a_sentence_that_names_someone_by_surname_is_that_person() {
    let got = found(&[
        "Local MP Joanna Pike called for action.",
        "“Without them, the town would be under water,” engineer Mark Owen said.",
        "Pike later told the Felsham Gazette she would raise it. “Ministers have to act,” she said.",
        // The sentence's subject, not a surname it names after.
        "Owen praised Pike’s work. “It was vital to hold the line,” he said.",
    ]);
    assert_eq!(
        speakers(&got),
        [Some("Mark Owen"), Some("Joanna Pike"), Some("Mark Owen")]
    );
}

#[test]
fn a_surname_two_people_share_stays_and_a_pronoun_subject_is_no_one_named_after_it() {
    let got = found(&[
        "Donald Trump and Melania Trump arrived on Monday.",
        "“It is a great day for everyone here,” Trump said.",
        "Engineer Mark Owen and minister Theresa May met.",
        // "he" is the sentence's subject: not May, but the last speaker.
        "“We are joined at the hip,” Owen said before turning to May. “We have the same ideas \
         about it,” he said.",
        // Quoted words are speech: "North Korea" there names no one.
        "“North Korea has agreed to close the site,” he said. “This is very good news for all of \
         us,” he said.",
    ]);
    assert_eq!(
        speakers(&got),
        [
            Some("Trump"),
            Some("Mark Owen"),
            Some("Mark Owen"),
            Some("Mark Owen"),
            Some("Mark Owen")
        ]
    );
}

#[test]
fn a_surname_someone_else_holds_by_a_role_stays_as_written() {
    let got = found(&[
        "President Trump met the French leader on Tuesday.",
        "Trump and first lady Melania Trump welcomed the guests.",
        // "President Trump" is another Trump than the one named in full.
        "“Now is the time for strength,” Trump said.",
        "Senator Ana Ruiz chaired the hearing. Senator Ruiz asked the first question.",
        // The role was given to the full name too: the same person.
        "“We need answers,” Ruiz said.",
        "Martin Hale runs the port. Mr Hale was out of the office.",
        // A courtesy title is no role.
        "“The port is open,” Hale said.",
        "Lena Moss toured the site. Governor Moss spoke later.",
        // The full name was given no role: nothing says it is another Moss.
        "“It went well,” Moss said.",
    ]);
    assert_eq!(
        speakers(&got),
        [
            Some("Trump"),
            Some("Ana Ruiz"),
            Some("Martin Hale"),
            Some("Lena Moss")
        ]
    );
}

#[test]
fn a_pronoun_opening_a_paragraph_is_whom_the_paragraph_before_ends_on() {
    let got = found(&[
        "“The strike is over,” Ann Lee said.",
        "Martin Hale, who runs the port, said the ships would sail on Monday.",
        // Not the last speaker: the subject of the sentence before.
        "“We are ready,” he said.",
        "“Everyone is tired,” said Jo Roe.",
        "Ministers Ana Ruiz and Tom Baker welcomed the deal.",
        // "they" is two people, not the first one named.
        "“It is a good day for the port,” they said.",
        "The union's demands were met in full, said Bo Okafor, a negotiator for the crews.",
        // The person the sentence credits, not the first one it names.
        "“It took three weeks,” he said.",
    ]);
    assert_eq!(
        speakers(&got),
        [
            Some("Ann Lee"),
            Some("Martin Hale"),
            Some("Jo Roe"),
            None,
            Some("Bo Okafor")
        ]
    );
}

/// A statement speaks for whoever issued it; the statement mentioned last
/// is the one meant, and one whose issuer the article does not give
/// credits no one.
#[test]
fn a_statement_is_credited_to_its_issuer() {
    let got = found(&[
        "“We will reopen the bridge by spring,” said a statement from Mayor Jo Roe, a Democrat.",
        "The harbour board issued a statement on Friday night.",
        "“The closure was necessary to keep the public safe,” the statement said.",
        "A statement was read out at the town hall.",
        "“Nobody will be charged for the repairs at all,” the statement said.",
    ]);
    assert_eq!(
        speakers(&got),
        [Some("Jo Roe"), Some("harbour board"), None]
    );
}

/// "The agency added" is the agency the article named last; a kind the
/// article names no body of stays as written.
#[test]
fn a_body_by_its_kind_is_the_one_named_last() {
    let got = found(&[
        "The Korean Central News Agency said the tests would stop on Saturday.",
        "The agency added, “the North will shut down a nuclear test site in the north.”",
        "“We have seen no sign of it in the reports so far,” the ministry said.",
    ]);
    assert_eq!(
        speakers(&got),
        [Some("Korean Central News Agency"), Some("ministry")]
    );
}

/// "He said “…”" in the middle of a paragraph: the sentence before names
/// the person, as it does for "“…,” he said".
#[test]
fn a_pronoun_before_the_quote_is_the_person_the_sentence_before_names() {
    let got = found(&[
        "Prime Minister Benjamin Netanyahu showed the files on Monday.",
        "Harbour chief Jo Roe said the port was calm. Netanyahu, who opposed the deal, spoke \
         in English. He said “half a ton” of evidence proved it.",
        "Roe spoke and Netanyahu left. They said “a great deal of work” was done.",
    ]);
    // "They" is no one person.
    assert_eq!(speakers(&got), [Some("Benjamin Netanyahu"), None]);
}

#[test]
fn a_role_holder_named_by_surname_alone_is_written_out_where_the_article_gives_it() {
    // The last one named with the role is "President Trump", not the
    // President Moon named in full before him; "Donald Trump" earlier
    // writes the surname out.
    let got = found(&[
        "Donald Trump landed in Seoul on Friday.",
        "A summit with President Moon Jae-in is next; Mr. Kim will also meet President Trump.",
        "\"This is very good news,\" the president said in a Twitter message.",
    ]);
    assert_eq!(speakers(&got), [Some("Donald Trump")], "{got:?}");
}

#[test]
fn they_credits_no_one_person() {
    // The one person the sentence names is whom they speak of; the
    // group they are is not said in a word parallax can credit.
    let got = found(&[
        "Jane Roe met Tom Hale and the three chairmen on Friday.",
        "While Mr. Hale \"went to great lengths to set the scene, he never said it,\" they wrote.",
        "\"The memos show it clearly,\" they added, naming Ms. Roe.",
    ]);
    assert_eq!(speakers(&got), [None, None], "{got:?}");
}

#[test]
fn a_pronoun_sentence_opening_its_paragraph_means_the_paragraph_before() {
    // The person is in the last sentence of the paragraph before, past
    // whom the pronoun's sentence says it was told.
    let got = found(&[
        "Commentator Owen Jones said he would lead the protests.",
        "He told Sky News: \"It's time to speak out against this visit.\"",
        "Jo Swinson, the party's deputy leader, said the trip was scaled down.",
        "She said: \"Protesting against these views is our responsibility.\"",
    ]);
    assert_eq!(
        speakers(&got),
        [Some("Owen Jones"), Some("Jo Swinson")],
        "{got:?}"
    );
}

#[test]
fn a_document_named_with_its_owner_and_an_age_before_a_name() {
    let got = found(&[
        "Chancellor Angela Merkel spoke to the leaders on Sunday.",
        "The Union is \"resolved to defend its interests,\" Merkel's statement said.",
        "\"Yes, I'm nervous,\" said 18-year-old Karina Gomez from Nicaragua.",
    ]);
    assert_eq!(
        speakers(&got),
        [Some("Angela Merkel"), Some("Karina Gomez")],
        "{got:?}"
    );
}
