//! Tab completion of a path typed in the export prompt, as a shell completes one: the names in
//! the typed path's folder that start with what follows its last `/`, completed as far as they
//! agree; a folder's name gets its `/`. Reads one folder, so it is quick enough for a key.

use std::fs;

use super::typed_path;

/// The most names a completion offers to show.
pub const CHOICES_CAP: usize = 50;

/// What Tab made of a typed path.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Completion {
    /// The path, completed as far as the names that fit agree.
    pub text: String,
    /// When several names fit: up to [`CHOICES_CAP`] of them, sorted, a folder's with its `/`.
    pub choices: Vec<String>,
    /// How many names fit.
    pub found: usize,
}

/// Completes `typed` from the folder it names (the current folder when it names none; `~/`
/// the home folder), keeping the folder as typed.
pub fn complete_path(typed: &str) -> Completion {
    // `~` alone is the home folder, which completes as a folder does: with its `/`.
    if typed == "~" && typed_path(typed).is_dir() {
        return Completion {
            text: "~/".to_string(),
            choices: Vec::new(),
            found: 1,
        };
    }
    let (folder, _) = split(typed);
    let listed = if folder.is_empty() { "." } else { folder };
    let entries = fs::read_dir(typed_path(listed))
        .into_iter()
        .flatten()
        .flatten();
    let names = entries.filter_map(|entry| {
        let name = entry.file_name().into_string().ok()?;
        // Followed, so a link to a folder completes as a folder.
        let folder = fs::metadata(entry.path()).is_ok_and(|metadata| metadata.is_dir());
        Some((name, folder))
    });
    complete_among(typed, names)
}

/// The folder part of `typed` (up to and with its last `/`) and the start of a name after it.
fn split(typed: &str) -> (&str, &str) {
    match typed.rfind('/') {
        Some(slash) => typed.split_at(slash + 1),
        None => ("", typed),
    }
}

/// Completes `typed` among `names` (each with whether it is a folder), the listing of its
/// folder. A hidden name is offered only when the typed start is hidden too.
pub fn complete_among(typed: &str, names: impl Iterator<Item = (String, bool)>) -> Completion {
    let (folder, start) = split(typed);
    let mut fitting: Vec<String> = names
        .filter(|(name, _)| name.starts_with(start))
        .filter(|(name, _)| start.starts_with('.') || !name.starts_with('.'))
        .map(|(name, folder)| if folder { format!("{name}/") } else { name })
        .collect();
    fitting.sort();
    let found = fitting.len();
    let text = match fitting.as_slice() {
        [] => typed.to_string(),
        [only] => format!("{folder}{only}"),
        [first, rest @ ..] => {
            // In characters throughout: the names may share an accented letter.
            let agreed = rest.iter().fold(first.chars().count(), |agreed, name| {
                first
                    .chars()
                    .zip(name.chars())
                    .take(agreed)
                    .take_while(|(a, b)| a == b)
                    .count()
            });
            // `agreed` counts characters: back to a byte offset.
            let end = first
                .char_indices()
                .nth(agreed)
                .map_or(first.len(), |(at, _)| at);
            format!("{folder}{}", &first[..end])
        }
    };
    let choices = if found > 1 {
        fitting.into_iter().take(CHOICES_CAP).collect()
    } else {
        Vec::new()
    };
    Completion {
        text,
        choices,
        found,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn listing(names: &[(&str, bool)]) -> impl Iterator<Item = (String, bool)> {
        names
            .iter()
            .map(|&(name, folder)| (name.to_string(), folder))
            .collect::<Vec<_>>()
            .into_iter()
    }

    /// Names that agree on an accented letter agree on it whole: the shared start is counted
    /// in characters, never cut short of what was typed (proptest found `é.`).
    #[test]
    fn names_sharing_an_accented_start_complete_to_all_of_it() {
        let names = [("é.a", false), ("é.b", false), ("é.", false)];
        assert_eq!(complete_among("é.", listing(&names)).text, "é.");
        let names = [("résumé.md", false), ("résumé.csv", false)];
        assert_eq!(complete_among("r", listing(&names)).text, "résumé.");
    }

    #[test]
    fn one_fitting_name_completes_whole_and_a_folder_gets_its_slash() {
        let names = [("reports", true), ("readme.md", false), (".hidden", false)];
        assert_eq!(complete_among("rep", listing(&names)).text, "reports/");
        assert_eq!(
            complete_among("out/rea", listing(&names)).text,
            "out/readme.md"
        );
        assert_eq!(complete_among("x", listing(&names)).text, "x");
        assert_eq!(complete_among(".h", listing(&names)).text, ".hidden");
    }

    #[test]
    fn several_fitting_names_complete_as_far_as_they_agree_and_are_listed() {
        let names = [
            ("timeline-1.csv", false),
            ("timeline-2.csv", false),
            ("tsv", true),
        ];
        let completion = complete_among("ti", listing(&names));
        assert_eq!(completion.text, "timeline-");
        assert_eq!(completion.choices, ["timeline-1.csv", "timeline-2.csv"]);
        assert_eq!(complete_among("", listing(&names)).found, 3);
    }

    #[test]
    fn a_tilde_completes_to_the_home_folder() {
        if typed_path("~").is_dir() {
            assert_eq!(complete_path("~").text, "~/");
        }
    }

    #[test]
    fn a_real_folder_is_completed_from_its_listing() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        fs::create_dir(folder.path().join("exports")).expect("a folder");
        fs::write(folder.path().join("export.md"), "").expect("a file");
        let typed = format!("{}/exp", folder.path().display());
        let completion = complete_path(&typed);
        assert_eq!(
            completion.text,
            format!("{}/export", folder.path().display())
        );
        assert_eq!(completion.choices, ["export.md", "exports/"]);
        let typed = format!("{}/exports", folder.path().display());
        assert_eq!(complete_path(&typed).text, format!("{typed}/"));
        let typed = format!("{}/exporte", folder.path().display());
        assert_eq!(complete_path(&typed).found, 0);
        let typed = format!("{}/no/such/", folder.path().display());
        assert_eq!(complete_path(&typed).text, typed);
    }

    proptest! {
        #[test]
        fn a_completion_only_lengthens_what_was_typed_and_every_choice_fits_it(
            typed in "[a-cé./]{0,6}",
            names in proptest::collection::vec(("[a-cé.]{1,5}", any::<bool>()), 0..8),
        ) {
            let completion = complete_among(&typed, names.clone().into_iter());
            prop_assert!(completion.text.starts_with(&typed));
            let (folder, _) = split(&typed);
            for choice in &completion.choices {
                let whole = format!("{folder}{choice}");
                prop_assert!(whole.starts_with(&completion.text));
            }
        }
    }
}
