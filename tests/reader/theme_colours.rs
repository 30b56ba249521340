//! Colours that match the words: the README says inserted text is
//! underlined and deleted text struck through; in colour they are green
//! and red on top of that. No style may depend on a palette colour that
//! is dark in common 16-colour themes (black text, bright black, or any
//! fixed background).

use parallax::analysis::Analysis;
use parallax::corpus;
use parallax::ui::action::Action;
use parallax::ui::app::App;
use parallax::ui::keymap::Keymap;
use parallax::ui::styled::Tag;
use parallax::ui::theme::Theme;
use parallax::ui::update::Msg;
use parallax::ui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

const TAGS: [Tag; 15] = Tag::ALL;

#[test]
fn the_colour_theme_uses_text_colours_only() {
    let theme = Theme { color: true };
    for tag in TAGS {
        let style = theme.style(tag);
        assert_eq!(style.bg, None, "{tag:?}: no fixed background");
        assert!(
            !matches!(style.fg, Some(Color::Black | Color::DarkGray)),
            "{tag:?}: {:?} is the background in some palettes",
            style.fg
        );
    }
}

#[test]
fn inserted_is_underlined_and_deleted_struck_through_in_both_themes() {
    let colour = Theme { color: true };
    let inserted = colour.style(Tag::Inserted);
    assert!(inserted.add_modifier.contains(Modifier::UNDERLINED));
    assert_eq!(inserted.fg, Some(Color::Green));
    let deleted = colour.style(Tag::Deleted);
    assert!(deleted.add_modifier.contains(Modifier::CROSSED_OUT));
    assert_eq!(deleted.fg, Some(Color::Red));
    let plain = Theme { color: false };
    assert!(
        plain
            .style(Tag::Inserted)
            .add_modifier
            .contains(Modifier::UNDERLINED)
    );
    assert!(
        plain
            .style(Tag::Deleted)
            .add_modifier
            .contains(Modifier::REVERSED)
    );
}

#[test]
fn the_compare_view_underlines_inserted_words_in_colour() {
    let corpus = corpus::load_builtin();
    let analysis = Analysis::build(&corpus);
    let mut app = App::new(
        corpus,
        analysis,
        Keymap::default_keymap(),
        Theme { color: true },
        (120, 40),
    );
    app.open_compare(0, 2);
    app.refresh_layouts();
    app.update(Msg::Action(Action::NextMatch));
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    term.draw(|f| view::draw(f, &app)).unwrap();
    let buf = term.backend().buffer().clone();
    let green: Vec<_> = buf
        .content()
        .iter()
        .filter(|c| c.fg == Color::Green && c.symbol() != " ")
        .collect();
    assert!(!green.is_empty(), "inserted words on screen");
    assert!(
        green
            .iter()
            .all(|c| c.modifier.contains(Modifier::UNDERLINED)),
        "every inserted character is underlined"
    );
}
