//! The compare view's legend (the help's Marks under compare) lists only
//! what the view draws: every line of it is found on screen in some pair
//! of the built-in corpus, drawn as the line says (it listed ◂ ▸ for
//! unpaired rows, which the gutter never draws, and reversed text where
//! colour strikes through). The other way round (every gutter mark drawn
//! is listed) is `passages.rs`'s test.

use super::view_driver::*;
use parallax::ui::action::{Action, ViewId};
use parallax::ui::overlays::marks::marks;
use parallax::ui::styled::Tag;
use parallax::ui::theme::Theme;
use ratatui::style::{Color, Modifier};
use std::collections::HashSet;

/// What the compare view draws over every pair of the built-in corpus,
/// locked (the gutter shown), scrolled from top to bottom.
#[derive(Default)]
struct Drawn {
    gutter: HashSet<char>,
    panes: String,
    heads: String,
    titles: String,
    tags: HashSet<Tag>,
    /// A row with text in both panes and no gutter mark.
    unmarked_beside: bool,
}

fn drawn() -> Drawn {
    let mut app = builtin((100, 30));
    let n = app.corpus().articles.len();
    let mut out = Drawn::default();
    for (l, r) in (0..n)
        .flat_map(|l| (0..n).map(move |r| (l, r)))
        .filter(|(l, r)| l != r)
    {
        app.open_compare(l, r);
        app.refresh_layouts();
        let layout = app.compare().layout().unwrap();
        for line in &layout.lines {
            let mark: String = line.mark.iter().map(|(t, _)| t.as_str()).collect();
            out.gutter
                .extend(mark.chars().filter(|c| !c.is_whitespace()));
            for (text, tag) in line.left.iter().chain(&line.right) {
                out.panes.push_str(text);
                out.tags.insert(*tag);
            }
            let both = !line.left.is_empty() && !line.right.is_empty();
            out.unmarked_beside |= both && line.mark.is_empty() && line.row.is_some();
        }
        let rows = layout.match_lines.len() + layout.lines.len();
        for _ in 0..rows {
            let buf = render(&app);
            out.titles.push_str(&row_text(&buf, 0));
            out.heads.push_str(&row_text(&buf, 1));
            let top = app.compare().scroll()[0];
            act(&mut app, &[Action::NextMatch]);
            if app.compare().scroll()[0] == top {
                break;
            }
        }
    }
    out
}

#[test]
fn every_line_of_the_compare_legend_is_drawn() {
    let drawn = drawn();
    let (plain, colour) = (Theme { color: false }, Theme { color: true });
    for (mark, meaning) in marks(ViewId::Compare) {
        match *mark {
            "=" | "≈" | "~" | "↕" | "↻" => {
                let glyph = mark.chars().next().unwrap();
                assert!(drawn.gutter.contains(&glyph), "{mark} in the gutter");
            }
            "no mark" => assert!(drawn.unmarked_beside, "two unpaired blocks beside"),
            "reversed" => {
                assert!(drawn.tags.contains(&Tag::Deleted));
                let p = plain.style(Tag::Deleted);
                assert!(p.add_modifier.contains(Modifier::REVERSED));
                let c = colour.style(Tag::Deleted);
                assert!(c.add_modifier.contains(Modifier::CROSSED_OUT));
                assert!(matches!(c.fg, Some(Color::Red | Color::Indexed(1))));
                assert!(meaning.contains("red, struck through"), "{meaning}");
            }
            "underlined" => {
                assert!(drawn.tags.contains(&Tag::Inserted));
                for theme in [plain, colour] {
                    let s = theme.style(Tag::Inserted);
                    assert!(s.add_modifier.contains(Modifier::UNDERLINED));
                }
                let c = colour.style(Tag::Inserted);
                assert!(matches!(c.fg, Some(Color::Green | Color::Indexed(2))));
            }
            "⋯" => assert!(drawn.panes.contains("⋯ "), "a fold"),
            "│" => assert!(drawn.panes.contains(" │ "), "a table row"),
            "▶" => assert!(drawn.heads.starts_with("▶ "), "{}", drawn.heads),
            "why N↔M" => assert!(drawn.titles.contains(" · why "), "a why in the title"),
            other => panic!("the legend lists {other:?}: check it is drawn, then add it here"),
        }
    }
}
