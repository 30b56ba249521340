//! Which words of a block are evidence of what it reports. Two kinds of
//! words name who filed or who spoke rather than what was reported, and
//! made blocks about different things look alike when outlets share them:
//!
//! - a lede's **dateline** ("WEST PALM BEACH, Fla. —", `dateline.rs`);
//! - the **attribution** around a quote when the quote is most of the
//!   block ("…," said Matthew Pottinger, the senior director for Asia at
//!   the National Security Council. "…"): two outlets quoting one official
//!   on different subjects share the name and the title, not the point.
//!   Only blocks that are mostly quotation lose it; in reported speech the
//!   words around the quote carry the fact and stay. So does a sentence of
//!   its own with no quote and no reporting verb in it ("Sandoval meets
//!   the unions on Thursday. \"I am sure they mean it…\""): that is a
//!   fact the quote follows, not who said it.
//!
//! Measured against the gold alignments (BENCHMARKS.md, "Same point, other
//! words"): with the model refitted, fewer wrong pairs on every real gold
//! set for a few right ones (held out at the default: precision 0.72 →
//! 0.75, recall 0.20 → 0.18).

use super::dateline::dateline_len;
#[cfg(test)]
use super::profile::spans::quote_spans;
use super::profile::spans::sentence_spans;
use crate::analysis::quotes::is_reporting_verb;
use crate::analysis::tokens::Token;

/// Words inside quotes a block needs, at least, before its attribution is
/// left out (a short quote and its attribution are all one fact).
const MIN_QUOTED_WORDS: usize = 8;

/// Keep of the block's tokens (offsets into `text`) those that count as
/// evidence; `quoted` is `quote_spans(text)`, which the profile keeps too.
pub fn focus(text: &str, quoted: &[(usize, usize)], toks: &mut Vec<Token>) {
    let dateline = dateline_len(text);
    if dateline > 0 {
        toks.retain(|t| t.start >= dateline);
    }
    let inside = |t: &Token| quoted.iter().any(|&(a, b)| t.start >= a && t.start < b);
    let in_quotes = toks.iter().filter(|t| inside(t)).count();
    if in_quotes >= MIN_QUOTED_WORDS && in_quotes * 2 >= toks.len() {
        let facts = fact_sentences(text, quoted, toks);
        toks.retain(|t| inside(t) || facts.iter().any(|&(a, b)| t.start >= a && t.start < b));
    }
}

/// The sentences of a mostly quoted block that report a fact of their own:
/// no quote in them and no reporting verb among their words.
fn fact_sentences(text: &str, quoted: &[(usize, usize)], toks: &[Token]) -> Vec<(usize, usize)> {
    sentence_spans(text)
        .into_iter()
        .filter(|&(a, b)| !quoted.iter().any(|&(qa, qb)| qa < b && qb > a))
        .filter(|&(a, b)| {
            !toks
                .iter()
                .filter(|t| t.start >= a && t.start < b)
                .any(|t| is_reporting_verb(&t.text))
        })
        .collect()
}

/// The block's tokens that count as evidence.
#[cfg(test)]
pub fn evidence_tokens(text: &str) -> Vec<Token> {
    let mut toks = crate::analysis::tokens::tokens(text);
    focus(text, &quote_spans(text), &mut toks);
    toks
}

#[cfg(test)]
mod tests {
    use super::evidence_tokens;

    fn words(text: &str) -> Vec<String> {
        evidence_tokens(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn a_dateline_is_not_evidence() {
        assert_eq!(
            words("WASHINGTON — The Senate voted."),
            ["the", "senate", "voted"]
        );
    }

    #[test]
    fn the_attribution_of_a_mostly_quoted_block_is_not_evidence() {
        let quoted = "\"It is all part of the relationship,\" said Matthew Pottinger, the senior director. \"They enjoy talking about it.\"";
        let w = words(quoted);
        assert!(w.contains(&"relationship".to_string()), "{w:?}");
        assert!(!w.contains(&"pottinger".to_string()), "{w:?}");
        // Reported speech keeps every word: the quote is a small part.
        let reported = "Matthew Pottinger, the senior director for Asia, said the president would raise \"the full range of threats\" at any meeting.";
        assert!(words(reported).contains(&"pottinger".to_string()));
        // A short quote keeps its attribution too.
        let short = "\"We are ready,\" Pottinger said.";
        assert!(words(short).contains(&"pottinger".to_string()));
        // An attribution that is a sentence of its own is still attribution.
        let after = "\"It is all part of the relationship, and they enjoy it.\" Pottinger said.";
        assert!(!words(after).contains(&"pottinger".to_string()));
    }

    #[test]
    fn a_fact_before_a_long_quote_stays_evidence() {
        let w = words(
            "Sandoval meets the unions on Thursday. \"I am sure they do and I am sure they mean it.\"",
        );
        for kept in ["sandoval", "unions", "thursday", "sure"] {
            assert!(w.contains(&kept.to_string()), "{kept}: {w:?}");
        }
    }
}
