//! Actions in the overlays that take typing: the topic palette, the
//! bookmark note prompt and the bookmark list.

use super::action::Action;
use super::app::{App, Screen};
use super::update::moved;

impl App {
    pub(super) fn palette_action(&mut self, action: Action) {
        let rows = self.palette_rows();
        let n = self.palette.hits.len();
        if let Some(p) = moved(self.palette.selected, action, rows, n) {
            self.palette.selected = p;
            return;
        }
        match action {
            Action::DeleteChar => {
                self.palette.query.pop();
                self.palette.refilter(&self.analysis.topics);
            }
            Action::ClearQuery => {
                self.palette.query.clear();
                self.palette.refilter(&self.analysis.topics);
            }
            Action::Confirm => {
                if let Some(t) = self.palette.selected_topic()
                    && let Some(first) = self.analysis.topics.topics[t].occurrences.first()
                {
                    self.open_reader(first.article, Some(first.block));
                }
            }
            Action::OpenAcross => {
                if let Some(t) = self.palette.selected_topic() {
                    self.topic.topic = t;
                    self.topic.scroll = 0;
                    self.overlay = None;
                    self.go(Screen::Topic);
                }
            }
            _ => {}
        }
    }

    pub(super) fn prompt_action(&mut self, action: Action) {
        match action {
            Action::Confirm => self.accept_bookmark(),
            Action::DeleteChar => {
                self.bookmarks.note.pop();
            }
            Action::ClearQuery => self.bookmarks.note.clear(),
            _ => {}
        }
    }

    pub(super) fn bookmarks_action(&mut self, action: Action) {
        let rows = self.palette_rows();
        let n = self.bookmarks.hits.len();
        if let Some(p) = moved(self.bookmarks.selected, action, rows, n) {
            self.bookmarks.selected = p;
            return;
        }
        match action {
            Action::Confirm => self.jump_to_bookmark(),
            Action::DeleteChar => {
                self.bookmarks.query.pop();
                self.bookmarks.refilter();
            }
            Action::ClearQuery => {
                self.bookmarks.query.clear();
                self.bookmarks.refilter();
            }
            _ => {}
        }
    }

    /// Rows of hits the palette shows at the current size.
    pub fn palette_rows(&self) -> usize {
        usize::from(self.size.1)
            .saturating_sub(4)
            .clamp(1, 20)
            .saturating_sub(3)
            .max(1)
    }
}
