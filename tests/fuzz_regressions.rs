//! The fuzz targets' bodies in an ordinary `cargo test`: every saved input
//! under tests/fuzz_inputs/<target>/ is replayed (crashes once found stay
//! fixed), and the same bodies run over random inputs from proptest, so the
//! invariants are checked on the stable toolchain too.

#[path = "../fuzz/src/bodies.rs"]
mod bodies;
#[path = "../fuzz/src/stored.rs"]
mod stored;

use proptest::prelude::*;
use std::path::Path;

type Body = fn(&[u8]);

const TARGETS: [(&str, Body); 6] = [
    ("loader", bodies::loader),
    ("sanitize", bodies::sanitize),
    ("keymap", bodies::keymap),
    ("word_diff", bodies::word_diff),
    ("session", stored::session),
    ("report", stored::report),
];

#[test]
fn saved_inputs_replay_without_failing() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_inputs");
    let mut replayed = 0;
    for (target, body) in TARGETS {
        let Ok(entries) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
        let mut files: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for f in files {
            let data = std::fs::read(&f).unwrap();
            let outcome = std::panic::catch_unwind(|| body(&data));
            assert!(outcome.is_ok(), "{target}: {} fails again", f.display());
            replayed += 1;
        }
    }
    assert!(replayed > 0, "tests/fuzz_inputs holds the saved inputs");
}

/// `PROPTEST_CASES` if set, else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Bytes that are mostly the characters that matter here: controls, escape
/// introducers, bidi, zero-width, tags, combining marks, wide characters,
/// Markdown and table syntax, whitespace of every kind, invalid UTF-8.
fn hostile_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        4 => "[a-zA-Z0-9 .,;:!?'\"()-]{1,12}".prop_map(String::into_bytes),
        1 => prop::sample::select(vec![
            "\x1b", "\x1b[31m", "\x1b]52;c;SGk=\x07", "\x1bP", "\x1b_", "\x1b\\", "\x07", "\x08",
            "\x7f", "\0", "\r", "\r\n", "\n", "\n\n", "\t", "\x0b", "\x0c", "\u{85}", "\u{9b}",
            "\u{9d}", "\u{2028}", "\u{2029}", "\u{202e}", "\u{2066}", "\u{2069}", "\u{200b}",
            "\u{200d}", "\u{feff}", "\u{e0041}", "\u{301}", "\u{336}", "漢字", "👩\u{200d}💻",
            "🇺🇦", "\u{fe0f}", "\u{ad}", "\u{206a}", "\u{3164}", "\u{1d173}", "\u{e0100}",
            "\u{fe01}", "❤\u{fe0f}", "1\u{fe0f}\u{20e3}", "\u{3000}", "\u{a0}", "|", " | ", "# ", "- ", "1. ", "> ",
            "```", "&#27;", "&#x9b;", "&#x202e;", "&ZeroWidthSpace;", "---\n", "![", "](x)",
            "©", "By ", "Sep 5", "4 min read", "…",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
        1 => prop::collection::vec(any::<u8>(), 1..6),
        1 => any::<char>().prop_map(|c| c.to_string().into_bytes()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

/// A session file whose every stored string is hostile (and sometimes a
/// field of the wrong type or value), as JSON.
fn session_json() -> impl Strategy<Value = Vec<u8>> {
    let text = || hostile_bytes().prop_map(|b| String::from_utf8_lossy(&b).into_owned());
    (
        prop::collection::vec(text(), 8),
        prop::sample::select(vec!["compare", "reader", "library", "topic", "matrix", "\u{1b}[2J"]),
        any::<u32>(),
        0u64..3,
    )
        .prop_map(|(t, view, id, version)| {
            let anchor = |a: &str, b: u32| serde_json::json!({"article": a, "block": b, "fingerprint": t[7]});
            serde_json::to_vec(&serde_json::json!({
                "version": version,
                "saved": 1,
                "view": view,
                "left": t[0], "right": t[1], "reader": t[2],
                "topic": {"label": t[3], "kind": "term"},
                "bookmarks": [
                    {"id": id, "created": 1, "view": "compare",
                     "left": anchor(&t[4], id), "right": anchor("b", 1),
                     "note": t[5], "excerpt": t[6]},
                    {"id": id.wrapping_add(1), "created": 2, "view": view,
                     "left": anchor("a", 0), "note": t[6], "excerpt": t[5]}
                ]
            }))
            .unwrap()
        })
}

proptest! {
    // Each case renders six reports: fewer cases than the cheap bodies.
    #![proptest_config(ProptestConfig::with_cases(cases(40)))]

    #[test]
    fn report_body_holds(data in prop_oneof![session_json(), hostile_bytes()]) {
        stored::report(&data);
    }
}

proptest! {
    // PROPTEST_CASES=100000 for a long run.
    #![proptest_config(ProptestConfig::with_cases(cases(300)))]

    #[test]
    fn loader_body_holds(data in hostile_bytes()) {
        bodies::loader(&data);
    }

    #[test]
    fn sanitize_body_holds(data in hostile_bytes()) {
        bodies::sanitize(&data);
    }

    #[test]
    fn keymap_body_holds(data in prop_oneof![
        hostile_bytes(),
        "(\\[(global|reader|compare|palette|library|help|x)\\]\n)?(\"[a-zA-Z?/ -]{0,10}\" = \"[a-z_]{0,14}\"\n){0,4}"
            .prop_map(String::into_bytes),
    ]) {
        bodies::keymap(&data);
    }

    #[test]
    fn session_body_holds(data in prop_oneof![3 => session_json(), 1 => hostile_bytes()]) {
        stored::session(&data);
    }

    #[test]
    fn word_diff_body_holds(left in hostile_bytes(), right in hostile_bytes()) {
        let mut data = left;
        data.push(0xFF);
        data.extend(right);
        bodies::word_diff(&data);
    }
}
