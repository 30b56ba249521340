//! The help's lower sections read apart: the counts note and the search
//! help are separated by a blank line as every other section is, and the
//! palette's marks, listed under every view's, sit under a line saying
//! they are the palette's (under the library they read as the library's
//! own: it draws no § # @).

use parallax::ui::action::ViewId;
use parallax::ui::keymap::Keymap;
use parallax::ui::overlays::help::help_lines;

fn help_text(view: ViewId) -> Vec<String> {
    let keymap = Keymap::default_keymap();
    help_lines(&keymap, view, 80)
        .iter()
        .map(|l| l.iter().map(|(t, _)| t.as_str()).collect())
        .collect()
}

#[test]
fn the_palettes_marks_are_said_to_be_the_palettes() {
    let lines = help_text(ViewId::Library);
    let at = |start: &str| lines.iter().position(|l| l.starts_with(start));
    let marks = at("Marks").expect("a Marks section");
    let library = at(" ◀ ▶ ").expect("the library's marks");
    let label = at(" In the topic palette:").expect("the palette's marks labelled");
    let palette = at(" § # @ ").expect("the palette's marks");
    assert!(
        marks < library && library < label && label < palette,
        "{lines:#?}"
    );
    // Under the palette itself its marks are the view's own.
    let lines = help_text(ViewId::Palette);
    assert!(!lines.iter().any(|l| l.starts_with(" In the topic palette")));
    assert!(lines.iter().any(|l| l.starts_with(" § # @ ")));
}

#[test]
fn a_blank_line_comes_before_each_section_heading() {
    for view in [ViewId::Library, ViewId::Reader, ViewId::Compare] {
        let lines = help_text(view);
        for heading in ["Counts", "Search", "Marks"] {
            let at = lines.iter().position(|l| l == heading).expect(heading);
            assert_eq!(lines[at - 1], "", "{view:?}: before {heading}");
        }
    }
}
