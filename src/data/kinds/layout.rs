//! How each output shows a kind of record, declared beside the kind: the line that says what
//! it is, the labelled fields of the detail pane and of plain text, the columns of CSV, TSV
//! and Markdown, and the fields search reads, each in the order that output lists them. An
//! entry names a field of the kind, a tie, or a figure computed from the records; how each
//! is written (a date in full or ISO, an amount in dollars or digits) is the entry's, how it
//! is marked (a classification, a figure the source does not give) is the field's. Pure data:
//! [`crate::data::Catalog::shown`] reads it, the outputs lay it out.

use super::super::record::Role;

/// How one kind is shown by every output.
#[derive(Clone, Copy, Debug)]
pub struct Layout {
    /// The line under the title that says what the record is.
    pub what: What,
    /// The detail pane's labelled fields, after that line.
    pub detail: &'static [Item],
    /// Plain text's labelled fields, after that line.
    pub plain: &'static [Item],
    /// The CSV columns, before the summary, note, sources and ties every kind ends with.
    pub csv: &'static [Item],
    /// The TSV columns: a kind's own, among those every kind has.
    pub tsv: &'static [Item],
    /// The Markdown table's columns, before its ties and sources.
    pub markdown: &'static [Item],
    /// The fields search reads, after the title and before the running text.
    pub search: &'static [Searched],
    /// The kind's text fields that are not the source's statements, each with what it is
    /// (a record's `note` is always from outside the source: see [`Value::mark`]).
    pub marks: &'static [(&'static str, Mark)],
}

/// The line that says what a record is: a noun, its sort, or both (`event · summit`).
#[derive(Clone, Copy, Debug)]
pub struct What {
    /// What every record of the kind is (`funded project`).
    pub noun: Option<&'static str>,
    /// How the record's own sort is written, for kinds that have sorts.
    pub sort: Option<SortForm>,
}

/// How a record's sort is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortForm {
    /// As a file names it: `foreign_ministers`.
    Name,
    /// Short, for a column: `ministers`.
    Label,
    /// Written out: `foreign ministers' conference`.
    Description,
    /// In the plural, as a reader names them all: `summits`, `people`.
    Plural,
}

/// One field of an output: its label (or column name), what it shows, and what is said in
/// its place when the record has none. How it is marked is its value's ([`Value::mark`]), so
/// no output can show the value without its mark.
#[derive(Clone, Copy, Debug)]
pub struct Item {
    /// What the detail pane and plain text call it, or the column's name.
    pub label: &'static str,
    /// What it shows.
    pub value: Value,
    /// What is said in its place when the record has none; left out otherwise.
    pub absent: Option<&'static str>,
    /// A tie whose quotes plain text gives under this field (and not among the ties).
    pub evidence: Option<Role>,
}

/// What a shown value is when it is not the source's own statement. A tie that is an
/// inference carries its reading in the data instead (see `Catalog::tie_readings`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// The dataset's authors' classification.
    Classification,
    /// A figure worked out from the records, the source giving none; says how.
    Computed(&'static str),
    /// Context from outside the source.
    Outside,
}

/// How a programme's sum is worked out.
pub const SUM_OF_PROJECTS: Mark =
    Mark::Computed("computed: the sum of the listed projects; the source gives no total");

/// How a project's share is worked out.
pub const SHARE_OF_SUM: Mark = Mark::Computed("computed from the listed amounts");

impl Mark {
    /// How the mark reads in full.
    pub fn text(self) -> &'static str {
        match self {
            Self::Classification => "a classification, not from the source",
            Self::Computed(how) => how,
            Self::Outside => "from outside the source",
        }
    }

    /// How the mark reads in a column's heading.
    pub fn short(self) -> &'static str {
        match self {
            Self::Classification => "our classification",
            Self::Computed(_) => "computed",
            Self::Outside => "from outside the source",
        }
    }
}

/// What an item shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    /// The record's id.
    Id,
    /// The record's title (a participant's name).
    Title,
    /// A text field of the kind, by name.
    Text(&'static str),
    /// The record's sort.
    Sort(SortForm),
    /// An event's date: `ISO`, written out, or both (for search).
    Date(DateForm),
    /// A programme's period, or a project's programme's.
    Period(PeriodForm),
    /// A project's amount, as the source gives it: digits, or in dollars.
    Amount(AmountForm),
    /// A programme's sum of its projects, the source giving no total.
    Sum(AmountForm),
    /// A project's share of its programme's sum.
    Share(ShareForm),
    /// An event's place, with its state where the place does not say it.
    PlaceWithState,
    /// The records tied this way: their ids, or their names, `; ` between.
    Tied(Role, TiedForm),
    /// The same words for every record of the kind.
    Fixed(&'static str),
}

/// How a date is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateForm {
    /// `2005-12-07/2005-12-08`.
    Iso,
    /// `7–8 December 2005`.
    Long,
    /// Both, for search to find either.
    Both,
}

/// How a period is written, and whose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodForm {
    /// A programme's own: `2003–2006`.
    Own,
    /// A programme's own, as ISO: `2003/2006`.
    OwnIso,
    /// A project's programme's: `2003–2006`.
    Programme,
    /// A project's programme's, as ISO.
    ProgrammeIso,
}

/// How an amount is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountForm {
    /// Digits: `10000000`.
    Digits,
    /// As the source writes amounts: `USD 10 mln`.
    Dollars,
}

/// How a share is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareForm {
    /// `18.2%`.
    Percent,
    /// `18.2% of USD 55 mln`.
    OfSum,
}

/// How tied records are named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TiedForm {
    /// By id.
    Ids,
    /// By name.
    Names,
}

/// A field search reads: its name in results, how much a match in it counts, what it holds.
#[derive(Clone, Copy, Debug)]
pub struct Searched {
    /// The name results give it (`place`).
    pub name: &'static str,
    /// A short naming field (place, office) counts more than running text (an outcome).
    pub naming: bool,
    /// What it holds.
    pub value: Value,
    /// The name results give the other spellings the notes give for its text, when those
    /// are searched too (`place, also written`).
    pub spellings: Option<&'static str>,
}

/// The text fields every kind has after its own, named as table exports name them.
pub const COMMON_TEXTS: [Item; 2] = [
    item("summary", Value::Text("summary")),
    item("note", Value::Text("note")),
];

/// An item labelled `label` showing `value`.
pub const fn item(label: &'static str, value: Value) -> Item {
    Item {
        label,
        value,
        absent: None,
        evidence: None,
    }
}

/// A column of the ids of the records tied as `role`.
pub const fn ids(label: &'static str, role: Role) -> Item {
    item(label, Value::Tied(role, TiedForm::Ids))
}

/// A column of the names of the records tied as `role`.
pub const fn names(label: &'static str, role: Role) -> Item {
    item(label, Value::Tied(role, TiedForm::Names))
}

impl Item {
    /// The same item, saying `words` where the record has no value.
    pub const fn or(self, words: &'static str) -> Self {
        Self {
            absent: Some(words),
            ..self
        }
    }

    /// The same item, with the quotes of the tie `role` under it in plain text.
    pub const fn with_evidence(self, role: Role) -> Self {
        Self {
            evidence: Some(role),
            ..self
        }
    }
}

impl Value {
    /// How the value is marked where it is not the source's own statement, in `layout`'s
    /// kind: every output that shows the value shows this with it.
    pub fn mark(self, layout: &Layout) -> Option<Mark> {
        match self {
            Self::Text("note") => Some(Mark::Outside),
            Self::Text(field) => layout
                .marks
                .iter()
                .find(|(name, _)| *name == field)
                .map(|&(_, mark)| mark),
            Self::Sum(_) => Some(SUM_OF_PROJECTS),
            Self::Share(_) => Some(SHARE_OF_SUM),
            _ => None,
        }
    }
}

/// A naming field search reads.
pub const fn naming(name: &'static str, value: Value) -> Searched {
    Searched {
        name,
        naming: true,
        value,
        spellings: None,
    }
}
