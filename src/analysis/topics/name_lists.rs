//! Small word lists behind person names: given names (evidence that a
//! two-word name is a person's), short forms of given names (Jim = James),
//! words that make a name an organisation's or a place's, calendar words
//! that are never names, and the lower-case connectors a name may hold
//! ("Bank of America"). Keys are lower case, as `name_key` writes
//! them; every list is sorted for binary search (a test checks).

use super::hashing::{HIGH, ascii_lower, load};
use crate::analysis::text;
use std::sync::LazyLock;

/// Common given names in English-language news, and the given names of
/// people often in the news elsewhere. Only evidence: a full name is also
/// a person's when it follows a title anywhere in the corpus ("Mr.",
/// "Sen.", "President").
const GIVEN_NAMES: &str = "\
    aaron abdul abigail adam ahmed al alan albert alex alexander alexandra alexei ali alice \
    alicia amanda amy ana andrea andrew andy angela ann anna anne anthony antonio barack \
    barbara ben benjamin beth betty bill bob boris brad brett brian bruce carl carlos carol \
    catherine charles charlie cheryl chris christine christopher chuck claire craig dan \
    daniel david deborah dennis diana dick donald donna doug douglas ed edward elena \
    elizabeth ellen emily emma emmanuel eric frank fred gary george gerald greg gregory hank \
    harry heather helen henry hillary ilse ivan jack jacob james jamie jane janet jason jean \
    jeff jeffrey jennifer jenny jerry jessica jim jimmy joan joe john jon jonathan jose \
    joseph josh joshua juan judy julia julie justin karen kate katherine kathy keith kelly \
    ken kenneth kevin kyle larry laura lawrence linda lisa liz louis lucy luis marco \
    margaret maria marie mark martin mary matt matthew melania michael michelle mike mitch \
    mohammed nancy nicholas nick nicola nicolas olaf olga pat patricia patrick paul peter \
    philip rachel ralph randy rebecca richard rick rob robert roger ron ronald rose russell \
    ruth ryan sam samuel sandra sara sarah scott sean sergei sharon stephanie stephen steve \
    steven sue susan ted teresa theresa thomas tim timothy tom tony victoria vincent \
    vladimir volodymyr walter wayne william xi yuri zach";

/// Short given names and the full name they stand for.
const SHORT_FORMS: &[(&str, &str)] = &[
    ("abby", "abigail"),
    ("al", "albert"),
    ("alex", "alexander"),
    ("andy", "andrew"),
    ("ben", "benjamin"),
    ("beth", "elizabeth"),
    ("bill", "william"),
    ("billy", "william"),
    ("bob", "robert"),
    ("bobby", "robert"),
    ("charlie", "charles"),
    ("chris", "christopher"),
    ("chuck", "charles"),
    ("dan", "daniel"),
    ("danny", "daniel"),
    ("dave", "david"),
    ("dick", "richard"),
    ("don", "donald"),
    ("doug", "douglas"),
    ("ed", "edward"),
    ("eddie", "edward"),
    ("fred", "frederick"),
    ("greg", "gregory"),
    ("hank", "henry"),
    ("jeff", "jeffrey"),
    ("jenny", "jennifer"),
    ("jerry", "gerald"),
    ("jim", "james"),
    ("jimmy", "james"),
    ("joe", "joseph"),
    ("jon", "jonathan"),
    ("josh", "joshua"),
    ("kate", "katherine"),
    ("kathy", "katherine"),
    ("ken", "kenneth"),
    ("larry", "lawrence"),
    ("liz", "elizabeth"),
    ("matt", "matthew"),
    ("mike", "michael"),
    ("mitch", "mitchell"),
    ("nick", "nicholas"),
    ("pat", "patrick"),
    ("peggy", "margaret"),
    ("rich", "richard"),
    ("rick", "richard"),
    ("rob", "robert"),
    ("ron", "ronald"),
    ("sam", "samuel"),
    ("steve", "stephen"),
    ("sue", "susan"),
    ("ted", "edward"),
    ("tim", "timothy"),
    ("tom", "thomas"),
    ("tony", "anthony"),
    ("vicky", "victoria"),
    ("zach", "zachary"),
];

/// Words that make a name an organisation's, a place's or an event's,
/// never a person's ("White House", "North Korea", "Alaska Summit").
const NOT_PERSON_WORDS: &str = "\
    academy administration agency airlines airport alliance america american army assembly \
    association authorities authority avenue bank base bay board branch bridge building \
    bureau cabinet canal capitol center central centre church city club coast college \
    commission committee company conference congress corp corporation council county court \
    cup democratic department district east eastern embassy empire european federal \
    federation festival force forces forum foundation fund games general government great \
    group guard gulf hall high hospital hotel house inc institute international island \
    islands journal kingdom lake league ltd media middle ministry motors mount mountains \
    museum national navy network new news north northern ocean office organisation \
    organization pacific palace park parliament party peninsula people police port post \
    press program programme province region republic republican river road royal saint \
    school sea senate service society south southern square state states station street \
    summit supreme times tower treaty tribunal union united university valley war west \
    western world";

/// Parts after a surname that tell a son from his father ("Jr.").
const SUFFIXES: &[&str] = &["ii", "iii", "iv", "jr", "sr"];

/// Days and months: capitalised mid-sentence, never a name of their own.
/// "May" is left out: it is also a surname.
const CALENDAR_WORDS: &str = "\
    april august december february friday january july june march monday november october \
    saturday september sunday thursday tuesday wednesday";

/// A list written as one string, words apart, in order.
fn words(list: &'static str) -> Vec<&'static str> {
    list.split_whitespace().collect()
}

/// Lower-case words that may sit inside a name ("Bank of America").
const CONNECTORS: &[&str] = &[
    "al", "bin", "da", "de", "del", "der", "di", "du", "of", "van", "von",
];

static GIVEN: LazyLock<Vec<&str>> = LazyLock::new(|| words(GIVEN_NAMES));
static NOT_PERSON: LazyLock<Vec<&str>> = LazyLock::new(|| words(NOT_PERSON_WORDS));
static CALENDAR: LazyLock<Vec<&str>> = LazyLock::new(|| words(CALENDAR_WORDS));

pub fn is_given_name(key: &str) -> bool {
    GIVEN.binary_search(&key).is_ok() || SHORT_FORMS.iter().any(|(s, _)| *s == key)
}

/// The full given name a short one stands for ("jim" → "james"), else
/// the name itself.
pub fn full_given_name(key: &str) -> &str {
    match SHORT_FORMS.binary_search_by_key(&key, |&(s, _)| s) {
        Ok(i) => SHORT_FORMS[i].1,
        Err(_) => key,
    }
}

pub fn is_not_person_word(key: &str) -> bool {
    NOT_PERSON.binary_search(&key).is_ok()
}

pub fn is_suffix(key: &str) -> bool {
    SUFFIXES.contains(&key)
}

pub fn is_calendar_word(key: &str) -> bool {
    CALENDAR.binary_search(&key).is_ok()
}

/// The longest connector, in bytes: longer words are not looked up.
const LONGEST_CONNECTOR: usize = 3;

/// A lower-case word that may sit inside a name, as written ("of").
pub fn is_connector(surface: &str) -> bool {
    surface.len() <= LONGEST_CONNECTOR && CONNECTORS.binary_search(&surface).is_ok()
}

/// Words of at most this many ASCII bytes are looked up as one integer.
const PACKED_LEN: usize = 15;

/// An ASCII word of at most `PACKED_LEN` bytes, lower-cased, and its
/// length as one integer (so that two words are equal when their keys are).
fn packed_lower(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.len() > PACKED_LEN {
        return None;
    }
    let (head, tail) = bytes.split_at(bytes.len().min(8));
    let (head, tail) = (load(head), load(tail));
    if (head | tail) & HIGH != 0 {
        return None;
    }
    let key = u128::from(ascii_lower(head)) | (u128::from(ascii_lower(tail)) << 64);
    Some(key | ((bytes.len() as u128) << 120))
}

/// The shared stop words as sorted keys (`packed_lower`).
static PACKED_STOP_WORDS: LazyLock<Vec<u128>> = LazyLock::new(|| {
    let mut keys: Vec<u128> = text::STOP_WORDS
        .iter()
        .filter_map(|w| packed_lower(w))
        .collect();
    keys.sort_unstable();
    keys
});

/// `text::is_stop_word` for a word in any case; the usual short ASCII
/// word is looked up without a string (names are checked word by word).
pub fn is_stop_word_any_case(word: &str) -> bool {
    match packed_lower(word) {
        Some(key) => PACKED_STOP_WORDS.binary_search(&key).is_ok(),
        None => text::is_stop_word(&word.to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_lower_case_and_unique() {
        let lists: [&[&str]; 5] = [&GIVEN, &NOT_PERSON, &CALENDAR, SUFFIXES, CONNECTORS];
        for list in lists {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            assert!(
                list.iter()
                    .all(|w| w.chars().all(|c| c.is_ascii_lowercase()))
            );
        }
        assert!(SHORT_FORMS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(CONNECTORS.iter().all(|c| c.len() <= LONGEST_CONNECTOR));
    }

    #[test]
    fn stop_words_are_found_in_any_case() {
        for w in text::STOP_WORDS {
            assert!(is_stop_word_any_case(w), "{w}");
            assert!(is_stop_word_any_case(&w.to_uppercase()), "{w}");
        }
        for w in [
            "Putin",
            "Alaska",
            "Them2",
            "ab\0",
            "THEMSELVESXXXXXX",
            "Öl",
            "",
        ] {
            assert_eq!(
                is_stop_word_any_case(w),
                text::is_stop_word(&w.to_lowercase()),
                "{w}"
            );
        }
        assert!(is_stop_word_any_case("ThemSelves") && !is_stop_word_any_case("Themself"));
    }

    #[test]
    fn short_forms_lead_to_full_names() {
        assert_eq!(full_given_name("jim"), "james");
        assert_eq!(full_given_name("james"), "james");
        assert_eq!(full_given_name("bill"), full_given_name("william"));
        assert!(is_given_name("bob") && is_given_name("robert"));
        assert!(!is_given_name("alaska"));
    }
}
