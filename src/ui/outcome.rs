//! What a screen or an overlay asks of the router after taking an action:
//! its own state it has changed itself; going elsewhere, a message or a
//! report is the router's to do.

use super::group::Group;
use super::place::Goto;
use crate::analysis::pair::Threshold;
use crate::corpus::BlockRef;
use crate::corpus::sanitize::Clean;
use crate::session::BookmarkEdit;

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Nothing more to do (also: an action this screen does not take).
    Done,
    /// A one-line message for the status bar.
    Say(Clean),
    /// Show a screen, at a place (closes any overlay).
    Open(Open),
    /// Close the overlay, saying why if there is a message.
    Close(Option<Clean>),
    /// The bookmarks changed (one made, noted again or deleted): persist
    /// the change; a note kept closes the prompt.
    Keep(BookmarkEdit),
    /// Write a report of the pair (left, right) at this threshold.
    Report(usize, usize, Threshold),
    /// Open the reader at a hit of a search in every article: at the
    /// block, searching for the phrase, the hit at byte `offset` of the
    /// block's text current.
    Follow {
        at: Goto,
        phrase: String,
        offset: usize,
    },
    /// Narrow the coverage views to a group of articles (`None`: all).
    Narrow(Option<Group>),
}

/// A screen to show, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Open {
    /// An article, at a block (`Goto::start_of` for its top).
    Reader(Goto),
    /// A pair of articles, at the row of a block of either side.
    Compare {
        left: usize,
        right: usize,
        at: Option<Goto>,
    },
    /// A topic across all articles, at one of its blocks.
    Topic { topic: usize, at: Option<Goto> },
    /// The quotes list, at a group.
    Quotes(Option<usize>),
    /// The shared passages list, at a group.
    Passages(Option<usize>),
    /// A group's copies side by side.
    Copies(Copies),
    /// Where the other articles make the point of a paragraph, at the
    /// `row`th article listed (0: the likeliest).
    Elsewhere { at: BlockRef, row: usize },
    /// Two blocks of two articles, each on the top line of its pane.
    Beside { left: BlockRef, right: BlockRef },
    /// A pair as it was left, to come back to.
    Pair(PairView),
}

/// A pair of articles as the compare view was left (what `esc` comes back
/// to): each pane's place, whether they scroll together, the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PairView {
    pub left: usize,
    pub right: usize,
    /// What was on each pane's top line (the same row for both when
    /// locked).
    pub tops: [Option<Goto>; 2],
    pub locked: bool,
    pub right_focused: bool,
}

/// What a group of copies is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupKind {
    Quote,
    Passage,
}

/// A quote's or a passage's group, with one member to show on the right
/// (else the first after the reference).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Copies {
    pub kind: GroupKind,
    pub group: usize,
    pub member: Option<usize>,
}
