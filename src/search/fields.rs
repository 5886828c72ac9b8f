//! The text fields of each record that search looks at, read in place from the catalog. The
//! other spellings of a name are given as the name's number, not one by one: a name may have
//! tens of thousands, borne by thousands of records, and search matches them once per query
//! (see `spelled`); only [`record_fields`] writes each out.

pub use crate::data::FieldText;
use crate::data::{
    Catalog, Mark, Record, RecordRef, Relation, SortForm, SpelledName, TieKind, Value,
};

/// What one searched field holds: a text, or all the other spellings of a name (a title's, a
/// place's), each of which counts as a field of the same name and weight.
#[derive(Clone, Copy, Debug)]
pub enum FieldValue<'c, 't> {
    /// A text of the record's, or of a record it refers to.
    Text(FieldText<'c, 't>),
    /// The other spellings the notes give of the name with this number.
    Spellings(SpelledName),
}

/// How much a match in a field counts: a title match outranks one in the summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    /// The record's title or name.
    Title,
    /// A short naming field: place, office, kind, date, amount, category.
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

    /// Whether this is a short naming field (a title or a name, not running text).
    pub fn is_naming(self) -> bool {
        matches!(self, Self::Title | Self::Name)
    }

    /// Whether a word may match here as initials (`icfm`) besides as written: in titles, which
    /// is what initials name; in other fields they would mostly match by chance.
    pub fn allows_initials(self) -> bool {
        self == Self::Title
    }
}

/// One searchable field of a record, owned (for highlighting one record at a time).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchField {
    /// The field's name as results show it ("summary", "place", ...).
    pub name: &'static str,
    /// How much a match here counts.
    pub weight: Weight,
    /// The field's text.
    pub text: String,
    /// What its text is where it is not the source's statement (`our classification`, `from a
    /// note`, `a reading`), as every output marks it; set where the field is made.
    pub mark: Option<&'static str>,
}

/// The record's own fields, in descending weight: title, names, running text; the fields of
/// its kind as its layout lists them for search. The other spellings of its title and of a
/// naming field (an event's place) follow the field, as one [`FieldValue::Spellings`].
pub fn for_each_own_field<'c>(
    catalog: &'c Catalog,
    record: RecordRef,
    scratch: &mut String,
    visit: impl FnMut(&'static str, Weight, FieldValue<'c, '_>),
) {
    own_fields(catalog, record, scratch, false, visit);
}

/// The record's own fields of weight [`Weight::Title`] (its title, the plural naming its kind,
/// their other spellings), as [`for_each_own_field`] gives them, without reading the rest.
pub(super) fn for_each_title_field<'c>(
    catalog: &'c Catalog,
    record: RecordRef,
    scratch: &mut String,
    visit: impl FnMut(&'static str, Weight, FieldValue<'c, '_>),
) {
    own_fields(catalog, record, scratch, true, visit);
}

/// [`for_each_own_field`], or only its title-weight fields when `titles_only`.
fn own_fields<'c>(
    catalog: &'c Catalog,
    record: RecordRef,
    scratch: &mut String,
    titles_only: bool,
    mut visit: impl FnMut(&'static str, Weight, FieldValue<'c, '_>),
) {
    use FieldText::Kept;
    let Some(view) = catalog.get(record) else {
        return;
    };
    let text = |text| FieldValue::Text(Kept(text));
    visit("title", Weight::Title, text(view.title()));
    if let Some(id) = catalog.spelled_name(view.title()) {
        visit("also written", Weight::Title, FieldValue::Spellings(id));
    }
    for searched in catalog.layout(record).search {
        // The plural that names the kind of record (`states`, `summits`, `projects`) names the
        // record as its title does: a reader who types it means the records of that kind.
        let names_its_kind = matches!(
            searched.value,
            Value::Sort(SortForm::Plural) | Value::Fixed(_)
        );
        let weight = match (names_its_kind, searched.naming) {
            (true, _) => Weight::Title,
            (false, true) => Weight::Name,
            (false, false) => Weight::Text,
        };
        if titles_only && weight != Weight::Title {
            continue;
        }
        let Some(text) = catalog.field_text(record, searched.value, scratch) else {
            continue;
        };
        visit(searched.name, weight, FieldValue::Text(text));
        if let (Some(also), Kept(text)) = (searched.spellings, text)
            && let Some(id) = catalog.spelled_name(text)
        {
            // Spellings are words of the naming fields' vocabulary, never running text: the
            // pass over all running text at once reads the catalog's text, not theirs.
            debug_assert!(searched.naming, "{also}: spellings of running text");
            visit(also, weight, FieldValue::Spellings(id));
        }
    }
    if titles_only {
        return;
    }
    visit("summary", Weight::Text, text(view.summary()));
    if let Some(note) = view.note() {
        visit("note", Weight::Text, text(note));
    }
    for citation in view.sources().iter() {
        visit("source", Weight::Text, text(citation.quote));
    }
}

/// The names of the records this one refers to (weight [`Weight::Related`]), and of the states
/// represented at an event, so a search for a person, a place or a state finds what mentions it;
/// each with the tie it comes by.
pub fn for_each_related_field<'a>(
    catalog: &'a Catalog,
    record: RecordRef,
    visit: &mut dyn FnMut(&'static str, Weight, FieldValue<'a, 'a>, Relation),
) {
    for relation in catalog
        .relations(record)
        .iter()
        .filter(|r| r.role.is_searched())
    {
        let field = if TieKind::allowed(relation.role).is_empty() {
            relation.role.field_name()
        } else {
            catalog
                .tie_kind_of(relation.detail)
                .field_name(relation.role)
        };
        for_each_shown_name(catalog, relation.target, &mut |value| {
            visit(field, Weight::Related, value, relation)
        });
    }
}

/// What a record shows of itself to the records that refer to it: its title and, for an
/// event, its place, each followed by the other spellings the notes give.
pub fn for_each_shown_name<'a>(
    catalog: &'a Catalog,
    record: RecordRef,
    visit: &mut dyn FnMut(FieldValue<'a, 'a>),
) {
    let Some(view) = catalog.get(record) else {
        return;
    };
    let mut name = |text: &'a str| {
        visit(FieldValue::Text(FieldText::Kept(text)));
        if let Some(id) = catalog.spelled_name(text) {
            visit(FieldValue::Spellings(id));
        }
    };
    name(view.title());
    if let Record::Event(event) = view
        && let Some(place) = event.place()
    {
        name(place);
    }
}

/// Every text field of `record`, owned, title first, each name with all its spellings, each
/// field marked (see [`marked_fields`]).
pub fn record_fields(catalog: &Catalog, record: RecordRef) -> Vec<SearchField> {
    marked_fields(catalog, record, &mut |id, _| {
        (0..catalog.spellings_by_id(id).len())
            .filter_map(|at| u32::try_from(at).ok())
            .collect()
    })
}

/// Every text field of `record`, owned, title first: its own fields and the names of the
/// records it refers to, of each name's other spellings those `spellings` picks (by their
/// numbers, given the name and whether its weight matches initials). Each field is marked
/// where it is made, as every output marks its text: its kind's layout says which of its own
/// fields are not the source's; another spelling is from a note; a name a tie gives by a
/// reading is a reading.
pub fn marked_fields(
    catalog: &Catalog,
    record: RecordRef,
    spellings: &mut dyn FnMut(SpelledName, bool) -> Vec<u32>,
) -> Vec<SearchField> {
    let mut fields = Vec::new();
    let mut push =
        |name: &'static str, weight: Weight, value: FieldValue<'_, '_>, by_reading| match value {
            FieldValue::Text(text) => fields.push(SearchField {
                name,
                weight,
                text: text.as_str().to_string(),
                mark: match by_reading {
                    true => Some(READING),
                    false => field_mark(catalog, record, name),
                },
            }),
            FieldValue::Spellings(id) => {
                let written = catalog.spellings_by_id(id);
                for at in spellings(id, weight.allows_initials()) {
                    if let Some(spelling) = written.get(at as usize) {
                        fields.push(SearchField {
                            name,
                            weight,
                            text: spelling.clone(),
                            mark: Some(match by_reading {
                                true => "from a note; a reading",
                                false => FROM_A_NOTE,
                            }),
                        });
                    }
                }
            }
        };
    let mut scratch = String::new();
    for_each_own_field(catalog, record, &mut scratch, &mut |name,
                                                            weight,
                                                            value: FieldValue<
        '_,
        '_,
    >| {
        push(name, weight, value, false)
    });
    for_each_related_field(catalog, record, &mut |name, weight, value, relation| {
        let by_reading = !catalog.tie_readings(record, &relation).is_empty();
        push(name, weight, value, by_reading)
    });
    fields
}

/// How a field whose text rests on a reading is marked, as the detail pane's `reading:` and
/// every export's `(a reading)` mark it.
const READING: &str = "a reading";

/// How another spelling of a name is marked: it is from a record's note.
const FROM_A_NOTE: &str = "from a note";

/// How the own field of `record` named `name` is marked, as its value is everywhere else: by
/// its kind's layout, a note and another spelling from a note being from outside the source.
fn field_mark(catalog: &Catalog, record: RecordRef, name: &str) -> Option<&'static str> {
    // Another spelling is from a record's note, outside the source: said short, since the
    // field's name already says what it is.
    if name.contains("also written") {
        return Some(FROM_A_NOTE);
    }
    let layout = catalog.layout(record);
    let mark = match layout.search.iter().find(|searched| searched.name == name) {
        Some(searched) => searched.value.mark(layout),
        None if name == "note" => Some(Mark::Outside),
        None => None,
    };
    mark.map(Mark::short)
}
