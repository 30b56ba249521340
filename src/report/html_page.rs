//! The HTML page around a report: self-contained (inline CSS, no scripts,
//! no external resources), readable in print, in dark mode and without
//! colour (deletions are struck through, insertions underlined).

use super::escape::html;
use crate::corpus::sanitize::Clean;
use crate::out::CleanOut;
use crate::outln;

const CSS: &str = "\
:root{color-scheme:light dark;--fg:#1b1b1b;--muted:#5d5d5d;--line:#dedede;--band:#f4f4f4;\
--del-bg:#ffd8d3;--del-fg:#86181d;--ins-bg:#cdf5d6;--ins-fg:#0b5a1f;--shade:34,94,168}\
@media (prefers-color-scheme:dark){:root{--fg:#e6e6e6;--muted:#a8a8a8;--line:#3a3a3a;\
--band:#242424;--del-bg:#5c1f1f;--del-fg:#ffc4bd;--ins-bg:#1d4a2a;--ins-fg:#c3f5cf;--shade:120,170,240}}\
body{font:16px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--fg);\
max-width:78rem;margin:2rem auto;padding:0 1rem}\
h1{font-size:1.6rem;margin:0 0 .4rem}h2{font-size:1.25rem;margin:2rem 0 .6rem;\
border-bottom:1px solid var(--line);padding-bottom:.2rem}\
.lede,.legend,.summary{color:var(--muted);margin:.3rem 0}\
table{border-collapse:collapse;width:100%;margin:.5rem 0}\
th,td{text-align:left;vertical-align:top;padding:.35rem .6rem;border-bottom:1px solid var(--line)}\
thead th{border-bottom:2px solid var(--line)}\
table.rows td{width:50%}table.meta td{width:42%}table.pairs td:first-child{white-space:nowrap}table.rows td.gap{background:var(--band)}\
tr.label th{font-weight:600;font-size:.82rem;color:var(--muted);background:var(--band)}\
tr.fold td{font-size:.85rem;font-style:italic;color:var(--muted)}\
del{background:var(--del-bg);color:var(--del-fg);text-decoration:line-through}\
ins{background:var(--ins-bg);color:var(--ins-fg);text-decoration:underline}\
.num{text-align:right;font-variant-numeric:tabular-nums}\
.notes li{margin:.5rem 0}.notes blockquote,blockquote{margin:.3rem 0;padding-left:.8rem;\
border-left:3px solid var(--line);color:var(--muted)}\
a.noteref{font-weight:normal;margin-left:.4rem}\
span.why{display:block;font-weight:normal}\
table.coverage td.cell{text-align:center;font-family:ui-monospace,monospace}\
table.coverage th.art{writing-mode:vertical-rl;transform:rotate(180deg);font-weight:normal}\
.w1{background:rgba(var(--shade),.15)}.w2{background:rgba(var(--shade),.35)}\
.w3{background:rgba(var(--shade),.6)}.w4{background:rgba(var(--shade),.85);color:#fff}\
code{font-family:ui-monospace,monospace;font-size:.92em}\
@media (max-width:45rem){table.rows td{display:block;width:auto}}\
@media print{body{max-width:none;margin:0}tr{break-inside:avoid}}";

/// Write a whole page; `body` is trusted HTML built by the report writers
/// (every piece of article text in it already escaped).
pub fn page(title: &str, body: &str, out: &mut CleanOut) -> anyhow::Result<()> {
    outln!(out, "<!DOCTYPE html>")?;
    outln!(out, "<html>")?;
    outln!(out, "<head>")?;
    outln!(out, "<meta charset=\"utf-8\">")?;
    outln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    outln!(out, "<meta name=\"generator\" content=\"parallax\">")?;
    outln!(out, "<title>{}</title>", html(title))?;
    outln!(out, "<style>{CSS}</style>")?;
    outln!(out, "</head>")?;
    outln!(out, "<body>")?;
    // Built by the report writers from escaped pieces; passes the
    // sanitiser here like any other output.
    out.put(&Clean::text(body))?;
    outln!(out, "</body>")?;
    outln!(out, "</html>")?;
    Ok(())
}
