//! Where names stand in a capitalised run: the table of every name key
//! (a person, a surname, any other name; short forms lead to their long
//! form), the names a run holds read leftmost longest first, the shorter
//! names inside them, and how the text writes each one.

use super::acronyms::Acronyms;
use super::name_lists::is_connector;
use super::names::Discovered;
use super::people::People;
use super::runs::MAX_NAME_CHUNKS;
use super::titles::strip_titles;
use super::vocab::FastMap;

/// What a name key stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Person(u32),
    /// A surname: resolved per article.
    Surname(u32),
    /// Any other name (an organisation, a place, a thing).
    Plain(u32),
}

pub struct Table {
    pub keys: FastMap<String, Target>,
    /// Short forms of longer names ("US") and adjectives of names
    /// ("Russian"): never the label.
    pub shorts: FastMap<String, ()>,
    /// Per surname: its people, ascending.
    pub groups: Vec<Vec<u32>>,
    pub surnames: Vec<String>,
}

pub fn table(found: &Discovered, people: &People, acronyms: &Acronyms) -> Table {
    let mut keys: FastMap<String, Target> = FastMap::default();
    for (k, &p) in &people.full {
        keys.insert(k.clone(), Target::Person(p));
    }
    let mut surnames: Vec<(&String, &Vec<u32>)> = people.surnames.iter().collect();
    surnames.sort();
    let mut groups = Vec::with_capacity(surnames.len());
    let mut names = Vec::with_capacity(surnames.len());
    for (s, persons) in surnames {
        keys.insert(s.clone(), Target::Surname(groups.len() as u32));
        groups.push(persons.clone());
        names.push(s.clone());
    }
    // A longer name that begins or ends with a person's is the person and
    // more ("Justin Trudeau of Canada", "the United States Donald Trump"
    // without its comma): read it as its parts.
    let holds_person = |k: &str| {
        let words: Vec<&str> = k.split(' ').collect();
        (2..words.len()).any(|n| {
            people.full.contains_key(&words[..n].join(" "))
                || people
                    .full
                    .contains_key(&words[words.len() - n..].join(" "))
        })
    };
    let mut plain: Vec<&String> = found
        .candidates
        .keys()
        .filter(|k| !keys.contains_key(*k) && !acronyms.contains_key(*k))
        .filter(|k| !holds_person(k))
        .collect();
    plain.sort();
    for (i, k) in plain.into_iter().enumerate() {
        keys.insert(k.clone(), Target::Plain(i as u32));
    }
    let mut shorts: FastMap<String, ()> = FastMap::default();
    // Short forms and adjectives of a name lead to it ("US", "Russian").
    for (short, long) in acronyms.iter().chain(&found.adjectives) {
        if let Some(&t) = keys.get(long)
            && !keys.contains_key(short)
        {
            keys.insert(short.clone(), t);
            shorts.insert(short.clone(), ());
        }
    }
    Table {
        keys,
        shorts,
        groups,
        surnames: names,
    }
}

/// A name found in a run: chunks `from..=to`, what it stands for.
#[derive(Debug, Clone, Copy)]
pub struct Span {
    pub from: usize,
    pub to: usize,
    pub target: Target,
}

/// Names in a run, leftmost longest first, without overlaps.
pub fn primary_spans(keys: &[String], chunks: &[&str], table: &Table) -> Vec<Span> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < keys.len() {
        if is_connector(chunks[i]) {
            i += 1;
            continue;
        }
        let mut best: Option<Span> = None;
        let mut joined = String::new();
        for j in i..keys.len().min(i + MAX_NAME_CHUNKS) {
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(&keys[j]);
            if is_connector(chunks[j]) {
                continue;
            }
            if let Some(&target) = table.keys.get(joined.as_str()) {
                best = Some(Span {
                    from: i,
                    to: j,
                    target,
                });
            }
        }
        match best {
            Some(s) => {
                out.push(s);
                i = s.to + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// Names strictly inside `span`.
pub fn inner_spans(
    keys: &[String],
    chunks: &[&str],
    span: Span,
    table: &Table,
) -> Vec<(Span, String)> {
    let mut out = Vec::new();
    for i in span.from..=span.to {
        if is_connector(chunks[i]) {
            continue;
        }
        let mut joined = String::new();
        for j in i..=span.to {
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(&keys[j]);
            if (i, j) == (span.from, span.to) || is_connector(chunks[j]) {
                continue;
            }
            if let Some(&target) = table.keys.get(joined.as_str()) {
                out.push((
                    Span {
                        from: i,
                        to: j,
                        target,
                    },
                    joined.clone(),
                ));
            }
        }
    }
    out
}

/// How the text writes the mention: with the title in front of it when
/// the run is the title and the name ("Sen. Roe", "Russian President
/// Vladimir Putin").
pub fn form(chunks: &[&str], span: Span) -> String {
    let mut head: Vec<&str> = chunks[..=span.to].to_vec();
    strip_titles(&mut head);
    let from = if span.from > 0 && head.len() == span.to - span.from + 1 {
        0
    } else {
        span.from
    };
    chunks[from..=span.to].join(" ")
}
