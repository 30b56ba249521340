//! Laying out the index once the shared tokens are known: token numbers
//! (by first set), flat postings, and each set's tokens rarest first.

use crate::parallel;

/// Shared tokens found in a range of buckets (what `build` finds, laid out
/// here): their postings, one after another, and where each ends.
pub(super) struct Runs {
    pub(super) recs: Vec<u32>,
    pub(super) ends: Vec<usize>,
}

/// Number the shared tokens in order of the first set that holds them and
/// lay their postings out flat. Discovery order is hash order, which
/// scatters a set's tokens over the whole index; in first-set order the
/// tokens a copied paragraph shares with its source are numbered together,
/// so probing reads the postings nearly sequentially instead of one cache
/// miss per token.
pub(super) fn number_by_first_set(n: usize, found: &[Runs]) -> (Vec<usize>, Vec<u32>) {
    // Every token once, in discovery order, as its postings slice.
    let all = || {
        found.iter().flat_map(|runs| {
            let starts = std::iter::once(0).chain(runs.ends.iter().copied());
            starts
                .zip(runs.ends.iter().copied())
                .map(|(s, e)| &runs.recs[s..e])
        })
    };
    // Counting sort by first set: stable, linear.
    let mut slot = vec![0usize; n + 1];
    for list in all() {
        slot[list[0] as usize + 1] += 1;
    }
    for i in 0..n {
        slot[i + 1] += slot[i];
    }
    let tokens = slot[n];
    let mut id_of = Vec::with_capacity(tokens);
    let mut len_of = vec![0usize; tokens + 1];
    for list in all() {
        let s = &mut slot[list[0] as usize];
        id_of.push(*s);
        len_of[*s + 1] = list.len();
        *s += 1;
    }
    for t in 0..tokens {
        len_of[t + 1] += len_of[t];
    }
    let posting_start = len_of;
    let mut postings = vec![0u32; posting_start[tokens]];
    for (list, &id) in all().zip(&id_of) {
        postings[posting_start[id]..posting_start[id + 1]].copy_from_slice(list);
    }
    (posting_start, postings)
}

/// The other direction of the index: each set's shared tokens, rarest
/// first (by document frequency, then token number — any fixed total order
/// keeps the prefix filter exact; rarest first keeps prefixes selective).
pub(super) fn tokens_by_set(
    n: usize,
    posting_start: &[usize],
    postings: &[u32],
) -> (Vec<usize>, Vec<u32>) {
    let mut token_start = vec![0usize; n + 1];
    for &s in postings {
        token_start[s as usize + 1] += 1;
    }
    for i in 0..n {
        token_start[i + 1] += token_start[i];
    }
    let mut fill = token_start.clone();
    let mut tokens = vec![0u32; postings.len()];
    for t in 0..posting_start.len() - 1 {
        for &s in &postings[posting_start[t]..posting_start[t + 1]] {
            let slot = &mut fill[s as usize];
            tokens[*slot] = t as u32;
            *slot += 1;
        }
    }
    let df = |t: u32| posting_start[t as usize + 1] - posting_start[t as usize];
    // Sort each set's list in parallel: cut `tokens` at set boundaries.
    let set_weights: Vec<usize> = (0..n)
        .map(|i| token_start[i + 1] - token_start[i])
        .collect();
    let mut pieces = Vec::new();
    let mut rest: &mut [u32] = &mut tokens;
    for r in parallel::balanced_ranges(&set_weights, parallel::threads()) {
        let len = token_start[r.end] - token_start[r.start];
        let (piece, tail) = std::mem::take(&mut rest).split_at_mut(len);
        pieces.push((r, piece));
        rest = tail;
    }
    parallel::map_mut(&mut pieces, |(r, piece)| {
        let base = token_start[r.start];
        for i in r.clone() {
            piece[token_start[i] - base..token_start[i + 1] - base]
                .sort_unstable_by_key(|&t| (df(t), t));
        }
    });
    (token_start, tokens)
}
