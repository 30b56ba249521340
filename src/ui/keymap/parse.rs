//! Reading keymap TOML into bindings, checking every view, key and action
//! and remembering where each came from so errors can name line and column.
//! toml's `DeTable` keeps the span of every key and value.

use super::error::{KeymapProblem, Position};
use super::key::Key;
use super::suggest::closest;
use crate::ui::action::{Action, ViewId};
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeString, DeTable, DeValue};

/// The bindings one file gives one view, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewBindings {
    pub view: ViewId,
    pub bindings: Vec<(Key, Action)>,
}

/// A problem and the byte offset in the text it refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub offset: usize,
    pub problem: KeymapProblem,
}

impl Located {
    fn at(span: Range<usize>, problem: KeymapProblem) -> Located {
        Located {
            offset: span.start,
            problem,
        }
    }
}

/// Parses a whole keymap file. Tables and keys are checked in file order,
/// so the error reported is the first one in the file.
pub fn parse_keymap(text: &str) -> Result<Vec<ViewBindings>, Located> {
    let document = DeTable::parse(text).map_err(|err| syntax_error(text, &err))?;
    let mut views = Vec::new();
    for (name, value) in in_file_order(document.get_ref()) {
        let view = ViewId::from_name(name.get_ref()).ok_or_else(|| {
            let suggestion = closest(name.get_ref(), ViewId::ALL.iter().map(|v| v.name()));
            Located::at(
                name.span(),
                KeymapProblem::UnknownView {
                    name: name.get_ref().to_string(),
                    suggestion,
                },
            )
        })?;
        let DeValue::Table(table) = value.get_ref() else {
            return Err(Located::at(
                value.span(),
                KeymapProblem::ViewNotATable(view.name()),
            ));
        };
        views.push(ViewBindings {
            view,
            bindings: parse_view_table(text, view, table)?,
        });
    }
    Ok(views)
}

fn parse_view_table(
    text: &str,
    view: ViewId,
    table: &DeTable<'_>,
) -> Result<Vec<(Key, Action)>, Located> {
    let mut bindings: Vec<(Key, Action)> = Vec::new();
    // How and where each key was written, so a duplicate can point back.
    let mut written: Vec<(&str, usize)> = Vec::new();
    for (key_text, value) in in_file_order(table) {
        let key: Key = key_text.get_ref().parse().map_err(|reason| {
            Located::at(
                key_text.span(),
                KeymapProblem::BadKey {
                    key: key_text.get_ref().to_string(),
                    reason,
                },
            )
        })?;
        if let Some(index) = bindings.iter().position(|(k, _)| *k == key) {
            let (spelling, offset) = written[index];
            return Err(Located::at(
                key_text.span(),
                KeymapProblem::DuplicateKey {
                    key: key_text.get_ref().to_string(),
                    earlier: Some((spelling.to_string(), Position::of_offset(text, offset).line)),
                },
            ));
        }
        let action = parse_action(key_text.get_ref(), value, view)?;
        bindings.push((key, action));
        written.push((key_text.get_ref(), key_text.span().start));
    }
    Ok(bindings)
}

fn parse_action(
    key_text: &str,
    value: &Spanned<DeValue<'_>>,
    view: ViewId,
) -> Result<Action, Located> {
    let Some(name) = value.get_ref().as_str() else {
        return Err(Located::at(
            value.span(),
            KeymapProblem::ActionNotAString(key_text.to_string()),
        ));
    };
    let action = Action::from_name(name).ok_or_else(|| {
        let suggestion = closest(name, Action::ALL.iter().map(|a| a.name()));
        Located::at(
            value.span(),
            KeymapProblem::UnknownAction {
                name: name.to_string(),
                suggestion,
            },
        )
    })?;
    if !action_belongs_in(action, view) {
        return Err(Located::at(
            value.span(),
            KeymapProblem::ActionNotInView { action, view },
        ));
    }
    Ok(action)
}

/// Global actions (quit, help...) and `noop` may be bound in any table, and
/// any action in `[global]`; otherwise the view must be one where the
/// action does something, so a binding is never silently ignored.
pub fn action_belongs_in(action: Action, view: ViewId) -> bool {
    action == Action::Noop
        || view == ViewId::Global
        || action.views().contains(&ViewId::Global)
        || action.views().contains(&view)
}

/// Table entries sorted by where they are written (`DeTable` sorts by name).
fn in_file_order<'t, 'i>(
    table: &'t DeTable<'i>,
) -> Vec<(&'t Spanned<DeString<'i>>, &'t Spanned<DeValue<'i>>)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    entries
}

/// A TOML parser error as a problem. The parser's "duplicate key" is given
/// the name of the key (or table) it is about.
fn syntax_error(text: &str, err: &toml::de::Error) -> Located {
    let span = err.span().unwrap_or(0..0);
    let message = err.message().replace('\n', " ");
    let written = text.get(span.clone()).unwrap_or_default();
    let problem = if message == "duplicate key" && !written.is_empty() {
        let name = written.trim_matches(|c| c == '"' || c == '\'').to_string();
        if is_table_header(text, span.start) {
            KeymapProblem::DuplicateTable(name)
        } else {
            KeymapProblem::DuplicateKey {
                key: name,
                earlier: None,
            }
        }
    } else {
        KeymapProblem::Syntax(message)
    };
    Located::at(span, problem)
}

/// Whether the line holding `offset` is a `[table]` header.
fn is_table_header(text: &str, offset: usize) -> bool {
    let line_start = text
        .get(..offset)
        .and_then(|before| before.rfind('\n'))
        .map_or(0, |i| i + 1);
    text.get(line_start..)
        .is_some_and(|line| line.trim_start().starts_with('['))
}
