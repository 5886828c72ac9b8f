//! What `check` warns a dataset's author of, so that what the dataset says stays what its
//! quotes say: a tie whose quotes do not name the record it ties to (an inference, which must
//! carry a reading, so that one inference is marked alike wherever it is made), and a
//! sentence of a summary or outcome that shares no word with any quote the record rests on.
//! These are judgements a reader should look at, not errors: `check --strict` makes them so.

use std::collections::HashMap;

use super::{
    catalog::Catalog,
    problems::Problems,
    record::{RecordRef, Relation},
    spellings::SpelledName,
};

/// Words that carry no content of their own: a sentence made of them alone cites nothing.
const FUNCTION_WORDS: [&str; 24] = [
    "about", "also", "among", "been", "being", "from", "have", "into", "more", "most", "of",
    "over", "such", "than", "that", "their", "there", "these", "this", "those", "were", "what",
    "which", "with",
];

/// How many letters of a word two words must share to count as the same word: enough to
/// pass "promote"/"promoting" and "religion"/"religious", not "state"/"statement" alone.
const STEM: usize = 5;

/// Adds to `warnings` everything `check` warns of in `catalog`, by path, in record order.
pub fn claim_warnings(catalog: &Catalog, warnings: &mut Problems) {
    let mut named_by = HashMap::new();
    for record in catalog.records() {
        let Some(view) = catalog.get(record) else {
            continue;
        };
        // Paths are written only for the warnings listed.
        let path = || format!("{}[{}]", record.collection(), record.index());
        let mut evidence: Vec<String> = view.sources().iter().map(|c| c.quote.into()).collect();
        for relation in catalog.relations(record).iter() {
            if let Some(tie) = catalog.tie(&relation) {
                evidence.extend(tie.sources().iter().map(|c| c.quote.to_string()));
            }
            if !relation.role.is_stored() {
                continue;
            }
            // The tie is named by the id it gives: ties are listed by kind, not in file order.
            let tie_path = || {
                let target = catalog.get(relation.target).map_or("", |view| view.id());
                match relation.role.own_field() {
                    Some((field, true)) => format!("{}.{field}[{target}]", path()),
                    Some((field, false)) => format!("{}.{field}", path()),
                    None => path(),
                }
            };
            check_tie(
                catalog,
                record,
                &relation,
                tie_path,
                &mut named_by,
                warnings,
            );
        }
        let words = Words::of(&evidence);
        for field in ["summary", "outcome"] {
            for sentence in view.text(field).into_iter().flat_map(sentences) {
                if !words.cites(sentence) {
                    warnings.add_with(|| {
                        let message = format!(
                            "“{}” shares no word with the record's quotes or its ties' quotes: \
                             say only what they say, or cite the sentence that says it",
                            short(sentence)
                        );
                        (format!("{}.{field}", path()), message)
                    });
                }
            }
        }
    }
}

/// Warns of a tie whose quotes do not name its other end and that carries no reading. The
/// names of an end with other spellings are worked out once per name in `named_by`, not per
/// tie: a name may have tens of thousands of spellings and many ties.
fn check_tie(
    catalog: &Catalog,
    record: RecordRef,
    relation: &Relation,
    path: impl FnOnce() -> String,
    named_by: &mut HashMap<SpelledName, Names>,
    warnings: &mut Problems,
) {
    let Some(tie) = catalog.tie(relation) else {
        return;
    };
    if tie.sources().is_empty() || !catalog.tie_readings(record, relation).is_empty() {
        return;
    }
    let target = catalog.title(relation.target);
    let alone;
    let names = match catalog.spelled_name(target) {
        Some(id) => named_by.entry(id).or_insert_with(|| {
            Names::new(
                std::iter::once(target)
                    .chain(catalog.spellings_by_id(id).iter().map(String::as_str)),
            )
        }),
        None => {
            alone = Names::new(std::iter::once(target));
            &alone
        }
    };
    let named = tie
        .sources()
        .iter()
        .any(|citation| names.named_in(citation.quote));
    if !named {
        warnings.add_with(|| {
            let message = format!(
                "its quotes do not name {}: that they mean it is an inference; give the tie a \
                 \"reading\" that says so",
                short(target)
            );
            (path(), message)
        });
    }
}

/// The ways the names of a record may be written (see [`alternatives`]), indexed so that
/// whether a quote names one takes time by the quote's words, not by the names.
#[derive(Default)]
struct Names {
    /// The content words of each way that has some (see [`content_words`]).
    stems: Vec<Vec<String>>,
    /// The ways in `stems` by their first content word, which a quote naming them must hold.
    by_first_stem: HashMap<String, Vec<usize>>,
    /// All the words of each way without content words.
    plain: Vec<Vec<String>>,
    /// The ways in `plain` by their first word.
    by_first_word: HashMap<String, Vec<usize>>,
    /// Whether a way has no words at all, which every quote names.
    wordless: bool,
}

impl Names {
    fn new<'a>(names: impl Iterator<Item = &'a str>) -> Self {
        let mut all = Self::default();
        for way in names.flat_map(alternatives) {
            let stems = content_words(way);
            if let Some(first) = stems.first() {
                let at = all.stems.len();
                all.by_first_stem.entry(first.clone()).or_default().push(at);
                all.stems.push(stems);
                continue;
            }
            let words = words(way);
            let Some(first) = words.first() else {
                all.wordless = true;
                continue;
            };
            let at = all.plain.len();
            all.by_first_word.entry(first.clone()).or_default().push(at);
            all.plain.push(words);
        }
        all
    }

    /// Whether `quote` names one of the ways: holds all its content words (by their stems),
    /// or, for a way without content words, all its words.
    fn named_in(&self, quote: &str) -> bool {
        if self.wordless {
            return true;
        }
        let stems = content_words(quote);
        let by_stems = stems.iter().any(|stem| {
            self.by_first_stem.get(stem).is_some_and(|ways| {
                ways.iter()
                    .any(|&way| self.stems[way].iter().all(|s| stems.contains(s)))
            })
        });
        if by_stems || self.plain.is_empty() {
            return by_stems;
        }
        let whole = words(quote);
        whole.iter().any(|word| {
            self.by_first_word.get(word).is_some_and(|ways| {
                ways.iter()
                    .any(|&way| self.plain[way].iter().all(|w| whole.contains(w)))
            })
        })
    }
}

/// The words of a record's quotes, cut to their stems.
struct Words(Vec<String>);

impl Words {
    fn of(quotes: &[String]) -> Self {
        Self(quotes.iter().flat_map(|q| content_words(q)).collect())
    }

    /// Whether `sentence` shares a content word with the quotes, or has none to share.
    fn cites(&self, sentence: &str) -> bool {
        // A sentence about the source itself ("The source gives no dates.") says where the
        // record comes from, not what happened.
        if sentence.starts_with("The source ") {
            return true;
        }
        let words = content_words(sentence);
        words.is_empty() || words.iter().any(|word| self.0.contains(word))
    }
}

/// The content words of `text`, lower case, cut to [`STEM`] letters.
fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.chars().count() >= 4)
        .map(str::to_lowercase)
        .filter(|word| !FUNCTION_WORDS.contains(&word.as_str()))
        .map(|word| word.chars().take(STEM).collect())
        .collect()
}

/// The sentences of `text`.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split_inclusive(". ")
        .map(str::trim)
        .filter(|sentence| !sentence.is_empty())
}

/// The ways a name may be written: whole, without its parenthesis, and the parenthesis
/// alone (`Islamic Development Bank (IDB)`: also `Islamic Development Bank` and `IDB`).
fn alternatives(name: &str) -> Vec<&str> {
    let mut ways = vec![name];
    if let Some((before, after)) = name.split_once(" (") {
        ways.push(before);
        ways.push(after.trim_end_matches(')'));
    }
    ways
}

/// The words of `text`, lower case.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// `text` cut for a message.
fn short(text: &str) -> String {
    const MOST: usize = 80;
    // A warning is one line: a sentence's line breaks are spaces in it, so no summary can
    // print a line of its own (`d.json: clean, 0 warnings`).
    let text = &*super::display::breaks_as_spaces(text);
    let Some((mut end, _)) = text.char_indices().nth(MOST) else {
        return text.to_string();
    };
    // The text is as the screen shows it: a cut inside an escape (`\u{a…` of `\u{ad}`) would
    // read as another character, so the escape is kept whole.
    if let Some(open) = text[..end].rfind("\\u{")
        && !text[open..end].contains('}')
        && let Some(close) = text[end..].find('}')
    {
        end += close + 1;
    }
    match end < text.len() {
        true => format!("{}…", &text[..end]),
        false => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{load, load_embedded};

    fn warnings_of(json: &str) -> Vec<String> {
        let catalog = load("t.json", json, None).unwrap_or_else(|error| panic!("{error}"));
        let mut warnings = Problems::default();
        claim_warnings(&catalog, &mut warnings);
        warnings.listed().iter().map(ToString::to_string).collect()
    }

    /// A dataset with one event and one participant tied by `tie`, the event summarised as
    /// `summary`.
    fn dataset(tie: &str, summary: &str) -> String {
        format!(
            r#"{{"title": "t",
              "events": [{{"id": "e", "title": "Summit in Baku", "kind": "summit",
                "summary": "{summary}",
                "sources": [{{"paragraph": 1, "quote": "the summit was held in Baku"}}],
                "participants": [{tie}]}}],
              "participants": [{{"id": "p", "name": "N. Nazarbayev", "kind": "person",
                "summary": "He spoke.",
                "sources": [{{"paragraph": 1, "quote": "N.Nazarbayev spoke"}}]}}]}}"#
        )
    }

    #[test]
    fn a_tie_whose_quotes_do_not_name_its_end_needs_a_reading() {
        let unnamed = r#"{"id": "p", "kind": "took_part",
            "sources": [{"paragraph": 1, "quote": "the President took part"}]}"#;
        let warnings = warnings_of(&dataset(unnamed, "A summit in Baku."));
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0]
                .starts_with("events[0].participants[p]: its quotes do not name N. Nazarbayev")
        );
        let read = r#"{"id": "p", "kind": "took_part", "reading": "The President is read as him.",
            "sources": [{"paragraph": 1, "quote": "the President took part"}]}"#;
        assert_eq!(
            warnings_of(&dataset(read, "A summit in Baku.")),
            Vec::<String>::new()
        );
        // Spaces and stops do not hide a name: "N.Nazarbayev" names "N. Nazarbayev".
        let named = r#"{"id": "p", "kind": "took_part",
            "sources": [{"paragraph": 1, "quote": "N.Nazarbayev took part"}]}"#;
        assert_eq!(
            warnings_of(&dataset(named, "A summit in Baku.")),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_summary_sentence_no_quote_supports_is_named() {
        let bare = r#"{"id": "p", "kind": "took_part",
            "sources": [{"paragraph": 1, "quote": "N.Nazarbayev took part"}]}"#;
        let warnings = warnings_of(&dataset(
            bare,
            "A summit in Baku. It adopted sweeping economic reforms.",
        ));
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].starts_with("events[0].summary: “It adopted sweeping economic reforms.”")
        );
    }

    #[test]
    fn a_sentence_is_never_cut_inside_an_escape() {
        for at in 70..80 {
            let text = format!("{}\\u{{ad}}{}", "a".repeat(at), "b".repeat(40));
            let cut = short(&text);
            let kept = cut.trim_end_matches('…');
            assert!(
                !kept.contains("\\u{") || kept.contains("\\u{ad}"),
                "{at}: {cut}"
            );
        }
        assert_eq!(short("short"), "short");
        assert_eq!(
            short("one\nd.json: clean\r\nall good"),
            "one d.json: clean all good"
        );
    }

    #[test]
    fn the_embedded_dataset_has_no_warnings() {
        let catalog = load_embedded().expect("loads");
        let mut warnings = Problems::default();
        claim_warnings(&catalog, &mut warnings);
        assert_eq!(warnings.listed(), &[]);
        assert_eq!(warnings.len(), 0);
    }

    #[test]
    fn names_indexed_by_their_first_word_are_named_as_one_by_one() {
        let names = [
            "Islamic Development Bank (IDB)",
            "IsDB",
            "N. Nazarbayev",
            "Nursultan Nazarbayev",
            "The Of",
            "",
        ];
        let quotes = [
            "the Islamic Development Bank funded it",
            "the IDB funded it",
            "the isdb funded it",
            "Nazarbayev spoke",
            "N. Nazarbayev spoke",
            "the of",
            "of the",
            "nothing here",
        ];
        // One by one, as the check did before indexing the names.
        let one_by_one = |names: &[&str], quote: &str| {
            let stems = content_words(quote);
            let whole = words(quote);
            names
                .iter()
                .flat_map(|name| alternatives(name))
                .any(|name| match content_words(name) {
                    own if own.is_empty() => words(name).iter().all(|w| whole.contains(w)),
                    own => own.iter().all(|stem| stems.contains(stem)),
                })
        };
        for count in 1..=names.len() {
            let names = &names[..count];
            let indexed = Names::new(names.iter().copied());
            for quote in quotes {
                assert_eq!(
                    indexed.named_in(quote),
                    one_by_one(names, quote),
                    "{names:?} in {quote:?}"
                );
            }
        }
    }
}
