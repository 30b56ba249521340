//! One cache file: what it holds and for which corpus, checked before a
//! byte of it is used.
//!
//! Layout: the magic `PRLXCACH`, a little-endian `u32` header length, the
//! header (postcard: format, parallax version, kind, key), the payload
//! (postcard), and an xxh3-64 checksum of everything before it. A file
//! cut short, bit-flipped, written by another parallax version or format,
//! or for another entry is refused with the reason; nothing is trusted
//! that does not pass every check.
//!
//! Files are written to a temporary beside the target and renamed over it,
//! so a reader sees the old file or the new one, never a mix, and two
//! writers of one entry leave one of their two (equal) files. No fsync: a
//! file torn by a power loss fails its checksum and is made again.

use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::Path;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

const MAGIC: &[u8; 8] = b"PRLXCACH";
/// Bumped whenever an entry written before would be misread, or holds
/// findings this build makes otherwise within one version (6: quotes
/// credit the speaker, not the audience or a cut title; 7: a title "of"
/// something is taken off whole; 8: a surname alone can be the one
/// person named in full elsewhere; 9: quote speakers and reference
/// wordings are read anew; 10: dates alone, outlet lines,
/// CSV rows, feed titles and files named twice are loaded otherwise;
/// 11: parliaments' and police titles leave names; 12: a speaker given by
/// role alone is the person named with it before; 13: a title-case deck
/// under the title is not an outlet; 14: quotes in other languages' marks
/// and verbs, and a part of a longer wording joins its group; 15: a
/// pronoun never takes a body named last; 16: speakers who call or
/// describe a thing, and a group's surname written as the corpus's one
/// full name with it; 17: a statement is its issuer's, or no one's; 18:
/// "the agency" is the agency named last; 19: a role in an apposition
/// after a name is that name's; 20: "He said “…”" is the person the
/// sentence before names; 21: a role holder named by surname alone,
/// "President Trump", and "they" no one; 22: whom it was told is no
/// pronoun's person, nor "In January" a name; 23: a pronoun's sentence
/// opening its paragraph looks in the paragraph before; 24: "Merkel's
/// statement" is Merkel's, an owner is no pronoun's person, an age no
/// part of a name; 25: "the White House press secretary, Sarah Huckabee
/// Sanders, said"; 26: the same read before a quote too, "The British
/// foreign secretary, Boris Johnson, said in a statement"; 27: a CSV
/// quote never closed skips its row, a copyright year dates no page; 28:
/// a short saved page keeps its blocks where the extractor's fallback ran
/// them together; 29: a page's heading never closed ends at the first
/// block after its text and a `<br>` in its text is a space, control
/// characters in its JSON-LD text and metadata are shown and counted, and
/// a mostly UTF-8 file reads only its stray bytes as Windows-1252; 30: an
/// altered wording credited to someone else stays out of a quote group;
/// 31: "was quoted as saying", "Smith & Wesson", titles such as "Border
/// Patrol Agent", and a joint credit, "Trump and Putin"; 32: "it said" is
/// a body's, never a person's, and "Ways and Means" no joint credit; 33:
/// the sentence after a quote that ended its own credits it only when it
/// is an attribution, not news of its own; 34: "The president, sitting
/// next to Shinzo Abe, said" is the president's; 35: "read a joint
/// statement from …" credits its issuers; 36: "they said" after a joint
/// credit is its names; 37: "to ask" is the subject's, "X quoted Y as
/// saying" Y's, a common noun alone no one's, a list's part may hold a
/// body's "and", and "the Center for Strategic & International Studies"
/// is one name; 38: a speaker's middle initial keeps its dot; 39: a
/// page's JSON-LD body is a block per paragraph it is written in, a page
/// or feed overwhelmingly UTF-8 is read as UTF-8 whatever charset it
/// declares, a feed not valid UTF-8 is decoded as a file is, a feed item
/// counts the hidden characters of every field it shows, the feed's title
/// and language too, and a `<br>` in a feed's or item's title is a space;
/// 40: a feed in valid UTF-8 declaring another charset reads as UTF-8;
/// 41: a fetched page or feed in the charset only its HTTP header names;
/// 42: a one-word speaker capitalised only at sentence starts, which the
/// corpus writes in lower case, credits no one; 43: a quote with words cut
/// from inside it is that quote, altered; 44: a given name also said
/// alone stays with its surname after a title, "President Donald Trump").
pub const FORMAT: u32 = 44;
/// Temporaries are `.NAME.tmp.RANDOM`, removed by `cache clear` and by
/// pruning once old.
pub const TMP_MARK: &str = ".tmp.";

#[derive(Debug, Serialize, Deserialize, PartialEq)]
struct Header {
    format: u32,
    version: String,
    kind: String,
    key: u128,
}

/// Why a cache file was not used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Damage {
    #[error("cut short")]
    Truncated,
    #[error("not a parallax cache file")]
    NotCache,
    #[error("checksum mismatch")]
    Checksum,
    #[error("written by parallax {0}")]
    OtherVersion(String),
    #[error("cache format {0}")]
    OtherFormat(u32),
    #[error("holds another entry")]
    OtherEntry,
    #[error("unreadable contents")]
    Undecodable,
    #[error("does not fit the corpus")]
    Inconsistent,
    #[error("{0}")]
    Io(String),
}

/// A writer that hashes what passes through it.
struct Summing<W> {
    inner: W,
    sum: Xxh3,
}

impl<W: Write> Write for Summing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.sum.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Write the file holding `value` as entry `kind` for `key` to `out`, as
/// it is serialised (an entry is never held whole in memory).
fn encode_into<T: Serialize>(
    out: impl Write,
    kind: &str,
    key: u128,
    value: &T,
) -> std::io::Result<()> {
    let header = Header {
        format: FORMAT,
        version: env!("CARGO_PKG_VERSION").to_string(),
        kind: kind.to_string(),
        key,
    };
    let header = postcard::to_stdvec(&header).map_err(std::io::Error::other)?;
    let mut w = Summing {
        inner: out,
        sum: Xxh3::new(),
    };
    w.write_all(MAGIC)?;
    w.write_all(&(header.len() as u32).to_le_bytes())?;
    w.write_all(&header)?;
    let mut w = postcard::to_io(value, w).map_err(std::io::Error::other)?;
    let sum = w.sum.digest();
    w.inner.write_all(&sum.to_le_bytes())?;
    w.inner.flush()
}

/// The bytes of a file holding `value` as entry `kind` for `key`.
#[cfg(test)]
pub fn encode<T: Serialize>(kind: &str, key: u128, value: &T) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing into a vector cannot fail.
    let _ = encode_into(&mut out, kind, key, value);
    out
}

/// The value in `bytes`, if they are a sound file of entry `kind` for
/// `key`.
pub fn decode<'a, T: Deserialize<'a>>(bytes: &'a [u8], kind: &str, key: u128) -> Result<T, Damage> {
    let body_len =
        bytes
            .len()
            .checked_sub(8)
            .ok_or(if bytes.starts_with(&MAGIC[..bytes.len().min(8)]) {
                Damage::Truncated
            } else {
                Damage::NotCache
            })?;
    if !bytes.starts_with(MAGIC) {
        return Err(Damage::NotCache);
    }
    let (body, sum) = bytes.split_at(body_len);
    if xxh3_64(body).to_le_bytes() != sum {
        return Err(Damage::Checksum);
    }
    let rest = &body[MAGIC.len()..];
    let (len, rest) = rest.split_at_checked(4).ok_or(Damage::Truncated)?;
    let len = u32::from_le_bytes([len[0], len[1], len[2], len[3]]) as usize;
    let (header, payload) = rest.split_at_checked(len).ok_or(Damage::Truncated)?;
    let header: Header = postcard::from_bytes(header).map_err(|_| Damage::Undecodable)?;
    if header.format != FORMAT {
        return Err(Damage::OtherFormat(header.format));
    }
    if header.version != env!("CARGO_PKG_VERSION") {
        return Err(Damage::OtherVersion(header.version));
    }
    if header.kind != kind || header.key != key {
        return Err(Damage::OtherEntry);
    }
    postcard::from_bytes(payload).map_err(|_| Damage::Undecodable)
}

/// A cache file's bytes: mapped when large (no copy, and no fresh memory
/// to fault in for them), read when small.
pub enum Bytes {
    Mapped(memmap2::Mmap),
    Read(Vec<u8>),
}

impl std::ops::Deref for Bytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Mapped(m) => m,
            Bytes::Read(v) => v,
        }
    }
}

/// Files from this size on are mapped rather than read.
const MAP_FROM: u64 = 1 << 20;

/// Read the file at `path`: `Ok(None)` when there is none. Only a regular
/// file is read (a link, FIFO or device planted at the name is refused,
/// without blocking).
///
/// A large file is memory-mapped. parallax never changes a cache file in
/// place (entries are replaced by rename, and a mapped file that is
/// removed stays readable), so the mapping cannot be cut under the
/// reader by another parallax; a file cut in place by another program
/// while it is being read would stop the process, as it would `less`.
pub fn read(path: &Path) -> Result<Option<Bytes>, Damage> {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    let io = |e: std::io::Error| Damage::Io(e.to_string());
    let mut file = match std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
    {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io(e)),
    };
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(Damage::Io("not a regular file".into()));
    }
    if meta.len() >= MAP_FROM {
        // SAFETY: see above: the file is a regular file of the private
        // cache folder, replaced by rename and never cut in place.
        let map = unsafe { memmap2::MmapOptions::new().populate().map(&file) };
        if let Ok(map) = map {
            return Ok(Some(Bytes::Mapped(map)));
        }
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.read_to_end(&mut bytes).map_err(io)?;
    Ok(Some(Bytes::Read(bytes)))
}

/// Replace `path` atomically with the file of `value` as entry `kind` for
/// `key`, written as it is serialised.
pub fn write_value<T: Serialize>(
    path: &Path,
    kind: &str,
    key: u128,
    value: &T,
) -> std::io::Result<()> {
    replace(path, |f| {
        encode_into(std::io::BufWriter::new(f), kind, key, value)
    })
}

/// Fill a temporary beside `path` with `fill`, then rename it over `path`.
fn replace(
    path: &Path,
    fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let mut builder = tempfile::Builder::new();
    let prefix = format!(".{name}{TMP_MARK}");
    builder.prefix(&prefix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o600));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    fill(tmp.as_file_mut())?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sound_file_decodes_and_every_damage_is_named() {
        let bytes = encode("topics", 7, &vec![1u32, 2, 3]);
        assert_eq!(decode::<Vec<u32>>(&bytes, "topics", 7), Ok(vec![1, 2, 3]));
        assert_eq!(
            decode::<Vec<u32>>(&bytes, "topics", 8),
            Err(Damage::OtherEntry)
        );
        assert_eq!(
            decode::<Vec<u32>>(&bytes, "related", 7),
            Err(Damage::OtherEntry)
        );
        for cut in [0, 3, 8, 12, bytes.len() - 1] {
            assert!(
                decode::<Vec<u32>>(&bytes[..cut], "topics", 7).is_err(),
                "{cut}"
            );
        }
        assert_eq!(
            decode::<Vec<u32>>(&bytes[..4], "topics", 7),
            Err(Damage::Truncated)
        );
        let mut flipped = bytes.clone();
        flipped[20] ^= 1;
        assert_eq!(
            decode::<Vec<u32>>(&flipped, "topics", 7),
            Err(Damage::Checksum)
        );
        assert_eq!(
            decode::<Vec<u32>>(b"garbage, not a cache file at all", "topics", 7),
            Err(Damage::NotCache)
        );
    }

    #[test]
    fn another_version_is_stale() {
        let header = Header {
            format: FORMAT,
            version: "0.0.0-old".into(),
            kind: "topics".into(),
            key: 7,
        };
        let header = postcard::to_stdvec(&header).unwrap();
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&(header.len() as u32).to_le_bytes());
        out.extend_from_slice(&header);
        let mut out = postcard::to_extend(&vec![1u32], out).unwrap();
        let sum = xxh3_64(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        assert_eq!(
            decode::<Vec<u32>>(&out, "topics", 7),
            Err(Damage::OtherVersion("0.0.0-old".into()))
        );
    }

    #[test]
    fn writes_replace_whole_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("entry");
        write_value(&path, "k", 1, &1u32).unwrap();
        write_value(&path, "k", 1, &2u32).unwrap();
        let bytes = read(&path).unwrap().unwrap();
        assert_eq!(*bytes, encode("k", 1, &2u32), "streamed as encoded");
        assert_eq!(decode::<u32>(&bytes, "k", 1), Ok(2));
        assert!(read(&dir.path().join("none")).unwrap().is_none());
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary left");
    }
}
