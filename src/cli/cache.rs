//! `parallax cache`: where the analysis cache is and how much it holds;
//! `parallax cache clear` empties it.

use super::CleanOut;
use super::InputError;
use super::args::CacheAction;
use crate::cache::{self, Usage};
use crate::clean;
use crate::corpus::human_bytes;

pub fn run(action: Option<CacheAction>, out: &mut CleanOut) -> anyhow::Result<()> {
    let dir = cache::analysis_dir().ok_or_else(|| {
        InputError(format!(
            "no cache folder is known (no home folder?); set {}",
            cache::CACHE_DIR_ENV
        ))
    })?;
    let failed = |e: std::io::Error| InputError(format!("{}: {e}", dir.display()));
    match action {
        None => {
            let used = cache::usage(&dir).map_err(failed)?;
            out.line(&clean!("{}", dir.display()))?;
            out.line(&clean!("{}", amount(used)))?;
        }
        Some(CacheAction::Clear) => {
            let removed = cache::clear(&dir).map_err(failed)?;
            out.line(&clean!("cleared {}: {}", dir.display(), amount(removed)))?;
        }
    }
    Ok(())
}

fn amount(u: Usage) -> String {
    format!(
        "{} in {} file{}",
        human_bytes(u.bytes),
        u.files,
        if u.files == 1 { "" } else { "s" }
    )
}
