//! Escaping article text for the report formats. Article text is untrusted
//! (pages scraped from anywhere), so every piece of it goes through here.

/// Text safe inside HTML elements and quoted attribute values.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text that Markdown renders literally: characters that could start
/// emphasis, strike-through, links, code, raw HTML, entities or table cells
/// are backslash-escaped, and so is a line start that would make a heading,
/// list or quote. Input is one line (blocks are sanitised to one line).
pub fn md(text: &str) -> String {
    line_start(md_inline(text))
}

/// As [`md`] for text that does not start a line (a piece of a diff).
pub fn md_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '~' | '[' | ']' | '<' | '>' | '|' | '&' | '#' | '!'
        ) {
            out.push('\\');
        }
        // A line break would end a table row or a list item early.
        out.push(if c == '\n' || c == '\r' { ' ' } else { c });
    }
    out
}

/// "- x", "+ x", "= x", "1. x", "1) x" at the start of a line make a list
/// or a heading underline; escape the character that does it.
pub fn line_start(text: String) -> String {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let first = text.chars().next();
    if matches!(first, Some('-' | '+' | '=')) {
        return format!("\\{text}");
    }
    if digits > 0 && matches!(text[digits..].chars().next(), Some('.' | ')')) {
        return format!("{}\\{}", &text[..digits], &text[digits..]);
    }
    text
}

/// Split `text` into (leading whitespace, core, trailing whitespace): the
/// Markdown markers must hug the core, or `~~ word~~` renders literally.
pub fn split_ws(text: &str) -> (&str, &str, &str) {
    let core_start = text.len() - text.trim_start().len();
    let core_end = text.trim_end().len().max(core_start);
    (
        &text[..core_start],
        &text[core_start..core_end],
        &text[core_end..],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            html("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
        assert_eq!(html("plain – text"), "plain – text");
    }

    #[test]
    fn markdown_escapes_what_would_render() {
        assert_eq!(md("a *b* _c_ ~~d~~"), r"a \*b\* \_c\_ \~\~d\~\~");
        assert_eq!(md("<b>x</b> | y"), r"\<b\>x\</b\> \| y");
        assert_eq!(md("- item"), r"\- item");
        assert_eq!(md("12. point"), r"12\. point");
        assert_eq!(md("# title"), r"\# title");
        assert_eq!(md("It costs 12.5 dollars."), "It costs 12.5 dollars.");
    }

    #[test]
    fn whitespace_is_split_off_the_core() {
        assert_eq!(split_ws("  word, "), ("  ", "word,", " "));
        assert_eq!(split_ws("   "), ("   ", "", ""));
        assert_eq!(split_ws(""), ("", "", ""));
    }
}
