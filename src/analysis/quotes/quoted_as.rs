//! "Governor Ann Hale was quoted as saying that “…”", "“…,” Hale is
//! quoted as saying", "Peskov has been quoted by Interfax as saying:": a
//! passive that reports speech as "said" does, its subject the speaker.
//! Here: where the words from "quoted" to "saying" run; `words` reads
//! them as one reporting verb (a `phrase` word) after a form of "be", and
//! drops the auxiliaries before it, so the speaker's name ends where the
//! subject does and the passive reads as no "was asked by". Whom it was
//! quoted by is the medium, never the speaker. Only a passive:
//! "Interfax quoted Peskov as saying" has the medium for subject.

/// Participles of the construction ("quoted as saying", "cited as
/// saying", "reported as saying").
const PARTICIPLES: &[&str] = &["quoted", "cited", "reported"];
/// The most words of a medium ("by the state news agency Interfax").
const MAX_MEDIUM: usize = 6;

/// One word as the construction reads it: its text without punctuation,
/// and whether it runs on into the next (no punctuation after it).
pub(super) type Plain<'a> = (&'a str, bool);

/// `core` is a participle the construction opens with.
pub(super) fn is_participle(core: &str) -> bool {
    PARTICIPLES.contains(&core)
}

/// Where "saying" is when the participle at `k` opens "quoted as
/// saying", "quoted saying" or "quoted by Interfax as saying".
pub(super) fn saying_at(ws: &[Plain], k: usize) -> Option<usize> {
    let word = |at: usize, core: &str| ws.get(at).is_some_and(|&(c, plain)| c == core && plain);
    if !is_participle(ws[k].0) || !ws[k].1 {
        return None;
    }
    let mut at = k + 1;
    if word(at, "by") {
        // The medium: plain words up to "as".
        let medium = ws[at + 1..]
            .iter()
            .take(MAX_MEDIUM + 1)
            .position(|&(c, plain)| c == "as" || !plain)?;
        at += 1 + medium;
        if medium == 0 || !word(at, "as") {
            return None;
        }
    }
    if word(at, "as") {
        at += 1;
    }
    ws.get(at)
        .is_some_and(|&(c, _)| c == "saying")
        .then_some(at)
}

#[cfg(test)]
mod tests {
    use super::super::name::Said;
    use super::super::speaker::{after, before};
    use super::super::words::{is_verb, words};

    fn cores(text: &str) -> Vec<&str> {
        words(text).iter().map(|w| w.core).collect()
    }

    #[test]
    fn a_passive_quoted_as_saying_is_one_reporting_verb() {
        assert_eq!(
            cores("Governor Ann Hale was quoted as saying that"),
            ["Governor", "Ann", "Hale", "quoted as saying", "that"]
        );
        assert_eq!(
            cores("Hale has since been quoted saying:"),
            ["Hale", "quoted saying"]
        );
        assert_eq!(
            cores("Peskov is quoted by the news agency Interfax as saying"),
            ["Peskov", "quoted by the news agency Interfax as saying"]
        );
        let ws = words("she was cited as saying.");
        assert!(is_verb(&ws[1]) && ws[1].sentence);
    }

    #[test]
    fn the_subject_quoted_as_saying_is_the_speaker() {
        let named = |n: &str| Some(Said::Named(n.into()));
        assert_eq!(
            before("Governor Ann Hale was quoted as saying that "),
            named("Ann Hale")
        );
        assert_eq!(
            before("Ann Hale, the governor, has been quoted as saying "),
            named("Ann Hale")
        );
        // Whom it was quoted by is the medium.
        assert_eq!(
            before("Kremlin spokesman Dmitry Peskov was quoted by Interfax as saying: "),
            named("Dmitry Peskov")
        );
        assert_eq!(
            after(", Peskov was quoted by Interfax as saying."),
            named("Peskov")
        );
        assert_eq!(after(", she is quoted as saying."), Some(Said::Pronoun));
        assert_eq!(
            before("The minister was quoted as saying that "),
            named("minister")
        );
    }

    #[test]
    fn other_quoting_stays_as_written() {
        // An active: the medium is the subject, the speaker its object.
        assert_eq!(
            cores("Interfax quoted Peskov as saying"),
            ["Interfax", "quoted", "Peskov", "as", "saying"]
        );
        assert_eq!(
            cores("the passage was quoted in full"),
            ["the", "passage", "was", "quoted", "in", "full"]
        );
        assert_eq!(
            cores("he was quoted, saying"),
            ["he", "was", "quoted", "saying"]
        );
    }
}
