//! Dates given by a record field or a page's metadata, as ISO dates
//! (`2025-08-15`): what JSON says and the reader prints. Only the forms
//! such fields use are read; anything else is kept as written.

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The ISO date in `text`, if it starts with one of: `2025-08-15…`
/// (ISO 8601 / RFC 3339), `2025/08/15`, `20250815`, `Fri, 15 Aug 2025 …`
/// (RFC 2822), `15 August 2025`, `August 15, 2025`, `Aug. 15 2025`.
pub fn iso_date(text: &str) -> Option<String> {
    let t = text.trim();
    numeric(t).or_else(|| worded(t))
}

fn ymd(y: u32, m: u32, d: u32) -> Option<String> {
    let ok = (1000..=9999).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d);
    ok.then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn numeric(t: &str) -> Option<String> {
    let b = t.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = t.get(r)?;
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    if b.len() >= 10 && matches!(b[4], b'-' | b'/') && b[7] == b[4] {
        let end_ok = b.get(10).is_none_or(|c| !c.is_ascii_digit());
        if end_ok {
            return ymd(digits(0..4)?, digits(5..7)?, digits(8..10)?);
        }
    }
    if b.len() == 8 && b.iter().all(u8::is_ascii_digit) {
        return ymd(digits(0..4)?, digits(4..6)?, digits(6..8)?);
    }
    None
}

fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let i = MONTHS.iter().position(|m| w.starts_with(m))?;
    // "Mar" and "March" but not "Marching".
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ][i];
    (full.starts_with(&w) || w == "sept").then_some(i as u32 + 1)
}

fn worded(t: &str) -> Option<String> {
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .take(5)
        .collect();
    // Skip a weekday: "Fri, 15 Aug 2025".
    let words = match words.first() {
        Some(w) if month(w).is_none() && w.chars().all(|c| c.is_alphabetic() || c == '.') => {
            &words[1..]
        }
        _ => &words[..],
    };
    let num = |w: &str| -> Option<u32> {
        w.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.')
            .parse()
            .ok()
    };
    match words {
        [a, b, c, ..] => {
            if let Some(m) = month(a) {
                ymd(num(c)?, m, num(b)?)
            } else {
                ymd(num(c)?, month(b)?, num(a)?)
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forms_fields_use_become_iso() {
        for (input, want) in [
            ("2025-08-15", "2025-08-15"),
            ("2025-08-15T10:30:00+02:00", "2025-08-15"),
            ("2025/08/15 10:30", "2025-08-15"),
            ("20250815", "2025-08-15"),
            ("Fri, 15 Aug 2025 10:00:00 GMT", "2025-08-15"),
            ("15 August 2025", "2025-08-15"),
            ("August 15, 2025", "2025-08-15"),
            ("Sept. 5, 2025", "2025-09-05"),
            ("5th September 2025", "2025-09-05"),
        ] {
            assert_eq!(iso_date(input).as_deref(), Some(want), "{input}");
        }
        for input in [
            "yesterday",
            "2025-13-01",
            "Sep 5",
            "12345",
            "Marching 5 2025",
        ] {
            assert_eq!(iso_date(input), None, "{input}");
        }
    }
}
