//! Session files are input: a shared data folder, synced dotfiles, a file
//! handed over. Every string stored in one — ids, notes, excerpts, topic
//! labels, values the parser complains about — reaches the terminal, a
//! report or the bookmark list only through the sanitiser: `sessions`
//! (table and JSON), reports in every format on stdout, the warning for an
//! unusable file, and the reader's bookmark list.

use crate::support::run;
use crate::support::scan;

use parallax::analysis::Analysis;
use parallax::corpus;
use parallax::session::parse;
use parallax::ui::app::App;
use parallax::ui::keymap::Keymap;
use parallax::ui::theme::Theme;
use parallax::ui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::ffi::OsStr;
use std::path::Path;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(60);

/// OSC title and clipboard, erase screen, DSR, DECRQSS in a DCS, 8-bit
/// CSI, raw C1, bidi override, zero-width space, soft hyphen, tag
/// characters: as JSON string contents.
const HOSTILE: &str = r#"\u001b]0;owned\u0007\u001b]52;c;SGVsbG8=\u0007\u001b[2J\u001b[6n\u001bP$qm\u001b\\\u009b6n\u0090+q\u009c\u202eevil\u200b\u00ad\u2066\udb40\udc41"#;

/// A session over the built-in corpus with hostile strings in every place
/// a string is stored. Bookmarks are anchored in articles 000 and 002.
fn hostile_session() -> String {
    let anchor = |article: &str, block: usize| {
        format!(r#"{{"article": "{article}", "block": {block}, "fingerprint": "{HOSTILE}"}}"#)
    };
    let a000 = "000_0c1c0fc00e1e457c";
    let a002 = "002_52513487e27c15c6";
    format!(
        r#"{{
  "version": 1,
  "saved": 1755284400,
  "corpus": [],
  "view": "compare",
  "left": "{a000}{HOSTILE}",
  "right": "{HOSTILE}",
  "reader": "{HOSTILE}",
  "topic": {{"label": "{HOSTILE}", "kind": "term"}},
  "bookmarks": [
    {{"id": 1, "created": 1755284400, "view": "compare",
      "left": {l}, "right": {r},
      "note": "note {HOSTILE}", "excerpt": "excerpt {HOSTILE}"}},
    {{"id": 2, "created": 1755284400, "view": "reader",
      "left": {gone},
      "note": "{HOSTILE}", "excerpt": "{HOSTILE}"}}
  ]
}}
"#,
        l = anchor(a000, 30),
        r = anchor(a002, 27),
        gone = anchor(&format!("{a000}{HOSTILE}"), 3),
    )
}

fn data_with(name: &str, text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(format!("{name}.json")), text).unwrap();
    dir
}

fn run_in(data: &Path, args: &[&str]) -> run::Ran {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(
        ["--color", "always"]
            .iter()
            .filter(|_| args[0] == "sessions"),
    );
    run::parallax_env(&all, &[("PARALLAX_DATA_DIR", data.as_os_str())], TIMEOUT)
}

fn assert_clean(what: &str, ran: &run::Ran) {
    assert!(!ran.timed_out, "{what}");
    for (stream, bytes) in [("stdout", &ran.stdout), ("stderr", &ran.stderr)] {
        let violations = scan::check_plain_output(bytes);
        assert!(
            violations.is_empty(),
            "{what} {stream}: {violations:?}\n{}",
            String::from_utf8_lossy(bytes)
        );
    }
}

/// Every string in a JSON document, keys included, decodes clean too (a
/// consumer printing them with `jq -r` gets no escape).
fn assert_json_strings_clean(what: &str, bytes: &[u8]) {
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            serde_json::Value::Object(o) => {
                for (k, x) in o {
                    out.push(k.clone());
                    walk(x, out);
                }
            }
            _ => {}
        }
    }
    let v: serde_json::Value = serde_json::from_slice(bytes).expect("JSON");
    let mut strings = Vec::new();
    walk(&v, &mut strings);
    assert!(!strings.is_empty());
    for s in strings {
        assert!(
            !s.chars()
                .any(|c| (c.is_control() && c != '\n') || scan::must_not_print(c)),
            "{what}: {s:?}"
        );
    }
}

#[test]
fn sessions_lists_hostile_strings_sanitised() {
    let data = data_with("default", &hostile_session());
    let ran = run_in(data.path(), &["sessions"]);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr_text());
    assert_clean("sessions", &ran);
    assert!(String::from_utf8_lossy(&ran.stdout).contains("default"));
    let ran = run_in(data.path(), &["sessions", "--json"]);
    assert_clean("sessions --json", &ran);
    assert_json_strings_clean("sessions --json", &ran.stdout);
}

#[test]
fn reports_on_stdout_neutralise_notes_excerpts_and_ids() {
    let data = data_with("default", &hostile_session());
    for format in ["md", "html", "json"] {
        for args in [
            vec!["report", "000", "002", "--format", format],
            vec!["report", "--all", "--format", format],
        ] {
            let ran = run_in(data.path(), &args);
            let what = args.join(" ");
            assert_eq!(ran.code, Some(0), "{what}: {}", ran.stderr_text());
            assert!(
                String::from_utf8_lossy(&ran.stdout).contains("evil"),
                "{what}: the notes are in the report"
            );
            assert_clean(&what, &ran);
            if format == "json" {
                assert_json_strings_clean(&what, &ran.stdout);
            }
        }
    }
}

#[test]
fn the_warning_for_an_unusable_session_is_sanitised() {
    // serde's "unknown variant" message quotes the stored value.
    let text =
        hostile_session().replace(r#""view": "compare""#, &format!(r#""view": "{HOSTILE}""#));
    let data = data_with("default", &text);
    for args in [vec!["sessions"], vec!["report", "000", "002"]] {
        let ran = run_in(data.path(), &args);
        assert_clean(&args.join(" "), &ran);
        assert!(
            ran.stderr_text().contains("unknown variant"),
            "{}",
            ran.stderr_text()
        );
    }
    // Start-up reads (and sets aside) the session before it needs a
    // terminal, which this run does not have.
    let ran = run::parallax_env(
        &[] as &[&OsStr],
        &[("PARALLAX_DATA_DIR", data.path().as_os_str())],
        TIMEOUT,
    );
    assert_clean("start-up", &ran);
    assert!(
        ran.stderr_text().contains("unknown variant"),
        "{}",
        ran.stderr_text()
    );
}

#[test]
fn the_bookmark_list_shows_stored_notes_sanitised() {
    let session = parse(hostile_session().as_bytes()).expect("a usable session");
    let corpus = corpus::load_builtin();
    let analysis = Analysis::build(&corpus);
    let mut app = App::new(
        corpus,
        analysis,
        Keymap::default_keymap(),
        Theme { color: true },
        (120, 40),
    );
    app.restore_from(&session);
    app.open_bookmarks();
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    term.draw(|f| view::draw(f, &app)).unwrap();
    let shown: String = term
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|cell| cell.symbol())
        .collect();
    assert!(shown.contains("evil"), "the notes are listed");
    for c in shown.chars() {
        assert!(
            !(c.is_control() || scan::must_not_print(c)),
            "U+{:04X} reached the screen",
            c as u32
        );
    }
}
