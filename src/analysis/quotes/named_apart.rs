//! Whether the speakers two wordings of a quote are credited to are
//! different people: the test that keeps an altered wording out of a
//! group that someone else's words anchor ("This is a terrible deal,"
//! Netanyahu said, beside Trump's "this is a deal with decayed
//! foundations").

use super::words::COURTESY;

/// Every name of `a` is someone else than every name of `b`. Only names
/// count (each word capitalised: "Jane Roe", "European Union"); a
/// description ("Israel's prime minister", "a spokesman") may stand for
/// anyone, so it never sets two wordings apart, and neither does a
/// wording no article credits.
pub(super) fn named_apart(a: &[&str], b: &[&str]) -> bool {
    let names = |side: &[&str]| -> Vec<Vec<String>> {
        side.iter()
            .filter(|s| is_name(s))
            .map(|s| name_words(s))
            .collect()
    };
    let (a, b) = (names(a), names(b));
    !a.is_empty()
        && !b.is_empty()
        && a.iter()
            .all(|x| b.iter().all(|y| !x.iter().any(|w| y.contains(w))))
}

/// Each word capitalised (a digit may start one: "10 Downing Street"),
/// none a possessive.
fn is_name(s: &str) -> bool {
    s.split_whitespace().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            && !w.ends_with("'s")
            && !w.ends_with("’s")
    })
}

/// A name's words in lower case, without courtesy titles ("Mr. Trump" is
/// "trump"): two names that share one may be one person ("Trump", "Donald
/// Trump"; "Kim", "Kim Jong Un").
fn name_words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .filter(|w| !COURTESY.contains(&w.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::named_apart;

    #[test]
    fn different_names_are_apart_and_descriptions_never() {
        assert!(named_apart(&["Benjamin Netanyahu"], &["Trump"]));
        assert!(named_apart(&["Kevin Brady"], &["European Union"]));
        assert!(!named_apart(&["Donald Trump"], &["Mr. Trump", "Trump"]));
        assert!(!named_apart(&["Kim"], &["Kim Jong Un"]));
        assert!(!named_apart(
            &["Israel's prime minister"],
            &["Benjamin Netanyahu"]
        ));
        assert!(!named_apart(&["a spokesman"], &["Jane Roe"]));
        assert!(!named_apart(&[], &["Jane Roe"]));
        // One of several names agreeing is enough to keep them together.
        assert!(!named_apart(&["Jane Roe", "Tom Hale"], &["Roe"]));
    }
}
