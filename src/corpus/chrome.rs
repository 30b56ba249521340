//! Small stop-lists and line shapes for site chrome and metadata lines.
//! Every rule here is about the shape of one line; structural rules (what
//! follows what) live in `classify`.

pub use super::date_line::{DATE_MAX_WORDS, date_text, strip_bullet};
use super::fold::{Folded, Phrases};
use super::line_key::{LineKey, phrase_key};
use super::words::{ends_sentence, words_up_to};
use std::sync::LazyLock;

/// Interface phrases that are chrome wherever they stand alone on a line.
const INTERFACE_PHRASES: &[&str] = &[
    "top of page",
    "bottom of page",
    "back to top",
    "skip to content",
    "skip to main content",
    "latest posts",
    "latest news",
    "comments",
    "comment",
    "leave a comment",
    "loading",
    "getting data",
    "no ratings yet",
    "add a rating",
    "read more",
    "share",
    "share this",
    "share this article",
    "tweet",
    "print",
    "email",
    "advertisement",
    "sponsored",
    "subscribe",
    "sign in",
    "log in",
    "sign up",
    "register",
    "menu",
    "search",
    "home",
    "newsletter",
    "follow us",
    "important editorial note",
    "related",
    "tags",
    "previous post",
    "next post",
    "view all",
    "see all",
    "show more",
    "load more",
    "close",
    "accept",
    "reject",
];

/// Openers of a trailing block of unrelated links or widgets: everything
/// after one near the end of a page is chrome.
const TAIL_OPENERS: &[&str] = &[
    "from our network",
    "related articles",
    "related posts",
    "related stories",
    "more from",
    "you may also like",
    "you might also like",
    "recommended",
    "recommended for you",
    "read next",
    "more stories",
    "trending",
    "most read",
    "popular posts",
];

/// Prefixes of cross-promotion lines ("ALSO READ | ...").
const PROMO_PREFIXES: &[&str] = &[
    "also read",
    "read also",
    "read more:",
    "related:",
    "see also",
    "watch:",
];

const LOADING_PHRASES: &[&str] = &["loading", "getting data", "please wait"];

/// The key is one of the phrases.
fn is_one_of(key: &Folded, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| key.is(p))
}

/// If `text` is chrome on its own, the reason.
pub fn chrome_reason(text: &str) -> Option<String> {
    chrome_reason_counted(text, words_up_to(text, 60))
}

/// `chrome_reason` for a text of `words` words (or any count capped above
/// 60: every rule compares with 60 or less).
pub fn chrome_reason_counted(text: &str, words: usize) -> Option<String> {
    if words > 60 {
        return long_block_reason(text);
    }
    chrome_reason_keyed(text, &LineKey::new(text), words)
}

/// Every phrase below is short; only a poll widget's opening words count
/// in a long block, so only its head is lower-cased.
fn long_block_reason(text: &str) -> Option<String> {
    let head: String = text.trim_start().chars().take(16).collect();
    is_poll_total(&head).then(|| "poll widget".into())
}

/// `chrome_reason_counted` with the text's keys already built.
pub fn chrome_reason_keyed(text: &str, line: &LineKey, words: usize) -> Option<String> {
    if words > 60 {
        return long_block_reason(text);
    }
    let key = &line.phrase;
    if is_one_of(key, INTERFACE_PHRASES) {
        return Some(format!("interface phrase “{}”", text.trim()));
    }
    if is_one_of(key, TAIL_OPENERS) {
        return Some(format!("link-list heading “{}”", text.trim()));
    }
    if PROMO_PREFIXES.iter().any(|p| key.starts_with(p)) && words <= 25 {
        return Some("cross-promotion link".into());
    }
    if key.starts_with("rated ") && key.contains(" out of ") && words <= 8 {
        return Some("rating widget".into());
    }
    if key.starts_with("total votes") || key.starts_with("vote now") {
        return Some("poll widget".into());
    }
    // A share or comment count ("12", "(3)", "1.2k"); a date is numbers
    // too, and is the header's date line ("2025-06-04").
    if !key.is_empty()
        && words <= 2
        && key.all_ascii(|b| b.is_ascii_digit() || b"()[]+-.,k ".contains(&b))
        && date_text(text).is_none()
    {
        return Some("lone number".into());
    }
    if key.starts_with("avatar") && words <= 3 {
        return Some("author avatar".into());
    }
    if (key.starts_with("please sign in")
        || key.starts_with("sign in to")
        || key.starts_with("log in to"))
        && words <= 15
    {
        return Some("sign-in prompt".into());
    }
    // Letters at both ends, never trimmed off the key: the whole text
    // (lowered once, for the caption check too) holds them as the key does.
    if line.whole.contains("cookie")
        && words <= 60
        && ["accept", "consent", "use cookies", "we use", "policy"]
            .iter()
            .any(|w| line.whole.contains(w))
    {
        return Some("cookie notice".into());
    }
    if is_copyright(text) {
        return Some("copyright line".into());
    }
    None
}

#[cfg(test)]
pub fn is_tail_opener(text: &str) -> bool {
    is_tail_opener_key(&phrase_key(text))
}
/// `is_tail_opener` of the text whose `phrase_key` this is.
pub fn is_tail_opener_key(key: &Folded) -> bool {
    is_one_of(key, TAIL_OPENERS)
}

#[cfg(test)]
pub fn is_loading_indicator(text: &str) -> bool {
    is_loading_key(&phrase_key(text))
}

/// `is_loading_indicator` of the text whose `phrase_key` this is.
pub fn is_loading_key(key: &Folded) -> bool {
    is_one_of(key, LOADING_PHRASES)
}

pub fn is_poll_total(text: &str) -> bool {
    is_poll_total_key(&phrase_key(text))
}

/// `is_poll_total` of the text whose `phrase_key` this is.
pub fn is_poll_total_key(key: &Folded) -> bool {
    key.starts_with("total votes") || key.starts_with("vote now")
}

pub fn is_copyright(text: &str) -> bool {
    let t = text.trim_start();
    // Every prefix starts with "©", "(", "c" or "a", and only those
    // characters (in either case) lower to them.
    if !matches!(
        t.as_bytes().first(),
        Some(b'(' | b'c' | b'C' | b'a' | b'A' | 0xC2)
    ) {
        return false;
    }
    // The prefixes are shorter than 20 characters, so the first 20 decide.
    let head = match t.char_indices().nth(20) {
        Some((end, _)) => &t[..end],
        None => t,
    };
    let head = Folded::new(head);
    (t.starts_with('©')
        || head.starts_with("(c) ")
        || head.starts_with("copyright")
        || head.starts_with("all rights reserved"))
        && words_up_to(text, 25) <= 25
}

/// The holder named by a copyright line: "© 2025 MoneyOval." → "MoneyOval".
pub fn copyright_holder(text: &str) -> Option<String> {
    let t = text.trim();
    let t = t
        .strip_prefix('©')
        .or_else(|| t.strip_prefix("(c)"))
        .or_else(|| t.strip_prefix("(C)"))
        .or_else(|| strip_prefix_ci(t, "copyright"))?;
    let t = t.trim_start_matches(['©', ' ']);
    let t = t.trim_start_matches(|c: char| {
        c.is_ascii_digit() || c == '-' || c == '–' || c == ' ' || c == ','
    });
    let t = t.split(['.', '|']).next().unwrap_or("").trim();
    let t = strip_suffix_ci(t, "all rights reserved")
        .unwrap_or(t)
        .trim()
        .trim_end_matches(',');
    (!t.is_empty() && words_up_to(t, 6) <= 6).then(|| t.to_string())
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    (s.len() >= prefix.len()
        && s.is_char_boundary(prefix.len())
        && s[..prefix.len()].eq_ignore_ascii_case(prefix))
    .then(|| &s[prefix.len()..])
}

fn strip_suffix_ci<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let at = s.len().checked_sub(suffix.len())?;
    (s.is_char_boundary(at) && s[at..].eq_ignore_ascii_case(suffix)).then(|| &s[..at])
}

/// "By MoneyOval Bureau" → "MoneyOval Bureau".
pub fn byline(text: &str) -> Option<String> {
    let t = strip_bullet(text);
    let rest = t
        .strip_prefix("By ")
        .or_else(|| t.strip_prefix("by "))?
        .trim();
    let first_upper = rest.chars().next().is_some_and(|c| c.is_uppercase());
    (first_upper && words_up_to(rest, 8) <= 8 && !ends_sentence(rest)).then(|| rest.to_string())
}

/// Phrases that mark a caption or image credit.
#[cfg(test)]
pub fn is_caption(text: &str) -> bool {
    is_caption_keyed(&LineKey::new(text), words_up_to(text, 60))
}

/// `is_caption` for a text of `words` words (or any count capped above 60).
pub fn is_caption_keyed(line: &LineKey, words: usize) -> bool {
    if words > 60 {
        return false;
    }
    static SEARCH: LazyLock<Phrases> =
        LazyLock::new(|| Phrases::new(&CAPTION_MARKS, &CAPTION_KEYS));
    line.whole.contains_any(&SEARCH)
}

pub(super) const CAPTION_MARKS: [&str; 15] = [
    "image credit",
    "photo credit",
    "representative image",
    "(image",
    "(photo",
    "(file photo",
    "photo:",
    "image:",
    "credit:",
    "getty images",
    "via reuters",
    "ap photo",
    "afp photo",
    "(pic",
    "(illustration",
];

/// Every caption mark holds one of these.
const CAPTION_KEYS: [&str; 6] = [
    "photo",
    "image",
    "credit",
    "reuters",
    "(pic",
    "(illustration",
];

#[cfg(test)]
#[path = "chrome_plain_tests.rs"]
mod plain_tests;

#[cfg(test)]
#[path = "chrome_tests.rs"]
mod tests;
