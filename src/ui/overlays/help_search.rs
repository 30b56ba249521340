//! The help overlay's account of searching: what the keys do and what a
//! hit looks like, naming the keys in effect.

use crate::display::wrap::wrap_text;
use crate::ui::action::{Action, ViewId};
use crate::ui::keymap::Keymap;
use crate::ui::styled::{StyledLine, Tag};

/// Lines explaining search, for a box `width` columns wide.
pub fn search_help(keymap: &Keymap, screen: ViewId, width: usize) -> Vec<StyledLine> {
    let key = |view: ViewId, action: Action| {
        keymap
            .keys_for(view, action)
            .first()
            .map_or_else(|| action.name().to_string(), |k| k.to_string())
    };
    let search = key(screen, Action::Search);
    let all = key(screen, Action::SearchAll);
    // n and N as the reader binds them, wherever help was opened from.
    let next = key(ViewId::Reader, Action::NextMatch);
    let prev = key(ViewId::Reader, Action::PrevMatch);
    let help = key(screen, Action::Help);
    let entries = [
        (
            search.clone(),
            "search this view's text as you type (reader, both compare panes, topic view); in the library, filter the list by id, title or outlet; in the quotes, passages, coverage matrix and elsewhere, filter their rows".to_string(),
        ),
        (
            format!("{} in help", key(ViewId::Help, Action::Search)),
            format!(
                "searches this help as in less: {} {} go through the hits, esc ends the search (again: closes help)",
                key(ViewId::Help, Action::NextMatch),
                key(ViewId::Help, Action::PrevMatch)
            ),
        ),
        (
            "hits".into(),
            "every hit is marked: black on yellow, the current one on cyan; without colour in reverse video, the current one also underlined".into(),
        ),
        (
            format!("{next} {prev}"),
            format!("next and previous hit (in compare without a search: paired paragraph); past the last hit the search wraps to the first and says so. {help} is help, so there is no backward search: {prev} goes back"),
        ),
        (
            "case".into(),
            "all lower case finds any case; an upper-case letter makes the case count. Curly and straight quotes, dashes and runs of spaces match alike".into(),
        ),
        (
            "esc".into(),
            format!("clears the hits (in a list, the filter); enter on an empty {search} prompt repeats the last search"),
        ),
        (
            all,
            "find a phrase in every article: the hits listed by article with a line of context, enter opens the article at the hit".into(),
        ),
    ];
    let key_w = entries
        .iter()
        .map(|(k, _)| crate::display::wrap::width(k))
        .max()
        .unwrap_or(0)
        .min(width / 3);
    let mut out = vec![vec![("Search".to_string(), Tag::Heading)]];
    for (k, doc) in entries {
        let text_w = width.saturating_sub(key_w + 3).max(10);
        for (i, line) in wrap_text(&doc, text_w).into_iter().enumerate() {
            let k = if i == 0 { k.as_str() } else { "" };
            let pad = key_w.saturating_sub(crate::display::wrap::width(k));
            out.push(vec![
                (format!(" {k}{} ", " ".repeat(pad)), Tag::Key),
                (line, Tag::Text),
            ]);
        }
    }
    out.push(Vec::new());
    out
}
