//! The shared passages' `=` and `≈` agree with `diff`: a group is `=` only
//! when the compare alignment calls every copy identical to the origin,
//! never when the copies differ only in case or punctuation (000's "Media
//! Framing and Public Opinion" and 002's "Media framing and public
//! opinion" score 1 as shingles, yet `diff` calls them near).

use crate::support::app::{act, builtin, screen_text};
use parallax::analysis::align::RowKind;
use parallax::analysis::pair::PairComparison;
use parallax::analysis::threshold::Threshold;
use parallax::corpus::BlockRef;
use parallax::ui::action::Action;
use parallax::ui::app::{App, ScreenId};

/// How `diff` aligns block `a` with block `b` (of another article), if it
/// pairs them.
fn diff_kind(app: &App, a: BlockRef, b: BlockRef) -> Option<RowKind> {
    let pair = PairComparison::new(app.corpus(), &app.analysis().related, a.article, b.article);
    let alignment = pair.align(Threshold::DEFAULT);
    (alignment.rows.iter())
        .find(|r| r.left == Some(a.block) && r.right == Some(b.block))
        .map(|r| r.kind)
}

/// Each group's mark as the passages view draws it, in list order.
fn drawn_marks(app: &mut App) -> Vec<String> {
    act(app, &[Action::Passages, Action::Top]);
    assert_eq!(app.screen(), ScreenId::Passages);
    let text = screen_text(app);
    let n = app.analysis().passages.groups.len();
    // Row 0 is the title, row 1 the column heads, then one row per group.
    (text.lines().skip(2).take(n))
        .map(|l| l.split(' ').next().unwrap_or("").to_string())
        .collect()
}

#[test]
fn a_group_is_marked_identical_only_when_diff_calls_every_copy_identical() {
    let mut app = builtin((120, 30), false);
    let marks = drawn_marks(&mut app);
    let groups = app.analysis().passages.groups.clone();
    assert_eq!(marks.len(), groups.len());
    let mut seen = (0, 0);
    for (g, mark) in groups.iter().zip(&marks) {
        let origin = g.members[g.origin].block;
        let kinds: Vec<Option<RowKind>> = (g.members.iter())
            .filter(|m| m.block.article != origin.article)
            .map(|m| diff_kind(&app, origin, m.block))
            .collect();
        if kinds.is_empty() {
            assert_eq!(mark, "↻", "{g:?}");
            continue;
        }
        let identical = kinds.iter().all(|k| *k == Some(RowKind::Identical));
        let expected = if identical { "=" } else { "≈" };
        assert_eq!(mark, expected, "{g:?}: diff says {kinds:?}");
        if identical {
            seen.0 += 1;
        } else {
            seen.1 += 1;
        }
    }
    assert!(seen.0 > 0 && seen.1 > 0, "both marks exercised: {seen:?}");
}

#[test]
fn headings_differing_only_in_case_are_marked_edited() {
    let mut app = builtin((120, 30), false);
    let marks = drawn_marks(&mut app);
    let a = app.corpus().resolve("000").unwrap();
    let heading = BlockRef::new(a, 30);
    assert_eq!(
        app.corpus().get(heading).map(|b| b.text.as_str()),
        Some("Media Framing and Public Opinion")
    );
    let g = app.analysis().passages.of_block(heading)[0];
    let group = &app.analysis().passages.groups[g];
    assert!(group.min_score >= 1.0, "the shingles agree: {group:?}");
    assert_eq!(marks[g], "≈");
    // So is the table header "Aspect | Summary |" beside "Aspect | Summary".
    let text = screen_text(&app);
    assert!(
        text.lines()
            .any(|l| l.starts_with("≈ Media Framing and Public Opinion")),
        "{text}"
    );
    assert!(
        text.lines().any(|l| l.starts_with("≈ Aspect | Summary |")),
        "{text}"
    );
}
