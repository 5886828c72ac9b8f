//! Checking what a file gave before the catalog is built from it: texts, amounts, periods,
//! citations, ids, references and their ties, and the other spellings. Paths in messages are
//! only formatted for the problems found, so a clean million-record file costs no strings.

use std::collections::HashSet;

pub use super::parts::Parts;
use super::{
    display::{is_variation_selector, needs_escape, quoted},
    id_index::{IdIndex, id_hash, same_id_form},
    kinds::{self, Row},
    problems::Problems,
    record::{MAX_PACKED_INDEX, NO_DETAIL, RecordRef, Relation, Role},
    records::Records,
    source::SourceText,
    spellings::Spelling,
    store::{PendingReference, Store},
    text::{Sources, Text},
    tie_checks::check_tie,
};
use crate::{nearest::Nearest, plural::counted, quoted::said};

/// Refuses a store too large for the packed tables.
pub fn check_limits(store: &Store, records: &Records, problems: &mut Problems) {
    if store.texts.arena.overflowed() || store.pending_text.overflowed() {
        problems.add("(file)", "the dataset holds more than 4 GiB of text");
    }
    for (name, length) in records.counts().named() {
        if length > MAX_PACKED_INDEX as usize {
            problems.add(name, format!("more than {MAX_PACKED_INDEX} records"));
        }
    }
}

/// Checks the fields that need no other record, each kind by its own row's [`Row::check`].
pub fn check_fields(
    store: &Store,
    records: &Records,
    source: Option<&SourceText>,
    problems: &mut Problems,
) {
    if store.title.trim().is_empty() {
        problems.add("title", "the dataset title is empty");
    }
    fn each<R: Row>(
        rows: &[R],
        collection: &'static str,
        store: &Store,
        source: Option<&SourceText>,
        problems: &mut Problems,
    ) {
        for (index, row) in rows.iter().enumerate() {
            row.check(&mut FieldChecks {
                store,
                source,
                problems,
                collection,
                index,
            });
        }
    }
    each(&records.events, "events", store, source, problems);
    each(&records.programmes, "programmes", store, source, problems);
    each(&records.projects, "projects", store, source, problems);
    each(&records.initiatives, "initiatives", store, source, problems);
    each(
        &records.participants,
        "participants",
        store,
        source,
        problems,
    );
}

/// The checks on one record's own fields, which its kind's [`Row::check`] asks for.
struct FieldChecks<'a> {
    store: &'a Store,
    source: Option<&'a SourceText>,
    problems: &'a mut Problems,
    collection: &'static str,
    index: usize,
}

impl kinds::FieldChecks for FieldChecks<'_> {
    fn text(&mut self, field: &str, text: Text) {
        if self.store.texts.arena.get(text).trim().is_empty() {
            self.problem(field, format!("the {field} is empty"));
        }
    }

    fn citations(&mut self, sources: Sources) {
        check_citations(
            self.store,
            self.source,
            self.collection,
            self.index,
            sources,
            self.problems,
        );
    }

    fn problem(&mut self, field: &str, message: String) {
        self.problems.add(
            format!("{}[{}].{field}", self.collection, self.index),
            message,
        );
    }
}

fn check_citations(
    store: &Store,
    source: Option<&SourceText>,
    collection: &str,
    index: usize,
    sources: Sources,
    problems: &mut Problems,
) {
    if sources.count == 0 {
        problems.add(
            format!("{collection}[{index}].sources"),
            "every record needs at least one source citation",
        );
    }
    for (n, citation) in store.texts.rows(sources).iter().enumerate() {
        let here = || format!("{collection}[{index}].sources[{n}]");
        if citation.paragraph == 0 {
            problems.add(
                format!("{}.paragraph", here()),
                "paragraphs are numbered from 1, found 0",
            );
        }
        let quote = store.texts.arena.get(citation.quote);
        if quote.trim().is_empty() {
            problems.add(format!("{}.quote", here()), "the quote is empty");
            continue;
        }
        let Some(source) = source else { continue };
        match source.paragraph(citation.paragraph) {
            None if citation.paragraph > 0 => problems.add(
                format!("{}.paragraph", here()),
                format!(
                    "the source has {}, found {}",
                    counted(source.paragraph_count(), "paragraph"),
                    citation.paragraph
                ),
            ),
            Some(paragraph) if !paragraph.contains(quote) => problems.add(
                format!("{}.quote", here()),
                format!(
                    "the quote is not verbatim in paragraph {}",
                    citation.paragraph
                ),
            ),
            _ => {}
        }
    }
}

/// The id of every record in slot order, with its collection and position.
fn slot_ids(records: &Records) -> impl Iterator<Item = (&'static str, usize, Text)> + '_ {
    fn ids<'r, R: Row>(
        rows: &'r [R],
        name: &'static str,
    ) -> impl Iterator<Item = (&'static str, usize, Text)> + 'r {
        rows.iter()
            .enumerate()
            .map(move |(i, row)| (name, i, row.common().id))
    }
    ids(&records.events, "events")
        .chain(ids(&records.programmes, "programmes"))
        .chain(ids(&records.projects, "projects"))
        .chain(ids(&records.initiatives, "initiatives"))
        .chain(ids(&records.participants, "participants"))
}

/// The collection, position and id of the record in `slot` of the flat numbering.
fn slot_id(records: &Records, slot: u32) -> (&'static str, usize, Text) {
    match records.counts().record_at(slot as usize) {
        Some(record) => (
            record.collection(),
            record.index() as usize,
            records
                .common(record)
                .map_or(Text::NONE, |common| common.id),
        ),
        None => ("records", slot as usize, Text::NONE),
    }
}

/// Indexes every id by its hash, reporting empty, spaced and repeated ids.
pub fn index_ids(store: &Store, records: &Records, problems: &mut Problems) -> IdIndex {
    let arena = &store.texts.arena;
    let mut ids = IdIndex::with_capacity(records.counts().total());
    let text = |slot: u32| arena.get(slot_id(records, slot).2);
    // Ids land in the index at random: each one's place is fetched a few ids ahead.
    let mut ahead = slot_ids(records).skip(LOOKAHEAD);
    for (slot, (collection, index, id)) in slot_ids(records).enumerate() {
        if let Some((_, _, later)) = ahead.next() {
            ids.prefetch(id_hash(arena.get(later)));
        }
        let slot = u32::try_from(slot).unwrap_or(u32::MAX);
        let id = arena.get(id);
        if id.trim().is_empty() {
            problems.add(format!("{collection}[{index}].id"), "the id is empty");
            continue;
        }
        if id.chars().any(char::is_whitespace) {
            problems.add(
                format!("{collection}[{index}].id"),
                format!("the id {} contains whitespace", quoted(id)),
            );
        } else if let Some(c) = id
            .chars()
            .find(|&c| needs_escape(c) || is_variation_selector(c))
        {
            // Ids are shown and copied as they are, so they must be plain to see.
            problems.add(
                format!("{collection}[{index}].id"),
                format!(
                    "the id {} contains the control or invisible character U+{:04X}",
                    quoted(id),
                    u32::from(c)
                ),
            );
        }
        let hash = id_hash(id);
        if ids.insert(hash, slot) {
            // Both hashes seen before: the same id again.
            let first = ids
                .candidates(hash)
                .filter(|&other| other != slot)
                .find(|&other| same_id_form(text(other)) == same_id_form(id));
            if let Some(first) = first {
                let (first_collection, first_index, _) = slot_id(records, first);
                let looks = if text(first) == id {
                    ""
                } else {
                    " (written with other characters that look the same: ids are compared in \
                     Unicode's composed form, NFC)"
                };
                problems.add(
                    format!("{collection}[{index}].id"),
                    format!(
                        "duplicate id {}, first used at {first_collection}[{first_index}].id{looks}",
                        said(id, '"')
                    ),
                );
            }
        }
    }
    ids
}

/// Which collection a reference in `role` must point into.
fn expected(role: Role) -> (&'static str, fn(RecordRef) -> bool) {
    match role.target(0) {
        RecordRef::Event(_) => ("an event", |r| matches!(r, RecordRef::Event(_))),
        RecordRef::Programme(_) => ("a programme", |r| matches!(r, RecordRef::Programme(_))),
        RecordRef::Participant(_) => ("a participant", |r| matches!(r, RecordRef::Participant(_))),
        RecordRef::Project(_) => ("a project", |r| matches!(r, RecordRef::Project(_))),
        RecordRef::Initiative(_) => ("an initiative", |r| matches!(r, RecordRef::Initiative(_))),
    }
}

fn article(name: &str) -> &'static str {
    if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// Resolves every reference by id; returns the stored ties as `(slot, relation)` in file order
/// and where each project's programme is. Large files are resolved in two halves, one per core.
pub fn resolve_references(
    parts: &Parts<'_>,
    pending: &[PendingReference],
    problems: &mut Problems,
) -> (Vec<(u32, Relation)>, Vec<u32>) {
    // Split between two fields' references, so each list is checked for repeats whole.
    let mut middle = if pending.len() > 100_000 {
        pending.len() / 2
    } else {
        pending.len()
    };
    while middle > 0
        && middle < pending.len()
        && (pending[middle - 1].from, pending[middle - 1].role)
            == (pending[middle].from, pending[middle].role)
    {
        middle += 1;
    }
    let (first, second) = pending.split_at(middle);
    // Each part writes its ties into its own end of one list, so the ties are never held
    // twice over while the parts are joined (that was the load's peak at a million records).
    let unmade = (
        u32::MAX,
        Relation {
            role: Role::PartOf,
            target: RecordRef::Event(0),
            detail: NO_DETAIL,
        },
    );
    let mut ties = vec![unmade; pending.len()];
    let (first_ties, later_ties) = ties.split_at_mut(middle);
    let ((made, first_problems), (later_made, later_problems)) = std::thread::scope(|scope| {
        let later = scope.spawn(|| resolve_part(parts, second, later_ties));
        let first = resolve_part(parts, first, first_ties);
        let later = later
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (first, later)
    });
    ties.copy_within(middle..middle + later_made, made);
    ties.truncate(made + later_made);
    problems.merge(first_problems);
    problems.merge(later_problems);
    let counts = parts.records.counts();
    let mut programmes = vec![u32::MAX; counts.projects];
    for &(from, relation) in &ties {
        if let (Some(RecordRef::Project(project)), RecordRef::Programme(programme)) =
            (counts.record_at(from as usize), relation.target)
            && let Some(slot) = programmes.get_mut(project as usize)
        {
            *slot = programme;
        }
    }
    (ties, programmes)
}

/// Where a reference is in the file, for messages: `initiatives[3].events[0]`.
fn reference_path(reference: &PendingReference) -> String {
    let from = reference.from;
    let field = reference.role.stored_field();
    if reference.role.is_list() {
        format!(
            "{}[{}].{field}[{}]",
            from.collection(),
            from.index(),
            reference.position
        )
    } else {
        format!("{}[{}].{field}", from.collection(), from.index())
    }
}

/// How many references ahead the index is fetched into the cache: enough to cover a trip to
/// memory while the references between are resolved.
const LOOKAHEAD: usize = 16;

/// Resolves a run of references that starts and ends between fields, writing the ties they
/// make to the start of `ties` (as long as `pending`); returns how many it made.
fn resolve_part(
    parts: &Parts<'_>,
    pending: &[PendingReference],
    ties: &mut [(u32, Relation)],
) -> (usize, Problems) {
    let store = parts.store;
    let mut problems = Problems::default();
    let mut made = 0;
    // The references of one field come together; long lists check repeats with a set.
    let mut run_start = 0;
    let mut run_seen: std::collections::HashSet<RecordRef> = std::collections::HashSet::new();
    let mut suggest = Suggestions::default();
    for (n, reference) in pending.iter().enumerate() {
        if n == 0 || (pending[n - 1].from, pending[n - 1].role) != (reference.from, reference.role)
        {
            run_start = made;
            run_seen.clear();
        }
        if let Some(ahead) = pending.get(n + LOOKAHEAD) {
            parts
                .ids
                .prefetch(id_hash(store.pending_text.get(ahead.id)));
        }
        let path = || reference_path(reference);
        let id = store.pending_text.get(reference.id);
        let Some(target) = parts.find(id) else {
            let near = match problems.will_list() {
                true => suggest.nearest(parts, id, reference.role.target(0)),
                false => None,
            };
            problems.add(
                path(),
                format!(
                    "no record has the id {} (dangling reference){}",
                    quoted(id),
                    did_you_mean(near)
                ),
            );
            continue;
        };
        let (wanted, accepts) = expected(reference.role);
        if !accepts(target) {
            let found = target.collection_name();
            problems.add(
                path(),
                format!(
                    "{} is {} {found}, expected {wanted}",
                    quoted(id),
                    article(found)
                ),
            );
            continue;
        }
        if reference.role == Role::PartOf && target == reference.from {
            problems.add(path(), "a participant cannot be part of itself");
            continue;
        }
        if reference.role == Role::Represents && target == reference.from {
            problems.add(path(), "a participant cannot represent itself");
            continue;
        }
        let relation = Relation {
            role: reference.role,
            target,
            detail: reference.detail,
        };
        // A list naming the same record twice would tie it twice.
        let repeated = if made - run_start < 32 {
            ties[run_start..made]
                .iter()
                .any(|&(_, earlier)| earlier.target == target)
        } else {
            if run_seen.is_empty() {
                run_seen.extend(
                    ties[run_start..made]
                        .iter()
                        .map(|&(_, earlier)| earlier.target),
                );
            }
            run_seen.contains(&target)
        };
        if repeated {
            problems.add(
                path(),
                format!("{} is already listed in this field", quoted(id)),
            );
            continue;
        }
        if !run_seen.is_empty() {
            run_seen.insert(target);
        }
        if let Some(tie) = store
            .ties
            .get(reference.detail as usize)
            .filter(|tie| !tie.bare)
        {
            let ends = (reference.from, target);
            check_tie(parts, &path(), reference.role, ends, tie, &mut problems);
        }
        let from = u32::try_from(parts.records.counts().slot(reference.from)).unwrap_or(u32::MAX);
        // A reference makes at most one tie, so there is a place for it.
        if let Some(slot) = ties.get_mut(made) {
            *slot = (from, relation);
            made += 1;
        }
    }
    (made, problems)
}

/// How many ids, all told, one run of references may compare a missing id with to find the
/// nearest: each search looks at every id of a collection, so a large dataset with many
/// missing ids suggests for the first few only, and stays quick.
const SUGGESTION_BUDGET: usize = 4_000_000;

/// The searches for the nearest id made so far in one run of references.
#[derive(Default)]
struct Suggestions {
    compared: usize,
}

impl Suggestions {
    /// The id of a record of `kind`'s collection nearest `id`, within the budget.
    fn nearest<'p>(&mut self, parts: &Parts<'p>, id: &str, kind: RecordRef) -> Option<&'p str> {
        let ids = collection_ids(parts, kind);
        if self.compared > 0 && self.compared + ids.len() > SUGGESTION_BUDGET {
            return None;
        }
        self.compared += ids.len();
        let mut nearest = Nearest::new(id);
        for slot in ids {
            nearest.consider(
                parts
                    .store
                    .texts
                    .arena
                    .get(slot_id(parts.records, slot as u32).2),
            );
        }
        nearest.best()
    }
}

/// The slots of the records of `kind`'s collection.
fn collection_ids(parts: &Parts<'_>, kind: RecordRef) -> std::ops::Range<usize> {
    let counts = parts.records.counts().named();
    let at = kind.kind_index();
    let start: usize = counts[..at].iter().map(|(_, count)| count).sum();
    start..start + counts[at].1
}

/// `; did you mean "id"?` for a nearest name found, else nothing.
fn did_you_mean(near: Option<&str>) -> String {
    near.map(|near| format!("; did you mean {}?", quoted(near)))
        .unwrap_or_default()
}

/// Whether `phrase` is in `note` as whole words: neither a letter nor a digit either side,
/// and starting and ending with one (so "a" or "." inside the note is no spelling).
fn holds_phrase(note: &str, phrase: &str) -> bool {
    let alone = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
    if !is_worded(phrase) {
        return false;
    }
    // Overlapping occurrences too, as `held_phrases` finds them: in "ax.x.x" the second
    // "x.x" stands alone though the first does not.
    let mut from = 0;
    while let Some(found) = note[from..].find(phrase) {
        let at = from + found;
        if alone(note[..at].chars().next_back()) && alone(note[at + phrase.len()..].chars().next())
        {
            return true;
        }
        from = at + note[at..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// Up to this many spellings of one entry are looked for in its note one at a time.
const FEW_PHRASES: usize = 16;

/// Which of `phrases` are in `note` as whole words (see [`holds_phrase`]), found in one pass
/// over the note for all of them: an entry may give tens of thousands of spellings, all in one
/// note, and a search of the note for each would take their count times its length.
fn held_phrases(note: Option<&str>, phrases: &[String]) -> Vec<bool> {
    let mut held = vec![false; phrases.len()];
    let Some(note) = note else {
        return held;
    };
    // A few are looked for one by one: building the automaton costs more than that.
    if phrases.len() <= FEW_PHRASES {
        for (slot, phrase) in held.iter_mut().zip(phrases) {
            *slot = holds_phrase(note, phrase);
        }
        return held;
    }
    // Only a phrase that starts and ends with a letter or a digit can stand alone; the rest
    // are never held, and left out they cannot match at every other character.
    let worded: Vec<usize> = (0..phrases.len())
        .filter(|&number| is_worded(&phrases[number]))
        .collect();
    match aho_corasick::AhoCorasick::new(worded.iter().map(|&number| &phrases[number])) {
        Ok(automaton) => {
            let alone = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
            let mut missing = worded.len();
            // Every occurrence, overlapping ones too: one that fails to stand alone must not
            // hide one that does.
            for found in automaton.find_overlapping_iter(note) {
                if missing == 0 {
                    break;
                }
                let Some(slot) = worded
                    .get(found.pattern().as_usize())
                    .and_then(|&number| held.get_mut(number))
                else {
                    continue;
                };
                // A phrase that starts and ends with a whole character matches on character
                // boundaries; `get` keeps a stray one from panicking all the same.
                if !*slot
                    && alone(
                        note.get(..found.start())
                            .and_then(|s| s.chars().next_back()),
                    )
                    && alone(note.get(found.end()..).and_then(|s| s.chars().next()))
                {
                    *slot = true;
                    missing -= 1;
                }
            }
        }
        // An automaton too large to build: each phrase is looked for on its own.
        Err(_) => {
            for (slot, phrase) in held.iter_mut().zip(phrases) {
                *slot = holds_phrase(note, phrase);
            }
        }
    }
    held
}

/// Whether `phrase` starts and ends with a letter or a digit, as a spelling must.
fn is_worded(phrase: &str) -> bool {
    phrase.chars().next().is_some_and(char::is_alphanumeric)
        && phrase
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
}

/// Checks each spelling: its record exists and its note says each spelling, and its name is
/// a record's title or an event's place.
pub fn check_spellings(parts: &Parts<'_>, list: &[Spelling], problems: &mut Problems) {
    if list.is_empty() {
        return;
    }
    let texts = &parts.store.texts;
    let counts = parts.records.counts();
    let mut names: HashSet<String> = (0..counts.total())
        .filter_map(|slot| parts.records.common(counts.record_at(slot)?))
        .map(|common| texts.get(common.title).to_lowercase())
        .collect();
    names.extend(
        parts
            .records
            .events
            .iter()
            .filter_map(|event| texts.optional(event.place))
            .map(str::to_lowercase),
    );
    for (index, spelling) in list.iter().enumerate() {
        let path = format!("spellings[{index}]");
        if !names.contains(&spelling.name.to_lowercase()) {
            problems.add(
                format!("{path}.name"),
                format!(
                    "no record has the title or place {}; a spelling names what a record is called",
                    quoted(&spelling.name)
                ),
            );
        }
        if spelling.also.is_empty() {
            problems.add(format!("{path}.also"), "lists no other spelling");
        }
        let note = parts
            .find(&spelling.note_of)
            .and_then(|record| parts.records.common(record))
            .map(|common| texts.optional(common.note));
        match note {
            None => {
                let ids = (0..counts.total()).filter_map(|slot| {
                    let common = parts.records.common(counts.record_at(slot)?)?;
                    Some(texts.get(common.id))
                });
                let near = crate::nearest::closest(&spelling.note_of, ids);
                problems.add(
                    format!("{path}.note_of"),
                    format!(
                        "no record has the id {}{}",
                        quoted(&spelling.note_of),
                        did_you_mean(near)
                    ),
                )
            }
            Some(note) => {
                let name = spelling.name.to_lowercase();
                let held = held_phrases(note, &spelling.also);
                // A set, not a look back along the list: an entry may give tens of thousands.
                let mut given: HashSet<&str> = HashSet::with_capacity(spelling.also.len());
                for (number, other) in spelling.also.iter().enumerate() {
                    let path = || format!("{path}.also[{number}]");
                    if other.to_lowercase() == name || !given.insert(other.as_str()) {
                        problems.add(
                            path(),
                            format!("{} is the name itself or listed twice", quoted(other)),
                        );
                        continue;
                    }
                    if other.trim().is_empty() || !held[number] {
                        problems.add(
                            path(),
                            format!(
                                "{} is not in the note of {}: a spelling is outside knowledge, and the note is where the dataset says it",
                                quoted(other),
                                spelling.note_of
                            ),
                        );
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pass_over_the_note_holds_what_a_search_per_phrase_holds() {
        let note = "Mekkah is also written Mecca, Makkah or al-Mukarramah; Meccan is not. ax.x.x";
        let phrases: Vec<String> = [
            "Mecca",
            "Makkah",
            "al-Mukarramah",
            "Mukarramah",
            "Medina",
            "ecca",
            "",
            " ",
            "Mecca,",
            "x.x",
            "ax",
            "Mekkah is",
            "mecca",
        ]
        .map(String::from)
        .to_vec();
        // Few phrases are looked for one by one, many by one automaton: both as one by one.
        let many: Vec<String> = (0..FEW_PHRASES)
            .map(|n| format!("absent{n}"))
            .chain(phrases.iter().cloned())
            .collect();
        for list in [&phrases[..5], &phrases[..], &many[..]] {
            let held = held_phrases(Some(note), list);
            for (phrase, held) in list.iter().zip(held) {
                assert_eq!(held, holds_phrase(note, phrase), "{phrase:?}");
            }
        }
        assert_eq!(
            held_phrases(Some(note), &phrases)[..5],
            [true, true, true, true, false]
        );
        assert!(
            holds_phrase(note, "x.x"),
            "the overlapping occurrence stands alone"
        );
        assert!(held_phrases(None, &phrases).iter().all(|held| !held));
    }
}
