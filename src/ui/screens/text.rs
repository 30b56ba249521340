//! What scrolling screens and lists share: moving a position by an action,
//! drawing the visible lines of a layout, and saying how an article covers
//! a topic.

use crate::analysis::topics::{Topic, TopicKind};
use crate::ui::action::Action;
use crate::ui::styled::StyledLine;
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;

/// New position after a movement action over `len` items (or lines) with a
/// page of `page`; `None` if the action is not a movement.
pub fn moved(pos: usize, action: Action, page: usize, len: usize) -> Option<usize> {
    let last = len.saturating_sub(1);
    let page = page.max(1);
    let p = match action {
        Action::ScrollDown => pos.saturating_add(1),
        Action::ScrollUp => pos.saturating_sub(1),
        Action::PageDown => pos.saturating_add(page),
        Action::PageUp => pos.saturating_sub(page),
        Action::HalfPageDown => pos.saturating_add(page.div_ceil(2)),
        Action::HalfPageUp => pos.saturating_sub(page.div_ceil(2)),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return None,
    };
    Some(p.min(last))
}

/// New first line after a movement over a text of `lines` lines shown
/// `page` at a time: it stops where the last page is full, but never pulls
/// back a position a jump put further (a late heading at the top).
pub fn scrolled(top: usize, action: Action, page: usize, lines: usize) -> Option<usize> {
    let max = lines.saturating_sub(page).max(top);
    moved(top, action, page, max + 1)
}

/// Draw `lines[scroll..]` into `area`, one row each: only what is visible.
pub fn draw_lines(
    frame: &mut Frame,
    theme: &Theme,
    area: Rect,
    lines: &[StyledLine],
    scroll: usize,
) {
    let visible = lines.iter().skip(scroll).take(usize::from(area.height));
    for (i, line) in visible.enumerate() {
        let row = Rect {
            y: area.y + i as u16,
            height: 1,
            ..area
        };
        frame.render_widget(theme.line(line), row);
    }
}

/// The first line at or after `top` that holds text (`is_text`), or `top`.
pub fn first_text_line(top: usize, len: usize, is_text: impl Fn(usize) -> bool) -> usize {
    (top..len).find(|&i| is_text(i)).unwrap_or(top)
}

/// How `article` covers `topic`, in words: "4 mentions: Putin ×3, Vladimir
/// Putin ×1", "5 uses", "a section of 6 blocks", "not covered".
pub fn coverage_note(topic: &Topic, article: usize) -> String {
    let n = topic.count(article);
    if n == 0 {
        return "not covered".to_string();
    }
    let plural = |one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match topic.kind {
        TopicKind::Heading => format!("a section of {}", plural("block", "blocks")),
        TopicKind::Term => plural("use", "uses"),
        TopicKind::Name => {
            let forms = topic.forms_in(article);
            let mentions = plural("mention", "mentions");
            if forms.is_empty() {
                return mentions;
            }
            let list: Vec<String> = forms.iter().map(|(f, k)| format!("{f} ×{k}")).collect();
            format!("{mentions}: {}", list.join(", "))
        }
    }
}
