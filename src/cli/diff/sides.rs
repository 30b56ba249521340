//! Which two articles `diff` compares: two ids (or prefixes) and the
//! paths to find them in, or, as `diff` and `git diff --no-index` take
//! them, two files of one article each (`parallax diff a.md b.md`).

use super::super::{InputError, resolve};
use crate::corpus::Corpus;
use std::path::{Path, PathBuf};

pub enum Sides {
    Ids(String, String),
    Files(PathBuf, PathBuf),
}

/// The two sides and the paths to load. Two existing files and no more
/// paths are the two articles. A path where an id belongs, followed by a
/// path that is not there, is the order mistaken (`diff FOLDER a b`): one
/// line that shows the order, where loading would say "b: no such file".
pub fn sides(
    left: String,
    right: String,
    paths: Vec<PathBuf>,
) -> anyhow::Result<(Sides, Vec<PathBuf>)> {
    let (l, r) = (Path::new(&left), Path::new(&right));
    if paths.is_empty() && l.is_file() && r.is_file() {
        let files = vec![l.to_path_buf(), r.to_path_buf()];
        return Ok((Sides::Files(files[0].clone(), files[1].clone()), files));
    }
    if l.exists()
        && !r.exists()
        && let [id] = paths.as_slice()
        && !id.exists()
    {
        return Err(InputError(format!(
            "'{left}' is a file or folder: article ids come first, then the paths \
             (parallax diff {right} {} {left})",
            id.display()
        ))
        .into());
    }
    Ok((Sides::Ids(left, right), paths))
}

impl Sides {
    /// The two articles' indices in `corpus` (loaded from the paths
    /// `sides` gave).
    pub fn resolve(&self, corpus: &Corpus) -> anyhow::Result<(usize, usize)> {
        match self {
            Sides::Ids(l, r) => Ok((resolve(corpus, l)?, resolve(corpus, r)?)),
            Sides::Files(l, r) => Ok((only_article(corpus, l)?, only_article(corpus, r)?)),
        }
    }
}

/// The one article loaded from `file`.
fn only_article(corpus: &Corpus, file: &Path) -> anyhow::Result<usize> {
    let from: Vec<usize> = (0..corpus.articles.len())
        .filter(|&i| corpus.articles[i].path.as_deref() == Some(file))
        .collect();
    match from.as_slice() {
        [one] => Ok(*one),
        [] => Err(InputError(format!(
            "{}: no article could be read from it",
            file.display()
        ))
        .into()),
        many => Err(InputError(format!(
            "{} holds {} articles: give two ids, then the paths (parallax list {} names them)",
            file.display(),
            many.len(),
            file.display()
        ))
        .into()),
    }
}
