//! The library's help opens with what the load had to say: each file
//! skipped (or cut) and why. The load says it on stderr too, but the
//! reader's screen covers that, and the library only counts them.

use crate::corpus::LoadWarning;
use crate::display::wrap::wrap_text;
use crate::ui::styled::{StyledLine, Tag};

/// Warnings listed at most: a folder of hundreds of unusable files must
/// not push the keys pages down.
const LISTED: usize = 8;

/// "Load warnings", one "path: why" each (wrapped to `width`), or nothing
/// when the load had nothing to say.
pub fn load_lines(warnings: &[LoadWarning], width: usize) -> Vec<StyledLine> {
    if warnings.is_empty() {
        return Vec::new();
    }
    let mut out = vec![vec![("Load warnings".to_string(), Tag::Heading)]];
    let mut say = |text: &str| {
        // Continued lines indented under their first.
        let lines = wrap_text(text, width.saturating_sub(3).max(1));
        for (k, line) in lines.into_iter().enumerate() {
            let indent = if k == 0 { " " } else { "   " };
            out.push(vec![(format!("{indent}{line}"), Tag::Text)]);
        }
    };
    for w in warnings.iter().take(LISTED) {
        say(&crate::clean!("{w}"));
    }
    let more = warnings.len().saturating_sub(LISTED);
    if more > 0 {
        say(&format!(
            "… and {more} more: `parallax list` with the same paths prints them all"
        ));
    }
    out.push(Vec::new());
    out
}
