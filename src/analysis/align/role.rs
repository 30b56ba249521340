//! What a block may pair with. Its own file because both the scores and
//! the repeat finder read it, and neither should import the other for it.

use crate::corpus::BlockKind;

/// What a block may pair with: headings with headings, body text with body
/// text; metadata and boilerplate with nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Heading,
    Body,
    Unpaired,
}

impl Role {
    pub(super) fn of(kind: BlockKind) -> Role {
        match kind {
            BlockKind::Heading => Role::Heading,
            k if k.is_content() => Role::Body,
            _ => Role::Unpaired,
        }
    }
}
