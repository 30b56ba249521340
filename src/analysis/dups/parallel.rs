//! Work split over the machine's cores with scoped threads (no thread pool,
//! no extra dependency). Results always come back in input order, so the
//! output never depends on scheduling.

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Worker threads to use: the available cores, capped.
pub fn threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(16)
}

/// `0..n` cut into consecutive chunks of at most `chunk` items.
fn chunks(n: usize, chunk: usize) -> Vec<Range<usize>> {
    let chunk = chunk.max(1);
    (0..n.div_ceil(chunk))
        .map(|i| i * chunk..((i + 1) * chunk).min(n))
        .collect()
}

/// Apply `f` to consecutive chunks of `0..n`, handing chunks out to the
/// threads one at a time (so a few expensive chunks do not leave a core
/// idle). Returns the results in chunk order.
pub fn map_chunks<R, F>(n: usize, chunk: usize, f: F) -> Vec<R>
where
    R: Send,
    F: Fn(Range<usize>) -> R + Sync,
{
    map_chunks_with(n, chunk, || (), |_, r| f(r))
}

/// `map_chunks` with per-thread scratch state made by `init` once per
/// worker thread and handed to every chunk that worker runs.
pub fn map_chunks_with<S, R, I, F>(n: usize, chunk: usize, init: I, f: F) -> Vec<R>
where
    R: Send,
    I: Fn() -> S + Sync,
    F: Fn(&mut S, Range<usize>) -> R + Sync,
{
    let work = chunks(n, chunk);
    let workers = threads().min(work.len());
    if workers <= 1 {
        let mut state = init();
        return work.into_iter().map(|r| f(&mut state, r)).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| {
                    let mut state = init();
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(range) = work.get(i) else { break };
                        mine.push((i, f(&mut state, range.clone())));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            // A worker only fails if `f` panicked: pass that panic on.
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// Cut `0..weights.len()` into at most `parts` consecutive ranges of about
/// equal total weight (for work proportional to a per-item size).
pub fn balanced_ranges(weights: &[usize], parts: usize) -> Vec<Range<usize>> {
    let parts = parts.max(1);
    let total: usize = weights.iter().sum();
    let mut out = Vec::with_capacity(parts);
    let (mut start, mut acc) = (0, 0);
    for (i, w) in weights.iter().enumerate() {
        acc += w;
        // Close a range once it holds its share of the total.
        if out.len() + 1 < parts && acc * parts >= total * (out.len() + 1) {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < weights.len() || out.is_empty() {
        out.push(start..weights.len());
    }
    out
}

/// Apply `f` to each item on its own thread (items own disjoint state);
/// results in item order.
pub fn map_mut<T, R, F>(items: &mut [T], f: F) -> Vec<R>
where
    T: Send,
    R: Send,
    F: Fn(&mut T) -> R + Sync,
{
    if items.len() <= 1 {
        return items.iter_mut().map(f).collect();
    }
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .iter_mut()
            .map(|item| {
                let f = &f;
                s.spawn(move || f(item))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_chunks_keeps_order_and_covers_everything() {
        let sums = map_chunks(1000, 7, |r| r.clone().sum::<usize>());
        assert_eq!(sums.len(), 1000usize.div_ceil(7));
        assert_eq!(sums.iter().sum::<usize>(), (0..1000).sum::<usize>());
        assert_eq!(sums[0], (0..7).sum::<usize>());
        assert!(map_chunks(0, 7, |r| r.len()).is_empty());
    }

    #[test]
    fn balanced_ranges_partition_by_weight() {
        let w = [10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
        let rs = balanced_ranges(&w, 2);
        assert_eq!(rs, vec![0..1, 1..11]);
        let rs = balanced_ranges(&[1; 9], 3);
        assert_eq!(rs, vec![0..3, 3..6, 6..9]);
        assert_eq!(balanced_ranges(&[], 4), vec![0..0]);
        let covered: usize = balanced_ranges(&[0, 0, 5, 0], 8)
            .iter()
            .map(|r| r.len())
            .sum();
        assert_eq!(covered, 4);
    }

    #[test]
    fn map_mut_updates_each_item() {
        let mut items = vec![1, 2, 3];
        let doubled = map_mut(&mut items, |x| {
            *x += 10;
            *x * 2
        });
        assert_eq!(items, vec![11, 12, 13]);
        assert_eq!(doubled, vec![22, 24, 26]);
    }
}
