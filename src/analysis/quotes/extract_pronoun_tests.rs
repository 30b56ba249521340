//! What "she said" and "it said" stand for: a person for one, a body
//! for the other, never the wrong kind.

use super::*;

#[test]
fn a_pronoun_is_not_a_body_named_last() {
    let got = found(&[
        "“We will not yield,” Jane Roe said.",
        "The Rail Accident Investigation Branch said: “We are examining the cause.”",
        "“It will take weeks,” she said.",
        "Nordrail, which operates the line, said: “We regret the distress.”",
        "“We will pay,” he said.",
    ]);
    let speakers: Vec<Option<&str>> = got.iter().map(|g| g.1.as_deref()).collect();
    assert_eq!(
        speakers,
        [
            Some("Jane Roe"),
            Some("Rail Accident Investigation Branch"),
            None,
            Some("Nordrail"),
            None
        ]
    );
}

#[test]
fn it_is_a_body_named_last_never_a_person() {
    let got = found(&[
        "Nordrail, which operates the line, said: “We regret the distress.”",
        "“We will pay for the repairs,” it said.",
        "“The tariffs are narrow,” said Kevin Brady, a Republican from Texas.",
        "The European Commission said the delay prolonged uncertainty.",
        "“The EU should be fully exempted,” it said in a statement.",
    ]);
    assert_eq!(
        speakers(&got),
        [
            Some("Nordrail"),
            Some("Nordrail"),
            Some("Kevin Brady"),
            None
        ]
    );
}

#[test]
fn it_is_the_body_its_sentence_before_names() {
    let got = found(&[
        "Protect Democracy filed the first suit in May. \
         “We learned of this one from press reports,” it said.",
        "Kevin Brady, a Republican from Texas, spoke on Friday. “The tariffs are narrow,” it said.",
    ]);
    assert_eq!(speakers(&got), [Some("Protect Democracy"), None]);
}

#[test]
fn they_after_a_joint_credit_are_its_names() {
    let got = found(&[
        "“We will meet again in Moscow,” Trump and Putin said in a joint statement.",
        "“The talks were constructive,” they said.",
        "“We will not yield,” Jane Roe said. “It is a matter of principle,” they said.",
    ]);
    assert_eq!(
        speakers(&got),
        [
            Some("Trump and Putin"),
            Some("Trump and Putin"),
            Some("Jane Roe"),
            None
        ]
    );
}
