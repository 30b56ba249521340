//! The shared names of a pair as a reader finds them in the text: in the
//! order the left block writes them, and a name of several words ("River
//! Lune", "Environment Agency") as one, where the evidence holds its words
//! one by one.

use crate::analysis::text::without_possessive;
use crate::analysis::tokens::tokens;

/// `names` (single words, each as some text writes it) as phrases of
/// `text`: two names written next to each other (a space between) are
/// one when `other` writes them so too and their words stand nowhere else
/// in `text` ("Environment Agency"; not "Russia Alaska" of "US-Russia
/// Alaska Summit" in a text that also writes "Alaska" alone, nor an
/// outlet's "Trump Putin Alaska meeting"), in the order of `text`; a name
/// `text` does not write comes last.
pub fn name_phrases(text: &str, other: &str, names: &[String]) -> Vec<String> {
    // Each name as `tokens` reads it, as the text is read below ("Aldhelm's"
    // is "aldhelm" there: a possessive's "'s" is dropped).
    let wanted: Vec<String> = names
        .iter()
        .map(|n| match &tokens(n)[..] {
            [one] => one.text.clone(),
            _ => n.to_lowercase(),
        })
        .collect();
    // Each name written in `text`: (which name, byte range), in order,
    // grouped into runs of names a space apart.
    let mut runs: Vec<Vec<(usize, usize, usize)>> = Vec::new();
    let mut after_name: Option<usize> = None;
    for t in tokens(text) {
        let Some(k) = wanted.iter().position(|w| *w == t.text) else {
            after_name = None;
            continue;
        };
        let end = t.start + word_len(&text[t.start..]);
        let next_to =
            after_name.is_some_and(|e| e <= t.start && text[e..t.start].chars().all(|c| c == ' '));
        match runs.last_mut() {
            Some(run) if next_to => run.push((k, t.start, end)),
            _ => runs.push(vec![(k, t.start, end)]),
        }
        after_name = Some(end);
    }
    let written = |k: usize| runs.iter().flatten().filter(|w| w.0 == k).count();
    let phrase = |run: &[(usize, usize, usize)]| text[run[0].1..run[run.len() - 1].2].to_string();
    let mut phrases: Vec<String> = Vec::new();
    let mut add = |p: String| {
        if !phrases.contains(&p) {
            phrases.push(p);
        }
    };
    for run in &runs {
        let same = runs.iter().filter(|r| phrase(r) == phrase(run)).count();
        let alone_nowhere = run
            .iter()
            .all(|w| written(w.0) == same * run.iter().filter(|x| x.0 == w.0).count());
        let names_a_place = |run: &[(usize, usize, usize)]| {
            run.len() == 3 && PLACE_NOUNS.contains(&wanted[run[2].0].as_str())
        };
        let joined = run.len() == 2 || names_a_place(run);
        if joined && alone_nowhere && other.contains(&phrase(run)) {
            add(not_possessive(&phrase(run)));
        } else if names_a_place(run) && alone_nowhere && other.contains(&phrase(&run[..2])) {
            // The other text names the place without its noun ("St
            // Aldhelm's treated …"): the name, then the noun.
            add(phrase(&run[..2]));
            add(text[run[2].1..run[2].2].to_string());
        } else {
            for w in run {
                add(not_possessive(&text[w.1..w.2]));
            }
        }
    }
    let unwritten = (0..names.len()).filter(|&k| written(k) == 0);
    for k in unwritten {
        add(not_possessive(&names[k]));
    }
    phrases
}

/// Words that end the name of a place or body: three names in a row that
/// end with one of these are one name ("St Aldhelm's Hospital"), where
/// three names in a row are otherwise a headline's list of subjects
/// ("Trump Putin Alaska meeting").
const PLACE_NOUNS: &[&str] = &[
    "agency",
    "airport",
    "bridge",
    "cathedral",
    "church",
    "college",
    "council",
    "court",
    "department",
    "hospital",
    "lane",
    "ministry",
    "museum",
    "park",
    "road",
    "school",
    "square",
    "station",
    "street",
    "university",
];

/// A name as a reader looks for it: "Pompeo" where the text writes
/// "Pompeo’s" (the evidence reads them as one; "St Aldhelm's Hospital"
/// keeps its inner "'s").
fn not_possessive(name: &str) -> String {
    without_possessive(name).unwrap_or(name).to_string()
}

/// Bytes of the word at the start of `rest`: letters and digits, and
/// apostrophes or hyphens inside it.
fn word_len(rest: &str) -> usize {
    let mut end = 0;
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner = matches!(c, '\'' | '’' | '-')
            && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || (inner && i > 0) {
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_written_together_are_one_in_the_text_order() {
        let names: Vec<String> = ["Agency", "Environment", "Lune", "River", "Tuesday"]
            .map(String::from)
            .to_vec();
        let text = "The Environment Agency said it was monitoring the River Lune, \
                    which runs beside the estate.";
        assert_eq!(
            name_phrases(text, text, &names),
            ["Environment Agency", "River Lune", "Tuesday"]
        );
        // Names apart stay apart; one written twice is listed once.
        let text = "Putin met Trump, and Putin left.";
        let names: Vec<String> = ["Putin", "Trump"].map(String::from).to_vec();
        assert_eq!(name_phrases(text, text, &names), ["Putin", "Trump"]);
        // Two names that meet once, one of them alone elsewhere: apart.
        let text = "The US-Russia Alaska Summit opened; Alaska was calm.";
        let names: Vec<String> = ["Alaska", "Russia"].map(String::from).to_vec();
        assert_eq!(name_phrases(text, text, &names), ["Russia", "Alaska"]);
        // Two names together in one text only, or three together: apart.
        let names: Vec<String> = ["Agency", "Environment"].map(String::from).to_vec();
        let text = "The Environment Agency said so.";
        let other = "The agency for the Environment said so.";
        assert_eq!(name_phrases(text, other, &names), ["Environment", "Agency"]);
        let names: Vec<String> = ["Alaska", "Putin", "Trump"].map(String::from).to_vec();
        let text = "Trump Putin Alaska meeting ends";
        assert_eq!(
            name_phrases(text, text, &names),
            ["Trump", "Putin", "Alaska"]
        );
        // Three names that end by a place noun are one place.
        let names: Vec<String> = ["Aldhelm's", "Hospital", "St"].map(String::from).to_vec();
        let text = "Eleven were taken to St Aldhelm's Hospital overnight.";
        let other = "Staff at St Aldhelm's Hospital treated 11 people.";
        assert_eq!(name_phrases(text, other, &names), ["St Aldhelm's Hospital"]);
        let other = "Staff at St Aldhelm's treated 11 people.";
        assert_eq!(
            name_phrases(text, other, &names),
            ["St Aldhelm's", "Hospital"]
        );
    }

    #[test]
    fn a_possessive_is_shown_as_the_name() {
        let names: Vec<String> = ["Agency", "Environment", "Pompeo"]
            .map(String::from)
            .to_vec();
        let text = "Mr. Pompeo’s mission, and the Environment Agency's warning.";
        assert_eq!(
            name_phrases(text, text, &names),
            ["Pompeo", "Environment Agency"]
        );
    }
}
