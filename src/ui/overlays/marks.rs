//! What every mark a view draws means: the help lists them under the keys
//! (for the view under the overlay and the topic palette), so no symbol on
//! screen goes unexplained.

use crate::ui::action::ViewId;

/// (mark, meaning) for each mark `view` draws.
pub fn marks(view: ViewId) -> &'static [(&'static str, &'static str)] {
    match view {
        ViewId::Library => &[
            ("◀ ▶", "the first and second article marked for comparison"),
            (
                "⚠N",
                "N hidden characters (controls, invisible marks) shown as placeholders",
            ),
        ],
        ViewId::Reader => &[
            (
                "=",
                "in the margin: this paragraph stands word for word in another article (p shows it)",
            ),
            (
                "≈",
                "in the margin: another article carries this paragraph with edits",
            ),
            (
                "↻",
                "in the margin: this paragraph repeats in this article (↻ repeats block N: it is the repeat)",
            ),
            (
                "❝",
                "in the margin: holds a quote another article carries too (\" shows its copies)",
            ),
            (
                "⋯",
                "site chrome or metadata folded into one line (z unfolds)",
            ),
            ("• │", "a list item; a table row"),
        ],
        ViewId::Compare => &[
            (
                "=",
                "in the gutter, while the panes scroll together: identical paragraphs",
            ),
            ("≈", "near-duplicates: copied with edits"),
            ("~", "related: the same point in other words"),
            ("↕", "moved: paired out of order"),
            (
                "↻",
                "a paragraph that repeats an earlier one of its article: in the gutter's left column for the left pane, its right column for the right",
            ),
            (
                "no mark",
                "not paired: an unpaired block of each side may share a row, only to fill it",
            ),
            (
                "reversed",
                "word diff: text only on the left (in colour: red, struck through)",
            ),
            (
                "underlined",
                "word diff: text only on the right (green in colour)",
            ),
            (
                "⋯",
                "site chrome or metadata folded into one line (z unfolds)",
            ),
            ("│", "between the cells of a table row"),
            (
                "▶",
                "the focused pane: the one e and p take, and that scrolls when unlocked",
            ),
            (
                "why N↔M",
                "in the title: what the row on top shares, block N of the left and M of the right",
            ),
        ],
        ViewId::Palette => &[
            (
                "§ # @",
                "a section heading, a salient term or phrase, a name",
            ),
            (
                "●",
                "an article that mentions the topic (· one that does not)",
            ),
            ("underlined", "the characters that match what you typed"),
        ],
        ViewId::Topic => &[("■", "an article's paragraphs on the topic")],
        ViewId::Matrix => &[(
            "███ ▓▓▓ ▒▒▒ ░░░ ·",
            "how much the article says on the topic, most to nothing",
        )],
        ViewId::Quotes => &[
            (
                "≠",
                "the outlets' wording differs (a word changed, added or dropped)",
            ),
            (
                "ART",
                "how many articles carry the quote; enter shows the copies side by side",
            ),
        ],
        ViewId::Passages => &[
            (
                "=",
                "every copy reads as the origin does, case and punctuation too",
            ),
            ("≈", "some copy is edited"),
            ("↻", "repeated within one article"),
            (
                "MIN",
                "the lowest score of a copy with the origin (1 = the same words, case and punctuation aside)",
            ),
        ],
        ViewId::Variants => &[
            ("= ≈", "the two copies are the same, or differ"),
            (
                "reversed",
                "text only in the left copy (in colour: red, struck through)",
            ),
            (
                "underlined",
                "text only in the right copy (green in colour)",
            ),
        ],
        ViewId::Elsewhere => &[
            ("↔", "the compare view pairs the two at its threshold"),
            ("·", "the likeliest block, not paired at that threshold"),
            (
                "SIM",
                "how surely the block makes the paragraph's point (0 to 1)",
            ),
        ],
        // Search hits are drawn in colour (reverse video without), not with
        // a mark; the help's Search section says so.
        ViewId::Global
        | ViewId::Help
        | ViewId::Prompt
        | ViewId::Bookmarks
        | ViewId::Search
        | ViewId::Results => &[],
    }
}
