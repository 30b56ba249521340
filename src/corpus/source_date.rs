//! A line that says who filed a story and when, in one: "Northern Wire
//! Service - 3 March 2025", or a byline whose date line was joined to it
//! ("Dana Whitfield, Millbrook Courier March 3, 2025"). Split, the date
//! becomes the article's date and the rest its source or byline, where
//! the whole line read as a heading or as a byline with a date in it.
//! The date may come first too ("2 March 2026, by Tom Ferris").

use super::chrome::{byline, date_text, strip_bullet};

/// Most words of the source before the date.
const SOURCE_MAX_WORDS: usize = 6;
/// Most words of a date at the end ("Sep 5, 2025 10:30 am" is five).
const DATE_MAX_WORDS: usize = 5;

/// A line split into what comes before its date and the date.
#[derive(Debug, PartialEq, Eq)]
pub struct SourceDate {
    pub source: String,
    pub date: String,
    /// A dash, bar or dot stands between the two ("Reuters - 3 March
    /// 2025"), as in a dateline, not only a comma or a space.
    pub separated: bool,
}

/// A dash, bar or dot standing alone between a source and a date.
fn is_mark(w: &str) -> bool {
    matches!(w, "-" | "–" | "—" | "|" | "·" | "•")
}

/// The source and date of `text`, when it ends with a date after one to
/// `SOURCE_MAX_WORDS` words.
pub fn split(text: &str) -> Option<SourceDate> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() < 2 || words.len() > SOURCE_MAX_WORDS + DATE_MAX_WORDS + 1 {
        return None;
    }
    // The longest date first: "3 March 2025" before "March 2025".
    for k in (1..=DATE_MAX_WORDS.min(words.len() - 1)).rev() {
        let (head, tail) = words.split_at(words.len() - k);
        let Some(date) = date_text(&tail.join(" ")) else {
            continue;
        };
        let mut head = head.to_vec();
        let mut separated = is_mark(tail[0]);
        while let Some(&last) = head.last() {
            if is_mark(last) {
                separated = true;
                head.pop();
            } else {
                break;
            }
        }
        let source = head.join(" ");
        let source = source.trim_end_matches([',', ';', ':']).trim();
        if source.is_empty() || head.len() > SOURCE_MAX_WORDS {
            return None;
        }
        return Some(SourceDate {
            source: source.to_string(),
            date,
            separated,
        });
    }
    None
}

/// Words that start a date line rather than name a source ("Updated -
/// March 3, 2025").
const NOT_SOURCES: [&str; 5] = ["updated", "published", "posted", "last", "modified"];

/// A dateline's source: a name, every word capitalised but the small
/// words of a name ("Agence France-Presse", "Bank of England").
fn is_source_name(source: &str) -> bool {
    let words: Vec<&str> = source.split_whitespace().collect();
    !words.is_empty()
        && words.iter().all(|w| {
            let lower = w.to_lowercase();
            !NOT_SOURCES.contains(&lower.trim_end_matches([':', ','])) && {
                w.chars().next().is_some_and(char::is_uppercase)
                    || ["of", "and", "the", "&", "for", "de"].contains(&lower.as_str())
            }
        })
}

/// Most words of a dateline's source: an agency or an outlet ("The
/// Associated Press"), not a headline in title case.
const DATELINE_SOURCE_MAX_WORDS: usize = 4;

/// A header line that is a dateline with its source ("Reuters - 3 March
/// 2025"): metadata, not a heading.
pub fn source_dateline(text: &str) -> Option<SourceDate> {
    split(text).filter(|s| {
        s.separated
            && s.source.split_whitespace().count() <= DATELINE_SOURCE_MAX_WORDS
            && is_source_name(&s.source)
    })
}

/// A header line that gives the date first and then who wrote it ("2
/// March 2026, by Tom Ferris", "March 2, 2026 | By Tom Ferris",
/// "Updated 2 March 2026 by the Harbour Desk"): the date and the byline.
pub fn date_then_byline(text: &str) -> Option<SourceDate> {
    let t = strip_bullet(text);
    let words: Vec<&str> = t.split_whitespace().collect();
    // The date is at least two words ("Sep 5") before "by".
    let k = (2..words.len()).find(|&k| words[k].eq_ignore_ascii_case("by"))?;
    let mut head = &words[..k];
    let mut separated = false;
    while let Some((last, rest)) = head.split_last()
        && is_mark(last)
    {
        separated = true;
        head = rest;
    }
    let head = head.join(" ");
    let date = date_text(head.trim_end_matches([',', ';']))?;
    let by = byline(&format!("By {}", words[k + 1..].join(" ")))?;
    Some(SourceDate {
        source: by,
        date,
        separated,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_then_a_byline_come_apart() {
        let read = |t: &str| date_then_byline(t).map(|s| (s.date, s.source));
        let pair = |d: &str, b: &str| Some((d.to_string(), b.to_string()));
        assert_eq!(
            read("2 March 2026, by Tom Ferris"),
            pair("2 March 2026", "Tom Ferris")
        );
        assert_eq!(
            read("March 2, 2026 | By Tom Ferris"),
            pair("March 2, 2026", "Tom Ferris")
        );
        assert_eq!(
            read("- Updated 2 March 2026 by Harbour Desk"),
            pair("2 March 2026", "Harbour Desk")
        );
        // Not a byline: a sentence, or "by" with no name after it.
        assert_eq!(read("2 March 2026, by the time the ships docked."), None);
        assert_eq!(read("2 March 2026, by rail"), None);
        // Not a date before "by".
        assert_eq!(read("Written in haste, by Tom Ferris"), None);
        assert_eq!(read("By Tom Ferris"), None);
    }

    #[test]
    fn a_source_and_its_date_come_apart() {
        let wire = split("Northern Wire Service - 3 March 2025").expect("split");
        assert_eq!(
            (wire.source.as_str(), wire.date.as_str(), wire.separated),
            ("Northern Wire Service", "3 March 2025", true)
        );
        let joined = split("Dana Whitfield, Millbrook Courier March 3, 2025").expect("split");
        assert_eq!(
            (
                joined.source.as_str(),
                joined.date.as_str(),
                joined.separated
            ),
            ("Dana Whitfield, Millbrook Courier", "March 3, 2025", false)
        );
        assert_eq!(
            split("Reuters | 2025-03-03").map(|s| s.date),
            Some("2025-03-03".into())
        );
        let is_source_dateline = |t: &str| source_dateline(t).is_some();
        assert!(is_source_dateline("Reuters — Sep 5, 2025 10:30 am"));
        // Not datelines: a heading, a sentence, a date alone, a date
        // line's own prefix, a long lead-in.
        assert!(!is_source_dateline("Fire at Millbrook terminal"));
        assert!(!is_source_dateline("The vote was held on March 3, 2025."));
        assert!(split("March 3, 2025").is_none());
        assert!(!is_source_dateline("Updated - March 3, 2025"));
        assert!(!is_source_dateline(
            "What the council decided at its meeting - March 3"
        ));
    }
}
