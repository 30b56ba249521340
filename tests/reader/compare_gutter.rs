//! The compare gutter's `↻` stands against the pane whose paragraph
//! repeats an earlier one of its own article: in the gutter's left column
//! for the left pane, its right column for the right one. It sat in the
//! middle (next to the right pane's text) for either side's repeat, so
//! 003's repeated caption read as 002's, and a repeat beside a moved pair
//! lost its mark to `↕`.

use super::view_driver::*;
use parallax::ui::app::App;
use parallax::ui::update::Msg;
use std::collections::HashSet;

/// The blocks of each side that repeat an earlier block of their article.
fn repeating(app: &App) -> [HashSet<usize>; 2] {
    let rows = &app.compare().data().unwrap().alignment.rows;
    let mut out = [HashSet::new(), HashSet::new()];
    for r in rows.iter() {
        let Some(rep) = r.repeat_of else { continue };
        if let (Some(b), Some(_)) = (r.left, rep.left) {
            out[0].insert(b);
        }
        if let (Some(b), Some(_)) = (r.right, rep.right) {
            out[1].insert(b);
        }
    }
    out
}

/// The gutter of `line` as three columns.
fn gutter(app: &App, line: usize) -> Vec<char> {
    let layout = app.compare().layout().unwrap();
    let text: String = layout.lines[line]
        .mark
        .iter()
        .map(|(t, _)| t.as_str())
        .collect();
    let mut cols: Vec<char> = text.chars().collect();
    cols.resize(3, ' ');
    cols
}

#[test]
fn a_repeat_mark_stands_against_the_pane_whose_paragraph_repeats() {
    let mut app = builtin((100, 30));
    let n = app.corpus().articles.len();
    let mut marked = [0, 0];
    for (l, r) in (0..n)
        .flat_map(|l| (0..n).map(move |r| (l, r)))
        .filter(|(l, r)| l != r)
    {
        app.open_compare(l, r);
        app.refresh_layouts();
        let repeats = repeating(&app);
        let layout = app.compare().layout().unwrap().clone();
        // Every repeating block drawn whole has its mark on its side.
        for pane in 0..2 {
            for (b, lines) in &layout.blocks[pane] {
                if !repeats[pane].contains(b) {
                    continue;
                }
                let col = [0, 2][pane];
                let first = gutter(&app, lines.start)[col];
                let under = gutter(&app, lines.start + 1)[col];
                assert!(
                    first == '↻' || (pane == 1 && under == '↻'),
                    "{l} ⇄ {r}: block {b} of pane {pane} unmarked"
                );
                marked[pane] += 1;
            }
        }
        // Every mark drawn names a repeat of its side.
        for line in 0..layout.lines.len() {
            let cols = gutter(&app, line);
            assert_ne!(
                cols[1], '↻',
                "{l} ⇄ {r}, line {line}: a mark of neither side"
            );
            for (pane, col) in [(0, 0), (1, 2)] {
                if cols[col] != '↻' {
                    continue;
                }
                let on = |line: usize| layout.block_on(pane, line);
                let block = on(line).or_else(|| on(line.checked_sub(1)?));
                assert!(
                    block.is_some_and(|b| repeats[pane].contains(&b)),
                    "{l} ⇄ {r}, line {line}: ↻ against pane {pane} beside {block:?}"
                );
            }
        }
    }
    assert!(
        marked[0] > 0 && marked[1] > 0,
        "repeats on both sides: {marked:?}"
    );
}

/// The review's case: 003 (left) repeats its caption; 002 beside it
/// repeats nothing. On screen the mark is in the column next to 003.
#[test]
fn the_repeated_caption_of_003_is_marked_next_to_003() {
    let mut app = builtin((80, 24));
    let (left, right) = (
        app.corpus().resolve("003").unwrap(),
        app.corpus().resolve("002").unwrap(),
    );
    app.open_compare(left, right);
    app.refresh_layouts();
    let repeats = repeating(&app);
    assert!(repeats[1].is_empty(), "002 repeats nothing");
    let layout = app.compare().layout().unwrap();
    let (_, lines) = layout.blocks[0]
        .iter()
        .find(|(b, _)| repeats[0].contains(b))
        .expect("003 repeats a block")
        .clone();
    let row = layout.drawn_row_at(lines.start).unwrap() + 1;
    for d in row.to_string().bytes() {
        app.update(Msg::Digit(d - b'0'));
    }
    act(&mut app, &[parallax::ui::action::Action::Bottom]);
    let buf = render(&app);
    // Row 2 is the first under the heads; the left pane is 38 columns.
    let gutter: String = (38..41).map(|x| buf[(x, 2)].symbol().to_string()).collect();
    assert_eq!(gutter, "↻  ", "{}", screen_text(&buf));
}
