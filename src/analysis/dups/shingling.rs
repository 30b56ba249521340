//! Shingle sets for the whole corpus, fast: the same values as
//! `shingle::shingles` (a test holds them equal on adversarial text), but
//! words are hashed in place instead of allocated one by one, and all sets
//! live in a few flat arrays built on every core.

use crate::analysis::shingle::{self, FNV_OFFSET, FNV_PRIME, K, combine};
use crate::corpus::{BlockRef, Corpus};
use crate::parallel;

/// Blocks per work unit: large enough to amortise, small enough to balance.
const CHUNK: usize = 2048;

/// The shingle sets of a list of blocks, stored flat: set `i` is a sorted,
/// de-duplicated slice.
#[derive(Debug, Clone, Default)]
pub struct ShingleSets {
    /// One flat array per work unit, with each set's end offset in it.
    parts: Vec<(Vec<usize>, Vec<u64>)>,
    /// Which part, and where in it, set `i` starts.
    index: Vec<(u32, usize, usize)>,
}

impl ShingleSets {
    /// Shingle the named blocks (an unresolvable reference gives an empty
    /// set).
    pub fn of_blocks(corpus: &Corpus, refs: &[BlockRef]) -> ShingleSets {
        let parts = parallel::map_chunks(refs.len(), CHUNK, |r| {
            let mut ends = Vec::with_capacity(r.len());
            let mut flat = Vec::new();
            let mut words = Vec::new();
            for &br in &refs[r] {
                if let Some(b) = corpus.get(br) {
                    shingles_into(&b.text, &mut words, &mut flat);
                }
                ends.push(flat.len());
            }
            flat.shrink_to_fit();
            (ends, flat)
        });
        let mut index = Vec::with_capacity(refs.len());
        for (p, (ends, _)) in parts.iter().enumerate() {
            let mut start = 0;
            for &end in ends {
                index.push((p as u32, start, end));
                start = end;
            }
        }
        ShingleSets { parts, index }
    }

    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// Set `i` (empty when out of range).
    pub fn get(&self, i: usize) -> &[u64] {
        self.index
            .get(i)
            .and_then(|&(p, s, e)| self.parts.get(p as usize)?.1.get(s..e))
            .unwrap_or(&[])
    }

    /// Every set as a slice, in order: what `JoinIndex` takes.
    pub fn slices(&self) -> Vec<&[u64]> {
        (0..self.len()).map(|i| self.get(i)).collect()
    }

    /// Total shingles over all sets.
    pub fn total(&self) -> usize {
        self.parts.iter().map(|(_, flat)| flat.len()).sum()
    }
}

/// Append the shingle set of `text` (sorted, de-duplicated, equal to
/// `shingle::shingles(text)`) to `out`; `words` is scratch space.
pub fn shingles_into(text: &str, words: &mut Vec<u64>, out: &mut Vec<u64>) {
    words.clear();
    word_hashes(text, words);
    let start = out.len();
    if words.is_empty() {
        return;
    }
    if words.len() < K {
        out.push(combine(words));
    } else {
        out.extend(words.windows(K).map(combine));
    }
    out[start..].sort_unstable();
    let mut keep = start;
    for i in start..out.len() {
        if i == start || out[i] != out[keep - 1] {
            out[keep] = out[i];
            keep += 1;
        }
    }
    out.truncate(keep);
}

/// FNV-1a of each lower-cased alphanumeric run, as `shingle::fnv1a` of
/// `text::words`. ASCII words are lower-cased and hashed byte by byte as
/// they are scanned; a word with any other character goes through
/// `str::to_lowercase`, which has the context rules (final sigma) that
/// per-character mapping lacks.
fn word_hashes(text: &str, out: &mut Vec<u64>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b >= 0x80 {
            let (alnum, len) = char_at(text, i);
            i = if alnum {
                slow_word(text, i, out)
            } else {
                i + len
            };
            continue;
        }
        if ASCII_WORD[usize::from(b)] == 0 {
            i += 1;
            continue;
        }
        let start = i;
        let mut h = FNV_OFFSET;
        while let Some(&lower) = bytes
            .get(i)
            .map(|&b| &ASCII_WORD[usize::from(b)])
            .filter(|&&l| l != 0)
        {
            h = (h ^ u64::from(lower)).wrapping_mul(FNV_PRIME);
            i += 1;
        }
        // The word goes on with a non-ASCII letter: hash it the slow way.
        if bytes.get(i).is_some_and(|&b| b >= 0x80) && char_at(text, i).0 {
            i = slow_word(text, start, out);
        } else {
            out.push(h);
        }
    }
}

/// Hash the word starting at byte `start` through `str::to_lowercase`;
/// returns where it ends.
fn slow_word(text: &str, start: usize, out: &mut Vec<u64>) -> usize {
    let mut i = start;
    loop {
        let (alnum, len) = char_at(text, i);
        if !alnum || i >= text.len() {
            break;
        }
        i += len;
    }
    let word = text.get(start..i).unwrap_or("");
    out.push(shingle::fnv1a(word.to_lowercase().as_bytes()));
    i
}

/// Whether the character at byte `i` (a char boundary) is alphanumeric,
/// and its length in bytes.
#[inline]
fn char_at(text: &str, i: usize) -> (bool, usize) {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => (b.is_ascii_alphanumeric(), 1),
        Some(_) => text
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8())),
        None => (false, 1),
    }
}

/// For each byte: its lower-case form if it is an ASCII letter or digit,
/// else 0 (one table load instead of range tests in the hot loop).
const ASCII_WORD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load_builtin;

    fn fast(text: &str) -> Vec<u64> {
        let mut out = vec![7, 8, 9];
        shingles_into(text, &mut Vec::new(), &mut out);
        out.split_off(3)
    }

    #[test]
    fn equals_the_reference_shingles_on_tricky_text() {
        let texts = [
            "",
            "   ...  ",
            "One",
            "Key Takeaways",
            "one two three four",
            "one two three four five",
            "One, two; THREE four five six seven eight nine ten one two three four five",
            "Alaska’s summit — Putin’s “reset”: 2025-08-15, 3 p.m. (AKDT)",
            "ΟΔΥΣΣΕΥΣ ΣΟΦΟΣ and ΣΑΣ: final sigma in Greek words",
            "İstanbul DIŞ İŞLERİ Bakanlığı açıklama yaptı bugün",
            "Straße Größe ÆØÅ café naïve résumé coöperate ﬁnance",
            "中文 文本 没有 空格 但是 这里 有 空格 分隔 的 词",
            "emoji 😀 between 👍🏽 words and ZWJ 👩‍👩‍👧 family units here",
            "tab\tand\u{a0}nbsp\u{2009}thin space and CAPS-LOCK word-joined",
            "ǅemal ǈubljana ǋ titlecase digraphs Ⅻ roman numeral ①②③ circled",
            "the the the the the the the the the the the",
        ];
        for t in texts {
            assert_eq!(fast(t), shingle::shingles(t), "{t:?}");
        }
    }

    #[test]
    fn equals_the_reference_on_random_mixed_script_text() {
        let alphabet: Vec<char> = "aZ9 ,.-’ΣσςΟΔİıßÆéü\u{301}\u{200d}中文😀ǅⅫ①\t\u{a0}"
            .chars()
            .collect();
        let mut rng = crate::dev::rng::Rng::new(99);
        for _ in 0..3000 {
            let len = rng.below(40);
            let text: String = (0..len)
                .map(|_| alphabet[rng.below(alphabet.len())])
                .collect();
            assert_eq!(fast(&text), shingle::shingles(&text), "{text:?}");
        }
    }

    #[test]
    fn equals_the_reference_on_the_builtin_corpus() {
        let c = load_builtin();
        let refs: Vec<BlockRef> = c
            .articles
            .iter()
            .enumerate()
            .flat_map(|(a, art)| (0..art.blocks.len()).map(move |b| BlockRef::new(a, b)))
            .collect();
        let sets = ShingleSets::of_blocks(&c, &refs);
        assert_eq!(sets.len(), refs.len());
        for (i, &r) in refs.iter().enumerate() {
            let text = c.get(r).map_or("", |b| b.text.as_str());
            assert_eq!(sets.get(i), shingle::shingles(text).as_slice());
        }
        assert_eq!(sets.get(refs.len()), &[] as &[u64]);
        assert_eq!(
            sets.total(),
            sets.slices().iter().map(|s| s.len()).sum::<usize>()
        );
    }
}
