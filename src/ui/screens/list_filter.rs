//! What `/` typed in a list view (quotes, passages): the entries whose
//! text holds the phrase, found as the reader's search finds it
//! (case-smart; quotes, dashes and spaces folded). Rows are indices of the
//! entries shown; with no filter, row k is entry k.

use crate::analysis::find::Query;

#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    text: String,
    /// Entries kept, in list order (empty with no filter).
    shown: Vec<usize>,
}

impl ListFilter {
    /// The phrase typed ("" with no filter).
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_on(&self) -> bool {
        !self.text.is_empty()
    }

    /// Rows listed out of `total` entries.
    pub fn len(&self, total: usize) -> usize {
        if self.is_on() {
            self.shown.len()
        } else {
            total
        }
    }

    /// The entry at `row`.
    pub fn entry(&self, row: usize) -> Option<usize> {
        if self.is_on() {
            self.shown.get(row).copied()
        } else {
            Some(row)
        }
    }

    /// The row of `entry`, if it is listed.
    pub fn row(&self, entry: usize) -> Option<usize> {
        if self.is_on() {
            self.shown.iter().position(|&e| e == entry)
        } else {
            Some(entry)
        }
    }

    /// Keep the entries of `0..total` whose `text` holds `phrase` ("", or
    /// only spaces, shows them all).
    pub fn set(&mut self, phrase: &str, total: usize, text: impl Fn(usize) -> String) {
        self.shown.clear();
        let Some(query) = Query::new(phrase) else {
            self.text.clear();
            return;
        };
        self.text = phrase.to_string();
        self.shown = (0..total)
            .filter(|&e| !query.find_in(&text(e)).is_empty())
            .collect();
    }

    /// The row of `entry`, the filter cleared first if it hides it: a
    /// view opened at an entry always shows that entry.
    pub fn reveal(&mut self, entry: usize) -> usize {
        if self.row(entry).is_none() {
            self.clear();
        }
        self.row(entry).unwrap_or(entry)
    }

    /// [`ListFilter::set`], keeping the entry at `row` selected when it
    /// stays listed (esc that clears the filter comes back to it), else
    /// the first row.
    pub fn set_keeping(
        &mut self,
        phrase: &str,
        total: usize,
        row: &mut usize,
        text: impl Fn(usize) -> String,
    ) {
        let was = self.entry(*row);
        self.set(phrase, total, text);
        *row = was.and_then(|e| self.row(e)).unwrap_or(0);
    }

    /// " · filter “bridge”: 3" for a view's title ("" with no filter).
    pub fn title_note(&self, total: usize) -> String {
        if !self.is_on() {
            return String::new();
        }
        let phrase = crate::display::wrap::truncate(&self.text, 30);
        format!(" · filter “{phrase}”: {}", self.len(total))
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.shown.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_map_to_the_entries_kept_and_back() {
        let texts = ["The bridge reopens", "Toll stays", "BRIDGE costs rise"];
        let mut f = ListFilter::default();
        assert_eq!((f.len(3), f.entry(2), f.row(1)), (3, Some(2), Some(1)));
        f.set("bridge", 3, |e| texts[e].to_string());
        assert_eq!(f.len(3), 2);
        assert_eq!(
            (f.entry(0), f.entry(1), f.entry(2)),
            (Some(0), Some(2), None)
        );
        assert_eq!((f.row(2), f.row(1)), (Some(1), None));
        // Case-smart: a capital asks for that case.
        f.set("BRIDGE", 3, |e| texts[e].to_string());
        assert_eq!(f.len(3), 1);
        f.set("   ", 3, |e| texts[e].to_string());
        assert!(!f.is_on());
        assert_eq!(f.len(3), 3);
    }
}
