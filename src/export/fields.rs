//! The text of a record's fields as exports write them: dates, places, tied names and ids,
//! citations.

use crate::{
    data::{Catalog, Record, RecordRef, Role},
    format::{format_period, with_aside},
};

/// The ids and names of the records `record` is tied to in `role`, each list joined by "; ".
pub fn tied(catalog: &Catalog, record: RecordRef, role: Role) -> (String, String) {
    let targets: Vec<RecordRef> = catalog
        .relations(record)
        .iter()
        .filter(|relation| relation.role == role)
        .map(|relation| relation.target)
        .collect();
    let ids: Vec<&str> = targets
        .iter()
        .filter_map(|&target| catalog.get(target).map(|view| view.id()))
        .collect();
    let names: Vec<&str> = targets
        .iter()
        .map(|&target| catalog.title(target))
        .collect();
    (ids.join("; "), names.join("; "))
}

/// The paragraphs a record cites, as "3; 6".
pub fn paragraphs(catalog: &Catalog, record: RecordRef) -> String {
    let mut numbers: Vec<u32> = catalog.get(record).map_or_else(Vec::new, |view| {
        view.sources()
            .iter()
            .map(|citation| citation.paragraph)
            .collect()
    });
    numbers.dedup();
    numbers
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// The citations of a record, one per line: `¶3 “quote”`.
pub fn citations(catalog: &Catalog, record: RecordRef) -> Vec<String> {
    catalog.get(record).map_or_else(Vec::new, |view| {
        view.sources()
            .iter()
            .map(|citation| format!("¶{} “{}”", citation.paragraph, citation.quote))
            .collect()
    })
}

/// When: an event's date written out, a programme's period, a project's programme period.
pub fn when(catalog: &Catalog, record: RecordRef) -> String {
    match catalog.get(record) {
        Some(Record::Event(event)) => event
            .date()
            .map(|date| date.long_label())
            .unwrap_or_default(),
        Some(Record::Programme(programme)) => format_period(programme.period()),
        Some(Record::Project(project)) => {
            match Some(RecordRef::Programme(project.programme())).and_then(|p| catalog.get(p)) {
                Some(Record::Programme(programme)) => format_period(programme.period()),
                _ => String::new(),
            }
        }
        _ => String::new(),
    }
}

/// An event's place, with its country when the dataset names one and the place does not
/// already end with it (`Sanaa, Yemen` either way).
pub fn place(catalog: &Catalog, record: RecordRef) -> String {
    let Some(Record::Event(event)) = catalog.get(record) else {
        return String::new();
    };
    let (_, country) = tied(catalog, record, Role::Country);
    match (event.place(), country.is_empty()) {
        (Some(place), false) if place != country && !place.ends_with(&format!(", {country}")) => {
            format!("{place}, {country}")
        }
        (Some(place), _) => place.to_string(),
        (None, _) => country,
    }
}

/// Each of a record's ties in full, for a CSV cell: "Supported at: 32nd Islamic Conference of
/// Foreign Ministers ¶6 “participants of the 32nd … supported Kazakhstan’s initiative”", then
/// each reading it rests on.
pub fn quoted_ties(catalog: &Catalog, record: RecordRef) -> Vec<String> {
    catalog
        .relations(record)
        .iter()
        .map(|relation| {
            let mut line = format!(
                "{}: {}",
                catalog.tie_heading(record, &relation),
                catalog.title(relation.target)
            );
            if let Some(tie) = catalog.tie(&relation) {
                for citation in tie.sources() {
                    line.push_str(&format!(" ¶{} “{}”", citation.paragraph, citation.quote));
                }
            }
            for reading in catalog.tie_readings(record, &relation) {
                line = with_aside(&line, &format!("reading: {reading}"));
            }
            line
        })
        .collect()
}

/// Each of a record's ties as "Supported at: 32nd Islamic Conference of Foreign Ministers
/// (¶6)": named by its kind, with the paragraphs of its quotes and its reading marked.
pub fn labelled_ties(catalog: &Catalog, record: RecordRef) -> Vec<String> {
    catalog
        .relations(record)
        .iter()
        .map(|relation| {
            let heading = catalog.tie_heading(record, &relation);
            let name = catalog.title(relation.target);
            let tie = catalog.tie(&relation);
            let mut marks: Vec<String> = tie
                .map(|tie| {
                    tie.sources()
                        .iter()
                        .map(|citation| format!("¶{}", citation.paragraph))
                        .collect()
                })
                .unwrap_or_default();
            marks.dedup();
            if !catalog.tie_readings(record, &relation).is_empty() {
                marks.push("a reading".into());
            }
            if marks.is_empty() {
                format!("{heading}: {name}")
            } else {
                with_aside(&format!("{heading}: {name}"), &marks.join(", "))
            }
        })
        .collect()
}
