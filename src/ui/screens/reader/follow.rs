//! From the reader to the evidence: the first paragraph on screen that is
//! shared or repeated opens its copies side by side; the first quote on
//! screen opens its group; the first paragraph on screen, where the other
//! articles make its point.

use super::Reader;
use crate::corpus::BlockRef;
use crate::ui::action::Action;
use crate::ui::outcome::{Copies, GroupKind, Open, Outcome};
use crate::ui::shared::Shared;

impl Reader {
    /// The blocks with a line on screen, top to bottom.
    fn blocks_on_screen(&self, page: usize) -> Vec<BlockRef> {
        let Some(layout) = self.text.layout() else {
            return Vec::new();
        };
        let mut out: Vec<BlockRef> = Vec::new();
        let top = self.text.scroll();
        for line in top..(top + page).min(layout.lines.len()) {
            if let Some((b, _)) = layout.block_at(line) {
                let b = BlockRef::new(layout.article, b);
                if out.last() != Some(&b) {
                    out.push(b);
                }
            }
        }
        out
    }

    /// `follow_passage` or `follow_quote`.
    pub(super) fn follow_mark(&self, action: Action, cx: &Shared) -> Outcome {
        let on_screen = self.blocks_on_screen(cx.geometry.page(false));
        let a = &cx.analysis;
        if action == Action::FollowPassage {
            for b in on_screen {
                if let Some(&g) = a.passages.of_block(b).first() {
                    let member = a.passages.groups[g]
                        .members
                        .iter()
                        .position(|m| m.block == b);
                    return open_copies(GroupKind::Passage, g, member);
                }
            }
            return Outcome::Say("No shared or repeated paragraph on screen".into());
        }
        for b in on_screen {
            // The first in the text: groups are listed most carried first.
            if let Some(g) = a.quotes.first_in_block(b) {
                let group = &a.quotes.groups[g];
                if group.quotes.len() < 2 {
                    return Outcome::Open(Open::Quotes(Some(g)));
                }
                let member = group.quotes.iter().position(|q| q.at == b);
                return open_copies(GroupKind::Quote, g, member);
            }
        }
        Outcome::Say("No quote on screen".into())
    }
}

impl Reader {
    /// `elsewhere`: the first paragraph on screen, in the other articles.
    pub(super) fn elsewhere(&self, cx: &Shared) -> Outcome {
        let on_screen = self.blocks_on_screen(cx.geometry.page(false));
        let article = cx.corpus.articles.get(self.article);
        let paragraph = on_screen.into_iter().find(|b| {
            article
                .and_then(|a| a.blocks.get(b.block))
                .is_some_and(|x| x.kind.is_content())
        });
        match paragraph {
            Some(b) if cx.articles() > 1 => Outcome::Open(Open::Elsewhere { at: b, row: 0 }),
            Some(_) => Outcome::Say("No other article to look in".into()),
            None => Outcome::Say("No paragraph on screen".into()),
        }
    }
}

fn open_copies(kind: GroupKind, group: usize, member: Option<usize>) -> Outcome {
    Outcome::Open(Open::Copies(Copies {
        kind,
        group,
        member,
    }))
}
