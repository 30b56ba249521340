//! A group of articles the coverage views narrow to: one event, one
//! outlet's articles, or the articles marked in the library. The matrix
//! shows only its columns and the topic view only its articles, and "not
//! covered by" speaks of the group alone.

use crate::analysis::events::Events;
use crate::corpus::Corpus;

/// What groups are made of: the articles (for their outlets), the events
/// and the articles marked in the library.
#[derive(Clone, Copy)]
pub struct Members<'a> {
    pub corpus: &'a Corpus,
    pub events: &'a Events,
    pub marked: &'a [usize],
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupKind {
    /// An event, by its index in `Analysis::events`.
    Event(usize),
    Outlet(String),
    Marked,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub kind: GroupKind,
    /// Article indices, ascending, never empty.
    pub articles: Vec<usize>,
}

impl Group {
    pub fn contains(&self, article: usize) -> bool {
        self.articles.binary_search(&article).is_ok()
    }

    /// "event 3 (5 articles): Anchorage · Russia", "THE MAG POST (4
    /// articles)", "2 marked articles".
    pub fn describe(&self, events: &Events) -> String {
        let (before, name, after) = self.described(events);
        format!("{before}{name}{after}")
    }

    /// `describe` in three: what comes before the group's name, the name
    /// (an event's label, an outlet: what a title short of room cuts),
    /// and what comes after; the counts are never in the name.
    pub fn described(&self, events: &Events) -> (String, String, String) {
        let n = self.articles.len();
        let articles = if n == 1 { "article" } else { "articles" };
        match &self.kind {
            GroupKind::Event(e) => {
                let label = events.get(*e).map_or("", |ev| ev.label.as_str());
                let before = format!("event {} ({n} {articles}): ", e + 1);
                (before, label.to_string(), String::new())
            }
            GroupKind::Outlet(o) => (String::new(), o.clone(), format!(" ({n} {articles})")),
            GroupKind::Marked => (
                format!("{n} marked {articles}"),
                String::new(),
                String::new(),
            ),
        }
    }

    /// The group of `kind` that `article` belongs to, if there is one.
    fn of(kind: Step, article: usize, from: &Members) -> Option<Group> {
        let (kind, articles) = match kind {
            Step::Event => {
                let e = from.events.of(article)?;
                let members = from.events.get(e)?.articles.clone();
                (GroupKind::Event(e), members)
            }
            Step::Outlet => {
                let articles = &from.corpus.articles;
                let outlet = articles.get(article)?.meta.outlet.clone()?;
                let members = (0..articles.len())
                    .filter(|&a| articles[a].meta.outlet.as_deref() == Some(&outlet))
                    .collect();
                (GroupKind::Outlet(outlet), members)
            }
            Step::Marked => {
                let mut marked = from.marked.to_vec();
                marked.sort_unstable();
                marked.dedup();
                (GroupKind::Marked, marked)
            }
        };
        (!articles.is_empty()).then_some(Group { kind, articles })
    }

    /// What narrowing again gives, from `current` at `article`: its event,
    /// then its outlet, then the marked articles, then all articles
    /// (`None`); a step that does not apply is skipped.
    pub fn next(current: Option<&Group>, article: usize, from: &Members) -> Option<Group> {
        let done = match current.map(|g| &g.kind) {
            None => 0,
            Some(GroupKind::Event(_)) => 1,
            Some(GroupKind::Outlet(_)) => 2,
            Some(GroupKind::Marked) => 3,
        };
        [Step::Event, Step::Outlet, Step::Marked]
            .into_iter()
            .skip(done)
            .find_map(|step| Group::of(step, article, from))
    }
}

#[derive(Debug, Clone, Copy)]
enum Step {
    Event,
    Outlet,
    Marked,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Article, BlockKind};

    fn corpus(outlets: &[Option<&str>]) -> Corpus {
        let articles = outlets
            .iter()
            .enumerate()
            .map(|(i, outlet)| {
                let mut a =
                    Article::of_blocks(&format!("a{i}"), &[(BlockKind::Paragraph, "Text.")]);
                a.meta.outlet = outlet.map(str::to_string);
                a
            })
            .collect();
        Corpus {
            articles,
            ..Corpus::default()
        }
    }

    #[test]
    fn narrowing_steps_from_outlet_to_marked_to_all_without_events() {
        let corpus = corpus(&[Some("Post"), Some("Times"), Some("Post")]);
        let events = Events::default();
        let from = Members {
            corpus: &corpus,
            events: &events,
            marked: &[1, 0, 1],
        };
        let outlet = Group::next(None, 2, &from).expect("an outlet group");
        assert_eq!(outlet.kind, GroupKind::Outlet("Post".into()));
        assert_eq!(outlet.articles, vec![0, 2]);
        assert_eq!(outlet.describe(&events), "Post (2 articles)");
        let marked = Group::next(Some(&outlet), 2, &from).expect("the marked group");
        assert_eq!(marked.articles, vec![0, 1]);
        assert!(marked.contains(1) && !marked.contains(2));
        assert_eq!(marked.describe(&events), "2 marked articles");
        assert_eq!(Group::next(Some(&marked), 2, &from), None);
    }

    #[test]
    fn an_article_without_outlet_and_nothing_marked_has_no_group() {
        let corpus = corpus(&[None, None]);
        let events = Events::default();
        let from = Members {
            corpus: &corpus,
            events: &events,
            marked: &[],
        };
        assert_eq!(Group::next(None, 0, &from), None);
    }
}
