//! Which part of the screen is a pure vertical scroll between two states:
//! the body of the reader, of compare with locked panes, and of the topic
//! view. The frame writer turns such a change into a terminal scroll.

use super::app::{App, Screen};
use super::render::ScrollHint;

/// What identifies the laid-out content: a change here is not a scroll.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Content {
    Reader(usize, usize, bool),
    Compare((usize, usize, crate::analysis::pair::Threshold, usize, bool)),
    Topic(usize, usize),
}

/// A screen's scrollable body: its content, first visible line, and rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScrollState {
    content: Content,
    pos: usize,
    top: u16,
    height: u16,
}

pub fn scroll_state(app: &App) -> Option<ScrollState> {
    if app.overlay.is_some() {
        return None;
    }
    let h = app.size.1;
    let body = |top: u16| (top, h.saturating_sub(top + 1));
    let (content, pos, (top, height)) = match app.screen {
        Screen::Reader => {
            let l = app.reader.layout.as_ref()?;
            (
                Content::Reader(l.article, l.width, l.unfold),
                app.reader.scroll,
                body(1),
            )
        }
        Screen::Compare if app.compare.locked && app.compare.job.is_none() => {
            let l = app.compare.layout.as_ref()?;
            (Content::Compare(l.key), app.compare.scroll[0], body(2))
        }
        Screen::Topic => {
            let l = app.topic.layout.as_ref()?;
            (Content::Topic(l.topic, l.width), app.topic.scroll, body(1))
        }
        _ => return None,
    };
    Some(ScrollState {
        content,
        pos,
        top,
        height,
    })
}

/// The scroll that turns `before` into `after`, if that is all that moved.
pub fn hint(before: Option<&ScrollState>, after: Option<&ScrollState>) -> Option<ScrollHint> {
    let (b, a) = (before?, after?);
    if b.content != a.content || b.top != a.top || b.height != a.height || b.pos == a.pos {
        return None;
    }
    let lines = i64::try_from(a.pos).ok()? - i64::try_from(b.pos).ok()?;
    Some(ScrollHint {
        top: a.top,
        height: a.height,
        lines: i32::try_from(lines).ok()?,
    })
}
