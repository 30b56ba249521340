//! A news dateline at the start of a lede ("WEST PALM BEACH, Fla. —",
//! "MOSCOW (Reuters) -", "ANCHORAGE, Alaska, Aug. 15 (AP) —") says where
//! the story was filed, not what it reports. Two outlets filing from the
//! same place share those names in every lede, which made ledes about
//! different news look like the same point; the evidence leaves it out.

/// Longest dateline read (bytes); anything longer is prose.
const MAX_DATELINE: usize = 80;

/// The byte length of a dateline opening `text`, with the dash and the
/// space after it; 0 when the text does not open with one. A dateline is
/// a place in capitals (one or more words, at least three capital
/// letters), optionally a region or date after a comma and an agency in
/// parentheses, then a dash.
pub fn dateline_len(text: &str) -> usize {
    let head = &text[..text.floor_char_boundary(MAX_DATELINE + 8)];
    let mut rest = head.trim_start();
    let start = head.len() - rest.len();
    let place = capitals_run(rest);
    if place == 0 {
        return 0;
    }
    rest = &rest[place..];
    if let Some(after) = rest.strip_prefix(", ") {
        let region = after
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | ' ' | ',' | '\'')))
            .unwrap_or(after.len());
        let region_text = after[..region].trim_end();
        if region_text.is_empty() || !region_text.starts_with(|c: char| c.is_uppercase()) {
            return 0;
        }
        rest = &after[region_text.len()..];
    }
    let trimmed = rest.trim_start();
    let agency = trimmed.starts_with('(');
    rest = match trimmed.strip_prefix('(') {
        Some(name) => match name.find(')') {
            Some(close) if close <= 30 => &name[close + 1..],
            _ => return 0,
        },
        None => rest,
    };
    let before_dash = rest.trim_start();
    let Some(after_dash) = ["--", "—", "–", "-"]
        .iter()
        .find_map(|d| before_dash.strip_prefix(d))
    else {
        return 0;
    };
    // The dash is followed by the story, not glued to a word
    // ("SOUTH-EAST"), except after an agency ("(Reuters)-The").
    if !agency && !after_dash.starts_with(char::is_whitespace) {
        return 0;
    }
    let end = head.len() - after_dash.trim_start().len();
    if end - start > MAX_DATELINE { 0 } else { end }
}

/// Bytes of a run of words in capitals at the start ("ST. LOUIS",
/// "WEST PALM BEACH"), at least three capital letters; 0 otherwise.
fn capitals_run(s: &str) -> usize {
    let (mut end, mut capitals) = (0, 0);
    for (i, c) in s.char_indices() {
        if c.is_uppercase() {
            capitals += 1;
            end = i + c.len_utf8();
        } else if c.is_lowercase() || c.is_ascii_digit() {
            return 0;
        } else if matches!(c, '.' | '\'' | '’' | '-' | ' ') {
            if c != ' ' && c != '-' {
                end = i + c.len_utf8();
            }
            // A dash after a space ends the place ("WASHINGTON -").
            if c == '-' && s[..i].ends_with(' ') {
                break;
            }
        } else {
            break;
        }
    }
    if capitals >= 3 { end } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::dateline_len;

    fn rest(text: &str) -> &str {
        &text[dateline_len(text)..]
    }

    #[test]
    fn datelines_of_several_styles_are_found() {
        assert_eq!(
            rest("WEST PALM BEACH, Fla. — President Trump dispatched"),
            "President Trump dispatched"
        );
        assert_eq!(rest("MOSCOW (Reuters) - Russia said"), "Russia said");
        assert_eq!(rest("WASHINGTON — The Senate voted"), "The Senate voted");
        assert_eq!(
            rest("ANCHORAGE, Alaska, Aug. 15 (AP) -- The two leaders met"),
            "The two leaders met"
        );
        assert_eq!(rest("ST. LOUIS – Flooding closed"), "Flooding closed");
    }

    #[test]
    fn prose_is_not_a_dateline() {
        for text in [
            "President Trump dispatched the director — quietly — to Pyongyang.",
            "US Russia Anchorage talks signal a renewed chapter.",
            "NATO allies met on Tuesday.",
            "The US-Russia summit — held in Alaska — ended.",
            "UK-based analysts said so.",
            "AB — too short a place.",
            "NEW YORK, the city said — nothing more.",
            "SOUTH-EAST winds picked up.",
            "WASHINGTON",
            "",
        ] {
            assert_eq!(dateline_len(text), 0, "{text:?}");
        }
        assert_eq!(rest("PARIS (AFP) - La France"), "La France");
        assert_eq!(
            rest("WASHINGTON, April 30 (Reuters)-President Trump said"),
            "President Trump said"
        );
    }
}
