//! The active "Interfax quoted Peskov as saying: “…”", "“…,” the agency
//! quoted him as saying": the speaker is whom the medium quoted (its
//! object, "him" resolved as "he said" is), never the medium, which only
//! reports the words. The passive ("Peskov was quoted as saying") is
//! `quoted_as`'s. An object that names no one ("quoted a source as
//! saying") credits no one.

use super::joint::named;
use super::name::{MAX_NAME, MAX_ROLE, Said};
use super::words::{Word, lower};

/// The verbs of the construction, active.
const QUOTING: &[&str] = &["quoted", "quotes", "cited", "cites"];
/// The most words of the one quoted ("Kremlin spokesman Dmitry Peskov").
const MAX_OBJECT: usize = MAX_NAME + MAX_ROLE;
/// The most words of the medium before the verb ("the state news agency
/// Interfax").
const MAX_MEDIUM: usize = MAX_NAME + MAX_ROLE;

/// When the verb at `k` opens "quoted Peskov as saying" (or "quoted
/// Peskov saying"): where its object ends and where "saying" is.
fn object_at(ws: &[Word], k: usize) -> Option<(usize, usize)> {
    let verb = &ws[k];
    if verb.phrase || verb.ends_a_run() || !QUOTING.contains(&verb.core) {
        return None;
    }
    let end = (k + 1..ws.len().min(k + 2 + MAX_OBJECT))
        .find(|&i| matches!(ws[i].core, "as" | "saying"))?;
    // "quoted by Interfax" is a passive; "quoted as saying" has no object.
    let object = &ws[k + 1..end];
    if object.is_empty() || object.iter().any(Word::ends_a_run) || lower(&object[0]) == "by" {
        return None;
    }
    let saying = match ws[end].core {
        "as" if !ws[end].ends_a_run() => end + 1,
        "as" => return None,
        _ => end,
    };
    ws.get(saying)
        .is_some_and(|w| w.core == "saying")
        .then_some((end, saying))
}

/// Who the object is: "him", "her" as "he said" is; "them" a group.
fn object_said(object: &[Word]) -> Option<Said> {
    match object {
        [w] if matches!(lower(w).as_str(), "him" | "her") => Some(Said::Pronoun),
        [w] if lower(w) == "them" => Some(Said::Group),
        _ => named(object),
    }
}

/// The one quoted, when the text after a quote (`ws`, its words) reads
/// "the agency quoted him as saying"; `Some(None)`: the construction,
/// naming no one.
pub(super) fn object_after(ws: &[Word]) -> Option<Option<Said>> {
    let k = (0..ws.len().min(MAX_MEDIUM + 1)).find(|&k| object_at(ws, k).is_some())?;
    if ws[..k].iter().any(|w| w.sentence) {
        return None;
    }
    let (end, _) = object_at(ws, k)?;
    Some(object_said(&ws[k + 1..end]))
}

/// The one quoted, when the sentence before a quote (`ws`) ends on
/// "Interfax quoted Peskov as saying" (a "that" after it allowed).
pub(super) fn object_before(ws: &[Word]) -> Option<Option<Said>> {
    let mut last = ws.len().checked_sub(1)?;
    if ws[last].core == "that" && last > 0 {
        last -= 1;
    }
    if ws[last].core != "saying" {
        return None;
    }
    let k = (last.saturating_sub(MAX_OBJECT + 2)..last)
        .rev()
        .find(|&k| object_at(ws, k).is_some_and(|(_, saying)| saying == last))?;
    let (end, _) = object_at(ws, k)?;
    Some(object_said(&ws[k + 1..end]))
}

#[cfg(test)]
mod tests {
    use super::super::speaker::{after, before};
    use super::*;

    fn named(s: &str) -> Option<Said> {
        Some(Said::Named(s.to_string()))
    }

    #[test]
    fn the_one_a_medium_quoted_is_the_speaker_never_the_medium() {
        assert_eq!(
            before("Interfax quoted Kremlin spokesman Dmitry Peskov as saying: "),
            named("Dmitry Peskov")
        );
        assert_eq!(
            before("The news agency Interfax quoted Peskov as saying that "),
            named("Peskov")
        );
        assert_eq!(before("Reuters cited Roe saying "), named("Roe"));
        assert_eq!(
            after(", the agency quoted him as saying."),
            Some(Said::Pronoun)
        );
        assert_eq!(
            after(", Interfax quoted Peskov as saying."),
            named("Peskov")
        );
        assert_eq!(after(", Tass quoted them as saying."), Some(Said::Group));
        // An object that names no one: no one, and not the medium.
        assert_eq!(
            after(", Interfax quoted a source close to the talks as saying."),
            None
        );
        assert_eq!(
            before("Interfax quoted a source close to the talks as saying: "),
            None
        );
    }

    #[test]
    fn other_uses_of_quoted_are_no_attribution() {
        // A passive stays `quoted_as`'s.
        assert_eq!(
            before("Peskov was quoted by Interfax as saying: "),
            named("Peskov")
        );
        // Not at the end of the sentence before the quote.
        assert_eq!(
            object_before(&super::super::words::words(
                "Interfax quoted Peskov as saying talks went on, and added"
            )),
            None
        );
        assert_eq!(after(", a passage he quoted in full."), None);
    }
}
