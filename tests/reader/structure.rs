//! The code keeps the shape ARCHITECTURE.md describes: no two files
//! import each other (directly or round a loop; the reader's and then the
//! whole crate's), the
//! router stays a router, `App` has no public field, and no source file
//! grows past 400 lines.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("a source directory") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/ui/app/mod.rs` is `crate::ui::app`, `src/ui/app/update.rs` is
/// `crate::ui::app::update`.
fn module_of(file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src()).expect("under src");
    let mut path: Vec<String> = vec!["crate".into()];
    path.extend(
        rel.with_extension("")
            .iter()
            .map(|s| s.to_string_lossy().into_owned()),
    );
    if path.last().is_some_and(|l| l == "mod") {
        path.pop();
    }
    path
}

/// The paths a use tree names: `a::{b, c::{d, e}}` is `a::b`, `a::c::d`,
/// `a::c::e`.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        return vec![tree.split(" as ").next().unwrap_or("").trim().to_string()];
    };
    let close = tree.rfind('}').expect("a closed use tree");
    let prefix = &tree[..open];
    let (mut parts, mut depth, mut current) = (Vec::new(), 0, String::new());
    for c in tree[open + 1..close].chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if c == ',' && depth == 0 {
            parts.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    parts.push(current);
    let parts = parts.iter().filter(|p| !p.trim().is_empty());
    parts
        .flat_map(|p| expand(p))
        .map(|p| match p.as_str() {
            "self" => prefix.trim_end_matches("::").to_string(),
            _ => format!("{prefix}{p}"),
        })
        .collect()
}

/// The code of a file without its comments (a doc comment may say "use")
/// and without its unit tests (their `super` is the file itself).
fn code(file: &Path) -> String {
    let text = fs::read_to_string(file).expect("a readable source file");
    let text = match text.find("#[cfg(test)]\nmod ") {
        Some(tests) => &text[..tests],
        None => &text,
    };
    let lines = text.lines().map(|l| l.split("//").next().unwrap_or(""));
    lines.collect::<Vec<_>>().join("\n")
}

/// The trees of the `use` declarations that name the crate's own modules
/// (`use super::…`, `pub use crate::…`).
fn use_trees(code: &str) -> Vec<&str> {
    code.match_indices("use ")
        .filter(|&(at, _)| {
            let before = code[..at].chars().next_back();
            before.is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
        })
        .map(|(at, _)| code[at + 4..].trim_start())
        .filter(|rest| {
            ["crate::", "super::", "self::"]
                .iter()
                .any(|p| rest.starts_with(p))
        })
        .filter_map(|rest| rest.split(';').next())
        .collect()
}

/// Which `src/ui/` modules each `src/ui/` module names in its `use` lines.
fn ui_imports() -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    imports_under(&src().join("ui"))
}

/// Which modules under `dir` each module under `dir` names in its `use`
/// lines.
fn imports_under(dir: &Path) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let mut files = Vec::new();
    rust_files(dir, &mut files);
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(f)).collect();
    let mut imports = BTreeMap::new();
    for file in &files {
        let here = module_of(file);
        let text = code(file);
        let mut named = BTreeSet::new();
        for tree in use_trees(&text) {
            for path in expand(tree) {
                let mut segments: Vec<String> = path
                    .split("::")
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect();
                let mut base = match segments.first().map(String::as_str) {
                    Some("crate") => Vec::new(),
                    Some("super") => here.clone(),
                    Some("self") => {
                        segments.remove(0);
                        here.clone()
                    }
                    _ => continue,
                };
                while segments.first().is_some_and(|s| s == "super") {
                    segments.remove(0);
                    base.pop();
                }
                base.extend(segments);
                // The longest prefix that is a module file.
                while !base.is_empty() && !modules.contains(&base) {
                    base.pop();
                }
                if !base.is_empty() && base != here {
                    named.insert(base);
                }
            }
        }
        imports.insert(here, named);
    }
    imports
}

/// A loop of imports through `from`, if there is one.
fn loop_through(
    imports: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
    from: &Vec<String>,
) -> Option<Vec<String>> {
    let mut trail = vec![from.clone()];
    let mut seen = BTreeSet::new();
    fn walk(
        imports: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        target: &Vec<String>,
        trail: &mut Vec<Vec<String>>,
        seen: &mut BTreeSet<Vec<String>>,
    ) -> bool {
        let last = trail.last().expect("a trail").clone();
        for next in imports.get(&last).into_iter().flatten() {
            if next == target {
                trail.push(next.clone());
                return true;
            }
            if seen.insert(next.clone()) {
                trail.push(next.clone());
                if walk(imports, target, trail, seen) {
                    return true;
                }
                trail.pop();
            }
        }
        false
    }
    walk(imports, from, &mut trail, &mut seen)
        .then(|| trail.iter().map(|m| m[1..].join("::")).collect())
}

#[test]
fn no_two_ui_files_import_each_other() {
    let imports = ui_imports();
    assert!(
        imports.len() > 50,
        "src/ui/ is read: {} files",
        imports.len()
    );
    let loops: Vec<String> = imports
        .keys()
        .filter_map(|m| loop_through(&imports, m))
        .map(|l| l.join(" -> "))
        .collect();
    assert!(loops.is_empty(), "imports in a loop:\n{}", loops.join("\n"));
}

/// The same over the whole crate: corpus, analysis, cache, report, cli.
#[test]
fn no_two_files_anywhere_import_each_other() {
    let imports = imports_under(&src());
    assert!(imports.len() > 250, "src/ is read: {} files", imports.len());
    let loops: Vec<String> = imports
        .keys()
        .filter_map(|m| loop_through(&imports, m))
        .map(|l| l.join(" -> "))
        .collect();
    assert!(loops.is_empty(), "imports in a loop:\n{}", loops.join("\n"));
}

#[test]
fn the_use_reader_sees_nested_trees_and_parents() {
    assert_eq!(
        expand("super::{group::{Group, Members}, shared::Shared}"),
        [
            "super::group::Group",
            "super::group::Members",
            "super::shared::Shared"
        ]
    );
    assert_eq!(
        expand("crate::ui::find::{self, Find}"),
        ["crate::ui::find", "crate::ui::find::Find"]
    );
    let imports = ui_imports();
    let shared = ["crate", "ui", "shared"].map(String::from).to_vec();
    let group = ["crate", "ui", "group"].map(String::from).to_vec();
    assert!(imports[&shared].contains(&group), "shared.rs uses group.rs");
}

#[test]
fn the_router_stays_a_router() {
    let lines = fs::read_to_string(src().join("ui/app/update.rs"))
        .expect("update.rs")
        .lines()
        .count();
    assert!(
        lines < 200,
        "src/ui/app/update.rs is {lines} lines: move the glue out"
    );
}

#[test]
fn the_app_keeps_its_fields_private() {
    let text = fs::read_to_string(src().join("ui/app/mod.rs")).expect("app/mod.rs");
    let start = text.find("pub struct App {").expect("the App struct");
    let body = &text[start..start + text[start..].find("\n}").expect("its end")];
    let public: Vec<&str> = body
        .lines()
        .skip(1)
        .filter(|l| l.trim_start().starts_with("pub"))
        .collect();
    assert!(
        public.is_empty(),
        "App's state changes only through its methods: {public:?}"
    );
}

#[test]
fn no_source_file_is_over_400_lines() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let lines = fs::read_to_string(f).ok()?.lines().count();
            (lines > 400).then(|| format!("{} ({lines} lines)", f.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these: {long:?}");
}
