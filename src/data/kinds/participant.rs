//! A person, state, organisation, body or group, declared once.

use super::layout::*;
use crate::data::record::{RecordRef, Role};

crate::data::kinds::record_kind! {
    /// A person, state, organisation, body or group.
    Participant "Participant" "participant", ParticipantRow, ParticipantView,
        RecordRef::Participant;
    /// A stable id, unique across the whole dataset.
    id: text(Id),
    /// The name, spelled as the source spells it.
    name: text(Title),
    /// What sort of participant it is.
    kind: value(ParticipantKind),
    /// For a person, the office as the source gives it.
    office: text_opt(Line),
    /// For a body, the organisation it belongs to: an id, or a tie with its quotes.
    part_of: tie_opt(PartOf),
    /// For a group, the participant it represents (a state's delegations): an id, or a tie
    /// with its quotes. The events the group took part in are listed on that participant too.
    represents: tie_opt(Represents),
    /// Who or what it is, in the dataset's own words.
    summary: text(Running),
    /// Where the record comes from; at least one.
    sources: sources,
    /// Context from outside the source, always shown as such.
    note: text_opt(Running),
}

crate::data::kinds::kind_names! {
    /// The sort of a participant.
    ParticipantKind {
        /// A named person.
        Person "person", "person", "person", "people";
        /// A country.
        State "state", "state", "state", "states";
        /// An international organisation.
        Organisation "organisation", "organisation", "organisation", "organisations";
        /// A body of an organisation.
        Body "body", "body", "body", "bodies";
        /// A group of people, such as a delegation.
        Group "group", "group", "group", "groups";
    }
}

/// How a participant is shown.
pub const LAYOUT: Layout = Layout {
    what: What {
        noun: None,
        sort: Some(SortForm::Label),
    },
    detail: &[item("Office", Value::Text("office"))],
    plain: &[item("Office", Value::Text("office"))],
    csv: &[
        item("id", Value::Id),
        item("kind", Value::Sort(SortForm::Label)),
        item("name", Value::Title),
        item("office", Value::Text("office")),
        ids("part_of_id", Role::PartOf),
        names("part_of", Role::PartOf),
        ids("event_ids", Role::TookPartIn),
        names("events", Role::TookPartIn),
    ],
    tsv: &[
        item("kind", Value::Sort(SortForm::Label)),
        item("title", Value::Title),
        item("office", Value::Text("office")),
    ],
    markdown: &[
        item("Name", Value::Title),
        item("Kind", Value::Sort(SortForm::Label)),
        item("Office", Value::Text("office")),
    ],
    search: &[
        naming("kind", Value::Sort(SortForm::Label)),
        naming("kind", Value::Sort(SortForm::Plural)),
        naming("office", Value::Text("office")),
    ],
    marks: &[],
};
