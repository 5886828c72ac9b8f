//! An event: a meeting, conference, summit, address or membership step, declared once.

use super::CheckValue;
use super::layout::*;
use crate::data::{
    date::EventDate,
    record::{RecordRef, Role},
};

/// A date is never wrong on its own: a file that names an impossible one fails to parse.
impl CheckValue for EventDate {}

crate::data::kinds::record_kind! {
    /// A dated or named meeting, conference, summit, address or membership step.
    Event "Event" "event", EventRow, EventView, RecordRef::Event;
    /// A stable id, unique across the whole dataset.
    id: text(Id),
    /// A short name in the dataset's own words.
    title: text(Title),
    /// What sort of event it was.
    kind: value(EventKind),
    /// When, at the precision the source gives; absent when the source gives none.
    date: value_opt(EventDate),
    /// The city or setting, spelled as the source spells it.
    place: text_opt(Line),
    /// The state it took place in, where the source names it: an id, or a tie with its quotes.
    country: tie_opt(Country),
    /// What happened there, in the dataset's own words.
    summary: text(Running),
    /// The participants the source names with the event, each an id or a tie with its kind
    /// (`took_part`, `joined`, `convened`, `delivered`, `addressed`; `mentioned` for a bare id).
    participants: ties(Participant),
    /// Where the record comes from; at least one.
    sources: sources,
    /// Context from outside the source, always shown as such.
    note: text_opt(Running),
}

crate::data::kinds::kind_names! {
    /// The sort of an event.
    EventKind {
        /// Joining the organisation, or another membership step.
        Membership "membership", "membership", "membership step", "membership steps";
        /// An OIC summit (Islamic Summit Conference).
        Summit "summit", "summit", "summit", "summits";
        /// An extraordinary summit or conference.
        ExtraordinarySummit "extraordinary_summit", "extra. summit", "extraordinary summit",
            "extraordinary summits";
        /// An Islamic Conference of Foreign Ministers (ICFM).
        ForeignMinisters "foreign_ministers", "ministers", "foreign ministers' conference",
            "foreign ministers' conferences";
        /// A coordination meeting, such as those at the UN General Assembly.
        CoordinationMeeting "coordination_meeting", "coordination", "coordination meeting",
            "coordination meetings";
        /// A meeting of the OIC Parliamentary Union.
        Parliamentary "parliamentary", "parliamentary", "parliamentary conference",
            "parliamentary conferences";
        /// A conference of scholars and thinkers.
        Scholars "scholars", "scholars", "scholars' conference", "scholars' conferences";
        /// A national event, such as a presidential address.
        National "national", "national", "national event", "national events";
        /// Anything else.
        Other "other", "other", "other event", "other events";
    }
}

/// How an event is shown.
pub const LAYOUT: Layout = Layout {
    what: What {
        noun: Some("event"),
        sort: Some(SortForm::Description),
    },
    detail: &[
        item("Date", Value::Date(DateForm::Long)).or("not given in the source"),
        item("Place", Value::Text("place")),
    ],
    plain: &[
        item("Date", Value::Date(DateForm::Long)).or("not given in the source"),
        item("Place", Value::PlaceWithState).with_evidence(Role::Country),
    ],
    csv: &[
        item("id", Value::Id),
        item("date", Value::Date(DateForm::Iso)),
        item("date_written", Value::Date(DateForm::Long)),
        item("kind", Value::Sort(SortForm::Description)),
        item("title", Value::Title),
        item("place", Value::Text("place")),
        ids("country_id", Role::Country),
        names("country", Role::Country),
        ids("participant_ids", Role::Participant),
        names("participants", Role::Participant),
        ids("initiative_ids", Role::InitiativeAtEvent),
        names("initiatives", Role::InitiativeAtEvent),
    ],
    tsv: &[
        item("kind", Value::Sort(SortForm::Name)),
        item("title", Value::Title),
        item("date", Value::Date(DateForm::Iso)),
        item("place", Value::Text("place")),
        names("country", Role::Country),
    ],
    markdown: &[
        item("Date", Value::Date(DateForm::Long)),
        item("Kind", Value::Sort(SortForm::Description)),
        item("Event", Value::Title),
        item("Place", Value::PlaceWithState),
    ],
    search: &[
        naming("kind", Value::Sort(SortForm::Description)),
        naming("kind", Value::Sort(SortForm::Plural)),
        naming("date", Value::Date(DateForm::Long)),
        naming("date", Value::Date(DateForm::Iso)),
        Searched {
            spellings: Some("place, also written"),
            ..naming("place", Value::Text("place"))
        },
    ],
    marks: &[],
};
