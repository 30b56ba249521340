//! The role titles attribution takes off before a name: the topic
//! index's ("President", "Secretary", "Chief"), the ranks and posts news
//! puts before a name that it does not list ("Border Patrol Agent Maria
//! Lopez", "Majority Whip Tom Emmer", "Tesla CEO Elon Musk"), and titles
//! joined by a hyphen ("Secretary-General", "Vice-President").

use crate::analysis::topics;

/// Titles before a name the topic index does not take for one. Kept
/// here, not there: a topic's label does not change with them.
const MORE_TITLES: &[&str] = &[
    "adviser",
    "advisor",
    "administrator",
    "agent",
    "ceo",
    "coach",
    "constable",
    "corporal",
    "marshal",
    "sheriff",
    "trooper",
    "whip",
];

/// `core` (a word without its punctuation; a dot after it allowed) is a
/// role title, written out or abbreviated, or titles joined by hyphens.
pub(super) fn is_title(core: &str) -> bool {
    let one = |w: &str| {
        topics::is_title(w)
            || MORE_TITLES.contains(&w.trim_end_matches('.').to_lowercase().as_str())
    };
    one(core) || core.contains('-') && core.split('-').all(|w| !w.is_empty() && one(w))
}

#[cfg(test)]
mod tests {
    use super::super::name::Said;
    use super::super::speaker::{after, before};
    use super::*;

    #[test]
    fn a_name_after_a_title_of_several_words_is_the_speaker() {
        let named = |n: &str| Some(Said::Named(n.into()));
        let lopez = named("Maria Lopez");
        assert_eq!(after(", Border Patrol Agent Maria Lopez said."), lopez);
        assert_eq!(after(", said Border Patrol Agent Maria Lopez."), lopez);
        assert_eq!(before("Border Patrol Agent Maria Lopez said: "), lopez);
        for (attribution, name) in [
            (", Deputy Secretary of State Jane Roe said.", "Jane Roe"),
            (
                ", White House press secretary Karoline Leavitt said.",
                "Karoline Leavitt",
            ),
            (", Senate Majority Leader John Thune said.", "John Thune"),
            (", House Majority Whip Tom Emmer said.", "Tom Emmer"),
            (", National Security Adviser Mike Waltz said.", "Mike Waltz"),
            (", Tesla CEO Elon Musk said.", "Elon Musk"),
            (", Sheriff Tom Dart said.", "Tom Dart"),
            (
                ", U.N. Secretary-General Antonio Guterres said.",
                "Antonio Guterres",
            ),
            // Not "U.S": initials with dots end no sentence.
            (", said U.S. Secretary of State Marco Rubio.", "Marco Rubio"),
            (
                ", U.S. Border Patrol Chief Michael Banks said.",
                "Michael Banks",
            ),
        ] {
            assert_eq!(after(attribution), named(name), "{attribution}");
        }
        // A title alone is a role, as before.
        assert_eq!(after(", the agent said."), named("agent"));
    }

    #[test]
    fn ranks_posts_and_hyphenated_titles_are_titles() {
        for title in [
            "President",
            "secretary",
            "Agent",
            "Whip",
            "CEO",
            "Sheriff",
            "Secretary-General",
            "Vice-President",
            "Gov.",
        ] {
            assert!(is_title(title), "{title}");
        }
        for word in [
            "Patrol",
            "Border",
            "Smith-Jones",
            "Secretary-",
            "-",
            "Majority",
        ] {
            assert!(!is_title(word), "{word}");
        }
    }
}
