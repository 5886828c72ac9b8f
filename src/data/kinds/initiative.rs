//! An initiative, resolution, proposal or line of cooperation, declared once.

use super::layout::*;
use crate::data::record::{RecordRef, Role};

crate::data::kinds::record_kind! {
    /// An initiative, resolution, proposal or line of cooperation.
    Initiative "Initiative" "initiative", InitiativeRow, InitiativeView,
        RecordRef::Initiative;
    /// A stable id, unique across the whole dataset.
    id: text(Id),
    /// A short name in the dataset's own words.
    title: text(Title),
    /// What sort of initiative it is.
    kind: value(InitiativeKind),
    /// The participants behind it, each an id or a tie with its kind (`proposed`, `supports`,
    /// `pursues`; `mentioned` for a bare id).
    proposed_by: ties(ProposedBy),
    /// The participants it works with, each an id or a tie (`partner`; `mentioned` for a bare
    /// id).
    partners: ties(Partner),
    /// The events the source ties it to, each an id or a tie with its kind (`supported`,
    /// `support_reiterated`, `included_in_document`, `took_part`, `mentioned_in`; `mentioned`
    /// for a bare id).
    events: ties(SupportedAt),
    /// What became of it, in the dataset's own words.
    outcome: text(Running),
    /// What it is, in the dataset's own words.
    summary: text(Running),
    /// Where the record comes from; at least one.
    sources: sources,
    /// Context from outside the source, always shown as such.
    note: text_opt(Running),
}

crate::data::kinds::kind_names! {
    /// The sort of an initiative.
    InitiativeKind {
        /// A proposal put to the organisation.
        Initiative "initiative", "initiative", "initiative", "initiatives";
        /// A resolution.
        Resolution "resolution", "resolution", "resolution", "resolutions";
        /// Provisions proposed for a document.
        Proposal "proposal", "proposal", "proposal", "proposals";
        /// A continuing line of cooperation.
        Cooperation "cooperation", "cooperation", "cooperation", "lines of cooperation";
    }
}

/// How an initiative is shown.
pub const LAYOUT: Layout = Layout {
    what: What {
        noun: None,
        sort: Some(SortForm::Label),
    },
    detail: &[item("Outcome", Value::Text("outcome"))],
    plain: &[item("Outcome", Value::Text("outcome"))],
    csv: &[
        item("id", Value::Id),
        item("kind", Value::Sort(SortForm::Label)),
        item("title", Value::Title),
        item("outcome", Value::Text("outcome")),
        ids("participant_ids", Role::ProposedBy),
        names("participants", Role::ProposedBy),
        ids("partner_ids", Role::Partner),
        names("partners", Role::Partner),
        ids("event_ids", Role::SupportedAt),
        names("events", Role::SupportedAt),
    ],
    tsv: &[
        item("kind", Value::Sort(SortForm::Label)),
        item("title", Value::Title),
        item("outcome", Value::Text("outcome")),
    ],
    markdown: &[
        item("Initiative", Value::Title),
        item("Kind", Value::Sort(SortForm::Label)),
        item("Outcome", Value::Text("outcome")),
    ],
    search: &[
        naming("kind", Value::Sort(SortForm::Label)),
        naming("kind", Value::Sort(SortForm::Plural)),
        Searched {
            naming: false,
            ..naming("outcome", Value::Text("outcome"))
        },
    ],
    marks: &[],
};
