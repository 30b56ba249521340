//! Fetched pages kept on disk, so that the same link is not fetched twice
//! and a session resumes offline. Each page is two files named by a hash
//! of its link: `KEY.body` (the bytes as received, decompressed) and
//! `KEY.json` (link, final URL, content type, fetch date, size), each
//! written atomically (a temporary beside it, renamed), the body first: a
//! page whose description is missing or does not match is not in the cache.

use serde::{Deserialize, Serialize};
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Overrides where the cache lives (tests, or a cache per project).
pub const CACHE_DIR_ENV: &str = "PARALLAX_CACHE_DIR";

/// A cached page's description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CachedMeta {
    /// The link as asked for.
    pub url: String,
    /// Where it came from after redirects.
    pub final_url: String,
    pub content_type: Option<String>,
    /// When it was fetched, RFC 3339 in UTC.
    pub fetched: String,
    /// Size of the body file.
    pub bytes: u64,
}

#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// `$PARALLAX_CACHE_DIR` if set, else `pages/` in the platform cache
    /// folder (`~/.cache/parallax/pages` on Linux). `None` when there is
    /// no home folder to put it in.
    pub fn from_env() -> Option<Cache> {
        if let Some(dir) = std::env::var_os(CACHE_DIR_ENV).filter(|d| !d.is_empty()) {
            return Some(Cache::at(PathBuf::from(dir)));
        }
        directories::ProjectDirs::from("", "", "parallax")
            .map(|d| Cache::at(d.cache_dir().join("pages")))
    }

    pub fn at(dir: PathBuf) -> Cache {
        Cache { dir }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn paths(&self, url: &str) -> (PathBuf, PathBuf) {
        let key = format!("{:016x}", fnv1a(url.as_bytes()));
        (
            self.dir.join(format!("{key}.body")),
            self.dir.join(format!("{key}.json")),
        )
    }

    /// The cached page for `url`, if there is a whole one. At most
    /// `max_bytes` of a body are read; a larger file is not the cache's.
    pub fn get(&self, url: &str, max_bytes: u64) -> Option<(CachedMeta, Vec<u8>)> {
        let (body_path, meta_path) = self.paths(url);
        let meta: CachedMeta = serde_json::from_slice(&read_small(&meta_path, 64 * 1024)?).ok()?;
        // A different link with the same hash, or a body replaced since.
        if meta.url != url || meta.bytes > max_bytes {
            return None;
        }
        let body = read_small(&body_path, max_bytes)?;
        (body.len() as u64 == meta.bytes).then_some((meta, body))
    }

    /// Keep a page. The folder is made (owner only) when missing.
    pub fn put(&self, meta: &CachedMeta, body: &[u8]) -> std::io::Result<()> {
        make_private_dir(&self.dir)?;
        let (body_path, meta_path) = self.paths(&meta.url);
        write_atomic(&body_path, body)?;
        let json = serde_json::to_vec_pretty(meta).map_err(std::io::Error::other)?;
        write_atomic(&meta_path, &json)
    }
}

/// A regular file's bytes, at most `cap` of them; `None` when it is not
/// there, not a regular file, or larger.
fn read_small(path: &Path, cap: u64) -> Option<Vec<u8>> {
    let file = fs::File::open(path).ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    let mut bytes = Vec::new();
    file.take(cap + 1).read_to_end(&mut bytes).ok()?;
    (bytes.len() as u64 <= cap).then_some(bytes)
}

fn make_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

/// Write through a temporary in the same folder and rename it over the
/// target, so a reader sees the old file or the new one, never half.
fn write_atomic(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new().prefix(".tmp.").tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(target).map_err(|e| e.error)?;
    Ok(())
}

/// 64-bit FNV-1a: a stable file name for a link (the link itself is in
/// the description and checked, so a collision is only a cache miss).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(url: &str, bytes: u64) -> CachedMeta {
        CachedMeta {
            url: url.to_string(),
            final_url: format!("{url}?final"),
            content_type: Some("text/html".into()),
            fetched: "2025-08-15T19:00:00Z".into(),
            bytes,
        }
    }

    #[test]
    fn a_page_round_trips_and_a_mismatch_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(dir.path().join("pages"));
        let url = "https://a.example/x.html";
        assert!(cache.get(url, 100).is_none());
        cache.put(&meta(url, 5), b"hello").unwrap();
        let (m, body) = cache.get(url, 100).unwrap();
        assert_eq!((m, body.as_slice()), (meta(url, 5), &b"hello"[..]));
        // Over the cap now: not used.
        assert!(cache.get(url, 4).is_none());
        // A body that does not match its description is not used.
        let (body_path, _) = cache.paths(url);
        fs::write(&body_path, b"hell").unwrap();
        assert!(cache.get(url, 100).is_none());
        // No temporaries left behind.
        let names: Vec<_> = fs::read_dir(cache.dir())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }
}
