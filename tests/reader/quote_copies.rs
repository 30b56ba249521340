//! The quotes view on the quotes corpus, driven by keys without a terminal
//! and drawn with ratatui's TestBackend: it flags altered wording, steps
//! through copies, and the reader follows a quote to its copies (the first
//! in the text when a paragraph has two).

use super::view_driver::*;
use parallax::ui::action::Action;
use parallax::ui::app::{App, ScreenId};
use ratatui::style::Modifier;

#[test]
fn the_quotes_view_flags_altered_quotes_and_shows_copies_side_by_side() {
    let mut app = quotes_corpus((120, 30));
    act(&mut app, &[Action::Quotes]);
    assert_eq!(app.screen(), ScreenId::Quotes);
    let text = screen_text(&render(&app));
    assert!(
        text.contains("Quotes · 10 · 5 in several articles · 2 altered"),
        "{text}"
    );
    let altered: Vec<&str> = text.lines().filter(|l| l.starts_with("≠ ")).collect();
    assert_eq!(altered.len(), 2, "{text}");
    assert!(
        altered
            .iter()
            .any(|l| l.contains("repairs cost") && l.contains("Ruiz"))
    );
    // Open the altered "repairs" quote: the changed word on each side.
    let g = app
        .analysis()
        .quotes
        .groups
        .iter()
        .position(|g| g.text().contains("repairs cost"))
        .unwrap();
    for _ in 0..g {
        act(&mut app, &[Action::ScrollDown]);
    }
    act(&mut app, &[Action::Confirm]);
    assert_eq!(app.screen(), ScreenId::Variants);
    let buf = render(&app);
    let text = screen_text(&buf);
    assert!(text.contains("wording altered · Ana Ruiz"), "{text}");
    // The reference (left) is the first copy in the corpus: daily's.
    let (y, lx, rx) = (2..buf.area.height)
        .find_map(|y| Some((y, find(&buf, y, 0, "much")?, find(&buf, y, 61, "far")?)))
        .expect("the changed word on both sides");
    assert!(lx < 58);
    assert!(buf[(lx, y)].modifier.contains(Modifier::REVERSED));
    assert!(buf[(rx, y)].modifier.contains(Modifier::UNDERLINED));
    // enter: the two articles compared, at the quote's paragraph.
    act(&mut app, &[Action::Confirm]);
    assert_eq!(app.screen(), ScreenId::Compare);
}

#[test]
fn keys_step_through_the_other_copies_and_wrap_with_a_message() {
    let mut app = quotes_corpus((120, 30));
    // The wire paragraph carried by all three outlets (one edited).
    let b = |id: &str| app.corpus().resolve(id).unwrap();
    let (wire, courier, daily) = (b("wire"), b("courier"), b("daily"));
    let g = passage_of(&app, "wire", 1);
    open_passage(&mut app, g);
    let members = &app.analysis().passages.groups[g].members;
    let articles: Vec<usize> = members.iter().map(|m| m.block.article).collect();
    assert_eq!(articles.len(), 3);
    let right = |app: &App| app.variants().showing().unwrap().1;
    let article_of =
        |app: &App, m: usize| app.analysis().passages.groups[g].members[m].block.article;
    let first = right(&app);
    act(&mut app, &[Action::NextMember]);
    let second = right(&app);
    assert_ne!(first, second);
    assert_ne!(first, 0);
    assert_ne!(second, 0);
    act(&mut app, &[Action::NextMember]);
    assert_eq!(right(&app), first, "wrapped");
    assert!(
        app.message()
            .is_some_and(|m| m.to_string().contains("Wrapped"))
    );
    act(&mut app, &[Action::PrevMember]);
    assert_eq!(right(&app), second);
    let shown: Vec<usize> = [first, second]
        .iter()
        .map(|&m| article_of(&app, m))
        .collect();
    let all = [wire, courier, daily];
    assert!(shown.iter().all(|a| all.contains(a)));
    // The edited copy shows its changed number.
    let text = screen_text(&render(&app));
    assert!(
        text.contains("Passage") && text.contains("origin and 2 copies side by side"),
        "{text}"
    );
}

#[test]
fn the_reader_follows_a_quote_to_its_copies() {
    let mut app = quotes_corpus((120, 30));
    let daily = app.corpus().resolve("daily").unwrap();
    // Block 2 of daily: the altered "repairs" quote.
    app.open_reader(daily, Some(2));
    let text = screen_text(&render(&app));
    let line = text.lines().nth(1).unwrap_or_default();
    assert!(line.starts_with(" ❝“The repairs cost much more"), "{text}");
    act(&mut app, &[Action::FollowQuote]);
    assert_eq!(app.screen(), ScreenId::Variants);
    let heads = row_text(&render(&app), 1);
    assert!(
        heads.contains("dai #2") && heads.contains("wir #4"),
        "{heads}"
    );
}

#[test]
fn the_quote_key_follows_the_first_quote_of_a_paragraph_with_two() {
    let corpus = parallax::corpus::load_paths(&[std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/quotes_speakers"
    ))])
    .expect("the quotes_speakers corpus loads");
    let mut app = app_on(corpus, (120, 30));
    let gazette = app.corpus().resolve("gazette").unwrap();
    // Block 3: a quote in one article, then one carried by all three.
    app.open_reader(gazette, Some(3));
    let text = screen_text(&render(&app));
    assert!(
        text.lines()
            .nth(1)
            .unwrap_or_default()
            .contains("“The building had been"),
        "{text}"
    );
    act(&mut app, &[Action::FollowQuote]);
    // A quote no other article carries opens in the quotes list.
    assert_eq!(app.screen(), ScreenId::Quotes);
    let g = app.quotes().selected();
    assert!(
        app.analysis().quotes.groups[g]
            .text()
            .starts_with("The building had been empty"),
        "{}",
        app.analysis().quotes.groups[g].text()
    );
}

/// `/` in the quotes view narrows the list as the phrase is typed (words,
/// speaker or outlet), as in the library; enter opens the quote kept, and
/// esc shows them all again.
#[test]
fn slash_filters_the_quote_list_by_words_speaker_or_outlet() {
    let mut app = quotes_corpus((120, 30));
    act(&mut app, &[Action::Quotes]);
    let total = app.analysis().quotes.groups.len();
    act(&mut app, &[Action::Search]);
    crate::typed::keys(&mut app, "Baker");
    let text = screen_text(&render(&app));
    let rows: Vec<&str> = text.lines().filter(|l| l.contains("Baker")).collect();
    assert!(rows.len() >= 2, "{text}");
    assert!(!text.contains("Ana Ruiz"), "only Baker's quotes: {text}");
    crate::typed::send(&mut app, crossterm::event::KeyCode::Enter);
    let title = screen_text(&render(&app))
        .lines()
        .next()
        .unwrap()
        .to_string();
    assert!(title.contains("filter “Baker”"), "{title}");
    // The second row kept is a Baker quote, opened by enter.
    act(&mut app, &[Action::ScrollDown]);
    let g = app.quotes().selected();
    let speaker = app.analysis().quotes.groups[g].speaker.clone();
    assert_eq!(speaker.as_deref(), Some("Tom Baker"), "group {g}");
    // esc clears the filter: every quote again, the one selected still.
    act(&mut app, &[Action::Back]);
    assert_eq!(app.screen(), ScreenId::Quotes);
    assert_eq!(app.quotes().selected(), g, "the selection is kept");
    let text = screen_text(&render(&app));
    assert!(text.contains(&format!("Quotes · {total} ·")), "{text}");
    assert!(text.contains("Ana Ruiz"), "{text}");
}

/// The side-by-side status offers `]` `[` only when there is another copy
/// to step to; a quote carried twice says what enter does, whole, at 80
/// columns (the step keys pushed it off the row, and stepping only said
/// "No other copy").
#[test]
fn the_status_offers_other_copies_only_when_there_are_some() {
    let mut app = quotes_corpus((80, 24));
    act(&mut app, &[Action::Quotes, Action::Confirm]);
    assert_eq!(app.screen(), ScreenId::Variants);
    let buf = render(&app);
    let status = row_text(&buf, 23);
    assert!(
        status.starts_with(" copy 1/1 on the right · same words"),
        "{status}"
    );
    assert!(!status.contains("other copies"), "{status}");
    assert!(status.contains(" · enter: in context"), "{status}");
    let mut three = quotes_corpus((120, 30));
    let g = passage_of(&three, "wire", 1);
    open_passage(&mut three, g);
    let status = row_text(&render(&three), 29);
    assert!(
        status.contains(" · ] [ other copies · enter: in context"),
        "{status}"
    );
}
