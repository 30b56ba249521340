//! The README key table generated from the keymap.

use super::user;
use parallax::ui::action::ViewId;
use parallax::ui::keymap::{Keymap, markdown_key_table};

#[test]
fn markdown_table_has_a_section_per_view_and_a_row_per_action() {
    let keymap = Keymap::default_keymap();
    let table = markdown_key_table(&keymap);
    for view in ViewId::ALL {
        let heading = format!("### {} (`[{}]`)", view.title(), view.name());
        assert!(table.contains(&heading), "missing {heading}");
    }
    let rows = table.lines().filter(|l| l.starts_with("| `")).count();
    let actions: usize = ViewId::ALL.iter().map(|&v| keymap.bindings(v).len()).sum();
    assert_eq!(rows, actions);
    assert!(table.contains("| `j`, `↓` | `scroll_down` | Move down one line or entry |"));
    assert!(table.contains("| `PgDn`, `space`, `ctrl-f` | `page_down` | Move down one page |"));
}

#[test]
fn markdown_global_section_is_exact() {
    let table = markdown_key_table(&Keymap::default_keymap());
    let end = table.find("\n### ").unwrap_or(table.len());
    let global = &table[..end];
    let expected = "\
### Everywhere (`[global]`)

| Keys | Action | What it does |
| --- | --- | --- |
| `q`, `ctrl-c` | `quit` | Quit parallax (in a prompt, the palette, the bookmark list or help, ctrl-c cancels as esc does) |
| `?`, `f1` | `help` | Show or hide the keys in effect |
| `esc` | `back` | Close the overlay or go back to where you were (the view and place) |
| `ctrl-o` | `jump_back` | Go back to where you were, as vim's ctrl-o, leaving a search on (over an overlay: close it) |
| `ctrl-z` | `suspend` | Suspend to the shell (resume with fg) |
| `ctrl-l` | `redraw` | Redraw the whole screen |
| `L` | `library` | Go to the library of articles |
| `t` | `topics` | Open the topic palette (fuzzy jump to a topic) |
| `M` | `matrix` | Open the topics × articles coverage matrix |
| `'` | `bookmarks` | List this corpus's bookmarks (type to filter, enter jumps back) |
| `/` | `search` | Search this view's text as you type (library, quotes, passages, matrix, elsewhere: filter the list) |
| `F` | `search_all` | Find a phrase in every article (hits listed by article) |
| `Q` | `quotes` | Open the quotes, grouped across articles (speaker, outlets, altered) |
| `P` | `passages` | Open the shared passages (paragraphs repeated or carried by several) |
";
    assert_eq!(global, expected);
}

#[test]
fn markdown_escapes_keys_that_would_break_a_table() {
    let keymap = user("[global]\n\"|\" = \"quit\"\n\"`\" = \"help\"\n");
    let table = markdown_key_table(&keymap);
    assert!(
        table.contains("| `q`, `ctrl-c`, `\\|` | `quit` |"),
        "{table}"
    );
    assert!(table.contains("| `?`, `f1`, `` ` `` | `help` |"), "{table}");
}
