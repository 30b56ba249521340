//! What a screen or an overlay asks of the router after taking an action:
//! its own state it has changed itself; going elsewhere, a message or a
//! report is the router's to do.

use super::group::Group;
use super::place::Goto;
use crate::analysis::pair::Threshold;
use crate::corpus::sanitize::Clean;
use crate::session::Bookmark;

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
    /// A bookmark was made: persist it, close the prompt.
    Keep(Bookmark),
    /// Write a report of the pair (left, right) at this threshold.
    Report(usize, usize, Threshold),
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
}
