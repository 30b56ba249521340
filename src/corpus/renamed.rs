//! Article ids are unique: a file stem or record id met again is loaded
//! with "-2", "-3"… added, and said once per kind of clash, since a user
//! who types the name they know (`show index`) must learn the new one.

use super::model::LoadWarning;
use super::prepared::warn;
use super::sanitize::sanitize_line;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Ids that were taken: per collection file for record ids, and one entry
/// for every file whose stem an earlier file had (saved pages are often
/// all `index.html`). The first said in full, the rest counted: a dataset
/// may repeat thousands, so one line each at most.
#[derive(Default)]
pub struct RenamedIds {
    records: Vec<(PathBuf, String, usize)>,
    files: Option<(PathBuf, String, usize)>,
}

impl RenamedIds {
    /// `line` is the record's when the id was a record's own.
    pub fn add(&mut self, path: Option<&Path>, line: Option<usize>, was: String, now: &str) {
        let path = path.unwrap_or(Path::new("-"));
        let Some(line) = line else {
            match &mut self.files {
                Some((_, _, more)) => *more += 1,
                None => {
                    let first = format!("id {was} is an earlier article's; loaded as {now}");
                    self.files = Some((path.to_path_buf(), first, 0));
                }
            }
            return;
        };
        match self.records.iter_mut().find(|(p, _, _)| p == path) {
            Some((_, _, more)) => *more += 1,
            None => {
                let first = format!("line {line}: record id {was} is taken; loaded as {now}");
                self.records.push((path.to_path_buf(), first, 0));
            }
        }
    }

    pub fn warnings(self) -> impl Iterator<Item = LoadWarning> {
        let files = self.files.map(|(path, first, more)| {
            warn(
                &path,
                format!("{first}{}", more_note(more, "renamed", "renamed")),
            )
        });
        let records = self.records.into_iter().map(|(path, first, more)| {
            warn(
                &path,
                format!(
                    "{first}{}",
                    more_note(more, "taken id renamed", "taken ids renamed")
                ),
            )
        });
        files.into_iter().chain(records)
    }
}

/// " (3 more taken ids renamed the same way)": how many more there were.
fn more_note(more: usize, one: &str, many: &str) -> String {
    match more {
        0 => String::new(),
        1 => format!(" (1 more {one} the same way)"),
        n => format!(" ({n} more {many} the same way)"),
    }
}

/// The stem (a file stem or a record's id), sanitised, with "-2", "-3"...
/// added on a clash; and the id it would have been, when it clashed.
pub fn unique_id(stem: &str, taken: &mut HashSet<String>) -> (String, Option<String>) {
    let stem = sanitize_line(stem).replace(char::is_whitespace, "_");
    let stem = if stem.is_empty() {
        "article".to_string()
    } else {
        stem
    };
    let mut id = stem.clone();
    let mut n = 2;
    while !taken.insert(id.clone()) {
        id = format!("{stem}-{n}");
        n += 1;
    }
    let was = (id != stem).then_some(stem);
    (id, was)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_sharing_a_stem_are_said_once_and_counted() {
        let mut taken = HashSet::new();
        let mut renamed = RenamedIds::default();
        for dir in ["a", "b", "c"] {
            let path = PathBuf::from(format!("{dir}/index.html"));
            let (id, was) = unique_id("index", &mut taken);
            if let Some(was) = was {
                renamed.add(Some(&path), None, was, &id);
            }
        }
        let (_, was) = unique_id("r1", &mut taken);
        assert!(was.is_none());
        let lines: Vec<String> = renamed.warnings().map(|w| w.to_string()).collect();
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(lines[0].contains("b/index.html"), "{lines:?}");
        assert!(lines[0].contains("id index is an earlier article's; loaded as index-2"));
        assert!(lines[0].contains("(1 more renamed the same way)"));
    }
}
