//! The five kinds of record, each declared once, in its own file, by [`record_kind!`]: its
//! fields, in the order a dataset file writes them, each with what it is (a one-line text, a
//! running text, a value, a tie to another kind, the citations). From that one declaration
//! come the file's shape (serde, and so the JSON Schema), the compact row the store keeps,
//! the view the rest of the program reads, the checks on the record's own fields, and the
//! way back into a file. How each output shows a kind is its [`Layout`], beside it. Nothing
//! here knows the catalog or the screen.

mod event;
mod initiative;
mod layout;
mod participant;
mod programme;
mod project;

pub use event::{Event, EventKind, EventRow, EventView};
pub use initiative::{Initiative, InitiativeKind, InitiativeRow, InitiativeView};
pub use layout::{
    AmountForm, COMMON_TEXTS, DateForm, Item, Layout, Mark, PeriodForm, SHARE_OF_SUM,
    SUM_OF_PROJECTS, ShareForm, SortForm, TiedForm, Value,
};
pub use participant::{Participant, ParticipantKind, ParticipantRow, ParticipantView};
pub use programme::{Period, Programme, ProgrammeRow, ProgrammeView};
pub use project::{Project, ProjectRow, ProjectView};

use super::{
    record::{RecordRef, Role},
    store::Store,
    text::{Sources, Text, Texts},
    tie::TieRef,
};

/// A field's text as the screen treats it: a one-line name, or running text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextClass {
    /// A title, a name, a place, a category, an office.
    Line,
    /// A summary, an outcome, a note.
    Running,
}

/// A record's sort (an event's kind), written in each form.
pub trait Sort: Copy {
    /// The sort as `form` writes it.
    fn written(self, form: SortForm) -> &'static str;
}

/// What every kind of record has, as spans of the arena.
#[derive(Clone, Copy, Debug, Default)]
pub struct Common {
    /// The id.
    pub id: Text,
    /// The title (a participant's name).
    pub title: Text,
    /// What it is, in the dataset's words.
    pub summary: Text,
    /// Context from outside the source; [`Text::NONE`] when there is none.
    pub note: Text,
    /// Its citations.
    pub sources: Sources,
}

/// What the store asks of every kind's row.
pub trait Row: Copy {
    /// The same row in a store this one's was appended to: its texts `text` bytes later in
    /// the arena, its citations `citations` later in their list.
    fn moved(self, text: u32, citations: u32) -> Self;

    /// Calls `visit` with each of its texts (absent ones too) and how the screen treats it.
    fn for_each_text(&self, visit: &mut dyn FnMut(Text, TextClass));

    /// What every kind has: its id, title, summary, note and citations.
    fn common(&self) -> Common;

    /// Checks the fields that need no other record.
    fn check(&self, checks: &mut dyn FieldChecks);
}

/// The checks a row's fields are put through (the validator carries them out).
pub trait FieldChecks {
    /// A required text, or an optional one that is there, must not be blank.
    fn text(&mut self, field: &str, text: Text);
    /// At least one citation, each with a paragraph and a quote verbatim in it.
    fn citations(&mut self, sources: Sources);
    /// A problem with `field`.
    fn problem(&mut self, field: &str, message: String);
}

/// A value a field holds that can be wrong on its own (a zero amount, a period that ends
/// before it starts); most can't.
pub trait CheckValue {
    /// Reports what is wrong with the value of `field`.
    fn check(&self, _field: &str, _checks: &mut dyn FieldChecks) {}
}

impl CheckValue for u64 {
    fn check(&self, field: &str, checks: &mut dyn FieldChecks) {
        if *self == 0 {
            checks.problem(field, "expected a positive amount, found 0".into());
        }
    }
}

impl<T: CheckValue> CheckValue for Option<T> {
    fn check(&self, field: &str, checks: &mut dyn FieldChecks) {
        if let Some(value) = self {
            value.check(field, checks);
        }
    }
}

/// Where a record's stored ties are read back from, to write it into a file: its ties of
/// one role, each an id or an id with the tie's kind, quotes and reading, in file order.
pub type StoredTies<'t> = &'t dyn Fn(Role) -> Vec<TieRef>;

/// Whether an optional field is left out of a file: absent, or an empty list.
pub trait Absent {
    /// Whether there is nothing to write.
    fn absent(&self) -> bool;
}

impl<T> Absent for Option<T> {
    fn absent(&self) -> bool {
        self.is_none()
    }
}

impl<T> Absent for Vec<T> {
    fn absent(&self) -> bool {
        self.is_empty()
    }
}

/// For serde's `skip_serializing_if`: see [`Absent`].
pub fn is_absent<T: Absent>(value: &T) -> bool {
    value.absent()
}

/// What every kind's row offers the store, generically: its model, its view, its collection.
pub trait Kind: Row + 'static {
    /// The kind's shape in a file, its texts of type `S`.
    type Model<S>;
    /// The kind's view.
    type View<'a>: Copy;
    /// How every output shows the kind.
    const LAYOUT: &'static Layout;
    /// The names of its fields, as a file writes them.
    const FIELDS: &'static [&'static str];

    /// The handle to record `index` of this kind.
    fn make(index: u32) -> RecordRef;

    /// The view of `row`.
    fn view<'a>(texts: &'a Texts, row: &'a Self) -> Self::View<'a>;

    /// The row of `model`, its texts and ties taken in by `store` as the record `this`.
    fn to_row<S: AsRef<str>>(model: &Self::Model<S>, this: RecordRef, store: &mut Store) -> Self;
}

/// Declares a kind of record: see the module's documentation. Each field is one of
/// `text(Class)` (a required text; the class is `Id`, `Title`, `Line` or `Running`),
/// `text_opt(Class)`, `value(T)`, `value_opt(T)`, `tie(Role)` (one, required: its target's
/// position is kept in the row), `tie_opt(Role)`, `ties(Role)` and `sources`.
macro_rules! record_kind {
    (
        $(#[$doc:meta])*
        $model:ident $title:literal $name:literal, $row:ident, $view:ident, $make:path;
        $( $(#[$fdoc:meta])* $field:ident : $kind:ident $(($arg:tt))? ),* $(,)?
    ) => {
        $crate::data::kinds::record_kind!(@model [$(#[$doc])* $model $title] []
            $( [$(#[$fdoc])* $field $kind $(($arg))?] )*);

        #[doc = concat!("A", " ", $name, " ", "in the store: its texts as spans of the arena.")]
        #[derive(Clone, Copy, Debug)]
        #[allow(dead_code, reason = "a tie kept with the catalog's ties has a place of no size")]
        pub struct $row {
            $( pub(crate) $field: $crate::data::kinds::record_kind!(@row $kind $($arg)?), )*
        }

        impl $crate::data::kinds::Row for $row {
            fn moved(mut self, text: u32, citations: u32) -> Self {
                let _ = (text, citations);
                $( $crate::data::kinds::record_kind!(@moved self $field $kind text citations); )*
                self
            }

            fn for_each_text(
                &self,
                visit: &mut dyn FnMut($crate::data::text::Text, $crate::data::kinds::TextClass),
            ) {
                let _ = &visit;
                $( $crate::data::kinds::record_kind!(@text self $field $kind $($arg)? visit); )*
            }

            fn common(&self) -> $crate::data::kinds::Common {
                let mut common = $crate::data::kinds::Common::default();
                $( $crate::data::kinds::record_kind!(@common self $field $kind $($arg)? common); )*
                common
            }

            fn check(&self, checks: &mut dyn $crate::data::kinds::FieldChecks) {
                let _ = &checks;
                $( $crate::data::kinds::record_kind!(@check self $field $kind $($arg,)? checks); )*
            }
        }

        #[doc = concat!("A", " ", $name, " ", "as the rest of the program reads it.")]
        #[derive(Clone, Copy, Debug)]
        pub struct $view<'a> {
            pub(crate) texts: &'a $crate::data::text::Texts,
            pub(crate) row: &'a $row,
        }

        impl<'a> $view<'a> {
            $( $crate::data::kinds::record_kind!(@get [$(#[$fdoc])*] $field $kind $($arg)?); )*

            /// The text field named `field`, when the kind has one and this record gives it.
            pub fn text(self, field: &str) -> Option<&'a str> {
                match field {
                    $( stringify!($field) => $crate::data::kinds::record_kind!(@named self $field $kind), )*
                    _ => None,
                }
            }

            /// The record as a dataset file writes it.
            pub(crate) fn to_model(self, ties: $crate::data::kinds::StoredTies<'_>) -> $model {
                let _ = &ties;
                $model {
                    $( $field: $crate::data::kinds::record_kind!(@back self ties $field $kind $($arg)?), )*
                }
            }
        }

        impl $crate::data::kinds::Kind for $row {
            type Model<S> = $model<S>;
            type View<'a> = $view<'a>;
            const LAYOUT: &'static $crate::data::kinds::Layout = &LAYOUT;
            const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];

            fn make(index: u32) -> $crate::data::record::RecordRef {
                $make(index)
            }

            fn view<'a>(texts: &'a $crate::data::text::Texts, row: &'a Self) -> $view<'a> {
                $view { texts, row }
            }

            fn to_row<S: AsRef<str>>(
                model: &$model<S>,
                this: $crate::data::record::RecordRef,
                store: &mut $crate::data::store::Store,
            ) -> Self {
                $( $crate::data::kinds::record_kind!(@refer model store this $field $kind $($arg)?); )*
                $row {
                    $( $field: $crate::data::kinds::record_kind!(@build model store $field $kind $($arg)?), )*
                }
            }
        }
    };

    // The file's shape: optional fields are left out when absent, and may be missing.
    (@model [$(#[$doc:meta])* $model:ident $title:literal] [$($acc:tt)*]) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
        #[serde(deny_unknown_fields)]
        #[serde(bound(deserialize = "S: serde::Deserialize<'de>", serialize = "S: serde::Serialize"))]
        #[schemars(rename = $title)]
        pub struct $model<S = String> { $($acc)* }
    };
    (@model $head:tt [$($acc:tt)*] [$(#[$d:meta])* $f:ident text ($a:tt)] $($rest:tt)*) => {
        $crate::data::kinds::record_kind!(@model $head [$($acc)*
            $(#[$d])*
            pub $f: S,
        ] $($rest)*);
    };
    (@model $head:tt [$($acc:tt)*] [$(#[$d:meta])* $f:ident text_opt ($a:tt)] $($rest:tt)*) => {
        $crate::data::kinds::record_kind!(@model $head [$($acc)*
            $(#[$d])*
            #[serde(default, skip_serializing_if = "crate::data::kinds::is_absent")]
            pub $f: Option<S>,
        ] $($rest)*);
    };
    (@model $head:tt [$($acc:tt)*] [$(#[$d:meta])* $f:ident value ($t:ty)] $($rest:tt)*) => {
        $crate::data::kinds::record_kind!(@model $head [$($acc)*
            $(#[$d])*
            pub $f: $t,
        ] $($rest)*);
    };
    (@model $head:tt [$($acc:tt)*] [$(#[$d:meta])* $f:ident value_opt ($t:ty)] $($rest:tt)*) => {
        $crate::data::kinds::record_kind!(@model $head [$($acc)*
            $(#[$d])*
            #[serde(default, skip_serializing_if = "crate::data::kinds::is_absent")]
            pub $f: Option<$t>,
        ] $($rest)*);
    };
    (@model $head:tt [$($acc:tt)*] [$(#[$d:meta])* $f:ident tie ($a:tt)] $($rest:tt)*) => {
        $crate::data::kinds::record_kind!(@model $head [$($acc)*
            $(#[$d])*
            pub $f: $crate::data::tie::TieRef<S>,
        ] $($rest)*);
    };
    (@model $head:tt [$($acc:tt)*] [$(#[$d:meta])* $f:ident tie_opt ($a:tt)] $($rest:tt)*) => {
        $crate::data::kinds::record_kind!(@model $head [$($acc)*
            $(#[$d])*
            #[serde(default, skip_serializing_if = "crate::data::kinds::is_absent")]
            pub $f: Option<$crate::data::tie::TieRef<S>>,
        ] $($rest)*);
    };
    (@model $head:tt [$($acc:tt)*] [$(#[$d:meta])* $f:ident ties ($a:tt)] $($rest:tt)*) => {
        $crate::data::kinds::record_kind!(@model $head [$($acc)*
            $(#[$d])*
            #[serde(default, skip_serializing_if = "crate::data::kinds::is_absent")]
            pub $f: Vec<$crate::data::tie::TieRef<S>>,
        ] $($rest)*);
    };
    (@model $head:tt [$($acc:tt)*] [$(#[$d:meta])* $f:ident sources] $($rest:tt)*) => {
        $crate::data::kinds::record_kind!(@model $head [$($acc)*
            $(#[$d])*
            pub $f: Vec<$crate::data::text::Citation<S>>,
        ] $($rest)*);
    };

    // The type a field has in the store: ties are kept with the catalog's ties, not here.
    (@row text $c:ident) => { $crate::data::text::Text };
    (@row text_opt $c:ident) => { $crate::data::text::Text };
    (@row value $t:ty) => { $t };
    (@row value_opt $t:ty) => { Option<$t> };
    (@row tie $r:ident) => { u32 };
    (@row tie_opt $r:ident) => { () };
    (@row ties $r:ident) => { () };
    (@row sources) => { $crate::data::text::Sources };

    // Moving a row's spans past the texts and citations of the rows before it.
    (@moved $s:ident $f:ident text $t:ident $c:ident) => { $s.$f = $s.$f.moved($t) };
    (@moved $s:ident $f:ident text_opt $t:ident $c:ident) => { $s.$f = $s.$f.moved($t) };
    (@moved $s:ident $f:ident sources $t:ident $c:ident) => { $s.$f = $s.$f.moved($c) };
    (@moved $($other:tt)*) => {};

    // Each text and how the screen treats it; an id is never shown as running text or cut.
    (@text $s:ident $f:ident text Id $v:ident) => {};
    (@text $s:ident $f:ident text Running $v:ident) => {
        $v($s.$f, $crate::data::kinds::TextClass::Running)
    };
    (@text $s:ident $f:ident text_opt Running $v:ident) => {
        $v($s.$f, $crate::data::kinds::TextClass::Running)
    };
    (@text $s:ident $f:ident text $c:ident $v:ident) => {
        $v($s.$f, $crate::data::kinds::TextClass::Line)
    };
    (@text $s:ident $f:ident text_opt $c:ident $v:ident) => {
        $v($s.$f, $crate::data::kinds::TextClass::Line)
    };
    (@text $($other:tt)*) => {};

    // The id, the title and the citations every kind has.
    (@common $s:ident $f:ident text Id $c:ident) => { $c.id = $s.$f };
    (@common $s:ident $f:ident text Title $c:ident) => { $c.title = $s.$f };
    (@common $s:ident summary text Running $c:ident) => { $c.summary = $s.summary };
    (@common $s:ident note text_opt Running $c:ident) => { $c.note = $s.note };
    (@common $s:ident $f:ident sources $c:ident) => { $c.sources = $s.$f };
    (@common $($other:tt)*) => {};

    // The checks on a field alone; an id is checked when the ids are indexed.
    (@check $s:ident $f:ident text Id, $k:ident) => {};
    (@check $s:ident $f:ident text $c:ident, $k:ident) => { $k.text(stringify!($f), $s.$f) };
    (@check $s:ident $f:ident text_opt $c:ident, $k:ident) => {
        if $s.$f.is_some() {
            $k.text(stringify!($f), $s.$f)
        }
    };
    (@check $s:ident $f:ident value $t:ty, $k:ident) => {
        $crate::data::kinds::CheckValue::check(&$s.$f, stringify!($f), $k)
    };
    (@check $s:ident $f:ident value_opt $t:ty, $k:ident) => {
        $crate::data::kinds::CheckValue::check(&$s.$f, stringify!($f), $k)
    };
    (@check $s:ident $f:ident sources $k:ident) => { $k.citations($s.$f) };
    (@check $($other:tt)*) => {};

    // The view's accessors.
    (@get [$(#[$d:meta])*] $f:ident text $c:ident) => {
        $(#[$d])*
        pub fn $f(self) -> &'a str {
            self.texts.get(self.row.$f)
        }
    };
    (@get [$(#[$d:meta])*] $f:ident text_opt $c:ident) => {
        $(#[$d])*
        pub fn $f(self) -> Option<&'a str> {
            self.texts.optional(self.row.$f)
        }
    };
    (@get [$(#[$d:meta])*] $f:ident value $t:ty) => {
        $(#[$d])*
        pub fn $f(self) -> $t {
            self.row.$f
        }
    };
    (@get [$(#[$d:meta])*] $f:ident value_opt $t:ty) => {
        $(#[$d])*
        pub fn $f(self) -> Option<$t> {
            self.row.$f
        }
    };
    (@get [$(#[$d:meta])*] $f:ident tie $r:ident) => {
        $(#[$d])*
        ///
        /// Here: the position of that record in its collection.
        pub fn $f(self) -> u32 {
            self.row.$f
        }
    };
    (@get [$(#[$d:meta])*] $f:ident sources) => {
        $(#[$d])*
        pub fn $f(self) -> $crate::data::text::Citations<'a> {
            $crate::data::text::Citations::new(self.texts, self.row.$f)
        }
    };
    (@get $($other:tt)*) => {};

    // A text field by name.
    (@named $s:ident $f:ident text) => { Some($s.$f()) };
    (@named $s:ident $f:ident text_opt) => { $s.$f() };
    (@named $($other:tt)*) => { None };

    // A field as a file writes it, read back from the view and the catalog's ties.
    (@back $s:ident $t:ident $f:ident text $c:ident) => { $s.$f().to_string() };
    (@back $s:ident $t:ident $f:ident text_opt $c:ident) => { $s.$f().map(str::to_string) };
    (@back $s:ident $t:ident $f:ident value $ty:ty) => { $s.$f() };
    (@back $s:ident $t:ident $f:ident value_opt $ty:ty) => { $s.$f() };
    (@back $s:ident $t:ident $f:ident tie $r:ident) => {
        $t($crate::data::record::Role::$r)
            .into_iter()
            .next()
            .unwrap_or_else(|| $crate::data::tie::TieRef::Id(String::new()))
    };
    (@back $s:ident $t:ident $f:ident tie_opt $r:ident) => {
        $t($crate::data::record::Role::$r).into_iter().next()
    };
    (@back $s:ident $t:ident $f:ident ties $r:ident) => { $t($crate::data::record::Role::$r) };
    (@back $s:ident $t:ident $f:ident sources) => { $s.$f().to_model() };

    // A record's references by id, noted to be resolved when every record is in.
    (@refer $m:ident $st:ident $this:ident $f:ident tie $r:ident) => {
        $st.refer($this, $crate::data::record::Role::$r, [&$m.$f])
    };
    (@refer $m:ident $st:ident $this:ident $f:ident tie_opt $r:ident) => {
        $st.refer($this, $crate::data::record::Role::$r, &$m.$f)
    };
    (@refer $m:ident $st:ident $this:ident $f:ident ties $r:ident) => {
        $st.refer($this, $crate::data::record::Role::$r, &$m.$f)
    };
    (@refer $($other:tt)*) => {};

    // A field of a new row: texts into the arena, a required tie's target found later.
    (@build $m:ident $st:ident $f:ident text $c:ident) => {
        $st.texts.arena.push(AsRef::<str>::as_ref(&$m.$f))
    };
    (@build $m:ident $st:ident $f:ident text_opt $c:ident) => {
        $st.texts
            .arena
            .push_optional($m.$f.as_ref().map(|text| AsRef::<str>::as_ref(text)))
    };
    (@build $m:ident $st:ident $f:ident value $t:ty) => { $m.$f };
    (@build $m:ident $st:ident $f:ident value_opt $t:ty) => { $m.$f };
    (@build $m:ident $st:ident $f:ident tie $r:ident) => { u32::MAX };
    (@build $m:ident $st:ident $f:ident tie_opt $r:ident) => { () };
    (@build $m:ident $st:ident $f:ident ties $r:ident) => { () };
    (@build $m:ident $st:ident $f:ident sources) => { $st.texts.push_citations(&$m.$f) };
}
pub(crate) use record_kind;

/// Declares the sorts of one kind of record, each with the names it goes by: as a file and
/// the command line write it (`foreign_ministers`), a label short enough for a column
/// (`ministers`), written out (`foreign ministers' conference`), and in the plural.
macro_rules! kind_names {
    (
        $(#[$doc:meta])*
        $kind:ident {
            $( $(#[$vdoc:meta])* $variant:ident $name:literal, $label:literal, $description:literal,
                $plural:literal; )*
        }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, schemars::JsonSchema)]
        pub enum $kind {
            $( $(#[$vdoc])* #[serde(rename = $name)] $variant, )*
        }

        impl $kind {
            /// Every sort, in the order they are declared.
            pub const ALL: [Self; { let all: &[$kind] = &[$($kind::$variant),*]; all.len() }] =
                [$(Self::$variant),*];

            /// Every sort as a dataset file names it, in the order they are declared.
            pub const NAMES: [&'static str; Self::ALL.len()] = [$($name),*];

            /// The sort as a dataset file and the command line name it.
            pub fn name(self) -> &'static str {
                match self { $(Self::$variant => $name,)* }
            }

            /// A label short enough for a table column.
            pub fn label(self) -> &'static str {
                match self { $(Self::$variant => $label,)* }
            }

            /// The sort written out in full.
            pub fn description(self) -> &'static str {
                match self { $(Self::$variant => $description,)* }
            }

            /// The sort in the plural, as a filter names what it shows.
            pub fn plural(self) -> &'static str {
                match self { $(Self::$variant => $plural,)* }
            }

            /// The sort as `--kind` and a query's `kind:` offer it: the label the list shows,
            /// or where that is more than a word, the file's name (`extraordinary_summit`).
            pub fn typed_name(self) -> &'static str {
                let label = self.label();
                match label.contains(|c: char| !c.is_alphanumeric()) {
                    true => self.name(),
                    false => label,
                }
            }

            /// Every way a person may type the sort: as a file names it, as the list labels
            /// it, and in the plural the title and a filter say (`person`, `people`).
            pub fn spellings(self) -> [&'static str; 3] {
                [self.name(), self.label(), self.plural()]
            }

            /// The sort `text` names, in any of its [`Self::spellings`] (`ministers`,
            /// `foreign_ministers`, `people`), in any case, a space for `_`: the one
            /// vocabulary `--kind` and `kind:` take.
            pub fn from_typed(text: &str) -> Option<Self> {
                let typed = text.trim().to_lowercase().replace('_', " ");
                let spelled = |name: &str| name.to_lowercase().replace('_', " ") == typed;
                Self::ALL
                    .into_iter()
                    .find(|kind| kind.spellings().into_iter().any(spelled))
            }
        }

        impl<'de> serde::Deserialize<'de> for $kind {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::data::named::deserialize_named(deserializer, &Self::ALL, &Self::NAMES)
            }
        }

        impl $crate::data::kinds::CheckValue for $kind {}

        impl $crate::data::kinds::Sort for $kind {
            fn written(self, form: $crate::data::kinds::SortForm) -> &'static str {
                match form {
                    $crate::data::kinds::SortForm::Name => self.name(),
                    $crate::data::kinds::SortForm::Label => self.label(),
                    $crate::data::kinds::SortForm::Description => self.description(),
                    $crate::data::kinds::SortForm::Plural => self.plural(),
                }
            }
        }
    };
}
pub(crate) use kind_names;

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field a layout names by name is a field of its kind: a misspelt name would show
    /// nothing, silently.
    #[test]
    fn a_layout_names_only_fields_of_its_kind() {
        fn check<K: Kind>() {
            let layout = K::LAYOUT;
            let items = [
                layout.detail,
                layout.plain,
                layout.csv,
                layout.tsv,
                layout.markdown,
            ];
            let values = items
                .iter()
                .flat_map(|items| items.iter().map(|item| item.value))
                .chain(layout.search.iter().map(|searched| searched.value));
            for value in values {
                if let Value::Text(field) = value {
                    assert!(K::FIELDS.contains(&field), "{field} in {:?}", K::FIELDS);
                }
            }
        }
        check::<EventRow>();
        check::<ProgrammeRow>();
        check::<ProjectRow>();
        check::<InitiativeRow>();
        check::<ParticipantRow>();
    }
}
