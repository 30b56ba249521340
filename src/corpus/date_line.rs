//! A line that is a date as printed ("Sep 5", "4 June 2025",
//! "2025-06-04"), told by its shape: the header's date line, never taken
//! for a lone number (`chrome`). A leaf: `chrome` imports it.

use super::words::words_up_to;

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Strip a leading list dash or bullet from a header line ("- Sep 5").
pub fn strip_bullet(text: &str) -> &str {
    let t = text.trim();
    for p in ["- ", "– ", "— ", "• ", "* ", "| "] {
        if let Some(rest) = t.strip_prefix(p) {
            return rest.trim();
        }
    }
    t
}

/// Words a date line has at most, past its bullet.
pub const DATE_MAX_WORDS: usize = 8;

/// A date as printed: "Sep 5", "August 24, 2025", "5 Sep 2025",
/// "2025-08-24", "04.06.2025", optionally after "Published"/"Updated". Returns the date
/// text without the prefix.
pub fn date_text(text: &str) -> Option<String> {
    let t = strip_bullet(text);
    // A date line is a few words: nothing longer is lower-cased or split.
    if words_up_to(t, DATE_MAX_WORDS) > DATE_MAX_WORDS {
        return None;
    }
    let lower = t.to_lowercase();
    let mut body = t;
    for p in [
        "published on",
        "published:",
        "published",
        "updated on",
        "updated:",
        "updated",
        "posted on",
        "posted",
    ] {
        if lower.starts_with(p) {
            body = t[p.len()..].trim_start_matches([':', ' ']);
            break;
        }
    }
    let words: Vec<&str> = body.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 {
        return None;
    }
    let is_month = |w: &str| {
        let w = w.trim_end_matches(['.', ',']).to_lowercase();
        MONTHS
            .iter()
            .any(|m| w.starts_with(m) && w.len() <= 9 && w.chars().all(|c| c.is_alphabetic()))
    };
    let is_day = |w: &str| {
        let d = w
            .trim_end_matches([',', '.'])
            .trim_end_matches(|c: char| c.is_ascii_alphabetic());
        !d.is_empty()
            && d.len() <= 2
            && d.chars().all(|c| c.is_ascii_digit())
            && d.parse::<u32>().is_ok_and(|n| (1..=31).contains(&n))
    };
    let iso = words.len() == 1 && is_numeric_date(body);
    let month_day = words.len() >= 2 && is_month(words[0]) && is_day(words[1]);
    let day_month = words.len() >= 2 && is_day(words[0]) && is_month(words[1]);
    let rest_ok = words.iter().skip(2).all(|w| {
        let w = w.trim_end_matches([',', '.']);
        w.chars().all(|c| c.is_ascii_digit() || c == ':')
            || ["am", "pm", "utc", "gmt", "et", "ist"].contains(&w.to_lowercase().as_str())
    });
    ((month_day || day_month) && rest_ok || iso).then(|| body.trim().to_string())
}

/// Three numbers with one separator, a four-digit year first or last and
/// a month and day that can be ("2025-06-04", "4/6/2025", "04.06.2025").
/// Other runs of numbers ("1-2-3", "10.5.1") are not dates: a counter or
/// a version stays what it was.
fn is_numeric_date(word: &str) -> bool {
    let Some(sep) = word.chars().find(|c| ['-', '/', '.'].contains(c)) else {
        return false;
    };
    let parts: Vec<&str> = word.split(sep).collect();
    let num = |p: &str, max: u32| {
        (1..=2).contains(&p.len())
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n))
    };
    let year = |p: &str| p.len() == 4 && p.bytes().all(|b| b.is_ascii_digit());
    match parts[..] {
        [y, m, d] if year(y) => num(m, 12) && num(d, 31),
        // Day and month in either order: one of them is a month.
        [a, b, y] if year(y) => num(a, 31) && num(b, 31) && (num(a, 12) || num(b, 12)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_a_date_only_in_a_date_shape() {
        for date in [
            "2025-06-04",
            "- 2025-06-04",
            "4/6/2025",
            "04.06.2025",
            "12/31/2024",
        ] {
            assert!(date_text(date).is_some(), "{date}");
        }
        for other in [
            "1-2-3",
            "10.5.1",
            "2025-13-04",
            "2025-06",
            "31/31/2025",
            "2025-06-04-01",
        ] {
            assert_eq!(date_text(other), None, "{other}");
        }
    }
}
