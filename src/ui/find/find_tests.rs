use super::*;

/// One unit of one line, `text`, in block `b`.
fn unit(text: &str, b: usize) -> TextUnit {
    TextUnit {
        source: text.to_string(),
        origin: 0,
        block: BlockRef::new(0, b),
        pane: 0,
        lines: 0..1,
        decor: 0,
    }
}

#[test]
fn one_hit_is_said_in_the_singular() {
    let mut find = Find::default();
    find.begin();
    find.typed("bolt");
    let text = "every cable and every bolt";
    let line = |_: usize, _: usize| text.to_string();
    find.refresh([1, 0, 0, 0, 0], &[unit(text, 0)], line, [0, 0], 10);
    assert_eq!(find.note(), "1/1");
    // Another text (another article) with the search still on: counted,
    // no hit current yet.
    find.accept();
    find.refresh([2, 0, 0, 0, 0], &[unit(text, 7)], line, [0, 0], 10);
    assert_eq!(find.status().as_deref(), Some("/bolt 1 hit"));
    assert_eq!(find.note(), "1 hit");
    let two = "bolt and bolt";
    let line = |_: usize, _: usize| two.to_string();
    find.refresh([3, 0, 0, 0, 0], &[unit(two, 8)], line, [0, 0], 10);
    assert_eq!(find.status().as_deref(), Some("/bolt 2 hits"));
}
