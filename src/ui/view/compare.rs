//! Compare: two panes with a gutter of pairing marks between them, a header
//! naming each article, and a status line with pair, position, threshold.

use super::to_line;
use crate::ui::app::App;
use crate::ui::compare::{GUTTER, PairData, Side, pane_width};
use crate::ui::compare_work::Stage;
use crate::ui::styled::Tag;
use crate::wrap::truncate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let c = &app.compare;
    let pane = pane_width(usize::from(area.width)) as u16;
    let left_area = Rect {
        width: pane.min(area.width),
        ..area
    };
    let gutter_x = area.x + pane;
    let right_x = gutter_x + GUTTER as u16;
    let right_area = Rect {
        x: right_x,
        width: area.right().saturating_sub(right_x),
        ..area
    };
    let gutter = Rect {
        x: gutter_x,
        width: GUTTER as u16,
        ..area
    };

    for (side, rect, article) in [
        (Side::Left, left_area, c.left),
        (Side::Right, right_area, c.right),
    ] {
        let a = &app.corpus.articles[article];
        let focus = !c.locked && c.focus == side;
        let head = format!(
            "{}{} · {}",
            if focus { "▶ " } else { "" },
            app.short_ids[article],
            a.label()
        );
        let tag = if focus { Tag::Selected } else { Tag::Accent };
        frame.render_widget(
            Line::styled(
                truncate(&head, usize::from(rect.width)),
                app.theme.style(tag),
            ),
            Rect { height: 1, ..rect },
        );
    }
    let key = c.key();
    let Some(layout) = c
        .layout
        .as_ref()
        .filter(|l| c.job.is_none() && (l.key.0, l.key.1, l.key.2) == key)
    else {
        // Still being paired (or waiting for the analysis): say so under
        // the headers; the status line counts the progress.
        let note = if app.analysing {
            "Waiting for the analysis…"
        } else {
            "Comparing… (keys work meanwhile: esc goes back, + and - change the threshold)"
        };
        let line = Rect {
            y: area.y + 2,
            height: 1,
            ..area
        };
        if area.height > 2 {
            frame.render_widget(
                Line::styled(
                    truncate(note, usize::from(area.width)),
                    app.theme.style(Tag::Dim),
                ),
                line,
            );
        }
        return;
    };
    let rows = usize::from(area.height).saturating_sub(1);
    for i in 0..rows {
        let y = area.y + 1 + i as u16;
        if let Some(line) = layout.lines.get(c.scroll[0] + i) {
            frame.render_widget(
                to_line(app, &line.left),
                Rect {
                    y,
                    height: 1,
                    ..left_area
                },
            );
            if c.locked {
                frame.render_widget(
                    to_line(app, &line.mark),
                    Rect {
                        y,
                        height: 1,
                        ..gutter
                    },
                );
            }
        }
        if let Some(line) = layout.lines.get(c.scroll[1] + i) {
            frame.render_widget(
                to_line(app, &line.right),
                Rect {
                    y,
                    height: 1,
                    ..right_area
                },
            );
        }
    }
}

/// The alignment row at the top of the focused pane, if laid out.
fn top_row(app: &App) -> Option<(&PairData, usize)> {
    let c = &app.compare;
    let layout = c.layout.as_ref()?;
    let data = c.cache.get(&c.key())?;
    let side = usize::from(c.focus == Side::Right && !c.locked);
    let row = layout.lines.get(c.scroll[side])?.row?;
    Some((data, row))
}

/// "why 8↔9: Alaska · rhetoric, framed": what the row at the top pairs on,
/// for the title bar (paraphrase rows, and unpaired rows that make the
/// point of a block paired elsewhere).
pub fn why(app: &App) -> Option<String> {
    let (data, k) = top_row(app)?;
    let row = data.alignment.rows.get(k)?;
    let paraphrase = row.kind == crate::analysis::align::RowKind::Related || row.also.is_some();
    if !paraphrase {
        return None;
    }
    let e = data.comparison.evidence(&app.corpus, row)?.explanation;
    let mut parts: Vec<String> = Vec::new();
    if !e.names.is_empty() {
        parts.push(e.names.join(", "));
    }
    if !e.numbers.is_empty() {
        parts.push(e.numbers.join(", "));
    }
    if let Some(q) = &e.quote {
        parts.push(format!("“{q}”"));
    }
    if !e.terms.is_empty() {
        parts.push(e.terms.join(", "));
    }
    let (l, r) = match (row.left, row.right, row.also) {
        (Some(l), Some(r), _) => (l, r),
        (Some(l), None, Some(r)) => (l, r),
        (None, Some(r), Some(l)) => (l, r),
        _ => return None,
    };
    (!parts.is_empty()).then(|| format!("why {l}↔{r}: {}", parts.join(" · ")))
}

/// "row 12/40 · ≈ 0.82 near · threshold 0.25 · locked".
pub fn status(app: &App) -> String {
    let c = &app.compare;
    let threshold = c.threshold;
    if let Some(stage) = app.compare_stage() {
        let what = match stage {
            Stage::Pairing => "pairing paragraphs".to_string(),
            Stage::Diffing(done, total) => format!("word diffs {done}/{total}"),
            Stage::Layout => "laying out".to_string(),
        };
        return format!(" Comparing… {what} · threshold {threshold}");
    }
    let Some(layout) = &c.layout else {
        return String::new();
    };
    let Some(data) = c.cache.get(&c.key()) else {
        return String::new();
    };
    let row = top_row(app).map(|(_, k)| k);
    let total = data.alignment.rows.len();
    let current = row.and_then(|r| data.alignment.rows.get(r));
    let sim = current.map_or(String::new(), |r| {
        let score = if r.kind.is_paired() || r.also.is_some() {
            format!(" {:.2}", r.similarity)
        } else {
            String::new()
        };
        let also = r.also.map_or(String::new(), |k| format!(" (also {k})"));
        format!(
            " {}{score}{also}{}",
            kind_name(r.kind),
            if r.moved { " moved" } else { "" }
        )
    });
    let pairs = layout.match_lines.len();
    format!(
        " row {}/{}{sim} · {pairs} paired · threshold {}{}",
        row.map_or(0, |r| r + 1),
        total,
        c.threshold,
        if c.locked { "" } else { " · unlocked" }
    )
}

fn kind_name(kind: crate::analysis::align::RowKind) -> &'static str {
    use crate::analysis::align::RowKind;
    match kind {
        RowKind::Identical => "identical",
        RowKind::Near => "near",
        RowKind::Related => "related",
        RowKind::LeftOnly => "left only",
        RowKind::RightOnly => "right only",
    }
}
