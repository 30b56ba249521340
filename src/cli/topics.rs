//! `parallax topics` (placeholder until the topic index lands).
use super::paint::Paint;
use crate::corpus::Corpus;
use std::io::Write;

pub fn print(_c: &Corpus, _json: bool, _p: Paint, _out: &mut dyn Write) -> anyhow::Result<()> {
    anyhow::bail!("topics: not built yet")
}
