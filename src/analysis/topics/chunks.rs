//! A block's words grouped into chunks: words joined by a hyphen,
//! apostrophe or dot ("Elmendorf-Richardson", "U.S.", "Anchorage’s"), the
//! units capitalised runs are made of (`runs`).

use super::scan::{Gap, Word, classify_gap, is_capitalised, is_lowercase_start};
use super::titles::is_abbreviation;

#[derive(Debug, Clone, Copy)]
pub struct Chunk {
    pub start: usize,
    pub end: usize,
    pub gap: Gap,
    /// A possessive or a lower-case tail was cut off: the run stops here.
    pub closes: bool,
}

/// Group words joined by a hyphen, apostrophe or dot into chunks. A
/// possessive "’s" is dropped and a lower-case tail ("Anchorage-based") cut
/// off; both close the run. Initialisms keep their final dot ("U.S.").
pub fn chunks_of(text: &str, words: &[Word], out: &mut Vec<Chunk>) {
    out.clear();
    let mut i = 0;
    // Where the previous chunk ended when it took a dot that the scanner
    // counted as part of the next gap.
    let mut absorbed_dot: Option<usize> = None;
    while i < words.len() {
        // The usual chunk: one word, no dot to take (what the general
        // rules below give it too).
        let w = words[i];
        if absorbed_dot.is_none()
            && words.get(i + 1).is_none_or(|n| n.gap != Gap::Joiner)
            && !dot_then_space(text, &w)
        {
            out.push(Chunk {
                start: w.start,
                end: w.end,
                gap: w.gap,
                closes: false,
            });
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < words.len() && words[j].gap == Gap::Joiner {
            j += 1;
        }
        let group = &words[i..j];
        i = j;
        let mut keep = group.len();
        let mut closes = false;
        if let [.., before, last] = group
            && last.text(text).eq_ignore_ascii_case("s")
            && matches!(text.get(before.end..last.start), Some("'" | "’"))
        {
            keep -= 1;
            closes = true;
        }
        if let Some(k) = group[1..keep]
            .iter()
            .position(|w| is_lowercase_start(w.text(text)))
        {
            keep = k + 1;
            closes = true;
        }
        let kept = &group[..keep];
        let (Some(first), Some(last)) = (kept.first(), kept.last()) else {
            continue;
        };
        let mut end = last.end;
        let initialism = kept.len() > 1 && kept.iter().all(|w| w.text(text).chars().count() == 1);
        let dotted = initialism || (kept.len() == 1 && keeps_dot(text, first, out.last()));
        if dotted && !closes && text.get(end..end + 1) == Some(".") {
            end += 1;
        }
        let gap = match absorbed_dot.take() {
            Some(from) => classify_gap(text.get(from..first.start).unwrap_or(" ")),
            None => first.gap,
        };
        if end > last.end {
            absorbed_dot = Some(end);
        }
        out.push(Chunk {
            start: first.start,
            end,
            gap,
            closes,
        });
    }
}

/// The word is followed by ". " (the only place a one-word chunk may
/// keep its dot).
fn dot_then_space(text: &str, word: &Word) -> bool {
    text.as_bytes().get(word.end..word.end + 2) == Some(b". ")
}

/// A one-word chunk whose dot is not a sentence end: a title abbreviation
/// before a capitalised word ("Mr. Roe", "Sen. Roe"), or a middle initial
/// between two parts of a name ("Donald J. Trump").
fn keeps_dot(text: &str, word: &Word, previous: Option<&Chunk>) -> bool {
    if !dot_then_space(text, word) {
        return false;
    }
    let surface = word.text(text);
    let after = text.get(word.end..).unwrap_or("");
    let next_is_name = after
        .strip_prefix(". ")
        .is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase));
    if !next_is_name {
        return false;
    }
    if is_abbreviation(surface) {
        return true;
    }
    let initial = surface.chars().count() == 1 && is_capitalised(surface);
    initial
        && word.gap == Gap::Space
        && previous.is_some_and(|p| {
            p.end <= word.start && text.get(p.start..p.end).is_some_and(is_capitalised)
        })
}
