//! The README's key table, generated from a keymap so it cannot drift from
//! the defaults: one section per view, one row per action.

use super::Keymap;
use super::key::Key;
use crate::ui::action::ViewId;
use std::fmt::Write;

/// Markdown for every view of `keymap`: a `### Title ([table])` heading and
/// a table with rows `| keys | action name | doc |`, e.g.
/// ``| `j`, `↓` | `scroll_down` | Move down one line or entry |``.
pub fn markdown_key_table(keymap: &Keymap) -> String {
    let mut out = String::new();
    for view in ViewId::ALL {
        if !out.is_empty() {
            out.push('\n');
        }
        let _ = writeln!(out, "### {} (`[{}]`)\n", view.title(), view.name());
        let bindings = keymap.bindings(view);
        if bindings.is_empty() {
            out.push_str("No keys are bound here.\n");
            continue;
        }
        out.push_str("| Keys | Action | What it does |\n| --- | --- | --- |\n");
        for (action, keys) in bindings {
            let keys: Vec<String> = keys.into_iter().map(key_cell).collect();
            let _ = writeln!(
                out,
                "| {} | `{}` | {} |",
                keys.join(", "),
                action.name(),
                action.doc().replace('|', "\\|")
            );
        }
    }
    out
}

/// A key as inline code that survives a Markdown table: `|` is escaped and
/// a backtick gets a longer fence.
fn key_cell(key: Key) -> String {
    let shown = key.to_string().replace('|', "\\|");
    if shown.contains('`') {
        format!("`` {shown} ``")
    } else {
        format!("`{shown}`")
    }
}
