//! Bookmarks as a new user meets them: one per paragraph (marking one
//! again edits its note, the prompt opening with it), a key that deletes
//! the selected one and hands the deletion to the store as adding does,
//! and a list of the open corpus's bookmarks only, by the library's short
//! ids, the others counted under it.

use crate::support::app::{act, builtin, screen_text, status_line};
use parallax::corpus::sanitize::Clean;
use parallax::session::{Anchor, Bookmark, BookmarkEdit, View};
use parallax::ui::action::Action;
use parallax::ui::app::{App, Overlay, ScreenId};
use parallax::ui::update::Msg;

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Msg::Input(c));
    }
}

fn notes(app: &App) -> Vec<String> {
    let list = app.bookmarks().list();
    list.iter().map(|b| b.note.as_str().to_string()).collect()
}

#[test]
fn marking_a_paragraph_again_edits_its_note_instead_of_adding_one() {
    for size in [(80, 24), (200, 50)] {
        let mut app = builtin(size, false);
        act(&mut app, &[Action::Confirm, Action::Bookmark]);
        typed(&mut app, "first thought");
        act(&mut app, &[Action::Confirm, Action::Bookmark]);
        let prompt = screen_text(&app);
        assert!(prompt.contains("Bookmarked already"), "{prompt}");
        assert!(prompt.contains("› first thought▏"), "{prompt}");
        typed(&mut app, ", revised");
        act(&mut app, &[Action::Confirm]);
        assert!(
            status_line(&app).contains("Bookmark note saved"),
            "{}",
            status_line(&app)
        );
        assert_eq!(notes(&app), ["first thought, revised"], "at {size:?}");
        let id = app.bookmarks().list()[0].id;
        let edits = app.take_bookmark_edits();
        assert!(
            matches!(edits.as_slice(), [BookmarkEdit::Add(_), BookmarkEdit::Note { id: n, .. }] if *n == id),
            "{edits:?}"
        );
        // Esc in the prompt of a bookmarked paragraph keeps it as it was.
        act(
            &mut app,
            &[Action::Bookmark, Action::ClearQuery, Action::Back],
        );
        assert_eq!(notes(&app), ["first thought, revised"]);
        assert!(app.take_bookmark_edits().is_empty());
        // Another paragraph is another bookmark.
        act(
            &mut app,
            &[Action::PageDown, Action::Bookmark, Action::Confirm],
        );
        assert_eq!(app.bookmarks().list().len(), 2, "at {size:?}");
    }
}

#[test]
fn the_delete_key_deletes_the_selected_bookmark_and_tells_the_store() {
    for size in [(80, 24), (200, 50)] {
        let mut app = builtin(size, false);
        act(&mut app, &[Action::Confirm, Action::Bookmark]);
        typed(&mut app, "on top");
        act(
            &mut app,
            &[Action::Confirm, Action::PageDown, Action::Bookmark],
        );
        typed(&mut app, "further down");
        act(&mut app, &[Action::Confirm]);
        app.take_bookmark_edits();
        let top = app.bookmarks().list()[0].id;
        // Newest first: the second row is the first bookmark.
        act(&mut app, &[Action::Bookmarks, Action::ScrollDown]);
        let listed = screen_text(&app);
        assert!(
            listed.contains("Bookmarks · 2 of 2 · del deletes"),
            "{listed}"
        );
        act(&mut app, &[Action::DeleteBookmark]);
        assert_eq!(notes(&app), ["further down"]);
        assert_eq!(app.take_bookmark_edits(), [BookmarkEdit::Remove(top)]);
        // The list stays open, on the row that is left, and says so.
        assert_eq!(app.overlay(), Some(Overlay::Bookmarks));
        assert_eq!(app.bookmarks().selected(), 0);
        let after = screen_text(&app);
        assert!(after.contains("Bookmarks · 1 of 1"), "{after}");
        assert!(!after.contains("on top"), "{after}");
        assert!(
            status_line(&app).contains("Bookmark deleted · ctrl-r restores it"),
            "{after}"
        );
        act(&mut app, &[Action::DeleteBookmark]);
        assert!(app.bookmarks().list().is_empty());
        act(&mut app, &[Action::DeleteBookmark]);
        assert!(status_line(&app).contains("No bookmark to delete"));
        assert_eq!(app.take_bookmark_edits().len(), 1, "one more deletion");
        // Nothing deleted is lost: ctrl-r brings them back, last first,
        // each under its own id and note, selected in the open list.
        act(&mut app, &[Action::RestoreBookmark]);
        assert_eq!(notes(&app), ["further down"]);
        assert_eq!(app.overlay(), Some(Overlay::Bookmarks));
        assert!(status_line(&app).contains("Bookmark restored"));
        act(&mut app, &[Action::RestoreBookmark]);
        let mut back = notes(&app);
        back.sort();
        assert_eq!(back, ["further down", "on top"]);
        assert!(app.bookmarks().list().iter().any(|b| b.id == top));
        let selected = app.bookmarks().shown().nth(app.bookmarks().selected());
        assert_eq!(selected.map(|b| b.note.to_string()), Some("on top".into()));
        let edits = app.take_bookmark_edits();
        assert!(
            matches!(edits.as_slice(), [BookmarkEdit::Restore(_), BookmarkEdit::Restore(b)] if b.id == top),
            "{edits:?}"
        );
        act(&mut app, &[Action::RestoreBookmark]);
        assert!(status_line(&app).contains("No bookmark deleted to restore"));
    }
}

fn bookmark(article: &str, block: usize, note: &str) -> Bookmark {
    Bookmark {
        id: 0,
        created: 1_755_284_400,
        view: View::Reader,
        left: Some(Anchor {
            article: Clean::line(article),
            block,
            fingerprint: None,
        }),
        right: None,
        note: Clean::line(note),
        excerpt: Clean::line("an excerpt"),
    }
}

#[test]
fn only_this_corpus_s_bookmarks_are_listed_by_short_id_the_others_counted() {
    for size in [(80, 24), (200, 50)] {
        let mut app = builtin(size, false);
        let id = app.corpus().articles[0].id.clone();
        let mut other = bookmark("zz_other_folder_article", 3, "from my other folder");
        other.id = 1;
        let mut here = bookmark(&id, 2, "in the built-in corpus");
        here.id = 2;
        app.set_saved_bookmarks(vec![other, here]);
        act(&mut app, &[Action::Bookmarks]);
        let listed = screen_text(&app);
        assert!(listed.contains("Bookmarks · 1 of 1"), "{listed}");
        assert!(!listed.contains("from my other folder"), "{listed}");
        assert!(
            listed.contains("1 more bookmark of articles not in this corpus"),
            "{listed}"
        );
        assert!(
            listed.contains("000 #2 "),
            "the library's short id: {listed}"
        );
        assert!(!listed.contains(&id), "not the long id: {listed}");
        // What is listed opens; the other is kept in the session.
        act(&mut app, &[Action::Confirm]);
        assert_eq!(app.screen(), ScreenId::Reader, "{}", status_line(&app));
        assert_eq!(app.bookmarks().list().len(), 2);
    }
}

/// With the other corpora's count on the list's last row, a page is the
/// rows of bookmarks shown: page down lands on the first one past them.
#[test]
fn a_page_of_bookmarks_is_the_rows_shown_beside_the_count_of_others() {
    let mut app = builtin((80, 24), false);
    let id = app.corpus().articles[0].id.clone();
    let mut saved: Vec<Bookmark> = (0..30)
        .map(|k| {
            let mut b = bookmark(&id, k, &format!("note {k}"));
            b.id = k as u32 + 1;
            b
        })
        .collect();
    let mut other = bookmark("zz_other_folder_article", 3, "elsewhere");
    other.id = 99;
    saved.push(other);
    app.set_saved_bookmarks(saved);
    act(&mut app, &[Action::Bookmarks]);
    let shown = screen_text(&app)
        .lines()
        .filter(|l| l.contains("000 #"))
        .count();
    assert!(shown > 1 && shown < 30, "a page of rows: {shown}");
    act(&mut app, &[Action::PageDown]);
    assert_eq!(app.bookmarks().selected(), shown);
}

/// A fold line on top ("⋯ 3 blocks folded: metadata") stands for text
/// that is not shown: the bookmark passes over it to the first paragraph
/// shown, so its preview is real text, not the folded "4 min read".
#[test]
fn a_bookmark_under_a_fold_line_previews_the_paragraph_after_it() {
    let mut app = builtin((80, 24), false);
    act(&mut app, &[Action::Confirm]);
    let top = |app: &App| screen_text(app).lines().nth(1).unwrap_or("").to_string();
    for _ in 0..10 {
        if top(&app).trim_start().starts_with('⋯') {
            break;
        }
        act(&mut app, &[Action::ScrollDown]);
    }
    assert!(top(&app).contains("folded"), "{}", screen_text(&app));
    // The first line of text below the fold, as drawn.
    let screen = screen_text(&app);
    let below = screen
        .lines()
        .skip(2)
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap()
        .to_string();
    act(&mut app, &[Action::Bookmark]);
    let prompt = screen_text(&app);
    let excerpt = prompt.lines().nth(3).unwrap().trim_matches([' ', '│']);
    assert!(
        !excerpt.is_empty() && below.starts_with(&excerpt[..20]),
        "{excerpt:?} is not {below:?}:\n{prompt}"
    );
    act(&mut app, &[Action::Confirm]);
    let kept = &app.bookmarks().list()[0];
    assert!(!kept.excerpt.as_str().contains("min read"), "{kept:?}");
}

/// A compare row can hold a folded block of chrome on one side and a
/// paragraph on the other: the bookmark's preview is the paragraph,
/// whichever side it is on. Every row near the top of each pair of 000
/// with another article is bookmarked; no preview is chrome.
#[test]
fn a_compare_bookmark_previews_the_side_with_the_articles_own_text() {
    let corpus = parallax::corpus::load_builtin();
    let is_chrome = |excerpt: &str| {
        let start = excerpt.trim_end_matches('…');
        let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        corpus
            .articles
            .iter()
            .flat_map(|a| &a.blocks)
            .filter(|b| flat(&b.text).starts_with(start))
            .all(|b| !b.kind.is_content())
    };
    for other in 1..corpus.articles.len() {
        let mut app = builtin((80, 24), false);
        act(&mut app, &[Action::ToggleMark]);
        act(&mut app, &vec![Action::ScrollDown; other - 1]);
        act(&mut app, &[Action::ToggleMark, Action::Compare]);
        assert_eq!(app.screen(), ScreenId::Compare);
        for _ in 0..12 {
            act(
                &mut app,
                &[Action::Bookmark, Action::Confirm, Action::ScrollDown],
            );
        }
        for b in app.bookmarks().list() {
            assert!(!is_chrome(b.excerpt.as_str()), "000 ⇄ 00{other}: {b:?}");
        }
    }
}
