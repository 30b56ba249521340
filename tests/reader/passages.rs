//! The shared-passages view, driven by keys without a terminal and drawn
//! with ratatui's TestBackend: on the built-in corpus 004's repeated intro
//! and 003's repeated caption are listed and open side by side with the
//! word diff (003's extra space shows as a difference); the reader marks
//! shared paragraphs and follows them; the help explains every mark a view
//! draws. The quotes view is in `quote_copies.rs`.

use super::view_driver::*;
use parallax::ui::action::{Action, ViewId};
use parallax::ui::app::ScreenId;
use parallax::ui::keymap::Keymap;
use parallax::ui::overlays::help::help_lines;
use parallax::ui::overlays::marks::marks;
use parallax::ui::styled::Tag;
use ratatui::style::Modifier;

#[test]
fn the_passages_view_lists_004s_intro_and_003s_caption() {
    let mut app = builtin((100, 30));
    act(&mut app, &[Action::Passages]);
    assert_eq!(app.screen(), ScreenId::Passages);
    let text = screen_text(&render(&app));
    assert!(
        text.contains("Shared passages · 7 · 3 across articles · 4 within one"),
        "{text}"
    );
    let intro = passage_of(&app, "004", 4);
    let caption = passage_of(&app, "003", 8);
    assert_eq!(passage_of(&app, "004", 6), intro);
    assert_eq!(passage_of(&app, "003", 9), caption);
    let lines: Vec<&str> = text.lines().collect();
    // Row 0 is the title, row 1 the column heads, then one row per group.
    assert!(
        lines[2 + intro].starts_with("↻ Putin Trump meeting momentum"),
        "{text}"
    );
    assert!(
        lines[2 + caption].starts_with("↻ The President of the United States"),
        "{text}"
    );
    // Widest spread first: the groups across articles come first (000's
    // heading and 002's, the same words in another case, are edited).
    assert!(
        lines[2].starts_with("≈ Media Framing") && intro > 2 && caption > 2,
        "{text}"
    );
}

#[test]
fn opening_004s_intro_shows_the_repeat_beside_its_first_occurrence() {
    let mut app = builtin((80, 24));
    let g = passage_of(&app, "004", 4);
    open_passage(&mut app, g);
    let buf = render(&app);
    let text = screen_text(&buf);
    insta::assert_snapshot!("passages_004_intro_80x24", text);
    let heads = row_text(&buf, 1);
    assert!(heads.starts_with("004 #4 · THE MAG POST"), "{heads}");
    assert!(heads.contains("004 #6 · THE MAG POST"), "{heads}");
    // Identical copies: `=` in the gutter, no word marked on either side.
    assert_eq!(buf[(39, 2)].symbol(), "=");
    for y in 2..buf.area.height - 1 {
        for x in 0..buf.area.width {
            assert!(
                !buf[(x, y)].modifier.contains(Modifier::REVERSED),
                "({x},{y})"
            );
        }
    }
}

#[test]
fn opening_003s_caption_shows_the_extra_space_as_a_difference() {
    let mut app = builtin((80, 24));
    let g = passage_of(&app, "003", 8);
    open_passage(&mut app, g);
    let buf = render(&app);
    insta::assert_snapshot!("passages_003_caption_80x24", screen_text(&buf));
    assert_eq!(buf[(39, 2)].symbol(), "≈", "the copies differ");
    // "The White  House" on the left, "The White House" on the right: the
    // space between is deleted text on the left (reversed without colour)
    // and inserted text on the right (underlined).
    let (y, lx, rx) = (2..buf.area.height)
        .find_map(|y| Some((y, find(&buf, y, 0, "White")?, find(&buf, y, 41, "White")?)))
        .expect("White on both sides");
    let left_space = &buf[(lx + 5, y)];
    let right_space = &buf[(rx + 5, y)];
    assert_eq!(left_space.symbol(), " ");
    assert!(
        left_space.modifier.contains(Modifier::REVERSED),
        "{left_space:?}"
    );
    assert!(
        right_space.modifier.contains(Modifier::UNDERLINED),
        "{right_space:?}"
    );
    // Every other character is unchanged on both sides.
    let marked = (0..buf.area.width)
        .flat_map(|x| (2..buf.area.height - 1).map(move |y| (x, y)))
        .filter(|&(x, y)| {
            let m = buf[(x, y)].modifier;
            m.contains(Modifier::REVERSED) || m.contains(Modifier::UNDERLINED)
        })
        .count();
    assert_eq!(marked, 2);
}

#[test]
fn the_reader_marks_shared_paragraphs_and_follows_them() {
    let mut app = builtin((100, 30));
    let intro = app.corpus().resolve("004").unwrap();
    app.open_reader(intro, Some(6));
    let text = screen_text(&render(&app));
    let first = text.lines().nth(1).unwrap_or_default();
    assert!(first.starts_with("  ↻ repeats block 4"), "{text}");
    let second = text.lines().nth(2).unwrap_or_default();
    assert!(
        second.starts_with("↻ Putin Trump meeting momentum"),
        "{text}"
    );
    act(&mut app, &[Action::FollowPassage]);
    assert_eq!(app.screen(), ScreenId::Variants);
    let heads = row_text(&render(&app), 1);
    assert!(
        heads.starts_with("004 #4") && heads.contains("004 #6"),
        "{heads}"
    );
    // Back to the reader; a paragraph shared with edits in another article.
    act(&mut app, &[Action::Back]);
    assert_eq!(app.screen(), ScreenId::Reader);
    let a = app.corpus().resolve("000").unwrap();
    app.open_reader(a, Some(30));
    let text = screen_text(&render(&app));
    assert!(
        text.lines()
            .nth(1)
            .unwrap_or_default()
            .starts_with("≈ Media Framing and Public Opinion"),
        "{text}"
    );
    act(&mut app, &[Action::FollowQuote]);
    assert_eq!(
        app.message().map(|m| m.to_string()).as_deref(),
        Some("No quote on screen")
    );
}

#[test]
fn help_explains_every_mark_a_view_draws() {
    let keymap = Keymap::default_keymap();
    let has = |view: ViewId, glyph: &str| {
        marks(view)
            .iter()
            .any(|(m, _)| m.split(' ').any(|g| g == glyph))
    };
    // The reader's margin marks and the compare view's gutter marks, as
    // drawn on the built-in corpus and the quotes corpus.
    for mut app in [builtin((100, 30)), quotes_corpus((100, 30))] {
        for article in 0..app.corpus().articles.len() {
            app.open_reader(article, None);
            for line in &app.reader().layout().unwrap().lines {
                for (text, tag) in line.iter().take(2) {
                    if matches!(tag, Tag::Mark | Tag::Repeat) {
                        let glyph = text.split_whitespace().next().unwrap_or("");
                        assert!(has(ViewId::Reader, glyph), "reader mark {glyph:?}");
                    }
                }
            }
        }
        let n = app.corpus().articles.len();
        for (l, r) in (0..n)
            .flat_map(|l| (0..n).map(move |r| (l, r)))
            .filter(|(l, r)| l != r)
        {
            app.open_compare(l, r);
            for line in &app.compare().layout().unwrap().lines {
                let mark: String = line.mark.iter().map(|(t, _)| t.as_str()).collect();
                for glyph in mark.split_whitespace().flat_map(|m| m.chars()) {
                    assert!(
                        has(ViewId::Compare, &glyph.to_string()),
                        "compare mark {glyph:?}"
                    );
                }
            }
        }
    }
    for mark in ["=", "≈", "↻"] {
        assert!(has(ViewId::Passages, mark));
    }
    assert!(has(ViewId::Quotes, "≠"));
    // The help shows the marks of the view under it and of the palette.
    let text: String = help_lines(&keymap, ViewId::Reader, 120)
        .iter()
        .map(|l| l.iter().map(|(t, _)| t.as_str()).collect::<String>() + "\n")
        .collect();
    assert!(text.contains("Marks"), "{text}");
    assert!(text.contains(" ≈ in the margin"), "{text}");
    assert!(text.contains(" § # @ "), "{text}");
}

#[test]
fn the_new_views_render_at_small_odd_and_huge_sizes() {
    for size in [
        (0, 0),
        (1, 1),
        (3, 2),
        (10, 3),
        (19, 4),
        (20, 5),
        (40, 8),
        (80, 24),
        (500, 200),
    ] {
        let mut app = quotes_corpus(size);
        for setup in [
            &[Action::Quotes][..],
            &[Action::Quotes, Action::Confirm][..],
            &[Action::Passages][..],
            &[
                Action::Passages,
                Action::Confirm,
                Action::NextMember,
                Action::PageDown,
            ][..],
            &[Action::Quotes, Action::Bottom, Action::Confirm][..],
            &[Action::Passages, Action::Help, Action::Bottom][..],
        ] {
            act(&mut app, &[Action::Library]);
            act(&mut app, setup);
            let buf = render(&app);
            assert_eq!(
                (buf.area.width, buf.area.height),
                app.size(),
                "{setup:?} at {size:?}"
            );
            act(&mut app, &[Action::Back, Action::Back]);
        }
    }
}

#[test]
fn y_copies_both_copies_shown_side_by_side() {
    let mut app = builtin((80, 24));
    let g = passage_of(&app, "004", 4);
    open_passage(&mut app, g);
    assert_eq!(
        app.update(parallax::ui::update::Msg::Action(Action::Copy)),
        parallax::ui::app::Effect::Copy
    );
    let copied = app.take_copied().expect("text to copy");
    assert!(
        copied.what.contains("block 4")
            && copied.what.contains(" and ")
            && copied.what.contains("block 6"),
        "{}",
        copied.what
    );
    let intro = &app.corpus().articles[app.corpus().resolve("004").unwrap()].blocks[4].text;
    assert_eq!(
        copied.text.matches(intro.as_str()).count(),
        2,
        "both copies, whole"
    );
}

/// `/` narrows the passages to those whose text or outlets hold the
/// phrase; enter then opens the passage kept, not the one at that row of
/// the whole list.
#[test]
fn slash_filters_the_passages_and_enter_opens_the_one_kept() {
    let mut app = builtin((100, 30));
    act(&mut app, &[Action::Passages]);
    let caption = passage_of(&app, "003", 8);
    act(&mut app, &[Action::Search]);
    for c in "United States".chars() {
        crate::typed::send(&mut app, crossterm::event::KeyCode::Char(c));
    }
    crate::typed::send(&mut app, crossterm::event::KeyCode::Enter);
    let text = screen_text(&render(&app));
    assert!(text.contains("filter “United States”: 1"), "{text}");
    assert!(
        text.lines().nth(2).unwrap().starts_with("↻ The President"),
        "{text}"
    );
    assert_eq!(app.passages().selected(), caption);
    act(&mut app, &[Action::Confirm]);
    assert_eq!(app.screen(), ScreenId::Variants);
    act(&mut app, &[Action::Back, Action::Back]);
    assert_eq!(app.screen(), ScreenId::Passages);
    let text = screen_text(&render(&app));
    assert!(
        text.contains("Shared passages · 7 ·") && !text.contains("filter"),
        "{text}"
    );
}

/// The status line counts articles as words do: a repeat within one
/// article is "origin and 1 copy within one article", not "in 1
/// articles"; the origin is not counted as one of its copies.
#[test]
fn the_status_says_a_repeat_within_one_article_once() {
    let mut app = builtin((100, 30));
    act(&mut app, &[Action::Passages, Action::Top]);
    let intro = passage_of(&app, "004", 4);
    act(&mut app, &vec![Action::ScrollDown; intro]);
    let text = screen_text(&render(&app));
    let status = text.lines().last().unwrap();
    assert!(
        status.contains(" · origin and 1 copy within one article · lowest score 1.00"),
        "{status}"
    );
    // Across articles, the articles counted.
    act(&mut app, &[Action::Top]);
    let text = screen_text(&render(&app));
    let status = text.lines().last().unwrap();
    assert!(
        status.contains(" · origin and 1 copy in 2 articles · lowest score 1.00"),
        "{status}"
    );
}

/// Side by side, a passage's origin is on the left and each copy on the
/// right in turn, so "score 1.00 with the origin" is the score of the two
/// texts shown: the first copy was on the left, and the origin itself was
/// called "copy 1/n" on the right (group 4 of the built-in corpus).
#[test]
fn the_origin_is_on_the_left_and_the_score_is_the_pair_shown() {
    use parallax::display::score::Score;
    let mut app = builtin((100, 30));
    let groups = app.analysis().passages.groups.clone();
    assert!(
        groups.iter().any(|g| g.origin != 0),
        "an origin after a copy"
    );
    for (i, g) in groups.iter().enumerate() {
        open_passage(&mut app, i);
        let ids = app.shared().short_ids.clone();
        let name = |m: usize| {
            let b = g.members[m].block;
            format!("{} #{} · ", ids[b.article], b.block)
        };
        let copies = g.members.len() - 1;
        let title = row_text(&render(&app), 0);
        let wanted = if copies == 1 {
            "origin and 1 copy side by side".to_string()
        } else {
            format!("origin and {copies} copies side by side")
        };
        assert!(title.contains(&wanted), "{title}");
        let mut shown = Vec::new();
        for k in 1..=copies {
            let buf = render(&app);
            let heads = row_text(&buf, 1);
            assert!(heads.starts_with(&name(g.origin)), "group {i}: {heads}");
            let right = (0..g.members.len())
                .find(|&m| m != g.origin && heads.contains(&name(m)))
                .unwrap_or_else(|| panic!("group {i}: a copy on the right: {heads}"));
            shown.push(right);
            let status = row_text(&buf, buf.area.height - 1);
            let score = Score(g.members[right].score);
            assert!(
                status.starts_with(&format!(
                    " copy {k}/{copies} on the right · score {score} with the origin"
                )),
                "group {i}: {status}"
            );
            act(&mut app, &[Action::NextMember]);
        }
        shown.sort_unstable();
        shown.dedup();
        assert_eq!(shown.len(), copies, "group {i}: every copy shown once");
        act(&mut app, &[Action::Back]);
    }
}
