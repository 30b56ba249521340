//! Every outlet says where it came from, in the documented order, and the
//! guess from shared chrome never replaces an outlet the article states.

use crate::support::run;

use serde_json::Value;
use std::path::Path;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(60);

fn rows(args: &[&str]) -> Vec<Value> {
    let ran = run::parallax(args, TIMEOUT);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr_text());
    serde_json::from_slice(&ran.stdout).unwrap()
}

fn outlet_of<'a>(rows: &'a [Value], id: &str) -> (&'a str, &'a str) {
    let r = rows
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("{id} in {rows:#?}"));
    (
        r["outlet"].as_str().unwrap_or("-"),
        r["outlet_source"].as_str().unwrap_or("-"),
    )
}

const CHROME: &str =
    "Home\n\nNewsletter sign-up today\n\nOur podcasts and shows\n\nAbout the Ledger team\n";

fn write(dir: &Path, name: &str, text: &str) {
    if let Some(parent) = Path::new(name).parent() {
        std::fs::create_dir_all(dir.join(parent)).unwrap();
    }
    std::fs::write(dir.join(name), text).unwrap();
}

#[test]
fn sources_follow_the_documented_order() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let body = "The council voted on Tuesday to rebuild the harbour wall before winter.";
    // Text: a dash label in the header.
    write(
        d,
        "ledger/one.txt",
        &format!("First story\n- The Ledger\n\n{body}\n\n{CHROME}"),
    );
    write(
        d,
        "ledger/two.txt",
        &format!("Second story\n- The Ledger\n\n{body} Again.\n\n{CHROME}"),
    );
    // No outlet in the text, but the same chrome as the Ledger's pages.
    write(
        d,
        "ledger/three.txt",
        &format!("Third story\n\n{body} Once more.\n\n{CHROME}"),
    );
    // Front matter beats the text's own label.
    write(
        d,
        "wire/four.md",
        &format!("---\noutlet: Wire Service\n---\n# Fourth\n\n- The Ledger\n\n{body}\n"),
    );
    // Nothing at all: no outlet, unless the user opts in.
    write(
        d,
        "wire/five_reuters.txt",
        &format!("Fifth story\n\n{body} Fifth.\n"),
    );

    let all = rows(&["list", "--json", d.to_str().unwrap()]);
    assert_eq!(outlet_of(&all, "one"), ("The Ledger", "text"));
    assert_eq!(outlet_of(&all, "three"), ("The Ledger", "shared_chrome"));
    assert_eq!(outlet_of(&all, "four"), ("Wire Service", "front_matter"));
    assert_eq!(outlet_of(&all, "five_reuters"), ("-", "-"));

    let by_folder = rows(&[
        "list",
        "--json",
        "--outlet-from",
        "parent",
        d.to_str().unwrap(),
    ]);
    assert_eq!(outlet_of(&by_folder, "five_reuters"), ("wire", "parent"));
    // The folder fills a gap; it replaces nothing the article says, and it
    // comes before the chrome guess.
    assert_eq!(outlet_of(&by_folder, "one"), ("The Ledger", "text"));
    assert_eq!(outlet_of(&by_folder, "three"), ("ledger", "parent"));

    let by_suffix = rows(&[
        "list",
        "--json",
        "--outlet-from",
        "suffix",
        d.to_str().unwrap(),
    ]);
    assert_eq!(outlet_of(&by_suffix, "five_reuters"), ("reuters", "suffix"));
}

#[test]
fn show_json_says_where_the_outlet_came_from() {
    let ran = run::parallax(&["show", "003", "--json"], TIMEOUT);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr_text());
    let doc: Value = serde_json::from_slice(&ran.stdout).unwrap();
    assert_eq!(doc["outlet"], "MoneyOval");
    assert_eq!(doc["outlet_source"], "text");
}
