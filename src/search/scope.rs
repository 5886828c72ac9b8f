//! Field scopes in a query: `year:2005`, `kind:summit`, `place:baku`, `tab:funding` (or `y:`,
//! `k:`, `p:`, `t:`), which narrow the records before the words are matched. Nothing is stored
//! per record: each query works out what it needs once (which kinds, which events' places
//! match, each distinct place once) and then tests each record in constant time, or by its
//! ties for initiatives and participants.

use std::collections::HashMap;

use super::query::{typo_allowance, typo_distance};
use super::text_form::folded_query;
use crate::data::{
    Catalog, EventKind, InitiativeKind, ParticipantKind, Record, RecordRef, Role, Tab,
};
use crate::quoted::quoted;

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
    let said = quoted(value);
    Some(match *long {
        "year" => parse_years(value).ok_or_else(|| {
            format!("year:{said} — expected a year such as 2005 or a range such as 2003-2006")
        }),
        "kind" if KindMatch::new(&folded_query(value)).matches_none() => Err(format!(
            "kind:{said} — no kind of record is called that; the kinds: {}",
            KindMatch::names().join(", ")
        )),
        // Folded as every search word is (`ＳＵＭＭＩＴ` is `summit`).
        "kind" => Ok(Scope::Kind(folded_query(value))),
        "place" => Ok(Scope::Place(value_lower)),
        // The Map tab lists places, which search does not find: `p:` finds their events.
        _ => Tab::ALL
            .into_iter()
            .filter(|&tab| tab != Tab::Map)
            .find(|tab| tab.title().to_lowercase().starts_with(&value_lower))
            .map(Scope::Tab)
            .ok_or_else(|| {
                format!(
                    "tab:{said} — expected timeline, funding, initiatives, participants or source"
                )
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

/// The scopes of one query, worked out against a catalog. Scopes of one name widen each
/// other (`y:2000 y:2005` is either year, `t:timeline t:funding` either tab); scopes of
/// different names narrow.
pub struct ScopeFilter {
    years: Vec<(i32, i32)>,
    kinds: Vec<KindMatch>,
    /// For place scopes: which events are held at a matching place.
    places: Option<Places>,
    tabs: Vec<Tab>,
}

/// What `place:` scopes admit, worked out once per query: by event, whether it is held at a
/// matching place (or in a matching state). Only events are held anywhere.
struct Places {
    held: Vec<bool>,
}

/// Whether a name (lowercase) answers a scope's value: it holds the value, or, from five
/// letters, has a word within the typos the value's length allows.
fn name_matches(lower: &str, value: &str) -> bool {
    if lower.contains(value) {
        return true;
    }
    let needle: Vec<char> = value.chars().collect();
    let Some(allowed) = typo_allowance(needle.len()) else {
        return false;
    };
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .any(|word| {
            let word: Vec<char> = word.chars().collect();
            typo_distance(&needle, &word).is_some_and(|distance| distance <= allowed)
        })
}

/// Whether a name (a place, a state) answers a `place:` value: it holds the value, or, from
/// five letters, has a word within the typos the value's length allows (`mekah` finds Mekkah);
/// or one of its other spellings does (`mecca`).
fn place_matches(catalog: &Catalog, name: &str, value: &str) -> bool {
    let answers = |name: &str| name_matches(&name.to_lowercase(), value);
    answers(name)
        || catalog
            .spellings_of(name)
            .iter()
            .any(|spelling| answers(spelling))
}

/// Which kinds a `kind:` scope accepts.
struct KindMatch {
    text: String,
    events: [bool; EventKind::ALL.len()],
    initiatives: [bool; InitiativeKind::ALL.len()],
    participants: [bool; ParticipantKind::ALL.len()],
    programmes: bool,
    projects: bool,
}

impl KindMatch {
    /// The kinds whose names (any spelling `--kind` takes, or the collection's) hold `text`
    /// or are a typo away from it: `summit` is the summits and the extraordinary summits, as a
    /// reader asking for summits means; `_` and a space are one (`extraordinary_summits`).
    fn new(text: &str) -> Self {
        Self::near(&text.replace('_', " "))
    }

    /// The kinds whose names hold `text` (its `_` already spaces) or are a typo away from it.
    fn near(text: &str) -> Self {
        let has = |words: &[&str]| {
            words
                .iter()
                .any(|word| name_matches(&word.replace('_', " "), text))
        };
        // Every spelling `--kind` takes (see `spellings`), and the collection's own names.
        let kind = |spellings: [&str; 3], more: &[&str]| has(&spellings) || has(more);
        Self {
            text: text.to_string(),
            events: EventKind::ALL
                .map(|k| kind(k.spellings(), &[k.description(), "event", "events"])),
            initiatives: InitiativeKind::ALL
                .map(|k| kind(k.spellings(), &["initiative", "initiatives"])),
            participants: ParticipantKind::ALL
                .map(|k| kind(k.spellings(), &["participant", "participants"])),
            programmes: has(&["programme", "programmes", "program", "programs", "funding"]),
            projects: has(&["project", "projects", "funding"]),
        }
    }

    /// Whether the text names no kind at all.
    fn matches_none(&self) -> bool {
        !(self.events.iter().any(|&m| m)
            || self.initiatives.iter().any(|&m| m)
            || self.participants.iter().any(|&m| m)
            || self.programmes
            || self.projects)
    }

    /// Every kind's name, as `kind:` and `--kind` offer it (one word each).
    fn names() -> Vec<&'static str> {
        EventKind::ALL
            .iter()
            .map(|kind| kind.typed_name())
            .chain(InitiativeKind::ALL.iter().map(|kind| kind.typed_name()))
            .chain(ParticipantKind::ALL.iter().map(|kind| kind.typed_name()))
            .chain(["programme", "project"])
            .collect()
    }
}

/// The first and last year of a dated record's own dates: an event's, a programme's period.
pub(super) fn own_years(catalog: &Catalog, record: RecordRef) -> Option<(i32, i32)> {
    match record {
        RecordRef::Event(i) => event_years(catalog, i),
        RecordRef::Programme(i) => catalog
            .programme(i)
            .map(|p| (p.period().start, p.period().end)),
        _ => None,
    }
}

fn event_years(catalog: &Catalog, index: u32) -> Option<(i32, i32)> {
    let date = catalog.event(index)?.date()?;
    let last = match date {
        crate::data::EventDate::Range { end, .. } => chrono::Datelike::year(&end),
        _ => date.year(),
    };
    Some((date.year(), last))
}

impl ScopeFilter {
    /// The filter for `scopes` (an empty filter admits everything).
    pub fn new<'c>(catalog: &'c Catalog, scopes: &[Scope]) -> Self {
        let mut filter = Self {
            years: Vec::new(),
            kinds: Vec::new(),
            places: None,
            tabs: Vec::new(),
        };
        let mut places = Vec::new();
        for scope in scopes {
            match scope {
                Scope::Years(from, to) => filter.years.push((*from, *to)),
                Scope::Kind(text) => filter.kinds.push(KindMatch::new(text)),
                Scope::Place(text) => places.push(text.clone()),
                Scope::Tab(tab) => filter.tabs.push(*tab),
            }
        }
        if !places.is_empty() {
            // Many events share a place and a place may have thousands of other spellings:
            // each distinct name is matched once per query, not once per record bearing it.
            let mut answers: HashMap<&'c str, bool> = HashMap::new();
            let mut answers = |name: &'c str| -> bool {
                if let Some(&answer) = answers.get(name) {
                    return answer;
                }
                let answer = places.iter().any(|text| place_matches(catalog, name, text));
                answers.insert(name, answer);
                answer
            };
            let counts = catalog.counts();
            let events = u32::try_from(counts.events).unwrap_or(u32::MAX);
            let held = (0..events)
                .map(|i| {
                    let event = RecordRef::Event(i);
                    let place = catalog.event(i).and_then(|e| e.place());
                    let country = catalog
                        .relations(event)
                        .iter()
                        .find(|r| r.role == Role::Country)
                        .map(|r| catalog.title(r.target));
                    place.is_some_and(&mut answers) || country.is_some_and(&mut answers)
                })
                .collect();
            filter.places = Some(Places { held });
        }
        filter
    }

    /// Whether `record` passes every scope.
    pub fn admits(&self, catalog: &Catalog, record: RecordRef) -> bool {
        if !self.tabs.is_empty() && !self.tabs.contains(&Tab::of(record)) {
            return false;
        }
        if !self.kinds.is_empty()
            && !self
                .kinds
                .iter()
                .any(|kind| Self::kind_matches(kind, catalog, record))
        {
            return false;
        }
        if !self.years.is_empty() {
            let touches = |(first, last): (i32, i32)| {
                self.years
                    .iter()
                    .any(|&(from, to)| first <= to && last >= from)
            };
            let admitted = match record {
                RecordRef::Event(i) => event_years(catalog, i).is_some_and(touches),
                RecordRef::Programme(i) => catalog
                    .programme(i)
                    .is_some_and(|p| touches((p.period().start, p.period().end))),
                RecordRef::Project(i) => catalog
                    .project(i)
                    .and_then(|p| catalog.programme(p.programme()))
                    .is_some_and(|p| touches((p.period().start, p.period().end))),
                _ => self
                    .tied_events(catalog, record)
                    .any(|e| event_years(catalog, e).is_some_and(touches)),
            };
            if !admitted {
                return false;
            }
        }
        // `place:` finds the events held there, as the help says: nothing else is held.
        if let Some(Places { held, .. }) = &self.places {
            let admitted = match record {
                RecordRef::Event(i) => held.get(i as usize).copied().unwrap_or(false),
                _ => false,
            };
            if !admitted {
                return false;
            }
        }
        true
    }

    fn kind_matches(kind: &KindMatch, catalog: &Catalog, record: RecordRef) -> bool {
        match catalog.get(record) {
            Some(Record::Event(e)) => kind.events[e.kind() as usize],
            Some(Record::Initiative(v)) => {
                kind.initiatives[InitiativeKind::ALL
                    .iter()
                    .position(|&k| k == v.kind())
                    .unwrap_or(0)]
            }
            Some(Record::Participant(p)) => {
                kind.participants[ParticipantKind::ALL
                    .iter()
                    .position(|&k| k == p.kind())
                    .unwrap_or(0)]
            }
            Some(Record::Programme(_)) => kind.programmes,
            Some(Record::Project(p)) => {
                kind.projects
                    || p.category()
                        .is_some_and(|c| c.to_lowercase().contains(kind.text.as_str()))
            }
            None => false,
        }
    }

    /// The events an initiative is tied to, or a participant took part in (itself or through
    /// those who represent it) or hosted.
    fn tied_events<'c>(
        &self,
        catalog: &'c Catalog,
        record: RecordRef,
    ) -> impl Iterator<Item = u32> + 'c {
        catalog
            .relations(record)
            .iter()
            .filter(|r| {
                matches!(
                    r.role,
                    Role::SupportedAt | Role::TookPartIn | Role::HostOf | Role::TookPartThrough
                )
            })
            .filter_map(|r| match r.target {
                RecordRef::Event(i) => Some(i),
                _ => None,
            })
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

    /// Every spelling of every sort `--kind` takes (its file name, its label, its plural),
    /// typed in `kind:`, reaches that sort; and reads back as that sort alone.
    #[test]
    fn every_spelling_of_a_kind_is_understood_by_kind_and_by_kind_flag() {
        for (at, kind) in EventKind::ALL.into_iter().enumerate() {
            for spelling in kind.spellings() {
                assert!(
                    KindMatch::new(&spelling.to_lowercase()).events[at],
                    "{spelling}"
                );
                assert_eq!(EventKind::from_typed(spelling), Some(kind), "{spelling}");
            }
        }
        for (at, kind) in InitiativeKind::ALL.into_iter().enumerate() {
            for spelling in kind.spellings() {
                assert!(
                    KindMatch::new(&spelling.to_lowercase()).initiatives[at],
                    "{spelling}"
                );
                assert_eq!(
                    InitiativeKind::from_typed(spelling),
                    Some(kind),
                    "{spelling}"
                );
            }
        }
        for (at, kind) in ParticipantKind::ALL.into_iter().enumerate() {
            for spelling in kind.spellings() {
                assert!(
                    KindMatch::new(&spelling.to_lowercase()).participants[at],
                    "{spelling}"
                );
                assert_eq!(
                    ParticipantKind::from_typed(spelling),
                    Some(kind),
                    "{spelling}"
                );
            }
        }
        assert_eq!(
            parse_scope("kind:people"),
            Some(Ok(Scope::Kind("people".into())))
        );
        // A kind's name finds it and the kinds whose names hold it (the extraordinary summits
        // are summits too); `_` is a space; the value is folded as search words are.
        let count = |matched: &KindMatch| matched.events.iter().filter(|&&m| m).count();
        assert_eq!(count(&KindMatch::new("summit")), 2);
        assert_eq!(count(&KindMatch::new("extraordinary_summits")), 1);
        assert_eq!(
            parse_scope("kind:ＳＵＭＭＩＴ"),
            Some(Ok(Scope::Kind("summit".into())))
        );
    }
}
