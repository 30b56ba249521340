//! `parallax report --format md`: the notes of bookmarks saved in a session
//! (made through the session API in a temporary PARALLAX_DATA_DIR), strike
//! and bold word diffs, escaped article text, and the corpus report's
//! sections and capped coverage table.

use parallax::corpus::sanitize::Clean;
use parallax::corpus::{self, BlockRef, Corpus};
use parallax::session::{Anchor, Bookmark, Session, SessionName, Store, View, excerpt};
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

fn bookmark(
    c: &Corpus,
    view: View,
    left: BlockRef,
    right: Option<BlockRef>,
    note: &str,
) -> Bookmark {
    Bookmark {
        id: 0,
        created: 1_755_284_400,
        view,
        left: Anchor::at(c, left),
        right: right.and_then(|r| Anchor::at(c, r)),
        note: Clean::line(note),
        excerpt: excerpt(&c.get(left).unwrap().text, 80),
    }
}

/// A session with notes on 000 (with 004 on the right), on 004 alone, and
/// on 002 alone.
fn save_notes(data: &Path, name: &str) {
    let c = corpus::load_builtin();
    let mut s = Session::new(Vec::new());
    s.view = View::Compare;
    s.left = Some(Clean::line(&c.articles[0].id));
    s.right = Some(Clean::line(&c.articles[4].id));
    s.add_bookmark(bookmark(
        &c,
        View::Compare,
        BlockRef::new(0, 30),
        Some(BlockRef::new(4, 8)),
        "Framing *differs*: compare with 004",
    ));
    s.add_bookmark(bookmark(
        &c,
        View::Reader,
        BlockRef::new(4, 10),
        None,
        "Historical claim needs a source",
    ));
    s.add_bookmark(bookmark(
        &c,
        View::Reader,
        BlockRef::new(2, 5),
        None,
        "Only about 002",
    ));
    Store::at(data)
        .save(&SessionName::parse(name).unwrap(), &s)
        .unwrap();
}

#[test]
fn the_pair_report_carries_the_notes_of_the_default_session() {
    let data = tempfile::tempdir().unwrap();
    save_notes(data.path(), "default");
    let md = stdout_ok(&["report", "000", "004", "--format", "md"], data.path());
    assert!(md.contains("## Notes"), "{md}");
    assert!(
        md.contains(r"Framing \*differs\*: compare with 004"),
        "{md}"
    );
    assert!(md.contains("Historical claim needs a source"));
    assert!(
        !md.contains("Only about 002"),
        "notes on other articles stay out"
    );
    assert!(md.contains("000 ¶30 ⇄ 004 ¶8"), "where each note is");
    assert!(md.contains("notes from session default"));
    // The paragraph noted is quoted whole, not as the 80 characters the
    // bookmark kept.
    let c = corpus::load_builtin();
    let whole = &c.get(BlockRef::new(4, 10)).unwrap().text;
    assert!(whole.chars().count() > 80, "a long paragraph");
    let quoted = md
        .lines()
        .find(|l| l.starts_with("  > ") && whole.starts_with(&l[4..4 + 20]))
        .expect("the paragraph quoted under its note");
    assert!(quoted.chars().count() > 84 + 4, "{quoted}");
    // The note is also flagged on the row it is anchored at.
    assert!(
        md.lines()
            .any(|l| l.starts_with("**30 ") && l.ends_with("· note 1")),
        "row 30 carries its note"
    );
    // Swapped sides still find both notes.
    let swapped = stdout_ok(&["report", "004", "000", "--format", "md"], data.path());
    assert!(swapped.contains("Historical claim needs a source"));
    assert!(swapped.contains(r"Framing \*differs\*"));
}

#[test]
fn a_named_session_is_used_instead_of_the_default() {
    let data = tempfile::tempdir().unwrap();
    save_notes(data.path(), "alaska");
    let without = stdout_ok(&["report", "000", "004"], data.path());
    assert!(
        !without.contains("## Notes"),
        "no default session, no notes"
    );
    let with = stdout_ok(
        &[
            "report",
            "000",
            "004",
            "--session",
            "alaska",
            "--format",
            "md",
        ],
        data.path(),
    );
    assert!(with.contains("Historical claim needs a source"));
    assert!(with.contains("notes from session alaska"));
}

#[test]
fn word_diffs_strike_deleted_and_bold_inserted_words() {
    let data = tempfile::tempdir().unwrap();
    let md = stdout_ok(&["report", "000", "002", "--format", "md"], data.path());
    // README: row 30 ↔ 27 is "Media [-Framing-]{+framing+} and …".
    assert!(
        md.contains("Media ~~Framing~~**framing** and ~~Public Opinion~~**public opinion**"),
        "{md}"
    );
    assert!(md.contains("**30 ↔ 27 · near 1.00 · heading**"));
    assert!(md.contains("# Comparison: 000 ⇄ 002"));
    assert!(md.contains("| Outlet | THE MAG POST | THE MAG POST |"));
    assert!(md.contains("metadata blocks 1–3 folded"));
}

/// A shared report shows why two paragraphs were paired and which
/// unpaired block makes another's point, as `diff` does.
#[test]
fn rows_carry_the_why_and_the_also_marks_that_diff_shows() {
    let data = tempfile::tempdir().unwrap();
    let md = stdout_ok(&["report", "000", "002", "--format", "md"], data.path());
    let diff = stdout_ok(&["diff", "000", "002"], data.path());
    let count = |text: &str, needle: &str| text.matches(needle).count();
    let also = count(&diff, "also the point of");
    assert!(also > 0, "{diff}");
    assert_eq!(count(&md, "also the point of"), also, "{md}");
    let related = md.lines().filter(|l| l.contains(" · related ")).count();
    assert!(related > 0, "{md}");
    assert_eq!(count(&md, "*why: "), related + also, "{md}");
    assert!(md.contains("*why: words: domestic*"), "{md}");
}

#[test]
fn markup_in_articles_is_escaped() {
    let data = tempfile::tempdir().unwrap();
    let corpus = tempfile::tempdir().unwrap();
    let body = "The minister said <script>alert(1)</script> and *nothing* | more \
                about the talks in Anchorage on Friday, officials confirmed late.";
    std::fs::write(corpus.path().join("a.txt"), format!("First\n\n{body}\n")).unwrap();
    std::fs::write(
        corpus.path().join("b.txt"),
        format!("Second\n\n{}\n", body.replace("Friday", "Saturday")),
    )
    .unwrap();
    let dir = corpus.path().to_str().unwrap();
    let md = stdout_ok(&["report", "a", "b", dir, "--format", "md"], data.path());
    assert!(!md.contains("<script>"), "{md}");
    assert!(md.contains(r"\<script\>alert(1)\</script\> and \*nothing\* \| more"));
    assert!(md.contains("on ~~Friday~~**Saturday**, officials"), "{md}");
}

#[test]
fn the_corpus_report_has_every_section_and_caps_the_topics() {
    let data = tempfile::tempdir().unwrap();
    save_notes(data.path(), "default");
    let md = stdout_ok(&["report", "--all", "--format", "md"], data.path());
    for section in [
        "# Corpus report: 5 articles",
        "## Articles",
        "## Shared across articles",
        "## Repeats within articles",
        "## Topic coverage",
        "## Notes",
    ] {
        assert!(md.contains(section), "{section}");
    }
    assert!(
        md.contains("Only about 002"),
        "all notes in the corpus report"
    );
    assert!(
        md.contains("| ID | Title | Outlet | Date | Min | Words | Blocks | Shared | Repeats |")
    );
    let coverage = md
        .split("## Topic coverage")
        .nth(1)
        .and_then(|s| s.split("## Notes").next())
        .unwrap();
    let rows = coverage
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| Topic") && !l.starts_with("| ---"))
        .count();
    assert!(rows > 0 && rows <= 50, "{rows} topic rows");
    assert!(coverage.contains("The 50 topics covered by the most articles, of "));
    assert!(coverage.contains('█'), "shades drawn");
    let header = coverage.lines().find(|l| l.starts_with("| Topic")).unwrap();
    assert_eq!(header, "| Topic | Kind | 000 | 001 | 002 | 003 | 004 |");
}

#[test]
fn the_corpus_report_leaves_out_notes_on_other_corpora() {
    // Notes taken on the built-in story, then a report on another one:
    // the report is for sharing, so it carries none of them, and says so.
    let data = tempfile::tempdir().unwrap();
    save_notes(data.path(), "default");
    let other = tempfile::tempdir().unwrap();
    for (name, text) in [
        (
            "harbour.txt",
            "Harbour reopens\n\nBoats returned to the harbour at dawn.\n",
        ),
        (
            "fleet.txt",
            "Fleet back at sea\n\nThe fleet sailed at dawn on Monday.\n",
        ),
    ] {
        std::fs::write(other.path().join(name), text).unwrap();
    }
    let dir = other.path().to_str().unwrap();
    let md = stdout_ok(&["report", "--all", dir], data.path());
    assert!(!md.contains("Only about 002"), "{md}");
    assert!(!md.contains("Historical claim"), "{md}");
    let notes = md.split("## Notes").nth(1).expect("a notes section");
    assert!(
        notes.contains("Session default has no notes on these articles."),
        "{notes}"
    );
    assert!(
        notes.contains("3 notes on articles not in this corpus are left out."),
        "{notes}"
    );
    let html = stdout_ok(&["report", "--all", "--format", "html", dir], data.path());
    assert!(!html.contains("Only about 002"));
    assert!(html.contains("3 notes on articles not in this corpus are left out."));
    let json: serde_json::Value = serde_json::from_str(&stdout_ok(
        &["report", "--all", "--format", "json", dir],
        data.path(),
    ))
    .unwrap();
    assert_eq!(json["bookmarks"], serde_json::Value::Array(Vec::new()));
    assert_eq!(json["bookmarks_elsewhere"], 3);
    // On the story they were taken on, every note is there, none left out.
    let builtin = stdout_ok(&["report", "--all"], data.path());
    assert!(builtin.contains("Only about 002"));
    assert!(!builtin.contains("left out"));
}

/// The corpus report says who is quoted, where and in whose words, in
/// every format (the quotes fixture: ten quotes, five carried by more than
/// one article, two altered).
#[test]
fn the_corpus_report_lists_the_quotes_and_who_carries_them() {
    let data = tempfile::tempdir().unwrap();
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/quotes");
    let md = stdout_ok(&["report", "--all", fixture, "--format", "md"], data.path());
    assert!(md.contains("## Quotes"), "{md}");
    assert!(
        md.contains("10 quotes, 5 carried by more than one article, 2 with altered wording."),
        "{md}"
    );
    let altered = md
        .lines()
        .find(|l| l.contains("repairs cost"))
        .expect("the altered quote's row");
    // Which copy changed the words, and whose outlet it is.
    assert!(
        altered.contains("| Ana Ruiz |")
            && altered.ends_with("| altered in wir \\#4 (Example Wire) |"),
        "{altered}"
    );
    let trimmed = md
        .lines()
        .find(|l| l.contains("every cable"))
        .expect("the trimmed quote's row");
    assert!(
        trimmed.ends_with("| trimmed in cou \\#3 (The Coastal Courier) |"),
        "{trimmed}"
    );
    let html = stdout_ok(
        &["report", "--all", fixture, "--format", "html"],
        data.path(),
    );
    assert!(html.contains("<h2>Quotes</h2>"), "{html}");
    // And which articles report one story, as `parallax events` has it.
    assert!(md.contains("## Events"), "{md}");
    let events = stdout_ok(&["events", fixture, "--json"], data.path());
    let events: serde_json::Value = serde_json::from_str(&events).unwrap();
    let first = events[0]["label"].as_str().unwrap();
    assert!(md.contains(&format!("| 1 | {first} |")), "{md}");
    let json = stdout_ok(
        &["report", "--all", fixture, "--format", "json"],
        data.path(),
    );
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let quotes = doc["quotes"].as_array().expect("quotes");
    assert_eq!(quotes.len(), 10);
    assert_eq!(quotes.iter().filter(|q| q["altered"] == true).count(), 2);
    assert!(
        quotes
            .iter()
            .all(|q| !q["places"].as_array().unwrap().is_empty())
    );
    // Each place says how its words read: an altered group has an
    // altered place, a group as written only the same words.
    for q in quotes {
        let places = q["places"].as_array().unwrap();
        let has = |w: &str| places.iter().any(|p| p["wording"] == w);
        assert_eq!(q["altered"] == true, has("altered"), "{q}");
        assert_eq!(q["trimmed"] == true, has("trimmed"), "{q}");
        assert!(has("same"), "the reference reads as itself: {q}");
    }
    assert_eq!(
        doc["events"], events,
        "the events of `parallax events --json`"
    );
}

/// The report's repeats are what the Repeats column counts: a heading its
/// own caption or paragraph echoes (001's) is layout, not a repeat.
#[test]
fn the_corpus_report_repeats_leave_heading_echoes_out() {
    let data = tempfile::tempdir().unwrap();
    let md = stdout_ok(&["report", "--all", "--format", "md"], data.path());
    let repeats = md
        .split("## Repeats within articles")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .unwrap();
    assert!(repeats.contains("2 paragraphs that repeat"), "{repeats}");
    assert!(repeats.contains("004 ¶4 ⇄ 004 ¶6"), "{repeats}");
    assert!(!repeats.contains("001 ¶"), "{repeats}");
}
