//! The export prompt from the app's side: opening it on the list on screen, and the file work
//! it asks of the world outside — a path to complete, an export to write — which `update`
//! hands out as a [`FileWork`] (it does no I/O itself) and takes back as a [`FileAnswer`].

use std::sync::Arc;

use super::App;
use crate::{
    action::{Command, Mode, bindings::HintWhen},
    data::Tab,
    export::{Completion, ExportJob, ExportOutcome, Selection, complete_path, typed_path},
    overlay::{ExportPrompt, ExportStatus, Overlay},
};

/// File work the app asks for (see [`App::take_file_work`]).
#[derive(Clone, Debug)]
pub enum FileWork {
    /// Complete this typed path from its folder's names: quick, one folder read.
    Complete(String),
    /// Write an export: can take a while, so it is run off the drawing thread.
    Export(Box<ExportJob>),
}

/// What became of a [`FileWork`], for [`App::receive_file_answer`].
#[derive(Clone, Debug)]
pub enum FileAnswer {
    /// The path that was completed, and what Tab made of it.
    Completed(String, Completion),
    /// What became of an export.
    Exported(ExportOutcome),
}

impl FileWork {
    /// Does the work.
    pub fn run(self) -> FileAnswer {
        match self {
            Self::Complete(typed) => {
                let completion = complete_path(&typed);
                FileAnswer::Completed(typed, completion)
            }
            Self::Export(job) => FileAnswer::Exported(job.run()),
        }
    }
}

/// What one record of a tab's list is called in the export's messages.
fn noun(tab: Tab) -> &'static str {
    match tab {
        Tab::Timeline => "event",
        Tab::Funding => "funding row",
        Tab::Initiatives => "initiative",
        Tab::Participants => "participant",
        Tab::Source => "paragraph",
        Tab::Map => "place",
    }
}

impl App {
    /// Opens the export prompt on the list on screen, in the format used last this session.
    pub(super) fn open_export(&mut self) {
        // What is said first is what a narrow status bar keeps.
        let listed = match self.tab {
            Tab::Source => Some("the Source tab lists the source's paragraphs"),
            Tab::Map => Some("the Map tab lists the places the events were held in"),
            _ => None,
        };
        if let Some(listed) = listed {
            self.message = Some(format!(
                "Nothing to export here: {listed}, not records; go to a tab of records"
            ));
            return;
        }
        let keys = self
            .bindings
            .reminder(Mode::Export, HintWhen::Always, Command::Quit);
        let view = self.view(self.tab);
        self.overlay = Some(Overlay::Export(ExportPrompt::new(
            self.tab,
            (view.len(), view.is_ordering()),
            noun(self.tab),
            self.export_format,
            self.theme,
            keys,
        )));
    }

    /// The export prompt, when it is open.
    pub fn export_prompt(&self) -> Option<&ExportPrompt> {
        match &self.overlay {
            Some(Overlay::Export(prompt)) => Some(prompt),
            _ => None,
        }
    }

    fn export_prompt_mut(&mut self) -> Option<&mut ExportPrompt> {
        match &mut self.overlay {
            Some(Overlay::Export(prompt)) => Some(prompt),
            _ => None,
        }
    }

    pub(super) fn cycle_export_format(&mut self) {
        if let Some(prompt) = self.export_prompt_mut() {
            prompt.cycle_format();
        }
    }

    pub(super) fn complete_export_path(&mut self) {
        if let Some(prompt) = self.export_prompt() {
            self.effects.files = Some(FileWork::Complete(prompt.path().to_string()));
        }
    }

    /// Enter in the prompt: the rows the list shows, in its order, to be written; a file that
    /// is there is replaced only on the second Enter, once the prompt has said so.
    pub(super) fn submit_export(&mut self) {
        let Some(prompt) = self.export_prompt() else {
            return;
        };
        let tab = prompt.tab();
        let rows = &self.view(tab).rows;
        let records = (0..rows.len()).filter_map(|row| rows.get(row)).collect();
        let job = ExportJob {
            catalog: Arc::clone(&self.catalog),
            selection: Selection::of_list(tab, records),
            format: prompt.format(),
            path: typed_path(prompt.path()),
            replace: prompt.replaces(),
            noun: prompt.noun(),
        };
        self.export_format = job.format;
        self.effects.files = Some(FileWork::Export(Box::new(job)));
        if let Some(prompt) = self.export_prompt_mut() {
            prompt.set_status(ExportStatus::Writing);
        }
    }

    /// The file work the app asks for, once.
    pub fn take_file_work(&mut self) -> Option<FileWork> {
        self.effects.files.take()
    }

    /// Takes in what became of file work: a completed path for the prompt, an export's
    /// outcome for the prompt (a file that is there, an error) or the status bar (written).
    pub fn receive_file_answer(&mut self, answer: FileAnswer) {
        match answer {
            FileAnswer::Completed(typed, completion) => {
                if let Some(prompt) = self.export_prompt_mut()
                    && prompt.path() == typed
                {
                    prompt.complete(completion);
                }
            }
            FileAnswer::Exported(outcome) => {
                let prompt = self.export_prompt_mut();
                match (outcome, prompt) {
                    (ExportOutcome::Wrote(message), _) => {
                        if self.export_prompt().is_some() {
                            self.overlay = None;
                        }
                        self.message = Some(message);
                    }
                    (ExportOutcome::Exists(_), Some(prompt)) => {
                        prompt.set_status(ExportStatus::Exists);
                    }
                    (ExportOutcome::Failed(why), Some(prompt)) => {
                        prompt.set_status(ExportStatus::Failed(why));
                    }
                    (ExportOutcome::Exists(path), None) => {
                        self.message = Some(format!(
                            "Not written: {} is there",
                            crate::quoted::quoted_path(&path)
                        ));
                    }
                    (ExportOutcome::Failed(why), None) => self.message = Some(why),
                }
            }
        }
    }
}
