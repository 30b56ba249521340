//! A paragraph's counterparts beyond the pairs the threshold makes: the
//! compare view's partner key, and the elsewhere view (each other article's
//! likeliest block, enter shows the two side by side). Driven through
//! `App` without a terminal.

use crate::support::app::{act, builtin, screen_text};
use parallax::analysis::partners::{PairSide, partners};
use parallax::corpus::{BlockKind, BlockRef};
use parallax::ui::action::Action;
use parallax::ui::app::{App, ScreenId};
use parallax::ui::update::Msg;

fn app(size: (u16, u16)) -> App {
    builtin(size, false)
}

fn id_of(app: &App, prefix: &str) -> usize {
    app.corpus().resolve(prefix).unwrap()
}

fn said(app: &App) -> String {
    app.message()
        .map(|m| m.as_str().to_string())
        .unwrap_or_default()
}

/// `{n}G`: row or line `n`, as a reader types it.
fn go_to(app: &mut App, n: usize) {
    for d in n.to_string().bytes() {
        app.update(Msg::Digit(d - b'0'));
    }
    act(app, &[Action::Bottom]);
}

/// The row (from 1) the compare view draws alignment row `row` in, as its
/// status line numbers it.
fn drawn_row(app: &App, row: usize) -> usize {
    let layout = app.compare().layout().unwrap();
    layout.drawn_row_at(layout.row_line[row]).unwrap() + 1
}

#[test]
fn partner_key_shows_the_paragraph_on_top_beside_its_likeliest_counterparts() {
    let mut app = app((120, 40));
    let (left, right) = (id_of(&app, "000"), id_of(&app, "002"));
    app.open_compare(left, right);
    app.refresh_layouts();
    // A left paragraph that is left unpaired at the default threshold
    // but has candidates: the partner key is for exactly those.
    let (row, block, line, ranked) = {
        let c = app.compare();
        let (data, layout) = (c.data().unwrap(), c.layout().unwrap());
        let scores = &data.comparison.scores;
        let row = data
            .alignment
            .rows
            .iter()
            .position(|r| {
                r.right.is_none()
                    && r.left.is_some_and(|b| {
                        app.corpus().articles[left].blocks[b].kind == BlockKind::Paragraph
                            && partners(scores, PairSide::Left, b, 3).len() == 3
                    })
            })
            .expect("an unpaired left paragraph with three candidates");
        let block = data.alignment.rows[row].left.unwrap();
        (
            row,
            block,
            layout.row_line[row],
            partners(scores, PairSide::Left, block, 3),
        )
    };
    // `{n}G` puts the row on top, as a reader would.
    let n = drawn_row(&app, row);
    go_to(&mut app, n);
    assert_eq!(app.compare().scroll()[0], line);
    // The right block drawn on the right pane's top line.
    let other_top = |app: &App| {
        let c = app.compare();
        let top = c.scroll()[1];
        let layout = c.layout().unwrap();
        let unit = layout
            .units
            .iter()
            .find(|u| u.pane == 1 && u.lines.contains(&top));
        unit.map(|u| u.block.block)
    };
    for (k, partner) in ranked.iter().enumerate() {
        act(&mut app, &[Action::Partner]);
        let c = app.compare();
        assert!(!c.locked(), "the panes come unlocked");
        assert_eq!(
            c.scroll()[0],
            line,
            "the left pane keeps the paragraph on top"
        );
        assert_eq!(other_top(&app), Some(partner.block), "partner {k}");
        let said = said(&app);
        // "of block 12": the 12 is the paragraph asked about, not a count
        // of partners; the partner's block written as status lines do.
        assert!(
            said.starts_with(&format!(
                "Partner {}/3 of block {block}: 002 #{} · ",
                k + 1,
                partner.block
            )),
            "{said}"
        );
        // The title gives that pair's evidence, not the row on top's.
        let title = screen_text(&app).lines().next().unwrap().to_string();
        assert!(
            title.contains(&format!("why {block}↔{}:", partner.block)),
            "{title}"
        );
    }
    // A fourth press comes back to the likeliest.
    act(&mut app, &[Action::Partner]);
    assert_eq!(other_top(&app), Some(ranked[0].block));
    // Scrolling starts again from the paragraph then on top.
    act(&mut app, &[Action::ScrollDown, Action::Partner]);
    let said = said(&app);
    assert!(said.starts_with("Partner 1/"), "{said}");
    // The lock key lines the rows up again.
    act(&mut app, &[Action::ToggleLock]);
    assert!(app.compare().locked());
    assert!(screen_text(&app).contains("Compare"));
}

/// Elsewhere of 000 #24 at 80×24.
fn app_at_24(a000: usize) -> App {
    let mut app = app((80, 24));
    app.open_reader(a000, Some(24));
    app.refresh_layouts();
    act(&mut app, &[Action::Elsewhere]);
    app
}

#[test]
fn elsewhere_lists_each_other_article_by_its_likeliest_block_and_opens_the_two_beside() {
    let mut app = app((100, 30));
    let (a000, a002) = (id_of(&app, "000"), id_of(&app, "002"));
    // The reader on 000's paragraph 24 (paired with 002's 35 in compare).
    app.open_reader(a000, Some(24));
    app.refresh_layouts();
    act(&mut app, &[Action::Elsewhere]);
    app.refresh_layouts();
    assert_eq!(app.screen(), ScreenId::Elsewhere);
    let rows = app.elsewhere().rows().to_vec();
    assert_eq!(
        rows.len(),
        app.corpus().articles.len() - 1,
        "every other article"
    );
    assert!(rows.iter().all(|r| r.article != a000));
    let sims: Vec<f64> = rows
        .iter()
        .map(|r| r.partner.map_or(-1.0, |p| p.similarity))
        .collect();
    assert!(
        sims.windows(2).all(|w| w[0] >= w[1]),
        "most likely first: {sims:?}"
    );
    let text = screen_text(&app);
    assert!(
        text.lines().next().unwrap().contains("Elsewhere · 000 #24"),
        "{text}"
    );
    assert!(text.contains("THEIR WORDS"), "{text}");
    // The selected row's evidence is under the list, whole at 80
    // columns too (the status line cuts it there).
    let why = rows[0]
        .explanation
        .as_ref()
        .map(|e| parallax::ui::screens::compare::why_parts(e).join(" · "))
        .expect("the first row has a partner");
    let mut narrow = app_at_24(a000);
    narrow.refresh_layouts();
    let shown = screen_text(&narrow);
    let lines: Vec<&str> = shown.lines().collect();
    let body = &lines[..lines.len() - 1];
    assert!(
        body.iter().any(|l| l.trim() == format!("why: {why}")),
        "on a line of its own above the status line: {shown}"
    );
    // Down to 002's row, then enter: the two side by side.
    let k = rows.iter().position(|r| r.article == a002).unwrap();
    let partner = rows[k].partner.expect("002 has a partner").block;
    assert!(rows[k].paired, "{:?}", rows[k]);
    for _ in 0..k {
        act(&mut app, &[Action::ScrollDown]);
    }
    assert!(
        screen_text(&app)
            .lines()
            .last()
            .unwrap()
            .contains(&format!("002 #{partner} · "))
    );
    act(&mut app, &[Action::Confirm]);
    app.refresh_layouts();
    assert_eq!(app.screen(), ScreenId::Compare);
    let c = app.compare();
    assert_eq!((c.left(), c.right()), (a000, a002));
    assert!(!c.locked(), "each pane shows its own block on top");
    let layout = c.layout().expect("laid out");
    let top = |pane: usize| {
        let line = c.scroll()[pane];
        layout
            .units
            .iter()
            .find(|u| u.pane == pane && u.lines.contains(&line))
            .map(|u| u.block)
    };
    assert_eq!(top(0), Some(BlockRef::new(a000, 24)));
    assert_eq!(top(1), Some(BlockRef::new(a002, partner)));
    // Back comes to the list, then to the reader.
    act(&mut app, &[Action::Back]);
    assert_eq!(app.screen(), ScreenId::Elsewhere);
    act(&mut app, &[Action::Back]);
    assert_eq!(app.screen(), ScreenId::Reader);
}

#[test]
fn elsewhere_from_the_compare_view_takes_the_focused_panes_paragraph() {
    let mut app = app((100, 30));
    let (a000, a002) = (id_of(&app, "000"), id_of(&app, "002"));
    app.open_compare(a000, a002);
    app.refresh_layouts();
    act(
        &mut app,
        &[Action::NextMatch, Action::SwitchPane, Action::ToggleLock],
    );
    let expected = {
        let c = app.compare();
        let layout = c.layout().unwrap();
        layout
            .block_from(1, c.scroll()[1])
            .expect("a right block on top")
    };
    act(&mut app, &[Action::Elsewhere]);
    app.refresh_layouts();
    assert_eq!(app.screen(), ScreenId::Elsewhere);
    let title = screen_text(&app).lines().next().unwrap().to_string();
    assert!(
        title.contains(&format!("Elsewhere · 002 #{expected}")),
        "{title}"
    );
    assert!(app.elsewhere().rows().iter().all(|r| r.article != a002));
}

#[test]
fn a_table_row_on_top_has_partners_too() {
    let mut app = app((80, 24));
    let (a000, a003) = (id_of(&app, "000"), id_of(&app, "003"));
    app.open_compare(a000, a003);
    app.refresh_layouts();
    // Each row whose left block is a table row, brought to the top: the
    // key answers for it (a table row is a block like any other), and
    // some of them share words with 003 and list partners.
    let rows: Vec<(usize, usize)> = {
        let c = app.compare();
        let data = c.data().unwrap();
        data.alignment
            .rows
            .iter()
            .enumerate()
            .filter_map(|(row, r)| {
                let b = r.left?;
                (app.corpus().articles[a000].blocks[b].kind == BlockKind::TableRow)
                    .then_some((row, b))
            })
            .collect()
    };
    assert!(!rows.is_empty(), "000 has table rows");
    let mut with_partners = 0;
    for (row, block) in rows {
        let n = drawn_row(&app, row);
        go_to(&mut app, n);
        let layout = app.compare().layout().unwrap();
        assert_eq!(layout.block_from(0, app.compare().scroll()[0]), Some(block));
        act(&mut app, &[Action::Partner]);
        let said = said(&app);
        assert!(said.contains(&format!(" {block}")), "{said}");
        if said.starts_with("Partner 1/") || said.starts_with("The only partner") {
            assert!(said.contains(&format!(" of block {block}: ")), "{said}");
            with_partners += 1;
        }
    }
    assert!(with_partners > 0, "a table row of 000 has partners in 003");
}

/// The title names the paragraph asked about as far as the width allows:
/// at 200 columns it was once cut at about 80.
#[test]
fn the_elsewhere_title_uses_the_width() {
    for (w, h) in [(80u16, 24u16), (200, 50)] {
        let mut app = app((w, h));
        let a000 = id_of(&app, "000");
        let (block, text) = app.corpus().articles[a000]
            .blocks
            .iter()
            .enumerate()
            .find(|(_, b)| b.kind == BlockKind::Paragraph && b.text.chars().count() > 300)
            .map(|(k, b)| (k, b.text.clone()))
            .expect("a long paragraph");
        app.open_reader(a000, Some(block));
        app.refresh_layouts();
        act(&mut app, &[Action::Elsewhere]);
        app.refresh_layouts();
        let title = screen_text(&app).lines().next().unwrap().to_string();
        let head = format!(" parallax │ Elsewhere · 000 #{block}: ");
        assert!(title.starts_with(&head), "{title}");
        assert_eq!(
            title.chars().count(),
            usize::from(w),
            "the whole row: {title}"
        );
        let shown = title[head.len()..].trim_end_matches('…');
        assert!(text.starts_with(shown), "{title}");
    }
}

/// A paragraph with exactly one partner: the key says it is the only one
/// and offers no "next" (pressed again it would show the same block).
#[test]
fn a_single_partner_is_said_to_be_the_only_one() {
    let mut app = app((120, 40));
    let n = app.corpus().articles.len();
    let mut found = None;
    'pairs: for (l, r) in (0..n).flat_map(|l| (0..n).map(move |r| (l, r))) {
        if l == r {
            continue;
        }
        app.open_compare(l, r);
        app.refresh_layouts();
        let data = app.compare().data().unwrap();
        for (row, aligned) in data.alignment.rows.iter().enumerate() {
            let Some(b) = aligned.left else { continue };
            let list = partners(&data.comparison.scores, PairSide::Left, b, 3);
            if list.len() == 1 {
                found = Some((row, b, list[0].block));
                break 'pairs;
            }
        }
    }
    let (row, block, partner) = found.expect("a block of the built-in corpus with one partner");
    let n = drawn_row(&app, row);
    go_to(&mut app, n);
    for _ in 0..2 {
        act(&mut app, &[Action::Partner]);
        let said = said(&app);
        assert!(
            said.starts_with(&format!("The only partner of block {block}: ")),
            "{said}"
        );
        assert!(said.contains(&format!(" #{partner} · ")), "{said}");
        assert!(!said.contains("next"), "{said}");
        assert!(!said.contains("1/1"), "{said}");
    }
}
