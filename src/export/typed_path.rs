//! A path as a person types it in the export prompt, made the path it means: a leading `~`
//! (alone or before `/`) is the home folder, as a shell reads it. The one place a typed path
//! becomes a file system path, so writing and Tab completion read it alike.

use std::path::PathBuf;

/// The path `typed` means: `~` and `~/…` from the home folder (as typed when the home folder
/// cannot be found), anything else as typed. `~name` (another user's home) is taken as typed.
pub fn typed_path(typed: &str) -> PathBuf {
    let rest = match typed.strip_prefix('~') {
        Some("") => "",
        Some(rest) if rest.starts_with('/') => rest.trim_start_matches('/'),
        _ => return PathBuf::from(typed),
    };
    match etcetera::home_dir() {
        Ok(home) if rest.is_empty() => home,
        Ok(home) => home.join(rest),
        Err(_) => PathBuf::from(typed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tilde_is_the_home_folder_and_nothing_else_changes() {
        let Ok(home) = etcetera::home_dir() else {
            return;
        };
        assert_eq!(typed_path("~"), home);
        assert_eq!(typed_path("~/"), home);
        assert_eq!(typed_path("~/out/a.csv"), home.join("out/a.csv"));
        assert_eq!(typed_path("~other/a.csv"), PathBuf::from("~other/a.csv"));
        assert_eq!(typed_path("a~/b"), PathBuf::from("a~/b"));
        assert_eq!(typed_path("/tmp/~"), PathBuf::from("/tmp/~"));
    }

    proptest::proptest! {
        /// A path not starting with `~` is the path typed.
        #[test]
        fn other_paths_are_taken_as_typed(typed in "[^~][a-z/.~ ]{0,20}") {
            proptest::prop_assert_eq!(typed_path(&typed), PathBuf::from(&typed));
        }
    }
}
