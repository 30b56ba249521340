//! `parallax sessions`: the JSON contract, the table, PARALLAX_DATA_DIR,
//! unusable files reported in one line, and no folder created by listing.

use parallax::session::{Anchor, Bookmark, Session, SessionName, Store, View};
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn parallax(args: &[&str], data: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env("PARALLAX_DATA_DIR", data)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80")
        .output()
        .expect("run parallax")
}

fn save(data: &Path, name: &str, s: &Session) -> Session {
    Store::at(data)
        .save(&SessionName::parse(name).unwrap(), s)
        .unwrap()
}

fn compare_session() -> Session {
    let mut s = Session::new(Vec::new());
    s.view = View::Compare;
    s.left = Some("000_0c1c0fc00e1e457c".into());
    s.right = Some("004_969b98fef6f6e7ab".into());
    for k in 0..2 {
        s.add_bookmark(Bookmark {
            id: 0,
            created: 1_755_284_400,
            view: View::Compare,
            left: Some(Anchor {
                article: "000_0c1c0fc00e1e457c".into(),
                block: 30 + k,
                fingerprint: None,
            }),
            right: None,
            note: parallax::clean!("note {k}"),
            excerpt: Default::default(),
        });
    }
    s
}

#[test]
fn json_lists_each_session_with_the_contract_keys() {
    let data = tempfile::tempdir().unwrap();
    let saved = save(data.path(), "default", &compare_session());
    save(
        data.path(),
        "alaska",
        &Session {
            view: View::Matrix,
            ..Session::default()
        },
    );
    let out = parallax(&["sessions", "--json"], data.path());
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    let keys: Vec<&str> = rows[1]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        [
            "bookmarks",
            "left",
            "name",
            "path",
            "right",
            "saved",
            "view"
        ]
    );
    assert_eq!(rows[0]["name"], "alaska");
    assert_eq!(rows[0]["view"], "matrix");
    assert_eq!(rows[0]["left"], Value::Null);
    let d = &rows[1];
    assert_eq!(d["name"], "default");
    assert_eq!(d["saved"], saved.saved);
    assert_eq!(d["view"], "compare");
    assert_eq!(d["left"], "000_0c1c0fc00e1e457c");
    assert_eq!(d["right"], "004_969b98fef6f6e7ab");
    assert_eq!(d["bookmarks"], 2);
    assert_eq!(
        d["path"],
        data.path().join("default.json").display().to_string()
    );
}

#[test]
fn the_table_fits_80_columns() {
    let data = tempfile::tempdir().unwrap();
    save(data.path(), "default", &compare_session());
    let out = parallax(&["sessions"], data.path());
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("NAME"), "{text}");
    assert!(lines[1].starts_with("default  "), "{text}");
    assert!(
        lines[1].contains("compare") && lines[1].contains(" ⇄ "),
        "{text}"
    );
    assert!(lines[1].trim_end().ends_with('2'), "{text}");
    assert!(lines[2].starts_with("1 session in "), "{text}");
    for l in &lines {
        assert!(l.chars().count() <= 80, "too wide: {l}");
    }
}

/// The pair as the library names it: the built-in corpus's short ids
/// ("000"); another corpus the listing does not load, so a prefix that
/// tells its sessions' ids apart may start many of its articles' ids:
/// those are whole, cut to fit.
#[test]
fn the_pair_is_named_by_short_ids() {
    let data = tempfile::tempdir().unwrap();
    save(data.path(), "builtin", &compare_session());
    let mut other = Session::new(vec!["/news/coast".into()]);
    other.view = View::Compare;
    other.left = Some("ap_summit_2025_08_15".into());
    other.right = Some("bbc_summit_2025_08_15".into());
    // A bookmark names a third article, which "ap_" would not tell apart.
    other.add_bookmark(Bookmark {
        id: 0,
        created: 1_755_284_400,
        view: View::Reader,
        left: Some(Anchor {
            article: "ap_markets_2025_08_16".into(),
            block: 3,
            fingerprint: None,
        }),
        right: None,
        note: Default::default(),
        excerpt: Default::default(),
    });
    save(data.path(), "coast", &other);
    let out = parallax(&["sessions"], data.path());
    let text = String::from_utf8(out.stdout).unwrap();
    let row = |name: &str| {
        let line = text.lines().find(|l| l.starts_with(name));
        line.unwrap_or_else(|| panic!("{name}: {text}")).to_string()
    };
    assert!(row("builtin ").contains(" 000 ⇄ 004 "), "{text}");
    assert!(!row("builtin ").contains('…'), "nothing cut: {text}");
    let coast = row("coast ");
    assert!(coast.contains(" ap_summit_2"), "{text}");
    assert!(coast.contains(" ⇄ bbc_summit_2"), "{text}");
    assert!(!coast.contains(" ap_s ⇄ bbc "), "no prefix: {text}");
    // The JSON keeps the whole ids.
    let json = parallax(&["sessions", "--json"], data.path());
    let v: Value = serde_json::from_slice(&json.stdout).unwrap();
    let lefts: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["left"].as_str().unwrap())
        .collect();
    assert_eq!(lefts, ["000_0c1c0fc00e1e457c", "ap_summit_2025_08_15"]);
}

#[test]
fn an_empty_store_lists_nothing_and_creates_nothing() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("fresh");
    let json = parallax(&["sessions", "--json"], &dir);
    assert!(json.status.success());
    assert_eq!(String::from_utf8_lossy(&json.stdout).trim(), "[]");
    let text = parallax(&["sessions"], &dir);
    assert!(String::from_utf8_lossy(&text.stdout).starts_with("no saved sessions in "));
    assert!(!dir.exists());
}

#[test]
fn an_unusable_file_is_one_warning_and_left_out() {
    let data = tempfile::tempdir().unwrap();
    save(data.path(), "default", &compare_session());
    std::fs::write(data.path().join("broken.json"), "{\"version\": 1, \"vi").unwrap();
    std::fs::write(data.path().join("default.corrupt"), "old").unwrap();
    let out = parallax(&["sessions", "--json"], data.path());
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("broken.json") && err.contains("not a readable session"),
        "{err}"
    );
}

/// `--resume` of a session that was never saved is a mistyped name: said
/// with the names that are saved, exit 2, and no session is started.
#[test]
fn resuming_an_unknown_named_session_names_the_saved_ones() {
    let data = tempfile::tempdir().unwrap();
    save(data.path(), "talks", &compare_session());
    let out = parallax(&["--session", "tlaks", "-r"], data.path());
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim_end(),
        "parallax: error: no saved session 'tlaks' to resume (saved: talks); \
         `--session tlaks` without --resume starts it"
    );
    assert!(!data.path().join("tlaks.json").exists());
}

/// A file the session remembers that was deleted since is said in one line
/// and the session opens on the rest; a path typed that is not there
/// still stops the load.
#[test]
fn resuming_without_a_remembered_file_opens_on_the_rest() {
    let data = tempfile::tempdir().unwrap();
    let corpus = tempfile::tempdir().unwrap();
    let (kept, gone) = (corpus.path().join("a.txt"), corpus.path().join("b.txt"));
    std::fs::write(&kept, "Harbour\n\nThe harbour reopened on Tuesday.\n").unwrap();
    save(
        data.path(),
        "talks",
        &Session::new(vec![kept.clone(), gone.clone()]),
    );
    let out = parallax(&["--session", "talks", "-r"], data.path());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "{}: not there now; the session opens without it (and keeps it for next time)",
            gone.display()
        )),
        "{err}"
    );
    // Past the load: only the missing terminal stops it here.
    assert!(err.contains("the reader needs a terminal"), "{err}");
}
