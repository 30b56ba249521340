//! The words attribution turns on in German, French, Spanish, Italian and
//! Dutch news writing: reporting verbs (`sagte`, `a déclaré`, `dijo`,
//! `ha detto`, `zei`), the words for "according to" (`selon`, `según`,
//! `laut`, `aldus`), articles, pronouns, the small words that end a name
//! after its verb, and German role nouns told by their ending
//! (`Chefingenieur`, `Innenministerin`).
//!
//! Plain lists over words as written; `words` reads them (verbs, pronouns
//! and small words only in lower case, so a name spelt like one stays a
//! name; a verb made of an auxiliary and a participle, `a déclaré`, `ha
//! detto`, `heeft gezegd`, as the participle; a French inversion, `dit-il`,
//! `a-t-elle ajouté`, as the verb and its pronoun).

use crate::analysis::hashing::FastHasher;
use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

/// Finite reporting verbs, as news writes them after or before a quote:
/// German, French, Spanish, Italian, Dutch.
const VERBS: &str = "\
    sagte sagten sagt erklärte erklärten erklärt betonte betonten betont meinte meint warnte \
    warnt schrieb schreibt ergänzte bestätigte erläuterte versicherte kritisierte forderte \
    fragte antwortete berichtete rief \
    dit déclare déclara affirme affirma explique expliqua souligne ajoute ajouta indique précise \
    estime assure insiste répond prévient raconte confie \
    dijo dice afirmó afirma declaró explicó explica señaló señala añadió aseguró asegura indicó \
    advirtió subrayó agregó comentó sostuvo insistió manifestó precisó respondió escribió apuntó \
    disse afferma affermò dichiara dichiarò spiega spiegò aggiunge aggiunse sottolinea \
    sottolineò ribadisce \
    zei zegt zeiden verklaarde verklaart benadrukte schreef waarschuwde stelde stelt vertelde \
    antwoordde meldde";

/// Participles of reporting verbs, read as the verb after an auxiliary.
const PARTICIPLES: &str = "\
    gesagt \
    déclaré affirmé expliqué souligné ajouté indiqué précisé estimé assuré averti répondu écrit \
    confié raconté insisté \
    dicho afirmado declarado explicado señalado añadido asegurado indicado advertido \
    detto dichiarato spiegato aggiunto affermato sottolineato precisato ribadito commentato \
    scritto assicurato \
    gezegd verklaard benadrukt";

/// Auxiliaries before a participle: the verb is the participle.
const AUXILIARIES: &str = "a ont avait ha han hanno había aveva heeft hebben hat haben";

/// "According to" in one word: `selon le ministre`, `«…», aldus Berg`.
const ACCORDING: &str = "selon según secondo volgens laut aldus";

/// Articles before a role (`le ministre`, `el portavoz`, `de minister`):
/// dropped when a lower-case word follows, so `Le Pen` keeps its `Le`.
const ARTICLES: &str = "le la les el los las il lo gli de het un une una uno een ein eine";

/// German articles, dropped whatever follows (nouns are capitalised).
const GERMAN_ARTICLES: &str = "der die das den dem";

const PRONOUNS: &str = "er sie il elle ils elles él ella ellos ellas lui lei hij zij ze";

/// Small words that end a name after its verb (`sagte Berg am Mittwoch`,
/// `a déclaré Dupont lors d'une conférence`).
const STOPS: &str = "\
    en dans lors pendant après avant devant à au aux auprès et que qui \
    bei im am auf nach vor während gegenüber und dass \
    durante tras ante con desde \
    nel nella dopo prima che \
    tijdens op bij na voor tegen met dat";

/// Endings of German role nouns (`Chefingenieur`, `Regierungssprecherin`,
/// `Bundespräsident`).
const ROLE_SUFFIXES: &str = "\
    ingenieur ingenieurin minister ministerin sprecher sprecherin chef chefin präsident \
    präsidentin direktor direktorin leiter leiterin kanzler kanzlerin meister meisterin \
    sekretär sekretärin";

/// A set, not a sorted list: every word around every quote of a corpus is
/// asked, most of them several times.
type List = LazyLock<HashSet<&'static str, BuildHasherDefault<FastHasher>>>;

/// A list written as one string, as a set.
fn set_of(list: &'static str) -> HashSet<&'static str, BuildHasherDefault<FastHasher>> {
    list.split_whitespace().collect()
}

static VERB_LIST: List = LazyLock::new(|| set_of(VERBS));
static PARTICIPLE_LIST: List = LazyLock::new(|| set_of(PARTICIPLES));
static AUXILIARY_LIST: List = LazyLock::new(|| set_of(AUXILIARIES));
static ACCORDING_LIST: List = LazyLock::new(|| set_of(ACCORDING));
static ARTICLE_LIST: List = LazyLock::new(|| set_of(ARTICLES));
static GERMAN_ARTICLE_LIST: List = LazyLock::new(|| set_of(GERMAN_ARTICLES));
static PRONOUN_LIST: List = LazyLock::new(|| set_of(PRONOUNS));
static STOP_LIST: List = LazyLock::new(|| set_of(STOPS));

fn has(list: &List, word: &str) -> bool {
    list.contains(word)
}

fn is_finite_verb(core: &str) -> bool {
    has(&VERB_LIST, core)
}

/// A reporting verb of these languages, finite or a participle, as
/// written (the caller asks for lower case).
pub(super) fn is_verb(core: &str) -> bool {
    is_finite_verb(core) || is_participle(core)
}

pub(super) fn is_participle(core: &str) -> bool {
    has(&PARTICIPLE_LIST, core)
}

pub(super) fn is_auxiliary(core: &str) -> bool {
    has(&AUXILIARY_LIST, core)
}

/// "According to" in one word, lower-cased.
pub(super) fn is_according(lower: &str) -> bool {
    has(&ACCORDING_LIST, lower)
}

/// A pronoun of these languages, lower-cased (`Er sagte:`, `dijo ella`):
/// the caller tells it from a name.
pub(super) fn is_pronoun(lower: &str) -> bool {
    has(&PRONOUN_LIST, lower)
}

/// A small word that ends a name, as written (the caller asks for lower
/// case).
pub(super) fn is_stop(core: &str) -> bool {
    has(&STOP_LIST, core)
}

/// An article that goes before a role when a lower-case word follows,
/// lower-cased.
pub(super) fn is_article(lower: &str) -> bool {
    has(&ARTICLE_LIST, lower)
}

/// A German article, lower-cased: it goes before any role.
pub(super) fn is_german_article(lower: &str) -> bool {
    has(&GERMAN_ARTICLE_LIST, lower)
}

/// A German role noun by its ending, lower-cased (`chefingenieur`).
pub(super) fn has_role_suffix(lower: &str) -> bool {
    ROLE_SUFFIXES.split_whitespace().any(|s| lower.ends_with(s))
}

/// A French inversion, verb and pronoun: `dit-il` → (`dit`, `il`),
/// `a-t-elle` → (`a`, `elle`).
pub(super) fn inversion(core: &str) -> Option<(&str, &str)> {
    let (head, _) = core.split_once('-')?;
    let (_, pronoun) = core.rsplit_once('-')?;
    let french = ["il", "elle", "ils", "elles"].contains(&pronoun);
    let verb = is_finite_verb(head) || is_auxiliary(head);
    (french && verb).then_some((head, pronoun))
}
