//! Titles that stand before a name ("President", "Foreign Minister"), and
//! taking them off a capitalised run.

use super::name_lists::is_connector;

/// Words dropped before a name ("President", "Minister"...).
const TITLES: &[&str] = &[
    "adm",
    "admiral",
    "ambassador",
    "archbishop",
    "assemblyman",
    "assemblywoman",
    "attorney",
    "ayatollah",
    "bishop",
    "capt",
    "captain",
    "cardinal",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "chancellor",
    "chief",
    "col",
    "colonel",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "councillor",
    "councilman",
    "councilwoman",
    "counsel",
    "dame",
    "deputy",
    "detective",
    "director",
    "dr",
    "emperor",
    "envoy",
    "executive",
    "gen",
    "general",
    "gov",
    "governor",
    "hon",
    "inspector",
    "judge",
    "justice",
    "king",
    "lady",
    "leader",
    "lieutenant",
    "lord",
    "lt",
    "maj",
    "mayor",
    "mep",
    "minister",
    "mp",
    "mr",
    "mrs",
    "ms",
    "msp",
    "mx",
    "officer",
    "pm",
    "pope",
    "premier",
    "president",
    "prime",
    "prince",
    "princess",
    "prof",
    "professor",
    "queen",
    "rabbi",
    "rep",
    "representative",
    "rev",
    "reverend",
    "secretary",
    "sen",
    "senator",
    "sergeant",
    "sgt",
    "sheikh",
    "sir",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "sultan",
    "superintendent",
    "vice",
];

/// Abbreviations written with a dot before a name ("Mr. Roe", "Sen. Roe",
/// "St. Louis"): the dot ends no sentence.
const ABBREVIATIONS: &[&str] = &[
    "adm", "capt", "col", "dr", "ft", "gen", "gov", "hon", "lt", "maj", "mr", "mrs", "ms", "mt",
    "prof", "rep", "rev", "sen", "sgt", "st",
];

/// Every title, written out: the roles of people.
pub fn titles() -> &'static [&'static str] {
    TITLES
}

/// `chunk` is one of `ABBREVIATIONS` (without its dot).
pub fn is_abbreviation(chunk: &str) -> bool {
    chunk.len() <= 4 && ABBREVIATIONS.contains(&chunk.to_ascii_lowercase().as_str())
}

/// A title, written out or abbreviated ("Sen." as "Senator").
pub fn is_title(chunk: &str) -> bool {
    let lower = chunk.trim_end_matches('.').to_lowercase();
    TITLES.binary_search(&lower.as_str()).is_ok()
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
