//! Collection records → articles: the record's text is taken apart like a
//! text file's, its title becomes the first heading, and its fields give
//! the metadata (they win over what the text seems to say).

use super::classify::classify_counted;
use super::collection::{Record, Records, read_csv, read_json_lines};
use super::dates::iso_date;
use super::decode::decode;
use super::input::{Field, FieldMap, Format};
use super::metadata;
use super::model::{BlockKind, OutletSource};
use super::outlet::url_host;
use super::prepared::{Outcome, Prepared, Source, cut_warning, not_utf8_warning, stem_of, warn};
use super::sanitize::{sanitize, sanitize_line};
use super::segment::{RawBlock, segment_text};
use std::path::PathBuf;

/// Malformed records warned about one by one; past this, one line says
/// how many more there were.
const MAX_RECORD_WARNINGS: usize = 20;

pub fn prepare_collection(s: Source, fields: &FieldMap) -> Vec<Outcome> {
    let path = s.path.clone().unwrap_or_else(|| PathBuf::from(&s.name));
    let (text, encoding) = decode(&s.bytes);
    let Records {
        records,
        bad,
        keys_without_text,
    } = match s.format {
        Format::Csv => read_csv(&text, fields),
        _ => read_json_lines(&text, fields),
    };
    let mut out = Vec::with_capacity(records.len() + 2);
    if records.is_empty() && bad.is_empty() {
        let what = match s.format {
            Format::Csv => "no rows under the header",
            _ => "no records",
        };
        out.push(Outcome::Skipped(warn(&path, what.to_string())));
    }
    for b in bad.iter().take(MAX_RECORD_WARNINGS) {
        out.push(Outcome::Skipped(warn(
            &path,
            format!("line {}: {}; record skipped", b.line, b.why),
        )));
    }
    if bad.len() > MAX_RECORD_WARNINGS {
        out.push(Outcome::Skipped(warn(
            &path,
            format!(
                "{} more malformed records skipped",
                bad.len() - MAX_RECORD_WARNINGS
            ),
        )));
    }
    let stem = s.stem();
    let width = records.len().to_string().len();
    // Lines of records with no text field, and of records whose text
    // field is there but empty: each its own warning, since only the
    // first is helped by `--field`.
    let (mut no_text, mut empty_text) = (Vec::new(), Vec::new());
    // Records are taken apart on every core (a collection is often the
    // whole corpus, one file), in order.
    let mut work: Vec<(usize, Record)> = records.into_iter().enumerate().collect();
    let prepared = crate::parallel::map_mut(&mut work, |(n, record)| {
        let fallback_id = format!("{stem}-{:0width$}", *n + 1);
        let line = record.line;
        let has_field = record.text.is_some() || record.text_empty;
        (
            line,
            has_field,
            prepare_record(std::mem::take(record), fallback_id, s.path.clone()),
        )
    });
    for (line, has_field, p) in prepared {
        match p {
            Some(p) => out.push(Outcome::Loaded(p, None)),
            None if has_field => empty_text.push(line),
            None => no_text.push(line),
        }
    }
    if !empty_text.is_empty() {
        let lines = line_list(&empty_text);
        let n = empty_text.len();
        let what = format!("{n} record{} with empty text skipped", plural(n));
        out.push(Outcome::Skipped(warn(
            &path,
            format!("{what} (line{} {lines})", plural(n)),
        )));
    }
    if !no_text.is_empty() {
        out.push(Outcome::Skipped(warn(
            &path,
            no_text_message(&no_text, &keys_without_text, fields),
        )));
    }
    if let Some(cut) = cut_warning(&path, s.cut_at) {
        out.push(Outcome::Skipped(cut));
    }
    out.extend(not_utf8_warning(&path, encoding).map(Outcome::Skipped));
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// "3, 9, 12, 15, 20, …": the first five lines.
fn line_list(lines: &[usize]) -> String {
    let shown: Vec<String> = lines.iter().take(5).map(usize::to_string).collect();
    let more = if lines.len() > 5 { ", …" } else { "" };
    format!("{}{more}", shown.join(", "))
}

fn no_text_message(lines: &[usize], keys: &[String], fields: &FieldMap) -> String {
    let looked = fields.keys(Field::Text).join(", ");
    let keys = keys.iter().take(12).cloned().collect::<Vec<_>>().join(", ");
    format!(
        "{} record{} with no text (line {}; looked for {looked}; the record has {keys}); \
         name the text field with --field text=KEY",
        lines.len(),
        plural(lines.len()),
        line_list(lines),
    )
}

/// One record → one article; `None` when it has no text, or only blanks.
fn prepare_record(r: Record, fallback_id: String, path: Option<PathBuf>) -> Option<Prepared> {
    let mut hidden = 0;
    let mut line_field = |v: Option<String>| {
        v.map(|v| {
            let s = sanitize(&v.replace('\n', " "));
            hidden += s.hidden;
            s.text.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .filter(|v| !v.is_empty())
    };
    let title = line_field(r.title);
    let outlet = line_field(r.outlet);
    let date = line_field(r.date);
    let url = line_field(r.url);
    let author = line_field(r.author);
    let id = line_field(r.id);
    let text = sanitize(&decode(r.text?.as_bytes()).0);
    hidden += text.hidden;
    let mut raw: Vec<RawBlock> = Vec::new();
    if let Some(t) = &title {
        raw.push(RawBlock {
            text: t.clone(),
            line: r.line,
            group: usize::MAX,
            hint: Some(BlockKind::Heading),
        });
    }
    raw.extend(segment_text(&text.text).into_iter().map(|mut b| {
        // Every block of a record starts on the record's line.
        b.line = r.line;
        b
    }));
    if raw.iter().all(|b| b.hint.is_some()) {
        return None;
    }
    let (blocks, words) = classify_counted(raw);
    let mut meta = metadata::extract_counted(&blocks, words);
    if meta.outlet.is_some() {
        meta.outlet_source = Some(OutletSource::Text);
    }
    meta.title = title.or(meta.title);
    let host = url.as_deref().and_then(url_host);
    if let Some(o) = outlet {
        meta.outlet = Some(o);
        meta.outlet_source = Some(OutletSource::Record);
    } else if let Some(h) = host {
        meta.outlet = Some(h);
        meta.outlet_source = Some(OutletSource::UrlHost);
    }
    meta.date = date.map(|d| iso_date(&d).unwrap_or(d)).or(meta.date);
    meta.byline = author.or(meta.byline);
    meta.url = url;
    let stated_id = id.is_some().then_some(r.line);
    let stem = id.map_or(fallback_id, |id| sanitize_line(&id));
    Some(Prepared {
        stem: if stem.is_empty() {
            stem_of("record")
        } else {
            stem
        },
        path,
        meta,
        blocks,
        hidden,
        stated_id,
    })
}
