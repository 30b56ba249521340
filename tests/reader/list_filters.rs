//! `/` in the coverage matrix and in elsewhere narrows their rows as the
//! quotes and passages lists are narrowed: as the phrase is typed, the
//! title saying the filter and how many rows it leaves, enter keeping it,
//! esc clearing it with the entry selected kept. Keys typed into `App`
//! through the keymap, the frame read as text.

use crate::support::app::{builtin, screen_text, status_line, title_line};
use crate::typed::{keys, send};
use crossterm::event::KeyCode;
use parallax::ui::app::{App, ScreenId};

/// The body rows drawn with text (under the title and the two header
/// rows, above the status line).
fn rows_drawn(app: &App) -> usize {
    let text = screen_text(app);
    let lines: Vec<&str> = text.lines().collect();
    lines[3..lines.len() - 1]
        .iter()
        .filter(|l| !l.trim().is_empty())
        .count()
}

#[test]
fn slash_filters_the_matrix_rows_by_topic() {
    let mut app = builtin((120, 40), false);
    keys(&mut app, "M");
    assert_eq!(app.screen(), ScreenId::Matrix);
    let total = app.matrix().rows().len();
    // A topic is found by its label or the forms the articles write it in.
    let alaska: Vec<bool> = (app.analysis().topics.topics.iter())
        .map(|topic| {
            std::iter::once(topic.label.as_str())
                .chain(topic.coverage.forms.names())
                .any(|f| f.to_lowercase().contains("alaska"))
        })
        .collect();
    let holds = |t: usize| alaska[t];
    let with_alaska = app.matrix().rows().iter().filter(|&&t| holds(t)).count();
    assert!(
        with_alaska >= 1 && with_alaska < total,
        "{with_alaska} of {total}"
    );
    keys(&mut app, "/alaska");
    // Narrowed as typed, the count beside the prompt.
    assert!(
        status_line(&app).ends_with(&format!("of {total}")),
        "{}",
        status_line(&app)
    );
    send(&mut app, KeyCode::Enter);
    let listed: Vec<usize> = app.matrix().listed().collect();
    assert_eq!(listed.len(), with_alaska);
    assert!(listed.iter().all(|&t| holds(t)), "{}", screen_text(&app));
    assert_eq!(rows_drawn(&app), with_alaska, "{}", screen_text(&app));
    assert_eq!(app.matrix().rows().len(), total, "the rows themselves stay");
    let title = title_line(&app);
    let note = format!("Coverage · topics × articles · filter “alaska”: {with_alaska}");
    assert!(title.ends_with(&note), "{title}");
    // Moving stays in the rows kept; enter opens the topic selected.
    keys(&mut app, "G");
    let chosen = app.matrix().topic().expect("a row selected");
    assert!(holds(chosen));
    assert!(
        status_line(&app).starts_with(" topic "),
        "{}",
        status_line(&app)
    );
    // esc clears the filter, the topic still selected.
    send(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), ScreenId::Matrix);
    assert_eq!(app.matrix().topic(), Some(chosen));
    assert!(!title_line(&app).contains("filter"), "{}", title_line(&app));
    assert_eq!(app.matrix().listed().count(), total, "every row again");
    assert_eq!(rows_drawn(&app), total.min(40 - 4));
    // A phrase nothing holds says so, and enter keeps the prompt's word.
    keys(&mut app, "/zzzq");
    send(&mut app, KeyCode::Enter);
    let text = screen_text(&app);
    assert!(text.contains("No topic matches the filter"), "{text}");
    assert!(
        app.message()
            .is_some_and(|m| m.as_str().contains("Nothing in the list matches"))
    );
    send(&mut app, KeyCode::Esc);
    assert!(!title_line(&app).contains("filter"));
}

/// Elsewhere for a paragraph of 000 (the reader on its 24th block).
fn elsewhere_of_000(size: (u16, u16)) -> App {
    let mut app = builtin(size, false);
    let a000 = app.corpus().resolve("000").unwrap();
    app.open_reader(a000, Some(24));
    app.refresh_layouts();
    keys(&mut app, "e");
    app.refresh_layouts();
    assert_eq!(app.screen(), ScreenId::Elsewhere);
    app
}

/// The article of the row elsewhere has selected.
fn selected_article(app: &App) -> usize {
    let e = app.elsewhere();
    e.rows()[e.selected()].article
}

/// `/`, the phrase, enter: the title then.
fn filter_by(app: &mut App, phrase: &str) -> String {
    keys(app, &format!("/{phrase}"));
    send(app, KeyCode::Enter);
    title_line(app)
}

#[test]
fn slash_filters_elsewhere_by_outlet_id_or_words() {
    let mut app = elsewhere_of_000((100, 30));
    let all = app.elsewhere().rows().to_vec();
    assert_eq!(all.len(), 4, "every other article");
    let id = |app: &App, short: &str| app.corpus().resolve(short).unwrap();
    let a003 = id(&app, "003");
    // By outlet: MoneyOval is 003's alone.
    let title = filter_by(&mut app, "MoneyOval");
    // The filter note last, as in every list view, and whole: the
    // paragraph is what is cut.
    assert!(
        title.starts_with(" parallax │ Elsewhere · 000 #24: "),
        "{title}"
    );
    assert!(title.ends_with(" · filter “MoneyOval”: 1"), "{title}");
    assert_eq!(selected_article(&app), a003);
    let status = status_line(&app);
    assert!(status.starts_with(" 1/1 · 003"), "{status}");
    let text = screen_text(&app);
    let outlets = ["THE MAG POST", "MoneyOval"];
    let listed = text
        .lines()
        .skip(2)
        .filter(|l| outlets.iter().any(|o| l.contains(o)));
    assert_eq!(listed.count(), 1, "{text}");
    // Enter opens the row kept, not the first of the whole list.
    send(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), ScreenId::Compare);
    assert_eq!(app.compare().right(), a003);
    // Back: the list as it was left, filter and all.
    send(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), ScreenId::Elsewhere);
    assert!(title_line(&app).contains("filter “MoneyOval”: 1"));
    // esc clears it, 003 still selected.
    send(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), ScreenId::Elsewhere);
    assert!(!title_line(&app).contains("filter"), "{}", title_line(&app));
    assert_eq!(selected_article(&app), a003);
    let status = status_line(&app);
    assert!(
        status.contains(&format!("/{} · 003", all.len())),
        "{status}"
    );
    // By article id.
    let title = filter_by(&mut app, "004");
    assert!(title.contains("filter “004”: 1"), "{title}");
    assert_eq!(selected_article(&app), id(&app, "004"));
    send(&mut app, KeyCode::Esc);
    // By the words of the block listed.
    let words = all
        .iter()
        .find_map(|r| {
            let p = r.partner?;
            let b = &app.corpus().articles[r.article].blocks[p.block];
            let long = |w: &&str| w.len() > 8 && w.chars().all(char::is_alphabetic);
            Some(b.text.split_whitespace().find(long)?.to_lowercase())
        })
        .expect("a long word in a block listed");
    filter_by(&mut app, &words);
    let r = &app.elsewhere().rows()[app.elsewhere().selected()];
    let b = &app.corpus().articles[r.article].blocks[r.partner.unwrap().block];
    assert!(
        b.text.to_lowercase().contains(&words),
        "{words}: {}",
        b.text
    );
}
