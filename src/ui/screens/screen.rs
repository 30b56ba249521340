//! What a screen is: the interface every screen of the reader implements,
//! so that the router, the frame, the session and the scroll hints treat
//! them alike.

use super::list_filter::FilteredList;
use crate::session::View;
use crate::ui::action::Action;
use crate::ui::find::Find;
use crate::ui::geometry::Geometry;
use crate::ui::outcome::{Open, Outcome};
use crate::ui::place::Place;
use crate::ui::shared::Shared;
use ratatui::Frame;
use ratatui::layout::Rect;

/// A screen owns its state, takes its actions, lays itself out for the
/// frame, draws itself, and says where it is.
pub trait Screen {
    /// Take an action of this screen's keymap table.
    fn handle(&mut self, action: Action, cx: &Shared) -> Outcome;

    /// Bring the layout up to date with the size and settings, then go to
    /// a place asked for (once there is a layout to find it in).
    fn refresh(&mut self, _cx: &Shared) {}

    /// The screen is not shown: drop work under way.
    fn hide(&mut self) {}

    /// The analysis changed: drop what was made of the old one, keep the
    /// place.
    fn reanalysed(&mut self, _cx: &Shared) {}

    /// What the title bar says after "parallax │".
    fn title(&self, cx: &Shared) -> String;

    /// The status line (unless a message takes it).
    fn status(&self, cx: &Shared) -> String;

    /// Draw the body (`g.body`).
    fn draw(&self, frame: &mut Frame, g: &Geometry, cx: &Shared);

    /// The block(s) at the top and how many lines into them: the place a
    /// session comes back to, and kept across a relayout.
    fn top(&self) -> Option<Place> {
        None
    }

    /// The block(s) of the first line with text on screen: what a bookmark
    /// takes (below a blank line at the top, the paragraph under it).
    fn shown(&self) -> Option<Place> {
        None
    }

    /// The part of the body that scrolls as a whole, if any.
    fn scrolled(&self, _cx: &Shared) -> Option<Scrolled> {
        None
    }

    /// The view a session saves this screen as.
    fn saved_as(&self) -> View;

    /// The `Open` that shows this screen as it is now, kept when another
    /// screen or place is opened over it: a later `Open` of this screen
    /// replaces its state, and `esc` comes back to this. `None` for a
    /// screen that nothing opens at a place (its state stays as left).
    fn reopen(&self) -> Option<Open> {
        None
    }

    /// A count before `g`/`G` (`10G`) names a row of this screen rather
    /// than a line: go there and say so (true). Screens whose status line
    /// counts lines leave it to the router (top, then down).
    fn go_to_row(&mut self, _row: usize, _cx: &Shared) -> bool {
        false
    }

    /// The pointer is at (`column`, `row`) of the frame (a click or the
    /// wheel, in mouse mode): focus what is there.
    fn point(&mut self, _column: u16, _row: u16, _cx: &Shared) {}

    /// A list that `/` narrows as the phrase is typed (as the library
    /// does): the list, with its phrase so far and the entries it leaves
    /// of how many, or `None` for a screen without one.
    fn list_filter(&self) -> Option<&FilteredList> {
        None
    }

    /// Narrow the list to the entries matching `text` ("" shows all).
    fn set_list_filter(&mut self, _text: &str, _cx: &Shared) {}

    /// The screen's in-view search, if its text can be searched.
    fn find(&self) -> Option<&Find> {
        None
    }

    fn find_mut(&mut self) -> Option<&mut Find> {
        None
    }
}

/// Lines of a layout shown in `rows`, from line `pos`. A change of `pos`
/// alone is a scroll; a change of `content` (another article, width,
/// pair, setting) is not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scrolled {
    pub content: [usize; 5],
    pub pos: usize,
    pub rows: Rect,
}
