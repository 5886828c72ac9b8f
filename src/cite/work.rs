//! The document a citation names, as the dataset describes it: each particular with whether
//! the source shows it or it is a reading, escaped as the screen shows text. Without a
//! `document` in the dataset, its title stands in as the document's, as a reading.

use crate::data::{
    Catalog, DocumentField,
    display::escaped,
    document::{DateParts, parse_date},
};

/// One particular of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// The value, escaped for a terminal.
    pub text: String,
    /// Whether it is a reading: the source does not show it.
    pub reading: bool,
}

impl Part {
    fn of(field: &DocumentField) -> Self {
        Self {
            text: escaped(field.value()).into_owned(),
            reading: field.reading().is_some(),
        }
    }

    /// The value, in square brackets when it is a reading, as supplied information is
    /// written in a citation.
    pub fn bracketed(&self) -> String {
        if self.reading {
            format!("[{}]", self.text)
        } else {
            self.text.clone()
        }
    }
}

/// The source document, as cited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Work {
    /// Its title.
    pub title: Part,
    /// Who wrote or issued it.
    pub author: Option<Part>,
    /// When: the text, and its year, month and day.
    pub date: Option<(Part, DateParts)>,
    /// Where it was published.
    pub place: Option<Part>,
    /// Its address.
    pub url: Option<Part>,
    /// Its language tag.
    pub language: Option<Part>,
}

impl Work {
    /// The document `catalog` quotes.
    pub fn of(catalog: &Catalog) -> Self {
        let document = catalog.document().cloned().unwrap_or_default();
        let title = document.title.as_ref().map_or_else(
            || Part {
                text: catalog.title_of_dataset().to_string(),
                reading: true,
            },
            Part::of,
        );
        let date = document.date.as_ref().and_then(|field| {
            let parsed = parse_date(field.value())?;
            Some((Part::of(field), parsed))
        });
        Self {
            title,
            author: document.author.as_ref().map(Part::of),
            date,
            place: document.place.as_ref().map(Part::of),
            url: document.url.as_ref().map(Part::of),
            language: document.language.as_ref().map(Part::of),
        }
    }

    /// The particulars that are readings, by name (`author, title, date`), if any.
    pub fn readings(&self) -> Option<String> {
        let named = [
            ("author", self.author.as_ref()),
            ("title", Some(&self.title)),
            ("date", self.date.as_ref().map(|(part, _)| part)),
            ("place", self.place.as_ref()),
            ("address", self.url.as_ref()),
            ("language", self.language.as_ref()),
        ];
        let readings: Vec<&str> = named
            .into_iter()
            .filter(|(_, part)| part.is_some_and(|part| part.reading))
            .map(|(name, _)| name)
            .collect();
        (!readings.is_empty()).then(|| readings.join(", "))
    }

    /// The document in one line: author, title, date, place and address, each a reading in
    /// brackets, as the plain styles write it; `emphasis` wraps the title (`*` in Markdown).
    pub fn line(&self, emphasis: &str) -> String {
        let mut parts: Vec<String> = Vec::new();
        parts.extend(self.author.as_ref().map(Part::bracketed));
        parts.push(format!("{emphasis}{}{emphasis}", self.title.bracketed()));
        parts.extend(self.date.as_ref().map(|(part, _)| part.bracketed()));
        parts.extend(self.place.as_ref().map(Part::bracketed));
        parts.extend(self.url.as_ref().map(Part::bracketed));
        parts.join(", ")
    }
}
