//! The embedded dataset: it loads, every reference resolves, every quote is verbatim in the
//! paragraph it names, the amounts are the source's, and nothing of the source is left out.

use oic_explorer::{
    Catalog, EMBEDDED_DATASET, EMBEDDED_SOURCE, Record, RecordRef, SourceText, load, load_embedded,
};

fn all_records(catalog: &Catalog) -> Vec<RecordRef> {
    catalog.records().collect()
}

#[test]
fn the_embedded_dataset_loads_and_validates() {
    let catalog = load_embedded().unwrap_or_else(|error| panic!("{error}"));
    let data = catalog.to_dataset();
    assert_eq!(data.events.len(), 12);
    assert_eq!(data.programmes.len(), 1);
    assert_eq!(data.projects.len(), 4);
    assert_eq!(data.initiatives.len(), 11);
    assert_eq!(data.participants.len(), 18);
}

#[test]
fn every_quote_is_verbatim_in_its_paragraph() {
    let catalog = load_embedded().unwrap();
    let source = SourceText::new(EMBEDDED_SOURCE);
    assert_eq!(source.paragraph_count(), 15);
    for record in all_records(&catalog) {
        let view = catalog.get(record).unwrap();
        assert!(!view.sources().is_empty(), "{} has no source", view.id());
        for citation in view.sources() {
            let paragraph = source
                .paragraph(citation.paragraph)
                .unwrap_or_else(|| panic!("{}: no paragraph {}", view.id(), citation.paragraph));
            assert!(
                paragraph.contains(citation.quote),
                "{}: {:?} is not in paragraph {}",
                view.id(),
                citation.quote,
                citation.paragraph
            );
        }
    }
}

#[test]
fn every_paragraph_and_sentence_of_the_source_is_cited() {
    let catalog = load_embedded().unwrap();
    let source = SourceText::new(EMBEDDED_SOURCE);
    let citations: Vec<(u32, String)> = all_records(&catalog)
        .into_iter()
        .flat_map(|record| catalog.get(record).unwrap().sources().iter())
        .map(|citation| (citation.paragraph, citation.quote.to_string()))
        .collect();
    for number in 1..=source.paragraph_count() as u32 {
        let paragraph = source.paragraph(number).unwrap();
        let quotes: Vec<&str> = citations
            .iter()
            .filter(|(p, _)| *p == number)
            .map(|(_, quote)| quote.as_str())
            .collect();
        assert!(!quotes.is_empty(), "paragraph {number} is not cited");
        // Sentences end in ". " or a line break (the bullet list).
        for sentence in paragraph
            .split_inclusive(". ")
            .flat_map(|part| part.split('\n'))
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            let sentence = sentence.trim_end_matches([' ', ';']);
            let covered = quotes
                .iter()
                .any(|quote| sentence.contains(quote) || quote.contains(sentence));
            assert!(covered, "paragraph {number}: no record quotes {sentence:?}");
        }
    }
}

#[test]
fn project_amounts_are_the_amounts_the_source_states() {
    let catalog = load_embedded().unwrap();
    let data = catalog.to_dataset();
    for project in &data.projects {
        assert!(project.amount_usd > 0);
        let quote = &project.sources[0].quote;
        let millions: u64 = quote
            .rsplit_once("USD ")
            .and_then(|(_, rest)| rest.split_whitespace().next())
            .and_then(|number| number.parse().ok())
            .unwrap_or_else(|| panic!("{}: no amount in {quote:?}", project.id));
        assert_eq!(project.amount_usd, millions * 1_000_000, "{}", project.id);
    }
    assert_eq!(catalog.programme_total(0), 55_000_000);
}

#[test]
fn each_dated_event_has_its_year_in_a_quote() {
    let catalog = load_embedded().unwrap();
    for event in &catalog.to_dataset().events {
        if let Some(date) = event.date {
            let year = date.year().to_string();
            assert!(
                event.sources.iter().any(|c| c.quote.contains(&year)),
                "{}: no quote gives {year}",
                event.id
            );
        }
    }
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn titles_and_summaries_are_in_the_datasets_own_words() {
    // Nine words in a row copied from the source would be quotation outside a quote field.
    const RUN: usize = 9;
    let catalog = load_embedded().unwrap();
    let source = words(EMBEDDED_SOURCE).join(" ");
    for record in all_records(&catalog) {
        let view = catalog.get(record).unwrap();
        let mut texts = vec![view.title(), view.summary()];
        if let Record::Initiative(initiative) = view {
            texts.push(initiative.outcome());
        }
        for text in texts {
            let words = words(text);
            for window in words.windows(RUN) {
                let run = window.join(" ");
                assert!(
                    !source.contains(&run),
                    "{}: copies the source: {run:?}",
                    view.id()
                );
            }
        }
    }
}

#[test]
fn notes_are_marked_and_never_replace_the_sources_spelling() {
    let catalog = load_embedded().unwrap();
    let data = catalog.to_dataset();
    let putrajaya = data
        .events
        .iter()
        .find(|e| e.id == "ev-2003-10-summit-10")
        .unwrap();
    assert_eq!(
        putrajaya.place.as_deref(),
        Some("Putradjaya"),
        "the source's spelling"
    );
    assert!(putrajaya.note.as_deref().unwrap().contains("Putrajaya"));
    let oic = data.participants.iter().find(|p| p.id == "p-oic").unwrap();
    assert_eq!(oic.name, "Organization of Islamic Conference (OIC)");
    assert!(oic.note.as_deref().unwrap().contains("2011"));
}

#[test]
fn a_dangling_reference_is_a_load_error_naming_it() {
    let mut json: serde_json::Value = serde_json::from_str(EMBEDDED_DATASET).unwrap();
    json["events"][2]["participants"][0] = "p-nobody".into();
    let error = load("test.json", &json.to_string(), Some(EMBEDDED_SOURCE))
        .unwrap_err()
        .to_string();
    assert!(error.contains("events[2].participants[0]"), "{error}");
    assert!(error.contains("p-nobody"), "{error}");
}

#[test]
fn a_changed_quote_is_a_load_error() {
    let mut json: serde_json::Value = serde_json::from_str(EMBEDDED_DATASET).unwrap();
    json["projects"][0]["sources"][0]["quote"] = "Syzganov Institute – USD 11 mln".into();
    let error = load("test.json", &json.to_string(), Some(EMBEDDED_SOURCE))
        .unwrap_err()
        .to_string();
    assert!(error.contains("projects[0].sources[0].quote"), "{error}");
}
