//! Words news writers put for one another when they rewrite a fact: "rose"
//! for "increased", "talks" for "negotiations", "detained" for "arrested".
//! A rewrite that swaps them shares no stem and no prefix with its source,
//! so without this table every such word counts as said by one side only.
//!
//! Written by hand from general news usage, not from any labelled pairs.
//! A group holds words that can stand for each other in a news sentence
//! in most of their uses; a word with two common senses that belong to
//! different groups ("fire": dismiss or flames; "charge": accuse or
//! price) is left out, since one wrong match costs more than one missed.
//! Only the word-level evidence reads the table (`lexical.rs`: which
//! content words the other side matches); the TF-IDF terms keep each word
//! its own, so a synonym never makes two blocks' vocabularies look the
//! same.

use super::super::text::stem;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Each line one group, words separated by spaces.
const GROUPS: &[&str] = &[
    // reporting
    "told stated added noted remarked declared asserted",
    "announced unveiled",
    "claimed alleged",
    "warned cautioned",
    "insisted maintained",
    "denied rejected dismissed",
    "confirmed verified",
    "acknowledged admitted conceded",
    "criticized criticised condemned denounced slammed blasted",
    "praised lauded hailed commended",
    "urged pressed implored",
    "asked requested",
    "explained clarified",
    "suggested proposed",
    "revealed disclosed",
    "promised pledged vowed",
    "threatened menaced",
    // quantities and change
    "rose rise increased increase climbed grew growth jumped jump surged surge soared gained gain",
    "fell fall dropped drop declined decline decreased decrease slipped plunged tumbled sank slid",
    "cut reduced lowered slashed trimmed",
    "raised boosted lifted",
    "doubled twofold",
    "tripled threefold",
    "nearly roughly approximately",
    "large big huge massive major",
    "small minor slight modest",
    "rapid quick fast swift",
    "percent pct",
    "million mln",
    "billion bln",
    // acts of states and firms
    "talks negotiations negotiate negotiated discussions discuss discussed",
    "meet meeting met summit conferred",
    "agreement deal accord pact treaty",
    "agreed accepted consented",
    "approved authorized authorised endorsed ratified",
    "signed inked",
    "bought buy acquired acquire purchased purchase",
    "sold divested",
    "hired recruited",
    "resigned quit",
    "appointed named nominated",
    "elected chosen",
    "banned ban prohibited prohibition barred forbade embargo",
    "sanctions penalties",
    "aid aided assistance assisted help helped",
    "began begin start started launch launched commenced initiated",
    "ended concluded finished completed",
    "halted stopped suspended paused",
    "resumed restarted",
    "delayed postponed",
    "cancelled canceled scrapped",
    "plan planned intend intended aim",
    "attempt attempted effort bid tried sought",
    "goal objective target",
    "built build constructed construct",
    "closed shut",
    "opened reopened",
    "allowed permitted",
    "required demanded obliged",
    "prevented blocked",
    "investigation investigating probe probing inquiry",
    "ruling ruled verdict decision decided judgment",
    "lawsuit suit sued",
    "court tribunal",
    "judge justice",
    "lawmakers congressmen",
    "law legislation statute",
    "vote ballot",
    "poll survey",
    "government administration",
    "leader chief",
    "spokesman spokeswoman spokesperson",
    "minister secretary",
    "company companies firm firms business businesses corporation corporations",
    "employees workers staff",
    "jobs positions",
    "shares stock stocks",
    "profit earnings",
    "revenue sales",
    "loss deficit",
    "price prices cost costs",
    "recession downturn slump",
    "tariffs duties levies",
    // conflict, crime, disaster
    "war conflict fighting",
    "attack assault raid",
    "troops soldiers forces",
    "ceasefire truce",
    "invasion incursion",
    "killed slain",
    "died perished",
    "deaths fatalities",
    "injured wounded hurt",
    "arrested arrest detained detention apprehended",
    "charged indicted",
    "convicted sentenced",
    "prison jail",
    "suspect accused",
    "victims casualties",
    "police officers",
    "crash collision",
    "storm hurricane cyclone typhoon",
    "blaze wildfire",
    "earthquake quake tremor",
    "evacuated fled",
    "destroyed demolished razed",
    "rescued saved",
    // people and places
    "people persons individuals",
    "residents inhabitants locals",
    "children kids",
    "country countries nation nations",
    "city town",
    "border frontier",
    "region area",
    "home house",
    "car vehicle automobile",
    "plane aircraft airplane jet",
    "ship vessel boat",
    // time
    "recently lately",
    "soon shortly",
    "later afterward afterwards subsequently",
    "earlier previously",
    "annual yearly",
    // judgement
    "important significant crucial key vital",
    "difficult hard tough",
    "serious grave severe",
    "concern concerns concerned worry worries worried fear fears",
    "believe believes think thinks",
    "expected anticipated forecast predicted projected",
    "possible potential",
    "clear obvious evident",
    "new fresh",
    "former ex",
    "current existing",
    "main principal primary",
    "entire whole",
    "total overall",
    "enough sufficient",
    "tackle address",
    "problem problems issue issues",
    "ties relations relationship",
    "improve improved strengthen strengthened enhance enhanced",
    "weaken undermine",
    "protest protesters demonstration demonstrators rally",
    "crisis emergency",
    "threat danger risk",
    "safe secure security safety",
    "visit trip",
];

/// Stem → its group (the first group listing it when two do).
fn table() -> &'static HashMap<String, u32> {
    static TABLE: OnceLock<HashMap<String, u32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = HashMap::new();
        for (g, line) in GROUPS.iter().enumerate() {
            for word in line.split(' ') {
                map.entry(stem(word)).or_insert(g as u32);
            }
        }
        map
    })
}

/// The group a content stem belongs to, if any.
pub fn group_of(stem: &str) -> Option<u32> {
    table().get(stem).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) -> bool {
        group_of(&stem(a)).is_some() && group_of(&stem(a)) == group_of(&stem(b))
    }

    #[test]
    fn words_put_for_one_another_meet_and_others_do_not() {
        assert!(same("rose", "increased"));
        assert!(same("increasing", "jumped"));
        assert!(same("talks", "negotiations"));
        assert!(same("detained", "arrested"));
        assert!(!same("rose", "fell"));
        assert!(!same("arrested", "killed"));
        assert!(group_of(&stem("harbour")).is_none());
    }

    #[test]
    fn every_word_is_a_content_word_whose_stem_lands_in_its_own_group() {
        let mut wrong = Vec::new();
        for (g, line) in GROUPS.iter().enumerate() {
            if line.split(' ').count() < 2 {
                wrong.push(format!("{line:?}: a group of one"));
            }
            for w in line.split(' ') {
                if crate::analysis::text::is_stop_word(w) {
                    wrong.push(format!("{w} is a stop word"));
                }
                // Two groups claiming one stem would join them silently.
                if group_of(&stem(w)) != Some(g as u32) {
                    wrong.push(format!("{w} ({}) in {line:?}", stem(w)));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn every_group_is_lower_case_words_listed_once() {
        let mut seen = std::collections::HashSet::new();
        for line in GROUPS {
            for w in line.split(' ') {
                assert!(
                    !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase()),
                    "{line:?}"
                );
                assert!(seen.insert(w), "{w} listed twice");
            }
        }
    }
}
