//! When the extractor finds too little main content (a short page), its
//! fallback reads the `<article>`, or else the whole `<body>`, as one
//! paragraph: every heading, paragraph and list item run together (words
//! glued where the markup had no whitespace between blocks), `<noscript>`
//! text kept, control characters dropped before the sanitiser could show
//! them. Such a paragraph is put back as the page's own blocks it is made
//! of, which the walk took from the markup like any other page's; when
//! the fallback read the whole body, its `<nav>` menus are left out.

use super::page_meta::loose;
use super::walk::PageBlock;
use crate::corpus::model::BlockKind;
use std::collections::{HashMap, HashSet};

/// How far (in letters and digits) past the end of one block the next may
/// start: text the walk leaves out (`<noscript>`, a button) stands between.
const GAP: usize = 256;
/// How many page blocks past the last one taken the next may be: blocks
/// the fallback left out (an `<aside>` inside the article) are skipped.
const WINDOW: usize = 64;
/// Bytes searched in all for each page block (a run normally searches
/// two windows of about `GAP` per block), so that no page, however built,
/// makes this slow: a paragraph not placed by then stays as it is.
const BUDGET_PER_BLOCK: usize = 8 * GAP;
/// Bytes searched in all for a page of few blocks.
const BUDGET_LEAST: usize = 1 << 20;

/// The extracted blocks, with each paragraph that is several page blocks
/// run together replaced by those blocks, in page order. A block the
/// fallback listed again after its container (a paragraph after the
/// `<blockquote>` holding it) is not repeated.
pub fn unflatten(extracted: Vec<PageBlock>, page: &[PageBlock]) -> Vec<PageBlock> {
    let keys: Vec<String> = page.iter().map(|b| loose(&b.text)).collect();
    let mut at: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        at.entry(k.as_str()).or_default().push(i);
    }
    let mut out = Vec::with_capacity(extracted.len());
    let mut taken: HashSet<&str> = HashSet::new();
    let mut from = 0;
    let mut budget = BUDGET_LEAST.max(page.len() * BUDGET_PER_BLOCK);
    for b in extracted {
        let key = loose(&b.text);
        if let Some(is) = at.get(key.as_str()) {
            // One of the page's own blocks.
            let again = taken.contains(key.as_str()) && is.iter().all(|&i| i < from);
            if !again {
                out.push(b);
            }
            continue;
        }
        let run = (b.kind == BlockKind::Paragraph)
            .then(|| covering(&key, &keys, from, &mut budget))
            .flatten();
        match run {
            Some(run) => {
                from = run.last().map_or(from, |&i| i + 1);
                // The body read whole has the menus too: they stay out
                // (as boilerplate, where they stand), unless they are all.
                let menus = run.iter().all(|&i| page[i].in_nav);
                for i in run.into_iter().filter(|&i| menus || !page[i].in_nav) {
                    taken.insert(&keys[i]);
                    out.push(page[i].clone());
                }
            }
            None => out.push(b),
        }
    }
    out
}

/// The page blocks from `from` on that `key` (a paragraph's letters and
/// digits) is made of, in order: at least two, covering three quarters of
/// it. `None` when it is no such run (or the budget is spent).
fn covering(key: &str, keys: &[String], from: usize, budget: &mut usize) -> Option<Vec<usize>> {
    if key.is_empty() {
        return None;
    }
    // The first: the block found nearest the start; on a tie the longest,
    // so a one-word menu item that the headline starts with loses to it.
    let mut first: Option<(usize, usize)> = None;
    for (i, k) in keys.iter().enumerate().skip(from) {
        if let Some(gap) = near(key, 0, k, budget)
            && first.is_none_or(|(g, j)| gap < g || (gap == g && k.len() > keys[j].len()))
        {
            first = Some((gap, i));
        }
        if *budget == 0 {
            return None;
        }
    }
    let (gap, i) = first?;
    let mut run = vec![i];
    let mut pos = gap + keys[i].len();
    let mut covered = keys[i].len();
    let mut next = i + 1;
    while pos < key.len() && next < keys.len() {
        // The next: among the blocks just after, the one found nearest.
        let mut pick: Option<(usize, usize)> = None;
        for (c, k) in keys.iter().enumerate().skip(next).take(WINDOW) {
            if let Some(gap) = near(key, pos, k, budget)
                && pick.is_none_or(|(g, _)| gap < g)
            {
                pick = Some((gap, c));
                if gap == 0 {
                    break;
                }
            }
        }
        if *budget == 0 {
            return None;
        }
        let Some((gap, c)) = pick else { break };
        run.push(c);
        pos += gap + keys[c].len();
        covered += keys[c].len();
        next = c + 1;
    }
    (run.len() >= 2 && covered * 4 >= key.len() * 3).then_some(run)
}

/// How far past `pos` in `key` the block `block` starts, if it starts
/// within `GAP`.
fn near(key: &str, pos: usize, block: &str, budget: &mut usize) -> Option<usize> {
    if block.is_empty() || pos + block.len() > key.len() {
        return None;
    }
    let mut end = (pos + GAP + block.len()).min(key.len());
    while !key.is_char_boundary(end) {
        end += 1;
    }
    *budget = budget.saturating_sub(end - pos);
    key[pos..end].find(block)
}
