//! What `/` typed in a list view (quotes, passages, the coverage matrix's
//! topics, elsewhere's articles): the entries whose text holds the
//! phrase, found as the reader's search finds it (case-smart; quotes,
//! dashes and spaces folded). Rows are indices of the entries shown; with
//! no filter, row k is entry k. `FilteredList` is such a list with its
//! selection, what each of those screens keeps.

use super::title::{Part, fit};
use crate::analysis::find::Query;
use crate::ui::action::Action;

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

/// A list of entries that `/` narrows, and the row selected in it: the
/// one account of which rows are listed, which entry is selected, and
/// where the selection goes when the filter or the list changes.
#[derive(Debug, Clone, Default)]
pub struct FilteredList {
    filter: ListFilter,
    /// Entries in the list, filtered or not (as of the last `refilter`).
    total: usize,
    /// A row of the list as filtered.
    row: usize,
}

impl FilteredList {
    /// A list of `total` entries, unfiltered, its first row selected.
    pub fn new(total: usize) -> FilteredList {
        FilteredList {
            total,
            ..FilteredList::default()
        }
    }

    /// The phrase typed ("" with no filter).
    pub fn text(&self) -> &str {
        self.filter.text()
    }

    pub fn is_on(&self) -> bool {
        self.filter.is_on()
    }

    /// Rows listed.
    pub fn len(&self) -> usize {
        self.filter.len(self.total)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Entries in the list, the filter aside.
    pub fn total(&self) -> usize {
        self.total
    }

    /// The row selected.
    pub fn row(&self) -> usize {
        self.row
    }

    /// The entry at `row`, if it is listed.
    pub fn entry(&self, row: usize) -> Option<usize> {
        self.filter.entry(row).filter(|&e| e < self.total)
    }

    /// The entry selected (none when no row is listed).
    pub fn selected(&self) -> Option<usize> {
        self.entry(self.row)
    }

    /// The list is now of `total` entries, the filter `phrase` ("" shows
    /// all; `text` is what it looks in): the entry selected stays
    /// selected if it is still listed, else the first row.
    pub fn refilter(&mut self, phrase: &str, total: usize, text: impl Fn(usize) -> String) {
        self.total = total;
        self.filter.set_keeping(phrase, total, &mut self.row, text);
        self.fit();
    }

    /// A new list of `total` entries under the same phrase, from its
    /// first row (the entries of the old one are not these).
    pub fn renew(&mut self, total: usize, text: impl Fn(usize) -> String) {
        let phrase = std::mem::take(self).filter.text;
        self.refilter(&phrase, total, text);
    }

    /// Select `entry`, clearing the filter if it hides it.
    pub fn open(&mut self, entry: usize) {
        self.row = self.filter.reveal(entry);
        self.fit();
    }

    /// Keep the selection on a listed row.
    pub fn fit(&mut self) {
        self.row = self.row.min(self.len().saturating_sub(1));
    }

    /// Move the selection by a movement action over a page of `page`
    /// rows; false if `action` is not one.
    pub fn moved(&mut self, action: Action, page: usize) -> bool {
        match super::scroll::moved(self.row, action, page, self.len()) {
            Some(row) => {
                self.row = row;
                true
            }
            None => false,
        }
    }

    /// Select row `row` counted from 1 (`10G`), the last past the end;
    /// false when nothing is listed.
    pub fn go_to(&mut self, row: usize) -> bool {
        if self.is_empty() {
            return false;
        }
        self.row = row.saturating_sub(1).min(self.len() - 1);
        true
    }

    /// " · filter “bridge”: 3" for a view's title ("" with no filter).
    pub fn title_note(&self) -> String {
        self.filter.title_note(self.total)
    }

    /// "Quotes · 40 · 12 in several articles · 3 altered" and the filter
    /// note: `name`, `total`, then each count with its words, said in
    /// fewer words ("12 shared") when the title row is short of room.
    pub fn counted_title(
        &self,
        name: &str,
        total: usize,
        counts: [(usize, &str, &str); 2],
        room: usize,
    ) -> String {
        let said = |short: bool| -> String {
            let word = |&(n, long, brief): &(usize, &str, &str)| {
                format!(" · {n} {}", if short { brief } else { long })
            };
            counts.iter().map(word).collect()
        };
        let parts = vec![
            Part::Whole(format!("{name} · {total}")),
            Part::Short(said(false), said(true)),
        ];
        self.title(parts, room)
    }

    /// The view's title: `parts` then the filter note, in `room` columns
    /// (`title::fit`: the note and the counts are never what is cut).
    pub fn title(&self, mut parts: Vec<Part>, room: usize) -> String {
        parts.push(Part::Whole(self.title_note()));
        fit(&parts, room)
    }

    /// "3/12": the row selected among those listed.
    pub fn position(&self) -> String {
        format!("{}/{}", self.row + 1, self.len())
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

    #[test]
    fn the_selection_follows_its_entry_through_the_filter() {
        let texts = ["The bridge reopens", "Toll stays", "BRIDGE costs rise"];
        let text = |e: usize| texts[e].to_string();
        let mut list = FilteredList::new(3);
        assert_eq!((list.len(), list.selected()), (3, Some(0)));
        assert!(list.moved(Action::Bottom, 10));
        assert_eq!(list.selected(), Some(2));
        // Narrowed: entry 2 stays selected, on row 1.
        list.refilter("bridge", 3, text);
        assert_eq!((list.len(), list.row(), list.selected()), (2, 1, Some(2)));
        assert_eq!(list.title_note(), " · filter “bridge”: 2");
        assert_eq!(list.position(), "2/2");
        // Nothing listed: no entry selected.
        list.refilter("ferry", 3, text);
        assert_eq!((list.len(), list.selected()), (0, None));
        assert!(!list.go_to(1));
        // Opened at a hidden entry: the filter goes.
        list.refilter("toll", 3, text);
        list.open(2);
        assert!(!list.is_on());
        assert_eq!((list.row(), list.selected()), (2, Some(2)));
        assert!(!list.moved(Action::Confirm, 10));
        assert!(list.go_to(9));
        assert_eq!(list.row(), 2);
    }
}
