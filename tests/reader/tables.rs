//! Tables look like tables: the pipe tables of the built-in articles 000,
//! 001 and 004 are drawn as aligned columns in the reader and in compare
//! (column widths from the table's rows), not as raw `| … |` text, and
//! the word diff of a paired row still shows cell by cell.

use parallax::analysis::Analysis;
use parallax::corpus::{self, BlockKind};
use parallax::ui::action::Action;
use parallax::ui::app::App;
use parallax::ui::keymap::Keymap;
use parallax::ui::styled::Tag;
use parallax::ui::theme::Theme;
use parallax::ui::update::Msg;
use parallax::ui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(size: (u16, u16)) -> App {
    let corpus = corpus::load_builtin();
    let analysis = Analysis::build(&corpus);
    let mut app = App::new(
        corpus,
        analysis,
        Keymap::default_keymap(),
        Theme { color: false },
        size,
    );
    app.refresh_layouts();
    app
}

fn screen(app: &App) -> Vec<String> {
    let (w, h) = app.size();
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::draw(f, app)).unwrap();
    let buf = term.backend().buffer().clone();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

/// The column (in characters) of every `│` separator on a line.
fn separators(line: &str) -> Vec<usize> {
    line.chars()
        .enumerate()
        .filter(|(_, c)| *c == '│')
        .map(|(i, _)| i)
        .collect()
}

fn first_table_row(app: &App, article: usize) -> usize {
    app.corpus().articles[article]
        .blocks
        .iter()
        .position(|b| b.kind == BlockKind::TableRow)
        .expect("a table")
}

#[test]
fn the_reader_draws_tables_as_aligned_columns() {
    for (id, width) in [
        ("000", 80u16),
        ("001", 80),
        ("004", 80),
        ("004", 44),
        ("001", 200),
    ] {
        let mut app = app((width, 30));
        let a = app.corpus().resolve(id).unwrap();
        let row = first_table_row(&app, a);
        app.open_reader(a, Some(row));
        app.refresh_layouts();
        let shown = screen(&app);
        let body = &shown[1..shown.len() - 1];
        let table: Vec<&String> = body.iter().take_while(|l| !l.trim().is_empty()).collect();
        assert!(table.len() >= 3, "{id} at {width}: {shown:#?}");
        let at = separators(table[0]);
        assert_eq!(at.len(), 1, "{id} at {width}: two columns: {:?}", table[0]);
        for line in &table {
            assert_eq!(
                separators(line),
                at,
                "{id} at {width}: lined up: {shown:#?}"
            );
            assert!(
                !line.contains('|'),
                "{id} at {width}: no raw pipes: {line:?}"
            );
            assert!(line.chars().count() <= usize::from(width));
        }
        // The first column is as wide as its widest cell (plus a space).
        let key_cells: Vec<&str> = app.corpus().articles[a].blocks[row..]
            .iter()
            .take_while(|b| b.kind == BlockKind::TableRow)
            .map(|b| b.text.split('|').next().unwrap().trim())
            .collect();
        let widest = key_cells.iter().map(|c| c.chars().count()).max().unwrap();
        if width >= 80 {
            assert_eq!(at[0], 2 + widest + 1, "{id}: {shown:#?}");
        }
    }
}

#[test]
fn compare_draws_each_side_in_columns_and_keeps_the_word_diff() {
    let mut app = app((120, 50));
    let (a, b) = (
        app.corpus().resolve("000").unwrap(),
        app.corpus().resolve("001").unwrap(),
    );
    app.open_compare(a, b);
    // Low enough that a table row of 000 pairs with one of 001 in other
    // words ("Venue" with "Venue & timing", 0.06 with the model fitted on
    // 2026-11-30): the word diff must then show inside the cells.
    while app.compare().threshold().percent() > 5 {
        app.update(Msg::Action(Action::ThresholdDown));
    }
    app.refresh_layouts();
    let layout = app.compare().layout().expect("laid out");
    let pane = layout.pane_width;
    let rows: Vec<_> = layout
        .lines
        .iter()
        .filter(|l| {
            let text: String = l.left.iter().map(|(t, _)| t.as_str()).collect();
            text.contains(" │ ")
        })
        .collect();
    assert!(rows.len() >= 4, "000's table rows are in columns");
    let text = |l: &parallax::ui::styled::StyledLine| -> String {
        l.iter().map(|(t, _)| t.as_str()).collect()
    };
    let at = separators(&text(&rows[0].left));
    for l in &rows {
        assert_eq!(separators(&text(&l.left)), at, "left column lined up");
        assert!(text(&l.left).chars().count() <= pane);
        assert!(!text(&l.left).contains('|'));
    }
    // A paired table row keeps its word diff, inside the cells.
    let diffed = layout.lines.iter().any(|l| {
        let t = text(&l.left);
        t.contains(" │ ") && l.left.iter().any(|(_, tag)| *tag == Tag::Deleted)
    }) || layout.lines.iter().any(|l| {
        let t = text(&l.right);
        t.contains(" │ ") && l.right.iter().any(|(_, tag)| *tag == Tag::Inserted)
    });
    assert!(diffed, "a paired table row shows its word diff");
}
