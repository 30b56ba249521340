//! Who a quote is credited to in forms news writing uses that name the
//! speaker away from the reporting verb, or name no one: a question put
//! "to ask", a medium quoting someone, a common noun, a list whose parts
//! carry a body's words, an organisation with "and" or "&" in its name.
//! Each corpus is two outlets' articles written into a temporary folder.

use crate::quotes::{credits, some};
use crate::support::written::corpus_of;
use parallax::analysis::quotes::find_quotes;

#[test]
fn a_question_put_to_ask_is_the_subjects() {
    let (_dir, c) = corpus_of(&[
        (
            "a",
            "Call one\n\nTrump phoned FBI Director James Comey on the morning of March 30 \
             to ask \"Will you lift the cloud over the presidency?\"\n",
        ),
        (
            "b",
            "Call two\n\nComey said Trump phoned him, asking: \"Will you lift the cloud \
             over the presidency?\"\n",
        ),
    ]);
    let groups = find_quotes(&c);
    let trump = some("Trump");
    assert_eq!(
        credits(&groups, "lift the cloud"),
        (vec![trump.clone(), trump.clone()], trump)
    );
}

#[test]
fn the_one_a_medium_quoted_is_the_speaker() {
    let (_dir, c) = corpus_of(&[
        (
            "a",
            "Talks one\n\nKremlin spokesman Dmitry Peskov spoke to reporters. \"The talks \
             will go on next week,\" the agency quoted him as saying.\n",
        ),
        (
            "b",
            "Talks two\n\nInterfax quoted Dmitry Peskov as saying that \"the talks will go \
             on next week.\"\n",
        ),
    ]);
    let groups = find_quotes(&c);
    let peskov = some("Dmitry Peskov");
    assert_eq!(
        credits(&groups, "talks will go on"),
        (vec![peskov.clone(), peskov.clone()], peskov)
    );
}

#[test]
fn a_common_noun_alone_credits_no_one() {
    let (_dir, c) = corpus_of(&[
        (
            "a",
            "Memo one\n\n\"The memos made clear the bureau acted alone,\" the chairmen \
             said.\n\n\"The hearing will resume at noon,\" officials said.\n",
        ),
        (
            "b",
            "Memo two\n\n\"The memos made clear the bureau acted alone,\" said Bob \
             Goodlatte.\n\nA resident said: \"The hearing will resume at noon.\"\n",
        ),
    ]);
    let groups = find_quotes(&c);
    assert_eq!(
        credits(&groups, "memos made clear"),
        (vec![None, some("Bob Goodlatte")], some("Bob Goodlatte"))
    );
    assert_eq!(
        credits(&groups, "hearing will resume"),
        (vec![None, None], None)
    );
}

#[test]
fn a_list_whose_first_part_has_a_bodys_words_is_a_joint_credit() {
    let (_dir, c) = corpus_of(&[
        (
            "a",
            "Border one\n\n\"The crossing stays shut,\" Customs and Border Protection \
             Commissioner Kevin McAleenan and Sheriff Tom Dart said.\n",
        ),
        (
            "b",
            "Border two\n\nMaria Lopez and Border Patrol Agent Tom Dart said: \"The \
             crossing stays shut.\"\n",
        ),
    ]);
    let groups = find_quotes(&c);
    let (each, _) = credits(&groups, "crossing stays shut");
    assert_eq!(
        each,
        [
            some("Kevin McAleenan and Tom Dart"),
            some("Maria Lopez and Tom Dart")
        ]
    );
}

#[test]
fn an_organisation_with_and_or_an_ampersand_is_credited_whole() {
    let (_dir, c) = corpus_of(&[
        (
            "a",
            "Visit one\n\nIn a paper previewing the visit, the Washington-based Center for \
             Strategic & International Studies said that \"bonhomie on the golf course \
             will not be enough.\"\n",
        ),
        (
            "b",
            "Visit two\n\n\"Bonhomie on the golf course will not be enough,\" said the \
             Center for Strategic and International Studies.\n",
        ),
    ]);
    let groups = find_quotes(&c);
    let (each, _) = credits(&groups, "golf course");
    assert_eq!(
        each,
        [
            some("Center for Strategic & International Studies"),
            some("Center for Strategic and International Studies")
        ]
    );
}

#[test]
fn a_common_noun_opening_a_sentence_credits_no_one() {
    // "Officials" and "Campaigners" are capitalised only because they open
    // their sentences: the other outlet writes them in lower case. "May"
    // is a verb a hundred times over, but "Mrs May" once: a name.
    let (_dir, c) = corpus_of(&[
        (
            "a",
            "Rally one\n\nOfficials said: \"The bridge stays shut until spring.\"\n\n\
             Campaigners have said the march will be \"the biggest ever seen\".\n\n\
             May said: \"We will not give way on the backstop.\"\n",
        ),
        (
            "b",
            "Rally two\n\n\"The bridge stays shut until spring,\" officials said. The \
             campaigners may march again; it may rain.\n\nMrs May told MPs: \"We will not \
             give way on the backstop.\"\n",
        ),
    ]);
    let groups = find_quotes(&c);
    assert_eq!(
        credits(&groups, "bridge stays shut"),
        (vec![None, None], None)
    );
    assert_eq!(credits(&groups, "biggest ever seen"), (vec![None], None));
    let may = some("May");
    assert_eq!(credits(&groups, "give way").1, may);
}
