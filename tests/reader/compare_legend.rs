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

/// The gutter marks paired kinds only. A row naming a block of each side
/// is paired in every alignment made, but one the alignment called
/// unpaired would be drawn as the unpaired blocks are: side by side, no
/// mark, no stop for `n` (there is no ◂ ▸ to draw it with).
#[test]
fn a_row_called_unpaired_is_drawn_unmarked_whatever_blocks_it_names() {
    use parallax::analysis::Analysis;
    use parallax::analysis::align::{AlignedRow, Alignment, RowKind};
    use parallax::analysis::pair::{PairComparison, Threshold};
    use parallax::ui::screens::compare::{PairData, layout_pair};
    use std::sync::Arc;

    let corpus = parallax::corpus::load_builtin();
    let analysis = Analysis::build(&corpus);
    let comparison = Arc::new(PairComparison::new(&corpus, &analysis.related, 0, 1));
    let data = PairData {
        alignment: Alignment {
            left: 0,
            right: 1,
            rows: vec![
                AlignedRow::bare(Some(0), Some(0), RowKind::LeftOnly),
                AlignedRow::bare(Some(1), Some(1), RowKind::Identical),
            ],
        },
        ops: vec![None, None],
        comparison,
    };
    let layout = layout_pair(&corpus, &data, (0, 1, Threshold::DEFAULT), 100, true);
    // Only the identical row is a pair to step to.
    assert_eq!(layout.match_lines, [layout.row_line[1]]);
    let first = &layout.lines[layout.row_line[0]];
    assert!(first.mark.is_empty(), "{:?}", first.mark);
    assert!(!first.left.is_empty() && !first.right.is_empty());
    let second = &layout.lines[layout.row_line[1]];
    let mark: String = second.mark.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(mark.trim(), "=");
}
