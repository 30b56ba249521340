//! Where the user's keymap lives when `--keymap` is not given, and reading
//! it. The environment is injected so tests need not touch the process
//! environment; nothing here creates a directory.

use super::error::KeymapError;
use directories::ProjectDirs;
use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};

/// Overrides the config folder (the keymap is `$PARALLAX_CONFIG_DIR/keymap.toml`).
pub const CONFIG_DIR_ENV: &str = "PARALLAX_CONFIG_DIR";
/// The keymap's file name inside the config folder.
pub const KEYMAP_FILE_NAME: &str = "keymap.toml";

/// The config folders the user keymap may be in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UserKeymapLocation {
    /// `$PARALLAX_CONFIG_DIR`, when set and not empty. When present it is
    /// the only place looked at, so a test or a script can isolate itself
    /// from the user's own config.
    pub config_dir_override: Option<PathBuf>,
    /// The platform config folder for parallax (on Linux
    /// `$XDG_CONFIG_HOME/parallax`, else `~/.config/parallax`).
    pub platform_config_dir: Option<PathBuf>,
}

impl UserKeymapLocation {
    /// Reads the process environment.
    pub fn from_environment() -> UserKeymapLocation {
        UserKeymapLocation::from_env(|name| std::env::var_os(name))
    }

    /// Reads `PARALLAX_CONFIG_DIR` through `var`. The platform folder comes
    /// from `directories`, which only computes a path.
    pub fn from_env(var: impl Fn(&str) -> Option<OsString>) -> UserKeymapLocation {
        UserKeymapLocation {
            config_dir_override: var(CONFIG_DIR_ENV)
                .filter(|dir| !dir.is_empty())
                .map(PathBuf::from),
            platform_config_dir: ProjectDirs::from("", "", "parallax")
                .map(|dirs| dirs.config_dir().to_path_buf()),
        }
    }

    /// The keymap file to read, if any folder is known. The file may not exist.
    pub fn keymap_path(&self) -> Option<PathBuf> {
        self.config_dir().map(|dir| dir.join(KEYMAP_FILE_NAME))
    }

    /// The config folder in effect (it may not exist): also where
    /// `config.toml` is.
    pub fn config_dir(&self) -> Option<&Path> {
        self.config_dir_override
            .as_deref()
            .or(self.platform_config_dir.as_deref())
    }
}

/// Reads the keymap the user chose: `explicit` (must exist), else the file
/// at `location` (missing is fine: `Ok(None)`). Returns the path and text.
pub fn read_user_keymap(
    explicit: Option<&Path>,
    location: &UserKeymapLocation,
) -> Result<Option<(PathBuf, String)>, KeymapError> {
    let (path, required) = match explicit {
        Some(path) => (path.to_path_buf(), true),
        None => match location.keymap_path() {
            Some(path) => (path, false),
            None => return Ok(None),
        },
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(Some((path, text))),
        Err(err) if err.kind() == io::ErrorKind::NotFound && !required => Ok(None),
        Err(source) => Err(KeymapError::Unreadable { path, source }),
    }
}
