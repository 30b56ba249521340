//! The events: each event's label, articles and label topics; which event
//! each article is in follows from them.

use crate::analysis::events::{Event, Events};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub struct EventWire {
    label: String,
    articles: Vec<u32>,
    topics: Vec<u32>,
}

/// As written (and read back).
pub fn out(events: &Events) -> Vec<EventWire> {
    let narrow = |v: &[usize]| {
        v.iter()
            .map(|&x| u32::try_from(x).unwrap_or(u32::MAX))
            .collect()
    };
    events
        .events
        .iter()
        .map(|e| EventWire {
            label: e.label.clone(),
            articles: narrow(&e.articles),
            topics: narrow(&e.topics),
        })
        .collect()
}

/// The events of a corpus of `articles` articles and `topics` topics, if
/// every article is in exactly one event and every topic exists.
pub fn events(wire: Vec<EventWire>, articles: usize, topics: usize) -> Option<Events> {
    let events: Vec<Event> = wire
        .into_iter()
        .map(|w| {
            let sorted = w.articles.windows(2).all(|p| p[0] < p[1]);
            let known = w.topics.iter().all(|&t| (t as usize) < topics);
            (sorted && known && !w.articles.is_empty()).then(|| Event {
                label: w.label,
                articles: w.articles.iter().map(|&a| a as usize).collect(),
                topics: w.topics.iter().map(|&t| t as usize).collect(),
            })
        })
        .collect::<Option<_>>()?;
    Events::of_events(events, articles)
}
