//! The words around a quote as attribution reads them: each word without
//! its punctuation, and whether that punctuation ends a clause, a sentence
//! or meets another quote; and the small word lists attribution turns on
//! (reporting verbs, pronouns, courtesy titles, words that end a name),
//! English here and other languages' in `languages`.

use super::languages;
use super::quoted_as;
use crate::analysis::topics::is_connector;

/// One whitespace-separated word of the context, without the punctuation
/// around it, and what that punctuation says.
#[derive(Debug, Clone)]
pub(super) struct Word<'a> {
    pub core: &'a str,
    /// Followed by , ; : or a dash: a clause ends here.
    pub clause: bool,
    /// Followed by . ! ? (not an abbreviation like Ms.): a sentence ends.
    pub sentence: bool,
    /// Begins or ends with a quotation mark: another quote.
    pub quote: bool,
    /// Several words read as one reporting verb ("quoted as saying",
    /// `quoted_as`): `core` spans them all.
    pub phrase: bool,
}

impl Word<'_> {
    /// A clause, a sentence or a quote ends at this word: no name or
    /// phrase runs on past it.
    pub fn ends_a_run(&self) -> bool {
        self.clause || self.sentence || self.quote
    }
}

const VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "noted",
    "explained",
    "asked",
    "argued",
    "insisted",
    "warned",
    "declared",
    "wrote",
    "writes",
    "replied",
    "remarked",
    "continued",
    "observed",
    "claimed",
    "announced",
    "tweeted",
    "posted",
    "recalled",
    "acknowledged",
    "admitted",
    "stressed",
    "emphasised",
    "emphasized",
    "concluded",
    "cautioned",
    "urged",
    "vowed",
    "quipped",
    "shouted",
    "yelled",
    "whispered",
    "cried",
    "screamed",
    "muttered",
];

/// Verbs whose object is whom the words were said to ("told reporters",
/// "told the BBC"), never who said them.
const TO_AN_AUDIENCE: &[&str] = &["told", "tells"];

const PRONOUNS: &[&str] = &["he", "she", "they", "it"];
pub(super) const COURTESY: &[&str] = &["mr", "mrs", "ms", "miss", "dr", "prof"];
/// Abbreviated titles: their full stop does not end a sentence.
const ABBREVIATED: &[&str] = &[
    "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "maj", "adm", "rev", "st", "jr", "sr",
    "amb", "pres", "det", "insp",
];
pub(super) const ARTICLES: &[&str] = &["the", "a", "an"];
/// Words that end a speaker's name after the verb: "said Roe in a
/// statement", "said Roe on Friday".
const STOPS: &[&str] = &[
    "in", "on", "upon", "at", "during", "after", "before", "when", "while", "who", "which", "to",
    "as", "and", "but", "that", "from", "of", "for", "with", "by",
];

/// Forms of "be": before a reporting verb, a passive ("was asked by").
const BE: &[&str] = &["am", "is", "are", "was", "were", "be", "been", "being"];
/// The other auxiliaries. A lower-case one of either list makes words
/// no name ("The question was", "Roe has").
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "do", "does", "did", "will", "would", "shall", "should", "can", "could",
    "may", "might", "must",
];

/// Other small words that are never a description of a person: the rest
/// of the prepositions, determiners and conjunctions ("villagers near
/// Kherson Oblast" is not the villagers' name).
const FUNCTION_WORDS: &[&str] = &[
    "about", "above", "across", "against", "along", "amid", "among", "around", "behind", "below",
    "beside", "between", "beyond", "despite", "down", "her", "his", "if", "inside", "into", "its",
    "like", "my", "near", "nor", "not", "off", "onto", "or", "our", "outside", "over", "past",
    "per", "since", "so", "than", "their", "these", "this", "those", "through", "toward",
    "towards", "under", "until", "up", "upon", "via", "within", "without", "your",
];

/// A lower-case word that may describe the person named after it ("chief
/// engineer Tomas Berg", "harbour master Ola Lind"): no small word, verb
/// or participle, adverb or number.
pub(super) fn is_description_noun(w: &Word) -> bool {
    let l = lower(w);
    let small = [ARTICLES, COURTESY, FUNCTION_WORDS]
        .iter()
        .any(|list| list.contains(&l.as_str()))
        || is_stop(w)
        || PRONOUNS.contains(&l.as_str())
        || languages::is_pronoun(&l)
        || languages::is_article(&l)
        || languages::is_german_article(&l);
    // "released", "ruling", "reportedly"; "ally" is a noun.
    let inflected = l.len() > 4 && (l.ends_with("ed") || l.ends_with("ing") || l.ends_with("ly"));
    // "porte-parole": letters, perhaps joined by hyphens.
    let letters = l
        .split('-')
        .all(|p| !p.is_empty() && p.chars().all(char::is_alphabetic));
    !capitalised(w) && l.len() > 2 && letters && !small && !inflected && !is_verb(w)
}

fn is_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‟' | '‹' | '›')
}

pub(super) fn words(text: &str) -> Vec<Word<'_>> {
    let punctuation = |c: char| !c.is_alphanumeric();
    let ws = text
        .split_whitespace()
        .map(|raw| {
            let lead = raw.len() - raw.trim_start_matches(punctuation).len();
            let core = raw[lead..].trim_end_matches(punctuation);
            let (head, tail) = (&raw[..lead], &raw[lead + core.len()..]);
            // "Smith & Wesson": an ampersand joins a name's words.
            if raw == "&" {
                return Word {
                    core: raw,
                    clause: false,
                    sentence: false,
                    quote: false,
                    phrase: false,
                };
            }
            if core.is_empty() {
                // A lone dash or mark still ends a clause.
                return Word {
                    core,
                    clause: true,
                    sentence: false,
                    quote: raw.chars().any(is_mark),
                    phrase: false,
                };
            }
            Word {
                core,
                clause: tail.contains([',', ';', ':', '—', '–']),
                sentence: tail.contains(['.', '!', '?']) && !is_abbreviation(core),
                quote: head.chars().chain(tail.chars()).any(is_mark),
                phrase: false,
            }
        })
        .collect();
    quoted_as_one_verb(text, fold(ws))
}

/// `ws` (the words of `text`) with each passive "was quoted as saying"
/// (`quoted_as`) made one reporting verb, the auxiliaries and adverbs
/// right before it dropped.
fn quoted_as_one_verb<'a>(text: &'a str, ws: Vec<Word<'a>>) -> Vec<Word<'a>> {
    if !ws.iter().any(|w| quoted_as::is_participle(w.core)) {
        return ws;
    }
    let plain = |w: &Word| !w.ends_a_run();
    let shapes: Vec<quoted_as::Plain> = ws.iter().map(|w| (w.core, plain(w))).collect();
    let mut out: Vec<Word> = Vec::with_capacity(ws.len());
    let mut k = 0;
    while k < ws.len() {
        let before_verb = |w: &&Word| plain(w) && is_before_verb(w);
        let passive = || out.iter().rev().take_while(before_verb).any(is_be);
        match quoted_as::saying_at(&shapes, k) {
            Some(end) if passive() => {
                while out.last().is_some_and(|w| before_verb(&w)) {
                    out.pop();
                }
                let start = offset_in(text, ws[k].core);
                let stop = offset_in(text, ws[end].core) + ws[end].core.len();
                let core = &text[start..stop];
                out.push(Word {
                    core,
                    phrase: true,
                    ..ws[end].clone()
                });
                k = end + 1;
            }
            _ => {
                out.push(ws[k].clone());
                k += 1;
            }
        }
    }
    out
}

/// A word whose full stop ends no sentence: a title ("Ms.", "Sen."), an
/// initial ("Michael J. Green") or initials with dots, most often a
/// name's or a title's first word ("U.S. Border Patrol Chief").
pub(super) fn is_abbreviation(core: &str) -> bool {
    let l = core.to_lowercase();
    let initial = |s: &str| s.chars().count() == 1 && s.chars().all(char::is_uppercase);
    COURTESY.contains(&l.as_str())
        || ABBREVIATED.contains(&l.as_str())
        || initial(core)
        || core.contains('.') && core.split('.').all(initial)
}

/// The words as attribution reads them: an auxiliary before a participle
/// dropped (`a déclaré`), a French inversion split into verb and pronoun
/// (`dit-il`; of `a-t-il`, the pronoun), an elided article taken off a
/// role (`l'ancien` → `ancien`).
fn fold(ws: Vec<Word<'_>>) -> Vec<Word<'_>> {
    let mut out: Vec<Word> = Vec::with_capacity(ws.len());
    let mut ws = ws.into_iter().peekable();
    while let Some(mut w) = ws.next() {
        let plain = !w.ends_a_run();
        if plain
            && languages::is_auxiliary(w.core)
            && ws
                .peek()
                .is_some_and(|n| lower_case(n) && languages::is_participle(n.core))
        {
            continue;
        }
        if let Some(l) = ["l'", "l’"].iter().find_map(|p| w.core.strip_prefix(p))
            && l.chars().next().is_some_and(char::is_lowercase)
        {
            w.core = l;
        }
        if let Some((head, pronoun)) = languages::inversion(w.core) {
            if !languages::is_auxiliary(head) {
                out.push(Word {
                    core: head,
                    clause: false,
                    sentence: false,
                    quote: w.quote,
                    phrase: false,
                });
            }
            w.core = pronoun;
        }
        out.push(w);
    }
    out
}

/// Where `part`, a slice of `text` (a word's core, a sentence), starts
/// in it.
pub(super) fn offset_in(text: &str, part: &str) -> usize {
    part.as_ptr() as usize - text.as_ptr() as usize
}

pub(super) fn lower(w: &Word) -> String {
    w.core.to_lowercase()
}

/// A reporting verb, English in any case or another language's, or a
/// phrase read as one.
pub(super) fn is_verb(w: &Word) -> bool {
    w.phrase || VERBS.contains(&lower(w).as_str()) || is_other_verb(w)
}

/// A word that joins the capitalised words of one name: a connector
/// ("Bank of England", "von") or an ampersand ("Johnson & Johnson").
pub(super) fn joins_name(w: &Word) -> bool {
    is_connector(w.core) || w.core == "&"
}

/// A verb that gives a thing the speaker's own name for it: "Roe called
/// the closure “a disaster”", "described it as “reckless”". Only before a
/// quote, and only with an object between (`speaker::before`): "a group
/// called “X”" names the group.
pub(super) fn is_naming_verb(w: &Word) -> bool {
    const NAMING: &[&str] = &[
        "called",
        "calls",
        "described",
        "describes",
        "branded",
        "brands",
        "labelled",
        "labeled",
        "dubbed",
        "termed",
    ];
    lower_case(w) && NAMING.contains(&w.core)
}

/// A reporting verb given in lower case ("said", "sagte"): what tells the
/// attribution of a quote from a sentence of its own.
pub fn is_reporting_verb(lower: &str) -> bool {
    VERBS.contains(&lower) || languages::is_verb(lower)
}

/// A reporting verb of another language, in lower case ("sagte").
pub(super) fn is_other_verb(w: &Word) -> bool {
    lower_case(w) && languages::is_verb(w.core)
}

/// "According to" in one word ("selon", "laut").
pub(super) fn is_according(w: &Word) -> bool {
    languages::is_according(&lower(w))
}

/// A pronoun: English in any case, another language's in lower case
/// ("Ella" may be a name).
pub(super) fn is_pronoun(w: &Word) -> bool {
    let l = lower(w);
    PRONOUNS.contains(&l.as_str()) || lower_case(w) && languages::is_pronoun(&l)
}

/// A word that ends a speaker's name after the verb.
pub(super) fn is_stop(w: &Word) -> bool {
    STOPS.contains(&lower(w).as_str()) || lower_case(w) && languages::is_stop(w.core)
}

/// A lower-case participle or small word: what it opens between commas
/// says where or how someone was ("sitting next to …"), not who.
pub(super) fn opens_a_clause(w: &Word) -> bool {
    let small = |l: &str| l.ends_with("ing") || l.ends_with("ed") || FUNCTION_WORDS.contains(&l);
    lower_case(w) && (is_stop(w) || small(&lower(w)))
}

/// `w` is another language's article before a role, given the word
/// after it ("le ministre", "der Chefingenieur"; not the "Le" of "Le Pen").
pub(super) fn leads_role(w: &Word, next: Option<&Word>) -> bool {
    let l = lower(w);
    languages::is_german_article(&l) || languages::is_article(&l) && next.is_some_and(lower_case)
}

/// A capitalised German role noun ("Chefingenieur", "Innenministerin").
pub(super) fn is_role_noun(w: &Word) -> bool {
    capitalised(w) && languages::has_role_suffix(&lower(w))
}

/// A lower-case auxiliary ("was"; "Will" and "May" may be names).
pub(super) fn is_auxiliary(w: &Word) -> bool {
    is_be(w) || !capitalised(w) && AUXILIARIES.contains(&w.core)
}

/// Adverbs that stand between a speaker and the verb ("Mr Hale later
/// said", "Roe has also said"): part of no name. A list, not every "-ly"
/// word: "The family said" names the family.
const VERB_ADVERBS: &str = "\
    again already also angrily earlier finally firmly first flatly initially later never \
    now often once only openly originally previously privately publicly quickly quietly \
    recently repeatedly reportedly separately simply since still subsequently then";

/// An auxiliary or one of [`VERB_ADVERBS`], lower-case: a word between a
/// subject and its verb.
pub(super) fn is_before_verb(w: &Word) -> bool {
    is_auxiliary(w) || !capitalised(w) && VERB_ADVERBS.split_whitespace().any(|a| a == w.core)
}

/// A lower-case form of "be".
pub(super) fn is_be(w: &Word) -> bool {
    !capitalised(w) && BE.contains(&w.core)
}

pub(super) fn is_to_an_audience(w: &Word) -> bool {
    TO_AN_AUDIENCE.contains(&lower(w).as_str())
}

pub(super) fn capitalised(w: &Word) -> bool {
    w.core.chars().next().is_some_and(char::is_uppercase)
}

fn lower_case(w: &Word) -> bool {
    w.core.chars().next().is_some_and(char::is_lowercase)
}

#[cfg(test)]
#[path = "words_tests.rs"]
mod tests;
