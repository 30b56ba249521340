//! Asking the processor for memory a little before it is used. The topic
//! index's tables and per-topic lists are far larger than the caches, and
//! the next place touched is known some steps ahead (the next phrases of
//! a block, the next topics a block mentions): misses asked for together
//! overlap instead of following one another.

/// Bring the memory of `value` (every cache line it spans) towards the
/// processor. Only a hint: nothing is read into the program.
#[inline]
pub fn prefetch<T>(value: &T) {
    prefetch_span(std::ptr::from_ref(value).cast(), std::mem::size_of::<T>());
}

/// The same for the place a list's next entry will go (`list[len]`), where
/// a push or a look at the last entry lands.
#[inline]
pub fn prefetch_end<T>(list: &[T]) {
    let end = list.as_ptr().wrapping_add(list.len().saturating_sub(1));
    prefetch_span(end.cast(), 2 * std::mem::size_of::<T>());
}

#[inline]
fn prefetch_span(first: *const i8, bytes: usize) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        const LINE: usize = 64;
        let last = first.wrapping_add(bytes.max(1) - 1);
        // SAFETY: a prefetch reads nothing into the program and never
        // faults, whatever the address; SSE, which it needs, is part of
        // every x86_64 processor.
        unsafe {
            _mm_prefetch::<_MM_HINT_T0>(first);
            if bytes > LINE {
                _mm_prefetch::<_MM_HINT_T0>(first.wrapping_add(LINE));
            }
            _mm_prefetch::<_MM_HINT_T0>(last);
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (first, bytes);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asking_ahead_changes_nothing() {
        // Empty, one-entry and long lists, and values of several sizes:
        // a hint never faults or writes, whatever it points at.
        let mut list: Vec<[u64; 5]> = Vec::new();
        prefetch_end(&list);
        list.push([1; 5]);
        prefetch_end(&list);
        list.extend(std::iter::repeat_n([2; 5], 1000));
        prefetch_end(&list);
        prefetch(&list[500]);
        prefetch(&0u8);
        assert_eq!(list.len(), 1001);
        assert_eq!(list[0], [1; 5]);
    }
}
