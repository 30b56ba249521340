//! Lines of text tagged with what they mean, not how they look. Layout
//! produces them once per width; views map tags to styles through the
//! theme, so NO_COLOR is a theme choice rather than a branch in every view.

/// What a run of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    Text,
    Title,
    Heading,
    Caption,
    TableRow,
    /// Folded chrome and metadata, notes, secondary information.
    Dim,
    /// A within-article repeat marker.
    Repeat,
    /// Word diff: text only in the left article.
    Deleted,
    /// Word diff: text only in the right article.
    Inserted,
    /// A paragraph paired out of order.
    Moved,
    /// Pairing gutter marks (=, ≈, ~).
    Mark,
    /// Fuzzy-matched characters in the palette.
    Matched,
    /// Selected entry or focused element.
    Selected,
    /// Key names in hints and help.
    Key,
    Accent,
}

impl Tag {
    /// Every tag, in declaration order (themes and their tests cover all).
    pub const ALL: [Tag; 15] = [
        Tag::Text,
        Tag::Title,
        Tag::Heading,
        Tag::Caption,
        Tag::TableRow,
        Tag::Dim,
        Tag::Repeat,
        Tag::Deleted,
        Tag::Inserted,
        Tag::Moved,
        Tag::Mark,
        Tag::Matched,
        Tag::Selected,
        Tag::Key,
        Tag::Accent,
    ];
}

/// One display line: runs of (text, tag).
pub type StyledLine = Vec<(String, Tag)>;

pub fn plain(text: impl Into<String>, tag: Tag) -> StyledLine {
    vec![(text.into(), tag)]
}

/// Display width of a styled line.
pub fn line_width(line: &StyledLine) -> usize {
    line.iter()
        .map(|(t, _)| crate::display::wrap::width(t))
        .sum()
}
