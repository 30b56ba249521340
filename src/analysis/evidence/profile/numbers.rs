//! The numbers a block writes, in digits or in words, and what each
//! counts: read from the text alone, before any word is weighed.

use super::number_words;

/// Numbers written in the text, separators dropped ("1,200" → "1200",
/// "3.5" stays "3.5"). Digits that end a word keep its letters: the road
/// "A614" is that name, not the number 614 (as evidence and as shown).
/// Numbers in words and scale words read as digits ("Eleven" → "11",
/// "3.5 million" → "3500000", "$2bn" → "2000000000"; see `number_words`).
pub fn numbers(text: &str) -> Vec<String> {
    numbers_of(&quantities(text))
}

/// The values of `quantities`, sorted, each once.
pub fn numbers_of(quantities: &[Quantity]) -> Vec<String> {
    let mut out: Vec<String> = quantities.iter().map(|q| q.value.clone()).collect();
    out.sort();
    out.dedup();
    out
}

/// A number and what it counts: the same fact told with "38 ships" and
/// "39 ships" contradicts itself, while "1,400 workers" beside "at 6 a.m."
/// only adds a detail. The unit is the word that follows the number
/// (singular, lower-cased), "money" after a currency sign or before a
/// currency's name, "%" for a per cent, "year" for a four-digit number
/// between 1800 and 2199 written without separators and not followed by a
/// counted word, and empty (never compared) otherwise.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Quantity {
    pub unit: String,
    pub value: String,
}

/// Every number the text writes, with its unit, in text order.
pub fn quantities(text: &str) -> Vec<Quantity> {
    let tokens = number_tokens(text);
    let mut out = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        match tokens[k] {
            NumberToken::Digits {
                ref digits,
                currency,
                grouped,
            } => {
                let next_word = match tokens.get(k + 2) {
                    Some(NumberToken::Word { text, .. }) => Some(*text),
                    _ => None,
                };
                let scaled = match tokens.get(k + 1) {
                    Some(NumberToken::Word { text, glued: true }) => {
                        number_words::glued_multiplier(
                            text,
                            currency,
                            digits.contains('.'),
                            next_word,
                        )
                    }
                    Some(NumberToken::Word { text, glued: false }) => {
                        number_words::multiplier(text)
                    }
                    _ => None,
                }
                .and_then(|m| number_words::scale(digits, m));
                let (value, used) = match scaled {
                    Some(value) => (value, 2),
                    None => (digits.clone(), 1),
                };
                let year_like = !grouped && used == 1 && !currency && is_year(&value);
                let unit = unit_after(&tokens[k + used..], currency, year_like);
                out.push(Quantity { unit, value });
                k += used;
            }
            NumberToken::Word { text, .. } => {
                if !number_words::may_start(text) {
                    k += 1;
                    continue;
                }
                // A number in words takes at most six ("one hundred and
                // forty two thousand").
                let run: Vec<&str> = tokens[k..]
                    .iter()
                    .take(6)
                    .map_while(|t| match t {
                        NumberToken::Word { text, .. } => Some(*text),
                        _ => None,
                    })
                    .collect();
                match number_words::read(&run) {
                    Some((value, used)) => {
                        let unit = unit_after(&tokens[k + used..], false, false);
                        out.push(Quantity {
                            unit,
                            value: value.to_string(),
                        });
                        k += used;
                    }
                    None => k += 1,
                }
            }
            NumberToken::Break(_) => k += 1,
        }
    }
    out
}

fn is_year(value: &str) -> bool {
    value.len() == 4
        && value
            .parse::<u32>()
            .is_ok_and(|y| (1800..2200).contains(&y))
}

/// The unit of a number from the tokens after it (see [`Quantity`]).
fn unit_after(after: &[NumberToken<'_>], currency: bool, year_like: bool) -> String {
    const MONEY: &[&str] = &[
        "dollar", "euro", "franc", "pound", "rouble", "ruble", "rupee", "yen", "yuan",
    ];
    if currency {
        return "money".into();
    }
    let word = match after.first() {
        Some(NumberToken::Break('%')) => return "%".into(),
        Some(NumberToken::Word { text, .. }) => text.to_lowercase(),
        _ => String::new(),
    };
    let second = match after.get(1) {
        Some(NumberToken::Word { text, .. }) => text.to_lowercase(),
        _ => String::new(),
    };
    if word == "percent" || (word == "per" && second == "cent") {
        return "%".into();
    }
    let counted = !word.is_empty()
        && word.chars().all(char::is_alphabetic)
        && !crate::analysis::text::is_stop_word(&word);
    if !counted {
        return if year_like {
            "year".into()
        } else {
            String::new()
        };
    }
    let singular = match word.strip_suffix('s') {
        Some(s) if s.len() > 2 && !s.ends_with('s') => s.to_string(),
        _ => word,
    };
    if MONEY.contains(&singular.as_str()) {
        "money".into()
    } else {
        singular
    }
}

/// Both blocks count something in the same unit and agree on none of its
/// values ("38 ships" against "39 ships"): the units in conflict, sorted.
/// A number only one side writes is an added detail, not a conflict.
pub fn conflicting_units<'a>(a: &'a [Quantity], b: &[Quantity]) -> Vec<&'a str> {
    let mut units: Vec<&str> = a
        .iter()
        .map(|q| q.unit.as_str())
        .filter(|u| !u.is_empty())
        .collect();
    units.sort_unstable();
    units.dedup();
    units.retain(|&u| {
        let values = |qs: &[Quantity]| -> Vec<String> {
            qs.iter()
                .filter(|q| q.unit == u)
                .map(|q| q.value.clone())
                .collect()
        };
        let (va, vb) = (values(a), values(b));
        !vb.is_empty() && !va.iter().any(|v| vb.contains(v))
    });
    units
}

/// What [`numbers`] reads: digit groups (with the letters they end),
/// words (with inner hyphens; `glued` when written onto the digits before
/// them), and any other mark, which ends a number.
enum NumberToken<'a> {
    /// `currency`: written right after a currency sign ("£45m").
    /// `grouped`: written with a thousands separator ("1,989").
    Digits {
        digits: String,
        currency: bool,
        grouped: bool,
    },
    Word {
        text: &'a str,
        glued: bool,
    },
    /// Any other mark (`%` is a unit).
    Break(char),
}

fn number_tokens(text: &str) -> Vec<NumberToken<'_>> {
    // Walked by byte offset: the marks looked past ('-', ',', '.') are one
    // byte each.
    let bytes = text.as_bytes();
    let at = |k: usize| match bytes.get(k) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(k..).and_then(|t| t.chars().next()),
        None => None,
    };
    let step = |k: usize| k + at(k).map_or(1, char::len_utf8);
    let mut out = Vec::new();
    let mut k = 0;
    while let Some(c) = at(k) {
        if c.is_whitespace() {
            k = step(k);
        } else if c.is_alphabetic() || c.is_ascii_digit() {
            let start = k;
            while at(k).is_some_and(char::is_alphabetic)
                || (at(k) == Some('-') && k > start && at(k + 1).is_some_and(char::is_alphabetic))
            {
                k = step(k);
            }
            if !at(k).is_some_and(|c| c.is_ascii_digit()) {
                let after_space = text[..start]
                    .chars()
                    .next_back()
                    .is_none_or(char::is_whitespace);
                let glued = matches!(out.last(), Some(NumberToken::Digits { .. })) && !after_space;
                out.push(NumberToken::Word {
                    text: &text[start..k],
                    glued,
                });
                continue;
            }
            let mut digits = text[start..k].to_string();
            let mut grouped = false;
            while let Some(c) = at(k) {
                let inner_sep =
                    (c == ',' || c == '.') && at(k + 1).is_some_and(|n| n.is_ascii_digit());
                if c.is_ascii_digit() {
                    digits.push(c);
                } else if inner_sep {
                    if c == '.' {
                        digits.push('.');
                    } else {
                        grouped = true;
                    }
                } else {
                    break;
                }
                k += 1;
            }
            let currency = text[..start]
                .chars()
                .next_back()
                .is_some_and(|c| matches!(c, '$' | '£' | '€' | '¥'));
            out.push(NumberToken::Digits {
                digits,
                currency,
                grouped,
            });
        } else {
            out.push(NumberToken::Break(c));
            k = step(k);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_drop_separators() {
        assert_eq!(
            numbers("1,200 troops, 3.5% and 2025."),
            ["1200", "2025", "3.5"]
        );
        assert!(numbers("no digits").is_empty());
        assert_eq!(numbers("the A614 and G7, F-35"), ["35", "A614", "G7"]);
    }

    #[test]
    fn numbers_in_words_read_as_digits() {
        assert_eq!(
            numbers("Eleven people were hurt and twenty-five homes evacuated."),
            ["11", "25"]
        );
        assert_eq!(
            numbers("11 people were hurt"),
            numbers("Eleven people were hurt")
        );
        assert_eq!(
            numbers("a $3.5 million grant, 3,500,000 dollars, $3.5bn"),
            ["3500000", "3500000000"]
        );
        assert_eq!(numbers("two hundred and twelve"), ["212"]);
        assert_eq!(numbers("a hundred and forty miles"), numbers("140 miles"),);
        assert_eq!(numbers("one hundred and forty miles"), ["140"]);
        assert_eq!(numbers("£45m a day"), numbers("£45 million a day"));
        assert_eq!(numbers("3.2m tonnes"), ["3200000"]);
        assert_eq!(numbers("1.8m tall, a 100m race"), ["1.8", "100"]);
        assert_eq!(numbers("$50k"), ["50000"]);
        assert!(numbers("one of the officials, no one else").is_empty());
        assert_eq!(numbers("the five-year plan"), Vec::<String>::new());
    }

    fn units(text: &str) -> Vec<(String, String)> {
        quantities(text)
            .into_iter()
            .map(|q| (q.value, q.unit))
            .collect()
    }

    #[test]
    fn quantities_carry_what_they_count() {
        assert_eq!(
            units("38 ships, 12% and twelve per cent; £45m, 3 dollars; in 1989, at 6 a.m."),
            [
                ("38".into(), "ship".into()),
                ("12".into(), "%".into()),
                ("12".into(), "%".into()),
                ("45000000".into(), "money".into()),
                ("3".into(), "money".into()),
                ("1989".into(), "year".into()),
                ("6".into(), String::new()),
            ]
        );
        assert_eq!(units("1,989 workers")[0].1, "worker");
        assert_eq!(units("the 1,989.")[0].1, "");
    }

    #[test]
    fn only_the_same_unit_with_other_values_conflicts() {
        let c = |a: &str, b: &str| conflicting_units(&quantities(a), &quantities(b)).len();
        assert_eq!(c("lost 38 ships", "lost 39 ships"), 1);
        assert_eq!(c("1,400 workers since 1989", "1,400 workers at 6 a.m."), 0);
        assert_eq!(c("1,400 workers", "1,400 workers for eleven weeks"), 0);
        assert_eq!(c("38 ships and 40 ships", "38 ships"), 0);
        assert_eq!(c("first strike since 1989", "first strike since 1998"), 1);
        assert_eq!(c("£45m a day", "forty-five million pounds a day"), 0);
        assert_eq!(c("£45m a day", "£50m a day"), 1);
    }
}
