//! Field scopes in a query: `year:2005`, `kind:summit`, `place:baku`, `tab:funding` (or `y:`,
//! `k:`, `p:`, `t:`), which narrow the records before the words are matched.

use crate::{
    data::{Catalog, Record, RecordRef, Role},
    tab::Tab,
};

/// One `name:value` restriction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Records whose dates or period touch these years (both included).
    Years(i32, i32),
    /// Records whose kind contains this text ("summit", "person", "project").
    Kind(String),
    /// Records held at, or tied to events held at, a place containing this text.
    Place(String),
    /// Records listed in this tab.
    Tab(Tab),
}

/// The scope names and their short forms.
pub const SCOPE_NAMES: [(&str, &str); 4] =
    [("year", "y"), ("kind", "k"), ("place", "p"), ("tab", "t")];

/// Reads `token` as a scope: `None` when it is not one (or its value is not typed yet), an
/// error message when its value is wrong.
pub fn parse_scope(token: &str) -> Option<Result<Scope, String>> {
    let (name, value) = token.split_once(':')?;
    let name = name.to_lowercase();
    let (long, _) = SCOPE_NAMES
        .iter()
        .find(|(long, short)| name == *long || name == *short)?;
    if value.is_empty() {
        return None;
    }
    let value_lower = value.to_lowercase();
    Some(match *long {
        "year" => parse_years(value).ok_or_else(|| {
            format!("year:{value} — expected a year such as 2005 or a range such as 2003-2006")
        }),
        "kind" => Ok(Scope::Kind(value_lower)),
        "place" => Ok(Scope::Place(value_lower)),
        _ => Tab::ALL
            .into_iter()
            .find(|tab| tab.title().to_lowercase().starts_with(&value_lower))
            .map(Scope::Tab)
            .ok_or_else(|| {
                format!("tab:{value} — expected timeline, funding, initiatives or participants")
            }),
    })
}

fn parse_years(value: &str) -> Option<Scope> {
    let (from, to) = value
        .split_once("..")
        .or_else(|| value.split_once('-'))
        .unwrap_or((value, value));
    let from: i32 = from.trim().parse().ok()?;
    let to: i32 = to.trim().parse().ok()?;
    Some(Scope::Years(from.min(to), from.max(to)))
}

/// What the scopes test about one record, worked out once when the index is built.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    /// The first and last year the record's dates touch.
    years: Option<(i32, i32)>,
    /// Its kind words, lowercase, separated by newlines.
    kinds: Box<str>,
    /// Its places, lowercase, separated by newlines.
    places: Box<str>,
}

impl Scope {
    /// Whether a record with `facets`, listed in `tab`, passes this scope.
    pub fn admits(&self, tab: Tab, facets: &Facets) -> bool {
        match self {
            Self::Years(from, to) => facets
                .years
                .is_some_and(|(first, last)| first <= *to && last >= *from),
            Self::Kind(text) => facets.kinds.contains(text.as_str()),
            Self::Place(text) => facets.places.contains(text.as_str()),
            Self::Tab(wanted) => tab == *wanted,
        }
    }
}

fn event_years(catalog: &Catalog, record: RecordRef) -> Option<(i32, i32)> {
    let Some(Record::Event(event)) = catalog.get(record) else {
        return None;
    };
    let date = event.date()?;
    let last = match date {
        crate::data::EventDate::Range { end, .. } => chrono::Datelike::year(&end),
        _ => date.year(),
    };
    Some((date.year(), last))
}

fn hull(spans: impl Iterator<Item = (i32, i32)>) -> Option<(i32, i32)> {
    spans.fold(None, |hull, (first, last)| match hull {
        None => Some((first, last)),
        Some((a, b)) => Some((a.min(first), b.max(last))),
    })
}

fn event_places(catalog: &Catalog, record: RecordRef) -> Vec<String> {
    let mut places = Vec::new();
    if let Some(Record::Event(event)) = catalog.get(record) {
        places.extend(event.place().map(str::to_string));
        let country = catalog
            .relations(record)
            .iter()
            .find(|r| r.role == Role::Country);
        places.extend(country.map(|r| catalog.title(r.target).to_string()));
    }
    places
}

/// The facets of `record`: its own dates, kind and place, and for records tied to events
/// (initiatives, participants) those of the events.
pub fn record_facets(catalog: &Catalog, record: RecordRef) -> Facets {
    let Some(view) = catalog.get(record) else {
        return Facets::default();
    };
    let tied_events = || {
        catalog
            .relations(record)
            .iter()
            .filter(|r| matches!(r.role, Role::SupportedAt | Role::TookPartIn | Role::HostOf))
            .map(|r| r.target)
    };
    let (years, kinds, places): (Option<(i32, i32)>, Vec<String>, Vec<String>) = match view {
        Record::Event(event) => (
            event_years(catalog, record),
            vec![
                event.kind().label().into(),
                event.kind().description().into(),
                "event".into(),
            ],
            event_places(catalog, record),
        ),
        Record::Programme(programme) => (
            Some((programme.period().start, programme.period().end)),
            vec!["programme".into(), "program".into(), "funding".into()],
            Vec::new(),
        ),
        Record::Project(project) => {
            let period = catalog
                .relations(record)
                .iter()
                .find(|r| r.role == Role::Programme)
                .and_then(|r| match catalog.get(r.target) {
                    Some(Record::Programme(programme)) => {
                        Some((programme.period().start, programme.period().end))
                    }
                    _ => None,
                });
            let mut kinds = vec!["project".to_string(), "funding".to_string()];
            kinds.extend(project.category().map(str::to_string));
            (period, kinds, Vec::new())
        }
        Record::Initiative(initiative) => (
            hull(tied_events().filter_map(|event| event_years(catalog, event))),
            vec![initiative.kind().label().into(), "initiative".into()],
            tied_events()
                .flat_map(|event| event_places(catalog, event))
                .collect(),
        ),
        Record::Participant(participant) => {
            let mut places: Vec<String> = tied_events()
                .flat_map(|event| event_places(catalog, event))
                .collect();
            if participant.kind() == crate::data::ParticipantKind::State {
                places.push(participant.name().to_string());
            }
            (
                hull(tied_events().filter_map(|event| event_years(catalog, event))),
                vec![participant.kind().label().into(), "participant".into()],
                places,
            )
        }
    };
    Facets {
        years,
        kinds: kinds.join("\n").to_lowercase().into(),
        places: places.join("\n").to_lowercase().into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_and_their_short_forms() {
        assert_eq!(parse_scope("year:2005"), Some(Ok(Scope::Years(2005, 2005))));
        assert_eq!(
            parse_scope("y:2006-2003"),
            Some(Ok(Scope::Years(2003, 2006)))
        );
        assert_eq!(
            parse_scope("Year:2003..2004"),
            Some(Ok(Scope::Years(2003, 2004)))
        );
        assert_eq!(
            parse_scope("k:Summit"),
            Some(Ok(Scope::Kind("summit".into())))
        );
        assert_eq!(
            parse_scope("place:baku"),
            Some(Ok(Scope::Place("baku".into())))
        );
        assert_eq!(parse_scope("t:fund"), Some(Ok(Scope::Tab(Tab::Funding))));
        assert_eq!(
            parse_scope("tab:p"),
            Some(Ok(Scope::Tab(Tab::Participants)))
        );
    }

    #[test]
    fn words_with_colons_and_half_typed_scopes_are_not_scopes() {
        assert_eq!(parse_scope("baku"), None);
        assert_eq!(parse_scope("ratio:2"), None);
        assert_eq!(parse_scope("year:"), None);
    }

    #[test]
    fn wrong_values_say_what_was_expected() {
        let error = parse_scope("year:soon").unwrap().unwrap_err();
        assert!(error.contains("expected a year"), "{error}");
        let error = parse_scope("tab:x").unwrap().unwrap_err();
        assert!(error.contains("expected timeline"), "{error}");
    }
}
