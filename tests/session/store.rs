//! The session store: round trip, permissions, no folders created by a
//! look-up, corrupt and future-format files set aside (never overwritten),
//! leftover temporaries, names, listing, and the lock keeping two writer
//! processes from losing each other's updates.

use parallax::session::{
    Anchor, Bookmark, ProblemKind, Session, SessionError, SessionName, Store, TopicKindName,
    TopicRef, View, list_sessions,
};
use std::path::{Path, PathBuf};
use std::process::Command;

fn name(s: &str) -> SessionName {
    SessionName::parse(s).expect("valid name")
}

fn anchor(article: &str, block: usize) -> Option<Anchor> {
    Some(Anchor {
        article: parallax::corpus::sanitize::Clean::line(article),
        block,
        fingerprint: Some("00000000deadbeef".into()),
    })
}

fn sample() -> Session {
    let mut s = Session::new(vec![PathBuf::from("/tmp/coverage")]);
    s.view = View::Compare;
    s.left = Some("000_0c1c0fc00e1e457c".into());
    s.right = Some("004_969b98fef6f6e7ab".into());
    s.reader = s.left.clone();
    s.scroll.left = anchor("000_0c1c0fc00e1e457c", 12);
    s.scroll.right = anchor("004_969b98fef6f6e7ab", 30);
    s.threshold = 35;
    s.locked = false;
    s.topic = Some(TopicRef {
        label: "Anchorage".into(),
        kind: TopicKindName::Name,
    });
    s.add_bookmark(Bookmark {
        id: 0,
        created: 1_755_284_400,
        view: View::Compare,
        left: anchor("000_0c1c0fc00e1e457c", 12),
        right: anchor("004_969b98fef6f6e7ab", 30),
        note: "same quote, different attribution".into(),
        excerpt: "Domestic audiences interpret…".into(),
    });
    s
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn a_saved_session_loads_back_equal() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path().join("data"));
    let written = store.save(&name("default"), &sample()).unwrap();
    assert!(written.saved > 1_700_000_000, "saved is stamped");
    let loaded = store.load(&name("default")).unwrap();
    assert_eq!(loaded.set_aside, None);
    assert_eq!(loaded.session, Some(written.clone()));
    assert_eq!(
        store.read(&name("default")).unwrap(),
        Some(written),
        "read-only look-up agrees"
    );
}

#[cfg(unix)]
#[test]
fn the_folder_is_private_and_so_is_the_file() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("a").join("parallax");
    let store = Store::at(&dir);
    store.save(&name("default"), &sample()).unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&store.path_of(&name("default"))), 0o600);
}

#[test]
fn looking_up_creates_no_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("not-yet");
    let store = Store::at(&dir);
    let loaded = store.load(&name("default")).unwrap();
    assert_eq!(loaded.session, None);
    assert_eq!(loaded.set_aside, None);
    assert_eq!(store.read(&name("default")).unwrap(), None);
    assert!(list_sessions(&dir).unwrap().is_empty());
    assert!(!store.exists(&name("default")));
    assert!(!dir.exists(), "a look-up must not create {}", dir.display());
}

#[test]
fn a_corrupt_file_is_set_aside_with_one_line_and_never_overwritten() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let path = store.path_of(&name("default"));
    std::fs::write(&path, "{\"version\": 1, \"view\": \"comp").unwrap();
    let loaded = store.load(&name("default")).unwrap();
    assert_eq!(loaded.session, None, "starts fresh");
    let aside = loaded.set_aside.expect("reported");
    let line = aside.to_string();
    assert!(!line.contains('\n'), "{line:?}");
    assert!(line.contains("not a readable session"), "{line}");
    assert!(line.contains("default.corrupt"), "{line}");
    assert!(matches!(aside.problem.kind, ProblemKind::Corrupt(_)));
    assert_eq!(aside.moved_to, tmp.path().join("default.corrupt"));
    assert!(!path.exists());

    // A second bad file goes to a new name; the first is kept as it was.
    std::fs::write(&path, "not json at all").unwrap();
    let second = store.load(&name("default")).unwrap().set_aside.unwrap();
    assert_eq!(second.moved_to, tmp.path().join("default.corrupt.1"));
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("default.corrupt")).unwrap(),
        "{\"version\": 1, \"view\": \"comp"
    );
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("default.corrupt.1")).unwrap(),
        "not json at all"
    );
    // And the fresh session saves normally afterwards.
    store.save(&name("default"), &sample()).unwrap();
    assert!(store.load(&name("default")).unwrap().session.is_some());
}

#[test]
fn damage_of_every_shape_is_reported_not_panicked_on() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let good = serde_json::to_string(&sample()).unwrap();
    let cases: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"[]".to_vec(),
        b"null".to_vec(),
        b"{}".to_vec(),
        b"{\"version\": \"1\"}".to_vec(),
        b"{\"version\": 0}".to_vec(),
        b"{\"version\": 1, \"view\": \"sideways\"}".to_vec(),
        b"{\"version\": 1, \"threshold\": -3}".to_vec(),
        b"{\"version\": 1, \"bookmarks\": [{\"id\": 1}]}".to_vec(),
        good.as_bytes()[..good.len() / 2].to_vec(),
        vec![0xff, 0xfe, 0x00, 0x7b],
    ];
    for (n, bytes) in cases.iter().enumerate() {
        let nm = name(&format!("case{n}"));
        std::fs::write(store.path_of(&nm), bytes).unwrap();
        match store.read(&nm) {
            Err(SessionError::Unreadable(p)) => {
                assert!(matches!(p.kind, ProblemKind::Corrupt(_)), "case {n}: {p}")
            }
            other => panic!("case {n}: expected Unreadable, got {other:?}"),
        }
        assert!(
            store.path_of(&nm).exists(),
            "read-only look-up moves nothing"
        );
        let loaded = store.load(&nm).unwrap();
        assert!(
            loaded.session.is_none() && loaded.set_aside.is_some(),
            "case {n}"
        );
    }
}

#[test]
fn a_future_format_is_set_aside_and_said_to_be_newer() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let mut value = serde_json::to_value(sample()).unwrap();
    value["version"] = 7.into();
    value["hologram"] = "a field this version does not know".into();
    let text = serde_json::to_string(&value).unwrap();
    std::fs::write(store.path_of(&name("work")), &text).unwrap();
    let aside = store
        .load(&name("work"))
        .unwrap()
        .set_aside
        .expect("reported");
    assert_eq!(aside.problem.kind, ProblemKind::FutureFormat(7));
    let line = aside.to_string();
    assert!(line.contains("newer parallax (format 7"), "{line}");
    assert!(!line.contains('\n'));
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("work.corrupt")).unwrap(),
        text,
        "kept byte for byte"
    );
}

#[test]
fn an_older_file_missing_fields_still_loads() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    std::fs::write(
        store.path_of(&name("default")),
        r#"{"version": 1, "view": "reader", "reader": "003"}"#,
    )
    .unwrap();
    let s = store.load(&name("default")).unwrap().session.unwrap();
    assert_eq!(s.view, View::Reader);
    assert_eq!(s.reader.as_deref(), Some("003"));
    assert_eq!(s.threshold, parallax::session::DEFAULT_THRESHOLD);
    assert!(s.locked);
}

#[test]
fn leftover_temporaries_are_ignored_and_cleaned_by_the_next_save() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let written = store.save(&name("default"), &sample()).unwrap();
    let stale = tmp.path().join(".default.json.tmp.4242.0");
    std::fs::write(&stale, "{\"version\": 1, \"view\": \"mat").unwrap();
    let other = tmp.path().join(".other.json.tmp.4242.0");
    std::fs::write(&other, "half").unwrap();
    assert_eq!(store.load(&name("default")).unwrap().session, Some(written));
    let listed: Vec<String> = list_sessions(tmp.path())
        .unwrap()
        .into_iter()
        .map(|i| i.name)
        .collect();
    assert_eq!(listed, ["default"]);
    store.save(&name("default"), &sample()).unwrap();
    assert!(
        !stale.exists(),
        "a save removes its own session's leftovers"
    );
    assert!(other.exists(), "and only those");
}

#[test]
fn names_that_are_not_safe_file_names_are_refused() {
    for bad in ["../x", "a/b", ".hidden", "", "x y", "tab\there"] {
        let err = SessionName::parse(bad).unwrap_err();
        assert!(matches!(err, SessionError::BadName(_)), "{bad:?}");
        assert!(!err.to_string().contains('\n'));
    }
}

#[test]
fn listing_shows_each_session_with_its_pair_and_bookmarks() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    store.save(&name("default"), &sample()).unwrap();
    let plain = Session {
        view: View::Matrix,
        ..Session::default()
    };
    store.save(&name("alaska"), &plain).unwrap();
    std::fs::write(store.path_of(&name("broken")), "{").unwrap();
    std::fs::write(tmp.path().join("old.corrupt"), "{").unwrap();
    std::fs::write(tmp.path().join(".x.json"), "{}").unwrap();
    let list = list_sessions(tmp.path()).unwrap();
    let names: Vec<&str> = list.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["alaska", "broken", "default"]);
    let d = &list[2];
    assert_eq!(d.view, View::Compare);
    assert_eq!(d.left.as_deref(), Some("000_0c1c0fc00e1e457c"));
    assert_eq!(d.right.as_deref(), Some("004_969b98fef6f6e7ab"));
    assert_eq!(d.bookmarks, 1);
    assert!(d.saved > 0 && d.problem.is_none());
    assert_eq!(d.path, store.path_of(&name("default")));
    assert_eq!(list[0].view, View::Matrix);
    assert!(list[1].problem.is_some(), "unusable files are flagged");
}

#[test]
fn bookmark_ids_grow_and_removal_works() {
    let mut s = sample();
    let b = s.bookmarks[0].clone();
    let second = s.add_bookmark(b.clone());
    assert_eq!(second, 2);
    assert!(s.remove_bookmark(1));
    assert!(!s.remove_bookmark(1));
    assert_eq!(s.add_bookmark(b), 3, "ids are not reused");
    let ids = ["004_969b98fef6f6e7ab"];
    assert_eq!(s.bookmarks_in(&ids).count(), 2);
    assert_eq!(s.bookmarks_in(&["002"]).count(), 0);
}

#[test]
fn bookmark_ids_near_the_top_never_collide() {
    // A hand-edited or hostile session may hold the largest id already.
    let mut s = sample();
    s.bookmarks[0].id = u32::MAX;
    let b = s.bookmarks[0].clone();
    let mut ids = vec![u32::MAX];
    for _ in 0..3 {
        ids.push(s.add_bookmark(b.clone()));
    }
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
    assert!(ids.iter().all(|&id| id != 0), "{ids:?}");
    let mut stored: Vec<u32> = s.bookmarks.iter().map(|b| b.id).collect();
    stored.sort_unstable();
    stored.dedup();
    assert_eq!(stored.len(), s.bookmarks.len());
    assert_eq!(parallax::session::next_bookmark_id([1, 2, 4]), Some(5));
    assert_eq!(parallax::session::next_bookmark_id([]), Some(1));
    assert_eq!(
        parallax::session::next_bookmark_id([u32::MAX, 1, 3]),
        Some(2)
    );
}

#[test]
fn update_sets_a_corrupt_file_aside_and_starts_fresh() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    std::fs::write(store.path_of(&name("default")), "{{{{").unwrap();
    let (s, aside) = store
        .update(&name("default"), |s| s.view = View::Topic)
        .unwrap();
    assert!(aside.is_some());
    assert_eq!(s.view, View::Topic);
    assert!(s.bookmarks.is_empty());
    assert!(tmp.path().join("default.corrupt").exists());
}

/// Bookmarks each writer process adds.
const PER_WRITER: usize = 25;
const CHILD_ENV: &str = "PARALLAX_TEST_LOCK_WRITER";

/// Run by `two_writers_keep_every_update` in child processes: add
/// `PER_WRITER` bookmarks to the session, one read-change-write at a time.
#[test]
#[ignore = "a helper run by another test in a child process"]
fn lock_writer_child() {
    let Some(spec) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let spec = spec.to_string_lossy().into_owned();
    let (dir, tag) = spec.split_once('|').expect("DIR|TAG");
    let store = Store::at(dir);
    for k in 0..PER_WRITER {
        store
            .update(&name("shared"), |s| {
                s.add_bookmark(Bookmark {
                    id: 0,
                    created: 0,
                    view: View::Reader,
                    left: anchor("000", k),
                    right: None,
                    note: parallax::clean!("{tag}-{k}"),
                    excerpt: Default::default(),
                });
            })
            .expect("update");
    }
}

#[test]
fn two_writers_keep_every_update() {
    let tmp = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let spawn = |tag: &str| {
        Command::new(&exe)
            .args([
                "--ignored",
                "--exact",
                "store::lock_writer_child",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, format!("{}|{tag}", tmp.path().display()))
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("spawn writer")
    };
    let mut a = spawn("a");
    let mut b = spawn("b");
    assert!(a.wait().unwrap().success());
    assert!(b.wait().unwrap().success());
    let s = Store::at(tmp.path())
        .load(&name("shared"))
        .unwrap()
        .session
        .expect("session written");
    let mut notes: Vec<&str> = s.bookmarks.iter().map(|b| b.note.as_str()).collect();
    notes.sort();
    let mut want: Vec<String> = ["a", "b"]
        .iter()
        .flat_map(|t| (0..PER_WRITER).map(move |k| format!("{t}-{k}")))
        .collect();
    want.sort();
    assert_eq!(notes, want, "no update lost, none doubled");
    let mut ids: Vec<u32> = s.bookmarks.iter().map(|b| b.id).collect();
    ids.dedup();
    assert_eq!(ids.len(), 2 * PER_WRITER, "ids unique");
    assert_eq!(
        names_in(tmp.path()),
        ["shared.json", "shared.lock"],
        "no temporaries left behind"
    );
}
