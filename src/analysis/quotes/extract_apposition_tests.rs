//! Words between commas after a subject: who it is ("The minister, Jane
//! Roe, said"), or only where or how it was ("The president, sitting
//! next to Shinzo Abe, said"), which names no speaker.

use super::*;

#[test]
fn where_the_subject_was_between_commas_is_not_who() {
    for (text, name) in [
        (
            "The president, sitting next to Prime Minister Shinzo Abe, said he believed “there is a lot of goodwill” going in.",
            "Shinzo Abe",
        ),
        (
            "The minister, flanked by Jane Roe, said she expected “a long winter for the port.”",
            "Jane Roe",
        ),
        (
            "The minister, with Jane Roe at her side, said she expected “a long winter for the port.”",
            "Jane Roe",
        ),
    ] {
        let got = found(&[text]);
        assert_eq!(got.len(), 1, "{text}");
        assert_ne!(got[0].1.as_deref(), Some(name), "{text}");
    }
    // Who it is, between commas, is still the speaker.
    let got = found(&["The minister, Jane Roe, said she expected “a long winter for the port.”"]);
    assert_eq!(speakers(&got), [Some("Jane Roe")]);
}
