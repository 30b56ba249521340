//! Building the prefix-filter index (`TokenIndex`): find the tokens that occur in two or more
//! sets without a hash map and without holding every (token, set) entry at
//! once.
//!
//! Entries are packed as `truncated hash | set number` in one `u64` and
//! processed in *waves* by the top bits of the hash (sets are sorted, so
//! each set's entries for a wave are the next run after a cursor). Within a
//! wave each thread scatters its sets' entries into buckets by the next
//! bits; buckets are then sorted, small enough to stay in cache, and equal
//! tokens come out adjacent. Only shared tokens are kept.

use super::JoinError;
use super::numbering::{Runs, number_by_first_set, tokens_by_set};
use super::probe::TokenIndex;
use crate::parallel;
use std::ops::Range;

/// Entries per wave at most (about 32 MiB of packed entries).
const WAVE_TARGET: usize = 1 << 22;
/// Entries per bucket, on average: sorts inside the CPU cache.
const BUCKET_TARGET: usize = 2048;
/// Buckets per work unit when sorting.
const BUCKET_CHUNK: usize = 64;
/// Sets per work unit when checking them.
const CHECK_CHUNK: usize = 4096;

/// How hash bits are used: `[wave | bucket-in-wave | ... | set number]`.
#[derive(Debug, Clone, Copy)]
struct Layout {
    /// Low bits that hold the set number.
    mask: u64,
    wave_bits: u32,
    bucket_bits: u32,
}

impl Layout {
    fn waves(&self) -> usize {
        1 << self.wave_bits
    }

    fn buckets_per_wave(&self) -> usize {
        1 << (self.bucket_bits - self.wave_bits)
    }

    fn wave(&self, h: u64) -> usize {
        top_bits(h, self.wave_bits)
    }

    fn bucket(&self, h: u64) -> usize {
        top_bits(h, self.bucket_bits) & (self.buckets_per_wave() - 1)
    }

    fn token(&self, entry: u64) -> u64 {
        entry & !self.mask
    }

    /// The `SUB_BITS` bits below the bucket bits: a radix pass on them
    /// leaves each bucket in tiny runs to sort. They lie within the token
    /// (at most 16 + 8 top bits, and the set number takes at most 32).
    fn sub_bucket(&self, entry: u64) -> usize {
        ((entry >> (64 - self.bucket_bits - SUB_BITS)) as usize) & ((1 << SUB_BITS) - 1)
    }
}

/// Bits of the radix pass inside a bucket.
const SUB_BITS: u32 = 8;

fn top_bits(h: u64, bits: u32) -> usize {
    if bits == 0 {
        0
    } else {
        (h >> (64 - bits)) as usize
    }
}

/// One thread's sets, how far into each set the waves have got, and its
/// entries of the current wave grouped by bucket (buffers reused from wave
/// to wave).
struct Cursor {
    range: Range<usize>,
    next: Vec<usize>,
    /// Where each set's entries of the current wave end.
    ends: Vec<usize>,
    /// Start of each bucket in `entries`; one extra entry at the end.
    starts: Vec<usize>,
    entries: Vec<u64>,
}

pub(super) fn build<S: AsRef<[u64]> + Sync>(sets: &[S]) -> Result<TokenIndex, JoinError> {
    build_with(sets, WAVE_TARGET, BUCKET_TARGET)
}

/// `build` with the wave and bucket sizes given (tests use tiny ones to
/// exercise many waves and buckets on small input).
pub(super) fn build_with<S: AsRef<[u64]> + Sync>(
    sets: &[S],
    wave_target: usize,
    bucket_target: usize,
) -> Result<TokenIndex, JoinError> {
    let n = sets.len();
    let n32 = u32::try_from(n).map_err(|_| JoinError::TooManySets(n))?;
    let id_bits = (u32::BITS - n32.saturating_sub(1).leading_zeros()).max(1);
    let checked = parallel::map_chunks(n, CHECK_CHUNK, |r| check(sets, r, (1u64 << id_bits) - 1));
    let mut sizes = Vec::with_capacity(n);
    let mut distinct = Vec::with_capacity(n);
    for part in checked {
        for (size, d) in part? {
            sizes.push(size);
            distinct.push(d);
        }
    }
    let total: usize = sizes.iter().sum();
    // At most 16 + 32 bits above the set number: buckets stay within the token.
    let wave_bits = ceil_log2(total.div_ceil(wave_target.max(1))).min(8);
    let bucket_bits = (total / bucket_target.max(1))
        .max(1)
        .ilog2()
        .clamp(wave_bits, 16);
    let layout = Layout {
        mask: (1u64 << id_bits) - 1,
        wave_bits,
        bucket_bits,
    };

    let mut cursors: Vec<Cursor> = parallel::balanced_ranges(&sizes, parallel::threads())
        .into_iter()
        .map(|range| Cursor {
            next: vec![0; range.len()],
            ends: Vec::with_capacity(range.len()),
            starts: Vec::new(),
            entries: Vec::new(),
            range,
        })
        .collect();
    let mut found: Vec<Runs> = Vec::new();
    for wave in 0..layout.waves() {
        parallel::map_mut(&mut cursors, |c| scatter(sets, c, wave, layout));
        found.extend(parallel::map_chunks(
            layout.buckets_per_wave(),
            BUCKET_CHUNK,
            |r| shared_runs(&cursors, r, layout),
        ));
    }
    drop(cursors);
    let (posting_start, postings) = number_by_first_set(n, &found);
    drop(found);
    let (token_start, tokens) = tokens_by_set(n, &posting_start, &postings);
    Ok(TokenIndex {
        sizes,
        distinct,
        posting_start,
        postings,
        token_start,
        tokens,
    })
}

fn ceil_log2(x: usize) -> u32 {
    x.max(1).next_power_of_two().trailing_zeros()
}

/// Size and distinct truncated tokens of sets `r`; an error for a set that
/// is not strictly increasing.
fn check<S: AsRef<[u64]>>(
    sets: &[S],
    r: Range<usize>,
    mask: u64,
) -> Result<Vec<(usize, usize)>, JoinError> {
    r.map(|i| {
        let set = sets[i].as_ref();
        if set.windows(2).any(|w| w[0] >= w[1]) {
            return Err(JoinError::Unsorted(i));
        }
        // Sorted, so equal truncated values are adjacent.
        let distinct = set
            .iter()
            .enumerate()
            .filter(|&(k, &h)| k == 0 || (h & !mask) != (set[k - 1] & !mask))
            .count();
        Ok((set.len(), distinct))
    })
    .collect()
}

/// One thread's entries for `wave`, bucketed into its buffers; advances
/// its cursors.
fn scatter<S: AsRef<[u64]>>(sets: &[S], c: &mut Cursor, wave: usize, layout: Layout) {
    let buckets = layout.buckets_per_wave();
    c.starts.clear();
    c.starts.resize(buckets + 1, 0);
    c.ends.clear();
    for (k, i) in c.range.clone().enumerate() {
        let set = sets[i].as_ref();
        let mut at = c.next[k];
        while let Some(&h) = set.get(at).filter(|&&h| layout.wave(h) == wave) {
            c.starts[layout.bucket(h) + 1] += 1;
            at += 1;
        }
        c.ends.push(at);
    }
    for b in 0..buckets {
        c.starts[b + 1] += c.starts[b];
    }
    let mut fill = c.starts.clone();
    c.entries.clear();
    c.entries.resize(c.starts[buckets], 0);
    for (k, i) in c.range.clone().enumerate() {
        let set = sets[i].as_ref();
        let id = i as u64;
        for &h in set.get(c.next[k]..c.ends[k]).unwrap_or(&[]) {
            let slot = &mut fill[layout.bucket(h)];
            c.entries[*slot] = (h & !layout.mask) | id;
            *slot += 1;
        }
        c.next[k] = c.ends[k];
    }
}

/// Sort each bucket of `r` (gathered from every thread's share) and keep
/// the tokens found in two or more sets.
fn shared_runs(scattered: &[Cursor], r: Range<usize>, layout: Layout) -> Runs {
    let mut out = Runs {
        recs: Vec::new(),
        ends: Vec::new(),
    };
    let mut scratch = Vec::new();
    let mut sub = [0usize; (1 << SUB_BITS) + 1];
    for b in r {
        // Gather the bucket from every thread's share, split by the next
        // bits (one counting pass, one placing pass), then sort the runs.
        let parts = || {
            scattered
                .iter()
                .map(|s| &s.entries[s.starts[b]..s.starts[b + 1]])
        };
        sub.fill(0);
        for &e in parts().flatten() {
            sub[layout.sub_bucket(e) + 1] += 1;
        }
        for d in 0..1 << SUB_BITS {
            sub[d + 1] += sub[d];
        }
        scratch.clear();
        scratch.resize(sub[1 << SUB_BITS], 0);
        let mut fill = sub;
        for &e in parts().flatten() {
            let slot = &mut fill[layout.sub_bucket(e)];
            scratch[*slot] = e;
            *slot += 1;
        }
        for d in 0..1 << SUB_BITS {
            scratch[sub[d]..sub[d + 1]].sort_unstable();
        }
        let mut i = 0;
        while i < scratch.len() {
            let tok = layout.token(scratch[i]);
            // Fast path: most tokens occur once.
            if scratch
                .get(i + 1)
                .is_none_or(|&next| layout.token(next) != tok)
            {
                i += 1;
                continue;
            }
            let start = out.recs.len();
            while let Some(&e) = scratch.get(i).filter(|&&e| layout.token(e) == tok) {
                let rec = (e & layout.mask) as u32;
                if out.recs.len() == start || out.recs.last() != Some(&rec) {
                    out.recs.push(rec);
                }
                i += 1;
            }
            // Two entries of one set (a truncation collision) are no share.
            if out.recs.len() - start >= 2 {
                out.ends.push(out.recs.len());
            } else {
                out.recs.truncate(start);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_keeps_buckets_inside_waves() {
        let l = Layout {
            mask: 0xff,
            wave_bits: 2,
            bucket_bits: 5,
        };
        assert_eq!((l.waves(), l.buckets_per_wave()), (4, 8));
        let h = 0b10111u64 << 59;
        assert_eq!((l.wave(h), l.bucket(h)), (0b10, 0b111));
        assert_eq!(l.token(0x1234), 0x1200);
        assert_eq!(ceil_log2(1), 0);
        assert_eq!(ceil_log2(9), 4);
    }

    #[test]
    fn many_waves_find_the_same_shared_tokens() {
        // 3 sets over spread-out hashes: tokens 1 and 2 are shared.
        let spread = |k: u64| k.wrapping_mul(0x9e37_79b9_7f4a_7c15) & !0xff;
        let mut sets: Vec<Vec<u64>> = vec![
            vec![spread(1), spread(2), spread(3)],
            vec![spread(1), spread(4)],
            vec![spread(2), spread(1), spread(5)],
        ];
        for s in &mut sets {
            s.sort_unstable();
        }
        let idx = build_with(&sets, 2, 1).unwrap_or_default();
        assert_eq!(idx.shared_tokens(), 2);
        assert_eq!(
            idx.shared_tokens(),
            build(&sets).map_or(0, |i| i.shared_tokens())
        );
        assert_eq!(idx.distinct, vec![3, 2, 3]);
        // Set 0 shares both tokens; the rarer (df 2) comes first.
        let mine = &idx.tokens[idx.token_start[0]..idx.token_start[1]];
        let df = |t: u32| idx.posting_start[t as usize + 1] - idx.posting_start[t as usize];
        assert_eq!(mine.iter().map(|&t| df(t)).collect::<Vec<_>>(), vec![2, 3]);
    }
}
