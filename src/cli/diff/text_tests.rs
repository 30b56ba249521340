//! The text view's shortcut for rewrites printed without colour: the same
//! lines as the word diff would give, and the word diffs it skips counted.

use super::*;
use crate::analysis::diff::word_diff;
use crate::analysis::pair::Threshold;
use crate::analysis::related::RelatedIndex;
use crate::corpus::load_builtin;
use std::time::Duration;

fn text<'a>(corpus: &'a Corpus, pair: &'a PairComparison, colour: bool) -> Text<'a> {
    Text {
        corpus,
        pair,
        left: &corpus.articles[pair.left()],
        right: &corpus.articles[pair.right()],
        paint: Paint { enabled: colour },
        width: 80,
        partners: None,
    }
}

fn printed(f: impl FnOnce(&mut CleanOut) -> anyhow::Result<()>) -> String {
    let mut buf = Vec::new();
    f(&mut CleanOut::new(&mut buf)).expect("print");
    String::from_utf8(buf).expect("utf-8")
}

#[test]
fn a_plain_rewrite_prints_what_its_word_diff_would() {
    let corpus = load_builtin();
    let related = RelatedIndex::build(&corpus);
    let pair = PairComparison::new(&corpus, &related, 0, 2);
    let t = text(&corpus, &pair, false);
    let mut texts: Vec<(String, String)> = vec![
        ("a b  c\nd".into(), "x  b c\n\nd e".into()),
        ("東京 の 会議 was long".into(), "会議 in 東京, long".into()),
        ("word ".repeat(40), "term ".repeat(30) + "word"),
        (String::new(), "only right".into()),
    ];
    for (l, r) in [(0, 2), (1, 4), (3, 0), (4, 1)] {
        let p = PairComparison::new(&corpus, &related, l, r);
        for row in &p.align(Threshold::DEFAULT).rows {
            if let (Some(i), Some(j)) = (row.left, row.right) {
                let (a, b) = (&corpus.articles[l].blocks[i], &corpus.articles[r].blocks[j]);
                texts.push((a.text.clone(), b.text.clone()));
            }
        }
    }
    for (l, r) in &texts {
        let ops = word_diff(l, r, Duration::from_secs(1));
        assert_eq!(
            printed(|out| t.plain_two_texts(l, r, out)),
            printed(|out| t.two_texts(&ops, out)),
            "{l:?} / {r:?}"
        );
    }
}

#[test]
fn plain_text_output_diffs_only_rows_that_may_show_inline() {
    let corpus = load_builtin();
    let related = RelatedIndex::build(&corpus);
    let (mut shown, mut diffed) = (0, 0);
    for (l, r) in [(0, 2), (1, 4), (3, 0), (4, 1), (2, 3)] {
        let opts = AlignOptions::at(Threshold::DEFAULT);
        let changed = |pair: &PairComparison| -> Vec<(usize, usize, RowKind)> {
            let rows = pair.align(Threshold::DEFAULT).rows;
            rows.iter()
                .filter(|r| matches!(r.kind, RowKind::Near | RowKind::Related))
                .filter_map(|r| Some((r.left?, r.right?, r.kind)))
                .collect()
        };
        let plain = PairComparison::new(&corpus, &related, l, r);
        let alignment = plain.align(Threshold::DEFAULT);
        printed(|out| text(&corpus, &plain, false).print(&alignment, &opts, out));
        let may_be_inline = changed(&plain)
            .into_iter()
            .filter(|&(i, j, kind)| {
                let (a, b) = (&corpus.articles[l].blocks[i], &corpus.articles[r].blocks[j]);
                kind == RowKind::Near || equal_share_bound(&a.text, &b.text) >= INLINE_MIN_SHARE
            })
            .count();
        assert_eq!(plain.diffs_kept(), may_be_inline, "{l} {r}");
        // With colour every changed row's words are marked.
        let coloured = PairComparison::new(&corpus, &related, l, r);
        printed(|out| text(&corpus, &coloured, true).print(&alignment, &opts, out));
        assert_eq!(coloured.diffs_kept(), changed(&coloured).len(), "{l} {r}");
        shown += changed(&plain).len();
        diffed += plain.diffs_kept();
    }
    assert!(
        diffed * 2 < shown,
        "{diffed} diffs for {shown} changed rows"
    );
}
