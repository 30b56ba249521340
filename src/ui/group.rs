//! A group of articles the coverage views narrow to: one event, one
//! outlet's articles, or the articles marked in the library. The matrix
//! shows only its columns and the topic view only its articles, and "not
//! covered by" speaks of the group alone.

use super::shared::Shared;

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
    pub fn describe(&self, cx: &Shared) -> String {
        let n = self.articles.len();
        let articles = if n == 1 { "article" } else { "articles" };
        match &self.kind {
            GroupKind::Event(e) => {
                let label = cx
                    .analysis
                    .events
                    .get(*e)
                    .map_or("", |ev| ev.label.as_str());
                format!("event {} ({n} {articles}): {label}", e + 1)
            }
            GroupKind::Outlet(o) => format!("{o} ({n} {articles})"),
            GroupKind::Marked => format!("{n} marked {articles}"),
        }
    }

    /// The group of `kind` that `article` belongs to, if there is one.
    fn of(kind: Step, article: usize, cx: &Shared) -> Option<Group> {
        let (kind, articles) = match kind {
            Step::Event => {
                let e = cx.analysis.events.of(article)?;
                let members = cx.analysis.events.get(e)?.articles.clone();
                (GroupKind::Event(e), members)
            }
            Step::Outlet => {
                let outlet = cx.corpus.articles.get(article)?.meta.outlet.clone()?;
                let members = (0..cx.articles())
                    .filter(|&a| cx.corpus.articles[a].meta.outlet.as_deref() == Some(&outlet))
                    .collect();
                (GroupKind::Outlet(outlet), members)
            }
            Step::Marked => {
                let mut marked = cx.marked.clone();
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
    pub fn next(current: Option<&Group>, article: usize, cx: &Shared) -> Option<Group> {
        let from = match current.map(|g| &g.kind) {
            None => 0,
            Some(GroupKind::Event(_)) => 1,
            Some(GroupKind::Outlet(_)) => 2,
            Some(GroupKind::Marked) => 3,
        };
        [Step::Event, Step::Outlet, Step::Marked]
            .into_iter()
            .skip(from)
            .find_map(|step| Group::of(step, article, cx))
    }
}

#[derive(Debug, Clone, Copy)]
enum Step {
    Event,
    Outlet,
    Marked,
}
