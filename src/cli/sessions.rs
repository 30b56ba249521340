//! `parallax sessions`: the saved reading sessions.
//!
//! JSON: an array of `{"name", "saved" (unix seconds), "view", "left",
//! "right", "bookmarks" (count), "path"}` (a contract: keep the keys).
//! Unusable files are left out with one warning each.

use super::CleanOut;
use super::InputError;
use super::paint::{Paint, Tone, output_width};
use crate::corpus::sanitize::Clean;
use crate::display::wrap::{truncate, width};
use crate::session::{SessionInfo, Store, format_utc, list_sessions};
use crate::{clean, outln};
use serde::Serialize;
use std::collections::HashMap;

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

/// NAME, SAVED, VIEW, PAIR, BOOKMARKS; the pair by short ids, cut to fit.
fn table(rows: &[&SessionInfo], paint: Paint, out: &mut CleanOut) -> anyhow::Result<()> {
    let short = short_ids(rows);
    let short = |id: &Clean| {
        let id = id.as_str();
        short.get(id).map_or(id, String::as_str).to_string()
    };
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
    // Each side whole when both fit; else the shorter keeps up to half.
    let sides_w = |l: &str, r: &str| {
        let (lw, rw, room) = (width(l), width(r), pair_w.saturating_sub(3));
        let left = if lw + rw <= room {
            lw
        } else if lw <= rw {
            lw.min(room / 2)
        } else {
            room - rw.min(room / 2)
        };
        (left, room - left)
    };
    for i in rows {
        let pair = match (&i.left, &i.right) {
            (Some(l), Some(r)) => {
                let (l, r) = (short(l), short(r));
                let (lw, rw) = sides_w(&l, &r);
                format!("{} ⇄ {}", truncate(&l, lw), truncate(&r, rw))
            }
            (Some(one), None) | (None, Some(one)) => truncate(&short(one), pair_w),
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

/// The built-in corpus's article ids the sessions name, shortened as the
/// library shortens them (`corpus::short_id`). The listing loads no other
/// corpus (it may be large, or remote), and a prefix unique among the ids
/// its sessions name may start five of its articles' ids: those are shown
/// whole, cut to fit.
fn short_ids(rows: &[&SessionInfo]) -> HashMap<String, String> {
    if !rows.iter().any(|info| info.corpus.is_empty()) {
        return HashMap::new();
    }
    let builtin = crate::corpus::load_builtin();
    builtin
        .articles
        .iter()
        .map(|a| a.id.clone())
        .zip(builtin.short_ids())
        .collect()
}
