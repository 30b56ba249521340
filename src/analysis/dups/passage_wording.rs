//! Whether a shared passage is copied word for word: the rule the passages
//! view's `=` and `diff`'s "identical" rows share (`text::same_as_written`).
//! A score of 1 is not enough: it means the same words, case and
//! punctuation aside ("Public Opinion" and "public opinion").

use super::PassageGroup;
use crate::analysis::text::same_as_written;
use crate::corpus::Corpus;

impl PassageGroup {
    /// Every member reads as the origin does, as written.
    pub fn as_written(&self, corpus: &Corpus) -> bool {
        let text = |m: &super::Member| corpus.get(m.block).map_or("", |b| b.text.as_str());
        let Some(origin) = self.members.get(self.origin) else {
            return false;
        };
        let origin = text(origin);
        self.members
            .iter()
            .all(|m| same_as_written(text(m), origin))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_group_is_as_written_only_when_every_copy_keeps_case_and_punctuation() {
        // 004 repeats its intro word for word; 003 repeats a caption with
        // an extra space (the same words, not the same text).
        let corpus = crate::corpus::load_builtin();
        let passages = crate::analysis::Analysis::build(&corpus).passages;
        let group_of = |id: &str| {
            let a = corpus.resolve(id).unwrap();
            passages
                .groups
                .iter()
                .find(|g| g.members.iter().all(|m| m.block.article == a))
                .unwrap_or_else(|| panic!("a group within {id}"))
        };
        assert!(group_of("004").as_written(&corpus));
        assert!(!group_of("003").as_written(&corpus));
    }
}
