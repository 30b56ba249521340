//! A line fitted to its row (a list view's title, the matrix's status): the
//! view's name, its counts and the filter note said whole, and when that
//! is too long, what the view is about (a group, a paragraph) cut first,
//! so a cut never falls on a count or on the filter.

use crate::display::wrap::{truncate, width};

/// A cut part keeps at least this many columns (its "…" included).
const MIN_CUT: usize = 8;

/// One part of a title, in the order it is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Said whole: a name, a count, the filter note.
    Whole(String),
    /// Said as the first when the title fits, else as the second (a
    /// count's words shortened: "3 across articles" → "3 across").
    Short(String, String),
    /// Cut to fit, the first such part first: what the view is about.
    Cut(String),
}

/// The parts as one title in at most `room` columns when they can be: the
/// long forms if they fit; else the short forms, and the cut parts cut
/// (in order, each to at least `MIN_CUT` columns). Past that the title
/// row cuts its end.
pub fn fit(parts: &[Part], room: usize) -> String {
    let long: Vec<&str> = parts
        .iter()
        .map(|p| match p {
            Part::Whole(s) | Part::Short(s, _) | Part::Cut(s) => s.as_str(),
        })
        .collect();
    if long.iter().map(|s| width(s)).sum::<usize>() <= room {
        return long.concat();
    }
    let mut said: Vec<String> = parts
        .iter()
        .map(|p| match p {
            Part::Whole(s) | Part::Short(_, s) | Part::Cut(s) => s.clone(),
        })
        .collect();
    for (i, part) in parts.iter().enumerate() {
        let over = said
            .iter()
            .map(|s| width(s))
            .sum::<usize>()
            .saturating_sub(room);
        if over == 0 {
            break;
        }
        if let Part::Cut(text) = part {
            let has = width(text);
            let keep = has.saturating_sub(over).max(MIN_CUT.min(has));
            said[i] = truncate(text, keep);
        }
    }
    said.concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts() -> Vec<Part> {
        vec![
            Part::Whole("Coverage · ".into()),
            Part::Cut("a long event label of many words".into()),
            Part::Short(" · 3 across articles".into(), " · 3 across".into()),
            Part::Whole(" · filter “va”: 2".into()),
        ]
    }

    #[test]
    fn what_fits_is_said_whole() {
        let all =
            "Coverage · a long event label of many words · 3 across articles · filter “va”: 2";
        assert_eq!(fit(&parts(), 200), all);
        assert_eq!(fit(&parts(), width(all)), all);
    }

    #[test]
    fn counts_shorten_then_the_subject_is_cut_never_the_filter() {
        let short = "Coverage · a long event label of many words · 3 across · filter “va”: 2";
        assert_eq!(fit(&parts(), width(short)), short);
        let cut = fit(&parts(), width(short) - 10);
        assert_eq!(
            cut,
            "Coverage · a long event label of… · 3 across · filter “va”: 2"
        );
        assert_eq!(width(&cut), width(short) - 10);
        // The subject keeps a few columns; the rest is the title row's.
        let least = fit(&parts(), 10);
        assert_eq!(least, "Coverage · a long … · 3 across · filter “va”: 2");
    }
}
