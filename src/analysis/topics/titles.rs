//! Titles that stand before a name ("President", "Foreign Minister"), and
//! taking them off a capitalised run.

use super::runs::is_connector;

/// Words dropped before a name ("President", "Minister"...).
const TITLES: &[&str] = &[
    "adm",
    "admiral",
    "ambassador",
    "capt",
    "captain",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "col",
    "colonel",
    "commissioner",
    "dame",
    "dr",
    "emperor",
    "gen",
    "general",
    "gov",
    "governor",
    "judge",
    "justice",
    "king",
    "lady",
    "lord",
    "lt",
    "mayor",
    "minister",
    "mr",
    "mrs",
    "ms",
    "mx",
    "pope",
    "premier",
    "president",
    "prime",
    "prince",
    "princess",
    "prof",
    "professor",
    "queen",
    "rep",
    "representative",
    "secretary",
    "sen",
    "senator",
    "sir",
    "speaker",
    "sultan",
    "vice",
];

pub fn is_title(chunk: &str) -> bool {
    TITLES.contains(&chunk.to_lowercase().as_str())
}

/// Drop everything up to the last title that something follows: "Foreign
/// Minister Sergei Lavrov" → "Sergei Lavrov". "X of Y" titles ("Secretary
/// of State") go whole. A run of titles only is dropped.
pub fn strip_titles(chunks: &mut Vec<&str>) {
    let mut cut = None;
    let mut i = 0;
    while i < chunks.len() {
        if is_title(chunks[i]) {
            let end = if chunks.get(i + 1).is_some_and(|c| is_connector(c)) {
                i + 2
            } else {
                i
            };
            if end + 1 < chunks.len() {
                cut = Some(end);
            }
            i = end;
        }
        i += 1;
    }
    if let Some(end) = cut {
        chunks.drain(..=end);
    }
    if chunks.iter().all(|c| is_title(c) || is_connector(c)) {
        chunks.clear();
    }
}
