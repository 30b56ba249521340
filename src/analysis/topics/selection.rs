//! Where the selected grams are, for the occurrence pass: which words of
//! the term stream are selected alone, and which two- and three-word
//! phrases are. The pass asks at every word of the corpus (several times
//! over), so most words are answered from one dense table by term, and a
//! phrase table is probed only when each of its words can stand where it
//! stands in some selected phrase.

use super::gram::{self, Gram};
use super::stream::TermStream;
use super::vocab::TermId;
use crate::analysis::hashing::home_slot;

/// A term's entry: its own topic in the low bits, its places in selected
/// phrases in the high ones.
const TOPIC: u32 = (1 << 28) - 1;
const NO_TOPIC: u32 = TOPIC;
/// The first word of a selected phrase.
const FIRST: u32 = 1 << 28;
/// The second word of one.
const SECOND: u32 = 1 << 29;
/// The third word of a three-word one.
const THIRD: u32 = 1 << 30;
/// On a phrase entry: its two words start a selected three-word phrase.
const PREFIX: u32 = 1 << 31;

pub struct Selection {
    /// Per term id below the largest selected one.
    terms: Vec<u32>,
    /// Open addressing over packed grams (never 0, so 0 is an empty
    /// slot): the selected phrases, and the first two words of every
    /// selected three-word phrase, each with its topic (or `NO_TOPIC`)
    /// and `PREFIX`.
    keys: Vec<Gram>,
    values: Vec<u32>,
}

impl Selection {
    /// The grams `part`, `part + parts`, … of `selected`, numbered 0, 1, …
    /// in that order; every term id in them is below `terms`.
    pub fn new(selected: &[Gram], terms: usize, part: usize, parts: usize) -> Selection {
        let mine: Vec<Gram> = selected
            .iter()
            .skip(part)
            .step_by(parts.max(1))
            .copied()
            .collect();
        let phrases = mine.iter().filter(|&&g| !gram::is_word(g)).count();
        // At most half full (a phrase and its prefix), so probes stay short.
        let size = (4 * phrases).next_power_of_two().max(16);
        let mut s = Selection {
            terms: vec![NO_TOPIC; terms],
            keys: vec![0; size],
            values: vec![NO_TOPIC; size],
        };
        for (i, &g) in mine.iter().enumerate() {
            let id = u32::try_from(i).unwrap_or(NO_TOPIC).min(NO_TOPIC);
            let words: Vec<usize> = gram::terms(g).map(|t| t as usize).collect();
            if let [only] = words[..] {
                if let Some(e) = s.terms.get_mut(only) {
                    *e = (*e & !TOPIC) | id;
                }
                continue;
            }
            for (&t, role) in words.iter().zip([FIRST, SECOND, THIRD]) {
                if let Some(e) = s.terms.get_mut(t) {
                    *e |= role;
                }
            }
            let at = s.slot(g);
            s.values[at] = (s.values[at] & !TOPIC) | id;
            if words.len() == 3 {
                let at = s.slot(gram::sub(g, 0, 2));
                s.values[at] |= PREFIX;
            }
        }
        s
    }

    /// The slot of `g`, taken if it was empty (room is never short: the
    /// table is sized for every phrase and prefix).
    fn slot(&mut self, g: Gram) -> usize {
        let mask = self.keys.len() - 1;
        let mut i = home_slot(g, self.keys.len().trailing_zeros());
        while self.keys[i] != g && self.keys[i] != 0 {
            i = (i + 1) & mask;
        }
        self.keys[i] = g;
        i
    }

    /// The entry of `g`, if it is a selected phrase or a prefix of one.
    #[inline]
    fn find(&self, g: Gram) -> Option<u32> {
        let mask = self.keys.len() - 1;
        let mut i = home_slot(g, self.keys.len().trailing_zeros());
        loop {
            let key = *self.keys.get(i)?;
            if key == g {
                return self.values.get(i).copied();
            }
            if key == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// A term's entry (none for a term in no selected gram).
    #[inline]
    fn term(&self, entry: u32) -> u32 {
        let t = TermStream::term(entry) as usize;
        self.terms.get(t).copied().unwrap_or(NO_TOPIC)
    }

    /// The term at `at` of `ids`, when it continues the phrase before it
    /// and stands in `role` in some selected phrase.
    #[inline]
    fn joins(&self, ids: &[u32], at: usize, role: u32) -> Option<TermId> {
        let &entry = ids.get(at).filter(|&&e| TermStream::continues(e))?;
        (self.term(entry) & role != 0).then(|| TermStream::term(entry))
    }

    /// Call `f(position, length, topic)` for every selected gram of a
    /// block, by position, shorter first.
    #[inline]
    pub fn each_in(&self, ids: &[u32], mut f: impl FnMut(usize, usize, usize)) {
        for (i, &id) in ids.iter().enumerate() {
            let mut entry = self.term(id);
            let mut g = gram::word(TermStream::term(id));
            for len in 1..=3 {
                if let Some(t) = topic(entry) {
                    f(i, len, t);
                }
                // One word longer only where this gram starts a selected
                // phrase and the next word can stand next in it.
                let Some(&(leads, role)) = LONGER.get(len - 1) else {
                    break;
                };
                if entry & leads == 0 {
                    break;
                }
                let Some(next) = self.joins(ids, i + len, role) else {
                    break;
                };
                g = gram::extend(g, len, next);
                match self.find(g) {
                    Some(e) => entry = e,
                    None => break,
                }
            }
        }
    }
}

/// After a gram of one word, then of two: the flag its entry has when a
/// selected phrase starts with it, and the role the next word must have.
const LONGER: [(u32, u32); 2] = [(FIRST, SECOND), (PREFIX, THIRD)];

/// The topic an entry names, if any.
#[inline]
fn topic(entry: u32) -> Option<usize> {
    (entry & TOPIC != NO_TOPIC).then_some((entry & TOPIC) as usize)
}

#[cfg(test)]
mod tests {
    use super::super::stream::for_each_gram;
    use super::*;
    use std::collections::HashMap;

    /// xorshift64*: enough randomness for a test.
    fn next(state: &mut u64) -> u64 {
        *state ^= *state >> 12;
        *state ^= *state << 25;
        *state ^= *state >> 27;
        state.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    #[test]
    fn finds_what_a_plain_map_of_the_selection_finds() {
        let mut state = 11u64;
        for round in 0..40 {
            let terms = 3 + round % 17;
            // Random streams over few terms, so phrases recur.
            let ids: Vec<u32> = (0..400)
                .map(|_| {
                    let t = (next(&mut state) % terms as u64) as u32;
                    if next(&mut state).is_multiple_of(4) {
                        t | (1 << 31)
                    } else {
                        t
                    }
                })
                .collect();
            let mut all: Vec<Gram> = Vec::new();
            for_each_gram(&ids, |_, _, g| all.push(g));
            all.sort_unstable();
            all.dedup();
            let selected: Vec<Gram> = all
                .into_iter()
                .filter(|_| next(&mut state).is_multiple_of(3))
                .collect();
            for parts in 1..4 {
                for part in 0..parts {
                    let mine: HashMap<Gram, usize> = selected
                        .iter()
                        .skip(part)
                        .step_by(parts)
                        .enumerate()
                        .map(|(i, &g)| (g, i))
                        .collect();
                    let mut plain = Vec::new();
                    for_each_gram(&ids, |i, n, g| {
                        if let Some(&t) = mine.get(&g) {
                            plain.push((i, n, t));
                        }
                    });
                    let mut found = Vec::new();
                    let s = Selection::new(&selected, terms, part, parts);
                    s.each_in(&ids, |i, n, t| found.push((i, n, t)));
                    assert_eq!(found, plain, "round {round}, part {part} of {parts}");
                }
            }
        }
    }
}
