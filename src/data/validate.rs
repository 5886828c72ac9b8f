//! Checking a store: texts, amounts, periods, citations, ids and references. Paths in messages
//! are only formatted for the problems found, so a clean million-record file costs no strings.

use super::{
    catalog::Catalog,
    display::{is_variation_selector, needs_escape},
    id_index::{IdIndex, id_hash},
    problems::Problems,
    record::{MAX_PACKED_INDEX, RecordRef, Relation, Role},
    records::Row,
    source::SourceText,
    store::{Sources, Store, Text},
    tie_checks::check_tie,
};
use crate::plural::counted;

/// Refuses a store too large for the packed tables.
pub fn check_limits(store: &Store, problems: &mut Problems) {
    if store.text.overflowed() || store.pending_text.overflowed() {
        problems.add("(file)", "the dataset holds more than 4 GiB of text");
    }
    for (name, length) in [
        ("events", store.events.len()),
        ("programmes", store.programmes.len()),
        ("projects", store.projects.len()),
        ("initiatives", store.initiatives.len()),
        ("participants", store.participants.len()),
    ] {
        if length > MAX_PACKED_INDEX as usize {
            problems.add(name, format!("more than {MAX_PACKED_INDEX} records"));
        }
    }
}

fn blank(store: &Store, text: Text) -> bool {
    store.text.get(text).trim().is_empty()
}

/// Checks the fields that need no other record: texts, amounts, periods and citations, each
/// kind by its own row's [`Row::check`].
pub fn check_fields(store: &Store, source: Option<&SourceText>, problems: &mut Problems) {
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
    each(&store.events, "events", store, source, problems);
    each(&store.programmes, "programmes", store, source, problems);
    each(&store.projects, "projects", store, source, problems);
    each(&store.initiatives, "initiatives", store, source, problems);
    each(&store.participants, "participants", store, source, problems);
}

/// The checks on one record's own fields, which its kind's [`Row::check`] calls for each.
pub(crate) struct FieldChecks<'a> {
    store: &'a Store,
    source: Option<&'a SourceText>,
    problems: &'a mut Problems,
    collection: &'static str,
    index: usize,
}

impl FieldChecks<'_> {
    /// Each of `fields` (a name and a text) must not be blank.
    pub(crate) fn texts(&mut self, fields: &[(&str, Text)]) {
        for &(field, text) in fields {
            if blank(self.store, text) {
                self.problems.add(
                    format!("{}[{}].{field}", self.collection, self.index),
                    format!("the {field} is empty"),
                );
            }
        }
    }

    /// At least one citation, each with a paragraph and a quote verbatim in it.
    pub(crate) fn citations(&mut self, sources: Sources) {
        check_citations(
            self.store,
            self.source,
            self.collection,
            self.index,
            sources,
            self.problems,
        );
    }

    /// A problem with `field` of the record.
    pub(crate) fn problem(&mut self, field: &str, message: impl Into<String>) {
        self.problems.add(
            format!("{}[{}].{field}", self.collection, self.index),
            message.into(),
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
    let start = sources.start as usize;
    let rows = store
        .citations
        .get(start..start + sources.count as usize)
        .unwrap_or(&[]);
    for (n, citation) in rows.iter().enumerate() {
        let here = || format!("{collection}[{index}].sources[{n}]");
        if citation.paragraph == 0 {
            problems.add(
                format!("{}.paragraph", here()),
                "paragraphs are numbered from 1, found 0",
            );
        }
        let quote = store.text.get(citation.quote);
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

/// The id of the record in a slot of the flat numbering, with its collection and position.
fn slot_ids(store: &Store) -> impl Iterator<Item = (&'static str, usize, Text)> + '_ {
    let events = store
        .events
        .iter()
        .enumerate()
        .map(|(i, r)| ("events", i, r.id));
    let programmes = store
        .programmes
        .iter()
        .enumerate()
        .map(|(i, r)| ("programmes", i, r.id));
    let projects = store
        .projects
        .iter()
        .enumerate()
        .map(|(i, r)| ("projects", i, r.id));
    let initiatives = store
        .initiatives
        .iter()
        .enumerate()
        .map(|(i, r)| ("initiatives", i, r.id));
    let participants = store
        .participants
        .iter()
        .enumerate()
        .map(|(i, r)| ("participants", i, r.id));
    events
        .chain(programmes)
        .chain(projects)
        .chain(initiatives)
        .chain(participants)
}

/// The collection, position and id of the record in `slot` of the flat numbering.
fn slot_id(store: &Store, slot: u32) -> (&'static str, usize, Text) {
    let mut rest = slot as usize;
    let collections: [(&str, usize); 5] = [
        ("events", store.events.len()),
        ("programmes", store.programmes.len()),
        ("projects", store.projects.len()),
        ("initiatives", store.initiatives.len()),
        ("participants", store.participants.len()),
    ];
    for (name, length) in collections {
        if rest < length {
            let id = match name {
                "events" => store.events[rest].id,
                "programmes" => store.programmes[rest].id,
                "projects" => store.projects[rest].id,
                "initiatives" => store.initiatives[rest].id,
                _ => store.participants[rest].id,
            };
            return (name, rest, id);
        }
        rest -= length;
    }
    ("records", slot as usize, Text::NONE)
}

/// Indexes every id by its hash, reporting empty, spaced and repeated ids.
pub fn index_ids(store: &Store, problems: &mut Problems) -> IdIndex {
    let total = store.events.len()
        + store.programmes.len()
        + store.projects.len()
        + store.initiatives.len()
        + store.participants.len();
    let mut ids = IdIndex::with_capacity(total);
    let text = |slot: u32| store.text.get(slot_id(store, slot).2);
    // Ids land in the index at random: each one's place is fetched a few ids ahead.
    let mut ahead = slot_ids(store).skip(LOOKAHEAD);
    for (slot, (collection, index, id)) in slot_ids(store).enumerate() {
        if let Some((_, _, later)) = ahead.next() {
            ids.prefetch(id_hash(store.text.get(later)));
        }
        let slot = u32::try_from(slot).unwrap_or(u32::MAX);
        let id = store.text.get(id);
        if id.trim().is_empty() {
            problems.add(format!("{collection}[{index}].id"), "the id is empty");
            continue;
        }
        if id.chars().any(char::is_whitespace) {
            problems.add(
                format!("{collection}[{index}].id"),
                format!("the id {id:?} contains whitespace"),
            );
        } else if let Some(c) = id
            .chars()
            .find(|&c| needs_escape(c) || is_variation_selector(c))
        {
            // Ids are shown and copied as they are, so they must be plain to see.
            problems.add(
                format!("{collection}[{index}].id"),
                format!(
                    "the id {id:?} contains the control or invisible character U+{:04X}",
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
                .find(|&other| text(other) == id);
            if let Some(first) = first {
                let (first_collection, first_index, _) = slot_id(store, first);
                problems.add(
                    format!("{collection}[{index}].id"),
                    format!(
                        "duplicate id {id:?}, first used at {first_collection}[{first_index}].id"
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
/// and sets each project's programme. Large files are resolved in two halves, one per core.
pub fn resolve_references(catalog: &mut Catalog, problems: &mut Problems) -> Vec<(u32, Relation)> {
    let pending = std::mem::take(&mut catalog.store_mut().pending);
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
    let shared: &Catalog = catalog;
    let ((mut ties, first_problems), (later_ties, later_problems)) = std::thread::scope(|scope| {
        let later = scope.spawn(|| resolve_part(shared, second));
        let first = resolve_part(shared, first);
        let later = later
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (first, later)
    });
    ties.extend(later_ties);
    problems.merge(first_problems);
    problems.merge(later_problems);
    let counts = catalog.counts();
    let project_slots =
        counts.events + counts.programmes..counts.events + counts.programmes + counts.projects;
    for &(from, relation) in &ties {
        if let (true, RecordRef::Programme(programme)) =
            (project_slots.contains(&(from as usize)), relation.target)
            && let Some(row) = catalog
                .store_mut()
                .projects
                .get_mut(from as usize - project_slots.start)
        {
            row.programme = programme;
        }
    }
    ties
}

/// Where a reference is in the file, for messages: `initiatives[3].events[0]`.
fn reference_path(reference: &super::store::PendingReference) -> String {
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

/// Resolves a run of references that starts and ends between fields.
fn resolve_part(
    catalog: &Catalog,
    pending: &[super::store::PendingReference],
) -> (Vec<(u32, Relation)>, Problems) {
    let mut problems = Problems::default();
    let mut ties: Vec<(u32, Relation)> = Vec::with_capacity(pending.len());
    // The references of one field come together; long lists check repeats with a set.
    let mut run_start = 0;
    let mut run_seen: std::collections::HashSet<RecordRef> = std::collections::HashSet::new();
    for (n, reference) in pending.iter().enumerate() {
        if n == 0 || (pending[n - 1].from, pending[n - 1].role) != (reference.from, reference.role)
        {
            run_start = ties.len();
            run_seen.clear();
        }
        if let Some(ahead) = pending.get(n + LOOKAHEAD) {
            catalog.prefetch_id(catalog.store().pending_text.get(ahead.id));
        }
        let path = || reference_path(reference);
        let id = catalog.store().pending_text.get(reference.id);
        let Some(target) = catalog.find(id) else {
            problems.add(
                path(),
                format!("no record has the id {id:?} (dangling reference)"),
            );
            continue;
        };
        let (wanted, accepts) = expected(reference.role);
        if !accepts(target) {
            let found = target.collection_name();
            problems.add(
                path(),
                format!("{id:?} is {} {found}, expected {wanted}", article(found)),
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
        let repeated = if ties.len() - run_start < 32 {
            ties[run_start..]
                .iter()
                .any(|&(_, earlier)| earlier.target == target)
        } else {
            if run_seen.is_empty() {
                run_seen.extend(ties[run_start..].iter().map(|&(_, earlier)| earlier.target));
            }
            run_seen.contains(&target)
        };
        if repeated {
            problems.add(path(), format!("{id:?} is already listed in this field"));
            continue;
        }
        if !run_seen.is_empty() {
            run_seen.insert(target);
        }
        if let Some(tie) = catalog
            .store()
            .ties
            .get(reference.detail as usize)
            .filter(|tie| !tie.bare)
        {
            let ends = (reference.from, target);
            check_tie(catalog, &path(), reference.role, ends, tie, &mut problems);
        }
        let from = u32::try_from(catalog.slot(reference.from)).unwrap_or(u32::MAX);
        ties.push((from, relation));
    }
    (ties, problems)
}
