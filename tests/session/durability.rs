//! Durability of the session store under SIGKILL.
//!
//! A child process (this test binary, re-run on the ignored
//! `durability_writer_child`) saves a numbered series of session states as
//! fast as it can and acknowledges each save on stdout. The parent kills it
//! with SIGKILL at a random moment (seeded PRNG) after its first save, many
//! times over, and after every kill checks that the session file parses and
//! equals exactly the last acknowledged state or the one being written then
//! — never a partial file — and that the temporaries a killed writer leaves
//! behind never stop the session from loading.

use parallax::dev::rng::Rng;
use parallax::session::{Anchor, Bookmark, Session, SessionName, Store, View};
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const TRIALS: usize = 200;
/// The kill lands up to this long after the child's first save.
const MAX_DELAY_US: u64 = 8_000;
const CHILD_ENV: &str = "PARALLAX_TEST_DURABILITY_WRITER";
const SEED_ENV: &str = "PARALLAX_DURABILITY_SEED";

fn name() -> SessionName {
    SessionName::parse("default").unwrap()
}

/// State number `i`: its number is in `reader`, and its size varies (from
/// about 4 KiB to 60 KiB) so that a torn or truncated write cannot pass for
/// another state.
fn state(i: u64) -> Session {
    let mut s = Session::new(vec!["/srv/coverage".into()]);
    s.view = View::ALL[(i % View::ALL.len() as u64) as usize];
    s.reader = Some(parallax::clean!("state-{i}"));
    s.left = Some(parallax::clean!("{:03}", i % 7));
    s.right = Some(parallax::clean!("{:03}", (i + 3) % 7));
    s.threshold = (i % 101) as u32;
    s.locked = i.is_multiple_of(2);
    let count = 10 + (i * 37 % 150);
    for k in 0..count {
        s.add_bookmark(Bookmark {
            id: 0,
            created: 1_755_284_400 + k,
            view: View::Compare,
            left: Some(Anchor {
                article: parallax::clean!("{:03}", k % 7),
                block: k as usize,
                fingerprint: Some(format!("{:016x}", i ^ k)),
            }),
            right: None,
            note: parallax::clean!("state {i} note {k}: «quoted» text, \"escaped\" and \\ too"),
            excerpt: parallax::clean!("{}", "x".repeat((k % 90) as usize)),
        });
    }
    s
}

/// The state number of a loaded session (`saved` aside, it must equal that
/// state exactly).
fn number_of(s: &Session) -> u64 {
    s.reader
        .as_deref()
        .and_then(|r| r.strip_prefix("state-"))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("not a state written by this test: {:?}", s.reader))
}

fn unstamped(mut s: Session) -> Session {
    s.saved = 0;
    s
}

/// The writer: states START, START+1, … until killed.
#[test]
#[ignore = "a helper run by another test in a child process"]
fn durability_writer_child() {
    let Some(spec) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let spec = spec.to_string_lossy().into_owned();
    let (dir, start) = spec.split_once('|').expect("DIR|START");
    let store = Store::at(dir);
    let mut out = std::io::stdout().lock();
    for i in start.parse::<u64>().expect("start")..u64::MAX {
        store.save(&name(), &state(i)).expect("save");
        use std::io::Write;
        // One line per save, flushed: the parent reads the acks after the
        // kill, so every completed save that was acknowledged is known.
        writeln!(out, "ACK {i}").and_then(|()| out.flush()).ok();
    }
}

fn acks(text: &str) -> impl Iterator<Item = u64> + '_ {
    text.split("ACK ")
        .skip(1)
        .filter_map(|rest| rest.split_whitespace().next()?.parse().ok())
}

fn spawn_writer(dir: &Path, start: u64) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "--ignored",
            "--exact",
            "durability::durability_writer_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, format!("{}|{start}", dir.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn writer")
}

/// Read the child's stdout up to its first acknowledged save: from then on
/// it is inside its save loop, so the kill lands among writes.
fn wait_first_ack(reader: &mut impl BufRead, seen: &mut String) {
    let mut line = String::new();
    loop {
        line.clear();
        let n = reader.read_line(&mut line).expect("read child stdout");
        seen.push_str(&line);
        assert!(n > 0, "writer ended before its first save: {seen:?}");
        if acks(&line).next().is_some() {
            return;
        }
    }
}

#[test]
fn sigkill_at_random_moments_never_leaves_a_partial_session() {
    let seed = std::env::var(SEED_ENV)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5e55_10b5_u64);
    let mut rng = Rng::new(seed);
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    store.save(&name(), &state(0)).unwrap();
    let mut current = 0u64;
    let (mut in_flight_won, mut leftovers_seen, mut saves) = (0usize, 0usize, 0u64);
    for trial in 0..TRIALS {
        let mut child = spawn_writer(tmp.path(), current + 1);
        let stdout = child.stdout.take().expect("piped stdout");
        let mut reader = BufReader::new(stdout);
        let mut seen = String::new();
        wait_first_ack(&mut reader, &mut seen);
        std::thread::sleep(Duration::from_micros(rng.next_u64() % MAX_DELAY_US));
        child.kill().expect("SIGKILL the writer");
        child.wait().expect("reap the writer");
        reader.read_to_string(&mut seen).expect("rest of stdout");
        let last_ack = acks(&seen).max().expect("at least one ack");

        let loaded = store.load(&name()).expect("load after kill");
        assert_eq!(
            loaded.set_aside, None,
            "trial {trial} (seed {seed}): the file was unreadable after a kill"
        );
        let session = loaded.session.expect("a session exists");
        let k = number_of(&session);
        assert!(
            k == last_ack || k == last_ack + 1,
            "trial {trial} (seed {seed}): on disk state {k}, last acknowledged {last_ack}"
        );
        assert_eq!(
            unstamped(session),
            unstamped(state(k)),
            "trial {trial} (seed {seed}): state {k} differs from what was written"
        );
        in_flight_won += usize::from(k == last_ack + 1);
        saves += k - current;
        if has_temporary(tmp.path()) {
            leftovers_seen += 1;
        }
        current = k;
    }
    // A final save tidies what killed writers left behind.
    store.save(&name(), &state(current + 1)).unwrap();
    assert!(!has_temporary(tmp.path()), "temporaries removed by a save");
    eprintln!(
        "durability: {TRIALS} kills (seed {seed}), {saves} saves; the save in flight \
         had landed in {in_flight_won} kills; a temporary was left behind after \
         {leftovers_seen} kills and never stopped a load"
    );
}

fn has_temporary(dir: &Path) -> bool {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .any(|e| e.file_name().to_string_lossy().contains(".tmp."))
}
