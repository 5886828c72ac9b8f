//! Every claim keeps its mark in every output: for each record of the embedded dataset and of
//! a synthetic one, each value shown with a mark (a classification, a computed figure, a note
//! from outside the source) and each tie that is a reading, the detail pane, `--plain`, CSV,
//! TSV, Markdown and JSON all say so. And no column mixes what it should not: computed with
//! source figures, or one kind of tie with another unnamed.

use std::sync::Arc;

use super::{
    FormulaCells, PlainStyle, Selection, TsvText, write_csv, write_markdown, write_plain, write_tsv,
};
use crate::{
    data::{
        COMMON_TEXTS, Catalog, Item, Layout, Mark, RecordRef, Tab, TieKind, Value, load,
        load_embedded,
    },
    synthetic::write_json,
    tabs::{DetailText, RowOptions},
};

/// The embedded dataset and a synthetic one with every kind of record.
fn catalogs() -> Vec<Arc<Catalog>> {
    let mut json = Vec::new();
    write_json(3000, 11, &mut json).expect("written to memory");
    let synthetic = load("synthetic", &String::from_utf8(json).expect("UTF-8"), None)
        .unwrap_or_else(|error| panic!("{error}"));
    vec![
        Arc::new(load_embedded().expect("the embedded dataset loads")),
        Arc::new(synthetic),
    ]
}

/// What each output writes for one record.
struct Outputs {
    detail: String,
    plain: String,
    csv: Vec<(String, String)>,
    tsv: Vec<(String, String)>,
    markdown: String,
}

fn outputs(catalog: &Arc<Catalog>, record: RecordRef) -> Outputs {
    let tab = Tab::of(record);
    let selection = Selection::new(
        catalog,
        Some(tab),
        None,
        Some(record),
        &RowOptions::default(),
    )
    .expect("the record is selected");
    let written = |write: &dyn Fn(&mut Vec<u8>)| {
        let mut out = Vec::new();
        write(&mut out);
        String::from_utf8(out).expect("UTF-8")
    };
    let plain = written(&|out| {
        write_plain(out, catalog, &selection, PlainStyle { bold: false }).expect("plain")
    });
    let csv =
        written(&|out| write_csv(out, catalog, tab, &[record], FormulaCells::Raw).expect("csv"));
    let tsv = written(&|out| {
        write_tsv(out, catalog, &selection, TsvText::AsData, FormulaCells::Raw).expect("tsv")
    });
    let markdown = written(&|out| write_markdown(out, catalog, &selection).expect("markdown"));
    let detail = DetailText::new(catalog, record, 2000)
        .lines
        .iter()
        .map(|line| line.text())
        .collect::<Vec<_>>()
        .join("\n");
    Outputs {
        detail,
        plain,
        csv: header_and_row(&csv, ','),
        tsv: header_and_row(&tsv, '\t'),
        markdown,
    }
}

/// Each column's name with the record's cell, from a header line and one record's line.
fn header_and_row(table: &str, separator: char) -> Vec<(String, String)> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator as u8)
        .quoting(separator == ',')
        .from_reader(table.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(String::from)
        .collect();
    let row = reader.records().next().expect("one row").expect("a row");
    header
        .into_iter()
        .zip(row.iter().map(String::from))
        .collect()
}

fn cell<'a>(cells: &'a [(String, String)], name: &str) -> Option<&'a str> {
    cells
        .iter()
        .find(|(column, _)| column == name)
        .map(|(_, value)| value.as_str())
}

/// Every record of each catalog, sampled for the synthetic one.
fn records(catalog: &Catalog) -> Vec<RecordRef> {
    let all: Vec<RecordRef> = catalog.records().collect();
    let step = (all.len() / 400).max(1);
    all.into_iter().step_by(step).collect()
}

#[test]
fn every_marked_value_keeps_its_mark_in_every_output() {
    let mut checked = 0;
    for catalog in catalogs() {
        for record in records(&catalog) {
            let out = outputs(&catalog, record);
            let layout: &Layout = catalog.layout(record);
            let shown = |value: Value| catalog.field_string(record, value).is_some();
            for item in layout.detail.iter().filter(|item| shown(item.value)) {
                if let Some(mark) = catalog.mark(record, item.value) {
                    assert!(
                        out.detail.contains(mark.text()),
                        "{record:?} {item:?}\n{}",
                        out.detail
                    );
                    checked += 1;
                }
            }
            for item in layout.plain.iter().filter(|item| shown(item.value)) {
                if let Some(mark) = catalog.mark(record, item.value) {
                    let said = format!("{} ({}): ", item.label, mark.text());
                    assert!(
                        out.plain.contains(&said),
                        "{record:?} {said}\n{}",
                        out.plain
                    );
                    checked += 1;
                }
            }
            for (items, cells) in [(layout.csv, &out.csv), (layout.tsv, &out.tsv)] {
                let common = COMMON_TEXTS;
                for item in items.iter().chain(&common).filter(|item| shown(item.value)) {
                    if let Some(mark) = catalog.mark(record, item.value) {
                        let basis = cell(cells, &format!("{}_basis", item.label));
                        assert_eq!(basis, Some(mark.text()), "{record:?} {item:?}");
                        checked += 1;
                    }
                }
            }
            for item in layout.markdown {
                if let Some(mark) = catalog.mark(record, item.value) {
                    let heading = format!("{} ({})", item.label, mark.short());
                    assert!(out.markdown.contains(&heading), "{record:?} {heading}");
                    checked += 1;
                }
            }
            if let Some(view) = catalog.get(record)
                && view.note().is_some()
            {
                let outside = Mark::Outside.text();
                assert!(out.detail.contains(&format!("Note · {outside}")));
                assert!(out.plain.contains(&format!("Note ({outside}): ")));
                assert_eq!(cell(&out.csv, "note_basis"), Some(outside));
                assert_eq!(cell(&out.tsv, "note_basis"), Some(outside));
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "only {checked} marks checked");
}

#[test]
fn every_tie_that_is_a_reading_says_so_in_every_output() {
    let mut checked = 0;
    for catalog in catalogs() {
        for record in records(&catalog) {
            let readings: Vec<String> = catalog
                .relations(record)
                .iter()
                .flat_map(|relation| catalog.tie_readings(record, &relation))
                .map(String::from)
                .collect();
            if readings.is_empty() {
                continue;
            }
            let out = outputs(&catalog, record);
            let csv_ties = cell(&out.csv, "ties").unwrap_or_default();
            let tsv_ties = cell(&out.tsv, "ties").unwrap_or_default();
            for reading in &readings {
                assert!(
                    out.detail.contains(&format!("reading: {reading}")),
                    "{record:?}"
                );
                assert!(
                    out.plain.contains(&format!("reading: {reading}")),
                    "{record:?}"
                );
                assert!(
                    csv_ties.contains(&format!("reading: {reading}")),
                    "{record:?}"
                );
                checked += 1;
            }
            assert!(tsv_ties.contains("a reading"), "{record:?} {tsv_ties}");
            if Tab::of(record) != Tab::Funding {
                assert!(out.markdown.contains("a reading"), "{record:?}");
            }
        }
        // JSON is the dataset itself: every reading comes back through `--data`.
        let json = serde_json::to_string(&catalog.to_dataset()).expect("json");
        let again = load("again", &json, None).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(again.to_dataset(), catalog.to_dataset());
    }
    assert!(checked > 10, "only {checked} readings checked");
}

#[test]
fn a_tie_column_names_the_kind_of_every_tie_it_lists() {
    for catalog in catalogs() {
        for record in records(&catalog) {
            let out = outputs(&catalog, record);
            for item in catalog.layout(record).csv {
                let Value::Tied(role, _) = item.value else {
                    continue;
                };
                let stored = if role.is_stored() {
                    role
                } else {
                    role.reverse()
                };
                if TieKind::allowed(stored).is_empty() {
                    continue;
                }
                let cell = cell(&out.csv, item.label).unwrap_or_default();
                for entry in cell.split("; ").filter(|entry| !entry.is_empty()) {
                    let named = TieKind::ALL
                        .iter()
                        .any(|kind| entry.contains(&format!("[{}", kind.name())));
                    assert!(named, "{record:?} {}: {entry}", item.label);
                }
            }
        }
    }
}

#[test]
fn no_column_mixes_computed_and_source_figures() {
    // TSV's columns are one set for every tab; CSV's and Markdown's are a tab's.
    let every: Vec<&Layout> = Tab::RECORDS
        .iter()
        .flat_map(|tab| tab.layouts().to_vec())
        .collect();
    for tab in Tab::RECORDS {
        for (index, pick) in [
            (|l: &Layout| l.csv) as fn(&Layout) -> &'static [Item],
            |l: &Layout| l.tsv,
            |l: &Layout| l.markdown,
        ]
        .into_iter()
        .enumerate()
        {
            let layouts = if index == 1 {
                every.clone()
            } else {
                tab.layouts().to_vec()
            };
            let items: Vec<(&Layout, &Item)> = layouts
                .iter()
                .flat_map(|&layout| pick(layout).iter().map(move |item| (layout, item)))
                .collect();
            for (layout, item) in &items {
                for (other_layout, other) in &items {
                    if item.label == other.label {
                        assert_eq!(
                            item.value.mark(layout),
                            other.value.mark(other_layout),
                            "{tab:?}: column {} mixes {:?} and {:?}",
                            item.label,
                            item.value,
                            other.value
                        );
                    }
                }
            }
        }
    }
}

/// Every tie a record shows names the paragraphs it rests on, a tie made from two others (a
/// state at an event through its delegation) too, and quotes them where an output gives
/// quotes: the detail pane, `--plain` and the CSV's ties; the TSV and Markdown name the
/// paragraphs.
#[test]
fn every_tie_shown_names_its_paragraphs_in_every_output() {
    let catalog = Arc::new(load_embedded().expect("the embedded dataset loads"));
    let mut derived = 0;
    for record in records(&catalog) {
        let out = outputs(&catalog, record);
        for relation in catalog.relations(record).iter() {
            let quotes = catalog.tie_quotes(record, &relation);
            let name = catalog.title(relation.target);
            assert!(
                !quotes.is_empty(),
                "{} → {name} ({:?}) names no paragraph",
                catalog.title(record),
                relation.role
            );
            derived += usize::from(relation.role.is_through());
            for quote in &quotes {
                let line = format!("{name}: ¶{} “{}”", quote.paragraph, quote.quote);
                assert!(out.plain.contains(&line), "{line}\n{}", out.plain);
                let shown = format!(
                    "¶{} “{}",
                    quote.paragraph,
                    quote.quote.split(' ').next().unwrap_or("")
                );
                assert!(out.detail.contains(&shown), "{shown}\n{}", out.detail);
                let quoted = format!("¶{} “{}”", quote.paragraph, quote.quote);
                let csv_ties = cell(&out.csv, "ties").unwrap_or_default();
                assert!(csv_ties.contains(&quoted), "{quoted}\n{csv_ties}");
                let paragraph = format!("¶{}", quote.paragraph);
                let tsv_ties = cell(&out.tsv, "ties").unwrap_or_default();
                assert!(tsv_ties.contains(&paragraph), "{paragraph}\n{tsv_ties}");
                assert!(
                    out.markdown.contains(&paragraph),
                    "{paragraph}\n{}",
                    out.markdown
                );
            }
        }
    }
    assert!(derived > 5, "only {derived} derived ties");
}
