//! The search prompt, on the status line as in less: `/` in a view (the
//! view searches as the phrase is typed), `/` in the library (the list
//! narrows), `F` anywhere (every article is searched on enter).

use crate::analysis::find::MAX_QUERY_BYTES;
use crate::corpus::sanitize::Clean;
use crate::display::wrap::{truncate, width};
use crate::ui::geometry::Geometry;
use crate::ui::shared::Shared;
use crate::ui::styled::Tag;
use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// What the phrase typed is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptFor {
    /// The text of the screen shown.
    View,
    /// The library's list.
    Library,
    /// Every article (on enter).
    Corpus,
    /// The list of the screen shown (quotes, passages, the coverage
    /// matrix, elsewhere): narrowed as typed.
    List,
}

#[derive(Debug, Clone, Default)]
pub struct SearchPrompt {
    pub text: String,
    pub target: Option<PromptFor>,
    /// The text when the prompt opened (esc in the library goes back to
    /// the filter it had).
    pub before: String,
    /// The last phrase searched for in every article (an empty prompt
    /// repeats it).
    pub last_corpus: String,
}

impl SearchPrompt {
    /// Open for `target`, holding `text`.
    pub fn open(&mut self, target: PromptFor, text: &str) {
        self.target = Some(target);
        self.text = text.to_string();
        self.before = text.to_string();
    }

    pub fn target(&self) -> PromptFor {
        self.target.unwrap_or(PromptFor::View)
    }

    /// Type `c`; false if the phrase is as long as a phrase can be.
    pub fn type_char(&mut self, c: char) -> bool {
        if self.text.len() + c.len_utf8() > MAX_QUERY_BYTES {
            return false;
        }
        self.text.push(c);
        true
    }

    /// Delete the last character; false if there was none.
    pub fn delete_char(&mut self) -> bool {
        self.text.pop().is_some()
    }

    /// Clear the phrase; false if it was empty.
    pub fn clear(&mut self) -> bool {
        let had = !self.text.is_empty();
        self.text.clear();
        had
    }

    /// Draw the prompt over the status row, with `note` (what the phrase
    /// finds so far) on the right.
    pub fn draw(&self, frame: &mut Frame, g: &Geometry, cx: &Shared, note: &str) {
        let theme = &cx.theme;
        let w = g.width();
        let label = match self.target() {
            PromptFor::View => "/",
            PromptFor::Library | PromptFor::List => "filter: ",
            PromptFor::Corpus => "find in every article: ",
        };
        let note = truncate(note, w / 3);
        let room = w.saturating_sub(width(label) + width(&note) + 2);
        // Show the end of a long phrase: that is where the typing happens.
        let chars: Vec<char> = self.text.chars().collect();
        let mut start = chars.len();
        let mut used = 0;
        while start > 0 && used + width(&chars[start - 1].to_string()) <= room {
            start -= 1;
            used += width(&chars[start].to_string());
        }
        let shown: String = chars[start..].iter().collect();
        // Typed or pasted: shown through the sanitiser.
        let shown = Clean::line(&shown).into_string();
        let pad = w.saturating_sub(width(label) + width(&shown) + 1 + width(&note));
        let line = Line::from(vec![
            Span::styled(label, theme.style(Tag::Accent)),
            Span::styled(shown, Style::default()),
            Span::styled("▏", theme.style(Tag::Accent)),
            Span::raw(" ".repeat(pad)),
            Span::styled(note, theme.style(Tag::Dim)),
        ]);
        frame.render_widget(line, g.status);
    }
}
