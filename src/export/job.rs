//! An export asked for from inside the explorer (`e`): the records a list shows, a format and
//! a path, written by [`ExportJob::run`] off the drawing thread through the same code and the
//! same file safety as `export -o`. It says what became of the file in words for the status
//! bar: where it wrote and how many records, that the file is there and needs a second
//! confirmation, or why nothing was written.

use std::{fs, io, path::PathBuf, sync::Arc};

use super::{ExportFormat, ExportOptions, Selection, Written, export_bytes, write_output};
use crate::{data::Catalog, plural::counted, quoted::quoted_path};

/// One export to carry out.
#[derive(Clone, Debug)]
pub struct ExportJob {
    /// The dataset the records are in.
    pub catalog: Arc<Catalog>,
    /// The records, in the order the list shows them.
    pub selection: Selection,
    /// The format.
    pub format: ExportFormat,
    /// Where to write, as typed (relative to the current folder).
    pub path: PathBuf,
    /// Whether an existing file may be replaced: the user confirmed it.
    pub replace: bool,
    /// What one record of the list is called (`event`).
    pub noun: &'static str,
}

/// What became of an export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportOutcome {
    /// Written: the message says where and how many.
    Wrote(String),
    /// Not written: the file is there and replacing it was not confirmed.
    Exists(PathBuf),
    /// Not written: why, in the user's words.
    Failed(String),
}

impl ExportJob {
    /// Writes the file, unless it is there and `replace` is not set; can take a while for a
    /// large list, so it is run off the drawing thread.
    pub fn run(&self) -> ExportOutcome {
        let shown = quoted_path(&self.path);
        if let Some(refusal) = self.refusal() {
            return ExportOutcome::Failed(format!("Not written: {refusal} — {shown}"));
        }
        // A folder goes on to be refused, in the file code's words, by the write itself.
        let there = fs::metadata(&self.path).is_ok_and(|metadata| !metadata.is_dir());
        if !self.replace && there {
            return ExportOutcome::Exists(self.path.clone());
        }
        // The screen shows unsafe text escaped; a file gets it as loaded, as `export -o` writes
        // it. Only a dataset with such text pays for the copy, here off the drawing thread.
        let raw_copy;
        let catalog = if self.catalog.shows_changed_text() {
            let mut copy = Catalog::clone(&self.catalog);
            copy.show_raw_text();
            raw_copy = copy;
            &raw_copy
        } else {
            &*self.catalog
        };
        let bytes = match export_bytes(
            catalog,
            self.format,
            &self.selection,
            ExportOptions::default(),
        ) {
            Ok(bytes) => bytes,
            Err(error) => return ExportOutcome::Failed(format!("Not written: {error}")),
        };
        let what = counted(self.selection.len(), self.noun);
        match write_output(&self.path, &bytes) {
            Ok(Written::InPlace(why)) => ExportOutcome::Wrote(format!(
                "Wrote {what} to {shown} in place, not atomically: {why}"
            )),
            Ok(Written::Atomically | Written::Directly) => {
                ExportOutcome::Wrote(format!("Wrote {what} to {shown}"))
            }
            // The reason first and the path last: a long path is cut where a reader
            // loses least.
            Err(error) => {
                ExportOutcome::Failed(format!("Not written: {} — {shown}", in_user_words(&error)))
            }
        }
    }

    /// Why the path cannot be written from inside the explorer before anything is tried:
    /// nothing typed, or a device, a pipe or the terminal itself, whose writing (or waiting
    /// for a reader) would go over the screen. `export -o` writes those; here they are
    /// refused.
    fn refusal(&self) -> Option<&'static str> {
        if self.path.as_os_str().is_empty() {
            return Some("no path given: type the name of a file");
        }
        match fs::metadata(&self.path) {
            Ok(metadata) if !metadata.is_file() && !metadata.is_dir() => Some(
                "it is not a regular file (a device, a pipe, the terminal): give the path of a file",
            ),
            _ => None,
        }
    }
}

/// `error` as a person says it, of the path the message then names: a missing folder, a
/// file where a folder should be and a permission refusal plainly; the file code's own
/// explanations (a folder, a read-only file, a full disk) kept as they are.
fn in_user_words(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => {
            "there is no folder there: create it first, or choose another path".to_string()
        }
        io::ErrorKind::NotADirectory => {
            "a part of the path is a file, not a folder: choose another path".to_string()
        }
        io::ErrorKind::PermissionDenied if error.get_ref().is_none() => {
            "permission denied: you may not write in its folder; choose another path".to_string()
        }
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Tab, load_embedded};

    fn job(folder: &std::path::Path, name: &str) -> ExportJob {
        let catalog = Arc::new(load_embedded().expect("the embedded dataset loads"));
        let records: Vec<_> = catalog.records_of(Tab::Timeline).take(3).collect();
        ExportJob {
            catalog,
            selection: Selection::of_list(Tab::Timeline, records),
            format: ExportFormat::Csv,
            path: folder.join(name),
            replace: false,
            noun: "event",
        }
    }

    #[test]
    fn a_new_file_is_written_and_the_message_says_where_and_how_many() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let job = job(folder.path(), "out.csv");
        let ExportOutcome::Wrote(message) = job.run() else {
            panic!("not written");
        };
        assert!(message.starts_with("Wrote 3 events to "), "{message}");
        let written = fs::read(folder.path().join("out.csv")).expect("written");
        let rows = csv::Reader::from_reader(written.as_slice())
            .records()
            .count();
        assert_eq!(rows, 3);
    }

    #[test]
    fn an_existing_file_is_kept_until_replacing_it_is_confirmed() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let path = folder.path().join("out.csv");
        fs::write(&path, "keep me").expect("written");
        let mut job = job(folder.path(), "out.csv");
        assert_eq!(job.run(), ExportOutcome::Exists(path.clone()));
        assert_eq!(fs::read_to_string(&path).expect("read"), "keep me");
        job.replace = true;
        assert!(matches!(job.run(), ExportOutcome::Wrote(_)));
        assert_ne!(fs::read_to_string(&path).expect("read"), "keep me");
    }

    #[test]
    fn errors_are_said_in_the_users_words() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let said = |job: ExportJob| match job.run() {
            ExportOutcome::Failed(message) => message,
            other => panic!("{other:?}"),
        };
        let missing = said(job(folder.path(), "no/such/out.csv"));
        assert!(
            missing.starts_with("Not written: there is no folder "),
            "{missing}"
        );
        let folder_itself = said(job(folder.path(), ""));
        assert!(folder_itself.contains("it is a folder"), "{folder_itself}");
        let spelt_as_a_folder = said(job(folder.path(), "not-there-yet/"));
        assert!(
            spelt_as_a_folder.contains("it ends with /, so it names a folder"),
            "{spelt_as_a_folder}"
        );
        std::fs::write(folder.path().join("a-file"), "").expect("a file");
        let through_a_file = said(job(folder.path(), "a-file/out.csv"));
        assert!(
            through_a_file.contains("is a file, not a folder"),
            "{through_a_file}"
        );
        #[cfg(unix)]
        {
            let device = said(ExportJob {
                path: PathBuf::from("/dev/null"),
                ..job(folder.path(), "")
            });
            assert!(device.contains("not a regular file"), "{device}");
        }
    }
}
