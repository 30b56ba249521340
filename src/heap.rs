//! The allocator's settings: freed heap memory handed back to the system
//! between the analysis phases (`bundle`, `topics`), large blocks served
//! by `mmap`, and arenas grown in large steps (`parallel`'s pool).
//!
//! Pool threads allocate in their own glibc arenas; what a phase frees
//! stays reserved in them, and the next phase does not reuse all of it
//! (other sizes, other threads), so without `give_back` the peak grows by
//! whatever the earlier phases left behind. On 10,000 articles: 357 MiB
//! with both functions here, 365 MiB without `give_back`, 377 MiB
//! without `large_blocks_by_mmap`, 432 MiB with neither.

/// Return free heap pages to the system where the allocator allows it
/// (glibc); elsewhere nothing to do.
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases memory no allocation uses.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Make each of glibc's thread heaps [`TOP_PAD`] writable when it is
/// made. A thread's own arena (every pool thread has one) is a heap of at
/// most 64 MiB, made writable 128 KiB at first and then one `mprotect`
/// call per page it grows by: about 29,000 calls to read a cached analysis
/// of 10,000 articles (a third of its time). With 16 MiB at first a
/// cached reader launch makes 25 calls, and `list` of the files 7,300
/// instead of 10,000. Not the whole 64 MiB: the pad is also what every
/// heap keeps when it is trimmed, and 64 MiB raised the reader's peak
/// after a cold analysis of 10,000 articles from 361,416 KiB to 412,016
/// KiB (BENCHMARKS.md); 16 MiB leaves it where it was. The pad of a heap
/// is fixed when it is made, so this is called before any thread starts
/// (`cli::run`), and by the pool for other callers of the library.
/// Process-wide, so done once.
pub fn grow_in_large_steps() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        // SAFETY: mallopt only changes an allocator parameter.
        ONCE.call_once(|| unsafe {
            libc::mallopt(libc::M_TOP_PAD, TOP_PAD);
        });
    }
}

/// The first writable size of a thread heap, and what a trimmed heap keeps.
const TOP_PAD: i32 = 16 << 20;

/// Keep glibc's threshold for serving a block by `mmap` at its default
/// (128 KiB) instead of letting it rise as large blocks are freed. Once it
/// rises, large buffers of the next phase come from the arenas, where
/// freed memory stays resident until `give_back`: with the pool, the
/// 10,000-article peak then depends on the order the threads free their
/// buffers in (373–387 MiB over runs; 355–356 MiB with the threshold
/// kept). Process-wide, so done once.
pub fn large_blocks_by_mmap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        // SAFETY: mallopt only changes an allocator parameter.
        ONCE.call_once(|| unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
        });
    }
}

#[cfg(all(test, target_os = "linux", target_env = "gnu"))]
mod tests {
    use super::*;

    /// Whether the block at `p` of `len` bytes (a multiple of the page
    /// size) was served by `mmap`: such a block is rounded up to whole
    /// pages, one from the arena only to 16 bytes.
    fn mmapped(p: *const u8, len: usize) -> bool {
        // SAFETY: `p` is a live block from malloc (Rust's system allocator).
        let usable = unsafe { libc::malloc_usable_size(p as *mut libc::c_void) };
        usable >= len + 4000
    }

    /// Run in a process of its own (see the test below): whether a block
    /// comes from `mmap` depends on what the process freed before, and
    /// other tests running beside it free large blocks too.
    #[test]
    #[ignore = "run by a_large_block_is_still_mmapped_after_a_larger_one_was_freed"]
    fn large_block_check_alone() {
        large_blocks_by_mmap();
        // Freeing this would raise glibc's dynamic threshold to 8 MiB.
        drop(std::hint::black_box(vec![1u8; 8 << 20]));
        let block = std::hint::black_box(vec![1u8; 1 << 20]);
        assert!(mmapped(block.as_ptr(), block.len()));
    }

    #[test]
    fn a_large_block_is_still_mmapped_after_a_larger_one_was_freed() {
        let exe = std::env::current_exe().expect("the test binary");
        let out = std::process::Command::new(exe)
            .args([
                "--exact",
                "heap::tests::large_block_check_alone",
                "--ignored",
                "--test-threads=1",
            ])
            .output()
            .expect("run the check");
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{said}");
        assert!(said.contains("1 passed"), "the check ran: {said}");
    }
}
