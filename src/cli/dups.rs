//! `parallax dups`: near-duplicate block pairs, within and across articles.

use super::CleanOut;
use super::args::ScopeArg;
use super::paint::{Paint, Tone, output_width};
use super::short_ids;
use crate::analysis::dups::{DupOptions, DupPair, Scope};
use crate::cache::Bound;
use crate::clean;
use crate::corpus::sanitize::Clean;
use crate::corpus::{BlockRef, Corpus};
use crate::display::wrap::{truncate, width};
use crate::report::DupJson;

pub fn print(
    corpus: &Corpus,
    cache: &Bound,
    json: bool,
    min: f64,
    scope: ScopeArg,
    paint: Paint,
    out: &mut CleanOut,
) -> anyhow::Result<()> {
    let opts = DupOptions {
        min_score: min,
        within: scope != ScopeArg::Across,
        across: scope != ScopeArg::Within,
    };
    let pairs = cache.dups(&opts);
    if json {
        // Streamed, so a large result is not held twice in memory.
        let rows = pairs.iter().map(|p| DupJson::of(corpus, p));
        return out.json_seq(rows);
    }
    print_human(corpus, &pairs, min, scope, paint, out)
}

fn scope_name(s: Scope) -> &'static str {
    match s {
        Scope::Within => "within",
        Scope::Across => "across",
    }
}

/// Each pair as a header line (scope, scores) and one excerpt line per
/// block, labelled with the article's short id and the block index.
fn print_human(
    corpus: &Corpus,
    pairs: &[DupPair],
    min: f64,
    scope: ScopeArg,
    paint: Paint,
    out: &mut CleanOut,
) -> anyhow::Result<()> {
    let ids = short_ids(corpus);
    let label = |r: BlockRef| {
        format!(
            "{} #{}",
            ids.get(r.article).map_or("?", String::as_str),
            r.block
        )
    };
    let label_w = pairs
        .iter()
        .flat_map(|p| [width(&label(p.a)), width(&label(p.b))])
        .max()
        .unwrap_or(0);
    let text_w = output_width().saturating_sub(label_w + 4).max(10);
    for (n, p) in pairs.iter().enumerate() {
        if n > 0 {
            out.blank()?;
        }
        let echo = if p.is_heading_echo(corpus) {
            "  heading echo"
        } else {
            ""
        };
        let header = clean!(
            "{:<7} jaccard {:.2}  containment {:.2}{echo}",
            scope_name(p.scope),
            p.jaccard,
            p.containment
        );
        out.line(&paint.paint(Tone::Bold, &header))?;
        for r in [p.a, p.b] {
            let l = label(r);
            let pad = " ".repeat(label_w.saturating_sub(width(&l)));
            let text = corpus.get(r).map_or("", |b| b.text.as_str());
            let line = Clean::lit("  ")
                + paint.paint(Tone::Accent, &clean!("{l}"))
                + clean!("{pad}  {}", truncate(text, text_w));
            out.line(&line)?;
        }
    }
    let within = pairs.iter().filter(|p| p.scope == Scope::Within).count();
    let echoes = pairs.iter().filter(|p| p.is_heading_echo(corpus)).count();
    let scope_text = match scope {
        ScopeArg::Within => "within articles",
        ScopeArg::Across => "across articles",
        ScopeArg::All => "within and across articles",
    };
    if !pairs.is_empty() {
        out.blank()?;
    }
    if echoes > 0 {
        let note = clean!(
            "{echoes} of the within pairs {} (layout, not repeats)",
            if echoes == 1 {
                "is a heading echo"
            } else {
                "are heading echoes"
            }
        );
        out.line(&paint.paint(Tone::Dim, &note))?;
    }
    let count = clean!(
        "{} pair{} ({within} within, {} across); score ≥ {min:.2}, {scope_text}",
        pairs.len(),
        if pairs.len() == 1 { "" } else { "s" },
        pairs.len() - within
    );
    out.line(&paint.paint(Tone::Dim, &count))?;
    Ok(())
}
