//! The near-duplicate pass updated after some articles changed equals the
//! pass over the whole changed corpus, pair for pair and score for score,
//! and shingles only the changed articles.

use parallax::analysis::dups::article_sets::ArticleShingles;
use parallax::analysis::dups::incremental::{Earlier, update};
use parallax::analysis::dups::{
    DupOptions, find_duplicates, find_duplicates_and_passages, find_duplicates_showing_sets,
};
use parallax::corpus::{Article, Corpus};
use parallax::dev::synth;

fn generated(articles: usize, seed: u64) -> Corpus {
    let dir = tempfile::tempdir().expect("temp dir");
    synth::write_corpus(dir.path(), articles, seed)
        .expect("generate")
        .1
}

/// Update `before`'s pairs to `after`, matching articles by equal content.
fn updated(before: &Corpus, after: &Corpus, opts: &DupOptions) -> (Vec<String>, usize) {
    let old_pairs = find_duplicates(before, opts);
    let mut taken = vec![false; before.articles.len()];
    let same_as: Vec<Option<usize>> = after
        .articles
        .iter()
        .map(|a| {
            let i = before
                .articles
                .iter()
                .enumerate()
                .position(|(i, b)| !taken[i] && same(a, b))?;
            taken[i] = true;
            Some(i)
        })
        .collect();
    let old_sets = per_article(before);
    let mut shingled = 0;
    let sets: Vec<ArticleShingles> = after
        .articles
        .iter()
        .zip(&same_as)
        .map(|(a, s)| match s {
            Some(i) => old_sets[*i].clone(),
            None => {
                shingled += 1;
                ArticleShingles::of(a)
            }
        })
        .collect();
    let (pairs, work) = update(
        &sets,
        &Earlier {
            same_as: &same_as,
            pairs: &old_pairs,
        },
        opts,
    );
    assert_eq!(work.changed_articles, shingled);
    (pairs.iter().map(|p| format!("{p:?}")).collect(), shingled)
}

fn same(a: &Article, b: &Article) -> bool {
    a.blocks == b.blocks
}

/// Every article's shingle sets, as the cache keeps them.
fn per_article(c: &Corpus) -> Vec<ArticleShingles> {
    c.articles.iter().map(ArticleShingles::of).collect()
}

fn whole(c: &Corpus, opts: &DupOptions) -> Vec<String> {
    find_duplicates(c, opts)
        .iter()
        .map(|p| format!("{p:?}"))
        .collect()
}

#[test]
fn the_pass_that_shows_its_sets_gives_the_pairs_passages_and_the_articles_sets() {
    let c = generated(30, 11);
    let opts = DupOptions::default();
    let shown = |p: &[parallax::analysis::dups::DupPair]| -> Vec<String> {
        p.iter().map(|p| format!("{p:?}")).collect()
    };
    let per_article = per_article(&c);
    assert!(per_article.iter().all(|s| s.is_consistent()));
    // Every content block's set, as the articles' own sets hold them.
    let by_article: Vec<(parallax::corpus::BlockRef, Vec<u64>)> = per_article
        .iter()
        .enumerate()
        .flat_map(|(a, s)| {
            s.sets()
                .map(move |(b, set)| (parallax::corpus::BlockRef::new(a, b), set.to_vec()))
        })
        .collect();
    for passages in [false, true] {
        let mut seen = Vec::new();
        let (pairs, shared) = find_duplicates_showing_sets(&c, &opts, passages, |refs, sets| {
            seen = refs
                .iter()
                .copied()
                .zip(sets.iter().map(|s| s.to_vec()))
                .collect();
        });
        assert_eq!(seen, by_article, "passages: {passages}");
        assert_eq!(shown(&pairs), whole(&c, &opts), "passages: {passages}");
        if passages {
            let (_, whole_passages) = find_duplicates_and_passages(&c, &opts);
            let shared = shared.expect("asked for");
            assert!(!shared.groups.is_empty());
            assert_eq!(shared.groups, whole_passages.groups);
        } else {
            assert!(shared.is_none());
        }
    }
}

#[test]
fn one_changed_article_is_all_that_is_shingled_again() {
    let before = generated(40, 5);
    let mut after = before.clone();
    // Article 7 now repeats a paragraph of article 3 and loses its second
    // content block's text: new pairs appear and old ones go.
    let copied = before.articles[3].blocks[2].text.clone();
    let target = &mut after.articles[7];
    target.blocks[1].text = copied;
    target.blocks[3].text = "Entirely new words that nobody else wrote here today".into();
    let opts = DupOptions::default();
    assert_ne!(
        whole(&before, &opts),
        whole(&after, &opts),
        "the change matters"
    );
    for opts in [
        DupOptions::default(),
        DupOptions {
            min_score: 0.3,
            within: false,
            across: true,
        },
        DupOptions {
            min_score: 0.8,
            within: true,
            across: false,
        },
    ] {
        let (pairs, shingled) = updated(&before, &after, &opts);
        assert_eq!(shingled, 1, "only the changed article is shingled");
        assert_eq!(pairs, whole(&after, &opts), "{opts:?}");
    }
}

#[test]
fn added_removed_and_reordered_articles_keep_the_pairs_exact() {
    let before = generated(30, 9);
    let mut after = before.clone();
    let moved = after.articles.remove(4);
    after.articles.remove(10);
    after.articles.push(moved);
    let extra = generated(3, 77);
    after.articles.extend(extra.articles.iter().cloned());
    // A new article copying much of an old one: pairs across old and new.
    let mut copy = before.articles[0].clone();
    copy.id = "copy".into();
    copy.blocks[1].text.push_str(" and a few words more");
    after.articles.push(copy);
    let opts = DupOptions::default();
    let (pairs, shingled) = updated(&before, &after, &opts);
    assert_eq!(shingled, 4);
    assert_eq!(pairs, whole(&after, &opts));
}

#[test]
fn nothing_changed_means_nothing_shingled_and_the_same_pairs() {
    let c = generated(20, 2);
    let opts = DupOptions::default();
    let (pairs, shingled) = updated(&c, &c, &opts);
    assert_eq!(shingled, 0);
    assert_eq!(pairs, whole(&c, &opts));
}
