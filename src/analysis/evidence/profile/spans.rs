//! Where a block's sentences and quotes are, and the numbers it writes:
//! read from the text alone, before any word is weighed.

use super::number_words;

/// Sentence byte ranges: a sentence ends at `.`, `!` or `?` (with any
/// closing quotes or brackets) followed by white space, or at a line end.
pub fn sentence_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = match c {
            '\n' => Some(i),
            '.' | '!' | '?' => {
                let mut j = i + c.len_utf8();
                while let Some(&(k, n)) = chars.peek() {
                    if matches!(n, '"' | '\u{201D}' | '\u{2019}' | '\'' | ')' | ']') {
                        j = k + n.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                let followed_by_space = bytes.get(j).is_none_or(|b| b.is_ascii_whitespace());
                // "Mr. Roe", "U.S. officials": a one-letter or short
                // capitalised word before the dot is an abbreviation.
                let word_before = text[start..i].rsplit(|c: char| !c.is_alphanumeric()).next();
                let abbreviation = word_before.is_some_and(|w| {
                    w.chars().count() == 1 || ABBREVIATIONS.contains(&w.to_lowercase().as_str())
                });
                (followed_by_space && !abbreviation).then_some(j)
            }
            _ => None,
        };
        if let Some(e) = end {
            if !text[start..e].trim().is_empty() {
                out.push((start, e));
            }
            start = e;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push((start, text.len()));
    }
    if out.is_empty() {
        out.push((0, text.len()));
    }
    out
}

const ABBREVIATIONS: &[&str] = &[
    "dr", "gen", "gov", "jr", "mr", "mrs", "ms", "no", "prof", "rep", "sen", "sr", "st", "vs",
];

/// Numbers written in the text, separators dropped ("1,200" → "1200",
/// "3.5" stays "3.5"). Digits that end a word keep its letters: the road
/// "A614" is that name, not the number 614 (as evidence and as shown).
/// Numbers in words and scale words read as digits ("Eleven" → "11",
/// "3.5 million" → "3500000", "$2bn" → "2000000000"; see `number_words`).
pub fn numbers(text: &str) -> Vec<String> {
    let tokens = number_tokens(text);
    let mut out = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        match tokens[k] {
            NumberToken::Digits {
                ref digits,
                currency,
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
                match scaled {
                    Some(value) => {
                        out.push(value);
                        k += 2;
                    }
                    None => {
                        out.push(digits.clone());
                        k += 1;
                    }
                }
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
                        out.push(value.to_string());
                        k += used;
                    }
                    None => k += 1,
                }
            }
            NumberToken::Break => k += 1,
        }
    }
    out.sort();
    out.dedup();
    out
}

/// What [`numbers`] reads: digit groups (with the letters they end),
/// words (with inner hyphens; `glued` when written onto the digits before
/// them), and any other mark, which ends a number.
enum NumberToken<'a> {
    /// `currency`: written right after a currency sign ("£45m").
    Digits {
        digits: String,
        currency: bool,
    },
    Word {
        text: &'a str,
        glued: bool,
    },
    Break,
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
            while let Some(c) = at(k) {
                let inner_sep =
                    (c == ',' || c == '.') && at(k + 1).is_some_and(|n| n.is_ascii_digit());
                if c.is_ascii_digit() {
                    digits.push(c);
                } else if inner_sep {
                    if c == '.' {
                        digits.push('.');
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
            out.push(NumberToken::Digits { digits, currency });
        } else {
            out.push(NumberToken::Break);
            k = step(k);
        }
    }
    out
}

/// Byte ranges inside quotation marks: curly pairs, or straight double
/// quotes taken two by two. Nested single quotes stay inside.
pub fn quote_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut straight: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '\u{201C}' | '\u{00AB}' | '\u{201E}' => open = Some(i + c.len_utf8()),
            '\u{201D}' | '\u{00BB}' => {
                if let Some(a) = open.take() {
                    out.push((a, i));
                }
            }
            '"' => match straight.take() {
                Some(a) => out.push((a, i)),
                None => straight = Some(i + 1),
            },
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_at_full_stops_but_not_abbreviations() {
        let t = "Mr. Roe spoke. U.S. officials agreed! “Yes,” he said? Then more";
        let got: Vec<&str> = sentence_spans(t)
            .iter()
            .map(|&(a, b)| t[a..b].trim())
            .collect();
        assert_eq!(
            got,
            [
                "Mr. Roe spoke.",
                "U.S. officials agreed!",
                "“Yes,” he said?",
                "Then more"
            ]
        );
    }

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

    #[test]
    fn quotes_curly_and_straight() {
        let t = "He said “we will talk” and \"not now\" today";
        let got: Vec<&str> = quote_spans(t).iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(got, ["we will talk", "not now"]);
    }
}
