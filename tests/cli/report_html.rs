//! `parallax report --format html`: a well-formed, self-contained page
//! (checked by a strict little tag checker: known tags only, balanced,
//! entities well formed), with `<del>`/`<ins>` word highlighting, and every
//! piece of article text escaped — an article containing `<script>` comes
//! out as text.

use std::path::Path;
use std::process::{Command, Output};

fn parallax(args: &[&str], data: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env("PARALLAX_DATA_DIR", data)
        .env("NO_COLOR", "1")
        .output()
        .expect("run parallax")
}

fn stdout_ok(args: &[&str], data: &Path) -> String {
    let out = parallax(args, data);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The only elements a report may contain: any other tag means article
/// text leaked into the markup.
const KNOWN: [&str; 27] = [
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "section",
    "h1",
    "h2",
    "p",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "del",
    "ins",
    "ol",
    "li",
    "blockquote",
    "strong",
    "code",
    "a",
    "em",
    "span",
];
const VOID: [&str; 1] = ["meta"];

/// Check that `doc` is a well-formed HTML page as the report writes it:
/// a doctype, known tags only, each closed in order (void elements aside),
/// quoted attributes, no stray `>`, and `&` only as an entity.
fn check_html(doc: &str) -> Result<(), String> {
    let mut rest = doc.strip_prefix("<!DOCTYPE html>").ok_or("no doctype")?;
    let mut stack: Vec<String> = Vec::new();
    loop {
        let lt = rest.find('<').unwrap_or(rest.len());
        check_text(&rest[..lt])?;
        if lt == rest.len() {
            break;
        }
        let after = &rest[lt + 1..];
        let gt = after.find('>').ok_or("a tag is not closed")?;
        let tag = &after[..gt];
        rest = &after[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack.pop().ok_or(format!("</{name}> closes nothing"))?;
            if open != name {
                return Err(format!("</{name}> closes <{open}>"));
            }
            continue;
        }
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if !KNOWN.contains(&name.as_str()) {
            return Err(format!("unexpected tag <{tag}>"));
        }
        let attrs = &tag[name.len()..];
        if attrs.matches('"').count() % 2 != 0 || attrs.contains('<') || attrs.contains('\'') {
            return Err(format!("bad attributes in <{tag}>"));
        }
        check_text(&attrs.replace('"', ""))?;
        if name == "style" {
            // CSS is not HTML text; skip to its end tag.
            let end = rest.find("</style>").ok_or("style not closed")?;
            if rest[..end].contains('<') {
                return Err("markup inside style".into());
            }
            rest = &rest[end + "</style>".len()..];
            continue;
        }
        if !VOID.contains(&name.as_str()) {
            stack.push(name);
        }
    }
    match stack.as_slice() {
        [] => Ok(()),
        open => Err(format!("not closed: {open:?}")),
    }
}

/// Text between tags: no `>`, and every `&` starts a known entity.
fn check_text(text: &str) -> Result<(), String> {
    if text.contains('>') {
        return Err(format!("raw '>' in text {text:?}"));
    }
    for (i, _) in text.match_indices('&') {
        let ok = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
            .iter()
            .any(|e| text[i..].starts_with(e));
        if !ok {
            return Err(format!("raw '&' in text {text:?}"));
        }
    }
    Ok(())
}

#[test]
fn the_checker_rejects_broken_pages() {
    let ok = "<!DOCTYPE html><html><body><p>a &amp; b</p><meta charset=\"x\"></body></html>";
    assert_eq!(check_html(ok), Ok(()));
    for bad in [
        "<html><body></body></html>",
        "<!DOCTYPE html><html><body><p>x</body></html>",
        "<!DOCTYPE html><html><body><script>x</script></body></html>",
        "<!DOCTYPE html><html><body>a & b</body></html>",
        "<!DOCTYPE html><html><body>a > b</body></html>",
        "<!DOCTYPE html><html><body><p class=\"x>y</p></body></html>",
    ] {
        assert!(check_html(bad).is_err(), "accepted {bad}");
    }
}

#[test]
fn the_pair_report_of_000_and_004_is_a_well_formed_page_with_highlighting() {
    let data = tempfile::tempdir().unwrap();
    let page = stdout_ok(&["report", "000", "004", "--format", "html"], data.path());
    check_html(&page).unwrap_or_else(|e| panic!("malformed: {e}"));
    assert!(page.contains("<del>"), "deleted words marked");
    assert!(page.contains("<ins>"), "inserted words marked");
    assert!(page.contains("<style>"), "styles inline");
    for external in ["<script", "<link", "src=", "href=\"http", "@import", "url("] {
        assert!(!page.contains(external), "not self-contained: {external}");
    }
    // Both articles' metadata and the alignment summary are there.
    assert!(page.contains("US Russia Anchorage talks"));
    assert!(page.contains("Putin Trump meeting in Alaska"));
    assert!(page.contains("related"));
    assert!(
        page.contains("– ↔ ") || page.contains(" ↔ –"),
        "unpaired rows shown"
    );
}

#[test]
fn the_corpus_report_is_a_well_formed_page() {
    let data = tempfile::tempdir().unwrap();
    let page = stdout_ok(&["report", "--all", "--format", "html"], data.path());
    check_html(&page).unwrap_or_else(|e| panic!("malformed: {e}"));
    for section in [
        "Articles",
        "Shared across articles",
        "Repeats within articles",
        "Topic coverage",
    ] {
        assert!(page.contains(&format!("<h2>{section}</h2>")), "{section}");
    }
    assert!(page.contains("class=\"cell w4\""), "shaded coverage cells");
}

const HOSTILE: &str = "The minister said <script>alert(\"pwned\")</script> & 'quoted' \
    words were shared with reporters in Anchorage on Friday, officials confirmed after \
    the meeting ended late in the evening.";

fn hostile_corpus(dir: &Path) {
    std::fs::write(
        dir.join("left.txt"),
        format!(
            "<b>Markup</b> in a title & more\n\n{HOSTILE}\n\nA second paragraph about \
             sanctions relief and energy exports that both outlets discussed at length."
        ),
    )
    .unwrap();
    let edited = HOSTILE.replace("Friday", "<i>Saturday</i>");
    std::fs::write(
        dir.join("right.txt"),
        format!(
            "Plain title\n\n{edited}\n\nA second paragraph about sanctions relief and \
             energy exports that <img src=x onerror=alert(1)> discussed at length."
        ),
    )
    .unwrap();
}

#[test]
fn article_text_is_escaped_everywhere() {
    let data = tempfile::tempdir().unwrap();
    let corpus = tempfile::tempdir().unwrap();
    hostile_corpus(corpus.path());
    let dir = corpus.path().to_str().unwrap();
    let page = stdout_ok(
        &["report", "left", "right", dir, "--format", "html"],
        data.path(),
    );
    check_html(&page).unwrap_or_else(|e| panic!("malformed: {e}"));
    let lower = page.to_lowercase();
    for raw in ["<script", "<img", "<i>", "<b>"] {
        assert!(!lower.contains(raw), "raw {raw} in the page");
    }
    assert!(page.contains("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;"));
    assert!(page.contains("&amp; &#39;quoted&#39;"));
    assert!(page.contains("<title>Comparison: lef ⇄ rig</title>"));
    // The changed word is highlighted on each side, still escaped.
    assert!(page.contains("<del>Friday</del>"), "{page}");
    assert!(page.contains("<ins>&lt;i&gt;Saturday&lt;/i&gt;</ins>"));

    let all = stdout_ok(&["report", "--all", dir, "--format", "html"], data.path());
    check_html(&all).unwrap_or_else(|e| panic!("malformed corpus page: {e}"));
    assert!(!all.to_lowercase().contains("<b>markup"));
    assert!(all.contains("&lt;b&gt;Markup&lt;/b&gt;"));
}
