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
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

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

/// Each article id the sessions name, shortened as the library shortens
/// it: to the shortest prefix, of at least three characters, that no
/// other id of the same corpus starts with. The listing loads no corpus
/// (it may be large, or remote), so "the same corpus" is the ids its
/// sessions name; for the built-in one, cheap to load, its own ids too,
/// so the table shows the very ids the library does.
fn short_ids(rows: &[&SessionInfo]) -> HashMap<String, String> {
    let mut by_corpus: BTreeMap<&[PathBuf], Vec<String>> = BTreeMap::new();
    for info in rows {
        let ids = by_corpus.entry(info.corpus.as_slice()).or_default();
        ids.extend(info.articles.iter().map(|id| id.as_str().to_string()));
    }
    if let Some(ids) = by_corpus.get_mut([].as_slice()) {
        let builtin = crate::corpus::load_builtin();
        ids.extend(builtin.articles.into_iter().map(|a| a.id));
    }
    let mut out = HashMap::new();
    for (_, ids) in by_corpus {
        for (id, short) in unique_prefixes(ids) {
            // Two corpora may name one id; either's prefix reads the same.
            out.entry(id).or_insert(short);
        }
    }
    out
}

/// Each of `ids` with its shortest prefix of at least three characters
/// that no other id starts with: in sorted order, one character past the
/// longest prefix shared with a neighbour.
fn unique_prefixes(mut ids: Vec<String>) -> Vec<(String, String)> {
    ids.sort();
    ids.dedup();
    let common = |a: &str, b: &str| a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    (0..ids.len())
        .map(|k| {
            let id = &ids[k];
            let before = k.checked_sub(1).map_or(0, |p| common(id, &ids[p]));
            let after = ids.get(k + 1).map_or(0, |n| common(id, n));
            let chars = before.max(after).saturating_add(1).max(3);
            (id.clone(), id.chars().take(chars).collect())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::unique_prefixes;

    #[test]
    fn prefixes_are_three_characters_or_one_past_what_a_neighbour_shares() {
        let ids = [
            "002_52513487",
            "001_dcc2ccb4",
            "coastal_a",
            "coastal_b",
            "001_dcc2ccb4",
        ];
        let got = unique_prefixes(ids.map(String::from).to_vec());
        let shorts: Vec<&str> = got.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(shorts, ["001", "002", "coastal_a", "coastal_b"]);
        assert_eq!(
            unique_prefixes(vec!["ab".into()]),
            [("ab".into(), "ab".into())]
        );
    }
}
