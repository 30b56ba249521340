//! The pair report in Markdown (GitHub flavour): metadata table, notes,
//! then every row with its word diff — ~~struck~~ words only in the left
//! article, **bold** words only in the right.

use super::escape::{line_start, md, md_inline, split_ws};
use super::fold::Item;
use super::model::{Note, note_place};
use super::pair_model::{PairReport, row_label};
use super::text::{generated_line, metadata_rows};
use crate::analysis::diff::{DiffOp, OpTag};
use crate::out::CleanOut;
use crate::outln;
use crate::session::format_utc;

pub fn write(r: &PairReport, out: &mut CleanOut) -> anyhow::Result<()> {
    let ids = r.corpus.short_ids();
    let (la, ra) = (&r.corpus.articles[r.left], &r.corpus.articles[r.right]);
    let (ls, rs) = (md(&ids[r.left]), md(&ids[r.right]));
    outln!(out, "# Comparison: {ls} ⇄ {rs}\n")?;
    outln!(
        out,
        "{}\n",
        md(&generated_line(&r.provenance, Some(&r.opts)))
    )?;
    outln!(
        out,
        "In paired rows, ~~struck~~ words are only in the left article ({ls}) and \
         **bold** words only in the right ({rs}).\n"
    )?;
    outln!(out, "## Articles\n")?;
    outln!(out, "| | Left | Right |\n| --- | --- | --- |")?;
    for (field, l, r) in metadata_rows(la, ra) {
        outln!(out, "| {field} | {} | {} |", md(&l), md(&r))?;
    }
    outln!(out)?;
    if r.provenance.session.is_some() {
        write_notes(r, &ids, out)?;
    }
    outln!(out, "## Rows\n")?;
    outln!(out, "{}\n", md(&r.summary()))?;
    for item in r.items() {
        match item {
            Item::Fold(fold) => outln!(out, "*{}*\n", md(&fold.text()))?,
            Item::Row(k) => write_row(r, k, out)?,
        }
    }
    Ok(())
}

fn write_notes(r: &PairReport, ids: &[String], out: &mut CleanOut) -> anyhow::Result<()> {
    outln!(out, "## Notes\n")?;
    if r.notes.is_empty() {
        let session = r.provenance.session.as_deref().unwrap_or_default();
        outln!(
            out,
            "No notes on these two articles in session {}.\n",
            md(session)
        )?;
        return Ok(());
    }
    for n in &r.notes {
        outln!(out, "{}", note_item(n, ids))?;
    }
    outln!(out)?;
    Ok(())
}

/// "- **Note 3** (compare, 2025-08-15 19:00 UTC; 000 ¶12 ⇄ 004 ¶30): text"
/// and the excerpt quoted under it.
pub fn note_item(n: &Note, ids: &[String]) -> String {
    let b = &n.bookmark;
    let places: Vec<String> = n.places().map(|p| note_place(ids, p)).collect();
    let mut line = format!(
        "- **Note {}** ({}, {}; {}): {}",
        b.id,
        b.view.name(),
        format_utc(b.created),
        md(&places.join(" ⇄ ")),
        md(&b.note)
    );
    if !n.quoted().is_empty() {
        line.push_str(&format!("\n  > {}", md(n.quoted())));
    }
    line
}

fn write_row(r: &PairReport, k: usize, out: &mut CleanOut) -> anyhow::Result<()> {
    let Some(row) = r.alignment.rows.get(k) else {
        return Ok(());
    };
    let (lb, rb) = r.blocks(row);
    // The label holds only numbers and kind names: nothing to escape.
    let mut header = format!("**{}**", row_label(row, lb, rb));
    let notes = r.notes_at(row);
    if !notes.is_empty() {
        let list: Vec<String> = notes.iter().map(u32::to_string).collect();
        header.push_str(&format!(" · note {}", list.join(", ")));
    }
    outln!(out, "{header}\n")?;
    if let Some(why) = r.why(row) {
        outln!(out, "*why: {}*\n", md(&why))?;
    }
    let ops = r.ops.get(k).map_or(&[][..], Vec::as_slice);
    match (lb, rb) {
        (Some(l), Some(_)) if ops.iter().all(|o| o.tag == OpTag::Equal) => {
            outln!(out, "{}\n", md(&l.text))?
        }
        (Some(_), Some(_)) if r.inline(k) => outln!(out, "{}\n", marked(ops, None))?,
        (Some(_), Some(_)) => {
            outln!(out, "- *Left:* {}", marked(ops, Some(OpTag::Delete)))?;
            outln!(out, "- *Right:* {}\n", marked(ops, Some(OpTag::Insert)))?;
        }
        (Some(b), None) | (None, Some(b)) => outln!(out, "{}\n", md(&b.text))?,
        (None, None) => {}
    }
    Ok(())
}

/// Ops as Markdown: all of them inline (`side` None), or one side's text
/// (equal ops and the `side` ops) with its changes marked.
fn marked(ops: &[DiffOp], side: Option<OpTag>) -> String {
    let shown: Vec<&DiffOp> = ops
        .iter()
        .filter(|op| match side {
            None => true,
            Some(keep) => op.tag == OpTag::Equal || op.tag == keep,
        })
        .collect();
    let mut out = String::new();
    for (k, op) in shown.iter().enumerate() {
        let (lead, core, trail) = split_ws(&op.text);
        let before = if lead.is_empty() {
            out.chars().last()
        } else {
            Some(' ')
        };
        let after = if trail.is_empty() {
            shown.get(k + 1).and_then(|next| next.text.chars().next())
        } else {
            Some(' ')
        };
        let html = !flanks(core, before, after);
        match op.tag {
            OpTag::Equal => out.push_str(&md_inline(&op.text)),
            // A deleted space inline would double the insertion's space.
            OpTag::Delete if core.is_empty() => {
                if side.is_some() {
                    out.push_str(&op.text);
                }
            }
            OpTag::Insert if core.is_empty() => out.push_str(&op.text),
            OpTag::Delete if html => {
                out.push_str(&format!("{lead}<del>{}</del>{trail}", md_inline(core)))
            }
            OpTag::Insert if html => {
                out.push_str(&format!(
                    "{lead}<strong>{}</strong>{trail}",
                    md_inline(core)
                ));
            }
            OpTag::Delete => out.push_str(&format!("{lead}~~{}~~{trail}", md_inline(core))),
            OpTag::Insert => out.push_str(&format!("{lead}**{}**{trail}", md_inline(core))),
        }
    }
    line_start(out)
}

/// Whether `~~` or `**` around `core` open and close where they stand
/// (CommonMark's flanking rules): a marker touching punctuation on its
/// inner side must have a space or punctuation on its outer side. Where
/// they would not ("estate~~, forcing …~~", the comma deleted), the run is
/// marked with HTML tags, which look the same once rendered and need no
/// flanking.
fn flanks(core: &str, before: Option<char>, after: Option<char>) -> bool {
    let punct = |c: char| !c.is_alphanumeric() && !c.is_whitespace();
    let loose = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || punct(c));
    let opens = !core.starts_with(punct) || loose(before);
    let closes = !core.ends_with(punct) || loose(after);
    opens && closes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(tag: OpTag, text: &str) -> DiffOp {
        DiffOp {
            tag,
            text: text.into(),
        }
    }

    #[test]
    fn markers_hug_the_words() {
        let ops = [
            op(OpTag::Equal, "Media "),
            op(OpTag::Delete, "Framing "),
            op(OpTag::Insert, "framing "),
            op(OpTag::Equal, "and *stars*"),
        ];
        assert_eq!(
            marked(&ops, None),
            r"Media ~~Framing~~ **framing** and \*stars\*"
        );
        assert_eq!(
            marked(&ops, Some(OpTag::Delete)),
            r"Media ~~Framing~~ and \*stars\*"
        );
        assert_eq!(
            marked(&ops, Some(OpTag::Insert)),
            r"Media **framing** and \*stars\*"
        );
    }

    #[test]
    fn a_run_starting_or_ending_on_punctuation_inside_a_word_is_tagged() {
        // The deleted ", forcing" follows "estate" directly: `~~` there
        // could not open, so the run is tagged; the inserted ". Agrivale"
        // likewise; a run of words between spaces keeps its markers.
        let ops = [
            op(OpTag::Equal, "the estate"),
            op(OpTag::Delete, ", forcing the county"),
            op(OpTag::Equal, " fire"),
            op(OpTag::Insert, ". Agrivale said"),
            op(OpTag::Equal, " it "),
            op(OpTag::Delete, "burned."),
            op(OpTag::Equal, "Then"),
        ];
        assert_eq!(
            marked(&ops, None),
            "the estate<del>, forcing the county</del> fire<strong>. Agrivale said</strong> \
             it <del>burned.</del>Then"
        );
        assert_eq!(marked(&ops[..3], Some(OpTag::Insert)), "the estate fire");
    }
}
