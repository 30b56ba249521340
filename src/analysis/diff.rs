//! Word-level diff of two texts with the `similar` crate. The ops are exact:
//! equal + delete texts concatenate to the left text, equal + insert texts
//! to the right text, spaces and punctuation included.
//!
//! Texts are cut at Unicode word boundaries (UAX #29), so words, runs of
//! spaces and punctuation marks are separate tokens. A deadline bounds the
//! work: past it `similar` finishes with coarse ops, and if those ever
//! failed to reproduce the texts the result falls back to one delete and
//! one insert, which always does.

use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};
use std::time::{Duration, Instant};
use unicode_segmentation::UnicodeSegmentation;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OpTag {
    Equal,
    Delete,
    Insert,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffOp {
    pub tag: OpTag,
    pub text: String,
}

/// Word diff of `left` → `right`, adjacent ops of one tag merged, no empty
/// ops. Within a changed stretch the deletion comes before the insertion.
pub fn word_diff(left: &str, right: &str, deadline: Duration) -> Vec<DiffOp> {
    if left == right {
        return coarse(left, right);
    }
    let old: Vec<&str> = left.split_word_bounds().collect();
    let new: Vec<&str> = right.split_word_bounds().collect();
    let until = Instant::now().checked_add(deadline);
    let raw = capture_diff_slices_deadline(Algorithm::Myers, &old, &new, until);
    let mut pieces: Vec<(OpTag, String)> = Vec::with_capacity(raw.len() * 2);
    for op in &raw {
        let (tag, o, n) = op.as_tag_tuple();
        let old_text = || old.get(o.clone()).map(|t| t.concat()).unwrap_or_default();
        let new_text = || new.get(n.clone()).map(|t| t.concat()).unwrap_or_default();
        match tag {
            DiffTag::Equal => pieces.push((OpTag::Equal, old_text())),
            DiffTag::Delete => pieces.push((OpTag::Delete, old_text())),
            DiffTag::Insert => pieces.push((OpTag::Insert, new_text())),
            DiffTag::Replace => {
                pieces.push((OpTag::Delete, old_text()));
                pieces.push((OpTag::Insert, new_text()));
            }
        }
    }
    let ops = tidy(absorb_separators(pieces));
    if reproduces(&ops, left, right) {
        ops
    } else {
        coarse(left, right)
    }
}

/// The texts each side of a diff: (equal + delete, equal + insert).
pub fn sides(ops: &[DiffOp]) -> (String, String) {
    let (mut l, mut r) = (String::new(), String::new());
    for op in ops {
        if op.tag != OpTag::Insert {
            l.push_str(&op.text);
        }
        if op.tag != OpTag::Delete {
            r.push_str(&op.text);
        }
    }
    (l, r)
}

/// Share of the longer text's characters left unchanged, 0..=1 (1 for two
/// empty texts). Tells a light edit from a rewrite.
pub fn equal_share(ops: &[DiffOp]) -> f64 {
    let count = |pred: &dyn Fn(OpTag) -> bool| -> usize {
        ops.iter()
            .filter(|o| pred(o.tag))
            .map(|o| o.text.chars().count())
            .sum()
    };
    let equal = count(&|t| t == OpTag::Equal);
    let left = equal + count(&|t| t == OpTag::Delete);
    let right = equal + count(&|t| t == OpTag::Insert);
    match left.max(right) {
        0 => 1.0,
        longest => equal as f64 / longest as f64,
    }
}

/// The largest `equal_share` a word diff of `left` and `right` can have:
/// the equal text is a common subsequence of the two token lists, so it
/// holds at most the tokens both texts have, each as often as the text
/// with fewer of it. A caller that only needs to know that a pair is a
/// rewrite can learn it here without the diff.
pub fn equal_share_bound(left: &str, right: &str) -> f64 {
    let (l, r) = (sorted_tokens(left), sorted_tokens(right));
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < l.len() && j < r.len() {
        match l[i].cmp(r[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += l[i].chars().count();
                i += 1;
                j += 1;
            }
        }
    }
    match left.chars().count().max(right.chars().count()) {
        0 => 1.0,
        longest => shared as f64 / longest as f64,
    }
}

fn sorted_tokens(text: &str) -> Vec<&str> {
    let mut t: Vec<&str> = text.split_word_bounds().collect();
    t.sort_unstable();
    t
}

fn reproduces(ops: &[DiffOp], left: &str, right: &str) -> bool {
    let (l, r) = sides(ops);
    l == left && r == right
}

/// One equal op, or one delete and one insert: exact for any texts.
fn coarse(left: &str, right: &str) -> Vec<DiffOp> {
    let op = |tag, text: &str| DiffOp {
        tag,
        text: text.to_string(),
    };
    if left == right {
        return if left.is_empty() {
            Vec::new()
        } else {
            vec![op(OpTag::Equal, left)]
        };
    }
    [op(OpTag::Delete, left), op(OpTag::Insert, right)]
        .into_iter()
        .filter(|o| !o.text.is_empty())
        .collect()
}

/// An unchanged stretch with no letters or digits (a space, a comma) that
/// sits between two changes is folded into them, so "[-a-]{+x+} [-b-]{+y+}"
/// reads as one change "[-a b-]{+x y+}".
fn absorb_separators(pieces: Vec<(OpTag, String)>) -> Vec<(OpTag, String)> {
    let mut out: Vec<(OpTag, String)> = Vec::with_capacity(pieces.len());
    for k in 0..pieces.len() {
        let (tag, text) = &pieces[k];
        let between_changes = *tag == OpTag::Equal
            && k > 0
            && pieces[k - 1].0 != OpTag::Equal
            && pieces.get(k + 1).is_some_and(|p| p.0 != OpTag::Equal);
        if between_changes && !text.chars().any(char::is_alphanumeric) {
            out.push((OpTag::Delete, text.clone()));
            out.push((OpTag::Insert, text.clone()));
        } else {
            out.push((*tag, text.clone()));
        }
    }
    out
}

/// Within each stretch of changes put all deleted text first, then all
/// inserted text (each side's order is unchanged, so the texts still
/// reproduce), merge neighbours of one tag and drop empty ops.
fn tidy(pieces: Vec<(OpTag, String)>) -> Vec<DiffOp> {
    let mut ops: Vec<DiffOp> = Vec::new();
    let (mut del, mut ins) = (String::new(), String::new());
    let flush = |ops: &mut Vec<DiffOp>, del: &mut String, ins: &mut String| {
        for (tag, text) in [(OpTag::Delete, del), (OpTag::Insert, ins)] {
            if !text.is_empty() {
                ops.push(DiffOp {
                    tag,
                    text: std::mem::take(text),
                });
            }
        }
    };
    for (tag, text) in pieces {
        match tag {
            OpTag::Delete => del.push_str(&text),
            OpTag::Insert => ins.push_str(&text),
            OpTag::Equal if text.is_empty() => {}
            OpTag::Equal => {
                flush(&mut ops, &mut del, &mut ins);
                match ops.last_mut() {
                    Some(last) if last.tag == OpTag::Equal => last.text.push_str(&text),
                    _ => ops.push(DiffOp { tag, text }),
                }
            }
        }
    }
    flush(&mut ops, &mut del, &mut ins);
    ops
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: Duration = Duration::from_millis(200);

    fn marked(ops: &[DiffOp]) -> String {
        ops.iter()
            .map(|o| match o.tag {
                OpTag::Equal => o.text.clone(),
                OpTag::Delete => format!("[-{}-]", o.text),
                OpTag::Insert => format!("{{+{}+}}", o.text),
            })
            .collect()
    }

    #[test]
    fn a_changed_word_shows_as_one_delete_and_insert() {
        let ops = word_diff(
            "The talks ended on Friday.",
            "The talks ended on Saturday.",
            T,
        );
        assert_eq!(marked(&ops), "The talks ended on [-Friday-]{+Saturday+}.");
    }

    #[test]
    fn separators_between_changes_are_folded_in() {
        let ops = word_diff("a quick brown fox", "a slow red fox", T);
        assert_eq!(marked(&ops), "a [-quick brown-]{+slow red+} fox");
    }

    #[test]
    fn punctuation_and_case_changes_are_visible() {
        let ops = word_diff(
            "Media Framing and Public Opinion",
            "Media framing and public opinion",
            T,
        );
        assert_eq!(
            marked(&ops),
            "Media [-Framing-]{+framing+} and [-Public Opinion-]{+public opinion+}"
        );
        assert_eq!(sides(&ops).0, "Media Framing and Public Opinion");
    }

    #[test]
    fn identical_and_empty_texts() {
        assert_eq!(marked(&word_diff("same text", "same text", T)), "same text");
        assert!(word_diff("", "", T).is_empty());
        assert_eq!(marked(&word_diff("", "new", T)), "{+new+}");
        assert_eq!(marked(&word_diff("old", "", T)), "[-old-]");
    }

    #[test]
    fn ops_are_merged_and_never_empty() {
        let ops = word_diff("one two three four five", "one 2 three 4 five six", T);
        assert!(ops.iter().all(|o| !o.text.is_empty()));
        assert!(ops.windows(2).all(|w| w[0].tag != w[1].tag));
    }

    #[test]
    fn a_zero_deadline_still_reproduces_both_texts() {
        let left = "word ".repeat(3000) + "end";
        let right = "term ".repeat(2000) + "word ".repeat(1000).as_str() + "fin";
        let ops = word_diff(&left, &right, Duration::ZERO);
        assert_eq!(sides(&ops), (left, right));
    }

    #[test]
    fn the_share_bound_is_never_below_the_share() {
        let mut rng = crate::dev::rng::Rng::new(17);
        let words = [
            "a", "to", "talks", "Talks", ",", " ", "  ", "東京", "é", "\n",
        ];
        let mut text = |n: usize| -> String {
            let mut s = String::new();
            for _ in 0..n {
                s.push_str(words[rng.below(words.len())]);
                s.push(' ');
            }
            s
        };
        for n in 0..60 {
            let (l, r) = (text(n), text(n / 2 + 3));
            let share = equal_share(&word_diff(&l, &r, T));
            assert!(equal_share_bound(&l, &r) >= share, "{l:?} / {r:?}");
        }
        assert_eq!(equal_share_bound("same text", "same text"), 1.0);
        assert_eq!(equal_share_bound("", ""), 1.0);
        assert!(equal_share_bound("Completely different words", "Nothing alike at all") < 0.3);
    }

    #[test]
    fn equal_share_tells_edits_from_rewrites() {
        let light = word_diff(
            "The talks ended on Friday.",
            "The talks ended on Saturday.",
            T,
        );
        let heavy = word_diff("Completely different words here", "Nothing alike at all", T);
        assert!(equal_share(&light) > 0.6);
        assert!(equal_share(&heavy) < 0.3);
        assert_eq!(equal_share(&[]), 1.0);
    }
}
