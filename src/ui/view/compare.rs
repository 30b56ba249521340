//! Compare: two panes with a gutter of pairing marks between them, a header
//! naming each article, and a status line with pair, position, threshold.

use super::to_line;
use crate::ui::app::App;
use crate::ui::compare::{GUTTER, Side, pane_width};
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

/// "row 12/40 · ≈ 0.82 near · threshold 0.25 · locked".
pub fn status(app: &App) -> String {
    let c = &app.compare;
    let threshold = f64::from(c.threshold) / 100.0;
    if let Some(stage) = app.compare_stage() {
        let what = match stage {
            Stage::Pairing => "pairing paragraphs".to_string(),
            Stage::Diffing(done, total) => format!("word diffs {done}/{total}"),
            Stage::Layout => "laying out".to_string(),
        };
        return format!(" Comparing… {what} · threshold {threshold:.2}");
    }
    let Some(layout) = &c.layout else {
        return String::new();
    };
    let Some(data) = c.cache.get(&c.key()) else {
        return String::new();
    };
    let side = usize::from(c.focus == Side::Right && !c.locked);
    let row = layout.lines.get(c.scroll[side]).and_then(|l| l.row);
    let total = data.alignment.rows.len();
    let current = row.and_then(|r| data.alignment.rows.get(r));
    let sim = current.map_or(String::new(), |r| {
        let score = if r.left.is_some() && r.right.is_some() {
            format!(" {:.2}", r.similarity)
        } else {
            String::new()
        };
        format!(
            " {}{score}{}",
            kind_name(r.kind),
            if r.moved { " moved" } else { "" }
        )
    });
    let pairs = layout.match_lines.len();
    format!(
        " row {}/{}{sim} · {pairs} paired · threshold {:.2}{}",
        row.map_or(0, |r| r + 1),
        total,
        f64::from(c.threshold) / 100.0,
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
