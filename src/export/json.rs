//! JSON export: the dataset's own schema, so an export opens again with `--data`.

use std::collections::HashSet;

use super::Selection;
use crate::data::{Catalog, Dataset, RecordRef, event_place};

/// The dataset narrowed to `selection`, plus every record a selected one refers to, so that
/// the file still loads; all of it, unchanged, when everything is selected.
pub fn subset(catalog: &Catalog, selection: &Selection) -> Dataset {
    let mut kept: HashSet<RecordRef> = HashSet::new();
    let mut queue: Vec<RecordRef> = selection.records().collect();
    while let Some(record) = queue.pop() {
        if !kept.insert(record) {
            continue;
        }
        let stored = catalog
            .relations(record)
            .iter()
            .filter(|r| r.role.is_stored());
        queue.extend(stored.map(|relation| relation.target));
    }
    let data = catalog.to_dataset();
    fn filtered<T>(items: Vec<T>, keep: impl Fn(u32) -> bool) -> Vec<T> {
        items
            .into_iter()
            .enumerate()
            .filter(|&(position, _)| keep(u32::try_from(position).unwrap_or(u32::MAX)))
            .map(|(_, item)| item)
            .collect()
    }
    let kept = &kept;
    let keep = |make: fn(u32) -> RecordRef| move |position: u32| kept.contains(&make(position));
    let mut subset = Dataset {
        events: filtered(data.events, keep(RecordRef::Event)),
        programmes: filtered(data.programmes, keep(RecordRef::Programme)),
        projects: filtered(data.projects, keep(RecordRef::Project)),
        initiatives: filtered(data.initiatives, keep(RecordRef::Initiative)),
        participants: filtered(data.participants, keep(RecordRef::Participant)),
        spellings: Vec::new(),
        ..data
    };
    // A spelling stays with the record whose note gives it, when a record kept has its name.
    let kept_names: HashSet<String> = if data.spellings.is_empty() {
        HashSet::new()
    } else {
        names(&subset).map(str::to_lowercase).collect()
    };
    subset.spellings = data
        .spellings
        .into_iter()
        .filter(|spelling| {
            catalog
                .find(&spelling.note_of)
                .is_some_and(|record| kept.contains(&record))
                && kept_names.contains(&spelling.name.to_lowercase())
        })
        .collect();
    // A place stays when a kept event is still held there: `check` wants every place named
    // to be one.
    let held: HashSet<&str> = kept
        .iter()
        .filter_map(|&record| match record {
            RecordRef::Event(event) => event_place(catalog, event),
            _ => None,
        })
        .collect();
    subset
        .places
        .retain(|place| held.contains(place.name.as_str()));
    subset
}

/// The titles and event places of a dataset's records.
fn names(dataset: &Dataset) -> impl Iterator<Item = &str> {
    let events = dataset
        .events
        .iter()
        .flat_map(|e| std::iter::once(e.title.as_str()).chain(e.place.as_deref()));
    events
        .chain(dataset.programmes.iter().map(|p| p.title.as_str()))
        .chain(dataset.projects.iter().map(|p| p.title.as_str()))
        .chain(dataset.initiatives.iter().map(|i| i.title.as_str()))
        .chain(dataset.participants.iter().map(|p| p.name.as_str()))
}

/// Pretty JSON whose strings carry no character that a terminal would act on or hide: what
/// [`crate::data::display`] escapes for display is written as a JSON `\u` escape instead
/// (`\u009b`, `\u202e`, `\udb40\udc41`), which loads back as the same text. serde_json itself
/// escapes only U+0000–U+001F, `"` and `\`. For JSON shown on a terminal.
pub struct TerminalSafeFormatter<'a> {
    pretty: serde_json::ser::PrettyFormatter<'a>,
    /// The character before the next one, across fragments, for the variation-selector rule.
    before: Option<char>,
}

impl Default for TerminalSafeFormatter<'_> {
    fn default() -> Self {
        Self {
            pretty: serde_json::ser::PrettyFormatter::new(),
            before: None,
        }
    }
}

impl serde_json::ser::Formatter for TerminalSafeFormatter<'_> {
    fn begin_string<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.before = None;
        writer.write_all(b"\"")
    }

    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut clean_from = 0;
        for (at, c, escape) in crate::data::display::escapes_after(fragment, self.before) {
            if escape {
                writer.write_all(&fragment.as_bytes()[clean_from..at])?;
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(writer, "\\u{unit:04x}")?;
                }
                clean_from = at + c.len_utf8();
            }
            self.before = Some(c);
        }
        writer.write_all(&fragment.as_bytes()[clean_from..])
    }

    fn write_char_escape<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        char_escape: serde_json::ser::CharEscape,
    ) -> std::io::Result<()> {
        // An escaped character (a quote, a backslash, a C0 control) modifies nothing after it.
        self.before = None;
        serde_json::ser::CompactFormatter.write_char_escape(writer, char_escape)
    }

    fn begin_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.pretty.begin_array(writer)
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.pretty.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.pretty.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
    ) -> std::io::Result<()> {
        self.pretty.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.pretty.begin_object(writer)
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.pretty.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.pretty.begin_object_key(writer, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
    ) -> std::io::Result<()> {
        self.pretty.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
    ) -> std::io::Result<()> {
        self.pretty.end_object_value(writer)
    }
}

/// `value` as pretty JSON, safe to show on a terminal (see [`TerminalSafeFormatter`]).
pub fn to_terminal_safe_json<T: serde::Serialize>(
    writer: &mut impl std::io::Write,
    value: &T,
) -> serde_json::Result<()> {
    let mut serializer =
        serde_json::Serializer::with_formatter(writer, TerminalSafeFormatter::default());
    value.serialize(&mut serializer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_safe_json_escapes_what_a_terminal_would_act_on_and_loads_back_the_same() {
        let text = "a\u{9b}?1049l \u{7f}\u{85}\u{202e}\u{e0041} ❤\u{fe0f} \"q\" \u{1b}";
        let mut out = Vec::new();
        to_terminal_safe_json(&mut out, &vec![text]).unwrap();
        let json = String::from_utf8(out).unwrap();
        assert!(
            json.contains(r#"a\u009b?1049l \u007f\u0085\u202e\udb40\udc41 ❤"#),
            "{json}"
        );
        assert!(json.contains(r#"\"q\" \u001b"#), "{json}");
        assert!(!json.chars().any(|c| c.is_control() && c != '\n'), "{json}");
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, [text]);
    }
}
