//! The library's columns fitted to the width. A column no article has a
//! value for is left out (an empty OUTLET column takes no room), a column
//! is as wide as its widest value (up to a cap), and on a narrow screen
//! the least needed columns go first so the title keeps room to be read.

use crate::corpus::Corpus;
use crate::display::wrap::{in_column, truncate, width};

/// A column after ID and TITLE.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Outlet,
    Date,
    Minutes,
    Words,
    Shared,
    Repeats,
    /// The event the article reports, numbered as `parallax events` does.
    Event,
}

impl Column {
    /// In screen order.
    pub const ALL: [Column; 7] = [
        Column::Outlet,
        Column::Date,
        Column::Minutes,
        Column::Words,
        Column::Shared,
        Column::Repeats,
        Column::Event,
    ];
    /// Left out first when the title needs room: reading time, the event,
    /// repeats,
    /// words, then the reuse count, the date and last the outlet.
    const DROP_ORDER: [Column; 7] = [
        Column::Minutes,
        Column::Event,
        Column::Repeats,
        Column::Words,
        Column::Shared,
        Column::Date,
        Column::Outlet,
    ];

    pub fn header(self) -> &'static str {
        match self {
            Column::Outlet => "OUTLET",
            Column::Date => "DATE",
            Column::Minutes => "MIN",
            Column::Words => "WORDS",
            Column::Shared => "SHARED",
            Column::Repeats => "REP",
            Column::Event => "EVENT",
        }
    }

    /// What the column holds, for the help over the library: a header of
    /// three letters tells a new user little.
    pub fn meaning(self) -> &'static str {
        match self {
            Column::Outlet => "who published it, as the page names it (else its address)",
            Column::Date => "the date the page prints",
            Column::Minutes => {
                "reading time as the page states it (\"4 min read\"); none is estimated"
            }
            Column::Words => "words of text, folded chrome and metadata left out",
            Column::Shared => "paragraphs another article carries too, word for word or with edits",
            Column::Repeats => "paragraphs that repeat an earlier one of this article",
            Column::Event => "the story it reports, numbered as `parallax events` numbers them",
        }
    }

    /// What a cell without a value ("–") means.
    pub const NONE: (&'static str, &'static str) = (
        "–",
        "not given: the page states no outlet, date or reading time; no event until the analysis is in",
    );

    /// Numbers align right, names left.
    fn right_aligned(self) -> bool {
        !matches!(self, Column::Outlet | Column::Date)
    }

    /// The widest a column gets; longer values are cut with "…".
    fn cap(self) -> usize {
        match self {
            Column::Outlet => 12,
            Column::Date => 10,
            Column::Minutes => 3,
            Column::Words | Column::Shared => 6,
            Column::Repeats => 4,
            Column::Event => 5,
        }
    }
}

/// The title never gets less than this while a column can make room.
const TITLE_MIN: usize = 20;

/// On a wide screen the outlet column grows to this, while the title
/// keeps at least `TITLE_ROOMY`.
const OUTLET_WIDE: usize = 28;
const TITLE_ROOMY: usize = 60;

/// How wide each column's values are, measured once per corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnWidths {
    /// Widest outlet and date (0: no article has one); some article has
    /// a reading time.
    outlet: usize,
    date: usize,
    minutes: bool,
}

impl ColumnWidths {
    pub fn of(corpus: &Corpus) -> ColumnWidths {
        let widest = |value: &dyn Fn(&crate::corpus::Article) -> Option<&str>| {
            corpus
                .articles
                .iter()
                .filter_map(|a| value(a).map(width))
                .max()
                .unwrap_or(0)
        };
        ColumnWidths {
            outlet: widest(&|a| a.meta.outlet.as_deref()),
            date: corpus
                .articles
                .iter()
                .filter_map(|a| a.meta.date_in_column().map(|d| width(&d)))
                .max()
                .unwrap_or(0),
            minutes: corpus
                .articles
                .iter()
                .any(|a| a.meta.read_minutes.is_some()),
        }
    }

    /// The width of `column`, or `None` when no article has a value for it.
    fn natural(&self, column: Column) -> Option<usize> {
        let content = match column {
            Column::Outlet => self.outlet,
            Column::Date => self.date,
            // Numbers keep a fixed width, so they line up across corpora;
            // counts are always there (0 is a value).
            Column::Minutes if !self.minutes => 0,
            Column::Minutes | Column::Words | Column::Shared | Column::Repeats | Column::Event => {
                column.cap()
            }
        };
        (content > 0).then(|| content.max(width(column.header())).min(column.cap()))
    }
}

/// The columns shown at one width: ID, TITLE, then `columns` in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fitted {
    pub id: usize,
    pub title: usize,
    pub columns: Vec<(Column, usize)>,
    /// Columns with content left out for the title's room, in screen
    /// order: the header says so, so a column is never lost unseen.
    pub hidden: Vec<Column>,
}

/// Columns for a screen `total` columns wide, a mark of 2 columns and ids
/// `id` wide, one space between columns.
pub fn fit(total: usize, id: usize, widths: &ColumnWidths) -> Fitted {
    let mut columns: Vec<(Column, usize)> = Column::ALL
        .iter()
        .filter_map(|&c| Some((c, widths.natural(c)?)))
        .collect();
    let with_content: Vec<Column> = columns.iter().map(|&(c, _)| c).collect();
    let used = |cols: &[(Column, usize)]| 2 + id + cols.iter().map(|(_, w)| w + 1).sum::<usize>();
    for drop in Column::DROP_ORDER {
        if used(&columns) + 1 + TITLE_MIN <= total {
            break;
        }
        columns.retain(|&(c, _)| c != drop);
    }
    let mut title = total.saturating_sub(used(&columns) + 1).max(1);
    // A wide screen gives a long outlet name its room before the title
    // gets more than it needs ("North Example Gazette", not "North Examp…").
    if let Some((_, w)) = columns.iter_mut().find(|(c, _)| *c == Column::Outlet) {
        let grow = widths.outlet.min(OUTLET_WIDE).saturating_sub(*w);
        if grow > 0 && title >= TITLE_ROOMY + grow {
            *w += grow;
            title -= grow;
        }
    }
    let hidden = with_content
        .into_iter()
        .filter(|c| columns.iter().all(|(kept, _)| kept != c))
        .collect();
    Fitted {
        id,
        title,
        columns,
        hidden,
    }
}

impl Fitted {
    /// The TITLE header, naming the columns this width leaves out
    /// ("TITLE · no room for MIN, EVENT", or "TITLE −MIN −EVENT" when
    /// that is too long), shortened to a count when no names fit.
    pub fn title_header(&self) -> String {
        if self.hidden.is_empty() {
            return "TITLE".into();
        }
        let names: Vec<&str> = self.hidden.iter().map(|c| c.header()).collect();
        let minus: Vec<String> = names.iter().map(|n| format!("−{n}")).collect();
        [
            format!("TITLE · no room for {}", names.join(", ")),
            format!("TITLE {}", minus.join(" ")),
        ]
        .into_iter()
        .find(|h| width(h) <= self.title)
        .unwrap_or_else(|| format!("TITLE −{}", self.hidden.len()))
    }

    /// One cell of `column`, padded (or cut) to its width.
    pub fn cell(column: Column, w: usize, value: &str) -> String {
        if !column.right_aligned() {
            return in_column(value, w);
        }
        let v = truncate(value, w);
        let pad = " ".repeat(w.saturating_sub(width(&v)));
        format!("{pad}{v}")
    }

    /// The columns after the title: " OUTLET DATE …", each value given by
    /// `value`.
    pub fn tail(&self, value: impl Fn(Column) -> String) -> String {
        let mut out = String::new();
        for &(c, w) in &self.columns {
            out.push(' ');
            out.push_str(&Fitted::cell(c, w, &value(c)));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widths(outlet: usize, date: usize) -> ColumnWidths {
        ColumnWidths {
            outlet,
            date,
            minutes: true,
        }
    }

    #[test]
    fn at_80_columns_every_column_with_content_shows() {
        let f = fit(80, 3, &widths(12, 6));
        let names: Vec<_> = f.columns.iter().map(|(c, _)| c.header()).collect();
        assert_eq!(
            names,
            ["OUTLET", "DATE", "MIN", "WORDS", "SHARED", "REP", "EVENT"]
        );
        // EVENT (5 wide and a space) comes out of the title's share.
        assert_eq!(f.title, 25);
    }

    #[test]
    fn a_column_left_out_is_named_in_the_title_header() {
        let all = fit(80, 3, &widths(12, 6));
        assert!(all.hidden.is_empty());
        assert_eq!(all.title_header(), "TITLE");
        // Long ids leave no room for reading time and the event.
        let f = fit(80, 14, &widths(12, 10));
        let kept: Vec<_> = f.columns.iter().map(|(c, _)| *c).collect();
        assert!(!kept.contains(&Column::Event), "{f:?}");
        assert!(f.hidden.contains(&Column::Event));
        assert!(f.hidden.iter().all(|c| !kept.contains(c)));
        let header = f.title_header();
        assert!(header.contains("EVENT"), "{header}");
        assert!(width(&header) <= f.title, "{header} in {}", f.title);
        // A column no article has a value for is not "hidden".
        let narrow = fit(40, 3, &widths(0, 6));
        assert!(!narrow.hidden.contains(&Column::Outlet));
        assert!(width(&narrow.title_header()) <= narrow.title);
    }

    #[test]
    fn a_wide_screen_gives_a_long_outlet_its_room() {
        let narrow = fit(80, 3, &widths(21, 10));
        let outlet = |f: &Fitted| {
            f.columns
                .iter()
                .find(|(c, _)| *c == Column::Outlet)
                .unwrap()
                .1
        };
        assert_eq!(outlet(&narrow), 12);
        let wide = fit(200, 3, &widths(21, 10));
        assert_eq!(outlet(&wide), 21);
        assert!(wide.title >= TITLE_ROOMY);
        assert_eq!(outlet(&fit(200, 3, &widths(40, 10))), OUTLET_WIDE);
    }

    #[test]
    fn an_empty_outlet_column_takes_no_room() {
        let with = fit(80, 3, &widths(12, 6));
        let without = fit(80, 3, &widths(0, 6));
        assert!(without.columns.iter().all(|(c, _)| *c != Column::Outlet));
        assert_eq!(without.title, with.title + 13);
    }

    #[test]
    fn at_40_columns_the_title_keeps_room() {
        for outlet in [0, 12] {
            let f = fit(40, 3, &widths(outlet, 6));
            assert!(f.title >= TITLE_MIN, "{f:?}");
            let row = 2 + f.id + 1 + f.title + f.columns.iter().map(|(_, w)| w + 1).sum::<usize>();
            assert!(row <= 40, "{f:?}");
        }
    }
}
