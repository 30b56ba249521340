//! `/` in help searches the help, as in less: the phrase is typed on the
//! status line, every hit is marked (the reader's `Find` over the help's
//! lines, one unit a line), n and N go from hit to hit, esc ends the
//! search (and then closes help).

use super::help::{Help, all_lines, text_area};
use super::search_prompt::{PromptFor, SearchPrompt};
use crate::corpus::BlockRef;
use crate::corpus::sanitize::Clean;
use crate::ui::action::{Action, ViewId};
use crate::ui::find::{TextUnit, text_of};
use crate::ui::geometry::Geometry;
use crate::ui::outcome::Outcome;
use crate::ui::shared::Shared;
use ratatui::Frame;

impl Help {
    /// True while the search's phrase is being typed (the keys are the
    /// search prompt's).
    pub fn typing(&self) -> bool {
        self.prompt.is_some()
    }

    /// `/`: the prompt opens.
    pub fn begin_search(&mut self) {
        let mut prompt = SearchPrompt::default();
        prompt.open(PromptFor::View, "");
        self.prompt = Some(prompt);
        self.find.begin();
    }

    /// A character typed into the prompt: the help is searched as typed.
    pub fn type_char(&mut self, c: char) {
        if let Some(prompt) = &mut self.prompt
            && prompt.type_char(c)
        {
            self.find.typed(&prompt.text);
        }
    }

    /// The prompt's editing keys and enter.
    pub(super) fn prompt_action(&mut self, action: Action) -> Outcome {
        let Some(prompt) = &mut self.prompt else {
            return Outcome::Done;
        };
        let changed = match action {
            Action::DeleteChar => prompt.delete_char(),
            Action::ClearQuery => prompt.clear(),
            Action::Confirm => {
                self.prompt = None;
                return self.find.accept().map_or(Outcome::Done, Outcome::Say);
            }
            _ => false,
        };
        if changed {
            self.find.typed(&prompt.text);
        }
        Outcome::Done
    }

    /// n or N: the next or previous hit, brought on screen.
    pub(super) fn step(&mut self, forward: bool, cx: &Shared, screen: ViewId) -> Outcome {
        if !self.find.is_active() {
            let search = cx.key_for(ViewId::Help, Action::Search);
            return Outcome::Say(crate::clean!("No search: {search} searches this help"));
        }
        let (jump, message) = self.find.step(forward);
        if let Some(jump) = jump {
            let (_, last_page) = self.pages(cx, screen);
            self.scroll = jump.line.min(last_page);
        }
        message.map_or(Outcome::Done, Outcome::Say)
    }

    /// esc: the prompt is cancelled (back to where it opened), else the
    /// search ended. False when there was neither: help closes.
    pub fn back(&mut self) -> bool {
        if self.prompt.take().is_some() {
            self.find.cancel();
            return true;
        }
        self.find.clear()
    }

    /// After every key and resize: the hits found again in the help's
    /// lines as they are now wrapped, and a jump the search asked for.
    pub fn refresh(&mut self, cx: &Shared, screen: ViewId) {
        let inner = text_area(&cx.geometry);
        let width = usize::from(inner.width);
        let lines = all_lines(cx, &cx.keymap, screen, width);
        let units: Vec<TextUnit> = (0..lines.len())
            .map(|i| TextUnit {
                source: text_of(&lines[i]),
                origin: 0,
                block: BlockRef::new(0, i),
                pane: 0,
                lines: i..i + 1,
                decor: 0,
            })
            .collect();
        let page = usize::from(inner.height).max(1);
        let last_page = lines.len().saturating_sub(page);
        self.scroll = self.scroll.min(last_page);
        let token = [width, lines.len(), screen as usize, 0, 0];
        let text = |_: usize, line: usize| lines.get(line).map(text_of).unwrap_or_default();
        if let Some(jump) = self
            .find
            .refresh(token, &units, text, [self.scroll; 2], page)
        {
            self.scroll = jump.line.min(last_page);
            self.find
                .refresh(token, &units, text, [self.scroll; 2], page);
        }
    }

    /// The prompt on the status row while typing; false if not typing.
    pub fn draw_prompt(&self, frame: &mut Frame, g: &Geometry, cx: &Shared) -> bool {
        let Some(prompt) = &self.prompt else {
            return false;
        };
        prompt.draw(frame, g, cx, &self.find.note());
        true
    }

    /// The status line while a search is on: "/esc 2/5 · n N · esc ends it".
    pub fn status(&self, cx: &Shared) -> Option<Clean> {
        let found = self.find.status()?;
        let key = |a: Action| cx.key_for(ViewId::Help, a);
        // esc, as in less, where the keymap has it there.
        let backs = cx.keymap.keys_for(ViewId::Help, Action::Back);
        let end = backs
            .iter()
            .map(ToString::to_string)
            .find(|k| k == "esc")
            .unwrap_or_else(|| key(Action::Back));
        Some(crate::clean!(
            " {found} · {} {} next, previous · {end} ends the search",
            key(Action::NextMatch),
            key(Action::PrevMatch),
        ))
    }
}
