//! Fast hashing for in-process tables (the topic builder's, the shared
//! passages'): a small fast hasher, a
//! table keyed by hashes already made (no second hashing), and the hash
//! of a word's lower-case form read eight bytes at a time.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Multiply-rotate hashing (the Fx scheme) with a final avalanche, so the
/// low bits that pick a table slot depend on every input bit. Not
/// DoS-resistant, which does not matter for an in-process index, and
/// several times faster than SipHash on short keys.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        // The MurmurHash3 finaliser.
        let mut x = self.0;
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        x ^ (x >> 33)
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(load(c));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(load(rest) ^ ((rest.len() as u64) << 59));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// For keys that are already well-mixed 64-bit hashes: used as they are.
#[derive(Default, Clone, Copy)]
pub struct KeyIsHash(u64);

impl Hasher for KeyIsHash {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Not reached for `u64` keys; hashed properly all the same.
        let mut h = FastHasher::default();
        h.write(bytes);
        self.0 = h.finish();
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }
}

/// A table keyed by a hash of something (a word's lower-case form).
pub type HashedMap<V> = HashMap<u64, V, BuildHasherDefault<KeyIsHash>>;

/// For `u64` keys that are hashes already or small packed values (a few
/// code points): one folded multiply spreads each over the bits a table
/// reads, instead of SipHash's rounds.
#[derive(Default, Clone, Copy)]
pub struct FoldHasher(u64);

impl Hasher for FoldHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Not reached for `u64` keys; every byte counts all the same.
        for &b in bytes {
            self.write_u64(self.0 ^ u64::from(b));
        }
    }
    fn write_u64(&mut self, i: u64) {
        let product = u128::from(i) * 0x9e37_79b9_7f4a_7c15;
        self.0 = (product as u64) ^ ((product >> 64) as u64);
    }
}

/// The home slot of `key` in an open-addressing table of `1 << bits`
/// slots (Fibonacci hashing: the top bits of a multiply), for the tables
/// that ask for a slot before they use it (`crate::analysis::prefetch`).
/// Keys need not be hashes: packed letters or term ids spread as well.
#[inline]
pub fn home_slot(key: u64, bits: u32) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize
}

/// A table keyed by `u64`s hashed with [`FoldHasher`].
pub type FoldMap<V> = HashMap<u64, V, BuildHasherDefault<FoldHasher>>;

/// Up to eight bytes as a little-endian integer (zero above them), read
/// in at most two overlapping loads instead of a byte at a time.
#[inline]
pub fn load(b: &[u8]) -> u64 {
    let n = b.len();
    let word = |at: usize| -> u64 {
        let mut a = [0u8; 8];
        a.copy_from_slice(&b[at..at + 8]);
        u64::from_le_bytes(a)
    };
    let half = |at: usize| -> u64 {
        let mut a = [0u8; 4];
        a.copy_from_slice(&b[at..at + 4]);
        u64::from(u32::from_le_bytes(a))
    };
    let quarter = |at: usize| -> u64 { u64::from(u16::from_le_bytes([b[at], b[at + 1]])) };
    match n {
        8.. => word(0),
        4..=7 => half(0) | (half(n - 4) << (8 * (n - 4))),
        2..=3 => quarter(0) | (quarter(n - 2) << (8 * (n - 2))),
        1 => u64::from(b[0]),
        _ => 0,
    }
}

/// The high bit of every byte: set only in bytes of non-ASCII characters.
pub const HIGH: u64 = 0x8080_8080_8080_8080;

/// ASCII upper-case letters in the eight bytes lowered, every other byte
/// (other ASCII, bytes of longer UTF-8 characters) kept.
#[inline]
pub fn ascii_lower(x: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let heptets = x & LOW7;
    // High bit set where the byte is at least 'A', and where above 'Z'.
    let from_a = heptets + 0x3f3f_3f3f_3f3f_3f3f;
    let past_z = heptets + 0x2525_2525_2525_2525;
    let upper = from_a & !past_z & !x & HIGH;
    x | (upper >> 2)
}

/// Hash of a word's lower-case form: ASCII lowered eight bytes at a time,
/// anything else lower-cased by character into `buf` first.
#[inline]
pub fn lower_hash(word: &str, buf: &mut String) -> u64 {
    if let Some(h) = ascii_lower_hash(word.as_bytes()) {
        return h;
    }
    other_lower_hash(word, buf)
}

/// `lower_hash` of text that is not ASCII: lower-cased as
/// `str::to_lowercase` does, so that two words share a hash exactly when
/// their lower-case forms (what is stored and stemmed) are equal. That is
/// by character but for a capital sigma, which ends a word as "ς".
#[cold]
fn other_lower_hash(word: &str, buf: &mut String) -> u64 {
    buf.clear();
    if word.contains('Σ') {
        buf.push_str(&word.to_lowercase());
    } else {
        buf.extend(word.chars().flat_map(char::to_lowercase));
    }
    hash_lowered(buf.as_bytes())
}

/// `lower_hash` of ASCII text read eight bytes at a time; `None` when
/// the text is not ASCII.
#[inline]
fn ascii_lower_hash(bytes: &[u8]) -> Option<u64> {
    let mut h = FastHasher::default();
    let mut parts = bytes.chunks_exact(8);
    for part in &mut parts {
        let v = load(part);
        if v & HIGH != 0 {
            return None;
        }
        h.write_u64(ascii_lower(v));
    }
    let rest = parts.remainder();
    if !rest.is_empty() {
        let v = load(rest);
        if v & HIGH != 0 {
            return None;
        }
        h.write_u64(ascii_lower(v));
    }
    h.write_u64(bytes.len() as u64);
    Some(h.finish())
}

/// The hash of text whose letters are lowered already (ASCII or not).
fn hash_lowered(bytes: &[u8]) -> u64 {
    let mut h = FastHasher::default();
    for part in bytes.chunks(8) {
        h.write_u64(ascii_lower(load(part)));
    }
    h.write_u64(bytes.len() as u64);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_match_bytes_read_one_by_one() {
        let text = b"Abcdefghijklmnop";
        for len in 0..=8 {
            let by_byte = text[..len]
                .iter()
                .enumerate()
                .fold(0u64, |v, (i, &b)| v | (u64::from(b) << (8 * i)));
            assert_eq!(load(&text[..len]), by_byte, "{len}");
        }
    }

    #[test]
    fn ascii_lowering_matches_the_standard_library() {
        // Every byte value in every position.
        for b in 0..=255u8 {
            let x = u64::from_le_bytes([b, b'Q', b, 0x80, b'@', b'[', b, b'z']);
            let mut expected = x.to_le_bytes();
            expected.make_ascii_lowercase();
            assert_eq!(ascii_lower(x), u64::from_le_bytes(expected), "{b}");
        }
    }

    #[test]
    fn word_hashes_ignore_case_only() {
        let mut buf = String::new();
        let mut h = |w: &str| lower_hash(w, &mut buf);
        assert_eq!(h("Sanctions"), h("sanctions"));
        assert_eq!(h("İSTANBUL"), h("i̇stanbul"));
        assert_eq!(h("NATO"), h("nato"));
        assert_ne!(h("nato"), h("natos"));
        assert_ne!(h("ab"), h("ab\0"));
        assert_ne!(h("abcdefgh"), h("abcdefghi"));
        // A final capital sigma lowers to "ς", as the stored spelling has it.
        assert_eq!(h("ΣΟΦΟΣ"), h("σοφος"));
        assert_eq!(h("ΣΟΦΟΣ"), h(&"ΣΟΦΟΣ".to_lowercase()));
        assert_ne!(h("ΣΟΦΟΣ"), h("σοφοσ"));
        // One load or several: the same hash for the same letters.
        let long = lower_hash("Sanctions-Relief", &mut String::new());
        let mut by_parts = FastHasher::default();
        by_parts.write_u64(u64::from_le_bytes(*b"sanction"));
        by_parts.write_u64(u64::from_le_bytes(*b"s-relief"));
        by_parts.write_u64(16);
        assert_eq!(long, by_parts.finish());
        let mut short = FastHasher::default();
        short.write_u64(u64::from_le_bytes(*b"nato\0\0\0\0"));
        short.write_u64(4);
        assert_eq!(h("NaTo"), short.finish());
    }
}
