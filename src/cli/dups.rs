//! `parallax dups` (placeholder until the near-duplicate engine lands).
use super::args::ScopeArg;
use super::paint::Paint;
use crate::corpus::Corpus;
use std::io::Write;

pub fn print(
    _c: &Corpus,
    _json: bool,
    _min: f64,
    _scope: ScopeArg,
    _p: Paint,
    _out: &mut dyn Write,
) -> anyhow::Result<()> {
    anyhow::bail!("dups: not built yet")
}
