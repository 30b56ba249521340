//! A document as the speaker: "said a statement from Senator Jo Roe",
//! "“…,” the statement said". A statement, a report or a letter does not
//! speak; whoever issued it does, and "statement" alone answers nobody's
//! "quoting whom". So:
//!
//! - "a statement from (or by, or issued by) X" is X's;
//! - "the statement said" is the issuer of the statement the article
//!   last mentions ("X said in a statement", "X issued a statement", "a
//!   statement released by X");
//! - a document whose issuer the text does not give credits no one,
//!   rather than a word that names no one.
//!
//! Here: what a document is, and the words of "a statement from X";
//! `issuer` reads who issued the document an article mentioned.

use super::words::{ARTICLES, Word, capitalised, lower};
use crate::analysis::text::without_possessive;

/// Nouns for what is written and issued rather than said.
const DOCUMENTS: &[&str] = &[
    "announcement",
    "bulletin",
    "communique",
    "communiqué",
    "declaration",
    "document",
    "filing",
    "letter",
    "memo",
    "memorandum",
    "readout",
    "release",
    "report",
    "statement",
    "transcript",
];

/// Participles between a document and its issuer ("a statement issued
/// by", "a letter signed by").
const ISSUED: &[&str] = &[
    "issued",
    "released",
    "published",
    "signed",
    "sent",
    "posted",
    "distributed",
    "circulated",
    "put",
];

/// Verbs whose object is a document its subject issues ("Roe issued a
/// statement").
pub(super) const ISSUING: &[&str] = &["issued", "released", "published", "sent", "posted", "put"];

/// Possessives and other words that may stand before a document noun
/// ("its statement", "a joint statement", "a written statement").
pub(super) const BEFORE_NOUN: &[&str] = &[
    "its", "their", "his", "her", "joint", "written", "brief", "short", "separate", "new",
    "official", "emailed", "earlier", "later", "formal",
];

fn is_document_word(w: &str) -> bool {
    DOCUMENTS.contains(&w)
}

/// Whether a speaker as named is a document and nothing else
/// ("statement", "joint statement").
pub(super) fn is_document(speaker: &str) -> bool {
    let ws: Vec<&str> = speaker.split_whitespace().collect();
    let Some((last, before)) = ws.split_last() else {
        return false;
    };
    is_document_word(last)
        && ws.len() <= 3
        && before.iter().all(|w| BEFORE_NOUN.contains(w))
        && !speaker.chars().any(char::is_uppercase)
}

/// Whose a document named with its owner is ("White House statement",
/// "Merkel's statement", "the Kremlin's readout"): the owner's name, one
/// to four capitalised words before the noun, without the possessive.
pub(super) fn owner(speaker: &str) -> Option<String> {
    let ws: Vec<&str> = speaker.split_whitespace().collect();
    let (last, before) = ws.split_last()?;
    if !is_document_word(last) || before.is_empty() || before.len() > 4 {
        return None;
    }
    let capital = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    if !before.iter().all(capital) {
        return None;
    }
    let name = before.join(" ");
    Some(without_possessive(&name).unwrap_or(&name).to_string())
}

/// Where the document noun is among the first words of `ws` ("a joint
/// statement", "its statement"), if they name one.
fn noun_at(ws: &[Word]) -> Option<usize> {
    let mut k = 0;
    while let Some(w) = ws.get(k) {
        let l = lower(w);
        if is_document_word(&l) && !capitalised(w) {
            return Some(k);
        }
        if k >= 3 || !(ARTICLES.contains(&l.as_str()) || BEFORE_NOUN.contains(&l.as_str())) {
            return None;
        }
        k += 1;
    }
    None
}

/// The words naming a document's issuer when `ws` opens with a document
/// and who it is from: "a statement from X", "a letter signed by X",
/// "the report by X". None otherwise.
pub(super) fn issuer_words<'a, 'w>(ws: &'a [Word<'w>]) -> Option<&'a [Word<'w>]> {
    let noun = noun_at(ws)?;
    if ws[noun].clause || ws[noun].sentence {
        return None;
    }
    let mut k = noun + 1;
    if ws
        .get(k)
        .is_some_and(|w| ISSUED.contains(&lower(w).as_str()))
    {
        k += 1;
        // "put out by".
        if ws.get(k).is_some_and(|w| lower(w) == "out") {
            k += 1;
        }
    }
    let from = ws.get(k)?;
    let by = matches!(lower(from).as_str(), "from" | "by") && !from.clause;
    (by && ws.len() > k + 1).then(|| &ws[k + 1..])
}

/// "“…,” read a joint statement from Goodlatte, Gowdy and Nunes": a
/// quote a statement "reads" is its issuer's, whose words these are.
pub(super) fn read_from<'a, 'w>(ws: &'a [Word<'w>]) -> Option<&'a [Word<'w>]> {
    let (read, rest) = ws.split_first()?;
    let reads = matches!(lower(read).as_str(), "read" | "reads") && !read.clause && !read.sentence;
    reads.then(|| issuer_words(rest)).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::quotes::words::words;

    #[test]
    fn a_document_named_with_its_owner_is_the_owners() {
        assert_eq!(owner("White House statement"), Some("White House".into()));
        assert_eq!(owner("Merkel's statement"), Some("Merkel".into()));
        assert_eq!(owner("Merkel\u{2019}s letter"), Some("Merkel".into()));
        assert_eq!(owner("statement"), None);
        assert_eq!(owner("joint statement"), None);
        assert_eq!(owner("Drudge Report"), None);
        assert_eq!(owner("Jane Roe"), None);
    }

    #[test]
    fn documents_alone_are_told_from_names() {
        assert!(is_document("statement"));
        assert!(is_document("joint statement"));
        assert!(!is_document("Statement"));
        assert!(!is_document("spokesperson"));
        assert!(!is_document("statement from Jo Roe"));
    }

    #[test]
    fn a_document_from_someone_is_theirs() {
        let ws = words("a statement from Senator Jo Roe, a Democrat");
        let rest = issuer_words(&ws).unwrap();
        assert_eq!(rest[0].core, "Senator");
        let ws = words("a letter signed by the mayor");
        assert_eq!(issuer_words(&ws).unwrap()[0].core, "the");
        assert!(issuer_words(&words("a spokesperson from Nordrail")).is_none());
        assert!(issuer_words(&words("the statement.")).is_none());
    }

    #[test]
    fn a_quote_a_statement_reads_is_its_issuers() {
        use super::super::name::Said;
        use super::super::speaker::after;
        assert_eq!(
            after(
                ", read a joint statement from House Judiciary Chairman Bob Goodlatte, \
                 House Oversight Chairman Trey Gowdy, and House Intelligence Chairman \
                 Devin Nunes upon the release of the memos."
            ),
            Some(Said::Named(
                "Bob Goodlatte, Trey Gowdy and Devin Nunes".into()
            ))
        );
        assert_eq!(
            after(", reads the statement from Jane Roe."),
            Some(Said::Named("Jane Roe".into()))
        );
        // Reading is no reporting verb on its own.
        assert_eq!(after(", read the report again."), None);
    }
}
