//! Every action the reader can perform, declared once: its snake_case name
//! (what keymap.toml binds), the views it belongs to, and a one-line
//! description. The keymap parser, the help overlay and the README's key
//! table are all generated from this one table.

use std::fmt;

/// The views of the reader. `Global` bindings apply in every view unless
/// the view binds the same key itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ViewId {
    Global,
    Library,
    Reader,
    Compare,
    Palette,
    Topic,
    Matrix,
    Help,
    Prompt,
    Bookmarks,
    Search,
    Results,
    Quotes,
    Passages,
    Variants,
    Elsewhere,
}

impl ViewId {
    pub const ALL: [ViewId; 16] = [
        ViewId::Global,
        ViewId::Library,
        ViewId::Reader,
        ViewId::Compare,
        ViewId::Palette,
        ViewId::Topic,
        ViewId::Matrix,
        ViewId::Help,
        ViewId::Prompt,
        ViewId::Bookmarks,
        ViewId::Search,
        ViewId::Results,
        ViewId::Quotes,
        ViewId::Passages,
        ViewId::Variants,
        ViewId::Elsewhere,
    ];

    /// The table name in keymap.toml.
    pub fn name(self) -> &'static str {
        match self {
            ViewId::Global => "global",
            ViewId::Library => "library",
            ViewId::Reader => "reader",
            ViewId::Compare => "compare",
            ViewId::Palette => "palette",
            ViewId::Topic => "topic",
            ViewId::Matrix => "matrix",
            ViewId::Help => "help",
            ViewId::Prompt => "prompt",
            ViewId::Bookmarks => "bookmarks",
            ViewId::Search => "search",
            ViewId::Results => "results",
            ViewId::Quotes => "quotes",
            ViewId::Passages => "passages",
            ViewId::Variants => "variants",
            ViewId::Elsewhere => "elsewhere",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            ViewId::Global => "Everywhere",
            ViewId::Library => "Library",
            ViewId::Reader => "Reader",
            ViewId::Compare => "Compare",
            ViewId::Palette => "Topic palette",
            ViewId::Topic => "Topic across articles",
            ViewId::Matrix => "Coverage matrix",
            ViewId::Help => "Help",
            ViewId::Prompt => "Bookmark note",
            ViewId::Bookmarks => "Bookmarks",
            ViewId::Search => "Search prompt",
            ViewId::Results => "Search results",
            ViewId::Quotes => "Quotes",
            ViewId::Passages => "Shared passages",
            ViewId::Variants => "Side by side (a quote's or passage's copies)",
            ViewId::Elsewhere => "Elsewhere (a paragraph's point in the other articles)",
        }
    }

    pub fn from_name(name: &str) -> Option<ViewId> {
        ViewId::ALL.into_iter().find(|v| v.name() == name)
    }
}

macro_rules! actions {
    ($( $variant:ident = $name:literal, [$($view:ident),*], $doc:literal; )*) => {
        /// A user-visible action. See the table below for names and docs.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action { $( $variant, )* }

        impl Action {
            pub const ALL: &'static [Action] = &[ $( Action::$variant, )* ];

            /// The snake_case name used in keymap.toml.
            pub fn name(self) -> &'static str {
                match self { $( Action::$variant => $name, )* }
            }

            /// One line for the help overlay and the README.
            pub fn doc(self) -> &'static str {
                match self { $( Action::$variant => $doc, )* }
            }

            /// The views where the action does something.
            pub fn views(self) -> &'static [ViewId] {
                match self { $( Action::$variant => &[$(ViewId::$view),*], )* }
            }
        }
    };
}

actions! {
    Quit = "quit", [Global], "Quit parallax (in a prompt, the palette, the bookmark list or help, ctrl-c cancels as esc does)";
    Help = "help", [Global], "Show or hide the keys in effect";
    Back = "back", [Global], "Close the overlay or go back to where you were (the view and place)";
    JumpBack = "jump_back", [Global], "Go back to where you were, as vim's ctrl-o, leaving a search on (over an overlay: close it)";
    Suspend = "suspend", [Global], "Suspend to the shell (resume with fg)";
    Redraw = "redraw", [Global], "Redraw the whole screen";
    Library = "library", [Global], "Go to the library of articles";
    Topics = "topics", [Global], "Open the topic palette (fuzzy jump to a topic)";
    Matrix = "matrix", [Global], "Open the topics × articles coverage matrix";
    ScrollDown = "scroll_down", [Library, Reader, Compare, Palette, Topic, Matrix, Help, Bookmarks, Results, Quotes, Passages, Variants, Elsewhere], "Move down one line or entry";
    ScrollUp = "scroll_up", [Library, Reader, Compare, Palette, Topic, Matrix, Help, Bookmarks, Results, Quotes, Passages, Variants, Elsewhere], "Move up one line or entry";
    PageDown = "page_down", [Library, Reader, Compare, Palette, Topic, Matrix, Help, Bookmarks, Results, Quotes, Passages, Variants, Elsewhere], "Move down one page";
    PageUp = "page_up", [Library, Reader, Compare, Palette, Topic, Matrix, Help, Bookmarks, Results, Quotes, Passages, Variants, Elsewhere], "Move up one page";
    HalfPageDown = "half_page_down", [Library, Reader, Compare, Topic, Matrix, Help, Results, Quotes, Passages, Variants, Elsewhere], "Move down half a page";
    HalfPageUp = "half_page_up", [Library, Reader, Compare, Topic, Matrix, Help, Results, Quotes, Passages, Variants, Elsewhere], "Move up half a page";
    Top = "top", [Library, Reader, Compare, Palette, Topic, Matrix, Help, Bookmarks, Results, Quotes, Passages, Variants, Elsewhere], "Go to the top";
    Bottom = "bottom", [Library, Reader, Compare, Palette, Topic, Matrix, Help, Bookmarks, Results, Quotes, Passages, Variants, Elsewhere], "Go to the bottom";
    Left = "left", [Matrix], "Move one column left";
    Right = "right", [Matrix], "Move one column right";
    Confirm = "confirm", [Library, Palette, Matrix, Prompt, Bookmarks, Search, Results, Quotes, Passages, Variants, Elsewhere], "Open the selected entry (in a prompt: accept)";
    ToggleMark = "toggle_mark", [Library], "Mark or unmark the article for comparison, and move to the next (as fzf's tab)";
    Compare = "compare", [Library, Reader], "Compare the two marked articles, the one marked with this one, or this one with the next of its event";
    ToggleBoilerplate = "toggle_boilerplate", [Reader, Compare], "Fold or unfold site chrome and metadata";
    NextHeading = "next_heading", [Reader, Topic, Results], "Jump to the next heading or section (results: article)";
    PrevHeading = "prev_heading", [Reader, Topic, Results], "Jump to the previous heading or section (results: article)";
    NextMatch = "next_match", [Reader, Compare, Topic, Help], "Jump to the next search hit (compare, no search: next paired paragraph)";
    PrevMatch = "prev_match", [Reader, Compare, Topic, Help], "Jump to the previous search hit (compare, no search: previous paired paragraph)";
    SwapPanes = "swap_panes", [Compare], "Swap the left and right articles";
    ToggleLock = "toggle_lock", [Compare], "Lock or unlock scrolling of the two panes";
    SwitchPane = "switch_pane", [Compare], "Focus the other pane: elsewhere and partner take its paragraph; unlocked, it scrolls alone";
    NextLeft = "next_left", [Compare], "Show the next article on the left";
    PrevLeft = "prev_left", [Compare], "Show the previous article on the left";
    NextRight = "next_right", [Compare], "Show the next article on the right";
    PrevRight = "prev_right", [Compare], "Show the previous article on the right";
    ThresholdUp = "threshold_up", [Compare], "Raise the similarity threshold for pairing";
    ThresholdDown = "threshold_down", [Compare], "Lower the similarity threshold for pairing";
    Elsewhere = "elsewhere", [Reader, Compare], "Show where each other article of the event makes the point of the paragraph on top";
    Partner = "partner", [Compare], "Show the paragraph on top beside its likeliest counterpart, paired or not (again: the next likeliest)";
    OpenAcross = "open_across", [Palette], "Open the selected topic across all articles";
    DeleteChar = "delete_char", [Palette, Prompt, Bookmarks, Search], "Delete the last character typed";
    ClearQuery = "clear_query", [Palette, Prompt, Bookmarks, Search], "Clear what was typed";
    Bookmark = "bookmark", [Reader, Compare, Topic], "Bookmark this paragraph or aligned row, with an optional note (again: edit the note)";
    Bookmarks = "bookmarks", [Global], "List this corpus's bookmarks (type to filter, enter jumps back)";
    DeleteBookmark = "delete_bookmark", [Bookmarks], "Delete the selected bookmark from the session";
    RestoreBookmark = "restore_bookmark", [Bookmarks], "Bring back the bookmark deleted last (again: the one before)";
    Report = "report", [Compare], "Write a Markdown report of this pair (to report_dir, else the current folder)";
    Copy = "copy", [Reader, Compare, Topic, Variants], "Copy this paragraph, or both sides of the row (OSC 52 or a file)";
    Search = "search", [Global], "Search this view's text as you type (library, quotes, passages, matrix, elsewhere: filter the list)";
    SearchAll = "search_all", [Global], "Find a phrase in every article (hits listed by article)";
    Quotes = "quotes", [Global], "Open the quotes, grouped across articles (speaker, outlets, altered)";
    Passages = "passages", [Global], "Open the shared passages (paragraphs repeated or carried by several)";
    FollowPassage = "follow_passage", [Reader], "Show the first shared or repeated paragraph on screen beside its copies";
    FollowQuote = "follow_quote", [Reader], "Show the first quote on screen beside its copies in other articles";
    NextMember = "next_member", [Variants], "Show the next copy on the right";
    PrevMember = "prev_member", [Variants], "Show the previous copy on the right";
    Narrow = "narrow", [Topic, Matrix], "Show only this article's event, then its outlet, then the marked articles, then all";
    Noop = "noop", [], "Do nothing (unbinds a key in a user keymap)";
}

impl Action {
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.iter().copied().find(|a| a.name() == name)
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_snake_case_and_round_trip() {
        let mut names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
        for n in &names {
            assert!(n.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{n}");
        }
        for a in Action::ALL {
            assert_eq!(Action::from_name(a.name()), Some(*a));
            assert!(!a.doc().is_empty());
        }
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Action::ALL.len());
    }
}
