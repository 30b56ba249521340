//! `parallax diff` (placeholder until alignment lands).
use super::paint::Paint;
use crate::corpus::Corpus;
use std::io::Write;

pub fn print(
    _c: &Corpus,
    _l: &str,
    _r: &str,
    _json: bool,
    _p: Paint,
    _out: &mut dyn Write,
) -> anyhow::Result<()> {
    anyhow::bail!("diff: not built yet")
}
