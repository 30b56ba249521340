//! Dates as days, for telling two events with the same names apart when
//! they are far apart in time. Only ISO dates ("2025-08-15", also with a
//! time after them) are read: the loader gives dates in that form when it
//! can tell them; anything else is no date.

/// Days since 1970-01-01 of an ISO date at the start of `text`.
pub fn days(text: &str) -> Option<i64> {
    let head = text.trim().get(..10)?;
    let mut parts = head.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (i64, i64, i64) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_become_days() {
        assert_eq!(days("1970-01-01"), Some(0));
        assert_eq!(days("2000-03-01"), Some(11_017));
        assert_eq!(
            days("2025-08-15T10:00:00Z")
                .zip(days("2025-08-22"))
                .map(|(a, b)| b - a),
            Some(7)
        );
        assert_eq!(days("Sep 5"), None);
        assert_eq!(days("2025-13-01"), None);
    }
}
