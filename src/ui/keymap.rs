//! Key bindings: the default keymap (the top-level `keymap.toml`, embedded
//! in the binary) with the user's keymap merged over it key by key.
//!
//! # Using it
//!
//! ```ignore
//! // At startup, before touching the terminal (print the error, exit 2):
//! let (keymap, user_file) = Keymap::load(args.keymap.as_deref())?;
//! // On each key press:
//! match keymap.action_for(app.view_id(), &key_event) { Some(action) => ..., None => ... }
//! // In the palette, an unbound key that types text goes into the query:
//! if let Some(c) = Key::from_event(&key_event).and_then(Key::text_char) { ... }
//! // Help overlay and status hints:
//! keymap.bindings(ViewId::Reader);           // [(Action, [Key])] in Action::ALL order
//! keymap.keys_for(ViewId::Reader, Action::Help); // [?, f1]: Display them
//! ```
//!
//! # File format
//!
//! One table per view (`[global]`, `[library]`, `[reader]`, `[compare]`,
//! `[palette]`, `[topic]`, `[matrix]`, `[help]`), key first:
//! `"j" = "scroll_down"`. Keys: see `key_parse.rs` (`j`, `G`, `ctrl-d`,
//! `C-d`, `alt-x`, `enter`, `PageDown`, `space`, `f1`...). Actions: the
//! snake_case names in `action.rs`; `"noop"` unbinds a key.
//!
//! # Lookup rule
//!
//! A key is looked up in the view's own table first, then in `[global]` —
//! except that in a view that takes text input (the palette) a key that
//! types a character (no Ctrl or Alt) never falls through to `[global]`,
//! so typing `q` or `?` into the query neither quits nor opens help.
//! A `noop` binding in a view also hides the global binding of that key.
//!
//! # User file and errors
//!
//! `Keymap::load` reads `--keymap FILE` (must exist), else
//! `$PARALLAX_CONFIG_DIR/keymap.toml`, else the platform config folder's
//! `keymap.toml` (`$XDG_CONFIG_HOME/parallax/` on Linux); a missing file
//! there is not an error, and no folder is ever created. A `KeymapError`
//! displays as one line: `FILE:LINE:COLUMN: problem` (unknown view or
//! action, bad or duplicate key, TOML syntax), or `FILE: cannot read
//! keymap: reason`.

mod error;
mod key;
mod key_parse;
mod location;
mod markdown;
mod parse;
mod suggest;

pub use error::{KeymapError, KeymapProblem, Position};
pub use key::{Key, KeyCode, Modifiers};
pub use key_parse::KeyParseError;
pub use location::{CONFIG_DIR_ENV, KEYMAP_FILE_NAME, UserKeymapLocation};
pub use parse::action_belongs_in;

use crate::ui::action::{Action, ViewId};
use crossterm::event::KeyEvent;
use parse::{Located, ViewBindings, parse_keymap};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The default keymap, as shipped.
pub const DEFAULT_KEYMAP_TOML: &str = include_str!("../../keymap.toml");

/// The README's key table for `keymap` (see `markdown::key_table`).
pub fn markdown_key_table(keymap: &Keymap) -> String {
    markdown::key_table(|view| keymap.bindings(view))
}

/// Whether a view takes typed text, so printable keys stay in it.
pub fn takes_text_input(view: ViewId) -> bool {
    matches!(
        view,
        ViewId::Palette | ViewId::Prompt | ViewId::Bookmarks | ViewId::Search
    )
}

/// The bindings in effect, per view. Each view's bindings keep file order
/// (defaults first, then keys only the user binds), which is the order
/// keys are listed in help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    tables: BTreeMap<ViewId, Vec<(Key, Action)>>,
}

impl Keymap {
    /// The embedded default keymap.
    pub fn default_keymap() -> Keymap {
        let origin = Path::new("keymap.toml (built in)");
        // The embedded file is fixed at build time and checked by tests,
        // so this cannot fail in a released binary.
        let empty = Keymap {
            tables: BTreeMap::new(),
        };
        empty
            .merged(DEFAULT_KEYMAP_TOML, origin)
            .expect("the built-in keymap.toml is valid")
    }

    /// The default keymap merged with the user's: `explicit` (`--keymap
    /// FILE`, which must exist), else `$PARALLAX_CONFIG_DIR/keymap.toml`,
    /// else the platform config folder's `keymap.toml` (may be missing).
    /// Returns the user file that was merged, if any.
    pub fn load(explicit: Option<&Path>) -> Result<(Keymap, Option<PathBuf>), KeymapError> {
        Keymap::load_from(explicit, &UserKeymapLocation::from_environment())
    }

    /// [`Keymap::load`] with the config folders given instead of read from
    /// the environment.
    pub fn load_from(
        explicit: Option<&Path>,
        location: &UserKeymapLocation,
    ) -> Result<(Keymap, Option<PathBuf>), KeymapError> {
        match location::read_user_keymap(explicit, location)? {
            Some((path, text)) => {
                let keymap = Keymap::from_user_str(&text, &path)?;
                Ok((keymap, Some(path)))
            }
            None => Ok((Keymap::default_keymap(), None)),
        }
    }

    /// The default keymap with `text` (a user keymap) merged over it;
    /// `origin` names the file in errors.
    pub fn from_user_str(text: &str, origin: &Path) -> Result<Keymap, KeymapError> {
        let keymap = Keymap::default_keymap().merged(text, origin)?;
        if keymap.keys_for(ViewId::Library, Action::Quit).is_empty() {
            return Err(KeymapError::NoQuit {
                path: origin.to_path_buf(),
            });
        }
        Ok(keymap)
    }

    /// `self` with the keymap in `text` merged over it: a key bound in a
    /// view replaces that key's binding in that view; other keys stay.
    pub fn merged(mut self, text: &str, origin: &Path) -> Result<Keymap, KeymapError> {
        let views = parse_keymap(text).map_err(|located| locate(text, origin, located))?;
        for ViewBindings { view, bindings } in views {
            let table = self.tables.entry(view).or_default();
            for (key, action) in bindings {
                match table.iter_mut().find(|(k, _)| *k == key) {
                    Some(existing) => existing.1 = action,
                    None => table.push((key, action)),
                }
            }
        }
        Ok(self)
    }

    /// The action for a key event in `view`, by the lookup rule above.
    /// `None` when the key is unbound, bound to `noop`, or not a press.
    pub fn action_for(&self, view: ViewId, event: &KeyEvent) -> Option<Action> {
        Key::from_event(event).and_then(|key| self.action_for_key(view, key))
    }

    /// [`Keymap::action_for`] for an already converted key.
    pub fn action_for_key(&self, view: ViewId, key: Key) -> Option<Action> {
        let own = self.bound_in(view, key);
        let falls_through = view != ViewId::Global
            && own.is_none()
            && !(takes_text_input(view) && key.is_text_input());
        let action = if falls_through {
            self.bound_in(ViewId::Global, key)
        } else {
            own
        };
        action.filter(|&action| action != Action::Noop)
    }

    /// The view's own table (not `[global]`): keys in effect after the
    /// user's overrides, grouped by action in `Action::ALL` order; actions
    /// without keys and `noop` are left out. Global keys are under
    /// `ViewId::Global`.
    pub fn bindings(&self, view: ViewId) -> Vec<(Action, Vec<Key>)> {
        let table = self.table(view);
        Action::ALL
            .iter()
            .filter(|&&action| action != Action::Noop)
            .filter_map(|&action| {
                let keys: Vec<Key> = table
                    .iter()
                    .filter(|(_, a)| *a == action)
                    .map(|(k, _)| *k)
                    .collect();
                (!keys.is_empty()).then_some((action, keys))
            })
            .collect()
    }

    /// Every key that triggers `action` in `view`, its own table's first,
    /// then global keys that reach it (not overridden, not typed text in
    /// the palette). For hints such as "? help".
    pub fn keys_for(&self, view: ViewId, action: Action) -> Vec<Key> {
        let mut keys: Vec<Key> = Vec::new();
        for &(key, _) in self.table(view).iter().chain(self.table(ViewId::Global)) {
            if !keys.contains(&key) && self.action_for_key(view, key) == Some(action) {
                keys.push(key);
            }
        }
        keys
    }

    fn table(&self, view: ViewId) -> &[(Key, Action)] {
        self.tables.get(&view).map_or(&[], Vec::as_slice)
    }

    /// The binding written in the view's own table, `noop` included.
    fn bound_in(&self, view: ViewId, key: Key) -> Option<Action> {
        self.table(view)
            .iter()
            .find(|(k, _)| *k == key)
            .map(|&(_, action)| action)
    }
}

/// The built-in keymap, same as [`Keymap::default_keymap`].
impl Default for Keymap {
    fn default() -> Keymap {
        Keymap::default_keymap()
    }
}

fn locate(text: &str, origin: &Path, located: Located) -> KeymapError {
    KeymapError::Invalid {
        path: origin.to_path_buf(),
        position: Position::of_offset(text, located.offset),
        problem: located.problem,
    }
}
