//! Finding the quoted stretches of one block's text by its quotation
//! marks: curly (“ ” and „, which German closes with “), straight ("),
//! guillemets (« », French with spaces inside, and German »…«) and single
//! guillemets (‹ ›, German ›…‹).
//!
//! A straight mark opens only at the start of a word (after the start of
//! the text, a space or an opening bracket or dash, and before a
//! non-space): after a digit it is an inch mark (`a 12" screen`) and is
//! ignored. Marks nest, so “…“inner”…” and «…‹inner›…» are one quote,
//! each mark closed by its own kind; single quotes (‘ ’ ') never open or
//! close a quote: inside a double quote they are part of its text (a
//! nested quote, or an apostrophe), and as top-level marks they cannot be
//! told from apostrophes. A single guillemet left open is an arrow ("‹
//! Back"), no quote.

/// One quoted stretch of a block: byte offsets into its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marked {
    /// The opening mark (its first byte).
    pub open: usize,
    /// The quoted text, without the marks and surrounding spaces.
    pub start: usize,
    pub end: usize,
    /// Just past the closing mark, or the end of the text when unclosed.
    pub after: usize,
    /// A closing mark was found (else the quote runs to the end of the
    /// block, and may go on in the next paragraph).
    pub closed: bool,
}

/// Marks that open a quote wherever they stand.
fn opens(c: char) -> bool {
    matches!(c, '“' | '„' | '«' | '‟' | '‹')
}

/// Marks that close a quote; at the start of a word, with no quote open,
/// they open one (”Yes,” she said; German »Ja« and ›ja‹).
fn closes(c: char) -> bool {
    matches!(c, '”' | '»' | '›')
}

/// The marks that close a quote opened by `open`.
fn closers(open: char) -> &'static [char] {
    match open {
        // German „…“, Polish „…”.
        '„' => &['“', '”'],
        '«' => &['»'],
        // German »…«, Swedish »…».
        '»' => &['«', '»'],
        '‹' => &['›'],
        '›' => &['‹', '›'],
        '"' => &['"'],
        _ => &['”'],
    }
}

/// A straight mark or a misused closing one at the start of a word.
fn at_word_start(prev: Option<char>, next: Option<char>) -> bool {
    let before = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/:".contains(p));
    before && next.is_some_and(|n| !n.is_whitespace())
}

/// The quoted stretches of `text`, in order.
pub fn quoted(text: &str) -> Vec<Marked> {
    // Most paragraphs hold no quotation mark at all: every mark but the
    // straight one is written with a lead byte of 0xC2 (« ») or 0xE2 (the
    // rest), so a text without these three bytes is passed over at once.
    if memchr::memchr3(b'"', 0xC2, 0xE2, text.as_bytes()).is_none() {
        return Vec::new();
    }
    let mut out = Vec::new();
    // The open quote: where its mark is and where its text starts; and
    // the marks open inside it, its own first.
    let mut open: Option<(usize, usize)> = None;
    let mut marks: Vec<char> = Vec::new();
    // Only the marks are visited; the letters either side of one are read
    // where it stands.
    let is_mark = |c: char| c == '"' || opens(c) || closes(c);
    for (i, c) in text.match_indices(is_mark) {
        let c = c.chars().next().unwrap_or(' ');
        let after = i + c.len_utf8();
        let Some((o, s)) = open else {
            let starts = if c == '"' || closes(c) {
                let prev = text[..i].chars().next_back();
                let next = text[after..].chars().next();
                at_word_start(prev, next)
            } else {
                opens(c)
            };
            if starts {
                open = Some((i, after));
                marks.clear();
                marks.push(c);
            }
            continue;
        };
        // A straight mark closes whatever is open (“Yes," she said).
        if c == '"' {
            marks.clear();
        } else if let Some(d) = marks.iter().rposition(|&m| closers(m).contains(&c)) {
            marks.truncate(d);
        } else if opens(c) {
            marks.push(c);
        } else if closes(c) {
            // A closing mark of another kind (“…»): the innermost ends.
            marks.pop();
        } else {
            continue;
        }
        if marks.is_empty() {
            out.push(trimmed(text, o, s, i, after, true));
            open = None;
        }
    }
    if let Some((o, s)) = open
        && !matches!(text[o..].chars().next(), Some('‹' | '›'))
    {
        out.push(trimmed(text, o, s, text.len(), text.len(), false));
    }
    out.retain(|m| m.start < m.end);
    out
}

fn trimmed(
    text: &str,
    open: usize,
    start: usize,
    end: usize,
    after: usize,
    closed: bool,
) -> Marked {
    let inner = &text[start..end];
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    Marked {
        open,
        start: start + lead,
        end: (end - trail).max(start + lead),
        after,
        closed,
    }
}

/// Whether `text` begins (after spaces) with an opening quotation mark: a
/// paragraph that goes on with a quote left open in the one before.
pub fn reopens(text: &str) -> bool {
    let mut chars = text.trim_start().chars();
    match chars.next() {
        Some(c) if opens(c) => true,
        Some(c) if c == '"' || closes(c) => chars.next().is_some_and(|n| !n.is_whitespace()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        quoted(t).iter().map(|m| &t[m.start..m.end]).collect()
    }

    #[test]
    fn curly_and_straight_quotes_are_found() {
        let t = "“We will not yield,” Roe said. Doe replied: \"Nor will we.\"";
        assert_eq!(texts(t), ["We will not yield,", "Nor will we."]);
        let m = quoted(t);
        assert!(m.iter().all(|m| m.closed));
        assert_eq!(&t[m[0].open..m[0].start], "“");
    }

    #[test]
    fn inch_marks_and_apostrophes_are_not_quotes() {
        assert!(texts("A 12\" screen and a 5'10\" man, it's Roe's").is_empty());
        assert_eq!(
            texts("He said “it’s the ‘reset’ we wanted” today"),
            ["it’s the ‘reset’ we wanted"]
        );
    }

    #[test]
    fn nested_curly_quotes_stay_inside_the_outer_one() {
        assert_eq!(
            texts("“He called it “a farce” twice,” she said"),
            ["He called it “a farce” twice,"]
        );
    }

    #[test]
    fn an_unclosed_quote_runs_to_the_end_and_the_next_may_reopen() {
        let m = quoted("Roe said: “The first part goes on");
        assert_eq!(m.len(), 1);
        assert!(!m[0].closed);
        assert!(reopens("  “And it goes on here,” she said."));
        assert!(reopens("\"And here"));
        assert!(!reopens("Then she left."));
    }

    #[test]
    fn german_french_and_single_guillemets_are_quotes() {
        let berg = ["Wir haben die Lage im Griff"];
        assert_eq!(texts("„Wir haben die Lage im Griff“, sagte er."), berg);
        assert_eq!(texts("«Wir haben die Lage im Griff», sagte Berg."), berg);
        assert_eq!(texts("»Wir haben die Lage im Griff«, sagte Berg."), berg);
        assert_eq!(
            texts("« Nous paierons tout », a déclaré la ministre."),
            ["Nous paierons tout"]
        );
        assert_eq!(
            texts("›Nur heute‹, sagte sie. ‹Sí, mañana›, dijo él."),
            ["Nur heute", "Sí, mañana"]
        );
        // Nested marks of another kind stay inside.
        assert_eq!(
            texts("« Un ‹ désastre › total », dit-elle. „Ein ‚Fehler‘ war es“"),
            ["Un ‹ désastre › total", "Ein ‚Fehler‘ war es"]
        );
        // A single guillemet left open is an arrow.
        assert!(texts("‹ Back to the news").is_empty());
        assert!(reopens("« Et la suite »") && reopens("»Und weiter"));
    }

    #[test]
    fn empty_and_misused_marks() {
        assert!(texts("“” and \"\"").is_empty());
        assert_eq!(texts("”Yes,” she said"), ["Yes,"]);
    }
}
