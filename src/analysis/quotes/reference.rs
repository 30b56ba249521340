//! The reference wording of a quote group, and how each occurrence
//! compares with it: the same words, trimmed, or altered.

use super::extract::Quote;
use similar::{Algorithm, DiffTag, capture_diff_slices};

/// How an occurrence's words compare with the group's reference wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Variant {
    /// The same words (case, punctuation, contractions aside).
    Same,
    /// The same words, cut at one end or both (or running further).
    Trimmed,
    /// A word changed, added or dropped inside the quote.
    Altered,
}

/// How `other` compares with `reference`: changes at the ends of one
/// kind only (words cut or run on) are trimming, any other is altering.
pub(super) fn variant(reference: &[u32], other: &[u32]) -> Variant {
    if reference == other {
        return Variant::Same;
    }
    let tags: Vec<DiffTag> = capture_diff_slices(Algorithm::Myers, reference, other)
        .iter()
        .map(|op| op.tag())
        .collect();
    let Some(first) = tags.iter().position(|&t| t == DiffTag::Equal) else {
        return Variant::Altered;
    };
    let last = tags
        .iter()
        .rposition(|&t| t == DiffTag::Equal)
        .unwrap_or(first);
    let one_kind = |ends: &[DiffTag]| {
        ends.iter().all(|&t| t == DiffTag::Delete) || ends.iter().all(|&t| t == DiffTag::Insert)
    };
    let inside_same = tags[first..=last].iter().all(|&t| t == DiffTag::Equal);
    if inside_same && one_kind(&tags[..first]) && one_kind(&tags[last + 1..]) {
        Variant::Trimmed
    } else {
        Variant::Altered
    }
}

/// The reference wording of a group: the one most articles carry; when
/// several tie, the one closest to all the others (the fewest words told
/// otherwise, summed over the articles), the earliest on a tie. The
/// longest would put a word one outlet added ("will not close" beside
/// "will close" and "may close") in the reference.
pub(super) fn reference_wording(
    quotes: &[Quote],
    nodes: &[(&[u32], Vec<usize>)],
    members: &[usize],
) -> usize {
    let articles = |n: usize| {
        let mut a: Vec<usize> = nodes[n].1.iter().map(|&q| quotes[q].at.article).collect();
        a.dedup();
        a.len()
    };
    let most = members.iter().map(|&n| articles(n)).max().unwrap_or(0);
    let tied: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&n| articles(n) == most)
        .collect();
    if tied.len() == 1 {
        return tied[0];
    }
    let apart = |r: usize| -> usize {
        members
            .iter()
            .map(|&o| told_otherwise(nodes[r].0, nodes[o].0) * articles(o))
            .sum()
    };
    tied.into_iter()
        .min_by_key(|&n| (apart(n), nodes[n].1[0]))
        .unwrap_or(members[0])
}

/// How many words `reference` gets wrong about `other`: the words of
/// `other` it lacks, and its own words not in `other` where the two
/// overlap. Words the reference runs on past the other's ends count not:
/// a full quote is no worse a reference for a trimmed copy.
fn told_otherwise(reference: &[u32], other: &[u32]) -> usize {
    let ops = capture_diff_slices(Algorithm::Myers, reference, other);
    let equal = |op: &similar::DiffOp| op.tag() == DiffTag::Equal;
    let (first, last) = match (ops.iter().position(equal), ops.iter().rposition(equal)) {
        (Some(f), Some(l)) => (f, l),
        _ => return reference.len().max(other.len()),
    };
    ops.iter()
        .enumerate()
        .map(|(k, op)| {
            let (tag, old, new) = op.as_tag_tuple();
            let inside = k > first && k < last;
            match tag {
                DiffTag::Equal => 0,
                _ if inside => old.len() + new.len(),
                _ => new.len(),
            }
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Token numbers for the words of each text, shared between texts.
    fn ids(texts: &[&str]) -> Vec<Vec<u32>> {
        let mut vocab: Vec<&str> = Vec::new();
        texts
            .iter()
            .map(|t| {
                t.split_whitespace()
                    .map(|w| match vocab.iter().position(|v| *v == w) {
                        Some(i) => i as u32,
                        None => {
                            vocab.push(w);
                            vocab.len() as u32 - 1
                        }
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn variants_tell_trimming_from_altering() {
        let s = ids(&[
            "a b c d e",
            "b c d",
            "a b X d e",
            "a b c d",
            "Z b c d e",
            "a b c d e f",
        ]);
        assert_eq!(variant(&s[0], &s[0]), Variant::Same);
        assert_eq!(variant(&s[0], &s[1]), Variant::Trimmed);
        assert_eq!(variant(&s[0], &s[2]), Variant::Altered);
        assert_eq!(variant(&s[0], &s[3]), Variant::Trimmed);
        assert_eq!(variant(&s[0], &s[4]), Variant::Altered);
        assert_eq!(variant(&s[0], &s[5]), Variant::Trimmed);
    }

    #[test]
    fn a_reference_is_told_otherwise_by_words_changed_not_by_running_on() {
        let s = ids(&[
            "we will close it next year",
            "we will not close it next year",
            "we may close it next year",
            "will close it next",
        ]);
        assert_eq!(told_otherwise(&s[0], &s[0]), 0);
        // "not" missing; "not" added.
        assert_eq!(told_otherwise(&s[0], &s[1]), 1);
        assert_eq!(told_otherwise(&s[1], &s[0]), 1);
        // "will" for "may".
        assert_eq!(told_otherwise(&s[0], &s[2]), 2);
        // Running past a trimmed copy's ends costs nothing; falling short
        // of a longer one costs its words.
        assert_eq!(told_otherwise(&s[0], &s[3]), 0);
        assert_eq!(told_otherwise(&s[3], &s[0]), 2);
    }
}
