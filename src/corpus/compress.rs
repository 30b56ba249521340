//! `.gz` and `.zst` files, decompressed with a cap on what comes out: a
//! small file that expands without end (a decompression bomb) stops at the
//! cap and is read as cut, like any other over-long file.

use super::input::Compression;
use std::io::Read;

#[derive(Debug, thiserror::Error)]
pub enum DecompressError {
    #[error("not a valid {kind} file: {source}")]
    Corrupt {
        kind: &'static str,
        source: std::io::Error,
    },
}

/// Decompress `bytes`, keeping at most `cap` bytes of output; the flag says
/// whether more would have come.
pub fn decompress(
    bytes: Vec<u8>,
    compression: Compression,
    cap: u64,
) -> Result<(Vec<u8>, bool), DecompressError> {
    match compression {
        Compression::None => Ok((bytes, false)),
        Compression::Gzip => {
            // MultiGzDecoder: `cat a.gz b.gz` is a valid gzip file.
            let reader = flate2::read::MultiGzDecoder::new(bytes.as_slice());
            read_capped(reader, cap, "gzip")
        }
        Compression::Zstd => {
            let reader =
                ruzstd::decoding::StreamingDecoder::new(bytes.as_slice()).map_err(|e| {
                    DecompressError::Corrupt {
                        kind: "zstd",
                        source: std::io::Error::other(e.to_string()),
                    }
                })?;
            read_capped(reader, cap, "zstd")
        }
    }
}

fn read_capped(
    reader: impl Read,
    cap: u64,
    kind: &'static str,
) -> Result<(Vec<u8>, bool), DecompressError> {
    let mut out = Vec::new();
    reader
        .take(cap.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|source| DecompressError::Corrupt { kind, source })?;
    let cut = out.len() as u64 > cap;
    out.truncate(cap.min(out.len() as u64) as usize);
    Ok((out, cut))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn gzip_round_trips_and_a_bomb_stops_at_the_cap() {
        let (out, cut) = decompress(gzip(b"hello"), Compression::Gzip, 100).unwrap();
        assert_eq!((out.as_slice(), cut), (&b"hello"[..], false));
        // 64 MiB of zeros packs into about 64 KiB.
        let bomb = gzip(&vec![0u8; 64 << 20]);
        assert!(bomb.len() < 1 << 20);
        let (out, cut) = decompress(bomb, Compression::Gzip, 1 << 20).unwrap();
        assert_eq!((out.len(), cut), (1 << 20, true));
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(decompress(b"not gzip".to_vec(), Compression::Gzip, 100).is_err());
        assert!(decompress(b"not zstd".to_vec(), Compression::Zstd, 100).is_err());
    }
}
