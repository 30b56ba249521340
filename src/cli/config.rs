//! `config.toml`: the reader's settings that are not keys, in the config
//! folder beside `keymap.toml` (`$PARALLAX_CONFIG_DIR`, else the platform
//! config folder: `~/.config/parallax` on Linux). A missing file is no
//! error; a bad one stops parallax before the terminal is touched, with
//! one line naming file, line and column.
//!
//! ```toml
//! report_dir = "~/parallax-reports"   # where R writes (default: the current folder)
//! clipboard = "osc52"                 # y copies through the terminal (default: "file")
//! mouse = true                        # wheel scrolling, click to focus (default: false)
//! ```

use crate::ui::keymap::{Position, UserKeymapLocation};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The settings file's name inside the config folder.
pub const CONFIG_FILE_NAME: &str = "config.toml";

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The folder the reader's report key writes into; `~/` at the start
    /// is the home folder, a relative path is from where parallax starts.
    pub report_dir: Option<PathBuf>,
    /// Where the copy key puts text.
    pub clipboard: Option<ClipboardChoice>,
    /// Mouse mode: wheel scrolling and click to focus a pane.
    pub mouse: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClipboardChoice {
    /// The terminal's clipboard, through the OSC 52 escape sequence.
    Osc52,
    /// A file in the data folder, whose path the status line shows.
    File,
}

/// A config file that cannot be used: one line.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: cannot read config: {source}", path.display())]
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}:{}:{}: {message}", path.display(), at.line, at.column)]
    Invalid {
        path: PathBuf,
        at: Position,
        message: String,
    },
}

impl Config {
    /// `config.toml` of the config folder in the environment, if any.
    pub fn load() -> Result<Config, ConfigError> {
        let location = UserKeymapLocation::from_environment();
        match location.config_dir() {
            Some(dir) => Config::load_from(&dir.join(CONFIG_FILE_NAME)),
            None => Ok(Config::default()),
        }
    }

    /// The config in `path`; a missing file is the default config.
    pub fn load_from(path: &Path) -> Result<Config, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(source) => {
                return Err(ConfigError::Unreadable {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        Config::parse(&text, path)
    }

    /// The config written in `text`; `origin` names it in errors.
    pub fn parse(text: &str, origin: &Path) -> Result<Config, ConfigError> {
        toml::from_str(text).map_err(|e| ConfigError::Invalid {
            path: origin.to_path_buf(),
            at: Position::of_offset(text, e.span().map_or(0, |s| s.start)),
            message: e.message().replace('\n', " ").trim().to_string(),
        })
    }

    /// The folder reports go to: `report_dir` with `~/` expanded, else
    /// the current folder.
    pub fn report_folder(&self) -> PathBuf {
        let cwd = || std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        match &self.report_dir {
            None => cwd(),
            Some(dir) => {
                let dir = expand_home(dir);
                if dir.is_absolute() {
                    dir
                } else {
                    cwd().join(dir)
                }
            }
        }
    }
}

/// `~/x` as the home folder's `x`; anything else as it is.
fn expand_home(path: &Path) -> PathBuf {
    let home = || {
        std::env::var_os("HOME")
            .filter(|h| !h.is_empty())
            .map(PathBuf::from)
    };
    match path.strip_prefix("~") {
        Ok(rest) => match home() {
            Some(home) => home.join(rest),
            None => path.to_path_buf(),
        },
        Err(_) => path.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_is_read() {
        let text = "report_dir = \"/srv/reports\"\nclipboard = \"osc52\"\nmouse = true\n";
        let c = Config::parse(text, Path::new("config.toml")).unwrap();
        assert_eq!(c.report_dir.as_deref(), Some(Path::new("/srv/reports")));
        assert_eq!(c.clipboard, Some(ClipboardChoice::Osc52));
        assert_eq!(c.mouse, Some(true));
        assert_eq!(c.report_folder(), PathBuf::from("/srv/reports"));
    }

    #[test]
    fn a_mistake_is_one_line_with_its_place() {
        let text = "mouse = true\nclipbord = \"osc52\"\n";
        let e = Config::parse(text, Path::new("config.toml")).unwrap_err();
        let line = e.to_string();
        assert!(line.starts_with("config.toml:2:1: "), "{line}");
        assert!(line.contains("clipbord"), "{line}");
        assert!(!line.contains('\n'), "{line}");
    }

    #[test]
    fn a_missing_file_is_the_default() {
        let c = Config::load_from(Path::new("/nonexistent/parallax/config.toml")).unwrap();
        assert_eq!(c, Config::default());
    }
}
