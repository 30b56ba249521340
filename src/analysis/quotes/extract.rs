//! The quotes of one article: quoted stretches of its content blocks
//! (`scan`), joined across paragraphs, each with its speaker (`speaker`).
//!
//! Across paragraphs: a quote left open at the end of a paragraph goes on
//! when the next content block opens with a quotation mark (the
//! convention for a quote of several paragraphs); each paragraph's part
//! is its own occurrence (`continued` on the later ones), and all parts
//! share the speaker named around any of them.
//!
//! Block quotes: a block of kind quote (`<blockquote>`, Markdown `>`)
//! with no quotation mark in it is one quote, the whole block; with marks,
//! they tell what is quoted, as in any paragraph.
//!
//! Speakers: named around the quote, else the quote right before it in
//! the same paragraph when only a few words stand between them (`“…,” Roe
//! said. “…”`), else, for a quote that opens its block, the block before
//! when it ends on a colon (`Marsh said:` over a block quote); a pronoun
//! is a person named by full name earlier in that text, else the last
//! speaker named in the article.
//!
//! Scare quotes: a quote of one or two words (“reset”) is kept only when
//! a speaker is named for it.

use super::name::{Said, named_in};
use super::scan::{Marked, quoted, reopens};
use super::speaker;
use crate::analysis::tokens::tokens;
use crate::corpus::{Article, BlockKind, BlockRef};

/// One quote (or one paragraph's part of it) where an article has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub at: BlockRef,
    /// Byte offsets of the quoted text in the block's text (without the
    /// quotation marks).
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub speaker: Option<String>,
    /// This part goes on from a quote opened in an earlier paragraph.
    pub continued: bool,
}

/// Fewer words than this make a scare quote unless a speaker is named.
pub const MIN_WORDS: usize = 3;
/// At most this many words between two quotes of one paragraph for the
/// second to be the first speaker's too.
const INHERIT_GAP: usize = 10;

/// A quote being read: its parts (block, stretch) and who said it.
struct Open {
    parts: Vec<(usize, Marked)>,
    said: Option<Said>,
}

/// The quotes of `article` (number `index` in its corpus), in text order.
pub fn article_quotes(index: usize, article: &Article) -> Vec<Quote> {
    let mut done: Vec<Open> = Vec::new();
    let mut carried: Option<Open> = None;
    // The text of the block before, which may introduce a quote.
    let mut previous_text: Option<&str> = None;
    for (b, block) in article.blocks.iter().enumerate() {
        if block.kind == BlockKind::Heading {
            previous_text = None;
        }
        if !block.kind.is_content() || block.kind == BlockKind::Heading {
            continue;
        }
        let text = block.text.as_str();
        let introduced_by = previous_text.replace(text);
        let marks = marks_of(block.kind, text);
        let mut first = 0;
        if let Some(mut open) = carried.take() {
            if reopens(text) && !marks.is_empty() {
                open.parts.push((b, marks[0]));
                first = 1;
                if marks[0].closed {
                    open.said = open
                        .said
                        .or_else(|| speaker::after(&text[marks[0].after..]));
                    done.push(open);
                } else {
                    carried = Some(open);
                }
            } else {
                done.push(open);
            }
        }
        let mut previous: Option<usize> = None;
        for m in marks.into_iter().skip(first) {
            let mut said = said_around(text, m, introduced_by);
            if said.is_none()
                && let Some(p) = previous.and_then(|p| done.get(p))
                && let Some(&(pb, pm)) = p.parts.last()
                && pb == b
                && text[pm.after..m.open].split_whitespace().count() <= INHERIT_GAP
            {
                said = p.said.clone();
            }
            let open = Open {
                parts: vec![(b, m)],
                said,
            };
            if m.closed {
                previous = Some(done.len());
                done.push(open);
            } else {
                carried = Some(open);
            }
        }
    }
    done.extend(carried);
    done.sort_by_key(|q| (q.parts[0].0, q.parts[0].1.open));
    resolve(index, article, done)
}

/// The quoted stretches of a block: a block quote without quotation
/// marks is quoted whole.
fn marks_of(kind: BlockKind, text: &str) -> Vec<Marked> {
    let marks = quoted(text);
    if kind != BlockKind::Quote || !marks.is_empty() {
        return marks;
    }
    let start = text.len() - text.trim_start().len();
    let end = text.trim_end().len();
    if start >= end {
        return marks;
    }
    vec![Marked {
        open: start,
        start,
        end,
        after: text.len(),
        closed: true,
    }]
}

/// Who said the quote `m` of `text`, by the words around it; a quote
/// that opens its block, by the block before too (`introduced_by`) when
/// that ends on a colon.
fn said_around(text: &str, m: Marked, introduced_by: Option<&str>) -> Option<Said> {
    let before = &text[..m.open];
    let (said, context) = match speaker::after(&text[m.after..]).or_else(|| speaker::before(before))
    {
        Some(said) => (Some(said), before),
        None if before.trim().is_empty() => {
            // Only a block that ends on a colon introduces the next.
            let previous = introduced_by
                .filter(|p| p.trim_end().ends_with(':'))
                .unwrap_or("");
            (speaker::before(previous), previous)
        }
        None => (None, before),
    };
    // "Lena Ortiz was less impressed. “…,” she said.": the pronoun means
    // the person just named, not the last speaker.
    if said == Some(Said::Pronoun)
        && let Some(name) = named_in(context)
    {
        return Some(Said::Named(name));
    }
    said
}

/// Name each quote's speaker (pronouns: the last named before), drop
/// scare quotes, and give each part as one `Quote`.
fn resolve(index: usize, article: &Article, quotes: Vec<Open>) -> Vec<Quote> {
    let mut last_named: Option<String> = None;
    let mut out = Vec::new();
    for q in quotes {
        let name = match q.said {
            Some(Said::Named(n)) => {
                last_named = Some(n.clone());
                Some(n)
            }
            Some(Said::Pronoun) => last_named.clone(),
            None => None,
        };
        let text_of = |(b, m): &(usize, Marked)| &article.blocks[*b].text[m.start..m.end];
        let words: usize = q.parts.iter().map(|p| tokens(text_of(p)).len()).sum();
        if words == 0 || (words < MIN_WORDS && name.is_none()) {
            continue;
        }
        for (k, part) in q.parts.iter().enumerate() {
            out.push(Quote {
                at: BlockRef::new(index, part.0),
                start: part.1.start,
                end: part.1.end,
                text: text_of(part).to_string(),
                speaker: name.clone(),
                continued: k > 0,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Block, Metadata};

    fn article(blocks: &[(BlockKind, &str)]) -> Article {
        Article {
            id: "a".into(),
            path: None,
            meta: Metadata::default(),
            blocks: blocks
                .iter()
                .map(|&(kind, t)| Block {
                    kind,
                    text: t.to_string(),
                    reason: None,
                    line: 0,
                })
                .collect(),
            hidden_chars: 0,
        }
    }

    fn found_in(blocks: &[(BlockKind, &str)]) -> Vec<(String, Option<String>, bool)> {
        article_quotes(0, &article(blocks))
            .into_iter()
            .map(|q| (q.text, q.speaker, q.continued))
            .collect()
    }

    fn found(paragraphs: &[&str]) -> Vec<(String, Option<String>, bool)> {
        let blocks: Vec<_> = paragraphs
            .iter()
            .map(|&t| (BlockKind::Paragraph, t))
            .collect();
        found_in(&blocks)
    }

    fn speakers(got: &[(String, Option<String>, bool)]) -> Vec<Option<&str>> {
        got.iter().map(|q| q.1.as_deref()).collect()
    }

    fn q(text: &str, who: Option<&str>, continued: bool) -> (String, Option<String>, bool) {
        (text.into(), who.map(String::from), continued)
    }

    #[test]
    fn a_quote_over_two_paragraphs_is_two_parts_with_one_speaker() {
        let got = found(&[
            "Roe said: “The first paragraph of it ends here.",
            "“And the second one ends the quote.” Then she left.",
            "Unrelated text.",
        ]);
        assert_eq!(
            got,
            [
                q("The first paragraph of it ends here.", Some("Roe"), false),
                q("And the second one ends the quote.", Some("Roe"), true),
            ]
        );
    }

    #[test]
    fn pronouns_and_follow_on_quotes_take_the_last_speaker() {
        let got = found(&[
            "“We will not yield an inch,” Roe said. “Not now, not ever.”",
            "“The talks were long and hard,” she said.",
            "“Nobody expected a deal today,” said an official.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Roe"));
        assert_eq!(got[1], q("Not now, not ever.", Some("Roe"), false));
        assert_eq!(got[2].1.as_deref(), Some("Roe"));
        assert_eq!(got[3].1.as_deref(), Some("official"));
    }

    #[test]
    fn scare_quotes_are_dropped_unless_attributed() {
        let got = found(&["The so-called “reset” failed, and the “grand bargain” too."]);
        assert!(got.is_empty(), "{got:?}");
        let got = found(&["“Constructive,” Roe said of the talks."]);
        assert_eq!(got, [q("Constructive,", Some("Roe"), false)]);
    }

    #[test]
    fn the_speaker_is_the_subject_without_its_role_or_audience() {
        let got = found(&[
            "Helen Marsh, the deputy chief fire officer, told reporters: \"Nobody has been hurt.\"",
            "\"We made the decision early,\" said Deputy Chief Fire Officer Helen Marsh.",
            "\"We made the decision early,\" said Chief Fire Officer Helen Marsh.",
            "“The crews were told to pull back at midnight,” said Ann Lee.",
            "Deputy Chief Fire Officer Helen Marsh said the crews had worked through the night. \"We made the decision to evacuate the street early,\" she said.",
        ]);
        // The pronoun is the person just named, not the last speaker.
        let marsh = Some("Helen Marsh");
        assert_eq!(
            speakers(&got),
            [marsh, marsh, marsh, Some("Ann Lee"), marsh],
            "{got:#?}"
        );
    }

    #[test]
    fn a_pronoun_in_a_later_paragraph_is_the_last_speaker_named() {
        let got = found(&[
            "Helen Marsh, the deputy chief fire officer, told reporters: \"Nobody has been hurt.\"",
            "The street was closed until the evening.",
            "\"We made the decision early,\" she said.",
        ]);
        assert_eq!(speakers(&got), [Some("Helen Marsh"); 2], "{got:#?}");
    }

    #[test]
    fn a_block_quote_is_a_quote_introduced_by_the_block_before() {
        use BlockKind::{Heading, Paragraph, Quote};
        let got = found_in(&[
            (
                Paragraph,
                "Helen Marsh, the deputy chief fire officer, said:",
            ),
            (
                Quote,
                "  Nobody has been hurt and the fire is under control. ",
            ),
            (Quote, "“Crews will stay on site all weekend,” she added."),
            (Paragraph, "The road stays closed."),
            (Quote, "The warehouse was empty when the fire started."),
            (
                Paragraph,
                "Ann Lee, who owns the bakery next door, told the council:",
            ),
            (
                Paragraph,
                "“We lost a week of trade and nobody has called us.”",
            ),
            (Paragraph, "What the bakery owner said"),
            (Paragraph, "“Nobody from the council has called us since.”"),
            (Paragraph, "Ann Lee said:"),
            (Heading, "What happens next"),
            (Quote, "Inspectors will visit on Monday morning."),
            (Quote, "“ ”"),
        ]);
        assert_eq!(
            got,
            [
                q(
                    "Nobody has been hurt and the fire is under control.",
                    Some("Helen Marsh"),
                    false
                ),
                q(
                    "Crews will stay on site all weekend,",
                    Some("Helen Marsh"),
                    false
                ),
                q(
                    "The warehouse was empty when the fire started.",
                    None,
                    false
                ),
                q(
                    "We lost a week of trade and nobody has called us.",
                    Some("Ann Lee"),
                    false
                ),
                q("Nobody from the council has called us since.", None, false),
                q("Inspectors will visit on Monday morning.", None, false),
            ]
        );
    }
}
