//! A body given only by its kind ("the agency added", "the ministry
//! said") is the body of that kind the article named last: news names an
//! organisation once ("the Korean Central News Agency", "the Ministry of
//! Defence") and then by its kind alone. Crediting "agency" answers no
//! reader's "quoting whom"; a kind the article names no body of stays as
//! it is written.

use super::words::{Word, capitalised, lower, words};
use crate::analysis::topics::is_connector;

/// Kinds of body that end (or open) an organisation's name.
const KINDS: &[&str] = &[
    "agency",
    "authority",
    "board",
    "bureau",
    "commission",
    "committee",
    "company",
    "corporation",
    "council",
    "court",
    "department",
    "embassy",
    "institute",
    "ministry",
    "office",
    "party",
    "service",
    "union",
];

/// The most words of a body's name taken before its kind ("International
/// Atomic Energy").
const MAX_BEFORE: usize = 5;

/// Whether `speaker` is a kind of body and nothing else ("agency").
pub(super) fn is_kind_only(speaker: &str) -> bool {
    KINDS.contains(&speaker)
}

/// The last body of `kind` that `text` names: the capitalised words
/// before the kind ("Korean Central News Agency"), or after it with "of"
/// ("Ministry of Defence"). Not the kind alone, nor a name in a quote.
pub(super) fn named_of_kind(text: &str, kind: &str) -> Option<String> {
    let ws = words(text);
    let mut found = None;
    for (k, w) in ws.iter().enumerate() {
        if lower(w) != kind || !capitalised(w) || w.quote {
            continue;
        }
        if let Some(name) = name_around(&ws, k) {
            found = Some(name);
        }
    }
    found
}

fn name_around(ws: &[Word], kind: usize) -> Option<String> {
    // Back over capitalised words (connectors inside: "Bank of England
    // Agency"), not past a clause's end.
    let mut start = kind;
    while start > 0 && kind - start < MAX_BEFORE {
        let w = &ws[start - 1];
        // "the" ends it ("officials of the Harbour Board").
        let inside = capitalised(w) || is_connector(w.core) && lower(w) != "the" && start > 1;
        if !inside || w.ends_a_run() {
            break;
        }
        start -= 1;
    }
    // Not a sentence's capitalised article or possessive ("The", "A",
    // "Its"), nor a connector the run begins with.
    let leading = |w: &Word| {
        matches!(
            lower(w).as_str(),
            "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "this" | "that"
        )
    };
    while start < kind && (leading(&ws[start]) || !capitalised(&ws[start])) {
        start += 1;
    }
    // "Ministry of Defence": "of" and capitalised words after.
    let mut end = kind + 1;
    if start == kind
        && !ws[kind].clause
        && !ws[kind].sentence
        && ws.get(kind + 1).is_some_and(|w| lower(w) == "of")
    {
        let mut k = kind + 2;
        while k < ws.len() && k - kind <= MAX_BEFORE && capitalised(&ws[k]) {
            k += 1;
            if ws[k - 1].clause || ws[k - 1].sentence {
                break;
            }
        }
        if k > kind + 2 {
            end = k;
        }
    }
    (end - start >= 2).then(|| {
        ws[start..end]
            .iter()
            .map(|w| w.core)
            .collect::<Vec<_>>()
            .join(" ")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_alone() {
        assert!(is_kind_only("agency"));
        assert!(is_kind_only("ministry"));
        assert!(!is_kind_only("minister"));
        assert!(!is_kind_only("news agency"));
    }

    #[test]
    fn the_body_of_that_kind_named_last() {
        let text = "The Korean Central News Agency, which is state media, spoke. \
                    The Brenmoor Fire Service came.";
        assert_eq!(
            named_of_kind(text, "agency"),
            Some("Korean Central News Agency".into())
        );
        assert_eq!(
            named_of_kind(
                "Officials of the International Atomic Energy Agency met.",
                "agency"
            ),
            Some("International Atomic Energy Agency".into())
        );
        assert_eq!(
            named_of_kind("Officials of the Harbour Board met.", "board"),
            Some("Harbour Board".into())
        );
        assert_eq!(
            named_of_kind("A Ministry of Defence spokesman said so.", "ministry"),
            Some("Ministry of Defence".into())
        );
        // The last one.
        let text = "The Harbour Board met. The Rail Accident Board left.";
        assert_eq!(
            named_of_kind(text, "board"),
            Some("Rail Accident Board".into())
        );
        // The kind alone, or none named: nothing.
        assert_eq!(named_of_kind("The Agency said so.", "agency"), None);
        assert_eq!(named_of_kind("An agency said so.", "agency"), None);
        assert_eq!(named_of_kind("", "agency"), None);
    }
}
