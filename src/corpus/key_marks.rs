//! What the structural rules ask of a block's phrase key, answered once
//! when `classify` builds the key (see `line_key`).

use super::chrome;
use super::fold::Folded;

/// What the structural rules ask of a block's key, answered when the key
/// is built (the texts move into their blocks after that).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyMarks {
    /// A loading indicator; asked only in the page header.
    pub loading: bool,
    pub poll_total: bool,
    pub tail_opener: bool,
}

impl KeyMarks {
    pub fn of(key: &Folded, in_header: bool) -> KeyMarks {
        KeyMarks {
            loading: in_header && chrome::is_loading_key(key),
            poll_total: chrome::is_poll_total_key(key),
            tail_opener: chrome::is_tail_opener_key(key),
        }
    }
}
