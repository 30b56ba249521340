//! Capitalised runs: the raw material of name topics. A block's words are
//! grouped into chunks (words joined by a hyphen, apostrophe or dot, such as
//! "Elmendorf-Richardson" or "U.S."), and consecutive capitalised chunks
//! separated only by spaces form a run ("Joint Base Elmendorf-Richardson").
//! Runs are collected as written, with where they stood, and resolved into
//! names once the whole corpus has been read (see `names`).

use super::chunks::{Chunk, chunks_of};
use super::name_lists::{is_connector, is_stop_word_any_case};
use super::scan::{Gap, Word, is_capitalised, is_lowercase_start};
use super::vocab::FastMap;
use crate::corpus::BlockRef;

/// Longer capitalised runs are title-cased text, not names: they are kept
/// only so that known names inside them are found.
pub const MAX_NAME_CHUNKS: usize = 6;

/// A distinct run: its chunks as written (joined by single spaces; a
/// chunk never holds a space) and where it stood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunKey<'a> {
    pub text: &'a str,
    /// The run opens a sentence, so its first capital may mean nothing.
    pub initial: bool,
    /// Names may be discovered here (not in headings, not in long runs).
    pub discover: bool,
}

impl<'a> RunKey<'a> {
    pub fn chunks(&self) -> Vec<&'a str> {
        self.text.split(' ').collect()
    }
}

/// Every distinct run with the blocks it occurs in (once per occurrence),
/// one table per (initial, discover) so lookups need no allocation.
#[derive(Debug, Default)]
pub struct Runs {
    by_kind: [FastMap<Box<str>, Seen>; 4],
    /// Names written with a short form in brackets right after them, or
    /// the other way round: ("Federal Reserve", "Fed") as written, with
    /// how often.
    definitions: FastMap<(Box<str>, Box<str>), u32>,
    /// Scratch reused across blocks.
    key: String,
    chunks: Vec<Chunk>,
    run: Vec<Chunk>,
}

/// Where a distinct run was seen.
#[derive(Debug, Default)]
struct Seen {
    at: Vec<BlockRef>,
    /// How often a lower-case content word followed it, as "European" in
    /// "European leaders" (counted where names may be discovered).
    leads: u32,
}

fn slot(initial: bool, discover: bool) -> usize {
    usize::from(initial) | (usize::from(discover) << 1)
}

impl Runs {
    /// Collect the runs of one block; `discover` is false where capitals
    /// say nothing (headings, table rows).
    pub fn add_block(&mut self, text: &str, words: &[Word], at: BlockRef, discover: bool) {
        let mut chunks = std::mem::take(&mut self.chunks);
        let mut run = std::mem::take(&mut self.run);
        chunks_of(text, words, &mut chunks);
        run.clear();
        let mut initial = false;
        // A capitalised function word opened the sentence ("The", "When"):
        // a run right after it opens the sentence too.
        let mut opener = false;
        for (i, c) in chunks.iter().enumerate() {
            let surface = text.get(c.start..c.end).unwrap_or("");
            let continues = run.last().is_some_and(|p| !p.closes) && c.gap == Gap::Space;
            let follows_opener = opener && c.gap == Gap::Space;
            opener = false;
            // "May" is a stop word, but not after "Theresa".
            if is_name_chunk(surface) || (continues && surface == "May") {
                if !continues {
                    self.flush(text, &mut run, at, initial, discover, false);
                    initial = c.gap.starts_sentence() || follows_opener;
                }
                run.push(*c);
            } else if continues && is_connector(surface) && joins_next(text, &chunks, i) {
                run.push(*c);
            } else {
                let leads = run.last().is_some_and(|p| !p.closes)
                    && c.gap == Gap::Space
                    && is_lowercase_start(surface)
                    && !is_stop_word_any_case(surface);
                self.flush(text, &mut run, at, initial, discover, leads);
                opener = is_capitalised(surface) && (c.gap.starts_sentence() || follows_opener);
            }
        }
        self.flush(text, &mut run, at, initial, discover, false);
        // Only a bracket can open a definition.
        if discover && text.as_bytes().contains(&b'(') {
            self.note_definitions(text, &chunks);
        }
        self.chunks = chunks;
        self.run = run;
    }

    /// Record the run being read, if any (called after most chunks, so
    /// the usual empty case costs no call).
    #[inline(always)]
    fn flush(
        &mut self,
        text: &str,
        run: &mut Vec<Chunk>,
        at: BlockRef,
        initial: bool,
        discover: bool,
        leads: bool,
    ) {
        if !run.is_empty() {
            self.record(text, run, at, initial, discover, leads);
        }
    }

    fn record(
        &mut self,
        text: &str,
        run: &mut Vec<Chunk>,
        at: BlockRef,
        initial: bool,
        discover: bool,
        leads: bool,
    ) {
        self.key.clear();
        for (i, c) in run.iter().enumerate() {
            if i > 0 {
                self.key.push(' ');
            }
            self.key.push_str(text.get(c.start..c.end).unwrap_or(""));
        }
        let discover = discover && run.len() <= MAX_NAME_CHUNKS;
        let lead = u32::from(discover && leads);
        let map = &mut self.by_kind[slot(initial, discover)];
        match map.get_mut(self.key.as_str()) {
            Some(seen) => {
                seen.at.push(at);
                seen.leads += lead;
            }
            None => {
                let seen = Seen {
                    at: vec![at],
                    leads: lead,
                };
                map.insert(self.key.as_str().into(), seen);
            }
        }
        run.clear();
    }

    /// Record "Long Name (Short)" and "Short (Long Name)": a run of name
    /// chunks, then a run of name chunks alone inside brackets.
    fn note_definitions(&mut self, text: &str, chunks: &[Chunk]) {
        let surface = |c: &Chunk| text.get(c.start..c.end).unwrap_or("");
        let gap = |k: usize| -> &str {
            let from = k.checked_sub(1).map_or(0, |p| chunks[p].end);
            text.get(from..chunks[k].start).unwrap_or("")
        };
        let named = |k: usize| is_name_chunk(surface(&chunks[k]));
        for k in 1..chunks.len() {
            // Most gaps hold no bracket: only those are trimmed.
            let g = gap(k);
            if !g.contains('(') || g.trim() != "(" || !named(k - 1) || !named(k) {
                continue;
            }
            let mut m = k;
            while m + 1 < chunks.len()
                && m - k < MAX_NAME_CHUNKS
                && gap(m + 1) == " "
                && named(m + 1)
            {
                m += 1;
            }
            if !text
                .get(chunks[m].end..)
                .is_some_and(|t| t.starts_with(')'))
            {
                continue;
            }
            let mut r = k - 1;
            while r > 0 && k - r < MAX_NAME_CHUNKS && gap(r) == " " && named(r - 1) {
                r -= 1;
            }
            let join = |from: usize, to: usize| -> String {
                chunks[from..=to]
                    .iter()
                    .map(surface)
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let key = (join(r, k - 1).into_boxed_str(), join(k, m).into_boxed_str());
            *self.definitions.entry(key).or_default() += 1;
        }
    }

    /// Every ("Long Name", "Short") or ("Short", "Long Name") written
    /// next to each other with brackets, as written.
    pub fn definitions(&self) -> impl Iterator<Item = (&str, &str)> {
        self.definitions.keys().map(|(a, b)| (&**a, &**b))
    }

    /// Take in the runs of the articles read after these.
    pub fn absorb(&mut self, other: Runs) {
        for (k, n) in other.definitions {
            *self.definitions.entry(k).or_default() += n;
        }
        for (mine, theirs) in self.by_kind.iter_mut().zip(other.by_kind) {
            for (k, v) in theirs {
                let seen = mine.entry(k).or_default();
                seen.at.extend(v.at);
                seen.leads += v.leads;
            }
        }
    }

    /// How often a lower-case content word follows the run (counted where
    /// names may be discovered).
    pub fn leads(&self, key: &RunKey) -> u32 {
        self.by_kind[slot(key.initial, key.discover)]
            .get(key.text)
            .map_or(0, |seen| seen.leads)
    }

    /// Every distinct run with its occurrences.
    pub fn iter(&self) -> impl Iterator<Item = (RunKey<'_>, &[BlockRef])> {
        self.by_kind.iter().enumerate().flat_map(|(slot, map)| {
            map.iter().map(move |(text, seen)| {
                let key = RunKey {
                    text,
                    initial: slot & 1 != 0,
                    discover: slot & 2 != 0,
                };
                (key, seen.at.as_slice())
            })
        })
    }
}

/// A capitalised word that is not a function word ("The", "When").
fn is_name_chunk(surface: &str) -> bool {
    is_capitalised(surface) && !is_stop_word_any_case(surface)
}

/// The chunk after `i` continues a name (so a connector at `i` is inside it).
fn joins_next(text: &str, chunks: &[Chunk], i: usize) -> bool {
    chunks.get(i + 1).is_some_and(|n| {
        n.gap == Gap::Space && is_name_chunk(text.get(n.start..n.end).unwrap_or(""))
    })
}

#[cfg(test)]
mod tests {
    use super::super::scan::scan;
    use super::*;

    fn runs(t: &str) -> Vec<(Vec<String>, bool)> {
        let mut words = Vec::new();
        scan(t, &mut words);
        let mut r = Runs::default();
        r.add_block(t, &words, BlockRef::new(0, 0), true);
        let mut out: Vec<(Vec<String>, bool)> = r
            .iter()
            .map(|(k, _)| {
                (
                    k.chunks().iter().map(|c| c.to_string()).collect(),
                    k.initial,
                )
            })
            .collect();
        out.sort();
        out
    }

    fn names(list: &[&[&str]]) -> Vec<Vec<String>> {
        list.iter()
            .map(|r| r.iter().map(|s| s.to_string()).collect())
            .collect()
    }

    #[test]
    fn runs_follow_capitals_and_stop_at_punctuation() {
        let r = runs("Leaders met at Joint Base Elmendorf-Richardson, near Anchorage’s port.");
        let chunks: Vec<Vec<String>> = r.into_iter().map(|(c, _)| c).collect();
        assert_eq!(
            chunks,
            names(&[
                &["Anchorage"],
                &["Joint", "Base", "Elmendorf-Richardson"],
                &["Leaders"]
            ])
        );
    }

    #[test]
    fn sentence_starts_are_marked_and_function_words_skipped() {
        let r =
            runs("The White House spoke. Analysts said the U.S. Senate and Bank of America agree.");
        assert_eq!(
            r,
            vec![
                (vec!["Analysts".to_string()], true),
                (vec!["Bank".into(), "of".into(), "America".into()], false),
                (vec!["U.S.".into(), "Senate".into()], false),
                (vec!["White".into(), "House".into()], true),
            ]
        );
        let r = runs("Talks began when Putin arrived");
        assert_eq!(
            r,
            vec![
                (vec!["Putin".to_string()], false),
                (vec!["Talks".to_string()], true)
            ]
        );
    }

    #[test]
    fn lower_case_tails_are_cut() {
        let r = runs("an Anchorage-based firm");
        assert_eq!(r, vec![(vec!["Anchorage".to_string()], false)]);
    }
}
