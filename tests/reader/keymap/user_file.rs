//! Finding and reading the user keymap; the lookup never creates folders.

use super::press;
use parallax::ui::action::{Action, ViewId};
use parallax::ui::keymap::{Keymap, KeymapError, UserKeymapLocation};
use std::ffi::OsString;
use std::path::{Path, PathBuf};

fn env_with_config_dir(dir: &Path) -> impl Fn(&str) -> Option<OsString> + use<> {
    let dir = dir.as_os_str().to_owned();
    move |name: &str| (name == "PARALLAX_CONFIG_DIR").then(|| dir.clone())
}

#[test]
fn parallax_config_dir_is_honoured() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("keymap.toml");
    std::fs::write(&file, "[reader]\n\"x\" = \"quit\"\n").expect("write keymap");
    let location = UserKeymapLocation::from_env(env_with_config_dir(dir.path()));
    assert_eq!(location.keymap_path(), Some(file.clone()));
    let (keymap, used) = Keymap::load_from(None, &location).expect("loads");
    assert_eq!(used, Some(file));
    assert_eq!(
        keymap.action_for(ViewId::Reader, &press("x")),
        Some(Action::Quit)
    );
}

#[test]
fn empty_parallax_config_dir_is_ignored() {
    let location = UserKeymapLocation::from_env(|_| Some(OsString::new()));
    assert_eq!(location.config_dir_override, None);
}

#[test]
fn missing_file_in_a_config_dir_is_not_an_error_and_creates_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let absent = dir.path().join("not").join("there");
    for location in [
        UserKeymapLocation::from_env(env_with_config_dir(&absent)),
        UserKeymapLocation {
            config_dir_override: None,
            platform_config_dir: Some(absent.clone()),
        },
    ] {
        let (keymap, used) = Keymap::load_from(None, &location).expect("loads");
        assert_eq!(used, None);
        assert_eq!(keymap, Keymap::default_keymap());
        assert!(!dir.path().join("not").exists(), "lookup created a folder");
    }
}

#[test]
fn override_dir_wins_over_the_platform_dir() {
    let location = UserKeymapLocation {
        config_dir_override: Some(PathBuf::from("/over")),
        platform_config_dir: Some(PathBuf::from("/platform")),
    };
    assert_eq!(
        location.keymap_path(),
        Some(PathBuf::from("/over/keymap.toml"))
    );
}

#[test]
fn explicit_file_must_exist_and_wins() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("mine.toml");
    let location = UserKeymapLocation::default();
    let err = Keymap::load_from(Some(&missing), &location).expect_err("missing --keymap");
    assert!(matches!(err, KeymapError::Unreadable { .. }));
    assert!(
        err.to_string()
            .starts_with(&format!("{}: cannot read keymap: ", missing.display()))
    );

    std::fs::write(&missing, "[global]\n\"Q\" = \"quit\"\n").expect("write keymap");
    let (keymap, used) = Keymap::load_from(Some(&missing), &location).expect("loads");
    assert_eq!(used.as_deref(), Some(missing.as_path()));
    assert_eq!(
        keymap.action_for(ViewId::Library, &press("Q")),
        Some(Action::Quit)
    );
}

#[test]
fn invalid_user_file_names_its_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("keymap.toml");
    std::fs::write(&file, "[reader]\n\"j\" = \"scrol_down\"\n").expect("write keymap");
    let location = UserKeymapLocation::from_env(env_with_config_dir(dir.path()));
    let err = Keymap::load_from(None, &location).expect_err("invalid");
    assert_eq!(
        err.to_string(),
        format!(
            "{}:2:7: unknown action \"scrol_down\" (did you mean \"scroll_down\"?)",
            file.display()
        )
    );
}
