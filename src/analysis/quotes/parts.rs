//! Parts of a quote that the star grouping leaves apart. One outlet splits
//! a statement over two paragraphs (“The railway company will pay for
//! every hour of this clean-up,” she said. / “And it will answer …”),
//! another runs both halves together, a third rewords a little. The
//! fullest wording anchors the group and takes the run-together copy, but
//! the first half, matched against the anchor, falls short of the score
//! and would stand alone as one outlet's quote although its words are all
//! in the run-together copy.
//!
//! So a group whose anchor's words are (nearly) all in a longer wording
//! of another group, in order and close together (a score of at least
//! [`MIN_PART`] against it), joins that group when that wording is
//! carried by an article the group is not in. The group shows it as a
//! trimmed (or altered) copy of its reference. Groups are taken longest
//! anchor first, so a part of a part joins the group its whole went to.
//!
//! A quote of two or three words matches only its very words
//! (`MIN_FUZZY`), so it joins a longer wording only when it is a run of
//! it word for word, credited to the same speaker, and every wording
//! that holds it is in one group.

use super::bound::{BigramIndex, MIN_FUZZY, bigrams, enough_shared, score};
use super::extract::Quote;

/// A part's words are in a longer wording from this score on: all but
/// one in ten, close together.
const MIN_PART: f64 = 0.9;

type Node<'a> = (&'a [u32], Vec<usize>);

/// `clusters` (lists of node numbers, the anchor first, longest anchors
/// first) with each group that is a part of another's wording joined to
/// it.
pub(super) fn join_parts(
    quotes: &[Quote],
    nodes: &[Node],
    index: &BigramIndex,
    clusters: Vec<Vec<usize>>,
) -> Vec<Vec<usize>> {
    let mut shared = GramCounts {
        grams: vec![0; nodes.len()],
        touched: Vec::new(),
    };
    let mut cluster_of = vec![0; nodes.len()];
    for (c, members) in clusters.iter().enumerate() {
        for &n in members {
            cluster_of[n] = c;
        }
    }
    let articles = |n: usize| nodes[n].1.iter().map(|&q| quotes[q].at.article);
    // The cluster each one ends in: itself, or one before it.
    let mut into: Vec<usize> = (0..clusters.len()).collect();
    for (c, members) in clusters.iter().enumerate() {
        let mut own: Vec<usize> = members.iter().flat_map(|&n| articles(n)).collect();
        own.sort_unstable();
        let elsewhere = |n: usize| articles(n).any(|a| own.binary_search(&a).is_err());
        let whole = part_of(nodes, index, &mut shared, members[0], |n| {
            cluster_of[n] != c && elsewhere(n)
        });
        if let Some(n) = whole {
            // A longer wording's cluster has a longer anchor: it came
            // first, and where it ended is known.
            into[c] = into[cluster_of[n]];
        } else if let Some(n) = short_part_of(quotes, nodes, index, members[0], |n| {
            cluster_of[n] != c && elsewhere(n)
        }) {
            // Wherever each wording holding it ended, one group only.
            let mut ends = n.iter().map(|&n| into[cluster_of[n]]);
            let first = ends.next();
            if let Some(end) = first.filter(|&e| ends.all(|x| x == e)) {
                into[c] = end;
            }
        }
    }
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut at: Vec<usize> = vec![usize::MAX; clusters.len()];
    for (c, members) in clusters.into_iter().enumerate() {
        if into[c] == c {
            at[c] = out.len();
            out.push(members);
        } else {
            out[at[into[c]]].extend(members);
        }
    }
    out
}

/// The longer wordings a short quote (two or three tokens, which match
/// only their very tokens) is a run of, word for word, credited to the
/// same speaker ("painful but necessary", Roe said; "a painful but
/// necessary step", Jo Roe said). A few words say little on their own, so
/// the speaker must agree; the caller joins only when every such wording
/// is in one group.
fn short_part_of(
    quotes: &[Quote],
    nodes: &[Node],
    index: &BigramIndex,
    part: usize,
    allowed: impl Fn(usize) -> bool,
) -> Option<Vec<usize>> {
    let seq = nodes[part].0;
    if !(2..MIN_FUZZY).contains(&seq.len()) {
        return None;
    }
    let surnames = |n: usize| {
        nodes[n]
            .1
            .iter()
            .filter_map(|&q| quotes[q].speaker.as_deref()?.rsplit(' ').next())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    let own = surnames(part);
    let first = bigrams(seq).next()?;
    let found: Vec<usize> = index
        .get(&first)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .copied()
        .filter(|&n| nodes[n].0.windows(seq.len()).any(|w| w == seq))
        .filter(|&n| allowed(n) && surnames(n).iter().any(|s| own.contains(s)))
        .collect();
    (!found.is_empty()).then_some(found)
}

/// How many of one part's bigrams each node holds, counted in place
/// (every cluster asks, and a common phrase's bigrams are in thousands of
/// wordings of a large corpus), with the nodes counted, to clear.
struct GramCounts {
    grams: Vec<usize>,
    touched: Vec<usize>,
}

/// The longer wording that node `part`'s words are best found in, among
/// those `allowed` says may take it (on a tie, the first).
fn part_of(
    nodes: &[Node],
    index: &BigramIndex,
    shared: &mut GramCounts,
    part: usize,
    allowed: impl Fn(usize) -> bool,
) -> Option<usize> {
    let seq = nodes[part].0;
    if seq.len() < MIN_FUZZY {
        return None;
    }
    for gram in bigrams(seq) {
        for &n in index.get(&gram).map_or(&[][..], Vec::as_slice) {
            if nodes[n].0.len() > seq.len() {
                if shared.grams[n] == 0 {
                    shared.touched.push(n);
                }
                shared.grams[n] += 1;
            }
        }
    }
    shared.touched.sort_unstable();
    let found: Vec<(usize, usize)> = shared
        .touched
        .drain(..)
        .map(|n| (n, std::mem::take(&mut shared.grams[n])))
        .collect();
    let mut best: Option<(f64, usize)> = None;
    for (n, grams) in found {
        if !enough_shared(grams, seq.len()) || !allowed(n) {
            continue;
        }
        let s = score(seq, nodes[n].0);
        if s >= MIN_PART && best.is_none_or(|(b, _)| s > b) {
            best = Some((s, n));
        }
    }
    best.map(|(_, n)| n)
}
