//! Citations in the reader's style: what `y` copies. A record (or a paragraph of the source)
//! is cited as plain text, Markdown, BibTeX, CSL-JSON, or formatted by hayagriva (the CSL
//! processor Typst uses) in APA or Chicago author-date. Every style names the document (as the
//! dataset describes it, its readings bracketed), each paragraph, and each verbatim quote. Text
//! from the dataset is escaped as on screen, so nothing pasted acts on a terminal. Reads the
//! catalog only; the app decides what is cited and where it goes.

mod bibtex;
mod cited;
mod csl;
mod markdown;
mod work;

#[cfg(test)]
mod tests;

use strum::{EnumIter, IntoEnumIterator};

pub use cited::{citation_text, paragraph_cited, record_cited};
pub use work::Work;

use crate::data::Catalog;

/// A style a citation is copied in, by the name the config file's `cite_style` and
/// `--cite-style` take.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, EnumIter, clap::ValueEnum, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum CiteStyle {
    /// One line: the record, each paragraph and quote, the dataset and the record's id.
    #[default]
    Plain,
    /// The record in bold, each quote as a block quote, the document in a line.
    Markdown,
    /// A BibTeX entry of the document, the paragraphs and quotes in its note.
    Bibtex,
    /// A CSL-JSON item of the document (what Zotero and pandoc read), the quotes in its note.
    CslJson,
    /// APA (7th edition), formatted by hayagriva: each quote with its in-text citation, then
    /// the reference.
    Apa,
    /// Chicago author-date (17th edition), formatted by hayagriva, as APA is.
    Chicago,
}

impl CiteStyle {
    /// Its name in the config file (`csl-json`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Plain => "plain",
            Self::Markdown => "markdown",
            Self::Bibtex => "bibtex",
            Self::CslJson => "csl-json",
            Self::Apa => "apa",
            Self::Chicago => "chicago",
        }
    }

    /// Its name as a person writes it, for messages (`CSL-JSON`).
    pub fn label(self) -> &'static str {
        match self {
            Self::Plain => "plain text",
            Self::Markdown => "Markdown",
            Self::Bibtex => "BibTeX",
            Self::CslJson => "CSL-JSON",
            Self::Apa => "APA",
            Self::Chicago => "Chicago author-date",
        }
    }

    /// Every style, in the order the chooser lists them.
    pub fn all() -> impl Iterator<Item = Self> {
        Self::iter()
    }
}

/// What is cited: a record, or a paragraph of the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cited {
    /// The record's title and particulars (`8th OIC Summit (December 1997, Tehran)`); none
    /// for a paragraph.
    pub heading: Option<String>,
    /// The record's id.
    pub id: Option<String>,
    /// Each paragraph it rests on, with the verbatim quote.
    pub passages: Vec<(u32, String)>,
    /// The citation in plain text, as the app has always written it.
    pub plain: String,
}

impl Cited {
    /// A key for the entry, of the characters BibTeX and CSL allow: `oic-ev-1997-12-summit-8`,
    /// `oic-paragraph-3`.
    fn key(&self) -> String {
        let what = match (&self.id, self.passages.first()) {
            (Some(id), _) => id.clone(),
            (None, Some((paragraph, _))) => format!("paragraph-{paragraph}"),
            (None, None) => "source".to_string(),
        };
        let safe: String = what
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.') {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        format!("oic-{safe}")
    }

    /// What the citation is of, in words, for a note: the record and its id.
    fn about(&self) -> Option<String> {
        match (&self.heading, &self.id) {
            (Some(heading), Some(id)) => Some(format!("{heading} (record {id})")),
            (Some(heading), None) => Some(heading.clone()),
            _ => None,
        }
    }

    /// The note an entry carries, as sentences: each passage quoted with its paragraph, what
    /// the citation is of, and which of the work's particulars are readings. Each text from
    /// the data passes through `text` (a style's own escaping).
    fn note(&self, work: &Work, text: impl Fn(&str) -> String) -> String {
        let mut sentences: Vec<String> = self
            .passages
            .iter()
            .map(|(paragraph, quote)| format!("Paragraph {paragraph}: “{}”", text(quote)))
            .collect();
        sentences.extend(self.about().map(|about| format!("On {}", text(&about))));
        if let Some(readings) = work.readings() {
            sentences.push(format!(
                "In brackets, readings ({readings}): the source does not show them"
            ));
        }
        as_sentences(&sentences)
    }
}

/// `parts` as sentences: each ended with a full stop unless it already ends one (a quote
/// ending `.”` is not followed by another), joined by spaces.
fn as_sentences(parts: &[String]) -> String {
    let ends_a_sentence = |part: &str| {
        part.trim_end_matches(['”', '’', '"', '\'', ')', ']'])
            .ends_with(['.', '!', '?', '…'])
    };
    let ended: Vec<String> = parts
        .iter()
        .map(|part| match ends_a_sentence(part) {
            true => part.clone(),
            false => format!("{part}."),
        })
        .collect();
    ended.join(" ")
}

/// `cited` in `style`, or why hayagriva could not format it.
pub fn cite(catalog: &Catalog, cited: &Cited, style: CiteStyle) -> Result<String, String> {
    let work = Work::of(catalog);
    Ok(match style {
        CiteStyle::Plain => cited.plain.clone(),
        CiteStyle::Markdown => markdown::cite(&work, cited),
        CiteStyle::Bibtex => bibtex::cite(&work, cited),
        CiteStyle::CslJson => csl::json(&work, cited),
        CiteStyle::Apa => csl::formatted(&work, cited, csl::Formatted::Apa)?,
        CiteStyle::Chicago => csl::formatted(&work, cited, csl::Formatted::Chicago)?,
    })
}
