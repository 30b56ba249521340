//! Which part of the screen is a pure vertical scroll between two states:
//! the rows a screen says scroll as a whole (`Screen::scrolled`: the
//! reader's body, compare's with locked panes, the topic view's), in the
//! one geometry the views draw with. The frame writer turns such a change
//! into a terminal scroll.

use super::app::{App, ScreenId};
use super::render::ScrollHint;
use super::screens::Scrolled;

/// A screen's scrollable body as drawn: which screen, its content, first
/// visible line, and rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScrollState {
    screen: ScreenId,
    body: Scrolled,
}

pub fn scroll_state(app: &App) -> Option<ScrollState> {
    if app.overlay().is_some() || app.shared().geometry.too_small() {
        return None;
    }
    let body = app.current().scrolled(app.shared())?;
    Some(ScrollState {
        screen: app.screen(),
        body,
    })
}

/// The scroll that turns `before` into `after`, if that is all that moved.
pub fn hint(before: Option<&ScrollState>, after: Option<&ScrollState>) -> Option<ScrollHint> {
    let (b, a) = (before?, after?);
    let same = b.screen == a.screen && b.body.content == a.body.content;
    if !same || b.body.rows != a.body.rows || b.body.pos == a.body.pos {
        return None;
    }
    let lines = i64::try_from(a.body.pos).ok()? - i64::try_from(b.body.pos).ok()?;
    Some(ScrollHint {
        top: a.body.rows.y,
        height: a.body.rows.height,
        lines: i32::try_from(lines).ok()?,
    })
}
