//! The search prompt's glue: `/` searches the screen shown as the phrase
//! is typed (the library narrows its list instead), `F` searches every
//! article on enter and shows the results, and a result followed opens
//! the reader searching for the phrase. Esc in the prompt goes back to
//! what was before it; esc on a screen clears its search or filter first.

use super::{App, Overlay, ScreenId};
use crate::corpus::sanitize::Clean;
use crate::ui::action::Action;
use crate::ui::outcome::{Open, Outcome};
use crate::ui::overlays::search_prompt::PromptFor;
use crate::ui::place::Goto;

impl App {
    /// `/`: open the prompt for the screen shown.
    pub(super) fn begin_search(&mut self) {
        self.overlay = None;
        let target = match self.screen {
            ScreenId::Library => PromptFor::Library,
            ScreenId::Results => PromptFor::Corpus,
            screen if self.screens.get(screen).list_filter().is_some() => PromptFor::List,
            screen => match self.screens.get_mut(screen).find_mut() {
                Some(find) => {
                    find.begin();
                    PromptFor::View
                }
                None => {
                    self.message = Some(Clean::lit(
                        "Nothing to search here: F finds a phrase in every article",
                    ));
                    return;
                }
            },
        };
        let text = match target {
            PromptFor::Library => self.screens.library.filter().to_string(),
            PromptFor::List => self
                .screens
                .get(self.screen)
                .list_filter()
                .map_or(String::new(), |list| list.text().to_string()),
            _ => String::new(),
        };
        self.prompt.open(target, &text);
        self.overlay = Some(Overlay::Search);
    }

    /// `F`: a phrase to find in every article.
    pub(super) fn begin_search_all(&mut self) {
        self.overlay = None;
        self.prompt.open(PromptFor::Corpus, "");
        self.overlay = Some(Overlay::Search);
    }

    pub(super) fn search_typed(&mut self, c: char) {
        if self.prompt.type_char(c) {
            self.prompt_changed();
        }
    }

    /// Keys of the prompt: editing, and enter.
    pub(super) fn prompt_action(&mut self, action: Action) -> Outcome {
        let changed = match action {
            Action::DeleteChar => self.prompt.delete_char(),
            Action::ClearQuery => self.prompt.clear(),
            Action::Confirm => return self.accept_prompt(),
            _ => false,
        };
        if changed {
            self.prompt_changed();
        }
        Outcome::Done
    }

    /// The phrase changed: the view searches again, the library narrows.
    fn prompt_changed(&mut self) {
        let text = self.prompt.text.clone();
        match self.prompt.target() {
            PromptFor::View => {
                if let Some(find) = self.screens.get_mut(self.screen).find_mut() {
                    find.typed(&text);
                }
            }
            PromptFor::Library => self.screens.library.set_filter(&text, &self.cx),
            PromptFor::List => {
                let screen = self.screens.get_mut(self.screen);
                screen.set_list_filter(&text, &self.cx);
            }
            PromptFor::Corpus => {}
        }
    }

    /// "3 of 12": what the list filter's phrase leaves, for its prompt.
    pub fn list_note(&self) -> String {
        let list = self.screens.get(self.screen).list_filter();
        let (shown, total) = list.map_or((0, 0), |l| (l.len(), l.total()));
        format!("{shown} of {total}")
    }

    fn accept_prompt(&mut self) -> Outcome {
        match self.prompt.target() {
            PromptFor::View => {
                let find = self.screens.get_mut(self.screen).find_mut();
                Outcome::Close(find.and_then(|f| f.accept()))
            }
            PromptFor::Library => {
                let n = self.screens.library.shown().len();
                let none = n == 0 && !self.prompt.text.is_empty();
                Outcome::Close(none.then(|| Clean::lit("No article matches the filter")))
            }
            PromptFor::Corpus => self.search_everywhere(),
            PromptFor::List => {
                let list = self.screens.get(self.screen).list_filter();
                let none = list.is_some_and(|l| l.is_empty()) && !self.prompt.text.is_empty();
                Outcome::Close(none.then(|| Clean::lit("Nothing in the list matches the filter")))
            }
        }
    }

    /// Enter in the `F` prompt: search, and show the results (an empty
    /// prompt repeats the last search).
    fn search_everywhere(&mut self) -> Outcome {
        let mut text = self.prompt.text.clone();
        if text.trim().is_empty() {
            text = self.prompt.last_corpus.clone();
        }
        self.overlay = None;
        match self.screens.results.search(&text, &self.cx) {
            Ok(()) => {
                self.prompt.last_corpus = text;
                self.go(ScreenId::Results);
                Outcome::Done
            }
            Err(message) => Outcome::Say(message),
        }
    }

    /// Esc in the prompt: back to what was before it.
    pub(super) fn cancel_prompt(&mut self) {
        match self.prompt.target() {
            PromptFor::View => {
                if let Some(find) = self.screens.get_mut(self.screen).find_mut() {
                    find.cancel();
                }
            }
            PromptFor::Library => {
                let before = self.prompt.before.clone();
                self.screens.library.set_filter(&before, &self.cx);
            }
            PromptFor::List => {
                let before = self.prompt.before.clone();
                let screen = self.screens.get_mut(self.screen);
                screen.set_list_filter(&before, &self.cx);
            }
            PromptFor::Corpus => {}
        }
    }

    /// Esc on a screen: clear its search (or the library's filter); false
    /// if there was none.
    pub(super) fn clear_search(&mut self) -> bool {
        if self.screen == ScreenId::Library {
            return self.screens.library.clear_filter(&self.cx);
        }
        let screen = self.screens.get_mut(self.screen);
        if screen.list_filter().is_some_and(|f| f.is_on()) {
            screen.set_list_filter("", &self.cx);
            return true;
        }
        self.screens
            .get_mut(self.screen)
            .find_mut()
            .is_some_and(|f| f.clear())
    }

    /// Open the reader at a hit found in every article, searching there.
    pub(super) fn follow(&mut self, at: Goto, phrase: &str, offset: usize) {
        self.open(Open::Reader(at));
        self.screens.reader.follow(phrase, at.block, offset);
    }
}
