//! Anchors saved against one corpus, resolved against a changed one: the
//! block is found by its text when indices shifted, clamped when the
//! article got shorter, and missing articles resolve to nothing.

use parallax::corpus::{self, BlockRef, Corpus};
use parallax::session::{Anchor, fingerprint, resolve_anchor, resolve_in};
use std::path::Path;

fn para(topic: &str, n: usize) -> String {
    format!(
        "Paragraph {n} about {topic}: the delegations met in Anchorage and \
         discussed the {topic} at length, and officials said more talks would follow."
    )
}

fn write(dir: &Path, file: &str, title: &str, paras: &[String]) {
    let text = format!("{title}\n\n{}\n", paras.join("\n\n"));
    std::fs::write(dir.join(file), text).unwrap();
}

fn load(dir: &Path) -> Corpus {
    corpus::load_paths(&[dir.to_path_buf()]).unwrap()
}

fn index_of(c: &Corpus, id: &str) -> usize {
    c.articles.iter().position(|a| a.id == id).unwrap()
}

fn text_at(c: &Corpus, r: BlockRef) -> &str {
    &c.get(r).unwrap().text
}

#[test]
fn anchors_survive_a_changed_corpus() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let ps: Vec<String> = (0..6).map(|n| para("sanctions", n)).collect();
    write(dir, "alpha.txt", "Talks in Anchorage", &ps);
    write(dir, "beta.txt", "Energy and the summit", &ps[..5]);
    write(dir, "gamma.txt", "An article that will go", &ps[..2]);
    let before = load(dir);
    let (a, b, g) = (
        index_of(&before, "alpha"),
        index_of(&before, "beta"),
        index_of(&before, "gamma"),
    );
    // Anchor the fourth paragraph of alpha, the last block of beta and a
    // paragraph of gamma.
    let alpha_block = before.articles[a]
        .blocks
        .iter()
        .position(|bl| bl.text == ps[3])
        .expect("paragraph 3 is a block");
    let alpha_anchor = Anchor::at(&before, BlockRef::new(a, alpha_block)).unwrap();
    let beta_last = before.articles[b].blocks.len() - 1;
    let beta_anchor = Anchor::at(&before, BlockRef::new(b, beta_last)).unwrap();
    let gamma_anchor = Anchor::at(&before, BlockRef::new(g, 1)).unwrap();
    assert_eq!(
        alpha_anchor.fingerprint.as_deref(),
        Some(fingerprint(&ps[3]).as_str())
    );
    // Unchanged corpus: every anchor resolves to where it was.
    assert_eq!(
        resolve_anchor(&before, &alpha_anchor),
        Some(BlockRef::new(a, alpha_block))
    );

    // Alpha gains two paragraphs at the top; beta loses its last two;
    // gamma is deleted.
    let mut grown = vec![para("energy", 10), para("energy", 11)];
    grown.extend(ps.iter().cloned());
    write(dir, "alpha.txt", "Talks in Anchorage", &grown);
    write(dir, "beta.txt", "Energy and the summit", &ps[..3]);
    std::fs::remove_file(dir.join("gamma.txt")).unwrap();
    let after = load(dir);
    let (a2, b2) = (index_of(&after, "alpha"), index_of(&after, "beta"));

    let found = resolve_anchor(&after, &alpha_anchor).expect("alpha still there");
    assert_eq!(found.article, a2);
    assert_eq!(
        found.block,
        alpha_block + 2,
        "followed its text down two blocks"
    );
    assert_eq!(text_at(&after, found), ps[3]);
    assert_eq!(resolve_in(&after, a2, &alpha_anchor), Some(alpha_block + 2));
    assert_eq!(resolve_in(&after, b2, &alpha_anchor), None);

    let clamped = resolve_anchor(&after, &beta_anchor).expect("beta still there");
    assert_eq!(
        clamped,
        BlockRef::new(b2, after.articles[b2].blocks.len() - 1),
        "beyond the end: the article's last block"
    );

    assert_eq!(resolve_anchor(&after, &gamma_anchor), None, "article gone");
}

#[test]
fn without_a_matching_text_the_index_is_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let ps: Vec<String> = (0..4).map(|n| para("grain", n)).collect();
    write(tmp.path(), "one.txt", "Grain deal", &ps);
    let c = load(tmp.path());
    let edited = Anchor {
        article: "one".into(),
        block: 2,
        fingerprint: Some(fingerprint("a paragraph that no longer exists")),
    };
    assert_eq!(resolve_anchor(&c, &edited), Some(BlockRef::new(0, 2)));
    let handwritten = Anchor {
        article: "one".into(),
        block: 1_000_000,
        fingerprint: None,
    };
    let last = c.articles[0].blocks.len() - 1;
    assert_eq!(
        resolve_anchor(&c, &handwritten),
        Some(BlockRef::new(0, last))
    );
}

#[test]
fn a_repeated_paragraph_resolves_to_the_copy_nearest_the_saved_index() {
    let tmp = tempfile::tempdir().unwrap();
    let p = para("ceasefire", 0);
    let others: Vec<String> = (1..8).map(|n| para("prisoners", n)).collect();
    let mut body = vec![p.clone()];
    body.extend(others.iter().cloned());
    body.push(p.clone());
    write(tmp.path(), "rep.txt", "Repeats", &body);
    let c = load(tmp.path());
    let copies: Vec<usize> = c.articles[0]
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.text == p)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(copies.len(), 2);
    let near_second = Anchor {
        article: "rep".into(),
        block: copies[1] - 1,
        fingerprint: Some(fingerprint(&p)),
    };
    assert_eq!(
        resolve_anchor(&c, &near_second),
        Some(BlockRef::new(0, copies[1]))
    );
    let near_first = Anchor {
        block: copies[0] + 1,
        ..near_second
    };
    assert_eq!(
        resolve_anchor(&c, &near_first),
        Some(BlockRef::new(0, copies[0]))
    );
}

#[test]
fn anchors_of_positions_that_do_not_exist_are_none() {
    let c = corpus::load_builtin();
    assert_eq!(Anchor::at(&c, BlockRef::new(99, 0)), None);
    assert_eq!(Anchor::at(&c, BlockRef::new(0, 1_000_000)), None);
    let start = Anchor::start_of(&c, 4).unwrap();
    assert_eq!(start.article, c.articles[4].id);
    assert_eq!(resolve_anchor(&c, &start), Some(BlockRef::new(4, 0)));
    assert_eq!(Anchor::start_of(&c, 5), None);
}
