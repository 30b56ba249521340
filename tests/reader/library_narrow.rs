//! The library at 40 columns gives its room to columns with content: an
//! outlet column no article fills is left out, and the title keeps at
//! least 20 columns.

use parallax::analysis::Analysis;
use parallax::corpus::{self, Corpus};
use parallax::ui::app::App;
use parallax::ui::keymap::Keymap;
use parallax::ui::theme::Theme;
use parallax::ui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn rows(corpus: Corpus, size: (u16, u16)) -> Vec<String> {
    let analysis = Analysis::build(&corpus);
    let mut app = App::new(
        corpus,
        analysis,
        Keymap::default_keymap(),
        Theme { color: false },
        size,
    );
    app.refresh_layouts();
    let mut term = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
    term.draw(|f| view::draw(f, &app)).unwrap();
    let buf = term.backend().buffer().clone();
    (0..size.1)
        .map(|y| (0..size.0).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

/// How wide the TITLE column is in the header: from TITLE to the first
/// column header after it (the title's header may go on to name the
/// columns it has no room for: "TITLE −MIN −EVENT").
fn title_width(header: &str) -> usize {
    const COLUMNS: [&str; 7] = ["OUTLET", "DATE", "MIN", "WORDS", "SHARED", "REP", "EVENT"];
    let chars: Vec<char> = header.chars().collect();
    let start = header[..header.find("TITLE").unwrap()].chars().count();
    // Words after TITLE, with where each starts.
    let mut words: Vec<(usize, String)> = Vec::new();
    for (i, c) in chars.iter().enumerate().skip(start + 5) {
        if *c == ' ' {
            continue;
        }
        match words.last_mut() {
            Some((at, w)) if *at + w.chars().count() == i => w.push(*c),
            _ => words.push((i, c.to_string())),
        }
    }
    // The columns are the words at the end that are plain headers, after
    // the title header's own words (which end in "," or "for" or "·").
    let first_column = words
        .iter()
        .rposition(|(_, w)| !COLUMNS.contains(&w.as_str()))
        .map_or(0, |i| i + 1);
    let in_note = |w: &str| w == "for" || w.ends_with(',');
    let first_column = if first_column > 0 && in_note(&words[first_column - 1].1) {
        first_column + 1
    } else {
        first_column
    };
    words.get(first_column).map_or(chars.len(), |(at, _)| *at) - start
}

#[test]
fn without_outlets_the_title_takes_the_room() {
    let dir = tempfile::tempdir().unwrap();
    for (name, title) in [
        ("a", "Harbour reopens after the long storm repairs"),
        ("b", "Council approves the new harbour budget"),
    ] {
        let text = format!("{title}\n\nThe harbour reopened on Tuesday after repairs.\n");
        std::fs::write(dir.path().join(format!("{name}.txt")), text).unwrap();
    }
    let corpus = corpus::load_paths(&[dir.path().to_path_buf()]).unwrap();
    assert!(corpus.articles.iter().all(|a| a.meta.outlet.is_none()));
    let shown = rows(corpus, (40, 10));
    let header = &shown[1];
    assert!(!header.contains("OUTLET"), "{header}");
    assert!(title_width(header) >= 20, "{shown:#?}");
    assert!(shown[2].contains("Harbour reopens aft"), "{shown:#?}");
}

#[test]
fn with_outlets_at_40_columns_the_title_still_keeps_room() {
    let shown = rows(corpus::load_builtin(), (40, 10));
    let header = &shown[1];
    assert!(header.contains("OUTLET"), "{header}");
    assert!(title_width(header) >= 20, "{shown:#?}");
    // What the width leaves out is said, not lost unseen.
    assert!(header.contains("−"), "{header}");
}

#[test]
fn a_cut_title_keeps_its_hidden_characters_mark() {
    // A long title with control characters in the text: at any width the
    // row says how many were hidden, the title giving way before it.
    let dir = tempfile::tempdir().unwrap();
    let title = "Harbour reopens after the long storm repairs of the winter";
    let text = format!("{title}\n\nThe harbour \u{1b}[2J reopened \u{7} on Tuesday.\n");
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let corpus = corpus::load_paths(&[dir.path().to_path_buf()]).unwrap();
    let hidden = corpus.articles[0].hidden_chars;
    assert!(hidden > 0);
    for width in [40, 60, 80] {
        let shown = rows(corpus.clone(), (width, 8));
        let row = shown.iter().find(|r| r.contains("Harbour")).unwrap();
        assert!(row.contains(&format!("⚠{hidden}")), "{width}: {row}");
        assert!(row.contains('…'), "{width}: the title is cut: {row}");
    }
}
