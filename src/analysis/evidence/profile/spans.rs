//! Where a block's sentences and quotes are: read from the text alone,
//! before any word is weighed.

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
    fn quotes_curly_and_straight() {
        let t = "He said “we will talk” and \"not now\" today";
        let got: Vec<&str> = quote_spans(t).iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(got, ["we will talk", "not now"]);
    }
}
