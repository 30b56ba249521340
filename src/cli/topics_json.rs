//! `parallax topics --json`/`--jsonl`: each topic serialised straight from
//! the index (no second copy of its occurrences on a large corpus).

use crate::analysis::topics::{Topic, TopicIndex, TopicKind};
use crate::corpus::Corpus;
use serde::Serialize;
use serde::ser::SerializeMap;

/// The JSON shape of one topic (a contract: keep the keys):
/// `{"label", "kind", "occurrences": [{"article", "block"}], "weights":
/// {article_id: weight}, "score", "counts": {article_id: count}}`, and for
/// a name written in several ways `"forms": {article_id: {form: count}}`.
/// `score` ranks how well the topic tells articles apart (the coverage
/// matrix's order); a count is mentions of a name, uses of a term, blocks
/// of a heading's section. Serialised straight from the index, so a large
/// corpus needs no second copy of its occurrences.
#[derive(Serialize)]
pub(super) struct TopicJson<'a> {
    label: &'a str,
    kind: TopicKind,
    occurrences: OccurrencesJson<'a>,
    weights: WeightsJson<'a>,
    score: f32,
    counts: CountsJson<'a>,
    #[serde(skip_serializing_if = "FormsJson::is_empty")]
    forms: FormsJson<'a>,
}

/// `{article_id: count}` in article order, only articles covering it.
struct CountsJson<'a> {
    corpus: &'a Corpus,
    topic: &'a Topic,
}

impl Serialize for CountsJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.topic.weights.len()))?;
        for (a, _) in self.topic.weights.iter() {
            if let Some(article) = self.corpus.articles.get(a) {
                map.serialize_entry(&article.id, &self.topic.count(a))?;
            }
        }
        map.end()
    }
}

/// `{article_id: {form: count}}` for a name written in several ways.
struct FormsJson<'a> {
    corpus: &'a Corpus,
    topic: &'a Topic,
}

impl FormsJson<'_> {
    fn is_empty(&self) -> bool {
        self.topic.coverage.forms.is_empty()
    }
}

impl Serialize for FormsJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.topic.weights.len()))?;
        for (a, _) in self.topic.weights.iter() {
            let Some(article) = self.corpus.articles.get(a) else {
                continue;
            };
            let forms: std::collections::BTreeMap<&str, u32> =
                self.topic.forms_in(a).into_iter().collect();
            map.serialize_entry(&article.id, &forms)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct OccurrenceJson<'a> {
    article: &'a str,
    block: usize,
}

struct OccurrencesJson<'a> {
    corpus: &'a Corpus,
    topic: &'a Topic,
}

impl Serialize for OccurrencesJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.topic.occurrences.iter().filter_map(|r| {
            let article = self.corpus.articles.get(r.article)?;
            Some(OccurrenceJson {
                article: &article.id,
                block: r.block,
            })
        }))
    }
}

/// `{article_id: weight}` in article order, only articles covering it.
struct WeightsJson<'a> {
    corpus: &'a Corpus,
    topic: &'a Topic,
}

impl Serialize for WeightsJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.topic.weights.len()))?;
        for (a, w) in self.topic.weights.iter() {
            if let Some(article) = self.corpus.articles.get(a) {
                map.serialize_entry(&article.id, &w)?;
            }
        }
        map.end()
    }
}

impl<'a> TopicJson<'a> {
    pub(super) fn of(corpus: &'a Corpus, topic: &'a Topic) -> Self {
        TopicJson {
            label: &topic.label,
            kind: topic.kind,
            occurrences: OccurrencesJson { corpus, topic },
            weights: WeightsJson { corpus, topic },
            score: topic.coverage.score,
            counts: CountsJson { corpus, topic },
            forms: FormsJson { corpus, topic },
        }
    }
}

/// The first `limit` topics of the index as a JSON array.
pub(super) struct IndexJson<'a> {
    pub corpus: &'a Corpus,
    pub index: &'a TopicIndex,
    pub limit: usize,
}

impl Serialize for IndexJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            self.index
                .topics
                .iter()
                .take(self.limit)
                .map(|topic| TopicJson::of(self.corpus, topic)),
        )
    }
}
