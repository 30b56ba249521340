//! A word or phrase of up to three terms packed into one `u64` (21 bits a
//! term, stored as id + 1 so that 0 means "no term"), so the counting
//! tables hash and compare a single integer.

use super::vocab::TermId;

pub type Gram = u64;

const BITS: usize = 21;
const SLOT: u64 = (1 << BITS) - 1;
/// The largest term id a gram can hold; rarer terms (a vocabulary of over
/// two million stems) are left out of words and phrases.
pub const MAX_TERM: TermId = (1 << BITS) - 2;

/// The single-word gram of `t`.
pub fn word(t: TermId) -> Gram {
    u64::from(t.min(MAX_TERM)) + 1
}

/// `g` (of `len` terms) with `t` appended.
pub fn extend(g: Gram, len: usize, t: TermId) -> Gram {
    g | ((u64::from(t.min(MAX_TERM)) + 1) << (BITS * len))
}

fn term_at(g: Gram, i: usize) -> Option<TermId> {
    let v = (g >> (BITS * i)) & SLOT;
    (v != 0 && i < 3).then(|| (v - 1) as TermId)
}

pub fn terms(g: Gram) -> impl Iterator<Item = TermId> {
    (0..3).map_while(move |i| term_at(g, i))
}

pub fn len(g: Gram) -> usize {
    terms(g).count()
}

pub fn is_word(g: Gram) -> bool {
    g >> BITS == 0
}

pub fn first(g: Gram) -> Option<TermId> {
    term_at(g, 0)
}

/// The `len` terms of `g` starting at term `off`.
pub fn sub(g: Gram, off: usize, len: usize) -> Gram {
    (g >> (BITS * off)) & ((1u64 << (BITS * len)) - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packs_and_unpacks() {
        let g = extend(extend(word(0), 1, 7), 2, MAX_TERM);
        assert_eq!(terms(g).collect::<Vec<_>>(), [0, 7, MAX_TERM]);
        assert_eq!(len(g), 3);
        assert!(!is_word(g) && is_word(word(5)));
        assert_eq!(sub(g, 1, 2), extend(word(7), 1, MAX_TERM));
        assert_eq!(sub(g, 0, 1), word(0));
        assert_eq!(first(g), Some(0));
    }
}
