//! Which capitalised words of the texts compared are names (`Profile::names`,
//! the evidence "names: …" shown beside a row).

use super::WordSet;
use crate::analysis::tokens::Token;

/// Which capitalised words are names, judged over every text compared: a
/// word whose stem no text writes in lower case (not "Implications" where
/// another writes "implication"), and that some text capitalises where its
/// place does not explain it. A capital at a sentence's start ("Nobody has
/// been hurt") or in a title-case heading ("Economic and Energy
/// Implications") says nothing of the word.
pub(super) struct NameJudge<'a> {
    lower: WordSet<&'a str>,
    placed: WordSet<&'a str>,
}

impl<'a> NameJudge<'a> {
    /// Judged over `texts`, their tokens and each token's stem (`None`: no
    /// content word).
    pub(super) fn of(
        texts: &[&str],
        toks: &[Vec<Token>],
        stems: &[Vec<Option<&'a str>>],
    ) -> NameJudge<'a> {
        let mut lower: WordSet<&str> = WordSet::default();
        let mut placed: WordSet<&str> = WordSet::default();
        for ((text, toks), stems) in texts.iter().zip(toks).zip(stems) {
            let title = title_case(toks, stems);
            for (t, s) in toks.iter().zip(stems) {
                let Some(s) = *s else { continue };
                if !t.capitalised {
                    lower.insert(s);
                } else if !title && !starts_sentence(text, t.start) {
                    placed.insert(s);
                }
            }
        }
        NameJudge { lower, placed }
    }

    /// Whether `t`, of stem `stem`, names someone or something.
    pub(super) fn is_name(&self, t: &Token, stem: &str) -> bool {
        t.capitalised && !self.lower.contains(stem) && self.placed.contains(stem)
    }
}

/// Whether the word at byte `start` opens a sentence: nothing but
/// spaces, opening quotes and brackets between it and the text's start or
/// the end of the sentence before.
fn starts_sentence(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    let prev = before.chars().rev().find(|c| {
        !c.is_whitespace()
            && !matches!(
                c,
                '"' | '\'' | '“' | '‘' | '(' | '[' | '—' | '–' | '-' | '*' | '•'
            )
    });
    prev.is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | ';' | '…'))
}

/// A heading written in title case: its content words of three letters
/// or more ("and", "the" aside: they have no stem) nearly all capitalised,
/// two of them at least ("Key Takeaways") or one in a block of a few words
/// (a heading left with one word once the title's are blanked,
/// `headings.rs`).
fn title_case(toks: &[Token], stems: &[Option<&str>]) -> bool {
    let (mut long, mut capitalised) = (0, 0);
    for (t, s) in toks.iter().zip(stems) {
        if s.is_some() && t.text.chars().nth(2).is_some() {
            long += 1;
            capitalised += usize::from(t.capitalised);
        }
    }
    let enough = long >= 2 || (long == 1 && toks.len() <= 3);
    enough && capitalised * 5 >= long * 4
}

#[cfg(test)]
mod tests {
    use super::super::spelled;

    #[test]
    fn a_capital_that_only_a_place_explains_makes_no_name() {
        let p = spelled(&[
            "Economic and Energy Implications",
            "Nobody was hurt, officials in Anchorage said.",
            "The implication is clear.",
            "Anchorage crews worked. Nobody left.",
        ]);
        // Title case, a sentence's first word, a stem written lower case
        // elsewhere: none is a name; Anchorage, capitalised mid-sentence
        // once, is one wherever it stands.
        assert!(p[0].1.is_empty(), "{:?}", p[0].1);
        assert_eq!(p[1].1, ["Anchorage"]);
        assert_eq!(p[3].1, ["Anchorage"]);
    }
}
