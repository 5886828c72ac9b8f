//! A citation as CSL-JSON (the item format Zotero, pandoc and citeproc read), and formatted
//! from that same item by hayagriva in APA or Chicago author-date: each quote with its in-text
//! citation, the paragraph as its locator, then the reference.

use hayagriva::{
    BibliographyDriver, BibliographyRequest, BufWriteFormat, CitationItem, CitationRequest,
    ElemChildren, LocatorPayload, SpecificLocator,
    archive::{ArchivedStyle, locales},
    citationberg::{LocaleCode, Style, json::Item, taxonomy::Locator},
};
use serde_json::{Value, json};

use super::{Cited, Work};

/// The styles hayagriva formats here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Formatted {
    /// APA, 7th edition.
    Apa,
    /// Chicago author-date, 17th edition.
    Chicago,
}

/// The document as a CSL-JSON item; with `note`, the paragraphs and quotes in its note.
fn item(work: &Work, cited: &Cited, note: bool) -> Value {
    let mut item = serde_json::Map::new();
    item.insert("id".into(), json!(cited.key()));
    // A report: an issuing body's text, which both styles write without the stray marks
    // they give a bare "document" (`(2006,)`, `”.`).
    item.insert("type".into(), json!("report"));
    item.insert("title".into(), json!(work.title.bracketed()));
    if let Some(author) = &work.author {
        item.insert("author".into(), json!([{ "literal": author.bracketed() }]));
    }
    if let Some((part, (year, month, day))) = &work.date {
        let parts: Vec<i64> = [
            Some(i64::from(*year)),
            month.map(i64::from),
            day.map(i64::from),
        ]
        .into_iter()
        .map_while(|part| part)
        .collect();
        let mut issued = json!({ "date-parts": [parts] });
        if part.reading {
            issued["circa"] = json!(true);
        }
        item.insert("issued".into(), issued);
    }
    if let Some(place) = &work.place {
        item.insert("publisher-place".into(), json!(place.bracketed()));
    }
    if let Some(url) = &work.url {
        item.insert("URL".into(), json!(url.text));
    }
    if let Some(language) = &work.language {
        item.insert("language".into(), json!(language.text));
    }
    if note {
        item.insert("note".into(), json!(cited.note(work, str::to_string)));
    }
    Value::Object(item)
}

/// `cited` as a CSL-JSON array of one item, pretty-printed.
pub fn json(work: &Work, cited: &Cited) -> String {
    let items = Value::Array(vec![item(work, cited, true)]);
    serde_json::to_string_pretty(&items).unwrap_or_default()
}

/// Hayagriva's rendering as plain text.
fn plain(children: &ElemChildren) -> Result<String, String> {
    let mut text = String::new();
    children
        .write_buf(&mut text, BufWriteFormat::Plain)
        .map_err(|error| error.to_string())?;
    Ok(text)
}

/// `cited` in `style`: each quote followed by its in-text citation (the paragraph its
/// locator), then the reference. The quotes and references' text was escaped for a terminal
/// before hayagriva saw it.
pub fn formatted(work: &Work, cited: &Cited, style: Formatted) -> Result<String, String> {
    let item: Item = serde_json::from_value(item(work, cited, false))
        .map_err(|error| format!("the item was not CSL-JSON: {error}"))?;
    format_item(item, cited, style, work)
}

/// `item` formatted as [`formatted`] says.
fn format_item(item: Item, cited: &Cited, style: Formatted, work: &Work) -> Result<String, String> {
    let archived = match style {
        Formatted::Apa => ArchivedStyle::AmericanPsychologicalAssociation,
        Formatted::Chicago => ArchivedStyle::ChicagoAuthorDate,
    };
    let Style::Independent(style) = archived.get() else {
        return Err(format!(
            "{} is not a style of its own",
            archived.display_name()
        ));
    };
    let locales = locales();
    let english = Some(LocaleCode::en_us());
    let numbers: Vec<String> = cited
        .passages
        .iter()
        .map(|(paragraph, _)| paragraph.to_string())
        .collect();
    let mut driver = BibliographyDriver::new();
    let locators: Vec<Option<SpecificLocator<'_>>> = if numbers.is_empty() {
        vec![None]
    } else {
        numbers
            .iter()
            .map(|number| {
                Some(SpecificLocator(
                    Locator::Paragraph,
                    LocatorPayload::Str(number),
                ))
            })
            .collect()
    };
    for locator in locators {
        driver.citation(CitationRequest::new(
            vec![CitationItem::new(&item, locator, None, false, None)],
            &style,
            english.clone(),
            &locales,
            None,
        ));
    }
    let rendered = driver.finish(BibliographyRequest::new(&style, english, &locales));
    let mut lines: Vec<String> = Vec::new();
    for (at, citation) in rendered.citations.iter().enumerate() {
        let said = plain(&citation.citation)?;
        match cited.passages.get(at) {
            Some((_, quote)) => lines.push(format!("“{quote}” {said}")),
            None => lines.push(said),
        }
    }
    let reference = rendered
        .bibliography
        .and_then(|bibliography| bibliography.items.into_iter().next())
        .ok_or("no reference came out")?;
    lines.push(String::new());
    lines.push(plain(&reference.content)?);
    if let Some(readings) = work.readings() {
        lines.push(format!(
            "In brackets, readings ({readings}): the source does not show them."
        ));
    }
    Ok(lines.join("\n"))
}
