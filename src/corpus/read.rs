//! Reading one file's bytes safely: capped, never blocking on a FIFO,
//! binary told apart from text. Shared by the loader and the link and feed
//! inputs (`remote.rs`).

use super::input::{Format, format_of_named};
use std::fs;
use std::io::Read;
use std::path::Path;

/// Bytes read from one file at most (after decompression); the rest is
/// left out with a warning.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// A collection holds many articles, so it may be larger; the limit on
/// the whole load (`--max-bytes`) still applies.
pub const MAX_COLLECTION_BYTES: u64 = 1024 * 1024 * 1024;

/// Bytes read from a file at most, by its kind.
pub fn read_cap(path: &Path) -> u64 {
    match format_of_named(path).0 {
        Format::JsonLines | Format::Csv => MAX_COLLECTION_BYTES,
        _ => MAX_FILE_BYTES,
    }
}

pub fn read_capped(path: &Path, cap: u64) -> std::io::Result<(Vec<u8>, bool)> {
    use std::os::unix::fs::OpenOptionsExt;
    // Non-blocking open: a FIFO swapped in after the type check must not
    // hang the loader; for regular files the flag changes nothing.
    let file = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    // Room for the whole file (and the byte that tells a cut) from the
    // start, as `fs::read` makes it: grown from empty, each file's text was
    // copied about ten times over. A file that grew since is still read
    // whole up to the cap (the vector grows then).
    let mut bytes = Vec::with_capacity(meta.len().min(cap) as usize + 1);
    file.take(cap + 1).read_to_end(&mut bytes)?;
    let truncated = bytes.len() as u64 > cap;
    bytes.truncate(cap as usize);
    Ok((bytes, truncated))
}

/// Outside a UTF-16 file, NUL bytes in the first 8 KiB mean binary, and so
/// does a NUL share above 1% anywhere: a text head on a sparse or padded
/// file would otherwise load as millions of placeholders.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    // Every file is scanned, so at memchr's speed rather than a byte at a
    // time: text has no NUL, and memchr skips NUL-free bytes in blocks.
    let nuls = || memchr::memchr_iter(0, bytes).count();
    let head = &bytes[..bytes.len().min(8192)];
    !utf16 && (memchr::memchr(0, head).is_some() || nuls() > bytes.len() / 100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The byte-at-a-time form `looks_binary` replaces.
    fn looks_binary_plain(bytes: &[u8]) -> bool {
        let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
        let nuls = || bytes.iter().filter(|&&b| b == 0).count();
        !utf16 && (bytes.iter().take(8192).any(|&b| b == 0) || nuls() > bytes.len() / 100)
    }

    proptest! {
        #[test]
        fn binary_is_told_as_the_plain_scan_tells_it(
            text in proptest::collection::vec(prop_oneof![Just(0u8), any::<u8>(), Just(b'a')], 0..300),
            pad in 0usize..12_000,
            nuls_after in 0usize..400,
        ) {
            // Short files, and NULs past the first 8 KiB around the 1% line.
            let mut long = vec![b'x'; pad];
            long.extend(&text);
            long.extend(std::iter::repeat_n(0u8, nuls_after));
            for bytes in [&text, &long] {
                prop_assert_eq!(looks_binary(bytes), looks_binary_plain(bytes));
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn a_file_reads_as_the_plain_read_and_cut_read_it(
            len in prop_oneof![0usize..40, 8000usize..9000, 40_000usize..70_000],
            cap in prop_oneof![0u64..40, 8000u64..9000, 60_000u64..80_000],
        ) {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 7 % 251) as u8).collect();
            let file = tempfile::NamedTempFile::new().unwrap();
            std::fs::write(file.path(), &bytes).unwrap();
            let plain = (bytes[..len.min(cap as usize)].to_vec(), len as u64 > cap);
            let got = read_capped(file.path(), cap).unwrap();
            // Read into room made once, never grown.
            prop_assert!(got.0.capacity() <= len.min(cap as usize) + 1);
            prop_assert_eq!(got, plain);
        }
    }

    #[test]
    fn a_nul_share_past_the_head_is_binary() {
        let mut bytes = vec![b'a'; 10_000];
        assert!(!looks_binary(&bytes));
        bytes.extend([0u8; 200]);
        assert!(looks_binary(&bytes));
        bytes.splice(0..0, *b"\xFF\xFE");
        assert!(!looks_binary(&bytes));
    }
}
