//! The text fields of each record that search looks at, with how much a match in each counts.

use crate::{
    data::{Catalog, Record, RecordRef},
    format::{format_period, format_usd},
};

/// How much a match in a field counts: a title match outranks one in the summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    /// The record's title or name.
    Title,
    /// A short naming field: place, country, office, kind, date.
    Name,
    /// Running text: summary, outcome, note, quotes.
    Text,
    /// The name of a record this one refers to (its participants, proposers, events).
    Related,
}

impl Weight {
    /// The multiplier applied to a match score.
    pub fn factor(self) -> u32 {
        match self {
            Self::Title => 4,
            Self::Name => 3,
            Self::Text => 2,
            Self::Related => 1,
        }
    }
}

/// One searchable field of a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchField {
    /// The field's name as results show it ("summary", "place", ...).
    pub name: &'static str,
    /// How much a match here counts.
    pub weight: Weight,
    /// The field's text.
    pub text: String,
}

fn field(name: &'static str, weight: Weight, text: impl Into<String>) -> SearchField {
    SearchField {
        name,
        weight,
        text: text.into(),
    }
}

/// Every text field of `record`, title first.
pub fn record_fields(catalog: &Catalog, record: RecordRef) -> Vec<SearchField> {
    let Some(view) = catalog.get(record) else {
        return Vec::new();
    };
    let mut fields = vec![field("title", Weight::Title, view.title())];
    match view {
        Record::Event(event) => {
            fields.push(field("kind", Weight::Name, event.kind().description()));
            if let Some(date) = event.date() {
                fields.push(field(
                    "date",
                    Weight::Name,
                    format!("{} {date}", date.long_label()),
                ));
            }
            if let Some(place) = &event.place() {
                fields.push(field("place", Weight::Name, place.to_string()));
            }
        }
        Record::Programme(programme) => {
            fields.push(field(
                "period",
                Weight::Name,
                format_period(programme.period()),
            ));
        }
        Record::Project(project) => {
            fields.push(field(
                "amount",
                Weight::Name,
                format_usd(project.amount_usd().into()),
            ));
            if let Some(programme) = Some(RecordRef::Programme(project.programme())) {
                fields.push(field("programme", Weight::Name, catalog.title(programme)));
            }
        }
        Record::Initiative(initiative) => {
            fields.push(field("kind", Weight::Name, initiative.kind().label()));
            fields.push(field("outcome", Weight::Text, initiative.outcome()));
        }
        Record::Participant(participant) => {
            fields.push(field("kind", Weight::Name, participant.kind().label()));
            if let Some(office) = &participant.office() {
                fields.push(field("office", Weight::Name, office.to_string()));
            }
        }
    }
    fields.push(field("summary", Weight::Text, view.summary()));
    if let Some(note) = view.note() {
        fields.push(field("note", Weight::Text, note));
    }
    for citation in view.sources() {
        fields.push(field("source", Weight::Text, citation.quote));
    }
    // The records this one names, so a search for a person or a place finds what mentions it.
    for relation in catalog
        .relations(record)
        .iter()
        .filter(|r| r.role.is_stored())
    {
        let mut name = catalog.title(relation.target).to_string();
        if let Some(Record::Event(event)) = catalog.get(relation.target)
            && let Some(place) = &event.place()
        {
            name.push_str(", ");
            name.push_str(place);
        }
        fields.push(field(relation.role.field_name(), Weight::Related, name));
    }
    fields
}
