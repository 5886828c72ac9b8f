//! The columns of the table exports (CSV, TSV): each field the kinds' layouts list, once by
//! its name, and after each field that is marked (a classification, a computed figure, a
//! note from outside the source) its `_basis` column, which says so on every row that has a
//! value. The mark comes with the value ([`Value::mark`]), so no column can drop it.

use crate::data::{COMMON_TEXTS as COMMON, Catalog, Item, Layout, RecordRef};

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Holds {
    /// The field of this name.
    Field(&'static str),
    /// What the field of this name is, where it is not the source's statement.
    Basis(&'static str),
    /// A column its export fills itself (`ties`, `source_quotes`).
    Other(&'static str),
}

/// One column: its name in the header, and what it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// The header's name for it.
    pub name: String,
    holds: Holds,
}

/// A table export's columns, and which of a layout's lists they read.
pub struct Columns {
    /// In header order.
    pub list: Vec<Column>,
    items: fn(&Layout) -> &'static [Item],
}

impl Columns {
    /// `head`, then the fields `items` picks from each of `layouts` (a name two kinds share
    /// once), then `tail`, where `summary` and `note` are the common fields and any other
    /// name is a column the export fills.
    pub fn new(
        head: &[&'static str],
        layouts: &[&'static Layout],
        items: fn(&Layout) -> &'static [Item],
        tail: &[&'static str],
    ) -> Self {
        let mut list: Vec<Column> = Vec::new();
        let mut add = |holds: Holds, name: String| {
            if !list.iter().any(|column| column.name == name) {
                list.push(Column { name, holds });
            }
        };
        for &name in head {
            add(Holds::Other(name), name.to_string());
        }
        let own = layouts
            .iter()
            .flat_map(|&layout| items(layout).iter().map(move |item| (layout, item)));
        let common = COMMON.iter().filter(|item| tail.contains(&item.label));
        let fields = own.chain(
            layouts
                .iter()
                .flat_map(|&l| common.clone().map(move |i| (l, i))),
        );
        for (layout, item) in fields {
            add(Holds::Field(item.label), item.label.to_string());
            if item.value.mark(layout).is_some() {
                add(Holds::Basis(item.label), format!("{}_basis", item.label));
            }
        }
        for &name in tail
            .iter()
            .filter(|name| !COMMON.iter().any(|i| i.label == **name))
        {
            add(Holds::Other(name), name.to_string());
        }
        // A selection never holds the Source tab: no kinds, no columns.
        if layouts.is_empty() {
            list.clear();
        }
        Self { list, items }
    }

    /// The header's names.
    pub fn names(&self) -> Vec<&str> {
        self.list
            .iter()
            .map(|column| column.name.as_str())
            .collect()
    }

    /// `record`'s cells: its kind's value for each field it has (empty for the fields of
    /// other kinds), the mark of each marked value it has, and `other` for the rest.
    pub fn row(
        &self,
        catalog: &Catalog,
        record: RecordRef,
        other: impl Fn(&str) -> String,
    ) -> Vec<String> {
        let layout = catalog.layout(record);
        let own = |name: &str| {
            (self.items)(layout)
                .iter()
                .chain(&COMMON)
                .find(|item| item.label == name)
        };
        self.list
            .iter()
            .map(|column| match column.holds {
                Holds::Field(name) => own(name)
                    .and_then(|item| catalog.field_string(record, item.value))
                    .unwrap_or_default(),
                Holds::Basis(name) => own(name)
                    .filter(|item| catalog.field_string(record, item.value).is_some())
                    .and_then(|item| catalog.mark(record, item.value))
                    .map_or_else(String::new, |mark| mark.text().to_string()),
                Holds::Other(name) => other(name),
            })
            .collect()
    }
}
