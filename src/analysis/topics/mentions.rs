//! Every mention of every name, counted once, for the topic it belongs to.
//!
//! A capitalised run is read left to right, longest name first: "Senate
//! Minority Leader Jane Roe" is a mention of the Senate and one of Jane
//! Roe (written "Senate Minority Leader Jane Roe": a form keeps the title
//! before it). A shorter name inside a longer one counts too when it is a
//! name in its own right ("Alaska" in "Alaska Summit": seen alone at least
//! half as often as inside longer names), not when it is mostly a part of
//! them ("House" in "White House", "North" in "North Korea"); a person is
//! mentioned only by their own name.
//!
//! A bare surname goes to its person (see `people`): in an article that
//! names one person with that surname, to that person; in an article that
//! names several, to the ambiguous topic. In an article that names none,
//! only if most articles that use the word use it for a person (else it is
//! a plain topic of the word: "Washington" beside "George Washington"),
//! and then to the one person with that surname, or to the one named in at
//! least four times as many articles as any other (Donald Trump over
//! Melania Trump in a month of politics), else to the ambiguous topic.
//!
//! Cost: two passes over the distinct runs; per-article sets of the
//! people named, as many entries as (article, person) pairs.

use super::acronyms::Acronyms;
use super::draft::{Draft, PLAIN_SURFACE, WEAK_SURFACE};
use super::name_spans::{Span, Table, Target, form, inner_spans, primary_spans, table};
use super::names::{Discovered, name_key};
use super::people::People;
use super::runs::{RunKey, Runs};
use super::titles::is_title;
use super::topic::{AMBIGUOUS, TopicKind};
use super::vocab::FastMap;
use crate::corpus::BlockRef;

/// The topic a mention is counted for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Entity {
    Person(u32),
    Plain(u32),
    /// The surname as a word of its own.
    Word(u32),
    Ambiguous(u32),
}

type Articles = FastMap<u32, ()>;

/// What the first pass learns about surnames and how often each name
/// stands alone or inside a longer one.
#[derive(Default)]
struct Survey {
    /// (article, person) named in full.
    named: FastMap<(u32, u32), ()>,
    /// (article, surname) written after a title ("Ms. Roe").
    titled: FastMap<(u32, u32), ()>,
    /// Per surname: articles using it, articles using it for a person.
    usage: FastMap<u32, (Articles, Articles)>,
    whole: FastMap<String, usize>,
    inside: FastMap<String, usize>,
    /// Per surname shared by several people: the one named in at least
    /// four times as many articles as any other, if there is one.
    dominant: FastMap<u32, u32>,
    /// Per surname: its people that the corpus names in full somewhere.
    live: Vec<Vec<u32>>,
    /// Per person: how many articles name them in full.
    articles_naming: FastMap<u32, usize>,
}

type Entry<'a> = (RunKey<'a>, &'a [BlockRef]);

fn survey(entries: &[Entry], table: &Table) -> Survey {
    let mut s = Survey::default();
    for (key, occurrences) in entries {
        let chunks = key.chunks();
        let keys: Vec<String> = chunks.iter().map(|c| name_key(c)).collect();
        for span in primary_spans(&keys, &chunks, table) {
            let whole = keys[span.from..=span.to].join(" ");
            *s.whole.entry(whole).or_default() += occurrences.len();
            for (_, k) in inner_spans(&keys, &chunks, span, table) {
                *s.inside.entry(k).or_default() += occurrences.len();
            }
            let titled = span.from > 0 && is_title(chunks[span.from - 1]);
            for r in occurrences.iter() {
                let a = r.article as u32;
                match span.target {
                    Target::Person(p) => {
                        s.named.insert((a, p), ());
                    }
                    Target::Surname(g) if titled => {
                        s.titled.insert((a, g), ());
                    }
                    _ => {}
                }
                if let Target::Surname(g) = span.target {
                    s.usage.entry(g).or_default().0.insert(a, ());
                }
            }
        }
    }
    let mut articles_naming: FastMap<u32, usize> = FastMap::default();
    for &(_, p) in s.named.keys() {
        *articles_naming.entry(p).or_default() += 1;
    }
    s.live = table
        .groups
        .iter()
        .map(|persons| {
            let live: Vec<u32> = persons
                .iter()
                .copied()
                .filter(|p| articles_naming.contains_key(p))
                .collect();
            if live.is_empty() {
                persons.clone()
            } else {
                live
            }
        })
        .collect();
    s.articles_naming = articles_naming.clone();
    for (g, persons) in s.live.iter().enumerate() {
        let mut counts: Vec<(usize, u32)> = persons
            .iter()
            .map(|&p| (articles_naming.get(&p).copied().unwrap_or(0), p))
            .collect();
        counts.sort_by(|a, b| b.cmp(a));
        if let [(top, p), (next, _), ..] = counts.as_slice()
            && *top >= 4 * (*next).max(1)
        {
            s.dominant.insert(g as u32, *p);
        }
    }
    // A surname's use is a person's in articles naming one of its people
    // or writing it after a title.
    let named = &s.named;
    let titled = &s.titled;
    for (g, (all, personal)) in s.usage.iter_mut() {
        let persons = &table.groups[*g as usize];
        for &a in all.keys() {
            if titled.contains_key(&(a, *g)) || persons.iter().any(|&p| named.contains_key(&(a, p)))
            {
                personal.insert(a, ());
            }
        }
    }
    s
}

impl Survey {
    /// Seen alone at least half as often as inside longer names.
    fn independent(&self, key: &str) -> bool {
        let whole = self.whole.get(key).copied().unwrap_or(0);
        whole * 2 >= self.inside.get(key).copied().unwrap_or(0)
    }

    fn surname_in(&self, g: u32, article: u32) -> Entity {
        let persons = &self.live[g as usize];
        let named: Vec<u32> = persons
            .iter()
            .copied()
            .filter(|&p| self.named.contains_key(&(article, p)))
            .collect();
        match named.as_slice() {
            [one] => return Entity::Person(*one),
            [_, _, ..] => return Entity::Ambiguous(g),
            [] => {}
        }
        let usage = self.usage.get(&g);
        // The one person of that surname, named in full in at least as
        // many articles as use the bare word without naming anyone: an
        // outlet that writes only "Okafor" means the Rashid Okafor two
        // others name, while "Washington", bare in thirty articles beside
        // one "George Washington", stays a word.
        let only_person = match persons.as_slice() {
            [one] => {
                let naming = self.articles_naming.get(one).copied().unwrap_or(0);
                usage.is_some_and(|(all, personal)| naming >= all.len() - personal.len())
            }
            _ => false,
        };
        let personal = self.titled.contains_key(&(article, g))
            || usage.is_some_and(|(all, personal)| personal.len() * 2 >= all.len())
            || only_person;
        match (personal, persons.as_slice(), self.dominant.get(&g)) {
            (true, [one], _) => Entity::Person(*one),
            (true, _, Some(&p)) => Entity::Person(p),
            (true, _, None) => Entity::Ambiguous(g),
            (false, _, _) => Entity::Word(g),
        }
    }
}

/// Drafts of every name topic, forms per article included.
pub fn drafts(runs: &Runs, found: &Discovered, people: &People, acronyms: &Acronyms) -> Vec<Draft> {
    let table = table(found, people, acronyms);
    let mut entries: Vec<Entry> = runs.iter().collect();
    // A fixed order (first occurrence, then spelling), so surface ties and
    // topic order do not depend on hashing.
    entries.sort_by(|(ka, a), (kb, b)| {
        (a.first(), ka.text, ka.initial, ka.discover).cmp(&(
            b.first(),
            kb.text,
            kb.initial,
            kb.discover,
        ))
    });
    let survey = survey(&entries, &table);
    let mut drafts: Vec<Draft> = Vec::new();
    let mut ids: FastMap<Entity, usize> = FastMap::default();
    for (key, occurrences) in &entries {
        let chunks = key.chunks();
        let keys: Vec<String> = chunks.iter().map(|c| name_key(c)).collect();
        let mut spans: Vec<Span> = Vec::new();
        for span in primary_spans(&keys, &chunks, &table) {
            spans.push(span);
            if matches!(span.target, Target::Plain(_)) {
                spans.extend(
                    inner_spans(&keys, &chunks, span, &table)
                        .into_iter()
                        .filter(|(s, k)| {
                            matches!(s.target, Target::Plain(_)) && survey.independent(k)
                        })
                        .map(|(s, _)| s),
                );
            }
        }
        let written: Vec<(String, String, u32)> = spans
            .iter()
            .map(|&s| {
                let plain = key.discover && !(key.initial && s.from == 0);
                let short = table.shorts.contains_key(&keys[s.from..=s.to].join(" "));
                let weight = match (short, plain) {
                    (true, _) => 0,
                    (false, true) => PLAIN_SURFACE,
                    (false, false) => WEAK_SURFACE,
                };
                (form(&chunks, s), chunks[s.from..=s.to].join(" "), weight)
            })
            .collect();
        // (span, topic) → mentions, for the label tally once per run.
        let mut tally: Vec<(usize, Entity, u32)> = Vec::new();
        for r in occurrences.iter() {
            // Each name once per mention, however many of its forms the
            // run holds.
            let mut seen: Vec<Entity> = Vec::with_capacity(spans.len());
            for (si, (s, (form, _, _))) in spans.iter().zip(&written).enumerate() {
                let entity = match s.target {
                    Target::Person(p) => Entity::Person(p),
                    Target::Plain(p) => Entity::Plain(p),
                    Target::Surname(g) => survey.surname_in(g, r.article as u32),
                };
                if seen.contains(&entity) {
                    continue;
                }
                seen.push(entity);
                let next = drafts.len();
                let id = *ids.entry(entity).or_insert(next);
                if id == next {
                    drafts.push(Draft::new(TopicKind::Name));
                }
                let d = &mut drafts[id];
                d.add(*r, 1.0);
                d.add_form(r.article, form, 1);
                match tally.iter_mut().find(|(i, e, _)| *i == si && *e == entity) {
                    Some(t) => t.2 += 1,
                    None => tally.push((si, entity, 1)),
                }
            }
        }
        for (si, entity, n) in tally {
            let (s, (_, surface, weight)) = (spans[si], &written[si]);
            // A person's label is a full name.
            let labels = (!matches!(entity, Entity::Person(_)) || s.to > s.from) && *weight > 0;
            if let (true, Some(&id)) = (labels, ids.get(&entity)) {
                drafts[id].surfaces.add(surface, weight.saturating_mul(n));
            }
        }
    }
    label_ambiguous(&mut drafts, &ids, &survey.live, &table);
    drafts
}

/// "Roe (ambiguous: Jane Roe, Tom Roe)".
fn label_ambiguous(
    drafts: &mut [Draft],
    ids: &FastMap<Entity, usize>,
    live: &[Vec<u32>],
    table: &Table,
) {
    for (g, persons) in live.iter().enumerate() {
        let Some(&id) = ids.get(&Entity::Ambiguous(g as u32)) else {
            continue;
        };
        let names: Vec<String> = persons
            .iter()
            .filter_map(|p| ids.get(&Entity::Person(*p)))
            .filter_map(|&i| drafts[i].surfaces.best().map(str::to_string))
            .collect();
        let word = drafts[id]
            .surfaces
            .best()
            .map_or_else(|| table.surnames[g].clone(), str::to_string);
        drafts[id].label = Some(format!("{word}{AMBIGUOUS}{})", names.join(", ")));
    }
}
