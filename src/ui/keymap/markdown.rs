//! The README's key table, generated from a keymap so it cannot drift from
//! the defaults: one section per view, one row per action.

use super::key::Key;
use crate::ui::action::{Action, ViewId};
use std::fmt::Write;

/// Markdown for every view, given each view's bindings: a `### Title
/// ([table])` heading and a table with rows `| keys | action name | doc |`,
/// e.g. ``| `j`, `↓` | `scroll_down` | Move down one line or entry |``.
pub fn key_table(bindings: impl Fn(ViewId) -> Vec<(Action, Vec<Key>)>) -> String {
    let mut out = String::new();
    for view in ViewId::ALL {
        if !out.is_empty() {
            out.push('\n');
        }
        let _ = writeln!(out, "### {} (`[{}]`)\n", view.title(), view.name());
        let bindings = bindings(view);
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
