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
//! Speakers: named around the quote (after it first, unless the quote
//! ends a sentence and a new one follows: then before it first), else the
//! quote right before it in the same paragraph when only a few words stand
//! between them (`“…,” Roe said. “…”`), else, for a quote that opens its
//! block, the block before when it ends on a colon (`Marsh said:` over a
//! block quote), or when it is all its paragraph holds, the speaker of the
//! quote the paragraph before ends on (`“…,” she said.` then `“And …”`);
//! a pronoun is a person named by full name earlier in that text, else the
//! last speaker named in the article. A surname alone is the full name the
//! article gave it before (`full_name`).
//!
//! Scare quotes: a quote of one or two words (“reset”) is kept only when
//! a speaker is named for it.

use super::around::said_around;
use super::body_kind;
use super::document;
use super::full_name::{People, full_name, surname_subject};
use super::issuer;
use super::joint;
use super::name::Said;
use super::person;
use super::role;
use super::scan::{Marked, quoted, reopens};
use super::speaker;
use super::words::{is_naming_verb, words};
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

#[cfg(test)]
impl Quote {
    /// A block's whole text quoted, for tests of what is made of quotes.
    pub(super) fn whole_block(article: usize, text: &str, speaker: Option<&str>) -> Quote {
        Quote {
            at: BlockRef::new(article, 0),
            start: 0,
            end: text.len(),
            text: text.into(),
            speaker: speaker.map(String::from),
            continued: false,
        }
    }
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
    // The quote the block before ends on, only its attribution after it.
    let mut closing: Option<usize> = None;
    for (b, block) in article.blocks.iter().enumerate() {
        if block.kind == BlockKind::Heading {
            previous_text = None;
            closing = None;
        }
        if !block.kind.is_content() || block.kind == BlockKind::Heading {
            continue;
        }
        let text = block.text.as_str();
        let introduced_by = previous_text.replace(text);
        let follows = closing.take();
        let marks = marks_of(block.kind, text);
        // A paragraph that is one quote and nothing else, in marks.
        let whole = match marks.as_slice() {
            [m] => {
                m.closed
                    && m.open < m.start
                    && is_blank(&text[..m.open])
                    && is_blank(&text[m.after..])
            }
            _ => false,
        };
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
                && inherits(&text[pm.after..m.open])
            {
                said = p.said.clone();
            }
            // News convention: a paragraph wholly quoted, attributed to no
            // one, goes on with the speaker of the quote that closed the
            // paragraph before.
            if said.is_none() && whole && first == 0 {
                said = follows.and_then(|p| done[p].said.clone());
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
        if carried.is_none()
            && let Some(last) = done.len().checked_sub(1)
            && let Some(&(lb, lm)) = done[last].parts.last()
            && lb == b
            && at_most_one_sentence(&text[lm.after..])
        {
            closing = Some(last);
        }
    }
    done.extend(carried);
    done.sort_by_key(|q| (q.parts[0].0, q.parts[0].1.open));
    resolve(index, article, done)
}

/// Whether a quote takes the speaker of the quote before it in the same
/// paragraph, `between` being the text between them: a few words
/// (`“…,” Roe said. “…”`), or only the first quote's attribution, however
/// long (`“…,” Price told reporters at the rescue centre set up in the
/// leisure complex. “…”`).
///
/// Not a quote right after a naming verb with no speaker of its own ("The
/// move, called “…”"): that is a name for a thing, not more speech.
fn inherits(between: &str) -> bool {
    if words(between).last().is_some_and(is_naming_verb) {
        return false;
    }
    between.split_whitespace().count() <= INHERIT_GAP
        || (at_most_one_sentence(between) && speaker::after(between).is_some())
}

/// No sentence ends in `text` before its last word: after a quote, only
/// its attribution ("she said at a briefing.").
fn at_most_one_sentence(text: &str) -> bool {
    let ws = words(text);
    ws.iter().rev().skip(1).all(|w| !w.sentence)
}

fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
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

/// Name each quote's speaker (pronouns: the last named before), drop
/// scare quotes, and give each part as one `Quote`.
fn resolve(index: usize, article: &Article, quotes: Vec<Open>) -> Vec<Quote> {
    let mut last_named: Option<String> = None;
    let mut people = People::default();
    let mut out = Vec::new();
    for q in quotes {
        let common = matches!(&q.said, Some(Said::Named(n)) if role::is_common_noun(n));
        let name = match q.said {
            // "the statement said": whoever issued the statement the
            // article mentions last, if it says; else no one.
            Some(Said::Named(n)) if document::is_document(&n) => {
                let (b, m) = q.parts[0];
                let issuer = issuer::issuer(&text_before(article, b, m.open), &n);
                if let Some(issuer) = &issuer {
                    last_named = Some(issuer.clone());
                }
                issuer
            }
            // "the agency added": the agency named last, if any.
            Some(Said::Named(n)) if body_kind::is_kind_only(&n) => {
                let (b, m) = q.parts[0];
                let named = body_kind::named_of_kind(&text_before(article, b, m.open), &n);
                let n = named.unwrap_or(n);
                last_named = Some(n.clone());
                Some(n)
            }
            // "the minister added": the one named with that role before.
            Some(Said::Named(n)) if role::is_role_only(&n) => {
                let (b, m) = q.parts[0];
                let named = role::named_with_role(&text_before(article, b, m.open), &n)
                    .map(|named| full_name(&mut people, article, b, m.open, named));
                let n = named.unwrap_or(n);
                last_named = Some(n.clone());
                Some(n)
            }
            // "the chairmen said", "a resident said": no one named, and
            // no one for a pronoun after it to mean; still no scare quote.
            Some(Said::Named(_)) if common => {
                last_named = None;
                None
            }
            Some(Said::Named(n)) => {
                let (b, m) = q.parts[0];
                // "Merkel's statement said": Merkel's words.
                let n = document::owner(&n).unwrap_or(n);
                // Each name of a joint credit ("Trump and Putin") in full.
                let n = joint::each_name(n, |n| full_name(&mut people, article, b, m.open, n));
                last_named = Some(n.clone());
                Some(n)
            }
            // "Pike later told the Gazette …. “…,” she said": the person
            // the sentence before names by surname; else the last
            // speaker, never a body ("she" is not the company named last).
            Some(Said::Pronoun) => {
                let (b, m) = q.parts[0];
                surname_subject(&mut people, article, b, m.open).or_else(|| {
                    last_named
                        .clone()
                        .filter(|n| person::is_person(n, &text_before(article, b, m.open)))
                })
            }
            // "“…,” it said": the body named last, never a person ("Kevin
            // Brady" two paragraphs before "The European Commission said").
            Some(Said::It) => {
                let (b, m) = q.parts[0];
                last_named
                    .clone()
                    .filter(|n| !person::is_person(n, &text_before(article, b, m.open)))
            }
            // "they" after one named speaker is most often a group (the
            // ministers, the couple), and the one person the sentence names
            // is what they speak of ("While Mr. Comey “…,” they wrote"): no
            // one; after a joint credit ("Trump and Putin said"), its names.
            Some(Said::Group) => last_named.clone().filter(|n| joint::names(n).len() > 1),
            None => None,
        };
        let text_of = |(b, m): &(usize, Marked)| &article.blocks[*b].text[m.start..m.end];
        let words: usize = q.parts.iter().map(|p| tokens(text_of(p)).len()).sum();
        if words == 0 || (words < MIN_WORDS && name.is_none() && !common) {
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

/// The article's text before byte `open` of block `block`, block by
/// block.
fn text_before(article: &Article, block: usize, open: usize) -> String {
    let mut text = String::new();
    for b in &article.blocks[..block] {
        if b.kind.is_content() {
            text.push_str(&b.text);
            text.push_str("\n\n");
        }
    }
    if let Some(b) = article.blocks.get(block) {
        text.push_str(b.text.get(..open).unwrap_or(""));
    }
    text
}

#[cfg(test)]
#[path = "extract_tests.rs"]
mod tests;
