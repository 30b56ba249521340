//! `parallax sessions`: the saved reading sessions.
//!
//! JSON: an array of `{"name", "saved" (unix seconds), "view", "left",
//! "right", "bookmarks" (count), "path"}` (a contract: keep the keys).
//! Unusable files are left out with one warning each.

use super::CleanOut;
use super::InputError;
use super::paint::{Paint, Tone, output_width};
use crate::display::wrap::{truncate, width};
use crate::session::{SessionInfo, Store, format_utc, list_sessions};
use crate::{clean, outln};
use serde::Serialize;

#[derive(Serialize)]
struct SessionJson<'a> {
    name: &'a str,
    saved: u64,
    view: &'static str,
    left: Option<&'a str>,
    right: Option<&'a str>,
    bookmarks: usize,
    path: String,
}

pub fn print(json: bool, paint: Paint, out: &mut CleanOut) -> anyhow::Result<()> {
    let store = Store::from_env().map_err(|e| InputError(e.to_string()))?;
    let all = list_sessions(store.dir()).map_err(|e| InputError(e.to_string()))?;
    let mut usable: Vec<&SessionInfo> = Vec::new();
    for info in &all {
        match &info.problem {
            Some(p) if p.kind.is_set_aside() => crate::diag::warn(&crate::clean!(
                "{p}; it is set aside when the session is next opened"
            )),
            Some(p) => crate::diag::warn(&crate::clean!("{p}; skipped")),
            None => usable.push(info),
        }
    }
    if json {
        let rows: Vec<SessionJson> = usable
            .iter()
            .map(|i| SessionJson {
                name: &i.name,
                saved: i.saved,
                view: i.view.name(),
                left: i.left.as_deref(),
                right: i.right.as_deref(),
                bookmarks: i.bookmarks,
                path: i.path.display().to_string(),
            })
            .collect();
        return out.json(&rows);
    }
    let dir = store.dir().display();
    if usable.is_empty() {
        outln!(out, "no saved sessions in {dir}")?;
        return Ok(());
    }
    table(&usable, paint, out)?;
    let count = clean!(
        "{} session{} in {dir}",
        usable.len(),
        if usable.len() == 1 { "" } else { "s" }
    );
    out.line(&paint.paint(Tone::Dim, &count))?;
    Ok(())
}

/// NAME, SAVED, VIEW, PAIR, BOOKMARKS; the pair's ids are cut to fit.
fn table(rows: &[&SessionInfo], paint: Paint, out: &mut CleanOut) -> anyhow::Result<()> {
    let name_w = rows
        .iter()
        .map(|i| width(&i.name))
        .max()
        .unwrap_or(4)
        .clamp(4, 24);
    // name, saved (20), view (7), bookmarks (9), four gaps.
    let fixed = name_w + 20 + 7 + 9 + 8;
    let pair_w = output_width().saturating_sub(fixed).max(9);
    let header = format!(
        "{:<name_w$}  {:<20}  {:<7}  {:<pair_w$}  {:>9}",
        "NAME", "SAVED", "VIEW", "PAIR", "BOOKMARKS"
    );
    out.line(&paint.paint(Tone::Bold, &clean!("{}", header.trim_end())))?;
    let side_w = pair_w.saturating_sub(3) / 2;
    for i in rows {
        let pair = match (&i.left, &i.right) {
            (Some(l), Some(r)) => format!("{} ⇄ {}", truncate(l, side_w), truncate(r, side_w)),
            (Some(one), None) | (None, Some(one)) => truncate(one, pair_w),
            (None, None) => "–".into(),
        };
        let name = truncate(&i.name, name_w);
        let rest = clean!(
            "{}  {:<20}  {:<7}  {}{}  {:>9}",
            " ".repeat(name_w.saturating_sub(width(&name))),
            format_utc(i.saved),
            i.view.name(),
            pair,
            " ".repeat(pair_w.saturating_sub(width(&pair))),
            i.bookmarks
        );
        out.line(&(paint.paint(Tone::Accent, &clean!("{name}")) + rest))?;
    }
    Ok(())
}
