//! Every style over every record of the embedded dataset (and the source's paragraphs): each
//! names the document, the paragraph and the verbatim quote; CSL-JSON parses back as JSON,
//! BibTeX as BibTeX's structure.

use super::*;
use crate::data::{Tab, load_embedded};

/// Every record of the embedded dataset, cited.
fn every_record() -> (Catalog, Vec<Cited>) {
    let catalog = load_embedded().expect("the embedded dataset loads");
    let cited = Tab::RECORDS
        .into_iter()
        .flat_map(|tab| catalog.records_of(tab))
        .map(|record| record_cited(&catalog, record))
        .collect();
    (catalog, cited)
}

/// A BibTeX entry's fields, read as BibTeX reads them: `@type{key,` then `name = {value},`
/// with balanced braces, then `}`. Values with their escapes undone.
fn bibtex_fields(entry: &str) -> Result<Vec<(String, String)>, String> {
    let body = entry
        .strip_prefix("@misc{")
        .and_then(|rest| rest.trim_end().strip_suffix('}'))
        .ok_or("not @misc{…}")?;
    let (key, mut rest) = body.split_once(",\n").ok_or("no key")?;
    if key.is_empty()
        || !key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_:.".contains(c))
    {
        return Err(format!("a key BibTeX cannot read: {key}"));
    }
    let mut fields = Vec::new();
    while !rest.trim().is_empty() {
        let (name, after) = rest.split_once(" = {").ok_or("no field")?;
        let (mut depth, mut end) = (1, None);
        let mut escaped = false;
        for (at, c) in after.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '{' if !escaped => depth += 1,
                '}' if !escaped => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(at);
                        break;
                    }
                }
                _ => escaped = false,
            }
            if c != '\\' {
                escaped = false;
            }
        }
        let end = end.ok_or("unbalanced braces")?;
        let value = after[..end]
            .replace("\\textbackslash{}", "\\")
            .replace("\\^{}", "^")
            .replace("\\~{}", "~");
        let value = ["{", "}", "%", "&", "$", "#", "_"]
            .iter()
            .fold(value, |value, c| value.replace(&format!("\\{c}"), c));
        fields.push((name.trim().to_string(), value));
        rest = after[end + 1..]
            .strip_prefix(",\n")
            .ok_or("no comma after a field")?;
    }
    Ok(fields)
}

#[test]
fn every_style_of_every_record_names_the_document_the_paragraph_and_the_quote() {
    let (catalog, cited) = every_record();
    assert!(cited.len() > 40);
    let title = "Kazakhstan and the Organization of Islamic Conference";
    for cited in &cited {
        assert!(!cited.passages.is_empty(), "{:?}", cited.id);
        for style in CiteStyle::all() {
            let text = cite(&catalog, cited, style).unwrap_or_else(|why| panic!("{why}"));
            let what = format!("{:?} in {style:?}:\n{text}", cited.id);
            assert!(text.contains(title), "the document: {what}");
            // The title is the dataset's own, a reading of what the document is called: every
            // style that writes it as text says so with brackets (CSL-JSON's a data field).
            if style != CiteStyle::CslJson {
                assert!(text.contains(&format!("[{title}]")), "bracketed: {what}");
            }
            for (paragraph, quote) in &cited.passages {
                assert!(text.contains(quote.as_str()), "the quote: {what}");
                let named = [
                    format!("paragraph {paragraph}"),
                    format!("Paragraph {paragraph}"),
                    format!("¶{paragraph}"),
                    format!("para. {paragraph}"),
                ];
                assert!(
                    named.iter().any(|n| text.contains(n)),
                    "¶{paragraph}: {what}"
                );
            }
        }
    }
}

#[test]
fn csl_json_parses_back_as_the_item_it_describes() {
    let (catalog, cited) = every_record();
    for cited in &cited {
        let text = cite(&catalog, cited, CiteStyle::CslJson).expect("written");
        let items: Vec<serde_json::Value> = serde_json::from_str(&text).expect("JSON");
        let [item] = items.as_slice() else {
            panic!("one item: {text}");
        };
        assert_eq!(item["type"], "report");
        assert_eq!(item["language"], "en");
        assert_eq!(item["issued"]["date-parts"][0][0], 2006);
        assert_eq!(item["issued"]["circa"], true, "the date is a reading");
        assert_eq!(item["author"][0]["literal"], "[Republic of Kazakhstan]");
        let note = item["note"].as_str().expect("a note");
        for (_, quote) in &cited.passages {
            assert!(note.contains(quote.as_str()));
        }
        // What hayagriva reads too.
        let _: hayagriva::citationberg::json::Item =
            serde_json::from_value(item.clone()).expect("a CSL-JSON item");
    }
}

#[test]
fn bibtex_entries_have_bibtex_s_structure_and_the_quotes_in_their_note() {
    let (catalog, cited) = every_record();
    for cited in &cited {
        let text = cite(&catalog, cited, CiteStyle::Bibtex).expect("written");
        let fields = bibtex_fields(&text).unwrap_or_else(|why| panic!("{why}:\n{text}"));
        let field = |name: &str| {
            fields
                .iter()
                .find(|(field, _)| field == name)
                .map(|(_, value)| value.as_str())
        };
        assert_eq!(field("author"), Some("{[Republic of Kazakhstan]}"));
        assert_eq!(field("year"), Some("[2006]"));
        let note = field("note").expect("a note");
        for (_, quote) in &cited.passages {
            assert!(note.contains(quote.as_str()), "{note}");
        }
    }
    let tricky = Cited {
        heading: Some("A & B {c} 100% $ # _ ^ ~ \\".to_string()),
        id: Some("x y".to_string()),
        passages: vec![(1, "“50% of {all}” \\o/".to_string())],
        plain: String::new(),
    };
    let text = cite(&catalog, &tricky, CiteStyle::Bibtex).expect("written");
    let fields = bibtex_fields(&text).unwrap_or_else(|why| panic!("{why}:\n{text}"));
    let note = &fields
        .iter()
        .find(|(name, _)| name == "note")
        .expect("a note")
        .1;
    assert!(note.contains("“50% of {all}” \\o/"), "{note}");
}

#[test]
fn apa_and_chicago_give_the_in_text_citation_and_the_reference() {
    let catalog = load_embedded().expect("the embedded dataset loads");
    let summit = catalog.find("ev-1997-12-summit-8").expect("the summit");
    let cited = record_cited(&catalog, summit);
    let apa = cite(&catalog, &cited, CiteStyle::Apa).expect("APA");
    insta::assert_snapshot!("apa", apa);
    let chicago = cite(&catalog, &cited, CiteStyle::Chicago).expect("Chicago");
    insta::assert_snapshot!("chicago", chicago);
    let markdown = cite(&catalog, &cited, CiteStyle::Markdown).expect("Markdown");
    insta::assert_snapshot!("markdown", markdown);
    let bibtex = cite(&catalog, &cited, CiteStyle::Bibtex).expect("BibTeX");
    insta::assert_snapshot!("bibtex", bibtex);
}

proptest::proptest! {
    /// The plain citation is one line, whatever line breaks a record's title holds.
    #[test]
    fn the_plain_citation_is_one_line(title in "[a-z]{1,5}(\n[ a-z]{0,5}){1,4}") {
        let mut data: serde_json::Value =
            serde_json::from_str(crate::data::EMBEDDED_DATASET).expect("the embedded JSON");
        data["events"][0]["title"] = serde_json::json!(title);
        let text = serde_json::to_string(&data).expect("JSON");
        let catalog = crate::data::load("t.json", &text, None).expect("loads");
        let plain = record_cited(&catalog, crate::data::RecordRef::Event(0)).plain;
        proptest::prop_assert!(!plain.contains('\n'), "{}", plain);
        let first = title.lines().next().unwrap_or_default();
        proptest::prop_assert!(plain.starts_with(first), "{}", plain);
    }
}

/// A quote that ends a sentence ends it in a note: no `.”.` and no `..`, in any style, for
/// any record.
#[test]
fn a_note_ends_each_sentence_once() {
    let (catalog, cited) = every_record();
    for cited in &cited {
        for style in [
            CiteStyle::Bibtex,
            CiteStyle::CslJson,
            CiteStyle::Apa,
            CiteStyle::Chicago,
        ] {
            let text = cite(&catalog, cited, style).expect("written");
            for doubled in [".”.", "..", ".\"."] {
                assert!(!text.contains(doubled), "{style:?}: {doubled} in {text}");
            }
        }
    }
}

#[test]
fn sentences_are_ended_once() {
    let parts = |parts: &[&str]| {
        super::as_sentences(&parts.iter().map(|p| p.to_string()).collect::<Vec<_>>())
    };
    assert_eq!(parts(&["a", "b"]), "a. b.");
    assert_eq!(parts(&["“a.”", "b?", "(c.)", "d…"]), "“a.” b? (c.) d…");
    assert_eq!(parts(&[]), "");
}
