//! `parallax dups --groups`: the near-duplicates as shared passages, one
//! line per group however many blocks carry it (and, on a narrow
//! terminal, the members that do not fit on indented lines below).

use super::CleanOut;
use super::args::ScopeArg;
use super::paint::{Paint, Tone, output_width};
use super::short_ids;
use crate::analysis::dups::passages::PassageGroup;
use crate::analysis::dups::{GroupScope, find_passages};
use crate::clean;
use crate::corpus::{BlockRef, Corpus};
use crate::display::score::Score;
use crate::display::wrap::{truncate, width};
use serde::Serialize;
use std::collections::BTreeMap;

/// One member in JSON (a contract: keep the keys).
#[derive(Debug, Serialize)]
struct MemberJson<'a> {
    article: &'a str,
    block: usize,
    outlet: Option<&'a str>,
    /// Containment with the origin.
    score: f64,
}

#[derive(Debug, Serialize)]
struct GroupJson<'a> {
    members: Vec<MemberJson<'a>>,
    scope: GroupScope,
    min_score: f64,
    articles: usize,
    origin: BlockJson<'a>,
}

#[derive(Debug, Serialize)]
struct BlockJson<'a> {
    article: &'a str,
    block: usize,
}

/// Whether `--scope` keeps a group: within keeps groups with a repeat in
/// one article, across those spanning two articles or more.
fn kept(scope: ScopeArg, g: &PassageGroup) -> bool {
    match scope {
        ScopeArg::All => true,
        ScopeArg::Within => g.scope != GroupScope::Across,
        ScopeArg::Across => g.scope != GroupScope::Within,
    }
}

pub fn print(
    corpus: &Corpus,
    json: bool,
    min: f64,
    scope: ScopeArg,
    paint: Paint,
    out: &mut CleanOut,
) -> anyhow::Result<()> {
    let passages = find_passages(corpus, min);
    let groups: Vec<&PassageGroup> = passages.groups.iter().filter(|g| kept(scope, g)).collect();
    if json {
        let id = |r: BlockRef| corpus.articles.get(r.article).map_or("", |a| a.id.as_str());
        let rows = groups.iter().map(|g| GroupJson {
            members: g
                .members
                .iter()
                .map(|m| MemberJson {
                    article: id(m.block),
                    block: m.block.block,
                    outlet: corpus
                        .articles
                        .get(m.block.article)
                        .and_then(|a| a.meta.outlet.as_deref()),
                    score: m.score,
                })
                .collect(),
            scope: g.scope,
            min_score: g.min_score,
            articles: g.articles,
            origin: BlockJson {
                article: id(g.members[g.origin].block),
                block: g.members[g.origin].block.block,
            },
        });
        return out.json_seq(rows);
    }
    print_human(corpus, &groups, min, paint, out)
}

fn scope_name(s: GroupScope) -> &'static str {
    match s {
        GroupScope::Within => "within",
        GroupScope::Across => "across",
        GroupScope::Both => "both",
    }
}

/// One line per group: scope, members, articles, lowest score, where
/// (each member for a small group, with its score when below 1, else the
/// outlets with their counts; what does not fit goes on indented lines
/// below), and the start of the origin's text.
fn print_human(
    corpus: &Corpus,
    groups: &[&PassageGroup],
    min: f64,
    paint: Paint,
    out: &mut CleanOut,
) -> anyhow::Result<()> {
    let ids = short_ids(corpus);
    let total = output_width();
    for g in groups {
        let head = clean!(
            "{:<6} {:>3} blocks {:>3} {:<8}  min {}  ",
            scope_name(g.scope),
            g.members.len(),
            g.articles,
            if g.articles == 1 {
                "article"
            } else {
                "articles"
            },
            Score(g.min_score)
        );
        let place = |r: BlockRef| {
            format!(
                "{} #{}",
                ids.get(r.article).map_or("?", String::as_str),
                r.block
            )
        };
        let outlet = |r: BlockRef| {
            corpus.articles[r.article]
                .meta
                .outlet
                .clone()
                .unwrap_or_else(|| "no outlet".into())
        };
        let where_: Vec<String> = if g.members.len() <= 4 {
            g.members
                .iter()
                .map(|m| match m.score {
                    s if s >= 1.0 => place(m.block),
                    s => format!("{} ({})", place(m.block), Score(s)),
                })
                .collect()
        } else {
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for m in &g.members {
                *counts.entry(outlet(m.block)).or_default() += 1;
            }
            let mut by_count: Vec<(String, usize)> = counts.into_iter().collect();
            by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let mut shown: Vec<String> = by_count
                .iter()
                .take(3)
                .map(|(o, n)| format!("{o} ×{n}"))
                .collect();
            let more = by_count.len().saturating_sub(3);
            if more > 0 {
                shown.push(format!("{more} more outlets"));
            }
            shown
        };
        // Beside the text what fits in all but its 20 columns; the rest
        // under it, never cut: a member cut is a place the reader loses.
        let indent = width(&head);
        let keep = total.saturating_sub(indent + 20).max(10);
        let mut rows = packed(&where_, keep, total.saturating_sub(indent).max(10)).into_iter();
        let first = clean!("{}  ", rows.next().unwrap_or_default());
        let origin = corpus
            .get(g.members[g.origin].block)
            .map_or("", |b| b.text.as_str());
        let room = total.saturating_sub(indent + width(&first)).max(10);
        let line = paint.paint(Tone::Bold, &head)
            + paint.paint(Tone::Accent, &first)
            + clean!("{}", truncate(origin, room));
        out.line(&line)?;
        for row in rows {
            let row = clean!("{row}");
            out.line(&(clean!("{:indent$}", "") + paint.paint(Tone::Accent, &row)))?;
        }
    }
    if !groups.is_empty() {
        out.blank()?;
    }
    let count = |s: GroupScope| groups.iter().filter(|g| g.scope == s).count();
    let summary = clean!(
        "{} group{} ({} within, {} across, {} both); score ≥ {min:.2}",
        groups.len(),
        if groups.len() == 1 { "" } else { "s" },
        count(GroupScope::Within),
        count(GroupScope::Across),
        count(GroupScope::Both),
    );
    out.line(&paint.paint(Tone::Dim, &summary))?;
    Ok(())
}

/// `items` joined by ", " into lines: the first at most `first` columns,
/// the others `rest`; a line that goes on ends with ",". An item never
/// breaks: one wider than its line is a line of its own.
fn packed(items: &[String], first: usize, rest: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for (k, item) in items.iter().enumerate() {
        let room = if lines.is_empty() { first } else { rest };
        // ", " before the item, "," after it when one follows.
        let more = usize::from(k + 1 < items.len());
        if !line.is_empty() && width(&line) + 2 + width(item) + more > room {
            lines.push(format!("{line},"));
            line.clear();
        }
        if !line.is_empty() {
            line.push_str(", ");
        }
        line.push_str(item);
    }
    lines.push(line);
    lines
}

#[cfg(test)]
mod tests {
    use super::packed;

    #[test]
    fn items_fill_the_first_line_then_the_next_never_cut() {
        let items: Vec<String> = ["cou #8", "gaz #5", "wir #4 (0.93)", "her #12"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            packed(&items, 80, 80),
            ["cou #8, gaz #5, wir #4 (0.93), her #12"]
        );
        assert_eq!(
            packed(&items, 16, 24),
            ["cou #8, gaz #5,", "wir #4 (0.93), her #12"]
        );
        // Narrower than an item: one a line, whole.
        assert_eq!(
            packed(&items, 3, 3),
            ["cou #8,", "gaz #5,", "wir #4 (0.93),", "her #12"]
        );
        assert_eq!(packed(&[], 10, 10), [""]);
    }
}
